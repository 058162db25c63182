// What each view would show at given times for a known workload: computed by the Qt-free
// models over the trace (ps rows, STAT letters, tokens, figures, utilization, pstree layout).
#include <QtTest>

#include "tests/ui/test_support.h"

#include "core/analysis/run_stats.h"
#include "ui/model/process_table.h"
#include "ui/model/process_tree_layout.h"
#include "ui/model/run_figures.h"
#include "ui/model/state_tokens.h"
#include "ui/sim/simulation_controller.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;
using core::ThreadState;

namespace {
const QString kIoTwoCores = QStringLiteral(TASKSCOPE_UI_TEST_DATA "/io_two_cores.json");
const QString kFcfs = QStringLiteral(TASKSCOPE_TEST_DATA "/fcfs_silberschatz.json");

// io_two_cores on 2 cores, FCFS: A [4 CPU, 6 I/O, 2 CPU] on CPU 0, B [13] on CPU 1,
// C [3] arrives at 1 and runs on CPU 0 from 4 to 7 while A waits for I/O until 10.
const PsRow* rowFor(const std::vector<PsRow>& rows, const std::string& name) {
    for (const auto& r : rows)
        if (r.name == name) return &r;
    return nullptr;
}
}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT
private:
    SimulationController m_c;

    core::TraceState at(core::SimTime t) const { return m_c.trace().stateAt(t); }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_c.openFile(kIoTwoCores, &error), qPrintable(error));
        m_c.runToCompletion();
        QCOMPARE(m_c.endTime(), 13 * kMillisecond);
    }

    void psAtFiveMilliseconds() {
        const auto rows = psRows(m_c.trace(), m_c.index(), at(5 * kMillisecond));
        // The shell, then A, B, C by pid.
        QCOMPARE(rows.size(), std::size_t{4});
        QCOMPARE(rows[0].command, std::string("-bash"));
        QCOMPARE(rows[0].pid, 1000);
        QCOMPARE(rows[0].stat, std::string("Ss"));
        const PsRow* a = rowFor(rows, "A");
        const PsRow* b = rowFor(rows, "B");
        const PsRow* c = rowFor(rows, "C");
        QVERIFY(a && b && c);
        QCOMPARE(a->pid, 1001);
        QCOMPARE(a->ppid, 1000);
        QCOMPARE(a->stat, std::string("S"));  // waiting for I/O: interruptible sleep
        QCOMPARE(a->look, ProcessLook::Waiting);
        QCOMPARE(a->cpuTime, 4 * kMillisecond);
        QCOMPARE(a->cpuPercent, 80.0);  // 4 ms of CPU in 5 ms alive
        QCOMPARE(b->stat, std::string("R"));
        QCOMPARE(b->look, ProcessLook::Running);
        QCOMPARE(b->cpuPercent, 100.0);
        QCOMPARE(c->stat, std::string("R"));
        QCOMPARE(c->look, ProcessLook::Running);
        QCOMPARE(c->cpuTime, 1 * kMillisecond);
        QCOMPARE(c->cpuPercent, 25.0);  // created at 1, ran 4..5
        QCOMPARE(a->user, std::string("student"));
    }

    void readyProcessIsReady() {
        const auto rows = psRows(m_c.trace(), m_c.index(), at(2 * kMillisecond));
        const PsRow* c = rowFor(rows, "C");
        QVERIFY(c);
        QCOMPARE(c->look, ProcessLook::Ready);
        QCOMPARE(c->stat, std::string("R"));  // ps shows R for ready and running
        QCOMPARE(c->cpuTime, core::SimTime{0});
    }

    void exitedProcessIsGone() {
        // C exits at 7 and the shell reaps it at once; A is still waiting.
        const auto rows = psRows(m_c.trace(), m_c.index(), at(8 * kMillisecond));
        QCOMPARE(rows.size(), std::size_t{3});
        QVERIFY(!rowFor(rows, "C"));
        QCOMPARE(rowFor(rows, "A")->stat, std::string("S"));
    }

    void coreLanesAtFive() {
        const auto s = at(5 * kMillisecond);
        QCOMPARE(s.cores.size(), std::size_t{2});
        QCOMPARE(s.cores[0].activity, core::TraceState::Core::Activity::Running);
        QCOMPARE(m_c.trace().threads()[s.cores[0].thread].name, std::string("C"));
        QCOMPARE(m_c.trace().threads()[s.cores[1].thread].name, std::string("B"));
        QCOMPARE(at(8 * kMillisecond).cores[0].activity, core::TraceState::Core::Activity::Idle);
    }

    void tokensAtFive() {
        const auto tokens = stateTokens(m_c.trace(), m_c.index(), at(5 * kMillisecond));
        QCOMPARE(tokens.size(), std::size_t{3});
        const auto& threads = m_c.trace().threads();
        for (const auto& t : tokens) {
            const std::string& name = threads[t.thread].name;
            if (name == "A") {
                QCOMPARE(test::str(t.state), test::str(ThreadState::Waiting));
                QCOMPARE(test::str(t.reason), test::str(core::WaitReason::Io));
                QCOMPARE(test::str(t.from), test::str(ThreadState::Running));
                QCOMPARE(test::str(t.cause), test::str(core::Cause::Block));
                QCOMPARE(t.transition, Transition::Wait);
                QCOMPARE(t.changedAt, 4 * kMillisecond);
            } else if (name == "B") {
                QCOMPARE(test::str(t.state), test::str(ThreadState::Running));
                QCOMPARE(t.transition, Transition::Dispatch);
                QCOMPARE(t.changedAt, core::SimTime{0});
            } else {
                QCOMPARE(name, std::string("C"));
                QCOMPARE(test::str(t.state), test::str(ThreadState::Running));
                QCOMPARE(test::str(t.from), test::str(ThreadState::Ready));
                QCOMPARE(t.transition, Transition::Dispatch);
                QCOMPARE(t.changedAt, 4 * kMillisecond);
            }
        }
        // At 10.5 A has been woken and dispatched; at 12.5 it is Terminated via exit.
        const auto later = stateTokens(m_c.trace(), m_c.index(), at(12 * kMillisecond + 500000));
        QCOMPARE(test::str(later[0].state), test::str(ThreadState::Terminated));
        QCOMPARE(later[0].transition, Transition::Exit);
        QCOMPARE(test::str(later[0].cause), test::str(core::Cause::Exit));
    }

    void transitionsMapToArrows() {
        QCOMPARE(transitionFor(ThreadState::New, ThreadState::Ready), Transition::Admit);
        QCOMPARE(transitionFor(ThreadState::Ready, ThreadState::Running), Transition::Dispatch);
        QCOMPARE(transitionFor(ThreadState::Running, ThreadState::Ready), Transition::Timeout);
        QCOMPARE(transitionFor(ThreadState::Running, ThreadState::Waiting), Transition::Wait);
        QCOMPARE(transitionFor(ThreadState::Waiting, ThreadState::Ready), Transition::Wake);
        QCOMPARE(transitionFor(ThreadState::Running, ThreadState::Terminated), Transition::Exit);
        QCOMPARE(transitionFor(ThreadState::Ready, ThreadState::Ready), Transition::None);
    }

    void figuresAtTheEndEqualComputeStats() {
        const RunFigures f = runFigures(m_c.trace(), m_c.index(), m_c.endTime());
        const core::RunStats s = core::computeStats(*m_c.machine());
        QCOMPARE(f.processes.size(), s.processes.size());
        for (std::size_t i = 0; i < f.processes.size(); ++i) {
            QCOMPARE(f.processes[i].name, s.processes[i].name);
            QCOMPARE(f.processes[i].waiting, s.processes[i].waiting);
            QCOMPARE(f.processes[i].turnaround, s.processes[i].turnaround);
            QCOMPARE(f.processes[i].response, s.processes[i].response);
            QCOMPARE(f.processes[i].cpu, s.processes[i].cpu);
        }
        QCOMPARE(f.averageWaiting, s.averageWaiting);
        QCOMPARE(f.averageTurnaround, s.averageTurnaround);
        QCOMPARE(f.finished, 3);
    }

    void figuresMidRun() {
        // At 5 ms: C has waited 3 ms (1..4), nobody has finished.
        const RunFigures f = runFigures(m_c.trace(), m_c.index(), 5 * kMillisecond);
        QCOMPARE(f.processes.size(), std::size_t{3});
        QCOMPARE(f.processes[2].waiting, 3 * kMillisecond);
        QCOMPARE(f.processes[2].response, 3 * kMillisecond);
        QCOMPARE(f.processes[2].turnaround, core::SimTime{-1});
        QCOMPARE(f.finished, 0);
        QCOMPARE(f.averageWaiting, 1.0 * kMillisecond);
    }

    void textbookFcfsAverages() {
        SimulationController c;
        QString error;
        QVERIFY2(c.openFile(kFcfs, &error), qPrintable(error));
        c.runToCompletion();
        const RunFigures f = runFigures(c.trace(), c.index(), c.endTime());
        // Silberschatz: waiting 0, 24, 27 -> 17; turnaround 24, 27, 30 -> 27.
        QCOMPARE(f.averageWaiting, 17.0 * kMillisecond);
        QCOMPARE(f.averageTurnaround, 27.0 * kMillisecond);
    }

    void utilizationPerCore() {
        // 13 bins of 1 ms: CPU 0 busy 0..7 and 10..12, CPU 1 busy throughout.
        const auto u0 = coreUtilization(m_c.trace(), 0, 0, 13 * kMillisecond, 13);
        const auto u1 = coreUtilization(m_c.trace(), 1, 0, 13 * kMillisecond, 13);
        const std::vector<double> expected0 = {1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0};
        for (std::size_t i = 0; i < 13; ++i) {
            QCOMPARE(u0[i], expected0[i]);
            QCOMPARE(u1[i], 1.0);
        }
        // Half bins: one bin of 2 ms across the 7 ms end of C's run: 6..8 is half busy.
        const auto half = coreUtilization(m_c.trace(), 0, 6 * kMillisecond, 8 * kMillisecond, 1);
        QCOMPARE(half[0], 0.5);
    }

    void pstreeLayout() {
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
        QCOMPARE(nodes.size(), std::size_t{5});
        auto node = [&](int pid) {
            for (const auto& n : nodes)
                if (rows[static_cast<std::size_t>(n.row)].pid == pid) return n;
            return TreeNode{};
        };
        QCOMPARE(node(1000).depth, 0);
        QCOMPARE(node(1000).line, 0);
        QCOMPARE(node(1001).line, 0);  // first child on its parent's line
        QCOMPARE(node(1003).depth, 2);
        QCOMPARE(node(1003).line, 0);
        QCOMPARE(node(1004).line, 1);
        QCOMPARE(node(1002).line, 2);
        QCOMPARE(node(1002).depth, 1);
        QCOMPARE(
            rows[static_cast<std::size_t>(nodes[static_cast<std::size_t>(node(1004).parent)].row)]
                .pid,
            1001);
    }
};

QTEST_MAIN(ModelsTest)
#include "tst_models.moc"
