#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/defaults.h"

namespace taskscope::core {

enum class PolicyKind : std::uint8_t {
    Fcfs,
    Sjf,
    Srtf,
    RoundRobin,
    Priority,
    PriorityPreemptive,
    Mlfq,
    Fair,
};

struct MlfqSettings {
    // One entry per level, most urgent first; kNever = run to completion (FCFS level).
    std::vector<SimTime> quanta = {8 * kMillisecond, 16 * kMillisecond, kNever};
    // Every `boostPeriod` all threads return to the top level (0 = never).
    SimTime boostPeriod = 0;
};

struct FairSettings {
    SimTime latency = 6 * kMillisecond;            // sched_latency before scaling
    SimTime minGranularity = 750 * kMicrosecond;   // sched_min_granularity before scaling
    SimTime wakeupGranularity = 1 * kMillisecond;  // sched_wakeup_granularity before scaling
};

struct PolicySettings {
    PolicyKind kind = PolicyKind::Fair;
    SimTime quantum = kDefaultQuantum;  // round robin
    MlfqSettings mlfq;
    FairSettings fair;
};

std::string_view policyName(PolicyKind kind);
// Accepts the command-line names: fcfs sjf srtf rr priority priority-preemptive mlfq fair.
std::optional<PolicyKind> parsePolicy(std::string_view name);
std::string policyNames();  // "fcfs|sjf|..." for messages

}  // namespace taskscope::core
