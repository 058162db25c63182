#include "core/trace/trace_state.h"

#include "core/sync/kernel_object.h"
#include "core/trace/stored_state.h"

namespace taskscope::core {

namespace {
template <typename T>
T& slot(std::vector<T>& v, std::uint32_t i) {
    if (i >= v.size()) v.resize(i + 1);
    return v[i];
}

// TraceState's own vectors as the storage of applyRecord.
struct DenseState {
    TraceState& st;
    SimTime& time;
    std::size_t& applied;
    std::uint32_t& deadlocks;
    TraceState::Thread& thread(std::uint32_t i) { return slot(st.threads, i); }
    TraceState::Process& process(std::uint32_t i) { return slot(st.processes, i); }
    TraceState::Object& object(std::uint32_t i) { return slot(st.objects, i); }
    TraceState::Core& core(std::uint32_t i) { return slot(st.cores, i); }
};
}  // namespace

template <typename S>
void applyRecord(S& s, const Record& r) {
    using Core = TraceState::Core;
    s.time = r.time;
    ++s.applied;
    const RecordBody& b = r.body;
    switch (b.kind) {
        case RecordKind::ProcessCreate:
            s.process(b.subject).exists = true;
            break;
        case RecordKind::ProcessExit: {
            auto& p = s.process(b.subject);
            p.zombie = true;
            p.exitCode = static_cast<std::int16_t>(b.extra16);
            break;
        }
        case RecordKind::ProcessReap: {
            auto& p = s.process(b.subject);
            p.zombie = false;
            p.reaped = true;
            break;
        }
        case RecordKind::ThreadCreate: {
            auto& t = s.thread(b.subject);
            t.exists = true;
            t.state = ThreadState::New;
            break;
        }
        case RecordKind::State: {
            auto& t = s.thread(b.subject);
            t.state = b.state;
            t.reason = b.reason;
            t.core = b.state == ThreadState::Running ? b.core : 0xffff;
            break;
        }
        case RecordKind::CoreRun:
            s.core(b.core) = {Core::Activity::Running, b.subject};
            break;
        case RecordKind::CoreSwitch:
            s.core(b.core) = {Core::Activity::Switching, b.subject};
            break;
        case RecordKind::CoreIdle:
            s.core(b.core) = {Core::Activity::Idle, kNone};
            break;
        case RecordKind::ObjectCreate:
            s.object(b.subject) = {};
            break;
        case RecordKind::Sync: {
            auto& o = s.object(b.object);
            auto& t = s.thread(b.subject);
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
            ++s.deadlocks;
            break;
        case RecordKind::Line:
            s.thread(b.subject).line = b.object;
            break;
        case RecordKind::Gil: {
            auto& p = s.process(b.object);
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

template void applyRecord<StoredState>(StoredState&, const Record&);

void TraceState::apply(const Record& r) {
    DenseState s{*this, time, applied, deadlocks};
    applyRecord(s, r);
}

}  // namespace taskscope::core
