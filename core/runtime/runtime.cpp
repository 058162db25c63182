#include "core/runtime/runtime.h"

#include "core/lang/inspect.h"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <regex>

#include "core/lang/copymemo.h"
#include "core/lang/dictobject.h"
#include "core/lang/functionobject.h"
#include "core/lang/listobject.h"
#include "core/lang/moduleobject.h"
#include "core/lang/operations.h"
#include "core/lang/scalarobjects.h"
#include "core/lang/strobject.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::runtime {

using namespace lang;

MachineSettings pythonMachineSettings() {
    MachineSettings s;
    s.cores = kPythonCores;
    s.policy.kind = PolicyKind::Fair;
    s.contextSwitch = kPythonContextSwitch;
    s.wakeLatency = kPythonWakeLatency;
    s.bargingLocks = true;
    return s;
}

RunConfig pythonRunConfig() {
    RunConfig c;
    c.isPython = true;
    c.unit = kMillisecond;
    c.unitName = "ms";
    c.machine = pythonMachineSettings();
    return c;
}

std::string RuntimeCosts::describe() const {
    auto us = [](SimTime ns) { return fmt::format("{:g} µs", static_cast<double>(ns) / 1000.0); };
    return fmt::format(
        "thread start {}\nfork: parent {}, child {}\nspawn: parent {}, interpreter start {}\n"
        "forkserver request {}\npickle {} + {} per object\npipe read/write {}\nlock call {}\n"
        "os.system child {}\nchild process exit {}\n",
        us(threadStart), us(forkParent), us(forkChild), us(spawnParent), us(interpreterStart),
        us(forkserverRequest), us(pickleBase), us(picklePerObject), us(pipeOp), us(lockOp),
        us(systemCommand), us(processExit));
}

// ---------------------------------------------------------------------------------------
// The machine extension: keeps the runtime alive with the machine and its copies.

class RuntimeExtension final : public MachineExtension {
public:
    explicit RuntimeExtension(std::shared_ptr<Runtime> rt) : m_rt(std::move(rt)) {}
    std::unique_ptr<MachineExtension> clone() const override {
        return std::make_unique<RuntimeExtension>(m_rt);
    }
    void onThreadExit(Machine& m, ThreadId t) override {
        (void)m;
        if (PyThread* th = m_rt->thread(t)) th->phase = PyThread::Phase::Done;
    }
    Runtime& runtime() const { return *m_rt; }

private:
    std::shared_ptr<Runtime> m_rt;
};

namespace {
Runtime* runtimeOf(const Machine& m) {
    auto* ext = dynamic_cast<RuntimeExtension*>(m.extension());
    return ext ? &ext->runtime() : nullptr;
}
}  // namespace

std::optional<PythonThreadLocation> pythonLocation(const Machine& m, ThreadId t) {
    Runtime* rt = runtimeOf(m);
    if (!rt) return std::nullopt;
    PyThread* th = rt->thread(t);
    if (!th || !th->vm) return std::nullopt;
    auto stack = th->vm->stack();
    if (stack.empty()) return std::nullopt;
    // The innermost frame in the user's program (not inside threading.py and friends).
    for (auto it = stack.rbegin(); it != stack.rend(); ++it)
        if (it->filename == rt->options().filename)
            return PythonThreadLocation{it->function, it->filename, it->line};
    return PythonThreadLocation{stack.back().function, stack.back().filename, stack.back().line};
}

std::vector<ProcessFrames> programFrames(const Machine& m, std::size_t reprLimit) {
    std::vector<ProcessFrames> out;
    Runtime* rt = runtimeOf(m);
    if (!rt) return out;
    const std::string& file = rt->options().filename;
    for (const ProcessInfo& p : m.processes()) {
        if (p.exited >= 0) continue;
        PyProcess* py = rt->process(p.id);
        if (!py || !py->interp) continue;
        ProcessFrames pf;
        pf.pid = p.pid;
        pf.name = p.name;
        for (const auto& [name, value] : lang::moduleVariables(py->interp->mainModule()))
            pf.globals.emplace_back(name, lang::inspectRepr(value, reprLimit));
        for (const ThreadInfo& t : m.threads()) {
            if (t.process != p.id || t.state == ThreadState::Terminated) continue;
            ThreadFrames tf;
            tf.tid = t.tid;
            tf.name = t.name;
            tf.state = std::string(toString(t.state));
            if (t.state == ThreadState::Waiting)
                tf.state += " (" + std::string(toString(t.reason)) + ")";
            if (PyThread* th = rt->thread(t.id); th && th->vm)
                for (const lang::FrameView& f : lang::frameViews(*th->vm)) {
                    if (f.filename != file) continue;
                    FrameVariables fv{f.function, f.line, {}};
                    for (const auto& [name, value] : f.locals)
                        fv.locals.emplace_back(name, lang::inspectRepr(value, reprLimit));
                    tf.frames.push_back(std::move(fv));
                }
            pf.threads.push_back(std::move(tf));
        }
        std::sort(pf.threads.begin(), pf.threads.end(),
                  [](const ThreadFrames& a, const ThreadFrames& b) { return a.tid < b.tid; });
        out.push_back(std::move(pf));
    }
    std::sort(out.begin(), out.end(),
              [](const ProcessFrames& a, const ProcessFrames& b) { return a.pid < b.pid; });
    return out;
}

