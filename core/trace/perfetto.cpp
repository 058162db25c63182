#include "core/trace/perfetto.h"

#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/sync/kernel_object.h"

namespace taskscope::core {

namespace {

namespace f = perfetto_field;

// Protobuf wire format: varints (wire type 0) and length-delimited fields (wire type 2).
class Proto {
public:
    void clear() { m_s.clear(); }
    bool empty() const { return m_s.empty(); }
    const std::string& bytes() const { return m_s; }

    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            m_s += static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        m_s += static_cast<char>(v);
    }
    void tag(int field, int wireType) {
        varint((static_cast<std::uint64_t>(field) << 3) | static_cast<std::uint64_t>(wireType));
    }
    void u(int field, std::uint64_t v) {
        tag(field, 0);
        varint(v);
    }
    // int32 / int64: negative values as their 64-bit two's complement (ten bytes).
    void i(int field, std::int64_t v) { u(field, static_cast<std::uint64_t>(v)); }
    void str(int field, std::string_view s) {
        tag(field, 2);
        varint(s.size());
        m_s.append(s);
    }
    void msg(int field, const Proto& m) { str(field, m.m_s); }

private:
    std::string m_s;
};

// Track ids: small numbers for the tracks every event names (varints stay short).
std::uint64_t coreTrack(std::size_t c) {
    return 1 + c;
}
constexpr std::uint64_t kReadyTrack = 100;
std::uint64_t processTrack(std::size_t p) {
    return 1000 + 3 * static_cast<std::uint64_t>(p);
}
std::uint64_t threadTrack(std::size_t t) {
    return 1001 + 3 * static_cast<std::uint64_t>(t);
}
std::uint64_t gilTrack(std::size_t p) {
    return 1002 + 3 * static_cast<std::uint64_t>(p);
}

// As writeChromeTrace names thread states.
std::string stateLabel(const RecordBody& b) {
    if (b.kind == RecordKind::ThreadCreate) return "new";
    std::string s(toString(b.state));
    if (b.state == ThreadState::Waiting && b.reason != WaitReason::None)
        s += fmt::format(" ({})", toString(b.reason));
    return s;
}

class PerfettoWriter {
public:
    PerfettoWriter(const Trace& trace, std::ostream& out) : m_trace(trace), m_out(out) {
        m_threadNameIid.assign(trace.threads().size(), 0);
    }
    ~PerfettoWriter() { flush(); }
    PerfettoWriter(const PerfettoWriter&) = delete;
    PerfettoWriter& operator=(const PerfettoWriter&) = delete;

