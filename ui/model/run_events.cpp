#include "ui/model/run_events.h"

#include "core/analysis/deadlock_report.h"
#include "core/sim/machine.h"
#include "core/sync/kernel_object.h"
#include "ui/model/sync_object_rows.h"

namespace taskscope::ui {

using core::RecordKind;

namespace {
std::string processName(const core::Trace& trace, std::uint32_t p) {
    if (p >= trace.processes().size()) return "process " + std::to_string(p);
    const auto& info = trace.processes()[p];
    return info.name + " (pid " + std::to_string(info.pid) + ")";
}
}  // namespace

std::vector<RunEvent> runEvents(const core::Trace& trace, const TraceIndex& index,
                                const core::Machine* machine) {
    std::vector<RunEvent> out;
    out.reserve(index.runEvents().size());
    std::size_t lost = 0;  // the n-th LostUpdate record matches machine->lostUpdates()[n]
    for (const std::uint32_t r : index.runEvents()) {
        const core::RecordBody& b = trace.body(r);
        RunEvent e;
        e.time = trace.time(r);
        e.record = r;
        switch (b.kind) {
            case RecordKind::ProcessCreate:
                e.kind = RunEvent::Kind::Spawn;
                e.text = "spawn " + processName(trace, b.subject);
                break;
            case RecordKind::ProcessExit:
                e.kind = RunEvent::Kind::Exit;
                e.text = "exit " + processName(trace, b.subject) + ", code " +
                         std::to_string(static_cast<std::int16_t>(b.extra16));
                break;
            case RecordKind::Deadlock:
                e.kind = RunEvent::Kind::Deadlock;
                if (machine && machine->deadlock() && machine->deadlock()->time == e.time)
                    e.text = "deadlock: " + core::describeCycle(*machine, *machine->deadlock());
                else
                    e.text = "deadlock: " + threadName(trace, b.subject) + " waits for " +
                             objectLabel(trace, b.object);
                break;
            case RecordKind::Marker:
                e.kind = RunEvent::Kind::Marker;
                e.text = "mark \"" + trace.text(b.object) + "\" by " + threadName(trace, b.subject);
                break;
            case RecordKind::Gil:
                e.kind = RunEvent::Kind::GilDropRequest;
                e.text = threadName(trace, b.subject) + " waited a switch interval: the holder must drop the GIL";
                break;
            case RecordKind::Sync: {
                e.kind = RunEvent::Kind::LostUpdate;
                e.text = "lost update on " + objectLabel(trace, b.object) + ": " + threadName(trace, b.subject);
                const core::LostUpdate* lu = nullptr;
                if (machine && lost < machine->lostUpdates().size()) lu = &machine->lostUpdates()[lost];
                if (lu && lu->time == e.time && lu->thread.value == b.subject)
                    e.text += " overwrote " + threadName(trace, lu->other.value) + "'s write";
                else
                    e.text += " wrote from a stale read";
                ++lost;
                break;
            }
            default: continue;
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace taskscope::ui
