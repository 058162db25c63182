#pragma once

#include <set>
#include <tuple>
#include <vector>

#include "core/sched/scheduler.h"

namespace taskscope::core {

// Policies that pick the Ready thread with the smallest key, ties in the order threads
// became Ready: SJF and SRTF (key: CPU left in the current burst) and priority, both
// non-preemptive and preemptive (key: priority number, smaller = more urgent).
class OrderedScheduler final : public Scheduler {
public:
    explicit OrderedScheduler(PolicyKind kind) : m_kind(kind) {}
    std::unique_ptr<Scheduler> clone() const override {
        return std::make_unique<OrderedScheduler>(*this);
    }
    void enqueue(const SchedulerView& m, ThreadId t, Cause why) override;
    ThreadId pickNext(const SchedulerView& m, CoreId core) override;
    void remove(ThreadId t) override;
    void readyOrder(std::vector<ThreadId>& out, std::size_t limit) const override;
    std::size_t readyCount() const override { return m_ready.size(); }
    SimTime timeSlice(const SchedulerView& m, ThreadId t) const override;
    bool mayPreempt() const override { return preemptive(); }
    bool preempts(const SchedulerView& m, ThreadId ready, ThreadId running) const override;
    bool lessUrgent(const SchedulerView& m, ThreadId a, ThreadId b) const override;

private:
    std::int64_t key(const SchedulerView& m, ThreadId t) const;
    bool preemptive() const;

    using Entry = std::tuple<std::int64_t, std::uint64_t, std::uint32_t>;  // key, seq, thread
    PolicyKind m_kind;
    std::set<Entry> m_ready;
    std::vector<Entry> m_entryOf;  // per thread, to remove it
    std::uint64_t m_sequence = 0;
};

}  // namespace taskscope::core
