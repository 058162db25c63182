#pragma once

#include <deque>

#include "core/sched/scheduler.h"

namespace taskscope::core {

// First come, first served; with a quantum it is round robin. A thread whose slice expires
// goes to the tail, behind anything that arrived at that same instant.
class FifoScheduler final : public Scheduler {
public:
    explicit FifoScheduler(SimTime quantum) : m_quantum(quantum) {}
    std::unique_ptr<Scheduler> clone() const override {
        return std::make_unique<FifoScheduler>(*this);
    }
    void enqueue(const SchedulerView& m, ThreadId t, Cause why) override;
    ThreadId pickNext(const SchedulerView& m, CoreId core) override;
    void remove(ThreadId t) override;
    void readyOrder(std::vector<ThreadId>& out, std::size_t limit) const override;
    std::size_t readyCount() const override { return m_queue.size(); }
    SimTime timeSlice(const SchedulerView& m, ThreadId t) const override;
    bool mayPreempt() const override { return false; }

private:
    SimTime m_quantum;  // kNever for FCFS
    std::deque<ThreadId> m_queue;
};

}  // namespace taskscope::core
