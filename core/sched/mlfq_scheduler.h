#pragma once

#include <deque>
#include <vector>

#include "core/sched/scheduler.h"

namespace taskscope::core {

// Multilevel feedback queue (Silberschatz 5.3.6, OSTEP ch. 8): new threads enter the top
// level; using a whole quantum moves a thread one level down; blocking keeps its level; a
// thread on a higher level preempts one on a lower level; every boost period all threads
// go back to the top.
class MlfqScheduler final : public Scheduler {
public:
    explicit MlfqScheduler(MlfqSettings settings);
    std::unique_ptr<Scheduler> clone() const override {
        return std::make_unique<MlfqScheduler>(*this);
    }
    void enqueue(const SchedulerView& m, ThreadId t, Cause why) override;
    ThreadId pickNext(const SchedulerView& m, CoreId core) override;
    void remove(ThreadId t) override;
    void readyOrder(std::vector<ThreadId>& out, std::size_t limit) const override;
    std::size_t readyCount() const override;
    SimTime timeSlice(const SchedulerView& m, ThreadId t) const override;
    bool preempts(const SchedulerView& m, ThreadId ready, ThreadId running) const override;
    bool lessUrgent(const SchedulerView& m, ThreadId a, ThreadId b) const override;
    void charge(const SchedulerView& m, ThreadId t, SimTime ran, Cause why) override;
    void addThread(const SchedulerView& m, ThreadId t) override;
    int level(ThreadId t) const override;

private:
    void boostIfDue(SimTime now);

    MlfqSettings m_settings;
    std::vector<std::deque<ThreadId>> m_levels;
    std::vector<int> m_levelOf;
    SimTime m_nextBoost = kNever;
};

}  // namespace taskscope::core
