#include "app/run_command.h"

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "core/analysis/deadlock_report.h"
#include "core/analysis/phases.h"
#include "core/analysis/run_stats.h"
#include "core/analysis/sync_report.h"
#include "core/analysis/wait_for_graph.h"
#include "core/runtime/python.h"
#include "core/trace/exporters.h"
#include "core/trace/perfetto.h"
#include "core/trace/trace.h"
#include "core/util/time_format.h"
#include "core/workload/lesson_header.h"
#include "core/workload/workload.h"

namespace taskscope::app {

namespace {

using namespace taskscope::core;

SimTime toTime(double v, SimTime unit) {
    return static_cast<SimTime>(std::llround(v * static_cast<double>(unit)));
}

// Opens `path` for writing, or reports why not.
bool withOutput(const std::string& path, std::ostream& out, std::ostream& err,
                const std::function<void(std::ostream&)>& write) {
    if (path == "-") {
        write(out);
        return true;
    }
    std::ofstream f(path, std::ios::binary);
    if (!f) {
        err << "taskscope: error: cannot write '" << path
            << "': check that the folder exists and is writable\n";
        return false;
    }
    write(f);
    f.flush();
    if (!f) {
        err << "taskscope: error: writing '" << path << "' failed (disk full?)\n";
        return false;
    }
    return true;
}

void printSummary(const RunStats& s, SimTime unit, const std::string& unitName, std::ostream& out) {
    const auto u = static_cast<double>(unit);
    // Numbers in the file's unit without exponents ("0.000007", not "7e-06").
    auto f = [u](SimTime v) {
        return v < 0 ? std::string("-") : formatDecimal(static_cast<double>(v) / u);
    };
    auto d = [](double v) { return formatDecimal(v); };
    out << fmt::format("{:<12} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9}\n", "process",
                       "pid", "arrival", "first_run", "finish", "cpu", "waiting", "turnaround",
                       "response");
    for (const auto& p : s.processes)
        out << fmt::format("{:<12} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9}\n", p.name,
                           p.pid, f(p.arrival), f(p.firstRun), f(p.finish), f(p.cpu), f(p.waiting),
                           f(p.turnaround), f(p.response));
    const std::string turnaround = s.finished > 0
                                       ? fmt::format("{} {}", d(s.averageTurnaround / u), unitName)
                                       : std::string("- (none finished)");
    if (s.threads.size() > s.processes.size()) {
        out << fmt::format("{:<12} {:<10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "thread",
                           "process", "tid", "finish", "cpu", "ready", "blocked", "gil_wait");
        for (const auto& t : s.threads)
            out << fmt::format("{:<12} {:<10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}\n", t.name,
                               t.process, t.tid, f(t.finish), f(t.cpu), f(t.ready), f(t.blocked),
                               f(t.gilWait));
    }
    out << fmt::format("average waiting {} {u}, turnaround {}, response {} {u}\n",
                       d(s.averageWaiting / u), turnaround, d(s.averageResponse / u),
                       fmt::arg("u", unitName));
    out << fmt::format("makespan {} {}, context switches {}, utilization", f(s.makespan), unitName,
                       s.contextSwitches);
    for (double x : s.utilization) out << fmt::format(" {:.1f}%", x * 100);
    out << "\n";
}

// An option that changes nothing in this run says so, one line each.
void warnIneffective(const std::vector<OverrideNote>& notes, std::ostream& err) {
    for (const OverrideNote& n : notes) {
        const std::string option = n.field == "gil"    ? std::string("--no-gil")
                                   : n.field == "args" ? std::string("ARGS (after --)")
                                                       : "--" + n.field;
        err << "taskscope: warning: " << option << " " << n.why << "\n";
    }
}

// `title`: the program's own title, the default of pictures (--png...).
int reportRun(const RunOptions& o, Machine& machine, Trace& trace, SimTime unit,
              const std::string& unitName, bool isProgram, std::ostream& out, std::ostream& err,
              const std::string& title = {}, const std::string& titleZh = {});

int runWorkload(const RunOptions& o, std::ostream& out, std::ostream& err) {
    auto loaded = loadWorkload(o.file);
    if (!loaded) {
        err << "taskscope: error: " << loaded.error().format() << "\n";
        return kExitBadInput;
    }
    Workload& w = *loaded;
    const SimTime unit = w.unit;
    const std::string unitName = w.timeUnit;
    RunConfig config = runConfigFor(w);
    warnIneffective(applyOverrides(config, o.run), err);
    if (o.dumpFramesAt) {
        err << "taskscope: error: --dump-frames-at: a workload has no Python frames; it needs a "
               ".py program\n";
        return kExitBadInput;
    }
    if (o.maxSteps)
        err << "taskscope: warning: --max-steps has no effect on a workload: it is a setting of "
               "Python programs\n";

    Machine machine(config.machine);
    Trace trace;
    machine.attachTrace(&trace);
    populate(machine, w);
    w.processes = {};  // the machine has them now
    machine.runUntil(o.until ? toTime(*o.until, unit) : kNever);
    trace.compact();
    return reportRun(o, machine, trace, unit, unitName, /*isProgram=*/false, out, err, w.title);
}

// Prints the console output and the findings of a finished run (deadlock, blocked threads,
// lost updates) and writes the requested files. Returns kExitOk, kExitDeadlock or
// kExitBadInput (an output file could not be written).
int reportRun(const RunOptions& o, Machine& machine, Trace& trace, SimTime unit,
              const std::string& unitName, bool isProgram, std::ostream& out, std::ostream& err,
              const std::string& title, const std::string& titleZh) {
    const auto u = static_cast<double>(unit);
    // The console output of the run, in simulated-time order (to stderr when stdout
    // carries the statistics JSON).
    const bool statsOnStdout =
        (o.statsPath && *o.statsPath == "-") || (o.dumpFramesAt && o.dumpFramesPath == "-");
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const RecordBody& b = trace.body(i);
        if (b.kind != RecordKind::Output) continue;
        (b.extra16 == 2 || statsOnStdout ? err : out) << trace.text(b.object);
    }
    // The table and the statistics CSV need the figures as a list; the JSON is written
    // straight from the machine (statsJson holds only the findings added to it).
    std::optional<RunStats> statsList;
    auto stats = [&]() -> const RunStats& {
        if (!statsList) statsList = computeStats(machine);
        return *statsList;
    };
    nlohmann::json statsJson = nlohmann::json::object();
    {
        // taskscope.mark() phases (empty without marks).
        TraceIndex index;
        index.update(trace);
        statsJson["phases"] = phasesToJson(phasesAt(trace, index, trace.endTime()), unit);
    }
    int status = kExitOk;
    if (const auto& d = machine.deadlock()) {
        status = kExitDeadlock;
        const WaitForGraph graph = waitForGraph(machine);
        err << fmt::format("taskscope: deadlock at {:g} {}: {}\n", static_cast<double>(d->time) / u,
                           unitName, describeCycle(graph));
        for (const auto& c : graph.conditions)
            err << fmt::format("  {} {}: {}\n", c.holds ? "[x]" : "[ ]", c.name, c.evidence);
        statsJson["deadlock"] = deadlockToJson(machine, graph, unit);
    } else if (const auto blocked = describeAllBlocked(machine); !blocked.empty()) {
        status = kExitDeadlock;
        err << fmt::format(
            "taskscope: all threads blocked at {:g} {} (real Python would hang here):\n",
            static_cast<double>(machine.now()) / u, unitName);
        for (const auto& line : blocked) err << "  " << line << "\n";
        statsJson["blocked"] = blocked;
    }
    if (machine.lostUpdateCount() > 0 || !machine.objects().empty()) {
        statsJson["lost_updates"] = lostUpdatesToJson(machine, unit);
        statsJson["objects"] = objectsToJson(machine, unit);
    }
    bool ok = true;
    if (o.statsPath)
        ok &= withOutput(*o.statsPath, out, err, [&](std::ostream& s) {
            writeStatsJson(machine, unit, unitName, statsJson, s);
            s << "\n";
        });
    if (o.tracePath)
        ok &= withOutput(*o.tracePath, out, err, [&](std::ostream& s) {
            if (isPerfettoPath(*o.tracePath))
                writePerfettoTrace(trace, s);
            else
                writeChromeTrace(trace, s);
        });
    if (o.csvPath)
        ok &= withOutput(*o.csvPath, out, err,
                         [&](std::ostream& s) { writeSliceCsv(trace, s, unit, unitName); });
    if (o.statsCsvPath)
        ok &= withOutput(*o.statsCsvPath, out, err,
                         [&](std::ostream& s) { writeStatsCsv(stats(), s, unit, unitName); });
    if (o.wantsImages()) ok &= writeImages(o, machine, trace, unit, unitName, title, titleZh, err);
    if (trace.size() > 1000000 && o.tracePath && !isPerfettoPath(*o.tracePath))
        err << fmt::format(
            "taskscope: note: the trace has {} events; chrome://tracing and Perfetto in the "
            "browser struggle with JSON above about a million (write F.perfetto-trace, or use "
            "--until to cut the run)\n",
            trace.size());
    // A Python program's stdout is its own output: the table only when asked for.
    if (o.summary || (!isProgram && !o.statsPath && !o.tracePath && !o.csvPath && !o.statsCsvPath &&
                      !o.wantsImages())) {
        printSummary(stats(), unit, unitName, out);
        if (const std::string lost = describeLostUpdates(machine, unit, unitName); !lost.empty())
            out << lost << "\n";
    }
    return ok ? status : kExitBadInput;
}

// `--dump-frames-at`: {"time": ms, "processes": [{"pid", "name", "globals": {name: repr},
// "threads": [{"tid", "name", "state", "frames": [{"function", "line", "locals"}]}]}]}.
nlohmann::ordered_json framesToJson(const std::vector<runtime::ProcessFrames>& processes,
                                    SimTime at) {
    auto object = [](const std::vector<std::pair<std::string, std::string>>& vars) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (const auto& [name, repr] : vars) o[name] = repr;
        return o;
    };
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& p : processes) {
        nlohmann::ordered_json threads = nlohmann::ordered_json::array();
        for (const auto& t : p.threads) {
            nlohmann::ordered_json frames = nlohmann::ordered_json::array();
            for (const auto& f : t.frames)
                frames.push_back(
                    {{"function", f.function}, {"line", f.line}, {"locals", object(f.locals)}});
            threads.push_back(
                {{"tid", t.tid}, {"name", t.name}, {"state", t.state}, {"frames", frames}});
        }
        list.push_back({{"pid", p.pid},
                        {"name", p.name},
                        {"globals", object(p.globals)},
                        {"threads", threads}});
    }
    return {{"time", static_cast<double>(at) / 1e6}, {"processes", list}};
}

