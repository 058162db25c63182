#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
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

// The text with every number replaced by '#' (outside strings): the layout alone.
std::string layoutOf(const std::string& text) {
    std::string out;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
            while (i + 1 < text.size() && std::strchr("0123456789.eE+-", text[i + 1])) ++i;
            out += '#';
        } else {
            out += c;
        }
    }
    return out;
}

// Same members, same values (doubles compared exactly), same layout; the numbers in their
// shortest form (never longer than the tree's).
void expectSameText(const Workload& w, SimTime until, const nlohmann::json& extra,
                    const std::string& what) {
    Machine m(settingsFor(w));
    Trace trace;
    m.attachTrace(&trace);
    populate(m, w);
    m.runUntil(until);
    const std::string streamed = streamedText(m, w, extra);
    const std::string tree = treeText(m, w, extra);
    EXPECT_TRUE(nlohmann::json::parse(streamed) == nlohmann::json::parse(tree)) << what;
    const std::string a = layoutOf(streamed);
    const std::string b = layoutOf(tree);
    // The first line that differs (a whole diff of large texts is too slow to print).
    std::size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    const std::size_t from = at < 40 ? 0 : at - 40;
    EXPECT_EQ(a.size(), b.size()) << what;
    EXPECT_EQ(a.substr(from, 80), b.substr(from, 80)) << what;
    EXPECT_LE(streamed.size(), tree.size()) << what;
}

std::string runText(const std::string& json) {
    auto w = parseWorkloadJson(json, "w.json");
    EXPECT_TRUE(w.ok()) << w.error().format();
    Machine m(settingsFor(*w));
    populate(m, *w);
    m.runUntil(kNever);
    return streamedText(m, *w, nlohmann::json::object());
}

TEST(StatsJson, NumbersInTheirShortestForm) {
    const std::string ms = runText(R"({"time_unit": "ms", "processes": [
        {"name": "A", "bursts": [0.303619]}, {"name": "C", "bursts": [0.000001]}]})");
    EXPECT_NE(ms.find("\"cpu\": 0.303619,"), std::string::npos) << ms;
    EXPECT_NE(ms.find("\"cpu\": 1e-06,"), std::string::npos);
    EXPECT_NE(ms.find("\"first_run\": 0.303619,"), std::string::npos);
    EXPECT_NE(ms.find("\"arrival\": 0.0,"), std::string::npos);
    EXPECT_NE(ms.find("\"makespan\": 0.30362,"), std::string::npos);
    const std::string ns = runText(R"({"time_unit": "ns", "processes": [
        {"name": "B", "bursts": [3000000000000000]}, {"name": "D", "bursts": [25]}]})");
    EXPECT_NE(ns.find("\"cpu\": 3e+15,"), std::string::npos) << ns;
    EXPECT_NE(ns.find("\"turnaround\": 3.000000000000025e+15,"), std::string::npos);
    // The tree writes 0.303619 as 0.30361900000000003.
    EXPECT_EQ(nlohmann::json(303619 / 1e6).dump(), "0.30361900000000003");
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

TEST(StatsJson, TimesOfEveryMagnitudeAreWrittenAsTheTreeWritesThem) {
    // Arrivals and bursts from 1 ns to hours, in each time unit: the streamed writer's short
    // way for exact decimals must give the value the general algorithm gives.
    for (const char* unitName : {"ns", "us", "ms", "s"}) {
        Workload w;
        w.timeUnit = unitName;
        w.unit = *parseTimeUnit(unitName);
        Random rng(11);
        for (int i = 0; i < 3000; ++i) {
            WorkloadProcess p;
            p.name = "P" + std::to_string(i);
            const int digits = 1 + static_cast<int>(rng.below(13));
            SimTime scale = 1;
            for (int d = 0; d < digits; ++d) scale *= 10;
            p.arrival = static_cast<SimTime>(rng.below(static_cast<std::uint64_t>(scale)));
            p.bursts = {1 + static_cast<SimTime>(rng.below(static_cast<std::uint64_t>(scale))),
                        1 + static_cast<SimTime>(rng.below(1000)),
                        1 + static_cast<SimTime>(rng.below(1000000))};
            w.processes.push_back(std::move(p));
        }
        w.cores = 4;
        expectSameText(w, kNever, nlohmann::json::object(), unitName);
    }
}

}  // namespace
}  // namespace taskscope::core::testing
