// The simulation controller: opening, stepping forward and back over the trace, seeking,
// playing at a speed, run-to, settings that re-run and keep the cursor, bad files.
#include <QSignalSpy>
#include <QtTest>

#include "tests/ui/test_support.h"

#include "ui/sim/simulation_controller.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;

namespace {
const QString kIoTwoCores = QStringLiteral(TASKSCOPE_UI_TEST_DATA "/io_two_cores.json");
const QString kRr =
    QStringLiteral(TASKSCOPE_UI_TEST_DATA "/../../../resources/workloads/rr_classroom.json");
}  // namespace

class ControllerTest : public QObject {
    Q_OBJECT
private slots:
    void opensAndRunsAWorkload() {
        SimulationController c;
        QSignalSpy changed(&c, &SimulationController::programChanged);
        QString error;
        QVERIFY2(c.openFile(kIoTwoCores, &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QVERIFY(c.runComplete());
        QCOMPARE(c.endTime(), 13 * kMillisecond);
        QCOMPARE(c.cursor(), core::SimTime{0});
        QCOMPARE(c.settings().cores, 2);
        QCOMPARE(c.tickSize(), kMillisecond);
        QCOMPARE(c.title(), QStringLiteral("io_two_cores.json"));
    }

    void stepsOverSchedulerEvents() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        // Distinct record times of the run: 0, 1 (C arrives), 4, 7, 10, 12, 13.
        const core::SimTime expected[] = {1, 4, 7, 10, 12, 13};
        for (const core::SimTime t : expected) {
            c.stepForward();
            QCOMPARE(c.cursor(), t * kMillisecond);
        }
        c.stepForward();  // at the end it stays
        QCOMPARE(c.cursor(), 13 * kMillisecond);
        for (int i = 4; i >= 0; --i) {
            c.stepBack();
            QCOMPARE(c.cursor(), expected[i] * kMillisecond);
        }
        c.stepBack();
        QCOMPARE(c.cursor(), core::SimTime{0});
    }

    void stepBackReturnsTheExactEarlierState() {
        SimulationController c;
        QVERIFY(c.openFile(kRr, nullptr));
        std::vector<core::TraceState> forward;
        std::vector<core::SimTime> times;
        for (int i = 0; i < 40; ++i) {
            forward.push_back(c.state());
            times.push_back(c.cursor());
            c.stepForward();
        }
        for (int i = 39; i >= 0; --i) {
            c.stepBack();
            QCOMPARE(c.cursor(), times[static_cast<std::size_t>(i)]);
            QVERIFY2(
                c.state() == forward[static_cast<std::size_t>(i)],
                qPrintable(QStringLiteral("state differs after stepping back to step %1").arg(i)));
        }
        // And equal to a fresh state at that time.
        QVERIFY(c.state() == c.trace().stateAt(0));
    }

    void tickStepsMoveOneUnit() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        c.setStepMode(SimulationController::StepMode::Tick);
        c.stepForward();
        c.stepForward();
        QCOMPARE(c.cursor(), 2 * kMillisecond);
        c.stepBack();
        QCOMPARE(c.cursor(), 1 * kMillisecond);
        c.stepBack();
        c.stepBack();
        QCOMPARE(c.cursor(), core::SimTime{0});
    }

