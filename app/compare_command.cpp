#include "app/compare_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <fstream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "app/cli.h"

namespace taskscope::app {

namespace {

CompareImageExporter& compareExporterSlot() {
    static CompareImageExporter exporter;
    return exporter;
}

bool writeTo(const std::string& path, std::ostream& out, std::ostream& err,
             const std::function<void(std::ostream&)>& write) {
    if (path == "-") {
        write(out);
        return true;
    }
    std::ofstream f(path, std::ios::binary);
    if (f) write(f);
    if (f) f.flush();
    if (!f) {
        err << "taskscope: error: cannot write '" << path
            << "': check that the folder exists and is writable\n";
        return false;
    }
    return true;
}

// Every phase label of the comparison, in the order first seen.
std::vector<std::string> phaseLabels(const std::vector<core::CompareRun>& runs) {
    std::vector<std::string> labels;
    for (const auto& r : runs)
        for (const auto& [label, _] : r.phases)
            if (std::find(labels.begin(), labels.end(), label) == labels.end())
                labels.push_back(label);
    return labels;
}

std::optional<core::SimTime> phaseOf(const core::CompareRun& r, const std::string& label) {
    for (const auto& [l, d] : r.phases)
        if (l == label) return d;
    return std::nullopt;
}

std::string number(double v) {
    return fmt::format("{:.6g}", v);
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

}  // namespace

void setCompareImageExporter(CompareImageExporter exporter) {
    compareExporterSlot() = std::move(exporter);
}

int exitStatusOf(const core::RunResult& r) {
    switch (r.end) {
        case core::RunEnd::Deadlock:
        case core::RunEnd::AllBlocked:
            return kExitDeadlock;
        case core::RunEnd::Stopped:
            return kExitStopped;
        case core::RunEnd::Finished:
            break;
    }
    return r.exitCode == 0 ? kExitOk : (r.exitCode < 0 ? 128 - r.exitCode : r.exitCode);
}

CLI::App* addCompareCommand(CLI::App& app, CompareOptions& o) {
    auto* cmd = app.add_subcommand(
        "compare", "Run one program under several settings and compare the runs side by side");
    cmd->add_option("file", o.file, "workload or program file")->required();
    cmd->add_option(
           "--vary", o.vary,
           "NAME=V1,V2,...: a setting and its values (cores, policy, quantum, "
           "context-switch, wake-latency, seed, gil, switch-interval, start-method, "
           "cost-scale, args); several --vary give their cross product; without --vary, the "
           "lesson's own '# compare:' preset")
        ->expected(1)
        ->take_all();
    addRunSettings(cmd, o.run);
    cmd->add_option("--until", o.until, "stop each run at this simulated time (file's time unit)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--max-steps", o.maxSteps,
                    "stop each run after this many scheduler steps (Python programs)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--json", o.jsonPath, "write the runs as a JSON list to FILE ('-' = stdout)");
    cmd->add_option("--csv", o.csvPath, "write the runs as CSV rows to FILE ('-' = stdout)");
    cmd->add_option("--png", o.pngPath, "draw the runs' timelines and the speed-ups as a PNG");
    cmd->add_option("--svg", o.svgPath, "... as an SVG drawing");
    cmd->add_option("--pdf", o.pdfPath, "... as a PDF page");
    cmd->add_option("--title", o.title, "title of the picture (default: what varies)");
    cmd->add_flag("--thread-lanes", o.threadLanes, "the picture shows thread lanes too");
    cmd->add_option("--workers", o.workers,
                    "threads computing runs (default: one per core; the result is the same)")
        ->check(CLI::Range(1, 256));
    return cmd;
}

int compareCommand(const CompareOptions& o, std::ostream& out, std::ostream& err) {
    auto program = core::loadProgramSource(o.file);
    if (!program) {
        err << "taskscope: error: " << program.error().format() << "\n";
        return kExitBadInput;
    }
    std::vector<std::string> vary = o.vary;
    if (vary.empty()) vary = core::comparePreset(program->source);
    if (vary.empty()) {
        err << "taskscope: error: --vary is required: " << o.file
            << " has no '# compare:' preset; give --vary NAME=V1,V2,... such as cores=1,2,4\n";
        return kExitBadInput;
    }
    std::vector<core::Variation> variations;
    for (const std::string& text : vary) {
        auto v = core::parseVariation(text);
        if (!v) {
            err << "taskscope: error: " << v.error().message << "\n";
            return kExitBadInput;
        }
        for (const auto& other : variations)
            if (other.name == v->name) {
                err << "taskscope: error: --vary " << v->name
                    << ": given twice; list every value in one --vary\n";
                return kExitBadInput;
            }
        variations.push_back(std::move(*v));
    }
    const bool wantsImages = o.pngPath || o.svgPath || o.pdfPath;
    if (wantsImages && !compareExporterSlot()) {
        err << "taskscope: error: this build has no GUI; the comparison picture (--png, --svg, "
               "--pdf) needs the Qt build\n";
        return kExitBadInput;
    }
    const core::RunConfig defaults = core::defaultRunConfig(*program);
    const core::SimTime unit = defaults.unit;
    const std::string& unitName = defaults.unitName;

    core::CompareOptions options;
    options.base = o.run;
    options.workers = o.workers;
    if (o.until)
        options.limits.until =
            static_cast<core::SimTime>(std::llround(*o.until * static_cast<double>(unit)));
    if (o.maxSteps) options.limits.maxSteps = *o.maxSteps;
    auto compared = core::compareRuns(*program, variations, options);
    if (!compared) {
        const core::Diagnostic& d = compared.error();
        std::string python = d.pythonStyle();
        if (!python.empty() && python.back() != '\n') python += '\n';
        err << python << "taskscope: " << d.brief() << "\n";
        return kExitBadInput;
    }
    const std::vector<core::CompareRun>& runs = *compared;
    const auto u = static_cast<double>(unit);
    auto t = [u](core::SimTime v) { return static_cast<double>(v) / u; };
    const std::vector<std::string> phases = phaseLabels(runs);

    // The table.
    std::vector<std::string> header;
    for (const auto& v : variations) header.push_back(v.name);
    for (const char* h : {"makespan", "cpu", "util", "gil_wait"}) header.emplace_back(h);
    for (const auto& p : phases) header.push_back(p);
    header.emplace_back("exit");
    header.emplace_back("speedup");
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : runs) {
        std::vector<std::string> row;
        for (const auto& [_, value] : r.settings) row.push_back(value.empty() ? "''" : value);
        row.push_back(fmt::format("{:.3f}", t(r.makespan)));
        row.push_back(fmt::format("{:.3f}", t(r.cpu)));
        row.push_back(fmt::format("{:.1f}%", r.utilization * 100));
        row.push_back(fmt::format("{:.3f}", t(r.gilWait)));
        for (const auto& p : phases) {
            const auto d = phaseOf(r, p);
            row.push_back(d ? fmt::format("{:.3f}", t(*d)) : "-");
        }
        row.push_back(std::to_string(exitStatusOf(r.result)));
        row.push_back(fmt::format("{:.2f}x", r.speedup));
        rows.push_back(std::move(row));
    }
    const bool tableOnStdout = o.jsonPath != "-" && o.csvPath != "-";
    if (tableOnStdout) {
        std::vector<std::size_t> width(header.size());
        for (std::size_t c = 0; c < header.size(); ++c) {
            width[c] = header[c].size();
            for (const auto& row : rows) width[c] = std::max(width[c], row[c].size());
        }
        auto line = [&](const std::vector<std::string>& cells) {
            std::string s;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const bool left = c < variations.size();
                s += (c ? "  " : "") + (left ? fmt::format("{:<{}}", cells[c], width[c])
                                             : fmt::format("{:>{}}", cells[c], width[c]));
            }
            while (!s.empty() && s.back() == ' ') s.pop_back();
            out << s << "\n";
        };
        line(header);
        for (const auto& row : rows) line(row);
        out << fmt::format("times in {}; speed-up = the first row's makespan / the row's\n",
                           unitName);
    }

