#include "core/analysis/run_stats.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace taskscope::core {

namespace {

// One thread's figures at the instant of the statistics, from the machine or the trace.
struct ThreadSample {
    std::size_t process = 0;  // index into the processes of the statistics
    SimTime arrival = -1;
    SimTime firstRun = -1;
    ThreadStats stats;
};

// Per process: its name, pid, and whether all its threads have ended (else no finish).
struct ProcessSample {
    std::string name;
    int pid = 0;
    bool ended = false;
};

// The one statistics computation: per-process sums of the threads, turnaround, response,
// the averages (see RunStats), makespan, utilization and throughput.
RunStats summarize(const std::vector<ProcessSample>& processes, std::vector<ThreadSample> threads,
                   SimTime now, const std::vector<SimTime>& coreBusy,
                   std::uint64_t contextSwitches) {
    RunStats s;
    for (const auto& p : processes) {
        ProcessStats ps;
        ps.name = p.name;
        ps.pid = p.pid;
        s.processes.push_back(std::move(ps));
    }
    for (const auto& t : threads) {
        ProcessStats& ps = s.processes[t.process];
        if (t.arrival >= 0 && (ps.arrival < 0 || t.arrival < ps.arrival)) ps.arrival = t.arrival;
        if (t.firstRun >= 0 && (ps.firstRun < 0 || t.firstRun < ps.firstRun))
            ps.firstRun = t.firstRun;
        ps.cpu += t.stats.cpu;
        ps.waiting += t.stats.ready;
        ps.blocked += t.stats.blocked;
        ps.finish = std::max(ps.finish, t.stats.finish);
    }
    SimTime start = kNever;
    SimTime end = 0;
    double sumWait = 0, sumTurn = 0, sumResp = 0;
    int arrived = 0, ran = 0;
    for (std::size_t i = 0; i < s.processes.size(); ++i) {
        ProcessStats& ps = s.processes[i];
        if (!processes[i].ended) ps.finish = -1;
        if (ps.arrival < 0) continue;
        start = std::min(start, ps.arrival);
        ++arrived;
        sumWait += static_cast<double>(ps.waiting);
        if (ps.finish >= 0) {
            ps.turnaround = ps.finish - ps.arrival;
            sumTurn += static_cast<double>(ps.turnaround);
            ++s.finished;
            end = std::max(end, ps.finish);
        }
        if (ps.firstRun >= 0) {
            ps.response = ps.firstRun - ps.arrival;
            sumResp += static_cast<double>(ps.response);
            ++ran;
        }
    }
    for (auto& t : threads) s.threads.push_back(std::move(t.stats));
    if (s.finished < static_cast<int>(s.processes.size())) end = std::max(end, now);
    s.start = start == kNever ? 0 : start;
    s.end = end;
    s.makespan = std::max<SimTime>(0, s.end - s.start);
    if (arrived > 0) s.averageWaiting = sumWait / arrived;
    if (s.finished > 0) s.averageTurnaround = sumTurn / s.finished;
    if (ran > 0) s.averageResponse = sumResp / ran;
    for (const SimTime busy : coreBusy)
        s.utilization.push_back(
            s.makespan > 0 ? static_cast<double>(busy) / static_cast<double>(s.makespan) : 0.0);
    s.contextSwitches = contextSwitches;
    if (s.makespan > 0) s.throughput = s.finished / (static_cast<double>(s.makespan) / kSecond);
    return s;
}

}  // namespace

RunStats computeStats(const Machine& m) {
    std::vector<ProcessSample> processes;
    for (const auto& p : m.processes()) {
        bool ended = !p.threads.empty();
        for (const ThreadId t : p.threads)
            if (m.thread(t).state != ThreadState::Terminated) ended = false;
        processes.push_back({p.name, p.pid, ended});
    }
    std::vector<ThreadSample> threads;
    for (const auto& t : m.threads()) {
        // Time spent in the current state counts up to now.
        const SimTime open = m.now() - t.lastChange;
        const ProcessInfo& p = m.process(t.process);
        ThreadSample sample;
        sample.process = t.process.index();
        sample.arrival = t.arrival;
        sample.firstRun = t.firstRun;
        ThreadStats& ts = sample.stats;
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
        threads.push_back(std::move(sample));
    }
    std::vector<SimTime> busy;
    for (const auto& c : m.cores()) busy.push_back(c.busy);
    return summarize(processes, std::move(threads), m.now(), busy, m.contextSwitches());
}

