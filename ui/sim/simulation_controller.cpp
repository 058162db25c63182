#include "ui/sim/simulation_controller.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

#include "ui/model/display_names.h"

namespace taskscope::ui {

using core::SimTime;

namespace {
// A run that records more than this is cut (an endless program must not eat the memory).
constexpr std::size_t kMaxRecords = 30'000'000;
constexpr SimTime kMaxSimTime = 3600 * core::kSecond;
constexpr int kFrameMs = 16;
}  // namespace

SimulationController::SimulationController(QObject* parent)
    : QObject(parent), m_trace(std::make_unique<core::Trace>()) {
    m_runTimer.setInterval(0);
    connect(&m_runTimer, &QTimer::timeout, this, &SimulationController::onRunTimer);
    m_frameTimer.setInterval(kFrameMs);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &SimulationController::onFrame);
}

SimulationController::~SimulationController() = default;

bool SimulationController::openFile(const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("py")) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("%1: cannot open the file (%2); check the path and permissions")
                             .arg(path, file.errorString());
            return false;
        }
        return openPythonText(QString::fromUtf8(file.readAll()), QFileInfo(path).fileName(), path,
                              error);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot open the file (%2); check the path and permissions")
                         .arg(path, file.errorString());
        return false;
    }
    auto parsed =
        suffix == QLatin1String("csv")
            ? core::parseWorkloadCsv(file.readAll().toStdString(), path.toStdString())
        : suffix == QLatin1String("json")
            ? core::parseWorkloadJson(file.readAll().toStdString(), path.toStdString())
            : core::Expected<core::Workload>(core::Diagnostic{
                  .file = path.toStdString(),
                  .message = "unknown file type; expected a .json or .csv workload (or a .py "
                             "program)"});
    if (!parsed) {
        if (error) *error = QString::fromStdString(parsed.error().format());
        return false;
    }
    openWorkload(std::move(*parsed), QFileInfo(path).fileName(), path);
    return true;
}

bool SimulationController::openWorkloadText(const QByteArray& text, const QString& name,
                                            QString* error) {
    const std::string file = name.toStdString();
    auto parsed = name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                      ? core::parseWorkloadCsv(text.toStdString(), file)
                      : core::parseWorkloadJson(text.toStdString(), file);
    if (!parsed) {
        if (error) *error = QString::fromStdString(parsed.error().format());
        return false;
    }
    openWorkload(std::move(*parsed), name);
    return true;
}

core::runtime::PythonOptions SimulationController::pythonOptions(const QString& source,
                                                                 const QString& name) const {
    core::runtime::PythonOptions o{m_config.python};
    o.filename = name.isEmpty() ? std::string("main.py") : name.toStdString();
    o.source = source.toStdString();
    o.switchInterval = std::max<SimTime>(1, o.switchInterval);
    // input() reads the lines typed into the Console's input box, in order, then sees the
    // end of input (EOFError), as with a file on stdin; they are echoed as a terminal would.
    auto lines = std::make_shared<std::vector<std::string>>();
    for (const QString& l : m_input) lines->push_back(l.toStdString());
    auto next = std::make_shared<std::size_t>(0);
    o.readLine = [lines, next]() -> std::optional<std::string> {
        if (*next >= lines->size()) return std::nullopt;
        return (*lines)[(*next)++];
    };
    o.echoInput = true;
    return o;
}

bool SimulationController::openPythonText(const QString& source, const QString& name,
                                          const QString& path, QString* error,
                                          core::Diagnostic* detail) {
    return startPython(source, name, path, error, detail, /*keepSettings=*/false);
}

bool SimulationController::runSource(const QString& source, QString* error,
                                     core::Diagnostic* detail) {
    if (!m_config.isPython) {
        if (error) *error = tr("no Python program is open; open a .py file first");
        return false;
    }
    return startPython(source, m_title, m_sourcePath, error, detail, /*keepSettings=*/true);
}

