#include "app/cli.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <sstream>

#include "app/compare_command.h"
#include "app/run_command.h"
#include "core/sched/policy.h"
#include "core/sim/machine.h"
#include "core/trace/trace.h"
#include "core/workload/workload.h"
#include "ui/app/language_code.h"

namespace taskscope::app {

namespace {
ImageExporter& exporterSlot() {
    static ImageExporter exporter;
    return exporter;
}

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

// "10ms", "2.5 s", "300us", or a bare number in `unit`: the same units as the workload's
// "time_unit" (core::parseTimeUnit), so the GUI's --at and this read times alike.
std::optional<core::SimTime> parseTime(const std::string& text, core::SimTime unit) {
    const std::string s = trim(text);
    if (s.empty() || s[0] == '-' || s[0] == '+') return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !std::isfinite(v) || v < 0) return std::nullopt;
    const std::string suffix = trim(end);
    core::SimTime ns = unit;
    if (!suffix.empty()) {
        const auto parsed = core::parseTimeUnit(suffix);
        if (!parsed) return std::nullopt;
        ns = *parsed;
    }
    const double t = v * static_cast<double>(ns);
    if (t > 9.0e18) return std::nullopt;
    return static_cast<core::SimTime>(std::llround(t));
}
}  // namespace

void setImageExporter(ImageExporter exporter) {
    exporterSlot() = std::move(exporter);
}
const ImageExporter& imageExporter() {
    return exporterSlot();
}

std::optional<TimeRange> parseTimeRange(const std::string& text, core::SimTime unit,
                                        const std::string& unitName, std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<TimeRange> {
        if (error) *error = "--range " + text + ": " + why;
        return std::nullopt;
    };
    const auto colon = text.find(':');
    if (colon == std::string::npos || text.find(':', colon + 1) != std::string::npos)
        return fail("expected START:END, for example 10ms:50ms, 0:2.5s or 100: (to the end)");
    TimeRange r;
    const std::string a = trim(text.substr(0, colon));
    const std::string b = trim(text.substr(colon + 1));
    const std::string hint =
        "; write a time like 10ms, 2.5s, 300us, or a number in the file's time unit" +
        (unitName.empty() ? std::string() : " (" + unitName + ")");
    if (!a.empty()) {
        const auto t = parseTime(a, unit);
        if (!t) return fail("\"" + a + "\" is not a time" + hint);
        r.from = *t;
    }
    if (!b.empty()) {
        const auto t = parseTime(b, unit);
        if (!t) return fail("\"" + b + "\" is not a time" + hint);
        r.to = *t;
    }
    if (r.to <= r.from) return fail("the end must be after the start");
    return r;
}

int checkImageOptions(const RunOptions& o, std::ostream& err) {
    if (!o.wantsImages()) {
        if (o.range || o.title || o.image != core::ImageOptions{})
            err << "taskscope: note: --range, --scale, --title, --view, --page, --width, "
                   "--no-gil-lanes and "
                   "--no-thread-lanes only shape --png, --svg and --pdf, and none was asked for\n";
        return kExitOk;
    }
    if (!imageExporter()) {
        err << "taskscope: error: this build has no GUI; image export (--png, --svg, --pdf) needs "
               "the Qt build\n";
        return kExitBadInput;
    }
    // The syntax and the order of the range, before a possibly long run (bare numbers
    // compare alike in any unit).
    std::string why;
    if (o.range && !parseTimeRange(*o.range, core::kMillisecond, "", &why)) {
        err << "taskscope: error: " << why << "\n";
        return kExitBadInput;
    }
    return kExitOk;
}

