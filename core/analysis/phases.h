#pragma once
// Phases of a run: `taskscope.mark("label")` starts a phase that lasts until the next mark
// (of any thread) or the end of the run. A label marked again adds to its phase.

#include <string>
#include <utility>
#include <vector>

#include "core/trace/trace.h"

namespace taskscope::core {

// (label, duration in ns) in the order the labels were first marked.
std::vector<std::pair<std::string, SimTime>> phaseDurations(const Trace& trace, SimTime end);

}  // namespace taskscope::core
