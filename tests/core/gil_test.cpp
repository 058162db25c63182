// The per-process GIL: hand-off after one switch interval, forced switching, release on
// blocking calls, the convoy effect, free-threaded mode, one GIL per process.
#include <gtest/gtest.h>

#include "workload_helpers.h"

namespace taskscope::core::testing {
namespace {

double ms(SimTime t) {
    return static_cast<double>(t) / kMillisecond;
}

const char* kTwoCpuThreads = R"({"cores": 2, "policy": "fair", "gil": %s,
    "processes": [{"name": "main", "script": [["cpu", 50]],
                   "threads": [{"name": "T2", "script": [["cpu", 50]]}]}]})";

std::string twoThreads(bool gil) {
    char buf[512];
    std::snprintf(buf, sizeof buf, kTwoCpuThreads, gil ? "true" : "false");
    return buf;
}

TEST(Gil, CpuBoundThreadsTakeTurnsEverySwitchInterval) {
    auto r = simulate(twoThreads(true));
    // T2 waits one interval (5 ms), then the GIL alternates every 5 ms: 100 ms for 2 x 50 ms.
    EXPECT_DOUBLE_EQ(ms(r->thread("T2").firstRun), 0);
    EXPECT_DOUBLE_EQ(ms(r->thread("main").finish), 95);
    EXPECT_DOUBLE_EQ(ms(r->thread("T2").finish), 100);
    EXPECT_DOUBLE_EQ(ms(r->thread("main").gilWait), 45);
    EXPECT_DOUBLE_EQ(ms(r->thread("T2").gilWait), 50);
    const GilState& gil = r->machine.process(ProcessId{0}).gil;
    // Each thread stays on its own core (wake affinity), and each core is busy half the time.
    const RunStats stats = computeStats(r->machine);
    ASSERT_EQ(stats.utilization.size(), 2u);
    EXPECT_DOUBLE_EQ(stats.utilization[0], 0.5);
    EXPECT_DOUBLE_EQ(stats.utilization[1], 0.5);
    EXPECT_EQ(gil.dropRequests, 19u);
    EXPECT_EQ(gil.switches, 20u);
    // At 7 ms T2 holds the GIL and main waits for it with the drop request not yet set.
    const TraceState at7 = r->trace.stateAt(7 * kMillisecond);
    EXPECT_EQ(at7.processes[0].gilHolder, 1u);
    EXPECT_EQ(at7.threads[0].state, ThreadState::Waiting);
    EXPECT_EQ(at7.threads[0].reason, WaitReason::Gil);
    EXPECT_FALSE(at7.processes[0].gilDropRequest);
    std::vector<Segment> segs;
    r->trace.gilSegments(0, 0, kNever, segs);
    ASSERT_GE(segs.size(), 3u);
    EXPECT_EQ(segs[0].start, 0);
    EXPECT_EQ(segs[0].end, 5 * kMillisecond);  // main held it for the first interval
}

TEST(Gil, FreeThreadedRunsInParallel) {
    auto r = simulate(twoThreads(false));
    EXPECT_DOUBLE_EQ(ms(r->thread("main").finish), 50);
    EXPECT_DOUBLE_EQ(ms(r->thread("T2").finish), 50);
    EXPECT_EQ(r->thread("T2").gilWait, 0);
}

TEST(Gil, EachProcessHasItsOwnGil) {
    auto r = simulate(R"({"cores": 2, "policy": "fair", "gil": true, "processes": [
        {"name": "P1", "script": [["cpu", 50]]}, {"name": "P2", "script": [["cpu", 50]]}]})");
    EXPECT_DOUBLE_EQ(ms(r->thread("P1").finish), 50);
    EXPECT_DOUBLE_EQ(ms(r->thread("P2").finish), 50);
}

TEST(Gil, ShorterSwitchIntervalSwitchesMoreOften) {
    auto r = simulate(R"({"cores": 2, "policy": "fair", "gil": true, "switch_interval": 1,
        "processes": [{"name": "main", "script": [["cpu", 10]],
                       "threads": [{"name": "T2", "script": [["cpu", 10]]}]}]})");
    EXPECT_EQ(r->machine.process(ProcessId{0}).gil.switches, 20u);
    EXPECT_DOUBLE_EQ(ms(r->thread("T2").finish), 20);
}

TEST(Gil, ConvoyEffectSlowsTheIoThread) {
    // Each 1 ms sleep returns into a ~5 ms wait for the GIL held by the CPU-bound thread:
    // 10 iterations take 65.1 ms instead of 10.1 ms.
    auto r = simulate(R"({"cores": 2, "policy": "fair", "gil": true,
        "processes": [{"name": "cpu", "script": [["cpu", 100]],
                       "threads": [{"name": "io", "script": [["repeat", 10, [["cpu", 0.01], ["sleep", 1]]]]}]}]})");
    EXPECT_NEAR(ms(r->thread("io").finish), 65.1, 1e-9);
    EXPECT_NEAR(ms(r->thread("io").gilWait), 55, 1e-9);
    EXPECT_NEAR(ms(r->thread("cpu").finish), 100.1, 1e-9);
    // Without the GIL the I/O thread is not held back.
    auto free = simulate(R"({"cores": 2, "policy": "fair", "gil": false,
        "processes": [{"name": "cpu", "script": [["cpu", 100]],
                       "threads": [{"name": "io", "script": [["repeat", 10, [["cpu", 0.01], ["sleep", 1]]]]}]}]})");
    EXPECT_NEAR(ms(free->thread("io").finish), 10.1, 1e-9);
}

TEST(Gil, SleepingThreadsOverlap) {
    // I/O-bound work overlaps in threads even with the GIL: sleeps release it.
    auto r = simulate(R"({"cores": 2, "policy": "fair", "gil": true,
        "processes": [{"name": "main", "script": [["sleep", 20]],
                       "threads": [{"name": "a", "script": [["sleep", 20]]}, {"name": "b", "script": [["sleep", 20]]},
                                   {"name": "c", "script": [["sleep", 20]]}]}]})");
    for (const char* name : {"main", "a", "b", "c"})
        EXPECT_DOUBLE_EQ(ms(r->thread(name).finish), 20) << name;
}

TEST(Gil, LockWaitReleasesTheGil) {
    auto r = simulate(
        R"({"cores": 2, "policy": "fair", "gil": true, "objects": [{"name": "L", "type": "lock"}],
        "processes": [{"name": "main", "script": [["acquire", "L"], ["sleep", 10], ["release", "L"]],
                       "threads": [{"name": "T2", "script": [["acquire", "L"], ["cpu", 1], ["release", "L"]]}]}]})");
    EXPECT_DOUBLE_EQ(ms(r->thread("T2").finish), 11);
    EXPECT_DOUBLE_EQ(ms(r->thread("main").finish), 10);
}

TEST(Gil, DeterministicAcrossRuns) {
    const std::string json = R"({"cores": 3, "policy": "fair", "gil": true,
        "processes": [{"name": "main", "script": [["repeat", 5, [["cpu", 3], ["sleep", 1]]]],
                       "threads": [{"name": "a", "script": [["cpu", 17]]}, {"name": "b", "script": [["repeat", 7, [["cpu", 1], ["io", 2]]]]}]}]})";
    auto a = simulate(json);
    auto b = simulate(json);
    EXPECT_EQ(a->trace.hash(), b->trace.hash());
    EXPECT_EQ(a->machine.now(), b->machine.now());
}

}  // namespace
}  // namespace taskscope::core::testing
