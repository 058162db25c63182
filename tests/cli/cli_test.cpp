// Runs the real `taskscope` binary the way a user or a grading script would.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_run.h"

namespace {

using namespace taskscope::clitest;

std::string slurp(const std::string& path) {
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

TEST(Cli, StatsToStdoutGiveTextbookAverages) {
    const Result r = run("run " + data("fcfs_silberschatz.json") + " --stats -");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_DOUBLE_EQ(j["average"]["waiting"].get<double>(), 17.0);
    EXPECT_DOUBLE_EQ(j["average"]["turnaround"].get<double>(), 27.0);
    EXPECT_DOUBLE_EQ(j["makespan"].get<double>(), 30.0);
    EXPECT_EQ(j["processes"].size(), 3u);
    EXPECT_EQ(j["processes"][1]["name"], "P2");
    EXPECT_EQ(j["processes"][1]["pid"], 1002);
    EXPECT_DOUBLE_EQ(j["processes"][1]["first_run"].get<double>(), 24.0);
    EXPECT_DOUBLE_EQ(j["processes"][2]["response"].get<double>(), 27.0);
    EXPECT_EQ(j["context_switches"], 2);
    EXPECT_DOUBLE_EQ(j["utilization"][0].get<double>(), 1.0);
}

TEST(Cli, OptionsOverrideTheFile) {
    const Result r =
        run("run " + data("fcfs_silberschatz.json") + " --policy rr --quantum 4 --stats -");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_NEAR(j["average"]["waiting"].get<double>(), 17.0 / 3.0, 1e-9);
    const Result two = run("run " + data("fcfs_silberschatz.json") + " --cores 2 --stats -");
    ASSERT_EQ(two.status, 0) << two.err;
    const auto k = nlohmann::json::parse(two.out);
    EXPECT_DOUBLE_EQ(k["average"]["waiting"].get<double>(), 1.0);  // P3 waits 3 on core 1
    EXPECT_EQ(k["utilization"].size(), 2u);
}

TEST(Cli, CsvWorkloadWithPriority) {
    const Result r =
        run("run " + data("priority_silberschatz.csv") + " --policy priority --stats -");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_DOUBLE_EQ(nlohmann::json::parse(r.out)["average"]["waiting"].get<double>(), 8.2);
}

TEST(Cli, SummaryTableIsTheDefaultOutput) {
    const Result r = run("run " + data("srtf_silberschatz.json"));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("average waiting 6.5 ms, turnaround 13 ms"), std::string::npos) << r.out;
}

TEST(Cli, ChromeTraceIsValidJsonWithNamedTracks) {
    const std::string path = temp("trace.json");
    const Result r = run("run " + data("srtf_silberschatz.json") + " --trace " + path);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(slurp(path));
    ASSERT_TRUE(j.contains("traceEvents"));
    int slicesOnCore = 0, metadata = 0;
    double coreBusyUs = 0;
    bool namedP4 = false;
    for (const auto& e : j["traceEvents"]) {
        ASSERT_TRUE(e.contains("ph"));
        ASSERT_TRUE(e.contains("pid"));
        ASSERT_TRUE(e.contains("tid"));
        const std::string ph = e["ph"];
        if (ph == "M") {
            ++metadata;
            if (e["name"] == "thread_name" && e["args"]["name"] == "P4") namedP4 = true;
        } else if (ph == "X") {
            ASSERT_TRUE(e.contains("ts"));
            ASSERT_TRUE(e.contains("dur"));
            ASSERT_TRUE(e.contains("name"));
            ASSERT_GE(e["dur"].get<double>(), 0);
            if (e["pid"] == 0 && e["cat"] == "cpu") {
                ++slicesOnCore;
                coreBusyUs += e["dur"].get<double>();
            }
        }
    }
    EXPECT_TRUE(namedP4);
    EXPECT_EQ(metadata, 1 + 1 + 4 + 4);  // cores process, one core, 4 processes, 4 threads
    EXPECT_EQ(slicesOnCore, 5);          // P1, P2, P4, P1, P3
    EXPECT_DOUBLE_EQ(coreBusyUs, 26000.0);
    std::filesystem::remove(path);
}

TEST(Cli, CsvHasOneRowPerSlice) {
    const std::string path = temp("slices.csv");
    const Result r = run("run " + data("srtf_silberschatz.json") + " --csv " + path);
    ASSERT_EQ(r.status, 0) << r.err;
    std::istringstream in(slurp(path));
    std::string line;
    std::vector<std::string> rows;
    while (std::getline(in, line)) rows.push_back(line);
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[0], "core,pid,tid,process,thread,start_ms,end_ms,duration_ms");
    EXPECT_EQ(rows[1], "0,1001,1001,P1,P1,0,1,1");
    EXPECT_EQ(rows[2], "0,1002,1002,P2,P2,1,5,4");
    EXPECT_EQ(rows[5], "0,1003,1003,P3,P3,17,26,9");
    std::filesystem::remove(path);
}