    bool ok = true;
    if (o.jsonPath) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& r : runs) {
            nlohmann::ordered_json settings = nlohmann::ordered_json::object();
            for (const auto& [name, value] : r.settings) settings[name] = value;
            nlohmann::ordered_json ph = nlohmann::ordered_json::object();
            for (const auto& [label, d] : r.phases) ph[label] = t(d);
            list.push_back({{"settings", settings},
                            {"makespan", t(r.makespan)},
                            {"cpu", t(r.cpu)},
                            {"utilization", r.utilization},
                            {"gil_wait", t(r.gilWait)},
                            {"phases", ph},
                            {"exit_status", exitStatusOf(r.result)},
                            {"speedup", r.speedup},
                            {"time_unit", unitName}});
        }
        ok &= writeTo(*o.jsonPath, out, err, [&](std::ostream& s) { s << list.dump(2) << "\n"; });
    }
    if (o.csvPath) {
        ok &= writeTo(*o.csvPath, out, err, [&](std::ostream& s) {
            std::vector<std::string> cols;
            for (const auto& v : variations) cols.push_back(v.name);
            for (const char* h : {"makespan", "cpu", "utilization", "gil_wait"})
                cols.emplace_back(h);
            for (const auto& p : phases) cols.push_back("phase:" + p);
            cols.emplace_back("exit_status");
            cols.emplace_back("speedup");
            for (std::size_t c = 0; c < cols.size(); ++c) s << (c ? "," : "") << csvField(cols[c]);
            s << "\n";
            for (const auto& r : runs) {
                std::vector<std::string> cells;
                for (const auto& [_, value] : r.settings) cells.push_back(value);
                cells.push_back(number(t(r.makespan)));
                cells.push_back(number(t(r.cpu)));
                cells.push_back(number(r.utilization));
                cells.push_back(number(t(r.gilWait)));
                for (const auto& p : phases) {
                    const auto d = phaseOf(r, p);
                    cells.push_back(d ? number(t(*d)) : "");
                }
                cells.push_back(std::to_string(exitStatusOf(r.result)));
                cells.push_back(number(r.speedup));
                for (std::size_t c = 0; c < cells.size(); ++c)
                    s << (c ? "," : "") << csvField(cells[c]);
                s << "\n";
            }
        });
    }
    if (wantsImages) {
        CompareImageRequest request;
        request.pngPath = o.pngPath.value_or("");
        request.svgPath = o.svgPath.value_or("");
        request.pdfPath = o.pdfPath.value_or("");
        request.title = o.title ? *o.title : core::describeVariations(variations);
        request.unit = unit;
        request.unitName = unitName;
        request.threadLanes = o.threadLanes;
        request.runs = &runs;
        std::string why;
        if (!compareExporterSlot()(request, &why)) {
            err << "taskscope: error: " << why << "\n";
            ok = false;
        }
    }
    return ok ? kExitOk : kExitBadInput;
}

}  // namespace taskscope::app
