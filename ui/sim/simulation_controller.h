#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <limits>

#include <memory>
#include <optional>
#include <vector>

#include "core/analysis/trace_index.h"
#include "core/runtime/python.h"
#include "core/sim/machine.h"
#include "core/trace/trace.h"
#include "core/workload/lesson_header.h"
#include "core/workload/workload.h"

namespace taskscope::ui {

// Owns the simulation of the open program and the cursor every view follows.
// The machine runs ahead of the cursor (in slices of wall time on the event loop, so a long
// or endless program never freezes the window); the cursor moves over the recorded trace,
// so stepping back or seeking never re-simulates.
class SimulationController : public QObject {
    Q_OBJECT
public:
    enum class StepMode { Event, Tick };
    Q_ENUM(StepMode)

    static constexpr double kMinSpeed = 0.01;
    static constexpr double kMaxSpeed = 1000.0;

    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    // The Python settings of the run configuration, and what the program reads with input(),
    // one line each, then end of input (EOFError).
    struct PythonSettings : core::PythonConfig {
        QStringList input;
        friend bool operator==(const PythonSettings&, const PythonSettings&) = default;
    };
    // --- what runs ---
    // A workload (.json/.csv) or a Python program (.py). On failure returns false and sets
    // `error` to "file:line: message" ("file:line:col: message" for Python); the current run
    // is kept.
    bool openFile(const QString& path, QString* error);
    // A Python program from memory. `name` labels errors and the window; `path` is the file it
    // came from (a ":/lessons/..." resource for built-in lessons), the key of saved edits.
    bool openPythonText(const QString& source, const QString& name, const QString& path,
                        QString* error, core::Diagnostic* detail = nullptr);
    // Runs new source text for the open Python program (the code view's Run): the title,
    // path and settings stay. On a compile error returns false and the current run is kept.
    bool runSource(const QString& source, QString* error, core::Diagnostic* detail = nullptr);
    bool isPython() const { return m_config.isPython; }
    // Bumped when a program is opened (not when it re-runs with new settings or new text).
    quint64 programSerial() const { return m_programSerial; }
    // The source text of the running Python program (empty for workloads).
    QString sourceText() const { return m_source; }
    // The last compile error of openPythonText / runSource (nullopt after a success); its
    // file is the program's name (title()).
    const std::optional<core::Diagnostic>& sourceError() const { return m_sourceError; }
    // A workload from memory (built-in lessons, the table editor). `name` labels errors.
    bool openWorkloadText(const QByteArray& text, const QString& name, QString* error);
    // `path`: the file it came from (empty for built-in lessons and the table editor).
    void openWorkload(core::Workload workload, const QString& title, const QString& path = {});
    // A run made elsewhere (the headless command line, which already simulated it with its
    // options): shown as it is, complete, nothing re-simulated. The cursor goes to its end.
    void adoptRun(std::optional<core::Workload> workload, const QString& title,
                  const core::MachineSettings& settings, const core::Machine& machine,
                  const core::Trace& trace);
    bool hasProgram() const { return m_workload.has_value() || m_config.isPython; }
    const core::Workload* workload() const { return m_workload ? &*m_workload : nullptr; }
    QString title() const { return m_title; }
    QString sourcePath() const { return m_sourcePath; }

    // The header of the open Python program ("# title:", "# cores: 2", "# views:", ...; empty
    // for workloads). Its run settings are part of programConfig(); a header with a bad value
    // is refused as a compile error is (file:line).
    const core::LessonHeader& lessonHeader() const { return m_header; }
    // Run settings given on the desktop app's command line (taskscope FILE --cores 4): laid
    // over the header of the next program opened, and of that program only.
    void setStartupOverrides(const core::RunOverrides& overrides);

