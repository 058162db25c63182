#include <gtest/gtest.h>

#include "core/workload/workload.h"

namespace taskscope::core {
namespace {

std::string errorOf(const std::string& json) {
    auto w = parseWorkloadJson(json, "bad.json");
    return w.ok() ? std::string("(no error)") : w.error().format();
}

TEST(WorkloadJson, ParsesEveryField) {
    auto w = parseWorkloadJson(R"({"cores": 2, "policy": "rr", "quantum": 4, "context_switch": 0.5,
        "time_unit": "us", "seed": 9, "mlfq": {"quanta": [2, 0], "boost": 50},
        "processes": [{"name": "P1", "arrival": 1, "bursts": [24], "priority": 3},
                      {"name": "P2", "arrival": 0, "bursts": [3, 5, 2]}]})",
                               "w.json");
    ASSERT_TRUE(w.ok()) << w.error().format();
    EXPECT_EQ(*w->cores, 2);
    EXPECT_EQ(*w->policy, PolicyKind::RoundRobin);
    EXPECT_EQ(*w->quantum, 4 * kMicrosecond);
    EXPECT_EQ(*w->contextSwitch, 500);
    EXPECT_EQ(*w->seed, 9u);
    EXPECT_EQ(w->mlfq->quanta, (std::vector<SimTime>{2 * kMicrosecond, kNever}));
    EXPECT_EQ(w->mlfq->boostPeriod, 50 * kMicrosecond);
    ASSERT_EQ(w->processes.size(), 2u);
    EXPECT_EQ(w->processes[0].arrival, kMicrosecond);
    EXPECT_EQ(w->processes[0].priority, 3);
    EXPECT_EQ(w->processes[1].bursts, (std::vector<SimTime>{3000, 5000, 2000}));
    const MachineSettings s = settingsFor(*w);
    EXPECT_EQ(s.cores, 2);
    EXPECT_EQ(s.policy.quantum, 4 * kMicrosecond);
}

TEST(WorkloadJson, KeepsTitleAndDescription) {
    auto w = parseWorkload(
        R"({"title": "RR", "description": "slices", "processes": [{"bursts": [5]}]})", "x.json");
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w->title, "RR");
    EXPECT_EQ(w->description, "slices");
    auto c = parseWorkload("name,bursts\nA,3\n", "x.CSV");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->processes[0].name, "A");
    auto bad = parseWorkload("x", "x.txt");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("unknown file type"), std::string::npos);
}

TEST(WorkloadJson, DefaultsAreTheClassicOnes) {
    auto w = parseWorkloadJson(R"({"processes": [{"bursts": [5]}]})", "w.json");
    ASSERT_TRUE(w.ok());
    const MachineSettings s = settingsFor(*w);
    EXPECT_EQ(s.cores, 1);
    EXPECT_EQ(s.policy.kind, PolicyKind::Fcfs);
    EXPECT_EQ(s.policy.quantum, 4 * kMillisecond);
    EXPECT_EQ(s.contextSwitch, 0);
    EXPECT_EQ(w->processes[0].name, "P1");
}

TEST(WorkloadJson, SyntaxErrorGivesLineAndColumn) {
    auto w = parseWorkloadJson("{\n  \"processes\": [\n    {\"bursts\": [1,]}\n  ]\n}", "bad.json");
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().file, "bad.json");
    EXPECT_EQ(w.error().line, 3);
    EXPECT_NE(w.error().message.find("malformed JSON"), std::string::npos);
}

TEST(WorkloadJson, NegativeBurstNamesTheFieldAndLine) {
    const std::string e = errorOf(
        "{\"processes\": [\n {\"name\": \"A\", \"bursts\": [1]},\n {\"name\": \"B\", \"bursts\": "
        "[2, -3, 1]}\n]}");
    EXPECT_EQ(
        e, "bad.json:3: processes[1].bursts[1]: must be a positive number of time units, got -3");
}

TEST(WorkloadJson, BadValuesSayWhatIsExpected) {
    EXPECT_EQ(errorOf(R"({"policy": "lottery", "processes": [{"bursts": [1]}]})"),
              "bad.json: policy: unknown policy \"lottery\"; expected one of "
              "fcfs|sjf|srtf|rr|priority|priority-preemptive|mlfq|fair");
    EXPECT_EQ(errorOf(R"({"cores": 0, "processes": [{"bursts": [1]}]})"),
              "bad.json: cores: must be between 1 and 64, got 0");
    EXPECT_EQ(errorOf(R"({"processes": []})"),
              "bad.json: processes: expected a non-empty list of processes");
    EXPECT_NE(errorOf(R"({"cores": 1})").find("missing \"processes\""), std::string::npos);
    EXPECT_NE(errorOf(R"({"procesess": []})").find("unknown field \"procesess\""),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"processes": [{"bursts": [1, 2]}]})").find("must end with a CPU burst"),
              std::string::npos);
    EXPECT_NE(
        errorOf(R"({"processes": [{"bursts": "x"}]})").find("expected a list of burst lengths"),
        std::string::npos);
    EXPECT_NE(errorOf(R"({"time_unit": "days", "processes": [{"bursts": [1]}]})").find("time_unit"),
              std::string::npos);
    EXPECT_NE(errorOf(R"([1, 2])").find("expected a JSON object"), std::string::npos);
    EXPECT_NE(errorOf(R"({"processes": [{"bursts": [1], "colour": 1}]})")
                  .find("unknown field \"colour\""),
              std::string::npos);
}