TEST(Cli, StatsCsvHasOneRowPerProcess) {
    const std::string path = temp("stats.csv");
    const Result r = run("run " + data("srtf_silberschatz.json") + " --stats-csv " + path);
    ASSERT_EQ(r.status, 0) << r.err;
    std::istringstream in(slurp(path));
    std::string line;
    std::vector<std::string> rows;
    while (std::getline(in, line)) rows.push_back(line);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0],
              "name,pid,arrival_ms,first_run_ms,finish_ms,cpu_ms,waiting_ms,blocked_ms,turnaround_"
              "ms,response_ms");
    EXPECT_EQ(rows[1], "P1,1001,0,0,17,8,9,0,17,0");
    EXPECT_EQ(rows[3], "P3,1003,2,17,26,9,15,0,24,15");
    std::filesystem::remove(path);
}

TEST(Cli, ChromeTraceHasGilTrackDropRequestsAndReadyCounter) {
    const std::string path = temp("gil.json");
    const Result r = run("run " + std::string(TASKSCOPE_SOURCE_DIR) +
                         "/resources/workloads/gil_two_cpu_threads.json --trace " + path);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(slurp(path));
    int gilSlices = 0, dropRequests = 0, counters = 0;
    bool gilTrackNamed = false;
    for (const auto& e : j["traceEvents"]) {
        if (e["ph"] == "M" && e["args"]["name"] == "GIL") gilTrackNamed = true;
        if (e["ph"] == "X" && e["cat"] == "gil") ++gilSlices;
        if (e["ph"] == "i" && e["name"] == "GIL drop request") ++dropRequests;
        if (e["ph"] == "C") {
            ++counters;
            ASSERT_TRUE(e["args"].contains("threads"));
        }
    }
    EXPECT_TRUE(gilTrackNamed);
    EXPECT_EQ(gilSlices, 20);  // the GIL changes hands every 5 ms over 100 ms
    EXPECT_EQ(dropRequests, 19);
    EXPECT_GT(counters, 0);
    std::filesystem::remove(path);
}

TEST(Cli, UntilCutsTheRun) {
    const Result r = run("run " + data("fcfs_silberschatz.json") + " --until 10 --stats -");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["finished"], 0);
    EXPECT_TRUE(j["processes"][0]["finish"].is_null());
    EXPECT_DOUBLE_EQ(j["processes"][0]["cpu"].get<double>(), 10.0);
}

TEST(Cli, SameSeedSameTrace) {
    const std::string a = temp("a.json"), b = temp("b.json");
    ASSERT_EQ(run("run " + data("srtf_silberschatz.json") +
                  " --policy fair --cores 2 --seed 3 --trace " + a)
                  .status,
              0);
    ASSERT_EQ(run("run " + data("srtf_silberschatz.json") +
                  " --policy fair --cores 2 --seed 3 --trace " + b)
                  .status,
              0);
    EXPECT_EQ(slurp(a), slurp(b));
    EXPECT_GT(slurp(a).size(), 500u);
    std::filesystem::remove(a);
    std::filesystem::remove(b);
}

TEST(Cli, DeadlockEndsWithStatus3AndExplains) {
    const Result r = run("run " + data("deadlock_two_locks.json") + " --stats -");
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("taskscope: deadlock at 1 ms: T2 (pid 1002) waits for Lock A held by T1; "
                         "T1 (pid 1001) waits for Lock B held by T2"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("[x] hold and wait"), std::string::npos) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_DOUBLE_EQ(j["deadlock"]["time"].get<double>(), 1.0);
    EXPECT_EQ(j["deadlock"]["threads"].size(), 2u);
    EXPECT_EQ(j["deadlock"]["coffman"].size(), 4u);
    EXPECT_TRUE(j["deadlock"]["coffman"][3]["holds"].get<bool>());
}

