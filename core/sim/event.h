#pragma once

#include <cstdint>

#include "core/util/time.h"

namespace taskscope::core {

enum class EventKind : std::uint8_t {
    Create,       // a thread appears (New) and is admitted
    Admit,        // New -> Ready
    Wake,         // Waiting -> Ready, if the block it ends is still current
    Timer,        // calls the machine's extension (runtime timers)
    GilInterval,  // a GIL waiter's switch interval elapsed (subject = thread, arg = seq)
};

// Ordered by (time, priority, sequence): ties are broken the same way on every run.
struct Event {
    SimTime time = 0;
    std::uint32_t priority = 0;
    std::uint64_t sequence = 0;
    EventKind kind = EventKind::Create;
    std::uint32_t subject = 0;
    std::uint64_t arg = 0;

    bool before(const Event& o) const {
        if (time != o.time) return time < o.time;
        if (priority != o.priority) return priority < o.priority;
        return sequence < o.sequence;
    }
};

// Event priorities at one instant: arrivals enter the ready queue before I/O completions.
inline constexpr std::uint32_t kPriorityCreate = 0;
inline constexpr std::uint32_t kPriorityWake = 10;
inline constexpr std::uint32_t kPriorityTimer = 20;

}  // namespace taskscope::core
