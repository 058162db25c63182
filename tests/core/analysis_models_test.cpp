// What each view would show at given times for a known workload: computed by the analysis
// models over the trace (ps rows, STAT letters, tokens, statistics, utilization, pstree layout).
// Moved from the QtTest tests/ui/tst_models.cpp with the same expected values.
#include <gtest/gtest.h>

#include "core/analysis/process_table.h"
#include "core/analysis/process_tree_layout.h"
#include "core/analysis/run_stats.h"
#include "core/analysis/state_tokens.h"
#include "tests/core/analysis_helpers.h"

using namespace taskscope::core;
using namespace taskscope::core::testing;

namespace {

// io_two_cores on 2 cores, FCFS: A [4 CPU, 6 I/O, 2 CPU] on CPU 0, B [13] on CPU 1,
// C [3] arrives at 1 and runs on CPU 0 from 4 to 7 while A waits for I/O until 10.
class IoTwoCores : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_run = runFile(sourceFile("tests/ui/data/io_two_cores.json")).release();
    }
    static void TearDownTestSuite() {
        delete s_run;
        s_run = nullptr;
    }
    const IndexedRun& run() const { return *s_run; }
    TraceState at(SimTime t) const { return s_run->at(t); }

    static IndexedRun* s_run;
};
IndexedRun* IoTwoCores::s_run = nullptr;

const PsRow* rowFor(const std::vector<PsRow>& rows, const std::string& name) {
    for (const auto& r : rows)
        if (r.name == name) return &r;
    return nullptr;
}

}  // namespace

TEST_F(IoTwoCores, RunsToThirteenMilliseconds) {
    EXPECT_EQ(run().endTime(), 13 * kMillisecond);
}

TEST_F(IoTwoCores, PsAtFiveMilliseconds) {
    const auto rows = psRows(run().trace, run().index, at(5 * kMillisecond));
    // The shell, then A, B, C by pid.
    ASSERT_EQ(rows.size(), std::size_t{4});
    EXPECT_EQ(rows[0].command, std::string("-bash"));
    EXPECT_EQ(rows[0].pid, 1000);
    EXPECT_EQ(rows[0].stat, std::string("Ss"));
    const PsRow* a = rowFor(rows, "A");
    const PsRow* b = rowFor(rows, "B");
    const PsRow* c = rowFor(rows, "C");
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(a->pid, 1001);
    EXPECT_EQ(a->ppid, 1000);
    EXPECT_EQ(a->stat, std::string("S"));  // waiting for I/O: interruptible sleep
    EXPECT_EQ(a->look, ProcessLook::Waiting);
    EXPECT_EQ(a->cpuTime, 4 * kMillisecond);
    EXPECT_DOUBLE_EQ(a->cpuPercent, 80.0);  // 4 ms of CPU in 5 ms alive
    EXPECT_EQ(b->stat, std::string("R"));
    EXPECT_EQ(b->look, ProcessLook::Running);
    EXPECT_DOUBLE_EQ(b->cpuPercent, 100.0);
    EXPECT_EQ(c->stat, std::string("R"));
    EXPECT_EQ(c->look, ProcessLook::Running);
    EXPECT_EQ(c->cpuTime, 1 * kMillisecond);
    EXPECT_DOUBLE_EQ(c->cpuPercent, 25.0);  // created at 1, ran 4..5
    EXPECT_EQ(a->user, std::string("student"));
}

TEST_F(IoTwoCores, ReadyProcessIsReady) {
    const auto rows = psRows(run().trace, run().index, at(2 * kMillisecond));
    const PsRow* c = rowFor(rows, "C");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->look, ProcessLook::Ready);
    EXPECT_EQ(c->stat, std::string("R"));  // ps shows R for ready and running
    EXPECT_EQ(c->cpuTime, SimTime{0});
}

TEST_F(IoTwoCores, ExitedProcessIsGone) {
    // C exits at 7 and the shell reaps it at once; A is still waiting.
    const auto rows = psRows(run().trace, run().index, at(8 * kMillisecond));
    EXPECT_EQ(rows.size(), std::size_t{3});
    EXPECT_FALSE(rowFor(rows, "C"));
    ASSERT_TRUE(rowFor(rows, "A"));
    EXPECT_EQ(rowFor(rows, "A")->stat, std::string("S"));
}

TEST_F(IoTwoCores, CoreLanesAtFive) {
    const auto s = at(5 * kMillisecond);
    ASSERT_EQ(s.cores.size(), std::size_t{2});
    EXPECT_EQ(s.cores[0].activity, TraceState::Core::Activity::Running);
    EXPECT_EQ(run().trace.threads()[s.cores[0].thread].name, std::string("C"));
    EXPECT_EQ(run().trace.threads()[s.cores[1].thread].name, std::string("B"));
    EXPECT_EQ(at(8 * kMillisecond).cores[0].activity, TraceState::Core::Activity::Idle);
}

