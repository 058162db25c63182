// Python programs in the GUI: the controller opens .py files and lessons, compile errors keep
// the run, the Code view's thread markers and edits, the GIL view's model, the Python run
// settings.
#include <QAbstractButton>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/ui/test_support.h"

#include "core/analysis/gil_model.h"
#include "ui/charts/stats_view.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/views/code_view.h"
#include "ui/views/console_view.h"
#include "ui/views/gil_view.h"
#include "ui/views/settings_panel.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;

namespace {
const QString kLessons = QStringLiteral(TASKSCOPE_UI_TEST_DATA "/../../../resources/lessons/");
const QString kSingDance = kLessons + QStringLiteral("000_sing_dance_processes.py");
const QString kGilLesson = kLessons + QStringLiteral("001_gil_two_cpu_threads.py");
const QString kTiny = QStringLiteral("import time\nx = 1\ntime.sleep(1)\nprint(x)\n");

std::uint32_t threadNamed(const core::Trace& trace, const std::string& name,
                          std::uint32_t process = 0) {
    for (std::uint32_t i = 0; i < trace.threads().size(); ++i)
        if (trace.threads()[i].name == name && trace.threads()[i].process == process) return i;
    return core::kNone;
}

std::uint32_t processWithPid(const core::Trace& trace, int pid) {
    for (std::uint32_t i = 0; i < trace.processes().size(); ++i)
        if (trace.processes()[i].pid == pid) return i;
    return core::kNone;
}

QString consoleText(const core::Trace& trace) {
    QString out;
    for (std::size_t i = 0; i < trace.size(); ++i)
        if (trace.body(i).kind == core::RecordKind::Output)
            out += QString::fromStdString(trace.text(trace.body(i).object));
    return out;
}
}  // namespace

class PythonTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensAPythonLesson() {
        SimulationController c;
        QSignalSpy changed(&c, &SimulationController::programChanged);
        QString error;
        QVERIFY2(c.openFile(kSingDance, &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QVERIFY(c.isPython());
        QVERIFY(c.hasProgram());
        QVERIFY(c.sourceText().contains(QStringLiteral("def sing():")));
        QCOMPARE(c.title(), QStringLiteral("000_sing_dance_processes.py"));
        // The CLI's defaults for Python programs.
        QCOMPARE(c.settings().cores, 4);
        QCOMPARE(static_cast<int>(c.settings().policy.kind),
                 static_cast<int>(core::PolicyKind::Fair));
        QCOMPARE(c.tickSize(), kMillisecond);
        c.runToCompletion();
        QVERIFY(!c.truncated());
        const core::Trace& trace = c.trace();
        const std::uint32_t main = processWithPid(trace, 1001);
        QVERIFY(main != core::kNone);
        QCOMPARE(QString::fromStdString(trace.processes()[main].name),
                 QStringLiteral("MainProcess"));
        int children = 0, python = 0;
        for (const auto& p : trace.processes()) {
            if (p.pid >= 1001) ++python;
            if (p.ppid == 1001) ++children;
        }
        QCOMPARE(python, 3);
        QCOMPARE(children, 2);
        const QString console = consoleText(trace);
        QVERIFY2(console.contains(QStringLiteral("main process pid=1001")), qPrintable(console));
        QVERIFY(console.contains(QStringLiteral("singing 2")));
        QVERIFY(console.contains(QStringLiteral("ppid=1001")));
        // About 1.5 s: the two children overlap.
        QVERIFY2(c.endTime() > 1400 * kMillisecond && c.endTime() < 1800 * kMillisecond,
                 qPrintable(QString::number(static_cast<double>(c.endTime()) / 1e6)));
    }

    void aSyntaxErrorKeepsTheRun() {
        SimulationController c;
        QVERIFY(c.openFile(kSingDance, nullptr));
        c.runToCompletion();
        const core::SimTime end = c.endTime();
        const std::size_t records = c.trace().size();
        c.seek(300 * kMillisecond);
        QSignalSpy changed(&c, &SimulationController::programChanged);
        QString error;
        core::Diagnostic detail;
        QVERIFY(!c.openPythonText(QStringLiteral("x = 1\nif x\n    print(x)\n"),
                                  QStringLiteral("bad.py"), {}, &error, &detail));
        QVERIFY2(QRegularExpression(QStringLiteral("^bad\\.py:2:\\d+: ")).match(error).hasMatch(),
                 qPrintable(error));
        QCOMPARE(detail.line, 2);
        QVERIFY(detail.column > 0);
        QVERIFY(c.sourceError().has_value());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(c.title(), QStringLiteral("000_sing_dance_processes.py"));
        QCOMPARE(c.endTime(), end);
        QCOMPARE(c.trace().size(), records);
        QCOMPARE(c.cursor(), 300 * kMillisecond);
        // An error in edited text also keeps the run; a good text clears the error.
        QVERIFY(!c.runSource(QStringLiteral("def f(:\n"), &error));
        QCOMPARE(c.endTime(), end);
        QVERIFY(c.runSource(kTiny, &error));
        QVERIFY(!c.sourceError().has_value());
        QCOMPARE(c.title(), QStringLiteral("000_sing_dance_processes.py"));
        QCOMPARE(c.sourceText(), kTiny);
    }

    void codeViewMarksTheLineOfEachThread() {
        SimulationController c;
        Theme theme;
        QTemporaryDir dir;
        CodeView view(&c, &theme);
        view.setAutosaveDirectory(dir.path());
        QVERIFY(c.openPythonText(kTiny, QStringLiteral("tiny.py"),
                                 QStringLiteral("/nonexistent/tiny.py"), nullptr));
        c.runToCompletion();
        QCOMPARE(view.editor()->toPlainText(), kTiny);
        const std::uint32_t main = threadNamed(c.trace(), "MainThread");
        QVERIFY(main != core::kNone);
        c.seek(500 * kMillisecond);
        QCOMPARE(c.state().threads[main].line, 3u);
        QCOMPARE(view.markers().size(), std::size_t{1});
        QCOMPARE(view.markers()[0].thread, main);
        QCOMPARE(view.markers()[0].line, 3);
        QCOMPARE(view.threadsOnLine(3), std::vector<std::uint32_t>{main});
        QVERIFY(view.threadsOnLine(2).empty());
        // After the program ended there is no marker.
        c.seek(c.endTime());
        QVERIFY(view.markers().empty());
    }

    void codeViewKeepsEditsOnACompileError() {
        SimulationController c;
        Theme theme;
        QTemporaryDir dir;
        CodeView view(&c, &theme);
        view.setAutosaveDirectory(dir.path());
        const QString key = QStringLiteral("/nonexistent/tiny.py");
        QVERIFY(c.openPythonText(kTiny, QStringLiteral("tiny.py"), key, nullptr));
        const QString broken = QStringLiteral("import time\nx = (1\ntime.sleep(1)\nprint(x)\n");
        view.editor()->setPlainText(broken);
        QVERIFY(!view.runEdited());
        QCOMPARE(view.editor()->toPlainText(), broken);
        QVERIFY(view.errorLine() > 0);
        QVERIFY2(view.errorText().startsWith(QStringLiteral("tiny.py:")),
                 qPrintable(view.errorText()));
        QCOMPARE(c.sourceText(), kTiny);  // the last good program keeps running
        // The edits were saved under the file's key...
        QVERIFY(QFile::exists(view.autosavePath(key)));
        // ...and come back (and run) when the file is opened again in a new view.
        const QString fixed = QStringLiteral("import time\nx = 2\ntime.sleep(1)\nprint(x)\n");
        view.editor()->setPlainText(fixed);
        QVERIFY(view.runEdited());
        QCOMPARE(view.errorLine(), 0);
        QCOMPARE(c.sourceText(), fixed);
        SimulationController c2;
        CodeView view2(&c2, &theme);
        view2.setAutosaveDirectory(dir.path());
        QVERIFY(c2.openPythonText(kTiny, QStringLiteral("tiny.py"), key, nullptr));
        QCOMPARE(view2.editor()->toPlainText(), fixed);
        QCOMPARE(c2.sourceText(), fixed);
        // The Revert button asks first: Cancel keeps the edits...
        view2.revertAction()->trigger();
        auto* ask = view2.findChild<QMessageBox*>(QStringLiteral("revertQuestion"));
        QVERIFY(ask);
        QVERIFY(ask->text().contains(QStringLiteral("Throw away your edits of tiny.py")));
        ask->button(QMessageBox::Cancel)->click();
        QCOMPARE(view2.editor()->toPlainText(), fixed);
        QCOMPARE(c2.sourceText(), fixed);
        QTRY_VERIFY(!view2.findChild<QMessageBox*>(QStringLiteral("revertQuestion")));
        // ...and "Throw away my edits" drops them.
        view2.revertAction()->trigger();
        ask = view2.findChild<QMessageBox*>(QStringLiteral("revertQuestion"));
        QVERIFY(ask);
        ask->button(QMessageBox::Discard)->click();
        QCOMPARE(view2.editor()->toPlainText(), kTiny);
        QCOMPARE(c2.sourceText(), kTiny);
        QVERIFY(!QFile::exists(view2.autosavePath(key)));
        // Without edits there is nothing to ask.
        QTRY_VERIFY(!view2.findChild<QMessageBox*>(QStringLiteral("revertQuestion")));
        view2.revertAction()->trigger();
        QVERIFY(!view2.findChild<QMessageBox*>(QStringLiteral("revertQuestion")));
    }

    void lineBreakpointsPausePlay() {
        SimulationController c;
        QVERIFY(c.openPythonText(kTiny, QStringLiteral("tiny.py"), {}, nullptr));
        c.runToCompletion();
        QString reason;
        QVERIFY(!c.firstBreak(0, c.endTime(), &reason));
        c.toggleLineBreakpoint(3);
        QCOMPARE(c.lineBreakpoints(), std::vector<int>{3});
        const auto at = c.firstBreak(0, c.endTime(), &reason);
        QVERIFY(at.has_value());
        QVERIFY2(reason.contains(QStringLiteral("line 3")), qPrintable(reason));
        QVERIFY(*at < 500 * kMillisecond);
        c.toggleLineBreakpoint(3);
        QVERIFY(c.lineBreakpoints().empty());
    }

    void gilViewShowsTheSwitchIntervalInForceAtTheCursor() {
        // The program changes the interval half way: the view follows the trace, not the
        // run settings (which still say 5 ms).
        SimulationController c;
        Theme theme;
        QVERIFY(c.openPythonText(QStringLiteral("import sys, threading\n"
                                                "def spin():\n"
                                                "    n = 1000000\n"
                                                "    while n > 0:\n"
                                                "        n -= 1\n"
                                                "def both():\n"
                                                "    ts = [threading.Thread(target=spin) for _ in "
                                                "range(2)]\n"
                                                "    for t in ts: t.start()\n"
                                                "    for t in ts: t.join()\n"
                                                "both()\n"
                                                "sys.setswitchinterval(0.001)\n"
                                                "both()\n"),
                                 QStringLiteral("interval.py"), QString(), nullptr));
        c.runToCompletion();
        core::SimTime changed = -1;
        for (std::size_t i = 0; i < c.trace().size(); ++i) {
            const core::RecordBody& b = c.trace().body(i);
            if (b.kind == core::RecordKind::Gil &&
                static_cast<core::GilOp>(b.extra16) == core::GilOp::Interval &&
                core::gilInterval(b) == kMillisecond)
                changed = c.trace().time(i);
        }
        QVERIFY(changed > 20 * kMillisecond);
        QCOMPARE(c.pythonSettings().switchInterval, 5 * kMillisecond);
        GilView view(&c, &theme);
        c.seek(changed - 5 * kMillisecond);
        view.refresh();
        QCOMPARE(view.states().size(), std::size_t{1});
        QCOMPARE(view.states()[0].interval, 5 * kMillisecond);
        c.seek(changed + 5 * kMillisecond);
        view.refresh();
        QCOMPARE(view.states().size(), std::size_t{1});
        QCOMPARE(view.states()[0].interval, 1 * kMillisecond);
        // The model itself, at the same two instants.
        core::GilModel model;
        model.update(c.trace());
        QCOMPARE(model.stateAt(c.trace(), 0, changed - 1).interval, 5 * kMillisecond);
        QCOMPARE(model.stateAt(c.trace(), 0, changed).interval, 1 * kMillisecond);
    }

    void gilViewReportsHolderAndHandoffs() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kGilLesson, nullptr));
        c.runToCompletion();
        GilView view(&c, &theme);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const core::Trace& trace = c.trace();
        // The lesson first runs the work serially in the main thread; the two spinning threads
        // start when a thread other than the main one first takes the GIL.
        core::SimTime threadsStart = -1;
        for (std::size_t i = 0; i < trace.size() && threadsStart < 0; ++i) {
            const core::RecordBody& b = trace.body(i);
            if (b.kind == core::RecordKind::Gil &&
                static_cast<core::GilOp>(b.extra16) == core::GilOp::Acquire &&
                QString::fromStdString(trace.threads()[b.subject].name)
                    .contains(QStringLiteral("spin")))
                threadsStart = trace.time(i);
        }
        QVERIFY(threadsStart > 0);
        const core::SimTime during = threadsStart + 80 * kMillisecond;
        for (const core::SimTime t : {during, during + 50 * kMillisecond, c.endTime()}) {
            c.seek(t);
            view.refresh();
            QCOMPARE(view.states().size(), std::size_t{1});
            const core::GilProcessState& s = view.states()[0];
            // Independently from the trace: holder changes among the Acquire records up to t.
            std::uint32_t handoffs = 0, acquisitions = 0, last = core::kNone;
            for (std::size_t i = 0; i < trace.size() && trace.time(i) <= t; ++i) {
                const core::RecordBody& b = trace.body(i);
                if (b.kind != core::RecordKind::Gil || b.object != s.process ||
                    static_cast<core::GilOp>(b.extra16) != core::GilOp::Acquire)
                    continue;
                ++acquisitions;
                if (last != core::kNone && last != b.subject) ++handoffs;
                last = b.subject;
            }
            QCOMPARE(s.handoffs, handoffs);
            QCOMPARE(s.acquisitions, acquisitions);
            QCOMPARE(s.holder, c.state().processes[s.process].gilHolder);
            QCOMPARE(s.dropRequest, c.state().processes[s.process].gilDropRequest);
        }
        c.seek(during);
        view.refresh();
        const core::GilProcessState& s = view.states()[0];
        // Two spinning threads share the GIL by then: many hand-offs, one holds it, one waits.
        QVERIFY2(s.handoffs >= 5, qPrintable(QString::number(s.handoffs)));
        QVERIFY(s.holder != core::kNone);
        QCOMPARE(
            QString::fromStdString(trace.threads()[s.holder].name).contains(QStringLiteral("spin")),
            true);
        QCOMPARE(s.waiters.size(), std::size_t{1});
        QVERIFY(s.waiters[0].thread != s.holder);
        QCOMPARE(s.threads.size(), std::size_t{3});
        for (const auto& tw : s.threads) QVERIFY(tw.wait > 0);
        QVERIFY(view.message().isEmpty());
    }

    void inputLinesTypedInTheConsoleFeedInput() {
        SimulationController c;
        Theme theme;
        QVERIFY(
            c.openPythonText(QStringLiteral("name = input('who? ')\nprint('hello', name)\ntry:\n   "
                                            " input()\nexcept EOFError:\n    print('eof')\n"),
                             QStringLiteral("ask.py"), {}, nullptr));
        ConsoleView console(&c, &theme);
        auto* line = console.findChild<QLineEdit*>(QStringLiteral("consoleInput"));
        QVERIFY(line);
        QVERIFY(line->isEnabled());
        line->setText(QStringLiteral("Ada"));
        QMetaObject::invokeMethod(line, "returnPressed");
        QCOMPARE(c.pythonSettings().input, QStringList{QStringLiteral("Ada")});
        c.runToCompletion();
        std::string out;
        for (std::size_t i = 0; i < c.trace().size(); ++i) {
            const auto& b = c.trace().body(i);
            if (b.kind == core::RecordKind::Output) out += c.trace().text(b.object);
        }
        QCOMPARE(QString::fromStdString(out), QStringLiteral("who? Ada\nhello Ada\neof\n"));
    }

    void gilOffMeansNoGilRecords() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kGilLesson, nullptr));
        c.runToCompletion();
        QVERIFY(c.trace().countOf(core::RecordKind::Gil) > 0);
        SettingsPanel panel(&c);
        QVERIFY(panel.gilBox()->isEnabled() || panel.gilBox()->parentWidget()->isEnabled());
        panel.gilBox()->setChecked(false);
        panel.applyNow();
        QVERIFY(!c.pythonSettings().gil);
        c.runToCompletion();
        QCOMPARE(c.trace().countOf(core::RecordKind::Gil), std::size_t{0});
        GilView view(&c, &theme);
        view.refresh();
        QVERIFY(view.states().empty());
        QVERIFY2(view.message().contains(QStringLiteral("free-threaded")),
                 qPrintable(view.message()));
        // Free-threaded: the two spinning threads run side by side, so the run is shorter.
        const core::SimTime freeEnd = c.endTime();
        c.setPythonSettings({});
        c.runToCompletion();
        QVERIFY(c.endTime() > freeEnd);
    }

    void pythonSettingsApplyToTheRun() {
        SimulationController c;
        QVERIFY(c.openFile(kGilLesson, nullptr));
        c.runToCompletion();
        const core::SimTime normal = c.endTime();
        SimulationController::PythonSettings slow;
        slow.costScale = 2.0;
        c.setPythonSettings(slow);
        c.runToCompletion();
        QVERIFY2(c.endTime() > normal * 3 / 2,
                 qPrintable(QString::number(static_cast<double>(c.endTime()) / 1e6)));
        // Opening a program again goes back to the defaults.
        QVERIFY(c.openFile(kGilLesson, nullptr));
        QCOMPARE(c.pythonSettings().costScale, 1.0);
    }

    void theLessonHeaderSetsUpTheRun() {
        SimulationController c;
        QString error;
        QVERIFY2(c.openFile(kGilLesson, &error), qPrintable(error));
        // "# cores: 2" in the header of 001 (the CLI's default is 4).
        QCOMPARE(c.settings().cores, 2);
        QCOMPARE(c.programSettings().cores, 2);
        QCOMPARE(c.lessonHeader().views, (std::vector<std::string>{"gil", "stats"}));
        c.runToCompletion();
        QCOMPARE(c.trace().coreCount(), 2);

        // The desktop app's command line overrides the header, for the program it opened.
        core::RunOverrides cli;
        std::string why;
        QVERIFY(cli.set("cores", "3", &why));
        c.setStartupOverrides(cli);
        QVERIFY(c.openFile(kGilLesson, &error));
        QCOMPARE(c.settings().cores, 3);
        QVERIFY(c.openFile(kGilLesson, &error));  // opened again later: the header's
        QCOMPARE(c.settings().cores, 2);

        // Header settings, args and pause-at labels of a program from memory.
        const QString src = QStringLiteral(
            "# title: t\n# cores: 1\n# args: 7\n# pause-at: half\n\nimport sys, time, "
            "taskscope\nprint(sys.argv[1:])\ntime.sleep(0.01)\ntaskscope.mark('half')\n"
            "time.sleep(0.01)\n");
        QVERIFY2(c.openPythonText(src, QStringLiteral("h.py"), {}, &error), qPrintable(error));
        QCOMPARE(c.settings().cores, 1);
        QCOMPARE(c.pythonSettings().args, (std::vector<std::string>{"7"}));
        c.runToCompletion();
        QVERIFY(consoleText(c.trace()).startsWith(QStringLiteral("['7']")));
        QVERIFY(!c.pauseOnMarkers());
        QString reason;
        const auto at = c.firstBreak(0, c.endTime(), &reason);
        QVERIFY(at.has_value());
        QVERIFY2(*at >= 10 * kMillisecond && *at < 11 * kMillisecond,
                 qPrintable(QString::number(static_cast<double>(*at) / 1e6)));
        QCOMPARE(reason, QStringLiteral("marker \"half\""));

        // Edited text with a new header value re-reads it; a bad one is refused with its line.
        QVERIFY(c.runSource(
            QString(src).replace(QStringLiteral("cores: 1"), QStringLiteral("cores: 2")), &error));
        QCOMPARE(c.settings().cores, 2);
        core::Diagnostic detail;
        QVERIFY(!c.runSource(
            QString(src).replace(QStringLiteral("cores: 1"), QStringLiteral("cores: 0")), &error,
            &detail));
        QCOMPARE(error, QStringLiteral(
                            "h.py:2:10: cores: expected a whole number from 1 to 64, got \"0\""));
        QCOMPARE(detail.line, 2);
        QCOMPARE(c.settings().cores, 2);  // the run is kept
    }

    void programArgumentsInRunSettings() {
        SimulationController c;
        SettingsPanel panel(&c);
        QString error;
        QVERIFY2(c.openPythonText(QStringLiteral("# title: a\n# args: 1\n\nimport sys\n"
                                                 "print(sys.argv[1:])\n"),
                                  QStringLiteral("args.py"), {}, &error),
                 qPrintable(error));
        c.runToCompletion();
        QCOMPARE(panel.argsBox()->text(), QStringLiteral("1"));
        QCOMPARE(consoleText(c.trace()), QStringLiteral("['1']\n"));
        QVERIFY(!panel.headerNote()->isHidden());
        QCOMPARE(panel.headerNote()->text(), QStringLiteral("The program's header sets: args 1"));
        panel.argsBox()->setText(QStringLiteral(" a  b "));
        emit panel.argsBox()->editingFinished();
        QCOMPARE(c.pythonSettings().args, (std::vector<std::string>{"a", "b"}));
        c.runToCompletion();
        QCOMPARE(consoleText(c.trace()), QStringLiteral("['a', 'b']\n"));
        QCOMPARE(panel.argsBox()->text(), QStringLiteral("a b"));
        // Other settings keep the arguments; the program's defaults bring the header's back.
        panel.coresBox()->setValue(1);
        panel.applyNow();
        QCOMPARE(c.pythonSettings().args, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(c.settings().cores, 1);
        c.setConfig(c.programConfig());
        QCOMPARE(c.pythonSettings().args, (std::vector<std::string>{"1"}));
        QCOMPARE(panel.argsBox()->text(), QStringLiteral("1"));
        QCOMPARE(c.settings().cores, 4);
    }

    void theRunEndsAtTheLastExit() {
        // 001 exits at 493 ms, a GIL drop request was left for 496 ms; 003_process_subclass's
        // join(20) returned early but left a timer at 20 s (the run read as cut at 10 s).
        for (const char* name : {"001_gil_two_cpu_threads.py", "003_process_subclass.py"}) {
            SimulationController c;
            QVERIFY(c.openFile(kLessons + QLatin1String(name), nullptr));
            c.runToCompletion();
            QVERIFY2(!c.truncated(), name);
            core::SimTime lastExit = -1;
            for (const core::ProcessInfo& p : c.machine()->processes())
                lastExit = std::max(lastExit, p.exited);
            QVERIFY(lastExit > 0);
            QCOMPARE(c.endTime(), lastExit);
            QCOMPARE(c.machine()->now(), lastExit);
            c.seek(core::kNever);
            QCOMPARE(c.cursor(), lastExit);
        }
    }

    void chartsShowPerThreadFiguresTheGilWaitAndPhases() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kGilLesson, nullptr));
        c.runToCompletion();
        c.seek(c.endTime());
        StatsView view(&c, &theme);
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto chart = [&](const char* name) {
            return view.findChild<QChartView*>(QLatin1String(name));
        };
        auto categories = [&](const char* name) {
            const auto axes = chart(name)->chart()->axes();
            for (QAbstractAxis* a : axes)
                if (auto* cat = qobject_cast<QBarCategoryAxis*>(a)) return cat->categories();
            return QStringList();
        };
        // Per thread, not the textbook per-process bars; the first thread on top.
        QCOMPARE(chart("waitingChart")->chart()->title(),
                 QStringLiteral("Time per thread: CPU, ready, GIL, blocked"));
        QCOMPARE(categories("waitingChart"),
                 (QStringList{QStringLiteral("Thread-2 (spin)"), QStringLiteral("Thread-1 (spin)"),
                              QStringLiteral("MainThread")}));
        // GIL wait per thread: each spinning thread waits about half its time (lesson 001).
        QVERIFY(chart("gilWaitChart")->isVisible());
        const QStringList gil = categories("gilWaitChart");
        QCOMPARE(gil.size(), 3);
        const QRegularExpression share(QStringLiteral("^Thread-1 \\(spin\\) \u00b7 (\\d+)%$"));
        const auto m = share.match(gil[1]);
        QVERIFY2(m.hasMatch(), qPrintable(gil.join(QLatin1Char('|'))));
        QVERIFY2(m.captured(1).toInt() >= 40 && m.captured(1).toInt() <= 60, qPrintable(gil[1]));
        QVERIFY(!chart("phasesChart")->isVisible());  // no marks
        QVERIFY2(view.summaryText().contains(QStringLiteral("summed over 3 thread(s)")),
                 qPrintable(view.summaryText()));

        // Lesson 002 marks its three parts: serial, threads, processes side by side.
        QVERIFY(
            c.openFile(kLessons + QStringLiteral("002_thread_vs_process_vs_serial.py"), nullptr));
        c.runToCompletion();
        c.seek(c.endTime());
        view.refresh();
        QVERIFY(chart("phasesChart")->isVisible());
        QCOMPARE(categories("phasesChart"),
                 (QStringList{QStringLiteral("normal"), QStringLiteral("multithread"),
                              QStringLiteral("multicore")}));
        const auto& ph = view.phases();
        QCOMPARE(ph.size(), std::size_t{3});
        // On 2 cores: processes about half the serial time, threads no faster than serial.
        const double processes = static_cast<double>(ph[2].duration()) / ph[0].duration();
        const double threads = static_cast<double>(ph[1].duration()) / ph[0].duration();
        QVERIFY2(processes > 0.4 && processes < 0.7, qPrintable(QString::number(processes)));
        QVERIFY2(threads > 0.95 && threads < 1.2, qPrintable(QString::number(threads)));
    }

    void lessonsAreEmbedded() {
        QFile f(QStringLiteral(":/lessons/001_gil_two_cpu_threads.py"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        SimulationController c;
        QString error;
        QVERIFY2(
            c.openPythonText(QString::fromUtf8(f.readAll()),
                             QStringLiteral("001_gil_two_cpu_threads.py"), f.fileName(), &error),
            qPrintable(error));
        QCOMPARE(c.sourcePath(), QStringLiteral(":/lessons/001_gil_two_cpu_threads.py"));
    }
};

QTEST_MAIN(PythonTest)
#include "tst_python.moc"
