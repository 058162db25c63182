#include "core/analysis/wait_for_graph.h"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "core/analysis/labels.h"
#include "core/sync/kernel_object.h"
#include "core/sync/wait_cycle.h"

namespace taskscope::core {

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

bool isLock(ObjectKind k) {
    return k == ObjectKind::Lock || k == ObjectKind::RLock;
}

// What the graph needs to know of the threads and objects at the instant, from the machine
// or from the trace state.
struct GraphSource {
    std::size_t threads = 0;
    std::size_t objects = 0;
    std::function<bool(std::uint32_t)> live;              // exists and has not terminated
    std::function<std::uint32_t(std::uint32_t)> waitsOn;  // the object a thread waits for
    std::function<ObjectKind(std::uint32_t)> kind;
    // Who an object is "held by": a lock's holder, a join's (live) target thread.
    std::function<std::uint32_t(std::uint32_t)> holder;
    std::function<std::string(std::uint32_t)> threadName, threadDetail;
    std::function<std::string(std::uint32_t)> objectName, objectLabel;
};

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    return fmt::format("{}", fmt::join(parts, sep));
}

// The one Coffman computation: which conditions hold and the evidence.
void judgeCoffman(WaitForGraph& g, const GraphSource& s) {
    std::vector<int> focus;  // thread nodes
    if (!g.cycle.empty()) {
        for (std::size_t i = 0; i < g.cycle.size(); i += 2) focus.push_back(g.cycle[i]);
    } else {
        for (std::size_t n = 0; n < g.nodes.size(); ++n)
            if (g.nodes[n].thread) focus.push_back(static_cast<int>(n));
    }
    for (std::size_t n = 0; n < g.nodes.size(); ++n) {
        const auto& node = g.nodes[n];
        if (node.thread || !isLock(s.kind(node.index))) continue;
        if (!g.cycle.empty() && !node.inCycle) continue;
        const std::uint32_t h = s.holder(node.index);
        if (h != kNone) g.exclusive.push_back({static_cast<int>(n), h, s.threadName(h)});
    }
    for (const int t : focus) {
        const std::uint32_t thread = g.nodes[static_cast<std::size_t>(t)].index;
        const std::uint32_t waits = s.waitsOn(thread);
        if (waits == kNone) continue;
        WaitForGraph::HoldAndWait hw{t, {}, g.findObject(waits)};
        for (std::size_t n = 0; n < g.nodes.size(); ++n) {
            const auto& node = g.nodes[n];
            if (!node.thread && isLock(s.kind(node.index)) && s.holder(node.index) == thread)
                hw.held.push_back(static_cast<int>(n));
        }
        if (!hw.held.empty()) g.holdAndWait.push_back(std::move(hw));
    }

    const auto node = [&](int n) -> const WaitForGraph::Node& {
        return g.nodes[static_cast<std::size_t>(n)];
    };
    std::vector<std::string> exclusive;
    for (const auto& h : g.exclusive)
        exclusive.push_back(fmt::format("{} has one holder ({})", node(h.object).label, h.name));
    g.conditions.push_back({"mutual exclusion", !exclusive.empty(),
                            !exclusive.empty() ? joined(exclusive, "; ")
                            : g.cycle.empty()  ? std::string("no lock is held")
                                              : std::string("no exclusive resource in the cycle")});
    std::vector<std::string> holdWait;
    for (const auto& hw : g.holdAndWait) {
        std::vector<std::string> held;
        for (const int o : hw.held) held.push_back(node(o).name);
        holdWait.push_back(fmt::format("{} holds {} and waits for {}", node(hw.thread).name,
                                       joined(held, ", "),
                                       hw.waitsFor >= 0 ? node(hw.waitsFor).name : "?"));
    }
    g.conditions.push_back({"hold and wait", !holdWait.empty(),
                            !holdWait.empty() ? joined(holdWait, "; ")
                            : g.cycle.empty() ? std::string("no thread holds a lock while it waits")
                                              : std::string()});
    g.conditions.push_back(
        {"no preemption", true,
         "a lock is released only by its holder; the kernel never takes it away"});
    g.conditions.push_back(
        {"circular wait", !g.cycle.empty(),
         g.cycle.empty() ? std::string("no cycle in the wait-for graph") : describeCycle(g)});
}