// ---------------------------------------------------------------------------------------

Runtime::Runtime(PythonOptions options)
    : m_options(std::move(options)), m_startMethod(m_options.startMethod) {}
Runtime::~Runtime() {
    // Threads before interpreters: a VmThread refers to its Interpreter.
    for (auto& [id, th] : m_threads) th->vm.reset();
    m_threads.clear();
    m_processes.clear();
}

SimTime Runtime::scaled(SimTime ns) const {
    return static_cast<SimTime>(std::llround(static_cast<double>(ns) * m_options.costScale));
}

PyProcess* Runtime::process(ProcessId p) {
    auto it = m_processes.find(p.value);
    return it == m_processes.end() ? nullptr : it->second.get();
}

PyProcess* Runtime::processByPid(const Machine& m, int pid) {
    for (auto& [id, p] : m_processes)
        if (m.process(p->id).pid == pid) return p.get();
    return nullptr;
}

PyThread* Runtime::thread(ThreadId t) {
    auto it = m_threads.find(t.value);
    return it == m_threads.end() ? nullptr : it->second.get();
}

PyThread* Runtime::threadByIdent(std::uint64_t ident) {
    auto it = m_identToThread.find(ident);
    return it == m_identToThread.end() ? nullptr : thread(it->second);
}

PyProcess& Runtime::currentProcess() {
    return *process(m_current->process);
}

PyProcess& Runtime::addProcess(ProcessId id, std::unique_ptr<Interpreter> interp) {
    auto p = std::make_unique<PyProcess>();
    p->id = id;
    p->interp = std::move(interp);
    PyProcess& ref = *p;
    m_processes[id.value] = std::move(p);
    return ref;
}

PyThread& Runtime::addThread(Machine& m, ProcessId p, std::string name,
                             std::unique_ptr<VmThread> vm, SimTime at, SimTime admitDelay,
                             bool daemon) {
    auto th = std::make_unique<PyThread>();
    th->process = p;
    th->name = name;
    th->vm = std::move(vm);
    th->daemon = daemon;
    PyThread* raw = th.get();
    auto self = shared_from_this();
    const ThreadId id = m.createThread(
        p, std::move(name), std::make_unique<PythonProgram>(self, raw), at, 0, admitDelay);
    raw->id = id;
    raw->vm->m_hostId = id.value;
    raw->vm->m_hostData = raw;
    m.thread(id).daemon = daemon;
    PyProcess* proc = process(p);
    if (proc && !proc->mainThread.valid()) {
        proc->mainThread = id;
        raw->processMain = true;
    }
    m_identToThread[static_cast<std::uint64_t>(m.thread(id).tid)] = id;
    m_threads[id.value] = std::move(th);
    return *raw;
}

// ---------------------------------------------------------------------------------------
// Clock and helpers for natives

void Runtime::syncClock() {
    if (!m_ctx || !m_current) return;
    const std::int64_t delta =
        m_current->vm->totalConsumedNs() - m_current->runBase - m_current->synced;
    if (delta > 0) {
        m_ctx->consume(delta);
        m_current->synced += delta;
    }
}

Machine& Runtime::machine() {
    syncClock();
    if (m_current) m_current->touchingNow = true;
    return m_ctx->machine();
}

SimTime Runtime::now() {
    // Reading the clock changes nothing another core can see: no strict lock step needed, and
    // the machine's clock stays where it is (the thread's own position may be ahead of it;
    // moving it there would delay what the other cores do next).
    syncClock();
    return m_ctx->now();
}

bool Runtime::interrupted() const {
    return m_ctx && m_ctx->interrupted();
}