bool SimulationController::startPython(const QString& source, const QString& name,
                                       const QString& path, QString* error,
                                       core::Diagnostic* detail, bool keepSettings) {
    // The header's settings are read as the command line's options are: a bad value is an
    // error of the program, with its line.
    core::LessonHeader header = core::readLessonHeader(source.toStdString(), name.toStdString());
    if (!header.errors.empty()) {
        const core::Diagnostic& e = header.errors.front();
        m_sourceError = e;
        if (error) *error = QString::fromStdString(e.format());
        if (detail) *detail = e;
        emit sourceErrorChanged();
        return false;
    }
    // Compile on a scratch machine first, so that a program with an error keeps the current run.
    {
        core::Machine scratch{core::MachineSettings{}};
        auto loaded = core::runtime::loadPython(scratch, pythonOptions(source, name));
        if (!loaded) {
            core::Diagnostic e = loaded.error();
            e.file = name.toStdString();
            m_sourceError = e;
            if (error)
                *error = QString::fromStdString(e.format()) +
                         (e.hint.empty() ? QString()
                                         : tr(" (hint: %1)").arg(QString::fromStdString(e.hint)));
            if (detail) *detail = e;
            emit sourceErrorChanged();
            return false;
        }
    }
    const bool hadError = m_sourceError.has_value();
    m_sourceError.reset();
    if (hadError) emit sourceErrorChanged();
    m_workload.reset();
    m_config.isPython = true;
    m_source = source;
    m_title = name;
    m_sourcePath = path;
    // Edited text with other header settings starts from them (other edits keep the settings).
    auto settingsText = [](const core::LessonHeader& h) {
        std::vector<std::pair<std::string, std::string>> v;
        for (const auto& s : h.settingLines) v.emplace_back(s.key, s.value);
        return v;
    };
    const bool headerChanged = settingsText(header) != settingsText(m_header);
    m_header = std::move(header);
    if (!keepSettings) {
        ++m_programSerial;
        m_revealed = 0;
        m_input.clear();
        m_config = programConfig();
        if (!m_lineBreakpoints.empty()) setLineBreakpoints({});  // they belonged to another file
    } else if (headerChanged) {
        m_config = programConfig();
    }
    restart(0);
    setSpeed(suggestedSpeed(m_complete ? endTime() : 20 * core::kSecond));
    return true;
}

void SimulationController::setSettings(const core::MachineSettings& settings,
                                       const PythonSettings& python) {
    m_config.machine = settings;
    m_config.python = python;
    m_input = python.input;
    restart(m_cursor);
}

void SimulationController::setConfig(const core::RunConfig& config) {
    const bool python = m_config.isPython;
    m_config = config;
    m_config.isPython = python;  // what is open decides, not the settings
    restart(m_cursor);
}

void SimulationController::setPythonSettings(const PythonSettings& settings) {
    if (settings == pythonSettings()) return;
    m_config.python = settings;
    m_input = settings.input;
    if (m_config.isPython) restart(m_cursor);
}

void SimulationController::openWorkload(core::Workload workload, const QString& title,
                                        const QString& path) {
    m_workload = std::move(workload);
    m_header = {};
    ++m_programSerial;
    m_revealed = 0;
    m_config.isPython = false;
    m_source.clear();
    if (m_sourceError) {
        m_sourceError.reset();
        emit sourceErrorChanged();
    }
    m_title = title;
    m_sourcePath = path;
    m_config = programConfig();
    restart(0);
    setSpeed(suggestedSpeed(m_complete ? endTime() : 20 * core::kSecond));
}

