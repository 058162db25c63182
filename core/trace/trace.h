#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/trace/record.h"
#include "core/trace/trace_state.h"

namespace taskscope::core {

// Names and numbers of a thread or process as the trace knows them.
struct TraceThreadInfo {
    std::string name;
    int tid = 0;
    std::uint32_t process = kNone;
};
struct TraceProcessInfo {
    std::string name;
    std::string command;
    int pid = 0;
    int ppid = 0;
    std::uint32_t parent = kNone;
};

struct TraceObjectInfo {
    std::string name;
    std::uint8_t kind = 0;  // ObjectKind
};

// A stretch of one lane (a core or a thread) between two of its records.
struct Segment {
    SimTime start = 0;
    SimTime end = 0;           // the next record on the lane, or the trace's end time
    std::uint32_t record = 0;  // the record that began the segment
};

// The record of a run: an append-only log in time order (a time column and a body column),
// per-lane indexes into it, and periodic states for fast seeking.
class Trace {
public:
    explicit Trace(std::size_t snapshotInterval = 4096)
        : m_snapshotInterval(snapshotInterval), m_untilSnapshot(snapshotInterval) {}

    // --- recording (the Machine calls these in time order) ---
    void setCoreCount(int cores);
    // Names the process / thread with the Machine's index `index` (they may appear out of
    // index order: a workload's processes are created at their arrival times).
    void defineProcess(std::uint32_t index, TraceProcessInfo info);
    void defineThread(std::uint32_t index, TraceThreadInfo info);
    void defineObject(std::uint32_t index, TraceObjectInfo info);
    std::uint32_t intern(std::string_view text);
    void append(SimTime time, const RecordBody& body);
    void setEndTime(SimTime t) { m_endTime = t; }
    // Releases spare capacity once a run is complete.
    void compact();
    // Forgets everything but keeps the memory, for a new run of similar size.
    void clear();

    // --- queries ---
    std::size_t size() const { return m_time.size(); }
    bool empty() const { return m_time.empty(); }
    SimTime time(std::size_t i) const { return m_time[i]; }
    const RecordBody& body(std::size_t i) const { return m_body[i]; }
    Record record(std::size_t i) const { return {m_time[i], m_body[i]}; }
    SimTime endTime() const { return m_endTime; }
    int coreCount() const { return static_cast<int>(m_coreLanes.size()); }
    const std::vector<TraceThreadInfo>& threads() const { return m_threads; }
    const std::vector<TraceProcessInfo>& processes() const { return m_processes; }
    const std::vector<TraceObjectInfo>& objects() const { return m_objects; }
    const std::string& text(std::uint32_t id) const { return m_strings[id]; }

    // First record with time >= t / > t.
    std::size_t lowerBound(SimTime t) const;
    std::size_t upperBound(SimTime t) const;

    // Segments of a lane that overlap [t0, t1), in time order.
    void coreSegments(int core, SimTime t0, SimTime t1, std::vector<Segment>& out) const;
    void threadSegments(std::uint32_t thread, SimTime t0, SimTime t1,
                        std::vector<Segment>& out) const;
    // Holder changes of a process's GIL (Gil records with Acquire / Release).
    void gilSegments(std::uint32_t process, SimTime t0, SimTime t1,
                     std::vector<Segment>& out) const;

    // The record indexes of one lane, in time order (for views that search in place).
    const std::vector<std::uint32_t>& coreLane(int core) const;
    const std::vector<std::uint32_t>& threadLane(std::uint32_t thread) const;
    const std::vector<std::uint32_t>& gilLane(std::uint32_t process) const;
    // How many records of a kind the trace holds (to decide cheaply which lanes to show).
    std::size_t countOf(RecordKind kind) const {
        return m_kindCounts[static_cast<std::size_t>(kind)];
    }

    // The state after every record with time <= t has been applied.
    TraceState stateAt(SimTime t) const;
    // The state after the first `count` records.
    TraceState stateAfter(std::size_t count) const;

    // Bytes held by the log, the lane indexes and the snapshots.
    std::size_t memoryBytes() const;
    // FNV-1a over every record and the names: equal hashes = identical traces.
    std::uint64_t hash() const;

private:
    static void laneSegments(const std::vector<std::uint32_t>& lane,
                             const std::vector<SimTime>& times, SimTime endTime, SimTime t0,
                             SimTime t1, std::vector<Segment>& out);

    std::size_t m_snapshotInterval;
    std::size_t m_untilSnapshot;  // records left before the next stored state
    std::array<std::size_t, kRecordKindCount> m_kindCounts{};
    std::vector<SimTime> m_time;
    std::vector<RecordBody> m_body;
    std::vector<std::vector<std::uint32_t>> m_coreLanes;
    std::vector<std::vector<std::uint32_t>> m_threadLanes;
    std::vector<std::vector<std::uint32_t>> m_gilLanes;
    std::vector<TraceThreadInfo> m_threads;
    std::vector<TraceProcessInfo> m_processes;
    std::vector<TraceObjectInfo> m_objects;
    std::vector<std::string> m_strings;
    TraceState m_live;
    std::vector<TraceState> m_snapshots;  // m_snapshots[k] = state after k * interval records
    SimTime m_endTime = 0;
};

}  // namespace taskscope::core
