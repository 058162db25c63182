// `taskscope compare`, run as a user would: the table, --json and --csv, the cross product
// and bad input.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_run.h"

namespace {

using namespace taskscope::clitest;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

TEST(CompareCli, PrintsOneRowPerConfigurationOfTheCrossProduct) {
    const Result r = run("compare " + data("fcfs_silberschatz.json") +
                         " --vary policy=fcfs,rr --vary cores=1,2");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto l = lines(r.out);
    ASSERT_EQ(l.size(), 6u) << r.out;
    EXPECT_EQ(l[0], "policy  cores  makespan     cpu    util  gil_wait  exit  speedup");
    EXPECT_EQ(l[1], "fcfs    1        30.000  30.000  100.0%     0.000     0    1.00x");
    // Two cores: P1 (24) on one core, P2 and P3 (3 + 3) on the other.
    EXPECT_EQ(l[2], "fcfs    2        24.000  30.000   62.5%     0.000     0    1.25x");
    EXPECT_EQ(l[3].substr(0, 13), "rr      1    ");
    EXPECT_EQ(l[5], "times in ms; speed-up = the first row's makespan / the row's");
}

TEST(CompareCli, JsonHasOneObjectPerRunInTableOrder) {
    const Result r =
        run("compare " + data("compare/phases.py") + " --vary gil=on,off --cores 2 --json -");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["settings"], (nlohmann::json{{"gil", "on"}}));
    EXPECT_EQ(j[1]["settings"], (nlohmann::json{{"gil", "off"}}));
    EXPECT_EQ(j[0]["exit_status"], 0);
    EXPECT_DOUBLE_EQ(j[0]["speedup"].get<double>(), 1.0);
    EXPECT_GT(j[1]["speedup"].get<double>(), 1.0);
    EXPECT_EQ(j[1]["gil_wait"].get<double>(), 0.0);
    EXPECT_GT(j[0]["gil_wait"].get<double>(), 0.0);
    // Phases in the order the program marked them, in ms.
    const std::string text = r.out;
    EXPECT_LT(text.find("\"serial\""), text.find("\"threads\""));
    EXPECT_LT(text.find("\"threads\""), text.find("\"sleep\""));
    EXPECT_NEAR(j[0]["phases"]["sleep"].get<double>(), 10.0, 0.2);
    EXPECT_NEAR(j[0]["makespan"].get<double>() / j[1]["makespan"].get<double>(),
                j[1]["speedup"].get<double>(), 1e-9);
}

TEST(CompareCli, CsvHasAHeaderAndARowPerRun) {
    const Result r = run("compare " + data("fcfs_silberschatz.json") + " --vary cores=1,2 --csv -");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto l = lines(r.out);
    ASSERT_EQ(l.size(), 3u) << r.out;
    EXPECT_EQ(l[0], "cores,makespan,cpu,utilization,gil_wait,exit_status,speedup");
    EXPECT_EQ(l[1], "1,30,30,1,0,0,1");
    EXPECT_EQ(l[2], "2,24,30,0.625,0,0,1.25");
}

TEST(CompareCli, ADeadlockedRunShowsItsExitStatus) {
    const Result r = run("compare " + data("deadlock_two_locks.json") + " --vary cores=2 --json -");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)[0]["exit_status"], 3);
}

TEST(CompareCli, BadInputExitsTwoWithOneLineNamingTheOption) {
    const std::string file = data("fcfs_silberschatz.json");
    struct Case {
        std::string args, message;
    };
    const std::vector<Case> cases = {
        {"--vary cores=0",
         "taskscope: error: --vary cores: expected a whole number from 1 to 64, got \"0\"\n"},
        {"--vary colours=1,2",
         "taskscope: error: --vary \"colours\": unknown setting; expected one of cores, policy, "
         "quantum, context-switch, wake-latency, seed, gil, switch-interval, start-method, "
         "cost-scale, args\n"},
        {"--vary cores=", "taskscope: error: --vary cores: no values given after '='\n"},
        {"--vary cores=1 --vary cores=2",
         "taskscope: error: --vary cores: given twice; list every value in one --vary\n"},
    };
    for (const Case& c : cases) {
        const Result r = run("compare " + file + " " + c.args);
        EXPECT_EQ(r.status, 2) << c.args;
        EXPECT_EQ(r.err, c.message) << c.args;
        EXPECT_EQ(r.out, "") << c.args;
    }
    const Result none = run("compare " + file);
    EXPECT_EQ(none.status, 2);
    EXPECT_EQ(none.err, "taskscope: error: --vary is required: " + file +
                            " has no '# compare:' preset; give --vary NAME=V1,V2,... such as "
                            "cores=1,2,4\n");
    const Result missing = run("compare /nonexistent/x.py --vary cores=1,2");
    EXPECT_EQ(missing.status, 2);
    EXPECT_EQ(missing.err,
              "taskscope: error: /nonexistent/x.py: cannot open the file; check the path\n");
}

TEST(CompareCli, WithoutVaryALessonRunsItsOwnPreset) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("taskscope_compare_preset_" + std::to_string(::getpid()) + ".py");
    std::ofstream(path) << "# title: x\n# compare: cores=1,2; gil=on,off\n\nprint('hi')\n";
    const Result r = run("compare " + path.string() + " --csv -");
    std::filesystem::remove(path);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto l = lines(r.out);
    ASSERT_EQ(l.size(), 5u) << r.out;
    EXPECT_EQ(l[0], "cores,gil,makespan,cpu,utilization,gil_wait,exit_status,speedup");
    EXPECT_EQ(l[1].substr(0, 5), "1,on,");
    EXPECT_EQ(l[4].substr(0, 6), "2,off,");
}

TEST(CompareCli, AProgramWithASyntaxErrorSaysWhere) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("taskscope_compare_bad_" + std::to_string(::getpid()) + ".py");
    std::ofstream(path) << "x = 1\nif x\n    pass\n";
    const Result r = run("compare " + path.string() + " --vary cores=1,2");
    std::filesystem::remove(path);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(path.string() + ":2:"), std::string::npos) << r.err;
}

}  // namespace
