#pragma once

#include <memory>

#include "core/os/state.h"
#include "core/util/strong_id.h"
#include "core/util/time.h"

namespace taskscope::core {

class Machine;

// What a program asks of the machine when its run ends.
struct RunOutcome {
    enum class Kind : std::uint8_t {
        Continue,    // reached the limit; wants more CPU
        Block,       // wait; `wakeAfter` (from the block instant) or someone else wakes it
        Yield,       // give up the core but stay Ready
        Exit,        // the thread is done
        Checkpoint,  // stopped at a GIL check point because a drop request is pending
    };
    Kind kind = Kind::Continue;
    WaitReason reason = WaitReason::None;
    SimTime wakeAfter = kNever;
    int exitCode = 0;

    static RunOutcome proceed() { return {}; }
    static RunOutcome block(WaitReason r, SimTime after = kNever) {
        return {Kind::Block, r, after, 0};
    }
    static RunOutcome exit(int code) { return {Kind::Exit, WaitReason::None, kNever, code}; }
    static RunOutcome yield() { return {Kind::Yield, WaitReason::None, kNever, 0}; }
    static RunOutcome checkpoint() { return {Kind::Checkpoint, WaitReason::Gil, kNever, 0}; }
};

// The machine as seen by the program running on a core: its clock and its thread. The
// Machine (core/sim) implements the methods; programs of every layer see only this.
class ThreadContext {
public:
    ThreadContext(Machine& machine, ThreadId thread, CoreId core, SimTime& clock)
        : m_machine(machine), m_thread(thread), m_core(core), m_clock(clock) {}

    SimTime now() const { return m_clock; }
    // Spend `ns` of CPU time on the core.
    void consume(SimTime ns) { m_clock += ns; }
    ThreadId thread() const { return m_thread; }
    CoreId core() const { return m_core; }
    // The machine, with its clock moved to this program's position in its run, so that
    // kernel services record the right instant.
    Machine& machine();
    // Records the source line the thread has reached now, without moving the machine's
    // clock: a run ahead of the other cores (lockstep slack) that only computes must not make
    // their next actions (dispatch, a thread starting, a timer) happen at its position. The
    // record is written when the clock gets there.
    void sourceLine(int line);
    // True when the run should end at this step boundary (see Machine::interruptRun).
    bool interrupted() const;
    // True when another thread asked this thread's process GIL to be dropped: a program
    // that executes Python returns RunOutcome::checkpoint() at its next GIL check point.
    bool gilDropRequested() const;

private:
    Machine& m_machine;
    ThreadId m_thread;
    CoreId m_core;
    SimTime& m_clock;
};

// What a thread executes: a burst list for classic exercises, Python bytecode later.
// Programs are values (cloned with the Machine) and must be deterministic.
class Program {
public:
    virtual ~Program() = default;
    virtual std::unique_ptr<Program> clone() const = 0;

    // Runs from ctx.now(). Stops at the first step boundary at or after `limit`, or earlier
    // when the thread blocks, yields or exits. Must make progress: at least one step (or
    // some nanoseconds of CPU) even when `limit` <= ctx.now().
    virtual RunOutcome run(ThreadContext& ctx, SimTime limit) = 0;

    // CPU time left in the current burst when the program knows it (SJF, SRTF), else -1.
    virtual SimTime remainingBurst() const { return -1; }

    // True when the program shares no state with other threads, so it may run up to
    // `limit` without interleaving step by step with other cores.
    virtual bool isolated() const { return false; }

    // How far this program may run ahead of the other cores when it is not isolated. 0 keeps
    // strict lock step; a program that has not touched shared state lately can allow some
    // slack, so that two busy cores do not alternate one instruction at a time.
    virtual SimTime lockstepSlack() const { return 0; }
};

}  // namespace taskscope::core
