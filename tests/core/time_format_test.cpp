// Times as people read them (core/util/time_format): durations with their unit, numbers
// without exponents, and axis ticks at round values of the 1-2-5 series.
#include <gtest/gtest.h>

#include "core/util/time_format.h"

using namespace taskscope::core;

TEST(TimeFormat, DurationsPickTheirUnit) {
    EXPECT_EQ(formatDuration(7), "7 ns");  // never "7e-06 ms"
    EXPECT_EQ(formatDuration(12500 * kMicrosecond), "12.5 ms");
    EXPECT_EQ(formatDuration(493069 * kMicrosecond), "493.069 ms");
    EXPECT_EQ(formatDuration(1620 * kMillisecond), "1.62 s");
    EXPECT_EQ(formatDecimal(7e-6), "0.000007");
    EXPECT_EQ(formatDecimal(1620.0), "1620");
    EXPECT_EQ(formatDecimal(17.0 / 3.0), "5.666667");
    EXPECT_EQ(formatDecimal(-1e-9), "0");
}

TEST(TimeFormat, AxisTicksAreRound) {
    struct Case {
        double max;
        int intervals;
        double step, top;
        int decimals;
    };
    for (const Case& c :
         {Case{397.95, 5, 100, 400, 0}, Case{1620, 4, 500, 2000, 0}, Case{0.367, 4, 0.1, 0.4, 1},
          Case{100, 2, 50, 100, 0}, Case{493.069, 10, 50, 500, 0}, Case{3.2, 5, 1, 4, 0},
          Case{0.0072, 5, 0.002, 0.008, 3}, Case{20, 4, 5, 20, 0}}) {
        const AxisTicks t = axisTicks(c.max, c.intervals);
        EXPECT_DOUBLE_EQ(t.step, c.step) << c.max;
        EXPECT_NEAR(t.top, c.top, c.top * 1e-12) << c.max;
        EXPECT_EQ(t.decimals, c.decimals) << c.max;
    }
    const AxisTicks ms = axisTicks(397.95, 5);
    EXPECT_EQ(ms.labelFormat("ms"), "%.0f ms");
    EXPECT_EQ(ms.label(300, "ms"), "300 ms");
    const AxisTicks small = axisTicks(0.367, 4);
    EXPECT_EQ(small.labelFormat(), "%.1f");
    EXPECT_EQ(small.label(0.3), "0.3");
    EXPECT_EQ(axisTicks(100, 2).labelFormat("%"), "%.0f %%");
    // An empty axis is 0 to 1.
    EXPECT_DOUBLE_EQ(axisTicks(0).top, 1.0);
    EXPECT_DOUBLE_EQ(axisTicks(-5).step, 1.0);
}
