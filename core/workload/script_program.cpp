#include "core/workload/script_program.h"

#include <algorithm>

#include "core/sim/machine.h"

namespace taskscope::core {

void ScriptProgram::enter() {
    m_left = m_pc < m_ops.size() && m_ops[m_pc].kind == ScriptOp::Kind::Cpu ? m_ops[m_pc].time : 0;
}

bool ScriptProgram::isolated() const {
    return m_pc < m_ops.size() && m_ops[m_pc].kind == ScriptOp::Kind::Cpu && m_left > 0;
}

SimTime ScriptProgram::remainingBurst() const {
    return isolated() ? m_left : 0;
}

RunOutcome ScriptProgram::run(ThreadContext& ctx, SimTime limit) {
    bool progressed = false;
    while (true) {
        if (m_pc >= m_ops.size()) return RunOutcome::exit(0);
        if (progressed && (ctx.now() >= limit || ctx.interrupted())) return RunOutcome::proceed();
        const ScriptOp& op = m_ops[m_pc];
        const ThreadId self = ctx.thread();
        using K = ScriptOp::Kind;
        if (op.kind == K::Cpu) {
            const SimTime use = std::clamp<SimTime>(limit - ctx.now(), 0, m_left);
            ctx.consume(use);
            m_left -= use;
            if (m_left > 0) return RunOutcome::proceed();
            ++m_pc;
            enter();
            progressed = true;
            continue;
        }
        // Every other op completes (or starts a wait) now and moves on.
        ++m_pc;
        enter();
        progressed = true;
        Machine& m = ctx.machine();
        const ObjectId obj{op.target};
        const SimTime timeout = op.time > 0 ? op.time : kNever;
        switch (op.kind) {
            case K::Cpu:
                break;
            case K::Io:
                return RunOutcome::block(WaitReason::Io, op.time);
            case K::Sleep:
                return RunOutcome::block(WaitReason::Sleep, op.time);
            case K::Acquire:
                if (m.acquire(self, obj, true) == SyncStatus::Wait)
                    return RunOutcome::block(WaitReason::Lock, timeout);
                break;
            case K::Release:
                m.release(self, obj);
                break;
            case K::Wait: {
                const ObjectKind kind = m.object(obj).kind;
                SyncStatus st = SyncStatus::Done;
                WaitReason reason = WaitReason::Event;
                if (kind == ObjectKind::Condition) {
                    st = m.conditionWait(self, obj);
                    reason = WaitReason::Condition;
                } else if (kind == ObjectKind::Barrier) {
                    st = m.barrierWait(self, obj);
                    reason = WaitReason::Barrier;
                } else {
                    st = m.eventWait(self, obj);
                }
                if (st == SyncStatus::Wait) return RunOutcome::block(reason, timeout);
                break;
            }
            case K::Set:
                m.eventSet(self, obj);
                break;
            case K::Clear:
                m.eventClear(self, obj);
                break;
            case K::Notify:
                m.notify(self, obj, 1);
                break;
            case K::NotifyAll:
                m.notify(self, obj, -1);
                break;
            case K::Put:
                if (m.queuePut(self, obj, op.value, true) == SyncStatus::Wait)
                    return RunOutcome::block(WaitReason::Queue, timeout);
                break;
            case K::Get:
                if (m.queueGet(self, obj, true) == SyncStatus::Wait)
                    return RunOutcome::block(WaitReason::Queue, timeout);
                break;
            case K::Join:
                if (m.join(self, ThreadId{op.target}) == SyncStatus::Wait)
                    return RunOutcome::block(WaitReason::Join);
                break;
            case K::Load:
                m_register = m.valueLoad(self, obj);
                break;
            case K::Store:
                m.valueStore(self, obj, m_register + static_cast<std::int64_t>(op.value));
                break;
            case K::PrintValue:
                m.output(self, 1,
                         m.object(obj).name + " = " + std::to_string(m.object(obj).count) + "\n");
                break;
            case K::Mark:
                m.mark(self, op.text);
                break;
            case K::Print:
                m.output(self, 1, op.text + "\n");
                break;
        }
    }
}

}  // namespace taskscope::core
