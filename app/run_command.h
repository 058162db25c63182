#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/sim/run_config.h"

namespace taskscope::app {

// Options of `taskscope run`, as given on the command line (unset = take the file's value).
struct RunOptions {
    std::string file;
    // --cores, --policy, --quantum, ..., --no-gil, --start-method, --cost-scale and the
    // program's arguments: laid over the file's run configuration (core::applyOverrides).
    core::RunOverrides run;
    std::optional<double> until;           // in the file's time unit
    std::optional<std::string> statsPath;  // "-" = stdout
    std::optional<std::string> tracePath;
    std::optional<std::string> csvPath;
    std::optional<std::string> statsCsvPath;
    bool summary = false;
    std::optional<std::uint64_t> maxSteps;  // scheduler steps before stopping (Python programs)
    // Pictures of the run (drawn by the Qt build; see ImageExportRequest in app/cli.h).
    std::optional<std::string> pngPath;
    std::optional<std::string> svgPath;
    std::optional<std::string> pdfPath;
    double imageScale = 1.0;
    std::optional<std::string> range;  // "T0:T1"
    bool noGilLanes = false;
    bool noThreadLanes = false;
    std::optional<std::string> title;  // unset: the workload's title, else the file name
    std::string view = "timeline";
    std::optional<std::string> page;
    int imageWidth = 1400;

    bool wantsImages() const { return pngPath || svgPath || pdfPath; }
};

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace taskscope::app
