// The contract with the simulated machine: budgets, GIL check points, blocking natives,
// resume, startCall in new threads, native classes, fork and deep copies.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/lang/copymemo.h"
#include "core/lang/functionobject.h"
#include "core/lang/instanceobject.h"
#include "core/lang/interpreter.h"
#include "core/lang/listobject.h"
#include "core/lang/moduleobject.h"
#include "core/lang/operations.h"
#include "core/lang/strobject.h"
#include "core/lang/typeobject.h"
#include "core/lang/vmthread.h"

using namespace taskscope::core::lang;

namespace {

// A payload a host class attaches to instances (a simulated kernel object id).
struct ProcPayload final : NativePayload {
    int id = 0;
    std::unique_ptr<NativePayload> clone() const override {
        return std::make_unique<ProcPayload>(*this);
    }
};

class TestHost final : public Host {
public:
    std::string out, err;
    std::vector<std::unique_ptr<VmThread>> started;  // threads created by sim.spawn / Process.start
    int nextId = 100;

    void write(Interpreter&, VmThread*, OutStream s, std::string_view text) override {
        (s == OutStream::Stdout ? out : err) += std::string(text);
    }
    InputResult readLine(Interpreter&, VmThread&) override {
        return {InputResult::Kind::Block, {}};
    }
    Value createModule(Interpreter& interp, std::string_view name) override {
        if (name != "sim") return Value();
        Value mod = makeModule("sim");
        auto* d = mod.as<ModuleObject>()->dict();
        auto addFn = [&](const char* n, NativeFn fn, uint32_t flags = 0) {
            Value f = makeNative(n, fn, flags);
            f.as<NativeFunctionObject>()->m_hostContext = this;
            d->setStr(n, f);
        };
        // sim.wait(): blocks until the host resumes the thread.
        addFn("wait", [](NativeCall&) { return NativeResult::block(); });
        // sim.pause(): returns 7 and ends the current run (like a voluntary yield).
        addFn("pause", [](NativeCall&) { return NativeResult::yieldRun(Value::smallInt(7)); });
        // sim.spawn(fn, *args): runs fn(*args) in a new VmThread.
        addFn("spawn", [](NativeCall& c) {
            auto* host = static_cast<TestHost*>(c.function().m_hostContext);
            auto th = c.interp().newThread();
            std::vector<Value> args(c.args().begin() + 1, c.args().end());
            th->startCall(c.arg(0), std::move(args));
            host->started.push_back(std::move(th));
            return NativeResult::ret(Value::smallInt(static_cast<int64_t>(host->started.size())));
        });
        // class Process: __init__ stores a payload; start() runs self.run() in a new thread.
        Value cls = makeClass("Process", {}, "sim");
        auto* tp = cls.as<TypeObject>();
        addMethod(tp, "__init__", [](NativeCall& c) {
            auto p = std::make_unique<ProcPayload>();
            p->id = 100;
            c.self().as<InstanceObject>()->setPayload(std::move(p));
            return NativeResult::ret();
        });
        addMethod(tp, "start", [](NativeCall& c) {
            auto* host = dynamic_cast<TestHost*>(&c.interp().host());
            Value run = getAttr(c.thread(), c.self(), "run");
            auto th = c.interp().newThread();
            th->startCall(run, {});
            host->started.push_back(std::move(th));
            return NativeResult::ret();
        });
        addMethod(tp, "pid", [](NativeCall& c) {
            auto* p = c.self().as<InstanceObject>()->payloadAs<ProcPayload>();
            return NativeResult::ret(Value::smallInt(p ? p->id : -1));
        });
        addProperty(
            tp, "ident",
            [](NativeCall& c) {
                auto* p = c.arg(0).as<InstanceObject>()->payloadAs<ProcPayload>();
                return NativeResult::ret(Value::smallInt(p ? p->id : -1));
            },
            [](NativeCall& c) {
                c.arg(0).as<InstanceObject>()->payloadAs<ProcPayload>()->id =
                    static_cast<int>(c.arg(1).smallInt());
                return NativeResult::ret();
            });
        d->setStr("Process", cls);
        (void)interp;
        return mod;
    }
};

struct Fixture {
    TestHost host;
    std::unique_ptr<Interpreter> interp;
    std::unique_ptr<VmThread> main;
    explicit Fixture(const std::string& src) {
        interp = std::make_unique<Interpreter>(host, InterpreterConfig{});
        auto code = interp->compileMain(src);
        EXPECT_TRUE(code.ok()) << (code.ok() ? "" : code.error().brief());
        main = interp->newThread();
        if (code) {
            main->startModule(*code);
        }
    }
};

RunResult runToEnd(VmThread& t) {
    RunResult r;
    int guard = 0;
    do {
        r = t.run({});
    } while (r.status != RunStatus::Finished && r.status != RunStatus::Blocked && ++guard < 1000);
    return r;
}

}  // namespace

