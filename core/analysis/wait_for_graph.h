#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/sim/machine.h"
#include "core/trace/trace.h"

namespace taskscope::core {

// One of the four Coffman conditions, whether it holds, and why (in English, as the command
// line prints it; the GUI words the evidence itself from the graph, translated).
struct CoffmanCondition {
    std::string name;  // "mutual exclusion", "hold and wait", "no preemption", "circular wait"
    bool holds = false;
    std::string evidence;
};

// The wait-for graph at one instant: threads and the objects they wait for or hold, its
// cycle, and the four Coffman conditions judged on the cycle when there is one, else on the
// whole graph (which of them hold already, before a deadlock forms).
struct WaitForGraph {
    struct Node {
        bool thread = true;       // a thread, else a kernel object
        std::uint32_t index = 0;  // thread or object index
        std::string label;        // thread name, "Lock A"
        std::string name;         // thread name, object name ("A")
        std::string detail;       // thread: "T1 (pid 1001)"; object: its label
        bool inCycle = false;
    };
    struct Edge {
        enum class Kind { WaitsFor, HeldBy };  // thread -> object / object -> thread
        Kind kind = Kind::WaitsFor;
        int from = 0;  // node indexes
        int to = 0;
        bool inCycle = false;
    };
    // Mutual exclusion: a lock (node index) and its one holder (thread index and name).
    struct Holding {
        int object = 0;
        std::uint32_t holder = 0;
        std::string name;
    };
    // Hold and wait: a thread, the locks it holds, the object it waits for (node indexes).
    struct HoldAndWait {
        int thread = 0;
        std::vector<int> held;
        int waitsFor = 0;
    };

    std::vector<Node> nodes;
    std::vector<Edge> edges;
    // The cycle: thread, object, thread, object... (node indexes); empty when none.
    std::vector<int> cycle;
    bool deadlocked = false;  // the machine found a deadlock at or before the instant
    // The evidence, in object order and in the cycle's (or the nodes') thread order.
    std::vector<Holding> exclusive;
    std::vector<HoldAndWait> holdAndWait;
    std::vector<CoffmanCondition> conditions;  // always four, in the order of `name` above

    int findThread(std::uint32_t thread) const;
    int findObject(std::uint32_t object) const;
    bool hasEdge(Edge::Kind kind, int from, int to) const;
};

// From the trace state at a cursor: every live thread, every lock and every object waited
// for; "held by" for Lock/RLock holders and Join targets (from `machine`, may be null). The
// cycle is searched from each thread in index order.
WaitForGraph waitForGraph(const Trace& trace, const TraceState& state, const Machine* machine);
// From the live machine now. Its cycle is the machine's deadlock when there is one (as the
// machine found it, from the thread that closed it), else searched as above.
WaitForGraph waitForGraph(const Machine& m);

// "T1 (pid 1001) waits for Lock B held by T2; T2 (pid 1002) waits for Lock A held by T1"
// (empty when the graph has no cycle).
std::string describeCycle(const WaitForGraph& g);

}  // namespace taskscope::core
