// Each view at given cursor times for a known workload: what it would draw.
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QTableWidget>
#include <QValueAxis>
#include <QtTest>

#include <array>
#include <cmath>

#include "tests/ui/test_support.h"

#include "ui/charts/stats_view.h"
#include "ui/export/image_export.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/legend_strip.h"
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
// CIELAB (D65) of an sRGB colour, optionally seen with a colour-vision deficiency
// (Machado, Oliveira & Fernandes 2009, severity 1, applied in linear RGB).
enum class Vision { Normal, Deutan, Protan };
std::array<double, 3> lab(const QColor& c, Vision v = Vision::Normal) {
    const auto lin = [](double x) {
        return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    double r = lin(c.redF()), g = lin(c.greenF()), b = lin(c.blueF());
    if (v != Vision::Normal) {
        static const double deutan[3][3] = {{0.367322, 0.860646, -0.227968},
                                            {0.280085, 0.672501, 0.047413},
                                            {-0.011820, 0.042940, 0.968881}};
        static const double protan[3][3] = {{0.152286, 1.052583, -0.204868},
                                            {0.114503, 0.786281, 0.099216},
                                            {-0.003882, -0.048116, 1.051998}};
        const auto& m = v == Vision::Deutan ? deutan : protan;
        const double in[3] = {r, g, b};
        double out[3];
        for (int i = 0; i < 3; ++i)
            out[i] = std::clamp(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2], 0.0, 1.0);
        r = out[0];
        g = out[1];
        b = out[2];
    }
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}
double deltaE(const QColor& a, const QColor& b, Vision v = Vision::Normal) {
    const auto p = lab(a, v), q = lab(b, v);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
}  // namespace

class ViewsTest : public QObject {
    Q_OBJECT
private slots:
    // The colour key under the timeline: every state, the wait reasons the issue lists,
    // context switches, the thread-coloured lanes and the marks, in the theme's colours.
    void legendNamesEveryColour() {
        Theme theme;
        LegendStrip legend(&theme);
        const QStringList labels = legend.labels();
        const QString all = labels.join(QStringLiteral(" | "));
        for (const char* s :
             {"New", "Ready", "Running", "Terminated", "context switch", "marker (taskscope.mark)",
              "lock acquired / released", "queue put / get", "deadlock, lost update"})
            QVERIFY2(labels.contains(QLatin1String(s)), qPrintable(all));
        for (const char* reason : {"sleep", "I/O", "lock", "queue", "join", "event", "GIL"})
            QVERIFY2(
                all.contains(QStringLiteral("Waiting: ")) && all.contains(QLatin1String(reason)),
                qPrintable(QLatin1String(reason) + QStringLiteral(" in ") + all));
        QVERIFY(all.contains(QStringLiteral("CPU and GIL lanes: the thread's own colour")));
        // Each swatch is the colour the lanes use; reasons that share one share an entry.
        const auto entryFor = [&](const QString& label) {
            for (const auto& e : legend.entries())
                if (e.label == label) return e;
            return LegendStrip::Entry{};
        };
        QCOMPARE(entryFor(QStringLiteral("Running")).colour,
                 theme.stateColour(ThreadState::Running, core::WaitReason::None));
        QCOMPARE(entryFor(QStringLiteral("Waiting: GIL")).colour,
                 theme.stateColour(ThreadState::Waiting, core::WaitReason::Gil));
        QCOMPARE(entryFor(QStringLiteral("Waiting: sleep")).colour,
                 theme.stateColour(ThreadState::Waiting, core::WaitReason::Sleep));
        QCOMPARE(entryFor(QStringLiteral("Waiting: lock, queue, event, condition")).colour,
                 theme.stateColour(ThreadState::Waiting, core::WaitReason::Queue));
        QCOMPARE(entryFor(QStringLiteral("context switch")).look,
                 LegendStrip::Entry::Look::Hatched);
        // The colour-blind palette recolours the key with it.
        theme.setColourBlindSafe(true);
        QCOMPARE(legend.entries().size(), std::size_t(labels.size()));
        QCOMPARE(entryFor(QStringLiteral("Running")).colour,
                 theme.stateColour(ThreadState::Running, core::WaitReason::None));
        QVERIFY(entryFor(QStringLiteral("Running")).colour != QColor(0x3aa346));
        // It wraps onto more lines when narrow.
        QVERIFY(legend.heightForWidth(300) > legend.heightForWidth(3000));
    }