TEST(Host, BudgetStopsAndResumes) {
    Fixture f("n = 10000\nwhile n > 0:\n    n -= 1\nprint('done', n)\n");
    int runs = 0;
    int64_t total = 0;
    RunResult r;
    do {
        r = f.main->run({.budgetNs = 5000, .stopAtCheckpoint = false});
        total += r.consumedNs;
        ++runs;
        if (r.status == RunStatus::Budget) {
            EXPECT_GE(r.consumedNs, 5000);
        }
    } while (r.status == RunStatus::Budget);
    EXPECT_EQ(r.status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "done 0\n");
    EXPECT_GT(runs, 10);
    // ~27 ns per iteration of `while n > 0: n -= 1` (REFERENCE.md §6).
    EXPECT_GT(total, 10000 * 15);
    EXPECT_LT(total, 10000 * 35);
    EXPECT_EQ(f.main->exitCode(), 0);
}

TEST(Host, CheckpointsAtLoopBackEdgesAndCalls) {
    Fixture f("def g():\n    return 1\nx = 0\nfor i in range(3):\n    x += g()\nprint(x)\n");
    int checkpoints = 0;
    RunResult r;
    do {
        r = f.main->run({.budgetNs = INT64_MAX, .stopAtCheckpoint = true});
        if (r.status == RunStatus::Checkpoint) ++checkpoints;
    } while (r.status == RunStatus::Checkpoint);
    EXPECT_EQ(r.status, RunStatus::Finished);
    // 3 function entries + 3 taken back edges of the for loop (range() and print() are
    // native calls: range at the start, print at the end also count).
    EXPECT_GE(checkpoints, 6);
    EXPECT_EQ(f.host.out, "3\n");
}

TEST(Host, LenAndAppendAreNotCheckpoints) {
    Fixture f("a = []\na.append(1)\nn = len(a)\nb = isinstance(n, int)\n");
    RunResult r = f.main->run({.budgetNs = INT64_MAX, .stopAtCheckpoint = true});
    EXPECT_EQ(r.status, RunStatus::Finished);
}

TEST(Host, BlockingNativeAndResume) {
    Fixture f("import sim\nv = sim.wait()\nprint('got', v)\n");
    RunResult r = f.main->run({});
    EXPECT_EQ(r.status, RunStatus::Blocked);
    EXPECT_TRUE(f.main->isBlocked());
    EXPECT_EQ(f.main->run({}).status, RunStatus::Blocked);  // still blocked until resumed
    f.main->resume(Value::smallInt(42));
    r = f.main->run({});
    EXPECT_EQ(r.status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "got 42\n");
}

TEST(Host, ResumeWithExceptionRaisesAtTheCall) {
    Fixture f(
        "import sim\ntry:\n    sim.wait()\nexcept TimeoutError as e:\n    print('timeout', e)\n");
    EXPECT_EQ(f.main->run({}).status, RunStatus::Blocked);
    f.main->resumeWithException(builtinTypes().TimeoutError, "too slow");
    EXPECT_EQ(f.main->run({}).status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "timeout too slow\n");
}

TEST(Host, BlockingInsideNestedCallbackIsAnError) {
    Fixture f(
        "import sim\ntry:\n    sorted([1, 2], key=lambda x: sim.wait())\nexcept RuntimeError as "
        "e:\n    print('error')\n");
    EXPECT_EQ(runToEnd(*f.main).status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "error\n");
}

TEST(Host, YieldRunEndsTheRunWithAValue) {
    Fixture f("import sim\nprint(sim.pause())\n");
    EXPECT_EQ(f.main->run({}).status, RunStatus::Yielded);
    EXPECT_EQ(f.main->run({}).status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "7\n");
}

TEST(Host, StartCallRunsInANewThreadSharingGlobals) {
    Fixture f(
        "import sim\nresults = []\ndef work(a, b):\n    results.append(a + b)\n    return a * "
        "b\nsim.spawn(work, 3, 4)\n");
    EXPECT_EQ(runToEnd(*f.main).status, RunStatus::Finished);
    ASSERT_EQ(f.host.started.size(), 1u);
    VmThread& t = *f.host.started[0];
    EXPECT_EQ(runToEnd(t).status, RunStatus::Finished);
    EXPECT_EQ(t.outcome(), ThreadOutcome::Returned);
    EXPECT_EQ(t.result().smallInt(), 12);
    Value results = f.interp->mainGlobals()->getStr("results");
    ASSERT_TRUE(results.isKind(ObjKind::List));
    EXPECT_EQ(results.as<ListObject>()->items()[0].smallInt(), 7);
}

TEST(Host, NativeClassCanBeSubclassed) {
    Fixture f(
        "import sim\n"
        "class Worker(sim.Process):\n"
        "    def __init__(self, n):\n"
        "        super().__init__()\n"
        "        self.n = n\n"
        "    def run(self):\n"
        "        print('worker', self.n, self.pid())\n"
        "w = Worker(5)\nw.ident = 7\nw.start()\nprint(isinstance(w, sim.Process), w.ident)\n");
    EXPECT_EQ(runToEnd(*f.main).status, RunStatus::Finished) << f.host.err;
    ASSERT_EQ(f.host.started.size(), 1u);
    EXPECT_EQ(runToEnd(*f.host.started[0]).status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "True 7\nworker 5 7\n");
}

