// The views of kernel objects and their analysis, at given times of the scripted lessons:
// the sync objects view, the wait-for graph with the Coffman conditions, the run events
// list, pause conditions (breakpoints) and the timeline's sync glyphs.
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "tests/ui/test_support.h"

#include "core/analysis/sync_object_rows.h"
#include "core/analysis/wait_for_graph.h"
#include "core/sync/kernel_object.h"
#include "ui/model/run_events.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"
#include "ui/views/breakpoints_view.h"
#include "ui/views/run_events_view.h"
#include "ui/views/sync_objects_view.h"
#include "ui/views/wait_for_graph_view.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;
using core::ObjectKind;
using core::ThreadState;
using test::str;

namespace {
QString workload(const char* name) {
    return QStringLiteral(TASKSCOPE_UI_TEST_DATA "/../../../resources/workloads/") +
           QLatin1String(name);
}
std::uint32_t threadNamed(const SimulationController& c, const char* name) {
    const auto& threads = c.trace().threads();
    for (std::uint32_t i = 0; i < threads.size(); ++i)
        if (threads[i].name == name) return i;
    return core::kNone;
}
}  // namespace

class SyncViewsTest : public QObject {
    Q_OBJECT
private slots:
    void syncObjectsShowTheBoundedQueue() {
        SimulationController c;
        Theme theme;
        QString error;
        QVERIFY2(c.openFile(workload("producer_consumer.json"), &error), qPrintable(error));
        c.runToCompletion();
        SyncObjectsView view(&c, &theme);
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const std::uint32_t producer = threadNamed(c, "producer");
        const std::uint32_t consumer = threadNamed(c, "consumer");
        QVERIFY(producer != core::kNone && consumer != core::kNone);

        // At 0 the consumer waits on the empty queue.
        c.seek(0);
        QCOMPARE(view.rows().size(), std::size_t{1});
        core::SyncObjectRow q = view.rows()[0];
        QCOMPARE(QString::fromStdString(q.name), QStringLiteral("q"));
        QVERIFY(q.kind == ObjectKind::Queue);
        QCOMPARE(q.capacity, 3);
        QCOMPARE(q.value, 0);
        QCOMPARE(q.waiters, std::vector<std::uint32_t>{consumer});

        // The producer outruns the consumer: at 6 ms its fourth put finds three items and
        // blocks; a get at 7 ms lets it through, and at 8 ms it blocks again.
        c.seek(9 * kMillisecond);
        q = view.rows()[0];
        QCOMPARE(q.value, 3);
        QCOMPARE(q.highWater, 3);
        QCOMPARE(q.waiters, std::vector<std::uint32_t>{producer});
        QCOMPARE(str(c.state().threads[producer].state), str(ThreadState::Waiting));
        QCOMPARE(QString::fromStdString(q.summary),
                 QStringLiteral("3 of 3 items, high-water 3, 1 waiting"));

        c.seek(7 * kMillisecond);
        QVERIFY(view.rows()[0].waiters.empty());
        QCOMPARE(view.rows()[0].value, 3);

        // Back in time: the view follows the cursor backwards.
        c.seek(2 * kMillisecond);
        q = view.rows()[0];
        QCOMPARE(q.value, 1);
        QCOMPARE(q.highWater, 1);
        QVERIFY(q.waiters.empty());

        // At the end the queue is drained and nobody waits.
        c.seek(c.endTime());
        q = view.rows()[0];
        QCOMPARE(q.value, 0);
        QCOMPARE(q.highWater, 3);
        QVERIFY(q.waiters.empty());
    }

    // A variable reused for a second queue gives two cards that say which is which, and a
    // waiter in a child process says which process it is in.
    void syncCardsAreDistinctAndNameTheWaitersProcess() {
        SimulationController c;
        Theme theme;
        QString error;
        const QString program = QStringLiteral(
            "from multiprocessing import Process, Queue\n"
            "import time\n"
            "def worker(q):\n"
            "    q.get()\n"
            "if __name__ == '__main__':\n"
            "    q = Queue()\n"
            "    q.put(1)\n"
            "    q.get()\n"
            "    q = Queue()\n"
            "    p = Process(target=worker, args=(q,), name='reader')\n"
            "    p.start()\n"
            "    time.sleep(0.1)\n"
            "    q.put(2)\n"
            "    p.join()\n");
        QVERIFY2(c.openPythonText(program, QStringLiteral("q2.py"), QString(), &error),
                 qPrintable(error));
        c.runToCompletion();
        SyncObjectsView view(&c, &theme);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(50 * kMillisecond);  // the child waits in q.get() on the second queue
        view.refresh();
        QStringList titles;
        int second = -1;
        for (std::size_t i = 0; i < view.rows().size(); ++i) {
            titles << view.cardTitle(i);
            if (view.rows()[i].kind == ObjectKind::Queue && !view.rows()[i].waiters.empty())
                second = static_cast<int>(i);
        }
        QVERIFY2(titles.contains(QStringLiteral("Queue q #1")), qPrintable(titles.join(',')));
        QVERIFY2(titles.contains(QStringLiteral("Queue q #2")), qPrintable(titles.join(',')));
        QVERIFY(second >= 0);
        QCOMPARE(view.cardTitle(static_cast<std::size_t>(second)), QStringLiteral("Queue q #2"));
        const std::uint32_t waiter = view.rows()[static_cast<std::size_t>(second)].waiters.front();
        const QString chip = view.threadChipLabel(waiter);
        QVERIFY2(chip.startsWith(QStringLiteral("MainThread (reader, pid 100")), qPrintable(chip));
    }

