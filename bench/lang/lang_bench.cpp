// Runs the same Python programs under the Taskscope VM and under python3 (a subprocess
// timing the work with time.perf_counter), and reports:
//   cpython_ms   python3's CPU time for the work (best of 5); vm_ms likewise
//   speed_ratio  cpython time / VM time (goal: >= 0.5)
//   sim_ratio    simulated time the VM charged / python3's real time (calibration: ~1.0)
#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <string>

#include "core/lang/interpreter.h"
#include "core/lang/vmthread.h"

using namespace taskscope::core::lang;

namespace {

struct Program {
    const char* name;
    const char* setup;  // defines work()
};

const Program kPrograms[] = {
    {"countdown", "def work():\n    n = 1000000\n    while n > 0:\n        n -= 1\n"},
    {"fib25",
     "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\ndef work():\n    fib(25)\n"},
    {"list_build",
     "def work():\n    for _ in range(10):\n        xs = [i * 2 for i in range(10000)]\n        ys "
     "= []\n        for i in range(10000):\n            ys.append(i)\n"},
    {"dict_build",
     "def work():\n    for _ in range(10):\n        d = {}\n        for i in range(10000):\n       "
     "     d[i] = i\n        e = {k: v for k, v in d.items()}\n"},
    {"string_format",
     "def work():\n    out = []\n    for i in range(20000):\n        out.append(f\"{i}-{i * "
     "0.5:.2f}\")\n        out.append(\"{} {}\".format(i, i))\n        out.append(\"%d%%\" % i)\n  "
     "  return ''.join(out)\n"},
    {"class_loop",
     "class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    "
     "def norm2(self):\n        return self.x * self.x + self.y * self.y\ndef work():\n    "
     "total = 0\n    for i in range(20000):\n        p = Point(i, i + 1)\n        total += "
     "p.norm2()\n    return total\n"},
};

class NullHost final : public Host {
public:
    void write(Interpreter&, VmThread*, OutStream, std::string_view) override {}
};

// Simulated ns the VM charges for work(), and the wall time it took.
std::pair<int64_t, double> runVm(const Program& p) {
    NullHost host;
    Interpreter interp(host, {});
    std::string src = std::string(p.setup) + "work()\n";
    auto code = interp.compileMain(src);
    if (!code) return {0, 0};
    auto t = interp.newThread();
    t->startModule(*code);
    // CPU time, not wall time: the machine is shared, and python3 is timed the same way.
    timespec ts0{}, ts1{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts0);
    int64_t sim = 0;
    RunResult r;
    do {
        r = t->run({});
        sim += r.consumedNs;
    } while (r.status != RunStatus::Finished);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts1);
    double secs = static_cast<double>(ts1.tv_sec - ts0.tv_sec) +
                  static_cast<double>(ts1.tv_nsec - ts0.tv_nsec) * 1e-9;
    return {sim, secs};
}

double pythonSeconds(const Program& p) {
    static std::map<std::string, double> cache;
    auto it = cache.find(p.name);
    if (it != cache.end()) return it->second;
    std::string script =
        std::string(p.setup) +
        "import time\nbest = 1e9\nfor _ in range(5):\n    t0 = time.process_time()\n    work()\n"
        "    best = min(best, time.process_time() - t0)\nprint(best)\n";
    char path[] = "/tmp/taskscope_bench_XXXXXX.py";
    int fd = mkstemps(path, 3);
    double secs = -1;
    if (fd >= 0) {
        FILE* f = fdopen(fd, "w");
        std::fputs(script.c_str(), f);
        std::fclose(f);
        std::string cmd = std::string("python3 ") + path;
        if (FILE* pipe = popen(cmd.c_str(), "r")) {
            std::array<char, 128> buf{};
            if (std::fgets(buf.data(), buf.size(), pipe)) secs = std::atof(buf.data());
            pclose(pipe);
        }
        std::remove(path);
    }
    cache[p.name] = secs;
    return secs;
}

void BM_Program(benchmark::State& state, const Program* p) {
    int64_t sim = 0;
    double vmSecs = 0;
    int n = 0;
    double best = 1e9;
    for (auto _ : state) {
        auto [s, secs] = runVm(*p);
        sim = s;
        best = std::min(best, secs);
        ++n;
    }
    vmSecs = best * n;
    double py = pythonSeconds(*p);
    double vmAvg = vmSecs / std::max(1, n);
    state.counters["cpython_ms"] = py * 1e3;
    state.counters["vm_ms"] = vmAvg * 1e3;
    state.counters["speed_ratio"] = vmAvg > 0 && py > 0 ? py / vmAvg : 0;
    state.counters["sim_ms"] = static_cast<double>(sim) / 1e6;
    state.counters["sim_ratio"] = py > 0 ? (static_cast<double>(sim) / 1e9) / py : 0;
}

}  // namespace

int main(int argc, char** argv) {
    for (const Program& p : kPrograms) {
        benchmark::RegisterBenchmark((std::string("lang/") + p.name).c_str(), BM_Program, &p)
            ->Unit(benchmark::kMillisecond)
            ->Iterations(5);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
