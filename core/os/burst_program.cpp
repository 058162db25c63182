#include "core/os/burst_program.h"

#include <algorithm>

namespace taskscope::core {

BurstProgram::BurstProgram(std::vector<SimTime> bursts) : m_bursts(std::move(bursts)) {
    m_left = m_bursts.empty() ? 0 : m_bursts.front();
}

RunOutcome BurstProgram::run(ThreadContext& ctx, SimTime limit) {
    const SimTime use = std::clamp<SimTime>(limit - ctx.now(), 0, m_left);
    ctx.consume(use);
    m_left -= use;
    if (m_left > 0) return RunOutcome::proceed();
    if (m_index + 1 >= m_bursts.size()) return RunOutcome::exit(0);
    const SimTime io = m_bursts[m_index + 1];
    m_index += 2;
    m_left = m_index < m_bursts.size() ? m_bursts[m_index] : 0;
    return RunOutcome::block(WaitReason::Io, io);
}

}  // namespace taskscope::core
