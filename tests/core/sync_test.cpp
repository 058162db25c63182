// Kernel objects driven by scripted workloads, checked against hand-worked timelines.
#include <gtest/gtest.h>

#include "core/analysis/deadlock_report.h"
#include "core/analysis/wait_for_graph.h"
#include "workload_helpers.h"

namespace taskscope::core::testing {
namespace {

TEST(Sync, LockIsMutuallyExclusiveAcrossCores) {
    auto s = simulate(R"({"cores": 2, "objects": [{"name": "L", "type": "lock"}], "processes": [
        {"name": "T1", "script": [["acquire", "L"], ["cpu", 5], ["release", "L"]]},
        {"name": "T2", "script": [["cpu", 1], ["acquire", "L"], ["cpu", 2], ["release", "L"]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("T1"), 5);
    EXPECT_DOUBLE_EQ(s->finish("T2"), 7);
    EXPECT_DOUBLE_EQ(s->blocked("T2"), 4);
    EXPECT_EQ(s->object("L").acquisitions, 2u);
    EXPECT_EQ(s->object("L").contended, 1u);
    EXPECT_EQ(s->object("L").totalWait, 4 * kMillisecond);
    EXPECT_FALSE(s->object("L").holder.valid());
    // The trace shows T2 waiting on L at t=3.
    const TraceState at3 = s->trace.stateAt(3 * kMillisecond);
    EXPECT_EQ(at3.threads[1].state, ThreadState::Waiting);
    EXPECT_EQ(at3.threads[1].reason, WaitReason::Lock);
    EXPECT_EQ(at3.threads[1].waitingOn, 0u);
    EXPECT_EQ(at3.objects[0].holder, 0u);
    EXPECT_EQ(at3.objects[0].waiters, 1u);
    const TraceState at6 = s->trace.stateAt(6 * kMillisecond);
    EXPECT_EQ(at6.objects[0].holder, 1u);
    EXPECT_EQ(at6.threads[1].waitingOn, kNone);
}

TEST(Sync, AcquireTimeoutGivesUp) {
    auto s = simulate(R"({"cores": 2, "objects": [{"name": "L", "type": "lock"}], "processes": [
        {"name": "T1", "script": [["acquire", "L"], ["cpu", 10], ["release", "L"]]},
        {"name": "T2", "script": [["cpu", 1], ["acquire", "L", 2], ["cpu", 2]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("T2"), 5);  // waits 1-3, times out, 2 ms of CPU
    EXPECT_EQ(s->thread("T2").wakeResult, WakeResult::Timeout);
    EXPECT_DOUBLE_EQ(s->finish("T1"), 10);
    EXPECT_EQ(s->object("L").acquisitions, 1u);
}

TEST(Sync, BoundedQueueBlocksTheFastProducer) {
    auto s = simulate(
        R"({"cores": 2, "objects": [{"name": "q", "type": "queue", "capacity": 2}], "processes": [
        {"name": "producer", "script": [["put", "q", 1], ["put", "q", 2], ["put", "q", 3], ["put", "q", 4], ["put", "q", 5]]},
        {"name": "consumer", "script": [["repeat", 5, [["get", "q"], ["cpu", 3]]]]}]})");
    // The consumer frees a slot at 0, 3 and 6: the producer's last put goes through at 6.
    EXPECT_DOUBLE_EQ(s->finish("producer"), 6);
    EXPECT_DOUBLE_EQ(s->finish("consumer"), 15);
    EXPECT_DOUBLE_EQ(s->blocked("producer"), 6);
    EXPECT_EQ(s->object("q").highWater, 2u);
    EXPECT_EQ(s->thread("consumer").wakeValue, 5u);  // the last item got, FIFO
    EXPECT_TRUE(s->object("q").items.empty());
}

TEST(Sync, EventWakesEveryWaiter) {
    auto s = simulate(R"({"cores": 3, "objects": [{"name": "e", "type": "event"}], "processes": [
        {"name": "W1", "script": [["wait", "e"], ["cpu", 1]]},
        {"name": "W2", "script": [["wait", "e"], ["cpu", 2]]},
        {"name": "S", "script": [["cpu", 4], ["set", "e"]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("W1"), 5);
    EXPECT_DOUBLE_EQ(s->finish("W2"), 6);
    EXPECT_TRUE(s->object("e").flag);
}

TEST(Sync, ConditionWaitReleasesAndRetakesTheLock) {
    auto s = simulate(R"({"cores": 2, "objects": [{"name": "L", "type": "lock"},
                                                  {"name": "C", "type": "condition", "lock": "L"}], "processes": [
        {"name": "T1", "script": [["acquire", "L"], ["wait", "C"], ["cpu", 1], ["release", "L"]]},
        {"name": "T2", "script": [["cpu", 2], ["acquire", "L"], ["notify", "C"], ["cpu", 1], ["release", "L"]]}]})");
    // T1 waits from 0; T2 takes L at 2 (wait released it), notifies, holds L until 3.
    EXPECT_DOUBLE_EQ(s->finish("T2"), 3);
    EXPECT_DOUBLE_EQ(s->finish("T1"), 4);
    EXPECT_EQ(s->thread("T1").wakeResult, WakeResult::Acquired);
}

TEST(Sync, ConditionTimeoutStillRetakesTheLock) {
    auto s = simulate(R"({"cores": 2, "objects": [{"name": "L", "type": "lock"},
                                                  {"name": "C", "type": "condition", "lock": "L"}], "processes": [
        {"name": "T1", "script": [["acquire", "L"], ["wait", "C", 2], ["cpu", 1], ["release", "L"]]},
        {"name": "T2", "script": [["cpu", 1], ["acquire", "L"], ["cpu", 4], ["release", "L"]]}]})");
    // T1's wait times out at 2 while T2 holds L (1-5): it gets L back only at 5.
    EXPECT_DOUBLE_EQ(s->finish("T2"), 5);
    EXPECT_DOUBLE_EQ(s->finish("T1"), 6);
    EXPECT_EQ(s->thread("T1").wakeResult, WakeResult::Timeout);
}

TEST(Sync, BarrierReleasesWhenTheLastArrives) {
    auto s = simulate(
        R"({"cores": 3, "objects": [{"name": "b", "type": "barrier", "parties": 3}], "processes": [
        {"name": "A", "script": [["cpu", 1], ["wait", "b"], ["cpu", 1]]},
        {"name": "B", "script": [["cpu", 2], ["wait", "b"], ["cpu", 1]]},
        {"name": "C", "script": [["cpu", 3], ["wait", "b"], ["cpu", 1]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("A"), 4);
    EXPECT_DOUBLE_EQ(s->finish("B"), 4);
    EXPECT_DOUBLE_EQ(s->finish("C"), 4);
    EXPECT_EQ(s->thread("A").wakeValue, 0u);
    EXPECT_EQ(s->thread("B").wakeValue, 1u);
    EXPECT_EQ(s->thread("C").wakeValue, 2u);
    EXPECT_EQ(s->object("b").generation, 1u);
}

TEST(Sync, BarrierTimeoutBreaksIt) {
    auto s = simulate(
        R"({"cores": 2, "objects": [{"name": "b", "type": "barrier", "parties": 3}], "processes": [
        {"name": "A", "script": [["wait", "b", 2]]},
        {"name": "B", "script": [["cpu", 1], ["wait", "b"]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("A"), 2);
    EXPECT_DOUBLE_EQ(s->finish("B"), 2);
    EXPECT_EQ(s->thread("A").wakeResult, WakeResult::Timeout);
    EXPECT_EQ(s->thread("B").wakeResult, WakeResult::Broken);
    EXPECT_TRUE(s->object("b").flag);
}

TEST(Sync, SemaphoreAdmitsTwo) {
    auto s = simulate(
        R"({"cores": 3, "objects": [{"name": "S", "type": "semaphore", "value": 2}], "processes": [
        {"name": "A", "script": [["acquire", "S"], ["cpu", 2], ["release", "S"]]},
        {"name": "B", "script": [["acquire", "S"], ["cpu", 2], ["release", "S"]]},
        {"name": "C", "script": [["acquire", "S"], ["cpu", 2], ["release", "S"]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("A"), 2);
    EXPECT_DOUBLE_EQ(s->finish("B"), 2);
    EXPECT_DOUBLE_EQ(s->finish("C"), 4);
    EXPECT_EQ(s->object("S").count, 2);
}

TEST(Sync, RLockIsReentrant) {
    auto s = simulate(R"({"cores": 2, "objects": [{"name": "R", "type": "rlock"}], "processes": [
        {"name": "A", "script": [["acquire", "R"], ["acquire", "R"], ["cpu", 2], ["release", "R"], ["cpu", 1], ["release", "R"]]},
        {"name": "B", "script": [["cpu", 1], ["acquire", "R"], ["release", "R"]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("A"), 3);
    EXPECT_DOUBLE_EQ(s->finish("B"), 3);  // only the outer release frees it
    EXPECT_DOUBLE_EQ(s->blocked("B"), 2);
}

TEST(Sync, JoinWaitsForTheOtherThread) {
    auto s = simulate(R"({"cores": 2, "processes": [
        {"name": "main", "script": [["cpu", 1], ["join", "worker"], ["cpu", 1]]},
        {"name": "worker", "script": [["cpu", 5]]}]})");
    EXPECT_DOUBLE_EQ(s->finish("main"), 6);
    EXPECT_EQ(s->thread("main").reason, WaitReason::None);
}

TEST(Sync, UsageErrorsAreReported) {
    Machine m{MachineSettings{}};
    const ProcessId p = m.createProcess("p", "p", ProcessId::invalid());
    const ThreadId t =
        m.createThread(p, "t", std::make_unique<ScriptProgram>(std::vector<ScriptOp>{{}}), 0);
    const ObjectId lock = m.createObject(ObjectKind::Lock, "L");
    const ObjectId rlock = m.createObject(ObjectKind::RLock, "R");
    const ObjectId bounded = m.createObject(ObjectKind::BoundedSemaphore, "B", 1);
    const ObjectId cond = m.createObject(ObjectKind::Condition, "C", 0, 0, lock);
    EXPECT_EQ(m.release(t, lock), SyncStatus::NotHeld);
    EXPECT_EQ(m.release(t, rlock), SyncStatus::NotHeld);
    EXPECT_EQ(m.release(t, bounded), SyncStatus::TooManyReleases);
    EXPECT_EQ(m.conditionWait(t, cond), SyncStatus::NotOwner);
    EXPECT_EQ(m.notify(t, cond, 1), SyncStatus::NotOwner);
    EXPECT_EQ(m.acquire(t, lock, false), SyncStatus::Done);
    EXPECT_EQ(m.acquire(t, lock, false), SyncStatus::Failed);  // a Lock is not re-entrant
    EXPECT_EQ(m.release(t, lock), SyncStatus::Done);
    EXPECT_EQ(m.acquire(t, bounded, false), SyncStatus::Done);
    EXPECT_EQ(m.acquire(t, bounded, false), SyncStatus::Failed);
    EXPECT_EQ(m.release(t, bounded), SyncStatus::Done);
}

// ---- deadlock ----

TEST(Deadlock, TwoLocksInOppositeOrder) {
    auto s = simulate(
        R"({"cores": 2, "objects": [{"name": "A", "type": "lock"}, {"name": "B", "type": "lock"}],
        "processes": [
        {"name": "T1", "script": [["acquire", "A"], ["cpu", 1], ["acquire", "B"], ["release", "B"], ["release", "A"]]},
        {"name": "T2", "script": [["acquire", "B"], ["cpu", 1], ["acquire", "A"], ["release", "A"], ["release", "B"]]}]})");
    const auto& d = s->machine.deadlock();
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->time, 1 * kMillisecond);
    ASSERT_EQ(d->threads.size(), 2u);
    EXPECT_EQ(
        describeCycle(waitForGraph(s->machine)),
        "T2 (pid 1002) waits for Lock A held by T1; T1 (pid 1001) waits for Lock B held by T2");
    const auto conditions = waitForGraph(s->machine).conditions;
    ASSERT_EQ(conditions.size(), 4u);
    for (const auto& c : conditions) EXPECT_TRUE(c.holds) << c.name;
    EXPECT_EQ(conditions[1].evidence, "T2 holds B and waits for A; T1 holds A and waits for B");
    EXPECT_EQ(s->trace.stateAt(kNever - 1).deadlocks, 1u);
}

TEST(Deadlock, ThreeLockCycleOnOneCore) {
    auto s = simulate(R"({"cores": 1, "policy": "rr", "quantum": 1,
        "objects": [{"name": "A", "type": "lock"}, {"name": "B", "type": "lock"}, {"name": "C", "type": "lock"}],
        "processes": [
        {"name": "P1", "script": [["acquire", "A"], ["cpu", 2], ["acquire", "B"]]},
        {"name": "P2", "script": [["acquire", "B"], ["cpu", 2], ["acquire", "C"]]},
        {"name": "P3", "script": [["acquire", "C"], ["cpu", 2], ["acquire", "A"]]}]})");
    const auto& d = s->machine.deadlock();
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->threads.size(), 3u);
    EXPECT_EQ(d->objects.size(), 3u);
}

TEST(Deadlock, SameOrderNeverDeadlocks) {
    auto s = simulate(
        R"({"cores": 2, "objects": [{"name": "A", "type": "lock"}, {"name": "B", "type": "lock"}],
        "processes": [
        {"name": "T1", "script": [["acquire", "A"], ["cpu", 1], ["acquire", "B"], ["release", "B"], ["release", "A"]]},
        {"name": "T2", "script": [["acquire", "A"], ["cpu", 1], ["acquire", "B"], ["release", "B"], ["release", "A"]]}]})");
    EXPECT_FALSE(s->machine.deadlock().has_value());
    EXPECT_DOUBLE_EQ(s->finish("T2"), 2);
    EXPECT_TRUE(describeAllBlocked(s->machine).empty());
}

TEST(Deadlock, TimedWaitIsNotADeadlock) {
    auto s = simulate(
        R"({"cores": 2, "objects": [{"name": "A", "type": "lock"}, {"name": "B", "type": "lock"}],
        "processes": [
        {"name": "T1", "script": [["acquire", "A"], ["cpu", 1], ["acquire", "B", 3], ["release", "A"]]},
        {"name": "T2", "script": [["acquire", "B"], ["cpu", 1], ["acquire", "A"], ["release", "A"], ["release", "B"]]}]})");
    EXPECT_FALSE(s->machine.deadlock().has_value());
    EXPECT_DOUBLE_EQ(s->finish("T1"), 4);  // gives up B at 4 and releases A
    EXPECT_DOUBLE_EQ(s->finish("T2"), 4);
}

TEST(Deadlock, GetOnAQueueNobodyFillsIsAllBlocked) {
    auto s = simulate(R"({"objects": [{"name": "q", "type": "queue"}], "processes": [
        {"name": "consumer", "script": [["cpu", 1], ["get", "q"]]}]})");
    EXPECT_FALSE(s->machine.deadlock().has_value());
    EXPECT_TRUE(s->machine.done());
    const auto lines = describeAllBlocked(s->machine);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "consumer (pid 1001) waits for Queue q (0 items)");
}

