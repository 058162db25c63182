#include "ui/model/display_names.h"

#include <QCoreApplication>
#include <QStringList>

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

namespace taskscope::ui {

QString objectKindName(core::ObjectKind k) {
    using core::ObjectKind;
    switch (k) {
        case ObjectKind::Lock:
            return QCoreApplication::translate("ObjectKind", "Lock");
        case ObjectKind::RLock:
            return QCoreApplication::translate("ObjectKind", "RLock");
        case ObjectKind::Semaphore:
            return QCoreApplication::translate("ObjectKind", "Semaphore");
        case ObjectKind::BoundedSemaphore:
            return QCoreApplication::translate("ObjectKind", "BoundedSemaphore");
        case ObjectKind::Event:
            return QCoreApplication::translate("ObjectKind", "Event");
        case ObjectKind::Condition:
            return QCoreApplication::translate("ObjectKind", "Condition");
        case ObjectKind::Barrier:
            return QCoreApplication::translate("ObjectKind", "Barrier");
        case ObjectKind::Queue:
            return QCoreApplication::translate("ObjectKind", "Queue");
        case ObjectKind::Join:
            return QCoreApplication::translate("ObjectKind", "Join");
        case ObjectKind::Value:
            return QCoreApplication::translate("ObjectKind", "Value");
    }
    return QStringLiteral("?");
}

QString objectLabel(core::ObjectKind kind, const std::string& name) {
    const QString n = QString::fromStdString(name);
    if (kind == core::ObjectKind::Join) {
        // The machine names a join after its thread: "join T2".
        const QString target = n.startsWith(QLatin1String("join ")) ? n.mid(5) : n;
        return QCoreApplication::translate("ObjectKind", "join %1").arg(target);
    }
    return QCoreApplication::translate("ObjectKind", "%1 %2", "kind, then the object's name")
        .arg(objectKindName(kind), n);
}

QString objectLabel(const core::Trace& trace, std::uint32_t object) {
    if (object >= trace.objects().size())
        return QCoreApplication::translate("ObjectKind", "object %1").arg(object);
    const auto& info = trace.objects()[object];
    return ui::objectLabel(static_cast<core::ObjectKind>(info.kind), info.name);
}

QString nodeLabel(const core::Trace& trace, const core::WaitForGraph::Node& node) {
    return node.thread ? QString::fromStdString(node.label) : ui::objectLabel(trace, node.index);
}

QString describeCycle(const core::Trace& trace, const core::WaitForGraph& g) {
    QStringList steps;
    for (std::size_t i = 0; i + 1 < g.cycle.size(); i += 2) {
        const auto& t = g.nodes[static_cast<std::size_t>(g.cycle[i])];
        const auto& o = g.nodes[static_cast<std::size_t>(g.cycle[i + 1])];
        const auto& next = g.nodes[static_cast<std::size_t>(g.cycle[(i + 2) % g.cycle.size()])];
        steps << QCoreApplication::translate("WaitForGraph", "%1 waits for %2 held by %3")
                     .arg(QString::fromStdString(t.detail), nodeLabel(trace, o),
                          QString::fromStdString(next.name));
    }
    return steps.join(
        QCoreApplication::translate("WaitForGraph", "; ", "between the steps of a cycle"));
}

}  // namespace taskscope::ui
