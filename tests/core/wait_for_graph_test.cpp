// The wait-for graph and the Coffman conditions, from the trace at a cursor and from the live
// machine. The philosophers case moved from tests/ui/tst_sync_views.cpp; the two-lock case
// repeats, on the model alone, what that file checks through the view.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/analysis/wait_for_graph.h"
#include "tests/core/analysis_helpers.h"

using namespace taskscope::core;
using namespace taskscope::core::testing;

namespace {
std::unique_ptr<IndexedRun> lesson(const char* name) {
    return runFile(sourceFile(std::string("resources/workloads/") + name));
}
using K = WaitForGraph::Edge::Kind;
}  // namespace

TEST(WaitForGraph, ShowsTheDeadlockCycle) {
    const auto r = lesson("deadlock_two_locks.json");
    const WaitForGraph g = waitForGraph(r->trace, r->at(1 * kMillisecond), &r->machine);
    EXPECT_TRUE(g.deadlocked);
    const int n1 = g.findThread(r->thread("T1")), n2 = g.findThread(r->thread("T2"));
    const int a = g.findObject(0), b = g.findObject(1);  // locks A and B
    ASSERT_TRUE(n1 >= 0 && n2 >= 0 && a >= 0 && b >= 0);
    EXPECT_EQ(g.nodes.size(), std::size_t{4});
    EXPECT_EQ(g.nodes[static_cast<std::size_t>(a)].label, "Lock A");
    EXPECT_EQ(g.edges.size(), std::size_t{4});
    EXPECT_TRUE(g.hasEdge(K::WaitsFor, n1, b));  // T1 holds A, waits for B
    EXPECT_TRUE(g.hasEdge(K::HeldBy, b, n2));
    EXPECT_TRUE(g.hasEdge(K::WaitsFor, n2, a));
    EXPECT_TRUE(g.hasEdge(K::HeldBy, a, n1));
    EXPECT_EQ(g.cycle.size(), std::size_t{4});
    for (const auto& e : g.edges) EXPECT_TRUE(e.inCycle);
    ASSERT_EQ(g.conditions.size(), std::size_t{4});
    for (const auto& cond : g.conditions) EXPECT_TRUE(cond.holds) << cond.name;
    EXPECT_EQ(g.conditions[1].evidence, "T1 holds A and waits for B; T2 holds B and waits for A");

    // Just before: each holds one lock, nobody waits yet; only two conditions hold.
    const WaitForGraph before = waitForGraph(r->trace, r->at(1 * kMillisecond - 1), &r->machine);
    EXPECT_FALSE(before.deadlocked);
    EXPECT_TRUE(before.cycle.empty());
    EXPECT_EQ(before.edges.size(), std::size_t{2});  // two "held by"
    EXPECT_TRUE(before.conditions[0].holds);         // mutual exclusion
    EXPECT_FALSE(before.conditions[1].holds);        // hold and wait
    EXPECT_FALSE(before.conditions[3].holds);        // circular wait
    EXPECT_EQ(before.conditions[3].evidence, "no cycle in the wait-for graph");
}

TEST(WaitForGraph, AgreesWithTheMachineOnThePhilosophers) {
    const auto r = lesson("dining_philosophers.json");
    const WaitForGraph g = waitForGraph(r->trace, r->at(r->endTime()), &r->machine);
    EXPECT_TRUE(g.deadlocked);
    ASSERT_TRUE(r->machine.deadlock().has_value());
    const auto& d = *r->machine.deadlock();
    EXPECT_EQ(d.threads.size(), std::size_t{5});
    // Five philosophers and five forks in one cycle, as the machine found it.
    EXPECT_EQ(g.cycle.size(), 2 * d.threads.size());
    for (const auto t : d.threads) {
        const int n = g.findThread(t.value);
        ASSERT_GE(n, 0);
        EXPECT_TRUE(g.nodes[static_cast<std::size_t>(n)].inCycle);
    }
    for (const auto o : d.objects)
        EXPECT_TRUE(g.nodes[static_cast<std::size_t>(g.findObject(o.value))].inCycle);
    for (const auto& cond : g.conditions) EXPECT_TRUE(cond.holds) << cond.name;
}

// Built from the live machine at the end of a run, the graph has the same nodes, edges and
// conditions as the one built from the trace at that instant; its cycle is the machine's
// deadlock, from the thread that closed it.
TEST(WaitForGraph, FromTheMachineEqualsFromTheTrace) {
    for (const char* name :
         {"deadlock_two_locks.json", "dining_philosophers.json", "producer_consumer.json"}) {
        SCOPED_TRACE(name);
        const auto r = lesson(name);
        const WaitForGraph fromTrace = waitForGraph(r->trace, r->at(r->endTime()), &r->machine);
        const WaitForGraph fromMachine = waitForGraph(r->machine);
        ASSERT_EQ(fromMachine.nodes.size(), fromTrace.nodes.size());
        for (std::size_t i = 0; i < fromTrace.nodes.size(); ++i) {
            EXPECT_EQ(fromMachine.nodes[i].thread, fromTrace.nodes[i].thread);
            EXPECT_EQ(fromMachine.nodes[i].index, fromTrace.nodes[i].index);
            EXPECT_EQ(fromMachine.nodes[i].label, fromTrace.nodes[i].label);
            EXPECT_EQ(fromMachine.nodes[i].inCycle, fromTrace.nodes[i].inCycle);
        }
        ASSERT_EQ(fromMachine.edges.size(), fromTrace.edges.size());
        for (const auto& e : fromTrace.edges)
            EXPECT_TRUE(fromMachine.hasEdge(e.kind, e.from, e.to));
        EXPECT_EQ(fromMachine.deadlocked, fromTrace.deadlocked);
        EXPECT_EQ(fromMachine.cycle.size(), fromTrace.cycle.size());
        for (std::size_t i = 0; i < 4; ++i)
            EXPECT_EQ(fromMachine.conditions[i].holds, fromTrace.conditions[i].holds) << i;
    }
}

TEST(WaitForGraph, TheCommandLineWordsTheMachinesDeadlock) {
    const auto r = lesson("deadlock_two_locks.json");
    const WaitForGraph g = waitForGraph(r->machine);
    EXPECT_TRUE(g.deadlocked);
    EXPECT_EQ(
        describeCycle(g),
        "T2 (pid 1002) waits for Lock A held by T1; T1 (pid 1001) waits for Lock B held by T2");
    EXPECT_EQ(g.conditions[0].evidence, "Lock A has one holder (T1); Lock B has one holder (T2)");
    EXPECT_EQ(g.conditions[1].evidence, "T2 holds B and waits for A; T1 holds A and waits for B");
    EXPECT_EQ(g.conditions[2].evidence,
              "a lock is released only by its holder; the kernel never takes it away");
    EXPECT_EQ(g.conditions[3].evidence, describeCycle(g));
}
