// Classic scheduling exercises with their textbook answers (Silberschatz, Operating System
// Concepts, ch. 5, and exercises in the same style, worked by hand in the comments).
#include <gtest/gtest.h>

#include "workload_helpers.h"

namespace taskscope::core::testing {
namespace {

std::string table(const std::string& policy, const std::string& procs,
                  const std::string& extra = "") {
    return R"({"policy": ")" + policy + "\"" + extra + R"(, "processes": [)" + procs + "]}";
}

const std::string kSilberschatzFcfs =
    R"({"name":"P1","arrival":0,"bursts":[24]},{"name":"P2","arrival":0,"bursts":[3]},
       {"name":"P3","arrival":0,"bursts":[3]})";
const std::string kArrivals4 =
    R"({"name":"P1","arrival":0,"bursts":[8]},{"name":"P2","arrival":1,"bursts":[4]},
       {"name":"P3","arrival":2,"bursts":[9]},{"name":"P4","arrival":3,"bursts":[5]})";
const std::string kArrivalsB =
    R"({"name":"P1","arrival":0,"bursts":[7]},{"name":"P2","arrival":2,"bursts":[4]},
       {"name":"P3","arrival":4,"bursts":[1]},{"name":"P4","arrival":5,"bursts":[4]})";
const std::string kFive =
    R"({"name":"P1","arrival":0,"bursts":[5]},{"name":"P2","arrival":1,"bursts":[3]},
       {"name":"P3","arrival":2,"bursts":[1]},{"name":"P4","arrival":3,"bursts":[2]},
       {"name":"P5","arrival":4,"bursts":[3]})";
const std::string kPriority5 =
    R"({"name":"P1","arrival":0,"bursts":[10],"priority":3},
       {"name":"P2","arrival":0,"bursts":[1],"priority":1},
       {"name":"P3","arrival":0,"bursts":[2],"priority":4},
       {"name":"P4","arrival":0,"bursts":[1],"priority":5},
       {"name":"P5","arrival":0,"bursts":[5],"priority":2})";
const std::string kPriorityArrivals =
    R"({"name":"P1","arrival":0,"bursts":[4],"priority":2},
       {"name":"P2","arrival":1,"bursts":[3],"priority":1},
       {"name":"P3","arrival":2,"bursts":[1],"priority":3},
       {"name":"P4","arrival":3,"bursts":[2],"priority":1})";

// ---- FCFS ----
TEST(Fcfs, SilberschatzOrderP1P2P3) {
    auto r = runJson(table("fcfs", kSilberschatzFcfs));
    EXPECT_DOUBLE_EQ(r.waiting("P1"), 0);
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 24);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 27);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 17);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 27);
    EXPECT_EQ(r.stats.contextSwitches, 2u);
}

TEST(Fcfs, SilberschatzOrderP2P3P1) {
    auto r = runJson(table("fcfs", R"({"name":"P2","bursts":[3]},{"name":"P3","bursts":[3]},
                                      {"name":"P1","bursts":[24]})"));
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 3);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 13);
    EXPECT_DOUBLE_EQ(r.finish("P1"), 30);
}

TEST(Fcfs, StaggeredArrivals) {
    // P1 0-8, P2 8-12, P3 12-21, P4 21-26.
    auto r = runJson(table("fcfs", kArrivals4));
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 7);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 10);
    EXPECT_DOUBLE_EQ(r.waiting("P4"), 18);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 8.75);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 15.25);
    EXPECT_DOUBLE_EQ(r.avgResponse(), 8.75);
}

TEST(Fcfs, ContextSwitchCostDelaysEachDispatch) {
    // P1 0-24, switch 24-25, P2 25-28, switch 28-29, P3 29-32.
    auto r = runJson(table("fcfs", kSilberschatzFcfs, R"(, "context_switch": 1)"));
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 25);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 29);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 18);
    EXPECT_DOUBLE_EQ(r.finish("P3"), 32);
    EXPECT_EQ(r.stats.contextSwitches, 2u);
    EXPECT_NEAR(r.stats.utilization[0], 30.0 / 32.0, 1e-12);
}

// ---- SJF (non-preemptive) ----
TEST(Sjf, SilberschatzAllAtZero) {
    // P4 0-3, P1 3-9, P3 9-16, P2 16-24.
    auto r = runJson(table("sjf", R"({"name":"P1","bursts":[6]},{"name":"P2","bursts":[8]},
                                     {"name":"P3","bursts":[7]},{"name":"P4","bursts":[3]})"));
    EXPECT_DOUBLE_EQ(r.waiting("P1"), 3);
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 16);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 9);
    EXPECT_DOUBLE_EQ(r.waiting("P4"), 0);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 7);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 13);
}

