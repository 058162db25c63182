#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <stdexcept>
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

// A whole run kept for inspection: the machine, its trace, lookups by name.
struct Sim {
    Machine machine{MachineSettings{}};
    Trace trace;

    const ThreadInfo& thread(const std::string& name) const {
        for (const auto& t : machine.threads())
            if (t.name == name) return t;
        throw std::runtime_error("no thread " + name);
    }
    double finish(const std::string& name) const {
        return thread(name).finish / double(kMillisecond);
    }
    double blocked(const std::string& name) const {
        return thread(name).waitingTime / double(kMillisecond);
    }
    const KernelObject& object(const std::string& name) const {
        for (const auto& o : machine.objects())
            if (o.name == name) return o;
        throw std::runtime_error("no object " + name);
    }
};

inline std::unique_ptr<Sim> simulate(const std::string& json) {
    auto w = parseWorkloadJson(json, "sync.json");
    EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().format());
    auto sim = std::make_unique<Sim>();
    sim->machine = Machine(settingsFor(*w));
    sim->machine.attachTrace(&sim->trace);
    populate(sim->machine, *w);
    sim->machine.runUntil(kNever);
    return sim;
}

}  // namespace taskscope::core::testing