void SimulationController::adoptRun(std::optional<core::Workload> workload, const QString& title,
                                    const core::MachineSettings& settings,
                                    const core::Machine& machine, const core::Trace& trace) {
    setPlaying(false);
    m_runTarget.reset();
    m_runTimer.stop();
    m_workload = std::move(workload);
    m_header = {};
    ++m_programSerial;
    m_config = m_workload ? core::runConfigFor(*m_workload) : core::RunConfig{};
    m_config.isPython = false;  // shown as recorded: no source to edit or re-run
    m_source.clear();
    m_lineRecords.clear();
    m_lineScanned = 0;
    if (m_sourceError) {
        m_sourceError.reset();
        emit sourceErrorChanged();
    }
    m_title = title;
    m_sourcePath.clear();
    m_config.machine = settings;
    m_machine.emplace(machine);  // a copy does not write to any trace
    m_deadlockAnnounced = false;
    m_trace = std::make_unique<core::Trace>(trace);
    m_index.clear();
    m_index.update(*m_trace);
    m_complete = true;
    m_truncated = false;
    ++m_revision;
    m_cursor = endTime();
    m_cursorFraction = 0;
    updateState();
    emit programChanged();
    emit advanced(m_cursor, m_revision);
}

core::RunConfig SimulationController::programConfig() const {
    // What `taskscope run FILE` uses: the program's defaults, its header, the command line.
    core::RunConfig config = m_config.isPython ? core::runtime::pythonRunConfig()
                             : m_workload      ? core::runConfigFor(*m_workload)
                                               : core::RunConfig{};
    const bool startup = m_startupSerial != 0 && m_startupSerial == m_programSerial;
    core::applyLessonSettings(config, m_config.isPython ? m_header : core::LessonHeader{},
                              startup ? m_startupOverrides : core::RunOverrides{});
    return config;
}

void SimulationController::setStartupOverrides(const core::RunOverrides& overrides) {
    m_startupOverrides = overrides;
    m_startupSerial = m_programSerial + 1;
}

void SimulationController::setSettings(const core::MachineSettings& settings) {
    m_config.machine = settings;
    restart(m_cursor);
}

SimTime SimulationController::tickSize() const {
    return m_workload ? m_workload->unit : core::kMillisecond;
}

void SimulationController::restart(SimTime keepCursor) {
    setPlaying(false);
    m_runTarget.reset();
    m_runTimer.stop();
    m_machine.reset();
    m_deadlockAnnounced = false;  // a new run: its deadlock is news again
    m_trace = std::make_unique<core::Trace>();
    m_index.clear();
    m_lineRecords.clear();
    m_lineScanned = 0;
    m_complete = true;
    m_truncated = false;
    if (m_config.isPython) {
        m_machine.emplace(m_config.machine);
        m_machine->attachTrace(m_trace.get());
        // The machine stays where it is from here on: the runtime keeps per-thread VM state
        // tied to it (a copy is not a snapshot), so the cursor seeks over the trace instead.
        if (core::runtime::loadPython(*m_machine, pythonOptions(m_source, m_title))) {
            m_complete = false;
            runSlice(250);
            if (!m_complete) m_runTimer.start();
        } else {
            m_machine.reset();  // cannot happen: the source compiled before it was accepted
        }
    } else if (m_workload) {
        m_machine.emplace(m_config.machine);
        m_machine->attachTrace(m_trace.get());
        core::populate(*m_machine, *m_workload);
        m_complete = false;
        // Short runs (every classic exercise) finish here, so the first frame shows all of it.
        runSlice(250);
        if (!m_complete) m_runTimer.start();
    }
    ++m_revision;
    m_cursor = std::clamp<SimTime>(keepCursor, 0, endTime());
    m_cursorFraction = 0;
    updateState();
    emit programChanged();
    emit advanced(m_cursor, m_revision);
}

