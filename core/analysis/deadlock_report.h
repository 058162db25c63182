#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/analysis/wait_for_graph.h"
#include "core/sim/machine.h"

namespace taskscope::core {

// When the run can go no further but threads are still Waiting (no timer, I/O or other
// thread can wake them): one line per blocked thread saying what it waits for. Empty when
// the run finished normally or can still make progress.
std::vector<std::string> describeAllBlocked(const Machine& m);

// The "deadlock" object of the --stats JSON for the machine's deadlock `g` (the machine's
// wait-for graph): time, threads, objects and the four Coffman conditions, times in `unit`.
nlohmann::json deadlockToJson(const Machine& m, const WaitForGraph& g, SimTime unit);

}  // namespace taskscope::core
