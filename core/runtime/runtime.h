#pragma once
// The Python runtime of one machine: interpreters (one per simulated process), VM threads
// (one per simulated thread), the item stores of queues and shared values, and the glue
// between natives and the machine. Internal to core/runtime.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/lang/host.h"
#include "core/lang/interpreter.h"
#include "core/lang/native.h"
#include "core/lang/vmthread.h"
#include "core/os/program.h"
#include "core/runtime/python.h"
#include "core/sim/machine.h"

namespace taskscope::core::runtime {

class Runtime;

struct PyProcess {
    ProcessId id;
    std::unique_ptr<lang::Interpreter> interp;
    ThreadId mainThread;
    bool daemon = false;            // a daemonic multiprocessing child: SIGTERMed at parent exit
    bool importingMain = false;     // spawn child re-running the main module
    bool forkserver = false;        // the fork server process
    std::uint64_t parentIdent = 0;  // the thread that forked (threading._after_fork)
    StartMethod startMethod = StartMethod::Fork;
};

struct PyThread {
    enum class Phase : std::uint8_t { Run, Shutdown, Done };
    ThreadId id;
    ProcessId process;
    std::unique_ptr<lang::VmThread> vm;
    std::string name;
    bool daemon = false;
    bool processMain = false;  // the first thread of its process
    bool moduleEntry = false;  // runs the main module (exit code from SystemExit)
    bool started = false;
    Phase phase = Phase::Run;
    int exitCode = 0;
    // A spawned child first re-runs the main module, then calls this (Process._bootstrap).
    lang::Value afterModule;
    ProcessId spawnParent;   // whose Process object afterModule is
    ThreadId startedWaiter;  // Thread.start() waits until this thread runs
    // The wait this thread is in: what its program returns, and how the VM resumes.
    RunOutcome blockOutcome;
    std::function<void(Runtime&, Machine&, PyThread&)> onWake;
    SimTime pendingWork = 0;   // taskscope.work(): CPU left, run outside the VM
    bool yieldCore = false;    // time.sleep(0): give up the core
    std::int64_t runBase = 0;  // VM time consumed before this run (ns)
    std::int64_t synced = 0;   // of this run, already added to the machine clock
    int lastLine = 0;
    bool touchedKernel = true;  // used a machine service in its last run (strict lock step)
    bool touchingNow = false;
};

// Items of a queue or pipe: the kernel object holds tokens, the runtime the values.
struct ItemStore {
    int order = 0;      // 0 FIFO, 1 LIFO, 2 priority
    bool copy = false;  // multiprocessing: items are pickled (copied) between processes
    std::uint64_t nextToken = 1;
    std::uint64_t nextSeq = 1;
    struct Item {
        std::uint64_t seq = 0;
        lang::Value value;
        bool byReference = false;  // holds module-level functions or classes of the sender
    };
    std::unordered_map<std::uint64_t, Item> items;
};

// Race detection on module globals shared by threads: numbers stored to a global while a
// process has more than one thread become kernel Value objects named after the global;
// their reads and writes go through the machine's lost-update check.
class GlobalRaceWatcher final : public lang::GlobalWatcher {
public:
    explicit GlobalRaceWatcher(Runtime& rt) : m_rt(rt) {}
    void onLoad(lang::VmThread& t, lang::DictObject* globals, const lang::Value& name,
                const lang::Value& value) override;
    void onStore(lang::VmThread& t, lang::DictObject* globals, const lang::Value& name,
                 const lang::Value& value) override;

private:
    // (globals, name) in std::less's order, looked up by a string_view without a copy.
    struct KeyLess {
        using is_transparent = void;
        template <class A, class B>
        bool operator()(const A& a, const B& b) const {
            if (a.first != b.first) return std::less<const void*>()(a.first, b.first);
            return std::string_view(a.second) < std::string_view(b.second);
        }
    };
    using Key = std::pair<const lang::DictObject*, std::string_view>;
    Runtime& m_rt;
    std::map<std::pair<const lang::DictObject*, std::string>, ObjectId, KeyLess> m_objects;
};

class Runtime final : public lang::Host, public std::enable_shared_from_this<Runtime> {
public:
    explicit Runtime(PythonOptions options);
    ~Runtime() override;

    // --- Host ---
    void write(lang::Interpreter& interp, lang::VmThread* thread, lang::OutStream stream,
               std::string_view text) override;
    lang::InputResult readLine(lang::Interpreter& interp, lang::VmThread& thread) override;
    lang::Value createModule(lang::Interpreter& interp, std::string_view name) override;
    std::int64_t switchIntervalNs(const lang::Interpreter& interp) override;
    void setSwitchIntervalNs(lang::Interpreter& interp, std::int64_t ns) override;

    // --- the program of every Python thread ---
    RunOutcome run(ThreadContext& ctx, SimTime limit, PyThread& th);

    // --- building ---
    PyProcess& addProcess(ProcessId id, std::unique_ptr<lang::Interpreter> interp);
    PyThread& addThread(Machine& m, ProcessId p, std::string name,
                        std::unique_ptr<lang::VmThread> vm, SimTime at, SimTime admitDelay,
                        bool daemon);
    PyProcess* process(ProcessId p);
    PyProcess* processByPid(const Machine& m, int pid);
    PyThread* thread(ThreadId t);
    PyThread* threadByIdent(std::uint64_t ident);
    PyThread& current() { return *m_current; }
    PyProcess& currentProcess();

