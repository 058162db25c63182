#pragma once

#include <vector>

#include "core/sim/event.h"

namespace taskscope::core {

// A binary min-heap of events keyed by (time, priority, sequence). A plain vector, so the
// Machine that holds it stays a cheap-to-copy value.
class EventQueue {
public:
    void push(Event e);
    const Event& top() const { return m_heap.front(); }
    Event pop();
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    SimTime nextTime() const { return m_heap.empty() ? kNever : m_heap.front().time; }
    std::uint64_t nextSequence() { return m_sequence++; }

private:
    std::vector<Event> m_heap;
    std::uint64_t m_sequence = 0;
};

}  // namespace taskscope::core
