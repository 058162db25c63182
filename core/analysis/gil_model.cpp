#include "core/analysis/gil_model.h"

#include <algorithm>

namespace taskscope::core {

void GilModel::clear() {
    m_records.clear();
    m_scanned = 0;
    m_any = false;
}

void GilModel::update(const Trace& trace) {
    if (trace.size() < m_scanned) clear();  // a new trace
    for (; m_scanned < trace.size(); ++m_scanned) {
        const RecordBody& b = trace.body(m_scanned);
        if (b.kind != RecordKind::Gil || b.object == kNone) continue;
        if (b.object >= m_records.size()) m_records.resize(b.object + 1u);
        m_records[b.object].push_back(static_cast<std::uint32_t>(m_scanned));
        m_any = true;
    }
}

std::vector<std::uint32_t> GilModel::processes() const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t p = 0; p < m_records.size(); ++p)
        if (!m_records[p].empty()) out.push_back(p);
    return out;
}

GilProcessState GilModel::stateAt(const Trace& trace, std::uint32_t process, SimTime t) const {
    GilProcessState s;
    s.process = process;
    if (process >= m_records.size()) return s;
    auto thread = [&s](std::uint32_t th) -> GilProcessState::ThreadWait& {
        auto it =
            std::find_if(s.threads.begin(), s.threads.end(),
                         [th](const GilProcessState::ThreadWait& w) { return w.thread == th; });
        if (it != s.threads.end()) return *it;
        s.threads.push_back({th, 0, 0});
        return s.threads.back();
    };
    std::uint32_t lastAcquirer = kNone;
    for (const std::uint32_t r : m_records[process]) {
        const SimTime time = trace.time(r);
        if (time > t) break;
        const RecordBody& b = trace.body(r);
        switch (static_cast<GilOp>(b.extra16)) {
            case GilOp::Request: {
                thread(b.subject);
                const bool queued =
                    std::any_of(s.waiters.begin(), s.waiters.end(),
                                [&](const auto& w) { return w.thread == b.subject; });
                if (!queued) s.waiters.push_back({b.subject, time});
                break;
            }
            case GilOp::Acquire: {
                auto& tw = thread(b.subject);
                ++tw.turns;
                ++s.acquisitions;
                const auto it = std::find_if(s.waiters.begin(), s.waiters.end(),
                                             [&](const auto& w) { return w.thread == b.subject; });
                if (it != s.waiters.end()) {
                    tw.wait += time - it->since;
                    s.waiters.erase(it);
                }
                if (lastAcquirer != kNone && lastAcquirer != b.subject) ++s.handoffs;
                lastAcquirer = b.subject;
                s.holder = b.subject;
                s.holderSince = time;
                s.dropRequest = false;
                break;
            }
            case GilOp::DropRequest:
                s.dropRequest = true;
                break;
            case GilOp::Release:
                if (s.holder == b.subject) s.holder = kNone;
                s.dropRequest = false;
                break;
            case GilOp::Interval:
                s.interval = core::gilInterval(b);
                break;
        }
    }
    // Waiting threads keep waiting up to t.
    for (const auto& w : s.waiters) thread(w.thread).wait += t - w.since;
    std::sort(s.threads.begin(), s.threads.end(),
              [](const auto& a, const auto& b) { return a.thread < b.thread; });
    return s;
}

}  // namespace taskscope::core
