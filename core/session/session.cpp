#include "core/session/session.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/analysis/deadlock_report.h"
#include "core/runtime/python.h"

namespace taskscope::core {

namespace {

bool endsWith(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix.data(), suffix.size()) == 0;
}

RunEnd endOf(const Machine& m, bool finished) {
    if (m.deadlock()) return RunEnd::Deadlock;
    if (!describeAllBlocked(m).empty()) return RunEnd::AllBlocked;
    return finished ? RunEnd::Finished : RunEnd::Stopped;
}

}  // namespace

Expected<ProgramSource> loadProgramSource(const std::string& path) {
    ProgramSource p;
    p.path = path;
    p.isPython = endsWith(path, ".py");
    if (!p.isPython) {
        auto w = loadWorkload(path);
        if (!w) return w.error();
        p.workload = std::move(*w);
        return p;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Diagnostic{.file = path, .message = "cannot open the file; check the path"};
    p.source.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return p;
}

RunConfig defaultRunConfig(const ProgramSource& program) {
    return program.isPython ? runtime::pythonRunConfig() : runConfigFor(program.workload);
}

Expected<RunResult> runProgram(const ProgramSource& program, const RunConfig& config,
                               const RunLimits& limits) {
    RunResult r;
    r.config = config;
    r.trace = std::make_unique<Trace>();
    r.machine = std::make_unique<Machine>(config.machine);
    Machine& m = *r.machine;
    m.attachTrace(r.trace.get());
    if (!program.isPython) {
        populate(m, program.workload);
        m.runUntil(limits.until);
        r.trace->compact();
        const bool finished = std::all_of(m.processes().begin(), m.processes().end(),
                                          [](const ProcessInfo& p) { return p.exited >= 0; });
        r.end = endOf(m, finished);
        return r;
    }
    runtime::PythonOptions py{config.python};
    py.filename = program.path;
    py.source = program.source;
    py.readLine = [] { return std::optional<std::string>(); };  // no input: EOFError
    auto main = runtime::loadPython(m, py);
    if (!main) {
        Diagnostic d = main.error();
        d.file = program.path;
        return d;
    }
    const SimTime until = limits.until == kNever ? kPythonTimeLimit : limits.until;
    while (r.steps < limits.maxSteps && m.step(until)) ++r.steps;
    r.trace->compact();
    const ProcessInfo& p = m.process(*main);
    r.end = endOf(m, p.exited >= 0);
    r.exitCode = p.exitCode;
    return r;
}

}  // namespace taskscope::core
