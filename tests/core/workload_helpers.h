#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/analysis/run_stats.h"
#include "core/sim/machine.h"
#include "core/trace/trace.h"
#include "core/workload/workload.h"

namespace taskscope::core::testing {

// Runs a JSON workload to the end; times in the result are in the workload's unit.
struct RunResult {
    RunStats stats;
    std::map<std::string, ProcessStats> byName;
    std::uint64_t traceHash = 0;
    double unit = 1;

    double waiting(const std::string& p) const { return byName.at(p).waiting / unit; }
    double turnaround(const std::string& p) const { return byName.at(p).turnaround / unit; }
    double response(const std::string& p) const { return byName.at(p).response / unit; }
    double finish(const std::string& p) const { return byName.at(p).finish / unit; }
    double avgWaiting() const { return stats.averageWaiting / unit; }
    double avgTurnaround() const { return stats.averageTurnaround / unit; }
    double avgResponse() const { return stats.averageResponse / unit; }
};

inline RunResult runJson(const std::string& json, int cores = 0) {
    auto w = parseWorkloadJson(json, "test.json");
    EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().format());
    MachineSettings s = settingsFor(*w);
    if (cores > 0) s.cores = cores;
    Machine m(s);
    Trace trace;
    m.attachTrace(&trace);
    populate(m, *w);
    m.runUntil(kNever);
    RunResult r;
    r.stats = computeStats(m);
    for (const auto& p : r.stats.processes) r.byName[p.name] = p;
    r.traceHash = trace.hash();
    r.unit = static_cast<double>(w->unit);
    return r;
}

}  // namespace taskscope::core::testing