void SimulationController::runSlice(qint64 budgetMs) {
    if (m_complete || !m_machine) return;
    QElapsedTimer clock;
    clock.start();
    core::Machine& m = *m_machine;
    for (;;) {
        bool more = true;
        for (int i = 0; i < 1024 && more; ++i)
            more = m_config.isPython ? m.step(core::kPythonTimeLimit) : m.step();
        if (!more) {
            m_complete = true;
            // The run ends at the last exit (or the deadlock, or the time limit: truncated).
            m_truncated = m.endRun(m_config.isPython ? core::kPythonTimeLimit : core::kNever) &&
                          m_config.isPython;
            break;
        }
        if (m_trace->size() > kMaxRecords || m.now() > kMaxSimTime) {
            m_complete = true;
            m_truncated = true;
            break;
        }
        if (clock.elapsed() >= budgetMs) break;
    }
    m_trace->setEndTime(std::max(m_trace->endTime(), m.now()));
    m_index.update(*m_trace);
    if (m_config.isPython) {
        for (; m_lineScanned < m_trace->size(); ++m_lineScanned)
            if (m_trace->body(m_lineScanned).kind == core::RecordKind::Line)
                m_lineRecords.push_back(static_cast<std::uint32_t>(m_lineScanned));
    }
}

void SimulationController::onRunTimer() {
    runSlice(12);
    if (m_complete) m_runTimer.stop();
    ++m_revision;
    updateState();
    emit advanced(m_cursor, m_revision);
}

void SimulationController::runToCompletion() {
    if (m_complete) return;
    while (!m_complete) runSlice(1000);
    m_runTimer.stop();
    ++m_revision;
    updateState();
    emit advanced(m_cursor, m_revision);
}

void SimulationController::updateState() {
    m_trace->stateAt(m_cursor, m_state);  // reuses the state's memory (large runs)
    m_revealed = std::max(m_revealed, m_cursor);
    const auto deadlock = deadlockTime();
    const bool reached = deadlock && m_cursor >= *deadlock;
    if (reached && !m_deadlockAnnounced) {
        m_deadlockAnnounced = true;
        emit deadlockReached(*deadlock);
    } else if (!reached) {
        m_deadlockAnnounced = false;
    }
}

std::optional<SimTime> SimulationController::deadlockTime() const {
    if (!m_machine || !m_machine->deadlock()) return std::nullopt;
    return m_machine->deadlock()->time;
}

void SimulationController::setHideFuture(bool on) {
    if (on == m_hideFuture) return;
    m_hideFuture = on;
    emit hideFutureChanged(on);
    emit advanced(m_cursor, m_revision);
}

void SimulationController::seek(SimTime t) {
    const SimTime clamped = std::clamp<SimTime>(t, 0, endTime());
    m_cursorFraction = 0;
    if (clamped == m_cursor && m_state.time == clamped) return;
    m_cursor = clamped;
    updateState();
    emit advanced(m_cursor, m_revision);
}

void SimulationController::stepForward() {
    pause();
    if (m_stepMode == StepMode::Tick) {
        seek(m_cursor + tickSize());
        return;
    }
    std::size_t next = m_trace->upperBound(m_cursor);
    if (next >= m_trace->size() && !m_complete) {
        runSlice(50);
        ++m_revision;
        next = m_trace->upperBound(m_cursor);
    }
    seek(next < m_trace->size() ? m_trace->time(next) : endTime());
}

void SimulationController::stepBack() {
    pause();
    if (m_stepMode == StepMode::Tick) {
        seek(m_cursor - tickSize());
        return;
    }
    const std::size_t at = m_trace->lowerBound(m_cursor);
    seek(at == 0 ? 0 : m_trace->time(at - 1));
}

void SimulationController::reset() {
    pause();
    m_runTarget.reset();
    seek(0);
}

void SimulationController::setPlaying(bool on) {
    if (m_playing == on) return;
    m_playing = on;
    if (on) {
        m_frameClock.start();
        m_frameTimer.start();
    } else {
        m_frameTimer.stop();
        m_runTarget.reset();
    }
    emit playingChanged(on);
}