TEST(WorkloadCsv, ParsesBurstListsAndPriorities) {
    auto w = parseWorkloadCsv(
        "name,arrival,bursts,priority\nP1,0,\"3,5,2\",2\nP2,1.5,4;1;4,\n# c\nP3,2,6,\n", "w.csv");
    ASSERT_TRUE(w.ok()) << w.error().format();
    ASSERT_EQ(w->processes.size(), 3u);
    EXPECT_EQ(w->processes[0].bursts,
              (std::vector<SimTime>{3 * kMillisecond, 5 * kMillisecond, 2 * kMillisecond}));
    EXPECT_EQ(w->processes[0].priority, 2);
    EXPECT_EQ(w->processes[1].arrival, 1500 * kMicrosecond);
    EXPECT_EQ(w->processes[1].bursts.size(), 3u);
    EXPECT_EQ(w->processes[2].priority, 0);
}

TEST(WorkloadCsv, ErrorsNameTheLine) {
    auto w = parseWorkloadCsv("name,arrival,bursts\nP1,0,3\nP2,x,3\n", "w.csv");
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().format(), "w.csv:3: arrival: must be a non-negative number, got \"x\"");
    auto h = parseWorkloadCsv("name,start,bursts\n", "h.csv");
    ASSERT_FALSE(h.ok());
    EXPECT_EQ(h.error().line, 1);
    EXPECT_NE(h.error().message.find("unknown column \"start\""), std::string::npos);
}

TEST(WorkloadJson, RowLinesStayExactInALargeFile) {
    // One row per line after a header; names with braces, brackets and escaped quotes must
    // not confuse the line finder (it reads every row's line in one pass).
    std::string text = "{\n  \"title\": \"{[\",\n  \"processes\": [\n";
    const int rows = 5000;
    for (int i = 0; i < rows; ++i) {
        text += "    {\"name\": \"P\\\"{" + std::to_string(i) + "}[\", \"bursts\": [" +
                (i == rows - 2 ? std::string("0") : std::to_string(i % 7 + 1)) + "]}";
        text += i + 1 < rows ? ",\n" : "\n";
    }
    text += "  ]\n}\n";
    auto w = parseWorkloadJson(text, "big.json");
    ASSERT_FALSE(w.ok());
    // Row k (0-based) is on line k + 4.
    EXPECT_EQ(w.error().format(),
              "big.json:5002: processes[4998].bursts[0]: must be a positive number of time units, "
              "got 0");
    auto two = parseWorkloadJson(
        "{\"processes\": [{\"bursts\": [1]},\n\n {\"bursts\": [1]}, {\"bursts\": [-1]}]}",
        "t.json");
    ASSERT_FALSE(two.ok());
    EXPECT_EQ(two.error().line, 3);
}

TEST(WorkloadCsv, RowsDoNotInheritFieldsOfThePreviousRow) {
    auto w = parseWorkloadCsv(
        "name,arrival,bursts,priority\n\"A,1\",0,\"3;2 1\",7\r\nB,1.5,2|1|4,3\nC,,5\n\n"
        "# comment\n,2,\t1e1 ,\n",
        "w.csv");
    ASSERT_TRUE(w.ok()) << w.error().format();
    ASSERT_EQ(w->processes.size(), 4u);
    EXPECT_EQ(w->processes[0].name, "A,1");
    EXPECT_EQ(w->processes[0].bursts,
              (std::vector<SimTime>{3 * kMillisecond, 2 * kMillisecond, 1 * kMillisecond}));
    EXPECT_EQ(w->processes[0].priority, 7);
    EXPECT_EQ(w->processes[1].arrival, 1500 * kMicrosecond);
    EXPECT_EQ(w->processes[1].priority, 3);
    EXPECT_EQ(w->processes[2].name, "C");
    EXPECT_EQ(w->processes[2].arrival, 0);
    EXPECT_EQ(w->processes[2].bursts, std::vector<SimTime>{5 * kMillisecond});
    EXPECT_EQ(w->processes[2].priority, 0);
    EXPECT_EQ(w->processes[3].name, "P4");
    EXPECT_EQ(w->processes[3].bursts, std::vector<SimTime>{10 * kMillisecond});
    auto bad = parseWorkloadCsv("name,arrival,bursts\nA,0,1\nB,0,2 0x\n", "b.csv");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().format(),
              "b.csv:3: bursts: each burst must be a positive number, got \"0x\"");
}

TEST(WorkloadFile, MissingFileAndUnknownExtension) {
    auto w = loadWorkload("/nonexistent/x.json");
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().format(),
              "/nonexistent/x.json: cannot open the file; check the path and permissions");
    auto e = loadWorkload(std::string(TASKSCOPE_TEST_DATA) + "/fcfs_silberschatz.json");
    EXPECT_TRUE(e.ok());
}

}  // namespace
}  // namespace taskscope::core
