#pragma once

#include <string>
#include <vector>

#include "core/analysis/trace_index.h"
#include "core/os/state.h"
#include "core/trace/trace.h"

namespace taskscope::core {

// What a process looks like at one instant, summarised from its threads.
enum class ProcessLook { New, Ready, Running, Waiting, Zombie, Terminated };

// One line of `ps aux` at the cursor (plus the fields the process tree draws).
struct PsRow {
    std::uint32_t process = kNone;  // kNone: the simulated shell
    std::string user;
    int pid = 0;
    int ppid = 0;
    std::string stat;       // "R", "S", "D", "Z", "T" with "l" for multi-threaded
    double cpuPercent = 0;  // CPU time / time alive, as ps computes it
    SimTime cpuTime = 0;
    std::string command;
    std::string name;
    int threads = 0;  // live threads
    ProcessLook look = ProcessLook::New;
};

// The processes alive (or zombie) at `state.time`, shell first, then by pid.
std::vector<PsRow> psRows(const Trace& trace, const TraceIndex& index, const TraceState& state);

// The summary state of a process: Running if any thread runs, else Ready, Waiting, New.
ProcessLook processLook(const Trace& trace, const TraceState& state, std::uint32_t process);

}  // namespace taskscope::core
