// `taskscope run FILE --dump-frames-at T`: every thread's frames and variables at T, as a
// grader reads them.
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

TEST(FramesCli, ThreadsShowTheirFramesAndLocalsAtTheInstant) {
    const Result r = run("run " + data("frames/sleepers.py") + " --dump-frames-at 20ms");
    ASSERT_EQ(r.status, 0) << r.err;
    // The program's own output goes to stderr, so stdout is the JSON alone.
    EXPECT_EQ(r.err, "30\n");
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_DOUBLE_EQ(j["time"].get<double>(), 20.0);
    ASSERT_EQ(j["processes"].size(), 1u);
    const auto& p = j["processes"][0];
    EXPECT_EQ(p["pid"], 1001);
    EXPECT_EQ(p["name"], "MainProcess");
    // The module's own variables: not `threading`, `time` or `worker`.
    EXPECT_EQ(p["globals"].size(), 5u);
    EXPECT_EQ(p["globals"]["shared"], "[30]");
    EXPECT_EQ(p["globals"]["label"], "'two sleepers'");
    EXPECT_EQ(p["globals"]["t1"], "<Thread object>");
    // A long value is shortened to 200 characters.
    const std::string big = p["globals"]["big"];
    EXPECT_EQ(big.size(), 200u);
    EXPECT_EQ(big.substr(0, 10), "[0, 1, 2, ");
    EXPECT_EQ(big.substr(197), "...");
    ASSERT_EQ(p["threads"].size(), 3u);
    const auto& main = p["threads"][0];
    EXPECT_EQ(main["name"], "MainThread");
    EXPECT_EQ(main["state"], "waiting (join)");
    ASSERT_EQ(main["frames"].size(), 1u);
    EXPECT_EQ(main["frames"][0]["function"], "<module>");
    EXPECT_EQ(main["frames"][0]["line"], 20);
    for (int k = 1; k <= 2; ++k) {
        const auto& t = p["threads"][k];
        EXPECT_EQ(t["tid"], 1001 + k);
        EXPECT_EQ(t["name"], "Thread-" + std::to_string(k) + " (worker)");
        EXPECT_EQ(t["state"], "waiting (sleep)");
        ASSERT_EQ(t["frames"].size(), 1u);
        EXPECT_EQ(t["frames"][0]["function"], "worker");
        EXPECT_EQ(t["frames"][0]["line"], 12);
        EXPECT_EQ(t["frames"][0]["locals"],
                  (nlohmann::json{{"k", std::to_string(k)}, {"x", std::to_string(10 * k)}}));
    }
}

TEST(FramesCli, AForkedChildHasItsOwnCopyOfTheGlobals) {
    const std::string file = std::filesystem::temp_directory_path() /
                             ("taskscope_frames_" + std::to_string(::getpid()) + ".json");
    const Result r =
        run("run " + data("frames/forked.py") + " --dump-frames-at 30 --dump-frames-file " + file);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "0\n");  // stdout keeps the program's output when the dump goes to a file
    std::ifstream in(file);
    const auto j = nlohmann::json::parse(in);
    std::filesystem::remove(file);
    ASSERT_EQ(j["processes"].size(), 2u);
    EXPECT_EQ(j["processes"][0]["globals"]["counter"], "0");
    EXPECT_EQ(j["processes"][1]["pid"], 1002);
    EXPECT_EQ(j["processes"][1]["globals"]["counter"], "5");
    const auto& child = j["processes"][1]["threads"][0];
    EXPECT_EQ(child["state"], "waiting (sleep)");
    EXPECT_EQ(child["frames"][0]["function"], "child");
    EXPECT_EQ(child["frames"][0]["locals"], (nlohmann::json{{"i", "4"}}));
}

TEST(FramesCli, LookingDoesNotChangeTheRun) {
    const auto dir = std::filesystem::temp_directory_path();
    const std::string a = dir / ("taskscope_frames_a_" + std::to_string(::getpid()) + ".json");
    const std::string b = dir / ("taskscope_frames_b_" + std::to_string(::getpid()) + ".json");
    ASSERT_EQ(run("run " + data("frames/sleepers.py") + " --trace " + a).status, 0);
    ASSERT_EQ(run("run " + data("frames/sleepers.py") + " --trace " + b +
                  " --dump-frames-at 0.3ms --dump-frames-file /dev/null")
                  .status,
              0);
    std::ifstream fa(a), fb(b);
    std::stringstream sa, sb;
    sa << fa.rdbuf();
    sb << fb.rdbuf();
    std::filesystem::remove(a);
    std::filesystem::remove(b);
    EXPECT_GT(sa.str().size(), 1000u);
    EXPECT_EQ(sa.str(), sb.str());
}

TEST(FramesCli, ValuesReadAsPythonsRepr) {
    const Result r = run("run " + data("frames/values.py") + " --dump-frames-at 20ms");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto g = nlohmann::json::parse(r.out)["processes"][0]["globals"];
    // What python3 prints for the same values (the program prints them at its end).
    std::vector<std::string> printed;
    std::istringstream lines(r.err);
    for (std::string l; std::getline(lines, l);) printed.push_back(l);
    const std::vector<std::string> names = {"a", "b",   "c",     "e",  "h", "s",
                                            "q", "lst", "empty", "fs", "f"};
    ASSERT_EQ(printed.size(), names.size()) << r.err;
    for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(g[names[i]], printed[i]) << names[i];
    EXPECT_EQ(g["lst"], "[[...]]");
    EXPECT_EQ(g["c"], "{'x': [1, 2], 'y': (None, True)}");
}

TEST(FramesCli, BadTimesAndWorkloadsAreRefused) {
    const Result bad = run("run " + data("frames/sleepers.py") + " --dump-frames-at soon");
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("--dump-frames-at: \"soon\" is not a time"), std::string::npos)
        << bad.err;
    const Result workload = run("run " + data("fcfs_silberschatz.json") + " --dump-frames-at 5");
    EXPECT_EQ(workload.status, 2);
    EXPECT_EQ(workload.err,
              "taskscope: error: --dump-frames-at: a workload has no Python frames; it needs a "
              ".py program\n");
}

}  // namespace