    // --- for natives (valid while a thread runs) ---
    // The machine with its clock at the calling thread's position.
    Machine& machine();
    SimTime now();
    bool interrupted() const;
    // Ends the native call with `v`, ending the run too when the machine needs other cores
    // to catch up (after a wake-up or a new thread).
    lang::NativeResult done(lang::Value v = lang::Value::none());
    // Blocks the calling thread: its program returns `outcome`; `onWake` resumes the VM.
    lang::NativeResult block(RunOutcome outcome,
                             std::function<void(Runtime&, Machine&, PyThread&)> onWake);
    void charge(SimTime ns);  // runtime cost (scaled) on the calling thread
    const PythonOptions& options() const { return m_options; }
    SimTime scaled(SimTime ns) const;
    // The user's source line for a kernel object's label ("lock = Lock()" → "lock").
    std::string objectLabel(std::string_view fallbackKind);
    int userLine();

    ItemStore& items(ObjectId q) { return m_items[q.value]; }
    std::unordered_map<std::uint32_t, lang::Value>& values() { return m_values; }
    // Objects held by multiprocessing.Manager() (the manager process's referents).
    std::vector<lang::Value>& sharedObjects() { return m_shared; }
    // pickle + unpickle: a deep copy; module-level functions and classes go by reference
    // (kept as they are; *byReference says whether there were any), as pickle does.
    lang::Value copyForTransfer(const lang::Value& v, bool* byReference = nullptr);
    // What the receiving process sees of such references: its own objects of the same name.
    lang::Value resolveReferences(const lang::Value& v, lang::Interpreter& receiver);

    // Processes.
    int startProcess(lang::VmThread& caller, const lang::Value& processObject,
                     const std::string& name, bool daemon, StartMethod method);
    void signalProcess(ProcessId p, int exitCode);
    StartMethod startMethod() const { return m_startMethod; }
    void setStartMethod(StartMethod m) { m_startMethod = m; }

    // Threads started by threading.Thread.start().
    std::uint64_t startThread(const lang::Value& callable, const std::string& name, bool daemon);
    // The int64 the kernel's lost-update check compares for a shared value: ints and bools
    // as themselves, floats by their bits, anything else by identity.
    static std::int64_t shadowOf(const lang::Value& v);
    // The continuation of a blocking call that returns None.
    static void resumeNone(Runtime&, Machine&, PyThread& th) { th.vm->resume(lang::Value::none()); }

    void setMainProcess(ProcessId p) { m_mainProcess = p; }

private:
    const PyProcess* processOf(const lang::Interpreter& interp) const;
    RunOutcome finishThread(ThreadContext& ctx, PyThread& th);
    RunOutcome shutdown(ThreadContext& ctx, PyThread& th);
    void syncClock();
    void recordLine(PyThread& th);
    PyProcess& createChildInterpreter(PyProcess& parent, ProcessId child, StartMethod method,
                                      lang::CopyMemo& memo);
    ProcessId forkServer(PyProcess& parent);

    PythonOptions m_options;
    StartMethod m_startMethod;
    std::map<std::uint32_t, std::unique_ptr<PyProcess>> m_processes;
    std::unordered_map<std::uint32_t, std::unique_ptr<PyThread>> m_threads;
    std::unordered_map<std::uint64_t, ThreadId> m_identToThread;
    std::unordered_map<std::uint32_t, ItemStore> m_items;
    std::unordered_map<std::uint32_t, lang::Value> m_values;
    std::vector<lang::Value> m_shared;
    ProcessId m_mainProcess;
    ProcessId m_forkServer;
    ThreadContext* m_ctx = nullptr;
    PyThread* m_current = nullptr;
    int m_labelCounter = 0;
    GlobalRaceWatcher m_globalWatcher{*this};

    friend Expected<ProcessId> loadPython(Machine& m, const PythonOptions& options);
    friend class RuntimeExtension;
};

// The Program of every Python thread: runs its VM thread through the runtime.
class PythonProgram final : public Program {
public:
    PythonProgram(std::shared_ptr<Runtime> rt, PyThread* th) : m_rt(std::move(rt)), m_th(th) {}
    std::unique_ptr<Program> clone() const override {
        return std::make_unique<PythonProgram>(m_rt, m_th);
    }
    RunOutcome run(ThreadContext& ctx, SimTime limit) override {
        return m_rt->run(ctx, limit, *m_th);
    }
    SimTime remainingBurst() const override {
        return m_th->pendingWork > 0 ? m_th->pendingWork : -1;
    }
    bool isolated() const override { return m_th->pendingWork > 0; }
    // Pure bytecode touches nothing another core can see; after a kernel call, stay in step.
    SimTime lockstepSlack() const override { return m_th->touchedKernel ? 0 : 20 * kMicrosecond; }

private:
    std::shared_ptr<Runtime> m_rt;
    PyThread* m_th;
};

// Module factories (modules.cpp).
lang::Value makeKernelModule(Runtime& rt, lang::Interpreter& interp);
lang::Value makeOsModule(Runtime& rt, lang::Interpreter& interp);
lang::Value makeTimeModule(Runtime& rt, lang::Interpreter& interp);
lang::Value makeTaskscopeModule(Runtime& rt, lang::Interpreter& interp);
// The Python source of threading, queue and multiprocessing (generated from py/*.py).
const char* preludeSource(std::string_view module);

}  // namespace taskscope::core::runtime