void SimulationController::play() {
    if (!hasProgram()) return;
    // Play at the end starts over, as media players do.
    if (m_complete && m_cursor >= endTime() && !m_runTarget) seek(0);
    m_lastPauseReason.clear();
    setPlaying(true);
}

void SimulationController::pause() {
    setPlaying(false);
}

void SimulationController::togglePlay() {
    m_playing ? pause() : play();
}

void SimulationController::runTo(SimTime target) {
    if (target <= m_cursor) {
        seek(target);
        return;
    }
    m_runTarget = target;
    setPlaying(true);
    m_runTarget = target;  // setPlaying(true) keeps it; set again for clarity when already on
}

void SimulationController::setSpeed(double speed) {
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed) return;
    m_speed = speed;
    emit speedChanged(speed);
}

double SimulationController::suggestedSpeed(SimTime runLength, double seconds) {
    const double ideal = static_cast<double>(runLength) / (seconds * core::kSecond);
    // The nearest 1-2-5 value (on a log scale) so that the slider shows a round number.
    double best = kMinSpeed;
    for (double decade = 0.01; decade <= kMaxSpeed; decade *= 10)
        for (const double m : {1.0, 2.0, 5.0})
            if (std::abs(std::log(decade * m / ideal)) < std::abs(std::log(best / ideal)))
                best = decade * m;
    return std::clamp(best, kMinSpeed, kMaxSpeed);
}

void SimulationController::onFrame() {
    const qint64 wallNs = m_frameClock.nsecsElapsed();
    m_frameClock.restart();
    const double advance = static_cast<double>(wallNs) * m_speed + m_cursorFraction;
    const auto whole = static_cast<SimTime>(std::floor(advance));
    double fraction = advance - static_cast<double>(whole);
    SimTime target = m_cursor + whole;
    bool stop = false;
    if (m_runTarget && target >= *m_runTarget) {
        target = *m_runTarget;
        stop = true;
    }
    QString reason;
    if (const auto at = firstBreak(m_cursor, target, &reason)) {
        target = *at;
        stop = true;
        fraction = 0;
        m_lastPauseReason = reason;
    }
    if (target >= endTime()) {
        target = endTime();
        fraction = 0;
        if (m_complete) stop = true;  // otherwise wait for the run to catch up
    }
    if (target != m_cursor) {
        m_cursor = target;
        updateState();
        emit advanced(m_cursor, m_revision);
    }
    m_cursorFraction = fraction;
    if (stop) {
        pause();
        if (!reason.isEmpty()) emit pausedAtBreak(m_cursor, reason);
    }
}

void SimulationController::setPauseOnMarkers(bool on) {
    if (on == m_pauseOnMarkers) return;
    m_pauseOnMarkers = on;
    emit breakpointsChanged();
}

void SimulationController::setPauseOnDeadlock(bool on) {
    if (on == m_pauseOnDeadlock) return;
    m_pauseOnDeadlock = on;
    emit breakpointsChanged();
}

void SimulationController::setPauseOnLostUpdate(bool on) {
    if (on == m_pauseOnLostUpdate) return;
    m_pauseOnLostUpdate = on;
    emit breakpointsChanged();
}

void SimulationController::addStateWatch(const StateWatch& w) {
    if (std::find(m_stateWatches.begin(), m_stateWatches.end(), w) != m_stateWatches.end()) return;
    m_stateWatches.push_back(w);
    emit breakpointsChanged();
}

void SimulationController::removeStateWatch(std::size_t i) {
    if (i >= m_stateWatches.size()) return;
    m_stateWatches.erase(m_stateWatches.begin() + static_cast<std::ptrdiff_t>(i));
    emit breakpointsChanged();
}

void SimulationController::clearStateWatches() {
    m_stateWatches.clear();
    emit breakpointsChanged();
}

void SimulationController::setLineBreakpoints(std::vector<int> lines) {
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    if (lines == m_lineBreakpoints) return;
    m_lineBreakpoints = std::move(lines);
    emit breakpointsChanged();
}

