#pragma once

#include <string>
#include <vector>

#include "core/sim/machine.h"

namespace taskscope::core {

// One of the four Coffman conditions, whether it holds now, and why.
struct CoffmanCondition {
    std::string name;  // "mutual exclusion", "hold and wait", "no preemption", "circular wait"
    bool holds = false;
    std::string evidence;
};

// The four conditions for the deadlock `d` of machine `m` (all four hold for a real one).
std::vector<CoffmanCondition> coffmanConditions(const Machine& m, const DeadlockInfo& d);

// "T1 waits for Lock A held by T2; T2 waits for Lock B held by T1".
std::string describeCycle(const Machine& m, const DeadlockInfo& d);

// When the run can go no further but threads are still Waiting (no timer, I/O or other
// thread can wake them): one line per blocked thread saying what it waits for. Empty when
// the run finished normally or can still make progress.
std::vector<std::string> describeAllBlocked(const Machine& m);

}  // namespace taskscope::core