TEST(Cli, AllThreadsBlockedEndsWithStatus3) {
    const Result r = run("run " + data("blocked_get.json"));
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("taskscope: all threads blocked at 1 ms (real Python would hang here):\n"
                         "  consumer (pid 1001) waits for Queue q (0 items)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("waiting for items\n"), std::string::npos) << r.out;
}

// ---- bad input: one clear message, exit status 2, never a crash ----

TEST(CliErrors, MissingFile) {
    const Result r = run("run /nonexistent/nope.json");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err,
              "taskscope: error: /nonexistent/nope.json: cannot open the file; check the path and "
              "permissions\n");
}

TEST(CliErrors, MalformedJsonNamesLineAndColumn) {
    const Result r = run("run " + data("bad_syntax.json"));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("bad_syntax.json:4:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("malformed JSON"), std::string::npos) << r.err;
}

TEST(CliErrors, NegativeBurstNamesTheField) {
    const Result r = run("run " + data("bad_negative_burst.json"));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(
        r.err.find("bad_negative_burst.json:3: processes[1].bursts[0]: must be a positive number"),
        std::string::npos)
        << r.err;
}

TEST(CliErrors, UnknownPolicyOption) {
    const Result r = run("run " + data("fcfs_silberschatz.json") + " --policy lottery");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("unknown policy 'lottery'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("fcfs|sjf|srtf|rr"), std::string::npos) << r.err;
}

TEST(CliErrors, UnknownOptionAndBadValues) {
    Result r = run("run " + data("fcfs_silberschatz.json") + " --frobnicate");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
    r = run("run " + data("fcfs_silberschatz.json") + " --cores 0");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--cores"), std::string::npos) << r.err;
    r = run("run " + data("fcfs_silberschatz.json") + " --quantum -3");
    EXPECT_EQ(r.status, 2);
    r = run("run");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("file"), std::string::npos) << r.err;
}

TEST(CliErrors, UnwritableOutput) {
    const Result r =
        run("run " + data("fcfs_silberschatz.json") + " --trace /nonexistent/dir/t.json");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("cannot write '/nonexistent/dir/t.json'"), std::string::npos) << r.err;
}

TEST(Cli, HelpAndVersion) {
    Result r = run("--help");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("run"), std::string::npos);
    r = run("run --help");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("--policy"), std::string::npos);
    r = run("--version");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.rfind("taskscope ", 0), 0u);
}

}  // namespace

// ---- Python programs -------------------------------------------------------------------

namespace {
std::string pyFile(const std::string& name, const std::string& source) {
    const std::string path = temp(name);
    std::ofstream(path) << source;
    return path;
}
}  // namespace

TEST(CliPython, OutputGoesToStdoutAndTheExitCodeIsTheProgramsOwn) {
    const auto f = pyFile("hello.py", "import sys\nprint('hi', sys.argv[1:])\nsys.exit(5)\n");
    const Result r = run("run " + f + " -- a b");
    EXPECT_EQ(r.status, 5);
    EXPECT_EQ(r.out, "hi ['a', 'b']\n");
}

TEST(CliPython, UncaughtExceptionPrintsATracebackAndExitsWith1) {
    const auto f = pyFile("boom.py", "def f():\n    raise ValueError('bad')\nf()\n");
    const Result r = run("run " + f);
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("Traceback (most recent call last):"), std::string::npos);
    EXPECT_NE(r.err.find("line 2, in f"), std::string::npos);
    EXPECT_NE(r.err.find("ValueError: bad"), std::string::npos);
}

