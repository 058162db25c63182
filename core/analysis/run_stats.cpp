#include "core/analysis/run_stats.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <utility>

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

// A thread's figures added to its process's.
void addThread(ProcessStats& ps, const ThreadSample& t) {
    if (t.arrival >= 0 && (ps.arrival < 0 || t.arrival < ps.arrival)) ps.arrival = t.arrival;
    if (t.firstRun >= 0 && (ps.firstRun < 0 || t.firstRun < ps.firstRun)) ps.firstRun = t.firstRun;
    ps.cpu += t.stats.cpu;
    ps.waiting += t.stats.ready;
    ps.blocked += t.stats.blocked;
    ps.finish = std::max(ps.finish, t.stats.finish);
}

// The averages over the processes, one process at a time (see RunStats).
struct Averages {
    SimTime start = kNever;
    SimTime end = 0;
    double sumWait = 0, sumTurn = 0, sumResp = 0;
    int arrived = 0, ran = 0, finished = 0;
    std::size_t count = 0;

    // Completes `ps` (finish, turnaround, response) and counts it.
    void add(ProcessStats& ps, bool ended) {
        ++count;
        if (!ended) ps.finish = -1;
        if (ps.arrival < 0) return;
        start = std::min(start, ps.arrival);
        ++arrived;
        sumWait += static_cast<double>(ps.waiting);
        if (ps.finish >= 0) {
            ps.turnaround = ps.finish - ps.arrival;
            sumTurn += static_cast<double>(ps.turnaround);
            ++finished;
            end = std::max(end, ps.finish);
        }
        if (ps.firstRun >= 0) {
            ps.response = ps.firstRun - ps.arrival;
            sumResp += static_cast<double>(ps.response);
            ++ran;
        }
    }
    // The run's figures into `s` (its lists are left as they are).
    void finish(RunStats& s, SimTime now, const std::vector<SimTime>& coreBusy,
                std::uint64_t contextSwitches) const {
        s.finished = finished;
        SimTime last = end;
        if (s.finished < static_cast<int>(count)) last = std::max(last, now);
        s.start = start == kNever ? 0 : start;
        s.end = last;
        s.makespan = std::max<SimTime>(0, s.end - s.start);
        if (arrived > 0) s.averageWaiting = sumWait / arrived;
        if (s.finished > 0) s.averageTurnaround = sumTurn / s.finished;
        if (ran > 0) s.averageResponse = sumResp / ran;
        s.utilization.clear();
        for (const SimTime busy : coreBusy)
            s.utilization.push_back(
                s.makespan > 0 ? static_cast<double>(busy) / static_cast<double>(s.makespan) : 0.0);
        s.contextSwitches = contextSwitches;
        if (s.makespan > 0) s.throughput = s.finished / (static_cast<double>(s.makespan) / kSecond);
    }
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
    for (const auto& t : threads) addThread(s.processes[t.process], t);
    Averages avg;
    for (std::size_t i = 0; i < s.processes.size(); ++i)
        avg.add(s.processes[i], processes[i].ended);
    for (auto& t : threads) s.threads.push_back(std::move(t.stats));
    avg.finish(s, now, coreBusy, contextSwitches);
    return s;
}

// One thread of the live machine now: time spent in the current state counts up to now.
ThreadSample sampleOf(const Machine& m, const ThreadInfo& t, bool withNames = true) {
    const SimTime open = m.now() - t.lastChange;
    const ProcessInfo& p = m.process(t.process);
    ThreadSample sample;
    sample.process = t.process.index();
    sample.arrival = t.arrival;
    sample.firstRun = t.firstRun;
    ThreadStats& ts = sample.stats;
    if (withNames) {
        ts.name = t.name;
        ts.process = p.name;
    }
    ts.pid = p.pid;
    ts.tid = t.tid;
    ts.finish = t.finish;
    ts.cpu = t.cpu;
    ts.ready = t.readyTime + (t.state == ThreadState::Ready ? open : 0);
    ts.blocked = t.waitingTime + (t.state == ThreadState::Waiting ? open : 0);
    ts.gilWait =
        t.gilWait + (t.state == ThreadState::Waiting && t.reason == WaitReason::Gil ? open : 0);
    ts.blockedByReason = t.waitByReason.all();
    if (t.state == ThreadState::Waiting)
        ts.blockedByReason[static_cast<std::size_t>(t.reason)] += open;
    return sample;
}