TEST(Sjf, StaggeredArrivalsDoNotPreempt) {
    // P1 0-8, P2 8-12, P4 12-17, P3 17-26.
    auto r = runJson(table("sjf", kArrivals4));
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 7.75);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 14.25);
    EXPECT_DOUBLE_EQ(r.finish("P3"), 26);
}

TEST(Sjf, ShortJobArrivingLaterJumpsAhead) {
    // P1 0-7, P3 7-8, P2 8-12, P4 12-16.
    auto r = runJson(table("sjf", kArrivalsB));
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 6);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 3);
    EXPECT_DOUBLE_EQ(r.waiting("P4"), 7);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 4);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 8);
}

TEST(Sjf, EqualBurstsKeepFileOrder) {
    auto r = runJson(table("sjf", R"({"name":"A","bursts":[2]},{"name":"B","bursts":[2]},
                                     {"name":"C","bursts":[1]})"));
    EXPECT_DOUBLE_EQ(r.finish("C"), 1);
    EXPECT_DOUBLE_EQ(r.finish("A"), 3);
    EXPECT_DOUBLE_EQ(r.finish("B"), 5);
}

// ---- SRTF ----
TEST(Srtf, Silberschatz) {
    // P1 0-1, P2 1-5, P4 5-10, P1 10-17, P3 17-26.
    auto r = runJson(table("srtf", kArrivals4));
    EXPECT_DOUBLE_EQ(r.waiting("P1"), 9);
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 0);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 15);
    EXPECT_DOUBLE_EQ(r.waiting("P4"), 2);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 6.5);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 13);
    EXPECT_EQ(r.stats.contextSwitches, 4u);
}

TEST(Srtf, ChainOfPreemptions) {
    // P1 0-2, P2 2-4, P3 4-5, P2 5-7, P4 7-11, P1 11-16.
    auto r = runJson(table("srtf", kArrivalsB));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 16);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 7);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 3);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 7);
}

TEST(Srtf, EqualRemainingDoesNotPreempt) {
    // P1 0-1, P2 1-2, P3 2-3, P2 3-5 (tie with P4 goes to the earlier-ready P2), P4 5-7,
    // P5 7-10, P1 10-14.
    auto r = runJson(table("srtf", kFive));
    EXPECT_DOUBLE_EQ(r.finish("P2"), 5);
    EXPECT_DOUBLE_EQ(r.finish("P4"), 7);
    EXPECT_DOUBLE_EQ(r.finish("P5"), 10);
    EXPECT_DOUBLE_EQ(r.finish("P1"), 14);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 3);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 5.8);
}

// ---- Round robin ----
TEST(RoundRobin, SilberschatzQuantum4) {
    // P1 0-4, P2 4-7, P3 7-10, P1 10-30.
    auto r = runJson(table("rr", kSilberschatzFcfs, R"(, "quantum": 4)"));
    EXPECT_DOUBLE_EQ(r.waiting("P1"), 6);
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 4);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 7);
    EXPECT_NEAR(r.avgWaiting(), 17.0 / 3.0, 1e-12);
    EXPECT_NEAR(r.avgTurnaround(), 47.0 / 3.0, 1e-12);
    EXPECT_EQ(r.stats.contextSwitches, 3u);
}

TEST(RoundRobin, ArrivalAtSliceExpiryQueuesBeforePreempted) {
    // q=2: P1 0-2, P2 2-4, P3 4-5, P1 5-7, P4 7-9, P5 9-11, P2 11-12, P1 12-13, P5 13-14.
    auto r = runJson(table("rr", kFive, R"(, "quantum": 2)"));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 13);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 12);
    EXPECT_DOUBLE_EQ(r.finish("P3"), 5);
    EXPECT_DOUBLE_EQ(r.finish("P4"), 9);
    EXPECT_DOUBLE_EQ(r.finish("P5"), 14);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 5.8);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 8.6);
}

TEST(RoundRobin, SilberschatzExerciseQuantum1) {
    auto r = runJson(table("rr", kPriority5, R"(, "quantum": 1)"));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 19);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 2);
    EXPECT_DOUBLE_EQ(r.finish("P3"), 7);
    EXPECT_DOUBLE_EQ(r.finish("P4"), 4);
    EXPECT_DOUBLE_EQ(r.finish("P5"), 14);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 5.4);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 9.2);
}

// ---- Priority ----
TEST(Priority, SilberschatzNonPreemptive) {
    // P2 0-1, P5 1-6, P1 6-16, P3 16-18, P4 18-19.
    auto r = runJson(table("priority", kPriority5));
    EXPECT_DOUBLE_EQ(r.waiting("P1"), 6);
    EXPECT_DOUBLE_EQ(r.waiting("P3"), 16);
    EXPECT_DOUBLE_EQ(r.waiting("P4"), 18);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 8.2);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 12);
}

