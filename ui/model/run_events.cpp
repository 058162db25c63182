#include "ui/model/run_events.h"

#include <QCoreApplication>
#include <QString>

#include "core/analysis/labels.h"
#include "core/analysis/wait_for_graph.h"
#include "core/sim/machine.h"
#include "core/sync/kernel_object.h"
#include "ui/model/display_names.h"

namespace taskscope::ui {

using core::RecordKind;

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}

std::string processName(const core::Trace& trace, std::uint32_t p) {
    if (p >= trace.processes().size())
        return QCoreApplication::translate("RunEvents", "process %1").arg(p).toStdString();
    const auto& info = trace.processes()[p];
    return QCoreApplication::translate("RunEvents", "%1 (pid %2)")
        .arg(q(info.name))
        .arg(info.pid)
        .toStdString();
}
}  // namespace

std::vector<RunEvent> runEvents(const core::Trace& trace, const core::TraceIndex& index,
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
                e.text = QCoreApplication::translate("RunEvents", "spawn %1")
                             .arg(q(processName(trace, b.subject)))
                             .toStdString();
                break;
            case RecordKind::ProcessExit:
                e.kind = RunEvent::Kind::Exit;
                e.text = QCoreApplication::translate("RunEvents", "exit %1, code %2")
                             .arg(q(processName(trace, b.subject)))
                             .arg(static_cast<std::int16_t>(b.extra16))
                             .toStdString();
                break;
            case RecordKind::Deadlock:
                e.kind = RunEvent::Kind::Deadlock;
                if (machine && machine->deadlock() && machine->deadlock()->time == e.time)
                    e.text = QCoreApplication::translate("RunEvents", "deadlock: %1")
                                 .arg(ui::describeCycle(trace, core::waitForGraph(*machine)))
                                 .toStdString();
                else
                    e.text = QCoreApplication::translate("RunEvents", "deadlock: %1 waits for %2")
                                 .arg(q(core::threadName(trace, b.subject)),
                                      ui::objectLabel(trace, b.object))
                                 .toStdString();
                break;
            case RecordKind::Marker:
                e.kind = RunEvent::Kind::Marker;
                e.text = QCoreApplication::translate("RunEvents", "mark \"%1\" by %2")
                             .arg(q(trace.text(b.object)), q(core::threadName(trace, b.subject)))
                             .toStdString();
                break;
            case RecordKind::Gil:
                e.kind = RunEvent::Kind::GilDropRequest;
                e.text =
                    QCoreApplication::translate(
                        "RunEvents", "%1 waited a switch interval: the holder must drop the GIL")
                        .arg(q(core::threadName(trace, b.subject)))
                        .toStdString();
                break;
            case RecordKind::Sync: {
                e.kind = RunEvent::Kind::LostUpdate;
                const QString who = q(core::threadName(trace, b.subject));
                const QString what = ui::objectLabel(trace, b.object);
                const core::LostUpdate* lu = nullptr;
                if (machine && lost < machine->lostUpdates().size())
                    lu = &machine->lostUpdates()[lost];
                if (lu && lu->time == e.time && lu->thread.value == b.subject)
                    e.text = QCoreApplication::translate(
                                 "RunEvents", "lost update on %1: %2 overwrote %3's write")
                                 .arg(what, who, q(core::threadName(trace, lu->other.value)))
                                 .toStdString();
                else
                    e.text = QCoreApplication::translate(
                                 "RunEvents", "lost update on %1: %2 wrote from a stale read")
                                 .arg(what, who)
                                 .toStdString();
                ++lost;
                break;
            }
            default:
                continue;
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace taskscope::ui
