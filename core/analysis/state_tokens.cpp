#include "core/analysis/state_tokens.h"

namespace taskscope::core {

Transition transitionFor(ThreadState from, ThreadState to) {
    if (from == to) return Transition::None;
    switch (to) {
        case ThreadState::Ready:
            if (from == ThreadState::New) return Transition::Admit;
            if (from == ThreadState::Running) return Transition::Timeout;
            if (from == ThreadState::Waiting) return Transition::Wake;
            return Transition::None;
        case ThreadState::Running:
            return Transition::Dispatch;
        case ThreadState::Waiting:
            return Transition::Wait;
        case ThreadState::Terminated:
            return Transition::Exit;
        case ThreadState::New:
            return Transition::None;
    }
    return Transition::None;
}

std::vector<StateToken> stateTokens(const Trace& trace, const TraceIndex& index,
                                    const TraceState& state) {
    std::vector<StateToken> tokens;
    for (std::uint32_t t = 0; t < state.threads.size() && t < trace.threads().size(); ++t) {
        const auto& ts = state.threads[t];
        if (!ts.exists) continue;
        StateToken token;
        token.thread = t;
        token.state = ts.state;
        token.reason = ts.reason;
        token.from = ts.state;
        if (const ThreadPoint* p = index.pointAt(t, state.time)) {
            token.from = p->previous;
            token.cause = p->cause;
            token.changedAt = p->time;
            token.transition = transitionFor(p->previous, p->state);
        }
        tokens.push_back(token);
    }
    return tokens;
}

}  // namespace taskscope::core
