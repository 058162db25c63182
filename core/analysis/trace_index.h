#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/os/state.h"
#include "core/trace/trace.h"
#include "core/util/time.h"

namespace taskscope::core {

// A thread's state change with what it had accumulated before it: enough to answer "how much
// CPU / ready / blocked time at t" and "which transition brought it here" by binary search.
struct ThreadPoint {
    SimTime time = 0;
    SimTime cpu = 0;                       // time Running before `time`
    SimTime ready = 0;                     // time Ready before `time`
    SimTime blocked = 0;                   // time Waiting before `time`
    ThreadState state = ThreadState::New;  // entered at `time`
    ThreadState previous = ThreadState::New;
    WaitReason reason = WaitReason::None;
    Cause cause = Cause::None;
};

// When a process appeared, exited and was reaped (-1: not yet).
struct ProcessTimes {
    SimTime created = -1;
    SimTime exited = -1;
    SimTime reaped = -1;
};

// One Sync record on a kernel object, with what the object had seen up to it.
struct ObjectPoint {
    SimTime time = 0;
    std::uint32_t record = 0;
    std::uint32_t highWater = 0;     // largest value so far (a queue's longest length)
    std::uint32_t lostUpdates = 0;   // LostUpdate records so far
    std::uint32_t acquisitions = 0;  // Acquired records so far
    std::uint32_t stores = 0;        // writes to a shared value so far
};

// A core's run, switch or idle record with the core's totals before it.
struct CorePoint {
    SimTime time = 0;
    SimTime busy = 0;            // time running threads before `time`
    std::uint64_t switches = 0;  // context switches up to and including this record
    bool running = false;        // a CoreRun: busy from `time` on
};

// Indexes over a Trace that the views need and the Trace does not keep: per-thread running
// totals, process lifetimes and the list of notable records (output, markers, spawn, exit).
// Built incrementally: the trace is append-only, so update() only reads new records.
class TraceIndex {
public:
    void clear();
    void update(const Trace& trace);
    std::size_t processed() const { return m_processed; }
    // True once the run has recorded GIL activity (Python threads, GIL workloads).
    bool hasGil() const { return m_hasGil; }

    const std::vector<ThreadPoint>& points(std::uint32_t thread) const;
    // The last state change of `thread` at or before t (nullptr: none yet).
    const ThreadPoint* pointAt(std::uint32_t thread, SimTime t) const;
    SimTime cpuAt(std::uint32_t thread, SimTime t) const;
    SimTime readyAt(std::uint32_t thread, SimTime t) const;
    SimTime blockedAt(std::uint32_t thread, SimTime t) const;
    // The first time `thread` became Ready / Running (-1: not yet at t).
    SimTime arrivalAt(std::uint32_t thread, SimTime t) const;
    SimTime firstRunAt(std::uint32_t thread, SimTime t) const;
    SimTime finishAt(std::uint32_t thread, SimTime t) const;
    // Time Waiting per wait reason up to t.
    std::array<SimTime, kWaitReasonCount> blockedByReasonAt(std::uint32_t thread, SimTime t) const;
    // Per core: time running threads and context switches (to another thread than the one
    // that ran last) up to t.
    SimTime coreBusyAt(int core, SimTime t) const;
    std::uint64_t contextSwitchesAt(int core, SimTime t) const;

    ProcessTimes processTimes(std::uint32_t process) const;
    // Records worth listing (Output, Marker, Deadlock, ProcessCreate/Exit/Reap), in time order.
    const std::vector<std::uint32_t>& events() const { return m_events; }
    // How many of events() happen at or before t.
    std::size_t eventCountAt(const Trace& trace, SimTime t) const;
    // What a teacher wants to jump to: spawn, exit, deadlock, lost update, marker, GIL drop
    // request (see isRunEvent), in time order.
    const std::vector<std::uint32_t>& runEvents() const { return m_runEvents; }
    std::size_t runEventCountAt(const Trace& trace, SimTime t) const;
    static bool isRunEvent(const RecordBody& b);
    // Sync records of one kernel object, in time order, with running totals.
    const std::vector<ObjectPoint>& objectPoints(std::uint32_t object) const;
    // The last of objectPoints(object) at or before t (nullptr: none yet).
    const ObjectPoint* objectPointAt(std::uint32_t object, SimTime t) const;
    // Per thread: its lock acquire/release, queue put/get, lost updates and deadlocks, for
    // the timeline's glyphs.
    const std::vector<std::uint32_t>& syncMarks(std::uint32_t thread) const;
    // Output records only, in time order.
    const std::vector<std::uint32_t>& outputs() const { return m_outputs; }
    std::size_t outputCountAt(const Trace& trace, SimTime t) const;

private:
    struct Open {
        SimTime since = 0;
        ThreadState state = ThreadState::New;
        SimTime cpu = 0, ready = 0, blocked = 0;
        SimTime arrival = -1, firstRun = -1, finish = -1;
        WaitReason reason = WaitReason::None;
        std::array<SimTime, kWaitReasonCount> byReason{};
    };
    struct OpenCore {
        std::uint32_t lastRan = kNone;  // the thread that ran here last
        std::uint32_t switchingTo = kNone;
    };
    // Every kReasonCheckpoint-th point of a thread has its per-reason totals kept here, so
    // blockedByReasonAt() adds up at most that many points.
    static constexpr std::size_t kReasonCheckpoint = 64;
    void addPoint(std::uint32_t thread, const ThreadPoint& p);
    std::vector<std::vector<ThreadPoint>> m_points;
    std::vector<Open> m_open;
    std::vector<std::vector<std::array<SimTime, kWaitReasonCount>>> m_reasonCheckpoints;
    std::vector<std::vector<CorePoint>> m_corePoints;
    std::vector<OpenCore> m_openCores;
    std::vector<ProcessTimes> m_processes;
    std::vector<std::uint32_t> m_events;
    std::vector<std::uint32_t> m_outputs;
    std::vector<std::uint32_t> m_runEvents;
    std::vector<std::vector<ObjectPoint>> m_objectPoints;
    std::vector<std::vector<std::uint32_t>> m_syncMarks;
    std::size_t m_processed = 0;
    bool m_hasGil = false;
};

}  // namespace taskscope::core
