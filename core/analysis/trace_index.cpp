#include "core/analysis/trace_index.h"

#include <algorithm>

#include "core/sync/kernel_object.h"

namespace taskscope::core {

namespace {
const std::vector<ThreadPoint> kNoPoints;
const std::vector<ObjectPoint> kNoObjectPoints;
const std::vector<std::uint32_t> kNoRecords;

template <typename T>
T& slot(std::vector<T>& v, std::size_t i) {
    if (i >= v.size()) v.resize(i + 1);
    return v[i];
}

std::size_t countAtOrBefore(const Trace& trace, const std::vector<std::uint32_t>& list, SimTime t) {
    return static_cast<std::size_t>(
        std::upper_bound(list.begin(), list.end(), t,
                         [&](SimTime v, std::uint32_t i) { return v < trace.time(i); }) -
        list.begin());
}
}  // namespace

void TraceIndex::clear() {
    m_points.clear();
    m_open.clear();
    m_reasonCheckpoints.clear();
    m_corePoints.clear();
    m_openCores.clear();
    m_processes.clear();
    m_events.clear();
    m_outputs.clear();
    m_runEvents.clear();
    m_objectPoints.clear();
    m_syncMarks.clear();
    m_processed = 0;
    m_hasGil = false;
}

void TraceIndex::addPoint(std::uint32_t thread, const ThreadPoint& p) {
    auto& pts = slot(m_points, thread);
    if (pts.size() % kReasonCheckpoint == 0)
        slot(m_reasonCheckpoints, thread).push_back(m_open[thread].byReason);
    pts.push_back(p);
}

void TraceIndex::update(const Trace& trace) {
    for (std::size_t i = m_processed; i < trace.size(); ++i) {
        const SimTime t = trace.time(i);
        const RecordBody& b = trace.body(i);
        const auto index = static_cast<std::uint32_t>(i);
        if (isRunEvent(b)) m_runEvents.push_back(index);
        switch (b.kind) {
            case RecordKind::ThreadCreate: {
                Open& o = slot(m_open, b.subject);
                o = Open{};
                o.since = t;
                addPoint(b.subject, {t, 0, 0, 0, ThreadState::New, ThreadState::New,
                                     WaitReason::None, Cause::None});
                break;
            }
            case RecordKind::State: {
                Open& o = slot(m_open, b.subject);
                const SimTime spent = t - o.since;
                if (o.state == ThreadState::Running) o.cpu += spent;
                if (o.state == ThreadState::Ready) o.ready += spent;
                if (o.state == ThreadState::Waiting) {
                    o.blocked += spent;
                    o.byReason[static_cast<std::size_t>(o.reason)] += spent;
                }
                if (b.state == ThreadState::Ready && o.arrival < 0) o.arrival = t;
                if (b.state == ThreadState::Running && o.firstRun < 0) o.firstRun = t;
                if (b.state == ThreadState::Terminated && o.finish < 0) o.finish = t;
                addPoint(b.subject,
                         {t, o.cpu, o.ready, o.blocked, b.state, o.state, b.reason, b.cause});
                o.state = b.state;
                o.reason = b.reason;
                o.since = t;
                break;
            }
            case RecordKind::CoreRun:
            case RecordKind::CoreSwitch:
            case RecordKind::CoreIdle: {
                if (b.core == 0xffff) break;
                auto& pts = slot(m_corePoints, b.core);
                OpenCore& c = slot(m_openCores, b.core);
                CorePoint p = pts.empty() ? CorePoint{} : pts.back();
                if (p.running) p.busy += t - p.time;
                p.time = t;
                p.running = b.kind == RecordKind::CoreRun;
                // As the machine counts: starting a thread other than the one that ran last,
                // once (at the switch when it costs time, else when the thread runs).
                if (b.kind == RecordKind::CoreSwitch) {
                    ++p.switches;
                    c.switchingTo = b.subject;
                } else if (b.kind == RecordKind::CoreRun) {
                    if (c.switchingTo != b.subject && c.lastRan != kNone && c.lastRan != b.subject)
                        ++p.switches;
                    c.switchingTo = kNone;
                    c.lastRan = b.subject;
                }
                pts.push_back(p);
                break;
            }
            case RecordKind::ProcessCreate:
                slot(m_processes, b.subject).created = t;
                m_events.push_back(index);
                break;
            case RecordKind::ProcessExit:
                slot(m_processes, b.subject).exited = t;
                m_events.push_back(index);
                break;
            case RecordKind::ProcessReap:
                slot(m_processes, b.subject).reaped = t;
                m_events.push_back(index);
                break;
            case RecordKind::Output:
                m_outputs.push_back(index);
                m_events.push_back(index);
                break;
            case RecordKind::Marker:
                m_events.push_back(index);
                break;
            case RecordKind::Gil:
                m_hasGil = true;
                break;
            case RecordKind::Sync: {
                auto& pts = slot(m_objectPoints, b.object);
                ObjectPoint p = pts.empty() ? ObjectPoint{} : pts.back();
                p.time = t;
                p.record = index;
                const auto op = static_cast<SyncOp>(b.extra16);
                p.highWater = std::max<std::uint32_t>(p.highWater, b.core == 0xffff ? 0 : b.core);
                if (op == SyncOp::LostUpdate) ++p.lostUpdates;
                if (op == SyncOp::Acquired) ++p.acquisitions;
                if (op == SyncOp::Store) ++p.stores;
                pts.push_back(p);
                switch (op) {
                    case SyncOp::Acquired:
                    case SyncOp::Release:
                    case SyncOp::Put:
                    case SyncOp::Get:
                    case SyncOp::LostUpdate:
                        slot(m_syncMarks, b.subject).push_back(index);
                        break;
                    default:
                        break;
                }
                break;
            }
            case RecordKind::Deadlock:
                slot(m_syncMarks, b.subject).push_back(index);
                m_events.push_back(index);
                break;
            default:
                break;
        }
    }
    m_processed = trace.size();
}

const std::vector<ThreadPoint>& TraceIndex::points(std::uint32_t thread) const {
    return thread < m_points.size() ? m_points[thread] : kNoPoints;
}

const ThreadPoint* TraceIndex::pointAt(std::uint32_t thread, SimTime t) const {
    const auto& pts = points(thread);
    auto it = std::upper_bound(pts.begin(), pts.end(), t,
                               [](SimTime v, const ThreadPoint& p) { return v < p.time; });
    if (it == pts.begin()) return nullptr;
    return &*(it - 1);
}

SimTime TraceIndex::cpuAt(std::uint32_t thread, SimTime t) const {
    const ThreadPoint* p = pointAt(thread, t);
    if (!p) return 0;
    return p->cpu + (p->state == ThreadState::Running ? t - p->time : 0);
}

SimTime TraceIndex::readyAt(std::uint32_t thread, SimTime t) const {
    const ThreadPoint* p = pointAt(thread, t);
    if (!p) return 0;
    return p->ready + (p->state == ThreadState::Ready ? t - p->time : 0);
}

SimTime TraceIndex::blockedAt(std::uint32_t thread, SimTime t) const {
    const ThreadPoint* p = pointAt(thread, t);
    if (!p) return 0;
    return p->blocked + (p->state == ThreadState::Waiting ? t - p->time : 0);
}

namespace {
SimTime firstEntry(const std::vector<ThreadPoint>& pts, ThreadState s, SimTime t) {
    for (const auto& p : pts) {
        if (p.time > t) break;
        if (p.state == s) return p.time;
    }
    return -1;
}
}  // namespace

SimTime TraceIndex::arrivalAt(std::uint32_t thread, SimTime t) const {
    return firstEntry(points(thread), ThreadState::Ready, t);
}

SimTime TraceIndex::firstRunAt(std::uint32_t thread, SimTime t) const {
    return firstEntry(points(thread), ThreadState::Running, t);
}

SimTime TraceIndex::finishAt(std::uint32_t thread, SimTime t) const {
    const ThreadPoint* p = pointAt(thread, t);
    return p && p->state == ThreadState::Terminated ? p->time : -1;
}

std::array<SimTime, kWaitReasonCount> TraceIndex::blockedByReasonAt(std::uint32_t thread,
                                                                    SimTime t) const {
    const auto& pts = points(thread);
    const auto end = std::upper_bound(pts.begin(), pts.end(), t,
                                      [](SimTime v, const ThreadPoint& p) { return v < p.time; });
    if (end == pts.begin()) return {};
    const auto last = static_cast<std::size_t>(end - pts.begin()) - 1;
    const std::size_t from = last / kReasonCheckpoint * kReasonCheckpoint;
    std::array<SimTime, kWaitReasonCount> out =
        m_reasonCheckpoints[thread][from / kReasonCheckpoint];
    for (std::size_t i = from; i <= last; ++i) {
        if (pts[i].state != ThreadState::Waiting) continue;
        const SimTime until = i < last ? pts[i + 1].time : t;
        out[static_cast<std::size_t>(pts[i].reason)] += until - pts[i].time;
    }
    return out;
}

namespace {
const CorePoint* corePointAt(const std::vector<std::vector<CorePoint>>& all, int core, SimTime t) {
    if (core < 0 || static_cast<std::size_t>(core) >= all.size()) return nullptr;
    const auto& pts = all[static_cast<std::size_t>(core)];
    const auto it = std::upper_bound(pts.begin(), pts.end(), t,
                                     [](SimTime v, const CorePoint& p) { return v < p.time; });
    return it == pts.begin() ? nullptr : &*(it - 1);
}
}  // namespace

SimTime TraceIndex::coreBusyAt(int core, SimTime t) const {
    const CorePoint* p = corePointAt(m_corePoints, core, t);
    if (!p) return 0;
    return p->busy + (p->running ? t - p->time : 0);
}

std::uint64_t TraceIndex::contextSwitchesAt(int core, SimTime t) const {
    const CorePoint* p = corePointAt(m_corePoints, core, t);
    return p ? p->switches : 0;
}

ProcessTimes TraceIndex::processTimes(std::uint32_t process) const {
    return process < m_processes.size() ? m_processes[process] : ProcessTimes{};
}

std::size_t TraceIndex::eventCountAt(const Trace& trace, SimTime t) const {
    return countAtOrBefore(trace, m_events, t);
}

std::size_t TraceIndex::runEventCountAt(const Trace& trace, SimTime t) const {
    return countAtOrBefore(trace, m_runEvents, t);
}

bool TraceIndex::isRunEvent(const RecordBody& b) {
    switch (b.kind) {
        case RecordKind::ProcessCreate:
        case RecordKind::ProcessExit:
        case RecordKind::Deadlock:
        case RecordKind::Marker:
            return true;
        case RecordKind::Sync:
            return static_cast<SyncOp>(b.extra16) == SyncOp::LostUpdate;
        case RecordKind::Gil:
            return static_cast<GilOp>(b.extra16) == GilOp::DropRequest;
        default:
            return false;
    }
}

const std::vector<ObjectPoint>& TraceIndex::objectPoints(std::uint32_t object) const {
    return object < m_objectPoints.size() ? m_objectPoints[object] : kNoObjectPoints;
}

const ObjectPoint* TraceIndex::objectPointAt(std::uint32_t object, SimTime t) const {
    const auto& pts = objectPoints(object);
    auto it = std::upper_bound(pts.begin(), pts.end(), t,
                               [](SimTime v, const ObjectPoint& p) { return v < p.time; });
    if (it == pts.begin()) return nullptr;
    return &*(it - 1);
}

const std::vector<std::uint32_t>& TraceIndex::syncMarks(std::uint32_t thread) const {
    return thread < m_syncMarks.size() ? m_syncMarks[thread] : kNoRecords;
}

std::size_t TraceIndex::outputCountAt(const Trace& trace, SimTime t) const {
    return countAtOrBefore(trace, m_outputs, t);
}

}  // namespace taskscope::core
