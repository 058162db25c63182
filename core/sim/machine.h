#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/os/process.h"
#include "core/sched/policy.h"
#include "core/sched/scheduler.h"
#include "core/sim/event_queue.h"
#include "core/sim/random.h"
#include "core/sync/kernel_object.h"
#include "core/trace/record.h"
#include "core/util/clone_ptr.h"
#include "core/util/defaults.h"

namespace taskscope::core {

class Machine;
class Trace;

struct MachineSettings {
    int cores = 1;  // 1..64
    PolicySettings policy;
    SimTime contextSwitch = 0;  // core time lost when it switches to another thread
    SimTime wakeLatency = 0;    // from a wake-up by another thread (futex, pipe) until runnable
    // A released lock or semaphore is not handed to its first waiter: the waiter is woken and
    // takes it when it becomes runnable, unless someone took it first (Linux futexes, the
    // POSIX semaphores behind CPython's locks). false: FIFO hand-off (textbook exercises).
    bool bargingLocks = false;
    std::uint64_t seed = 1;
    int shellPid = 1000;         // the simulated shell every top-level process is a child of
    bool stopOnDeadlock = true;  // end the run when a deadlock forms
};

// A read-modify-write on shared memory that overwrote another thread's write.
struct LostUpdate {
    SimTime time = 0;  // the losing write
    ThreadId thread;   // wrote a value computed from a stale read
    ThreadId other;    // whose write it overwrote
    ObjectId object;
    SimTime readAt = 0;  // when `thread` read
    SimTime otherWroteAt = 0;
    int readLine = 0;  // source lines, when the program knows them
    int writeLine = 0;
};

// Threads blocked forever on each other, found when the last of them blocked.
struct DeadlockInfo {
    SimTime time = 0;
    std::vector<ThreadId> threads;  // t[i] waits for objects[i], held by t[i+1] (cyclic)
    std::vector<ObjectId> objects;
};

enum class SyncStatus : std::uint8_t {
    Done,             // completed now; results are in the thread's wakeResult/wakeValue
    Failed,           // a non-blocking attempt could not complete
    Wait,             // registered as a waiter: the program must block (with its timeout)
    NotHeld,          // release of a lock that is not held / RLock not owned by the caller
    TooManyReleases,  // BoundedSemaphore released above its bound
    NotOwner,         // Condition wait/notify without holding its lock
    Broken,           // Barrier is broken
};

// Hooks for the layer that runs on top of the kernel (the Python runtime): timers it set,
// threads and processes that ended. Cloned with the Machine.
class MachineExtension {
public:
    virtual ~MachineExtension() = default;
    virtual std::unique_ptr<MachineExtension> clone() const = 0;
    virtual void onTimer(Machine& m, std::uint64_t arg) { (void)m, (void)arg; }
    virtual void onThreadExit(Machine& m, ThreadId t) { (void)m, (void)t; }
    virtual void onProcessExit(Machine& m, ProcessId p) { (void)m, (void)p; }
};

// The simulated computer: cores, processes, threads, the scheduler and the event queue.
// A value: copying it is a snapshot, and running the copy gives the same future.
class Machine {
public:
    explicit Machine(MachineSettings settings);
    // Copies are snapshots: they carry everything but the attached trace.
    Machine(const Machine&) = default;
    Machine& operator=(const Machine&) = default;
    Machine(Machine&&) noexcept = default;
    Machine& operator=(Machine&&) noexcept = default;
    ~Machine();

    // Records go to `trace` (not owned; not copied with the machine).
    void attachTrace(Trace* trace);
    Trace* trace() const { return m_trace.get(); }
    void setExtension(std::unique_ptr<MachineExtension> ext) { m_extension = std::move(ext); }
    MachineExtension* extension() const { return m_extension.get(); }