NativeResult Runtime::done(Value v) {
    if (interrupted()) return NativeResult::yieldRun(std::move(v));
    return NativeResult::ret(std::move(v));
}

NativeResult Runtime::block(RunOutcome outcome,
                            std::function<void(Runtime&, Machine&, PyThread&)> onWake) {
    m_current->blockOutcome = outcome;
    m_current->onWake = std::move(onWake);
    return NativeResult::block();
}

void Runtime::charge(SimTime ns) {
    if (m_current && ns > 0) m_current->vm->addCostPs(scaled(ns) * 1000);
}

int Runtime::userLine() {
    if (!m_current) return 0;
    const int line = m_current->vm->currentLineIn(m_options.filename);
    return line > 0 ? line : m_current->vm->currentLine();
}

std::string Runtime::objectLabel(std::string_view fallbackKind) {
    static const std::regex assign(
        R"(^\s*(?:self\.)?([A-Za-z_][A-Za-z_0-9\.]*)\s*(?::[^=]*)?=[^=])");
    const int line = userLine();
    if (line > 0 && m_current) {
        const std::string text = currentProcess().interp->sourceLine(m_options.filename, line);
        std::smatch match;
        if (std::regex_search(text, match, assign)) return match[1].str();
    }
    return fmt::format("{}-{}", fallbackKind, ++m_labelCounter);
}

namespace {
// A module-level function or class (what pickle sends as module + name).
bool pickledByReference(const Object* o) {
    if (o->kind() == ObjKind::Function) {
        const auto* f = static_cast<const FunctionObject*>(o);
        const std::string q = f->m_qualname.isKind(ObjKind::Str)
                                  ? std::string(f->m_qualname.as<StrObject>()->str())
                                  : std::string();
        return !q.empty() && q.find('.') == std::string::npos && q.find('<') == std::string::npos;
    }
    if (o->kind() == ObjKind::Type) {
        const auto* t = static_cast<const TypeObject*>(o);
        return !t->m_builtin && t->name().find('.') == std::string::npos;
    }
    return false;
}

std::string referenceName(const Object* o) {
    if (o->kind() == ObjKind::Function)
        return std::string(
            static_cast<const FunctionObject*>(o)->m_qualname.as<StrObject>()->str());
    return static_cast<const TypeObject*>(o)->name();
}

std::string referenceModule(const Object* o) {
    if (o->kind() == ObjKind::Function) {
        const auto* f = static_cast<const FunctionObject*>(o);
        return f->m_module.isKind(ObjKind::Str) ? std::string(f->m_module.as<StrObject>()->str())
                                                : std::string();
    }
    return static_cast<const TypeObject*>(o)->m_module;
}
}  // namespace

Value Runtime::copyForTransfer(const Value& v, bool* byReference) {
    CopyMemo memo;
    bool refs = false;
    memo.setResolver([&refs](const Object* o) -> Value {
        if (!pickledByReference(o)) return Value();
        refs = true;
        return Value(const_cast<Object*>(o));
    });
    Value copy = deepCopy(v, memo);
    if (byReference) *byReference = refs;
    charge(m_options.costs.pickleBase +
           m_options.costs.picklePerObject * static_cast<SimTime>(memo.size()));
    return copy;
}

Value Runtime::resolveReferences(const Value& v, Interpreter& receiver) {
    CopyMemo memo;
    memo.setResolver([&receiver](const Object* o) -> Value {
        if (!pickledByReference(o)) return Value();
        std::string module = referenceModule(o);
        Value mod;
        if (module == "__main__" || module == "__mp_main__")
            mod = receiver.mainModule();
        else
            mod = receiver.sysModules().as<DictObject>()->getStr(module);
        Value found;
        if (mod.isKind(ObjKind::Module))
            found = mod.as<ModuleObject>()->dict()->getStr(referenceName(o));
        // Not there (defined under `if __name__ == '__main__':` in a spawn child): keep the
        // sender's object, where CPython would fail to unpickle it.
        return found && found.isPtr() && found.kind() == o->kind() ? found
                                                                   : Value(const_cast<Object*>(o));
    });
    return deepCopy(v, memo);
}

// ---------------------------------------------------------------------------------------
// Host

void Runtime::write(Interpreter& interp, VmThread* thread, OutStream stream,
                    std::string_view text) {
    (void)interp;
    if (!m_ctx) return;
    ThreadId t = thread ? ThreadId{static_cast<std::uint32_t>(thread->m_hostId)} : m_current->id;
    machine().output(t, stream == OutStream::Stdout ? 1 : 2, text);
}

