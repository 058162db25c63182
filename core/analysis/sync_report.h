#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/sim/machine.h"

namespace taskscope::core {

// The "lost_updates" object of the --stats JSON: the count and the first 100, times in `unit`.
nlohmann::json lostUpdatesToJson(const Machine& m, SimTime unit);
// The "objects" array of the --stats JSON: per kernel object its use and contention.
nlohmann::json objectsToJson(const Machine& m, SimTime unit);
// "lost updates: 5 (first at 2 ms: P2 wrote counter from a value read at 1, overwriting P1's
// write at 1.5)" for the summary; empty when there was none.
std::string describeLostUpdates(const Machine& m, SimTime unit, const std::string& unitName);

}  // namespace taskscope::core
