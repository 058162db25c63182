#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/trace/trace.h"
#include "ui/timeline/timeline_math.h"

namespace taskscope::ui {

// One timeline lane as flat columns (segment starts, colour keys, records) so that painting
// can binary-search past everything hidden under an already painted pixel. The cost of a
// frame is then about (pixels x log segments) per lane, whatever the number of slices.
class LaneIndex {
public:
    // Rebuilds from `segments` (in time order, as Trace::coreSegments returns them).
    void assign(const std::vector<core::Segment>& segments, core::SimTime end,
                const std::function<int(std::uint32_t record)>& keyOf);
    std::size_t size() const { return m_start.size(); }
    bool empty() const { return m_start.empty(); }

    // Appends the lane's whole-pixel spans for `scale` over `width` pixels to a fresh `out`.
    void spans(const TimeScale& scale, int width, std::vector<PixelSpan>& out) const;

private:
    // Index of the segment that contains t (the last one starting at or before t), or 0.
    std::size_t segmentAt(core::SimTime t) const;

    std::vector<core::SimTime> m_start;
    std::vector<std::int16_t> m_key;
    std::vector<std::uint32_t> m_record;
    core::SimTime m_end = 0;
};

}  // namespace taskscope::ui
