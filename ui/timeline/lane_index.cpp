#include "ui/timeline/lane_index.h"

#include <algorithm>
#include <cmath>

namespace taskscope::ui {

using core::SimTime;

void LaneIndex::assign(const std::vector<core::Segment>& segments, SimTime end,
                       const std::function<int(std::uint32_t)>& keyOf) {
    m_start.clear();
    m_key.clear();
    m_record.clear();
    m_start.reserve(segments.size());
    m_key.reserve(segments.size());
    m_record.reserve(segments.size());
    for (const core::Segment& s : segments) {
        m_start.push_back(s.start);
        m_key.push_back(static_cast<std::int16_t>(keyOf(s.record)));
        m_record.push_back(s.record);
    }
    m_end = end;
}

std::size_t LaneIndex::segmentAt(SimTime t) const {
    const auto it = std::upper_bound(m_start.begin(), m_start.end(), t);
    return it == m_start.begin() ? 0 : static_cast<std::size_t>(it - m_start.begin() - 1);
}

void LaneIndex::spans(const TimeScale& scale, int width, std::vector<PixelSpan>& out) const {
    SpanMerger merger(out, width);
    const std::size_t n = m_start.size();
    if (n == 0 || width <= 0) return;
    std::size_t i = segmentAt(scale.origin);
    while (i < n) {
        const SimTime start = m_start[i];
        if (scale.toX(start) >= width) break;
        const SimTime end = i + 1 < n ? m_start[i + 1] : m_end;
        merger.add(scale.toX(start), scale.toX(end), m_key[i], m_record[i]);
        // Everything starting before the first unpainted pixel and ending inside painted
        // pixels is hidden ("first wins"): jump to the segment covering that pixel's start.
        const SimTime next = scale.toTime(merger.painted() - 0.5);
        std::size_t j = i + 1;
        if (j < n && m_start[j] < next) j = std::max(j, segmentAt(next));
        i = j;
    }
}

}  // namespace taskscope::ui
