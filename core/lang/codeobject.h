#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/lang/object.h"
#include "core/lang/opcode.h"

namespace taskscope::core::lang {

// One row of the exception table: instructions [start, end) jump to `handler` on an exception,
// after the value stack is cut back to `depth`.
struct ExceptionTableEntry {
    uint32_t start = 0;
    uint32_t end = 0;
    uint32_t handler = 0;
    uint32_t depth = 0;
};

// The per-name LOAD_GLOBAL cache: which dict held the name at which keys version.
struct GlobalCache {
    uint64_t globalsVersion = ~uint64_t(0);
    uint64_t builtinsVersion = ~uint64_t(0);
    const void* globals = nullptr;
    int64_t index = -1;
    bool inBuiltins = false;
};

class CodeObject final : public Object {
public:
    enum Flags : uint32_t {
        kVarArgs = 1,
        kVarKeywords = 2,
        kGenerator = 4,
        kClassBody = 8,  // locals live in a dict (LOAD_NAME / STORE_NAME)
        kModule = 16,
    };

    CodeObject() : Object(ObjKind::Code) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo&) const override { return Value(const_cast<CodeObject*>(this)); }

    std::vector<uint32_t> code;
    std::vector<uint32_t> lines;    // source line per instruction
    std::vector<uint16_t> columns;  // source column per instruction (1-based)
    // Where the expression of each instruction ends: line (0: unknown, a statement's
    // instruction) and the column just after it (1-based), for the carets of tracebacks.
    std::vector<uint32_t> endLines;
    std::vector<uint16_t> endColumns;
    std::vector<Value> consts;
    std::vector<Value> names;  // str objects
    std::vector<std::string> varnames;
    std::vector<std::string> cellvars;
    std::vector<std::string> freevars;
    std::vector<int32_t> cell2arg;  // for each cell: the argument it starts from, or -1
    std::vector<ExceptionTableEntry> exceptionTable;
    mutable std::vector<GlobalCache> globalCaches;  // one per entry of `names`
    // LOAD_METHOD on builtin types (immutable, so a hit stays valid): type and method.
    struct MethodCache {
        const TypeObject* type = nullptr;
        Value method;
    };
    mutable std::vector<MethodCache> methodCaches;  // one per entry of `names`

    std::string name;
    std::string qualname;
    std::string filename;
    int firstLine = 1;
    uint32_t flags = 0;
    int argcount = 0;  // positional parameters (incl. positional-only)
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int stacksize = 0;

    // Positional-only calling convention with no cells/defaults processing needed: the
    // VM's call fast path copies the arguments straight into the frame.
    bool simpleArgs() const {
        return (flags & (kVarArgs | kVarKeywords | kGenerator | kClassBody)) == 0 &&
               kwonlyargcount == 0 && cellvars.empty();
    }
    int nlocals() const { return static_cast<int>(varnames.size()); }
    int ncells() const { return static_cast<int>(cellvars.size()); }
    int nfree() const { return static_cast<int>(freevars.size()); }
    int frameSize() const { return nlocals() + ncells() + nfree() + stacksize; }
    int lineAt(uint32_t pc) const {
        return pc < lines.size() ? static_cast<int>(lines[pc]) : firstLine;
    }
    const ExceptionTableEntry* handlerFor(uint32_t pc) const;
};

}  // namespace taskscope::core::lang

namespace taskscope::core::lang {
// Human-readable listing of a code object and the code objects in its constants.
std::string disassemble(const CodeObject& code);
}  // namespace taskscope::core::lang
