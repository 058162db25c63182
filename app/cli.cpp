#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <ostream>

#include "app/run_command.h"
#include "core/sched/policy.h"

namespace taskscope::app {

bool isHeadlessCommand(int argc, char** argv) {
    if (argc < 2) return false;
    const std::string first = argv[1];
    return first == "run" || first == "--help" || first == "-h" || first == "--version";
}

int runCli(int argc, char** argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"Taskscope: watch processes, threads and the GIL run on a simulated machine.",
                 "taskscope"};
    app.set_version_flag("--version", std::string("taskscope ") + TASKSCOPE_VERSION_STRING);
    app.require_subcommand(1);
    RunOptions o;
    auto* run = app.add_subcommand("run", "Run a workload (.json/.csv) or program (.py) headless");
    run->add_option("file", o.file, "workload or program file")->required();
    run->add_option("--cores", o.cores, "number of cores (1-64)")->check(CLI::Range(1, 64));
    run->add_option("--policy", o.policy,
                    "scheduling policy: " + core::policyNames());
    run->add_option("--quantum", o.quantum, "time slice, in the file's time unit")
        ->check(CLI::PositiveNumber);
    run->add_option("--context-switch", o.contextSwitch,
                    "cost of a context switch, in the file's time unit")
        ->check(CLI::NonNegativeNumber);
    run->add_option("--seed", o.seed, "random seed (same seed, same run)");
    run->add_option("--until", o.until, "stop at this simulated time (file's time unit)")
        ->check(CLI::NonNegativeNumber);
    run->add_option("--stats", o.statsPath, "write statistics as JSON to FILE ('-' = stdout)");
    run->add_option("--trace", o.tracePath, "write a Chrome trace (Perfetto) JSON to FILE");
    run->add_option("--csv", o.csvPath, "write one CSV row per run slice to FILE");
    run->add_option("--stats-csv", o.statsCsvPath, "write one CSV row of statistics per process to FILE");
    run->add_flag("--summary", o.summary, "print a table of per-process statistics");
    run->add_option("--max-steps", o.maxSteps, "stop after this many scheduler steps (Python programs)")
        ->check(CLI::PositiveNumber);
    run->add_option("--switch-interval", o.switchInterval, "GIL switch interval in ms (default 5)")
        ->check(CLI::PositiveNumber);
    run->add_flag("--no-gil", o.noGil, "run Python free-threaded (no GIL, as python3.13t)");
    run->add_option("--start-method", o.startMethod, "multiprocessing start method: fork, spawn, forkserver");
    run->add_option("--cost-scale", o.costScale, "multiply every simulated cost (2 = a CPU twice as slow)")
        ->check(CLI::PositiveNumber);
    run->add_option("args", o.programArgs, "arguments for a Python program (sys.argv[1:]); put them after --");

    try {
        app.parse(argc, argv);
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
        err << "taskscope: error: " << e.what() << "\n"
            << "Run 'taskscope run --help' to see the options.\n";
        return kExitBadInput;
    }
    if (run->parsed()) return runCommand(o, out, err);
    return kExitBadInput;
}

}  // namespace taskscope::app
