#include "core/sim/event_queue.h"

#include <algorithm>

namespace taskscope::core {

namespace {
struct Later {
    bool operator()(const Event& a, const Event& b) const { return b.before(a); }
};
}  // namespace

void EventQueue::push(Event e) {
    e.sequence = m_sequence++;
    if (m_head == m_run.size() || !e.before(m_run.back())) {
        if (m_head == m_run.size()) {
            m_run.clear();
            m_head = 0;
        }
        m_run.push_back(e);
        return;
    }
    m_heap.push_back(e);
    std::push_heap(m_heap.begin(), m_heap.end(), Later{});
}

Event EventQueue::pop() {
    if (fromRun()) {
        const Event e = m_run[m_head++];
        if (m_head == m_run.size()) {
            // Drained: a large workload's arrivals give their memory back.
            if (m_run.capacity() > 4096) m_run = {};
            m_run.clear();
            m_head = 0;
        } else if (m_head >= 4096 && m_head * 2 >= m_run.size()) {
            m_run.erase(m_run.begin(), m_run.begin() + static_cast<std::ptrdiff_t>(m_head));
            m_head = 0;
        }
        return e;
    }
    std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
    Event e = m_heap.back();
    m_heap.pop_back();
    if (m_heap.empty() && m_heap.capacity() > 4096) m_heap = {};
    return e;
}

}  // namespace taskscope::core