    // --- building ---
    // Room for this many processes and threads in all (a large workload: no regrowth).
    void reserve(std::size_t processes, std::size_t threads);
    // A process whose first thread is created later with createThread().
    ProcessId createProcess(std::string name, std::string command, ProcessId parent);
    // A thread that appears at `at` (>= now) in state New and is admitted after `admitDelay`.
    ThreadId createThread(ProcessId process, std::string name, std::unique_ptr<Program> program,
                          SimTime at, int priority = 0, SimTime admitDelay = 0);

    // --- running ---
    // One action: an event, a core's step or a dispatch round. False when nothing is left.
    bool step();
    // The same, but only if the action happens at or before `until`.
    bool step(SimTime until);
    // Runs every action at or before `until`.
    void runUntil(SimTime until);
    // Ends a run that step(limit) stopped. A program still running at `limit` is cut there
    // (time passes up to it; returns true); otherwise the clock stays where the run ended:
    // the last exit (finished()), the deadlock, or the last event of threads blocked for
    // ever. Sets the attached trace's end time to that instant.
    bool endRun(SimTime limit);
    // Time of the next action (kNever when done).
    SimTime nextActionTime() const;
    bool done() const { return nextActionTime() == kNever; }
    // Every process has exited. The run ends then: nothing is left to happen (timers of
    // waits that ended early, a GIL drop request of an exited holder, do nothing), so the
    // machine stops there and now() is the instant the last process exited, the end of the
    // run for the GUI, the CLI and the exports alike.
    bool finished() const {
        return !m_processes.empty() && m_exitedProcesses == m_processes.size();
    }
    SimTime now() const { return m_now; }
    std::uint64_t actionCount() const { return m_actions; }

    // --- kernel services for programs and the runtime ---
    // Waiting -> Ready now (ignored if `t` is not Waiting).
    void wake(ThreadId t);
    void scheduleTimer(SimTime at, std::uint64_t arg);
    void mark(ThreadId t, std::string_view label);
    // The source line a Python thread has reached at `at` (for the code view). A line reached
    // ahead of the clock (a run in lockstep slack) is recorded when the clock gets there:
    // moving the clock for it would delay what the other cores do next.
    void sourceLine(ThreadId t, int line, SimTime at);
    void output(ThreadId t, int stream, std::string_view text);
    // Terminates a thread that is not running on a core at this instant (kill, daemon exit).
    void terminate(ThreadId t, int exitCode);
    // Removes a zombie from the table (waitpid).
    void reap(ProcessId p);
    // Ends the current run of the thread on `core` at once: a machine change needs the
    // other cores to catch up (used by the runtime after waking or creating threads).
    void interruptRun() { m_interrupt = true; }
    // Moves the clock of kernel services to `t` (a program's position inside its run).
    void advanceTo(SimTime t) {
        if (t <= m_now) return;
        if (!m_lines.empty()) recordLinesUpTo(t);
        m_now = t;
    }
    bool runInterrupted() const { return m_interrupt; }

    // --- the GIL (one per process) ---
    // Turns the GIL of `p` on or off (free-threaded) and sets its switch interval.
    // `jitter`: up to this much wake-up latency (uniform, from the run's seed) is added to
    // each interval, as a real timed wait has.
    void setGil(ProcessId p, bool enabled, SimTime interval = kDefaultSwitchInterval,
                SimTime jitter = 0);
    // sys.setswitchinterval: the interval of `p` from now on (GilState::interval is the one
    // store); recorded in the trace when the GIL is on, so views show the value in force.
    void setSwitchInterval(ProcessId p, SimTime interval);
    bool gilDropRequested(ThreadId t) const;

