#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/trace_index.h"
#include "core/trace/trace.h"

namespace taskscope::core {
class Machine;
}

namespace taskscope::ui {

// One line of the run events list.
struct RunEvent {
    enum class Kind { Spawn, Exit, Deadlock, LostUpdate, Marker, GilDropRequest };
    Kind kind = Kind::Spawn;
    core::SimTime time = 0;
    std::uint32_t record = 0;
    std::string text;
};

// The notable records of the run so far (TraceIndex::runEvents), described. `machine` (may
// be null) names the other thread of a lost update and the whole deadlock cycle.
std::vector<RunEvent> runEvents(const core::Trace& trace, const core::TraceIndex& index,
                                const core::Machine* machine);

}  // namespace taskscope::ui
