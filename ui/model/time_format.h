#pragma once
// The formatter of times is core's (core/util/time_format.h: the CLI uses it too); the GUI
// adds the parser of what a user types.

#include <optional>
#include <string>
#include <string_view>

#include "core/util/time.h"
#include "core/util/time_format.h"

namespace taskscope::ui {

using core::AxisTicks;
using core::axisTicks;
using core::formatCpuTime;
using core::formatDecimal;
using core::formatDuration;
using core::formatInUnit;
using core::formatTick;
using core::TimeUnit;
using core::unitFor;

// "12ms", "1.5 s", "250us", or a bare number in `defaultUnit` nanoseconds.
std::optional<core::SimTime> parseDuration(std::string_view text, core::SimTime defaultUnit);

}  // namespace taskscope::ui