void SimulationController::toggleLineBreakpoint(int line) {
    std::vector<int> lines = m_lineBreakpoints;
    const auto it = std::find(lines.begin(), lines.end(), line);
    if (it != lines.end())
        lines.erase(it);
    else
        lines.push_back(line);
    setLineBreakpoints(std::move(lines));
}

std::optional<SimTime> SimulationController::firstBreak(SimTime from, SimTime to,
                                                        QString* reason) const {
    std::optional<SimTime> best;
    auto consider = [&](SimTime t, const QString& why) {
        if (t <= from || t > to || (best && *best <= t)) return;
        best = t;
        if (reason) *reason = why;
    };
    // The lesson's "# pause-at:" labels pause whether or not "Pause at markers" is on.
    const auto& pauseAt = m_header.pauseAt;
    if (m_pauseOnMarkers || m_pauseOnDeadlock || m_pauseOnLostUpdate || !pauseAt.empty()) {
        const auto& ev = m_index.runEvents();
        for (std::size_t i = m_index.runEventCountAt(*m_trace, from); i < ev.size(); ++i) {
            const SimTime t = m_trace->time(ev[i]);
            if (t > to) break;
            const core::RecordBody& b = m_trace->body(ev[i]);
            const auto name = [&](std::uint32_t th) {
                return th < m_trace->threads().size()
                           ? QString::fromStdString(m_trace->threads()[th].name)
                           : QString::number(th);
            };
            if (b.kind == core::RecordKind::Marker &&
                (m_pauseOnMarkers || std::find(pauseAt.begin(), pauseAt.end(),
                                               m_trace->text(b.object)) != pauseAt.end())) {
                consider(t,
                         tr("marker \"%1\"").arg(QString::fromStdString(m_trace->text(b.object))));
                break;
            }
            if (m_pauseOnDeadlock && b.kind == core::RecordKind::Deadlock) {
                consider(t, tr("deadlock (%1 closed the cycle)").arg(name(b.subject)));
                break;
            }
            if (m_pauseOnLostUpdate && b.kind == core::RecordKind::Sync) {
                consider(t, tr("lost update by %1").arg(name(b.subject)));
                break;
            }
        }
    }
    if (!m_lineBreakpoints.empty()) {
        auto it =
            std::upper_bound(m_lineRecords.begin(), m_lineRecords.end(), from,
                             [this](SimTime v, std::uint32_t r) { return v < m_trace->time(r); });
        for (; it != m_lineRecords.end() && m_trace->time(*it) <= to; ++it) {
            const core::RecordBody& b = m_trace->body(*it);
            if (!std::binary_search(m_lineBreakpoints.begin(), m_lineBreakpoints.end(),
                                    static_cast<int>(b.object)))
                continue;
            const QString who = b.subject < m_trace->threads().size()
                                    ? QString::fromStdString(m_trace->threads()[b.subject].name)
                                    : QString::number(b.subject);
            consider(m_trace->time(*it), tr("%1 reached line %2").arg(who).arg(b.object));
            break;
        }
    }
    for (const StateWatch& w : m_stateWatches) {
        const std::size_t threads = m_trace->threads().size();
        for (std::uint32_t th = 0; th < threads; ++th) {
            if (w.thread != core::kNone && w.thread != th) continue;
            const auto& pts = m_index.points(th);
            auto it =
                std::upper_bound(pts.begin(), pts.end(), from,
                                 [](SimTime v, const core::ThreadPoint& p) { return v < p.time; });
            for (; it != pts.end() && it->time <= to; ++it) {
                if (it->state != w.state) continue;
                consider(it->time, tr("%1 became %2")
                                       .arg(QString::fromStdString(m_trace->threads()[th].name),
                                            stateName(w.state)));
                break;
            }
        }
    }
    return best;
}

}  // namespace taskscope::ui
