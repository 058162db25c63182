// The Machine's kernel objects: locks, semaphores, events, conditions, barriers, queues
// and joins, with the semantics of CPython's threading/queue/multiprocessing (REFERENCE.md
// §2-4). Waiters are woken in FIFO order, which CPython guarantees for Condition and
// leaves unspecified for locks; FIFO keeps every run reproducible.
#include <algorithm>

#include "core/sim/machine.h"
#include "core/sync/wait_cycle.h"
#include "core/trace/trace.h"

namespace taskscope::core {

ObjectId Machine::createObject(ObjectKind kind, std::string name, std::int64_t count,
                               std::int64_t limit, ObjectId lock) {
    KernelObject o;
    o.id = ObjectId{static_cast<std::uint32_t>(m_objects.size())};
    o.kind = kind;
    o.name = std::move(name);
    o.count = count;
    o.limit = limit;
    o.lock = lock;
    if (kind == ObjectKind::BoundedSemaphore && o.limit <= 0) o.limit = count;
    m_objects.push_back(std::move(o));
    const KernelObject& added = m_objects.back();
    if (m_trace) {
        m_trace->defineObject(added.id.value, {added.name, static_cast<std::uint8_t>(kind)});
        RecordBody b;
        b.kind = RecordKind::ObjectCreate;
        b.subject = added.id.value;
        b.extra16 = static_cast<std::uint16_t>(kind);
        m_trace->append(m_now, b);
    }
    return added.id;
}

std::uint16_t Machine::syncValue(const KernelObject& o) const {
    std::int64_t v = 0;
    switch (o.kind) {
        case ObjectKind::Queue:
            v = static_cast<std::int64_t>(o.items.size());
            break;
        case ObjectKind::Event:
            v = o.flag ? 1 : 0;
            break;
        case ObjectKind::Lock:
        case ObjectKind::RLock:
            v = o.holder.valid() ? 1 : 0;
            break;
        default:
            v = o.count;
            break;
    }
    return static_cast<std::uint16_t>(std::clamp<std::int64_t>(v, 0, 0xffff));
}

void Machine::recordSync(ThreadId t, const KernelObject& o, SyncOp op) {
    if (!m_trace) return;
    RecordBody b;
    b.kind = RecordKind::Sync;
    b.subject = t.value;
    b.object = o.id.value;
    b.extra16 = static_cast<std::uint16_t>(op);
    b.core = syncValue(o);
    m_trace->append(m_now, b);
}

void Machine::waitOn(ThreadInfo& t, KernelObject& o) {
    t.waitingOn = o.id;
    t.wakeResult = WakeResult::None;
    t.wakeValue = 0;
    t.waitStart = m_now;
    ++o.contended;
    recordSync(t.id, o, SyncOp::Request);
}

void Machine::grant(KernelObject& o, ThreadId w, WakeResult r, std::uint64_t value, SyncOp op) {
    ThreadInfo& t = m_threads[w.index()];
    t.waitingOn = ObjectId::invalid();
    t.wakeResult = r;
    t.wakeValue = value;
    o.totalWait += m_now - t.waitStart;
    recordSync(w, o, op);
    // A waiter that registered but has not yet blocked (its run is still being applied)
    // simply continues; see finishRun.
    if (t.state == ThreadState::Waiting) {
        wake(w);
    } else {
        t.earlyWake = true;
        t.earlyWakeAt = m_now;
    }
}

// ---------------------------------------------------------------------------------------
// Locks and semaphores

SyncStatus Machine::acquire(ThreadId tid, ObjectId oid, bool blocking) {
    ThreadInfo& t = m_threads[tid.index()];
    KernelObject& o = m_objects[oid.index()];
    bool got = false;
    switch (o.kind) {
        case ObjectKind::Lock:
            got = !o.holder.valid();
            break;
        case ObjectKind::RLock:
            if (o.holder == tid) {
                ++o.count;
                t.wakeResult = WakeResult::Acquired;
                return SyncStatus::Done;
            }
            got = !o.holder.valid();
            break;
        case ObjectKind::Semaphore:
        case ObjectKind::BoundedSemaphore:
            got = o.count > 0;
            break;
        default:
            return SyncStatus::Failed;
    }
    if (got) {
        if (o.kind == ObjectKind::Semaphore || o.kind == ObjectKind::BoundedSemaphore) {
            --o.count;
        } else {
            o.holder = tid;
            o.count = 1;
        }
        ++o.acquisitions;
        t.wakeResult = WakeResult::Acquired;
        recordSync(tid, o, SyncOp::Acquired);
        return SyncStatus::Done;
    }
    if (!blocking) return SyncStatus::Failed;
    o.waiters.push_back({tid});
    waitOn(t, o);
    return SyncStatus::Wait;
}

bool Machine::wakeToRetry(KernelObject& o) {
    if (!m_settings.bargingLocks || o.waiters.empty()) return false;
    const Waiter w = o.waiters.front();
    ThreadInfo& t = m_threads[w.thread.index()];
    // A Condition's waiter taking its lock back, or one whose blocking run is still being
    // applied, gets the lock handed over as before.
    if (w.reacquire || t.state != ThreadState::Waiting) return false;
    o.waiters.pop_front();
    t.waitingOn = ObjectId::invalid();
    t.wakeResult = WakeResult::Retry;
    t.retryObject = o.id;
    o.totalWait += m_now - t.waitStart;
    wake(w.thread);
    return true;
}

bool Machine::retryAcquire(ThreadInfo& t) {
    KernelObject& o = m_objects[t.retryObject.index()];
    t.retryObject = ObjectId::invalid();
    const bool semaphore =
        o.kind == ObjectKind::Semaphore || o.kind == ObjectKind::BoundedSemaphore;
    if (semaphore ? o.count > 0 : !o.holder.valid()) {
        if (semaphore) {
            --o.count;
        } else {
            o.holder = t.id;
            o.count = 1;
        }
        ++o.acquisitions;
        t.wakeResult = WakeResult::Acquired;
        recordSync(t.id, o, SyncOp::Acquired);
        return true;
    }
    // Someone took it in between: back to sleep, at the end of the queue, with what is left
    // of its timeout.
    o.waiters.push_back({t.id});
    waitOn(t, o);
    if (t.deadline >= 0) {
        t.timedWait = true;
        pushEvent({std::max(t.deadline, m_now), kPriorityWake, 0, EventKind::Wake, t.id.value,
                   t.blockSeq});
    }
    return false;
}

void Machine::handOverLock(KernelObject& o) {
    // Free first: with barging the woken waiter may take it at once (no wake-up latency).
    o.holder = ThreadId::invalid();
    o.count = 0;
    if (wakeToRetry(o)) return;
    if (o.waiters.empty()) {
        o.holder = ThreadId::invalid();
        o.count = 0;
        return;
    }
    const Waiter w = o.waiters.front();
    o.waiters.pop_front();
    o.holder = w.thread;
    o.count = w.reacquire && o.kind == ObjectKind::RLock ? static_cast<std::int64_t>(w.arg) : 1;
    ++o.acquisitions;
    grant(o, w.thread, w.reacquire ? static_cast<WakeResult>(w.result) : WakeResult::Acquired, 0,
          SyncOp::Acquired);
}

SyncStatus Machine::release(ThreadId tid, ObjectId oid) {
    KernelObject& o = m_objects[oid.index()];
    switch (o.kind) {
        case ObjectKind::Lock:
            // threading.Lock has no owner: any thread may release it, but only when locked.
            if (!o.holder.valid()) return SyncStatus::NotHeld;
            recordSync(tid, o, SyncOp::Release);
            handOverLock(o);
            return SyncStatus::Done;
        case ObjectKind::RLock:
            if (o.holder != tid) return SyncStatus::NotHeld;
            if (--o.count > 0) return SyncStatus::Done;
            recordSync(tid, o, SyncOp::Release);
            handOverLock(o);
            return SyncStatus::Done;
        case ObjectKind::Semaphore:
        case ObjectKind::BoundedSemaphore:
            if (o.kind == ObjectKind::BoundedSemaphore && o.waiters.empty() && o.count >= o.limit)
                return SyncStatus::TooManyReleases;
            recordSync(tid, o, SyncOp::Release);
            ++o.count;
            if (wakeToRetry(o)) {
                // the woken waiter takes the count back if nobody else did
            } else if (!o.waiters.empty()) {
                --o.count;
                const Waiter w = o.waiters.front();
                o.waiters.pop_front();
                ++o.acquisitions;
                grant(o, w.thread, WakeResult::Acquired, 0, SyncOp::Acquired);
            }
            return SyncStatus::Done;
        default:
            return SyncStatus::Failed;
    }
}

// ---------------------------------------------------------------------------------------
// Events, conditions, barriers

SyncStatus Machine::eventWait(ThreadId tid, ObjectId oid) {
    ThreadInfo& t = m_threads[tid.index()];
    KernelObject& o = m_objects[oid.index()];
    if (o.flag) {
        t.wakeResult = WakeResult::Set;
        return SyncStatus::Done;
    }
    o.waiters.push_back({tid});
    waitOn(t, o);
    return SyncStatus::Wait;
}

void Machine::eventSet(ThreadId tid, ObjectId oid) {
    KernelObject& o = m_objects[oid.index()];
    o.flag = true;
    recordSync(tid, o, SyncOp::Set);
    while (!o.waiters.empty()) {
        const Waiter w = o.waiters.front();
        o.waiters.pop_front();
        grant(o, w.thread, WakeResult::Set, 0, SyncOp::Set);
    }
}

void Machine::eventClear(ThreadId tid, ObjectId oid) {
    KernelObject& o = m_objects[oid.index()];
    o.flag = false;
    recordSync(tid, o, SyncOp::Clear);
}

SyncStatus Machine::conditionWait(ThreadId tid, ObjectId cid) {
    KernelObject& c = m_objects[cid.index()];
    KernelObject& lock = m_objects[c.lock.index()];
    if (lock.holder != tid) return SyncStatus::NotOwner;
    ThreadInfo& t = m_threads[tid.index()];
    // wait() releases the lock completely (all RLock levels) and takes it back later.
    const auto depth = static_cast<std::uint64_t>(std::max<std::int64_t>(lock.count, 1));
    c.waiters.push_back({tid, depth});
    waitOn(t, c);
    recordSync(tid, lock, SyncOp::Release);
    handOverLock(lock);
    return SyncStatus::Wait;
}

SyncStatus Machine::notify(ThreadId tid, ObjectId cid, int n) {
    KernelObject& c = m_objects[cid.index()];
    KernelObject& lock = m_objects[c.lock.index()];
    if (lock.holder != tid) return SyncStatus::NotOwner;
    recordSync(tid, c, SyncOp::Notify);
    while (!c.waiters.empty() && n != 0) {
        Waiter w = c.waiters.front();
        c.waiters.pop_front();
        if (n > 0) --n;
        // The notified thread now waits to take the lock back (the notifier holds it).
        ThreadInfo& t = m_threads[w.thread.index()];
        recordSync(w.thread, c, SyncOp::Acquired);
        w.reacquire = true;
        w.result = static_cast<std::uint8_t>(WakeResult::Acquired);
        lock.waiters.push_back(w);
        t.waitingOn = lock.id;
        recordSync(w.thread, lock, SyncOp::Request);
    }
    return SyncStatus::Done;
}

SyncStatus Machine::barrierWait(ThreadId tid, ObjectId oid) {
    ThreadInfo& t = m_threads[tid.index()];
    KernelObject& o = m_objects[oid.index()];
    if (o.flag) return SyncStatus::Broken;
    const std::uint64_t index = static_cast<std::uint64_t>(o.count);
    if (o.count + 1 >= o.limit) {
        // The last arrival releases everyone; arrival indexes are 0 .. parties-1.
        t.wakeResult = WakeResult::Passed;
        t.wakeValue = index;
        std::uint64_t i = 0;
        while (!o.waiters.empty()) {
            const Waiter w = o.waiters.front();
            o.waiters.pop_front();
            grant(o, w.thread, WakeResult::Passed, i++, SyncOp::BarrierPass);
        }
        o.count = 0;
        ++o.generation;
        recordSync(tid, o, SyncOp::BarrierPass);
        return SyncStatus::Done;
    }
    ++o.count;
    o.waiters.push_back({tid, index});
    waitOn(t, o);
    return SyncStatus::Wait;
}

void Machine::barrierAbort(ThreadId tid, ObjectId oid) {
    KernelObject& o = m_objects[oid.index()];
    o.flag = true;
    o.count = 0;
    recordSync(tid, o, SyncOp::Broken);
    while (!o.waiters.empty()) {
        const Waiter w = o.waiters.front();
        o.waiters.pop_front();
        grant(o, w.thread, WakeResult::Broken, 0, SyncOp::Broken);
    }
}

void Machine::barrierReset(ThreadId tid, ObjectId oid) {
    barrierAbort(tid, oid);
    KernelObject& o = m_objects[oid.index()];
    o.flag = false;
    ++o.generation;
}

// ---------------------------------------------------------------------------------------
// Queues

SyncStatus Machine::queuePut(ThreadId tid, ObjectId qid, std::uint64_t token, bool blocking) {
    ThreadInfo& t = m_threads[tid.index()];
    KernelObject& q = m_objects[qid.index()];
    const bool full = q.limit > 0 && static_cast<std::int64_t>(q.items.size()) >= q.limit;
    if (full) {
        if (!blocking) return SyncStatus::Failed;
        q.putters.push_back({tid, token});
        waitOn(t, q);
        return SyncStatus::Wait;
    }
    ++q.unfinished;
    t.wakeResult = WakeResult::Item;
    if (!q.waiters.empty()) {
        // A blocked get() takes the item at once.
        const Waiter w = q.waiters.front();
        q.waiters.pop_front();
        recordSync(tid, q, SyncOp::Put);
        grant(q, w.thread, WakeResult::Item, token, SyncOp::Get);
        return SyncStatus::Done;
    }
    q.items.push_back(token);
    q.highWater = std::max(q.highWater, q.items.size());
    recordSync(tid, q, SyncOp::Put);
    return SyncStatus::Done;
}

SyncStatus Machine::queueGet(ThreadId tid, ObjectId qid, bool blocking) {
    ThreadInfo& t = m_threads[tid.index()];
    KernelObject& q = m_objects[qid.index()];
    if (q.items.empty()) {
        if (!blocking) return SyncStatus::Failed;
        q.waiters.push_back({tid});
        waitOn(t, q);
        return SyncStatus::Wait;
    }
    t.wakeResult = WakeResult::Item;
    t.wakeValue = q.items.front();
    q.items.pop_front();
    recordSync(tid, q, SyncOp::Get);
    if (!q.putters.empty()) {
        // A slot opened: the oldest blocked put() goes through.
        const Waiter w = q.putters.front();
        q.putters.pop_front();
        q.items.push_back(w.arg);
        ++q.unfinished;
        grant(q, w.thread, WakeResult::Item, 0, SyncOp::Put);
    }
    return SyncStatus::Done;
}

SyncStatus Machine::queueTaskDone(ThreadId tid, ObjectId qid) {
    KernelObject& q = m_objects[qid.index()];
    if (q.unfinished <= 0) return SyncStatus::Failed;
    if (--q.unfinished == 0) {
        while (!q.joiners.empty()) {
            const Waiter w = q.joiners.front();
            q.joiners.pop_front();
            grant(q, w.thread, WakeResult::Joined, 0, SyncOp::Acquired);
        }
    }
    (void)tid;
    return SyncStatus::Done;
}

SyncStatus Machine::queueJoin(ThreadId tid, ObjectId qid) {
    ThreadInfo& t = m_threads[tid.index()];
    KernelObject& q = m_objects[qid.index()];
    if (q.unfinished <= 0) {
        t.wakeResult = WakeResult::Joined;
        return SyncStatus::Done;
    }
    q.joiners.push_back({tid});
    waitOn(t, q);
    return SyncStatus::Wait;
}

// ---------------------------------------------------------------------------------------
// Shared values and lost updates

namespace {
constexpr std::size_t kMaxLostUpdates = 10000;
}

std::int64_t Machine::valueLoad(ThreadId tid, ObjectId oid, int line, bool quiet) {
    KernelObject& o = m_objects[oid.index()];
    const PendingRead read{tid, o.generation, o.count, m_now, line};
    auto it = std::find_if(o.reads.begin(), o.reads.end(),
                           [&](const PendingRead& r) { return r.thread == tid; });
    if (it != o.reads.end())
        *it = read;
    else
        o.reads.push_back(read);
    if (!quiet) recordSync(tid, o, SyncOp::Load);
    return o.count;
}

void Machine::valueStore(ThreadId tid, ObjectId oid, std::int64_t value, int line, bool quiet) {
    KernelObject& o = m_objects[oid.index()];
    auto it = std::find_if(o.reads.begin(), o.reads.end(),
                           [&](const PendingRead& r) { return r.thread == tid; });
    if (it != o.reads.end()) {
        // Lost: another thread changed the value after this thread read it, and this write
        // (computed from the stale read) wipes that change out.
        if (it->version != o.generation && it->value != o.count && o.lastWriter.valid() &&
            o.lastWriter != tid) {
            ++o.lostUpdates;
            ++m_lostUpdateCount;
            if (m_lostUpdates.size() < kMaxLostUpdates)
                m_lostUpdates.push_back(
                    {m_now, tid, o.lastWriter, oid, it->at, o.lastWrite, it->line, line});
            recordSync(tid, o, SyncOp::LostUpdate);
        }
        o.reads.erase(it);
    }
    o.count = value;
    ++o.generation;
    o.lastWriter = tid;
    o.lastWrite = m_now;
    if (!quiet) recordSync(tid, o, SyncOp::Store);
}

// ---------------------------------------------------------------------------------------
// Joins, timeouts, deadlock

SyncStatus Machine::join(ThreadId tid, ThreadId target) {
    ThreadInfo& t = m_threads[tid.index()];
    if (m_threads[target.index()].state == ThreadState::Terminated) {
        t.wakeResult = WakeResult::Joined;
        return SyncStatus::Done;
    }
    if (m_joinObjectOf.size() <= target.index()) m_joinObjectOf.resize(target.index() + 1);
    ObjectId& jo = m_joinObjectOf[target.index()];
    if (!jo.valid()) {
        jo = createObject(ObjectKind::Join, "join " + m_threads[target.index()].name);
        m_objects[jo.index()].target = target;
    }
    KernelObject& o = m_objects[jo.index()];
    o.waiters.push_back({tid});
    waitOn(t, o);
    return SyncStatus::Wait;
}

void Machine::releaseJoiners(ThreadId ended) {
    if (ended.index() >= m_joinObjectOf.size() || !m_joinObjectOf[ended.index()].valid()) return;
    KernelObject& o = m_objects[m_joinObjectOf[ended.index()].index()];
    while (!o.waiters.empty()) {
        const Waiter w = o.waiters.front();
        o.waiters.pop_front();
        grant(o, w.thread, WakeResult::Joined, 0, SyncOp::Acquired);
    }
}

bool Machine::timeoutWait(ThreadInfo& t) {
    KernelObject& o = m_objects[t.waitingOn.index()];
    auto drop = [&](std::deque<Waiter>& list) {
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const Waiter& w) { return w.thread == t.id; });
        if (it == list.end()) return std::optional<Waiter>{};
        Waiter w = *it;
        list.erase(it);
        return std::optional<Waiter>{w};
    };
    std::optional<Waiter> w = drop(o.waiters);
    if (!w) w = drop(o.putters);
    if (!w) w = drop(o.joiners);
    t.waitingOn = ObjectId::invalid();
    t.wakeResult = WakeResult::Timeout;
    recordSync(t.id, o, SyncOp::Timeout);
    if (o.kind == ObjectKind::Barrier) {
        // A timeout breaks the barrier for everyone waiting on it.
        o.flag = true;
        o.count = 0;
        while (!o.waiters.empty()) {
            const Waiter other = o.waiters.front();
            o.waiters.pop_front();
            grant(o, other.thread, WakeResult::Broken, 0, SyncOp::Broken);
        }
    }
    if (o.kind == ObjectKind::Condition && w) {
        // wait(timeout) still takes the lock back before it returns False.
        KernelObject& lock = m_objects[o.lock.index()];
        if (!lock.holder.valid()) {
            lock.holder = t.id;
            lock.count = lock.kind == ObjectKind::RLock ? static_cast<std::int64_t>(w->arg) : 1;
            recordSync(t.id, lock, SyncOp::Acquired);
            return true;
        }
        Waiter again = *w;
        again.reacquire = true;
        again.result = static_cast<std::uint8_t>(WakeResult::Timeout);
        lock.waiters.push_back(again);
        t.waitingOn = lock.id;
        t.wakeResult = WakeResult::None;
        recordSync(t.id, lock, SyncOp::Request);
        return false;
    }
    return true;
}

