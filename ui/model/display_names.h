#pragma once

#include <QString>

#include "core/analysis/wait_for_graph.h"
#include "core/os/state.h"
#include "core/sync/kernel_object.h"
#include "core/trace/trace.h"

namespace taskscope::ui {

// The translated names of the model's enums, for every view (core::toString gives the
// English identifiers used in files and the command line).
QString stateName(core::ThreadState s);      // New, Ready, Running, Waiting, Terminated
QString reasonName(core::WaitReason r);      // I/O, sleep, lock, GIL, ...
QString causeName(core::Cause c);            // admitted, dispatched, time slice expired, ...
QString objectKindName(core::ObjectKind k);  // Lock, Queue, Event, ...

// A kernel object in a sentence, translated: "Lock lock_a" (锁 lock_a), "join thread-1"
// (等待 thread-1 结束); core::objectLabel is the English one of the command line.
QString objectLabel(core::ObjectKind kind, const std::string& name);
QString objectLabel(const core::Trace& trace, std::uint32_t object);
// A node of a wait-for graph: a thread's name, an object's translated label.
QString nodeLabel(const core::Trace& trace, const core::WaitForGraph::Node& node);
// The cycle of a deadlock, translated: "thread-1 (pid 1001) waits for Lock lock_b held by
// thread-2; ..." (empty without a cycle); core::describeCycle is the English one.
QString describeCycle(const core::Trace& trace, const core::WaitForGraph& graph);

}  // namespace taskscope::ui
