#include "ui/timeline/timeline_layout.h"

#include <algorithm>
#include <numeric>

namespace taskscope::ui {

std::vector<TimelineRow> layoutTimeline(const core::Trace& trace, const TimelineLayoutOptions& o) {
    std::vector<TimelineRow> rows;
    int y = 0;
    auto add = [&](TimelineRow::Kind kind, std::uint32_t index, int height, std::string label) {
        rows.push_back({kind, index, y, height, std::move(label)});
        y += height;
    };
    add(TimelineRow::Kind::Section, 0, o.headerHeight, "CPU cores");
    for (int c = 0; c < trace.coreCount(); ++c)
        add(TimelineRow::Kind::Core, static_cast<std::uint32_t>(c), o.laneHeight,
            "CPU " + std::to_string(c));

    const auto& procs = trace.processes();
    std::vector<std::uint32_t> order;
    for (std::uint32_t p = 0; p < procs.size(); ++p)
        if (procs[p].pid != 0) order.push_back(p);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return procs[a].pid < procs[b].pid; });
    // Threads grouped by process once, instead of a scan per process.
    std::vector<std::vector<std::uint32_t>> threadsOf(procs.size());
    const auto hidden = [](const std::vector<char>& v, std::uint32_t i) {
        return i < v.size() && v[i];
    };
    for (std::uint32_t t = 0; t < trace.threads().size(); ++t) {
        const auto p = trace.threads()[t].process;
        if (p < threadsOf.size() && !hidden(o.hiddenThreads, t)) threadsOf[p].push_back(t);
    }
    for (const std::uint32_t p : order) {
        if (!o.threadLanes && !o.gilLanes) break;  // a plain Gantt chart of the cores
        if (hidden(o.hiddenProcesses, p)) continue;
        const bool gil = o.gilLanes && (o.gilSingleThreaded || threadsOf[p].size() > 1);
        if (!o.threadLanes && !gil) continue;  // no lane under this header
        add(TimelineRow::Kind::Process, p, o.headerHeight,
            procs[p].name + " (" + std::to_string(procs[p].pid) + ")");
        if (gil) add(TimelineRow::Kind::Gil, p, o.laneHeight, "GIL");
        if (!o.threadLanes) continue;
        for (const std::uint32_t t : threadsOf[p]) {
            const auto& ti = trace.threads()[t];
            add(TimelineRow::Kind::Thread, t, o.laneHeight,
                ti.name + " [" + std::to_string(ti.tid) + "]");
        }
    }
    return rows;
}

int layoutHeight(const std::vector<TimelineRow>& rows) {
    return rows.empty() ? 0 : rows.back().y + rows.back().height;
}

int rowAt(const std::vector<TimelineRow>& rows, int y) {
    auto it = std::upper_bound(rows.begin(), rows.end(), y,
                               [](int v, const TimelineRow& r) { return v < r.y; });
    if (it == rows.begin()) return -1;
    --it;
    if (y >= it->y + it->height) return -1;
    return static_cast<int>(it - rows.begin());
}

}  // namespace taskscope::ui
