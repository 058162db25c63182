// The one cycle search over a wait-for relation (core/sync/wait_cycle.h).
#include <gtest/gtest.h>

#include <map>

#include "core/sync/wait_cycle.h"

using namespace taskscope::core;

namespace {
// thread -> (object it waits for, the thread holding it)
WaitCycle search(std::uint32_t start, const std::map<std::uint32_t, WaitStep>& relation) {
    return findWaitCycle(start, 8, [&](std::uint32_t t) -> std::optional<WaitStep> {
        const auto it = relation.find(t);
        if (it == relation.end()) return std::nullopt;
        return it->second;
    });
}
}  // namespace

TEST(WaitCycle, TwoThreadsTwoLocks) {
    // 0 waits for lock 11 held by 1; 1 waits for lock 10 held by 0.
    const WaitCycle c = search(1, {{0, {11, 1}}, {1, {10, 0}}});
    EXPECT_EQ(c.threads, (std::vector<std::uint32_t>{1, 0}));
    EXPECT_EQ(c.objects, (std::vector<std::uint32_t>{10, 11}));
}

TEST(WaitCycle, AChainThatEndsIsNoCycle) {
    EXPECT_TRUE(search(0, {{0, {10, 1}}, {1, {11, 2}}}).empty());
}

TEST(WaitCycle, AChainIntoACycleGivesTheCycleOnly) {
    // 0 -> 1 -> 2 -> 1: the cycle starts at 1, the first thread met twice.
    const WaitCycle c = search(0, {{0, {10, 1}}, {1, {11, 2}}, {2, {12, 1}}});
    EXPECT_EQ(c.threads, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(c.objects, (std::vector<std::uint32_t>{11, 12}));
}