TEST(Priority, NonPreemptiveWithArrivals) {
    // P1 0-4, P2 4-7 (ties P4 on priority, arrived first), P4 7-9, P3 9-10.
    auto r = runJson(table("priority", kPriorityArrivals));
    EXPECT_DOUBLE_EQ(r.finish("P2"), 7);
    EXPECT_DOUBLE_EQ(r.finish("P4"), 9);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 3.5);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 6);
}

TEST(Priority, NonPreemptiveEqualPrioritiesAreFcfs) {
    auto r = runJson(table("priority", R"({"name":"A","bursts":[3],"priority":2},
                                          {"name":"B","bursts":[1],"priority":2},
                                          {"name":"C","bursts":[1],"priority":1})"));
    EXPECT_DOUBLE_EQ(r.finish("C"), 1);
    EXPECT_DOUBLE_EQ(r.finish("A"), 4);
    EXPECT_DOUBLE_EQ(r.finish("B"), 5);
}

TEST(PriorityPreemptive, WithArrivals) {
    // P1 0-1, P2 1-4 (P4 has equal priority: no preemption), P4 4-6, P1 6-9, P3 9-10.
    auto r = runJson(table("priority-preemptive", kPriorityArrivals));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 9);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 4);
    EXPECT_DOUBLE_EQ(r.finish("P4"), 6);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 3.25);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 5.75);
}

TEST(PriorityPreemptive, AllAtZeroEqualsNonPreemptive) {
    auto r = runJson(table("priority-preemptive", kPriority5));
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 8.2);
}

TEST(PriorityPreemptive, UrgentArrivalTakesTheCore) {
    // P1 0-2, P2 2-4, P3 4-7, P1 7-10.
    auto r = runJson(table("priority-preemptive",
                           R"({"name":"P1","arrival":0,"bursts":[5],"priority":3},
                              {"name":"P2","arrival":2,"bursts":[2],"priority":1},
                              {"name":"P3","arrival":3,"bursts":[3],"priority":2})"));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 10);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 4);
    EXPECT_DOUBLE_EQ(r.finish("P3"), 7);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 2);
}

// ---- MLFQ (quanta 8, 16, FCFS as in Silberschatz 5.3.6) ----
TEST(Mlfq, DemotionThroughThreeLevels) {
    // L0: P1 0-8, P2 8-14 (done), P3 14-22; L1: P1 22-38, P3 38-50 (done); L2: P1 50-56.
    auto r = runJson(table("mlfq", R"({"name":"P1","bursts":[30]},{"name":"P2","bursts":[6]},
                                      {"name":"P3","bursts":[20]})"));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 56);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 14);
    EXPECT_DOUBLE_EQ(r.finish("P3"), 50);
    EXPECT_DOUBLE_EQ(r.avgTurnaround(), 40);
    EXPECT_NEAR(r.avgWaiting(), 64.0 / 3.0, 1e-12);
}

TEST(Mlfq, NewArrivalPreemptsLowerLevel) {
    // P1 0-8 (L0, demoted), 8-10 (L1), P2 arrives at L0: 10-15, P1 15-25.
    auto r = runJson(table("mlfq", R"({"name":"P1","arrival":0,"bursts":[20]},
                                      {"name":"P2","arrival":10,"bursts":[5]})"));
    EXPECT_DOUBLE_EQ(r.finish("P2"), 15);
    EXPECT_DOUBLE_EQ(r.finish("P1"), 25);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 2.5);
    EXPECT_DOUBLE_EQ(r.response("P2"), 0);
}

TEST(Mlfq, BoostReturnsEveryoneToTheTop) {
    // quanta 10, 20, FCFS; boost every 50: P1 0-10, P2 10-20, P1 20-40, P2 40-60, then the
    // boost puts both on the top level: P1 60-70 (done), P2 70-80 (done).
    auto r = runJson(table("mlfq", R"({"name":"P1","bursts":[40]},{"name":"P2","bursts":[40]})",
                           R"(, "mlfq": {"quanta": [10, 20, 0], "boost": 50})"));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 70);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 80);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 35);
}

TEST(Mlfq, IoBoundThreadKeepsItsLevel) {
    // quanta 4, 8, FCFS. P1 is CPU-bound (20), P2 does 2 CPU / 3 I/O / 2 CPU.
    // P1 0-4 (-> L1), P2 4-6 blocks until 9; P1 6-9 preempted by P2 at L0; P2 9-11 done;
    // P1 11-24.
    auto r = runJson(table("mlfq", R"({"name":"P1","bursts":[20]},{"name":"P2","bursts":[2,3,2]})",
                           R"(, "mlfq": {"quanta": [4, 8, 0]})"));
    EXPECT_DOUBLE_EQ(r.finish("P2"), 11);
    EXPECT_DOUBLE_EQ(r.finish("P1"), 24);
}

