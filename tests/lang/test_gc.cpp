// The cycle collector: cycles made in a loop stay bounded, gc.collect() counts what
// CPython 3.11 counts, what frames hold is never freed, forks collect on their own, and
// collecting changes neither output nor simulated time.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "core/lang/copymemo.h"
#include "core/lang/dictobject.h"
#include "core/lang/functionobject.h"
#include "core/lang/gcheap.h"
#include "core/lang/interpreter.h"
#include "core/lang/listobject.h"
#include "core/lang/moduleobject.h"
#include "core/lang/strobject.h"
#include "core/lang/typeobject.h"
#include "core/lang/vmthread.h"

using namespace taskscope::core::lang;

namespace {

class GcHost final : public Host {
public:
    std::string out, err;
    void write(Interpreter&, VmThread*, OutStream s, std::string_view text) override {
        (s == OutStream::Stdout ? out : err) += std::string(text);
    }
    // sim.wait() blocks until the test resumes the thread.
    Value createModule(Interpreter&, std::string_view name) override {
        if (name != "sim") return Value();
        Value mod = makeModule("sim");
        mod.as<ModuleObject>()->dict()->setStr(
            "wait", makeNative("wait", [](NativeCall&) { return NativeResult::block(); }));
        return mod;
    }
};

struct Program {
    GcHost host;
    std::unique_ptr<Interpreter> interp;
    std::unique_ptr<VmThread> main;
    explicit Program(const std::string& src) {
        interp = std::make_unique<Interpreter>(host, InterpreterConfig{});
        auto code = interp->compileMain(src);
        EXPECT_TRUE(code.hasValue()) << (code.hasValue() ? "" : code.error().brief());
        main = interp->newThread();
        if (code) main->startModule(*code);
    }
    // Runs to the end (or a block) in slices; returns the most objects tracked at a stop.
    std::size_t run(int64_t sliceNs = INT64_MAX) {
        std::size_t peak = interp->heap().trackedCount();
        RunResult r;
        do {
            r = main->run({.budgetNs = sliceNs});
            peak = std::max(peak, interp->heap().trackedCount());
        } while (r.status != RunStatus::Finished && r.status != RunStatus::Blocked);
        return peak;
    }
};

}  // namespace

