#pragma once

#include <vector>

#include "core/os/program.h"

namespace taskscope::core {

// The program of a classic scheduling exercise: CPU, I/O, CPU, ... bursts.
class BurstProgram final : public Program {
public:
    explicit BurstProgram(std::vector<SimTime> bursts);
    std::unique_ptr<Program> clone() const override {
        return std::make_unique<BurstProgram>(*this);
    }
    RunOutcome run(ThreadContext& ctx, SimTime limit) override;
    SimTime remainingBurst() const override { return m_left; }
    bool isolated() const override { return true; }

private:
    std::vector<SimTime> m_bursts;
    std::size_t m_index = 0;  // the current CPU burst (even index)
    SimTime m_left = 0;
};

}  // namespace taskscope::core
