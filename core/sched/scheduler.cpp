#include "core/sched/scheduler.h"

#include <algorithm>

#include "core/sched/fair_scheduler.h"
#include "core/sched/fifo_scheduler.h"
#include "core/sched/mlfq_scheduler.h"
#include "core/sched/ordered_scheduler.h"

namespace taskscope::core {

SimTime SchedulerView::remainingBurst(ThreadId id) const {
    const ThreadInfo& t = thread(id);
    SimTime left = t.program ? t.program->remainingBurst() : -1;
    if (left < 0) return -1;
    // A running burst is settled lazily: subtract what it ran since its core's clock.
    if (t.core.valid() && t.state == ThreadState::Running && t.program->isolated())
        left -= std::max<SimTime>(0, m_now - m_cores[t.core.index()].clock);
    return std::max<SimTime>(left, 0);
}

SimTime SchedulerView::ranSoFar(ThreadId id) const {
    const ThreadInfo& t = thread(id);
    if (t.state != ThreadState::Running || !t.core.valid()) return 0;
    return std::max<SimTime>(0, m_now - m_cores[t.core.index()].runStart);
}

std::unique_ptr<Scheduler> makeScheduler(const PolicySettings& settings, int cores) {
    switch (settings.kind) {
        case PolicyKind::Fcfs:
            return std::make_unique<FifoScheduler>(kNever);
        case PolicyKind::RoundRobin:
            return std::make_unique<FifoScheduler>(settings.quantum);
        case PolicyKind::Sjf:
        case PolicyKind::Srtf:
        case PolicyKind::Priority:
        case PolicyKind::PriorityPreemptive:
            return std::make_unique<OrderedScheduler>(settings.kind);
        case PolicyKind::Mlfq:
            return std::make_unique<MlfqScheduler>(settings.mlfq);
        case PolicyKind::Fair:
            return std::make_unique<FairScheduler>(settings.fair, cores);
    }
    return std::make_unique<FifoScheduler>(kNever);
}

}  // namespace taskscope::core
