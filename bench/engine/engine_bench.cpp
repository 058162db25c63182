// Engine throughput, trace size and seek time (DESIGN.md quality bars).
//   build/bench/engine/taskscope_engine_bench
#include <benchmark/benchmark.h>

#include <memory>

#include "core/sim/machine.h"
#include "core/trace/trace.h"
#include "core/workload/workload.h"

namespace {

using namespace taskscope::core;

// `processes` CPU/I-O alternating jobs with seeded random burst lengths.
Workload makeWorkload(int processes, int burstsEach) {
    Random rng(2024);
    Workload w;
    w.unit = kMicrosecond;
    for (int i = 0; i < processes; ++i) {
        WorkloadProcess p;
        p.name = "P" + std::to_string(i);
        p.arrival = static_cast<SimTime>(rng.below(1000)) * kMicrosecond;
        for (int b = 0; b < burstsEach; ++b)
            p.bursts.push_back((1 + static_cast<SimTime>(rng.below(3000))) * kMicrosecond);
        w.processes.push_back(std::move(p));
    }
    return w;
}

MachineSettings settings(PolicyKind policy, int cores) {
    MachineSettings s;
    s.cores = cores;
    s.policy.kind = policy;
    s.policy.quantum = 1 * kMillisecond;
    s.policy.mlfq.quanta = {kMillisecond, 2 * kMillisecond, kNever};
    return s;
}

void BM_Engine(benchmark::State& state, PolicyKind policy) {
    const Workload w = makeWorkload(64, 201);
    std::size_t records = 0;
    std::size_t bytes = 0;
    std::uint64_t actions = 0;
    for (auto _ : state) {
        Machine m(settings(policy, 4));
        Trace trace;
        m.attachTrace(&trace);
        populate(m, w);
        m.runUntil(kNever);
        trace.compact();
        records += trace.size();
        bytes = trace.memoryBytes();
        actions += m.actionCount();
        benchmark::DoNotOptimize(trace.endTime());
        state.counters["bytes_per_event"] =
            static_cast<double>(bytes) / static_cast<double>(trace.size());
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
    state.counters["actions_per_s"] =
        benchmark::Counter(static_cast<double>(actions), benchmark::Counter::kIsRate);
}
// The same with the trace's memory reused from the previous run: the engine without the
// cost of touching fresh pages (a third to a half of the cold figure on this VM).
void BM_EngineWarmTrace(benchmark::State& state, PolicyKind policy) {
    const Workload w = makeWorkload(64, 201);
    std::size_t records = 0;
    Trace trace;
    for (auto _ : state) {
        trace.clear();
        Machine m(settings(policy, 4));
        m.attachTrace(&trace);
        populate(m, w);
        m.runUntil(kNever);
        records += trace.size();
        benchmark::DoNotOptimize(trace.endTime());
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_EngineWarmTrace, rr, PolicyKind::RoundRobin)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EngineWarmTrace, fair, PolicyKind::Fair)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_EngineWarmTrace, srtf, PolicyKind::Srtf)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(BM_Engine, rr, PolicyKind::RoundRobin)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Engine, fcfs, PolicyKind::Fcfs)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Engine, srtf, PolicyKind::Srtf)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Engine, mlfq, PolicyKind::Mlfq)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Engine, fair, PolicyKind::Fair)->Unit(benchmark::kMillisecond);

// One run with at least a million records, shared by the seek benchmarks.
struct BigRun {
    std::unique_ptr<Machine> machine;
    std::unique_ptr<Trace> trace;
};
const BigRun& bigRun() {
    static BigRun run = [] {
        BigRun r;
        r.machine = std::make_unique<Machine>(settings(PolicyKind::RoundRobin, 4));
        r.trace = std::make_unique<Trace>();
        r.machine->attachTrace(r.trace.get());
        populate(*r.machine, makeWorkload(64, 4801));
        r.machine->runUntil(kNever);
        r.trace->compact();
        return r;
    }();
    return run;
}

void BM_SeekMillionEventRun(benchmark::State& state) {
    const Trace& t = *bigRun().trace;
    Random rng(7);
    for (auto _ : state) {
        const SimTime at = static_cast<SimTime>(rng.below(static_cast<std::uint64_t>(t.endTime())));
        TraceState s = t.stateAt(at);
        benchmark::DoNotOptimize(s.threads.data());
    }
    state.counters["records"] = static_cast<double>(t.size());
    state.counters["bytes_per_event"] =
        static_cast<double>(t.memoryBytes()) / static_cast<double>(t.size());
}
BENCHMARK(BM_SeekMillionEventRun)->Unit(benchmark::kMicrosecond);

void BM_StepBackOneEvent(benchmark::State& state) {
    const Trace& t = *bigRun().trace;
    std::size_t at = t.size() - 1;
    for (auto _ : state) {
        TraceState s = t.stateAfter(at);
        benchmark::DoNotOptimize(s.threads.data());
        at = at > 1 ? at - 1 : t.size() - 1;
    }
}
BENCHMARK(BM_StepBackOneEvent)->Unit(benchmark::kMicrosecond);

void BM_LaneQueryVisibleWindow(benchmark::State& state) {
    const Trace& t = *bigRun().trace;
    std::vector<Segment> segs;
    Random rng(9);
    const SimTime window = t.endTime() / 100;
    for (auto _ : state) {
        const SimTime at =
            static_cast<SimTime>(rng.below(static_cast<std::uint64_t>(t.endTime() - window)));
        for (int c = 0; c < 4; ++c) {
            t.coreSegments(c, at, at + window, segs);
            benchmark::DoNotOptimize(segs.data());
        }
    }
}
BENCHMARK(BM_LaneQueryVisibleWindow)->Unit(benchmark::kMicrosecond);

void BM_MachineSnapshotCopy(benchmark::State& state) {
    Machine m(settings(PolicyKind::RoundRobin, 4));
    populate(m, makeWorkload(64, 201));
    m.runUntil(50 * kMillisecond);
    for (auto _ : state) {
        Machine copy = m;
        benchmark::DoNotOptimize(copy.now());
    }
}
BENCHMARK(BM_MachineSnapshotCopy)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
