#include "ui/model/wait_for_graph.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>

#include "core/analysis/labels.h"
#include "core/sim/machine.h"
#include "core/sync/kernel_object.h"

namespace taskscope::ui {

using core::kNone;
using core::ObjectKind;

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
}  // namespace

int WaitForGraph::findThread(std::uint32_t thread) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].thread && nodes[i].index == thread) return static_cast<int>(i);
    return -1;
}

int WaitForGraph::findObject(std::uint32_t object) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (!nodes[i].thread && nodes[i].index == object) return static_cast<int>(i);
    return -1;
}

bool WaitForGraph::hasEdge(Edge::Kind kind, int from, int to) const {
    return std::any_of(edges.begin(), edges.end(), [&](const Edge& e) {
        return e.kind == kind && e.from == from && e.to == to;
    });
}

namespace {

ObjectKind kindOf(const core::Trace& trace, std::uint32_t o) {
    return o < trace.objects().size() ? static_cast<ObjectKind>(trace.objects()[o].kind)
                                      : ObjectKind::Lock;
}

bool isLock(ObjectKind k) {
    return k == ObjectKind::Lock || k == ObjectKind::RLock;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

}  // namespace

WaitForGraph waitForGraph(const core::Trace& trace, const core::TraceState& state,
                          const core::Machine* machine) {
    WaitForGraph g;
    const auto liveThread = [&](std::uint32_t t) {
        return t < state.threads.size() && state.threads[t].exists &&
               state.threads[t].state != core::ThreadState::Terminated;
    };
    // Who an object is "held by": a lock's holder, a join's target thread.
    const auto holderOf = [&](std::uint32_t o) -> std::uint32_t {
        if (o >= state.objects.size()) return kNone;
        const ObjectKind k = kindOf(trace, o);
        if (isLock(k)) return state.objects[o].holder;
        if (k == ObjectKind::Join && machine && o < machine->objects().size()) {
            const core::ThreadId t = machine->objects()[o].target;
            if (t.valid() && liveThread(t.value)) return t.value;
        }
        return kNone;
    };
    const auto threadNode = [&](std::uint32_t t) {
        int n = g.findThread(t);
        if (n < 0) {
            g.nodes.push_back({true, t, core::threadName(trace, t), false});
            n = static_cast<int>(g.nodes.size()) - 1;
        }
        return n;
    };
    const auto objectNode = [&](std::uint32_t o) {
        int n = g.findObject(o);
        if (n < 0) {
            g.nodes.push_back({false, o, core::objectLabel(trace, o), false});
            n = static_cast<int>(g.nodes.size()) - 1;
        }
        return n;
    };

    // Threads first (in index order), then objects, so the layout is stable as time moves.
    for (std::uint32_t t = 0; t < state.threads.size(); ++t)
        if (liveThread(t)) threadNode(t);
    for (std::uint32_t o = 0; o < state.objects.size(); ++o) {
        const ObjectKind k = kindOf(trace, o);
        bool waited = false;
        for (std::uint32_t t = 0; t < state.threads.size(); ++t)
            if (liveThread(t) && state.threads[t].waitingOn == o) waited = true;
        if (isLock(k) || waited) objectNode(o);
    }
    for (std::uint32_t t = 0; t < state.threads.size(); ++t) {
        if (!liveThread(t) || state.threads[t].waitingOn == kNone) continue;
        g.edges.push_back({WaitForGraph::Edge::Kind::WaitsFor, threadNode(t),
                           objectNode(state.threads[t].waitingOn), false});
    }
    for (std::size_t n = 0; n < g.nodes.size(); ++n) {
        if (g.nodes[n].thread) continue;
        const std::uint32_t h = holderOf(g.nodes[n].index);
        if (h != kNone && liveThread(h))
            g.edges.push_back(
                {WaitForGraph::Edge::Kind::HeldBy, static_cast<int>(n), threadNode(h), false});
    }

    // A cycle: follow thread -> waited object -> its holder from each thread.
    for (std::uint32_t start = 0; start < state.threads.size() && g.cycle.empty(); ++start) {
        if (!liveThread(start)) continue;
        std::vector<std::uint32_t> threads;
        std::uint32_t cur = start;
        for (std::size_t steps = 0; steps <= state.threads.size(); ++steps) {
            const std::uint32_t o = state.threads[cur].waitingOn;
            if (o == kNone) break;
            const std::uint32_t next = holderOf(o);
            if (next == kNone) break;
            threads.push_back(cur);
            const auto seen = std::find(threads.begin(), threads.end(), next);
            if (seen != threads.end()) {
                for (auto it = seen; it != threads.end(); ++it) {
                    g.cycle.push_back(threadNode(*it));
                    g.cycle.push_back(objectNode(state.threads[*it].waitingOn));
                }
                break;
            }
            cur = next;
        }
    }
    for (const int n : g.cycle) g.nodes[static_cast<std::size_t>(n)].inCycle = true;
    for (auto& e : g.edges) {
        for (std::size_t i = 0; i < g.cycle.size(); ++i)
            if (g.cycle[i] == e.from && g.cycle[(i + 1) % g.cycle.size()] == e.to) e.inCycle = true;
    }
    g.deadlocked = state.deadlocks > 0 && !g.cycle.empty();

    // The four Coffman conditions, judged on the cycle when there is one, else on the
    // whole graph (which of them hold already, before the deadlock forms).
    std::vector<std::uint32_t> focusThreads;
    if (!g.cycle.empty()) {
        for (std::size_t i = 0; i < g.cycle.size(); i += 2)
            focusThreads.push_back(g.nodes[static_cast<std::size_t>(g.cycle[i])].index);
    } else {
        for (const auto& n : g.nodes)
            if (n.thread) focusThreads.push_back(n.index);
    }
    std::vector<std::string> exclusive;
    for (const auto& n : g.nodes) {
        if (n.thread || !isLock(kindOf(trace, n.index))) continue;
        if (!g.cycle.empty() && !n.inCycle) continue;
        const std::uint32_t h = holderOf(n.index);
        if (h != kNone)
            exclusive.push_back(
                QCoreApplication::translate("WaitForGraph", "%1 has one holder (%2)")
                    .arg(q(n.label), q(core::threadName(trace, h)))
                    .toStdString());
    }
    g.conditions.push_back(
        {"mutual exclusion", !exclusive.empty(),
         exclusive.empty()
             ? QCoreApplication::translate("WaitForGraph", "no lock is held").toStdString()
             : join(exclusive, "; ")});
    std::vector<std::string> holdWait;
    for (const std::uint32_t t : focusThreads) {
        const std::uint32_t waits = state.threads[t].waitingOn;
        if (waits == kNone) continue;
        std::vector<std::string> held;
        for (std::uint32_t o = 0; o < state.objects.size(); ++o)
            if (isLock(kindOf(trace, o)) && state.objects[o].holder == t)
                held.push_back(trace.objects()[o].name);
        if (!held.empty())
            holdWait.push_back(
                QCoreApplication::translate("WaitForGraph", "%1 holds %2 and waits for %3")
                    .arg(q(core::threadName(trace, t)), q(join(held, ", ")),
                         q(waits < trace.objects().size() ? trace.objects()[waits].name
                                                          : std::string("?")))
                    .toStdString());
    }
    g.conditions.push_back(
        {"hold and wait", !holdWait.empty(),
         holdWait.empty()
             ? QCoreApplication::translate("WaitForGraph", "no thread holds a lock while it waits")
                   .toStdString()
             : join(holdWait, "; ")});
    g.conditions.push_back(
        {"no preemption", true,
         QCoreApplication::translate(
             "WaitForGraph",
             "a lock is released only by its holder; the kernel never takes it away")
             .toStdString()});
    std::vector<std::string> cycleText;
    for (std::size_t i = 0; i + 1 < g.cycle.size(); i += 2) {
        const auto& t = g.nodes[static_cast<std::size_t>(g.cycle[i])];
        const auto& o = g.nodes[static_cast<std::size_t>(g.cycle[i + 1])];
        const auto& next = g.nodes[static_cast<std::size_t>(g.cycle[(i + 2) % g.cycle.size()])];
        cycleText.push_back(
            QCoreApplication::translate("WaitForGraph", "%1 waits for %2 held by %3")
                .arg(q(t.label), q(o.label), q(next.label))
                .toStdString());
    }
    g.conditions.push_back({"circular wait", !g.cycle.empty(),
                            g.cycle.empty() ? QCoreApplication::translate(
                                                  "WaitForGraph", "no cycle in the wait-for graph")
                                                  .toStdString()
                                            : join(cycleText, "; ")});
    return g;
}

}  // namespace taskscope::ui
