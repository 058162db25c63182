#pragma once

#include <cstdint>
#include <vector>

#include "core/util/time.h"

namespace taskscope::ui {

// Maps simulated time to x pixels in the data area of the timeline: x = (t - origin) / scale.
// Kept as plain values and free functions so the maths is tested without a widget.
struct TimeScale {
    core::SimTime origin = 0;  // time at x = 0
    double nsPerPixel = 1e6;   // > 0

    double toX(core::SimTime t) const { return static_cast<double>(t - origin) / nsPerPixel; }
    core::SimTime toTime(double x) const;
    core::SimTime visibleEnd(double width) const { return toTime(width); }
    friend bool operator==(const TimeScale&, const TimeScale&) = default;
};

// Limits of zooming: never finer than `minNsPerPixel`, never wider than twice the run.
struct ZoomLimits {
    double minNsPerPixel = 0.05;
    double maxNsPerPixel = 1e12;
};

// The scale that shows [t0, t1] in `width` pixels.
TimeScale fitScale(core::SimTime t0, core::SimTime t1, double width);
// Zooms by `factor` (> 1 zooms in) keeping the time under `anchorX` fixed.
TimeScale zoomAround(const TimeScale& s, double anchorX, double factor, const ZoomLimits& limits);
// Keeps the view inside [0, end]: origin >= 0 and, when the run is wider than the view, the
// right edge not past `end`.
TimeScale clampToRun(const TimeScale& s, double width, core::SimTime end);
// Tick spacing from the 1-2-5 series so that ticks are at least `minPixels` apart.
core::SimTime tickStep(double nsPerPixel, double minPixels);
// First tick at or after `t` for ticks `step` apart.
core::SimTime firstTick(core::SimTime t, core::SimTime step);

// One horizontal run of whole pixels [x0, x1) drawn in one colour.
struct PixelSpan {
    int x0 = 0;
    int x1 = 0;
    int colour = 0;
    std::uint32_t record = 0;  // the record that began the first segment in the span
    friend bool operator==(const PixelSpan&, const PixelSpan&) = default;
};

// Level of detail for one lane: turns segments (in time order, as float pixel ranges) into
// whole-pixel spans. A segment narrower than a pixel still gets one pixel unless an earlier
// segment already painted it ("first wins", as in Qt Creator's timeline); neighbours of one
// colour merge. So a lane never yields more spans than the view has pixels.
class SpanMerger {
public:
    explicit SpanMerger(std::vector<PixelSpan>& out, int width) : m_out(out), m_width(width) {
        m_out.clear();
    }
    // `colour` < 0: a gap (nothing drawn, but it does not merge its neighbours either).
    void add(double x0, double x1, int colour, std::uint32_t record);
    // The first pixel not yet painted: later segments that end before it are hidden, so a
    // caller with an index can skip straight to the segment that covers it.
    int painted() const { return m_painted; }

private:
    std::vector<PixelSpan>& m_out;
    int m_width;
    int m_painted = INT32_MIN;  // first pixel not yet painted
};

}  // namespace taskscope::ui
