#include "core/analysis/phases.h"

#include <algorithm>

namespace taskscope::core {

std::vector<std::pair<std::string, SimTime>> phaseDurations(const Trace& trace, SimTime end) {
    std::vector<std::pair<std::string, SimTime>> phases;
    std::size_t open = SIZE_MAX;  // the phase running now, an index into `phases`
    SimTime since = 0;
    auto close = [&](SimTime t) {
        if (open != SIZE_MAX) phases[open].second += std::max<SimTime>(0, t - since);
    };
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const RecordBody& b = trace.body(i);
        if (b.kind != RecordKind::Marker) continue;
        const SimTime t = trace.time(i);
        close(t);
        const std::string& label = trace.text(b.object);
        const auto it = std::find_if(phases.begin(), phases.end(),
                                     [&](const auto& p) { return p.first == label; });
        open = static_cast<std::size_t>(it - phases.begin());
        if (it == phases.end()) phases.emplace_back(label, 0);
        since = t;
    }
    close(end);
    return phases;
}

}  // namespace taskscope::core
