// The main window: default lesson, docks and reset layout, shortcuts, settings persistence,
// bad files (error dialog naming file:line, no crash), command-line options.
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include "tests/ui/test_support.h"

#include "ui/app/main_window.h"
#include "ui/app/preferences.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"
#include "ui/views/breakpoints_view.h"
#include "ui/views/console_view.h"
#include "ui/views/gil_view.h"
#include "ui/views/lesson_browser.h"
#include "ui/views/lesson_view.h"
#include "ui/views/run_events_view.h"
#include "ui/views/sync_objects_view.h"
#include "ui/views/wait_for_graph_view.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;
using core::ThreadState;

namespace {
const QString kIoTwoCores = QStringLiteral(TASKSCOPE_UI_TEST_DATA "/io_two_cores.json");
const QString kBad = QStringLiteral(TASKSCOPE_UI_TEST_DATA "/bad_bursts.json");

// A dock is in front when it is the current tab of its group (or not tabbed and visible).
bool inFront(const QMainWindow& w, const QDockWidget* dock) {
    for (const QTabBar* bar : w.findChildren<QTabBar*>())
        for (int i = 0; i < bar->count(); ++i)
            if (bar->tabText(i) == dock->windowTitle()) return bar->currentIndex() == i;
    return dock->isVisible();
}
}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Preferences> prefs(const QString& name = QStringLiteral("t.ini")) {
        return std::make_shared<Preferences>(m_dir.filePath(name));
    }

