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
    m_heap.push_back(e);
    std::push_heap(m_heap.begin(), m_heap.end(), Later{});
}

Event EventQueue::pop() {
    std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
    Event e = m_heap.back();
    m_heap.pop_back();
    // A large workload queues every arrival at the start: give that memory back once drained.
    if (m_heap.empty() && m_heap.capacity() > 4096) m_heap = {};
    return e;
}

}  // namespace taskscope::core