TEST_F(IoTwoCores, TokensAtFive) {
    const auto tokens = stateTokens(run().trace, run().index, at(5 * kMillisecond));
    EXPECT_EQ(tokens.size(), std::size_t{3});
    const auto& threads = run().trace.threads();
    for (const auto& t : tokens) {
        const std::string& name = threads[t.thread].name;
        if (name == "A") {
            EXPECT_EQ(toString(t.state), toString(ThreadState::Waiting));
            EXPECT_EQ(toString(t.reason), toString(WaitReason::Io));
            EXPECT_EQ(toString(t.from), toString(ThreadState::Running));
            EXPECT_EQ(toString(t.cause), toString(Cause::Block));
            EXPECT_EQ(t.transition, Transition::Wait);
            EXPECT_EQ(t.changedAt, 4 * kMillisecond);
        } else if (name == "B") {
            EXPECT_EQ(toString(t.state), toString(ThreadState::Running));
            EXPECT_EQ(t.transition, Transition::Dispatch);
            EXPECT_EQ(t.changedAt, SimTime{0});
        } else {
            EXPECT_EQ(name, std::string("C"));
            EXPECT_EQ(toString(t.state), toString(ThreadState::Running));
            EXPECT_EQ(toString(t.from), toString(ThreadState::Ready));
            EXPECT_EQ(t.transition, Transition::Dispatch);
            EXPECT_EQ(t.changedAt, 4 * kMillisecond);
        }
    }
    // At 10.5 A has been woken and dispatched; at 12.5 it is Terminated via exit.
    const auto later = stateTokens(run().trace, run().index, at(12 * kMillisecond + 500000));
    ASSERT_FALSE(later.empty());
    EXPECT_EQ(toString(later[0].state), toString(ThreadState::Terminated));
    EXPECT_EQ(later[0].transition, Transition::Exit);
    EXPECT_EQ(toString(later[0].cause), toString(Cause::Exit));
}

TEST(StateTokens, TransitionsMapToArrows) {
    EXPECT_EQ(transitionFor(ThreadState::New, ThreadState::Ready), Transition::Admit);
    EXPECT_EQ(transitionFor(ThreadState::Ready, ThreadState::Running), Transition::Dispatch);
    EXPECT_EQ(transitionFor(ThreadState::Running, ThreadState::Ready), Transition::Timeout);
    EXPECT_EQ(transitionFor(ThreadState::Running, ThreadState::Waiting), Transition::Wait);
    EXPECT_EQ(transitionFor(ThreadState::Waiting, ThreadState::Ready), Transition::Wake);
    EXPECT_EQ(transitionFor(ThreadState::Running, ThreadState::Terminated), Transition::Exit);
    EXPECT_EQ(transitionFor(ThreadState::Ready, ThreadState::Ready), Transition::None);
}

TEST_F(IoTwoCores, FiguresAtTheEndEqualComputeStats) {
    const RunStats f = computeStats(run().trace, run().index, run().endTime());
    const RunStats s = computeStats(run().machine);
    ASSERT_EQ(f.processes.size(), s.processes.size());
    for (std::size_t i = 0; i < f.processes.size(); ++i) {
        EXPECT_EQ(f.processes[i].name, s.processes[i].name);
        EXPECT_EQ(f.processes[i].waiting, s.processes[i].waiting);
        EXPECT_EQ(f.processes[i].turnaround, s.processes[i].turnaround);
        EXPECT_EQ(f.processes[i].response, s.processes[i].response);
        EXPECT_EQ(f.processes[i].cpu, s.processes[i].cpu);
    }
    EXPECT_DOUBLE_EQ(f.averageWaiting, s.averageWaiting);
    EXPECT_DOUBLE_EQ(f.averageTurnaround, s.averageTurnaround);
    EXPECT_EQ(f.finished, 3);
}

TEST_F(IoTwoCores, FiguresMidRun) {
    // At 5 ms: C has waited 3 ms (1..4), nobody has finished.
    const RunStats f = computeStats(run().trace, run().index, 5 * kMillisecond);
    ASSERT_EQ(f.processes.size(), std::size_t{3});
    EXPECT_EQ(f.processes[2].waiting, 3 * kMillisecond);
    EXPECT_EQ(f.processes[2].response, 3 * kMillisecond);
    EXPECT_EQ(f.processes[2].turnaround, SimTime{-1});
    EXPECT_EQ(f.finished, 0);
    EXPECT_DOUBLE_EQ(f.averageWaiting, 1.0 * kMillisecond);
}

