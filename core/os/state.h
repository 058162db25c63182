#pragma once

#include <cstdint>
#include <string_view>

namespace taskscope::core {

// The five states of the classic process model.
enum class ThreadState : std::uint8_t { New, Ready, Running, Waiting, Terminated };
inline constexpr int kThreadStateCount = 5;

// Why a thread is Waiting. Kept small: it is stored in every trace record.
enum class WaitReason : std::uint8_t {
    None,
    Io,         // blocking I/O (a workload's I/O burst, os.system child I/O)
    Disk,       // uninterruptible disk I/O (ps STAT D)
    Sleep,      // time.sleep
    Lock,       // Lock/RLock/Semaphore acquire
    Condition,  // Condition.wait
    Event,      // Event.wait
    Queue,      // queue get/put
    Join,       // Thread.join / Process.join
    Gil,        // waiting for the GIL
    Barrier,    // Barrier.wait
    Pipe,       // Pipe recv / child process wait
    Input,      // input() waiting for a console line
    Stopped,    // SIGSTOP (ps STAT T)
};
inline constexpr int kWaitReasonCount = 14;

// Why a state changed, recorded with every transition so that views can label arrows.
enum class Cause : std::uint8_t {
    None,
    Admit,     // New -> Ready
    Dispatch,  // Ready -> Running
    Timeout,   // Running -> Ready, the time slice expired
    Preempt,   // Running -> Ready, a more urgent thread took the core
    Yield,     // Running -> Ready by the thread's own request
    Block,     // Running -> Waiting
    Wake,      // Waiting -> Ready
    Exit,      // -> Terminated, normal exit
    Killed,    // -> Terminated by a signal
};

std::string_view toString(ThreadState s);
std::string_view toString(WaitReason r);
std::string_view toString(Cause c);

// The ps(1) STAT letter for a thread state: R for Ready *and* Running, S for interruptible
// sleep, D for disk I/O, T when stopped, Z is decided per process (exited, not reaped).
char statLetter(ThreadState s, WaitReason r);

}  // namespace taskscope::core