void Machine::checkDeadlock(ThreadId start) {
    if (m_deadlock) return;
    // Follow "waits for object" -> "object held by thread" edges from the thread that just
    // blocked. A cycle of threads that all wait without a timeout can never end; a cycle the
    // walk runs into without `start` on it was already there (and reported) before.
    const auto next = [this](std::uint32_t thread) -> std::optional<WaitStep> {
        const ThreadInfo& t = m_threads[thread];
        if (t.state != ThreadState::Waiting || t.timedWait || !t.waitingOn.valid())
            return std::nullopt;
        const KernelObject& o = m_objects[t.waitingOn.index()];
        ThreadId holder;
        if (o.kind == ObjectKind::Lock || o.kind == ObjectKind::RLock)
            holder = o.holder;
        else if (o.kind == ObjectKind::Join)
            holder = o.target;
        if (!holder.valid()) return std::nullopt;
        return WaitStep{o.id.value, holder.value};
    };
    const WaitCycle cycle = findWaitCycle(start.value, m_threads.size(), next);
    if (cycle.empty() || cycle.threads.front() != start.value) return;
    DeadlockInfo d{m_now, {}, {}};
    for (const std::uint32_t t : cycle.threads) d.threads.push_back(ThreadId{t});
    for (const std::uint32_t o : cycle.objects) d.objects.push_back(ObjectId{o});
    m_deadlock = std::move(d);
    if (m_trace) record(RecordKind::Deadlock, start.value, 0xffff, cycle.objects.front());
}

}  // namespace taskscope::core
