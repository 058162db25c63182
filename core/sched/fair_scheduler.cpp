#include "core/sched/fair_scheduler.h"

#include <algorithm>
#include <bit>

namespace taskscope::core {

namespace {
// kernel/sched/core.c sched_prio_to_weight: nice -20..19.
constexpr int kWeights[40] = {
    88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916, 9548, 7620, 6100, 4904,
    3906,  3121,  2501,  1991,  1586,  1277,  1024,  820,   655,   526,   423,  335,  272,  215,
    172,   137,   110,   87,    70,    56,    45,    36,    29,    23,    18,   15,
};
}  // namespace

int FairScheduler::weightOfNice(int nice) {
    return kWeights[std::clamp(nice, -20, 19) + 20];
}

FairScheduler::FairScheduler(FairSettings settings, int cores) : m_cores(std::max(cores, 1)) {
    // f = 1 + ilog2(min(cpus, 8)), as in sched_update_scaling().
    const int f = 1 + std::bit_width(static_cast<unsigned>(std::min(m_cores, 8))) - 1;
    m_scaled.latency = settings.latency * f;
    m_scaled.minGranularity = settings.minGranularity * f;
    m_scaled.wakeupGranularity = settings.wakeupGranularity * f;
}

void FairScheduler::addThread(const SchedulerView&, ThreadId t) {
    if (m_vruntime.size() <= t.index()) m_vruntime.resize(t.index() + 1, 0);
}

SimTime FairScheduler::currentVruntime(const SchedulerView& m, ThreadId t) const {
    const SimTime ran = m.ranSoFar(t);
    return m_vruntime[t.index()] + ran * 1024 / weightOfNice(m.thread(t).priority);
}

void FairScheduler::updateMin(const SchedulerView& m) {
    SimTime lowest = kNever;
    if (!m_ready.empty()) lowest = m_ready.begin()->first;
    for (const auto& c : m.cores())
        if (c.running.valid()) lowest = std::min(lowest, currentVruntime(m, c.running));
    if (lowest != kNever) m_minVruntime = std::max(m_minVruntime, lowest);
}

void FairScheduler::enqueue(const SchedulerView& m, ThreadId t, Cause why) {
    SimTime& v = m_vruntime[t.index()];
    if (why == Cause::Admit) {
        v = std::max(v, m_minVruntime);
    } else if (why == Cause::Wake) {
        v = std::max(v, m_minVruntime - m_scaled.latency / 2);
    }
    m_ready.insert({v, t.value});
    updateMin(m);
}

ThreadId FairScheduler::pickNext(const SchedulerView& m, CoreId) {
    if (m_ready.empty()) return ThreadId::invalid();
    const auto first = *m_ready.begin();
    m_ready.erase(m_ready.begin());
    updateMin(m);
    return ThreadId{first.second};
}

void FairScheduler::remove(ThreadId t) {
    if (t.index() < m_vruntime.size()) m_ready.erase({m_vruntime[t.index()], t.value});
}

void FairScheduler::readyOrder(std::vector<ThreadId>& out, std::size_t limit) const {
    for (const auto& e : m_ready) {
        if (limit-- == 0) break;
        out.push_back(ThreadId{e.second});
    }
}

SimTime FairScheduler::timeSlice(const SchedulerView& m, ThreadId t) const {
    // Runnable threads per core share one period, each in proportion to its weight.
    const std::size_t running = static_cast<std::size_t>(std::count_if(
        m.cores().begin(), m.cores().end(), [](const CoreInfo& c) { return c.running.valid(); }));
    const std::size_t runnable = m_ready.size() + std::max<std::size_t>(running, 1);
    const SimTime perCore = static_cast<SimTime>(
        (runnable + static_cast<std::size_t>(m_cores) - 1) / static_cast<std::size_t>(m_cores));
    const SimTime period = perCore > 8 ? perCore * m_scaled.minGranularity : m_scaled.latency;
    const SimTime weight = weightOfNice(m.thread(t).priority);
    const SimTime slice = period * weight / (1024 * std::max<SimTime>(perCore, 1));
    return std::max(slice, m_scaled.minGranularity);
}

bool FairScheduler::preempts(const SchedulerView& m, ThreadId ready, ThreadId running) const {
    const SimTime gran = m_scaled.wakeupGranularity * 1024 / weightOfNice(m.thread(ready).priority);
    return currentVruntime(m, running) - m_vruntime[ready.index()] > gran;
}

bool FairScheduler::lessUrgent(const SchedulerView& m, ThreadId a, ThreadId b) const {
    return currentVruntime(m, a) > currentVruntime(m, b);
}

void FairScheduler::charge(const SchedulerView& m, ThreadId t, SimTime ran, Cause) {
    m_vruntime[t.index()] += ran * 1024 / weightOfNice(m.thread(t).priority);
    updateMin(m);
}

}  // namespace taskscope::core
