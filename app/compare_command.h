#pragma once
// `taskscope compare FILE --vary NAME=V1,V2,... [run options]`: one program under several
// settings, a table of the runs (makespan, CPU, utilization, GIL wait, phases, exit status,
// speed-up against the first row), optionally as JSON, CSV and a picture.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/session/compare.h"

namespace CLI {
class App;
}

namespace taskscope::app {

struct CompareOptions {
    std::string file;
    std::vector<std::string> vary;  // "NAME=V1,V2,..." as given
    core::RunOverrides run;         // the other run options, the same in every run
    std::optional<double> until;    // in the file's time unit
    std::optional<std::uint64_t> maxSteps;
    std::optional<std::string> jsonPath, csvPath;  // "-" = stdout
    std::optional<std::string> pngPath, svgPath, pdfPath;
    std::optional<std::string> title;
    int workers = 0;  // 0 = one per core
    bool threadLanes = false;
};

// Adds the `compare` sub-command, filling `o` when parsed.
CLI::App* addCompareCommand(CLI::App& app, CompareOptions& o);
int compareCommand(const CompareOptions& o, std::ostream& out, std::ostream& err);

// The exit status a run of the comparison would give `taskscope run` (0 finished, 1.. the
// program's own, 3 deadlock or all blocked, 4 stopped by a limit).
int exitStatusOf(const core::RunResult& r);

// The comparison picture (stacked timelines on one time axis and a speed-up chart) needs
// Qt: the Qt build installs the exporter (app/main.cpp).
struct CompareImageRequest {
    std::string pngPath, svgPath, pdfPath;  // empty: not asked
    std::string title;                      // "cores × gil" unless --title
    core::SimTime unit = 1'000'000;
    std::string unitName = "ms";
    bool threadLanes = false;
    const std::vector<core::CompareRun>* runs = nullptr;
};
using CompareImageExporter = std::function<bool(const CompareImageRequest&, std::string* error)>;
void setCompareImageExporter(CompareImageExporter exporter);

}  // namespace taskscope::app
