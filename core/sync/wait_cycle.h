#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace taskscope::core {

// One edge pair of the wait-for relation: a thread waits for `object`, which `holder` holds
// (a lock's owner, a joined thread).
struct WaitStep {
    std::uint32_t object = 0;
    std::uint32_t holder = 0;
};

// A cycle of the wait-for relation: threads[i] waits for objects[i], held by threads[i + 1]
// (the last object is held by threads[0]). Thread and object indexes.
struct WaitCycle {
    std::vector<std::uint32_t> threads;
    std::vector<std::uint32_t> objects;
    bool empty() const { return threads.empty(); }
};

// Follows thread -> the object it waits for -> that object's holder from `start`, at most
// `threadCount` + 1 steps. Returns the cycle the walk runs into, from its first thread met
// twice (`start` itself only when `start` is on the cycle); empty when the walk reaches a
// thread for which `next` gives nothing. The one cycle search of the machine's deadlock
// detection (core/sim) and of the wait-for graph (core/analysis), which differ only in `next`.
WaitCycle findWaitCycle(std::uint32_t start, std::size_t threadCount,
                        const std::function<std::optional<WaitStep>(std::uint32_t thread)>& next);

}  // namespace taskscope::core
