// Scale benchmarks on an M/M/1 queue (issue 14): exponential inter-arrival times (mean 10 ms)
// and service times (mean 8 ms), FCFS on one core, times in whole microseconds, as
// bench/mm1/generate.py writes them.
//   build-release/bench/scale/taskscope_scale_bench [--benchmark_filter=Engine]
// scripts/bench runs it and collects the counters into bench/results.json.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis/run_stats.h"
#include "core/sim/machine.h"
#include "core/trace/perfetto.h"
#include "core/trace/trace.h"
#include "core/workload/workload.h"

namespace {

using namespace taskscope::core;

struct Customer {
    std::int64_t arrivalUs;
    std::int64_t serviceUs;
};

std::vector<Customer> customers(std::size_t n, std::uint64_t seed = 1) {
    Random rng(seed);
    auto exponential = [&rng](double mean) { return -mean * std::log(1.0 - rng.uniform()); };
    std::vector<Customer> out;
    out.reserve(n);
    std::int64_t t = 0;
    for (std::size_t i = 0; i < n; ++i) {
        t += std::llround(exponential(10000));
        out.push_back({t, std::max<std::int64_t>(1, std::llround(exponential(8000)))});
    }
    return out;
}

Workload mm1(std::size_t n) {
    Workload w;
    w.timeUnit = "us";
    w.unit = kMicrosecond;
    w.processes.reserve(n);
    std::size_t i = 0;
    for (const Customer& c : customers(n)) {
        WorkloadProcess p;
        p.name = "C" + std::to_string(++i);
        p.arrival = c.arrivalUs * kMicrosecond;
        p.bursts = {c.serviceUs * kMicrosecond};
        w.processes.push_back(std::move(p));
    }
    return w;
}

std::string jsonText(std::size_t n) {
    std::string s =
        "{\n  \"title\": \"M/M/1\",\n  \"time_unit\": \"us\",\n  \"cores\": 1,\n"
        "  \"policy\": \"fcfs\",\n  \"processes\": [\n";
    std::size_t i = 0;
    for (const Customer& c : customers(n)) {
        if (i > 0) s += ",\n";
        ++i;
        s += "    {\"name\": \"C" + std::to_string(i) +
             "\", \"arrival\": " + std::to_string(c.arrivalUs) + ", \"bursts\": [" +
             std::to_string(c.serviceUs) + "]}";
    }
    return s + "\n  ]\n}\n";
}

std::string csvText(std::size_t n) {
    std::string s = "# M/M/1 (fcfs, 1 core; times in ms)\nname,arrival,bursts,priority\n";
    std::size_t i = 0;
    char buf[96];
    for (const Customer& c : customers(n)) {
        const int len = std::snprintf(
            buf, sizeof buf, "C%zu,%lld.%03lld,%lld.%03lld,\n", ++i,
            static_cast<long long>(c.arrivalUs / 1000), static_cast<long long>(c.arrivalUs % 1000),
            static_cast<long long>(c.serviceUs / 1000), static_cast<long long>(c.serviceUs % 1000));
        s.append(buf, static_cast<std::size_t>(len));
    }
    return s;
}

MachineSettings fcfs() {
    MachineSettings s;
    s.cores = 1;
    s.policy.kind = PolicyKind::Fcfs;
    return s;
}

// --- loading ---

void BM_LoadJson(benchmark::State& state) {
    const std::string text = jsonText(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto w = parseWorkloadJson(text, "mm1.json");
        if (!w.ok()) {
            state.SkipWithError(w.error().format().c_str());
            break;
        }
        benchmark::DoNotOptimize(w);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["mb_per_s"] = benchmark::Counter(
        static_cast<double>(text.size()) / 1e6 * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LoadJson)->Arg(200000)->Unit(benchmark::kMillisecond);

void BM_LoadCsv(benchmark::State& state) {
    const std::string text = csvText(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto w = parseWorkloadCsv(text, "mm1.csv");
        if (!w.ok()) {
            state.SkipWithError(w.error().format().c_str());
            break;
        }
        benchmark::DoNotOptimize(w);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["mb_per_s"] = benchmark::Counter(
        static_cast<double>(text.size()) / 1e6 * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LoadCsv)->Arg(200000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// --- the engine: populate and run to the end with the trace on ---

void BM_Mm1Engine(benchmark::State& state) {
    const Workload w = mm1(static_cast<std::size_t>(state.range(0)));
    std::size_t records = 0;
    std::uint64_t actions = 0;
    double bytesPerEvent = 0;
    double nameBytesPerEvent = 0;
    for (auto _ : state) {
        Machine m(fcfs());
        Trace trace;
        m.attachTrace(&trace);
        populate(m, w);
        m.runUntil(kNever);
        records += trace.size();
        actions += m.actionCount();
        bytesPerEvent =
            static_cast<double>(trace.memoryBytes()) / static_cast<double>(trace.size());
        nameBytesPerEvent =
            static_cast<double>(trace.nameBytes()) / static_cast<double>(trace.size());
        benchmark::DoNotOptimize(trace.endTime());
        state.PauseTiming();  // freeing the machine and the trace is not the engine's work
        {
            Machine gone = std::move(m);
            Trace gone2 = std::move(trace);
        }
        state.ResumeTiming();
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
    state.counters["actions_per_s"] =
        benchmark::Counter(static_cast<double>(actions), benchmark::Counter::kIsRate);
    state.counters["customers_per_s"] = benchmark::Counter(
        static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
    state.counters["events"] =
        static_cast<double>(records) / static_cast<double>(state.iterations());
    state.counters["bytes_per_event"] = bytesPerEvent;
    state.counters["name_bytes_per_event"] = nameBytesPerEvent;
}
BENCHMARK(BM_Mm1Engine)->Arg(200000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);

// --- statistics ---

// Counts what it is given and keeps nothing.
class CountingBuf : public std::streambuf {
public:
    std::size_t bytes = 0;

protected:
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
    int_type overflow(int_type c) override {
        ++bytes;
        return c;
    }
};

struct Mm1Run {
    std::unique_ptr<Machine> machine;
    std::unique_ptr<Trace> trace;
};
const Mm1Run& run(std::size_t n) {
    static std::size_t made = 0;
    static Mm1Run r;
    if (made != n) {
        r.machine.reset();
        r.trace.reset();
        r.machine = std::make_unique<Machine>(fcfs());
        r.trace = std::make_unique<Trace>();
        r.machine->attachTrace(r.trace.get());
        populate(*r.machine, mm1(n));
        r.machine->runUntil(kNever);
        r.trace->compact();
        made = n;
    }
    return r;
}

void BM_StatsJson(benchmark::State& state) {
    const Mm1Run& r = run(static_cast<std::size_t>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        CountingBuf buf;
        std::ostream out(&buf);
        writeStatsJson(*r.machine, kMicrosecond, "us", nlohmann::json::object(), out);
        bytes = buf.bytes;
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_StatsJson)->Arg(200000)->Unit(benchmark::kMillisecond);

// --- Perfetto protobuf export of the 1,000,000-customer run ---

void BM_PerfettoExport(benchmark::State& state) {
    const Trace& t = *run(1000000).trace;
    std::size_t bytes = 0;
    for (auto _ : state) {
        CountingBuf buf;
        std::ostream out(&buf);
        writePerfettoTrace(t, out);
        bytes = buf.bytes;
    }
    state.counters["bytes"] = static_cast<double>(bytes);
    state.counters["events"] = static_cast<double>(t.size());
}
BENCHMARK(BM_PerfettoExport)->Unit(benchmark::kMillisecond)->Iterations(2);

// --- seek and step back in the 1,000,000-customer run, as the desktop app does them ---

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

void BM_Seek(benchmark::State& state) {
    const Trace& t = *run(1000000).trace;
    Random rng(7);
    TraceState s;  // the controller's state at the cursor, reused
    std::vector<double> ms;
    for (auto _ : state) {
        const SimTime at = static_cast<SimTime>(rng.below(static_cast<std::uint64_t>(t.endTime())));
        const auto t0 = std::chrono::steady_clock::now();
        t.stateAt(at, s);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        benchmark::DoNotOptimize(s.threads.data());
    }
    state.counters["p95_ms"] = percentile(ms, 0.95);
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["records"] = static_cast<double>(t.size());
    state.counters["stored_states"] = static_cast<double>(t.storedStateCount());
}
BENCHMARK(BM_Seek)->Unit(benchmark::kMillisecond)->Iterations(200);

// Step back one record from a random cursor (SimulationController::stepBack).
void BM_StepBack(benchmark::State& state) {
    const Trace& t = *run(1000000).trace;
    Random rng(8);
    TraceState s;
    std::vector<double> ms;
    for (auto _ : state) {
        const SimTime cursor =
            static_cast<SimTime>(rng.below(static_cast<std::uint64_t>(t.endTime())));
        const auto t0 = std::chrono::steady_clock::now();
        const std::size_t at = t.lowerBound(cursor);
        t.stateAt(at == 0 ? 0 : t.time(at - 1), s);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        benchmark::DoNotOptimize(s.threads.data());
    }
    state.counters["p95_ms"] = percentile(ms, 0.95);
    state.counters["mean_ms"] = [&] {
        double sum = 0;
        for (double v : ms) sum += v;
        return sum / static_cast<double>(ms.size());
    }();
}
BENCHMARK(BM_StepBack)->Unit(benchmark::kMillisecond)->Iterations(200);

}  // namespace

BENCHMARK_MAIN();