// Whether every thread of `p` has ended (a process without threads has not).
bool processEnded(const Machine& m, const ProcessInfo& p) {
    bool ended = !p.threads.empty();
    for (const ThreadId t : p.threads)
        if (m.thread(t).state != ThreadState::Terminated) ended = false;
    return ended;
}

std::vector<SimTime> coreBusyOf(const Machine& m) {
    std::vector<SimTime> busy;
    for (const auto& c : m.cores()) busy.push_back(c.busy);
    return busy;
}

}  // namespace

RunStats computeStats(const Machine& m) {
    std::vector<ProcessSample> processes;
    processes.reserve(m.processes().size());
    for (const auto& p : m.processes()) processes.push_back({p.name, p.pid, processEnded(m, p)});
    std::vector<ThreadSample> threads;
    threads.reserve(m.threads().size());
    for (const auto& t : m.threads()) threads.push_back(sampleOf(m, t));
    return summarize(processes, std::move(threads), m.now(), coreBusyOf(m), m.contextSwitches());
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

namespace {

// JSON text as nlohmann::json::dump(2) lays it out, into a buffer flushed now and then.
class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out)
        : m_out(out), m_data(new char[kSize]), m_p(m_data.get()), m_end(m_data.get() + kSize) {}
    ~JsonWriter() { flush(); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void raw(std::string_view s) {
        if (s.size() > kSlack) {
            flush();
            m_out.write(s.data(), static_cast<std::streamsize>(s.size()));
            return;
        }
        room();
        std::memcpy(m_p, s.data(), s.size());
        m_p += s.size();
    }
    // A literal, copied with its length known.
    template <std::size_t N>
    void lit(const char (&s)[N]) {
        room();
        std::memcpy(m_p, s, N - 1);
        m_p += N - 1;
    }
    void indent(int level) {
        room();
        std::memset(m_p, ' ', static_cast<std::size_t>(2 * level));
        m_p += 2 * level;
    }
    // A member name (plain ASCII: written as it is).
    void key(std::string_view k, int level) {
        indent(level);
        *m_p++ = '"';
        raw(k);
        raw("\": ");
    }
    // A number in its shortest form that reads back as the same double, laid out as
    // nlohmann::json writes numbers (a fraction or ".0", an exponent outside 1e-4..1e15).
    void number(double v) {
        room();
        if (!std::isfinite(v)) {
            put("null", 4);
            return;
        }
        if (std::signbit(v)) {
            *m_p++ = '-';
            v = -v;
        }
        if (v == 0) {
            put("0.0", 3);
            return;
        }
        char sci[40];
        const char* end =
            std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific).ptr;
        // d[.ddd]e[+-]xx: the digits and the exponent.
        char digits[24];
        int len = 0;
        const char* p = sci;
        for (; p < end && *p != 'e'; ++p)
            if (*p != '.') digits[len++] = *p;
        int exponent = 0;
        std::from_chars(p + (p[1] == '+' ? 2 : 1), end, exponent);
        layout(digits, len, exponent + 1);
    }
    template <typename Int>
    void integer(Int v) {
        room();
        m_p = std::to_chars(m_p, m_end, v).ptr;
    }
    // ns / 10^power (power 0..18) as number() writes it, the short way when the quotient has
    // at most 15 significant digits: its shortest form is then its own digits.
    void decimal(std::int64_t ns, int power) {
        if (ns <= 0 || ns >= (std::int64_t{1} << 53)) {
            number(static_cast<double>(ns) / kPowers[power]);
            return;
        }
        char d[24];
        int len = static_cast<int>(std::to_chars(d, d + sizeof d, ns).ptr - d);
        int zeros = 0;
        while (len > 1 && d[len - 1] == '0') --len, ++zeros;
        if (len > 15) {
            number(static_cast<double>(ns) / kPowers[power]);
            return;
        }
        room();
        layout(d, len, len + zeros - power);
    }
    void string(std::string_view s) {
        if (s.size() + 2 <= kSlack) {
            // Copied as it is unless a character needs escaping.
            room();
            char* start = m_p;
            *m_p++ = '"';
            bool plain = true;
            for (char c : s) {
                plain &= c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
                *m_p++ = c;
            }
            *m_p++ = '"';
            if (plain) return;
            m_p = start;
        }
        raw(nlohmann::json(std::string(s)).dump());
    }
    // A value of `extra`, as dump(2) writes it `level` objects deep.
    void value(const nlohmann::json& v, int level) {
        std::string text = v.dump(2);
        const std::string pad = "\n" + std::string(static_cast<std::size_t>(2 * level), ' ');
        std::string shifted;
        shifted.reserve(text.size());
        for (char c : text) {
            if (c == '\n')
                shifted += pad;
            else
                shifted += c;
        }
        raw(shifted);
    }
    void flush() {
        m_out.write(m_data.get(), m_p - m_data.get());
        m_p = m_data.get();
    }

private:
    static constexpr std::size_t kSize = std::size_t{1} << 18;
    static constexpr std::size_t kSlack = 4096;  // room every write may use
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                                         1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    void room() {
        if (static_cast<std::size_t>(m_end - m_p) < 2 * kSlack) flush();
    }
    void put(const char* s, std::size_t n) {
        std::memcpy(m_p, s, n);
        m_p += n;
    }
    // `len` significant digits with the decimal point after the first `n` (nlohmann's
    // format_buffer, which printf's %g resembles). At most 40 characters.
    void layout(const char* digits, int len, int n) {
        const auto ulen = static_cast<std::size_t>(len);
        if (len <= n && n <= 15) {
            put(digits, ulen);
            std::memset(m_p, '0', static_cast<std::size_t>(n - len));
            m_p += n - len;
            put(".0", 2);
        } else if (0 < n && n <= 15) {
            put(digits, static_cast<std::size_t>(n));
            *m_p++ = '.';
            put(digits + n, static_cast<std::size_t>(len - n));
        } else if (-4 < n && n <= 0) {
            put("0.", 2);
            std::memset(m_p, '0', static_cast<std::size_t>(-n));
            m_p += -n;
            put(digits, ulen);
        } else {
            *m_p++ = digits[0];
            if (len > 1) {
                *m_p++ = '.';
                put(digits + 1, ulen - 1);
            }
            int e = n - 1;
            *m_p++ = 'e';
            *m_p++ = e < 0 ? '-' : '+';
            if (e < 0) e = -e;
            if (e < 10) *m_p++ = '0';
            m_p = std::to_chars(m_p, m_end, e).ptr;
        }
    }

    std::ostream& m_out;
    std::unique_ptr<char[]> m_data;
    char* m_p;
    char* m_end;
};

