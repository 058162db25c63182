#include "core/trace/trace.h"

#include <algorithm>

namespace taskscope::core {

void Trace::setCoreCount(int cores) {
    m_coreLanes.resize(static_cast<std::size_t>(cores));
    m_live.cores.resize(static_cast<std::size_t>(cores));
    if (m_snapshots.empty()) storeState();
}

void Trace::reserve(std::size_t processes, std::size_t threads) {
    m_processes.reserve(processes);
    m_threads.reserve(threads);
    m_threadLanes.reserve(threads);
}

void Trace::storeState() {
    m_live.copied = 0;
    m_snapshots.push_back(m_live);
    m_snapshotBytes += m_snapshots.back().tableBytes();
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
    if (m_snapshots.empty()) storeState();
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
    const std::size_t since = m_live.applied - m_snapshots.back().applied;
    if (since >= m_snapshotInterval &&
        (since >= kMaxStoredStateInterval ||
         since * kStoredStateBudget >= m_live.copied + m_live.tableBytes()))
        storeState();
    if (time > m_endTime) m_endTime = time;
}

void Trace::compact() {
    // The log's chunks never hold slack that was written, and lanes grow by doubling
    // on the heap only past four records: only the list of stored states has spare room.
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
    m_live = StoredState{};
    m_live.cores.resize(m_coreLanes.size());
    m_snapshots.clear();
    m_snapshotBytes = 0;
    m_endTime = 0;
    m_kindCounts.fill(0);
}

std::span<const std::uint32_t> Trace::coreLane(int core) const {
    return core >= 0 && static_cast<std::size_t>(core) < m_coreLanes.size()
               ? m_coreLanes[static_cast<std::size_t>(core)].view()
               : std::span<const std::uint32_t>();
}

std::span<const std::uint32_t> Trace::threadLane(std::uint32_t thread) const {
    return thread < m_threadLanes.size() ? m_threadLanes[thread].view()
                                         : std::span<const std::uint32_t>();
}

std::span<const std::uint32_t> Trace::gilLane(std::uint32_t process) const {
    return process < m_gilLanes.size() ? m_gilLanes[process].view()
                                       : std::span<const std::uint32_t>();
}

namespace {
// The first index in [lo, hi) whose time does not satisfy `before` (times are sorted).
template <typename Before>
std::size_t partitionPoint(const TimeColumn& times, std::size_t lo, std::size_t hi, Before before) {
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (before(times[mid]))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
}  // namespace

std::size_t Trace::lowerBound(SimTime t) const {
    return partitionPoint(m_time, 0, m_time.size(), [t](SimTime x) { return x < t; });
}

std::size_t Trace::upperBound(SimTime t) const {
    return partitionPoint(m_time, 0, m_time.size(), [t](SimTime x) { return x <= t; });
}

void Trace::laneSegments(std::span<const std::uint32_t> lane, SimTime t0, SimTime t1,
                         std::vector<Segment>& out) const {
    out.clear();
    if (lane.empty() || t1 <= t0) return;
    // The segment containing t0 starts at the last record with time <= t0.
    auto it = std::upper_bound(lane.begin(), lane.end(), t0,
                               [&](SimTime t, std::uint32_t idx) { return t < m_time[idx]; });
    if (it != lane.begin()) --it;
    for (; it != lane.end(); ++it) {
        const SimTime start = m_time[*it];
        if (start >= t1) break;
        const SimTime end = (it + 1 != lane.end()) ? m_time[*(it + 1)] : m_endTime;
        if (end <= t0 && end != start) continue;
        out.push_back({start, end, *it});
    }
}

void Trace::coreSegments(int core, SimTime t0, SimTime t1, std::vector<Segment>& out) const {
    laneSegments(coreLane(core), t0, t1, out);
}

void Trace::threadSegments(std::uint32_t thread, SimTime t0, SimTime t1,
                           std::vector<Segment>& out) const {
    laneSegments(threadLane(thread), t0, t1, out);
}

void Trace::gilSegments(std::uint32_t process, SimTime t0, SimTime t1,
                        std::vector<Segment>& out) const {
    laneSegments(gilLane(process), t0, t1, out);
}

void Trace::stateAfter(std::size_t count, TraceState& out) const {
    count = std::min(count, m_time.size());
    if (m_snapshots.empty()) {
        m_live.toState(out);
        return;
    }
    // The last stored state at or before `count`, then the records after it.
    const auto it =
        std::upper_bound(m_snapshots.begin(), m_snapshots.end(), count,
                         [](std::size_t n, const StoredState& s) { return n < s.applied; });
    const StoredState& from = *(it == m_snapshots.begin() ? it : it - 1);
    from.toState(out);
    for (std::size_t i = from.applied; i < count; ++i) out.apply({m_time[i], m_body[i]});
}

TraceState Trace::stateAfter(std::size_t count) const {
    TraceState state;
    stateAfter(count, state);
    return state;
}

void Trace::stateAt(SimTime t, TraceState& out) const {
    if (m_snapshots.empty()) {
        m_live.toState(out);
        return;
    }
    stateAfter(upperBound(t), out);
    out.time = t;
}

TraceState Trace::stateAt(SimTime t) const {
    TraceState state;
    stateAt(t, state);
    return state;
}

std::size_t Trace::memoryBytes() const {
    std::size_t bytes = m_time.usedBytes() + m_body.usedBytes();
    auto lanes = [](const std::vector<LaneIndex>& v) {
        std::size_t b = v.capacity() * sizeof(LaneIndex);
        for (const auto& lane : v) b += lane.heapBytes();
        return b;
    };
    bytes += lanes(m_coreLanes) + lanes(m_threadLanes) + lanes(m_gilLanes);
    // Every page made (held by the live state or a stored one) and every stored page table.
    bytes += m_live.made + m_snapshotBytes + m_live.tableBytes() +
             (m_snapshots.capacity() - m_snapshots.size()) * sizeof(StoredState);
    for (const auto& s : m_strings) bytes += s.capacity();
    return bytes;
}

std::size_t Trace::nameBytes() const {
    auto text = [](const std::string& s) {
        return s.capacity() > 15 ? s.capacity() + 1 : std::size_t{0};  // beyond the SSO buffer
    };
    std::size_t bytes = m_threads.capacity() * sizeof(TraceThreadInfo) +
                        m_processes.capacity() * sizeof(TraceProcessInfo) +
                        m_objects.capacity() * sizeof(TraceObjectInfo);
    for (const auto& t : m_threads) bytes += text(t.name);
    for (const auto& p : m_processes) bytes += text(p.name) + text(p.command);
    for (const auto& o : m_objects) bytes += text(o.name);
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
        const SimTime time = m_time[i];
        mix(&time, sizeof time);
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
