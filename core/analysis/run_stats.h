#pragma once

#include <array>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/analysis/trace_index.h"
#include "core/sim/machine.h"
#include "core/trace/trace.h"

namespace taskscope::core {

// Per-process figures of a run, in nanoseconds (-1 where the event has not happened).
struct ProcessStats {
    std::string name;
    int pid = 0;
    SimTime arrival = -1;  // first thread became Ready
    SimTime firstRun = -1;
    SimTime finish = -1;  // last thread terminated
    SimTime cpu = 0;
    SimTime waiting = 0;      // time Ready, summed over its threads
    SimTime blocked = 0;      // time Waiting, summed over its threads
    SimTime turnaround = -1;  // finish - arrival
    SimTime response = -1;    // firstRun - arrival
};

// Per-thread figures, for processes with several threads (the GIL lessons).
struct ThreadStats {
    std::string name;
    std::string process;
    int pid = 0;
    int tid = 0;
    SimTime finish = -1;
    SimTime cpu = 0;
    SimTime ready = 0;
    SimTime blocked = 0;  // Waiting, all reasons (includes the GIL)
    SimTime gilWait = 0;  // Waiting for the GIL
    std::array<SimTime, kWaitReasonCount> blockedByReason{};  // Waiting, per wait reason
};

// The averages: waiting over the processes that have arrived (became Ready), turnaround over
// those that have finished, response over those that have run.
struct RunStats {
    std::vector<ThreadStats> threads;
    std::vector<ProcessStats> processes;
    double averageWaiting = 0;
    double averageTurnaround = 0;
    double averageResponse = 0;
    SimTime start = 0;                // first arrival
    SimTime end = 0;                  // last finish (or the current time if some never finished)
    SimTime makespan = 0;             // end - start
    std::vector<double> utilization;  // per core, busy / makespan
    std::uint64_t contextSwitches = 0;
    int finished = 0;
    double throughput = 0;  // finished processes per second of simulated time
};

// The statistics of the live machine now (the command line: at the end, or at --until).
RunStats computeStats(const Machine& m);
// The statistics at time t from the trace alone, so at any cursor (the GUI): the processes
// and threads created by t. At the end of a run they equal computeStats() of its machine.
RunStats computeStats(const Trace& trace, const TraceIndex& index, SimTime t);

// The fraction of each of `bins` equal slices of [t0, t1) that `core` spent running a thread.
std::vector<double> coreUtilization(const Trace& trace, int core, SimTime t0, SimTime t1, int bins);

// One CSV row per process: name,pid,arrival,first_run,finish,cpu,waiting,blocked,turnaround,
// response (times in `unit`; empty where the event has not happened).
void writeStatsCsv(const RunStats& s, std::ostream& out, SimTime unit, const std::string& unitName);

// The `--stats` JSON, with times in `unit` nanoseconds (the workload's time unit).
nlohmann::json statsToJson(const RunStats& s, SimTime unit, const std::string& unitName);

// The `--stats` JSON of the live machine, written as it is computed: the text of
// statsToJson(computeStats(m), unit, unitName).dump(2) with the members of `extra` added (an
// object; its members win over ones of the same name), no newline at the end, except that
// every number is in its shortest form that reads back as the same double (dump() sometimes
// writes 0.30361900000000003 for 0.303619). No list of figures or JSON tree is built:
// 200,000 processes take a fraction of a second and little memory.
void writeStatsJson(const Machine& m, SimTime unit, const std::string& unitName,
                    const nlohmann::json& extra, std::ostream& out);

}  // namespace taskscope::core
