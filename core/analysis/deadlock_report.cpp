#include "core/analysis/deadlock_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/analysis/labels.h"

namespace taskscope::core {

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

nlohmann::json deadlockToJson(const Machine& m, const WaitForGraph& g, SimTime unit) {
    using nlohmann::json;
    json conditions = json::array();
    for (const auto& c : g.conditions)
        conditions.push_back({{"name", c.name}, {"holds", c.holds}, {"evidence", c.evidence}});
    json threads = json::array();
    json objects = json::array();
    for (std::size_t i = 0; i + 1 < g.cycle.size(); i += 2) {
        threads.push_back(g.nodes[static_cast<std::size_t>(g.cycle[i])].name);
        objects.push_back(g.nodes[static_cast<std::size_t>(g.cycle[i + 1])].name);
    }
    const SimTime time = m.deadlock() ? m.deadlock()->time : m.now();
    return {{"time", static_cast<double>(time) / static_cast<double>(unit)},
            {"threads", threads},
            {"objects", objects},
            {"coffman", conditions}};
}

}  // namespace taskscope::core
