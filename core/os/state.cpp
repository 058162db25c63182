#include "core/os/state.h"

#include "core/util/enum_names.h"

namespace taskscope::core {

std::string_view toString(ThreadState s) {
    static constexpr std::array<std::string_view, 5> kNames = {"new", "ready", "running", "waiting",
                                                               "terminated"};
    return enumName<ThreadState::Terminated>(kNames, s);
}

std::string_view toString(WaitReason r) {
    static constexpr std::array<std::string_view, 14> kNames = {
        "none",  "io",   "disk", "sleep",   "lock", "condition", "event",
        "queue", "join", "gil",  "barrier", "pipe", "input",     "stopped"};
    return enumName<WaitReason::Stopped>(kNames, r);
}

std::string_view toString(Cause c) {
    static constexpr std::array<std::string_view, 10> kNames = {
        "none",  "admit", "dispatch", "timeout", "preempt",
        "yield", "block", "wake",     "exit",    "killed"};
    return enumName<Cause::Killed>(kNames, c);
}

char statLetter(ThreadState s, WaitReason r) {
    switch (s) {
        case ThreadState::New:
        case ThreadState::Ready:
        case ThreadState::Running:
            return 'R';
        case ThreadState::Waiting:
            if (r == WaitReason::Disk) return 'D';
            if (r == WaitReason::Stopped) return 'T';
            return 'S';
        case ThreadState::Terminated:
            return 'Z';
    }
    return '?';
}

}  // namespace taskscope::core
