// Each view at given cursor times for a known workload: what it would draw.
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QTableWidget>
#include <QValueAxis>
#include <QtTest>

#include "tests/ui/test_support.h"

#include "ui/charts/stats_view.h"
#include "ui/export/image_export.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"
#include "ui/views/console_view.h"
#include "ui/views/process_tree_view.h"
#include "ui/views/process_view.h"
#include "ui/views/ps_table_model.h"
#include "ui/views/settings_panel.h"
#include "ui/views/states_view.h"
#include "ui/views/workload_editor.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;
using core::ThreadState;

namespace {
const QString kIoTwoCores = QStringLiteral(TASKSCOPE_UI_TEST_DATA "/io_two_cores.json");

// The whole run at 2x, in the format the suffix names, as slides want it.
bool exportWholeRun(const SimulationController& c, const Theme& theme, const QString& path,
                    QString* error) {
    ExportOptions o;
    o.path = path;
    o.format = exportFormatForSuffix(QFileInfo(path).suffix()).value_or(ExportOptions::Format::Png);
    o.range = ExportOptions::Range::Whole;
    o.scale = 2.0;
    o.width = 800;
    o.title = c.title().toStdString();
    return exportTimeline(c, theme, o, error);
}
}  // namespace

class ViewsTest : public QObject {
    Q_OBJECT
private slots:
    void timelineSpansShowWhoRuns() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        TimelineView view(&c, &theme);
        view.resize(view.labelWidth() + 400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // 1 px = 0.1 ms from 0.
        view.setScale(TimeScale{0, 1e5});
        QCOMPARE(view.scale().nsPerPixel, 1e5);
        const auto& rows = view.rows();
        QCOMPARE(rows[1].kind, TimelineRow::Kind::Core);
        // CPU 0: A 0..4 ms, C 4..7 ms, idle, A 10..12 ms -> spans 0-40, 40-70, 100-120.
        const auto core0 = view.spansForRow(1);
        QCOMPARE(core0.size(), std::size_t{3});
        QCOMPARE(core0[0].x0, 0);
        QCOMPARE(core0[0].x1, 40);
        QCOMPARE(c.trace().body(core0[0].record).subject, 0u);  // A
        QCOMPARE(core0[1].x0, 40);
        QCOMPARE(core0[1].x1, 70);
        QCOMPARE(c.trace().body(core0[1].record).subject, 2u);  // C
        QCOMPARE(core0[2].x0, 100);
        QCOMPARE(core0[2].x1, 120);
        // A's own lane: running, waiting (I/O), running; different colours.
        int aRow = -1;
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].kind == TimelineRow::Kind::Thread && rows[i].index == 0)
                aRow = static_cast<int>(i);
        QVERIFY(aRow > 0);
        const auto a = view.spansForRow(aRow);
        QCOMPARE(a.size(), std::size_t{3});
        QCOMPARE(a[1].x0, 40);
        QCOMPARE(a[1].x1, 100);
        QVERIFY(a[0].colour != a[1].colour);
        QCOMPARE(a[0].colour, a[2].colour);
        // The tooltip over A's I/O wait.
        const QRect d = view.dataRect();
        const int y = d.top() + rows[static_cast<std::size_t>(aRow)].y + 5;
        const QString tip = view.toolTipAt(QPoint(d.left() + 60, y));
        QVERIFY2(tip.contains(QStringLiteral("Waiting (I/O)")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("from 4 ms for 6 ms")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("block")), qPrintable(tip));
        const QString coreTip = view.toolTipAt(QPoint(d.left() + 50, d.top() + rows[1].y + 5));
        QVERIFY2(coreTip.contains(QStringLiteral("runs <b>C</b>")), qPrintable(coreTip));
        // Clicking seeks.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(d.left() + 55, d.top() + 30));
        QCOMPARE(c.cursor(), core::SimTime{5500000});
        // Ctrl+wheel zooms around the pointer.
        const core::SimTime under = view.timeAtX(d.left() + 50);
        view.zoomBy(8.0, 50);
        QCOMPARE(view.scale().nsPerPixel, 12500.0);
        QCOMPARE(view.timeAtX(d.left() + 50), under);
        // Export writes an image of the whole run, whatever the view shows.
        QTemporaryDir dir;
        QString error;
        QVERIFY2(exportWholeRun(c, theme, dir.filePath("t.png"), &error), qPrintable(error));
        QVERIFY(QImage(dir.filePath("t.png")).width() >= 800);
        QVERIFY(exportWholeRun(c, theme, dir.filePath("t.svg"), &error));
        QFile svg(dir.filePath("t.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
    }

    void gilLaneShowsTheHolder() {
        // Seed 001: two CPU-bound threads of one process share its GIL, 5 ms each in turn.
        SimulationController c;
        Theme theme;
        QString error;
        QVERIFY2(
            c.openFile(QStringLiteral(TASKSCOPE_UI_TEST_DATA
                                      "/../../../resources/workloads/gil_two_cpu_threads.json"),
                       &error),
            qPrintable(error));
        QVERIFY(c.index().hasGil());
        TimelineView view(&c, &theme);
        view.resize(view.labelWidth() + 1000, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setScale(TimeScale{0, 1e5});  // 0.1 ms per pixel: 0..100 ms in 1000 px
        int gilRow = -1;
        for (std::size_t i = 0; i < view.rows().size(); ++i)
            if (view.rows()[i].kind == TimelineRow::Kind::Gil) gilRow = static_cast<int>(i);
        QVERIFY(gilRow > 0);
        const auto spans = view.spansForRow(gilRow);
        QVERIFY(spans.size() >= 10);
        // Alternating holders: neighbours differ in colour, and the lane has no gaps.
        for (std::size_t i = 1; i < spans.size(); ++i) {
            QVERIFY(spans[i].colour != spans[i - 1].colour);
            QCOMPARE(spans[i].x0, spans[i - 1].x1);
        }
        const QRect d = view.dataRect();
        const QString tip =
            view.toolTipAt(QPoint(d.left() + spans[0].x0 + 2,
                                  d.top() + view.rows()[static_cast<std::size_t>(gilRow)].y + 5));
        QVERIFY2(tip.startsWith(QStringLiteral("GIL held by")), qPrintable(tip));
    }

    void statesViewPlacesTokens() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        StatesView view(&c, &theme);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(5 * kMillisecond);
        QCOMPARE(view.tokens().size(), std::size_t{3});
        // A (thread 0) rests inside Waiting; B and C inside Running.
        QVERIFY(view.stateBox(ThreadState::Waiting).contains(view.tokenRestingPoint(0)));
        QVERIFY(view.stateBox(ThreadState::Running).contains(view.tokenRestingPoint(1)));
        QVERIFY(view.stateBox(ThreadState::Running).contains(view.tokenRestingPoint(2)));
        QVERIFY(view.tokenRestingPoint(1) != view.tokenRestingPoint(2));
        // Step to 7 ms: C exits, so its token travels along the exit arrow into Terminated.
        c.seek(7 * kMillisecond);
        QVERIFY(view.animating());
        QVERIFY(view.stateBox(ThreadState::Terminated).contains(view.tokenRestingPoint(2)));
        const QPainterPath exit = view.arrowPath(core::Transition::Exit);
        QVERIFY(view.stateBox(ThreadState::Running)
                    .adjusted(-2, -2, 2, 2)
                    .contains(exit.pointAtPercent(0)));
        QVERIFY(view.stateBox(ThreadState::Terminated)
                    .adjusted(-2, -2, 2, 2)
                    .contains(exit.pointAtPercent(1)));
        QTRY_VERIFY_WITH_TIMEOUT(!view.animating(), 2000);
        // Back to 2 ms: C is Ready again (from New via admit).
        c.seek(2 * kMillisecond);
        QVERIFY(view.stateBox(ThreadState::Ready).contains(view.tokenRestingPoint(2)));
    }

    void processViewFollowsTheCursor() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        ProcessView view(&c, &theme);
        view.resize(500, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(5 * kMillisecond);
        PsTableModel* m = view.table();
        QCOMPARE(m->rowCount(), 4);
        QCOMPARE(m->headerData(PsTableModel::Stat, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("STAT"));
        QCOMPARE(m->data(m->index(1, PsTableModel::Pid), Qt::DisplayRole).toInt(), 1001);
        QCOMPARE(m->data(m->index(1, PsTableModel::Stat), Qt::DisplayRole).toString(),
                 QStringLiteral("S"));
        QCOMPARE(m->data(m->index(1, PsTableModel::Cpu), Qt::DisplayRole).toString(),
                 QStringLiteral("80.0"));
        QCOMPARE(m->data(m->index(1, PsTableModel::Time), Qt::DisplayRole).toString(),
                 QStringLiteral("0:00.004"));
        QCOMPARE(m->data(m->index(3, PsTableModel::Command), Qt::DisplayRole).toString(),
                 QStringLiteral("C"));
        // The tree: bash with A, B, C as children, C's box right of bash's.
        ProcessTreeView* tree = view.tree();
        QCOMPARE(tree->nodes().size(), std::size_t{4});
        QVERIFY(tree->nodeRect(1003).left() > tree->nodeRect(1000).right());
        // After C exits and is reaped, it is gone from both.
        c.seek(8 * kMillisecond);
        QCOMPARE(m->rowCount(), 3);
        QVERIFY(tree->nodeRect(1003).isNull());
    }

    void consoleListsEventsUpToTheCursor() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        ConsoleView view(&c, &theme);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(0);
        QCOMPARE(view.lineCount(), 2);  // A and B started
        c.seek(7 * kMillisecond);
        // + C started (1 ms), C exited and reaped (7 ms).
        QCOMPARE(view.lineCount(), 5);
        QVERIFY2(view.plainText().contains(QStringLiteral("C (1003) exited with code 0")),
                 qPrintable(view.plainText()));
        QCOMPARE(view.lineTime(0), core::SimTime{0});
        QCOMPARE(view.lineTime(2), 1 * kMillisecond);
        QCOMPARE(view.lineTime(4), 7 * kMillisecond);
        QCOMPARE(view.lineTime(5), core::SimTime{-1});
        c.seek(1 * kMillisecond);  // back: rebuilt
        QCOMPARE(view.lineCount(), 3);
        QVERIFY(!view.plainText().contains(QStringLiteral("exited")));
        view.setShowEvents(false);  // workloads print nothing
        QCOMPARE(view.lineCount(), 0);
    }

    void statsViewShowsFiguresAtTheCursor() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        StatsView view(&c, &theme);
        view.resize(500, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(c.endTime());
        QCOMPARE(view.figures().finished, 3);
        QCOMPARE(view.figures().averageWaiting, 1.0 * kMillisecond);
        QVERIFY2(view.summaryText().contains(QStringLiteral("average waiting 1 ms")),
                 qPrintable(view.summaryText()));
        QCOMPARE(view.utilization().size(), std::size_t{2});
        QCOMPARE(view.utilization()[1].front(), 1.0);
        // Round ticks with units on both charts (no "79.5907 ms", "1.62e+03", "0.367").
        auto valueAxis = [&](const char* chart, Qt::Orientation o) -> QValueAxis* {
            auto* v = view.findChild<QChartView*>(QLatin1String(chart));
            return v ? qobject_cast<QValueAxis*>(v->chart()->axes(o).value(0)) : nullptr;
        };
        QValueAxis* time = valueAxis("utilizationChart", Qt::Horizontal);
        QVERIFY(time);
        QCOMPARE(time->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(time->tickAnchor(), 0.0);
        QCOMPARE(time->tickInterval(), 5.0);  // the run ends at 13 ms: 0, 5, 10 ms
        QCOMPARE(time->max(), 13.0);
        QCOMPARE(time->labelFormat(), QStringLiteral("%.0f ms"));
        QValueAxis* bars = valueAxis("waitingChart", Qt::Vertical);
        QVERIFY(bars);
        QCOMPARE(bars->tickInterval(), 5.0);  // turnarounds up to 13 ms: 0, 5, 10, 15
        QCOMPARE(bars->max(), 15.0);
        QCOMPARE(bars->labelFormat(), QStringLiteral("%.0f ms"));
        QVERIFY2(!view.summaryText().contains(QStringLiteral("e-")),
                 qPrintable(view.summaryText()));
        // A workload keeps the textbook bars; no GIL or phase chart.
        QCOMPARE(view.findChild<QChartView*>(QStringLiteral("waitingChart"))->chart()->title(),
                 QStringLiteral("Waiting and turnaround per process"));
        QVERIFY(view.findChild<QChartView*>(QStringLiteral("gilWaitChart"))->isHidden());
        QVERIFY(view.findChild<QChartView*>(QStringLiteral("phasesChart"))->isHidden());
    }

    void settingsPanelRerunsWithNewSettings() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        SettingsPanel panel(&c);
        QCOMPARE(panel.coresBox()->value(), 2);
        QCOMPARE(panel.policyBox()->currentData().toInt(),
                 static_cast<int>(core::PolicyKind::Fcfs));
        c.seek(5 * kMillisecond);
        panel.coresBox()->setValue(1);
        panel.applyNow();
        QCOMPARE(c.settings().cores, 1);
        QCOMPARE(c.trace().coreCount(), 1);
        QCOMPARE(c.cursor(), 5 * kMillisecond);
        // Round robin with a 2 ms slice: P changes every 2 ms on the single core.
        panel.policyBox()->setCurrentIndex(
            panel.policyBox()->findData(static_cast<int>(core::PolicyKind::RoundRobin)));
        panel.quantumBox()->setValue(2);
        panel.applyNow();
        QCOMPARE(c.settings().policy.kind, core::PolicyKind::RoundRobin);
        QCOMPARE(c.settings().policy.quantum, 2 * kMillisecond);
    }

    void settingsWithNoEffectAreDisabledWithAReason() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        SettingsPanel panel(&c);
        // FCFS has no time slice: the box is greyed out and says why.
        QVERIFY(!panel.quantumBox()->isEnabled());
        QVERIFY2(panel.quantumBox()->toolTip().contains(QStringLiteral("only round robin")),
                 qPrintable(panel.quantumBox()->toolTip()));
        panel.policyBox()->setCurrentIndex(
            panel.policyBox()->findData(static_cast<int>(core::PolicyKind::RoundRobin)));
        QVERIFY(panel.quantumBox()->isEnabled());
        // Without the GIL the switch interval does nothing either.
        panel.gilBox()->setChecked(false);
        QVERIFY(!panel.switchIntervalBox()->isEnabled());
        QVERIFY2(panel.switchIntervalBox()->toolTip().contains(QStringLiteral("without the GIL")),
                 qPrintable(panel.switchIntervalBox()->toolTip()));
    }

    void workloadEditorBuildsAndRuns() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        WorkloadEditor editor(&c);
        QTableWidget* t = editor.table();
        QCOMPARE(t->rowCount(), 3);
        QCOMPARE(t->item(0, 2)->text(), QStringLiteral("4 6 2"));
        editor.addRow();
        QCOMPARE(t->rowCount(), 4);
        t->item(3, 0)->setText(QStringLiteral("D"));
        t->item(3, 1)->setText(QStringLiteral("2"));
        t->item(3, 2)->setText(QStringLiteral("1"));
        QVERIFY(editor.run());
        QCOMPARE(c.workload()->processes.size(), std::size_t{4});
        QCOMPARE(c.workload()->processes[3].arrival, 2 * kMillisecond);
        QCOMPARE(c.settings().cores, 2);  // the run settings are kept
        // A wrong cell is reported with its row and nothing runs.
        t->item(1, 2)->setText(QStringLiteral("5 2"));
        const quint64 revision = c.revision();
        QVERIFY(!editor.run());
        QVERIFY2(editor.message().contains(QStringLiteral("row 2")), qPrintable(editor.message()));
        QCOMPARE(c.revision(), revision);
        t->selectRow(1);
        editor.removeSelectedRows();
        QCOMPARE(t->rowCount(), 3);
    }
};

QTEST_MAIN(ViewsTest)
#include "tst_views.moc"
