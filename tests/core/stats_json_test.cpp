#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "workload_helpers.h"

namespace taskscope::core::testing {
namespace {

// What the command line wrote before the statistics were streamed: the JSON tree, dumped.
std::string treeText(const Machine& m, const Workload& w, const nlohmann::json& extra) {
    nlohmann::json j = statsToJson(computeStats(m), w.unit, w.timeUnit);
    for (const auto& [k, v] : extra.items()) j[k] = v;
    return j.dump(2);
}

std::string streamedText(const Machine& m, const Workload& w, const nlohmann::json& extra) {
    std::ostringstream out;
    writeStatsJson(m, w.unit, w.timeUnit, extra, out);
    return out.str();
}

void expectSameText(const Workload& w, SimTime until, const nlohmann::json& extra,
                    const std::string& what) {
    Machine m(settingsFor(w));
    Trace trace;
    m.attachTrace(&trace);
    populate(m, w);
    m.runUntil(until);
    EXPECT_EQ(streamedText(m, w, extra), treeText(m, w, extra)) << what;
}

TEST(StatsJson, StreamedTextEqualsTheTreeForEveryLesson) {
    const std::filesystem::path dir =
        std::filesystem::path(TASKSCOPE_SOURCE_DIR) / "resources" / "workloads";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        auto w = loadWorkload(entry.path().string());
        if (!w.ok()) continue;
        ++files;
        const nlohmann::json none = nlohmann::json::object();
        expectSameText(*w, kNever, none, entry.path().filename().string());
        // Cut short: processes not arrived, not finished, threads still waiting (nulls,
        // open intervals).
        expectSameText(*w, 3 * w->unit, none, entry.path().filename().string() + " at 3");
    }
    EXPECT_GE(files, 10);
}

TEST(StatsJson, FindingsAreMergedInNameOrderAndNamesEscaped) {
    auto w = parseWorkloadJson(R"({"processes": [
        {"name": "say \"hi\"\\ \u00e9t\u00e9", "bursts": [2, 3, 1]},
        {"name": "tab\there", "arrival": 1, "bursts": [4]}]})",
                               "w.json");
    ASSERT_TRUE(w.ok()) << w.error().format();
    nlohmann::json extra = nlohmann::json::object();
    extra["deadlock"] = {
        {"threads", {"A", "B"}}, {"time", 1.5}, {"empty", nlohmann::json::array()}};
    extra["blocked"] = {"A waits", "B waits"};
    extra["objects"] = nlohmann::json::array();
    extra["lost_updates"] = {{"count", 0}, {"first", nlohmann::json::object()}};
    extra["makespan"] = "overridden";
    expectSameText(*w, kNever, extra, "findings");
    const std::string text = streamedText(
        [&] {
            Machine m(settingsFor(*w));
            populate(m, *w);
            m.runUntil(kNever);
            return m;
        }(),
        *w, extra);
    EXPECT_NE(text.find("\"makespan\": \"overridden\""), std::string::npos);
    EXPECT_NE(text.find("\"name\": \"say \\\"hi\\\"\\\\ \u00e9t\u00e9\""), std::string::npos);
}

}  // namespace
}  // namespace taskscope::core::testing
