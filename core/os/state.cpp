#include "core/os/state.h"

namespace taskscope::core {

std::string_view toString(ThreadState s) {
    switch (s) {
        case ThreadState::New:
            return "new";
        case ThreadState::Ready:
            return "ready";
        case ThreadState::Running:
            return "running";
        case ThreadState::Waiting:
            return "waiting";
        case ThreadState::Terminated:
            return "terminated";
    }
    return "?";
}

std::string_view toString(WaitReason r) {
    switch (r) {
        case WaitReason::None:
            return "none";
        case WaitReason::Io:
            return "io";
        case WaitReason::Disk:
            return "disk";
        case WaitReason::Sleep:
            return "sleep";
        case WaitReason::Lock:
            return "lock";
        case WaitReason::Condition:
            return "condition";
        case WaitReason::Event:
            return "event";
        case WaitReason::Queue:
            return "queue";
        case WaitReason::Join:
            return "join";
        case WaitReason::Gil:
            return "gil";
        case WaitReason::Barrier:
            return "barrier";
        case WaitReason::Pipe:
            return "pipe";
        case WaitReason::Input:
            return "input";
        case WaitReason::Stopped:
            return "stopped";
    }
    return "?";
}

std::string_view toString(Cause c) {
    switch (c) {
        case Cause::None:
            return "none";
        case Cause::Admit:
            return "admit";
        case Cause::Dispatch:
            return "dispatch";
        case Cause::Timeout:
            return "timeout";
        case Cause::Preempt:
            return "preempt";
        case Cause::Yield:
            return "yield";
        case Cause::Block:
            return "block";
        case Cause::Wake:
            return "wake";
        case Cause::Exit:
            return "exit";
        case Cause::Killed:
            return "killed";
    }
    return "?";
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
