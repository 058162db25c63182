#include <gtest/gtest.h>

#include "workload_helpers.h"

namespace taskscope::core::testing {
namespace {

struct Run {
    Machine machine;
    Trace trace;
};

std::unique_ptr<Run> runRr(std::size_t snapshotInterval = 16) {
    auto w = parseWorkloadJson(R"({"policy":"rr","quantum":4,"cores":1,"processes":[
        {"name":"P1","bursts":[24]},{"name":"P2","bursts":[3]},{"name":"P3","bursts":[3,2,1]}]})",
                               "rr.json");
    EXPECT_TRUE(w.ok());
    auto run = std::unique_ptr<Run>(new Run{Machine(settingsFor(*w)), Trace(snapshotInterval)});
    run->machine.attachTrace(&run->trace);
    populate(run->machine, *w);
    run->machine.runUntil(kNever);
    return run;
}

TEST(Trace, CoreSegmentsFollowTheSchedule) {
    auto run = runRr();
    const Trace& t = run->trace;
    std::vector<Segment> segs;
    t.coreSegments(0, 0, kNever, segs);
    // P1 0-4, P2 4-7, P3 7-10 (then I/O until 12), P1 10-14 (a wake-up does not preempt
    // round robin), P3 14-15, P1 15-31.
    std::vector<std::tuple<SimTime, SimTime, std::string>> runs;
    for (const auto& s : segs) {
        const RecordBody& b = t.body(s.record);
        if (b.kind == RecordKind::CoreRun && s.end > s.start)
            runs.emplace_back(s.start / kMillisecond, s.end / kMillisecond,
                              t.threads()[b.subject].name);
    }
    ASSERT_GE(runs.size(), 5u);
    EXPECT_EQ(runs[0], std::make_tuple(SimTime{0}, SimTime{4}, std::string("P1")));
    EXPECT_EQ(runs[1], std::make_tuple(SimTime{4}, SimTime{7}, std::string("P2")));
    EXPECT_EQ(runs[2], std::make_tuple(SimTime{7}, SimTime{10}, std::string("P3")));
    EXPECT_EQ(runs[3], std::make_tuple(SimTime{10}, SimTime{14}, std::string("P1")));
    EXPECT_EQ(runs[4], std::make_tuple(SimTime{14}, SimTime{15}, std::string("P3")));
    EXPECT_EQ(t.endTime(), 31 * kMillisecond);
}

TEST(Trace, SegmentQueryClipsToTheRange) {
    auto run = runRr();
    std::vector<Segment> segs;
    run->trace.coreSegments(0, 5 * kMillisecond, 8 * kMillisecond, segs);
    ASSERT_EQ(segs.size(), 2u);
    EXPECT_EQ(segs[0].start, 4 * kMillisecond);
    EXPECT_EQ(segs[1].start, 7 * kMillisecond);
}

TEST(Trace, ThreadSegmentsShowWaitingForIo) {
    auto run = runRr();
    std::vector<Segment> segs;
    run->trace.threadSegments(2, 0, kNever, segs);  // P3
    bool sawIo = false;
    for (const auto& s : segs) {
        const RecordBody& b = run->trace.body(s.record);
        if (b.kind == RecordKind::State && b.state == ThreadState::Waiting) {
            EXPECT_EQ(b.reason, WaitReason::Io);
            EXPECT_EQ(s.start, 10 * kMillisecond);
            EXPECT_EQ(s.end, 12 * kMillisecond);
            sawIo = true;
        }
    }
    EXPECT_TRUE(sawIo);
}

TEST(Trace, StateAtMatchesAStraightReplayEverywhere) {
    auto run = runRr(/*snapshotInterval=*/4);
    const Trace& t = run->trace;
    for (SimTime ms = 0; ms <= 31; ++ms) {
        const SimTime at = ms * kMillisecond;
        TraceState naive;
        naive.cores.resize(1);
        for (std::size_t i = 0; i < t.size() && t.time(i) <= at; ++i) naive.apply(t.record(i));
        TraceState fast = t.stateAt(at);
        naive.time = at;
        EXPECT_EQ(fast, naive) << "at " << ms;
    }
    const TraceState at5 = t.stateAt(5 * kMillisecond);
    EXPECT_EQ(at5.cores[0].thread, 1u);  // P2 runs 4-7
    EXPECT_EQ(at5.threads[0].state, ThreadState::Ready);
    EXPECT_EQ(at5.threads[1].state, ThreadState::Running);
    const TraceState at11 = t.stateAt(11 * kMillisecond);
    EXPECT_EQ(at11.threads[2].state, ThreadState::Waiting);
    EXPECT_EQ(at11.threads[2].reason, WaitReason::Io);
    const TraceState end = t.stateAt(t.endTime());
    EXPECT_EQ(end.threads[0].state, ThreadState::Terminated);
    EXPECT_TRUE(end.processes[0].reaped);
}

