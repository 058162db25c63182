#pragma once

#include <cstdint>
#include <vector>

#include "core/trace/trace.h"
#include "core/util/defaults.h"
#include "core/util/time.h"

namespace taskscope::core {

// The GIL of one process at a time t, as the GIL view draws it.
struct GilProcessState {
    struct Waiter {
        std::uint32_t thread = kNone;
        SimTime since = 0;  // when it asked for the GIL (Request)
    };
    struct ThreadWait {
        std::uint32_t thread = kNone;
        SimTime wait = 0;         // time spent waiting for the GIL up to t
        std::uint32_t turns = 0;  // times it acquired the GIL up to t
    };
    std::uint32_t process = kNone;
    std::uint32_t holder = kNone;  // kNone: nobody holds it at t
    SimTime holderSince = 0;
    bool dropRequest = false;                   // a DropRequest is pending at t
    SimTime interval = kDefaultSwitchInterval;  // the switch interval in force at t
    std::uint32_t handoffs = 0;  // Acquire records by another thread than the previous one
    std::uint32_t acquisitions = 0;
    std::vector<Waiter> waiters;      // in request order
    std::vector<ThreadWait> threads;  // every thread that has used the GIL, by thread index
};

// GIL records (RecordKind::Gil) of a trace grouped per process, read incrementally (the
// trace is append-only). stateAt() replays one process's records up to t.
class GilModel {
public:
    void clear();
    void update(const Trace& trace);
    // Processes with GIL activity, in index order.
    std::vector<std::uint32_t> processes() const;
    bool hasGil() const { return m_any; }
    GilProcessState stateAt(const Trace& trace, std::uint32_t process, SimTime t) const;

private:
    std::vector<std::vector<std::uint32_t>> m_records;  // per process: Gil record indexes
    std::size_t m_scanned = 0;
    bool m_any = false;
};

}  // namespace taskscope::core