TEST(Deadlock, SnapshotOfASyncRunReplaysIdentically) {
    auto w = parseWorkloadJson(
        R"({"cores": 2, "objects": [{"name": "q", "type": "queue", "capacity": 1}], "processes": [
        {"name": "producer", "script": [["repeat", 20, [["cpu", 1], ["put", "q", 7]]]]},
        {"name": "consumer", "script": [["repeat", 20, [["get", "q"], ["cpu", 2]]]]}]})",
        "pc.json");
    ASSERT_TRUE(w.ok());
    Machine a(settingsFor(*w));
    populate(a, *w);
    a.runUntil(9 * kMillisecond);
    Machine b = a;
    a.runUntil(kNever);
    b.runUntil(kNever);
    EXPECT_EQ(a.now(), b.now());
    EXPECT_EQ(a.thread(ThreadId{1}).finish, b.thread(ThreadId{1}).finish);
    EXPECT_EQ(a.thread(ThreadId{1}).finish, 41 * kMillisecond);
    EXPECT_EQ(a.object(ObjectId{0}).highWater, 1u);
}

TEST(ScriptErrors, NamesTheStep) {
    auto e = parseWorkloadJson(R"({"objects": [{"name": "A", "type": "lock"}], "processes": [
        {"name": "T", "script": [["acquire", "B"]]}]})",
                               "s.json");
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(
        e.error().format(),
        "s.json:2: processes[0].script[0][1]: \"B\" is not an object declared in \"objects\"");
    auto f = parseWorkloadJson(R"({"objects": [{"name": "A", "type": "lock"}], "processes": [
        {"name": "T", "script": [["put", "A"]]}]})",
                               "s.json");
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().message, "processes[0].script[0]: \"put\" does not apply to Lock \"A\"");
    auto g =
        parseWorkloadJson(R"({"processes": [{"name": "T", "script": [["fly", 1]]}]})", "s.json");
    ASSERT_FALSE(g.ok());
    EXPECT_NE(g.error().message.find("unknown step \"fly\""), std::string::npos);
    auto h = parseWorkloadJson(
        R"({"objects": [{"name": "x", "type": "mutex"}], "processes": [{"bursts": [1]}]})",
        "s.json");
    ASSERT_FALSE(h.ok());
    EXPECT_NE(h.error().message.find("unknown type \"mutex\""), std::string::npos);
}

}  // namespace
}  // namespace taskscope::core::testing