InputResult Runtime::readLine(Interpreter& interp, VmThread& thread) {
    (void)thread;
    PyProcess* main = process(m_mainProcess);
    if (!main || main->interp.get() != &interp || !m_options.readLine)
        return {InputResult::Kind::Eof, {}};
    std::optional<std::string> line = m_options.readLine();
    if (!line) return {InputResult::Kind::Eof, {}};
    if (m_options.echoInput) write(interp, &thread, OutStream::Stdout, *line + "\n");
    return {InputResult::Kind::Line, *line};
}

// The interval lives in the machine's GIL of the interpreter's process (GilState::interval).
const PyProcess* Runtime::processOf(const Interpreter& interp) const {
    for (const auto& [index, proc] : m_processes)
        if (proc->interp.get() == &interp) return proc.get();
    return nullptr;
}

std::int64_t Runtime::switchIntervalNs(const Interpreter& interp) {
    const PyProcess* proc = processOf(interp);
    if (!m_ctx || !proc) return Host::switchIntervalNs(interp);
    return m_ctx->machine().process(proc->id).gil.interval;
}

void Runtime::setSwitchIntervalNs(Interpreter& interp, std::int64_t ns) {
    const PyProcess* proc = processOf(interp);
    if (!m_ctx || !proc) return Host::setSwitchIntervalNs(interp, ns);
    machine().setSwitchInterval(proc->id, ns);  // at the caller's position on the clock
}

Value Runtime::createModule(Interpreter& interp, std::string_view name) {
    if (name == "_taskscope") return makeKernelModule(*this, interp);
    if (name == "os") return makeOsModule(*this, interp);
    if (name == "time") return makeTimeModule(*this, interp);
    if (name == "taskscope") return makeTaskscopeModule(*this, interp);
    if (name == "concurrent") {
        // A package with nothing but its submodule futures.
        Value pkg = makeModule("concurrent");
        pkg.as<ModuleObject>()->dict()->setStr("__name__", makeStr("concurrent"));
        pkg.as<ModuleObject>()->dict()->setStr("__path__", makeList());
        return pkg;
    }
    std::string file(name);
    std::replace(file.begin(), file.end(), '.', '_');
    const char* src = preludeSource(file);
    if (!src || !m_current) return Value();
    std::string path(name);
    std::replace(path.begin(), path.end(), '.', '/');
    const bool package = name == "multiprocessing" || name == "concurrent.futures";
    const std::string filename = package ? fmt::format("/usr/lib/python3.11/{}/__init__.py", path)
                                         : fmt::format("/usr/lib/python3.11/{}.py", path);
    auto code = interp.compile(src, filename);
    if (!code) {
        // A bug in Taskscope's own module: say so instead of failing silently.
        interp.write(m_current->vm.get(), OutStream::Stderr,
                     "taskscope: internal error in module " + std::string(name) + ": " +
                         code.error().brief() + "\n");
        return Value();
    }
    Value mod = makeModule(std::string(name));
    DictObject* d = mod.as<ModuleObject>()->dict();
    d->setStr("__name__", makeStr(name));
    d->setStr("__file__", makeStr(filename));
    // Registered before its body runs, as CPython does (imports inside may refer to it).
    interp.sysModules().as<DictObject>()->setStr(name, mod);
    auto* fn = new FunctionObject(*code, Value(d), Value(interp.builtinsDict()));
    Value func(fn);
    fn->m_name = makeStr("<module>");
    fn->m_qualname = fn->m_name;
    fn->m_module = makeStr(name);
    m_current->vm->callNested(func, {});
    if (const auto dot = name.rfind('.'); dot != std::string_view::npos) {
        // A submodule is an attribute of its package (import concurrent.futures).
        Value parent = interp.sysModules().as<DictObject>()->getStr(name.substr(0, dot));
        if (parent && parent.isKind(ObjKind::Module))
            parent.as<ModuleObject>()->dict()->setStr(name.substr(dot + 1), mod);
    }
    if (name == "multiprocessing") {
        // A spawned child's context is already set (by spawn_main), so a top-level
        // set_start_method() there fails with "context has already been set".
        const PyProcess& proc = currentProcess();
        if (proc.id != m_mainProcess && proc.startMethod != StartMethod::Fork && !proc.forkserver) {
            d->setStr("_start_method", makeStr(toString(proc.startMethod)));
            // spawn's prepare() names the child's current_process() before main re-runs.
            if (Value cur = d->getStr("_current_process"); cur && m_ctx)
                setAttr(*m_current->vm, cur, makeStr("_name"),
                        makeStr(m_ctx->machine().process(proc.id).name));
        }
    }
    return mod;
}

