#include "core/sched/scheduler.h"

#include "core/sched/fair_scheduler.h"
#include "core/sched/fifo_scheduler.h"
#include "core/sched/mlfq_scheduler.h"
#include "core/sched/ordered_scheduler.h"

namespace taskscope::core {

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
