#include <string>

#include "core/lang/codeobject.h"
#include "core/lang/strobject.h"

namespace taskscope::core::lang {

std::string disassemble(const CodeObject& code) {
    std::string out = "code " + code.qualname + " (stack " + std::to_string(code.stacksize) + ")\n";
    for (std::size_t pc = 0; pc < code.code.size(); ++pc) {
        uint32_t w = code.code[pc];
        out += "  " + std::to_string(code.lines[pc]) + "\t" + std::to_string(pc) + "\t" +
               opName(instrOp(w)) + " " + std::to_string(instrArg(w));
        if (instrOp(w) == Op::LOAD_CONST && code.consts[instrArg(w)].isKind(ObjKind::Str)) {
            out += " '" + code.consts[instrArg(w)].as<StrObject>()->str() + "'";
        }
        out += "\n";
    }
    for (const auto& e : code.exceptionTable) {
        out += "  handler [" + std::to_string(e.start) + ", " + std::to_string(e.end) + ") -> " +
               std::to_string(e.handler) + " depth " + std::to_string(e.depth) + "\n";
    }
    for (const Value& c : code.consts) {
        if (c.isKind(ObjKind::Code)) out += disassemble(*c.as<CodeObject>());
    }
    return out;
}

}  // namespace taskscope::core::lang