bool writeImages(const RunOptions& o, const core::Machine& machine, const core::Trace& trace,
                 core::SimTime unit, const std::string& unitName, const std::string& title,
                 const std::string& titleZh, std::ostream& err) {
    ImageExportRequest request;
    request.pngPath = o.pngPath.value_or("");
    request.svgPath = o.svgPath.value_or("");
    request.pdfPath = o.pdfPath.value_or("");
    request.image = o.image;
    request.file = o.file;
    request.unit = unit;
    request.unitName = unitName;
    request.lang = o.lang.value_or("system");
    if (o.title) {
        request.image.title = *o.title;
    } else {
        request.titleZh = titleZh;
        const auto slash = o.file.find_last_of("/\\");
        request.image.title = !title.empty()               ? title
                              : slash == std::string::npos ? o.file
                                                           : o.file.substr(slash + 1);
    }
    if (o.range) {
        std::string why;
        const auto r = parseTimeRange(*o.range, unit, unitName, &why);
        if (!r) {
            err << "taskscope: error: " << why << "\n";
            return false;
        }
        const core::SimTime end = trace.endTime();
        if (r->from >= end && end > 0) {
            const auto u = static_cast<double>(unit);
            err << fmt::format(
                "taskscope: error: --range: starts at {:g} {} but the run ends at {:g} {}\n",
                static_cast<double>(r->from) / u, unitName, static_cast<double>(end) / u, unitName);
            return false;
        }
        request.image.range = core::ImageOptions::Range::Custom;
        request.image.from = r->from;
        request.image.to =
            r->to == core::kNever ? std::max<core::SimTime>(end, r->from + 1) : r->to;
    }
    request.settings = &machine.settings();
    request.machine = &machine;
    request.trace = &trace;
    std::string error;
    if (!imageExporter()(request, &error)) {
        err << "taskscope: error: " << error << "\n";
        return false;
    }
    return true;
}

namespace {
// Qt's own options (-platform offscreen, -style=fusion, -reverse, ...) belong to QApplication,
// which reads them from the original argv: the parser leaves them out. Returns how many
// arguments `args[i]` starts (0: not a Qt option).
std::size_t qtOptionLength(const std::vector<std::string>& args, std::size_t i) {
    static const char* const kWithValue[] = {
        "-platform",    "-platformpluginpath", "-platformtheme", "-plugin",  "-qwindowgeometry",
        "-qwindowicon", "-qwindowtitle",       "-session",       "-display", "-geometry",
        "-style",       "-stylesheet",         "-title",         "-name",    "-qmljsdebugger"};
    static const char* const kFlags[] = {"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"};
    const std::string& a = args[i];
    if (a.size() < 2 || a[0] != '-' || a[1] == '-') return 0;
    const std::string name = a.substr(0, a.find('='));
    for (const char* f : kFlags)
        if (a == f) return 1;
    for (const char* v : kWithValue)
        if (name == v) return a.find('=') != std::string::npos || i + 1 >= args.size() ? 1 : 2;
    return 0;
}

constexpr const char* kGuiUsage =
    "usage: taskscope [FILE] [--lang zh_CN|en|system]\n"
    "       taskscope --screenshot OUT.png [FILE] [--at T] [--size WxH] [--dark] [--presenter] "
    "[--colour-blind] [--raise VIEW] [--lang zh_CN|en]\n";
}  // namespace

std::optional<ui::GuiOptions> parseGuiOptions(const std::vector<std::string>& args,
                                              std::string* error) {
    std::vector<std::string> words{"taskscope"};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::ostringstream out, err;
    ui::GuiOptions gui;
    const int status = runCli(static_cast<int>(words.size()), argv.data(), out, err, &gui);
    if (status == kStartGui) return gui;
    if (error) {
        // The message without the "taskscope: error: " prefix and the usage lines.
        std::string text = err.str();
        const std::string prefix = "taskscope: error: ";
        if (text.rfind(prefix, 0) == 0) text = text.substr(prefix.size());
        *error = text.substr(0, text.find('\n'));
    }
    return std::nullopt;
}