TEST(Trace, LaneIndexesAndKindCounts) {
    auto run = runRr();
    const Trace& t = run->trace;
    // P1 P2 P3 P1 P3, then P1 alone gets a fresh 4 ms slice four times (15-31).
    EXPECT_EQ(t.countOf(RecordKind::CoreRun), 9u);
    EXPECT_EQ(t.countOf(RecordKind::ProcessCreate), 3u);
    EXPECT_EQ(t.countOf(RecordKind::Gil), 0u);
    EXPECT_EQ(t.coreLane(0).size(), t.countOf(RecordKind::CoreRun) +
                                        t.countOf(RecordKind::CoreIdle) +
                                        t.countOf(RecordKind::CoreSwitch));
    EXPECT_TRUE(t.coreLane(5).empty());
    EXPECT_TRUE(t.gilLane(0).empty());
    ASSERT_FALSE(t.threadLane(2).empty());
    EXPECT_EQ(t.body(t.threadLane(2).front()).kind, RecordKind::ThreadCreate);
}

TEST(Trace, RecordsAreInTimeOrderAndCompact) {
    auto run = runRr();
    const Trace& t = run->trace;
    for (std::size_t i = 1; i < t.size(); ++i) ASSERT_LE(t.time(i - 1), t.time(i));
    EXPECT_EQ(sizeof(RecordBody) + sizeof(SimTime), 24u);
}

// A queue of many short jobs (an M/M/1 exercise): every stored state used to copy every
// thread and process, so memory grew as processes x stored states.
std::unique_ptr<Run> runManyProcesses(int n) {
    Workload w;
    w.unit = kMicrosecond;
    Random rng(7);
    SimTime at = 0;
    for (int i = 0; i < n; ++i) {
        WorkloadProcess p;
        p.name = "C" + std::to_string(i + 1);
        at += static_cast<SimTime>(rng.below(20000)) * kNanosecond * 1000;
        p.arrival = at;
        p.bursts = {(1 + static_cast<SimTime>(rng.below(16000))) * kMicrosecond};
        w.processes.push_back(std::move(p));
    }
    auto run = std::unique_ptr<Run>(new Run{Machine(settingsFor(w)), Trace()});
    run->machine.attachTrace(&run->trace);
    populate(run->machine, w);
    run->machine.runUntil(kNever);
    return run;
}

TEST(Trace, StoredStatesStayLinearInTheRecords) {
    auto run = runManyProcesses(40000);
    const Trace& t = run->trace;
    // Created, admitted, dispatched, running, terminated, exit, reaped, and some idle cores.
    ASSERT_GT(t.size(), 7u * 40000);
    EXPECT_GE(t.storedStateCount(), 3u);
    const double perRecord = static_cast<double>(t.memoryBytes()) / static_cast<double>(t.size());
    EXPECT_LE(perRecord, 32.0);
    // Whole copies of the state would cost about 4 bytes per record each.
    EXPECT_GT(perRecord, 24.0);
    // Seeking anywhere gives what a straight replay gives.
    TraceState naive;
    naive.cores.resize(1);
    std::size_t applied = 0;
    TraceState fast;
    const SimTime end = t.endTime();
    for (int k = 0; k <= 40; ++k) {
        const SimTime at = end / 40 * k;
        while (applied < t.size() && t.time(applied) <= at) naive.apply(t.record(applied++));
        naive.time = at;
        t.stateAt(at, fast);
        ASSERT_EQ(fast, naive) << "at " << at;
    }
    EXPECT_TRUE(fast.processes.back().reaped);
}

TEST(Trace, ACopiedTraceSeeksIndependently) {
    auto run = runRr(/*snapshotInterval=*/4);
    Trace copy = run->trace;
    EXPECT_EQ(copy.hash(), run->trace.hash());
    EXPECT_EQ(copy.stateAt(11 * kMillisecond), run->trace.stateAt(11 * kMillisecond));
    // Recording more into the original leaves the copy's states alone.
    RecordBody b;
    b.kind = RecordKind::ProcessExit;
    b.subject = 0;
    b.extra16 = 9;
    run->trace.append(40 * kMillisecond, b);
    EXPECT_EQ(run->trace.stateAt(kNever - 1).processes[0].exitCode, 9);
    EXPECT_EQ(copy.stateAt(kNever - 1).processes[0].exitCode, 0);
    EXPECT_EQ(copy.size() + 1, run->trace.size());
}

}  // namespace
}  // namespace taskscope::core::testing
