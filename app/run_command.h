#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/sim/run_config.h"
#include "core/trace/image_options.h"

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
    std::optional<std::uint64_t> maxSteps;
    // --dump-frames-at: every thread's frames and variables at this instant (ns), as JSON to
    // dumpFramesPath ("-" = stdout, the default).
    std::optional<core::SimTime> dumpFramesAt;
    std::string dumpFramesPath = "-";  // scheduler steps before stopping (Python programs)
    // Pictures of the run (drawn by the Qt build; see ImageExportRequest in app/cli.h).
    std::optional<std::string> pngPath;
    std::optional<std::string> svgPath;
    std::optional<std::string> pdfPath;
    core::ImageOptions image;          // --scale, --view, --page, --width, lanes
    std::optional<std::string> range;  // "T0:T1", read in the file's time unit after the run
    std::optional<std::string> title;  // unset: the workload's title, else the file name
    std::optional<std::string> lang;   // of the pictures: zh_CN, en, system (unset: system)

    bool wantsImages() const { return pngPath || svgPath || pdfPath; }
};

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace taskscope::app
