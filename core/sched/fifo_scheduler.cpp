#include "core/sched/fifo_scheduler.h"

#include <algorithm>

namespace taskscope::core {

void FifoScheduler::enqueue(const SchedulerView&, ThreadId t, Cause) {
    m_queue.push_back(t);
}

ThreadId FifoScheduler::pickNext(const SchedulerView&, CoreId) {
    if (m_queue.empty()) return ThreadId::invalid();
    const ThreadId t = m_queue.front();
    m_queue.pop_front();
    return t;
}

void FifoScheduler::remove(ThreadId t) {
    m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), t), m_queue.end());
}

void FifoScheduler::readyOrder(std::vector<ThreadId>& out, std::size_t limit) const {
    const std::size_t n = std::min(limit, m_queue.size());
    out.insert(out.end(), m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n));
}

SimTime FifoScheduler::timeSlice(const SchedulerView&, ThreadId) const {
    return m_quantum;
}

}  // namespace taskscope::core
