// One program under several settings (core/session/compare.h): the cross product, the
// figures of each run, determinism whatever the number of workers, and the story the
// comparison must tell (the GIL, processes, I/O), checked against ranges.
#include <gtest/gtest.h>

#include <string>

#include "core/session/compare.h"

namespace {

using namespace taskscope::core;

std::string data(const std::string& name) {
    return std::string(TASKSCOPE_TEST_DATA) + "/" + name;
}

std::vector<Variation> vary(std::initializer_list<const char*> texts) {
    std::vector<Variation> out;
    for (const char* t : texts) {
        auto v = parseVariation(t);
        EXPECT_TRUE(v.ok()) << t << ": " << (v.ok() ? "" : v.error().message);
        if (v) out.push_back(*v);
    }
    return out;
}

std::vector<CompareRun> compare(const std::string& file, std::initializer_list<const char*> texts,
                                int workers = 0) {
    auto program = loadProgramSource(file);
    EXPECT_TRUE(program.ok()) << file;
    CompareOptions o;
    o.workers = workers;
    auto runs = compareRuns(*program, vary(texts), o);
    EXPECT_TRUE(runs.ok()) << (runs.ok() ? "" : runs.error().format());
    return runs.ok() ? std::move(*runs) : std::vector<CompareRun>{};
}

SimTime phase(const CompareRun& r, const std::string& label) {
    for (const auto& [l, d] : r.phases)
        if (l == label) return d;
    ADD_FAILURE() << "no phase " << label;
    return 1;
}

double ratio(SimTime a, SimTime b) {
    return static_cast<double>(a) / static_cast<double>(b);
}

std::string errorOf(const char* text) {
    auto v = parseVariation(text);
    return v.ok() ? std::string("(accepted)") : v.error().message;
}

TEST(Variation, ValuesAreCheckedByTheRunSettingsReader) {
    auto v = parseVariation("cores=1, 2,4");
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->name, "cores");
    EXPECT_EQ(v->values, (std::vector<std::string>{"1", "2", "4"}));
    EXPECT_EQ(errorOf("cores=0"), "--vary cores: expected a whole number from 1 to 64, got \"0\"");
    EXPECT_EQ(errorOf("cores="), "--vary cores: no values given after '='");
    EXPECT_EQ(errorOf("cores=1,,2"), "--vary cores: an empty value in \"cores=1,,2\"");
    EXPECT_EQ(errorOf("cores=2,2"), "--vary cores: \"2\" is given twice");
    EXPECT_EQ(errorOf("gil=maybe"),
              "--vary gil: expected on or off (true/false, yes/no, 1/0), got \"maybe\"");
    EXPECT_EQ(errorOf("cores"), "--vary \"cores\": expected NAME=V1,V2,... such as cores=1,2,4");
    EXPECT_EQ(errorOf("speed=1"),
              "--vary \"speed\": unknown setting; expected one of cores, policy, quantum, "
              "context-switch, wake-latency, seed, gil, switch-interval, start-method, "
              "cost-scale, args");
    // An empty argument list is a value of its own: the program without arguments.
    auto args = parseVariation("args=,2,4 8");
    ASSERT_TRUE(args.ok());
    EXPECT_EQ(args->values, (std::vector<std::string>{"", "2", "4 8"}));
}

TEST(Variation, SeveralGiveTheirCrossProductFirstSlowest) {
    const auto rows = crossProduct(vary({"cores=1,2", "gil=on,off", "seed=7"}));
    ASSERT_EQ(rows.size(), 4u);
    const std::vector<std::vector<Setting>> expected = {
        {{"cores", "1"}, {"gil", "on"}, {"seed", "7"}},
        {{"cores", "1"}, {"gil", "off"}, {"seed", "7"}},
        {{"cores", "2"}, {"gil", "on"}, {"seed", "7"}},
        {{"cores", "2"}, {"gil", "off"}, {"seed", "7"}},
    };
    EXPECT_EQ(rows, expected);
    EXPECT_EQ(describeVariations(vary({"cores=1,2", "gil=on,off"})), "cores × gil");
}

TEST(Variation, ALessonHeaderCarriesItsPreset) {
    EXPECT_EQ(comparePreset("# title: GIL\n# compare: cores=1,2; gil=on,off\nimport x\n"),
              (std::vector<std::string>{"cores=1,2", "gil=on,off"}));
    EXPECT_EQ(comparePreset("# title: GIL\n\nimport x\n# compare: cores=1\n"),
              std::vector<std::string>{});
    EXPECT_EQ(comparePreset(""), std::vector<std::string>{});
}

TEST(Compare, AWorkloadVariesItsPolicyAndKeepsItsTextbookMakespan) {
    // Silberschatz's FCFS table: bursts 24, 3, 3 (one core): every policy ends at 30.
    const auto runs = compare(data("fcfs_silberschatz.json"), {"policy=fcfs,rr,sjf"});
    ASSERT_EQ(runs.size(), 3u);
    for (const auto& r : runs) {
        EXPECT_EQ(r.makespan, 30 * kMillisecond);
        EXPECT_EQ(r.cpu, 30 * kMillisecond);
        EXPECT_DOUBLE_EQ(r.utilization, 1.0);
        EXPECT_DOUBLE_EQ(r.speedup, 1.0);
        EXPECT_EQ(r.result.end, RunEnd::Finished);
    }
    EXPECT_EQ(runs[1].settings, (std::vector<Setting>{{"policy", "rr"}}));
}

