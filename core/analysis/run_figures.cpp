#include "core/analysis/run_figures.h"

#include <algorithm>

namespace taskscope::core {

RunFigures runFigures(const Trace& trace, const TraceIndex& index, SimTime t) {
    RunFigures f;
    double sumWait = 0, sumTurn = 0;
    int arrived = 0;
    for (std::uint32_t p = 0; p < trace.processes().size(); ++p) {
        const ProcessTimes times = index.processTimes(p);
        if (times.created < 0 || times.created > t) continue;
        ProcessFigures pf;
        pf.process = p;
        pf.name = trace.processes()[p].name;
        pf.pid = trace.processes()[p].pid;
        SimTime firstRun = -1;
        for (std::uint32_t th = 0; th < trace.threads().size(); ++th) {
            if (trace.threads()[th].process != p) continue;
            const SimTime arrival = index.arrivalAt(th, t);
            if (arrival >= 0 && (pf.arrival < 0 || arrival < pf.arrival)) pf.arrival = arrival;
            const SimTime fr = index.firstRunAt(th, t);
            if (fr >= 0 && (firstRun < 0 || fr < firstRun)) firstRun = fr;
            pf.cpu += index.cpuAt(th, t);
            pf.waiting += index.readyAt(th, t);
            const SimTime finish = index.finishAt(th, t);
            pf.finish = std::max(pf.finish, finish);
        }
        const bool exited = times.exited >= 0 && times.exited <= t;
        if (!exited) pf.finish = -1;
        if (pf.arrival >= 0) {
            ++arrived;
            sumWait += static_cast<double>(pf.waiting);
            if (pf.finish >= 0) {
                pf.turnaround = pf.finish - pf.arrival;
                sumTurn += static_cast<double>(pf.turnaround);
                ++f.finished;
            }
            if (firstRun >= 0) pf.response = firstRun - pf.arrival;
        }
        f.processes.push_back(std::move(pf));
    }
    if (arrived > 0) f.averageWaiting = sumWait / arrived;
    if (f.finished > 0) f.averageTurnaround = sumTurn / f.finished;
    return f;
}

std::vector<double> coreUtilization(const Trace& trace, int core, SimTime t0, SimTime t1,
                                    int bins) {
    std::vector<double> out(static_cast<std::size_t>(std::max(bins, 0)), 0.0);
    if (bins <= 0 || t1 <= t0) return out;
    std::vector<Segment> segs;
    trace.coreSegments(core, t0, t1, segs);
    const double width = static_cast<double>(t1 - t0) / bins;
    for (const auto& s : segs) {
        if (trace.body(s.record).kind != RecordKind::CoreRun) continue;
        const SimTime a = std::max(s.start, t0);
        const SimTime b = std::min(s.end, t1);
        if (b <= a) continue;
        // Spread the busy interval over the bins it covers.
        auto first = static_cast<int>(static_cast<double>(a - t0) / width);
        auto last = static_cast<int>(static_cast<double>(b - t0) / width);
        first = std::clamp(first, 0, bins - 1);
        last = std::clamp(last, 0, bins - 1);
        for (int k = first; k <= last; ++k) {
            const double lo = std::max(static_cast<double>(a), static_cast<double>(t0) + k * width);
            const double hi =
                std::min(static_cast<double>(b), static_cast<double>(t0) + (k + 1) * width);
            if (hi > lo) out[static_cast<std::size_t>(k)] += (hi - lo) / width;
        }
    }
    for (auto& v : out) v = std::min(v, 1.0);
    return out;
}

}  // namespace taskscope::core
