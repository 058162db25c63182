#include "core/sync/wait_cycle.h"

#include <algorithm>

namespace taskscope::core {

WaitCycle findWaitCycle(std::uint32_t start, std::size_t threadCount,
                        const std::function<std::optional<WaitStep>(std::uint32_t thread)>& next) {
    WaitCycle walk;
    std::uint32_t cur = start;
    for (std::size_t steps = 0; steps <= threadCount; ++steps) {
        const std::optional<WaitStep> step = next(cur);
        if (!step) return {};
        walk.threads.push_back(cur);
        walk.objects.push_back(step->object);
        const auto seen = std::find(walk.threads.begin(), walk.threads.end(), step->holder);
        if (seen != walk.threads.end()) {
            const auto from = seen - walk.threads.begin();
            walk.threads.erase(walk.threads.begin(), seen);
            walk.objects.erase(walk.objects.begin(), walk.objects.begin() + from);
            return walk;
        }
        cur = step->holder;
    }
    return {};
}

}  // namespace taskscope::core
