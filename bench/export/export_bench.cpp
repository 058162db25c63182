// Export of a whole 100,000-slice timeline (DESIGN.md: PNG < 1 s; SVG small).
//   QT_QPA_PLATFORM=offscreen build/bench/export/taskscope_export_bench
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include "ui/export/image_export.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace {

using namespace taskscope;
using namespace taskscope::ui;

// 40 CPU-bound processes, round robin with a 1 ms slice on 4 cores: 100,000 core slices
// (and as many Running/Ready changes on the thread lanes).
QByteArray bigWorkload() {
    QByteArray json = R"({"cores": 4, "policy": "rr", "quantum": 1, "processes": [)";
    for (int i = 0; i < 40; ++i) {
        if (i) json += ',';
        json +=
            QStringLiteral(R"({"name": "W%1", "arrival": 0, "bursts": [2500]})").arg(i).toUtf8();
    }
    json += "]}";
    return json;
}

struct Fixture {
    SimulationController controller;
    Theme theme;
    QTemporaryDir dir;
    std::size_t slices = 0;
    Fixture() {
        controller.openWorkloadText(bigWorkload(), QStringLiteral("big.json"), nullptr);
        controller.runToCompletion();
        std::vector<core::Segment> segs;
        for (int k = 0; k < controller.trace().coreCount(); ++k) {
            controller.trace().coreSegments(k, 0, controller.endTime() + 1, segs);
            slices += segs.size();
        }
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_Export(benchmark::State& state, ExportOptions::Format format, double scale, bool threads) {
    Fixture& f = fixture();
    ExportOptions o;
    o.format = format;
    o.scale = scale;
    o.threadLanes = threads;
    o.title = "100,000 slices";
    const char* suffix[] = {"png", "svg", "pdf"};
    o.path =
        f.dir.filePath(QStringLiteral("out.") + QLatin1String(suffix[static_cast<int>(format)]));
    for (auto _ : state) {
        QString error;
        if (!exportTimeline(f.controller, f.theme, o, &error))
            state.SkipWithError(qPrintable(error));
    }
    state.counters["slices"] = static_cast<double>(f.slices);
    state.counters["file_KB"] = static_cast<double>(QFileInfo(o.path).size()) / 1024.0;
}

BENCHMARK_CAPTURE(BM_Export, png_1x, ExportOptions::Format::Png, 1.0, true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, png_2x, ExportOptions::Format::Png, 2.0, true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, png_cores_only, ExportOptions::Format::Png, 1.0, false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, svg, ExportOptions::Format::Svg, 1.0, true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, pdf, ExportOptions::Format::Pdf, 1.0, true)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
