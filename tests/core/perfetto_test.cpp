#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <tuple>

#include "core/trace/perfetto.h"
#include "workload_helpers.h"

namespace taskscope::core::testing {
namespace {

namespace f = perfetto_field;

// A protobuf message read back field by field: varints and length-delimited bytes.
struct Message {
    std::multimap<int, std::uint64_t> ints;
    std::multimap<int, std::string> bytes;

    std::uint64_t u(int field) const {
        const auto it = ints.find(field);
        return it == ints.end() ? 0 : it->second;
    }
    bool has(int field) const { return ints.count(field) + bytes.count(field) > 0; }
    std::string s(int field) const {
        const auto it = bytes.find(field);
        return it == bytes.end() ? std::string() : it->second;
    }
};

// Fails the test (and returns what it read) on anything but wire types 0 and 2.
Message decode(const std::string& data) {
    Message m;
    std::size_t i = 0;
    auto varint = [&]() {
        std::uint64_t v = 0;
        for (int shift = 0; i < data.size(); shift += 7) {
            const auto byte = static_cast<unsigned char>(data[i++]);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) return v;
            EXPECT_LT(shift, 63) << "varint too long";
        }
        ADD_FAILURE() << "truncated varint";
        return v;
    };
    while (i < data.size()) {
        const std::uint64_t key = varint();
        const int field = static_cast<int>(key >> 3);
        const int wire = static_cast<int>(key & 7);
        if (wire == 0) {
            m.ints.emplace(field, varint());
        } else if (wire == 2) {
            const std::uint64_t len = varint();
            if (i + len > data.size()) {
                ADD_FAILURE() << "field " << field << " runs past the end";
                return m;
            }
            m.bytes.emplace(field, data.substr(i, len));
            i += len;
        } else {
            ADD_FAILURE() << "unexpected wire type " << wire << " for field " << field;
            return m;
        }
    }
    return m;
}

struct Slice {
    std::uint64_t track;
    SimTime start, end;
    std::string name;
    friend bool operator<(const Slice& a, const Slice& b) {
        return std::tie(a.track, a.start, a.end, a.name) <
               std::tie(b.track, b.start, b.end, b.name);
    }
    friend bool operator==(const Slice& a, const Slice& b) = default;
};

// What a trace viewer makes of the file: tracks by uuid, slices, instants, counter values.
struct Decoded {
    std::size_t packets = 0;
    std::map<std::uint64_t, Message> tracks;
    std::vector<Slice> slices;
    std::vector<std::tuple<std::uint64_t, SimTime, std::string>> instants;
    std::vector<std::pair<SimTime, std::int64_t>> counter;
    std::uint64_t counterTrack = 0;
};

Decoded read(const std::string& file) {
    Decoded d;
    const Message trace = decode(file);
    EXPECT_TRUE(trace.ints.empty());
    std::map<std::uint64_t, std::string> names;
    std::map<std::uint64_t, std::vector<std::pair<SimTime, std::string>>> open;
    SimTime last = 0;
    bool first = true;
    for (const auto& [field, bytes] : trace.bytes) {
        EXPECT_EQ(field, f::kTracePacket);
        const Message p = decode(bytes);
        ++d.packets;
        EXPECT_EQ(p.u(f::kTrustedPacketSequenceId), 1u);
        if (first) {
            EXPECT_EQ(p.u(f::kSequenceFlags), static_cast<std::uint64_t>(kPerfettoStateCleared));
            first = false;
            continue;
        }
        if (p.has(f::kTrackDescriptor)) {
            const Message t = decode(p.s(f::kTrackDescriptor));
            EXPECT_TRUE(d.tracks.emplace(t.u(f::kUuid), t).second) << "uuid used twice";
            if (t.has(f::kCounter)) d.counterTrack = t.u(f::kUuid);
            continue;
        }
        if (p.has(f::kInternedData)) {
            const Message in = decode(p.s(f::kInternedData));
            for (const auto& [k, en] : in.bytes) {
                EXPECT_EQ(k, f::kEventNames);
                const Message e = decode(en);
                EXPECT_TRUE(names.emplace(e.u(f::kIid), e.s(f::kEventName)).second);
            }
        }
        EXPECT_TRUE(p.has(f::kTrackEvent));
        EXPECT_EQ(p.u(f::kSequenceFlags), static_cast<std::uint64_t>(kPerfettoNeedsState));
        const auto ts = static_cast<SimTime>(p.u(f::kTimestamp));
        EXPECT_GE(ts, last) << "packets in time order";
        last = ts;
        const Message e = decode(p.s(f::kTrackEvent));
        const std::uint64_t track = e.u(f::kTrackUuid);
        EXPECT_EQ(d.tracks.count(track), 1u) << "event on an undeclared track " << track;
        const std::string name = e.has(f::kNameIid) ? names.at(e.u(f::kNameIid)) : "";
        switch (static_cast<int>(e.u(f::kType))) {
            case kPerfettoSliceBegin:
                open[track].emplace_back(ts, name);
                break;
            case kPerfettoSliceEnd:
                if (open[track].empty()) {
                    ADD_FAILURE() << "end without a begin on track " << track;
                    break;
                }
                d.slices.push_back(
                    {track, open[track].back().first, ts, open[track].back().second});
                open[track].pop_back();
                break;
            case kPerfettoInstant:
                d.instants.emplace_back(track, ts, name);
                break;
            case kPerfettoCounter:
                EXPECT_EQ(track, d.counterTrack);
                d.counter.emplace_back(ts, static_cast<std::int64_t>(e.u(f::kCounterValue)));
                break;
            default:
                ADD_FAILURE() << "unknown event type " << e.u(f::kType);
        }
    }
    for (const auto& [track, stack] : open) EXPECT_TRUE(stack.empty()) << "open on " << track;
    std::sort(d.slices.begin(), d.slices.end());
    return d;
}

struct Run {
    Machine machine;
    Trace trace;
    std::string file;
};

std::unique_ptr<Run> runFile(const std::string& path) {
    auto w = loadWorkload(path);
    EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().format());
    auto r = std::unique_ptr<Run>(new Run{Machine(settingsFor(*w)), Trace(), {}});
    r->machine.attachTrace(&r->trace);
    populate(r->machine, *w);
    r->machine.runUntil(kNever);
    std::ostringstream out;
    writePerfettoTrace(r->trace, out);
    r->file = out.str();
    return r;
}

