#include "core/analysis/deadlock_report.h"

#include <fmt/format.h>

#include "core/analysis/labels.h"

namespace taskscope::core {

std::string describeCycle(const Machine& m, const DeadlockInfo& d) {
    std::string out;
    for (std::size_t i = 0; i < d.threads.size(); ++i) {
        const KernelObject& o = m.object(d.objects[i]);
        const ThreadId next = d.threads[(i + 1) % d.threads.size()];
        if (!out.empty()) out += "; ";
        out += fmt::format("{} waits for {} held by {}", threadLabel(m, d.threads[i]),
                           objectLabel(o), m.thread(next).name);
    }
    return out;
}

std::vector<CoffmanCondition> coffmanConditions(const Machine& m, const DeadlockInfo& d) {
    std::vector<CoffmanCondition> out;
    std::vector<std::string> exclusive;
    for (const ObjectId o : d.objects) {
        const KernelObject& obj = m.object(o);
        if (obj.kind == ObjectKind::Lock || obj.kind == ObjectKind::RLock)
            exclusive.push_back(
                fmt::format("{} has one holder ({})", objectLabel(obj), m.thread(obj.holder).name));
    }
    out.push_back({"mutual exclusion", !exclusive.empty(),
                   exclusive.empty() ? "no exclusive resource in the cycle"
                                     : fmt::format("{}", fmt::join(exclusive, "; "))});
    std::vector<std::string> holdWait;
    for (std::size_t i = 0; i < d.threads.size(); ++i) {
        std::vector<std::string> held;
        for (const auto& o : m.objects())
            if ((o.kind == ObjectKind::Lock || o.kind == ObjectKind::RLock) &&
                o.holder == d.threads[i])
                held.push_back(o.name);
        if (!held.empty())
            holdWait.push_back(fmt::format("{} holds {} and waits for {}",
                                           m.thread(d.threads[i]).name, fmt::join(held, ", "),
                                           m.object(d.objects[i]).name));
    }
    out.push_back(
        {"hold and wait", !holdWait.empty(), fmt::format("{}", fmt::join(holdWait, "; "))});
    out.push_back({"no preemption", true,
                   "a lock is released only by its holder; the kernel never takes it away"});
    out.push_back({"circular wait", true, describeCycle(m, d)});
    return out;
}

std::vector<std::string> describeAllBlocked(const Machine& m) {
    std::vector<std::string> lines;
    if (!m.done()) return lines;
    for (const auto& t : m.threads()) {
        if (t.state != ThreadState::Waiting) continue;
        std::string what = std::string(toString(t.reason));
        if (t.waitingOn.valid()) {
            const KernelObject& o = m.object(t.waitingOn);
            what = objectLabel(o);
            if ((o.kind == ObjectKind::Lock || o.kind == ObjectKind::RLock) && o.holder.valid())
                what += fmt::format(" (held by {})", m.thread(o.holder).name);
            if (o.kind == ObjectKind::Queue) what += fmt::format(" ({} items)", o.items.size());
        }
        lines.push_back(fmt::format("{} waits for {}", threadLabel(m, t.id), what));
    }
    return lines;
}

}  // namespace taskscope::core