TEST(Gc, CyclesMadeInALoopStayBounded) {
    // 100,000 iterations, each leaving a self-referencing list and two instances (with their
    // dicts) that refer to each other: 500,000 tracked objects, all garbage.
    Program p(
        "class Node:\n    pass\n"
        "def make():\n    x = []\n    x.append(x)\n    a = Node()\n    b = Node()\n"
        "    a.other = b\n    b.other = a\n"
        "for i in range(100000):\n    make()\nprint('done')\n");
    const std::size_t baseline = p.interp->heap().trackedCount();
    const std::size_t peak = p.run(20'000);  // stop every 20 µs of simulated time
    EXPECT_EQ(p.host.out, "done\n");
    // Garbage never exceeds one threshold's worth (plus the cycle being built).
    EXPECT_LE(peak, baseline + GcHeap::kMinThreshold + 16);
    // Survivors stay below the minimum threshold: one collection per 700 garbage objects.
    EXPECT_EQ(p.interp->heap().collections(), 500'000 / GcHeap::kMinThreshold);
    // After a full collection only the program's reachable state is left: the class Node,
    // its dict and the function make, less the module body's function (its frame is gone).
    p.interp->heap().collect();
    EXPECT_EQ(p.interp->heap().trackedCount(), baseline + 3 - 1);
}

TEST(Gc, CollectReturnsCPythonsCount) {
    // Each number is what python3.11 prints for the same line (checked with python3 -c).
    Program p(
        "import gc\ngc.disable()\n"
        "a = []\na.append(a)\ndel a\nprint('self list', gc.collect())\n"
        "d = {}\nd['d'] = d\ndel d\nprint('self dict', gc.collect())\n"
        "class N:\n    pass\n"
        "a = N()\nb = N()\na.o = b\nb.o = a\ndel a, b\nprint('two instances', gc.collect())\n"
        "a = N()\nb = N()\na.o = b\nb.o = a\nvars(a)\nvars(b)\ndel a, b\n"
        "print('two instances, dicts seen', gc.collect())\n"
        "def f():\n    def ins(k):\n        return ins(k - 1) if k else 0\n    return ins(3)\n"
        "f()\nprint('recursive closure', gc.collect())\n"
        "t = ([],)\nt[0].append(t)\ndel t\nprint('tuple and list', gc.collect())\n"
        "e = ValueError('m')\ne.x = e\ndel e\nprint('exception', gc.collect())\n"
        "for i in range(1000):\n    x = [i]\n    x.append(x)\n"
        "del x\nprint('loop', gc.collect())\n"
        "print('nothing left', gc.collect())\n");
    p.run();
    EXPECT_EQ(p.host.err, "");
    EXPECT_EQ(p.host.out,
              "self list 1\nself dict 1\ntwo instances 2\ntwo instances, dicts seen 4\n"
              "recursive closure 3\ntuple and list 2\nexception 3\nloop 1000\n"
              "nothing left 0\n");
    EXPECT_EQ(p.interp->heap().collections(), 9u);  // gc.disable(): only the explicit ones
}

TEST(Gc, WhatALiveFrameHoldsIsNeverFreed) {
    // Cycles held only by locals, by a suspended generator and by a blocked thread's frame.
    Program p(
        "import gc, sim\n"
        "def gen():\n    g = []\n    g.append(g)\n    yield g\n    yield g[0] is g\n"
        "def f():\n    a = []\n    a.append(a)\n    b = {'a': a}\n    b['b'] = b\n"
        "    it = gen()\n    first = next(it)\n    n = gc.collect()\n"
        "    print(n, a[0] is a, b['b'] is b, first[0] is first, next(it))\n"
        "    sim.wait()\n    print(a[0] is a, b['a'] is a, len(first))\n"
        "f()\nprint('after', gc.collect())\n");
    p.run();
    EXPECT_TRUE(p.main->isBlocked());
    EXPECT_EQ(p.host.out, "0 True True True True\n");
    // A collection while the thread is blocked in sim.wait(): its frames are roots.
    EXPECT_EQ(p.interp->heap().collect(), 0u);
    p.main->resume();
    p.run();
    EXPECT_EQ(p.host.err, "");
    // After f returns its cycles are garbage: a, b (a dict holding containers) and g (the
    // generator itself is freed by its reference count).
    EXPECT_EQ(p.host.out, "0 True True True True\nTrue True 1\nafter 3\n");
}

TEST(Gc, ForkCollectsIndependentlyOfItsParent) {
    Program p(
        "import gc\ngc.disable()\nkeep = []\nkeep.append(keep)\n"
        "def child():\n    global keep\n    del keep\n    print('child', gc.collect())\n");
    p.run();
    GcHeap& parentHeap = p.interp->heap();
    const std::size_t parentTracked = parentHeap.trackedCount();
    GcHost childHost;
    std::unique_ptr<Interpreter> child;
    std::unique_ptr<VmThread> ct;
    {
        CopyMemo memo;  // holds every copy: dropped before the child runs, as the runtime does
        child = p.interp->fork(memo, childHost);
        GcHeap::Scope scope(child->heap());
        ct = child->newThread();
        ct->startCall(deepCopy(Value(p.interp->mainGlobals()->getStr("child")), memo), {});
    }
    EXPECT_EQ(parentHeap.trackedCount(), parentTracked);  // the copies are the child's
    EXPECT_GT(child->heap().trackedCount(), 0u);
    EXPECT_FALSE(child->heap().enabled());  // gc.disable() is copied as os.fork() copies it
    RunResult r;
    do r = ct->run({});
    while (r.status != RunStatus::Finished);
    EXPECT_EQ(childHost.out, "child 1\n");
    // The parent's cycle is intact and still only the parent's.
    Value keep = p.interp->mainGlobals()->getStr("keep");
    ASSERT_TRUE(keep.isKind(ObjKind::List));
    EXPECT_TRUE(keep.as<ListObject>()->items()[0].is(keep));
    EXPECT_EQ(parentHeap.trackedCount(), parentTracked);
    EXPECT_EQ(parentHeap.collect(), 0u);
}

TEST(Gc, CollectingChangesNeitherOutputNorSimulatedTime) {
    const std::string src =
        "class Node:\n    pass\n"
        "total = 0\nfor i in range(5000):\n    a = Node()\n    a.me = a\n    a.n = i\n"
        "    total += a.n\nprint(total, id(a) > 0)\n";
    Program on(src);
    Program off(src);
    off.interp->heap().setEnabled(false);
    on.run(50'000);
    off.run(50'000);
    EXPECT_EQ(on.host.out, "12497500 True\n");
    EXPECT_EQ(off.host.out, on.host.out);
    EXPECT_EQ(on.main->totalConsumedNs(), off.main->totalConsumedNs());
    EXPECT_GE(on.interp->heap().collections(), 5000u / GcHeap::kMinThreshold);
    EXPECT_EQ(off.interp->heap().collections(), 0u);
}

TEST(Gc, TrackingFollowsTheCurrentHeap) {
    GcHost host;
    Interpreter interp(host, {});
    // No current heap: untracked, never collected, no crash.
    Value loose = makeList();
    EXPECT_FALSE(loose.obj()->gcTracked());
    // Immortal builtins are shared by every interpreter and never tracked.
    EXPECT_FALSE(builtinTypes().list->gcTracked());
    EXPECT_FALSE(builtinTypes().list->dictValue().obj()->gcTracked());
    EXPECT_FALSE(emptyTuple().obj()->gcTracked());
    // Non-containers are never tracked.
    Value s = makeStr("text");
    Value kept;
    {
        GcHeap::Scope scope(interp.heap());
        const std::size_t before = interp.heap().trackedCount();
        kept = makeList({s});
        EXPECT_TRUE(kept.obj()->gcTracked());
        EXPECT_FALSE(makeStr("x").obj()->gcTracked());
        EXPECT_EQ(interp.heap().trackedCount(), before + 1);
        {
            GcHeap::Scope none(nullptr);
            EXPECT_FALSE(makeDict().obj()->gcTracked());
        }
        EXPECT_TRUE(makeDict().obj()->gcTracked());
    }
    EXPECT_EQ(GcHeap::current(), nullptr);
    // A cycle through an untracked list is left alone (it is an outside reference).
    loose.as<ListObject>()->items().push_back(kept);
    kept.as<ListObject>()->items().push_back(loose);
    EXPECT_EQ(interp.heap().collect(), 0u);
    EXPECT_TRUE(kept.obj()->gcTracked());
    loose.as<ListObject>()->clearRefs();  // the test's own cycle: break it
}

TEST(Gc, TeardownFreesCyclesAndUntracksSurvivors) {
    Value survivor;
    {
        Program p("a = []\na.append(a)\nb = [a]\nb.append(b)\nc = [1, 2]\n");
        p.run();
        survivor = p.interp->mainGlobals()->getStr("c");
        EXPECT_TRUE(survivor.obj()->gcTracked());
        p.main.reset();
    }
    // The interpreter is gone: its final collection freed the cycles (the ASan suite checks
    // they do not leak); what the host still holds lives on, untracked.
    ASSERT_TRUE(survivor.isKind(ObjKind::List));
    EXPECT_FALSE(survivor.obj()->gcTracked());
    EXPECT_EQ(survivor.as<ListObject>()->size(), 2);
}