TEST(Host, UncaughtExceptionInThreadGivesBanner) {
    Fixture f("import sim\ndef bad():\n    raise ValueError('boom')\nsim.spawn(bad)\n");
    runToEnd(*f.main);
    VmThread& t = *f.host.started[0];
    runToEnd(t);
    EXPECT_EQ(t.outcome(), ThreadOutcome::Raised);
    t.reportAsThread("Thread-1 (bad)");
    EXPECT_NE(f.host.err.find(
                  "Exception in thread Thread-1 (bad):\nTraceback (most recent call last):\n"),
              std::string::npos);
    EXPECT_NE(f.host.err.find("ValueError: boom\n"), std::string::npos);
}

TEST(Host, ForkCopiesGlobalsDeeply) {
    Fixture f(
        "data = [1, 2]\ncounter = {'n': 0}\ndef child_main(k):\n    data.append(k)\n    "
        "counter['n'] += 1\n    print('child', data, counter)\n");
    runToEnd(*f.main);
    TestHost childHost;
    CopyMemo memo;
    auto child = f.interp->fork(memo, childHost);
    Value target = deepCopy(Value(f.interp->mainGlobals()->getStr("child_main")), memo);
    auto ct = child->newThread();
    ct->startCall(target, {Value::smallInt(9)});
    EXPECT_EQ(runToEnd(*ct).status, RunStatus::Finished);
    EXPECT_EQ(childHost.out, "child [1, 2, 9] {'n': 1}\n");
    // The parent's objects are untouched.
    Value data = f.interp->mainGlobals()->getStr("data");
    EXPECT_EQ(data.as<ListObject>()->size(), 2);
}

TEST(Host, DeepCopyKeepsSharingAndCycles) {
    TestHost host;
    Interpreter interp(host, {});
    Value inner = makeList({Value::smallInt(1)});
    Value outer = makeList({inner, inner});
    outer.as<ListObject>()->items().push_back(outer);  // a cycle
    CopyMemo memo;
    Value copy = deepCopy(outer, memo);
    auto& items = copy.as<ListObject>()->items();
    EXPECT_FALSE(copy.is(outer));
    EXPECT_TRUE(items[0].is(items[1]));
    EXPECT_FALSE(items[0].is(inner));
    EXPECT_TRUE(items[2].is(copy));
    outer.as<ListObject>()->clearRefs();  // break the cycles so the test does not leak
    copy.as<ListObject>()->clearRefs();
}

TEST(Host, RecursionIsARecursionErrorNotACrash) {
    Fixture f(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    "
        "print('RecursionError', e)\n");
    EXPECT_EQ(runToEnd(*f.main).status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "RecursionError maximum recursion depth exceeded\n");
}

TEST(Host, SysExitMessageAndCode) {
    Fixture f("import sys\nsys.exit('fatal error')\n");
    runToEnd(*f.main);
    EXPECT_EQ(f.main->outcome(), ThreadOutcome::Exited);
    EXPECT_EQ(f.main->reportAsMainThread(), 1);
    EXPECT_EQ(f.host.err, "fatal error\n");
    Fixture g("import sys\nsys.exit(4)\n");
    runToEnd(*g.main);
    EXPECT_EQ(g.main->reportAsMainThread(), 4);
}

TEST(Host, InputBlocksUntilTheHostSuppliesALine) {
    Fixture f("name = input('who? ')\nprint('hi', name)\n");
    EXPECT_EQ(f.main->run({}).status, RunStatus::Blocked);
    EXPECT_EQ(f.host.out, "who? ");
    f.main->resume(makeStr("ada"));
    EXPECT_EQ(f.main->run({}).status, RunStatus::Finished);
    EXPECT_EQ(f.host.out, "who? hi ada\n");
}

TEST(Host, SwitchIntervalIsReadableByTheHost) {
    Fixture f("import sys\nsys.setswitchinterval(0.001)\n");
    runToEnd(*f.main);
    EXPECT_DOUBLE_EQ(f.interp->switchInterval(), 0.001);
}

TEST(Host, MpMainNameForSpawnChildren) {
    TestHost host;
    InterpreterConfig cfg;
    cfg.mainName = "__mp_main__";
    Interpreter interp(host, cfg);
    auto code =
        interp.compileMain("print(__name__)\nif __name__ == '__main__':\n    print('guarded')\n");
    ASSERT_TRUE(code.ok());
    auto t = interp.newThread();
    t->startModule(*code);
    runToEnd(*t);
    EXPECT_EQ(host.out, "__mp_main__\n");
}

TEST(Host, StackAndCurrentLineForTheCodeView) {
    Fixture f("import sim\ndef f():\n    sim.wait()\nf()\n");
    EXPECT_EQ(f.main->run({}).status, RunStatus::Blocked);
    auto st = f.main->stack();
    ASSERT_EQ(st.size(), 2u);
    EXPECT_EQ(st[0].function, "<module>");
    EXPECT_EQ(st[0].line, 4);
    EXPECT_EQ(st[1].function, "f");
    EXPECT_EQ(st[1].line, 3);
    EXPECT_EQ(f.main->currentLine(), 3);
    f.main->resume();
    runToEnd(*f.main);
}
