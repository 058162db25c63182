#pragma once

#include <cstdint>
#include <vector>

#include "core/os/state.h"
#include "core/trace/record.h"

namespace taskscope::core {

// What every thread, core and process looked like at one instant, rebuilt from the trace.
// It is what the views show at the cursor.
struct TraceState {
    struct Thread {
        bool exists = false;
        ThreadState state = ThreadState::New;
        WaitReason reason = WaitReason::None;
        std::uint16_t core = 0xffff;
        std::uint32_t waitingOn = kNone;  // kernel object
        std::uint32_t line = 0;           // Python source line (0: unknown)
    };
    struct Object {
        std::uint32_t holder = kNone;  // Lock/RLock owner
        std::uint16_t value = 0;       // queue length, semaphore value, event flag
        std::uint16_t waiters = 0;
    };
    struct Core {
        enum class Activity : std::uint8_t { Idle, Switching, Running };
        Activity activity = Activity::Idle;
        std::uint32_t thread = kNone;
    };
    struct Process {
        bool exists = false;
        bool zombie = false;
        bool reaped = false;
        bool gilDropRequest = false;
        int exitCode = 0;
        std::uint32_t gilHolder = kNone;
    };

    SimTime time = 0;
    std::size_t applied = 0;  // records applied
    std::vector<Thread> threads;
    std::vector<Core> cores;
    std::vector<Process> processes;
    std::vector<Object> objects;
    std::uint32_t deadlocks = 0;

    void apply(const Record& r);
    friend bool operator==(const TraceState&, const TraceState&) = default;
};
static_assert(sizeof(TraceState::Thread) == 16 && sizeof(TraceState::Process) == 12,
              "stored states keep one of each per thread and process: keep them small");

// Applies one record to a state held in any storage: `s` gives thread(i), process(i),
// object(i) and core(i) (growing as needed) and the fields time, applied and deadlocks.
// TraceState::apply and the trace's stored states (core/trace/stored_state.h) share it.
template <typename S>
void applyRecord(S& s, const Record& r);

inline bool operator==(const TraceState::Thread& a, const TraceState::Thread& b) {
    return a.exists == b.exists && a.state == b.state && a.reason == b.reason && a.core == b.core &&
           a.waitingOn == b.waitingOn && a.line == b.line;
}
inline bool operator==(const TraceState::Object& a, const TraceState::Object& b) {
    return a.holder == b.holder && a.value == b.value && a.waiters == b.waiters;
}
inline bool operator==(const TraceState::Core& a, const TraceState::Core& b) {
    return a.activity == b.activity && a.thread == b.thread;
}
inline bool operator==(const TraceState::Process& a, const TraceState::Process& b) {
    return a.exists == b.exists && a.zombie == b.zombie && a.reaped == b.reaped &&
           a.exitCode == b.exitCode && a.gilHolder == b.gilHolder &&
           a.gilDropRequest == b.gilDropRequest;
}

}  // namespace taskscope::core
