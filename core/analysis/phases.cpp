#include "core/analysis/phases.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace taskscope::core {

std::vector<Phase> phasesAt(const Trace& trace, const TraceIndex& index, SimTime t) {
    std::vector<Phase> out;
    std::vector<std::size_t> open(trace.threads().size(), SIZE_MAX);  // a thread's last phase
    const auto& events = index.runEvents();
    const std::size_t count = index.runEventCountAt(trace, t);
    for (std::size_t i = 0; i < count && i < events.size(); ++i) {
        const RecordBody& b = trace.body(events[i]);
        if (b.kind != RecordKind::Marker || b.subject >= trace.threads().size()) continue;
        const SimTime at = trace.time(events[i]);
        if (open[b.subject] != SIZE_MAX) {
            Phase& previous = out[open[b.subject]];
            previous.end = at;
            previous.ended = true;
        }
        const TraceThreadInfo& th = trace.threads()[b.subject];
        Phase p;
        p.label = trace.text(b.object);
        p.thread = b.subject;
        p.threadName = th.name;
        p.process = th.process < trace.processes().size() ? trace.processes()[th.process].name
                                                          : std::string();
        p.start = at;
        p.end = at;
        open[b.subject] = out.size();
        out.push_back(std::move(p));
    }
    // The last phase of each thread lasts until the thread ends, or is still going at t.
    for (std::uint32_t th = 0; th < open.size(); ++th) {
        if (open[th] == SIZE_MAX) continue;
        Phase& p = out[open[th]];
        const SimTime finish = index.finishAt(th, t);
        p.ended = finish >= 0;
        p.end = std::max(p.start, finish >= 0 ? finish : std::min(t, trace.endTime()));
    }
    return out;
}

nlohmann::json phasesToJson(const std::vector<Phase>& phases, SimTime unit) {
    const auto u = static_cast<double>(unit);
    nlohmann::json out = nlohmann::json::array();
    for (const Phase& p : phases)
        out.push_back({{"label", p.label},
                       {"thread", p.threadName},
                       {"process", p.process},
                       {"start", static_cast<double>(p.start) / u},
                       {"end", static_cast<double>(p.end) / u},
                       {"duration", static_cast<double>(p.duration()) / u}});
    return out;
}

}  // namespace taskscope::core
