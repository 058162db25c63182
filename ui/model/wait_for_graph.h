#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/trace/trace.h"

namespace taskscope::core {
class Machine;
}

namespace taskscope::ui {

// The wait-for graph at one instant: threads and the objects they wait for or hold.
struct WaitForGraph {
    struct Node {
        bool thread = true;       // a thread, else a kernel object
        std::uint32_t index = 0;  // thread or object index
        std::string label;
        bool inCycle = false;
    };
    struct Edge {
        enum class Kind { WaitsFor, HeldBy };  // thread -> object / object -> thread
        Kind kind = Kind::WaitsFor;
        int from = 0;  // node indexes
        int to = 0;
        bool inCycle = false;
    };
    struct Condition {
        std::string name;  // "mutual exclusion", "hold and wait", "no preemption", "circular wait"
        bool holds = false;
        std::string evidence;
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    // The cycle: thread, object, thread, object... (node indexes); empty when none.
    std::vector<int> cycle;
    bool deadlocked = false;            // a Deadlock record at or before the instant
    std::vector<Condition> conditions;  // the four Coffman conditions, always four

    int findThread(std::uint32_t thread) const;
    int findObject(std::uint32_t object) const;
    bool hasEdge(Edge::Kind kind, int from, int to) const;
};

// Built from the trace state at the cursor, mirroring core/analysis/deadlock_report.cpp:
// every live thread that waits or holds a lock, every lock or object waited for; "held by"
// for Lock/RLock holders and Join targets (from `machine`, may be null).
WaitForGraph waitForGraph(const core::Trace& trace, const core::TraceState& state,
                          const core::Machine* machine);

}  // namespace taskscope::ui
