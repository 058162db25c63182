#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/os/program.h"
#include "core/os/state.h"
#include "core/util/clone_ptr.h"
#include "core/util/defaults.h"
#include "core/util/strong_id.h"
#include "core/util/time.h"

namespace taskscope::core {

// How a wait on a kernel object ended, read by the program when it runs again.
enum class WakeResult : std::uint8_t {
    None,      // still waiting (or never waited)
    Acquired,  // got the lock / semaphore, or a Condition's lock back after a notify
    Timeout,   // the timeout expired first
    Item,      // a queue item arrived (wakeValue = its token), or a put went through
    Set,       // the Event was set
    Passed,    // the Barrier released (wakeValue = arrival index)
    Broken,    // the Barrier broke
    Joined,    // the joined thread ended
    Retry,     // a lock or semaphore was released: try again when runnable (futex, no hand-off)
};

// Time Waiting per wait reason. Held on the heap once the thread first waits: most threads of
// a large scheduling exercise never do, and the table would cost 112 bytes each.
class WaitTimes {
public:
    using Table = std::array<SimTime, kWaitReasonCount>;
    WaitTimes() = default;
    WaitTimes(const WaitTimes& o)
        : m_table(o.m_table ? std::make_unique<Table>(*o.m_table) : nullptr) {}
    WaitTimes& operator=(const WaitTimes& o) {
        if (this != &o) m_table = o.m_table ? std::make_unique<Table>(*o.m_table) : nullptr;
        return *this;
    }
    WaitTimes(WaitTimes&&) noexcept = default;
    WaitTimes& operator=(WaitTimes&&) noexcept = default;

    SimTime operator[](std::size_t reason) const { return m_table ? (*m_table)[reason] : 0; }
    void add(std::size_t reason, SimTime ns) {
        if (!m_table) m_table = std::make_unique<Table>();
        (*m_table)[reason] += ns;
    }
    Table all() const { return m_table ? *m_table : Table{}; }
    const SimTime* begin() const { return m_table ? m_table->data() : kZero.data(); }
    const SimTime* end() const { return begin() + kWaitReasonCount; }

private:
    static constexpr Table kZero{};
    std::unique_ptr<Table> m_table;
};

// One simulated thread. Plain data; the Machine keeps the invariants.
struct ThreadInfo {
    ThreadId id;
    ProcessId process;
    int tid = 0;  // the number ps -L shows; the main thread's tid equals the pid
    std::string name;
    ThreadState state = ThreadState::New;
    WaitReason reason = WaitReason::None;
    int priority = 0;  // smaller = more urgent (Silberschatz, Unix nice)
    bool daemon = false;

    SimTime created = 0;      // when it appeared (New)
    SimTime arrival = -1;     // when it first became Ready
    SimTime firstRun = -1;    // when it first ran
    SimTime finish = -1;      // when it terminated
    SimTime cpu = 0;          // time Running
    SimTime readyTime = 0;    // time Ready (the textbook "waiting time")
    SimTime waitingTime = 0;  // time Waiting (blocked)
    SimTime lastChange = 0;   // when `state` was entered
    int exitCode = 0;

    CoreId core;                 // the core it runs or is being dispatched on
    CoreId lastCore;             // where it ran last (a woken thread goes back there if idle)
    std::uint32_t blockSeq = 0;  // invalidates stale timed wake-ups
    ObjectId waitingOn;          // the kernel object it waits for (Waiting on a sync object)
    WakeResult wakeResult = WakeResult::None;
    std::uint64_t wakeValue = 0;
    bool timedWait = false;   // the current wait has a timeout
    bool earlyWake = false;   // granted before its blocking run ended: do not block
    SimTime earlyWakeAt = 0;  // when that grant happened (on the granting thread's clock)
    SimTime waitStart = 0;
    SimTime deadline = -1;            // when a timed wait times out (-1: no timeout)
    ObjectId retryObject;             // the lock or semaphore to try again (WakeResult::Retry)
    SimTime gilWait = 0;              // time Waiting for the GIL
    WaitTimes waitByReason;           // time Waiting, per reason
    std::uint32_t gilTimerSeq = 0;    // invalidates stale GIL interval timers
    std::uint64_t gilSwitchSeen = 0;  // the GIL switch number when its interval began
    ClonePtr<Program> program;
};

// The GIL of one process, modelled on CPython 3.2+'s "new GIL" (REFERENCE.md §1).
struct GilState {
    bool enabled = false;
    SimTime interval = kDefaultSwitchInterval;  // sys.setswitchinterval
    SimTime jitter = 0;                         // extra wake-up latency, up to this much
    ThreadId holder;
    ThreadId lastHolder;
    ThreadId forcedWaiter;  // dropped on request; waits until another thread has it
    // Signalled one at a time, oldest first. A vector: a deque allocates over 500 bytes even
    // when empty, for every process.
    std::vector<ThreadId> waiters;
    bool dropRequest = false;
    std::uint64_t switchNumber = 0;
    std::uint64_t switches = 0;
    std::uint64_t dropRequests = 0;
};

// One simulated process: an address space with threads, a parent and children.
struct ProcessInfo {
    ProcessId id;
    int pid = 0;
    int ppid = 0;
    ProcessId parent;  // invalid: the simulated shell
    std::string name;
    std::string command;
    std::vector<ThreadId> threads;
    std::vector<ProcessId> children;
    SimTime created = 0;
    SimTime exited = -1;  // all threads done: a zombie until reaped
    SimTime reaped = -1;
    int exitCode = 0;
    int liveThreads = 0;
    GilState gil;

    bool isZombie() const { return exited >= 0 && reaped < 0; }
};

struct CoreInfo {
    CoreId id;
    ThreadId running;   // invalid: idle
    ThreadId last;      // last thread that ran here (context-switch cost)
    SimTime clock = 0;  // progress of the running thread is settled up to here
    SimTime nextAction = kNever;
    SimTime runStart = 0;  // when the running thread got the core
    SimTime runFrom = 0;   // start of the run being applied: CPU since then is not yet in cpu
    SimTime sliceEnd = kNever;
    SimTime busy = 0;         // total time running threads
    SimTime switching = 0;    // total time spent switching contexts
    bool starting = false;    // a context switch is in progress until nextAction
    bool preempt = false;     // a more urgent thread waits for this core
    bool hasPending = false;  // the program's last run ended with `pending`
    bool gilDrop = false;     // settle the running burst now and drop the GIL
    RunOutcome pending;
};

}  // namespace taskscope::core