// Tracebacks as CPython 3.11 prints them: the source line, then carets under the expression
// that failed (`~` for the operands of a binary operator or the value of a subscript, `^`
// for the rest), none when the expression is the whole line. Expected texts are python3
// 3.11.7's; when python3 is installed the same programs are compared with it too.
TEST(CliPython, TracebacksHaveCPython311Carets) {
    struct Case {
        const char* name;
        const char* source;
        const char* expected;  // stderr without the "  File ..." lines
    };
    const Case cases[] = {
        {"tb_calls.py",
         "def divide(a, b):\n    return a / b\n\ndef compute(values):\n    total = 0\n"
         "    for v in values:\n        total += divide(10, v)\n    return total\n\n"
         "print(compute([1, 2, 0]))\n",
         "Traceback (most recent call last):\n    print(compute([1, 2, 0]))\n"
         "          ^^^^^^^^^^^^^^^^^^\n    total += divide(10, v)\n             ^^^^^^^^^^^^^\n"
         "    return a / b\n           ~~^~~\nZeroDivisionError: division by zero\n"},
        {"tb_subscript.py", "a = [1]\nb = a [ 0 ] + a [ 3 ]\n",
         "Traceback (most recent call last):\n    b = a [ 0 ] + a [ 3 ]\n"
         "                  ~~^^^^^\nIndexError: list index out of range\n"},
        {"tb_parens.py", "a = 1\nb = (a)  //  0\n",
         "Traceback (most recent call last):\n    b = (a)  //  0\n        ~~~~~^^~~~\n"
         "ZeroDivisionError: integer division or modulo by zero\n"},
        {"tb_method.py", "n = None\ndef h():\n    return n.upper().strip()\nh()\n",
         "Traceback (most recent call last):\n    h()\n    return n.upper().strip()\n"
         "           ^^^^^^^\nAttributeError: 'NoneType' object has no attribute 'upper'\n"},
        {"tb_name.py", "print(undefined)\n",
         "Traceback (most recent call last):\n    print(undefined)\n          ^^^^^^^^^\n"
         "NameError: name 'undefined' is not defined\n"},
        {"tb_whole_line.py", "undefined\n",
         "Traceback (most recent call last):\n    undefined\n"
         "NameError: name 'undefined' is not defined\n"},
        {"tb_assert_raise.py",
         "import sys\nif len(sys.argv) > 1: raise ValueError('bad ' + sys.argv[1])\n"
         "x = 1\nassert x == 2, 'boom'\n",
         "Traceback (most recent call last):\n    assert x == 2, 'boom'\n           ^^^^^^\n"
         "AssertionError: boom\n"},
        {"tb_multiline.py", "z = (1 +\n     None)\n",
         "Traceback (most recent call last):\n    z = (1 +\n         ^^^\n"
         "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'\n"},
        {"tb_wide.py",
         "x = {'\xe5\x94\xb1': 1}\nprint('\xe5\x94\xb1\xe6\xad\x8c', x['\xe8\xb7\xb3'])\n",
         "Traceback (most recent call last):\n    print('\xe5\x94\xb1\xe6\xad\x8c', "
         "x['\xe8\xb7\xb3'])\n"
         "                  ~^^^^^^\nKeyError: '\xe8\xb7\xb3'\n"},
    };
    auto withoutFileLines = [](const std::string& err) {
        std::istringstream in(err);
        std::string out;
        for (std::string line; std::getline(in, line);)
            if (line.rfind("  File ", 0) != 0) out += line + "\n";
        return out;
    };
    const bool python = std::system(
                            "python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' "
                            ">/dev/null 2>&1") == 0;
    for (const Case& c : cases) {
        const auto f = pyFile(c.name, c.source);
        const Result r = run("run " + f);
        EXPECT_EQ(r.status, 1) << c.name;
        EXPECT_EQ(withoutFileLines(r.err), c.expected) << c.name;
        if (python) {
            const std::string errFile = f + ".err";
            std::system(("python3 " + f + " 2>" + errFile + " >/dev/null").c_str());
            EXPECT_EQ(withoutFileLines(slurp(errFile)), withoutFileLines(r.err))
                << c.name << " differs from python3's";
            std::filesystem::remove(errFile);
        }
    }
}

