#include "core/analysis/process_table.h"

#include <algorithm>

namespace taskscope::core {

namespace {
const char* kUser = "student";

bool live(const TraceState& state, std::uint32_t p) {
    return p < state.processes.size() && state.processes[p].exists && !state.processes[p].reaped;
}
}  // namespace

ProcessLook processLook(const Trace& trace, const TraceState& state, std::uint32_t process) {
    if (process >= state.processes.size() || !state.processes[process].exists)
        return ProcessLook::New;
    const auto& ps = state.processes[process];
    if (ps.reaped) return ProcessLook::Terminated;
    if (ps.zombie) return ProcessLook::Zombie;
    bool ready = false, waiting = false, anyLive = false;
    for (std::uint32_t t = 0; t < trace.threads().size() && t < state.threads.size(); ++t) {
        if (trace.threads()[t].process != process || !state.threads[t].exists) continue;
        switch (state.threads[t].state) {
            case ThreadState::Running:
                return ProcessLook::Running;
            case ThreadState::Ready:
                ready = true;
                anyLive = true;
                break;
            case ThreadState::Waiting:
                waiting = true;
                anyLive = true;
                break;
            case ThreadState::New:
                anyLive = true;
                break;
            case ThreadState::Terminated:
                break;
        }
    }
    if (ready) return ProcessLook::Ready;
    if (waiting) return ProcessLook::Waiting;
    return anyLive ? ProcessLook::New : ProcessLook::Terminated;
}

std::vector<PsRow> psRows(const Trace& trace, const TraceIndex& index, const TraceState& state) {
    std::vector<PsRow> rows;
    const SimTime now = state.time;
    // The simulated shell every top-level process is a child of: always there once the run
    // has started, so the tree keeps its root after its children are reaped.
    int shellPid = -1;
    for (std::uint32_t p = 0; p < trace.processes().size() && p < state.processes.size(); ++p)
        if (state.processes[p].exists && trace.processes()[p].parent == kNone) {
            shellPid = trace.processes()[p].ppid;
            break;
        }
    for (std::uint32_t p = 0; p < trace.processes().size(); ++p) {
        if (!live(state, p)) continue;
        const auto& info = trace.processes()[p];
        PsRow row;
        row.process = p;
        row.user = kUser;
        row.pid = info.pid;
        row.ppid = info.ppid;
        row.command = info.command.empty() ? info.name : info.command;
        row.name = info.name;
        row.look = processLook(trace, state, p);
        // ps shows the main thread's state for the process (another live one once it ended).
        std::int64_t mainThread = -1, firstLive = -1;
        for (std::uint32_t t = 0; t < trace.threads().size() && t < state.threads.size(); ++t) {
            const auto& ti = trace.threads()[t];
            if (ti.process != p || !state.threads[t].exists) continue;
            row.cpuTime += index.cpuAt(t, now);
            const bool alive = state.threads[t].state != ThreadState::Terminated;
            if (alive) ++row.threads;
            if (ti.tid == info.pid) mainThread = t;
            if (alive && firstLive < 0) firstLive = t;
        }
        const bool mainAlive =
            mainThread >= 0 &&
            state.threads[static_cast<std::size_t>(mainThread)].state != ThreadState::Terminated;
        const std::int64_t shown = mainAlive ? mainThread : firstLive;
        char letter = 'R';
        if (shown >= 0) {
            const auto& ts = state.threads[static_cast<std::size_t>(shown)];
            letter = statLetter(ts.state, ts.reason);
        }
        if (state.processes[p].zombie) {
            row.stat = "Z";
        } else {
            row.stat = std::string(1, letter);
            if (row.threads > 1) row.stat += 'l';
        }
        const SimTime created = index.processTimes(p).created;
        const SimTime alive = created >= 0 ? now - created : 0;
        row.cpuPercent =
            alive > 0 ? 100.0 * static_cast<double>(row.cpuTime) / static_cast<double>(alive) : 0.0;
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const PsRow& a, const PsRow& b) { return a.pid < b.pid; });
    if (shellPid >= 0) {
        PsRow shell;
        shell.user = kUser;
        shell.pid = shellPid;
        shell.ppid = shellPid - 1;
        shell.stat = "Ss";
        shell.command = "-bash";
        shell.name = "bash";
        shell.threads = 1;
        shell.look = ProcessLook::Waiting;
        rows.insert(rows.begin(), shell);
    }
    return rows;
}

}  // namespace taskscope::core