    void write() {
        // The sequence starts with cleared incremental state (the interned names).
        m_packet.clear();
        m_packet.u(f::kTrustedPacketSequenceId, 1);
        m_packet.u(f::kSequenceFlags, kPerfettoStateCleared);
        emitPacket();
        descriptors();
        events();
    }

private:
    void flush() {
        m_out.write(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
        m_buf.clear();
    }
    // m_packet as Trace.packet.
    void emitPacket() {
        Proto head;
        head.tag(f::kTracePacket, 2);
        head.varint(m_packet.bytes().size());
        m_buf += head.bytes();
        m_buf += m_packet.bytes();
        if (m_buf.size() >= (std::size_t{1} << 20)) flush();
    }
    void descriptor(const Proto& track) {
        m_packet.clear();
        m_packet.u(f::kTrustedPacketSequenceId, 1);
        m_packet.msg(f::kTrackDescriptor, track);
        emitPacket();
    }

    void descriptors() {
        const Trace& t = m_trace;
        Proto track, sub;
        for (int c = 0; c < t.coreCount(); ++c) {
            track.clear();
            track.u(f::kUuid, coreTrack(static_cast<std::size_t>(c)));
            track.str(f::kName, fmt::format("CPU {}", c));
            descriptor(track);
        }
        track.clear();
        track.u(f::kUuid, kReadyTrack);
        track.str(f::kName, "ready queue");
        track.msg(f::kCounter, Proto());
        descriptor(track);
        for (std::size_t p = 0; p < t.processes().size(); ++p) {
            const TraceProcessInfo& info = t.processes()[p];
            sub.clear();
            sub.i(f::kPid, info.pid);
            sub.str(f::kProcessName, info.name);
            track.clear();
            track.u(f::kUuid, processTrack(p));
            track.msg(f::kProcess, sub);
            descriptor(track);
            if (!t.gilLane(static_cast<std::uint32_t>(p)).empty()) {
                track.clear();
                track.u(f::kUuid, gilTrack(p));
                track.u(f::kParentUuid, processTrack(p));
                track.str(f::kName, "GIL");
                descriptor(track);
            }
        }
        for (std::size_t th = 0; th < t.threads().size(); ++th) {
            const TraceThreadInfo& info = t.threads()[th];
            sub.clear();
            sub.i(f::kPid, pidOf(static_cast<std::uint32_t>(th)));
            sub.i(f::kTid, info.tid);
            sub.str(f::kThreadName, info.name);
            track.clear();
            track.u(f::kUuid, threadTrack(th));
            if (info.process < t.processes().size())
                track.u(f::kParentUuid, processTrack(info.process));
            track.msg(f::kThread, sub);
            descriptor(track);
        }
    }

    int pidOf(std::uint32_t thread) const {
        if (thread >= m_trace.threads().size()) return 0;
        const std::uint32_t p = m_trace.threads()[thread].process;
        return p < m_trace.processes().size() ? m_trace.processes()[p].pid : 0;
    }
    const std::string& threadName(std::uint32_t thread) const {
        static const std::string unknown = "?";
        return thread < m_trace.threads().size() ? m_trace.threads()[thread].name : unknown;
    }

    // The iid of an event name, interned into this packet the first time it is used.
    std::uint64_t iid(const std::string& name) {
        auto [it, added] = m_names.try_emplace(name, m_names.size() + m_threadNames + 1);
        if (added) intern(it->second, name);
        return it->second;
    }
    std::uint64_t threadNameIid(std::uint32_t thread) {
        if (thread >= m_threadNameIid.size()) return iid(threadName(thread));
        std::uint64_t& id = m_threadNameIid[thread];
        if (id == 0) {
            id = m_names.size() + ++m_threadNames;
            intern(id, threadName(thread));
        }
        return id;
    }
    void intern(std::uint64_t id, const std::string& name) {
        Proto eventName;
        eventName.u(f::kIid, id);
        eventName.str(f::kEventName, name);
        m_interned.msg(f::kEventNames, eventName);
    }

    // One TrackEvent packet at `time`.
    void event(SimTime time, int type, std::uint64_t track, std::uint64_t nameIid = 0,
               std::int64_t counter = 0) {
        m_event.clear();
        m_event.u(f::kType, static_cast<std::uint64_t>(type));
        m_event.u(f::kTrackUuid, track);
        if (nameIid != 0) m_event.u(f::kNameIid, nameIid);
        if (type == kPerfettoCounter) m_event.i(f::kCounterValue, counter);
        m_packet.clear();
        m_packet.u(f::kTimestamp, static_cast<std::uint64_t>(time));
        m_packet.u(f::kTrustedPacketSequenceId, 1);
        m_packet.u(f::kSequenceFlags, kPerfettoNeedsState);
        if (!m_interned.empty()) {
            m_packet.msg(f::kInternedData, m_interned);
            m_interned.clear();
        }
        m_packet.msg(f::kTrackEvent, m_event);
        emitPacket();
    }

    // A lane's segments, as they start and end while the log is read in order: the slice of
    // a record ends where the lane's next record is (or at the end of the trace).
    struct Lane {
        std::uint32_t next = 0;  // position of the lane's next record
        bool open = false;       // a slice is open on the track
    };
    // Ends the open slice of the lane, then returns when the segment starting at its
    // record `next` ends.
    SimTime advance(Lane& lane, std::span<const std::uint32_t> records, std::uint64_t track,
                    SimTime now) {
        if (lane.open) event(now, kPerfettoSliceEnd, track);
        lane.open = false;
        const std::uint32_t at = lane.next++;
        return at + 1 < records.size() ? m_trace.time(records[at + 1]) : m_trace.endTime();
    }
    void begin(Lane& lane, SimTime start, SimTime end, std::uint64_t track, std::uint64_t name) {
        if (end <= start) return;  // as in the JSON export: no empty slices
        event(start, kPerfettoSliceBegin, track, name);
        lane.open = true;
    }

    void events() {
        const Trace& t = m_trace;
        std::vector<Lane> cores(static_cast<std::size_t>(t.coreCount()));
        std::vector<Lane> threads(t.threads().size());
        std::vector<Lane> gils(t.processes().size());
        std::vector<ThreadState> stateOf(t.threads().size(), ThreadState::New);
        std::int64_t ready = 0;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const RecordBody& b = t.body(i);
            const SimTime now = t.time(i);
            switch (b.kind) {
                case RecordKind::CoreRun:
                case RecordKind::CoreSwitch:
                case RecordKind::CoreIdle: {
                    if (b.core >= cores.size()) break;
                    const std::uint64_t track = coreTrack(b.core);
                    const SimTime end = advance(cores[b.core], t.coreLane(b.core), track, now);
                    if (b.kind == RecordKind::CoreRun)
                        begin(cores[b.core], now, end, track, threadNameIid(b.subject));
                    else if (b.kind == RecordKind::CoreSwitch)
                        begin(cores[b.core], now, end, track,
                              iid("context switch → " + threadName(b.subject)));
                    break;
                }
                case RecordKind::ThreadCreate:
                case RecordKind::State: {
                    if (b.subject >= threads.size()) break;
                    const std::uint64_t track = threadTrack(b.subject);
                    const SimTime end =
                        advance(threads[b.subject], t.threadLane(b.subject), track, now);
                    if (!(b.kind == RecordKind::State && b.state == ThreadState::Terminated))
                        begin(threads[b.subject], now, end, track, iid(stateLabel(b)));
                    if (b.kind == RecordKind::State) {
                        ThreadState& before = stateOf[b.subject];
                        const int delta =
                            (b.state == ThreadState::Ready) - (before == ThreadState::Ready);
                        before = b.state;
                        if (delta != 0) {
                            ready += delta;
                            event(now, kPerfettoCounter, kReadyTrack, 0, ready);
                        }
                    }
                    break;
                }
                case RecordKind::Gil: {
                    const auto op = static_cast<GilOp>(b.extra16);
                    if (op == GilOp::DropRequest && b.subject < threads.size()) {
                        event(now, kPerfettoInstant, threadTrack(b.subject),
                              iid("GIL drop request"));
                        break;
                    }
                    if ((op != GilOp::Acquire && op != GilOp::Release) || b.object >= gils.size())
                        break;
                    const std::uint64_t track = gilTrack(b.object);
                    const SimTime end = advance(gils[b.object], t.gilLane(b.object), track, now);
                    if (op == GilOp::Acquire)
                        begin(gils[b.object], now, end, track,
                              iid("GIL: " + threadName(b.subject)));
                    break;
                }
                case RecordKind::Marker:
                case RecordKind::Output:
                    if (b.subject >= threads.size()) break;
                    event(now, kPerfettoInstant, threadTrack(b.subject),
                          iid(b.kind == RecordKind::Marker ? t.text(b.object)
                                                           : "print: " + t.text(b.object)));
                    break;
                case RecordKind::Sync: {
                    if (b.subject >= threads.size()) break;
                    const std::string object =
                        b.object < t.objects().size() ? t.objects()[b.object].name : "?";
                    event(
                        now, kPerfettoInstant, threadTrack(b.subject),
                        iid(std::string(toString(static_cast<SyncOp>(b.extra16))) + " " + object));
                    break;
                }
                case RecordKind::Deadlock:
                    if (b.subject >= threads.size()) break;
                    event(now, kPerfettoInstant, threadTrack(b.subject),
                          iid("deadlock: " + threadName(b.subject)));
                    break;
                default:
                    break;
            }
        }
        // Slices still open end with the trace.
        for (std::size_t c = 0; c < cores.size(); ++c)
            if (cores[c].open) event(t.endTime(), kPerfettoSliceEnd, coreTrack(c));
        for (std::size_t th = 0; th < threads.size(); ++th)
            if (threads[th].open) event(t.endTime(), kPerfettoSliceEnd, threadTrack(th));
        for (std::size_t p = 0; p < gils.size(); ++p)
            if (gils[p].open) event(t.endTime(), kPerfettoSliceEnd, gilTrack(p));
    }

    const Trace& m_trace;
    std::ostream& m_out;
    std::string m_buf;
    Proto m_packet, m_event, m_interned;
    std::unordered_map<std::string, std::uint64_t> m_names;
    std::vector<std::uint64_t> m_threadNameIid;  // 0: not interned yet
    std::uint64_t m_threadNames = 0;
};

}  // namespace

void writePerfettoTrace(const Trace& trace, std::ostream& out) {
    PerfettoWriter w(trace, out);
    w.write();
}

bool isPerfettoPath(std::string_view path) {
    auto endsWith = [path](std::string_view s) {
        return path.size() >= s.size() && path.substr(path.size() - s.size()) == s;
    };
    return endsWith(".perfetto-trace") || endsWith(".pftrace");
}

}  // namespace taskscope::core
