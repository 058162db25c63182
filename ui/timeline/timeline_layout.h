#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/trace/trace.h"

namespace taskscope::ui {

// One horizontal row of the timeline.
struct TimelineRow {
    enum class Kind { Section, Core, Process, Thread, Gil };
    Kind kind = Kind::Section;
    std::uint32_t index = 0;  // core, process or thread index (Gil: the process)
    int y = 0;                // top, in content coordinates
    int height = 0;
    std::string label;
};

struct TimelineLayoutOptions {
    int laneHeight = 20;
    int headerHeight = 20;
    bool gilLanes = false;           // one lane per process for its GIL (holder, waiters) ...
    bool gilSingleThreaded = false;  // ... also for a process with one thread (else not:
                                     // its GIL never changes hands)
    bool threadLanes = true;  // off (exports): cores only, processes kept for their GIL lanes
    // Left out (reveal as it plays: not created yet), by thread / process index; may be
    // shorter than the trace's tables.
    std::vector<char> hiddenThreads;
    std::vector<char> hiddenProcesses;
};

// The rows for a trace: a "CPU cores" section with one lane per core, then each process (by
// pid) as a header followed by its threads (and its GIL lane). Threads the trace does not
// know yet are left out, so the layout grows as a program spawns.
std::vector<TimelineRow> layoutTimeline(const core::Trace& trace,
                                        const TimelineLayoutOptions& options);
// Total content height.
int layoutHeight(const std::vector<TimelineRow>& rows);
// The row at content y (-1: none).
int rowAt(const std::vector<TimelineRow>& rows, int y);

}  // namespace taskscope::ui
