#include "core/analysis/run_stats.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace taskscope::core {

RunStats computeStats(const Machine& m) {
    RunStats s;
    SimTime start = kNever;
    SimTime end = 0;
    double sumWait = 0, sumTurn = 0, sumResp = 0;
    int nResp = 0;
    for (const auto& p : m.processes()) {
        ProcessStats ps;
        ps.name = p.name;
        ps.pid = p.pid;
        bool allDone = !p.threads.empty();
        for (const ThreadId tid : p.threads) {
            const ThreadInfo& t = m.thread(tid);
            if (t.arrival >= 0 && (ps.arrival < 0 || t.arrival < ps.arrival))
                ps.arrival = t.arrival;
            if (t.firstRun >= 0 && (ps.firstRun < 0 || t.firstRun < ps.firstRun))
                ps.firstRun = t.firstRun;
            ps.cpu += t.cpu;
            // Time spent in the current state counts up to now.
            const SimTime open = m.now() - t.lastChange;
            ps.waiting += t.readyTime + (t.state == ThreadState::Ready ? open : 0);
            ps.blocked += t.waitingTime + (t.state == ThreadState::Waiting ? open : 0);
            if (t.state != ThreadState::Terminated) allDone = false;
            ps.finish = std::max(ps.finish, t.finish);
        }
        if (!allDone) ps.finish = -1;
        if (ps.arrival >= 0) {
            start = std::min(start, ps.arrival);
            if (ps.finish >= 0) {
                ps.turnaround = ps.finish - ps.arrival;
                ++s.finished;
                end = std::max(end, ps.finish);
            }
            if (ps.firstRun >= 0) {
                ps.response = ps.firstRun - ps.arrival;
                sumResp += static_cast<double>(ps.response);
                ++nResp;
            }
        }
        sumWait += static_cast<double>(ps.waiting);
        if (ps.turnaround >= 0) sumTurn += static_cast<double>(ps.turnaround);
        s.processes.push_back(std::move(ps));
    }
    for (const auto& t : m.threads()) {
        const SimTime open = m.now() - t.lastChange;
        const ProcessInfo& p = m.process(t.process);
        ThreadStats ts;
        ts.name = t.name;
        ts.process = p.name;
        ts.pid = p.pid;
        ts.tid = t.tid;
        ts.finish = t.finish;
        ts.cpu = t.cpu;
        ts.ready = t.readyTime + (t.state == ThreadState::Ready ? open : 0);
        ts.blocked = t.waitingTime + (t.state == ThreadState::Waiting ? open : 0);
        ts.gilWait =
            t.gilWait + (t.state == ThreadState::Waiting && t.reason == WaitReason::Gil ? open : 0);
        ts.blockedByReason = t.waitByReason;
        if (t.state == ThreadState::Waiting)
            ts.blockedByReason[static_cast<std::size_t>(t.reason)] += open;
        s.threads.push_back(std::move(ts));
    }
    if (s.finished < static_cast<int>(s.processes.size())) end = std::max(end, m.now());
    s.start = start == kNever ? 0 : start;
    s.end = end;
    s.makespan = std::max<SimTime>(0, s.end - s.start);
    const auto n = static_cast<double>(s.processes.size());
    if (n > 0) s.averageWaiting = sumWait / n;
    if (s.finished > 0) s.averageTurnaround = sumTurn / s.finished;
    if (nResp > 0) s.averageResponse = sumResp / nResp;
    for (const auto& c : m.cores())
        s.utilization.push_back(
            s.makespan > 0 ? static_cast<double>(c.busy) / static_cast<double>(s.makespan) : 0.0);
    s.contextSwitches = m.contextSwitches();
    if (s.makespan > 0) s.throughput = s.finished / (static_cast<double>(s.makespan) / kSecond);
    return s;
}

void writeStatsCsv(const RunStats& s, std::ostream& out, SimTime unit,
                   const std::string& unitName) {
    const auto u = static_cast<double>(unit);
    auto t = [u](SimTime v) {
        return v < 0 ? std::string() : fmt::format("{}", static_cast<double>(v) / u);
    };
    out << fmt::format(
        "name,pid,arrival_{0},first_run_{0},finish_{0},cpu_{0},waiting_{0},blocked_{0},"
        "turnaround_{0},response_{0}\n",
        unitName);
    for (const auto& p : s.processes) {
        std::string name = p.name;
        if (name.find_first_of(",\"\n") != std::string::npos) {
            std::string q = "\"";
            for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
            name = q + "\"";
        }
        out << fmt::format("{},{},{},{},{},{},{},{},{},{}\n", name, p.pid, t(p.arrival),
                           t(p.firstRun), t(p.finish), t(p.cpu), t(p.waiting), t(p.blocked),
                           t(p.turnaround), t(p.response));
    }
}

nlohmann::json statsToJson(const RunStats& s, SimTime unit, const std::string& unitName) {
    using nlohmann::json;
    const auto u = static_cast<double>(unit);
    auto t = [u](SimTime v) -> json {
        if (v < 0) return nullptr;
        return static_cast<double>(v) / u;
    };
    json procs = json::array();
    for (const auto& p : s.processes) {
        procs.push_back({{"name", p.name},
                         {"pid", p.pid},
                         {"arrival", t(p.arrival)},
                         {"first_run", t(p.firstRun)},
                         {"finish", t(p.finish)},
                         {"cpu", t(p.cpu)},
                         {"waiting", t(p.waiting)},
                         {"blocked", t(p.blocked)},
                         {"turnaround", t(p.turnaround)},
                         {"response", t(p.response)}});
    }
    json threads = json::array();
    for (const auto& th : s.threads) {
        json byReason = json::object();
        for (std::size_t r = 1; r < th.blockedByReason.size(); ++r)
            if (th.blockedByReason[r] > 0)
                byReason[std::string(toString(static_cast<WaitReason>(r)))] =
                    t(th.blockedByReason[r]);
        threads.push_back({{"name", th.name},
                           {"process", th.process},
                           {"pid", th.pid},
                           {"tid", th.tid},
                           {"finish", t(th.finish)},
                           {"cpu", t(th.cpu)},
                           {"ready", t(th.ready)},
                           {"blocked", t(th.blocked)},
                           {"gil_wait", t(th.gilWait)},
                           {"blocked_by_reason", std::move(byReason)}});
    }
    json out;
    out["time_unit"] = unitName;
    out["processes"] = std::move(procs);
    out["threads"] = std::move(threads);
    out["average"] = {{"waiting", s.averageWaiting / u},
                      {"turnaround", s.averageTurnaround / u},
                      {"response", s.averageResponse / u}};
    out["makespan"] = static_cast<double>(s.makespan) / u;
    out["utilization"] = s.utilization;
    out["context_switches"] = s.contextSwitches;
    out["finished"] = s.finished;
    out["throughput_per_unit"] =
        s.makespan > 0 ? s.finished / (static_cast<double>(s.makespan) / u) : 0.0;
    return out;
}

}  // namespace taskscope::core
