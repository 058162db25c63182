#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/util/time.h"

namespace taskscope::ui {

// The unit a duration reads best in: the largest of s, ms, µs, ns that keeps the value >= 1.
struct TimeUnit {
    core::SimTime ns = 1;
    const char* suffix = "ns";
};
TimeUnit unitFor(core::SimTime magnitude);

// "12.5 ms", "3 s", "250 µs": `digits` significant decimals, trailing zeros dropped.
std::string formatDuration(core::SimTime t, int digits = 3);
// A label for an axis tick at `t` when ticks are `step` apart: the unit of the step, and
// just enough decimals to tell neighbouring ticks apart.
std::string formatTick(core::SimTime t, core::SimTime step);
// `t` in a fixed unit with fixed decimals: "156.000 ms" for the clock, so it does not jump.
std::string formatInUnit(core::SimTime t, core::SimTime unit, int decimals = 3);
// ps(1)-style cumulative CPU time "M:SS.mmm".
std::string formatCpuTime(core::SimTime t);
// "12ms", "1.5 s", "250us", or a bare number in `defaultUnit` nanoseconds.
std::optional<core::SimTime> parseDuration(std::string_view text, core::SimTime defaultUnit);

}  // namespace taskscope::ui