// Python programs: the time unit of options and reports is the millisecond.
int runPython(const RunOptions& o, std::ostream& out, std::ostream& err) {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) {
        err << "taskscope: error: cannot open '" << o.file << "': check the path\n";
        return kExitBadInput;
    }
    std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The lesson's header settings ("# cores: 2"), then the command line's options.
    const LessonHeader header = readLessonHeader(source, o.file);
    for (const Diagnostic& w : header.warnings) err << "taskscope: warning: " << w.format() << "\n";
    if (!header.errors.empty()) {
        for (const Diagnostic& e : header.errors) err << "taskscope: error: " << e.format() << "\n";
        return kExitBadInput;
    }
    RunConfig config = runtime::pythonRunConfig();
    const SimTime unit = config.unit;
    const std::string unitName = config.unitName;
    const LessonSettingNotes notes = applyLessonSettings(config, header, o.run);
    for (const OverrideNote& n : notes.header) {
        const HeaderSetting* line = header.settingFor(n.field);
        err << "taskscope: warning: " << o.file << ":" << (line ? line->line : 0) << ": "
            << (line ? line->key : n.field) << " " << n.why << "\n";
    }
    warnIneffective(notes.commandLine, err);

    runtime::PythonOptions py{config.python};
    py.filename = o.file;  // tracebacks name the script as it was given, as python3 does
    py.source = std::move(source);
    py.readLine = []() -> std::optional<std::string> {
        std::string line;
        if (!std::getline(std::cin, line)) return std::nullopt;
        return line;
    };

    Machine machine(config.machine);
    Trace trace;
    machine.attachTrace(&trace);
    auto loaded = runtime::loadPython(machine, py);
    if (!loaded) {
        Diagnostic d = loaded.error();
        d.file = o.file;
        // What python3 prints, then Taskscope's one-line summary (file:line:col, hint).
        std::string python = d.pythonStyle();
        if (!python.empty() && python.back() != '\n') python += '\n';
        err << python << "taskscope: " << d.brief() << "\n";
        return kExitBadInput;
    }
    const ProcessId mainProcess = *loaded;
    // An endless program must not hang the command: stop at --until / --max-steps, or at
    // kPythonTimeLimit when neither is given (an endless loop stops within seconds).
    const SimTime until = o.until ? toTime(*o.until, unit) : kPythonTimeLimit;
    const std::uint64_t maxSteps = o.maxSteps.value_or(UINT64_MAX);
    std::uint64_t steps = 0;
    if (o.dumpFramesAt) {
        const SimTime at = std::min(*o.dumpFramesAt, until);
        while (steps < maxSteps && machine.step(at)) ++steps;
        const bool ok = withOutput(o.dumpFramesPath, out, err, [&](std::ostream& s) {
            s << framesToJson(runtime::programFrames(machine), at).dump(2) << "\n";
        });
        if (!ok) return kExitBadInput;
    }
    while (steps < maxSteps && machine.step(until)) ++steps;
    // The run ends where the last process exits (or at the deadlock, or the limit), as in
    // the GUI; stopped by --max-steps it ends at that step.
    if (steps >= maxSteps)
        trace.setEndTime(std::max(trace.endTime(), machine.now()));
    else
        machine.endRun(until);
    trace.compact();
    int status = reportRun(o, machine, trace, unit, unitName, /*isProgram=*/true, out, err,
                           header.title, header.titleZh);
    if (status == kExitDeadlock) {
        // Where each stuck thread is in the program.
        std::vector<std::string> lines;
        {
            std::istringstream src(py.source);
            for (std::string l; std::getline(src, l);) lines.push_back(l);
        }
        err << "  where they wait:\n";
        for (const ThreadInfo& t : machine.threads()) {
            if (t.state != ThreadState::Waiting) continue;
            const auto loc = runtime::pythonLocation(machine, t.id);
            if (!loc) continue;
            std::string text = loc->filename == py.filename && loc->line >= 1 &&
                                       loc->line <= static_cast<int>(lines.size())
                                   ? lines[static_cast<std::size_t>(loc->line - 1)]
                                   : std::string();
            const auto first = text.find_first_not_of(" \t");
            text = first == std::string::npos ? std::string() : text.substr(first);
            err << fmt::format("    {} at {}:{}{}\n", t.name, loc->filename, loc->line,
                               text.empty() ? "" : ": " + text);
        }
    }
    if (status != kExitOk) return status;
    const ProcessInfo& main = machine.process(mainProcess);
    if (main.exited < 0) {
        const bool bySteps = steps >= maxSteps;
        err << fmt::format(
            "taskscope: stopped at {:g} ms of simulated time ({}); the program had not finished. "
            "Use {} to run longer.\n",
            static_cast<double>(machine.now()) / 1e6,
            bySteps   ? fmt::format("--max-steps {}", maxSteps)
            : o.until ? fmt::format("--until {:g}", *o.until)
                      : fmt::format("the default limit of {:g} ms",
                                    static_cast<double>(kPythonTimeLimit) / 1e6),
            bySteps ? "a larger --max-steps" : "--until MS");
        return o.until || o.maxSteps ? kExitOk : kExitStopped;
    }
    return main.exitCode == 0 ? kExitOk : (main.exitCode < 0 ? 128 - main.exitCode : main.exitCode);
}

}  // namespace

int runCommand(const RunOptions& o, std::ostream& out, std::ostream& err) {
    if (const int status = checkImageOptions(o, err); status != kExitOk) return status;
    const auto dot = o.file.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : o.file.substr(dot + 1);
    if (ext == "py") return runPython(o, out, err);
    return runWorkload(o, out, err);
}

}  // namespace taskscope::app