// Members of one object, in the order dump() writes them (sorted by name).
using Members = std::map<std::string, std::function<void(JsonWriter&, int)>>;

void writeObject(JsonWriter& w, const Members& members, int level) {
    if (members.empty()) {
        w.raw("{}");
        return;
    }
    w.raw("{\n");
    std::size_t k = 0;
    for (const auto& [name, write] : members) {
        w.key(name, level + 1);
        write(w, level + 1);
        w.raw(++k < members.size() ? ",\n" : "\n");
    }
    w.indent(level);
    w.raw("}");
}

// An array of `n` elements written by `element(w, i, level)`.
template <typename F>
void writeArray(JsonWriter& w, std::size_t n, int level, F element) {
    if (n == 0) {
        w.raw("[]");
        return;
    }
    w.raw("[\n");
    for (std::size_t i = 0; i < n; ++i) {
        w.indent(level + 1);
        element(w, i, level + 1);
        w.raw(i + 1 < n ? ",\n" : "\n");
    }
    w.indent(level);
    w.raw("]");
}

}  // namespace

void writeStatsJson(const Machine& m, SimTime unit, const std::string& unitName,
                    const nlohmann::json& extra, std::ostream& out) {
    const auto u = static_cast<double>(unit);
    // A process's figures, as computeStats(m) gives them.
    auto processStats = [&m](const ProcessInfo& p, Averages& avg) {
        ProcessStats ps;
        ps.pid = p.pid;
        for (const ThreadId t : p.threads) addThread(ps, sampleOf(m, m.thread(t), false));
        avg.add(ps, processEnded(m, p));
        return ps;
    };
    // First the averages (they come first in the text), then the lists, process by process.
    Averages avg;
    for (const auto& p : m.processes()) processStats(p, avg);
    RunStats s;
    avg.finish(s, m.now(), coreBusyOf(m), m.contextSwitches());

    JsonWriter w(out);
    // Times in the unit: exact powers of ten (ns, us, ms, s) take the short way.
    int power = -1;
    for (std::int64_t p = 0, ten = 1; p <= 9; ++p, ten *= 10)
        if (unit == ten) power = static_cast<int>(p);
    auto time = [u, power](JsonWriter& jw, SimTime v) {
        if (v < 0)
            jw.raw("null");
        else if (power >= 0)
            jw.decimal(v, power);
        else
            jw.number(static_cast<double>(v) / u);
    };
    Members top;
    top["average"] = [&](JsonWriter& jw, int level) {
        Members a;
        a["response"] = [&](JsonWriter& x, int) { x.number(s.averageResponse / u); };
        a["turnaround"] = [&](JsonWriter& x, int) { x.number(s.averageTurnaround / u); };
        a["waiting"] = [&](JsonWriter& x, int) { x.number(s.averageWaiting / u); };
        writeObject(jw, a, level);
    };
    top["context_switches"] = [&](JsonWriter& jw, int) { jw.integer(s.contextSwitches); };
    top["finished"] = [&](JsonWriter& jw, int) { jw.integer(s.finished); };
    top["makespan"] = [&](JsonWriter& jw, int) { jw.number(static_cast<double>(s.makespan) / u); };
    top["processes"] = [&](JsonWriter& jw, int level) {
        writeArray(jw, m.processes().size(), level, [&](JsonWriter& x, std::size_t i, int) {
            const ProcessInfo& p = m.processes()[i];
            Averages one;
            const ProcessStats ps = processStats(p, one);
            // Members at a fixed depth (the list is a member of the top object), written
            // as whole literals.
            x.lit("{\n      \"arrival\": "), time(x, ps.arrival);
            x.lit(",\n      \"blocked\": "), time(x, ps.blocked);
            x.lit(",\n      \"cpu\": "), time(x, ps.cpu);
            x.lit(",\n      \"finish\": "), time(x, ps.finish);
            x.lit(",\n      \"first_run\": "), time(x, ps.firstRun);
            x.lit(",\n      \"name\": "), x.string(p.name);
            x.lit(",\n      \"pid\": "), x.integer(ps.pid);
            x.lit(",\n      \"response\": "), time(x, ps.response);
            x.lit(",\n      \"turnaround\": "), time(x, ps.turnaround);
            x.lit(",\n      \"waiting\": "), time(x, ps.waiting);
            x.lit("\n    }");
        });
    };
    top["threads"] = [&](JsonWriter& jw, int level) {
        writeArray(jw, m.threads().size(), level, [&](JsonWriter& x, std::size_t i, int at) {
            const ThreadInfo& t = m.threads()[i];
            const ThreadSample sample = sampleOf(m, t);
            const ThreadStats& th = sample.stats;
            x.lit("{\n      \"blocked\": "), time(x, th.blocked);
            x.lit(",\n      \"blocked_by_reason\": ");
            std::map<std::string_view, SimTime> byReason;
            for (std::size_t r = 1; r < th.blockedByReason.size(); ++r)
                if (th.blockedByReason[r] > 0)
                    byReason[toString(static_cast<WaitReason>(r))] = th.blockedByReason[r];
            if (byReason.empty()) {
                x.lit("{}");
            } else {
                x.lit("{\n");
                std::size_t k = 0;
                for (const auto& [name, v] : byReason) {
                    x.key(name, at + 2);
                    time(x, v);
                    x.raw(++k < byReason.size() ? ",\n" : "\n");
                }
                x.lit("      }");
            }
            x.lit(",\n      \"cpu\": "), time(x, th.cpu);
            x.lit(",\n      \"finish\": "), time(x, th.finish);
            x.lit(",\n      \"gil_wait\": "), time(x, th.gilWait);
            x.lit(",\n      \"name\": "), x.string(th.name);
            x.lit(",\n      \"pid\": "), x.integer(th.pid);
            x.lit(",\n      \"process\": "), x.string(th.process);
            x.lit(",\n      \"ready\": "), time(x, th.ready);
            x.lit(",\n      \"tid\": "), x.integer(th.tid);
            x.lit("\n    }");
        });
    };
    top["throughput_per_unit"] = [&](JsonWriter& jw, int) {
        jw.number(s.makespan > 0 ? s.finished / (static_cast<double>(s.makespan) / u) : 0.0);
    };
    top["time_unit"] = [&](JsonWriter& jw, int) { jw.string(unitName); };
    top["utilization"] = [&](JsonWriter& jw, int level) {
        writeArray(jw, s.utilization.size(), level,
                   [&](JsonWriter& x, std::size_t i, int) { x.number(s.utilization[i]); });
    };
    if (extra.is_object())
        for (const auto& [name, v] : extra.items())
            top[name] = [&v](JsonWriter& jw, int level) { jw.value(v, level); };
    writeObject(w, top, 0);
}

}  // namespace taskscope::core
