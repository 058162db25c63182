#pragma once
// Python programs on the simulated machine: loadPython() compiles a program and creates its
// main process; from then on Machine::step() runs it like any workload. Each simulated
// thread executes bytecode of the Python-subset VM (core/lang) and pays its simulated cost;
// threading, queue, multiprocessing, os, time and taskscope are simulated modules whose
// blocking calls block the simulated thread on kernel objects of the machine.
//
// The runtime is attached to the machine (MachineExtension) and shared by its copies: a
// copy of a Machine that runs Python is not an independent snapshot (the VM state is not
// copied). Step back and seek over the recorded trace instead.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/os/start_method.h"
#include "core/sim/machine.h"
#include "core/sim/run_config.h"
#include "core/util/defaults.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::runtime {

// The start method is the OS model's (core/os/start_method.h); named here too for the
// runtime's users.
using core::parseStartMethod;
using core::StartMethod;

// What the runtime's own operations cost in simulated time (REFERENCE.md §6). Bytecode
// costs are in core/lang/cost_model.cpp; everything is scaled by PythonOptions::costScale.
struct RuntimeCosts {
    SimTime threadStart = 55 * kMicrosecond;    // Thread.start(): clone + bootstrap
    SimTime forkParent = 700 * kMicrosecond;    // os.fork() in the parent
    SimTime forkChild = 400 * kMicrosecond;     // the child until its target runs
    SimTime processExit = 300 * kMicrosecond;   // a child process's exit (atexit, _exit, teardown)
    SimTime spawnParent = 1500 * kMicrosecond;  // fork+exec of python3, pickling the Process
    SimTime interpreterStart = 20 * kMillisecond;    // a new python3 starts (spawn, forkserver)
    SimTime forkserverRequest = 700 * kMicrosecond;  // ask the fork server for a child
    SimTime pickleBase = 1500;                       // pickle dumps+loads of a small object (ns)
    SimTime picklePerObject = 120;                   // per object inside it (ns)
    SimTime pipeOp = 2500;                           // one pipe write or read syscall (ns)
    SimTime lockOp = 60;                             // a kernel lock/event/condition call (ns)
    SimTime systemCommand = 200 * kMillisecond;      // os.system(): the child's run time
    std::string describe() const;
};

// The run's Python settings (gil, switchInterval, startMethod, costScale, args: the run
// configuration's, core/sim/run_config.h) and what only the runtime needs.
struct PythonOptions : PythonConfig {
    PythonOptions() = default;
    explicit PythonOptions(PythonConfig config) : PythonConfig(std::move(config)) {}
    std::string filename = "main.py";
    std::string source;
    SimTime gilJitter = kDefaultGilJitter;  // wake-up latency of the GIL's timed wait, up to
    RuntimeCosts costs;
    // Lines for input() in the main process; nullopt = end of input (EOFError).
    std::function<std::optional<std::string>()> readLine;
    // Echo input() lines into the console output (what a terminal shows).
    bool echoInput = false;
};

// The simulated machine Python programs run on unless told otherwise (CLI, app, tests):
// 4 cores, the fair (CFS-like) policy, a 2 µs context switch, and a 12 µs wake-up latency
// for a thread woken by another (futex, pipe, GIL hand-off; REFERENCE.md §6: an Event
// ping-pong of two threads takes 31 µs, an mp.Queue echo 56 µs, Pool.apply 86-113 µs).
MachineSettings pythonMachineSettings();
// The defaults of a Python run: that machine, the default Python settings, times in ms.
RunConfig pythonRunConfig();

// Compiles the program and creates its main process (pid 1001+) on `m`, which must not
// run another Python program. A syntax error or unsupported construct is returned with
// file:line:col; nothing is created then.
Expected<ProcessId> loadPython(Machine& m, const PythonOptions& options);

// Where a simulated thread is in its Python code (for the code view), or nullopt.
struct PythonThreadLocation {
    std::string function;
    std::string filename;
    int line = 0;
};
std::optional<PythonThreadLocation> pythonLocation(const Machine& m, ThreadId t);

// What a paused program holds, read without running any Python code (repr() of builtin
// values, `<__main__.C object>` for instances), each value shortened past `reprLimit`.
struct FrameVariables {
    std::string function;  // "<module>" for the module's own code
    int line = 0;
    std::vector<std::pair<std::string, std::string>> locals;  // name, repr
};
struct ThreadFrames {
    int tid = 0;
    std::string name;
    std::string state;                   // "Running", "Ready", "Waiting (lock)", ...
    std::vector<FrameVariables> frames;  // the program's own frames, outermost first
};
struct ProcessFrames {
    int pid = 0;
    std::string name;
    // The main module's own variables (no modules, functions, classes, __dunder__ names).
    std::vector<std::pair<std::string, std::string>> globals;
    std::vector<ThreadFrames> threads;  // its live threads, by tid
};
// Every live process of the Python program on `m`, by pid.
std::vector<ProcessFrames> programFrames(const Machine& m, std::size_t reprLimit = 200);

}  // namespace taskscope::core::runtime
