#include "core/trace/trace_state.h"

#include "core/sync/kernel_object.h"

namespace taskscope::core {

namespace {
template <typename T>
T& slot(std::vector<T>& v, std::uint32_t i) {
    if (i >= v.size()) v.resize(i + 1);
    return v[i];
}
}  // namespace

void TraceState::apply(const Record& r) {
    time = r.time;
    ++applied;
    const RecordBody& b = r.body;
    switch (b.kind) {
        case RecordKind::ProcessCreate:
            slot(processes, b.subject).exists = true;
            break;
        case RecordKind::ProcessExit: {
            auto& p = slot(processes, b.subject);
            p.zombie = true;
            p.exitCode = static_cast<std::int16_t>(b.extra16);
            break;
        }
        case RecordKind::ProcessReap: {
            auto& p = slot(processes, b.subject);
            p.zombie = false;
            p.reaped = true;
            break;
        }
        case RecordKind::ThreadCreate: {
            auto& t = slot(threads, b.subject);
            t.exists = true;
            t.state = ThreadState::New;
            break;
        }
        case RecordKind::State: {
            auto& t = slot(threads, b.subject);
            t.state = b.state;
            t.reason = b.reason;
            t.core = b.state == ThreadState::Running ? b.core : 0xffff;
            break;
        }
        case RecordKind::CoreRun:
            slot(cores, b.core) = {Core::Activity::Running, b.subject};
            break;
        case RecordKind::CoreSwitch:
            slot(cores, b.core) = {Core::Activity::Switching, b.subject};
            break;
        case RecordKind::CoreIdle:
            slot(cores, b.core) = {Core::Activity::Idle, kNone};
            break;
        case RecordKind::ObjectCreate:
            slot(objects, b.subject) = {};
            break;
        case RecordKind::Sync: {
            auto& o = slot(objects, b.object);
            auto& t = slot(threads, b.subject);
            o.value = b.core;
            switch (static_cast<SyncOp>(b.extra16)) {
                case SyncOp::Request:
                    t.waitingOn = b.object;
                    ++o.waiters;
                    break;
                case SyncOp::Acquired:
                    if (t.waitingOn == b.object) {
                        t.waitingOn = kNone;
                        if (o.waiters > 0) --o.waiters;
                    }
                    o.holder = b.subject;
                    break;
                case SyncOp::Release:
                    o.holder = kNone;
                    break;
                case SyncOp::Timeout:
                case SyncOp::Get:
                case SyncOp::Put:
                case SyncOp::BarrierPass:
                case SyncOp::Broken:
                case SyncOp::Set:
                    if (t.waitingOn == b.object) {
                        t.waitingOn = kNone;
                        if (o.waiters > 0) --o.waiters;
                    }
                    break;
                default:
                    break;
            }
            break;
        }
        case RecordKind::Deadlock:
            ++deadlocks;
            break;
        case RecordKind::Line:
            slot(threads, b.subject).line = b.object;
            break;
        case RecordKind::Gil: {
            auto& p = slot(processes, b.object);
            switch (static_cast<GilOp>(b.extra16)) {
                case GilOp::Acquire:
                    p.gilHolder = b.subject;
                    p.gilDropRequest = false;
                    break;
                case GilOp::Release:
                    p.gilHolder = kNone;
                    p.gilDropRequest = false;
                    break;
                case GilOp::DropRequest:
                    p.gilDropRequest = true;
                    break;
                case GilOp::Request:
                case GilOp::Interval:
                    break;
            }
            break;
        }
        case RecordKind::Marker:
        case RecordKind::Output:
            break;
    }
}

}  // namespace taskscope::core
