// The per-process GIL, after CPython 3.2+'s "new GIL" (Python/ceval_gil.h, REFERENCE.md §1):
// a waiter sleeps one switch interval; if no switch happened meanwhile it sets a drop
// request; the holder drops the GIL at its next check point, signals one waiter and then
// waits until that waiter really holds it (FORCE_SWITCHING). Blocking calls release the
// GIL without forcing a switch; taking it back is an ordinary wait.
#include <algorithm>

#include "core/sim/machine.h"
#include "core/trace/trace.h"

namespace taskscope::core {

void Machine::setGil(ProcessId p, bool enabled, SimTime interval, SimTime jitter) {
    GilState& gil = m_processes[p.index()].gil;
    gil.enabled = enabled;
    gil.jitter = std::max<SimTime>(jitter, 0);
    setSwitchInterval(p, interval);
}

void Machine::setSwitchInterval(ProcessId p, SimTime interval) {
    GilState& gil = m_processes[p.index()].gil;
    gil.interval = std::max<SimTime>(interval, 1);
    if (!m_trace || !gil.enabled) return;
    // Waiters already sleeping keep their timed wait; the next wait uses the new value (as
    // CPython's take_gil reads gil->interval at each wait).
    RecordBody b;
    b.kind = RecordKind::Gil;
    b.object = p.value;
    b.extra16 = static_cast<std::uint16_t>(GilOp::Interval);
    setGilInterval(b, gil.interval);
    m_trace->append(m_now, b);
}

bool Machine::gilDropRequested(ThreadId t) const {
    const ThreadInfo& th = m_threads[t.index()];
    const GilState& gil = m_processes[th.process.index()].gil;
    return gil.enabled && gil.dropRequest && gil.holder == t;
}

bool ThreadContext::gilDropRequested() const {
    return m_machine.gilDropRequested(m_thread);
}

bool Machine::holdsGil(const ThreadInfo& t) const {
    const GilState& gil = m_processes[t.process.index()].gil;
    return gil.enabled && gil.holder == t.id;
}

void Machine::recordGil(const ThreadInfo& t, GilOp op) {
    if (!m_trace) return;
    RecordBody b;
    b.kind = RecordKind::Gil;
    b.subject = t.id.value;
    b.object = t.process.value;
    b.extra16 = static_cast<std::uint16_t>(op);
    m_trace->append(m_now, b);
}

bool Machine::takeGil(ThreadInfo& t) {
    GilState& gil = m_processes[t.process.index()].gil;
    if (gil.holder.valid() && gil.holder != t.id) return false;
    gil.holder = t.id;
    gil.dropRequest = false;
    gil.waiters.erase(std::remove(gil.waiters.begin(), gil.waiters.end(), t.id), gil.waiters.end());
    if (gil.lastHolder != t.id) {
        gil.lastHolder = t.id;
        ++gil.switchNumber;
        ++gil.switches;
    }
    ++t.gilTimerSeq;  // any interval timer of this thread is stale now
    recordGil(t, GilOp::Acquire);
    // The thread that was forced to drop it may now go and wait for it again.
    if (gil.forcedWaiter.valid() && gil.forcedWaiter != t.id) {
        const ThreadId waiting = gil.forcedWaiter;
        gil.forcedWaiter = ThreadId::invalid();
        wake(waiting);
    }
    return true;
}

void Machine::armGilTimer(ThreadInfo& t) {
    const GilState& gil = m_processes[t.process.index()].gil;
    t.gilSwitchSeen = gil.switchNumber;
    ++t.gilTimerSeq;
    // A timed wait returns after the interval plus the OS wake-up latency, which varies:
    // without that variation the hand-off would always land on the same bytecode.
    const SimTime late =
        gil.jitter > 0
            ? static_cast<SimTime>(m_random.below(static_cast<std::uint64_t>(gil.jitter) + 1))
            : 0;
    pushEvent({m_now + gil.interval + late, kPriorityTimer, 0, EventKind::GilInterval, t.id.value,
               t.gilTimerSeq});
}

void Machine::waitForGil(CoreInfo& core, ThreadInfo& t) {
    GilState& gil = m_processes[t.process.index()].gil;
    if (std::find(gil.waiters.begin(), gil.waiters.end(), t.id) == gil.waiters.end())
        gil.waiters.push_back(t.id);
    recordGil(t, GilOp::Request);
    armGilTimer(t);
    deschedule(core, ThreadState::Waiting, WaitReason::Gil, Cause::Block);
}

bool Machine::dropGil(ThreadInfo& t, bool forced) {
    GilState& gil = m_processes[t.process.index()].gil;
    gil.holder = ThreadId::invalid();
    gil.dropRequest = false;
    recordGil(t, GilOp::Release);
    if (gil.waiters.empty()) return false;
    // COND_SIGNAL: one waiter is woken; it takes the GIL when it gets a core.
    const ThreadId next = gil.waiters.front();
    gil.waiters.erase(gil.waiters.begin());
    ++m_threads[next.index()].gilTimerSeq;
    wake(next);
    if (!forced) return false;
    gil.forcedWaiter = t.id;
    return true;
}

void Machine::onGilInterval(ThreadInfo& w, std::uint64_t seq) {
    if (w.gilTimerSeq != seq || w.state != ThreadState::Waiting || w.reason != WaitReason::Gil)
        return;
    GilState& gil = m_processes[w.process.index()].gil;
    if (std::find(gil.waiters.begin(), gil.waiters.end(), w.id) == gil.waiters.end()) return;
    if (gil.holder.valid() && gil.switchNumber == w.gilSwitchSeen && !gil.dropRequest) {
        gil.dropRequest = true;
        ++gil.dropRequests;
        recordGil(w, GilOp::DropRequest);
        ThreadInfo& holder = m_threads[gil.holder.index()];
        if (holder.state == ThreadState::Running && holder.core.valid()) {
            CoreInfo& core = m_cores[holder.core.index()];
            if (!core.starting && holder.program->isolated()) {
                // CPU work between check points is settled now and the GIL dropped at once.
                core.gilDrop = true;
                core.nextAction = std::max(core.clock, m_now);
            }
        }
    }
    // Wait another interval (a switch in between restarts the count).
    armGilTimer(w);
}

}  // namespace taskscope::core
