#pragma once
// Times and numbers as people read them, for every front end (the GUI's clock, axes and
// summaries, the CLI's tables, the exported pictures): "12.5 ms", never "1.25e+07 ns" or
// "7e-06 ms"; axis ticks at round values of the 1-2-5 series.

#include <string>

#include "core/util/time.h"

namespace taskscope::core {

// The unit a duration reads best in: the largest of s, ms, µs, ns that keeps the value >= 1.
struct TimeUnit {
    SimTime ns = 1;
    const char* suffix = "ns";
};
TimeUnit unitFor(SimTime magnitude);

// "12.5 ms", "3 s", "250 µs": `digits` decimals at most, trailing zeros dropped.
std::string formatDuration(SimTime t, int digits = 3);
// A label for an axis tick at `t` when ticks are `step` apart: the unit of the step, and
// just enough decimals to tell neighbouring ticks apart.
std::string formatTick(SimTime t, SimTime step);
// `t` in a fixed unit with fixed decimals: "156.000 ms" for the clock, so it does not jump.
std::string formatInUnit(SimTime t, SimTime unit, int decimals = 3);
// ps(1)-style cumulative CPU time "M:SS.mmm".
std::string formatCpuTime(SimTime t);
// A number without an exponent: at most `decimals` decimals, trailing zeros dropped
// ("0.000007", "1620", "17.333"); "-0" reads "0".
std::string formatDecimal(double v, int decimals = 6);

// The ticks of a value axis from 0: a step of the 1-2-5 series that gives at most
// `intervals` intervals up to `max`, the first tick at or above `max` (the top of a bar
// chart), and the decimals a label needs (0 for steps >= 1, 1 for 0.5, 2 for 0.05...).
// max 397.95 -> step 100, top 400, 0 decimals; max 0.367 -> 0.1, 0.4, 1.
struct AxisTicks {
    double step = 1;
    double top = 1;
    int decimals = 0;
    // A printf format for Qt's QValueAxis labels: "%.0f ms", "%.1f" (no suffix), "%.0f%%".
    std::string labelFormat(const std::string& suffix = {}) const;
    // The label of the tick at `v`: "50 ms".
    std::string label(double v, const std::string& suffix = {}) const;
};
AxisTicks axisTicks(double max, int intervals = 5);

}  // namespace taskscope::core
