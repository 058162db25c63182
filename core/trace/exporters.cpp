#include "core/trace/exporters.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/sync/kernel_object.h"

namespace taskscope::core {

namespace {

// Decimal microseconds with nanosecond precision, exact for integers.
std::string micros(SimTime ns) {
    const bool neg = ns < 0;
    if (neg) ns = -ns;
    std::string s = fmt::format("{}{}.{:03}", neg ? "-" : "", ns / 1000, ns % 1000);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string quoted(const std::string& s) {
    return nlohmann::json(s).dump();
}

constexpr int kCorePid = 0;
// GIL tracks get tids far above any simulated tid so they never collide.
constexpr int kGilTidBase = 9000000;

std::string stateLabel(const RecordBody& b) {
    if (b.kind == RecordKind::ThreadCreate) return "new";
    std::string s(toString(b.state));
    if (b.state == ThreadState::Waiting && b.reason != WaitReason::None)
        s += fmt::format(" ({})", toString(b.reason));
    return s;
}

}  // namespace

void writeChromeTrace(const Trace& trace, std::ostream& out) {
    out << "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
    bool first = true;
    auto emit = [&](const std::string& line) {
        if (!first) out << ",\n";
        first = false;
        out << line;
    };
    emit(fmt::format(
        R"({{"ph":"M","name":"process_name","pid":{},"tid":0,"args":{{"name":"CPU cores"}}}})",
        kCorePid));
    for (int c = 0; c < trace.coreCount(); ++c)
        emit(fmt::format(
            R"({{"ph":"M","name":"thread_name","pid":{},"tid":{},"args":{{"name":"CPU {}"}}}})",
            kCorePid, c + 1, c));
    for (const auto& p : trace.processes())
        emit(fmt::format(
            R"({{"ph":"M","name":"process_name","pid":{},"tid":0,"args":{{"name":{}}}}})", p.pid,
            quoted(p.name)));
    for (const auto& t : trace.threads()) {
        const int pid = t.process < trace.processes().size() ? trace.processes()[t.process].pid : 0;
        emit(fmt::format(
            R"({{"ph":"M","name":"thread_name","pid":{},"tid":{},"args":{{"name":{}}}}})", pid,
            t.tid, quoted(t.name)));
    }
    auto pidOf = [&](std::uint32_t thread) {
        const auto& t = trace.threads()[thread];
        return t.process < trace.processes().size() ? trace.processes()[t.process].pid : 0;
    };
    std::vector<Segment> segs;
    for (int c = 0; c < trace.coreCount(); ++c) {
        trace.coreSegments(c, 0, kNever, segs);
        for (const auto& s : segs) {
            const RecordBody& b = trace.body(s.record);
            if (b.kind == RecordKind::CoreIdle || s.end <= s.start) continue;
            const auto& t = trace.threads()[b.subject];
            const bool sw = b.kind == RecordKind::CoreSwitch;
            emit(fmt::format(
                R"({{"ph":"X","cat":"{}","name":{},"pid":{},"tid":{},"ts":{},"dur":{},"args":{{"pid":{},"tid":{}}}}})",
                sw ? "switch" : "cpu", quoted(sw ? "context switch → " + t.name : t.name), kCorePid,
                c + 1, micros(s.start), micros(s.end - s.start), pidOf(b.subject), t.tid));
        }
    }
    for (std::uint32_t i = 0; i < trace.threads().size(); ++i) {
        trace.threadSegments(i, 0, kNever, segs);
        const int pid = pidOf(i);
        const int tid = trace.threads()[i].tid;
        for (const auto& s : segs) {
            const RecordBody& b = trace.body(s.record);
            if (b.kind == RecordKind::State && b.state == ThreadState::Terminated) continue;
            if (s.end <= s.start) continue;
            emit(fmt::format(
                R"({{"ph":"X","cat":"state","name":{},"pid":{},"tid":{},"ts":{},"dur":{}}})",
                quoted(stateLabel(b)), pid, tid, micros(s.start), micros(s.end - s.start)));
        }
    }
    // A GIL track per process that had one: who held it when.
    for (std::uint32_t p = 0; p < trace.processes().size(); ++p) {
        trace.gilSegments(p, 0, kNever, segs);
        if (segs.empty()) continue;
        const int pid = trace.processes()[p].pid;
        const int tid = kGilTidBase + static_cast<int>(p);
        emit(fmt::format(
            R"({{"ph":"M","name":"thread_name","pid":{},"tid":{},"args":{{"name":"GIL"}}}})", pid,
            tid));
        for (const auto& s : segs) {
            const RecordBody& b = trace.body(s.record);
            if (static_cast<GilOp>(b.extra16) != GilOp::Acquire || s.end <= s.start) continue;
            emit(fmt::format(
                R"({{"ph":"X","cat":"gil","name":{},"pid":{},"tid":{},"ts":{},"dur":{}}})",
                quoted("GIL: " + trace.threads()[b.subject].name), pid, tid, micros(s.start),
                micros(s.end - s.start)));
        }
    }
    // Instants: markers, output, kernel-object events, GIL drop requests, deadlocks; a counter
    // of Ready threads on the cores' process.
    int ready = 0;
    std::vector<ThreadState> stateOf(trace.threads().size(), ThreadState::New);
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const RecordBody& b = trace.body(i);
        const std::string ts = micros(trace.time(i));
        switch (b.kind) {
            case RecordKind::Marker:
            case RecordKind::Output: {
                const bool marker = b.kind == RecordKind::Marker;
                emit(fmt::format(
                    R"({{"ph":"i","s":"t","cat":"{}","name":{},"pid":{},"tid":{},"ts":{}}})",
                    marker ? "marker" : "output",
                    quoted(marker ? trace.text(b.object) : "print: " + trace.text(b.object)),
                    pidOf(b.subject), trace.threads()[b.subject].tid, ts));
                break;
            }
            case RecordKind::Sync: {
                const auto op = static_cast<SyncOp>(b.extra16);
                const std::string object =
                    b.object < trace.objects().size() ? trace.objects()[b.object].name : "?";
                emit(fmt::format(
                    R"({{"ph":"i","s":"t","cat":"sync","name":{},"pid":{},"tid":{},"ts":{},"args":{{"object":{},"value":{}}}}})",
                    quoted(std::string(toString(op)) + " " + object), pidOf(b.subject),
                    trace.threads()[b.subject].tid, ts, quoted(object), b.core));
                break;
            }
            case RecordKind::Gil:
                if (static_cast<GilOp>(b.extra16) == GilOp::DropRequest)
                    emit(fmt::format(
                        R"({{"ph":"i","s":"t","cat":"gil","name":"GIL drop request","pid":{},"tid":{},"ts":{}}})",
                        pidOf(b.subject), trace.threads()[b.subject].tid, ts));
                break;
            case RecordKind::Deadlock:
                emit(fmt::format(
                    R"({{"ph":"i","s":"g","cat":"deadlock","name":{},"pid":{},"tid":{},"ts":{}}})",
                    quoted("deadlock: " + trace.threads()[b.subject].name), pidOf(b.subject),
                    trace.threads()[b.subject].tid, ts));
                break;
            case RecordKind::State: {
                ThreadState& before = stateOf[b.subject];
                const int delta = (b.state == ThreadState::Ready) - (before == ThreadState::Ready);
                before = b.state;
                if (delta == 0) break;
                ready += delta;
                emit(fmt::format(
                    R"({{"ph":"C","name":"ready queue","pid":{},"tid":0,"ts":{},"args":{{"threads":{}}}}})",
                    kCorePid, ts, ready));
                break;
            }
            default:
                break;
        }
    }
    out << "\n]}\n";
}

void writeSliceCsv(const Trace& trace, std::ostream& out, SimTime unit,
                   const std::string& unitName) {
    out << fmt::format("core,pid,tid,process,thread,start_{0},end_{0},duration_{0}\n", unitName);
    const auto u = static_cast<double>(unit);
    auto csvField = [](const std::string& s) {
        if (s.find_first_of(",\"\n") == std::string::npos) return s;
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    std::vector<Segment> segs;
    for (int c = 0; c < trace.coreCount(); ++c) {
        trace.coreSegments(c, 0, kNever, segs);
        for (const auto& s : segs) {
            const RecordBody& b = trace.body(s.record);
            if (b.kind != RecordKind::CoreRun || s.end <= s.start) continue;
            const auto& t = trace.threads()[b.subject];
            const auto& p = trace.processes()[t.process];
            out << fmt::format("{},{},{},{},{},{},{},{}\n", c, p.pid, t.tid, csvField(p.name),
                               csvField(t.name), static_cast<double>(s.start) / u,
                               static_cast<double>(s.end) / u,
                               static_cast<double>(s.end - s.start) / u);
        }
    }
}

}  // namespace taskscope::core
