#include "app/run_command.h"

#include <cmath>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "core/analysis/deadlock_report.h"
#include "core/analysis/run_stats.h"
#include "core/trace/exporters.h"
#include "core/trace/trace.h"
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
    auto f = [u](SimTime v) { return v < 0 ? std::string("-") : fmt::format("{:g}", static_cast<double>(v) / u); };
    out << fmt::format("{:<12} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9}\n", "process", "pid",
                       "arrival", "first_run", "finish", "cpu", "waiting", "turnaround", "response");
    for (const auto& p : s.processes)
        out << fmt::format("{:<12} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9}\n", p.name, p.pid,
                           f(p.arrival), f(p.firstRun), f(p.finish), f(p.cpu), f(p.waiting),
                           f(p.turnaround), f(p.response));
    const std::string turnaround =
        s.finished > 0 ? fmt::format("{:g} {}", s.averageTurnaround / u, unitName) : std::string("- (none finished)");
    if (s.threads.size() > s.processes.size()) {
        out << fmt::format("{:<12} {:<10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "thread", "process", "tid",
                           "finish", "cpu", "ready", "blocked", "gil_wait");
        for (const auto& t : s.threads)
            out << fmt::format("{:<12} {:<10} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}\n", t.name, t.process, t.tid,
                               f(t.finish), f(t.cpu), f(t.ready), f(t.blocked), f(t.gilWait));
    }
    out << fmt::format("average waiting {:g} {u}, turnaround {}, response {:g} {u}\n", s.averageWaiting / u,
                       turnaround, s.averageResponse / u, fmt::arg("u", unitName));
    out << fmt::format("makespan {:g} {}, context switches {}, utilization", static_cast<double>(s.makespan) / u,
                       unitName, s.contextSwitches);
    for (double x : s.utilization) out << fmt::format(" {:.1f}%", x * 100);
    out << "\n";
}