// `known`: the machine's deadlock cycle (may be null): used as found instead of searching.
WaitForGraph build(const GraphSource& s, const WaitCycle* known) {
    WaitForGraph g;
    const auto threadNode = [&](std::uint32_t t) {
        int n = g.findThread(t);
        if (n < 0) {
            const std::string name = s.threadName(t);
            g.nodes.push_back({true, t, name, name, s.threadDetail(t), false});
            n = static_cast<int>(g.nodes.size()) - 1;
        }
        return n;
    };
    const auto objectNode = [&](std::uint32_t o) {
        int n = g.findObject(o);
        if (n < 0) {
            const std::string label = s.objectLabel(o);
            g.nodes.push_back({false, o, label, s.objectName(o), label, false});
            n = static_cast<int>(g.nodes.size()) - 1;
        }
        return n;
    };

    // Threads first (in index order), then objects, so the layout is stable as time moves.
    for (std::uint32_t t = 0; t < s.threads; ++t)
        if (s.live(t)) threadNode(t);
    for (std::uint32_t o = 0; o < s.objects; ++o) {
        bool waited = false;
        for (std::uint32_t t = 0; t < s.threads; ++t)
            if (s.live(t) && s.waitsOn(t) == o) waited = true;
        if (isLock(s.kind(o)) || waited) objectNode(o);
    }
    for (std::uint32_t t = 0; t < s.threads; ++t) {
        if (!s.live(t) || s.waitsOn(t) == kNone) continue;
        g.edges.push_back(
            {WaitForGraph::Edge::Kind::WaitsFor, threadNode(t), objectNode(s.waitsOn(t)), false});
    }
    for (std::size_t n = 0; n < g.nodes.size(); ++n) {
        if (g.nodes[n].thread) continue;
        const std::uint32_t h = s.holder(g.nodes[n].index);
        if (h != kNone && s.live(h))
            g.edges.push_back(
                {WaitForGraph::Edge::Kind::HeldBy, static_cast<int>(n), threadNode(h), false});
    }

    WaitCycle cycle;
    if (known) {
        cycle = *known;
    } else {
        const auto next = [&](std::uint32_t t) -> std::optional<WaitStep> {
            const std::uint32_t o = s.waitsOn(t);
            if (o == kNone) return std::nullopt;
            const std::uint32_t h = s.holder(o);
            if (h == kNone) return std::nullopt;
            return WaitStep{o, h};
        };
        for (std::uint32_t start = 0; start < s.threads && cycle.empty(); ++start)
            if (s.live(start)) cycle = findWaitCycle(start, s.threads, next);
    }
    for (std::size_t i = 0; i < cycle.threads.size(); ++i) {
        g.cycle.push_back(threadNode(cycle.threads[i]));
        g.cycle.push_back(objectNode(cycle.objects[i]));
    }
    for (const int n : g.cycle) g.nodes[static_cast<std::size_t>(n)].inCycle = true;
    for (auto& e : g.edges) {
        for (std::size_t i = 0; i < g.cycle.size(); ++i)
            if (g.cycle[i] == e.from && g.cycle[(i + 1) % g.cycle.size()] == e.to) e.inCycle = true;
    }
    judgeCoffman(g, s);
    return g;
}

}  // namespace