// The settings of the run configuration (`run` and `compare`): each parsed by its by-name
// setter, the one reader of them (lesson headers and `--vary` use it too).
void addRunSettings(CLI::App* command, core::RunOverrides& o) {
    auto setting = [&](const std::string& field, const std::string& type, const std::string& help) {
        return command
            ->add_option_function<std::string>(
                "--" + field,
                [&o, field](const std::string& text) {
                    std::string why;
                    if (!o.set(field, text, &why)) throw CLI::ValidationError("--" + why);
                },
                help)
            ->type_name(type);
    };
    setting("cores", "INT", "number of cores (1-64)");
    setting("policy", "TEXT", "scheduling policy: " + core::policyNames());
    setting("quantum", "FLOAT", "time slice of rr, in the file's time unit");
    setting("context-switch", "FLOAT", "cost of a context switch, in the file's time unit");
    setting("wake-latency", "FLOAT",
            "time from a wake-up by another thread until it is runnable, in the file's time unit "
            "(Python programs: 0.012 ms)");
    setting("seed", "UINT", "random seed (same seed, same run)");
    setting("switch-interval", "FLOAT",
            fmt::format("GIL switch interval in ms (default {:g})",
                        static_cast<double>(core::kDefaultSwitchInterval) / 1e6));
    command->add_flag_function(
        "--no-gil", [&o](std::int64_t) { o.gil = false; },
        "run Python free-threaded (no GIL, as python3.13t)");
    setting("start-method", "TEXT", "multiprocessing start method: fork, spawn, forkserver");
    setting("cost-scale", "FLOAT", "multiply every simulated cost (2 = a CPU twice as slow)");
}

