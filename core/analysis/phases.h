#pragma once
// Phases of a run, delimited by taskscope.mark("label"): each mark starts a phase named by
// its label that lasts until the next mark of the same thread, or until that thread ends
// (or the time asked for, while it is still going). A lesson that marks "serial",
// "threads" and "processes" before each part gets the three durations side by side
// (002_thread_vs_process_vs_serial.py).

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/analysis/trace_index.h"
#include "core/trace/trace.h"

namespace taskscope::core {

struct Phase {
    std::string label;
    std::uint32_t thread = kNone;  // trace thread that marked it
    std::string threadName;        // "MainThread"
    std::string process;           // its process's name
    SimTime start = 0;
    SimTime end = 0;     // the next mark, the thread's end, or the time asked for
    bool ended = false;  // false: still going at that time
    SimTime duration() const { return end - start; }
};

// The phases at time t (the cursor; the end of the run for the CLI), in the order they
// started.
std::vector<Phase> phasesAt(const Trace& trace, const TraceIndex& index, SimTime t);

// The `--stats` JSON's "phases": label, thread, process, start, end, duration in `unit`.
nlohmann::json phasesToJson(const std::vector<Phase>& phases, SimTime unit);

}  // namespace taskscope::core