std::string source(const std::string& rel) {
    return std::string(TASKSCOPE_SOURCE_DIR) + "/" + rel;
}

TEST(Perfetto, TracksAreTheCoresProcessesAndThreads) {
    auto r = runFile(source("tests/data/fcfs_silberschatz.json"));
    const Decoded d = read(r->file);
    const Trace& t = r->trace;
    // One core, a counter, three processes and their threads.
    ASSERT_EQ(d.tracks.size(), 1 + 1 + 2 * t.threads().size());
    EXPECT_EQ(d.tracks.at(1).s(f::kName), "CPU 0");
    EXPECT_EQ(d.tracks.at(d.counterTrack).s(f::kName), "ready queue");
    int threads = 0, processes = 0;
    for (const auto& [uuid, m] : d.tracks) {
        if (m.has(f::kProcess)) {
            const Message pd = decode(m.s(f::kProcess));
            EXPECT_GE(pd.u(f::kPid), 1001u);
            EXPECT_EQ(pd.s(f::kProcessName), "P" + std::to_string(pd.u(f::kPid) - 1000));
            ++processes;
        }
        if (m.has(f::kThread)) {
            const Message td = decode(m.s(f::kThread));
            EXPECT_EQ(td.u(f::kPid), td.u(f::kTid));  // main threads: tid = pid
            EXPECT_EQ(td.s(f::kThreadName), "P" + std::to_string(td.u(f::kTid) - 1000));
            ASSERT_TRUE(m.has(f::kParentUuid));
            EXPECT_TRUE(decode(d.tracks.at(m.u(f::kParentUuid)).s(f::kProcess)).u(f::kPid) ==
                        td.u(f::kPid));
            ++threads;
        }
    }
    EXPECT_EQ(processes, 3);
    EXPECT_EQ(threads, 3);
}

