#pragma once

#include <cstdint>
#include <vector>

#include "core/os/state.h"
#include "core/sim/time.h"
#include "core/trace/trace.h"

namespace taskscope::ui {

// A thread's state change with what it had accumulated before it: enough to answer "how much
// CPU / ready / blocked time at t" and "which transition brought it here" by binary search.
struct ThreadPoint {
    core::SimTime time = 0;
    core::SimTime cpu = 0;      // time Running before `time`
    core::SimTime ready = 0;    // time Ready before `time`
    core::SimTime blocked = 0;  // time Waiting before `time`
    core::ThreadState state = core::ThreadState::New;  // entered at `time`
    core::ThreadState previous = core::ThreadState::New;
    core::WaitReason reason = core::WaitReason::None;
    core::Cause cause = core::Cause::None;
};

// When a process appeared, exited and was reaped (-1: not yet).
struct ProcessTimes {
    core::SimTime created = -1;
    core::SimTime exited = -1;
    core::SimTime reaped = -1;
};

// Indexes over a Trace that the views need and the Trace does not keep: per-thread running
// totals, process lifetimes and the list of notable records (output, markers, spawn, exit).
// Built incrementally: the trace is append-only, so update() only reads new records.
class TraceIndex {
public:
    void clear();
    void update(const core::Trace& trace);
    std::size_t processed() const { return m_processed; }
    // True once the run has recorded GIL activity (Python threads, GIL workloads).
    bool hasGil() const { return m_hasGil; }

    const std::vector<ThreadPoint>& points(std::uint32_t thread) const;
    // The last state change of `thread` at or before t (nullptr: none yet).
    const ThreadPoint* pointAt(std::uint32_t thread, core::SimTime t) const;
    core::SimTime cpuAt(std::uint32_t thread, core::SimTime t) const;
    core::SimTime readyAt(std::uint32_t thread, core::SimTime t) const;
    core::SimTime blockedAt(std::uint32_t thread, core::SimTime t) const;
    // The first time `thread` became Ready / Running (-1: not yet at t).
    core::SimTime arrivalAt(std::uint32_t thread, core::SimTime t) const;
    core::SimTime firstRunAt(std::uint32_t thread, core::SimTime t) const;
    core::SimTime finishAt(std::uint32_t thread, core::SimTime t) const;

    ProcessTimes processTimes(std::uint32_t process) const;
    // Records worth listing (Output, Marker, ProcessCreate/Exit/Reap), in time order.
    const std::vector<std::uint32_t>& events() const { return m_events; }
    // How many of events() happen at or before t.
    std::size_t eventCountAt(const core::Trace& trace, core::SimTime t) const;
    // Output records only, in time order.
    const std::vector<std::uint32_t>& outputs() const { return m_outputs; }
    std::size_t outputCountAt(const core::Trace& trace, core::SimTime t) const;

private:
    struct Open {
        core::SimTime since = 0;
        core::ThreadState state = core::ThreadState::New;
        core::SimTime cpu = 0, ready = 0, blocked = 0;
        core::SimTime arrival = -1, firstRun = -1, finish = -1;
    };
    std::vector<std::vector<ThreadPoint>> m_points;
    std::vector<Open> m_open;
    std::vector<ProcessTimes> m_processes;
    std::vector<std::uint32_t> m_events;
    std::vector<std::uint32_t> m_outputs;
    std::size_t m_processed = 0;
    bool m_hasGil = false;
};

}  // namespace taskscope::ui
