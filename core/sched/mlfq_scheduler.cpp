#include "core/sched/mlfq_scheduler.h"

#include <algorithm>

namespace taskscope::core {

MlfqScheduler::MlfqScheduler(MlfqSettings settings) : m_settings(std::move(settings)) {
    if (m_settings.quanta.empty()) m_settings.quanta = {kNever};
    m_levels.resize(m_settings.quanta.size());
    if (m_settings.boostPeriod > 0) m_nextBoost = m_settings.boostPeriod;
}

void MlfqScheduler::addThread(const SchedulerView&, ThreadId t) {
    if (m_levelOf.size() <= t.index()) m_levelOf.resize(t.index() + 1, 0);
}

int MlfqScheduler::level(ThreadId t) const {
    return t.index() < m_levelOf.size() ? m_levelOf[t.index()] : 0;
}

void MlfqScheduler::enqueue(const SchedulerView& m, ThreadId t, Cause) {
    boostIfDue(m.now());
    m_levels[static_cast<std::size_t>(level(t))].push_back(t);
}

void MlfqScheduler::boostIfDue(SimTime now) {
    if (now < m_nextBoost) return;
    while (m_nextBoost <= now) m_nextBoost += m_settings.boostPeriod;
    std::fill(m_levelOf.begin(), m_levelOf.end(), 0);
    for (std::size_t i = 1; i < m_levels.size(); ++i) {
        m_levels[0].insert(m_levels[0].end(), m_levels[i].begin(), m_levels[i].end());
        m_levels[i].clear();
    }
}

ThreadId MlfqScheduler::pickNext(const SchedulerView& m, CoreId) {
    boostIfDue(m.now());
    for (auto& q : m_levels) {
        if (q.empty()) continue;
        const ThreadId t = q.front();
        q.pop_front();
        return t;
    }
    return ThreadId::invalid();
}

void MlfqScheduler::remove(ThreadId t) {
    for (auto& q : m_levels) q.erase(std::remove(q.begin(), q.end(), t), q.end());
}

void MlfqScheduler::readyOrder(std::vector<ThreadId>& out, std::size_t limit) const {
    for (const auto& q : m_levels) {
        for (const ThreadId t : q) {
            if (limit-- == 0) return;
            out.push_back(t);
        }
    }
}

std::size_t MlfqScheduler::readyCount() const {
    std::size_t n = 0;
    for (const auto& q : m_levels) n += q.size();
    return n;
}

SimTime MlfqScheduler::timeSlice(const SchedulerView&, ThreadId t) const {
    const SimTime q = m_settings.quanta[static_cast<std::size_t>(level(t))];
    return q <= 0 ? kNever : q;
}

bool MlfqScheduler::preempts(const SchedulerView&, ThreadId ready, ThreadId running) const {
    return level(ready) < level(running);
}

bool MlfqScheduler::lessUrgent(const SchedulerView&, ThreadId a, ThreadId b) const {
    return level(a) > level(b);
}

void MlfqScheduler::charge(const SchedulerView&, ThreadId t, SimTime, Cause why) {
    if (why != Cause::Timeout) return;
    int& lvl = m_levelOf[t.index()];
    lvl = std::min(lvl + 1, static_cast<int>(m_levels.size()) - 1);
}

}  // namespace taskscope::core
