#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/trace/record.h"
#include "core/trace/stored_state.h"
#include "core/trace/trace_state.h"
#include "core/trace/trace_storage.h"

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
// per-lane indexes into it, and stored states for fast seeking.
//
// Stored states are incremental: each is a copy-on-write copy of the live state (see
// CowArray), so it costs its page tables plus the pages written since the previous one. One
// is taken at least `minInterval` records after the previous one, once the records since
// then have paid for it (kStoredStateBudget bytes each), and at the latest after
// kMaxStoredStateInterval records: memory stays linear in the records whatever the number of
// threads and processes, and a seek replays at most that many records.
class Trace {
public:
    static constexpr std::size_t kStoredStateBudget = 2;  // bytes per record
    static constexpr std::size_t kMaxStoredStateInterval = std::size_t{1} << 18;

    explicit Trace(std::size_t minInterval = 4096) : m_snapshotInterval(minInterval) {}

    // --- recording (the Machine calls these in time order) ---
    void setCoreCount(int cores);
    // Room for the names and lanes of this many processes and threads.
    void reserve(std::size_t processes, std::size_t threads);
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
    std::span<const std::uint32_t> coreLane(int core) const;
    std::span<const std::uint32_t> threadLane(std::uint32_t thread) const;
    std::span<const std::uint32_t> gilLane(std::uint32_t process) const;
    // How many records of a kind the trace holds (to decide cheaply which lanes to show).
    std::size_t countOf(RecordKind kind) const {
        return m_kindCounts[static_cast<std::size_t>(kind)];
    }

    // The state after every record with time <= t has been applied.
    TraceState stateAt(SimTime t) const;
    // The state after the first `count` records.
    TraceState stateAfter(std::size_t count) const;
    // The same into `out`, reusing its memory (a seek in a large run allocates nothing).
    void stateAt(SimTime t, TraceState& out) const;
    void stateAfter(std::size_t count, TraceState& out) const;
    // How many states are stored (for tests and benchmarks).
    std::size_t storedStateCount() const { return m_snapshots.size(); }

    // Bytes held by the log, the lane indexes and the stored states.
    std::size_t memoryBytes() const;
    // Bytes held by the names of threads, processes, objects and the interned strings.
    std::size_t nameBytes() const;
    // FNV-1a over every record and the names: equal hashes = identical traces.
    std::uint64_t hash() const;

private:
    void laneSegments(std::span<const std::uint32_t> lane, SimTime t0, SimTime t1,
                      std::vector<Segment>& out) const;
    void storeState();

    std::size_t m_snapshotInterval;  // the least number of records between stored states
    std::array<std::size_t, kRecordKindCount> m_kindCounts{};
    TimeColumn m_time;
    ChunkedColumn<RecordBody> m_body;
    std::vector<LaneIndex> m_coreLanes;
    std::vector<LaneIndex> m_threadLanes;
    std::vector<LaneIndex> m_gilLanes;
    std::vector<TraceThreadInfo> m_threads;
    std::vector<TraceProcessInfo> m_processes;
    std::vector<TraceObjectInfo> m_objects;
    std::vector<std::string> m_strings;
    StoredState m_live;
    std::vector<StoredState> m_snapshots;  // in record order; [0] is the empty state
    std::size_t m_snapshotBytes = 0;       // their page tables, and every page made
    SimTime m_endTime = 0;
};

}  // namespace taskscope::core