// ---------------------------------------------------------------------------------------
// Running a thread

void Runtime::recordLine(PyThread& th) {
    // The user's own line, not one inside the embedded threading.py or multiprocessing.
    const int line = th.vm->currentLineIn(m_options.filename);
    if (line != th.lastLine && line > 0) {
        th.lastLine = line;
        m_ctx->sourceLine(line);
    }
}

RunOutcome Runtime::run(ThreadContext& ctx, SimTime limit, PyThread& th) {
    m_ctx = &ctx;
    m_current = &th;
    th.touchingNow = false;
    struct Reset {
        Runtime* rt;
        PyThread* th;
        ~Reset() {
            th->touchedKernel = th->touchingNow;
            rt->m_ctx = nullptr;
            rt->m_current = nullptr;
        }
    } reset{this, &th};
    Machine& m = ctx.machine();
    PyProcess& proc = *process(th.process);
    // What the runtime builds for this thread (wake-up values, exceptions, a spawn child's
    // bootstrap) belongs to its interpreter's heap.
    GcHeap::Scope gcScope(proc.interp->heap());
    if (th.phase == PyThread::Phase::Shutdown) return shutdown(ctx, th);
    if (th.phase == PyThread::Phase::Done) return RunOutcome::exit(th.exitCode);
    if (!th.started) {
        th.started = true;
        if (th.startedWaiter.valid()) {
            ThreadInfo& w = m.thread(th.startedWaiter);
            if (w.state == ThreadState::Waiting)
                m.wake(w.id);
            else if (w.state != ThreadState::Terminated) {
                w.earlyWake = true;
                w.earlyWakeAt = m.now();
            }
            th.startedWaiter = ThreadId::invalid();
            // The starter may need this core's GIL: end this run soon so that the machine
            // sees it waiting (and arms its switch-interval timer) at the right time.
            if (ctx.interrupted()) limit = ctx.now();
        }
    }
    if (th.pendingWork > 0) {
        const SimTime use = std::clamp<SimTime>(limit - ctx.now(), 1, th.pendingWork);
        ctx.consume(use);
        th.pendingWork -= use;
        if (th.pendingWork > 0)
            return ctx.gilDropRequested() ? RunOutcome::checkpoint() : RunOutcome::proceed();
        if (ctx.now() >= limit || ctx.interrupted()) return RunOutcome::proceed();
    }
    if (th.vm->isBlocked()) {
        auto wake = std::move(th.onWake);
        th.onWake = nullptr;
        th.runBase = th.vm->totalConsumedNs();
        th.synced = 0;
        if (wake)
            wake(*this, m, th);
        else
            th.vm->resume(Value::none());
    }
    while (true) {
        th.runBase = th.vm->totalConsumedNs();
        th.synced = 0;
        const SimTime budget = std::max<SimTime>(limit - ctx.now(), 1);
        const RunResult r =
            th.vm->run({.budgetNs = budget, .stopAtCheckpoint = ctx.gilDropRequested()});
        syncClock();
        recordLine(th);
        switch (r.status) {
            case RunStatus::Budget:
                return RunOutcome::proceed();
            case RunStatus::Checkpoint:
                return RunOutcome::checkpoint();
            case RunStatus::Blocked:
                return th.blockOutcome;
            case RunStatus::Yielded:
                if (th.yieldCore) {
                    th.yieldCore = false;
                    return RunOutcome::yield();
                }
                if (th.pendingWork > 0 || ctx.now() >= limit || ctx.interrupted())
                    return RunOutcome::proceed();
                continue;
            case RunStatus::Finished: {
                const RunOutcome o = finishThread(ctx, th);
                if (o.kind == RunOutcome::Kind::Continue && th.phase == PyThread::Phase::Run &&
                    ctx.now() < limit && !ctx.interrupted())
                    continue;
                return o;
            }
        }
    }
}

