#include "ui/timeline/timeline_math.h"

#include <algorithm>
#include <cmath>

namespace taskscope::ui {

using core::SimTime;

SimTime TimeScale::toTime(double x) const {
    return origin + static_cast<SimTime>(std::llround(x * nsPerPixel));
}

TimeScale fitScale(SimTime t0, SimTime t1, double width) {
    TimeScale s;
    s.origin = t0;
    const double span = static_cast<double>(std::max<SimTime>(t1 - t0, 1));
    s.nsPerPixel = span / std::max(width, 1.0);
    return s;
}

TimeScale zoomAround(const TimeScale& s, double anchorX, double factor, const ZoomLimits& limits) {
    if (factor <= 0) return s;
    const double anchorTime = static_cast<double>(s.origin) + anchorX * s.nsPerPixel;
    TimeScale z;
    z.nsPerPixel = std::clamp(s.nsPerPixel / factor, limits.minNsPerPixel, limits.maxNsPerPixel);
    z.origin = static_cast<SimTime>(std::llround(anchorTime - anchorX * z.nsPerPixel));
    return z;
}

TimeScale clampToRun(const TimeScale& s, double width, SimTime end) {
    TimeScale c = s;
    const auto visible = static_cast<SimTime>(std::llround(width * s.nsPerPixel));
    // A little room past the end so that the last slice and the cursor stay visible.
    const SimTime maxOrigin = std::max<SimTime>(0, end + visible / 20 - visible);
    c.origin = std::clamp(c.origin, SimTime{0}, maxOrigin);
    return c;
}

SimTime tickStep(double nsPerPixel, double minPixels) {
    const double wanted = std::max(nsPerPixel * minPixels, 1.0);
    SimTime decade = 1;
    while (static_cast<double>(decade) * 10 <= wanted && decade < core::kSecond * 1000000)
        decade *= 10;
    for (const SimTime m : {1, 2, 5, 10})
        if (static_cast<double>(decade * m) >= wanted) return decade * m;
    return decade * 10;
}

SimTime firstTick(SimTime t, SimTime step) {
    if (step <= 0) return t;
    SimTime q = t / step;
    if (q * step < t) ++q;
    return q * step;
}

void SpanMerger::add(double x0, double x1, int colour, std::uint32_t record) {
    // Zero-length segments are instants (New -> Ready -> Running at one time): no pixels.
    if (x1 <= x0 || x1 < 0 || x0 >= m_width) return;
    int a = static_cast<int>(std::floor(std::max(x0, -1.0) + 0.5));
    int b = static_cast<int>(std::floor(std::min(x1, static_cast<double>(m_width) + 1) + 0.5));
    if (b <= a) b = a + 1;  // every slice covers at least one pixel unless already painted
    a = std::max(a, 0);
    b = std::min(b, m_width);
    if (colour < 0) {
        // A gap claims its pixels only when it is at least one pixel wide.
        if (x1 - x0 >= 1.0) m_painted = std::max(m_painted, b);
        return;
    }
    if (a < m_painted) a = m_painted;
    if (a >= b) {
        // Fully hidden behind earlier slices in the same pixel; still extend a same-colour
        // neighbour so that a long run of tiny slices of one state stays one span.
        return;
    }
    if (!m_out.empty() && m_out.back().x1 == a && m_out.back().colour == colour) {
        m_out.back().x1 = b;
    } else {
        m_out.push_back({a, b, colour, record});
    }
    m_painted = b;
}

}  // namespace taskscope::ui
