#include "core/lang/cost_model.h"

#include <cmath>

namespace taskscope::core::lang {

// Calibration: CPU time of python3 (CPython 3.11.7) on the development VM, measured by
// bench/lang (time.process_time, best of 5), next to the simulated time this table charges:
//   countdown      while n > 0: n -= 1, 10**6 iterations      20.0 ms   (REFERENCE §6: 26.8
//   ns/iter) fib25          recursive fib(25), 242785 calls              8.6 ms list_build     10 x
//   ([i*2 for i in range(10**4)] + append)  3.9 ms dict_build     10 x (d[i] = i for 10**4, dict
//   comprehension) 9.0 ms string_format  20000 x (f-string, str.format, %)           27.9 ms
// and 18 idioms of bench/fidelity/op_costs.py (appending, dict stores, f-strings, method calls,
// new instances, str(i), time.time(), raise/except, `in` on a list, sort, ...), each within
// 0.74-1.18x of CPython's median (tests/runtime CostModelVsCPython keeps them within 30 %).
// Not modelled: cache misses and page faults of large containers (appending to a list of
// 100,000 costs CPython 80 ns, not 18), and the 1.3-1.6x of code not yet specialised.
// The VM's own (host) speed does not enter: these are the costs a simulated CPU pays.
CostModel CostModel::calibrated() {
    CostModel m;
    auto set = [&](Op op, double ns) {
        m.opcodePs[static_cast<std::size_t>(op)] = static_cast<int64_t>(std::llround(ns * 1000));
    };
    for (auto& c : m.opcodePs) c = 3000;  // default: ~3 ns per specialised bytecode
    set(Op::NOP, 0.5);
    set(Op::RESUME, 0.5);
    set(Op::POP_TOP, 1.0);
    set(Op::PUSH_NULL, 0.5);
    set(Op::LOAD_FAST, 1.5);
    set(Op::STORE_FAST, 1.5);
    set(Op::LOAD_CONST, 1.5);
    set(Op::LOAD_DEREF, 2.5);
    set(Op::STORE_DEREF, 2.5);
    set(Op::LOAD_GLOBAL, 3.0);
    set(Op::STORE_GLOBAL, 10.0);
    set(Op::LOAD_NAME, 6.0);
    set(Op::STORE_NAME, 6.0);
    set(Op::LOAD_ATTR, 4.0);  // specialised: instance value, module attribute
    set(Op::STORE_ATTR, 10.0);
    set(Op::LOAD_METHOD, 3.0);
    set(Op::BINARY_OP, 5.5);
    set(Op::BINARY_SUBSCR, 6.0);
    set(Op::STORE_SUBSCR, 14.0);
    set(Op::COMPARE_OP, 5.0);
    set(Op::COMPARE_AND_BRANCH, 7.0);
    set(Op::CONTAINS_OP, 10.0);
    set(Op::JUMP_FORWARD, 0.5);
    set(Op::JUMP_BACKWARD, 1.0);
    set(Op::POP_JUMP_IF_FALSE, 1.5);
    set(Op::POP_JUMP_IF_TRUE, 1.5);
    set(Op::GET_ITER, 8.0);
    set(Op::FOR_ITER, 8.0);  // range/list iterator: a new int object per step
    set(Op::BUILD_TUPLE, 10.0);
    set(Op::BUILD_LIST, 12.0);
    set(Op::BUILD_MAP, 20.0);
    set(Op::BUILD_SET, 20.0);
    set(Op::BUILD_STRING, 25.0);
    set(Op::LIST_APPEND, 3.0);
    set(Op::MAP_ADD, 30.0);
    set(Op::SET_ADD, 15.0);
    set(Op::FORMAT_VALUE, 15.0);
    set(Op::CALL, 2.0);  // the callee's kind adds pythonCallPs, nativeCallPs or specialisedCallPs
    set(Op::CALL_FUNCTION_EX, 40.0);
    set(Op::MAKE_FUNCTION, 30.0);
    set(Op::RETURN_VALUE, 3.0);
    set(Op::YIELD_VALUE, 15.0);
    set(Op::UNPACK_SEQUENCE, 6.0);
    set(Op::BEFORE_WITH, 30.0);
    set(Op::WITH_EXIT, 25.0);
    set(Op::IMPORT_NAME, 50.0);
    m.pythonCallPs = 9000;
    m.nativeCallPs = 12000;
    m.allocPs = 15000;
    m.multiDigitIntPs = 2500;
    m.perItemPs = 8000;
    m.printPs = 1500000;  // a line to a terminal: ~1.5 us including the write() system call
    m.printPerBytePs = 2000;
    m.exceptionPs = 15000;      // raise + match + unwind one frame: 80-90 ns per try/raise/except
    m.importPs = 1000000000;    // 1 ms
    m.importCachedPs = 300000;  // 0.3 us: a sys.modules lookup
    m.classCreatePs = 8000000;
    m.formatPs = 30000;          // one value to text (+4x for a float: dtoa)
    m.specialisedCallPs = 1500;  // len, isinstance, list.append, type: specialised CALLs in 3.11
    m.cheapCallPs = 5000;
    m.makingCallPs = 35000;
    m.heavyCallPs = 65000;
    m.instancePs = 55000;  // type_call + object_new + the __init__ slot
    return m;
}

// CPython 3.11 on the development VM, ns per call above a bare loop (bench: c3-style loops of
// `x = f(...)`): abs 5, dict.get 10, len/isinstance 3-9 (specialised), str(i) 44, range(10) 46,
// time.time 45, str.split 40, " ".join 40, int("57") 60, min(i, 5) 80.
NativeCost nativeCostOf(std::string_view q) {
    static constexpr std::string_view cheap[] = {"abs",
                                                 "id",
                                                 "hash",
                                                 "callable",
                                                 "chr",
                                                 "ord",
                                                 "bool",
                                                 "dict.get",
                                                 "list.pop",
                                                 "set.add",
                                                 "dict.setdefault",
                                                 "str.startswith",
                                                 "str.endswith",
                                                 "str.isdigit",
                                                 "str.isalpha",
                                                 "float.is_integer",
                                                 "getattr",
                                                 "hasattr"};
    static constexpr std::string_view making[] = {"str",
                                                  "float",
                                                  "range",
                                                  "tuple",
                                                  "list",
                                                  "dict",
                                                  "set",
                                                  "frozenset",
                                                  "repr",
                                                  "enumerate",
                                                  "zip",
                                                  "reversed",
                                                  "map",
                                                  "filter",
                                                  "iter",
                                                  "sorted",
                                                  "divmod",
                                                  "round",
                                                  "object",
                                                  "str.split",
                                                  "str.join",
                                                  "str.upper",
                                                  "str.lower",
                                                  "str.strip",
                                                  "str.rstrip",
                                                  "str.lstrip",
                                                  "str.replace",
                                                  "str.encode",
                                                  "list.copy",
                                                  "dict.copy",
                                                  "dict.items",
                                                  "dict.keys",
                                                  "dict.values",
                                                  "time.time",
                                                  "time.perf_counter",
                                                  "time.monotonic",
                                                  "time.process_time",
                                                  "time.thread_time",
                                                  "time.time_ns",
                                                  "time.perf_counter_ns",
                                                  "time.monotonic_ns",
                                                  "random.random",
                                                  "random.randint",
                                                  "random.choice",
                                                  "random.uniform",
                                                  "os.getpid",
                                                  "os.getppid"};
    static constexpr std::string_view heavy[] = {"min", "max",    "int",
                                                 "pow", "format", "print_exception"};
    for (auto n : cheap)
        if (n == q) return NativeCost::Cheap;
    for (auto n : making)
        if (n == q) return NativeCost::Making;
    for (auto n : heavy)
        if (n == q) return NativeCost::Heavy;
    return NativeCost::Default;
}

int64_t CostModel::importPsOf(std::string_view module) const {
    // ms of a first import (cumulative, -X importtime, CPython 3.11.7 on the development VM).
    static constexpr std::pair<std::string_view, double> table[] = {{"multiprocessing", 9.5},
                                                                    {"concurrent", 0.3},
                                                                    {"concurrent.futures", 10.0},
                                                                    {"queue", 2.0}};
    // (multiprocessing: 12 ms in all, of which the simulated module code and its import of
    // queue take 2.5 ms; concurrent.futures likewise.)
    static constexpr std::string_view preloaded[] = {
        "threading", "random", "math", "time", "os", "sys", "taskscope", "_taskscope", "builtins"};
    for (auto n : preloaded)
        if (n == module) return importCachedPs;
    for (const auto& [name, ms] : table) {
        if (name == module) return static_cast<int64_t>(std::llround(ms * 1e9 * scale));
    }
    return importPs;
}

CostModel CostModel::scaled(double factor) const {
    CostModel m = *this;
    auto sc = [factor](int64_t v) {
        return static_cast<int64_t>(std::llround(static_cast<double>(v) * factor));
    };
    for (auto& c : m.opcodePs) c = sc(c);
    m.pythonCallPs = sc(pythonCallPs);
    m.nativeCallPs = sc(nativeCallPs);
    m.specialisedCallPs = sc(specialisedCallPs);
    m.cheapCallPs = sc(cheapCallPs);
    m.makingCallPs = sc(makingCallPs);
    m.heavyCallPs = sc(heavyCallPs);
    m.instancePs = sc(instancePs);
    m.allocPs = sc(allocPs);
    m.multiDigitIntPs = sc(multiDigitIntPs);
    m.perItemPs = sc(perItemPs);
    m.printPs = sc(printPs);
    m.printPerBytePs = sc(printPerBytePs);
    m.exceptionPs = sc(exceptionPs);
    m.formatPs = sc(formatPs);
    m.importPs = sc(importPs);
    m.importCachedPs = sc(importCachedPs);
    m.classCreatePs = sc(classCreatePs);
    m.scale = scale * factor;
    return m;
}

std::string CostModel::describe() const {
    std::string out;
    for (int i = 0; i < kOpcodeCount; ++i) {
        out += std::string(opName(static_cast<Op>(i))) + " " +
               std::to_string(static_cast<double>(opcodePs[static_cast<std::size_t>(i)]) / 1000.0) +
               " ns\n";
    }
    out += "python call " + std::to_string(pythonCallPs / 1000) + " ns\n";
    out += "native call " + std::to_string(nativeCallPs / 1000) + " ns (specialised " +
           std::to_string(specialisedCallPs / 1000) + ", cheap " +
           std::to_string(cheapCallPs / 1000) + ", making an object " +
           std::to_string(makingCallPs / 1000) + ", heavy " + std::to_string(heavyCallPs / 1000) +
           ")\n";
    out += "allocation " + std::to_string(allocPs / 1000) + " ns\n";
    out += "print " + std::to_string(printPs / 1000) + " ns\n";
    return out;
}

const char* opName(Op op) {
    static const char* const names[] = {
#define TASKSCOPE_OP_NAME(name) #name,
        TASKSCOPE_OPCODES(TASKSCOPE_OP_NAME)
#undef TASKSCOPE_OP_NAME
    };
    return names[static_cast<int>(op)];
}

}  // namespace taskscope::core::lang