    // --- kernel objects (threading / queue / multiprocessing synchronisation) ---
    // `count`: Semaphore initial value, Barrier parties; `limit`: BoundedSemaphore bound or
    // Queue capacity (<= 0: unbounded); `lock`: a Condition's lock.
    ObjectId createObject(ObjectKind kind, std::string name, std::int64_t count = 0,
                          std::int64_t limit = 0, ObjectId lock = ObjectId::invalid());
    SyncStatus acquire(ThreadId t, ObjectId o, bool blocking);
    SyncStatus release(ThreadId t, ObjectId o);
    SyncStatus eventWait(ThreadId t, ObjectId o);
    void eventSet(ThreadId t, ObjectId o);
    void eventClear(ThreadId t, ObjectId o);
    SyncStatus conditionWait(ThreadId t, ObjectId cond);
    SyncStatus notify(ThreadId t, ObjectId cond, int n);  // n < 0: notify_all
    SyncStatus barrierWait(ThreadId t, ObjectId o);       // Done: wakeValue = arrival index
    // Barrier.abort(): broken, every waiter gets Broken. Barrier.reset(): waiters get Broken,
    // then the barrier is whole and empty again.
    void barrierAbort(ThreadId t, ObjectId o);
    void barrierReset(ThreadId t, ObjectId o);
    SyncStatus queuePut(ThreadId t, ObjectId q, std::uint64_t token, bool blocking);
    SyncStatus queueGet(ThreadId t, ObjectId q, bool blocking);  // Done: wakeValue = token
    SyncStatus join(ThreadId t, ThreadId target);
    // JoinableQueue / queue.Queue: task_done() (Failed when called too many times) and
    // join() (waits until every item put has been marked done).
    SyncStatus queueTaskDone(ThreadId t, ObjectId q);
    SyncStatus queueJoin(ThreadId t, ObjectId q);
    // Shared memory: a read starts a read-modify-write; a write after another thread changed
    // the value in between is a lost update (recorded, counted, kept in lostUpdates()).
    // `quiet`: no Load/Store record in the trace (globals watched for races; a lost update
    // is still recorded).
    std::int64_t valueLoad(ThreadId t, ObjectId o, int line = 0, bool quiet = false);
    void valueStore(ThreadId t, ObjectId o, std::int64_t value, int line = 0, bool quiet = false);
    const std::vector<LostUpdate>& lostUpdates() const { return m_lostUpdates; }
    std::uint64_t lostUpdateCount() const { return m_lostUpdateCount; }
    const std::vector<KernelObject>& objects() const { return m_objects; }
    const KernelObject& object(ObjectId o) const { return m_objects[o.index()]; }
    const std::optional<DeadlockInfo>& deadlock() const { return m_deadlock; }

    // --- queries ---
    const MachineSettings& settings() const { return m_settings; }
    const std::vector<ThreadInfo>& threads() const { return m_threads; }
    const std::vector<ProcessInfo>& processes() const { return m_processes; }
    const std::vector<CoreInfo>& cores() const { return m_cores; }
    const ThreadInfo& thread(ThreadId t) const { return m_threads[t.index()]; }
    ThreadInfo& thread(ThreadId t) { return m_threads[t.index()]; }
    const ProcessInfo& process(ProcessId p) const { return m_processes[p.index()]; }
    ProcessInfo& process(ProcessId p) { return m_processes[p.index()]; }
    const CoreInfo& core(CoreId c) const { return m_cores[c.index()]; }
    const Scheduler& scheduler() const { return *m_scheduler; }
    Random& random() { return m_random; }
    std::uint64_t contextSwitches() const { return m_contextSwitches; }
    // CPU time left in the thread's current burst at this instant (-1 when unknown).
    SimTime remainingBurst(ThreadId t) const;
    // How long the running thread `t` has held its core at this instant (0 if not running).
    SimTime ranSoFar(ThreadId t) const;

private:
    SchedulerView schedulerView() const { return {m_threads, m_cores, m_now}; }
    void handleEvent(const Event& e);
    void coreAction(CoreInfo& core);
    void beginRun(CoreInfo& core);
    void finishRun(CoreInfo& core, const RunOutcome& outcome);
    void deschedule(CoreInfo& core, ThreadState state, WaitReason reason, Cause cause);
    void dispatch();
    void startOnCore(CoreInfo& core, ThreadId t);
    void requestPreempt(CoreInfo& core);
    void makeReady(ThreadInfo& t, Cause cause);
    void setState(ThreadInfo& t, ThreadState s, WaitReason r, Cause cause);
    void exitThread(ThreadInfo& t, int exitCode);
    void planNext(CoreInfo& core);
    CoreInfo* earliestCore();
    SimTime runLimit(const CoreInfo& core) const;
    void record(RecordKind kind, std::uint32_t subject, std::uint16_t core = 0xffff,
                std::uint32_t object = kNone);
    // Records the pending source lines reached at or before `t` (the clock is about to get
    // there), at the instants they were reached.
    void recordLinesUpTo(SimTime t);
    int allocateOsId() { return m_nextOsId++; }
    // The ready set or the cores changed: dispatch before time moves on, and end the
    // current program run so that the other cores catch up.
    void markDirty();
    void pushEvent(const Event& e);
    void waitOn(ThreadInfo& t, KernelObject& o);
    void grant(KernelObject& o, ThreadId w, WakeResult r, std::uint64_t value, SyncOp op);
    void recordSync(ThreadId t, const KernelObject& o, SyncOp op);
    std::uint16_t syncValue(const KernelObject& o) const;
    bool timeoutWait(ThreadInfo& t);
    void handOverLock(KernelObject& lock);
    // Barging: wakes the first waiter of `o` to try again (true if there was one to wake).
    bool wakeToRetry(KernelObject& o);
    // The woken waiter tries again: takes the lock or semaphore, or waits on it once more.
    bool retryAcquire(ThreadInfo& t);
    void releaseJoiners(ThreadId ended);
    void checkDeadlock(ThreadId t);
    bool holdsGil(const ThreadInfo& t) const;
    bool takeGil(ThreadInfo& t);
    void waitForGil(CoreInfo& core, ThreadInfo& t);
    bool dropGil(ThreadInfo& t, bool forced);
    void armGilTimer(ThreadInfo& t);
    void onGilInterval(ThreadInfo& w, std::uint64_t seq);
    void recordGil(const ThreadInfo& t, GilOp op);

