#pragma once

#include <vector>

#include "core/sim/event.h"

namespace taskscope::core {

// Events in (time, priority, sequence) order. Events pushed in that order (a workload's
// arrivals, queued at the start) wait in a plain list; the others in a binary min-heap; the
// next event is the earlier of the two fronts. Plain vectors, so the Machine that holds it
// stays a cheap-to-copy value.
class EventQueue {
public:
    void push(Event e);
    const Event& top() const { return fromRun() ? m_run[m_head] : m_heap.front(); }
    Event pop();
    bool empty() const { return m_heap.empty() && m_head == m_run.size(); }
    std::size_t size() const { return m_heap.size() + (m_run.size() - m_head); }
    SimTime nextTime() const { return empty() ? kNever : top().time; }
    std::uint64_t nextSequence() { return m_sequence++; }

private:
    // The next event is the head of the ordered list.
    bool fromRun() const {
        return m_head < m_run.size() && (m_heap.empty() || m_run[m_head].before(m_heap.front()));
    }

    std::vector<Event> m_heap;
    std::vector<Event> m_run;  // in order; [m_head, end) are still queued
    std::size_t m_head = 0;
    std::uint64_t m_sequence = 0;
};

}  // namespace taskscope::core
