#include "core/analysis/sync_object_rows.h"

#include "core/analysis/labels.h"
#include "core/sim/machine.h"

namespace taskscope::core {

std::vector<SyncObjectRow> syncObjectRows(const Trace& trace, const TraceIndex& index,
                                          const TraceState& state, const Machine* machine) {
    std::vector<SyncObjectRow> rows;
    const auto& infos = trace.objects();
    for (std::uint32_t o = 0; o < infos.size(); ++o) {
        // Objects appear with their ObjectCreate record; before it they do not exist yet.
        if (o >= state.objects.size()) continue;
        SyncObjectRow row;
        row.object = o;
        row.kind = static_cast<ObjectKind>(infos[o].kind);
        row.name = infos[o].name;
        const auto& so = state.objects[o];
        row.value = so.value;
        for (std::uint32_t t = 0; t < state.threads.size(); ++t)
            if (state.threads[t].exists && state.threads[t].waitingOn == o)
                row.waiters.push_back(t);
        if (row.kind == ObjectKind::Join && row.waiters.empty()) continue;
        if (row.kind == ObjectKind::Lock || row.kind == ObjectKind::RLock) row.holder = so.holder;
        if (machine && o < machine->objects().size()) {
            const KernelObject& k = machine->objects()[o];
            if (row.kind == ObjectKind::Queue || row.kind == ObjectKind::Barrier ||
                row.kind == ObjectKind::BoundedSemaphore)
                row.capacity = k.limit > 0 ? static_cast<int>(k.limit) : -1;
            if (row.kind == ObjectKind::Join && k.target.valid()) row.joinTarget = k.target.value;
        }
        if (const ObjectPoint* p = index.objectPointAt(o, state.time)) {
            row.highWater = static_cast<int>(p->highWater);
            row.lostUpdates = static_cast<int>(p->lostUpdates);
            row.acquisitions = static_cast<int>(p->acquisitions);
            row.stores = static_cast<int>(p->stores);
        }
        const std::string waiting = row.waiters.empty()
                                        ? std::string()
                                        : ", " + std::to_string(row.waiters.size()) + " waiting";
        switch (row.kind) {
            case ObjectKind::Lock:
            case ObjectKind::RLock:
                row.summary = (row.holder == kNone ? std::string("free")
                                                   : "held by " + threadName(trace, row.holder)) +
                              waiting;
                break;
            case ObjectKind::Queue:
                row.summary =
                    std::to_string(row.value) +
                    (row.capacity > 0 ? " of " + std::to_string(row.capacity) : std::string()) +
                    " items, high-water " + std::to_string(row.highWater) + waiting;
                break;
            case ObjectKind::Event:
                row.summary = (row.value ? "set" : "clear") + waiting;
                break;
            case ObjectKind::Semaphore:
            case ObjectKind::BoundedSemaphore:
                row.summary = "value " + std::to_string(row.value) + waiting;
                break;
            case ObjectKind::Barrier:
                row.summary = std::to_string(row.value) + " of " +
                              (row.capacity > 0 ? std::to_string(row.capacity) : std::string("?")) +
                              " arrived" + waiting;
                break;
            case ObjectKind::Condition:
                row.summary = std::to_string(row.waiters.size()) + " waiting";
                break;
            case ObjectKind::Join:
                row.summary = (row.joinTarget == kNone
                                   ? std::string("until a thread ends")
                                   : "until " + threadName(trace, row.joinTarget) + " ends") +
                              waiting;
                break;
            case ObjectKind::Value:
                row.summary = "= " + std::to_string(row.value) + " after " +
                              std::to_string(row.stores) + " writes, " +
                              std::to_string(row.lostUpdates) + " lost update" +
                              (row.lostUpdates == 1 ? "" : "s");
                break;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace taskscope::core