private slots:
    void opensTheDefaultLesson() {
        MainWindow w(prefs(QStringLiteral("default.ini")));
        QVERIFY(w.openResource(MainWindow::defaultLesson()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SimulationController* c = w.controller();
        QVERIFY(c->runComplete());
        QCOMPARE(c->settings().cores, 2);
        QCOMPARE(c->settings().policy.kind, core::PolicyKind::RoundRobin);
        QCOMPARE(c->trace().processes().size(), std::size_t{5});
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("rr_classroom.json")));
        // Every view is a dock, all visible by default.
        const auto docks = w.findChildren<QDockWidget*>();
        QCOMPARE(docks.size(), 15);
        QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("timelineDock"))->isVisible());
        QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("statesDock"))->isVisible());
        QVERIFY(w.findChild<QDockWidget*>(QStringLiteral("processesDock"))->isVisible());
    }

    void shortcutsDriveTheController() {
        MainWindow w(prefs(QStringLiteral("keys.ini")));
        QVERIFY(w.openFile(kIoTwoCores));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        SimulationController* c = w.controller();
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(c->cursor(), 1 * kMillisecond);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(c->cursor(), 4 * kMillisecond);
        QVERIFY2(w.clockLabel()->text().contains(QStringLiteral("4.000 ms / 13 ms")),
                 qPrintable(w.clockLabel()->text()));
        QTest::keyClick(&w, Qt::Key_Left);
        QCOMPARE(c->cursor(), 1 * kMillisecond);
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(c->playing());
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(!c->playing());
        QTest::keyClick(&w, Qt::Key_Home);
        QCOMPARE(c->cursor(), core::SimTime{0});
    }

    // The Step menu offers what works: one scheduler event or one tick (no greyed-out
    // "one bytecode" entry).
    void stepMenuOffersOnlyWhatWorks() {
        MainWindow w(prefs(QStringLiteral("step.ini")));
        QStringList modes;
        for (QAction* a : w.findChildren<QAction*>()) {
            QVERIFY2(!a->text().contains(QStringLiteral("bytecode")), qPrintable(a->text()));
            if (a->isCheckable() && a->actionGroup() &&
                a->text().startsWith(QStringLiteral("One ")))
                modes << a->text();
        }
        modes.sort();
        QCOMPARE(modes, (QStringList{QStringLiteral("One scheduler event"),
                                     QStringLiteral("One time tick")}));
    }

    void speedSliderIsLogarithmic() {
        QCOMPARE(MainWindow::speedForSlider(0), 0.01);
        QCOMPARE(MainWindow::speedForSlider(1000), 1000.0);
        QCOMPARE(MainWindow::speedForSlider(400), 1.0);  // 10^(-2 + 0.4 * 5)
        QCOMPARE(MainWindow::sliderForSpeed(1.0), 400);
        QCOMPARE(MainWindow::sliderForSpeed(10.0), 600);
        MainWindow w(prefs(QStringLiteral("speed.ini")));
        w.speedSlider()->setValue(600);
        QCOMPARE(w.controller()->speed(), 10.0);
        w.controller()->setSpeed(0.1);
        QCOMPARE(w.speedSlider()->value(), 200);
    }

    void badFileShowsAnErrorNamingFileAndLine() {
        MainWindow w(prefs(QStringLiteral("bad.ini")));
        QVERIFY(w.openFile(kIoTwoCores));
        w.show();
        QVERIFY(!w.openFile(kBad));
        QVERIFY2(w.lastError().contains(QStringLiteral("bad_bursts.json:4:")),
                 qPrintable(w.lastError()));
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("errorDialog"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("bad_bursts.json:4:")));
        QVERIFY(box->isVisible());
        box->accept();
        // The previous program still runs.
        QCOMPARE(w.controller()->endTime(), 13 * kMillisecond);
        QVERIFY(!w.openFile(m_dir.filePath(QStringLiteral("nope.csv"))));
        QVERIFY(w.lastError().contains(QStringLiteral("cannot open")));
    }

    void preferencesPersist() {
        const QString file = QStringLiteral("persist.ini");
        QByteArray savedState;
        {
            MainWindow w(prefs(file));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(w.openFile(kIoTwoCores));
            w.findChild<QDockWidget*>(QStringLiteral("consoleDock"))->close();
            w.theme()->setMode(Theme::Mode::Dark);  // via the action below, as a user would
            for (QAction* a : w.findChildren<QAction*>())
                if (a->text() == QStringLiteral("&Dark theme")) a->setChecked(true);
            w.breakpoints()->deadlockBox()->setChecked(true);  // the Breakpoints dock
            w.resize(1111, 777);
            w.close();
        }
        auto p = prefs(file);
        QCOMPARE(p->recentFiles().value(0), QFileInfo(kIoTwoCores).absoluteFilePath());
        QVERIFY(p->darkTheme());
        QVERIFY(p->pauseOnDeadlock());
        QVERIFY(!p->pauseOnLostUpdate());
        QVERIFY(!p->windowState().isEmpty());
        MainWindow again(p);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.theme()->mode(), Theme::Mode::Dark);
        QVERIFY(again.controller()->pauseOnDeadlock());
        QVERIFY(again.breakpoints()->deadlockBox()->isChecked());
        QVERIFY(!again.findChild<QDockWidget*>(QStringLiteral("consoleDock"))->isVisible());
        QCOMPARE(again.size(), QSize(1111, 777));
        // Reset layout brings the closed dock back.
        again.resetLayout();
        QVERIFY(again.findChild<QDockWidget*>(QStringLiteral("consoleDock"))->isVisibleTo(&again));
    }

    void recentFilesAreBounded() {
        auto p = prefs(QStringLiteral("recent.ini"));
        for (int i = 0; i < 12; ++i) p->addRecentFile(QStringLiteral("/tmp/f%1.json").arg(i));
        p->addRecentFile(QStringLiteral("/tmp/f5.json"));
        const QStringList r = p->recentFiles();
        QCOMPARE(r.size(), Preferences::kMaxRecent);
        QCOMPARE(r.front(), QStringLiteral("/tmp/f5.json"));
        QCOMPARE(r.count(QStringLiteral("/tmp/f5.json")), 1);
    }

    void presenterModeEnlarges() {
        MainWindow w(prefs(QStringLiteral("presenter.ini")));
        w.show();
        const int lane = w.theme()->laneHeight();
        const qreal font = QApplication::font().pointSizeF();
        w.setPresenterMode(true);
        QVERIFY(w.theme()->presenter());
        QVERIFY(w.theme()->laneHeight() > lane);
        QVERIFY(QApplication::font().pointSizeF() > font * 1.5);
        w.setPresenterMode(false);
        QCOMPARE(QApplication::font().pointSizeF(), font);
        QCOMPARE(w.theme()->laneHeight(), lane);
    }

    // F11 toggles and Esc leaves presenter mode, and Ctrl+Q quits, with the menu bar hidden;
    // the toolbar has the toggle; closing while presenting saves the normal layout.
    void presenterKeysWorkWithTheMenuBarHidden() {
        const QString file = QStringLiteral("presenter_keys.ini");
        QByteArray normalState;
        QByteArray normalGeometry;
        {
            MainWindow w(prefs(file));
            QVERIFY(w.openResource(MainWindow::defaultLesson()));
            w.resize(1200, 800);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.activateWindow();
            QTRY_VERIFY(w.isActiveWindow());
            auto* toggle = w.findChild<QAction*>(QStringLiteral("presenterAction"));
            QVERIFY(toggle);
            auto* toolBar = w.findChild<QToolBar*>(QStringLiteral("simulationToolBar"));
            QVERIFY(toolBar && toolBar->widgetForAction(toggle));
            QVERIFY(w.windowShortcuts().contains(toggle));

            QTest::keyClick(&w, Qt::Key_F11);
            QVERIFY(w.presenterMode());
            QVERIFY(!w.menuBar()->isVisible());
            QTest::keyClick(&w, Qt::Key_F11);
            QVERIFY(!w.presenterMode());
            QVERIFY(w.menuBar()->isVisible());
            QTest::keyClick(&w, Qt::Key_Escape);  // not presenting: nothing happens
            QVERIFY(!w.presenterMode());
            QTest::keyClick(&w, Qt::Key_F11);
            QVERIFY(w.presenterMode());
            QTest::keyClick(&w, Qt::Key_Escape);
            QVERIFY(!w.presenterMode());
            QVERIFY(w.menuBar()->isVisible());
            QVERIFY(!w.theme()->presenter());
            // The toolbar button toggles it too.
            normalState = w.saveState(1);
            normalGeometry = w.saveGeometry();
            static_cast<QToolButton*>(toolBar->widgetForAction(toggle))->click();
            QVERIFY(w.presenterMode());
            QVERIFY(!w.menuBar()->isVisible());
            QTest::keyClick(&w, Qt::Key_Q, Qt::ControlModifier);
            QTRY_VERIFY(!w.isVisible());
            QVERIFY(!w.presenterMode());
        }
        // What is saved is the layout from before presenting, not the full-screen one.
        auto p = prefs(file);
        QCOMPARE(p->windowState(), normalState);
        QCOMPARE(p->geometry(), normalGeometry);
        MainWindow again(p);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.isFullScreen());
        QVERIFY(again.menuBar()->isVisible());
    }

    // In presenter mode the timeline shows every lane of the GIL lesson without scrolling,
    // and the dock tabs show whole titles.
    void presenterLayoutShowsEveryLane() {
        MainWindow w(prefs(QStringLiteral("presenter_layout.ini")));
        QVERIFY(w.openResource(QStringLiteral(":/lessons/001_gil_two_cpu_threads.py")));
        w.controller()->runToCompletion();
        w.resize(1280, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPresenterMode(true);
        w.showNormal();  // the test's size, not the offscreen screen's
        w.resize(1600, 1000);
        QTRY_COMPARE(w.timeline()->verticalScrollBar()->maximum(), 0);
        QVERIFY(w.timeline()->rows().size() >= 8);  // 4 cores, process, GIL, 3 threads
        for (QTabBar* bar : w.findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly))
            QCOMPARE(bar->elideMode(), Qt::ElideNone);
        w.setPresenterMode(false);
    }

    // The Lesson panel shows the header of what is open, however it was opened.
    void lessonPanelFollowsEveryWayOfOpening() {
        MainWindow w(prefs(QStringLiteral("lesson_panel.ini")));
        w.setQuietErrors(true);
        QCOMPARE(w.lessonView()->titleText(), QStringLiteral("No lesson open"));
        // The Lessons menu / browser (a built-in resource).
        QVERIFY(w.openResource(QStringLiteral(":/lessons/001_gil_two_cpu_threads.py")));
        QCOMPARE(w.lessonView()->titleText(),
                 QStringLiteral("The GIL: two CPU-bound threads on a dual-core machine"));
        QVERIFY(
            w.lessonView()->watchText().startsWith(QStringLiteral("GIL lane and thread lanes")));
        QVERIFY(w.lessonView()->expectText().startsWith(QStringLiteral("two threads take about")));
        QVERIFY(w.lessonView()->plainText().contains(QStringLiteral("What to expect")));
        QCOMPARE(w.lessonView()->header().seed, QStringLiteral("001"));
        QCOMPARE(w.lessonView()->header().topic, QStringLiteral("gil"));
        // File > Open and the command line (both openFile) on a file on disk.
        QVERIFY(
            w.openFile(QStringLiteral(TASKSCOPE_SOURCE_DIR "/resources/lessons/003_deadlock.py")));
        QVERIFY2(w.lessonView()->titleText().startsWith(QStringLiteral("Deadlock")),
                 qPrintable(w.lessonView()->titleText()));
        QVERIFY(w.lessonView()->watchText().startsWith(QStringLiteral("Wait-for graph:")));
        // A workload: its description is what it shows.
        QVERIFY(w.openFile(QStringLiteral(TASKSCOPE_SOURCE_DIR "/resources/workloads/sjf.json")));
        QCOMPARE(w.lessonView()->titleText(),
                 QStringLiteral("Shortest job first (Silberschatz 5.3.2)"));
        QVERIFY(w.lessonView()->watchText().startsWith(QStringLiteral("Non-preemptive SJF")));
        QVERIFY(w.lessonView()->plainText().contains(QStringLiteral("What it shows")));
        QVERIFY(w.lessonView()->expectText().isEmpty());
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("lessonDock"));
        QVERIFY(dock);
        QVERIFY(w.findChildren<QDockWidget*>().contains(dock));
    }

    // The lesson browser: every built-in lesson with a proper title, grouped by seed or by
    // topic, searchable, with its description beside it; Open opens it.
    void lessonBrowserListsEveryLessonWithATitle() {
        LessonBrowser b(/*chinese=*/false);
        const auto& entries = b.entries();
        const int python = static_cast<int>(
            QDir(QStringLiteral(":/lessons")).entryList({QStringLiteral("*.py")}).size());
        const int workloads =
            static_cast<int>(QDir(QStringLiteral(":/workloads"))
                                 .entryList({QStringLiteral("*.json"), QStringLiteral("*.csv")})
                                 .size());
        QCOMPARE(python, 29);
        QCOMPARE(workloads, 18);
        QCOMPARE(static_cast<int>(entries.size()), python + workloads);
        QCOMPARE(b.visibleLessons(), python + workloads);
        static const QRegularExpression cjk(QStringLiteral("[\\x{3400}-\\x{9fff}]"));
        for (const LessonEntry& e : entries) {
            const QString base = QFileInfo(e.path).completeBaseName();
            QVERIFY2(e.header.titled, qPrintable(e.path));
            QVERIFY2(e.header.title != base, qPrintable(e.path));
            QVERIFY2(!e.header.title.contains(cjk), qPrintable(e.path + ": " + e.header.title));
            QVERIFY2(e.header.titleZh.contains(cjk), qPrintable(e.path));
            QVERIFY2(!e.header.watch.isEmpty() && !e.header.watchZh.isEmpty(), qPrintable(e.path));
            QVERIFY2(!e.header.topic.isEmpty(), qPrintable(e.path));
        }
        // By seed: the five seeds, then the workloads.
        const QStringList seeds = b.groupTitles();
        QCOMPARE(seeds.size(), 6);
        QVERIFY(seeds[0].startsWith(QStringLiteral("Seed 000")));
        QVERIFY(seeds[4].startsWith(QStringLiteral("Seed 004")));
        QCOMPARE(seeds[5], QStringLiteral("Scheduling and kernel exercises (workloads)"));
        QVERIFY(b.titlesIn(1).contains(
            QStringLiteral("The GIL: two CPU-bound threads on a dual-core machine")));
        QCOMPARE(b.titlesIn(5).size(), workloads);
        // By topic: a Python lesson and a workload on the GIL side by side.
        b.setGrouping(LessonBrowser::Grouping::Topic);
        const int gil = static_cast<int>(b.groupTitles().indexOf(QStringLiteral("The GIL")));
        QVERIFY2(gil >= 0, qPrintable(b.groupTitles().join(QStringLiteral(" | "))));
        QVERIFY(b.titlesIn(gil).contains(
            QStringLiteral("The GIL: two CPU-bound threads on a dual core (seed 001)")));
        QVERIFY(b.titlesIn(gil).contains(
            QStringLiteral("The GIL: two CPU-bound threads on a dual-core machine")));
        // Search.
        b.setFilter(QStringLiteral("deadlock"));
        QVERIFY(b.visibleLessons() >= 3);
        QVERIFY(b.visibleLessons() < 10);
        QVERIFY(!b.selectedPath().isEmpty());
        QVERIFY(b.descriptionText().contains(QStringLiteral("What")));
        b.setFilter(QStringLiteral("no such lesson at all"));
        QCOMPARE(b.visibleLessons(), 0);
        QVERIFY(b.selectedPath().isEmpty());
        QVERIFY(b.descriptionText().contains(QStringLiteral("No lesson matches")));
        b.setFilter(QString());
        b.select(QStringLiteral(":/lessons/003_event.py"));
        QCOMPARE(b.selectedPath(), QStringLiteral(":/lessons/003_event.py"));
        QVERIFY(b.descriptionText().contains(QStringLiteral("threading.Event")));
        QVERIFY(b.descriptionText().contains(QStringLiteral("What to expect")));

        // From the window: Open opens the chosen lesson (and the panel shows it).
        MainWindow w(prefs(QStringLiteral("browser.ini")));
        w.setQuietErrors(true);
        w.show();
        LessonBrowser* open = w.showLessonBrowser();
        QVERIFY(open && open->isVisible());
        open->select(QStringLiteral(":/workloads/producer_consumer.json"));
        open->accept();
        QCOMPARE(w.controller()->title(), QStringLiteral("producer_consumer.json"));
        QVERIFY(w.lessonView()->titleText().startsWith(QStringLiteral("Bounded queue")));
        // Opened again, it preselects the open lesson.
        LessonBrowser* again = w.showLessonBrowser();
        QCOMPARE(again->selectedPath(), QStringLiteral(":/workloads/producer_consumer.json"));
        again->reject();
    }

    // GIL lanes and cards only for processes with several threads unless asked; the View
    // menu shows and sets which.
    void gilLanesOnlyWhereTheGilChangesHands() {
        MainWindow w(prefs(QStringLiteral("gil_lanes.ini")));
        w.setQuietErrors(true);
        const auto gilRows = [&] {
            int n = 0;
            for (const auto& r : w.timeline()->rows()) n += r.kind == TimelineRow::Kind::Gil;
            return n;
        };
        auto* several = w.findChild<QAction*>(QStringLiteral("gilLanesMultiThreaded"));
        auto* every = w.findChild<QAction*>(QStringLiteral("gilLanesEvery"));
        auto* none = w.findChild<QAction*>(QStringLiteral("gilLanesNone"));
        QVERIFY(several && every && none);
        QVERIFY(several->isChecked());
        // Two single-threaded processes, each with its own GIL: no lane, no card.
        QVERIFY(w.openResource(QStringLiteral(":/workloads/gil_processes.json")));
        w.controller()->runToCompletion();
        w.controller()->seek(w.controller()->endTime());
        QVERIFY(w.controller()->index().hasGil());
        QCOMPARE(gilRows(), 0);
        w.gilView()->refresh();
        QVERIFY(w.gilView()->states().empty());
        QVERIFY(w.gilView()->message().contains(QStringLiteral("one thread")));
        every->trigger();
        QCOMPARE(w.timeline()->gilLaneMode(), TimelineView::GilLanes::Every);
        QCOMPARE(gilRows(), 2);
        QCOMPARE(w.gilView()->states().size(), std::size_t{2});
        none->trigger();
        QCOMPARE(gilRows(), 0);
        several->trigger();
        // Two threads in one process: its GIL lane shows.
        QVERIFY(w.openResource(QStringLiteral(":/workloads/gil_two_cpu_threads.json")));
        w.controller()->runToCompletion();
        QCOMPARE(gilRows(), 1);
        w.setGilLaneMode(TimelineView::GilLanes::None);
        QVERIFY(none->isChecked());
        QCOMPARE(gilRows(), 0);
    }

    // Reveal as it plays: off by default; when on, nothing past the furthest point reached
    // shows (lanes, tooltips, lanes of processes not created yet, run events, the run's
    // end); remembered.
    void revealAsItPlaysHidesTheFuture() {
        const QString file = QStringLiteral("reveal.ini");
        {
            MainWindow w(prefs(file));
            w.setQuietErrors(true);
            auto* reveal = w.findChild<QAction*>(QStringLiteral("revealAction"));
            QVERIFY(reveal);
            QVERIFY(!reveal->isChecked());
            QVERIFY(!w.controller()->hideFuture());
            QVERIFY(w.openResource(MainWindow::defaultLesson()));
            w.resize(1400, 900);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            SimulationController* c = w.controller();
            c->runToCompletion();
            const auto labels = [&] {
                QStringList out;
                for (const auto& r : w.timeline()->rows()) out << QString::fromStdString(r.label);
                return out.join(QLatin1Char('|'));
            };
            QVERIFY(labels().contains(QStringLiteral("player")));
            reveal->trigger();
            QVERIFY(c->hideFuture());
            c->seek(30 * kMillisecond);
            c->seek(10 * kMillisecond);  // back: what was seen stays seen
            QCOMPARE(c->revealedUntil(), 30 * kMillisecond);
            QCOMPARE(c->visibleUntil(), 30 * kMillisecond);
            // "player" arrives at 40 ms: not on the timeline yet.
            QVERIFY2(!labels().contains(QStringLiteral("player")), qPrintable(labels()));
            QVERIFY(labels().contains(QStringLiteral("editor")));
            QVERIFY2(w.clockLabel()->text().contains(QStringLiteral("/ ?")),
                     qPrintable(w.clockLabel()->text()));
            // No tooltip past 30 ms; one before it.
            TimelineView* t = w.timeline();
            t->setScale(TimeScale{0, 1e5});  // 0.1 ms per pixel
            const int lane = t->dataRect().top() + t->rows()[1].y + t->rows()[1].height / 2;
            QVERIFY(!t->toolTipAt(QPoint(t->labelWidth() + 100, lane)).isEmpty());  // 10 ms
            QVERIFY(t->toolTipAt(QPoint(t->labelWidth() + 400, lane)).isEmpty());   // 40 ms
            // The lane past 30 ms is covered: no state colour in it.
            const QImage shot = t->viewport()->grab().toImage();
            const QColor running =
                w.theme()->stateColour(ThreadState::Running, core::WaitReason::None);
            const QColor ready = w.theme()->stateColour(ThreadState::Ready, core::WaitReason::None);
            int future = 0, past = 0;
            for (int y = t->dataRect().top(); y < t->dataRect().bottom(); ++y) {
                for (int x = 0; x < 300; ++x) {
                    const QColor pf = shot.pixelColor(t->labelWidth() + 320 + x, y);
                    const QColor pp = shot.pixelColor(t->labelWidth() + x, y);
                    future += pf == running || pf == ready;
                    past += pp == running || pp == ready;
                }
            }
            QCOMPARE(future, 0);
            QVERIFY(past > 100);
            // Run events after 30 ms are not listed.
            w.runEvents()->refresh();
            for (int i = 0; i < w.runEvents()->list()->topLevelItemCount(); ++i)
                QCOMPARE(
                    w.runEvents()->list()->topLevelItem(i)->isHidden(),
                    w.runEvents()->events()[static_cast<std::size_t>(i)].time > 30 * kMillisecond);
            // Playing on reveals more.
            c->seek(50 * kMillisecond);
            QTRY_VERIFY(labels().contains(QStringLiteral("player")));
            // Another lesson starts hidden again from 0.
            QVERIFY(w.openResource(QStringLiteral(":/workloads/sjf.json")));
            QCOMPARE(c->revealedUntil(), core::SimTime{0});
            w.close();
        }
        MainWindow again(prefs(file));
        QVERIFY(again.controller()->hideFuture());
        QVERIFY(again.findChild<QAction*>(QStringLiteral("revealAction"))->isChecked());
    }

    void clickingADeadlockEventRaisesTheWaitForGraph() {
        MainWindow w(prefs(QStringLiteral("events.ini")));
        QVERIFY(w.openResource(QStringLiteral(":/workloads/deadlock_two_locks.json")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* eventsDock = w.findChild<QDockWidget*>(QStringLiteral("eventsDock"));
        eventsDock->raise();
        QTRY_VERIFY(w.runEvents()->isVisible());
        int row = -1;
        for (std::size_t i = 0; i < w.runEvents()->events().size(); ++i)
            if (w.runEvents()->events()[i].kind == RunEvent::Kind::Deadlock)
                row = static_cast<int>(i);
        QVERIFY(row >= 0);
        auto* states = w.findChild<QDockWidget*>(QStringLiteral("statesDock"));
        states->raise();
        // A dock behind another tab keeps isVisible(); what shows is its visible region.
        QTRY_VERIFY(w.waitForGraph()->visibleRegion().isEmpty());
        w.runEvents()->activate(row);
        QCOMPARE(w.controller()->cursor(), 1 * kMillisecond);
        QTRY_VERIFY(!w.waitForGraph()->visibleRegion().isEmpty());
        QVERIFY(w.waitForGraph()->graph().deadlocked);
    }

    void everyLessonPlaysAndStepsBackToAFreshStart() {
        MainWindow w(prefs(QStringLiteral("lessons.ini")));
        w.setQuietErrors(true);
        w.show();
        const QStringList lessons =
            QDir(QStringLiteral(":/workloads")).entryList({QStringLiteral("*.json")});
        QVERIFY(lessons.size() >= 5);
        QVERIFY(lessons.contains(QStringLiteral("rr_classroom.json")));
        for (const QString& name : lessons) {
            QVERIFY2(w.openResource(QStringLiteral(":/workloads/") + name),
                     qPrintable(w.lastError()));
            SimulationController* c = w.controller();
            const core::TraceState fresh = c->state();
            c->runToCompletion();
            QVERIFY(c->endTime() > 0);
            // Play to the end at full speed.
            c->setSpeed(SimulationController::kMaxSpeed);
            c->play();
            QTRY_VERIFY_WITH_TIMEOUT(!c->playing(), 10000);
            QCOMPARE(c->cursor(), c->endTime());
            // Every process finished and was reaped by the shell, unless the lesson deadlocks.
            if (c->state().deadlocks == 0)
                for (const auto& p : c->state().processes) QVERIFY2(p.reaped, qPrintable(name));
            // The sync views agree with the machine: a deadlock lesson ends with the cycle
            // red in the wait-for graph, and the events list holds every notable record.
            w.waitForGraph()->refresh();
            QCOMPARE(w.waitForGraph()->graph().deadlocked, c->state().deadlocks > 0);
            QCOMPARE(w.waitForGraph()->graph().deadlocked, c->machine()->deadlock().has_value());
            w.runEvents()->refresh();
            QCOMPARE(w.runEvents()->events().size(), c->index().runEvents().size());
            w.syncObjects()->refresh();
            QCOMPARE(w.syncObjects()->rows().size() > 0, !c->trace().objects().empty());
            int steps = 0;
            while (c->cursor() > 0 && steps < 100000) {
                c->stepBack();
                ++steps;
            }
            QCOMPARE(c->cursor(), core::SimTime{0});
            QVERIFY2(c->state() == fresh, qPrintable(name));
            QVERIFY(steps >= 1);
        }
    }

    void everyPythonLessonRunsAndSeeksBackToAFreshStart() {
        MainWindow w(prefs(QStringLiteral("pylessons.ini")));
        w.setQuietErrors(true);
        w.show();
        const QStringList lessons =
            QDir(QStringLiteral(":/lessons")).entryList({QStringLiteral("*.py")});
        QVERIFY(lessons.size() >= 20);
        for (const QString& name : lessons) {
            QVERIFY2(w.openResource(QStringLiteral(":/lessons/") + name),
                     qPrintable(name + ": " + w.lastError()));
            SimulationController* c = w.controller();
            QVERIFY(c->isPython());
            const core::TraceState fresh = c->state();
            c->runToCompletion();
            QVERIFY2(c->endTime() > 0, qPrintable(name));
            c->seek(c->endTime());
            // The main process ended (or the lesson deadlocks on purpose).
            const bool deadlocked = c->machine()->deadlock().has_value();
            QVERIFY2(deadlocked || c->state().processes.at(0).zombie ||
                         c->state().processes.at(0).reaped,
                     qPrintable(name));
            // Some console output was recorded.
            QVERIFY2(c->trace().countOf(core::RecordKind::Output) > 0, qPrintable(name));
            c->seek(0);
            QVERIFY2(c->state() == fresh, qPrintable(name));
        }
    }

    void aDeadlockIsSaidEverywhere() {
        MainWindow w(prefs(QStringLiteral("deadlock.ini")));
        w.setQuietErrors(true);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openResource(QStringLiteral(":/lessons/003_deadlock.py")));
        SimulationController* c = w.controller();
        c->runToCompletion();
        auto* waitFor = w.findChild<QDockWidget*>(QStringLiteral("waitForDock"));
        // The lesson's "# views: waitFor" raised it when it opened.
        QTRY_VERIFY(inFront(w, waitFor));
        auto* states = w.findChild<QDockWidget*>(QStringLiteral("statesDock"));
        states->raise();  // the Wait-for graph tab is behind another one
        QTRY_VERIFY(!inFront(w, waitFor));
        QSignalSpy reached(c, &SimulationController::deadlockReached);
        c->seek(c->endTime() / 2);
        QCOMPARE(reached.count(), 0);
        c->seek(c->endTime());
        QCOMPARE(reached.count(), 1);
        QCOMPARE(reached.at(0).at(0).toLongLong(), *c->deadlockTime());
        // The Wait-for graph is raised and the status bar says what happened.
        QTRY_VERIFY(inFront(w, waitFor));
        const QString status = w.statusBar()->currentMessage();
        QVERIFY2(status.startsWith(QStringLiteral("Deadlock at 100.256 ms: thread-2 (pid 1001, "
                                                  "MainProcess) waits for Lock lock_a held by "
                                                  "thread-1; thread-1")),
                 qPrintable(status));
        // The Console has the cycle, even with the kernel events off.
        auto* console = w.findChild<ConsoleView*>();
        QVERIFY(console);
        console->setShowEvents(false);
        console->refresh();
        const QString text = console->plainText();
        QVERIFY2(text.contains(QStringLiteral("DEADLOCK thread-2 (pid 1001, MainProcess) waits for "
                                              "Lock lock_a held by thread-1; thread-1 (pid 1001, "
                                              "MainProcess) waits for Lock lock_b held by "
                                              "thread-2; no thread can go on")),
                 qPrintable(text));
        // Said once: staying past the deadlock says nothing more, going back and forth again.
        c->seek(c->endTime());
        QCOMPARE(reached.count(), 1);
        c->seek(0);
        c->seek(c->endTime());
        QCOMPARE(reached.count(), 2);
    }

    void aLessonHeaderSetsViewsZoomAndCores() {
        MainWindow w(prefs(QStringLiteral("header.ini")));
        w.setQuietErrors(true);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QString error;
        QVERIFY2(w.controller()->openPythonText(
                     QStringLiteral("# title: t\n# cores: 3\n# views: console, states\n"
                                    "# zoom: 10ms:60ms\n\nimport time\ntime.sleep(0.5)\n"),
                     QStringLiteral("h.py"), {}, &error),
                 qPrintable(error));
        QCOMPARE(w.controller()->settings().cores, 3);
        QTRY_VERIFY(inFront(w, w.findChild<QDockWidget*>(QStringLiteral("consoleDock"))));
        QVERIFY(inFront(w, w.findChild<QDockWidget*>(QStringLiteral("statesDock"))));
        auto* timeline = w.findChild<TimelineView*>();
        QTRY_COMPARE(timeline->scale().origin, 10 * kMillisecond);
        const core::SimTime right = timeline->scale().toTime(timeline->dataRect().width());
        QVERIFY2(std::abs(right - 60 * kMillisecond) < kMillisecond,
                 qPrintable(QString::number(static_cast<double>(right) / 1e6)));
    }

    // The command line is parsed in app/ (tests/cli/gui_options_test.cpp).
};

QTEST_MAIN(MainWindowTest)
#include "tst_main_window.moc"