    void seekClampsAndUpdatesTheState() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        QSignalSpy advanced(&c, &SimulationController::advanced);
        c.seek(5 * kMillisecond);
        QCOMPARE(advanced.count(), 1);
        QCOMPARE(advanced.first().at(0).toLongLong(), 5 * kMillisecond);
        QCOMPARE(test::str(c.state().threads[0].state), test::str(core::ThreadState::Waiting));
        QCOMPARE(c.state().cores[0].thread, 2u);  // C on CPU 0
        c.seek(-10);
        QCOMPARE(c.cursor(), core::SimTime{0});
        c.seek(1000 * kMillisecond);
        QCOMPARE(c.cursor(), 13 * kMillisecond);
        c.seek(13 * kMillisecond);  // no change: no signal
        QCOMPARE(advanced.count(), 3);
        c.reset();
        QCOMPARE(c.cursor(), core::SimTime{0});
    }

    void playsAtTheChosenSpeed() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        c.setSpeed(0.01);  // 13 ms of simulated time take 1.3 s
        QSignalSpy playing(&c, &SimulationController::playingChanged);
        c.play();
        QVERIFY(c.playing());
        QTest::qWait(300);
        const core::SimTime mid = c.cursor();
        // ~3 ms after 300 ms of wall time; generous bounds for a loaded machine.
        QVERIFY2(mid > 500000 && mid < 8 * kMillisecond, qPrintable(QString::number(mid)));
        QTRY_VERIFY_WITH_TIMEOUT(!c.playing(), 5000);
        QCOMPARE(c.cursor(), 13 * kMillisecond);  // stops at the end
        QCOMPARE(playing.count(), 2);
        // Play at the end starts over.
        c.setSpeed(1000);
        c.play();
        QVERIFY(c.cursor() < 13 * kMillisecond);
        c.pause();
    }

    void runToStopsAtTheTarget() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        c.setSpeed(1);
        c.runTo(7 * kMillisecond);
        QTRY_VERIFY_WITH_TIMEOUT(!c.playing(), 5000);
        QCOMPARE(c.cursor(), 7 * kMillisecond);
        c.runTo(2 * kMillisecond);  // backwards: a seek
        QCOMPARE(c.cursor(), 2 * kMillisecond);
        QVERIFY(!c.playing());
    }

    void speedIsClampedAndSuggested() {
        SimulationController c;
        c.setSpeed(1e9);
        QCOMPARE(c.speed(), SimulationController::kMaxSpeed);
        c.setSpeed(0);
        QCOMPARE(c.speed(), SimulationController::kMinSpeed);
        // 200 ms of run in about 8 s: 0.025x, shown as 0.02x; 10 s: 1.25x -> 1x; 40 s: 5x.
        QCOMPARE(SimulationController::suggestedSpeed(200 * kMillisecond), 0.02);
        QCOMPARE(SimulationController::suggestedSpeed(10 * core::kSecond), 1.0);
        QCOMPARE(SimulationController::suggestedSpeed(40 * core::kSecond), 5.0);
        QCOMPARE(SimulationController::suggestedSpeed(1 * kMillisecond), 0.01);  // the slowest
    }

    // The default lesson's speed shows a time slice end (a thread leaving its core) within
    // the first second of Play, with a quarter of it to spare (0.01x took exactly 1 s).
    void defaultLessonShowsSomethingWithinASecond() {
        SimulationController c;
        QString error;
        QVERIFY2(c.openFile(QStringLiteral(":/workloads/rr_classroom.json"), &error),
                 qPrintable(error));
        c.runToCompletion();
        const auto inOneSecond = static_cast<core::SimTime>(c.speed() * 0.75 * core::kSecond);
        int timeouts = 0;
        for (std::size_t i = 0; i < c.trace().size(); ++i) {
            const auto& b = c.trace().body(i);
            if (b.kind == core::RecordKind::State && b.cause == core::Cause::Timeout &&
                c.trace().time(i) <= inOneSecond)
                ++timeouts;
        }
        QVERIFY2(timeouts >= 1, qPrintable(QStringLiteral("speed %1").arg(c.speed())));
        // ... and the whole run still takes several seconds to watch.
        QVERIFY(static_cast<double>(c.endTime()) / c.speed() >= 5.0 * core::kSecond);
    }

    void changingSettingsRerunsAndKeepsTheCursor() {
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        c.seek(5 * kMillisecond);
        const quint64 before = c.revision();
        core::MachineSettings s = c.settings();
        s.cores = 1;
        c.setSettings(s);
        QVERIFY(c.revision() > before);
        QCOMPARE(c.cursor(), 5 * kMillisecond);
        QCOMPARE(c.trace().coreCount(), 1);
        // One core, FCFS: A 0..4, B 4..17, C 17..20, A again 20..22.
        QCOMPARE(c.endTime(), 22 * kMillisecond);
        QCOMPARE(c.state().cores[0].thread, 1u);  // B runs at 5
        // Program defaults come back from the file.
        QCOMPARE(c.programSettings().cores, 2);
    }

    void badFilesAreErrorsNotCrashes_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("odd bursts") << QStringLiteral(TASKSCOPE_UI_TEST_DATA "/bad_bursts.json")
                                    << QStringLiteral("bad_bursts.json:4: processes[1].bursts");
        QTest::newRow("csv arrival") << QStringLiteral(TASKSCOPE_UI_TEST_DATA "/bad_arrival.csv")
                                     << QStringLiteral("bad_arrival.csv:3: arrival");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/lesson.json")
                                 << QStringLiteral("cannot open");
        QTest::newRow("python missing") << QStringLiteral(TASKSCOPE_UI_TEST_DATA "/missing.py")
                                        << QStringLiteral("cannot open");
        QTest::newRow("python syntax") << QStringLiteral(TASKSCOPE_UI_TEST_DATA "/syntax_error.py")
                                       << QStringLiteral("syntax_error.py:3:");
        QTest::newRow("unknown type") << QStringLiteral(TASKSCOPE_UI_TEST_DATA "/../CMakeLists.txt")
                                      << QStringLiteral("unknown file type");
    }
    void badFilesAreErrorsNotCrashes() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        SimulationController c;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        QString error;
        QVERIFY(!c.openFile(file, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        // The previous run is kept.
        QCOMPARE(c.endTime(), 13 * kMillisecond);
        QCOMPARE(c.title(), QStringLiteral("io_two_cores.json"));
    }

    void malformedJsonNamesLineAndColumn() {
        SimulationController c;
        QString error;
        QVERIFY(
            !c.openWorkloadText("{\"processes\": [\n  {\"name\": \"P1\", \"bursts\": [5]},,\n]}",
                                "broken.json", &error));
        QVERIFY2(error.startsWith(QStringLiteral("broken.json:2:")), qPrintable(error));
        QVERIFY(!c.hasProgram());
    }
};

QTEST_MAIN(ControllerTest)
#include "tst_controller.moc"
