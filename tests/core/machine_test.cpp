#include <gtest/gtest.h>

#include "core/os/burst_program.h"
#include "core/sched/policy.h"
#include "workload_helpers.h"

namespace taskscope::core::testing {
namespace {

// A busy workload: many processes with CPU and I/O bursts drawn from a seeded generator.
Workload randomWorkload(std::uint64_t seed, int processes) {
    Random rng(seed);
    Workload w;
    w.unit = kMicrosecond;
    w.timeUnit = "us";
    for (int i = 0; i < processes; ++i) {
        WorkloadProcess p;
        p.name = "P" + std::to_string(i + 1);
        p.arrival = static_cast<SimTime>(rng.below(200)) * kMicrosecond;
        p.priority = static_cast<int>(rng.below(5));
        const int bursts = 1 + 2 * static_cast<int>(rng.below(4));
        for (int b = 0; b < bursts; ++b)
            p.bursts.push_back((1 + static_cast<SimTime>(rng.below(50))) * kMicrosecond);
        w.processes.push_back(std::move(p));
    }
    return w;
}

std::uint64_t runHash(const Workload& w, PolicyKind policy, int cores) {
    MachineSettings s = settingsFor(w);
    s.policy.kind = policy;
    s.policy.quantum = 7 * kMicrosecond;
    s.policy.mlfq.quanta = {5 * kMicrosecond, 10 * kMicrosecond, kNever};
    s.cores = cores;
    s.contextSwitch = kMicrosecond / 2;
    Machine m(s);
    Trace t;
    m.attachTrace(&t);
    populate(m, w);
    m.runUntil(kNever);
    return t.hash();
}

class EveryPolicy : public ::testing::TestWithParam<PolicyKind> {};

TEST_P(EveryPolicy, SameInputSameTrace) {
    const Workload w = randomWorkload(42, 30);
    for (int cores : {1, 3}) {
        const std::uint64_t first = runHash(w, GetParam(), cores);
        EXPECT_EQ(first, runHash(w, GetParam(), cores));
        EXPECT_EQ(first, runHash(w, GetParam(), cores));
    }
}

TEST_P(EveryPolicy, EveryProcessFinishesAndTimeIsConserved) {
    const Workload w = randomWorkload(7, 25);
    MachineSettings s = settingsFor(w);
    s.policy.kind = GetParam();
    s.policy.quantum = 7 * kMicrosecond;
    s.cores = 2;
    Machine m(s);
    populate(m, w);
    m.runUntil(kNever);
    const RunStats stats = computeStats(m);
    EXPECT_EQ(stats.finished, 25);
    for (std::size_t i = 0; i < w.processes.size(); ++i) {
        const auto& spec = w.processes[i];
        SimTime cpu = 0, io = 0;
        for (std::size_t b = 0; b < spec.bursts.size(); ++b)
            (b % 2 == 0 ? cpu : io) += spec.bursts[b];
        const ProcessStats& p = stats.processes[i];
        EXPECT_EQ(p.cpu, cpu) << spec.name;
        EXPECT_EQ(p.blocked, io) << spec.name;
        // Turnaround = running + ready + blocked: no time is lost or counted twice.
        EXPECT_EQ(p.turnaround, p.cpu + p.waiting + p.blocked) << spec.name;
        EXPECT_EQ(p.arrival, spec.arrival) << spec.name;
    }
}

INSTANTIATE_TEST_SUITE_P(Policies, EveryPolicy,
                         ::testing::Values(PolicyKind::Fcfs, PolicyKind::Sjf, PolicyKind::Srtf,
                                           PolicyKind::RoundRobin, PolicyKind::Priority,
                                           PolicyKind::PriorityPreemptive, PolicyKind::Mlfq,
                                           PolicyKind::Fair),
                         [](const auto& info) {
                             std::string n(policyName(info.param));
                             for (auto& c : n)
                                 if (c == '-') c = '_';
                             return n;
                         });

TEST(Machine, DifferentWorkloadsGiveDifferentTraces) {
    EXPECT_NE(runHash(randomWorkload(1, 10), PolicyKind::RoundRobin, 1),
              runHash(randomWorkload(2, 10), PolicyKind::RoundRobin, 1));
}

TEST(Machine, SnapshotRestoreReplaysTheIdenticalFuture) {
    const Workload w = randomWorkload(99, 20);
    MachineSettings s = settingsFor(w);
    s.policy.kind = PolicyKind::RoundRobin;
    s.policy.quantum = 5 * kMicrosecond;
    s.cores = 2;
    Machine original(s);
    Trace full;
    original.attachTrace(&full);
    populate(original, w);
    original.runUntil(300 * kMicrosecond);
    const std::size_t cut = full.size();

    Machine snapshot = original;  // the copy is the snapshot
    EXPECT_EQ(snapshot.trace(), nullptr);
    original.runUntil(kNever);

    Trace replay;
    Machine restored = snapshot;
    restored.attachTrace(&replay);
    restored.runUntil(kNever);

    ASSERT_EQ(full.size() - cut, replay.size());
    ASSERT_GT(replay.size(), 50u);
    for (std::size_t i = 0; i < replay.size(); ++i) {
        ASSERT_EQ(full.time(cut + i), replay.time(i)) << i;
        const RecordBody& a = full.body(cut + i);
        const RecordBody& b = replay.body(i);
        ASSERT_EQ(a.kind, b.kind) << i;
        ASSERT_EQ(a.subject, b.subject) << i;
        ASSERT_EQ(a.state, b.state) << i;
        ASSERT_EQ(a.core, b.core) << i;
    }
    EXPECT_EQ(original.now(), restored.now());
    EXPECT_EQ(original.contextSwitches(), restored.contextSwitches());
}

TEST(Machine, PidsStartAfterTheShellAndParentIsTheShell) {
    auto w = parseWorkloadJson(R"({"processes":[{"bursts":[1]},{"bursts":[1]}]})", "x.json");
    ASSERT_TRUE(w.ok());
    Machine m(settingsFor(*w));
    populate(m, *w);
    m.runUntil(kNever);
    ASSERT_EQ(m.processes().size(), 2u);
    EXPECT_EQ(m.processes()[0].pid, 1001);
    EXPECT_EQ(m.processes()[1].pid, 1002);
    EXPECT_EQ(m.processes()[0].ppid, 1000);
    EXPECT_EQ(m.processes()[0].name, "P1");
    // Exited children of the shell are reaped at once.
    EXPECT_EQ(m.processes()[0].reaped, m.processes()[0].exited);
    EXPECT_FALSE(m.processes()[1].isZombie());
}

TEST(Machine, UntilStopsMidRunWithOpenStatistics) {
    auto r = parseWorkloadJson(
        R"({"processes":[{"name":"A","bursts":[10]},{"name":"B","bursts":[10]}]})", "x.json");
    ASSERT_TRUE(r.ok());
    Machine m(settingsFor(*r));
    populate(m, *r);
    m.runUntil(5 * kMillisecond);
    EXPECT_EQ(m.thread(ThreadId{0}).state, ThreadState::Running);
    EXPECT_EQ(m.thread(ThreadId{1}).state, ThreadState::Ready);
    const RunStats s = computeStats(m);
    EXPECT_EQ(s.finished, 0);
    EXPECT_EQ(s.processes[1].waiting, 5 * kMillisecond);
    EXPECT_EQ(s.processes[0].finish, -1);
    EXPECT_EQ(s.processes[0].cpu, 5 * kMillisecond);
    // Continuing from the cut gives the same end as an uninterrupted run.
    m.runUntil(kNever);
    EXPECT_EQ(m.thread(ThreadId{0}).finish, 10 * kMillisecond);
    EXPECT_EQ(m.thread(ThreadId{1}).finish, 20 * kMillisecond);
}

// A program that shares state with the other cores: each step takes `step` ns and then asks
// the machine for something (which moves the machine's clock to the step's end).
class Stepper final : public Program {
public:
    Stepper(SimTime step, int steps) : m_step(step), m_left(steps) {}
    std::unique_ptr<Program> clone() const override { return std::make_unique<Stepper>(*this); }
    RunOutcome run(ThreadContext& ctx, SimTime limit) override {
        do {
            ctx.consume(m_step);
            (void)ctx.machine();
            if (--m_left == 0) return RunOutcome::exit(0);
        } while (ctx.now() < limit);
        return RunOutcome::proceed();
    }

private:
    SimTime m_step;
    int m_left;
};

TEST(Machine, AnArrivalTakesAnIdleCoreWhileOtherCoresOvertakeEachOther) {
    // Three cores step in lock step with steps of 3, 5 and 7 ns; a fourth thread arrives at
    // 1 us with a core idle. The cores catching up to the arrival instant each end a step
    // beyond it and move the clock on: waiting for all of them to pass the moving clock held
    // the arrival back until the last stepper ended (firstRun 70003 ns).
    MachineSettings s;
    s.cores = 4;
    Machine m(s);
    const ProcessId p = m.createProcess("P", "p", ProcessId::invalid());
    for (SimTime step : {3, 5, 7})
        m.createThread(p, "S", std::make_unique<Stepper>(step, 10000), 0);
    const ThreadId late = m.createThread(p, "late", std::make_unique<Stepper>(4, 1), kMicrosecond);
    m.runUntil(kNever);
    // Admitted at the end of the step that passed 1 us; it runs two 7 ns steps later.
    EXPECT_EQ(m.thread(late).arrival, 1004);
    EXPECT_EQ(m.thread(late).firstRun, 1018);
}

TEST(StatLetter, MapsStatesLikePs) {
    EXPECT_EQ(statLetter(ThreadState::Running, WaitReason::None), 'R');
    EXPECT_EQ(statLetter(ThreadState::Ready, WaitReason::None), 'R');
    EXPECT_EQ(statLetter(ThreadState::Waiting, WaitReason::Sleep), 'S');
    EXPECT_EQ(statLetter(ThreadState::Waiting, WaitReason::Gil), 'S');
    EXPECT_EQ(statLetter(ThreadState::Waiting, WaitReason::Disk), 'D');
    EXPECT_EQ(statLetter(ThreadState::Waiting, WaitReason::Stopped), 'T');
    EXPECT_EQ(statLetter(ThreadState::Terminated, WaitReason::None), 'Z');
}

TEST(Random, SameSeedSameSequenceAndBoundsHold) {
    Random a(5), b(5), c(6);
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        EXPECT_LT(c.below(10), 10u);
    }
    Random d(1);
    EXPECT_EQ(d.next(), Random(1).next());
    EXPECT_NE(Random(1).next(), Random(2).next());
}

}  // namespace
}  // namespace taskscope::core::testing
