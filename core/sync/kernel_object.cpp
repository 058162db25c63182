#include "core/sync/kernel_object.h"

namespace taskscope::core {

std::string_view toString(ObjectKind k) {
    switch (k) {
        case ObjectKind::Lock:
            return "Lock";
        case ObjectKind::RLock:
            return "RLock";
        case ObjectKind::Semaphore:
            return "Semaphore";
        case ObjectKind::BoundedSemaphore:
            return "BoundedSemaphore";
        case ObjectKind::Event:
            return "Event";
        case ObjectKind::Condition:
            return "Condition";
        case ObjectKind::Barrier:
            return "Barrier";
        case ObjectKind::Queue:
            return "Queue";
        case ObjectKind::Join:
            return "Join";
        case ObjectKind::Value:
            return "Value";
    }
    return "?";
}

std::string_view toString(SyncOp op) {
    switch (op) {
        case SyncOp::Create:
            return "create";
        case SyncOp::Request:
            return "request";
        case SyncOp::Acquired:
            return "acquired";
        case SyncOp::Release:
            return "release";
        case SyncOp::Timeout:
            return "timeout";
        case SyncOp::Put:
            return "put";
        case SyncOp::Get:
            return "get";
        case SyncOp::Set:
            return "set";
        case SyncOp::Clear:
            return "clear";
        case SyncOp::Notify:
            return "notify";
        case SyncOp::BarrierPass:
            return "pass";
        case SyncOp::Broken:
            return "broken";
        case SyncOp::Load:
            return "load";
        case SyncOp::Store:
            return "store";
        case SyncOp::LostUpdate:
            return "lost update";
    }
    return "?";
}

}  // namespace taskscope::core
