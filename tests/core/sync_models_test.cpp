// The kernel objects of the scripted lessons as the Sync objects view shows them at given
// times (syncObjectRows). The lost-update case moved from tests/ui/tst_sync_views.cpp; the
// queue case repeats, on the model alone, what that file checks through the view.
#include <gtest/gtest.h>

#include "core/analysis/sync_object_rows.h"
#include "tests/core/analysis_helpers.h"

using namespace taskscope::core;
using namespace taskscope::core::testing;

namespace {
std::vector<SyncObjectRow> rowsAt(const IndexedRun& r, SimTime t) {
    return syncObjectRows(r.trace, r.index, r.at(t), &r.machine);
}
}  // namespace

TEST(SyncObjectRows, ShowTheBoundedQueue) {
    const auto r = runFile(sourceFile("resources/workloads/producer_consumer.json"));
    const std::uint32_t producer = r->thread("producer");
    const std::uint32_t consumer = r->thread("consumer");
    ASSERT_TRUE(producer != kNone && consumer != kNone);

    // At 0 the consumer waits on the empty queue.
    auto rows = rowsAt(*r, 0);
    ASSERT_EQ(rows.size(), std::size_t{1});
    SyncObjectRow q = rows[0];
    EXPECT_EQ(q.name, "q");
    EXPECT_EQ(q.kind, ObjectKind::Queue);
    EXPECT_EQ(q.capacity, 3);
    EXPECT_EQ(q.value, 0);
    EXPECT_EQ(q.waiters, std::vector<std::uint32_t>{consumer});

    // The producer outruns the consumer: at 6 ms its fourth put finds three items and
    // blocks; a get at 7 ms lets it through, and at 8 ms it blocks again.
    q = rowsAt(*r, 9 * kMillisecond)[0];
    EXPECT_EQ(q.value, 3);
    EXPECT_EQ(q.highWater, 3);
    EXPECT_EQ(q.waiters, std::vector<std::uint32_t>{producer});
    EXPECT_EQ(r->at(9 * kMillisecond).threads[producer].state, ThreadState::Waiting);
    EXPECT_EQ(q.summary, "3 of 3 items, high-water 3, 1 waiting");

    q = rowsAt(*r, 7 * kMillisecond)[0];
    EXPECT_TRUE(q.waiters.empty());
    EXPECT_EQ(q.value, 3);

    q = rowsAt(*r, 2 * kMillisecond)[0];
    EXPECT_EQ(q.value, 1);
    EXPECT_EQ(q.highWater, 1);
    EXPECT_TRUE(q.waiters.empty());

    // At the end the queue is drained and nobody waits.
    q = rowsAt(*r, r->endTime())[0];
    EXPECT_EQ(q.value, 0);
    EXPECT_EQ(q.highWater, 3);
    EXPECT_TRUE(q.waiters.empty());
}

TEST(SyncObjectRows, CountLostUpdates) {
    const auto r = runFile(sourceFile("resources/workloads/race_counter.json"));
    const auto rows = rowsAt(*r, r->endTime());
    ASSERT_EQ(rows.size(), std::size_t{1});
    EXPECT_EQ(rows[0].kind, ObjectKind::Value);
    EXPECT_EQ(rows[0].value, 5);
    EXPECT_EQ(rows[0].lostUpdates, 5);
    EXPECT_EQ(rows[0].stores, 10);
    EXPECT_EQ(rows[0].summary, "= 5 after 10 writes, 5 lost updates");
    EXPECT_EQ(rowsAt(*r, 0)[0].lostUpdates, 0);
}

TEST(TraceIndex, SyncGlyphsOfTheTwoLockDeadlock) {
    // Each thread acquired one lock, and T2 (or T1) closed the cycle: two triangles, one cross.
    const auto r = runFile(sourceFile("resources/workloads/deadlock_two_locks.json"));
    std::size_t marks = 0;
    for (std::uint32_t t = 0; t < r->trace.threads().size(); ++t)
        marks += r->index.syncMarks(t).size();
    EXPECT_EQ(marks, std::size_t{3});
}
