#pragma once
// A simulated thread's Python execution state: an explicit frame stack that run() advances
// bytecode by bytecode until a budget, a GIL check point, a block, or the end.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/lang/frame.h"
#include "core/lang/value.h"

namespace taskscope::core::lang {

class Interpreter;
class TypeObject;
class TupleObject;
class StrObject;

enum class RunStatus : uint8_t {
    Budget,      // consumed at least limits.budgetNs; run again to continue
    Checkpoint,  // reached a GIL check point while limits.stopAtCheckpoint was set
    Blocked,     // a native blocked; call resume()/resumeWithException() before running again
    Yielded,     // a native asked to end this run (NativeResult::yieldRun)
    Finished,    // returned, raised an uncaught exception, or SystemExit; see outcome()
};

struct RunLimits {
    int64_t budgetNs = INT64_MAX;
    // Stop at the next GIL check point: function entry (RESUME), a taken backward jump, or
    // the return from a call to a non-Python callable other than len/isinstance/
    // list.append/type (REFERENCE.md §1). The host sets it when a drop request is pending.
    bool stopAtCheckpoint = false;
};

struct RunResult {
    RunStatus status = RunStatus::Finished;
    int64_t consumedNs = 0;  // simulated time this run used
};

enum class ThreadOutcome : uint8_t { NotStarted, Running, Returned, Raised, Exited };

// A frame summary for display (the code view's per-thread marker) and debugging.
struct StackEntry {
    std::string function;
    std::string filename;
    int line = 0;
};

class DictObject;
class VmThread;

// Sees module-level variables being read and written (race detection on globals shared by
// threads). Set per thread by the host; null costs one branch per global access.
class GlobalWatcher {
public:
    virtual ~GlobalWatcher() = default;
    virtual void onLoad(VmThread& t, DictObject* globals, const Value& name,
                        const Value& value) = 0;
    virtual void onStore(VmThread& t, DictObject* globals, const Value& name,
                         const Value& value) = 0;
};

class VmThread {
public:
    explicit VmThread(Interpreter& interp);
    ~VmThread();
    VmThread(const VmThread&) = delete;
    VmThread& operator=(const VmThread&) = delete;

    Interpreter& interp() const { return m_interp; }

    // Entry points (call exactly one, before the first run()).
    // Runs a code object from Interpreter::compile as the main module's body.
    void startModule(const Value& code);
    // Calls `callable(*args, **kwargs)` as this thread's body (Thread/Process targets).
    void startCall(const Value& callable, std::vector<Value> args,
                   std::vector<std::pair<std::string, Value>> kwargs = {});

    RunResult run(const RunLimits& limits);

    // Completes a blocked native call with a value, or makes it raise.
    void resume(Value result = Value::none());
    void resumeWithException(Value exception);
    void resumeWithException(TypeObject* type, std::string message);
    bool isBlocked() const { return m_blocked; }
    bool isFinished() const {
        return m_outcome != ThreadOutcome::Running && m_outcome != ThreadOutcome::NotStarted;
    }

    ThreadOutcome outcome() const { return m_outcome; }
    const Value& result() const { return m_result; }        // Returned: the return value
    const Value& exception() const { return m_exception; }  // Raised/Exited: the exception
    // CPython's exit status for this outcome: 0, SystemExit's code, or 1.
    int exitCode() const;
    // Prints what CPython prints for an uncaught exception in the main thread (traceback, or
    // the SystemExit message) to stderr through the host, and returns the exit code.
    int reportAsMainThread();
    // threading.excepthook's output: "Exception in thread NAME:" + traceback (not for SystemExit).
    void reportAsThread(std::string_view threadName);

    // Where the thread is (innermost frame last).
    std::vector<StackEntry> stack() const;
    int currentLine() const;
    // The line of the innermost frame running code from `filename` (0 if none).
    int currentLineIn(const std::string& filename) const;
    std::size_t depth() const { return m_frames.size(); }
    // The frame stack, innermost last (core/lang/inspect.h reads it).
    const std::vector<Frame>& frames() const { return m_frames; }
    int64_t totalConsumedNs() const { return m_consumedPs / 1000; }

    // Host bookkeeping: a tag the host sets (e.g. its thread id) and reads back in natives.
    uint64_t m_hostId = 0;
    GlobalWatcher* m_globalWatcher = nullptr;
    void* m_hostData = nullptr;