// ---- Fair (CFS-like) ----
TEST(Fair, TwoEqualThreadsAlternateInHalfPeriods) {
    // One core: f = 1, latency 6 ms, 2 runnable -> 3 ms slices alternating.
    auto r = runJson(table("fair", R"({"name":"A","bursts":[30]},{"name":"B","bursts":[30]})"));
    EXPECT_DOUBLE_EQ(r.finish("A"), 57);
    EXPECT_DOUBLE_EQ(r.finish("B"), 60);
    EXPECT_EQ(r.stats.contextSwitches, 19u);
}

TEST(Fair, TwoCoresRunTwoThreadsInParallel) {
    auto r = runJson(table("fair", R"({"name":"A","bursts":[30]},{"name":"B","bursts":[30]})",
                           R"(, "cores": 2)"));
    EXPECT_DOUBLE_EQ(r.finish("A"), 30);
    EXPECT_DOUBLE_EQ(r.finish("B"), 30);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 0);
}

TEST(Fair, WokenSleeperPreemptsCpuHog) {
    // B sleeps 10 ms after 1 ms of CPU; when it wakes its vruntime is far below A's, so it
    // takes the core at once (wakeup preemption) instead of waiting for A's slice to end.
    auto r = runJson(table("fair", R"({"name":"A","bursts":[40]},{"name":"B","bursts":[1,10,1]})"));
    const double wake = 0;                       // B's response to its second burst is immediate
    EXPECT_DOUBLE_EQ(r.waiting("B"), 3 + wake);  // B waits only for A's first 3 ms slice
    EXPECT_DOUBLE_EQ(r.finish("B"), 15);
}

// ---- Multi-core and I/O ----
TEST(MultiCore, FcfsOnTwoCores) {
    // core0: P1 0-5, P4 5-7; core1: P2 0-3, P3 3-7.
    auto r = runJson(table("fcfs", R"({"name":"P1","bursts":[5]},{"name":"P2","bursts":[3]},
                                      {"name":"P3","bursts":[4]},
                                      {"name":"P4","arrival":1,"bursts":[2]})",
                           R"(, "cores": 2)"));
    EXPECT_DOUBLE_EQ(r.finish("P3"), 7);
    EXPECT_DOUBLE_EQ(r.finish("P4"), 7);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 1.75);
    ASSERT_EQ(r.stats.utilization.size(), 2u);
    EXPECT_NEAR(r.stats.utilization[0], 1.0, 1e-12);
    EXPECT_NEAR(r.stats.utilization[1], 1.0, 1e-12);
}

TEST(MultiCore, RoundRobinFourThreadsTwoCores) {
    // q=2, four 4 ms jobs, 2 cores: every job needs two slices; all done by 8.
    auto r = runJson(table("rr", R"({"name":"A","bursts":[4]},{"name":"B","bursts":[4]},
                                    {"name":"C","bursts":[4]},{"name":"D","bursts":[4]})",
                           R"(, "cores": 2, "quantum": 2)"));
    EXPECT_DOUBLE_EQ(r.finish("A"), 6);
    EXPECT_DOUBLE_EQ(r.finish("B"), 6);
    EXPECT_DOUBLE_EQ(r.finish("C"), 8);
    EXPECT_DOUBLE_EQ(r.finish("D"), 8);
    EXPECT_DOUBLE_EQ(r.avgWaiting(), 3);
}

TEST(Io, BurstsAlternateCpuAndIo) {
    // P1 0-2, I/O 2-7, P2 2-6, idle 6-7, P1 7-9.
    auto r = runJson(table("fcfs", R"({"name":"P1","bursts":[2,5,2]},{"name":"P2","bursts":[4]})"));
    EXPECT_DOUBLE_EQ(r.finish("P1"), 9);
    EXPECT_DOUBLE_EQ(r.finish("P2"), 6);
    EXPECT_DOUBLE_EQ(r.waiting("P1"), 0);
    EXPECT_DOUBLE_EQ(r.waiting("P2"), 2);
    EXPECT_DOUBLE_EQ(r.byName.at("P1").blocked / r.unit, 5);
    EXPECT_NEAR(r.stats.utilization[0], 8.0 / 9.0, 1e-12);
}

TEST(Io, IoCompletionQueuesBehindSimultaneousArrival) {
    // RR q=10: P1 0-1 then I/O until 3; P2 arrives at 3 too. Arrivals enter the ready
    // queue before I/O completions at the same instant, so P2 runs first.
    auto r = runJson(table("rr", R"({"name":"P1","bursts":[1,2,1]},
                                    {"name":"P2","arrival":3,"bursts":[2]})",
                           R"(, "quantum": 10)"));
    EXPECT_DOUBLE_EQ(r.finish("P2"), 5);
    EXPECT_DOUBLE_EQ(r.finish("P1"), 6);
}

}  // namespace
}  // namespace taskscope::core::testing