    void waitForGraphShowsTheDeadlockCycle() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(workload("deadlock_two_locks.json"), nullptr));
        c.runToCompletion();
        WaitForGraphView view(&c, &theme);
        view.resize(500, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(1 * kMillisecond);
        const core::WaitForGraph& g = view.graph();
        QVERIFY(g.deadlocked);
        const std::uint32_t t1 = threadNamed(c, "T1"), t2 = threadNamed(c, "T2");
        const int n1 = g.findThread(t1), n2 = g.findThread(t2);
        const int a = g.findObject(0), b = g.findObject(1);  // locks A and B
        QVERIFY(n1 >= 0 && n2 >= 0 && a >= 0 && b >= 0);
        QCOMPARE(g.nodes.size(), std::size_t{4});
        QCOMPARE(QString::fromStdString(g.nodes[static_cast<std::size_t>(a)].label),
                 QStringLiteral("Lock A"));
        QCOMPARE(g.edges.size(), std::size_t{4});
        using K = core::WaitForGraph::Edge::Kind;
        QVERIFY(g.hasEdge(K::WaitsFor, n1, b));  // T1 holds A, waits for B
        QVERIFY(g.hasEdge(K::HeldBy, b, n2));
        QVERIFY(g.hasEdge(K::WaitsFor, n2, a));
        QVERIFY(g.hasEdge(K::HeldBy, a, n1));
        QCOMPARE(g.cycle.size(), std::size_t{4});
        for (const auto& e : g.edges) QVERIFY(e.inCycle);
        QCOMPARE(g.conditions.size(), std::size_t{4});
        for (const auto& cond : g.conditions) QVERIFY2(cond.holds, cond.name.c_str());
        QCOMPARE(QString::fromStdString(g.conditions[1].evidence),
                 QStringLiteral("T1 holds A and waits for B; T2 holds B and waits for A"));
        QVERIFY(view.conditionsLabel()->text().contains(QStringLiteral("Circular wait")));
        // Nodes are laid out apart from each other.
        QVERIFY(view.nodePosition(n1) != view.nodePosition(n2));

        // Just before: each holds one lock, nobody waits yet; only two conditions hold.
        c.seek(1 * kMillisecond - 1);
        const core::WaitForGraph& before = view.graph();
        QVERIFY(!before.deadlocked);
        QVERIFY(before.cycle.empty());
        QCOMPARE(before.edges.size(), std::size_t{2});  // two "held by"
        QVERIFY(before.conditions[0].holds);            // mutual exclusion
        QVERIFY(!before.conditions[1].holds);           // hold and wait
        QVERIFY(!before.conditions[3].holds);           // circular wait
    }

    void runEventsListLostUpdatesAndSeeks() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(workload("race_counter.json"), nullptr));
        c.runToCompletion();
        RunEventsView view(&c, &theme);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto& events = view.events();
        int lost = 0, spawn = 0, exit = 0;
        core::SimTime firstLost = -1;
        for (const auto& e : events) {
            if (e.kind == RunEvent::Kind::LostUpdate) {
                if (firstLost < 0) firstLost = e.time;
                ++lost;
            }
            spawn += e.kind == RunEvent::Kind::Spawn;
            exit += e.kind == RunEvent::Kind::Exit;
        }
        QCOMPARE(lost, 5);
        QCOMPARE(spawn, 2);
        QCOMPARE(exit, 2);
        QCOMPARE(view.list()->topLevelItemCount(), static_cast<int>(events.size()));
        // Events are in time order, and clicking one seeks to it.
        for (std::size_t i = 1; i < events.size(); ++i)
            QVERIFY(events[i - 1].time <= events[i].time);
        int row = -1;
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events[i].kind == RunEvent::Kind::LostUpdate) {
                row = static_cast<int>(i);
                break;
            }
        QVERIFY(QString::fromStdString(events[static_cast<std::size_t>(row)].text)
                    .startsWith(QStringLiteral("lost update on Value counter")));
        view.activate(row);
        QCOMPARE(c.cursor(), firstLost);
        QCOMPARE(view.list()->currentItem(), view.list()->topLevelItem(row));
    }

    void playStopsAtADeadlock() {
        SimulationController c;
        QVERIFY(c.openFile(workload("deadlock_two_locks.json"), nullptr));
        c.runToCompletion();
        BreakpointsView bp(&c);
        bp.deadlockBox()->setChecked(true);
        QVERIFY(c.pauseOnDeadlock());
        QSignalSpy paused(&c, &SimulationController::pausedAtBreak);
        c.setSpeed(0.01);  // 1 ms takes 100 ms of wall time
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(!c.playing(), 5000);
        QCOMPARE(c.cursor(), 1 * kMillisecond);
        QCOMPARE(paused.count(), 1);
        QCOMPARE(c.state().deadlocks, 1u);
        QVERIFY(c.lastPauseReason().startsWith(QStringLiteral("deadlock")));
    }

    void playStopsAtALostUpdateAndAStateWatch() {
        SimulationController c;
        QVERIFY(c.openFile(workload("race_counter.json"), nullptr));
        c.runToCompletion();
        c.setPauseOnLostUpdate(true);
        QString reason;
        const auto first = c.firstBreak(0, c.endTime(), &reason);
        QVERIFY(first.has_value());
        QVERIFY(reason.startsWith(QStringLiteral("lost update by")));
        c.setSpeed(SimulationController::kMaxSpeed);
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(!c.playing(), 5000);
        QCOMPARE(c.cursor(), *first);
        c.setPauseOnLostUpdate(false);

        // "When p2 becomes Terminated".
        SimulationController d;
        QVERIFY(d.openFile(workload("producer_consumer.json"), nullptr));
        d.runToCompletion();
        BreakpointsView bp(&d);
        const std::uint32_t producer = threadNamed(d, "producer");
        bp.threadBox()->setCurrentIndex(
            bp.threadBox()->findData(QVariant::fromValue<uint>(producer)));
        bp.stateBox()->setCurrentIndex(
            bp.stateBox()->findData(static_cast<int>(ThreadState::Waiting)));
        bp.addWatch();
        QCOMPARE(d.stateWatches().size(), std::size_t{1});
        d.seek(1 * kMillisecond);
        const auto at = d.firstBreak(d.cursor(), d.endTime(), &reason);
        QVERIFY(at.has_value());
        QCOMPARE(reason, QStringLiteral("producer became Waiting"));
        QCOMPARE(str(d.trace().stateAt(*at).threads[producer].state), str(ThreadState::Waiting));
        d.setSpeed(SimulationController::kMaxSpeed);
        d.play();
        QTRY_VERIFY_WITH_TIMEOUT(!d.playing(), 5000);
        QCOMPARE(d.cursor(), *at);
    }

    void timelineDrawsSyncGlyphs() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(workload("deadlock_two_locks.json"), nullptr));
        c.runToCompletion();
        // Each thread acquired one lock, and T2 (or T1) closed the cycle: two triangles, one cross.
        std::size_t marks = 0;
        for (std::uint32_t t = 0; t < c.trace().threads().size(); ++t)
            marks += c.index().syncMarks(t).size();
        QCOMPARE(marks, std::size_t{3});
        TimelineView view(&c, &theme);
        view.resize(view.labelWidth() + 500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitAll();
        view.grab();
        QCOMPARE(view.glyphsDrawn(), 3);
    }

    void timelineTooltipsNameTheSyncOperation() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(workload("producer_consumer.json"), nullptr));
        c.runToCompletion();
        TimelineView view(&c, &theme);
        view.resize(view.labelWidth() + 400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setScale(TimeScale{0, 1e5});  // 1 px = 0.1 ms
        const std::uint32_t producer = threadNamed(c, "producer");
        int row = -1;
        for (std::size_t i = 0; i < view.rows().size(); ++i)
            if (view.rows()[i].kind == TimelineRow::Kind::Thread &&
                view.rows()[i].index == producer)
                row = static_cast<int>(i);
        QVERIFY(row >= 0);
        const QRect d = view.dataRect();
        const int y = d.top() + view.rows()[static_cast<std::size_t>(row)].y + 3;
        // At 2 ms the producer puts its second item (one in the queue).
        QString tip = view.toolTipAt(QPoint(d.left() + 20, y));
        QVERIFY2(tip.contains(QStringLiteral("put an item into Queue q (now 1)")), qPrintable(tip));
        // At 6.3 ms it is blocked on the full queue (its put goes through at 7 ms).
        tip = view.toolTipAt(QPoint(d.left() + 63, y));
        QVERIFY2(tip.contains(QStringLiteral("for Queue q")), qPrintable(tip));
        QVERIFY2(!tip.contains(QStringLiteral("put an item")), qPrintable(tip));
    }
};

QTEST_MAIN(SyncViewsTest)
#include "tst_sync_views.moc"