int runWorkload(const RunOptions& o, std::ostream& out, std::ostream& err) {
    auto loaded = loadWorkload(o.file);
    if (!loaded) {
        err << "taskscope: error: " << loaded.error().format() << "\n";
        return kExitBadInput;
    }
    Workload& w = *loaded;
    MachineSettings settings = settingsFor(w);
    if (o.cores) settings.cores = *o.cores;
    if (o.policy) {
        const auto kind = parsePolicy(*o.policy);
        if (!kind) {
            err << "taskscope: error: --policy: unknown policy '" << *o.policy << "'; expected one of "
                << policyNames() << "\n";
            return kExitBadInput;
        }
        settings.policy.kind = *kind;
    }
    if (o.quantum) settings.policy.quantum = std::max<SimTime>(1, toTime(*o.quantum, w.unit));
    if (o.contextSwitch) settings.contextSwitch = toTime(*o.contextSwitch, w.unit);
    if (o.seed) settings.seed = *o.seed;
    ImageExportRequest images;
    if (const int status = prepareImages(o, w, images, err); status != kExitOk) return status;

    Machine machine(settings);
    Trace trace;
    machine.attachTrace(&trace);
    populate(machine, w);
    machine.runUntil(o.until ? toTime(*o.until, w.unit) : kNever);
    trace.compact();

    // The console output of the run, in simulated-time order (to stderr when stdout
    // carries the statistics JSON).
    const bool statsOnStdout = o.statsPath && *o.statsPath == "-";
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const RecordBody& b = trace.body(i);
        if (b.kind != RecordKind::Output) continue;
        (b.extra16 == 2 || statsOnStdout ? err : out) << trace.text(b.object);
    }
    const RunStats stats = computeStats(machine);
    nlohmann::json statsJson = statsToJson(stats, w.unit, w.timeUnit);
    int status = kExitOk;
    const auto u = static_cast<double>(w.unit);
    if (const auto& d = machine.deadlock()) {
        status = kExitDeadlock;
        err << fmt::format("taskscope: deadlock at {:g} {}: {}\n", static_cast<double>(d->time) / u,
                           w.timeUnit, describeCycle(machine, *d));
        nlohmann::json conditions = nlohmann::json::array();
        for (const auto& c : coffmanConditions(machine, *d)) {
            err << fmt::format("  {} {}: {}\n", c.holds ? "[x]" : "[ ]", c.name, c.evidence);
            conditions.push_back({{"name", c.name}, {"holds", c.holds}, {"evidence", c.evidence}});
        }
        nlohmann::json threads = nlohmann::json::array();
        for (const ThreadId t : d->threads) threads.push_back(machine.thread(t).name);
        nlohmann::json objects = nlohmann::json::array();
        for (const ObjectId ob : d->objects) objects.push_back(machine.object(ob).name);
        statsJson["deadlock"] = {{"time", static_cast<double>(d->time) / u},
                                 {"threads", threads},
                                 {"objects", objects},
                                 {"coffman", conditions}};
    } else if (const auto blocked = describeAllBlocked(machine); !blocked.empty()) {
        status = kExitDeadlock;
        err << fmt::format("taskscope: all threads blocked at {:g} {} (real Python would hang here):\n",
                           static_cast<double>(machine.now()) / u, w.timeUnit);
        for (const auto& line : blocked) err << "  " << line << "\n";
        statsJson["blocked"] = blocked;
    }
    if (machine.lostUpdateCount() > 0 || !machine.objects().empty()) {
        nlohmann::json lost = nlohmann::json::array();
        for (const auto& l : machine.lostUpdates()) {
            if (lost.size() >= 100) break;
            lost.push_back({{"time", static_cast<double>(l.time) / u},
                            {"thread", machine.thread(l.thread).name},
                            {"overwrote", machine.thread(l.other).name},
                            {"object", machine.object(l.object).name},
                            {"read_at", static_cast<double>(l.readAt) / u},
                            {"other_wrote_at", static_cast<double>(l.otherWroteAt) / u}});
        }
        statsJson["lost_updates"] = {{"count", machine.lostUpdateCount()}, {"first", lost}};
        nlohmann::json objects = nlohmann::json::array();
        for (const auto& ob : machine.objects()) {
            nlohmann::json j = {{"name", ob.name}, {"type", std::string(toString(ob.kind))},
                                {"acquisitions", ob.acquisitions}, {"contended", ob.contended},
                                {"total_wait", static_cast<double>(ob.totalWait) / u}};
            if (ob.kind == ObjectKind::Queue) j["high_water"] = ob.highWater;
            if (ob.kind == ObjectKind::Value) {
                j["value"] = ob.count;
                j["lost_updates"] = ob.lostUpdates;
            }
            objects.push_back(std::move(j));
        }
        statsJson["objects"] = std::move(objects);
    }
    bool ok = true;
    if (o.statsPath)
        ok &= withOutput(*o.statsPath, out, err, [&](std::ostream& s) { s << statsJson.dump(2) << "\n"; });
    if (o.tracePath)
        ok &= withOutput(*o.tracePath, out, err, [&](std::ostream& s) { writeChromeTrace(trace, s); });
    if (o.csvPath)
        ok &= withOutput(*o.csvPath, out, err,
                         [&](std::ostream& s) { writeSliceCsv(trace, s, w.unit, w.timeUnit); });
    if (o.statsCsvPath)
        ok &= withOutput(*o.statsCsvPath, out, err,
                         [&](std::ostream& s) { writeStatsCsv(stats, s, w.unit, w.timeUnit); });
    if (o.wantsImages()) ok &= writeImages(images, settings, machine, trace, err);
    if (trace.size() > 1000000 && o.tracePath)
        err << fmt::format("taskscope: note: the trace has {} events; chrome://tracing and Perfetto in the "
                           "browser struggle above about a million (use --until to cut the run)\n",
                           trace.size());
    if (o.summary || (!o.statsPath && !o.tracePath && !o.csvPath && !o.statsCsvPath && !o.wantsImages())) {
        printSummary(stats, w.unit, w.timeUnit, out);
        if (machine.lostUpdateCount() > 0) {
            const LostUpdate& l = machine.lostUpdates().front();
            out << fmt::format("lost updates: {} (first at {:g} {}: {} wrote {} from a value read at {:g}, "
                               "overwriting {}'s write at {:g})\n",
                               machine.lostUpdateCount(), static_cast<double>(l.time) / u, w.timeUnit,
                               machine.thread(l.thread).name, machine.object(l.object).name,
                               static_cast<double>(l.readAt) / u, machine.thread(l.other).name,
                               static_cast<double>(l.otherWroteAt) / u);
        }
    }
    return ok ? status : kExitBadInput;
}

}  // namespace

int runCommand(const RunOptions& o, std::ostream& out, std::ostream& err) {
    const auto dot = o.file.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : o.file.substr(dot + 1);
    if (ext == "py") {
        err << "taskscope: error: " << o.file
            << ": Python programs are not supported by this build yet\n";
        return kExitBadInput;
    }
    return runWorkload(o, out, err);
}

}  // namespace taskscope::app