    // ---- For natives -------------------------------------------------------------------
    // Calls a Python or native callable to completion (a nested run: no budget stops; a
    // blocking native inside raises RuntimeError). Throws PyException on error.
    Value callNested(const Value& callable, std::span<const Value> args,
                     const TupleObject* kwNames = nullptr);
    Value call(const Value& callable, std::initializer_list<Value> args) {
        return callNested(callable, std::span<const Value>(args.begin(), args.size()));
    }
    void addCostPs(int64_t ps) { m_consumedPs += ps; }
    // The exception currently being handled (sys.exc_info), or null.
    const Value& handledException() const { return m_handled; }
    // The innermost Python frame (for super() and friends); null if none.
    Frame* currentFrame() { return m_frames.empty() ? nullptr : &m_frames.back(); }
    // Depth of recursion into native<->Python callbacks and repr/eq (RecursionError guard).
    void enterRecursion();
    void leaveRecursion() { --m_recursion; }
    // next(generator) from native code (a nested run). Null when exhausted.
    Value generatorNext(const Value& gen);
    // Objects whose repr is in progress (to print [...] for recursive containers).
    std::vector<const Object*> m_reprStack;

private:
    friend class Interpreter;
    enum class Stop : uint8_t { None, Budget, Checkpoint, Blocked, Yielded, Finished, NestedDone };

    Stop execute(std::size_t baseDepth, bool nested);
    // Pushes a frame for a Python function call (or creates a generator: *genOut set).
    void pushFunctionFrame(const Value& func, Value* args, std::size_t nargs,
                           const TupleObject* kwNames, const Value* self, ReturnKind rk,
                           bool stopAfter, Value* genOut);
    void bindArguments(FunctionObject* fn, Value* slots, const Value* self, Value* args,
                       std::size_t nargs, const TupleObject* kwNames);
    void popFrame();
    Value* allocSlots(std::size_t n);
    void freeSlots(Value* p, std::size_t n);
    // Generic call from the eval loop: pushes a frame (Python) or runs a native.
    // Returns true if a Python frame was pushed.
    enum class CallOutcome : uint8_t { Pushed, Done, Blocked, Yielded };
    CallOutcome invoke(const Value& callable, Value* args, std::size_t nargs,
                       const TupleObject* kwNames, int32_t forIterTarget, bool stopAfter,
                       Value* result, bool* checkpoint);
    CallOutcome callNative(const Value& fnValue, const Value* args, std::size_t nargs,
                           const TupleObject* kwNames, const Value* callee, Value* result,
                           bool* checkpoint);
    // Returns false if the generator is already finished.
    bool resumeGenerator(const Value& gen, Value sent, int32_t forIterTarget, bool stopAfter);
    void raiseInFrame(Value exc, bool reraise);
    bool unwind(std::size_t baseDepth);  // finds a handler; false if the exception left baseDepth
    void finishWith(ThreadOutcome o, Value v);
    Value buildClass(const Value& func, const Value& name, const Value& bases);

    Interpreter& m_interp;
    std::vector<Frame> m_frames;
    std::vector<std::unique_ptr<Value[]>> m_chunks;
    std::vector<std::size_t> m_chunkUsed;
    std::vector<std::size_t> m_chunkSizes;
    std::size_t m_chunkIndex = 0;

    ThreadOutcome m_outcome = ThreadOutcome::NotStarted;
    Value m_result;
    Value m_exception;  // uncaught exception when finished
    Value m_pending;    // exception being propagated during unwinding
    bool m_pendingReraise = false;
    Value m_handled;  // exception being handled (except/finally blocks)
    bool m_blocked = false;
    bool m_resumeWithExc = false;
    Value m_resumeValue;
    const TupleObject* m_kwNames = nullptr;  // set by KW_NAMES for the next CALL
    Value m_kwNamesRef;

    int64_t m_consumedPs = 0;
    int64_t m_budgetPs = INT64_MAX;
    bool m_stopAtCheckpoint = false;
    bool m_skipCheckpoint = false;  // the check point we stopped at has been reported
    int m_nested = 0;               // native->Python nesting level
    int m_recursion = 0;
    Stop m_nestedStop = Stop::None;
    Value m_nestedResult;
    // startCall() target, invoked by the first run().
    Value m_startCallable;
    std::vector<Value> m_startArgs;
    Value m_startKwNames;
    int64_t m_reportedPs = 0;
};

// Guard for C++ recursion (repr of nested containers, __eq__ chains).
class RecursionGuard {
public:
    explicit RecursionGuard(VmThread& t) : m_t(t) { t.enterRecursion(); }
    ~RecursionGuard() { m_t.leaveRecursion(); }
    RecursionGuard(const RecursionGuard&) = delete;
    RecursionGuard& operator=(const RecursionGuard&) = delete;

private:
    VmThread& m_t;
};

}  // namespace taskscope::core::lang
