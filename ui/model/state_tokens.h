#pragma once

#include <vector>

#include "core/os/state.h"
#include "core/trace/trace.h"
#include "ui/model/trace_index.h"

namespace taskscope::ui {

// The arrows of the five-state diagram.
enum class Transition { None, Admit, Dispatch, Timeout, Wait, Wake, Exit };

// Which arrow a state change travels along (Preempt and Yield share the timeout arrow; a kill
// from Ready or Waiting goes to Terminated along "exit").
Transition transitionFor(core::ThreadState from, core::ThreadState to);

// A thread as a token on the five-state diagram at one instant.
struct StateToken {
    std::uint32_t thread = 0;
    core::ThreadState state = core::ThreadState::New;
    core::WaitReason reason = core::WaitReason::None;
    core::ThreadState from = core::ThreadState::New;  // state before the last change
    core::Cause cause = core::Cause::None;
    Transition transition = Transition::None;
    core::SimTime changedAt = 0;
};

// Every thread that exists at `state.time`, in thread order.
std::vector<StateToken> stateTokens(const core::Trace& trace, const TraceIndex& index,
                                    const core::TraceState& state);

}  // namespace taskscope::ui
