#pragma once
// What-if: one program under several settings. Each `--vary NAME=V1,V2,...` names a run
// setting (RunOverrides::names()) and its values; several give their cross product, the first
// varying slowest. Runs are independent (each its own Machine) and computed in parallel;
// the result does not depend on the number of worker threads.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/session/session.h"

namespace taskscope::core {

struct Variation {
    std::string name;                 // one of RunOverrides::names()
    std::vector<std::string> values;  // as the user wrote them, each checked by RunOverrides
};

// "cores=1,2,4" (values separated by commas; `args` values are the program's arguments,
// words separated by spaces). Bad names and values are returned as a message that names
// the option: `--vary cores: expected a whole number from 1 to 64, got "0"`.
Expected<Variation> parseVariation(std::string_view text);

// One configuration: (name, value) for each variation, in their order.
using Setting = std::pair<std::string, std::string>;
std::vector<std::vector<Setting>> crossProduct(const std::vector<Variation>& variations);

// The figures of one run, times in nanoseconds.
struct CompareRun {
    std::vector<Setting> settings;
    RunResult result;        // the machine and its trace, for pictures and the GUI
    SimTime makespan = 0;    // the run's end: the last process's exit (or where it stopped)
    SimTime cpu = 0;         // CPU time of every thread
    SimTime gilWait = 0;     // time threads waited for the GIL, summed
    double utilization = 0;  // busy fraction of the cores over the makespan, averaged
    double speedup = 1;      // the first run's makespan / this one's
    std::vector<std::pair<std::string, SimTime>> phases;  // taskscope.mark() phases
};

struct CompareOptions {
    // The configuration every run starts from (unset: the program's defaults), then `base`,
    // then the run's variation.
    std::optional<RunConfig> config;
    RunOverrides base;
    RunLimits limits;
    int workers = 0;  // threads computing runs; 0 = the machine's cores
    // Called after each run (from a worker thread): runs done so far, runs in all. Returns
    // false to cancel the rest.
    std::function<bool(int done, int total)> progress;
};

// Runs every configuration. A program that does not compile fails the whole comparison
// with its diagnostic; a run that deadlocks or stops is a row like the others (its `end`).
Expected<std::vector<CompareRun>> compareRuns(const ProgramSource& program,
                                              const std::vector<Variation>& variations,
                                              const CompareOptions& options);

// The comparison a lesson suggests: its "# compare: cores=1,2; gil=on,off" header line (in the
// comment block at the top of a Python program), as --vary texts; empty when there is none.
std::vector<std::string> comparePreset(std::string_view source);

// "cores × gil" for the title of a comparison.
std::string describeVariations(const std::vector<Variation>& variations);

}  // namespace taskscope::core
