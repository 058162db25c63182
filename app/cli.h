#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/sim/run_config.h"
#include "core/trace/image_options.h"
#include "core/util/time.h"
#include "ui/app/gui_options.h"

namespace taskscope::core {
class Machine;
class Trace;
struct MachineSettings;
}  // namespace taskscope::core

namespace CLI {
class App;
}

namespace taskscope::app {

// Exit statuses of the command line.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProgramError = 1;  // the simulated program raised
inline constexpr int kExitBadInput = 2;      // bad file, bad option, compile error
inline constexpr int kExitDeadlock = 3;      // every live thread blocked forever
inline constexpr int kExitStopped = 4;       // a Python program hit the default 10 s limit

inline constexpr int kStartGui = -1;  // runCli: no sub-command, start the desktop app

// The one command-line parser (CLI11): `taskscope run ...` and the desktop app's options
// (`taskscope [FILE] [--screenshot OUT.png ...]`), listed together by --help. `argv[0]` is
// the program name; Qt's own options (-platform, -style, ...) are left to QApplication.
// Runs a sub-command and returns its exit status; without one fills `*gui` and returns
// kStartGui (a build without a GUI passes null: the message says so, status 2). Bad options
// give status 2 and one message; never throws on user input.
int runCli(int argc, char** argv, std::ostream& out, std::ostream& err,
           ui::GuiOptions* gui = nullptr);
// Adds the run-configuration options (--cores, --policy, ..., --no-gil, --cost-scale) to a
// sub-command, each parsed into `o` by core::RunOverrides::set.
void addRunSettings(CLI::App* command, core::RunOverrides& o);
// The desktop app's part alone (`args` without the program name), for tests: nullopt with
// the message (no "taskscope: error:" prefix) when they are wrong.
std::optional<ui::GuiOptions> parseGuiOptions(const std::vector<std::string>& args,
                                              std::string* error);

// Images of a finished run (`taskscope run ... --png/--svg/--pdf`). Drawing needs Qt, which
// this library must not use: the Qt build installs the exporter (app/main.cpp); without one
// those options fail with "this build has no GUI".
struct ImageExportRequest {
    std::string pngPath, svgPath, pdfPath;  // empty: not asked
    // What each picture shows (its format is the path's); the range, when Custom, in ns.
    core::ImageOptions image;
    // The run, as simulated.
    std::string file;
    core::SimTime unit = 1'000'000;  // the program's time unit (ns), for axes and charts
    std::string unitName = "ms";
    const core::MachineSettings* settings = nullptr;
    const core::Machine* machine = nullptr;
    const core::Trace* trace = nullptr;
    // The language of the pictures: "zh_CN", "en" or "system" (the LANG of the environment).
    std::string lang = "system";
    // A default title in Chinese (a lesson's title_zh), used when the pictures are Chinese
    // and no --title was given.
    std::string titleZh;
};
// Returns false with a message (no "taskscope: error:" prefix) when a picture cannot be made.
using ImageExporter = std::function<bool(const ImageExportRequest&, std::string* error)>;
void setImageExporter(ImageExporter exporter);
const ImageExporter& imageExporter();

// "T0:T1" with times like 10ms, 2.5s, 300us or bare numbers in `unit` nanoseconds; either
// side may be empty (from the start / to the end: `end` is then kNever). On error returns
// nullopt with a message naming the option ("--range 5:2: the end must be after the start").
struct RunOptions;
// Checks the image options before a run: exit status 2 after a message on `err` for a build
// without the exporter or a malformed --range, else 0.
int checkImageOptions(const RunOptions& o, std::ostream& err);
// Draws the pictures `o` asks for of a finished run (times in --range without a unit are in
// `unit`; `title` is the default title, e.g. the workload's). False after a message on `err`.
bool writeImages(const RunOptions& o, const core::Machine& machine, const core::Trace& trace,
                 core::SimTime unit, const std::string& unitName, const std::string& title,
                 const std::string& titleZh, std::ostream& err);

struct TimeRange {
    core::SimTime from = 0;
    core::SimTime to = core::kNever;
};
std::optional<TimeRange> parseTimeRange(const std::string& text, core::SimTime unit,
                                        const std::string& unitName, std::string* error);

}  // namespace taskscope::app
