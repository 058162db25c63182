#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/os/process.h"
#include "core/os/state.h"
#include "core/sched/policy.h"
#include "core/util/strong_id.h"

namespace taskscope::core {

// What a policy may read of the machine it schedules: the clock, the threads and the cores.
// The Machine hands one to every call; it holds references, so it lives for one call only.
class SchedulerView {
public:
    SchedulerView(const std::vector<ThreadInfo>& threads, const std::vector<CoreInfo>& cores,
                  SimTime now)
        : m_threads(threads), m_cores(cores), m_now(now) {}

    SimTime now() const { return m_now; }
    const ThreadInfo& thread(ThreadId t) const { return m_threads[t.index()]; }
    const std::vector<CoreInfo>& cores() const { return m_cores; }
    // CPU time left in the thread's current burst at this instant (-1 when unknown).
    SimTime remainingBurst(ThreadId t) const;
    // How long the running thread `t` has held its core at this instant (0 if not running).
    SimTime ranSoFar(ThreadId t) const;

private:
    const std::vector<ThreadInfo>& m_threads;
    const std::vector<CoreInfo>& m_cores;
    SimTime m_now;
};

// A scheduling policy: owns the ready set and decides who runs next and for how long.
// Policies are values (cloned with the Machine) and read thread attributes from a view.
class Scheduler {
public:
    virtual ~Scheduler() = default;
    virtual std::unique_ptr<Scheduler> clone() const = 0;

    // `t` became Ready because of `why` (Admit, Wake, Timeout, Preempt, Yield).
    virtual void enqueue(const SchedulerView& m, ThreadId t, Cause why) = 0;
    // Takes the next thread for `core` out of the ready set (invalid when empty).
    virtual ThreadId pickNext(const SchedulerView& m, CoreId core) = 0;
    // Drops a Ready thread (killed before it ran again).
    virtual void remove(ThreadId t) = 0;
    // The first `limit` threads of the ready set, in the order the policy would pick them.
    virtual void readyOrder(std::vector<ThreadId>& out, std::size_t limit = SIZE_MAX) const = 0;
    virtual std::size_t readyCount() const = 0;

    // Length of the slice `t` gets now (kNever: until it blocks or exits).
    virtual SimTime timeSlice(const SchedulerView& m, ThreadId t) const = 0;
    // False when the policy never takes a core from a running thread (skips the check).
    virtual bool mayPreempt() const { return true; }
    // True when Ready thread `ready` should take the core from `running` at once.
    virtual bool preempts(const SchedulerView& m, ThreadId ready, ThreadId running) const {
        (void)m, (void)ready, (void)running;
        return false;
    }
    // Among the running threads `ready` preempts, the one to take the core from; by default
    // the one the policy ranks least urgent.
    virtual bool lessUrgent(const SchedulerView& m, ThreadId a, ThreadId b) const {
        (void)m, (void)a, (void)b;
        return false;
    }
    // `t` leaves its core after running `ran` ns for reason `why` (accounting, MLFQ levels).
    virtual void charge(const SchedulerView& m, ThreadId t, SimTime ran, Cause why) {
        (void)m, (void)t, (void)ran, (void)why;
    }
    // Called when a thread is created so policies can size their per-thread state.
    virtual void addThread(const SchedulerView& m, ThreadId t) { (void)m, (void)t; }
    // The MLFQ level (or other policy-specific queue index) of `t`, for views; -1 if none.
    virtual int level(ThreadId t) const {
        (void)t;
        return -1;
    }
};

std::unique_ptr<Scheduler> makeScheduler(const PolicySettings& settings, int cores);

}  // namespace taskscope::core
