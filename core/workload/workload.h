#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/sched/policy.h"
#include "core/sim/machine.h"
#include "core/sim/run_config.h"
#include "core/util/diagnostic.h"
#include "core/workload/script_program.h"

namespace taskscope::core {

// A further thread of a workload process (the process itself is its main thread).
struct WorkloadThread {
    std::string name;
    SimTime arrival = 0;
    std::vector<ScriptOp> script;
};

// A classic scheduling exercise: a table of processes with arrival, bursts and priority.
struct WorkloadProcess {
    std::string name;
    SimTime arrival = 0;
    std::vector<SimTime> bursts;  // CPU, I/O, CPU, ... (odd count)
    int priority = 0;
    std::vector<ScriptOp> script;  // when not empty, runs instead of `bursts`
    std::vector<WorkloadThread> threads;
    std::optional<bool> gil;  // this process has a GIL (default: the workload's)
};

// A kernel object shared by the scripted processes of a workload.
struct WorkloadObject {
    std::string name;
    ObjectKind kind = ObjectKind::Lock;
    std::int64_t count = 0;           // semaphore value, barrier parties
    std::int64_t limit = 0;           // queue capacity, bounded semaphore bound
    std::uint32_t lock = UINT32_MAX;  // condition: index of its lock
};

struct Workload {
    std::string file;
    std::string title;  // free text for lesson lists
    std::string description;
    std::string timeUnit = "ms";
    SimTime unit = kMillisecond;  // nanoseconds per time unit of the file
    // Settings given by the file (unset: use the defaults or the command line).
    std::optional<int> cores;
    std::optional<PolicyKind> policy;
    std::optional<SimTime> quantum;
    std::optional<SimTime> contextSwitch;
    std::optional<std::uint64_t> seed;
    std::optional<MlfqSettings> mlfq;
    bool gil = false;                                 // processes have a CPython-style GIL
    SimTime switchInterval = kDefaultSwitchInterval;  // the GIL's switch interval
    std::vector<WorkloadObject> objects;
    std::vector<WorkloadProcess> processes;
};

// Parses JSON (`{"cores":1,"policy":"rr","quantum":4,...,"processes":[...]}`) or CSV
// (`name,arrival,bursts,priority`). Errors name the file and the line or field.
Expected<Workload> parseWorkloadJson(std::string_view text, const std::string& file);
Expected<Workload> parseWorkloadCsv(std::string_view text, const std::string& file);
// Parses `text` as JSON or CSV, chosen by the extension of `name`.
Expected<Workload> parseWorkload(std::string_view text, const std::string& name);
// Reads `path` and picks the format by extension (.json / .csv).
Expected<Workload> loadWorkload(const std::string& path);

// Settings for running the workload: the file's values over the classic defaults
// (1 core, FCFS, quantum 4 units, no context-switch cost).
MachineSettings settingsFor(const Workload& w);
// The run configuration of the workload: those settings, times in the file's unit.
RunConfig runConfigFor(const Workload& w);
// Adds every process of the workload to the machine (created at its arrival).
void populate(Machine& machine, const Workload& w);

// "ns", "us", "ms", "s" (and a few spellings) to nanoseconds per unit.
std::optional<SimTime> parseTimeUnit(std::string_view unit);

}  // namespace taskscope::core
