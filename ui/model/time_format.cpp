#include "ui/model/time_format.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/workload/workload.h"

namespace taskscope::ui {

using core::SimTime;

TimeUnit unitFor(SimTime magnitude) {
    const SimTime m = magnitude < 0 ? -magnitude : magnitude;
    if (m >= core::kSecond) return {core::kSecond, "s"};
    if (m >= core::kMillisecond) return {core::kMillisecond, "ms"};
    if (m >= core::kMicrosecond) return {core::kMicrosecond, "\u00b5s"};
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
    const TimeUnit u = unit >= core::kSecond        ? TimeUnit{core::kSecond, "s"}
                       : unit >= core::kMillisecond ? TimeUnit{core::kMillisecond, "ms"}
                       : unit >= core::kMicrosecond ? TimeUnit{core::kMicrosecond, "\u00b5s"}
                                                    : TimeUnit{1, "ns"};
    return fixed(static_cast<double>(t) / static_cast<double>(u.ns), decimals) + " " + u.suffix;
}

std::string formatCpuTime(SimTime t) {
    const SimTime ms = t / core::kMillisecond;
    const long long minutes = ms / 60000;
    const long long seconds = (ms / 1000) % 60;
    const long long millis = ms % 1000;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld:%02lld.%03lld", minutes, seconds, millis);
    return buf;
}

std::optional<SimTime> parseDuration(std::string_view text, SimTime defaultUnit) {
    std::string s(text);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    s = s.substr(start);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !std::isfinite(v) || v < 0) return std::nullopt;
    std::string unit(end);
    while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
    SimTime ns = defaultUnit;
    if (!unit.empty()) {
        const auto parsed = core::parseTimeUnit(unit);
        if (!parsed) return std::nullopt;
        ns = *parsed;
    }
    return static_cast<SimTime>(std::llround(v * static_cast<double>(ns)));
}

}  // namespace taskscope::ui
