#include "core/session/compare.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <numeric>
#include <thread>

#include "core/analysis/phases.h"
#include "core/analysis/run_stats.h"
#include "core/workload/lesson_header.h"

namespace taskscope::core {

namespace {

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

Diagnostic optionError(const std::string& message) {
    return Diagnostic{.message = "--vary " + message};
}

}  // namespace

Expected<Variation> parseVariation(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos)
        return optionError("\"" + std::string(text) +
                           "\": expected NAME=V1,V2,... such as cores=1,2,4");
    Variation v;
    v.name = trimmed(text.substr(0, eq));
    const auto& names = RunOverrides::names();
    if (std::find(names.begin(), names.end(), v.name) == names.end()) {
        std::string known;
        for (const auto n : names) known += (known.empty() ? "" : ", ") + std::string(n);
        return optionError("\"" + v.name + "\": unknown setting; expected one of " + known);
    }
    std::string_view rest = text.substr(eq + 1);
    if (trimmed(rest).empty()) return optionError(v.name + ": no values given after '='");
    while (true) {
        const auto comma = rest.find(',');
        const std::string value = trimmed(rest.substr(0, comma));
        // An empty `args` value is the program without arguments; elsewhere it is a typo.
        if (value.empty() && v.name != "args")
            return optionError(v.name + ": an empty value in \"" + std::string(text) + "\"");
        RunOverrides check;
        std::string why;
        if (!check.set(v.name, value, &why)) return optionError(why);
        if (std::find(v.values.begin(), v.values.end(), value) != v.values.end())
            return optionError(v.name + ": \"" + value + "\" is given twice");
        v.values.push_back(value);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return v;
}

std::vector<std::vector<Setting>> crossProduct(const std::vector<Variation>& variations) {
    std::vector<std::vector<Setting>> rows{{}};
    for (const Variation& v : variations) {
        std::vector<std::vector<Setting>> next;
        next.reserve(rows.size() * v.values.size());
        for (const auto& row : rows)
            for (const std::string& value : v.values) {
                next.push_back(row);
                next.back().emplace_back(v.name, value);
            }
        rows = std::move(next);
    }
    return rows;
}

std::vector<std::string> comparePreset(std::string_view source) {
    return readLessonHeader(source, std::string()).compareSettings();
}

std::string describeVariations(const std::vector<Variation>& variations) {
    std::string s;
    for (const Variation& v : variations) s += (s.empty() ? "" : " × ") + v.name;
    return s;
}

Expected<std::vector<CompareRun>> compareRuns(const ProgramSource& program,
                                              const std::vector<Variation>& variations,
                                              const CompareOptions& options) {
    const auto configs = crossProduct(variations);
    const int total = static_cast<int>(configs.size());
    std::vector<CompareRun> runs(configs.size());
    std::vector<std::optional<Diagnostic>> errors(configs.size());
    std::atomic<int> next{0}, done{0};
    std::atomic<bool> cancelled{false};
    std::mutex progressMutex;

    auto work = [&] {
        for (int i; !cancelled && (i = next++) < total;) {
            const auto index = static_cast<std::size_t>(i);
            RunConfig config = options.config ? *options.config : defaultRunConfig(program);
            RunOverrides o = options.base;
            for (const auto& [name, value] : configs[index])
                o.set(name, value, nullptr);  // checked by parseVariation
            applyOverrides(config, o);
            auto result = runProgram(program, config, options.limits);
            if (!result) {
                errors[index] = result.error();
                cancelled = true;
                break;
            }
            CompareRun& run = runs[index];
            run.settings = configs[index];
            run.result = std::move(*result);
            const Machine& m = *run.result.machine;
            const RunStats stats = computeStats(m);
            run.makespan = stats.end;
            for (const ThreadStats& t : stats.threads) {
                run.cpu += t.cpu;
                run.gilWait += t.gilWait;
            }
            if (!stats.utilization.empty())
                run.utilization =
                    std::accumulate(stats.utilization.begin(), stats.utilization.end(), 0.0) /
                    static_cast<double>(stats.utilization.size());
            // Phases by label (a label marked in several threads adds up), first seen first.
            TraceIndex traceIndex;
            traceIndex.update(*run.result.trace);
            for (const Phase& ph : phasesAt(*run.result.trace, traceIndex, stats.end)) {
                auto it = std::find_if(run.phases.begin(), run.phases.end(),
                                       [&](const auto& e) { return e.first == ph.label; });
                if (it == run.phases.end())
                    run.phases.emplace_back(ph.label, ph.duration());
                else
                    it->second += ph.duration();
            }
            const int finished = ++done;
            if (options.progress) {
                std::lock_guard lock(progressMutex);
                if (!options.progress(finished, total)) cancelled = true;
            }
        }
    };
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int workers = std::clamp(options.workers > 0 ? options.workers : hardware, 1, total);
    if (workers == 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        for (int w = 0; w < workers; ++w) pool.emplace_back(work);
    }
    for (const auto& e : errors)
        if (e) return *e;
    if (cancelled) return Diagnostic{.message = "the comparison was cancelled"};
    for (CompareRun& run : runs)
        run.speedup = run.makespan > 0 ? static_cast<double>(runs.front().makespan) /
                                             static_cast<double>(run.makespan)
                                       : 1.0;
    return runs;
}

}  // namespace taskscope::core
