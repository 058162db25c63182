#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/analysis/trace_index.h"
#include "core/sim/machine.h"
#include "core/trace/trace.h"
#include "core/workload/workload.h"

namespace taskscope::core::testing {

// A workload file run to its end as the GUI runs it (its own settings), with the trace
// indexed: what the analysis models read.
struct IndexedRun {
    Machine machine{MachineSettings{}};
    Trace trace;
    TraceIndex index;

    TraceState at(SimTime t) const { return trace.stateAt(t); }
    SimTime endTime() const { return trace.endTime(); }
    std::uint32_t thread(const std::string& name) const {
        for (std::uint32_t i = 0; i < trace.threads().size(); ++i)
            if (trace.threads()[i].name == name) return i;
        return kNone;
    }
};

inline std::unique_ptr<IndexedRun> runFile(const std::string& path) {
    auto w = loadWorkload(path);
    EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().format());
    auto run = std::make_unique<IndexedRun>();
    if (!w.ok()) return run;
    run->machine = Machine(settingsFor(*w));
    run->machine.attachTrace(&run->trace);
    populate(run->machine, *w);
    run->machine.runUntil(kNever);
    run->index.update(run->trace);
    return run;
}

// Files of the repository: tests/ui/data, resources/workloads.
inline std::string sourceFile(const std::string& relative) {
    return std::string(TASKSCOPE_SOURCE_DIR) + "/" + relative;
}

}  // namespace taskscope::core::testing