namespace taskscope::core::testing {
namespace {

const char* kRace =
    R"({"cores": 2, "objects": [{"name": "counter", "type": "value", "value": 0}, {"name": "L", "type": "lock"}],
    "processes": [
    {"name": "p1", "script": [["repeat", 5, [%s["load", "counter"], ["cpu", 1], ["store", "counter", 1]%s]]]},
    {"name": "p2", "script": [["repeat", 5, [%s["load", "counter"], ["cpu", 1], ["store", "counter", 1]%s]]]}]})";

std::string race(bool locked) {
    const char* pre = locked ? R"(["acquire", "L"], )" : "";
    const char* post = locked ? R"(, ["release", "L"])" : "";
    char buf[1024];
    std::snprintf(buf, sizeof buf, kRace, pre, post, pre, post);
    return buf;
}

TEST(Race, UnlockedReadModifyWriteLosesUpdates) {
    auto s = simulate(race(false));
    EXPECT_EQ(s->object("counter").count, 5);
    EXPECT_EQ(s->machine.lostUpdateCount(), 5u);  // 10 increments, 5 survive
    EXPECT_EQ(s->object("counter").lostUpdates, 5u);
    ASSERT_FALSE(s->machine.lostUpdates().empty());
    const LostUpdate& first = s->machine.lostUpdates().front();
    EXPECT_EQ(first.time, 1 * kMillisecond);
    EXPECT_EQ(s->machine.thread(first.thread).name, "p2");
    EXPECT_EQ(s->machine.thread(first.other).name, "p1");
    EXPECT_EQ(first.readAt, 0);
    EXPECT_EQ(first.otherWroteAt, 1 * kMillisecond);
}

TEST(Race, LockedReadModifyWriteLosesNone) {
    auto s = simulate(race(true));
    EXPECT_EQ(s->object("counter").count, 10);
    EXPECT_EQ(s->machine.lostUpdateCount(), 0u);
    EXPECT_EQ(s->object("L").acquisitions, 10u);
}

TEST(Race, OneWriterNeverLosesAndBlindWritesAreNotRaces) {
    auto s = simulate(
        R"({"cores": 2, "objects": [{"name": "v", "type": "value", "value": 3}], "processes": [
        {"name": "a", "script": [["repeat", 4, [["load", "v"], ["cpu", 1], ["store", "v", 2]]]]},
        {"name": "b", "script": [["cpu", 10], ["load", "v"], ["store", "v", -1]]}]})");
    EXPECT_EQ(s->object("v").count, 10);
    EXPECT_EQ(s->machine.lostUpdateCount(), 0u);
}

}  // namespace
}  // namespace taskscope::core::testing
