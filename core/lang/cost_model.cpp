#include "core/lang/cost_model.h"

#include <cmath>

namespace taskscope::core::lang {

// Calibration: CPU time of python3 (CPython 3.11.7) on the development VM, measured by
// bench/lang (time.process_time, best of 5), next to the simulated time this table charges:
//   countdown      while n > 0: n -= 1, 10**6 iterations      20.0 ms   (REFERENCE §6: 26.8 ns/iter)
//   fib25          recursive fib(25), 242785 calls              8.6 ms
//   list_build     10 x ([i*2 for i in range(10**4)] + append)  3.9 ms
//   dict_build     10 x (d[i] = i for 10**4, dict comprehension) 9.0 ms
//   string_format  20000 x (f-string, str.format, %)           27.9 ms
// The VM's own (host) speed does not enter: these are the costs a simulated CPU pays.
CostModel CostModel::calibrated() {
    CostModel m;
    auto set = [&](Op op, double ns) { m.opcodePs[static_cast<std::size_t>(op)] = static_cast<int64_t>(std::llround(ns * 1000)); };
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
    set(Op::STORE_GLOBAL, 6.0);
    set(Op::LOAD_NAME, 6.0);
    set(Op::STORE_NAME, 6.0);
    set(Op::LOAD_ATTR, 8.0);
    set(Op::STORE_ATTR, 10.0);
    set(Op::LOAD_METHOD, 5.0);
    set(Op::BINARY_OP, 5.5);
    set(Op::BINARY_SUBSCR, 6.0);
    set(Op::STORE_SUBSCR, 30.0);
    set(Op::COMPARE_OP, 5.0);
    set(Op::COMPARE_AND_BRANCH, 7.0);
    set(Op::CONTAINS_OP, 10.0);
    set(Op::JUMP_FORWARD, 0.5);
    set(Op::JUMP_BACKWARD, 1.0);
    set(Op::POP_JUMP_IF_FALSE, 1.5);
    set(Op::POP_JUMP_IF_TRUE, 1.5);
    set(Op::GET_ITER, 8.0);
    set(Op::FOR_ITER, 4.0);
    set(Op::BUILD_TUPLE, 10.0);
    set(Op::BUILD_LIST, 12.0);
    set(Op::BUILD_MAP, 20.0);
    set(Op::BUILD_SET, 20.0);
    set(Op::BUILD_STRING, 25.0);
    set(Op::LIST_APPEND, 3.0);
    set(Op::MAP_ADD, 30.0);
    set(Op::SET_ADD, 15.0);
    set(Op::FORMAT_VALUE, 40.0);
    set(Op::CALL, 5.0);
    set(Op::CALL_FUNCTION_EX, 40.0);
    set(Op::MAKE_FUNCTION, 30.0);
    set(Op::RETURN_VALUE, 3.0);
    set(Op::YIELD_VALUE, 15.0);
    set(Op::UNPACK_SEQUENCE, 6.0);
    set(Op::BEFORE_WITH, 30.0);
    set(Op::WITH_EXIT, 25.0);
    set(Op::IMPORT_NAME, 50.0);
    m.pythonCallPs = 6000;
    m.nativeCallPs = 9000;
    m.allocPs = 15000;
    m.perItemPs = 8000;
    m.printPs = 1500000;  // a line to a terminal: ~1.5 us including the write() system call
    m.printPerBytePs = 2000;
    m.exceptionPs = 250000;
    m.importPs = 2000000;
    m.classCreatePs = 8000000;
    m.formatPs = 180000;
    return m;
}

CostModel CostModel::scaled(double factor) const {
    CostModel m = *this;
    auto sc = [factor](int64_t v) { return static_cast<int64_t>(std::llround(static_cast<double>(v) * factor)); };
    for (auto& c : m.opcodePs) c = sc(c);
    m.pythonCallPs = sc(pythonCallPs);
    m.nativeCallPs = sc(nativeCallPs);
    m.allocPs = sc(allocPs);
    m.perItemPs = sc(perItemPs);
    m.printPs = sc(printPs);
    m.printPerBytePs = sc(printPerBytePs);
    m.exceptionPs = sc(exceptionPs);
    m.formatPs = sc(formatPs);
    m.importPs = sc(importPs);
    m.classCreatePs = sc(classCreatePs);
    m.scale = scale * factor;
    return m;
}

std::string CostModel::describe() const {
    std::string out;
    for (int i = 0; i < kOpcodeCount; ++i) {
        out += std::string(opName(static_cast<Op>(i))) + " " + std::to_string(static_cast<double>(opcodePs[static_cast<std::size_t>(i)]) / 1000.0) + " ns\n";
    }
    out += "python call " + std::to_string(pythonCallPs / 1000) + " ns\n";
    out += "native call " + std::to_string(nativeCallPs / 1000) + " ns\n";
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