TEST(Compare, TheResultDoesNotDependOnTheNumberOfWorkers) {
    const auto one = compare(data("compare/cpu_threads.py"), {"cores=1,2,4", "gil=on,off"}, 1);
    const auto three = compare(data("compare/cpu_threads.py"), {"cores=1,2,4", "gil=on,off"}, 3);
    ASSERT_EQ(one.size(), 6u);
    ASSERT_EQ(three.size(), 6u);
    for (std::size_t i = 0; i < one.size(); ++i) {
        EXPECT_EQ(one[i].settings, three[i].settings);
        EXPECT_EQ(one[i].makespan, three[i].makespan) << i;
        EXPECT_EQ(one[i].gilWait, three[i].gilWait) << i;
        const Trace& a = *one[i].result.trace;
        const Trace& b = *three[i].result.trace;
        ASSERT_EQ(a.size(), b.size()) << i;
        for (std::size_t k = 0; k < a.size(); ++k) {
            ASSERT_EQ(a.time(k), b.time(k)) << i << " record " << k;
            ASSERT_EQ(a.body(k).kind, b.body(k).kind) << i << " record " << k;
            ASSERT_EQ(a.body(k).subject, b.body(k).subject) << i << " record " << k;
        }
    }
}

TEST(CompareFidelity, CpuBoundThreadsWithTheGilGainNothingFromCores) {
    const auto runs = compare(data("compare/cpu_threads.py"), {"gil=on,off", "cores=1,2,4"});
    ASSERT_EQ(runs.size(), 6u);
    const SimTime serial = phase(runs[0], "work");
    for (int i = 1; i < 3; ++i) {  // with the GIL: 2 and 4 cores
        EXPECT_LE(ratio(serial, phase(runs[i], "work")), 1.05) << i;
        EXPECT_GT(runs[i].gilWait, 0);
    }
    // Free-threaded: close to min(cores, 4 threads).
    EXPECT_EQ(runs[3].gilWait, 0);
    EXPECT_NEAR(ratio(phase(runs[3], "work"), phase(runs[3], "work")), 1.0, 1e-9);
    const double two = ratio(phase(runs[3], "work"), phase(runs[4], "work"));
    const double four = ratio(phase(runs[3], "work"), phase(runs[5], "work"));
    EXPECT_GE(two, 1.85);
    EXPECT_LE(two, 2.01);
    EXPECT_GE(four, 3.4);
    EXPECT_LE(four, 4.01);
}

TEST(CompareFidelity, CpuBoundProcessesScaleWithTheCores) {
    const auto runs = compare(data("compare/cpu_processes.py"), {"cores=1,2,4"});
    ASSERT_EQ(runs.size(), 3u);
    const double two = ratio(phase(runs[0], "work"), phase(runs[1], "work"));
    const double four = ratio(phase(runs[0], "work"), phase(runs[2], "work"));
    EXPECT_GE(two, 1.5);
    EXPECT_LE(two, 2.01);
    EXPECT_GE(four, 2.2);
    EXPECT_LE(four, 4.01);
    EXPECT_GT(four, two);
}

TEST(CompareFidelity, IoBoundThreadsOverlapOnOneCore) {
    const auto runs = compare(data("compare/io_threads.py"), {"cores=1,4"});
    ASSERT_EQ(runs.size(), 2u);
    // Four 50 ms waits: the run takes one wait, not four, on one core as on four.
    for (const auto& r : runs) {
        EXPECT_GE(r.makespan, 50 * kMillisecond);
        EXPECT_LT(r.makespan, 52 * kMillisecond);
    }
    EXPECT_NEAR(runs[1].speedup, 1.0, 0.01);
}

TEST(Compare, PhasesAreTheTimesBetweenMarks) {
    const auto runs = compare(data("compare/phases.py"), {"gil=on,off", "cores=2"});
    ASSERT_EQ(runs.size(), 2u);
    for (const auto& r : runs) {
        ASSERT_EQ(r.phases.size(), 3u);
        EXPECT_EQ(r.phases[0].first, "serial");
        EXPECT_EQ(r.phases[1].first, "threads");
        EXPECT_EQ(r.phases[2].first, "sleep");
        // time.sleep(0.01) and the exit after it.
        EXPECT_GE(phase(r, "sleep"), 10 * kMillisecond);
        EXPECT_LT(phase(r, "sleep"), 10 * kMillisecond + 200 * kMicrosecond);
        SimTime sum = 0;
        for (const auto& [_, d] : r.phases) sum += d;
        EXPECT_LE(sum, r.makespan);
    }
    // Two threads doing serial's work: as long with the GIL, about half without.
    EXPECT_GE(ratio(phase(runs[0], "threads"), phase(runs[0], "serial")), 0.95);
    EXPECT_LE(ratio(phase(runs[1], "threads"), phase(runs[1], "serial")), 0.75);
}

TEST(Compare, AProgramThatDoesNotCompileFailsTheComparison) {
    auto program = loadProgramSource(data("compare/cpu_threads.py"));
    ASSERT_TRUE(program.ok());
    program->source = "def f(:\n    pass\n";
    auto runs = compareRuns(*program, vary({"cores=1,2"}), {});
    ASSERT_FALSE(runs.ok());
    EXPECT_EQ(runs.error().line, 1);
    EXPECT_EQ(runs.error().kind, Diagnostic::Kind::SyntaxError);
}

TEST(Compare, ADeadlockIsARowWithItsEnd) {
    const auto runs = compare(data("deadlock_two_locks.json"), {"cores=2,4"});
    ASSERT_EQ(runs.size(), 2u);
    for (const auto& r : runs) EXPECT_EQ(r.result.end, RunEnd::Deadlock);
}

}  // namespace
