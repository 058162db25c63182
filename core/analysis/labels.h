#pragma once

#include <cstdint>
#include <string>

#include "core/sim/machine.h"
#include "core/sync/kernel_object.h"
#include "core/trace/trace.h"

namespace taskscope::core {

// The English names of threads and kernel objects in reports and views (one home for the
// machine's and the trace's side).

// "Lock A", "Queue q"; a Join object is already named after its thread ("join T2").
std::string objectLabel(ObjectKind kind, const std::string& name);
std::string objectLabel(const KernelObject& o);
// From the trace's tables ("object 7" for an index it does not know).
std::string objectLabel(const Trace& trace, std::uint32_t object);
// A thread's name from the trace ("thread 7" for an index it does not know).
std::string threadName(const Trace& trace, std::uint32_t thread);
// "T1 (pid 1001)", or "worker (pid 1001, main)" when the process has several threads or
// another name.
std::string threadLabel(const Machine& m, ThreadId t);
std::string threadLabel(const Trace& trace, std::uint32_t thread);

}  // namespace taskscope::core
