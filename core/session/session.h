#pragma once
// A run from a file to its end: the one place that turns a program file (a workload or a
// Python program) and a run configuration into a finished machine and its trace. `compare`
// runs one program under many configurations through it, each run its own Machine, so runs
// may go on in parallel threads.

#include <cstdint>
#include <memory>
#include <string>

#include "core/sim/machine.h"
#include "core/sim/run_config.h"
#include "core/trace/trace.h"
#include "core/util/diagnostic.h"
#include "core/workload/workload.h"

namespace taskscope::core {

// A program file read once, ready to run under any configuration.
struct ProgramSource {
    std::string path;
    bool isPython = false;
    std::string source;  // a Python program's text
    Workload workload;   // a workload's table
};

// Reads `path`: .py is a Python program (compiled when it runs), anything else a workload
// (JSON or CSV, checked now). A file that cannot be read or parsed gives file:line.
Expected<ProgramSource> loadProgramSource(const std::string& path);

// The program's own run configuration: a workload's file settings over the classic
// defaults, or the defaults of a Python run.
RunConfig defaultRunConfig(const ProgramSource& program);

// How a run ended.
enum class RunEnd {
    Finished,    // every process exited (a workload: every process ran its bursts)
    Deadlock,    // a wait-for cycle closed
    AllBlocked,  // every live thread waits on something nothing can provide
    Stopped,     // the time or step limit came first
};

struct RunLimits {
    SimTime until = kNever;  // Python programs: kNever means kPythonTimeLimit
    std::uint64_t maxSteps = UINT64_MAX;
};

struct RunResult {
    RunConfig config;
    std::unique_ptr<Trace> trace;  // the machine records into it
    std::unique_ptr<Machine> machine;
    RunEnd end = RunEnd::Finished;
    int exitCode = 0;  // a Python program's main process exit code (0 for a workload)
    std::uint64_t steps = 0;
};

// Runs `program` under `config` to its end or its limits. A Python program that does not
// compile is returned as its diagnostic (with the program's file name).
Expected<RunResult> runProgram(const ProgramSource& program, const RunConfig& config,
                               const RunLimits& limits = {});

}  // namespace taskscope::core