WaitForGraph waitForGraph(const Trace& trace, const TraceState& state, const Machine* machine) {
    GraphSource s;
    s.threads = state.threads.size();
    s.objects = state.objects.size();
    s.live = [&](std::uint32_t t) {
        return t < state.threads.size() && state.threads[t].exists &&
               state.threads[t].state != ThreadState::Terminated;
    };
    s.waitsOn = [&](std::uint32_t t) {
        return t < state.threads.size() ? state.threads[t].waitingOn : kNone;
    };
    s.kind = [&](std::uint32_t o) {
        return o < trace.objects().size() ? static_cast<ObjectKind>(trace.objects()[o].kind)
                                          : ObjectKind::Lock;
    };
    s.holder = [&](std::uint32_t o) -> std::uint32_t {
        if (o >= state.objects.size()) return kNone;
        const ObjectKind k = s.kind(o);
        if (isLock(k)) return state.objects[o].holder;
        if (k == ObjectKind::Join && machine && o < machine->objects().size()) {
            const ThreadId t = machine->objects()[o].target;
            if (t.valid() && s.live(t.value)) return t.value;
        }
        return kNone;
    };
    s.threadName = [&](std::uint32_t t) { return threadName(trace, t); };
    s.threadDetail = [&](std::uint32_t t) { return threadLabel(trace, t); };
    s.objectName = [&](std::uint32_t o) {
        return o < trace.objects().size() ? trace.objects()[o].name : std::string("?");
    };
    s.objectLabel = [&](std::uint32_t o) { return objectLabel(trace, o); };
    WaitForGraph g = build(s, nullptr);
    g.deadlocked = state.deadlocks > 0 && !g.cycle.empty();
    return g;
}

WaitForGraph waitForGraph(const Machine& m) {
    GraphSource s;
    s.threads = m.threads().size();
    s.objects = m.objects().size();
    s.live = [&](std::uint32_t t) {
        if (t >= m.threads().size()) return false;
        const ThreadInfo& th = m.threads()[t];
        return th.state != ThreadState::Terminated && th.created <= m.now();
    };
    s.waitsOn = [&](std::uint32_t t) {
        return t < m.threads().size() && m.threads()[t].waitingOn.valid()
                   ? m.threads()[t].waitingOn.value
                   : kNone;
    };
    s.kind = [&](std::uint32_t o) { return m.objects()[o].kind; };
    s.holder = [&](std::uint32_t o) -> std::uint32_t {
        const KernelObject& k = m.objects()[o];
        if (isLock(k.kind)) return k.holder.valid() ? k.holder.value : kNone;
        if (k.kind == ObjectKind::Join && k.target.valid() && s.live(k.target.value))
            return k.target.value;
        return kNone;
    };
    s.threadName = [&](std::uint32_t t) { return m.threads()[t].name; };
    s.threadDetail = [&](std::uint32_t t) { return threadLabel(m, ThreadId{t}); };
    s.objectName = [&](std::uint32_t o) { return m.objects()[o].name; };
    s.objectLabel = [&](std::uint32_t o) { return objectLabel(m.objects()[o]); };
    std::optional<WaitCycle> known;
    if (const auto& d = m.deadlock()) {
        known.emplace();
        for (const ThreadId t : d->threads) known->threads.push_back(t.value);
        for (const ObjectId o : d->objects) known->objects.push_back(o.value);
    }
    WaitForGraph g = build(s, known ? &*known : nullptr);
    g.deadlocked = m.deadlock().has_value();
    return g;
}

std::string describeCycle(const WaitForGraph& g) {
    std::vector<std::string> steps;
    for (std::size_t i = 0; i + 1 < g.cycle.size(); i += 2) {
        const auto& t = g.nodes[static_cast<std::size_t>(g.cycle[i])];
        const auto& o = g.nodes[static_cast<std::size_t>(g.cycle[i + 1])];
        const auto& next = g.nodes[static_cast<std::size_t>(g.cycle[(i + 2) % g.cycle.size()])];
        steps.push_back(fmt::format("{} waits for {} held by {}", t.detail, o.label, next.name));
    }
    return joined(steps, "; ");
}

}  // namespace taskscope::core