TEST(RunStatsFromTheTrace, TextbookFcfsAverages) {
    const auto run = runFile(TASKSCOPE_TEST_DATA "/fcfs_silberschatz.json");
    const RunStats f = computeStats(run->trace, run->index, run->endTime());
    // Silberschatz: waiting 0, 24, 27 -> 17; turnaround 24, 27, 30 -> 27.
    EXPECT_DOUBLE_EQ(f.averageWaiting, 17.0 * kMillisecond);
    EXPECT_DOUBLE_EQ(f.averageTurnaround, 27.0 * kMillisecond);
}

TEST_F(IoTwoCores, UtilizationPerCore) {
    // 13 bins of 1 ms: CPU 0 busy 0..7 and 10..12, CPU 1 busy throughout.
    const auto u0 = coreUtilization(run().trace, 0, 0, 13 * kMillisecond, 13);
    const auto u1 = coreUtilization(run().trace, 1, 0, 13 * kMillisecond, 13);
    const std::vector<double> expected0 = {1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0};
    ASSERT_EQ(u0.size(), std::size_t{13});
    ASSERT_EQ(u1.size(), std::size_t{13});
    for (std::size_t i = 0; i < 13; ++i) {
        EXPECT_DOUBLE_EQ(u0[i], expected0[i]) << i;
        EXPECT_DOUBLE_EQ(u1[i], 1.0) << i;
    }
    // Half bins: one bin of 2 ms across the 7 ms end of C's run: 6..8 is half busy.
    const auto half = coreUtilization(run().trace, 0, 6 * kMillisecond, 8 * kMillisecond, 1);
    EXPECT_DOUBLE_EQ(half[0], 0.5);
}

TEST(ProcessTree, PstreeLayout) {
    std::vector<PsRow> rows(5);
    const int pids[] = {1000, 1001, 1002, 1003, 1004};
    const int ppids[] = {999, 1000, 1000, 1001, 1001};
    for (int i = 0; i < 5; ++i) {
        rows[static_cast<std::size_t>(i)].pid = pids[i];
        rows[static_cast<std::size_t>(i)].ppid = ppids[i];
    }
    // bash(1000)-+-1001-+-1003
    //            |      `-1004
    //            `-1002
    const auto nodes = layoutProcessTree(rows);
    ASSERT_EQ(nodes.size(), std::size_t{5});
    auto node = [&](int pid) {
        for (const auto& n : nodes)
            if (rows[static_cast<std::size_t>(n.row)].pid == pid) return n;
        return TreeNode{};
    };
    EXPECT_EQ(node(1000).depth, 0);
    EXPECT_EQ(node(1000).line, 0);
    EXPECT_EQ(node(1001).line, 0);  // first child on its parent's line
    EXPECT_EQ(node(1003).depth, 2);
    EXPECT_EQ(node(1003).line, 0);
    EXPECT_EQ(node(1004).line, 1);
    EXPECT_EQ(node(1002).line, 2);
    EXPECT_EQ(node(1002).depth, 1);
    EXPECT_EQ(
        rows[static_cast<std::size_t>(nodes[static_cast<std::size_t>(node(1004).parent)].row)].pid,
        1001);
}

// ---- one statistics function: the GUI's (trace at the cursor) and the CLI's (machine) ----

namespace {
void expectSameStats(const RunStats& a, const RunStats& b) {
    ASSERT_EQ(a.processes.size(), b.processes.size());
    for (std::size_t i = 0; i < a.processes.size(); ++i) {
        SCOPED_TRACE(a.processes[i].name);
        const ProcessStats &p = a.processes[i], &q = b.processes[i];
        EXPECT_EQ(p.name, q.name);
        EXPECT_EQ(p.pid, q.pid);
        EXPECT_EQ(p.arrival, q.arrival);
        EXPECT_EQ(p.firstRun, q.firstRun);
        EXPECT_EQ(p.finish, q.finish);
        EXPECT_EQ(p.cpu, q.cpu);
        EXPECT_EQ(p.waiting, q.waiting);
        EXPECT_EQ(p.blocked, q.blocked);
        EXPECT_EQ(p.turnaround, q.turnaround);
        EXPECT_EQ(p.response, q.response);
    }
    ASSERT_EQ(a.threads.size(), b.threads.size());
    for (std::size_t i = 0; i < a.threads.size(); ++i) {
        SCOPED_TRACE(a.threads[i].name);
        const ThreadStats &t = a.threads[i], &u = b.threads[i];
        EXPECT_EQ(t.name, u.name);
        EXPECT_EQ(t.process, u.process);
        EXPECT_EQ(t.pid, u.pid);
        EXPECT_EQ(t.tid, u.tid);
        EXPECT_EQ(t.finish, u.finish);
        EXPECT_EQ(t.cpu, u.cpu);
        EXPECT_EQ(t.ready, u.ready);
        EXPECT_EQ(t.blocked, u.blocked);
        EXPECT_EQ(t.gilWait, u.gilWait);
        EXPECT_EQ(t.blockedByReason, u.blockedByReason);
    }
    EXPECT_DOUBLE_EQ(a.averageWaiting, b.averageWaiting);
    EXPECT_DOUBLE_EQ(a.averageTurnaround, b.averageTurnaround);
    EXPECT_DOUBLE_EQ(a.averageResponse, b.averageResponse);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.makespan, b.makespan);
    ASSERT_EQ(a.utilization.size(), b.utilization.size());
    for (std::size_t c = 0; c < a.utilization.size(); ++c)
        EXPECT_DOUBLE_EQ(a.utilization[c], b.utilization[c]) << "core " << c;
    EXPECT_EQ(a.contextSwitches, b.contextSwitches);
    EXPECT_EQ(a.finished, b.finished);
    EXPECT_DOUBLE_EQ(a.throughput, b.throughput);
}
}  // namespace

