// The simulated modules: _taskscope (the kernel interface under threading, queue and
// multiprocessing), os, time and taskscope.
#include <cmath>
#include <cstring>
#include <ctime>

#include "core/lang/dictobject.h"
#include "core/lang/errors.h"
#include "core/lang/functionobject.h"
#include "core/lang/instanceobject.h"
#include "core/lang/intops.h"
#include "core/lang/listobject.h"
#include "core/lang/moduleobject.h"
#include "core/lang/operations.h"
#include "core/lang/scalarobjects.h"
#include "core/lang/strobject.h"
#include "core/lang/typeobject.h"
#include "core/os/burst_program.h"
#include "core/runtime/runtime.h"

namespace taskscope::core::runtime {

using namespace lang;

namespace {

constexpr double kEpoch = 1767225600.0;  // 2026-01-01 00:00:00 UTC: time.time() at t = 0

Runtime& rtOf(NativeCall& c) {
    return static_cast<Runtime&>(c.interp().host());
}

void addFn(DictObject* d, const char* module, const char* name, NativeFn fn) {
    Value v = makeNative(name, fn);
    v.as<NativeFunctionObject>()->m_module = module;
    d->setStr(internStr(name), v);
}

ObjectId objectArg(NativeCall& c, std::size_t i) {
    return ObjectId{static_cast<std::uint32_t>(toIndex(c.thread(), c.arg(i)))};
}

// Seconds (float, negative or None = forever) to simulated nanoseconds.
SimTime timeoutArg(NativeCall& c, std::size_t i) {
    if (i >= c.argc() || c.arg(i).isNone()) return kNever;
    const double s = toDouble(c.thread(), c.arg(i));
    if (s < 0) return kNever;
    return static_cast<SimTime>(std::llround(s * 1e9));
}

double seconds(SimTime t) {
    return static_cast<double>(t) / 1e9;
}

std::string strArg(NativeCall& c, std::size_t i) {
    return str(c.thread(), c.arg(i));
}

Value pair(bool ok, Value v) {
    return makeTuple({Value::boolean(ok), std::move(v)});
}

// Resumes a blocked call with `v`, or with the exception a Python helper raised.
template <typename F>
void resumeWith(PyThread& th, F&& compute) {
    try {
        th.vm->resume(compute());
    } catch (const PyException& e) {
        th.vm->resumeWithException(e.exception);
    }
}

// ---- kernel objects ---------------------------------------------------------------------

ObjectKind kindOf(NativeCall& c, const std::string& k) {
    if (k == "Lock") return ObjectKind::Lock;
    if (k == "RLock") return ObjectKind::RLock;
    if (k == "Semaphore") return ObjectKind::Semaphore;
    if (k == "BoundedSemaphore") return ObjectKind::BoundedSemaphore;
    if (k == "Event") return ObjectKind::Event;
    if (k == "Condition") return ObjectKind::Condition;
    if (k == "Barrier") return ObjectKind::Barrier;
    throwPy(builtinTypes().ValueError, "unknown kernel object kind " + k);
    (void)c;
}

NativeResult k_new(NativeCall& c) {
    c.expectArgs(4, 4);
    Runtime& rt = rtOf(c);
    const std::string kind = strArg(c, 0);
    const ObjectKind k = kindOf(c, kind);
    const std::int64_t count = toIndex(c.thread(), c.arg(1));
    const std::int64_t limit = toIndex(c.thread(), c.arg(2));
    const std::int64_t lock = toIndex(c.thread(), c.arg(3));
    rt.charge(rt.options().costs.lockOp);
    const std::string label = rt.objectLabel(kind);
    Machine& m = rt.machine();
    const ObjectId id = m.createObject(
        k, label, count, limit,
        lock >= 0 ? ObjectId{static_cast<std::uint32_t>(lock)} : ObjectId::invalid());
    return NativeResult::ret(Value::smallInt(id.value));
}

NativeResult k_acquire(NativeCall& c) {
    c.expectArgs(3, 3);
    Runtime& rt = rtOf(c);
    const ObjectId o = objectArg(c, 0);
    const bool blocking = truthy(c.thread(), c.arg(1));
    const SimTime timeout = timeoutArg(c, 2);
    rt.charge(rt.options().costs.lockOp);
    Machine& m = rt.machine();
    switch (m.acquire(rt.current().id, o, blocking)) {
        case SyncStatus::Done:
            return NativeResult::ret(Value::boolean(true));
        case SyncStatus::Wait:
            return rt.block(RunOutcome::block(WaitReason::Lock, timeout), [](Runtime&, Machine& mm,
                                                                             PyThread& th) {
                th.vm->resume(Value::boolean(mm.thread(th.id).wakeResult == WakeResult::Acquired));
            });
        default:
            return NativeResult::ret(Value::boolean(false));
    }
}

NativeResult k_release(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    rt.charge(rt.options().costs.lockOp);
    Machine& m = rt.machine();
    const SyncStatus s = m.release(rt.current().id, objectArg(c, 0));
    return rt.done(Value::smallInt(s == SyncStatus::Done ? 0 : 1));
}

NativeResult k_locked(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const KernelObject& o = rt.machine().object(objectArg(c, 0));
    const bool locked = o.kind == ObjectKind::Semaphore || o.kind == ObjectKind::BoundedSemaphore
                            ? o.count == 0
                            : o.holder.valid();
    return NativeResult::ret(Value::boolean(locked));
}

NativeResult k_count(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(Value::smallInt(rtOf(c).machine().object(objectArg(c, 0)).count));
}

NativeResult k_waiters(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(Value::smallInt(
        static_cast<std::int64_t>(rtOf(c).machine().object(objectArg(c, 0)).waiters.size())));
}

NativeResult k_broken(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(Value::boolean(rtOf(c).machine().object(objectArg(c, 0)).flag));
}

NativeResult k_event_set(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    rt.charge(rt.options().costs.lockOp);
    rt.machine().eventSet(rt.current().id, objectArg(c, 0));
    return rt.done();
}

NativeResult k_event_clear(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    rt.machine().eventClear(rt.current().id, objectArg(c, 0));
    return NativeResult::ret();
}

NativeResult k_event_is_set(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(Value::boolean(rtOf(c).machine().object(objectArg(c, 0)).flag));
}

NativeResult k_event_wait(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const SimTime timeout = timeoutArg(c, 1);
    rt.charge(rt.options().costs.lockOp);
    Machine& m = rt.machine();
    if (m.eventWait(rt.current().id, objectArg(c, 0)) == SyncStatus::Done)
        return NativeResult::ret(Value::boolean(true));
    return rt.block(
        RunOutcome::block(WaitReason::Event, timeout), [](Runtime&, Machine& mm, PyThread& th) {
            th.vm->resume(Value::boolean(mm.thread(th.id).wakeResult == WakeResult::Set));
        });
}

NativeResult k_cond_wait(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const SimTime timeout = timeoutArg(c, 1);
    rt.charge(rt.options().costs.lockOp);
    Machine& m = rt.machine();
    const SyncStatus s = m.conditionWait(rt.current().id, objectArg(c, 0));
    if (s == SyncStatus::NotOwner)
        return c.raise(builtinTypes().RuntimeError, "cannot wait on un-acquired lock");
    return rt.block(
        RunOutcome::block(WaitReason::Condition, timeout), [](Runtime&, Machine& mm, PyThread& th) {
            th.vm->resume(Value::boolean(mm.thread(th.id).wakeResult == WakeResult::Acquired));
        });
}

NativeResult k_notify(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const auto n = static_cast<int>(toIndex(c.thread(), c.arg(1)));
    rt.charge(rt.options().costs.lockOp);
    Machine& m = rt.machine();
    if (m.notify(rt.current().id, objectArg(c, 0), n) == SyncStatus::NotOwner)
        return c.raise(builtinTypes().RuntimeError, "cannot notify on un-acquired lock");
    return rt.done();
}

NativeResult k_barrier_wait(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const SimTime timeout = timeoutArg(c, 1);
    rt.charge(rt.options().costs.lockOp);
    Machine& m = rt.machine();
    const ThreadId self = rt.current().id;
    switch (m.barrierWait(self, objectArg(c, 0))) {
        case SyncStatus::Done:
            return rt.done(Value::smallInt(static_cast<std::int64_t>(m.thread(self).wakeValue)));
        case SyncStatus::Wait:
            return rt.block(
                RunOutcome::block(WaitReason::Barrier, timeout),
                [](Runtime&, Machine& mm, PyThread& th) {
                    const ThreadInfo& ti = mm.thread(th.id);
                    th.vm->resume(Value::smallInt(ti.wakeResult == WakeResult::Passed
                                                      ? static_cast<std::int64_t>(ti.wakeValue)
                                                      : -1));
                });
        default:
            return NativeResult::ret(Value::smallInt(-1));
    }
}

NativeResult k_barrier_abort(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    rt.machine().barrierAbort(rt.current().id, objectArg(c, 0));
    return rt.done();
}

NativeResult k_barrier_reset(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    rt.machine().barrierReset(rt.current().id, objectArg(c, 0));
    return rt.done();
}

// ---- queues -------------------------------------------------------------------------------

Value takeItem(Runtime& rt, Machine& m, ObjectId o, std::uint64_t token, VmThread& vm) {
    ItemStore& st = rt.items(o);
    auto it = st.items.find(token);
    if (it == st.items.end()) return Value::none();
    std::uint64_t best = token;
    if (st.order != 0) {
        for (std::uint64_t k : m.object(o).items) {
            auto jt = st.items.find(k);
            if (jt == st.items.end()) continue;
            const auto& cur = st.items[best];
            if (st.order == 1 ? jt->second.seq > cur.seq
                              : lessThan(vm, jt->second.value, cur.value))
                best = k;
        }
    }
    const ItemStore::Item item = st.items[best];
    if (best != token) st.items[best] = st.items[token];
    st.items.erase(token);
    // Functions and classes were pickled by name: the receiver gets its own.
    if (item.byReference) return rt.resolveReferences(item.value, vm.interp());
    return item.value;
}

NativeResult k_queue_new(NativeCall& c) {
    c.expectArgs(3, 3);
    Runtime& rt = rtOf(c);
    const std::int64_t maxsize = toIndex(c.thread(), c.arg(0));
    const auto order = static_cast<int>(toIndex(c.thread(), c.arg(1)));
    const bool copy = truthy(c.thread(), c.arg(2));
    const std::string label = rt.objectLabel("Queue");
    Machine& m = rt.machine();
    const ObjectId id = m.createObject(ObjectKind::Queue, label, 0, maxsize);
    ItemStore& st = rt.items(id);
    st.order = order;
    st.copy = copy;
    return NativeResult::ret(Value::smallInt(id.value));
}

NativeResult k_queue_put(NativeCall& c) {
    c.expectArgs(4, 4);
    Runtime& rt = rtOf(c);
    const ObjectId o = objectArg(c, 0);
    const bool blocking = truthy(c.thread(), c.arg(2));
    const SimTime timeout = timeoutArg(c, 3);
    ItemStore& st = rt.items(o);
    Value v = c.arg(1);
    bool byReference = false;
    if (st.copy) {
        v = rt.copyForTransfer(v, &byReference);
        rt.charge(rt.options().costs.pipeOp);
    }
    rt.charge(rt.options().costs.lockOp);
    const std::uint64_t token = st.nextToken++;
    st.items[token] = {st.nextSeq++, v, byReference};
    Machine& m = rt.machine();
    switch (m.queuePut(rt.current().id, o, token, blocking)) {
        case SyncStatus::Done:
            return rt.done(Value::boolean(true));
        case SyncStatus::Wait:
            return rt.block(RunOutcome::block(WaitReason::Queue, timeout),
                            [o, token](Runtime& r, Machine& mm, PyThread& th) {
                                const bool put = mm.thread(th.id).wakeResult == WakeResult::Item;
                                if (!put) r.items(o).items.erase(token);
                                th.vm->resume(Value::boolean(put));
                            });
        default:
            st.items.erase(token);
            return NativeResult::ret(Value::boolean(false));
    }
}

NativeResult k_queue_get(NativeCall& c) {
    c.expectArgs(3, 3);
    Runtime& rt = rtOf(c);
    const ObjectId o = objectArg(c, 0);
    const bool blocking = truthy(c.thread(), c.arg(1));
    const SimTime timeout = timeoutArg(c, 2);
    const bool copy = rt.items(o).copy;
    rt.charge(rt.options().costs.lockOp +
              (copy ? rt.options().costs.pipeOp + rt.options().costs.pickleBase / 2 : 0));
    Machine& m = rt.machine();
    const ThreadId self = rt.current().id;
    switch (m.queueGet(self, o, blocking)) {
        case SyncStatus::Done:
            return rt.done(pair(true, takeItem(rt, m, o, m.thread(self).wakeValue, c.thread())));
        case SyncStatus::Wait:
            return rt.block(RunOutcome::block(WaitReason::Queue, timeout),
                            [o](Runtime& r, Machine& mm, PyThread& th) {
                                resumeWith(th, [&] {
                                    const ThreadInfo& ti = mm.thread(th.id);
                                    if (ti.wakeResult != WakeResult::Item)
                                        return pair(false, Value::none());
                                    return pair(true, takeItem(r, mm, o, ti.wakeValue, *th.vm));
                                });
                            });
        default:
            return NativeResult::ret(pair(false, Value::none()));
    }
}

NativeResult k_queue_size(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(Value::smallInt(
        static_cast<std::int64_t>(rtOf(c).machine().object(objectArg(c, 0)).items.size())));
}

NativeResult k_queue_unfinished(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(Value::smallInt(rtOf(c).machine().object(objectArg(c, 0)).unfinished));
}

NativeResult k_queue_task_done(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    Machine& m = rt.machine();
    if (m.queueTaskDone(rt.current().id, objectArg(c, 0)) != SyncStatus::Done)
        return NativeResult::ret(Value::boolean(false));
    return rt.done(Value::boolean(true));
}

NativeResult k_queue_join(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    Machine& m = rt.machine();
    if (m.queueJoin(rt.current().id, objectArg(c, 0)) == SyncStatus::Done)
        return NativeResult::ret();
    return rt.block(RunOutcome::block(WaitReason::Queue), Runtime::resumeNone);
}

// ---- shared values ------------------------------------------------------------------------

NativeResult k_value_new(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const std::string label = rt.objectLabel("Value");
    Machine& m = rt.machine();
    const ObjectId id = m.createObject(ObjectKind::Value, label, Runtime::shadowOf(c.arg(0)));
    rt.values()[id.value] = c.arg(0);
    return NativeResult::ret(Value::smallInt(id.value));
}

NativeResult k_value_load(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const ObjectId o = objectArg(c, 0);
    const int line = rt.userLine();
    rt.machine().valueLoad(rt.current().id, o, line);
    return NativeResult::ret(rt.values()[o.value]);
}

NativeResult k_value_store(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const ObjectId o = objectArg(c, 0);
    const int line = rt.userLine();
    rt.machine().valueStore(rt.current().id, o, Runtime::shadowOf(c.arg(1)), line);
    rt.values()[o.value] = c.arg(1);
    return NativeResult::ret();
}

NativeResult k_value_peek(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(rtOf(c).values()[objectArg(c, 0).value]);
}

// ---- multiprocessing.Manager: referents live in the manager, proxies call them -----------

constexpr SimTime kManagerCallNs = 40 * kMicrosecond;  // a proxy method call: IPC round trip

NativeResult k_shared_new(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    rt.charge(kManagerCallNs);
    rt.sharedObjects().push_back(rt.copyForTransfer(c.arg(0)));
    return NativeResult::ret(
        Value::smallInt(static_cast<std::int64_t>(rt.sharedObjects().size() - 1)));
}

// shared_call(id, method, args): the referent's method called with copies of args; the
// result comes back as a copy (pickled both ways, as a manager proxy does).
NativeResult k_shared_call(NativeCall& c) {
    c.expectArgs(3, 3);
    Runtime& rt = rtOf(c);
    const auto id = static_cast<std::size_t>(toIndex(c.thread(), c.arg(0)));
    if (id >= rt.sharedObjects().size())
        return c.raise(builtinTypes().ValueError, "no such shared object");
    rt.charge(kManagerCallNs);
    Value referent = rt.sharedObjects()[id];
    const std::string name = strArg(c, 1);
    std::vector<Value> args;
    for (const Value& a : toVector(c.thread(), c.arg(2))) args.push_back(rt.copyForTransfer(a));
    VmThread& t = c.thread();
    auto need = [&](std::size_t n) {
        if (args.size() != n)
            throwPy(builtinTypes().TypeError,
                    name + " expects " + std::to_string(n) + " argument(s)");
    };
    Value result = Value::none();
    // Operators of builtin referents (dict, list) are not attributes in the VM.
    if (name == "__getitem__") {
        need(1);
        result = getItem(t, referent, args[0]);
    } else if (name == "__setitem__") {
        need(2);
        setItem(t, referent, args[0], args[1]);
    } else if (name == "__delitem__") {
        need(1);
        delItem(t, referent, args[0]);
    } else if (name == "__contains__") {
        need(1);
        result = Value::boolean(contains(t, referent, args[0]));
    } else if (name == "__len__") {
        Value len = c.interp().builtinsDict()->getStr("len");
        result = t.call(len, {referent});
    } else if (name == "__str__") {
        result = strValue(t, referent);
    } else {
        Value method = getAttr(t, referent, name);
        result = t.callNested(method, std::span<const Value>(args.data(), args.size()));
    }
    // The caller waits for the manager's answer: give the other cores a chance to run.
    rt.machine();
    return rt.done(rt.copyForTransfer(result));
}

// ---- threads ------------------------------------------------------------------------------

NativeResult k_get_ident(NativeCall& c) {
    Runtime& rt = rtOf(c);
    return NativeResult::ret(Value::smallInt(rt.machine().thread(rt.current().id).tid));
}

NativeResult k_parent_ident(NativeCall& c) {
    return NativeResult::ret(
        Value::smallInt(static_cast<std::int64_t>(rtOf(c).currentProcess().parentIdent)));
}

NativeResult k_start_thread(NativeCall& c) {
    c.expectArgs(3, 3);
    Runtime& rt = rtOf(c);
    const std::string name = strArg(c, 1);
    const std::uint64_t ident = rt.startThread(c.arg(0), name, truthy(c.thread(), c.arg(2)));
    // Thread.start() waits on its _started Event until the new thread runs.
    return rt.block(RunOutcome::block(WaitReason::Event),
                    [ident](Runtime&, Machine&, PyThread& th) {
                        th.vm->resume(Value::smallInt(static_cast<std::int64_t>(ident)));
                    });
}

NativeResult k_join_thread(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const SimTime timeout = timeoutArg(c, 1);
    PyThread* target = rt.threadByIdent(static_cast<std::uint64_t>(toIndex(c.thread(), c.arg(0))));
    Machine& m = rt.machine();
    if (!target || m.join(rt.current().id, target->id) == SyncStatus::Done)
        return NativeResult::ret();
    return rt.block(RunOutcome::block(WaitReason::Join, timeout), Runtime::resumeNone);
}

NativeResult k_thread_alive(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    if (c.arg(0).isNone()) return NativeResult::ret(Value::boolean(false));
    PyThread* t = rt.threadByIdent(static_cast<std::uint64_t>(toIndex(c.thread(), c.arg(0))));
    if (!t) return NativeResult::ret(Value::boolean(false));
    return NativeResult::ret(
        Value::boolean(rt.machine().thread(t->id).state != ThreadState::Terminated));
}

NativeResult k_set_thread_name(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    if (PyThread* t = rt.threadByIdent(static_cast<std::uint64_t>(toIndex(c.thread(), c.arg(0))))) {
        t->name = strArg(c, 1);
        rt.machine().thread(t->id).name = t->name;
    }
    return NativeResult::ret();
}

// ---- processes ----------------------------------------------------------------------------

NativeResult k_getpid(NativeCall& c) {
    Runtime& rt = rtOf(c);
    return NativeResult::ret(Value::smallInt(rt.machine().process(rt.current().process).pid));
}

NativeResult k_getppid(NativeCall& c) {
    Runtime& rt = rtOf(c);
    return NativeResult::ret(Value::smallInt(rt.machine().process(rt.current().process).ppid));
}

NativeResult k_cpu_count(NativeCall& c) {
    return NativeResult::ret(Value::smallInt(rtOf(c).machine().settings().cores));
}

NativeResult k_start_process(NativeCall& c) {
    c.expectArgs(4, 4);
    Runtime& rt = rtOf(c);
    const std::string name = strArg(c, 1);
    const bool daemon = truthy(c.thread(), c.arg(2));
    const auto method = parseStartMethod(strArg(c, 3)).value_or(StartMethod::Fork);
    const int pid = rt.startProcess(c.thread(), c.arg(0), name, daemon, method);
    return rt.done(Value::smallInt(pid));
}

ProcessId processArg(NativeCall& c, Runtime& rt, std::size_t i) {
    const auto pid = static_cast<int>(toIndex(c.thread(), c.arg(i)));
    PyProcess* p = rt.processByPid(rt.machine(), pid);
    if (!p) throwPy(builtinTypes().ValueError, "no child process with pid " + std::to_string(pid));
    return p->id;
}

NativeResult k_process_exitcode(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const ProcessId p = processArg(c, rt, 0);
    Machine& m = rt.machine();
    if (m.process(p).exited < 0) return NativeResult::ret();
    // waitpid(): reading the exit status reaps the zombie.
    m.reap(p);
    return NativeResult::ret(Value::smallInt(m.process(p).exitCode));
}

NativeResult k_join_process(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const ProcessId p = processArg(c, rt, 0);
    const SimTime timeout = timeoutArg(c, 1);
    Machine& m = rt.machine();
    auto finish = [p](Machine& mm) -> Value {
        if (mm.process(p).exited < 0) return Value::none();
        mm.reap(p);
        return Value::smallInt(mm.process(p).exitCode);
    };
    const ProcessInfo& pi = m.process(p);
    if (pi.exited >= 0 || pi.threads.empty()) return NativeResult::ret(finish(m));
    if (m.join(rt.current().id, pi.threads.front()) == SyncStatus::Done)
        return NativeResult::ret(finish(m));
    return rt.block(RunOutcome::block(WaitReason::Join, timeout),
                    [finish](Runtime&, Machine& mm, PyThread& th) { th.vm->resume(finish(mm)); });
}

NativeResult k_signal_process(NativeCall& c) {
    c.expectArgs(2, 2);
    Runtime& rt = rtOf(c);
    const ProcessId p = processArg(c, rt, 0);
    const auto code = static_cast<int>(toIndex(c.thread(), c.arg(1)));
    if (rt.machine().process(p).exited < 0) rt.signalProcess(p, code);
    return rt.done();
}

NativeResult k_importing_main(NativeCall& c) {
    return NativeResult::ret(Value::boolean(rtOf(c).currentProcess().importingMain));
}

NativeResult k_after_fork(NativeCall& c) {
    Interpreter& interp = c.interp();
    Value threading = interp.sysModules().as<DictObject>()->getStr("threading");
    if (threading && threading.isKind(ObjKind::Module)) {
        Value fn = threading.as<ModuleObject>()->dict()->getStr("_after_fork");
        if (fn) c.thread().call(fn, {});
    }
    return NativeResult::ret();
}

NativeResult k_print_exc(NativeCall& c) {
    const Value& exc = c.thread().handledException();
    if (exc) c.interp().write(&c.thread(), OutStream::Stderr, c.interp().formatException(exc));
    return NativeResult::ret();
}

NativeResult k_set_start_method(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    if (auto m = parseStartMethod(strArg(c, 0))) rt.setStartMethod(*m);
    return NativeResult::ret();
}

NativeResult k_default_start_method(NativeCall& c) {
    return NativeResult::ret(makeStr(toString(rtOf(c).startMethod())));
}

// ---- time ---------------------------------------------------------------------------------

SimTime cpuOf(Machine& m, ThreadId t) {
    const ThreadInfo& ti = m.thread(t);
    SimTime cpu = ti.cpu;
    // A running thread's current run is added to its cpu when the run ends: count it so far.
    if (ti.state == ThreadState::Running && ti.core.valid()) {
        const CoreInfo& core = m.core(ti.core);
        cpu += std::max<SimTime>(0, core.clock - core.runFrom);
    }
    return cpu;
}

SimTime processCpu(Runtime& rt) {
    Machine& m = rt.machine();
    SimTime total = 0;
    for (ThreadId t : m.process(rt.current().process).threads) total += cpuOf(m, t);
    return total;
}

NativeResult t_time(NativeCall& c) {
    return NativeResult::ret(makeFloat(kEpoch + seconds(rtOf(c).now())));
}
NativeResult t_time_ns(NativeCall& c) {
    return NativeResult::ret(
        intFrom(static_cast<std::int64_t>(kEpoch) * 1000000000 + rtOf(c).now()));
}
NativeResult t_clock(NativeCall& c) {
    return NativeResult::ret(makeFloat(seconds(rtOf(c).now())));
}
NativeResult t_clock_ns(NativeCall& c) {
    return NativeResult::ret(intFrom(rtOf(c).now()));
}
NativeResult t_process_time(NativeCall& c) {
    return NativeResult::ret(makeFloat(seconds(processCpu(rtOf(c)))));
}
NativeResult t_process_time_ns(NativeCall& c) {
    return NativeResult::ret(intFrom(processCpu(rtOf(c))));
}
NativeResult t_thread_time(NativeCall& c) {
    Runtime& rt = rtOf(c);
    return NativeResult::ret(makeFloat(seconds(cpuOf(rt.machine(), rt.current().id))));
}
NativeResult t_thread_time_ns(NativeCall& c) {
    Runtime& rt = rtOf(c);
    return NativeResult::ret(intFrom(cpuOf(rt.machine(), rt.current().id)));
}

NativeResult t_sleep(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    if (!isNumber(c.arg(0)))
        return c.raise(
            builtinTypes().TypeError,
            "'" + std::string(typeName(c.arg(0))) + "' object cannot be interpreted as an integer");
    const double s = toDouble(c.thread(), c.arg(0));
    if (s < 0) return c.raise(builtinTypes().ValueError, "sleep length must be non-negative");
    if (s == 0) {
        rt.current().yieldCore = true;
        return NativeResult::yieldRun(Value::none());
    }
    return rt.block(
        RunOutcome::block(WaitReason::Sleep, static_cast<SimTime>(std::llround(s * 1e9))),
        Runtime::resumeNone);
}

std::string formatTime(const char* fmt, double t) {
    const auto secs = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[256];
    const std::size_t n = std::strftime(buf, sizeof buf, fmt, &tm);
    return std::string(buf, n);
}

NativeResult t_ctime(NativeCall& c) {
    c.expectArgs(0, 1);
    const double t = c.argc() > 0 && !c.arg(0).isNone() ? toDouble(c.thread(), c.arg(0))
                                                        : kEpoch + seconds(rtOf(c).now());
    std::string s = formatTime("%a %b %e %H:%M:%S %Y", t);
    return NativeResult::ret(makeStr(s));
}

NativeResult t_strftime(NativeCall& c) {
    c.expectArgs(1, 2);
    const std::string fmt = strArg(c, 0);
    const double t = kEpoch + seconds(rtOf(c).now());
    return NativeResult::ret(makeStr(formatTime(fmt.c_str(), t)));
}

// ---- os -----------------------------------------------------------------------------------

NativeResult os_getcwd(NativeCall& c) {
    (void)c;
    return NativeResult::ret(makeStr("/home/student"));
}

NativeResult os_getenv(NativeCall& c) {
    c.expectArgs(1, 2);
    Value environ = c.function().m_data;
    Value v = environ ? environ.as<DictObject>()->getStr(strArg(c, 0)) : Value();
    if (v) return NativeResult::ret(v);
    return NativeResult::ret(c.argc() > 1 ? c.arg(1) : Value::none());
}

NativeResult os_system(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const std::string cmd = strArg(c, 0);
    std::string prog = cmd.substr(0, cmd.find(' '));
    if (prog.empty()) prog = "sh";
    Machine& m = rt.machine();
    const ProcessId child = m.createProcess(prog, cmd, rt.current().process);
    const SimTime total = rt.scaled(rt.options().costs.systemCommand);
    const SimTime head = std::max<SimTime>(total / 10, 1);
    const SimTime io = std::max<SimTime>(total * 8 / 10, 1);
    const SimTime tail = std::max<SimTime>(total - head - io, 1);
    const ThreadId t = m.createThread(
        child, prog, std::make_unique<BurstProgram>(std::vector<SimTime>{head, io, tail}), m.now());
    m.interruptRun();
    if (m.join(rt.current().id, t) == SyncStatus::Done)
        return NativeResult::ret(Value::smallInt(0));
    return rt.block(RunOutcome::block(WaitReason::Join),
                    [child](Runtime&, Machine& mm, PyThread& th) {
                        mm.reap(child);
                        th.vm->resume(Value::smallInt(mm.process(child).exitCode));
                    });
}

// ---- taskscope ----------------------------------------------------------------------------

SimTime msArg(NativeCall& c, const char* what) {
    const double ms = toDouble(c.thread(), c.arg(0));
    if (ms < 0 || !std::isfinite(ms))
        throwPy(builtinTypes().ValueError,
                std::string(what) + " must be a non-negative number of milliseconds");
    return static_cast<SimTime>(std::llround(ms * 1e6));
}

NativeResult ts_work(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const SimTime ns = rt.scaled(msArg(c, "work()"));
    if (ns == 0) return NativeResult::ret();
    rt.current().pendingWork += ns;
    return NativeResult::yieldRun(Value::none());
}

NativeResult ts_io(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const SimTime ns = msArg(c, "io()");
    return rt.block(RunOutcome::block(WaitReason::Io, ns), Runtime::resumeNone);
}

NativeResult ts_mark(NativeCall& c) {
    c.expectArgs(1, 1);
    Runtime& rt = rtOf(c);
    const std::string label = strArg(c, 0);
    rt.machine().mark(rt.current().id, label);
    return NativeResult::ret();
}

NativeResult ts_now(NativeCall& c) {
    return NativeResult::ret(makeFloat(static_cast<double>(rtOf(c).now()) / 1e6));
}

}  // namespace

// charge(seconds): CPU time the calling thread spends in what CPython does in C or in
// modules Taskscope does not run (e.g. importing multiprocessing.pool); scaled like all costs.
NativeResult k_charge(NativeCall& c) {
    c.expectArgs(1, 1);
    rtOf(c).charge(static_cast<SimTime>(std::llround(toDouble(c.thread(), c.arg(0)) * 1e9)));
    return NativeResult::ret();
}

Value makeKernelModule(Runtime& rt, Interpreter& interp) {
    (void)rt, (void)interp;
    Value mod = makeModule("_taskscope");
    DictObject* d = mod.as<ModuleObject>()->dict();
    const char* n = "_taskscope";
    addFn(d, n, "new", k_new);
    addFn(d, n, "charge", k_charge);
    addFn(d, n, "acquire", k_acquire);
    addFn(d, n, "release", k_release);
    addFn(d, n, "locked", k_locked);
    addFn(d, n, "count", k_count);
    addFn(d, n, "waiters", k_waiters);
    addFn(d, n, "broken", k_broken);
    addFn(d, n, "event_set", k_event_set);
    addFn(d, n, "event_clear", k_event_clear);
    addFn(d, n, "event_is_set", k_event_is_set);
    addFn(d, n, "event_wait", k_event_wait);
    addFn(d, n, "cond_wait", k_cond_wait);
    addFn(d, n, "notify", k_notify);
    addFn(d, n, "barrier_wait", k_barrier_wait);
    addFn(d, n, "barrier_abort", k_barrier_abort);
    addFn(d, n, "barrier_reset", k_barrier_reset);
    addFn(d, n, "queue_new", k_queue_new);
    addFn(d, n, "queue_put", k_queue_put);
    addFn(d, n, "queue_get", k_queue_get);
    addFn(d, n, "queue_size", k_queue_size);
    addFn(d, n, "queue_unfinished", k_queue_unfinished);
    addFn(d, n, "queue_task_done", k_queue_task_done);
    addFn(d, n, "queue_join", k_queue_join);
    addFn(d, n, "value_new", k_value_new);
    addFn(d, n, "value_load", k_value_load);
    addFn(d, n, "value_store", k_value_store);
    addFn(d, n, "value_peek", k_value_peek);
    addFn(d, n, "shared_new", k_shared_new);
    addFn(d, n, "shared_call", k_shared_call);
    addFn(d, n, "get_ident", k_get_ident);
    addFn(d, n, "get_native_id", k_get_ident);
    addFn(d, n, "parent_ident", k_parent_ident);
    addFn(d, n, "start_thread", k_start_thread);
    addFn(d, n, "join_thread", k_join_thread);
    addFn(d, n, "thread_alive", k_thread_alive);
    addFn(d, n, "set_thread_name", k_set_thread_name);
    addFn(d, n, "getpid", k_getpid);
    addFn(d, n, "cpu_count", k_cpu_count);
    addFn(d, n, "monotonic", t_clock);
    addFn(d, n, "sleep", t_sleep);
    addFn(d, n, "start_process", k_start_process);
    addFn(d, n, "join_process", k_join_process);
    addFn(d, n, "process_exitcode", k_process_exitcode);
    addFn(d, n, "signal_process", k_signal_process);
    addFn(d, n, "importing_main", k_importing_main);
    addFn(d, n, "after_fork", k_after_fork);
    addFn(d, n, "print_exc", k_print_exc);
    addFn(d, n, "set_start_method", k_set_start_method);
    addFn(d, n, "default_start_method", k_default_start_method);
    return mod;
}

Value makeOsModule(Runtime& rt, Interpreter& interp) {
    (void)rt, (void)interp;
    Value mod = makeModule("os");
    DictObject* d = mod.as<ModuleObject>()->dict();
    addFn(d, "os", "getpid", k_getpid);
    addFn(d, "os", "getppid", k_getppid);
    addFn(d, "os", "cpu_count", k_cpu_count);
    addFn(d, "os", "getcwd", os_getcwd);
    addFn(d, "os", "system", os_system);
    Value environ = makeDict();
    auto* env = environ.as<DictObject>();
    env->setStr("HOME", makeStr("/home/student"));
    env->setStr("USER", makeStr("student"));
    env->setStr("PATH", makeStr("/usr/local/bin:/usr/bin:/bin"));
    env->setStr("LANG", makeStr("C.UTF-8"));
    d->setStr("environ", environ);
    addFn(d, "os", "getenv", os_getenv);
    d->getStr("getenv").as<NativeFunctionObject>()->m_data = environ;
    d->setStr("name", makeStr("posix"));
    d->setStr("sep", makeStr("/"));
    d->setStr("linesep", makeStr("\n"));
    d->setStr("curdir", makeStr("."));
    return mod;
}

Value makeTimeModule(Runtime& rt, Interpreter& interp) {
    (void)rt, (void)interp;
    Value mod = makeModule("time");
    DictObject* d = mod.as<ModuleObject>()->dict();
    addFn(d, "time", "time", t_time);
    addFn(d, "time", "time_ns", t_time_ns);
    addFn(d, "time", "perf_counter", t_clock);
    addFn(d, "time", "perf_counter_ns", t_clock_ns);
    addFn(d, "time", "monotonic", t_clock);
    addFn(d, "time", "monotonic_ns", t_clock_ns);
    addFn(d, "time", "process_time", t_process_time);
    addFn(d, "time", "process_time_ns", t_process_time_ns);
    addFn(d, "time", "thread_time", t_thread_time);
    addFn(d, "time", "thread_time_ns", t_thread_time_ns);
    addFn(d, "time", "sleep", t_sleep);
    addFn(d, "time", "ctime", t_ctime);
    addFn(d, "time", "strftime", t_strftime);
    return mod;
}

Value makeTaskscopeModule(Runtime& rt, Interpreter& interp) {
    (void)rt, (void)interp;
    Value mod = makeModule("taskscope");
    DictObject* d = mod.as<ModuleObject>()->dict();
    addFn(d, "taskscope", "work", ts_work);
    addFn(d, "taskscope", "io", ts_io);
    addFn(d, "taskscope", "mark", ts_mark);
    addFn(d, "taskscope", "now", ts_now);
    return mod;
}

}  // namespace taskscope::core::runtime
