#include "core/sched/policy.h"

#include <array>

namespace taskscope::core {

namespace {
struct Named {
    PolicyKind kind;
    std::string_view name;
};
constexpr std::array<Named, 8> kPolicies = {{
    {PolicyKind::Fcfs, "fcfs"},
    {PolicyKind::Sjf, "sjf"},
    {PolicyKind::Srtf, "srtf"},
    {PolicyKind::RoundRobin, "rr"},
    {PolicyKind::Priority, "priority"},
    {PolicyKind::PriorityPreemptive, "priority-preemptive"},
    {PolicyKind::Mlfq, "mlfq"},
    {PolicyKind::Fair, "fair"},
}};
}  // namespace

std::string_view policyName(PolicyKind kind) {
    for (const auto& p : kPolicies)
        if (p.kind == kind) return p.name;
    return "?";
}

std::optional<PolicyKind> parsePolicy(std::string_view name) {
    for (const auto& p : kPolicies)
        if (p.name == name) return p.kind;
    if (name == "round-robin" || name == "roundrobin") return PolicyKind::RoundRobin;
    if (name == "cfs") return PolicyKind::Fair;
    return std::nullopt;
}

std::string policyNames() {
    std::string out;
    for (const auto& p : kPolicies) {
        if (!out.empty()) out += '|';
        out += p.name;
    }
    return out;
}

}  // namespace taskscope::core
