#pragma once
// One activation of Python code on a VmThread's explicit frame stack (no C++ recursion for
// Python->Python calls).

#include <cstdint>

#include "core/lang/value.h"

namespace taskscope::core::lang {

class CodeObject;
class FunctionObject;
class DictObject;
class GeneratorObject;

// What happens to the value a frame returns.
enum class ReturnKind : uint8_t {
    Normal,   // pushed on the caller's stack
    Init,     // __init__: must be None; the caller gets `extra` (the new instance)
    Discard,  // dropped (thread entry frames store it as the thread's result instead)
};

struct Frame {
    Value func;  // FunctionObject (keeps code/globals alive)
    CodeObject* code = nullptr;
    DictObject* globals = nullptr;
    DictObject* builtins = nullptr;
    Value locals;                // DictObject for class bodies, else null
    Value extra;                 // ReturnKind::Init: the instance being initialised
    Value* slots = nullptr;      // locals, cells, frees, then the value stack
    Value* sp = nullptr;         // next free stack slot
    uint32_t pc = 0;             // next instruction
    uint32_t lastPc = 0;         // instruction being executed (tracebacks, line display)
    int32_t forIterTarget = -1;  // entered from FOR_ITER: where the caller's loop exits
    ReturnKind returnKind = ReturnKind::Normal;
    bool stopAfter = false;  // ends a nested run (callNested/generatorNext) when it returns
    bool chunkSlots = true;  // slots come from the thread's stack chunks (else a generator's)
    GeneratorObject* gen = nullptr;  // owning generator (kept alive by `genRef`)
    Value genRef;

    Value* stackBase() const;
};

}  // namespace taskscope::core::lang