namespace {
// Pickling by reference: module-level functions and classes of the parent resolve to the
// child's objects of the same name (spawn and forkserver children re-import main).
void seedByReference(Interpreter& from, Interpreter& to, CopyMemo& memo) {
    auto* fromMods = from.sysModules().as<DictObject>();
    auto* toMods = to.sysModules().as<DictObject>();
    auto pair = [&](const Value& a, const Value& b) {
        if (!a.isPtr() || !b.isPtr()) return;
        memo.remember(a.obj(), b);
        auto* da = a.as<ModuleObject>()->dict();
        auto* db = b.as<ModuleObject>()->dict();
        memo.remember(da, b.as<ModuleObject>()->dictValue());
        for (const auto& e : da->entries()) {
            if (e.key.isNull() || !e.value.isPtr()) continue;
            const ObjKind k = e.value.kind();
            if (k != ObjKind::Function && k != ObjKind::Type && k != ObjKind::NativeFunction)
                continue;
            if (!e.key.isKind(ObjKind::Str)) continue;
            Value other = db->getStr(e.key.as<StrObject>()->view());
            if (other) memo.remember(e.value.obj(), other);
        }
    };
    pair(from.mainModule(), to.mainModule());
    for (const auto& e : fromMods->entries()) {
        if (e.key.isNull() || !e.key.isKind(ObjKind::Str) || !e.value.isKind(ObjKind::Module))
            continue;
        const std::string_view name = e.key.as<StrObject>()->view();
        if (name == "__main__" || name == "__mp_main__") continue;
        Value other = toMods->getStr(name);
        if (other && other.isKind(ObjKind::Module)) pair(e.value, other);
    }
}
}  // namespace

RunOutcome Runtime::finishThread(ThreadContext& ctx, PyThread& th) {
    PyProcess& proc = *process(th.process);
    if (th.afterModule && th.vm->outcome() == ThreadOutcome::Returned) {
        // A spawned child has re-run the main module as __mp_main__: now unpickle the
        // Process object (by reference) and run its _bootstrap().
        proc.importingMain = false;
        PyProcess* parent = nullptr;
        if (th.spawnParent.valid()) parent = process(th.spawnParent);
        CopyMemo memo;
        if (parent) seedByReference(*parent->interp, *proc.interp, memo);
        Value obj = deepCopy(th.afterModule, memo);
        th.afterModule = Value();
        Value boot = getAttr(*th.vm, obj, "_bootstrap");
        th.vm.reset();
        th.vm = proc.interp->newThread();
        th.vm->m_hostId = th.id.value;
        th.vm->m_hostData = &th;
        th.vm->startCall(boot, {});
        th.moduleEntry = false;
        return RunOutcome::proceed();
    }
    int code = 0;
    const ThreadOutcome outcome = th.vm->outcome();
    if (th.moduleEntry || (th.processMain && outcome != ThreadOutcome::Returned)) {
        code = th.vm->reportAsMainThread();
    } else if (th.processMain) {
        const Value& r = th.vm->result();
        code = r.isSmallInt() ? static_cast<int>(r.smallInt()) : 0;
    } else if (outcome == ThreadOutcome::Raised) {
        th.vm->reportAsThread(th.name);
    }
    if (th.processMain) {
        // A multiprocessing child's exit: atexit handlers, flushing, os._exit, the kernel
        // tearing down its address space (REFERENCE.md §6: fork+_exit+waitpid 1.1 ms).
        if (!th.moduleEntry) ctx.consume(scaled(m_options.costs.processExit));
        th.exitCode = code;
        th.phase = PyThread::Phase::Shutdown;
        return shutdown(ctx, th);
    }
    th.phase = PyThread::Phase::Done;
    return RunOutcome::exit(0);
}

RunOutcome Runtime::shutdown(ThreadContext& ctx, PyThread& th) {
    Machine& m = ctx.machine();
    const std::vector<ThreadId> threads = m.process(th.process).threads;
    // threading._shutdown(): wait for every non-daemon thread.
    for (ThreadId t : threads) {
        if (t == th.id || m.thread(t).state == ThreadState::Terminated) continue;
        PyThread* other = thread(t);
        if (other && other->daemon) continue;
        if (m.join(th.id, t) == SyncStatus::Wait) return RunOutcome::block(WaitReason::Join);
    }
    // multiprocessing's _exit_function(): SIGTERM daemonic children, then join every child.
    const std::vector<ProcessId> children = m.process(th.process).children;
    for (ProcessId c : children) {
        PyProcess* pc = process(c);
        if (pc && pc->daemon && m.process(c).exited < 0) signalProcess(c, -15);
    }
    for (ProcessId c : children) {
        const ProcessInfo& ci = m.process(c);
        if (ci.exited >= 0 || ci.threads.empty()) continue;
        if (m.join(th.id, ci.threads.front()) == SyncStatus::Wait)
            return RunOutcome::block(WaitReason::Join);
    }
    for (ProcessId c : children) m.reap(c);
    // Daemon threads die with their process.
    for (ThreadId t : threads)
        if (t != th.id && m.thread(t).state != ThreadState::Terminated) m.terminate(t, 0);
    th.phase = PyThread::Phase::Done;
    return RunOutcome::exit(th.exitCode);
}

