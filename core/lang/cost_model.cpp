#include "core/lang/cost_model.h"

#include <cmath>

namespace taskscope::core::lang {

// Calibration (python3 -m timeit, CPython 3.11.7 on the development VM, see bench/lang):
//   while n > 0: n -= 1            ~27 ns/iteration (REFERENCE.md §6: 26.8 ns)
//   fib(25) (recursive)            ~15 ms  -> ~62 ns per call incl. compare/add/return
//   [i for i in range(n)]          ~25 ns/item;  d[i] = i  ~40 ns/item
//   "{}-{:.2f}".format(i, x)       ~250 ns; f"{i}"  ~60 ns
// The per-opcode costs below reproduce those totals; the VM's own speed does not matter.
CostModel CostModel::calibrated() {
    CostModel m;
    auto set = [&](Op op, double ns) { m.opcodePs[static_cast<std::size_t>(op)] = static_cast<int64_t>(std::llround(ns * 1000)); };
    for (auto& c : m.opcodePs) c = 3000;  // default: ~3 ns per specialised bytecode
    set(Op::NOP, 0.5);
    set(Op::RESUME, 0.5);
    set(Op::POP_TOP, 1.0);
    set(Op::LOAD_FAST, 2.0);
    set(Op::STORE_FAST, 2.0);
    set(Op::LOAD_CONST, 2.0);
    set(Op::LOAD_DEREF, 3.0);
    set(Op::STORE_DEREF, 3.0);
    set(Op::LOAD_GLOBAL, 5.0);
    set(Op::STORE_GLOBAL, 8.0);
    set(Op::LOAD_NAME, 8.0);
    set(Op::STORE_NAME, 8.0);
    set(Op::LOAD_ATTR, 9.0);
    set(Op::STORE_ATTR, 11.0);
    set(Op::LOAD_METHOD, 8.0);
    set(Op::BINARY_OP, 7.0);
    set(Op::BINARY_SUBSCR, 7.0);
    set(Op::STORE_SUBSCR, 9.0);
    set(Op::COMPARE_OP, 6.0);
    set(Op::COMPARE_AND_BRANCH, 8.8);
    set(Op::CONTAINS_OP, 12.0);
    set(Op::JUMP_FORWARD, 1.0);
    set(Op::JUMP_BACKWARD, 2.0);
    set(Op::POP_JUMP_IF_FALSE, 2.0);
    set(Op::POP_JUMP_IF_TRUE, 2.0);
    set(Op::GET_ITER, 8.0);
    set(Op::FOR_ITER, 7.0);
    set(Op::BUILD_TUPLE, 10.0);
    set(Op::BUILD_LIST, 12.0);
    set(Op::BUILD_MAP, 20.0);
    set(Op::BUILD_SET, 20.0);
    set(Op::BUILD_STRING, 15.0);
    set(Op::LIST_APPEND, 6.0);
    set(Op::MAP_ADD, 15.0);
    set(Op::SET_ADD, 15.0);
    set(Op::FORMAT_VALUE, 30.0);
    set(Op::CALL, 12.0);
    set(Op::CALL_FUNCTION_EX, 40.0);
    set(Op::MAKE_FUNCTION, 30.0);
    set(Op::RETURN_VALUE, 6.0);
    set(Op::YIELD_VALUE, 15.0);
    set(Op::UNPACK_SEQUENCE, 8.0);
    set(Op::BEFORE_WITH, 30.0);
    set(Op::WITH_EXIT, 25.0);
    set(Op::IMPORT_NAME, 50.0);
    m.pythonCallPs = 22000;
    m.nativeCallPs = 20000;
    m.allocPs = 15000;
    m.perItemPs = 8000;
    m.printPs = 1500000;  // a line to a terminal: ~1.5 us including the write() system call
    m.printPerBytePs = 2000;
    m.exceptionPs = 250000;
    m.importPs = 2000000;
    m.classCreatePs = 8000000;
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
