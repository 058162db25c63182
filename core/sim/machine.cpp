#include "core/sim/machine.h"

#include <algorithm>
#include <cassert>

#include "core/trace/trace.h"

namespace taskscope::core {

Machine::Machine(MachineSettings settings)
    : m_settings(std::move(settings)),
      m_scheduler(makeScheduler(m_settings.policy, m_settings.cores)),
      m_random(m_settings.seed),
      m_nextOsId(m_settings.shellPid + 1) {
    m_settings.cores = std::clamp(m_settings.cores, 1, 64);
    m_cores.resize(static_cast<std::size_t>(m_settings.cores));
    for (std::size_t i = 0; i < m_cores.size(); ++i)
        m_cores[i].id = CoreId{static_cast<std::uint32_t>(i)};
    m_coreIdleRecorded.assign(m_cores.size(), false);
}

Machine::~Machine() = default;

void Machine::markDirty() {
    if (!m_dirty) m_dirtyAt = m_now;
    m_dirty = true;
    m_interrupt = true;
}

void Machine::pushEvent(const Event& e) {
    m_events.push(e);
    m_interrupt = true;
}

Machine& ThreadContext::machine() {
    m_machine.advanceTo(m_clock);
    return m_machine;
}

void ThreadContext::sourceLine(int line) {
    m_machine.sourceLine(m_thread, line, m_clock);
}

bool ThreadContext::interrupted() const {
    return m_machine.runInterrupted();
}

void Machine::attachTrace(Trace* trace) {
    m_trace = TraceLink(trace);
    if (m_trace) m_trace->setCoreCount(m_settings.cores);
}

// ---------------------------------------------------------------------------------------
// Building

void Machine::reserve(std::size_t processes, std::size_t threads) {
    m_processes.reserve(processes);
    m_processAnnounced.reserve(processes);
    m_threads.reserve(threads);
    if (m_trace) m_trace->reserve(processes, threads);
}

ProcessId Machine::createProcess(std::string name, std::string command, ProcessId parent) {
    ProcessInfo p;
    p.id = ProcessId{static_cast<std::uint32_t>(m_processes.size())};
    p.pid = allocateOsId();
    p.parent = parent;
    p.ppid = parent.valid() ? m_processes[parent.index()].pid : m_settings.shellPid;
    p.name = std::move(name);
    p.command = std::move(command);
    p.created = m_now;
    if (parent.valid()) m_processes[parent.index()].children.push_back(p.id);
    m_processes.push_back(std::move(p));
    m_processAnnounced.push_back(false);
    return m_processes.back().id;
}

ThreadId Machine::createThread(ProcessId process, std::string name,
                               std::unique_ptr<Program> program, SimTime at, int priority,
                               SimTime admitDelay) {
    ProcessInfo& p = m_processes[process.index()];
    ThreadInfo t;
    t.id = ThreadId{static_cast<std::uint32_t>(m_threads.size())};
    t.process = process;
    // The main thread's tid is the pid, as on Linux; other threads take fresh numbers.
    t.tid = p.threads.empty() ? p.pid : allocateOsId();
    t.name = std::move(name);
    t.priority = priority;
    t.created = std::max(at, m_now);
    t.lastChange = t.created;
    t.program = std::move(program);
    p.threads.push_back(t.id);
    ++p.liveThreads;
    if (p.threads.size() == 1) p.created = t.created;
    m_threads.push_back(std::move(t));
    const ThreadInfo& added = m_threads.back();
    m_scheduler->addThread(schedulerView(), added.id);
    pushEvent({added.created, kPriorityCreate, 0, EventKind::Create, added.id.value,
               static_cast<std::uint64_t>(std::max<SimTime>(admitDelay, 0))});
    return added.id;
}

// ---------------------------------------------------------------------------------------
// The main loop

CoreInfo* Machine::earliestCore() {
    CoreInfo* best = nullptr;
    for (auto& c : m_cores)
        if (c.running.valid() && (!best || c.nextAction < best->nextAction)) best = &c;
    return best;
}

SimTime Machine::nextActionTime() const {
    if (finished()) return kNever;
    SimTime t = m_events.nextTime();
    for (const auto& c : m_cores)
        if (c.running.valid()) t = std::min(t, c.nextAction);
    if (m_dirty) t = std::min(t, m_now);
    return t;
}

bool Machine::step() {
    return step(kNever);
}

bool Machine::step(SimTime until) {
    if (m_deadlock && m_settings.stopOnDeadlock) return false;
    m_horizon = until;
    if (finished()) return false;
    const SimTime te = m_events.nextTime();
    CoreInfo* core = earliestCore();
    const SimTime tc = core ? core->nextAction : kNever;
    if (std::min(te, m_dirty ? m_now : tc) > until || (te == kNever && tc == kNever && !m_dirty))
        return false;
    // Everything that happens at one instant is settled before the idle cores pick work, so
    // that simultaneous arrivals all compete for them. The instant is the one of the change:
    // a core that was behind catches up to it, but its run ends a step beyond and moves the
    // clock on, so waiting for every core to pass the moving clock would let cores that
    // overtake each other hold the idle ones back for as long as they run.
    if (m_dirty && te > m_now && tc > m_dirtyAt) {
        dispatch();
        ++m_actions;
        return true;
    }
    if (te == kNever && tc == kNever) return false;
    ++m_actions;
    if (te <= tc) {
        const Event e = m_events.pop();
        advanceTo(e.time);
        handleEvent(e);
    } else {
        advanceTo(tc);
        coreAction(*core);
    }
    return true;
}

void Machine::runUntil(SimTime until) {
    while (step(until)) {
    }
    if (until != kNever && until > m_now && !finished()) {
        // Time passes up to `until`: lazily settled bursts catch up so that CPU and state
        // times read at this instant are exact.
        advanceTo(until);
        for (auto& core : m_cores) {
            if (!core.running.valid() || core.starting) continue;
            ThreadInfo& t = m_threads[core.running.index()];
            if (!t.program->isolated() || core.clock >= m_now) continue;
            const SimTime before = core.clock;
            core.runFrom = before;
            ThreadContext ctx(*this, t.id, core.id, core.clock);
            t.program->run(ctx, m_now);
            t.cpu += core.clock - before;
            core.runFrom = core.clock;
            core.busy += core.clock - before;
        }
    }
    if (m_trace)
        m_trace->setEndTime(until == kNever || finished() ? m_now : std::max(m_now, until));
}

bool Machine::endRun(SimTime limit) {
    const bool cut = !finished() && !done() && !(m_deadlock && m_settings.stopOnDeadlock);
    runUntil(cut ? limit : kNever);  // without a cut no step is left: it only sets the end
    return cut;
}

void Machine::handleEvent(const Event& e) {
    switch (e.kind) {
        case EventKind::Create: {
            ThreadInfo& t = m_threads[e.subject];
            ProcessInfo& p = m_processes[t.process.index()];
            if (!m_processAnnounced[p.id.index()]) {
                m_processAnnounced[p.id.index()] = true;
                if (m_trace) {
                    m_trace->defineProcess(p.id.value, {p.name, p.command, p.pid, p.ppid,
                                                        p.parent.valid() ? p.parent.value : kNone});
                    record(RecordKind::ProcessCreate, p.id.value, 0xffff,
                           p.parent.valid() ? p.parent.value : kNone);
                }
            }
            if (m_trace) {
                m_trace->defineThread(t.id.value, {t.name, t.tid, t.process.value});
                record(RecordKind::ThreadCreate, t.id.value, 0xffff, t.process.value);
            }
            t.lastChange = m_now;
            if (e.arg == 0) {
                makeReady(t, Cause::Admit);
            } else {
                pushEvent({m_now + static_cast<SimTime>(e.arg), kPriorityCreate, 0,
                           EventKind::Admit, e.subject, 0});
            }
            break;
        }
        case EventKind::Admit:
            makeReady(m_threads[e.subject], Cause::Admit);
            break;
        case EventKind::Wake: {
            ThreadInfo& t = m_threads[e.subject];
            if (t.state == ThreadState::Waiting && t.blockSeq == e.arg) {
                // A timed wait on a kernel object ends: leave its waiter list (a Condition
                // may keep the thread waiting to take its lock back).
                if (t.waitingOn.valid() && !timeoutWait(t)) {
                    t.timedWait = false;
                    break;
                }
                // Woken by a release (barging locks): take it now, or wait again.
                if (t.wakeResult == WakeResult::Retry && !retryAcquire(t)) break;
                ++t.blockSeq;
                makeReady(t, Cause::Wake);
            }
            break;
        }
        case EventKind::Timer:
            if (m_extension) m_extension->onTimer(*this, e.arg);
            break;
        case EventKind::GilInterval:
            onGilInterval(m_threads[e.subject], e.arg);
            break;
    }
}

SimTime Machine::runLimit(const CoreInfo& core) const {
    SimTime limit = std::min(m_events.nextTime(), core.sliceEnd);
    // Programs that share state advance in step with the other cores, so that their
    // interleaving follows simulated time one step at a time.
    const ThreadInfo* self = core.running.valid() ? &m_threads[core.running.index()] : nullptr;
    const SimTime slack = self && self->program ? self->program->lockstepSlack() : 0;
    for (const auto& c : m_cores)
        if (&c != &core && c.running.valid() && c.nextAction != kNever)
            limit = std::min(limit, c.nextAction + slack);
    if (m_dirty) limit = m_now;
    if (m_horizon > core.clock) limit = std::min(limit, m_horizon);
    return limit;
}

void Machine::coreAction(CoreInfo& core) {
    if (core.starting) {
        beginRun(core);
        return;
    }
    if (core.hasPending) {
        core.hasPending = false;
        finishRun(core, core.pending);
        return;
    }
    ThreadInfo& t = m_threads[core.running.index()];
    Program& program = *t.program;
    if (program.isolated() && core.clock < m_now) {
        // Settle the lazily run burst up to now; it may end exactly here.
        const SimTime before = core.clock;
        core.runFrom = before;
        ThreadContext ctx(*this, t.id, core.id, core.clock);
        const RunOutcome outcome = program.run(ctx, m_now);
        t.cpu += core.clock - before;
        core.runFrom = core.clock;
        core.busy += core.clock - before;
        if (outcome.kind != RunOutcome::Kind::Continue) {
            finishRun(core, outcome);
            return;
        }
    }
    if (core.gilDrop) {
        core.gilDrop = false;
        if (holdsGil(t) && m_processes[t.process.index()].gil.dropRequest && dropGil(t, true)) {
            deschedule(core, ThreadState::Waiting, WaitReason::Gil, Cause::Block);
            return;
        }
    }
    if (core.preempt) {
        deschedule(core, ThreadState::Ready, WaitReason::None, Cause::Preempt);
        return;
    }
    if (m_now >= core.sliceEnd) {
        deschedule(core, ThreadState::Ready, WaitReason::None, Cause::Timeout);
        return;
    }
    if (program.isolated()) {
        planNext(core);
        return;
    }
    const SimTime before = core.clock;
    core.runFrom = before;
    m_interrupt = false;
    ThreadContext ctx(*this, t.id, core.id, core.clock);
    const RunOutcome outcome = program.run(ctx, runLimit(core));
    m_interrupt = false;
    ThreadInfo& after = m_threads[core.running.index()];  // the run may have added threads
    after.cpu += core.clock - before;
    core.runFrom = core.clock;
    core.busy += core.clock - before;
    if (outcome.kind != RunOutcome::Kind::Continue) {
        core.hasPending = true;
        core.pending = outcome;
    }
    // A run may take no time (a kernel operation that completed at once); the program
    // then continues at the same instant, after the other cores had their turn.
    core.nextAction = core.clock;
}

void Machine::planNext(CoreInfo& core) {
    const ThreadInfo& t = m_threads[core.running.index()];
    if (t.program->isolated()) {
        const SimTime left = t.program->remainingBurst();
        core.nextAction = std::min(core.clock + std::max<SimTime>(left, 0), core.sliceEnd);
    } else {
        core.nextAction = core.clock;
    }
}

void Machine::beginRun(CoreInfo& core) {
    core.starting = false;
    core.clock = m_now;
    core.runStart = m_now;
    ThreadInfo& t = m_threads[core.running.index()];
    setState(t, ThreadState::Running, WaitReason::None, Cause::Dispatch);
    if (t.firstRun < 0) t.firstRun = m_now;
    record(RecordKind::CoreRun, t.id.value, static_cast<std::uint16_t>(core.id.value));
    m_coreIdleRecorded[core.id.index()] = false;
    const SimTime slice = m_scheduler->timeSlice(schedulerView(), t.id);
    core.sliceEnd = slice == kNever ? kNever : m_now + slice;
    // A Python thread needs its process's GIL before it can run any bytecode.
    const GilState& gil = m_processes[t.process.index()].gil;
    if (gil.enabled && gil.holder != t.id && !takeGil(t)) {
        waitForGil(core, t);
        return;
    }
    if (gil.enabled && gil.dropRequest) core.gilDrop = true;
    planNext(core);
}

void Machine::finishRun(CoreInfo& core, const RunOutcome& outcome) {
    ThreadInfo& t = m_threads[core.running.index()];
    switch (outcome.kind) {
        case RunOutcome::Kind::Continue:
            break;
        case RunOutcome::Kind::Block: {
            if (t.earlyWake) {
                // What it waits for arrived while its run was still being applied.
                t.earlyWake = false;
                if (t.earlyWakeAt <= core.clock) {
                    planNext(core);  // already there when the thread asked: no wait
                    break;
                }
                // It came later than the thread asked (another core's run, applied first,
                // released it at a later instant): the thread slept until then, as on a
                // futex, and is woken now.
                if (holdsGil(t)) dropGil(t, false);
                const ThreadId id = t.id;
                deschedule(core, ThreadState::Waiting, outcome.reason, Cause::Block);
                wake(id);
                break;
            }
            // Every blocking call releases the GIL (Py_BEGIN_ALLOW_THREADS).
            if (holdsGil(t)) dropGil(t, false);
            ++t.blockSeq;
            const std::uint32_t seq = t.blockSeq;
            t.timedWait = outcome.wakeAfter != kNever;
            t.deadline = t.timedWait ? m_now + outcome.wakeAfter : -1;
            deschedule(core, ThreadState::Waiting, outcome.reason, Cause::Block);
            if (outcome.wakeAfter != kNever)
                pushEvent({m_now + outcome.wakeAfter, kPriorityWake, 0, EventKind::Wake, t.id.value,
                           seq});
            if (t.waitingOn.valid()) checkDeadlock(t.id);
            break;
        }
        case RunOutcome::Kind::Yield:
            deschedule(core, ThreadState::Ready, WaitReason::None, Cause::Yield);
            break;
        case RunOutcome::Kind::Checkpoint:
            // FORCE_SWITCHING: drop the GIL and wait until another thread has taken it.
            if (holdsGil(t) && dropGil(t, true)) {
                deschedule(core, ThreadState::Waiting, WaitReason::Gil, Cause::Block);
            } else {
                planNext(core);
            }
            break;
        case RunOutcome::Kind::Exit:
            if (holdsGil(t)) dropGil(t, false);
            t.exitCode = outcome.exitCode;
            deschedule(core, ThreadState::Terminated, WaitReason::None, Cause::Exit);
            exitThread(m_threads[core.last.index()], outcome.exitCode);
            break;
    }
}

void Machine::deschedule(CoreInfo& core, ThreadState state, WaitReason reason, Cause cause) {
    const ThreadId id = core.running;
    ThreadInfo& t = m_threads[id.index()];
    core.last = id;
    core.running = ThreadId::invalid();
    core.nextAction = kNever;
    core.sliceEnd = kNever;
    core.preempt = false;
    core.hasPending = false;
    t.core = CoreId::invalid();
    t.lastCore = core.id;
    // Charged after leaving the core, so the policy sees it as no longer running.
    m_scheduler->charge(schedulerView(), id, m_now - core.runStart, cause);
    setState(t, state, reason, cause);
    if (state == ThreadState::Ready) m_scheduler->enqueue(schedulerView(), id, cause);
    markDirty();
}

void Machine::exitThread(ThreadInfo& t, int exitCode) {
    t.finish = m_now;
    t.exitCode = exitCode;
    ProcessInfo& p = m_processes[t.process.index()];
    releaseJoiners(t.id);
    if (m_extension) m_extension->onThreadExit(*this, t.id);
    if (--p.liveThreads == 0 && p.exited < 0) {
        p.exited = m_now;
        ++m_exitedProcesses;
        p.exitCode = p.threads.empty() ? exitCode : m_threads[p.threads.front().index()].exitCode;
        if (m_trace) {
            RecordBody b;
            b.kind = RecordKind::ProcessExit;
            b.subject = p.id.value;
            b.extra16 = static_cast<std::uint16_t>(static_cast<std::int16_t>(p.exitCode));
            m_trace->append(m_now, b);
        }
        if (m_extension) m_extension->onProcessExit(*this, p.id);
        // The simulated shell waits for its children at once.
        if (!p.parent.valid()) reap(p.id);
    }
}

// ---------------------------------------------------------------------------------------
// Dispatch and preemption

void Machine::dispatch() {
    m_dirty = false;
    while (true) {
        auto idle = std::find_if(m_cores.begin(), m_cores.end(),
                                 [](const CoreInfo& c) { return !c.running.valid(); });
        if (idle == m_cores.end()) break;
        const ThreadId t = m_scheduler->pickNext(schedulerView(), idle->id);
        if (!t.valid()) break;
        // Like Linux's wake affinity: back to the core it last ran on when that one is idle.
        const CoreId last = m_threads[t.index()].lastCore;
        const bool lastIdle = last.valid() && !m_cores[last.index()].running.valid();
        startOnCore(lastIdle ? m_cores[last.index()] : *idle, t);
    }
    if (m_scheduler->mayPreempt() && m_scheduler->readyCount() > 0) {
        std::size_t pending = 0;
        for (const auto& c : m_cores)
            if (c.preempt) ++pending;
        // At most one preemption per core: only the head of the ready set matters.
        m_orderBuffer.clear();
        m_scheduler->readyOrder(m_orderBuffer, m_cores.size());
        for (std::size_t i = pending; i < m_orderBuffer.size(); ++i) {
            const ThreadId ready = m_orderBuffer[i];
            CoreInfo* victim = nullptr;
            for (auto& c : m_cores) {
                if (!c.running.valid() || c.starting || c.preempt) continue;
                if (!m_scheduler->preempts(schedulerView(), ready, c.running)) continue;
                if (!victim || m_scheduler->lessUrgent(schedulerView(), c.running, victim->running))
                    victim = &c;
            }
            if (!victim) break;
            requestPreempt(*victim);
        }
    }
    for (auto& core : m_cores) {
        if (!core.running.valid() && !m_coreIdleRecorded[core.id.index()]) {
            m_coreIdleRecorded[core.id.index()] = true;
            record(RecordKind::CoreIdle, kNone, static_cast<std::uint16_t>(core.id.value));
        }
    }
}

void Machine::startOnCore(CoreInfo& core, ThreadId id) {
    ThreadInfo& t = m_threads[id.index()];
    core.running = id;
    t.core = core.id;
    SimTime cost = 0;
    if (core.last.valid() && core.last != id) {
        ++m_contextSwitches;
        cost = m_settings.contextSwitch;
    }
    core.starting = true;
    core.nextAction = m_now + cost;
    if (cost > 0) {
        core.switching += cost;
        record(RecordKind::CoreSwitch, id.value, static_cast<std::uint16_t>(core.id.value));
        m_coreIdleRecorded[core.id.index()] = false;
    }
}

void Machine::requestPreempt(CoreInfo& core) {
    core.preempt = true;
    // A lazily settled burst is settled at this instant; a stepping program stops at its
    // next step boundary.
    if (m_threads[core.running.index()].program->isolated())
        core.nextAction = std::max(core.clock, m_now);
}

// ---------------------------------------------------------------------------------------
// State changes

void Machine::makeReady(ThreadInfo& t, Cause cause) {
    if (t.arrival < 0) t.arrival = m_now;
    setState(t, ThreadState::Ready, WaitReason::None, cause);
    m_scheduler->enqueue(schedulerView(), t.id, cause);
    markDirty();
}

void Machine::setState(ThreadInfo& t, ThreadState s, WaitReason r, Cause cause) {
    const SimTime spent = m_now - t.lastChange;
    if (t.state == ThreadState::Ready) t.readyTime += spent;
    if (t.state == ThreadState::Waiting) {
        t.waitingTime += spent;
        t.waitByReason.add(static_cast<std::size_t>(t.reason), spent);
        if (t.reason == WaitReason::Gil) t.gilWait += spent;
    }
    t.state = s;
    t.reason = r;
    t.lastChange = m_now;
    if (m_trace) {
        RecordBody b;
        b.kind = RecordKind::State;
        b.state = s;
        b.reason = r;
        b.cause = cause;
        b.subject = t.id.value;
        b.core = (s == ThreadState::Running && t.core.valid())
                     ? static_cast<std::uint16_t>(t.core.value)
                     : 0xffff;
        m_trace->append(m_now, b);
    }
}

void Machine::wake(ThreadId id) {
    ThreadInfo& t = m_threads[id.index()];
    if (t.state != ThreadState::Waiting) return;
    t.timedWait = false;
    ++t.blockSeq;
    if (m_settings.wakeLatency > 0 && !t.waitingOn.valid()) {
        // The kernel makes it runnable a little later (IPI, idle exit, scheduler); until
        // then it still shows as waiting. The Wake event below finds no object to leave.
        // It varies (half to one and a half times the setting, from the run's seed): a fixed
        // latency would let a waiter retry a barging lock at the same phase of the holder's
        // loop every time, and starve it for ever.
        const SimTime w = m_settings.wakeLatency;
        const SimTime late =
            w / 2 + static_cast<SimTime>(m_random.below(static_cast<std::uint64_t>(w) + 1));
        pushEvent({m_now + late, kPriorityWake, 0, EventKind::Wake, t.id.value, t.blockSeq});
        return;
    }
    // Woken by a release (barging locks): take it now, or wait again (as the Wake event does).
    if (t.wakeResult == WakeResult::Retry && !retryAcquire(t)) return;
    makeReady(t, Cause::Wake);
}

void Machine::scheduleTimer(SimTime at, std::uint64_t arg) {
    pushEvent({std::max(at, m_now), kPriorityTimer, 0, EventKind::Timer, 0, arg});
}

void Machine::terminate(ThreadId id, int exitCode) {
    ThreadInfo& t = m_threads[id.index()];
    if (t.state == ThreadState::Terminated) return;
    if (t.state == ThreadState::Running || t.core.valid()) {
        CoreInfo& core = m_cores[t.core.index()];
        if (core.starting) {
            core.starting = false;
            core.running = ThreadId::invalid();
            core.nextAction = kNever;
            t.core = CoreId::invalid();
            markDirty();
        } else {
            deschedule(core, ThreadState::Terminated, WaitReason::None, Cause::Killed);
            exitThread(t, exitCode);
            return;
        }
    }
    if (t.state == ThreadState::Ready) m_scheduler->remove(id);
    GilState& gil = m_processes[t.process.index()].gil;
    if (holdsGil(t)) dropGil(t, false);
    gil.waiters.erase(std::remove(gil.waiters.begin(), gil.waiters.end(), id), gil.waiters.end());
    if (gil.forcedWaiter == id) gil.forcedWaiter = ThreadId::invalid();
    ++t.blockSeq;
    setState(t, ThreadState::Terminated, WaitReason::None, Cause::Killed);
    exitThread(t, exitCode);
}

void Machine::reap(ProcessId id) {
    ProcessInfo& p = m_processes[id.index()];
    if (p.exited < 0 || p.reaped >= 0) return;
    p.reaped = m_now;
    record(RecordKind::ProcessReap, p.id.value);
}

void Machine::mark(ThreadId t, std::string_view label) {
    if (!m_trace) return;
    record(RecordKind::Marker, t.value, 0xffff, m_trace->intern(label));
}

void Machine::sourceLine(ThreadId t, int line, SimTime at) {
    if (!m_trace || line <= 0) return;
    if (at <= m_now) {
        record(RecordKind::Line, t.value, 0xffff, static_cast<std::uint32_t>(line));
        return;
    }
    const auto pos = std::upper_bound(m_lines.begin(), m_lines.end(), at,
                                      [](SimTime v, const PendingLine& p) { return v < p.at; });
    m_lines.insert(pos, {at, t, line});
}

void Machine::recordLinesUpTo(SimTime t) {
    auto it = m_lines.begin();
    for (; it != m_lines.end() && it->at <= t; ++it) {
        if (!m_trace) continue;  // a snapshot, detached from the trace
        RecordBody b;
        b.kind = RecordKind::Line;
        b.subject = it->thread.value;
        b.core = 0xffff;
        b.object = static_cast<std::uint32_t>(it->line);
        m_trace->append(it->at, b);
    }
    m_lines.erase(m_lines.begin(), it);
}

void Machine::output(ThreadId t, int stream, std::string_view text) {
    if (!m_trace) return;
    RecordBody b;
    b.kind = RecordKind::Output;
    b.subject = t.value;
    b.object = m_trace->intern(text);
    b.extra16 = static_cast<std::uint16_t>(stream);
    m_trace->append(m_now, b);
}

SimTime Machine::remainingBurst(ThreadId id) const {
    return schedulerView().remainingBurst(id);
}

SimTime Machine::ranSoFar(ThreadId id) const {
    return schedulerView().ranSoFar(id);
}

void Machine::record(RecordKind kind, std::uint32_t subject, std::uint16_t core,
                     std::uint32_t object) {
    if (!m_trace) return;
    RecordBody b;
    b.kind = kind;
    b.subject = subject;
    b.core = core;
    b.object = object;
    m_trace->append(m_now, b);
}

}  // namespace taskscope::core