    // The run configuration; changing it re-runs from the start and keeps the cursor.
    const core::RunConfig& config() const { return m_config; }
    void setConfig(const core::RunConfig& config);
    // Its machine settings.
    const core::MachineSettings& settings() const { return m_config.machine; }
    void setSettings(const core::MachineSettings& settings);
    // The defaults of the open program (what the file asked for; for Python programs the
    // CLI's defaults: 4 cores, the fair policy, a 2 us context switch, under the settings of
    // the program's header and then of the command line).
    core::RunConfig programConfig() const;
    core::MachineSettings programSettings() const { return programConfig().machine; }
    // GIL, switch interval, start method, cost scale and input lines of Python runs; changing
    // them re-runs a Python program from the start and keeps the cursor.
    PythonSettings pythonSettings() const { return {m_config.python, m_input}; }
    void setPythonSettings(const PythonSettings& settings);
    // Both at once (one re-run).
    void setSettings(const core::MachineSettings& settings, const PythonSettings& python);

    // --- the run ---
    const core::Trace& trace() const { return *m_trace; }
    const core::Machine* machine() const { return m_machine ? &*m_machine : nullptr; }
    const core::TraceIndex& index() const { return m_index; }
    bool runComplete() const { return m_complete; }
    bool truncated() const { return m_truncated; }
    core::SimTime endTime() const { return m_trace->endTime(); }
    // Runs the rest of the simulation now (tests, screenshots, exports).
    void runToCompletion();
    // The unit a "tick" step moves and times are shown in (the workload's time unit).
    core::SimTime tickSize() const;
    // Bumped whenever the trace changes (new run, more records): views drop their caches.
    quint64 revision() const { return m_revision; }

    // --- the cursor ---
    core::SimTime cursor() const { return m_cursor; }
    // When the run ends in a deadlock (the machine found a cycle): its time.
    std::optional<core::SimTime> deadlockTime() const;
    // Every thread, core and process at the cursor.
    const core::TraceState& state() const { return m_state; }
    void seek(core::SimTime t);
    StepMode stepMode() const { return m_stepMode; }
    void setStepMode(StepMode mode) { m_stepMode = mode; }
    // One scheduler event (the next / previous record time) or one tick.
    void stepForward();
    void stepBack();
    // Back to the start, paused.
    void reset();

    // --- reveal as it plays ---
    // When on, the views show nothing past the furthest point the cursor has reached since
    // the program was opened ("what happens next?"): visibleUntil() is that point.
    bool hideFuture() const { return m_hideFuture; }
    void setHideFuture(bool on);
    core::SimTime revealedUntil() const { return m_revealed; }
    core::SimTime visibleUntil() const {
        return m_hideFuture ? m_revealed : std::numeric_limits<core::SimTime>::max();
    }

