#include "core/sched/ordered_scheduler.h"

namespace taskscope::core {

std::int64_t OrderedScheduler::key(const SchedulerView& m, ThreadId t) const {
    switch (m_kind) {
        case PolicyKind::Sjf:
        case PolicyKind::Srtf: {
            const SimTime left = m.remainingBurst(t);
            return left < 0 ? kNever : left;  // unknown bursts go last
        }
        default:
            return m.thread(t).priority;
    }
}

bool OrderedScheduler::preemptive() const {
    return m_kind == PolicyKind::Srtf || m_kind == PolicyKind::PriorityPreemptive;
}

void OrderedScheduler::enqueue(const SchedulerView& m, ThreadId t, Cause) {
    const Entry e{key(m, t), m_sequence++, t.value};
    if (m_entryOf.size() <= t.index()) m_entryOf.resize(t.index() + 1);
    m_entryOf[t.index()] = e;
    m_ready.insert(e);
}

ThreadId OrderedScheduler::pickNext(const SchedulerView&, CoreId) {
    if (m_ready.empty()) return ThreadId::invalid();
    const Entry e = *m_ready.begin();
    m_ready.erase(m_ready.begin());
    return ThreadId{std::get<2>(e)};
}

void OrderedScheduler::remove(ThreadId t) {
    if (t.index() < m_entryOf.size()) m_ready.erase(m_entryOf[t.index()]);
}

void OrderedScheduler::readyOrder(std::vector<ThreadId>& out, std::size_t limit) const {
    for (const auto& e : m_ready) {
        if (limit-- == 0) break;
        out.push_back(ThreadId{std::get<2>(e)});
    }
}

SimTime OrderedScheduler::timeSlice(const SchedulerView&, ThreadId) const {
    return kNever;
}

bool OrderedScheduler::preempts(const SchedulerView& m, ThreadId ready, ThreadId running) const {
    // Strictly more urgent only: an equal key never takes the core (textbook convention).
    return preemptive() && key(m, ready) < key(m, running);
}

bool OrderedScheduler::lessUrgent(const SchedulerView& m, ThreadId a, ThreadId b) const {
    return key(m, a) > key(m, b);
}

}  // namespace taskscope::core