    // Thread colours never reuse a state colour: each is far (CIELAB) from every state, wait
    // reason, context-switch, marker and cursor colour of both themes, and from the other
    // thread colours; the colour-blind palette likewise under simulated deuteranopia and
    // protanopia.
    void threadPaletteIsDisjointFromStateColours() {
        for (const bool colourBlind : {false, true}) {
            Theme theme;
            theme.setColourBlindSafe(colourBlind);
            std::vector<QColor> states;
            for (const Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
                theme.setMode(mode);
                for (int st = 0; st < core::kThreadStateCount; ++st)
                    for (int r = 0; r < core::kWaitReasonCount; ++r)
                        states.push_back(theme.stateColour(static_cast<ThreadState>(st),
                                                           static_cast<core::WaitReason>(r)));
                states.push_back(theme.switchColour());
                states.push_back(theme.marker());
                states.push_back(theme.cursor());
            }
            const int n = theme.threadPaletteSize();
            QCOMPARE(n, colourBlind ? 6 : 8);
            QCOMPARE(theme.threadColour(0), theme.threadColour(static_cast<std::uint32_t>(n)));
            const double minimum = colourBlind ? 17.0 : 30.0;
            std::vector<Vision> visions{Vision::Normal};
            if (colourBlind) visions = {Vision::Normal, Vision::Deutan, Vision::Protan};
            for (int i = 0; i < n; ++i) {
                const QColor t = theme.threadColour(static_cast<std::uint32_t>(i));
                for (const Vision v : visions) {
                    for (const QColor& s : states)
                        QVERIFY2(deltaE(t, s, v) >= minimum,
                                 qPrintable(QStringLiteral("thread %1 %2 vs state %3: %4")
                                                .arg(i)
                                                .arg(t.name(), s.name())
                                                .arg(deltaE(t, s, v))));
                    for (int j = 0; j < i; ++j)
                        QVERIFY2(deltaE(t, theme.threadColour(static_cast<std::uint32_t>(j)), v) >=
                                     minimum,
                                 qPrintable(QStringLiteral("threads %1 and %2").arg(i).arg(j)));
                }
            }
        }
        // The old palette (Tableau 10) would fail: its red is the GIL's, its green Running's.
        QVERIFY(deltaE(QColor(0x59a14f), QColor(0x3aa346)) < 30);
        // Labels on thread colours pick black or white for contrast.
        QCOMPARE(Theme::textOn(QColor(0x354e01)), QColor(Qt::white));
        QCOMPARE(Theme::textOn(QColor(0xa3de2c)), QColor(0x202124));
    }

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
        // Short names ("A") label their own tokens; the tooltip gives the full name.
        QCOMPARE(view.tokenLabel(0), QStringLiteral("A"));
        QVERIFY2(view.toolTipAt(view.tokenRestingPoint(2)).startsWith(QStringLiteral("<b>C (pid ")),
                 qPrintable(view.toolTipAt(view.tokenRestingPoint(2))));
        QVERIFY(view.toolTipAt(view.tokenRestingPoint(2)).contains(QStringLiteral("(C)")));
        QVERIFY(view.toolTipAt(QPointF(1, 1)).isEmpty());
    }

    // Long thread names ("MainThread", "Thread-1 (spin)") become T1, T2, ... on the tokens.
    void stateTokensHaveShortDistinctLabels() {
        SimulationController c;
        Theme theme;
        QString error;
        QVERIFY2(c.openFile(QStringLiteral(TASKSCOPE_SOURCE_DIR
                                           "/resources/lessons/001_gil_two_cpu_threads.py"),
                            &error),
                 qPrintable(error));
        c.runToCompletion();
        StatesView view(&c, &theme);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(c.endTime() * 3 / 4);  // both threads compute (after the serial run)
        QCOMPARE(view.tokens().size(), std::size_t{3});
        QStringList labels;
        for (const auto& t : view.tokens()) labels << view.tokenLabel(t.thread);
        QCOMPARE(labels,
                 (QStringList{QStringLiteral("T1"), QStringLiteral("T2"), QStringLiteral("T3")}));
        const QString tip = view.toolTipAt(view.tokenRestingPoint(1));
        QVERIFY2(
            tip.contains(QStringLiteral("Thread-1 (spin)")) && tip.contains(QStringLiteral("(T2)")),
            qPrintable(tip));
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

    // The pstree picture fits a narrow view: the grandchild of 003_process_tree is drawn
    // whole (indented under its parent), not cut to "Pro...".
    void processTreeFitsANarrowView() {
        SimulationController c;
        Theme theme;
        QString error;
        QVERIFY2(c.openFile(
                     QStringLiteral(TASKSCOPE_SOURCE_DIR "/resources/lessons/003_process_tree.py"),
                     &error),
                 qPrintable(error));
        c.runToCompletion();
        for (const int width : {300, 1200}) {
            ProcessView view(&c, &theme);
            view.resize(width, 500);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            c.seek(300 * kMillisecond);
            ProcessTreeView* tree = view.tree();
            QTRY_COMPARE(tree->nodes().size(),
                         std::size_t{5});  // bash, main, 2 children, 1 grandchild
            QCOMPARE(tree->indented(), width == 300);
            const QFontMetricsF fm(tree->font());
            for (const auto& row : tree->rows()) {
                const QRectF box = tree->nodeRect(row.pid);
                QVERIFY2(box.width() >= fm.horizontalAdvance(tree->boxText(row)) + 10,
                         qPrintable(tree->boxText(row)));
                QVERIFY2(box.right() <= tree->width(), qPrintable(tree->boxText(row)));
            }
            // No two boxes overlap, and the grandchild is under (or right of) its parent.
            for (const auto& a : tree->rows())
                for (const auto& b : tree->rows())
                    if (a.pid != b.pid)
                        QVERIFY(!tree->nodeRect(a.pid).intersects(tree->nodeRect(b.pid)));
            QVERIFY(tree->nodeRect(1004).left() > tree->nodeRect(1002).left());
            QVERIFY(tree->nodeRect(1004).top() >= tree->nodeRect(1002).top());
            // The scroll area shows the whole width at 300 px.
            QVERIFY(tree->minimumWidth() <= width);
        }
    }

    // ps shows a multi-threaded process with the main thread's letter (S: it waits in
    // join) and 'l'; the cell is coloured by what the process does: Running, like its box.
    void multiThreadedRunningProcessIsColouredRunning() {
        SimulationController c;
        Theme theme;
        QString error;
        QVERIFY2(c.openFile(QStringLiteral(TASKSCOPE_SOURCE_DIR
                                           "/resources/lessons/001_gil_two_cpu_threads.py"),
                            &error),
                 qPrintable(error));
        c.runToCompletion();
        ProcessView view(&c, &theme);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        c.seek(400 * kMillisecond);
        PsTableModel* m = view.table();
        QCOMPARE(m->data(m->index(1, PsTableModel::Stat), Qt::DisplayRole).toString(),
                 QStringLiteral("Sl"));
        QCOMPARE(m->data(m->index(1, PsTableModel::Stat), Qt::BackgroundRole).value<QColor>(),
                 theme.stateColour(ThreadState::Running, core::WaitReason::None));
        QCOMPARE(view.tree()->rows().at(1).look, core::ProcessLook::Running);
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