TEST(Perfetto, SlicesAreTheCoreAndThreadSegments) {
    auto r = runFile(source("resources/workloads/io_two_cores.csv"));
    const Decoded d = read(r->file);
    const Trace& t = r->trace;
    std::vector<Slice> expected;
    std::vector<Segment> segs;
    for (int c = 0; c < t.coreCount(); ++c) {
        t.coreSegments(c, 0, kNever, segs);
        for (const auto& s : segs) {
            const RecordBody& b = t.body(s.record);
            if (b.kind == RecordKind::CoreIdle || s.end <= s.start) continue;
            ASSERT_EQ(b.kind, RecordKind::CoreRun);
            expected.push_back(
                {static_cast<std::uint64_t>(1 + c), s.start, s.end, t.threads()[b.subject].name});
        }
    }
    const std::size_t coreSlices = expected.size();
    EXPECT_GT(coreSlices, 5u);
    for (std::uint32_t th = 0; th < t.threads().size(); ++th) {
        t.threadSegments(th, 0, kNever, segs);
        for (const auto& s : segs) {
            const RecordBody& b = t.body(s.record);
            if (b.kind == RecordKind::State && b.state == ThreadState::Terminated) continue;
            if (s.end <= s.start) continue;
            std::string name =
                b.kind == RecordKind::ThreadCreate ? "new" : std::string(toString(b.state));
            if (b.kind == RecordKind::State && b.state == ThreadState::Waiting)
                name += " (" + std::string(toString(b.reason)) + ")";
            expected.push_back({1001 + 3 * std::uint64_t{th}, s.start, s.end, name});
        }
    }
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(d.slices, expected);
    // The I/O waits are there by name.
    EXPECT_TRUE(std::any_of(d.slices.begin(), d.slices.end(),
                            [](const Slice& s) { return s.name == "waiting (io)"; }));
    // The ready counter goes up and down and ends at zero.
    ASSERT_FALSE(d.counter.empty());
    EXPECT_EQ(d.counter.back().second, 0);
    const auto most = std::max_element(d.counter.begin(), d.counter.end(),
                                       [](auto& a, auto& b) { return a.second < b.second; });
    EXPECT_GE(most->second, 2);
}

TEST(Perfetto, GilTracksAndDeadlockInstants) {
    auto gil = runFile(source("resources/workloads/gil_convoy.json"));
    const Decoded g = read(gil->file);
    int gilTracks = 0;
    for (const auto& [uuid, m] : g.tracks)
        if (m.s(f::kName) == "GIL") {
            ++gilTracks;
            EXPECT_EQ((uuid - 1000) % 3, 2u);  // a process's GIL track
        }
    EXPECT_GE(gilTracks, 1);
    const auto holder = std::find_if(g.slices.begin(), g.slices.end(),
                                     [](const Slice& s) { return s.name.rfind("GIL: ", 0) == 0; });
    ASSERT_NE(holder, g.slices.end());
    EXPECT_EQ((holder->track - 1000) % 3, 2u);

    auto dead = runFile(source("tests/data/deadlock_two_locks.json"));
    const Decoded d = read(dead->file);
    const auto it = std::find_if(d.instants.begin(), d.instants.end(), [](const auto& i) {
        return std::get<2>(i).rfind("deadlock: ", 0) == 0;
    });
    ASSERT_NE(it, d.instants.end());
    EXPECT_EQ(std::get<1>(*it), dead->machine.deadlock()->time);
    // Kernel-object operations are instants named "<operation> <object>".
    EXPECT_GE(std::count_if(d.instants.begin(), d.instants.end(),
                            [](const auto& i) { return std::get<2>(i).ends_with(" A"); }),
              2);
}

TEST(Perfetto, FileNames) {
    EXPECT_TRUE(isPerfettoPath("run.perfetto-trace"));
    EXPECT_TRUE(isPerfettoPath("/tmp/a.pftrace"));
    EXPECT_FALSE(isPerfettoPath("run.json"));
    EXPECT_FALSE(isPerfettoPath("pftrace"));
}

}  // namespace
}  // namespace taskscope::core::testing
