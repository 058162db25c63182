#include "ui/model/display_names.h"

#include <QCoreApplication>

namespace taskscope::ui {

using core::Cause;
using core::ThreadState;
using core::WaitReason;

QString stateName(ThreadState s) {
    switch (s) {
        case ThreadState::New:
            return QCoreApplication::translate("State", "New");
        case ThreadState::Ready:
            return QCoreApplication::translate("State", "Ready");
        case ThreadState::Running:
            return QCoreApplication::translate("State", "Running");
        case ThreadState::Waiting:
            return QCoreApplication::translate("State", "Waiting");
        case ThreadState::Terminated:
            return QCoreApplication::translate("State", "Terminated");
    }
    return QStringLiteral("?");
}

QString reasonName(WaitReason r) {
    switch (r) {
        case WaitReason::None:
            return QCoreApplication::translate("WaitReason", "none");
        case WaitReason::Io:
            return QCoreApplication::translate("WaitReason", "I/O");
        case WaitReason::Disk:
            return QCoreApplication::translate("WaitReason", "disk");
        case WaitReason::Sleep:
            return QCoreApplication::translate("WaitReason", "sleep");
        case WaitReason::Lock:
            return QCoreApplication::translate("WaitReason", "lock");
        case WaitReason::Condition:
            return QCoreApplication::translate("WaitReason", "condition");
        case WaitReason::Event:
            return QCoreApplication::translate("WaitReason", "event");
        case WaitReason::Queue:
            return QCoreApplication::translate("WaitReason", "queue");
        case WaitReason::Join:
            return QCoreApplication::translate("WaitReason", "join");
        case WaitReason::Gil:
            return QCoreApplication::translate("WaitReason", "GIL");
        case WaitReason::Barrier:
            return QCoreApplication::translate("WaitReason", "barrier");
        case WaitReason::Pipe:
            return QCoreApplication::translate("WaitReason", "pipe");
        case WaitReason::Input:
            return QCoreApplication::translate("WaitReason", "input");
        case WaitReason::Stopped:
            return QCoreApplication::translate("WaitReason", "stopped");
    }
    return QStringLiteral("?");
}

QString causeName(Cause c) {
    switch (c) {
        case Cause::None:
            return QCoreApplication::translate("Cause", "none");
        case Cause::Admit:
            return QCoreApplication::translate("Cause", "admit");
        case Cause::Dispatch:
            return QCoreApplication::translate("Cause", "dispatch");
        case Cause::Timeout:
            return QCoreApplication::translate("Cause", "time slice expired");
        case Cause::Preempt:
            return QCoreApplication::translate("Cause", "preempted");
        case Cause::Yield:
            return QCoreApplication::translate("Cause", "yield");
        case Cause::Block:
            return QCoreApplication::translate("Cause", "block");
        case Cause::Wake:
            return QCoreApplication::translate("Cause", "wake up");
        case Cause::Exit:
            return QCoreApplication::translate("Cause", "exit");
        case Cause::Killed:
            return QCoreApplication::translate("Cause", "killed");
    }
    return QStringLiteral("?");
}

}  // namespace taskscope::ui
