#pragma once

#include <algorithm>
#include <cstdint>

#include "core/os/state.h"
#include "core/util/time.h"

namespace taskscope::core {

enum class RecordKind : std::uint8_t {
    ProcessCreate,  // subject = process, object = parent process (or none)
    ProcessExit,    // subject = process, extra = exit code: now a zombie
    ProcessReap,    // subject = process: gone from the table
    ThreadCreate,   // subject = thread, object = process
    State,          // subject = thread: state/reason/cause, core when Running
    CoreRun,        // core starts running subject
    CoreSwitch,     // core switches context towards subject
    CoreIdle,       // core has nothing to run
    Marker,         // subject = thread, object = string id (taskscope.mark)
    Output,         // subject = thread, object = string id, extra = stream (1 or 2)
    ObjectCreate,   // subject = object, extra = ObjectKind
    Sync,           // subject = thread, object = object, extra = SyncOp, core = value after
    Deadlock,       // subject = thread closing the cycle, object = the object it waits for
    Gil,            // subject = thread, object = process, extra = GilOp
    Line,           // subject = thread, object = the source line it is at (Python programs)
};

inline constexpr std::size_t kRecordKindCount = static_cast<std::size_t>(RecordKind::Line) + 1;

enum class GilOp : std::uint8_t {
    Request,      // wants the GIL and must wait
    Acquire,      // holds it
    DropRequest,  // a waiter's interval expired: the holder must drop it at a check point
    Release,      // dropped it (blocking call, exit, or a drop request)
    Interval,     // the switch interval in force from now (gilInterval()); subject is no thread
};

inline constexpr std::uint32_t kNone = UINT32_MAX;

// The fixed part of a trace record. With the time kept in its own column a record takes
// 8 + 16 = 24 bytes, plus a 4-byte lane index for its core or thread.
struct RecordBody {
    RecordKind kind = RecordKind::State;
    ThreadState state = ThreadState::New;
    WaitReason reason = WaitReason::None;
    Cause cause = Cause::None;
    std::uint16_t core = 0xffff;
    std::uint16_t extra16 = 0;
    std::uint32_t subject = kNone;
    std::uint32_t object = kNone;
};
static_assert(sizeof(RecordBody) == 16);

struct Record {
    SimTime time = 0;
    RecordBody body;
};

// A GilOp::Interval record carries the interval in nanoseconds: the low 32 bits in
// `subject`, the next 16 in `core` (up to 78 hours).
inline void setGilInterval(RecordBody& b, SimTime ns) {
    const auto v = static_cast<std::uint64_t>(std::clamp<SimTime>(ns, 0, (SimTime{1} << 48) - 1));
    b.subject = static_cast<std::uint32_t>(v & 0xffffffffu);
    b.core = static_cast<std::uint16_t>(v >> 32);
}
inline SimTime gilInterval(const RecordBody& b) {
    return static_cast<SimTime>((static_cast<std::uint64_t>(b.core) << 32) | b.subject);
}

}  // namespace taskscope::core
