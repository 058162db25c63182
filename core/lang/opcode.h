#pragma once
// The bytecode: one 32-bit word per instruction, opcode in the low 8 bits, argument in the
// high 24 bits. The list is an X-macro so names and the cost table stay in sync.

#include <cstdint>

namespace taskscope::core::lang {

#define TASKSCOPE_OPCODES(X) \
    X(NOP)                   \
    X(RESUME)                \
    X(POP_TOP)               \
    X(ROT_TWO)               \
    X(ROT_THREE)             \
    X(ROT_FOUR)              \
    X(DUP_TOP)               \
    X(DUP_TOP_TWO)           \
    X(LOAD_CONST)            \
    X(LOAD_FAST)             \
    X(STORE_FAST)            \
    X(DELETE_FAST)           \
    X(LOAD_DEREF)            \
    X(STORE_DEREF)           \
    X(DELETE_DEREF)          \
    X(LOAD_CLOSURE)          \
    X(LOAD_CLASSDEREF)       \
    X(LOAD_GLOBAL)           \
    X(STORE_GLOBAL)          \
    X(DELETE_GLOBAL)         \
    X(LOAD_NAME)             \
    X(STORE_NAME)            \
    X(DELETE_NAME)           \
    X(LOAD_ATTR)             \
    X(STORE_ATTR)            \
    X(DELETE_ATTR)           \
    X(LOAD_METHOD)           \
    X(BINARY_SUBSCR)         \
    X(STORE_SUBSCR)          \
    X(DELETE_SUBSCR)         \
    X(BINARY_OP)             \
    X(UNARY_NEGATIVE)        \
    X(UNARY_POSITIVE)        \
    X(UNARY_NOT)             \
    X(UNARY_INVERT)          \
    X(COMPARE_OP)            \
    X(IS_OP)                 \
    X(CONTAINS_OP)           \
    X(JUMP_FORWARD)          \
    X(JUMP_BACKWARD)         \
    X(POP_JUMP_IF_FALSE)     \
    X(POP_JUMP_IF_TRUE)      \
    X(JUMP_IF_FALSE_OR_POP)  \
    X(JUMP_IF_TRUE_OR_POP)   \
    X(GET_ITER)              \
    X(FOR_ITER)              \
    X(BUILD_TUPLE)           \
    X(BUILD_LIST)            \
    X(BUILD_SET)             \
    X(BUILD_CONST_SET)       \
    X(BUILD_MAP)             \
    X(BUILD_STRING)          \
    X(BUILD_SLICE)           \
    X(LIST_APPEND)           \
    X(SET_ADD)               \
    X(MAP_ADD)               \
    X(LIST_EXTEND)           \
    X(SET_UPDATE)            \
    X(DICT_UPDATE)           \
    X(DICT_MERGE)            \
    X(LIST_TO_TUPLE)         \
    X(UNPACK_SEQUENCE)       \
    X(UNPACK_EX)             \
    X(FORMAT_VALUE)          \
    X(PUSH_NULL)             \
    X(KW_NAMES)              \
    X(CALL)                  \
    X(CALL_FUNCTION_EX)      \
    X(MAKE_FUNCTION)         \
    X(BUILD_CLASS)           \
    X(RETURN_VALUE)          \
    X(YIELD_VALUE)           \
    X(RAISE_VARARGS)         \
    X(PUSH_EXC_INFO)         \
    X(POP_EXCEPT)            \
    X(CHECK_EXC_MATCH)       \
    X(RERAISE)               \
    X(POP_EXCEPT_RERAISE)    \
    X(BEFORE_WITH)           \
    X(WITH_EXIT)             \
    X(WITH_EXCEPT_START)     \
    X(IMPORT_NAME)           \
    X(IMPORT_FROM)           \
    X(IMPORT_STAR)           \
    X(LOAD_ASSERTION_ERROR)  \
    X(COMPARE_AND_BRANCH)

enum class Op : uint8_t {
#define TASKSCOPE_OP_ENUM(name) name,
    TASKSCOPE_OPCODES(TASKSCOPE_OP_ENUM)
#undef TASKSCOPE_OP_ENUM
};

inline constexpr int kOpcodeCount = 0
#define TASKSCOPE_OP_COUNT(name) +1
    TASKSCOPE_OPCODES(TASKSCOPE_OP_COUNT)
#undef TASKSCOPE_OP_COUNT
    ;

const char* opName(Op op);

inline constexpr uint32_t encodeInstr(Op op, uint32_t arg) {
    return static_cast<uint32_t>(op) | (arg << 8);
}
inline constexpr Op instrOp(uint32_t word) {
    return static_cast<Op>(word & 0xFF);
}
inline constexpr uint32_t instrArg(uint32_t word) {
    return word >> 8;
}

// BINARY_OP arguments; the in-place forms add kInplace.
enum class BinOp : uint8_t {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul
};
inline constexpr uint32_t kInplace = 16;
// COMPARE_OP arguments.
enum class CmpOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
// a OP b for two numbers of one C++ type (small ints, doubles as C++ compares them: a NaN
// is unequal to everything).
template <class T>
constexpr bool compareAs(T a, T b, CmpOp op) {
    switch (op) {
        case CmpOp::Lt:
            return a < b;
        case CmpOp::Le:
            return a <= b;
        case CmpOp::Eq:
            return a == b;
        case CmpOp::Ne:
            return a != b;
        case CmpOp::Gt:
            return a > b;
        case CmpOp::Ge:
            return a >= b;
    }
    return false;
}

// MAKE_FUNCTION flags.
inline constexpr uint32_t kFnDefaults = 1;
inline constexpr uint32_t kFnKwDefaults = 2;
inline constexpr uint32_t kFnClosure = 8;

// FORMAT_VALUE flags: low 2 bits conversion (0 none, 1 str, 2 repr, 3 ascii), bit 2 has spec.
inline constexpr uint32_t kFmtHasSpec = 4;

}  // namespace taskscope::core::lang
