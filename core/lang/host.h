#pragma once
// What the simulated machine provides to the language runtime, and the entry points it uses.
//
// Ownership: the host owns Interpreters (one per simulated process) and VmThreads (one per
// simulated thread; created by Interpreter::newThread()). An Interpreter must outlive its
// threads. Everything runs on one host thread.
//
// Typical loop for one simulated thread:
//     auto code = interp.compileMain(source);          // Expected<Value>
//     auto th = interp.newThread();
//     th->startModule(*code);
//     RunResult r = th->run({.budgetNs = slice, .stopAtCheckpoint = gilDropRequested});
//     switch (r.status) { case RunStatus::Blocked: ... later th->resume(value); ... }
//
// Natives (see native.h) are C++ functions the host puts in modules it creates in
// createModule(); they can return, raise, block (NativeResult::block()), or end the run
// (NativeResult::yieldRun()). A blocked thread continues after resume(v) /
// resumeWithException(exc), with v as the value of the blocked call.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/lang/value.h"
#include "core/util/defaults.h"

namespace taskscope::core::lang {

class Interpreter;
class VmThread;

enum class OutStream : uint8_t { Stdout, Stderr };

struct InputResult {
    enum class Kind : uint8_t { Line, Eof, Block };
    Kind kind = Kind::Eof;
    std::string line;  // without the newline
};

class Host {
public:
    virtual ~Host() = default;
    // Console output of print(), sys.stdout.write(), tracebacks (stderr). `thread` may be null
    // for output produced outside any thread (e.g. Interpreter::reportUncaught).
    virtual void write(Interpreter& interp, VmThread* thread, OutStream stream,
                       std::string_view text) = 0;
    // One line for input(). Eof makes input() raise EOFError (children of fork: stdin closed);
    // Block makes the thread block, the host later calls resume(str) or resumeWithException.
    virtual InputResult readLine(Interpreter& interp, VmThread& thread) {
        (void)interp;
        (void)thread;
        return {};
    }
    // Creates module `name` (os, time, threading, multiprocessing, taskscope, ...) for this
    // interpreter, or returns null if the host has no such module. Called at most once per
    // interpreter and name; the result is cached in sys.modules (and copied by fork).
    virtual Value createModule(Interpreter& interp, std::string_view name) {
        (void)interp;
        (void)name;
        return Value();
    }
    // The switch interval of the interpreter's process, in nanoseconds: sys.setswitchinterval
    // and sys.getswitchinterval read and write it here, so there is one store (a machine's
    // GIL keeps it, as CPython's gil->interval does). This default is for hosts without one.
    virtual std::int64_t switchIntervalNs(const Interpreter& interp) {
        (void)interp;
        return m_switchIntervalNs;
    }
    virtual void setSwitchIntervalNs(Interpreter& interp, std::int64_t ns) {
        (void)interp;
        m_switchIntervalNs = ns;
    }

private:
    std::int64_t m_switchIntervalNs = kDefaultSwitchInterval;
};

}  // namespace taskscope::core::lang