TEST(CliPython, CompileErrorNamesFileLineAndColumnAndExitsWith2) {
    const auto f = pyFile("syntax.py", "x = 1\nif x\n    pass\n");
    const Result r = run("run " + f);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find(f + ":2:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("SyntaxError"), std::string::npos) << r.err;
}

TEST(CliPython, DeadlockExitsWith3AndNamesTheLocks) {
    const auto f =
        pyFile("dl.py",
               "import threading, time\nfirst = threading.Lock()\nsecond = threading.Lock()\n"
               "def a():\n    with first:\n        time.sleep(0.01)\n        with second: pass\n"
               "def b():\n    with second:\n        time.sleep(0.01)\n        with first: pass\n"
               "t = threading.Thread(target=a); u = threading.Thread(target=b)\n"
               "t.start(); u.start(); t.join(); u.join()\n");
    const Result r = run("run " + f);
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("deadlock"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("first"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("second"), std::string::npos) << r.err;
}

TEST(CliPython, AProgramThatDoesNotEndStopsAtTheDefaultLimit) {
    const auto f =
        pyFile("forever.py", "import time\nprint('start')\nwhile True:\n    time.sleep(1)\n");
    const Result r = run("run " + f);
    EXPECT_EQ(r.status, 4);
    EXPECT_EQ(r.out, "start\n");
    EXPECT_NE(r.err.find("the program had not finished"), std::string::npos) << r.err;
    const Result limited = run("run " + f + " --until 2500");
    EXPECT_EQ(limited.status, 0);
}

TEST(CliPython, StatsHaveOneEntryPerProcessAndThread) {
    const auto f =
        pyFile("procs.py",
               "import multiprocessing as mp, threading\ndef w():\n    pass\n"
               "if __name__ == '__main__':\n    p = mp.Process(target=w); p.start(); p.join()\n"
               "    t = threading.Thread(target=w); t.start(); t.join()\n");
    const Result r = run("run " + f + " --stats -");
    EXPECT_EQ(r.status, 0);
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["processes"].size(), 2u);
    EXPECT_EQ(j["processes"][0]["pid"], 1001);
    EXPECT_EQ(j["processes"][1]["pid"], 1002);
    EXPECT_EQ(j["threads"].size(), 3u);
}

TEST(CliPython, WakeLatencySetsHowLongAWokenThreadTakes) {
    // An Event ping-pong: two wake-ups per round trip, so the latency shows twice.
    const auto f =
        pyFile("pingpong.py",
               "import threading, time\ne1, e2 = threading.Event(), threading.Event()\n"
               "def pinger():\n    for i in range(50):\n        e1.wait(); e1.clear(); e2.set()\n"
               "t = threading.Thread(target=pinger); t.start()\nt0 = time.perf_counter()\n"
               "for i in range(50):\n    e1.set(); e2.wait(); e2.clear()\n"
               "print(round((time.perf_counter() - t0) / 50 * 1e6))\nt.join()\n");
    const Result fast = run("run " + f + " --wake-latency 0");
    const Result slow = run("run " + f + " --wake-latency 0.1");
    ASSERT_EQ(fast.status, 0) << fast.err;
    ASSERT_EQ(slow.status, 0) << slow.err;
    const int a = std::stoi(fast.out), b = std::stoi(slow.out);
    EXPECT_LT(a, 10);
    // 2 x 100 us more per round trip on average (each wake-up takes 50-150 us, from the seed).
    EXPECT_GE(b - a, 170);
    EXPECT_LE(b - a, 240);
    EXPECT_EQ(run("run " + f + " --wake-latency -1").status, 2);
}

TEST(CliPython, BadStartMethodIsRejected) {
    const auto f = pyFile("ok.py", "print(1)\n");
    const Result r = run("run " + f + " --start-method vfork");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("expected fork, spawn or forkserver"), std::string::npos);
}

// ---- a lesson's header sets up its run; the command line overrides it ----

TEST(CliLessonHeader, CoresComeFromTheHeaderAndTheOptionOverridesThem) {
    const auto f = pyFile("header_cores.py",
                          "# title: two cores\n# cores: 2\n# args: from-header\n\n"
                          "import os, sys\nprint(os.cpu_count(), sys.argv[1:])\n");
    Result r = run("run " + f + " --stats -");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "2 ['from-header']\n");  // the program's output goes to stderr with --stats -
    EXPECT_EQ(nlohmann::json::parse(r.out)["utilization"].size(), 2u);
    r = run("run " + f + " --cores 3 -- x y");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "3 ['x', 'y']\n");
    EXPECT_EQ(r.err, "");
    // Without a header: the default 4 cores.
    const auto plain = pyFile("plain_cores.py", "import os\nprint(os.cpu_count())\n");
    EXPECT_EQ(run("run " + plain).out, "4\n");
    // The seed lesson of two CPU threads on a dual-core machine.
    r = run("run " + std::string(TASKSCOPE_SOURCE_DIR) +
            "/resources/lessons/001_gil_two_cpu_threads.py --stats -");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["utilization"].size(), 2u);
}