void Runtime::signalProcess(ProcessId p, int exitCode) {
    Machine& m = m_ctx->machine();
    std::vector<ThreadId> threads = m.process(p).threads;
    for (ThreadId t : threads) {
        if (m_current && t == m_current->id) continue;
        if (m.thread(t).state == ThreadState::Terminated) continue;
        if (PyThread* pt = thread(t)) pt->phase = PyThread::Phase::Done;
        m.terminate(t, exitCode);
    }
    m.interruptRun();
}

// ---------------------------------------------------------------------------------------
// Races on globals

std::int64_t Runtime::shadowOf(const Value& v) {
    if (v.isSmallInt()) return v.smallInt();
    if (v.isBool()) return v.isTrue() ? 1 : 0;
    if (v.isKind(ObjKind::Float)) {
        const double d = v.as<FloatObject>()->value();
        std::int64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        return bits;
    }
    return static_cast<std::int64_t>(v.isPtr() ? reinterpret_cast<std::uintptr_t>(v.obj()) : 0);
}

namespace {
bool isPlainNumber(const Value& v) {
    return v.isSmallInt() || v.isBool() || v.isKind(ObjKind::Float);
}
}  // namespace

void GlobalRaceWatcher::onLoad(VmThread& t, DictObject* globals, const Value& name,
                               const Value& value) {
    (void)t;
    if (!isPlainNumber(value)) return;
    auto it = m_objects.find(Key{globals, name.as<StrObject>()->view()});
    if (it == m_objects.end()) return;
    const int line = m_rt.userLine();
    Machine& m = m_rt.machine();
    m.valueLoad(m_rt.current().id, it->second, line, /*quiet=*/true);
}

void GlobalRaceWatcher::onStore(VmThread& t, DictObject* globals, const Value& name,
                                const Value& value) {
    (void)t;
    if (!isPlainNumber(value)) return;
    const std::string_view key = name.as<StrObject>()->view();
    const int line = m_rt.userLine();
    Machine& m = m_rt.machine();
    auto it = m_objects.find(Key{globals, key});
    if (it == m_objects.end()) {
        const ObjectId o =
            m.createObject(ObjectKind::Value, std::string(key), m_rt.shadowOf(value));
        m_objects.emplace(std::make_pair(globals, std::string(key)), o);
        return;
    }
    m.valueStore(m_rt.current().id, it->second, m_rt.shadowOf(value), line, /*quiet=*/true);
}

// ---------------------------------------------------------------------------------------
// Threads and processes

std::uint64_t Runtime::startThread(const Value& callable, const std::string& name, bool daemon) {
    PyThread& cur = current();
    PyProcess& proc = currentProcess();
    charge(m_options.costs.threadStart);
    Machine& m = machine();
    auto vm = proc.interp->newThread();
    vm->startCall(callable, {});
    PyThread& t = addThread(m, cur.process, name, std::move(vm), m.now(), 0, daemon);
    t.startedWaiter = cur.id;
    // From now on this process has several threads: watch its globals for races.
    cur.vm->m_globalWatcher = &m_globalWatcher;
    t.vm->m_globalWatcher = &m_globalWatcher;
    m.interruptRun();
    return static_cast<std::uint64_t>(m.thread(t.id).tid);
}

ProcessId Runtime::forkServer(PyProcess& parent) {
    if (m_forkServer.valid()) return m_forkServer;
    Machine& m = machine();
    const ProcessId server = m.createProcess(
        "forkserver",
        "python3 -c from multiprocessing.forkserver import main; main(6, 7, ['__main__'])",
        m_mainProcess);
    InterpreterConfig cfg = parent.interp->config();
    cfg.mainName = "__mp_main__";
    PyProcess& sp = addProcess(server, std::make_unique<Interpreter>(*this, cfg));
    sp.interp->setCosts(parent.interp->costs());
    sp.daemon = true;
    sp.forkserver = true;
    sp.startMethod = StartMethod::Forkserver;
    sp.importingMain = true;
    // A new python3: CPython's default interval, whatever its parent set.
    m.setGil(server, m_options.gil, kDefaultSwitchInterval, m_options.gilJitter);
    auto code = sp.interp->compileMain(m_options.source);
    auto vm = sp.interp->newThread();
    if (code) vm->startModule(*code);
    PyThread& st = addThread(m, server, "MainThread", std::move(vm), m.now(), 0, true);
    st.moduleEntry = true;
    st.pendingWork = scaled(m_options.costs.interpreterStart);
    m_forkServer = server;
    return server;
}