    MachineSettings m_settings;
    std::vector<ProcessInfo> m_processes;
    std::vector<ThreadInfo> m_threads;
    std::vector<CoreInfo> m_cores;
    std::vector<bool> m_coreIdleRecorded;
    std::vector<bool> m_processAnnounced;
    ClonePtr<Scheduler> m_scheduler;
    ClonePtr<MachineExtension> m_extension;
    EventQueue m_events;
    Random m_random;
    SimTime m_now = 0;
    std::uint64_t m_actions = 0;
    std::size_t m_exitedProcesses = 0;
    std::uint64_t m_contextSwitches = 0;
    int m_nextOsId = 0;
    bool m_dirty = false;   // the ready set or the cores changed: dispatch before time moves
    SimTime m_dirtyAt = 0;  // when m_dirty was set
    struct PendingLine {
        SimTime at;
        ThreadId thread;
        int line;
    };
    std::vector<PendingLine> m_lines;  // reached ahead of m_now, in time order
    bool m_interrupt = false;
    // The `until` of the current step(): a stepping program runs no further, so the state
    // at that instant can be looked at (frames, variables).
    SimTime m_horizon = kNever;
    std::vector<ThreadId> m_orderBuffer;
    std::vector<KernelObject> m_objects;
    std::vector<ObjectId> m_joinObjectOf;  // per thread, its Join object (lazily created)
    std::optional<DeadlockInfo> m_deadlock;
    std::vector<LostUpdate> m_lostUpdates;  // the first kMaxLostUpdates, in time order
    std::uint64_t m_lostUpdateCount = 0;
    // Not part of the machine's state: a copy starts detached.
    struct TraceLink {
        Trace* ptr = nullptr;
        TraceLink() = default;
        TraceLink(Trace* p) : ptr(p) {}
        TraceLink(const TraceLink&) {}
        TraceLink& operator=(const TraceLink&) { return *this; }
        TraceLink(TraceLink&&) noexcept = default;
        TraceLink& operator=(TraceLink&&) noexcept = default;
        Trace* get() const { return ptr; }
        Trace* operator->() const { return ptr; }
        explicit operator bool() const { return ptr != nullptr; }
    };
    TraceLink m_trace;
};

}  // namespace taskscope::core
