#include "ui/model/time_format.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/workload/workload.h"

namespace taskscope::ui {

using core::SimTime;

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
