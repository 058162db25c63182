#pragma once

#include <string>
#include <vector>

#include "core/trace/trace.h"
#include "ui/model/trace_index.h"

namespace taskscope::ui {

// The textbook figures of each process as far as the run has got at time t (-1: not yet).
struct ProcessFigures {
    std::uint32_t process = 0;
    std::string name;
    int pid = 0;
    core::SimTime arrival = -1;
    core::SimTime finish = -1;
    core::SimTime cpu = 0;
    core::SimTime waiting = 0;  // time Ready
    core::SimTime turnaround = -1;
    core::SimTime response = -1;
};

struct RunFigures {
    std::vector<ProcessFigures> processes;
    double averageWaiting = 0;     // over the processes that have arrived
    double averageTurnaround = 0;  // over the processes that have finished
    int finished = 0;
};

// Computed from the trace alone, so it works for any cursor time; at the end of a run it
// equals core::computeStats() on the machine.
RunFigures runFigures(const core::Trace& trace, const TraceIndex& index, core::SimTime t);

// The fraction of each of `bins` equal slices of [t0, t1) that `core` spent running a thread.
std::vector<double> coreUtilization(const core::Trace& trace, int core, core::SimTime t0,
                                    core::SimTime t1, int bins);

}  // namespace taskscope::ui
