#include "core/util/time_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace taskscope::core {

TimeUnit unitFor(SimTime magnitude) {
    const SimTime m = magnitude < 0 ? -magnitude : magnitude;
    if (m >= kSecond) return {kSecond, "s"};
    if (m >= kMillisecond) return {kMillisecond, "ms"};
    if (m >= kMicrosecond) return {kMicrosecond, "\u00b5s"};
    return {1, "ns"};
}

namespace {
std::string trimZeros(std::string s) {
    if (s.find('.') == std::string::npos) return s;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}
}  // namespace

std::string formatDuration(SimTime t, int digits) {
    const TimeUnit u = unitFor(t);
    const double v = static_cast<double>(t) / static_cast<double>(u.ns);
    std::string s = trimZeros(fixed(v, digits));
    if (s == "-0") s = "0";
    return s + " " + u.suffix;
}

std::string formatTick(SimTime t, SimTime step) {
    const TimeUnit u = unitFor(step);
    // Decimals needed so that `step` is visible in the chosen unit (step 500 µs in ms: 1).
    int decimals = 0;
    for (SimTime s = u.ns; decimals < 9 && step % s != 0; s /= 10) ++decimals;
    const double v = static_cast<double>(t) / static_cast<double>(u.ns);
    std::string s = fixed(v, decimals);
    if (s == "-0") s = "0";
    return s + " " + u.suffix;
}

std::string formatInUnit(SimTime t, SimTime unit, int decimals) {
    const TimeUnit u = unit >= kSecond        ? TimeUnit{kSecond, "s"}
                       : unit >= kMillisecond ? TimeUnit{kMillisecond, "ms"}
                       : unit >= kMicrosecond ? TimeUnit{kMicrosecond, "\u00b5s"}
                                              : TimeUnit{1, "ns"};
    return fixed(static_cast<double>(t) / static_cast<double>(u.ns), decimals) + " " + u.suffix;
}

std::string formatCpuTime(SimTime t) {
    const SimTime ms = t / kMillisecond;
    const long long minutes = ms / 60000;
    const long long seconds = (ms / 1000) % 60;
    const long long millis = ms % 1000;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld:%02lld.%03lld", minutes, seconds, millis);
    return buf;
}

std::string formatDecimal(double v, int decimals) {
    if (!std::isfinite(v)) return v != v ? "nan" : (v > 0 ? "inf" : "-inf");
    std::string s = trimZeros(fixed(v, decimals));
    if (s == "-0") s = "0";
    return s;
}

AxisTicks axisTicks(double max, int intervals) {
    AxisTicks t;
    if (!(max > 0) || !std::isfinite(max)) return t;  // an empty axis: 0 to 1
    intervals = std::max(intervals, 1);
    const double wanted = max / intervals;
    double decade = std::pow(10.0, std::floor(std::log10(wanted)));
    double step = decade * 10;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (decade * m >= wanted * (1 - 1e-9)) {
            step = decade * m;
            break;
        }
    t.step = step;
    t.top = std::ceil(max / step * (1 - 1e-9)) * step;
    // Decimals: none for steps of 1 or more, else enough for the step (0.5 -> 1, 0.05 -> 2).
    t.decimals = 0;
    for (double s = step; s < 1 - 1e-9 && t.decimals < 9; s *= 10) ++t.decimals;
    return t;
}

std::string AxisTicks::labelFormat(const std::string& suffix) const {
    std::string out = "%." + std::to_string(decimals) + "f";
    if (suffix.empty()) return out;
    for (const char c : " " + suffix) {
        out += c;
        if (c == '%') out += '%';
    }
    return out;
}

std::string AxisTicks::label(double v, const std::string& suffix) const {
    std::string s = fixed(v, decimals);
    if (s == "-0") s = "0";
    return suffix.empty() ? s : s + " " + suffix;
}

}  // namespace taskscope::core