    // --- playing ---
    bool playing() const { return m_playing; }
    void play();
    void pause();
    void togglePlay();
    // Plays until `target` and stops there.
    void runTo(core::SimTime target);
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    // Pause when playing reaches a taskscope.mark / marker record.
    bool pauseOnMarkers() const { return m_pauseOnMarkers; }
    void setPauseOnMarkers(bool on);
    // Further pause conditions (breakpoints) for Play and Run to.
    bool pauseOnDeadlock() const { return m_pauseOnDeadlock; }
    void setPauseOnDeadlock(bool on);
    bool pauseOnLostUpdate() const { return m_pauseOnLostUpdate; }
    void setPauseOnLostUpdate(bool on);
    // "When P3 becomes Waiting": pause when `thread` (kNone: any thread) enters `state`.
    struct StateWatch {
        std::uint32_t thread = core::kNone;
        core::ThreadState state = core::ThreadState::Waiting;
        friend bool operator==(const StateWatch&, const StateWatch&) = default;
    };
    const std::vector<StateWatch>& stateWatches() const { return m_stateWatches; }
    void addStateWatch(const StateWatch& w);
    void removeStateWatch(std::size_t i);
    void clearStateWatches();
    // Line breakpoints of the Python program (1-based): pause when a thread reaches one.
    const std::vector<int>& lineBreakpoints() const { return m_lineBreakpoints; }
    void setLineBreakpoints(std::vector<int> lines);
    void toggleLineBreakpoint(int line);
    // Why playing stopped last (empty: it was not a pause condition).
    QString lastPauseReason() const { return m_lastPauseReason; }
    // The first time in (from, to] where a pause condition holds, with the reason.
    std::optional<core::SimTime> firstBreak(core::SimTime from, core::SimTime to,
                                            QString* reason) const;
    // The speed that plays the whole run in about `seconds` of wall time (the 1-2-5 value
    // nearest on a log scale): 8 s, so that Play shows a time slice end within a second of
    // the default lesson and a lesson ends while the class still watches.
    static double suggestedSpeed(core::SimTime runLength, double seconds = 8.0);

signals:
    // The cursor moved or the trace changed; views pull what they need.
    void advanced(qint64 cursor, quint64 revision);
    // A new program (or new settings) started running.
    void programChanged();
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // Playing stopped at a pause condition (deadlock, lost update, marker, state watch).
    void pausedAtBreak(qint64 time, const QString& reason);
    // A pause condition was switched on or off, or a state watch or line breakpoint changed.
    void breakpointsChanged();
    // sourceError() changed (a compile error, or a program that compiled after one).
    void sourceErrorChanged();
    // "Reveal as it plays" was switched on or off.
    void hideFutureChanged(bool on);
    // The cursor reached the run's deadlock (once per run, again after going back before it).
    void deadlockReached(qint64 time);

private:
    void restart(core::SimTime keepCursor);
    bool startPython(const QString& source, const QString& name, const QString& path,
                     QString* error, core::Diagnostic* detail, bool keepSettings);
    core::runtime::PythonOptions pythonOptions(const QString& source, const QString& name) const;
    void runSlice(qint64 budgetMs);
    void onRunTimer();
    void onFrame();
    void updateState();
    void setPlaying(bool on);

    std::optional<core::Workload> m_workload;
    quint64 m_programSerial = 0;
    QString m_source;
    std::optional<core::Diagnostic> m_sourceError;
    QStringList m_input;                       // the Console's input lines for input()
    std::vector<std::uint32_t> m_lineRecords;  // indexes of Line records (line breakpoints)
    std::size_t m_lineScanned = 0;
    std::vector<int> m_lineBreakpoints;
    QString m_title;
    QString m_sourcePath;
    core::LessonHeader m_header;
    core::RunOverrides m_startupOverrides;
    quint64 m_startupSerial = 0;  // the program the startup overrides belong to (0: none)
    core::RunConfig m_config;     // m_config.isPython: a Python program is open
    std::optional<core::Machine> m_machine;
    std::unique_ptr<core::Trace> m_trace;
    core::TraceIndex m_index;
    core::TraceState m_state;
    bool m_complete = true;
    bool m_truncated = false;
    quint64 m_revision = 0;

    core::SimTime m_cursor = 0;
    core::SimTime m_revealed = 0;  // the furthest the cursor has been (reveal as it plays)
    bool m_hideFuture = false;
    double m_cursorFraction = 0;  // sub-nanosecond remainder while playing slowly
    StepMode m_stepMode = StepMode::Event;
    bool m_playing = false;
    double m_speed = 1.0;
    bool m_pauseOnMarkers = false;
    bool m_pauseOnDeadlock = false;
    bool m_pauseOnLostUpdate = false;
    std::vector<StateWatch> m_stateWatches;
    QString m_lastPauseReason;
    std::optional<core::SimTime> m_runTarget;
    bool m_deadlockAnnounced = false;  // deadlockReached was emitted for this cursor side
    QTimer m_runTimer;
    QTimer m_frameTimer;
    QElapsedTimer m_frameClock;
};

}  // namespace taskscope::ui
