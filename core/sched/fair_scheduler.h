#pragma once

#include <set>
#include <utility>
#include <vector>

#include "core/sched/scheduler.h"

namespace taskscope::core {

// A CFS-like fair policy (Documentation/scheduler/sched-design-CFS.rst): the Ready thread
// with the smallest virtual runtime runs; slices are a weight share of a period of
// 6 ms x f (f = 1 + log2(min(cores, 8))), at least 0.75 ms x f; a woken thread preempts
// the running one when its vruntime is smaller by more than 1 ms x f; sleepers come back
// at no less than min_vruntime - latency/2. One global queue stands in for Linux's per-CPU
// runqueues and load balancing (see README).
class FairScheduler final : public Scheduler {
public:
    FairScheduler(FairSettings settings, int cores);
    std::unique_ptr<Scheduler> clone() const override {
        return std::make_unique<FairScheduler>(*this);
    }
    void enqueue(const SchedulerView& m, ThreadId t, Cause why) override;
    ThreadId pickNext(const SchedulerView& m, CoreId core) override;
    void remove(ThreadId t) override;
    void readyOrder(std::vector<ThreadId>& out, std::size_t limit) const override;
    std::size_t readyCount() const override { return m_ready.size(); }
    SimTime timeSlice(const SchedulerView& m, ThreadId t) const override;
    bool preempts(const SchedulerView& m, ThreadId ready, ThreadId running) const override;
    bool lessUrgent(const SchedulerView& m, ThreadId a, ThreadId b) const override;
    void charge(const SchedulerView& m, ThreadId t, SimTime ran, Cause why) override;
    void addThread(const SchedulerView& m, ThreadId t) override;

    static int weightOfNice(int nice);

private:
    SimTime currentVruntime(const SchedulerView& m, ThreadId t) const;
    void updateMin(const SchedulerView& m);

    FairSettings m_scaled;
    int m_cores;
    std::set<std::pair<SimTime, std::uint32_t>> m_ready;  // (vruntime, thread)
    std::vector<SimTime> m_vruntime;
    SimTime m_minVruntime = 0;
};

}  // namespace taskscope::core
