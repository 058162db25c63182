// The main window: default lesson, docks and reset layout, shortcuts, settings persistence,
// bad files (error dialog naming file:line, no crash), command-line options.
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTabBar>
#include <QtTest>

#include "tests/ui/test_support.h"

#include "ui/app/main_window.h"
#include "ui/app/preferences.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"
#include "ui/views/breakpoints_view.h"
#include "ui/views/console_view.h"
#include "ui/views/run_events_view.h"
#include "ui/views/sync_objects_view.h"
#include "ui/views/wait_for_graph_view.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;

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
        QCOMPARE(docks.size(), 13);
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
