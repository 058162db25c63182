#pragma once

#include <vector>

#include "core/analysis/trace_index.h"
#include "core/os/state.h"
#include "core/trace/trace.h"

namespace taskscope::core {

// The arrows of the five-state diagram.
enum class Transition { None, Admit, Dispatch, Timeout, Wait, Wake, Exit };

// Which arrow a state change travels along (Preempt and Yield share the timeout arrow; a kill
// from Ready or Waiting goes to Terminated along "exit").
Transition transitionFor(ThreadState from, ThreadState to);

// A thread as a token on the five-state diagram at one instant.
struct StateToken {
    std::uint32_t thread = 0;
    ThreadState state = ThreadState::New;
    WaitReason reason = WaitReason::None;
    ThreadState from = ThreadState::New;  // state before the last change
    Cause cause = Cause::None;
    Transition transition = Transition::None;
    SimTime changedAt = 0;
};

// Every thread that exists at `state.time`, in thread order.
std::vector<StateToken> stateTokens(const Trace& trace, const TraceIndex& index,
                                    const TraceState& state);

}  // namespace taskscope::core