RunStats computeStats(const Trace& trace, const TraceIndex& index, SimTime t) {
    std::vector<ProcessSample> processes;
    std::vector<std::size_t> position(trace.processes().size(), SIZE_MAX);
    for (std::uint32_t p = 0; p < trace.processes().size(); ++p) {
        const ProcessTimes times = index.processTimes(p);
        if (times.created < 0 || times.created > t) continue;
        position[p] = processes.size();
        const bool exited = times.exited >= 0 && times.exited <= t;
        processes.push_back({trace.processes()[p].name, trace.processes()[p].pid, exited});
    }
    std::vector<ThreadSample> threads;
    for (std::uint32_t th = 0; th < trace.threads().size(); ++th) {
        const TraceThreadInfo& info = trace.threads()[th];
        const auto& points = index.points(th);
        if (points.empty() || points.front().time > t) continue;  // not created yet
        if (info.process >= position.size() || position[info.process] == SIZE_MAX) continue;
        ThreadSample sample;
        sample.process = position[info.process];
        sample.arrival = index.arrivalAt(th, t);
        sample.firstRun = index.firstRunAt(th, t);
        ThreadStats& ts = sample.stats;
        ts.name = info.name;
        ts.process = trace.processes()[info.process].name;
        ts.pid = trace.processes()[info.process].pid;
        ts.tid = info.tid;
        ts.finish = index.finishAt(th, t);
        ts.cpu = index.cpuAt(th, t);
        ts.ready = index.readyAt(th, t);
        ts.blocked = index.blockedAt(th, t);
        ts.blockedByReason = index.blockedByReasonAt(th, t);
        ts.gilWait = ts.blockedByReason[static_cast<std::size_t>(WaitReason::Gil)];
        threads.push_back(std::move(sample));
    }
    std::vector<SimTime> busy;
    std::uint64_t switches = 0;
    for (int c = 0; c < trace.coreCount(); ++c) {
        busy.push_back(index.coreBusyAt(c, t));
        switches += index.contextSwitchesAt(c, t);
    }
    return summarize(processes, std::move(threads), t, busy, switches);
}

std::vector<double> coreUtilization(const Trace& trace, int core, SimTime t0, SimTime t1,
                                    int bins) {
    std::vector<double> out(static_cast<std::size_t>(std::max(bins, 0)), 0.0);
    if (bins <= 0 || t1 <= t0) return out;
    std::vector<Segment> segs;
    trace.coreSegments(core, t0, t1, segs);
    const double width = static_cast<double>(t1 - t0) / bins;
    for (const auto& s : segs) {
        if (trace.body(s.record).kind != RecordKind::CoreRun) continue;
        const SimTime a = std::max(s.start, t0);
        const SimTime b = std::min(s.end, t1);
        if (b <= a) continue;
        // Spread the busy interval over the bins it covers.
        auto first = static_cast<int>(static_cast<double>(a - t0) / width);
        auto last = static_cast<int>(static_cast<double>(b - t0) / width);
        first = std::clamp(first, 0, bins - 1);
        last = std::clamp(last, 0, bins - 1);
        for (int k = first; k <= last; ++k) {
            const double lo = std::max(static_cast<double>(a), static_cast<double>(t0) + k * width);
            const double hi =
                std::min(static_cast<double>(b), static_cast<double>(t0) + (k + 1) * width);
            if (hi > lo) out[static_cast<std::size_t>(k)] += (hi - lo) / width;
        }
    }
    for (auto& v : out) v = std::min(v, 1.0);
    return out;
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
