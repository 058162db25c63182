// Measures a timeline frame over a synthetic trace with a million slices in view:
// 2 cores and 8 threads switching every 2 us for ~0.25 s of simulated time.
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"

using namespace taskscope;
using namespace taskscope::ui;

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    // A workload with tiny round-robin slices produces the trace through the real engine.
    core::Workload w;
    w.unit = core::kMicrosecond;
    w.timeUnit = "us";
    w.cores = 2;
    w.policy = core::PolicyKind::RoundRobin;
    w.quantum = 2 * core::kMicrosecond;
    for (int i = 0; i < 8; ++i) {
        core::WorkloadProcess p;
        p.name = "P" + std::to_string(i);
        p.bursts = {90000 * core::kMicrosecond};
        w.processes.push_back(p);
    }
    SimulationController c;
    QElapsedTimer clock;
    clock.start();
    c.openWorkload(w, "bench");
    c.runToCompletion();
    const qint64 simMs = clock.elapsed();
    std::size_t slices = 0;
    std::vector<core::Segment> segs;
    for (int core = 0; core < c.trace().coreCount(); ++core) {
        c.trace().coreSegments(core, 0, c.endTime(), segs);
        slices += segs.size();
    }
    for (std::uint32_t t = 0; t < c.trace().threads().size(); ++t) {
        c.trace().threadSegments(t, 0, c.endTime(), segs);
        slices += segs.size();
    }
    std::printf("trace: %zu records, %zu lane slices, end %.3f ms, simulated in %lld ms\n",
                c.trace().size(), slices, static_cast<double>(c.endTime()) / 1e6,
                static_cast<long long>(simMs));

    Theme theme;
    TimelineView view(&c, &theme);
    view.resize(1600, 400);
    view.show();
    view.fitAll();
    QImage target(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    auto frame = [&] {
        QElapsedTimer t;
        t.start();
        view.viewport()->render(&target);
        return t.nsecsElapsed();
    };
    // The first frame also builds the per-lane index (once per trace revision).
    const qint64 first = frame();
    std::printf("first frame (builds lane indexes): %.2f ms\n", first / 1e6);
    std::vector<qint64> cold, warm;
    for (int i = 0; i < 20; ++i) {
        // A new range each time: spans recomputed from a million segments.
        view.zoomBy(i % 2 ? 1.0001 : 1 / 1.0001, 0);
        cold.push_back(frame());
        // Cursor moved, same range: cached spans.
        c.seek(c.endTime() / 10 * (i + 1));
        warm.push_back(frame());
    }
    std::sort(cold.begin(), cold.end());
    std::sort(warm.begin(), warm.end());
    std::printf(
        "whole run in view (1600 px): new range median %.2f ms (max %.2f), cursor move median %.2f "
        "ms (max %.2f)\n",
        cold[cold.size() / 2] / 1e6, cold.back() / 1e6, warm[warm.size() / 2] / 1e6,
        warm.back() / 1e6);
    return 0;
}