TEST(CliLessonHeader, ABadHeaderValueNamesFileAndLine) {
    const auto f = pyFile("header_bad.py", "# title: t\n# cores: many\n\nprint(1)\n");
    Result r = run("run " + f);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "taskscope: error: " + f +
                         ":2:10: cores: expected a whole number from 1 to 64, got \"many\"\n");
    // A misspelt key is a warning; a header setting that does nothing is one too, with its line.
    const auto g = pyFile("header_warn.py", "# title: t\n# core: 2\n# quantum: 3\n\nprint(1)\n");
    r = run("run " + g);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, "1\n");
    EXPECT_NE(r.err.find("taskscope: warning: " + g + ":2:3: unknown header key \"core\""),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("taskscope: warning: " + g +
                         ":3: quantum has no effect under the fair policy: only rr uses a time "
                         "slice\n"),
              std::string::npos)
        << r.err;
    // ... and none once the command line makes it count.
    r = run("run " + g + " --policy rr");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err.find("has no effect"), std::string::npos) << r.err;
}

TEST(CliPython, StatsListTheMarkedPhases) {
    const auto f = pyFile("phases.py",
                          "import time\nfrom taskscope import mark\nmark('one')\ntime.sleep(0.2)\n"
                          "mark('two')\ntime.sleep(0.1)\n");
    const Result r = run("run " + f + " --stats -");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out)["phases"];
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["label"], "one");
    EXPECT_EQ(j[0]["thread"], "MainThread");
    EXPECT_NEAR(j[0]["duration"].get<double>(), 200.0, 0.5);
    EXPECT_EQ(j[1]["label"], "two");
    EXPECT_NEAR(j[1]["duration"].get<double>(), 100.0, 0.5);
    EXPECT_DOUBLE_EQ(j[0]["end"].get<double>(), j[1]["start"].get<double>());
    // Without marks: an empty list.
    const auto g = pyFile("nophases.py", "print(1)\n");
    EXPECT_EQ(nlohmann::json::parse(run("run " + g + " --stats -").out)["phases"].size(), 0u);
}

// ---- options that have no effect say so (one warning line each; the run goes on) ----

TEST(CliWarnings, QuantumOutsideRoundRobin) {
    Result r = run("run " + data("fcfs_silberschatz.json") + " --quantum 5 --stats -");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err,
              "taskscope: warning: --quantum has no effect under the fcfs policy: only rr uses a "
              "time slice\n");
    EXPECT_DOUBLE_EQ(nlohmann::json::parse(r.out)["average"]["waiting"].get<double>(), 17.0);
    r = run("run " + data("fcfs_silberschatz.json") + " --policy rr --quantum 4 --stats -");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    // The default policy of Python programs is fair.
    const auto f = pyFile("quantum.py", "print('ok')\n");
    r = run("run " + f + " --quantum 2");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out, "ok\n");
    EXPECT_EQ(r.err,
              "taskscope: warning: --quantum has no effect under the fair policy: only rr uses a "
              "time slice\n");
}

TEST(CliWarnings, PythonSettingsOnAWorkload) {
    const Result r =
        run("run " + data("fcfs_silberschatz.json") + " --switch-interval 1 --stats /dev/null");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err,
              "taskscope: warning: --switch-interval has no effect on a workload: it is a setting "
              "of Python programs (a workload sets \"gil\" and \"switch_interval\" in its file)\n");
}

TEST(CliWarnings, BadSettingValuesNameTheOption) {
    Result r = run("run " + data("fcfs_silberschatz.json") + " --cores 65");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("taskscope: error: --cores: expected a whole number from 1 to 64, got "
                         "\"65\""),
              std::string::npos)
        << r.err;
    r = run("run " + data("fcfs_silberschatz.json") + " --seed x");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--seed: expected a whole number, 0 or more, got \"x\""),
              std::string::npos)
        << r.err;
}

// ---- the desktop app's options go through the same parser ----

TEST(CliGuiOptions, HelpListsTheDesktopOptionsAndRun) {
    const Result r = run("--help");
    EXPECT_EQ(r.status, 0);
    for (const char* option : {"--screenshot", "--at", "--size", "--dark", "--raise", "--lang",
                               "--presenter", "--colour-blind", "run"})
        EXPECT_NE(r.out.find(option), std::string::npos) << option << "\n" << r.out;
}

TEST(CliGuiOptions, ABadOptionIsStatus2WithTheUsage) {
    Result r = run("--bogus");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(
        r.err.rfind("taskscope: error: unknown option \"--bogus\"\nusage: taskscope [FILE]", 0), 0u)
        << r.err;
    r = run("--size 10x10 --screenshot x.png");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--size: expected WIDTHxHEIGHT like 1600x1000, got \"10x10\""),
              std::string::npos)
        << r.err;
}
