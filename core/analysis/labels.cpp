#include "core/analysis/labels.h"

#include <fmt/format.h>

namespace taskscope::core {

std::string objectLabel(ObjectKind kind, const std::string& name) {
    if (kind == ObjectKind::Join) return name;
    return fmt::format("{} {}", toString(kind), name);
}

std::string objectLabel(const KernelObject& o) {
    return objectLabel(o.kind, o.name);
}

std::string objectLabel(const Trace& trace, std::uint32_t object) {
    if (object >= trace.objects().size()) return "object " + std::to_string(object);
    const auto& info = trace.objects()[object];
    return objectLabel(static_cast<ObjectKind>(info.kind), info.name);
}

std::string threadName(const Trace& trace, std::uint32_t thread) {
    if (thread < trace.threads().size()) return trace.threads()[thread].name;
    return "thread " + std::to_string(thread);
}

std::string threadLabel(const Machine& m, ThreadId t) {
    const ThreadInfo& th = m.thread(t);
    const ProcessInfo& p = m.process(th.process);
    if (p.threads.size() > 1 || th.name != p.name)
        return fmt::format("{} (pid {}, {})", th.name, p.pid, p.name);
    return fmt::format("{} (pid {})", th.name, p.pid);
}

std::string threadLabel(const Trace& trace, std::uint32_t thread) {
    if (thread >= trace.threads().size()) return threadName(trace, thread);
    const TraceThreadInfo& th = trace.threads()[thread];
    if (th.process >= trace.processes().size()) return th.name;
    const TraceProcessInfo& p = trace.processes()[th.process];
    std::size_t siblings = 0;
    for (const auto& other : trace.threads()) siblings += other.process == th.process;
    if (siblings > 1 || th.name != p.name)
        return fmt::format("{} (pid {}, {})", th.name, p.pid, p.name);
    return fmt::format("{} (pid {})", th.name, p.pid);
}

}  // namespace taskscope::core