int runCli(int argc, char** argv, std::ostream& out, std::ostream& err, ui::GuiOptions* gui) {
    std::vector<std::string> args;
    {
        const std::vector<std::string> all(argv + std::min(argc, 1), argv + argc);
        for (std::size_t i = 0; i < all.size();) {
            const std::size_t qt = qtOptionLength(all, i);
            if (qt == 0) args.push_back(all[i]);
            i += qt == 0 ? 1 : qt;
        }
    }
    const bool isRun = !args.empty() && (args.front() == "run" || args.front() == "compare");
    CLI::App app{
        "Taskscope: watch processes, threads and the GIL run on a simulated machine.\n"
        "Without a sub-command it opens the desktop app (on FILE, or the default lesson).",
        "taskscope"};
    app.set_version_flag("--version", std::string("taskscope ") + TASKSCOPE_VERSION_STRING);
    app.require_subcommand(0, 1);

    // The desktop app's options (no sub-command).
    ui::GuiOptions g;
    std::vector<std::string> files;
    const std::string desktop = "Desktop app";
    app.add_option("file", files, "workload (.json/.csv) or program (.py) to open")->group(desktop);
    app.add_option("--screenshot", g.screenshot,
                   "render the window to this PNG and exit (no display needed)")
        ->group(desktop);
    app.add_option("--at", g.at, "cursor time of the screenshot, e.g. 50ms (default: the end)")
        ->group(desktop);
    app.add_option_function<std::string>(
           "--size",
           [&g](const std::string& v) { std::sscanf(v.c_str(), "%dx%d", &g.width, &g.height); },
           "window size of the screenshot (default 1600x1000)")
        ->type_name("WxH")
        ->check(CLI::Validator(
            [](std::string& v) {
                int w = 0, h = 0;
                if (std::sscanf(v.c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 150 ||
                    w > 8000 || h > 8000)
                    return "expected WIDTHxHEIGHT like 1600x1000, got \"" + v + "\"";
                return std::string();
            },
            ""))
        ->group(desktop);
    app.add_flag("--dark", g.dark, "the dark theme")->group(desktop);
    app.add_flag("--presenter", g.presenter, "presenter mode: large fonts and lanes")
        ->group(desktop);
    app.add_flag("--colour-blind,--color-blind", g.colourBlind,
                 "the colour-blind-safe palette (Okabe-Ito)")
        ->group(desktop);
    app.add_option("--raise", g.raise,
                   "bring a view to the front in the screenshot: timeline, processes, states, "
                   "stats, console, settings, workload, syncObjects, waitFor, events, "
                   "breakpoints, code, gil")
        ->group(desktop);
    app.add_option("--lang,--language", g.lang,
                   "interface language: zh_CN, en or system (default: the stored choice; "
                   "screenshots: en)")
        ->check(CLI::Validator(
            [](std::string& v) {
                return ui::parseLanguageCode(v) ? std::string()
                                                : "expected zh_CN, en or system, got \"" + v + "\"";
            },
            ""))
        ->group(desktop);

    // The run settings of the program the desktop app opens: the same names as `run`'s, read
    // by the same setter; they override the program's header (a lesson's "# cores: 2").
    const std::string desktopRun =
        "Desktop app: run settings of FILE (as for 'run'; over its "
        "header)";
    for (const auto& [field, type] :
         std::initializer_list<std::pair<const char*, const char*>>{{"cores", "INT"},
                                                                    {"policy", "TEXT"},
                                                                    {"quantum", "FLOAT"},
                                                                    {"context-switch", "FLOAT"},
                                                                    {"wake-latency", "FLOAT"},
                                                                    {"seed", "UINT"},
                                                                    {"switch-interval", "FLOAT"},
                                                                    {"start-method", "TEXT"},
                                                                    {"cost-scale", "FLOAT"}})
        app.add_option_function<std::string>(
               std::string("--") + field,
               [&g, f = std::string(field)](const std::string& text) {
                   std::string why;
                   if (!g.run.set(f, text, &why)) throw CLI::ValidationError("--" + why);
               },
               "")
            ->type_name(type)
            ->group(desktopRun);
    app.add_flag_function(
           "--no-gil", [&g](std::int64_t) { g.run.gil = false; }, "")
        ->group(desktopRun);

    RunOptions o;
    auto* run = app.add_subcommand("run", "Run a workload (.json/.csv) or program (.py) headless");
    run->add_option("file", o.file, "workload or program file")->required();
    addRunSettings(run, o.run);
    run->add_option("--until", o.until, "stop at this simulated time (file's time unit)")
        ->check(CLI::NonNegativeNumber);
    run->add_option("--stats", o.statsPath, "write statistics as JSON to FILE ('-' = stdout)");
    run->add_option("--trace", o.tracePath,
                    "write a trace to FILE: Perfetto protobuf for *.perfetto-trace / *.pftrace, "
                    "else Chrome trace JSON");
    run->add_option("--csv", o.csvPath, "write one CSV row per run slice to FILE");
    run->add_option("--stats-csv", o.statsCsvPath,
                    "write one CSV row of statistics per process to FILE");
    run->add_flag("--summary", o.summary, "print a table of per-process statistics");
    run->add_option("--max-steps", o.maxSteps,
                    "stop after this many scheduler steps (Python programs)")
        ->check(CLI::PositiveNumber);
    std::vector<std::string> programArgs;
    run->add_option("args", programArgs,
                    "arguments for a Python program (sys.argv[1:]); put them after --");
    run->add_option_function<std::string>(
           "--dump-frames-at",
           [&o](const std::string& text) {
               const auto t = parseTime(text, core::kMillisecond);
               if (!t)
                   throw CLI::ValidationError("--dump-frames-at",
                                              "\"" + text +
                                                  "\" is not a time; write 120 (ms) or a time "
                                                  "with its unit like 2.5ms, 300us, 1s");
               o.dumpFramesAt = *t;
           },
           "write every thread's frames and variables at time T (ms, or with a unit) as JSON")
        ->type_name("T");
    run->add_option("--dump-frames-file", o.dumpFramesPath,
                    "where --dump-frames-at writes (default '-': stdout)");
    auto* images = "Images (Qt build)";
    run->add_option("--png", o.pngPath, "draw the timeline (or --view) as a PNG image to FILE")
        ->group(images);
    run->add_option("--svg", o.svgPath, "... as an SVG drawing to FILE")->group(images);
    run->add_option("--pdf", o.pdfPath, "... as a PDF page to FILE")->group(images);
    run->add_option("--scale", o.image.scale, "PNG pixels per point, e.g. 2 for slides (0.25-8)")
        ->check(CLI::Range(0.25, 8.0))
        ->group(images);
    run->add_option("--range", o.range, "only START:END of the run, e.g. 10ms:50ms, 2s:, 0:300us")
        ->group(images);
    run->add_flag_function(
           "--no-gil-lanes", [&o](std::int64_t) { o.image.gilLanes = false; },
           "leave out the GIL lanes")
        ->group(images);
    run->add_flag_function(
           "--no-thread-lanes", [&o](std::int64_t) { o.image.threadLanes = false; },
           "leave out the thread lanes (cores only)")
        ->group(images);
    run->add_option("--lang,--language", o.lang,
                    "language of the pictures: zh_CN, en or system (default: system, from LANG)")
        ->check(CLI::Validator(
            [](std::string& v) {
                return ui::parseLanguageCode(v) ? std::string()
                                                : "expected zh_CN, en or system, got \"" + v + "\"";
            },
            ""))
        ->group(images);
    run->add_option("--title", o.title,
                    "title above the picture (default: the file's title or name; '' for none)")
        ->group(images);
    std::vector<std::string> views;
    for (const auto v : core::imageViewNameList()) views.emplace_back(v);
    run->add_option_function<std::string>(
           "--view",
           [&o](const std::string& name) {
               o.image.view = core::imageViewForName(name).value_or(core::ImageOptions::View{});
           },
           "what to draw: " + core::imageViewNames())
        ->check(CLI::IsMember(views, CLI::ignore_case))
        ->group(images);
    run->add_option("--page", o.image.page,
                    "PDF page: A3, A4, A5, Letter or Legal (landscape; add -portrait); "
                    "default: the picture's own size")
        ->check(CLI::IsMember(core::imagePageNames(), CLI::ignore_case))
        ->group(images);
    run->add_option(
           "--width", o.image.width,
           fmt::format("picture width in points (400-16000; default {})", core::kDefaultImageWidth))
        ->check(CLI::Range(400, 16000))
        ->group(images);

    CompareOptions compareOptions;
    auto* compare = addCompareCommand(app, compareOptions);
    compare->allow_extras(false);

    // Unknown options of the desktop app are reported below, in its own words; `run` keeps
    // CLI11's.
    run->allow_extras(false);
    app.allow_extras();
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return kExitOk;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return kExitOk;
    } catch (const CLI::CallForVersion&) {
        out << "taskscope " << TASKSCOPE_VERSION_STRING << "\n";
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        if (isRun) {
            err << "taskscope: error: " << e.what() << "\n"
                << "Run 'taskscope " << args.front() << " --help' to see the options.\n";
            return kExitBadInput;
        }
        std::string what = e.what();
        // "--at: 1 required TEXT missing"
        if (dynamic_cast<const CLI::ArgumentMismatch*>(&e))
            what = what.substr(0, what.find(':')) + " needs a value";
        err << "taskscope: error: " << what << "\n" << kGuiUsage;
        return kExitBadInput;
    }
    if (!programArgs.empty()) o.run.args = programArgs;
    if (run->parsed()) return runCommand(o, out, err);
    if (compare->parsed()) return compareCommand(compareOptions, out, err);

    // The desktop app.
    std::string bad;
    for (const std::string& extra : app.remaining())
        if (!extra.empty() && extra[0] == '-' && extra != "-") {
            bad = "unknown option \"" + extra + "\"";
            break;
        }
    if (bad.empty() && files.size() > 1) bad = "more than one file given (\"" + files[1] + "\")";
    if (!bad.empty()) {
        err << "taskscope: error: " << bad << "\n" << kGuiUsage;
        return kExitBadInput;
    }
    g.file = files.empty() ? std::string() : files.front();
    if (!gui) {
        err << "taskscope: this build has no GUI; use 'taskscope run FILE' (see --help)\n";
        return kExitBadInput;
    }
    *gui = g;
    return kStartGui;
}

}  // namespace taskscope::app
