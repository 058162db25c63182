#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/trace_index.h"
#include "core/sync/kernel_object.h"
#include "core/trace/trace.h"

namespace taskscope::core {

class Machine;

// One kernel object as the Sync objects view shows it at the cursor.
struct SyncObjectRow {
    std::uint32_t object = kNone;
    ObjectKind kind = ObjectKind::Lock;
    std::string name;
    std::uint32_t holder = kNone;        // Lock / RLock owner (a thread index)
    std::vector<std::uint32_t> waiters;  // threads blocked on it, by thread index
    int value = 0;                       // queue length, semaphore value, barrier arrivals,
                                         // event flag (0/1), shared value
    int capacity = -1;                   // queue capacity, barrier parties, bound (-1: none)
    int highWater = 0;                   // queue: the longest it has been so far
    int lostUpdates = 0;                 // shared value: lost updates so far
    int acquisitions = 0;                // locks, semaphores: acquisitions so far
    int stores = 0;                      // shared value: writes so far
    std::uint32_t joinTarget = kNone;    // Join: the thread waited for
    std::string summary;                 // one line: "held by T1, 1 waiting"
};

// Every kernel object of the run (Join objects only while someone waits on them) as it is
// at `state`. `machine` (may be null) supplies what the trace does not carry: queue
// capacity, barrier parties, join targets.
std::vector<SyncObjectRow> syncObjectRows(const Trace& trace, const TraceIndex& index,
                                          const TraceState& state, const Machine* machine);

}  // namespace taskscope::core
