#include "core/sync/kernel_object.h"

#include "core/util/enum_names.h"

namespace taskscope::core {

std::string_view toString(ObjectKind k) {
    static constexpr std::array<std::string_view, 10> kNames = {
        "Lock",  "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition", "Barrier",
        "Queue", "Join",  "Value"};
    return enumName<ObjectKind::Value>(kNames, k);
}

std::string_view toString(SyncOp op) {
    static constexpr std::array<std::string_view, 15> kNames = {
        "create", "request", "acquired", "release", "timeout", "put",   "get",        "set",
        "clear",  "notify",  "pass",     "broken",  "load",    "store", "lost update"};
    return enumName<SyncOp::LostUpdate>(kNames, op);
}

}  // namespace taskscope::core
