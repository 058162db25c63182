#include "core/analysis/sync_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace taskscope::core {

nlohmann::json lostUpdatesToJson(const Machine& m, SimTime unit) {
    const auto u = static_cast<double>(unit);
    nlohmann::json lost = nlohmann::json::array();
    for (const auto& l : m.lostUpdates()) {
        if (lost.size() >= 100) break;
        lost.push_back({{"time", static_cast<double>(l.time) / u},
                        {"thread", m.thread(l.thread).name},
                        {"overwrote", m.thread(l.other).name},
                        {"object", m.object(l.object).name},
                        {"read_at", static_cast<double>(l.readAt) / u},
                        {"other_wrote_at", static_cast<double>(l.otherWroteAt) / u}});
    }
    return {{"count", m.lostUpdateCount()}, {"first", lost}};
}

nlohmann::json objectsToJson(const Machine& m, SimTime unit) {
    const auto u = static_cast<double>(unit);
    nlohmann::json objects = nlohmann::json::array();
    for (const auto& ob : m.objects()) {
        nlohmann::json j = {{"name", ob.name},
                            {"type", std::string(toString(ob.kind))},
                            {"acquisitions", ob.acquisitions},
                            {"contended", ob.contended},
                            {"total_wait", static_cast<double>(ob.totalWait) / u}};
        if (ob.kind == ObjectKind::Queue) j["high_water"] = ob.highWater;
        if (ob.kind == ObjectKind::Value) {
            j["value"] = ob.count;
            j["lost_updates"] = ob.lostUpdates;
        }
        objects.push_back(std::move(j));
    }
    return objects;
}

std::string describeLostUpdates(const Machine& m, SimTime unit, const std::string& unitName) {
    if (m.lostUpdateCount() == 0 || m.lostUpdates().empty()) return {};
    const auto u = static_cast<double>(unit);
    const LostUpdate& l = m.lostUpdates().front();
    return fmt::format(
        "lost updates: {} (first at {:g} {}: {} wrote {} from a value read at {:g}, "
        "overwriting {}'s write at {:g})",
        m.lostUpdateCount(), static_cast<double>(l.time) / u, unitName, m.thread(l.thread).name,
        m.object(l.object).name, static_cast<double>(l.readAt) / u, m.thread(l.other).name,
        static_cast<double>(l.otherWroteAt) / u);
}

}  // namespace taskscope::core
