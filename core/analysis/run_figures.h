#pragma once

#include <string>
#include <vector>

#include "core/analysis/trace_index.h"
#include "core/trace/trace.h"

namespace taskscope::core {

// The textbook figures of each process as far as the run has got at time t (-1: not yet).
struct ProcessFigures {
    std::uint32_t process = 0;
    std::string name;
    int pid = 0;
    SimTime arrival = -1;
    SimTime finish = -1;
    SimTime cpu = 0;
    SimTime waiting = 0;  // time Ready
    SimTime turnaround = -1;
    SimTime response = -1;
};

struct RunFigures {
    std::vector<ProcessFigures> processes;
    double averageWaiting = 0;     // over the processes that have arrived
    double averageTurnaround = 0;  // over the processes that have finished
    int finished = 0;
};

// Computed from the trace alone, so it works for any cursor time; at the end of a run it
// equals computeStats() on the machine.
RunFigures runFigures(const Trace& trace, const TraceIndex& index, SimTime t);

// The fraction of each of `bins` equal slices of [t0, t1) that `core` spent running a thread.
std::vector<double> coreUtilization(const Trace& trace, int core, SimTime t0, SimTime t1, int bins);

}  // namespace taskscope::core
