#include "core/trace/trace.h"

#include <algorithm>

namespace taskscope::core {

void Trace::setCoreCount(int cores) {
    m_coreLanes.resize(static_cast<std::size_t>(cores));
    m_live.cores.resize(static_cast<std::size_t>(cores));
    if (m_snapshots.empty()) m_snapshots.push_back(m_live);
}

void Trace::defineProcess(std::uint32_t index, TraceProcessInfo info) {
    if (index >= m_processes.size()) m_processes.resize(index + 1u);
    m_processes[index] = std::move(info);
}

void Trace::defineThread(std::uint32_t index, TraceThreadInfo info) {
    if (index >= m_threads.size()) {
        m_threads.resize(index + 1u);
        m_threadLanes.resize(index + 1u);
    }
    m_threads[index] = std::move(info);
}

void Trace::defineObject(std::uint32_t index, TraceObjectInfo info) {
    if (index >= m_objects.size()) m_objects.resize(index + 1u);
    m_objects[index] = std::move(info);
}

std::uint32_t Trace::intern(std::string_view text) {
    m_strings.emplace_back(text);
    return static_cast<std::uint32_t>(m_strings.size() - 1);
}

void Trace::append(SimTime time, const RecordBody& body) {
    if (m_snapshots.empty()) m_snapshots.push_back(m_live);
    const auto index = static_cast<std::uint32_t>(m_time.size());
    m_time.push_back(time);
    m_body.push_back(body);
    ++m_kindCounts[static_cast<std::size_t>(body.kind)];
    switch (body.kind) {
        case RecordKind::CoreRun:
        case RecordKind::CoreSwitch:
        case RecordKind::CoreIdle:
            if (body.core >= m_coreLanes.size()) m_coreLanes.resize(body.core + 1u);
            m_coreLanes[body.core].push_back(index);
            break;
        case RecordKind::State:
        case RecordKind::ThreadCreate:
            // A trace attached to a restored snapshot sees threads it was never told about.
            if (body.subject >= m_threadLanes.size()) {
                m_threadLanes.resize(body.subject + 1u);
                m_threads.resize(body.subject + 1u);
            }
            m_threadLanes[body.subject].push_back(index);
            break;
        case RecordKind::Gil: {
            const auto op = static_cast<GilOp>(body.extra16);
            if (op != GilOp::Acquire && op != GilOp::Release) break;
            if (body.object >= m_gilLanes.size()) m_gilLanes.resize(body.object + 1u);
            m_gilLanes[body.object].push_back(index);
            break;
        }
        default:
            break;
    }
    m_live.apply({time, body});
    if (--m_untilSnapshot == 0) {
        m_untilSnapshot = m_snapshotInterval;
        m_snapshots.push_back(m_live);
    }
    if (time > m_endTime) m_endTime = time;
}

void Trace::compact() {
    m_time.shrink_to_fit();
    m_body.shrink_to_fit();
    for (auto& lane : m_coreLanes) lane.shrink_to_fit();
    for (auto& lane : m_threadLanes) lane.shrink_to_fit();
    for (auto& lane : m_gilLanes) lane.shrink_to_fit();
    m_snapshots.shrink_to_fit();
}

void Trace::clear() {
    m_time.clear();
    m_body.clear();
    for (auto& lane : m_coreLanes) lane.clear();
    for (auto& lane : m_threadLanes) lane.clear();
    for (auto& lane : m_gilLanes) lane.clear();
    m_threads.clear();
    m_processes.clear();
    m_objects.clear();
    m_strings.clear();
    m_live = TraceState{};
    m_live.cores.resize(m_coreLanes.size());
    m_snapshots.clear();
    m_untilSnapshot = m_snapshotInterval;
    m_endTime = 0;
    m_kindCounts.fill(0);
}

namespace {
const std::vector<std::uint32_t> kEmptyLane;
}

const std::vector<std::uint32_t>& Trace::coreLane(int core) const {
    return core >= 0 && static_cast<std::size_t>(core) < m_coreLanes.size()
               ? m_coreLanes[static_cast<std::size_t>(core)]
               : kEmptyLane;
}

const std::vector<std::uint32_t>& Trace::threadLane(std::uint32_t thread) const {
    return thread < m_threadLanes.size() ? m_threadLanes[thread] : kEmptyLane;
}

const std::vector<std::uint32_t>& Trace::gilLane(std::uint32_t process) const {
    return process < m_gilLanes.size() ? m_gilLanes[process] : kEmptyLane;
}

std::size_t Trace::lowerBound(SimTime t) const {
    return static_cast<std::size_t>(std::lower_bound(m_time.begin(), m_time.end(), t) -
                                    m_time.begin());
}

std::size_t Trace::upperBound(SimTime t) const {
    return static_cast<std::size_t>(std::upper_bound(m_time.begin(), m_time.end(), t) -
                                    m_time.begin());
}

void Trace::laneSegments(const std::vector<std::uint32_t>& lane, const std::vector<SimTime>& times,
                         SimTime endTime, SimTime t0, SimTime t1, std::vector<Segment>& out) {
    out.clear();
    if (lane.empty() || t1 <= t0) return;
    // The segment containing t0 starts at the last record with time <= t0.
    auto it = std::upper_bound(lane.begin(), lane.end(), t0,
                               [&](SimTime t, std::uint32_t idx) { return t < times[idx]; });
    if (it != lane.begin()) --it;
    for (; it != lane.end(); ++it) {
        const SimTime start = times[*it];
        if (start >= t1) break;
        const SimTime end = (it + 1 != lane.end()) ? times[*(it + 1)] : endTime;
        if (end <= t0 && end != start) continue;
        out.push_back({start, end, *it});
    }
}

void Trace::coreSegments(int core, SimTime t0, SimTime t1, std::vector<Segment>& out) const {
    if (core < 0 || static_cast<std::size_t>(core) >= m_coreLanes.size()) {
        out.clear();
        return;
    }
    laneSegments(m_coreLanes[static_cast<std::size_t>(core)], m_time, m_endTime, t0, t1, out);
}

void Trace::threadSegments(std::uint32_t thread, SimTime t0, SimTime t1,
                           std::vector<Segment>& out) const {
    if (thread >= m_threadLanes.size()) {
        out.clear();
        return;
    }
    laneSegments(m_threadLanes[thread], m_time, m_endTime, t0, t1, out);
}

void Trace::gilSegments(std::uint32_t process, SimTime t0, SimTime t1,
                        std::vector<Segment>& out) const {
    if (process >= m_gilLanes.size()) {
        out.clear();
        return;
    }
    laneSegments(m_gilLanes[process], m_time, m_endTime, t0, t1, out);
}

TraceState Trace::stateAfter(std::size_t count) const {
    count = std::min(count, m_time.size());
    const std::size_t snap = std::min(count / m_snapshotInterval, m_snapshots.size() - 1);
    TraceState state = m_snapshots[snap];
    for (std::size_t i = snap * m_snapshotInterval; i < count; ++i)
        state.apply({m_time[i], m_body[i]});
    return state;
}

TraceState Trace::stateAt(SimTime t) const {
    if (m_snapshots.empty()) return m_live;
    TraceState state = stateAfter(upperBound(t));
    state.time = t;
    return state;
}

std::size_t Trace::memoryBytes() const {
    std::size_t bytes =
        m_time.capacity() * sizeof(SimTime) + m_body.capacity() * sizeof(RecordBody);
    for (const auto& lane : m_coreLanes) bytes += lane.capacity() * sizeof(std::uint32_t);
    for (const auto& lane : m_threadLanes) bytes += lane.capacity() * sizeof(std::uint32_t);
    for (const auto& lane : m_gilLanes) bytes += lane.capacity() * sizeof(std::uint32_t);
    for (const auto& s : m_snapshots)
        bytes += sizeof(TraceState) + s.threads.capacity() * sizeof(TraceState::Thread) +
                 s.cores.capacity() * sizeof(TraceState::Core) +
                 s.processes.capacity() * sizeof(TraceState::Process);
    for (const auto& s : m_strings) bytes += s.capacity();
    return bytes;
}

std::uint64_t Trace::hash() const {
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= p[i];
            h *= 1099511628211ULL;
        }
    };
    for (std::size_t i = 0; i < m_time.size(); ++i) {
        mix(&m_time[i], sizeof(SimTime));
        const RecordBody& b = m_body[i];
        const unsigned char fields[] = {
            static_cast<unsigned char>(b.kind), static_cast<unsigned char>(b.state),
            static_cast<unsigned char>(b.reason), static_cast<unsigned char>(b.cause)};
        mix(fields, sizeof fields);
        mix(&b.core, sizeof b.core);
        mix(&b.extra16, sizeof b.extra16);
        mix(&b.subject, sizeof b.subject);
        mix(&b.object, sizeof b.object);
    }
    for (const auto& t : m_threads) mix(t.name.data(), t.name.size());
    for (const auto& o : m_objects) mix(o.name.data(), o.name.size());
    for (const auto& s : m_strings) mix(s.data(), s.size());
    mix(&m_endTime, sizeof m_endTime);
    return h;
}

}  // namespace taskscope::core