int Runtime::startProcess(VmThread& caller, const Value& obj, const std::string& name, bool daemon,
                          StartMethod method) {
    (void)caller;
    PyThread& cur = current();
    PyProcess& parent = currentProcess();
    const RuntimeCosts& c = m_options.costs;
    charge(method == StartMethod::Fork    ? c.forkParent
           : method == StartMethod::Spawn ? c.spawnParent
                                          : c.forkserverRequest);
    Machine& m = machine();
    const std::string args = [&] {
        std::string s;
        for (const auto& a : m_options.args) s += " " + a;
        return s;
    }();
    ProcessId hostParent = cur.process;
    std::string command = "python3 " + m_options.filename + args;
    if (method == StartMethod::Spawn)
        command =
            "python3 -c from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5, "
            "pipe_handle=7) --multiprocessing-fork";
    if (method == StartMethod::Forkserver) {
        hostParent = forkServer(parent);
        command =
            "python3 -c from multiprocessing.forkserver import main; main(6, 7, ['__main__'])";
    }
    const ProcessId child = m.createProcess(name, command, hostParent);
    std::unique_ptr<Interpreter> interp;
    Value boot;
    std::unique_ptr<VmThread> vm;
    if (method == StartMethod::Fork) {
        CopyMemo memo;
        interp = parent.interp->fork(memo, *this);
        GcHeap::Scope childHeap(interp->heap());  // the copies are the child's objects
        Value copy = deepCopy(obj, memo);
        boot = getAttr(*cur.vm, copy, "_bootstrap");
        vm = interp->newThread();
        vm->startCall(boot, {});
    } else {
        InterpreterConfig cfg = parent.interp->config();
        cfg.mainName = "__mp_main__";
        interp = std::make_unique<Interpreter>(*this, cfg);
        interp->setCosts(parent.interp->costs());
        auto code = interp->compileMain(m_options.source);
        vm = interp->newThread();
        if (code) vm->startModule(*code);
    }
    PyProcess& cp = addProcess(child, std::move(interp));
    cp.daemon = daemon;
    cp.startMethod = method;
    cp.parentIdent = static_cast<std::uint64_t>(m.thread(cur.id).tid);
    cp.importingMain = method != StartMethod::Fork;
    // The child starts with the interval in force in its parent (fork copies it; spawned and
    // forkserver children are given it too).
    m.setGil(child, m_options.gil, m.process(cur.process).gil.interval, m_options.gilJitter);
    PyThread& t = addThread(m, child, "MainThread", std::move(vm), m.now(), 0, false);
    if (method == StartMethod::Fork) {
        t.pendingWork = scaled(c.forkChild);
    } else {
        t.afterModule = obj;
        t.spawnParent = cur.process;
        t.moduleEntry = true;
        t.pendingWork = scaled(method == StartMethod::Spawn ? c.interpreterStart : c.forkChild);
    }
    m.interruptRun();
    return m.process(child).pid;
}

// ---------------------------------------------------------------------------------------

Expected<ProcessId> loadPython(Machine& m, const PythonOptions& options) {
    auto rt = std::make_shared<Runtime>(options);
    InterpreterConfig cfg;
    cfg.filename = options.filename;
    cfg.argv.push_back(options.filename);
    for (const auto& a : options.args) cfg.argv.push_back(a);
    cfg.seed = m.settings().seed;
    cfg.costs = CostModel::calibrated().scaled(options.costScale);
    auto interp = std::make_unique<Interpreter>(*rt, cfg);
    auto code = interp->compileMain(options.source);
    if (!code) return code.error();
    std::string command = "python3 " + options.filename;
    for (const auto& a : options.args) command += " " + a;
    const ProcessId pid = m.createProcess("MainProcess", command, ProcessId::invalid());
    PyProcess& proc = rt->addProcess(pid, std::move(interp));
    rt->setMainProcess(pid);
    auto vm = proc.interp->newThread();
    vm->startModule(*code);
    m.setGil(pid, options.gil, options.switchInterval, options.gilJitter);
    PyThread& th = rt->addThread(m, pid, "MainThread", std::move(vm), m.now(), 0, false);
    th.moduleEntry = true;
    m.setExtension(std::make_unique<RuntimeExtension>(rt));
    return pid;
}

}  // namespace taskscope::core::runtime