TEST(RunStatsFromTheTrace, AtTheEndEqualTheMachines) {
    for (const std::string& file : {sourceFile("tests/ui/data/io_two_cores.json"),
                                    std::string(TASKSCOPE_TEST_DATA "/fcfs_silberschatz.json"),
                                    std::string(TASKSCOPE_TEST_DATA "/srtf_silberschatz.json"),
                                    std::string(TASKSCOPE_TEST_DATA "/deadlock_two_locks.json"),
                                    std::string(TASKSCOPE_TEST_DATA "/blocked_get.json"),
                                    sourceFile("resources/workloads/rr_classroom.json"),
                                    sourceFile("resources/workloads/producer_consumer.json"),
                                    sourceFile("resources/workloads/race_counter.json"),
                                    sourceFile("resources/workloads/dining_philosophers.json")}) {
        SCOPED_TRACE(file);
        const auto r = runFile(file);
        expectSameStats(computeStats(r->trace, r->index, r->endTime()), computeStats(r->machine));
    }
}

TEST(RunStatsFromTheTrace, MidRunEqualTheMachineCutThere) {
    // A run cut with --until at 7 ms (mid-slice, C not yet arrived at 0.5 ms) reads the same
    // figures as the whole run's trace at 7 ms; with a context-switch cost and round robin.
    const std::string json =
        R"({"cores": 2, "policy": "rr", "quantum": 2, "context_switch": 0.25, "processes": [
        {"name": "A", "arrival": 0, "bursts": [5, 2, 3]},
        {"name": "B", "arrival": 0, "bursts": [9]},
        {"name": "C", "arrival": 1, "bursts": [2, 1, 2]},
        {"name": "D", "arrival": 12, "bursts": [1]}]})";
    for (const SimTime cut : {SimTime{500000}, 7 * kMillisecond, 9 * kMillisecond + 125000}) {
        SCOPED_TRACE(cut);
        auto w = parseWorkloadJson(json, "cut.json");
        ASSERT_TRUE(w.ok()) << w.error().format();
        Machine whole(settingsFor(*w));
        Trace trace;
        whole.attachTrace(&trace);
        populate(whole, *w);
        whole.runUntil(kNever);
        TraceIndex index;
        index.update(trace);
        Machine part(settingsFor(*w));
        populate(part, *w);
        part.runUntil(cut);
        const RunStats fromTrace = computeStats(trace, index, cut);
        const RunStats fromMachine = computeStats(part);
        // The machine also lists what has not appeared yet (D): compare those that have.
        RunStats appeared = fromMachine;
        appeared.processes.clear();
        appeared.threads.clear();
        for (std::size_t i = 0; i < fromMachine.processes.size(); ++i)
            if (part.processes()[i].created <= cut) {
                appeared.processes.push_back(fromMachine.processes[i]);
                appeared.threads.push_back(fromMachine.threads[i]);
            }
        expectSameStats(fromTrace, appeared);
        if (cut == 7 * kMillisecond) {
            // D has not arrived: the average waiting is over the three that have (A 0.5, B 2.5,
            // C 1.75 ms Ready), on both sides; over all four it was 1.1875 ms before.
            EXPECT_EQ(fromMachine.processes.size(), std::size_t{4});
            EXPECT_EQ(fromTrace.processes.size(), std::size_t{3});
            EXPECT_EQ(fromTrace.contextSwitches, 5u);
            EXPECT_DOUBLE_EQ(fromMachine.averageWaiting, 4.75 * kMillisecond / 3);
        }
    }
}
