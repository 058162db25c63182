#include "core/lang/compiler.h"

#include <algorithm>
#include <map>

#include "core/lang/codeobject.h"
#include "core/lang/lexer.h"
#include "core/lang/listobject.h"
#include "core/lang/opcode.h"
#include "core/lang/parser.h"
#include "core/lang/strobject.h"
#include "core/lang/symtable.h"

namespace taskscope::core::lang {

namespace {

struct Failure {
    Diagnostic diag;
};

struct Instr {
    uint32_t word;
    int line;
    int col;
    int handler;      // index into handlers, or -1
    int label = -1;   // jump target label, resolved at the end
    int endLine = 0;  // where the expression it runs ends (0: unknown), for tracebacks
    int endCol = 0;
};

struct Handler {
    int label;
    int depth;
};

enum class FBlockKind {
    ForLoop,
    WhileLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    HandlerCleanup,
    With,
    PopValue
};

struct FBlock {
    FBlockKind kind;
    int continueLabel = -1;
    int breakLabel = -1;
    const StmtList* finalbody = nullptr;
    std::string name;           // HandlerCleanup: the `as` name
    std::size_t outerHandlers;  // handler stack size outside this block
    int outerDepth;             // block depth outside this block
};

class Unit {
public:
    Scope* scope = nullptr;
    Value code;  // CodeObject being built
    std::vector<Instr> instrs;
    std::vector<int> labels;
    std::vector<Handler> handlers;
    std::vector<int> handlerStack;
    std::vector<FBlock> fblocks;
    std::map<std::string, int> varIndex, cellIndex, freeIndex, nameIndex;
    std::vector<std::pair<uint64_t, std::string>> constKeys;
    int blockDepth = 0;
    int line = 1;
    int col = 1;
    int endLine = 0;  // of the expression being compiled (0: a statement, unknown)
    int endCol = 0;
    std::string qualname;

    struct Position {
        int line, col, endLine, endCol;
    };
    Position position() const { return {line, col, endLine, endCol}; }
    void restore(const Position& p) {
        line = p.line;
        col = p.col;
        endLine = p.endLine;
        endCol = p.endCol;
    }

    CodeObject* co() { return code.as<CodeObject>(); }
};

class Compiler {
public:
    Compiler(std::string filename, std::string_view source, SymbolTable& st)
        : m_file(std::move(filename)), m_source(source), m_st(st) {}

    Value compileModule(const Module& mod) {
        enterUnit(m_st.moduleScope(), "<module>", "<module>", 1, CodeObject::kModule);
        compileBody(mod.body, true);
        emitLoadConst(Value::none());
        emit(Op::RETURN_VALUE);
        return leaveUnit();
    }

private:
    // ---- unit management -------------------------------------------------------------------
    void enterUnit(Scope* scope, const std::string& name, const std::string& qualname,
                   int firstLine, uint32_t flags) {
        auto u = std::make_unique<Unit>();
        u->scope = scope;
        u->code = Value(new CodeObject());
        CodeObject* co = u->co();
        co->name = name;
        co->qualname = qualname;
        co->filename = m_file;
        co->firstLine = firstLine;
        co->flags = flags;
        u->qualname = qualname;
        u->line = firstLine;
        if (scope->isGenerator) co->flags |= CodeObject::kGenerator;
        // Parameters first, in order, then other locals.
        bool fast = scope->kind != ScopeKind::Module && scope->kind != ScopeKind::Class;
        if (fast) {
            for (const auto& p : scope->params) {
                u->varIndex[p] = static_cast<int>(co->varnames.size());
                co->varnames.push_back(p);
            }
            for (const auto& [name2, ns] : scope->resolved) {
                if ((ns == NameScope::Local || ns == NameScope::Cell) &&
                    !u->varIndex.count(name2) && !scope->cells.count(name2)) {
                    u->varIndex[name2] = static_cast<int>(co->varnames.size());
                    co->varnames.push_back(name2);
                }
            }
        }
        for (const auto& c : scope->cells) {
            u->cellIndex[c] = static_cast<int>(co->cellvars.size());
            co->cellvars.push_back(c);
            auto it = u->varIndex.find(c);
            co->cell2arg.push_back(it != u->varIndex.end() &&
                                           it->second < static_cast<int>(scope->params.size())
                                       ? it->second
                                       : -1);
        }
        if (scope->kind == ScopeKind::Class && scope->needsClassCell) {
            u->cellIndex["__class__"] = static_cast<int>(co->cellvars.size());
            co->cellvars.push_back("__class__");
            co->cell2arg.push_back(-1);
        }
        for (const auto& f : scope->frees) {
            u->freeIndex[f] = static_cast<int>(co->freevars.size());
            co->freevars.push_back(f);
        }
        m_units.push_back(std::move(u));
        if (fast) emit(Op::RESUME);
    }

    Value leaveUnit() {
        Unit& u = cur();
        CodeObject* co = u.co();
        // Resolve labels, build line table and exception table.
        for (auto& in : u.instrs) {
            if (in.label >= 0) {
                int target = u.labels[static_cast<std::size_t>(in.label)];
                if (instrOp(in.word) == Op::COMPARE_AND_BRANCH) {
                    if (target >= (1 << 20)) fail({in.line, in.col}, "function too large");
                    in.word =
                        encodeInstr(Op::COMPARE_AND_BRANCH, (static_cast<uint32_t>(target) << 4) |
                                                                (instrArg(in.word) & 0xF));
                } else {
                    in.word = encodeInstr(instrOp(in.word), static_cast<uint32_t>(target));
                }
            }
            co->code.push_back(in.word);
            co->lines.push_back(static_cast<uint32_t>(in.line));
            co->columns.push_back(static_cast<uint16_t>(std::min(in.col, 65535)));
            co->endLines.push_back(static_cast<uint32_t>(std::max(in.endLine, 0)));
            co->endColumns.push_back(static_cast<uint16_t>(std::clamp(in.endCol, 0, 65535)));
        }
        for (std::size_t i = 0; i < u.instrs.size();) {
            int h = u.instrs[i].handler;
            std::size_t j = i;
            while (j < u.instrs.size() && u.instrs[j].handler == h) ++j;
            if (h >= 0) {
                const Handler& hd = u.handlers[static_cast<std::size_t>(h)];
                co->exceptionTable.push_back(
                    {static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                     static_cast<uint32_t>(u.labels[static_cast<std::size_t>(hd.label)]),
                     static_cast<uint32_t>(hd.depth)});
            }
            i = j;
        }
        co->stacksize = computeStackSize(*co);
        co->globalCaches.resize(co->names.size());
        co->methodCaches.resize(co->names.size());
        Value result = u.code;
        m_units.pop_back();
        return result;
    }

    static int stackEffect(Op op, uint32_t arg, bool jump) {
        switch (op) {
            case Op::NOP:
            case Op::RESUME:
            case Op::ROT_TWO:
            case Op::ROT_THREE:
            case Op::ROT_FOUR:
            case Op::DELETE_FAST:
            case Op::DELETE_DEREF:
            case Op::DELETE_GLOBAL:
            case Op::DELETE_NAME:
            case Op::LOAD_ATTR:
            case Op::UNARY_NEGATIVE:
            case Op::UNARY_POSITIVE:
            case Op::UNARY_NOT:
            case Op::UNARY_INVERT:
            case Op::JUMP_FORWARD:
            case Op::JUMP_BACKWARD:
            case Op::GET_ITER:
            case Op::LIST_TO_TUPLE:
            case Op::KW_NAMES:
            case Op::CHECK_EXC_MATCH:
            case Op::WITH_EXIT:
            case Op::YIELD_VALUE:
                return 0;
            case Op::POP_TOP:
            case Op::STORE_FAST:
            case Op::STORE_DEREF:
            case Op::STORE_GLOBAL:
            case Op::STORE_NAME:
            case Op::DELETE_ATTR:
            case Op::BINARY_SUBSCR:
            case Op::BINARY_OP:
            case Op::COMPARE_OP:
            case Op::IS_OP:
            case Op::CONTAINS_OP:
            case Op::POP_JUMP_IF_FALSE:
            case Op::POP_JUMP_IF_TRUE:
            case Op::LIST_APPEND:
            case Op::SET_ADD:
            case Op::LIST_EXTEND:
            case Op::SET_UPDATE:
            case Op::DICT_UPDATE:
            case Op::DICT_MERGE:
            case Op::RETURN_VALUE:
            case Op::POP_EXCEPT:
            case Op::RERAISE:
            case Op::IMPORT_STAR:
                return -1;
            case Op::DUP_TOP:
            case Op::LOAD_CONST:
            case Op::LOAD_FAST:
            case Op::LOAD_DEREF:
            case Op::LOAD_CLOSURE:
            case Op::LOAD_CLASSDEREF:
            case Op::LOAD_GLOBAL:
            case Op::LOAD_NAME:
            case Op::LOAD_METHOD:
            case Op::PUSH_NULL:
            case Op::PUSH_EXC_INFO:
            case Op::BEFORE_WITH:
            case Op::WITH_EXCEPT_START:
            case Op::IMPORT_NAME:
            case Op::IMPORT_FROM:
            case Op::LOAD_ASSERTION_ERROR:
            case Op::BUILD_CONST_SET:
                return 1;
            case Op::DUP_TOP_TWO:
                return 2;
            case Op::STORE_ATTR:
            case Op::DELETE_SUBSCR:
            case Op::MAP_ADD:
            case Op::POP_EXCEPT_RERAISE:
            case Op::BUILD_CLASS:
            case Op::COMPARE_AND_BRANCH:
                return -2;
            case Op::STORE_SUBSCR:
                return -3;
            case Op::JUMP_IF_FALSE_OR_POP:
            case Op::JUMP_IF_TRUE_OR_POP:
                return jump ? 0 : -1;
            case Op::FOR_ITER:
                return jump ? -1 : 1;
            case Op::BUILD_TUPLE:
            case Op::BUILD_LIST:
            case Op::BUILD_SET:
            case Op::BUILD_STRING:
            case Op::BUILD_SLICE:
                return 1 - static_cast<int>(arg);
            case Op::BUILD_MAP:
                return 1 - 2 * static_cast<int>(arg);
            case Op::UNPACK_SEQUENCE:
                return static_cast<int>(arg) - 1;
            case Op::UNPACK_EX:
                return static_cast<int>((arg & 0xFF) + (arg >> 8));
            case Op::FORMAT_VALUE:
                return (arg & kFmtHasSpec) ? -1 : 0;
            case Op::CALL:
                return -static_cast<int>(arg) - 1;
            case Op::CALL_FUNCTION_EX:
                return -2 - static_cast<int>(arg & 1);
            case Op::MAKE_FUNCTION:
                return -__builtin_popcount(arg);
            case Op::RAISE_VARARGS:
                return -static_cast<int>(arg);
        }
        return 0;
    }

    static bool isTerminal(Op op) {
        return op == Op::RETURN_VALUE || op == Op::RAISE_VARARGS || op == Op::RERAISE ||
               op == Op::POP_EXCEPT_RERAISE || op == Op::JUMP_FORWARD || op == Op::JUMP_BACKWARD;
    }
    static bool hasJump(Op op) {
        return op == Op::JUMP_FORWARD || op == Op::JUMP_BACKWARD || op == Op::POP_JUMP_IF_FALSE ||
               op == Op::POP_JUMP_IF_TRUE || op == Op::JUMP_IF_FALSE_OR_POP ||
               op == Op::JUMP_IF_TRUE_OR_POP || op == Op::FOR_ITER || op == Op::COMPARE_AND_BRANCH;
    }

    static int computeStackSize(const CodeObject& co) {
        std::vector<int> depthAt(co.code.size() + 1, -1);
        std::vector<uint32_t> work;
        auto visit = [&](uint32_t pc, int depth) {
            if (pc >= co.code.size()) return;
            if (depthAt[pc] >= depth) return;
            depthAt[pc] = depth;
            work.push_back(pc);
        };
        visit(0, 0);
        for (const auto& e : co.exceptionTable) visit(e.handler, static_cast<int>(e.depth) + 1);
        int maxDepth = 0;
        while (!work.empty()) {
            uint32_t pc = work.back();
            work.pop_back();
            int depth = depthAt[pc];
            for (;;) {
                maxDepth = std::max(maxDepth, depth);
                uint32_t w = co.code[pc];
                Op op = instrOp(w);
                uint32_t arg = instrArg(w);
                if (hasJump(op)) {
                    int jd = depth + stackEffect(op, arg, true);
                    maxDepth = std::max(maxDepth, jd);
                    visit(op == Op::COMPARE_AND_BRANCH ? (arg >> 4) : arg, jd);
                }
                for (const auto& e : co.exceptionTable) {
                    if (pc >= e.start && pc < e.end)
                        visit(e.handler, static_cast<int>(e.depth) + 1);
                }
                if (isTerminal(op)) break;
                depth += stackEffect(op, arg, false);
                if (depth > maxDepth) maxDepth = depth;
                ++pc;
                if (pc >= co.code.size()) break;
                if (depthAt[pc] >= depth) break;
                depthAt[pc] = depth;
            }
        }
        return maxDepth + 2;
    }

    Unit& cur() { return *m_units.back(); }

    // ---- emission ---------------------------------------------------------------------------
    [[noreturn]] void fail(SourcePos pos, std::string message) {
        Diagnostic d;
        d.kind = Diagnostic::Kind::SyntaxError;
        d.file = m_file;
        d.line = pos.line;
        d.column = pos.column;
        d.message = std::move(message);
        d.sourceLine = Lexer::lineOf(m_source, pos.line);
        throw Failure{std::move(d)};
    }
    [[noreturn]] void unsupported(SourcePos pos, const std::string& what,
                                  const std::string& hint = {}) {
        Diagnostic d;
        d.kind = Diagnostic::Kind::NotSupported;
        d.file = m_file;
        d.line = pos.line;
        d.column = pos.column;
        d.message = what + " is not supported by Taskscope yet";
        d.hint = hint;
        d.sourceLine = Lexer::lineOf(m_source, pos.line);
        throw Failure{std::move(d)};
    }

    void setPos(SourcePos p) {
        cur().line = p.line;
        cur().col = p.column;
        cur().endLine = 0;
        cur().endCol = 0;
    }
    // An expression's instructions: its start and end (the carets of a traceback).
    void setPos(const Expr& e) {
        cur().line = e.pos.line;
        cur().col = e.pos.column;
        cur().endLine = e.end.line;
        cur().endCol = e.end.column;
    }

    int emit(Op op, uint32_t arg = 0) {
        Unit& u = cur();
        if (arg >= (1u << 24)) fail({u.line, u.col}, "too many constants or names in one function");
        u.instrs.push_back({encodeInstr(op, arg), u.line, u.col,
                            u.handlerStack.empty() ? -1 : u.handlerStack.back(), -1, u.endLine,
                            u.endCol});
        return static_cast<int>(u.instrs.size()) - 1;
    }
    int newLabel() {
        cur().labels.push_back(-1);
        return static_cast<int>(cur().labels.size()) - 1;
    }
    void bind(int label) {
        cur().labels[static_cast<std::size_t>(label)] = static_cast<int>(cur().instrs.size());
    }
    void emitJump(Op op, int label) {
        int i = emit(op, 0);
        cur().instrs[static_cast<std::size_t>(i)].label = label;
    }
    int pushHandler(int label, int depth) {
        cur().handlers.push_back({label, depth});
        int idx = static_cast<int>(cur().handlers.size()) - 1;
        cur().handlerStack.push_back(idx);
        return idx;
    }
    void popHandler() { cur().handlerStack.pop_back(); }

    uint32_t addConst(const Value& v) {
        Unit& u = cur();
        auto& consts = u.co()->consts;
        // Dedupe ints, strs, None/bools by type and value (never 1 with 1.0 or True).
        std::pair<uint64_t, std::string> key{0, {}};
        bool dedupe = false;
        if (!v.isPtr()) {
            key = {1, std::to_string(v.bits())};
            dedupe = true;
        } else if (v.kind() == ObjKind::Str) {
            key = {2, v.as<StrObject>()->str()};
            dedupe = true;
        }
        if (dedupe) {
            for (std::size_t i = 0; i < u.constKeys.size(); ++i) {
                if (u.constKeys[i] == key) return static_cast<uint32_t>(i);
            }
        }
        consts.push_back(v);
        u.constKeys.push_back(
            dedupe ? key : std::pair<uint64_t, std::string>{99, std::to_string(consts.size())});
        return static_cast<uint32_t>(consts.size() - 1);
    }
    void emitLoadConst(const Value& v) { emit(Op::LOAD_CONST, addConst(v)); }
    uint32_t addName(const std::string& name) {
        Unit& u = cur();
        auto it = u.nameIndex.find(name);
        if (it != u.nameIndex.end()) return static_cast<uint32_t>(it->second);
        u.co()->names.push_back(internStr(name));
        int idx = static_cast<int>(u.co()->names.size()) - 1;
        u.nameIndex[name] = idx;
        return static_cast<uint32_t>(idx);
    }
    uint32_t derefIndex(const std::string& name) {
        Unit& u = cur();
        auto c = u.cellIndex.find(name);
        if (c != u.cellIndex.end()) return static_cast<uint32_t>(c->second);
        auto f = u.freeIndex.find(name);
        return static_cast<uint32_t>(static_cast<int>(u.co()->cellvars.size()) + f->second);
    }

    // ---- names ------------------------------------------------------------------------------
    void compileName(const std::string& name, ExprCtx ctx) {
        Unit& u = cur();
        Scope* s = u.scope;
        NameScope ns = s->scopeOf(name);
        if (name == "__class__" && s->kind == ScopeKind::Class) ns = NameScope::GlobalImplicit;
        bool fastScope = s->kind != ScopeKind::Module && s->kind != ScopeKind::Class;
        switch (ns) {
            case NameScope::Local:
                if (fastScope) {
                    uint32_t i = static_cast<uint32_t>(u.varIndex.at(name));
                    emit(ctx == ExprCtx::Load    ? Op::LOAD_FAST
                         : ctx == ExprCtx::Store ? Op::STORE_FAST
                                                 : Op::DELETE_FAST,
                         i);
                } else if (s->kind == ScopeKind::Class) {
                    emit(ctx == ExprCtx::Load    ? Op::LOAD_NAME
                         : ctx == ExprCtx::Store ? Op::STORE_NAME
                                                 : Op::DELETE_NAME,
                         addName(name));
                } else {
                    emit(ctx == ExprCtx::Load    ? Op::LOAD_GLOBAL
                         : ctx == ExprCtx::Store ? Op::STORE_GLOBAL
                                                 : Op::DELETE_GLOBAL,
                         addName(name));
                }
                return;
            case NameScope::Cell:
            case NameScope::Free:
                if (s->kind == ScopeKind::Class && ctx == ExprCtx::Load) {
                    emit(Op::LOAD_CLASSDEREF, derefIndex(name));
                    return;
                }
                emit(ctx == ExprCtx::Load    ? Op::LOAD_DEREF
                     : ctx == ExprCtx::Store ? Op::STORE_DEREF
                                             : Op::DELETE_DEREF,
                     derefIndex(name));
                return;
            case NameScope::GlobalExplicit:
            case NameScope::GlobalImplicit:
                if (s->kind == ScopeKind::Class && ns == NameScope::GlobalImplicit) {
                    emit(ctx == ExprCtx::Load    ? Op::LOAD_NAME
                         : ctx == ExprCtx::Store ? Op::STORE_NAME
                                                 : Op::DELETE_NAME,
                         addName(name));
                    return;
                }
                emit(ctx == ExprCtx::Load    ? Op::LOAD_GLOBAL
                     : ctx == ExprCtx::Store ? Op::STORE_GLOBAL
                                             : Op::DELETE_GLOBAL,
                     addName(name));
                return;
        }
    }

    // ---- statements -------------------------------------------------------------------------
    void compileBody(const StmtList& body, bool isModule = false) {
        (void)isModule;
        for (const auto& s : body) compileStmt(*s);
    }

    void compileStmt(const Stmt& s) {
        setPos(s.pos);
        switch (s.kind) {
            case StmtKind::ExprStmt:
                if (s.value->kind == ExprKind::Constant) return;  // docstrings and bare constants
                compileExpr(*s.value);
                emit(Op::POP_TOP);
                return;
            case StmtKind::Assign: {
                compileExpr(*s.value);
                for (std::size_t i = 0; i < s.targets.size(); ++i) {
                    if (i + 1 < s.targets.size()) emit(Op::DUP_TOP);
                    compileStore(*s.targets[i]);
                }
                return;
            }
            case StmtKind::AugAssign:
                compileAugAssign(s);
                return;
            case StmtKind::AnnAssign:
                if (s.value) {
                    compileExpr(*s.value);
                    compileStore(*s.target);
                }
                return;
            case StmtKind::Pass:
                emit(Op::NOP);
                return;
            case StmtKind::If:
                compileIf(s);
                return;
            case StmtKind::While:
                compileWhile(s);
                return;
            case StmtKind::For:
                compileFor(s);
                return;
            case StmtKind::Break:
                compileBreakContinue(s, true);
                return;
            case StmtKind::Continue:
                compileBreakContinue(s, false);
                return;
            case StmtKind::Return:
                compileReturn(s);
                return;
            case StmtKind::FunctionDef:
                compileFunctionDef(s);
                return;
            case StmtKind::ClassDef:
                compileClassDef(s);
                return;
            case StmtKind::Delete:
                for (const auto& t : s.targets) compileDelete(*t);
                return;
            case StmtKind::Raise: {
                // The raise spans the statement, "raise" to its last expression.
                const SourcePos end = s.test    ? s.test->end
                                      : s.value ? s.value->end
                                                : SourcePos{s.pos.line, s.pos.column + 5};
                if (s.value) {
                    compileExpr(*s.value);
                    if (s.test) compileExpr(*s.test);
                }
                setPos(s.pos);
                cur().endLine = end.line;
                cur().endCol = end.column;
                emit(Op::RAISE_VARARGS, s.value ? (s.test ? 2 : 1) : 0);
                return;
            }
            case StmtKind::Try:
                compileTry(s);
                return;
            case StmtKind::With:
                compileWith(s, 0);
                return;
            case StmtKind::Assert: {
                int end = newLabel();
                compileJumpIf(*s.test, end, true);
                // A failed assert points at its test, as CPython's does.
                if (s.test->pos.line == s.pos.line)
                    setPos(*s.test);
                else
                    setPos(s.pos);
                emit(Op::LOAD_ASSERTION_ERROR);
                if (s.msg) {
                    emit(Op::PUSH_NULL);
                    compileExpr(*s.msg);
                    emit(Op::CALL, 1);
                }
                emit(Op::RAISE_VARARGS, 1);
                bind(end);
                return;
            }
            case StmtKind::Import:
                for (const auto& a : s.names) {
                    setPos(a.pos);
                    bool top = a.asname.empty();
                    emit(Op::IMPORT_NAME, (addName(a.name) << 1) | (top ? 1u : 0u));
                    std::string bound = top ? a.name.substr(0, a.name.find('.')) : a.asname;
                    compileName(bound, ExprCtx::Store);
                }
                return;
            case StmtKind::ImportFrom: {
                emit(Op::IMPORT_NAME, addName(s.name) << 1);
                if (s.names.size() == 1 && s.names[0].name == "*") {
                    emit(Op::IMPORT_STAR);
                    return;
                }
                for (const auto& a : s.names) {
                    setPos(a.pos);
                    emit(Op::IMPORT_FROM, addName(a.name));
                    compileName(a.asname.empty() ? a.name : a.asname, ExprCtx::Store);
                }
                emit(Op::POP_TOP);
                return;
            }
            case StmtKind::Global:
            case StmtKind::Nonlocal:
                return;
        }
    }

    void compileAugAssign(const Stmt& s) {
        const Expr& t = *s.target;
        uint32_t op = static_cast<uint32_t>(s.op) + kInplace;
        switch (t.kind) {
            case ExprKind::Name:
                compileName(t.name, ExprCtx::Load);
                compileExpr(*s.value);
                setPos(s.pos);
                emit(Op::BINARY_OP, op);
                compileName(t.name, ExprCtx::Store);
                return;
            case ExprKind::Attribute:
                compileExpr(*t.a);
                emit(Op::DUP_TOP);
                emit(Op::LOAD_ATTR, addName(t.name));
                compileExpr(*s.value);
                setPos(s.pos);
                emit(Op::BINARY_OP, op);
                emit(Op::ROT_TWO);
                emit(Op::STORE_ATTR, addName(t.name));
                return;
            case ExprKind::Subscript:
                compileExpr(*t.a);
                compileSubscriptKey(*t.b);
                emit(Op::DUP_TOP_TWO);
                emit(Op::BINARY_SUBSCR);
                compileExpr(*s.value);
                setPos(s.pos);
                emit(Op::BINARY_OP, op);
                emit(Op::ROT_THREE);
                emit(Op::STORE_SUBSCR);
                return;
            default:
                fail(t.pos, "illegal expression for augmented assignment");
        }
    }

    // obj.name or obj[key], loaded or stored: the operands, then the instruction at e's line.
    void compileAttrOrItem(const Expr& e, Op attrOp, Op itemOp) {
        compileExpr(*e.a);
        if (e.kind == ExprKind::Subscript) compileSubscriptKey(*e.b);
        // A load spans the whole expression (a traceback's carets); a store its target's start.
        if (attrOp == Op::LOAD_ATTR)
            setPos(e);
        else
            setPos(e.pos);
        if (e.kind == ExprKind::Attribute) {
            emit(attrOp, addName(e.name));
        } else {
            emit(itemOp);
        }
    }

    void compileStore(const Expr& t) {
        switch (t.kind) {
            case ExprKind::Name:
                compileName(t.name, ExprCtx::Store);
                return;
            case ExprKind::Attribute:
            case ExprKind::Subscript:
                compileAttrOrItem(t, Op::STORE_ATTR, Op::STORE_SUBSCR);
                return;
            case ExprKind::Tuple:
            case ExprKind::List: {
                std::size_t star = t.elts.size();
                for (std::size_t i = 0; i < t.elts.size(); ++i) {
                    if (t.elts[i]->kind == ExprKind::Starred) star = i;
                }
                setPos(t.pos);
                if (star == t.elts.size()) {
                    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(t.elts.size()));
                } else {
                    uint32_t before = static_cast<uint32_t>(star),
                             after = static_cast<uint32_t>(t.elts.size() - star - 1);
                    if (before > 255 || after > 255)
                        fail(t.pos, "too many expressions in star-unpacking assignment");
                    emit(Op::UNPACK_EX, before | (after << 8));
                }
                for (const auto& e : t.elts)
                    compileStore(e->kind == ExprKind::Starred ? *e->a : *e);
                return;
            }
            case ExprKind::Starred:
                fail(t.pos, "starred assignment target must be in a list or tuple");
            default:
                fail(t.pos, "cannot assign to expression");
        }
    }

    void compileDelete(const Expr& t) {
        setPos(t.pos);
        switch (t.kind) {
            case ExprKind::Name:
                compileName(t.name, ExprCtx::Del);
                return;
            case ExprKind::Attribute:
                compileExpr(*t.a);
                emit(Op::DELETE_ATTR, addName(t.name));
                return;
            case ExprKind::Subscript:
                compileExpr(*t.a);
                compileSubscriptKey(*t.b);
                emit(Op::DELETE_SUBSCR);
                return;
            case ExprKind::Tuple:
            case ExprKind::List:
                for (const auto& e : t.elts) compileDelete(*e);
                return;
            default:
                fail(t.pos, "cannot delete expression");
        }
    }

    void compileIf(const Stmt& s) {
        int end = newLabel();
        int elseLabel = s.orelse.empty() ? end : newLabel();
        compileJumpIf(*s.test, elseLabel, false);
        compileBody(s.body);
        if (!s.orelse.empty()) {
            emitJump(Op::JUMP_FORWARD, end);
            bind(elseLabel);
            compileBody(s.orelse);
        }
        bind(end);
    }

    static bool isConstTrue(const Expr& e) {
        return e.kind == ExprKind::Constant &&
               ((e.constant.isTrue()) || (e.constant.isSmallInt() && e.constant.smallInt() != 0));
    }

    void compileWhile(const Stmt& s) {
        int body = newLabel(), elseLabel = newLabel(), end = newLabel(), cont = newLabel();
        bool forever = isConstTrue(*s.test);
        if (!forever) compileJumpIf(*s.test, elseLabel, false);
        bind(body);
        FBlock fb{FBlockKind::WhileLoop, cont, end, nullptr, {}, cur().handlerStack.size(),
                  cur().blockDepth};
        cur().fblocks.push_back(fb);
        compileBody(s.body);
        cur().fblocks.pop_back();
        bind(cont);
        setPos(s.pos);
        if (forever) {
            emitJump(Op::JUMP_BACKWARD, body);
        } else {
            // Test again at the bottom: one taken backward jump per iteration, as CPython 3.11.
            compileJumpIf(*s.test, body, true);
        }
        bind(elseLabel);
        compileBody(s.orelse);
        bind(end);
    }

    void compileFor(const Stmt& s) {
        compileExpr(*s.test);
        setPos(s.pos);
        emit(Op::GET_ITER);
        int loop = newLabel(), exit = newLabel(), end = newLabel();
        bind(loop);
        emitJump(Op::FOR_ITER, exit);
        cur().blockDepth += 1;
        FBlock fb{FBlockKind::ForLoop, loop, end, nullptr, {}, cur().handlerStack.size(),
                  cur().blockDepth - 1};
        cur().fblocks.push_back(fb);
        compileStore(*s.target);
        compileBody(s.body);
        setPos(s.pos);
        emitJump(Op::JUMP_BACKWARD, loop);
        cur().fblocks.pop_back();
        cur().blockDepth -= 1;
        bind(exit);
        compileBody(s.orelse);
        bind(end);
    }

    // Emits the clean-up for leaving fblock blocks[i] early. `preserveTop`: a return value is on
    // TOS.
    void unwindBlock(const std::vector<FBlock>& blocks, std::size_t i, bool preserveTop) {
        Unit& u = cur();
        const FBlock& fb = blocks[i];
        std::vector<int> saved = u.handlerStack;
        u.handlerStack.resize(fb.outerHandlers);
        switch (fb.kind) {
            case FBlockKind::WhileLoop:
            case FBlockKind::TryExcept:
                break;
            case FBlockKind::ForLoop:
                if (preserveTop) emit(Op::ROT_TWO);
                emit(Op::POP_TOP);  // the loop's iterator
                break;
            case FBlockKind::PopValue:
                // A return value saved while an inlined finally body runs.
                if (preserveTop) emit(Op::ROT_TWO);
                emit(Op::POP_TOP);
                break;
            case FBlockKind::FinallyTry: {
                int savedDepth = u.blockDepth;
                u.blockDepth = fb.outerDepth + (preserveTop ? 1 : 0);
                // The finally body runs inside the enclosing blocks only.
                std::vector<FBlock> savedBlocks = u.fblocks;
                u.fblocks.assign(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(i));
                if (preserveTop) {
                    // break/continue/return inside this finally must drop the pending return value.
                    u.fblocks.push_back(FBlock{FBlockKind::PopValue,
                                               -1,
                                               -1,
                                               nullptr,
                                               {},
                                               u.handlerStack.size(),
                                               u.blockDepth - 1});
                }
                compileBody(*fb.finalbody);
                u.fblocks = savedBlocks;
                u.blockDepth = savedDepth;
                break;
            }
            case FBlockKind::FinallyEnd:
                if (preserveTop) emit(Op::ROT_THREE);
                emit(Op::POP_TOP);
                emit(Op::POP_EXCEPT);
                break;
            case FBlockKind::HandlerCleanup:
                if (preserveTop) emit(Op::ROT_TWO);
                emit(Op::POP_EXCEPT);
                if (!fb.name.empty()) {
                    emitLoadConst(Value::none());
                    compileName(fb.name, ExprCtx::Store);
                    compileName(fb.name, ExprCtx::Del);
                }
                break;
            case FBlockKind::With:
                if (preserveTop) emit(Op::ROT_TWO);
                emit(Op::WITH_EXIT);
                emit(Op::POP_TOP);
                break;
        }
        u.handlerStack = saved;
    }

    void compileBreakContinue(const Stmt& s, bool isBreak) {
        Unit& u = cur();
        int loopIndex = -1;
        for (int i = static_cast<int>(u.fblocks.size()) - 1; i >= 0; --i) {
            auto k = u.fblocks[static_cast<std::size_t>(i)].kind;
            if (k == FBlockKind::ForLoop || k == FBlockKind::WhileLoop) {
                loopIndex = i;
                break;
            }
        }
        if (loopIndex < 0)
            fail(s.pos, isBreak ? "'break' outside loop" : "'continue' not properly in loop");
        std::vector<FBlock> blocks = u.fblocks;
        for (int i = static_cast<int>(blocks.size()) - 1; i > loopIndex; --i)
            unwindBlock(blocks, static_cast<std::size_t>(i), false);
        const FBlock& loop = blocks[static_cast<std::size_t>(loopIndex)];
        std::vector<int> saved = u.handlerStack;
        u.handlerStack.resize(loop.outerHandlers);
        if (isBreak) {
            if (loop.kind == FBlockKind::ForLoop) emit(Op::POP_TOP);
            emitJump(Op::JUMP_FORWARD, loop.breakLabel);
        } else {
            emitJump(loop.kind == FBlockKind::ForLoop ? Op::JUMP_BACKWARD : Op::JUMP_FORWARD,
                     loop.continueLabel);
        }
        u.handlerStack = saved;
    }

    void compileReturn(const Stmt& s) {
        Unit& u = cur();
        if (u.co()->flags & CodeObject::kGenerator) {
            if (s.value && !(s.value->kind == ExprKind::Constant && s.value->constant.isNone())) {
                unsupported(s.pos, "'return' with a value inside a generator");
            }
        }
        if (s.value)
            compileExpr(*s.value);
        else
            emitLoadConst(Value::none());
        std::vector<FBlock> blocks = u.fblocks;
        for (int i = static_cast<int>(blocks.size()) - 1; i >= 0; --i)
            unwindBlock(blocks, static_cast<std::size_t>(i), true);
        setPos(s.pos);
        std::vector<int> saved = u.handlerStack;
        u.handlerStack.clear();
        emit(Op::RETURN_VALUE);
        u.handlerStack = saved;
    }

    void compileTry(const Stmt& s) {
        if (!s.finalbody.empty()) {
            compileTryFinally(s);
        } else {
            compileTryExcept(s);
        }
    }

    void compileTryFinally(const Stmt& s) {
        Unit& u = cur();
        int handler = newLabel(), end = newLabel(), cleanup = newLabel();
        FBlock fb{FBlockKind::FinallyTry, -1,          -1, &s.finalbody, {},
                  u.handlerStack.size(),  u.blockDepth};
        pushHandler(handler, u.blockDepth);
        u.fblocks.push_back(fb);
        if (!s.handlers.empty())
            compileTryExcept(s);
        else
            compileBody(s.body);
        u.fblocks.pop_back();
        popHandler();
        compileBody(s.finalbody);
        emitJump(Op::JUMP_FORWARD, end);
        // Exceptional path: [exc] -> [prev, exc]
        bind(handler);
        setPos(s.pos);
        emit(Op::PUSH_EXC_INFO);
        pushHandler(cleanup, u.blockDepth + 1);
        u.blockDepth += 2;
        FBlock fe{FBlockKind::FinallyEnd, -1, -1, nullptr, {}, u.handlerStack.size() - 1,
                  u.blockDepth - 2};
        u.fblocks.push_back(fe);
        compileBody(s.finalbody);
        u.fblocks.pop_back();
        u.blockDepth -= 2;
        emit(Op::RERAISE);
        popHandler();
        bind(cleanup);
        emit(Op::POP_EXCEPT_RERAISE);
        bind(end);
    }

    void compileTryExcept(const Stmt& s) {
        Unit& u = cur();
        int handler = newLabel(), end = newLabel(), cleanup = newLabel();
        FBlock fb{FBlockKind::TryExcept, -1, -1, nullptr, {}, u.handlerStack.size(), u.blockDepth};
        pushHandler(handler, u.blockDepth);
        u.fblocks.push_back(fb);
        compileBody(s.body);
        u.fblocks.pop_back();
        popHandler();
        compileBody(s.orelse);
        emitJump(Op::JUMP_FORWARD, end);

        bind(handler);
        setPos(s.handlers.empty() ? s.pos : s.handlers[0].pos);
        emit(Op::PUSH_EXC_INFO);  // [prev, exc]
        pushHandler(cleanup, u.blockDepth + 1);
        u.blockDepth += 1;
        for (std::size_t i = 0; i < s.handlers.size(); ++i) {
            const ExceptHandler& h = s.handlers[i];
            setPos(h.pos);
            if (!h.type && i + 1 < s.handlers.size()) fail(h.pos, "default 'except:' must be last");
            int next = newLabel();
            if (h.type) {
                compileExpr(*h.type);
                setPos(h.pos);
                emit(Op::CHECK_EXC_MATCH);
                emitJump(Op::POP_JUMP_IF_FALSE, next);
            }
            int nameCleanup = -1;
            if (!h.name.empty()) {
                compileName(h.name, ExprCtx::Store);
                nameCleanup = newLabel();
                pushHandler(nameCleanup, u.blockDepth);
            } else {
                emit(Op::POP_TOP);
            }
            FBlock hc{FBlockKind::HandlerCleanup,
                      -1,
                      -1,
                      nullptr,
                      h.name,
                      u.handlerStack.size() - (h.name.empty() ? 1 : 2),
                      u.blockDepth - 1};
            u.fblocks.push_back(hc);
            compileBody(h.body);
            u.fblocks.pop_back();
            if (!h.name.empty()) popHandler();
            emit(Op::POP_EXCEPT);
            if (!h.name.empty()) {
                emitLoadConst(Value::none());
                compileName(h.name, ExprCtx::Store);
                compileName(h.name, ExprCtx::Del);
            }
            emitJump(Op::JUMP_FORWARD, end);
            if (nameCleanup >= 0) {
                // An exception inside the handler body: unbind the name, then the common cleanup.
                bind(nameCleanup);
                emitLoadConst(Value::none());
                compileName(h.name, ExprCtx::Store);
                compileName(h.name, ExprCtx::Del);
                emit(Op::RERAISE);
            }
            bind(next);
        }
        emit(Op::RERAISE);
        u.blockDepth -= 1;
        popHandler();
        bind(cleanup);
        emit(Op::POP_EXCEPT_RERAISE);
        bind(end);
    }

    void compileWith(const Stmt& s, std::size_t item) {
        Unit& u = cur();
        const WithItem& wi = s.items[item];
        compileExpr(*wi.context);
        setPos(s.pos);
        emit(Op::BEFORE_WITH);  // [exit, value]
        int handler = newLabel(), end = newLabel(), cleanup = newLabel(), suppress = newLabel();
        pushHandler(handler, u.blockDepth + 1);
        FBlock fb{FBlockKind::With, -1, -1, nullptr, {}, u.handlerStack.size() - 1, u.blockDepth};
        u.blockDepth += 1;
        u.fblocks.push_back(fb);
        if (wi.target)
            compileStore(*wi.target);
        else
            emit(Op::POP_TOP);
        if (item + 1 < s.items.size())
            compileWith(s, item + 1);
        else
            compileBody(s.body);
        u.fblocks.pop_back();
        u.blockDepth -= 1;
        popHandler();
        setPos(s.pos);
        emit(Op::WITH_EXIT);
        emit(Op::POP_TOP);
        emitJump(Op::JUMP_FORWARD, end);
        bind(handler);            // [exit, exc]
        emit(Op::PUSH_EXC_INFO);  // [exit, prev, exc]
        pushHandler(cleanup, u.blockDepth + 2);
        emit(Op::WITH_EXCEPT_START);  // [exit, prev, exc, res]
        emitJump(Op::POP_JUMP_IF_TRUE, suppress);
        emit(Op::RERAISE);
        bind(suppress);
        emit(Op::POP_TOP);
        emit(Op::POP_EXCEPT);
        emit(Op::POP_TOP);
        emitJump(Op::JUMP_FORWARD, end);
        popHandler();
        bind(cleanup);
        emit(Op::POP_EXCEPT_RERAISE);
        bind(end);
    }

    // Defaults, closure and MAKE_FUNCTION for a function/lambda whose code is `code`.
    void makeFunction(Scope* childScope, const Value& code, const Arguments* args) {
        uint32_t flags = 0;
        if (args && !args->defaults.empty()) {
            for (const auto& d : args->defaults) compileExpr(*d);
            emit(Op::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
            flags |= kFnDefaults;
        }
        if (args) {
            uint32_t n = 0;
            for (std::size_t i = 0; i < args->kwonly.size(); ++i) {
                if (args->kwDefaults[i]) {
                    emitLoadConst(internStr(args->kwonly[i].name));
                    compileExpr(*args->kwDefaults[i]);
                    ++n;
                }
            }
            if (n) {
                emit(Op::BUILD_MAP, n);
                flags |= kFnKwDefaults;
            }
        }
        if (!childScope->frees.empty()) {
            for (const auto& f : code.as<CodeObject>()->freevars) {
                // The class cell of an enclosing class body, or a cell/free of this unit.
                emit(Op::LOAD_CLOSURE, derefIndex(f));
            }
            emit(Op::BUILD_TUPLE, static_cast<uint32_t>(code.as<CodeObject>()->freevars.size()));
            flags |= kFnClosure;
        }
        emitLoadConst(code);
        emit(Op::MAKE_FUNCTION, flags);
    }

    std::string childQualname(const std::string& name) {
        Unit& u = cur();
        if (u.scope->kind == ScopeKind::Module) return name;
        if (u.scope->kind == ScopeKind::Function || u.scope->kind == ScopeKind::Lambda)
            return u.qualname + ".<locals>." + name;
        return u.qualname + "." + name;
    }

    void compileFunctionDef(const Stmt& s) {
        for (const auto& d : s.decorators) {
            compileExpr(*d);
            emit(Op::PUSH_NULL);
        }
        Scope* child = m_st.scopeFor(&s);
        std::string qual = childQualname(s.name);
        enterUnit(child, s.name, qual, s.pos.line, 0);
        setCodeArgs(*s.args);
        compileBody(s.body);
        emitLoadConst(Value::none());
        emit(Op::RETURN_VALUE);
        Value code = leaveUnit();
        setPos(s.pos);
        makeFunction(child, code, s.args.get());
        for (std::size_t i = 0; i < s.decorators.size(); ++i) emit(Op::CALL, 1);
        compileName(s.name, ExprCtx::Store);
    }

    void setCodeArgs(const Arguments& a) {
        CodeObject* co = cur().co();
        co->argcount = static_cast<int>(a.posonly.size() + a.args.size());
        co->posonlyargcount = static_cast<int>(a.posonly.size());
        co->kwonlyargcount = static_cast<int>(a.kwonly.size());
        if (a.vararg) co->flags |= CodeObject::kVarArgs;
        if (a.kwarg) co->flags |= CodeObject::kVarKeywords;
    }

    void compileClassDef(const Stmt& s) {
        for (const auto& d : s.decorators) {
            compileExpr(*d);
            emit(Op::PUSH_NULL);
        }
        Scope* child = m_st.scopeFor(&s);
        std::string qual = childQualname(s.name);
        enterUnit(child, s.name, qual, s.pos.line, CodeObject::kClassBody);
        compileName("__name__", ExprCtx::Load);
        emit(Op::STORE_NAME, addName("__module__"));
        emitLoadConst(makeStr(qual));
        emit(Op::STORE_NAME, addName("__qualname__"));
        compileBody(s.body);
        if (child->needsClassCell) {
            emit(Op::LOAD_CLOSURE, derefIndex("__class__"));
        } else {
            emitLoadConst(Value::none());
        }
        emit(Op::RETURN_VALUE);
        Value code = leaveUnit();
        setPos(s.pos);
        makeFunction(child, code, nullptr);
        emitLoadConst(makeStr(s.name));
        for (const auto& b : s.bases) compileExpr(*b);
        setPos(s.pos);
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(s.bases.size()));
        emit(Op::BUILD_CLASS);
        for (std::size_t i = 0; i < s.decorators.size(); ++i) emit(Op::CALL, 1);
        compileName(s.name, ExprCtx::Store);
    }

    // ---- expressions ------------------------------------------------------------------------
    void compileSubscriptKey(const Expr& key) {
        if (key.kind == ExprKind::Slice) {
            compileSlice(key);
        } else {
            compileExpr(key);
        }
    }

    void compileSlice(const Expr& s) {
        if (s.a)
            compileExpr(*s.a);
        else
            emitLoadConst(Value::none());
        if (s.b)
            compileExpr(*s.b);
        else
            emitLoadConst(Value::none());
        if (s.c) {
            compileExpr(*s.c);
            emit(Op::BUILD_SLICE, 3);
        } else {
            emit(Op::BUILD_SLICE, 2);
        }
    }

    // Jumps to `label` if the truth of e equals `cond`.
    void compileJumpIf(const Expr& e, int label, bool cond) {
        if (e.kind == ExprKind::UnaryOp && e.op == static_cast<int>(UnaryOpKind::Not)) {
            compileJumpIf(*e.a, label, !cond);
            return;
        }
        if (e.kind == ExprKind::BoolOp) {
            bool isOr = e.op == 1;
            if (isOr == cond) {
                for (const auto& v : e.elts) compileJumpIf(*v, label, cond);
            } else {
                int skip = newLabel();
                for (std::size_t i = 0; i + 1 < e.elts.size(); ++i)
                    compileJumpIf(*e.elts[i], skip, !cond);
                compileJumpIf(*e.elts.back(), label, cond);
                bind(skip);
            }
            return;
        }
        if (e.kind == ExprKind::Compare && e.cmpOps.size() == 1) {
            CompareKind k = e.cmpOps[0];
            if (k <= CompareKind::Ge) {
                compileExpr(*e.a);
                compileExpr(*e.elts[0]);
                setPos(e);
                int i = emit(Op::COMPARE_AND_BRANCH,
                             static_cast<uint32_t>(k) | (cond ? 8u : 0u));  // target patched later
                cur().instrs[static_cast<std::size_t>(i)].label = label;
                return;
            }
        }
        compileExpr(e);
        emitJump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
    }

    void compileExpr(const Expr& e) {
        const Unit::Position saved = cur().position();
        if (e.kind == ExprKind::Call) setPos(e);
        // A name loaded on the statement's line gets its own columns (NameError's carets);
        // its line stays the statement's.
        if (e.kind == ExprKind::Name && e.pos.line == cur().line && e.end.line == e.pos.line)
            setPos(e);
        compileExprInner(e);
        cur().restore(saved);
    }

    void compileCompareOp(CompareKind k) {
        switch (k) {
            case CompareKind::Lt:
                emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::Lt));
                break;
            case CompareKind::Le:
                emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::Le));
                break;
            case CompareKind::Eq:
                emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::Eq));
                break;
            case CompareKind::Ne:
                emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::Ne));
                break;
            case CompareKind::Gt:
                emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::Gt));
                break;
            case CompareKind::Ge:
                emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::Ge));
                break;
            case CompareKind::Is:
                emit(Op::IS_OP, 0);
                break;
            case CompareKind::IsNot:
                emit(Op::IS_OP, 1);
                break;
            case CompareKind::In:
                emit(Op::CONTAINS_OP, 0);
                break;
            case CompareKind::NotIn:
                emit(Op::CONTAINS_OP, 1);
                break;
        }
    }

    // Elements with possible *unpacking into a list on the stack; returns true if starred.
    bool compileSequenceElements(const std::vector<ExprPtr>& elts, Op buildOp) {
        bool starred = false;
        for (const auto& e : elts) starred |= e->kind == ExprKind::Starred;
        if (!starred) {
            for (const auto& e : elts) compileExpr(*e);
            emit(buildOp, static_cast<uint32_t>(elts.size()));
            return false;
        }
        bool isSet = buildOp == Op::BUILD_SET;
        emit(isSet ? Op::BUILD_SET : Op::BUILD_LIST, 0);
        for (const auto& e : elts) {
            if (e->kind == ExprKind::Starred) {
                compileExpr(*e->a);
                emit(isSet ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
            } else {
                compileExpr(*e);
                emit(isSet ? Op::SET_ADD : Op::LIST_APPEND, 1);
            }
        }
        if (buildOp == Op::BUILD_TUPLE) emit(Op::LIST_TO_TUPLE);
        return true;
    }

    void compileCall(const Expr& e) {
        const Expr& fn = *e.a;
        if (fn.kind == ExprKind::Attribute) {
            compileExpr(*fn.a);
            setPos(fn);  // a missing method is the attribute's error: "n.upper"
            emit(Op::LOAD_METHOD, addName(fn.name));
        } else {
            compileExpr(fn);
            emit(Op::PUSH_NULL);
        }
        bool dynamic = false;
        for (const auto& a : e.elts) dynamic |= a->kind == ExprKind::Starred;
        for (const auto& k : e.keywords) dynamic |= k.name.empty();
        if (!dynamic) {
            for (const auto& a : e.elts) compileExpr(*a);
            std::vector<Value> names;
            for (const auto& k : e.keywords) {
                compileExpr(*k.value);
                names.push_back(internStr(k.name));
            }
            setPos(e);
            if (!names.empty()) emit(Op::KW_NAMES, addConst(makeTuple(std::move(names))));
            emit(Op::CALL, static_cast<uint32_t>(e.elts.size() + e.keywords.size()));
            return;
        }
        compileSequenceElements(e.elts, Op::BUILD_TUPLE);
        bool hasKw = !e.keywords.empty();
        if (hasKw) {
            emit(Op::BUILD_MAP, 0);
            for (const auto& k : e.keywords) {
                if (k.name.empty()) {
                    compileExpr(*k.value);
                    emit(Op::DICT_MERGE, 1);
                } else {
                    emitLoadConst(internStr(k.name));
                    compileExpr(*k.value);
                    emit(Op::BUILD_MAP, 1);
                    emit(Op::DICT_MERGE, 1);
                }
            }
        }
        setPos(e);
        emit(Op::CALL_FUNCTION_EX, hasKw ? 1 : 0);
    }

    void compileComprehension(const Expr& e) {
        Scope* child = m_st.scopeFor(&e);
        std::string name = child->name;
        enterUnit(child, name, childQualname(name), e.pos.line, 0);
        cur().co()->argcount = 1;
        setPos(e);
        bool gen = e.kind == ExprKind::GeneratorExp;
        if (e.kind == ExprKind::ListComp)
            emit(Op::BUILD_LIST, 0);
        else if (e.kind == ExprKind::SetComp)
            emit(Op::BUILD_SET, 0);
        else if (e.kind == ExprKind::DictComp)
            emit(Op::BUILD_MAP, 0);
        compileComprehensionLevel(e, 0, gen);
        if (gen) emitLoadConst(Value::none());
        emit(Op::RETURN_VALUE);
        Value code = leaveUnit();
        setPos(e);
        makeFunction(child, code, nullptr);
        emit(Op::PUSH_NULL);
        compileExpr(*e.generators[0].iter);
        setPos(e);
        emit(Op::GET_ITER);
        emit(Op::CALL, 1);
    }

    void compileComprehensionLevel(const Expr& e, std::size_t level, bool gen) {
        const Comprehension& c = e.generators[level];
        if (level == 0) {
            emit(Op::LOAD_FAST, static_cast<uint32_t>(cur().varIndex.at(".0")));
        } else {
            compileExpr(*c.iter);
            emit(Op::GET_ITER);
        }
        int loop = newLabel(), exit = newLabel();
        bind(loop);
        emitJump(Op::FOR_ITER, exit);
        compileStore(*c.target);
        for (const auto& cond : c.ifs) compileJumpIf(*cond, loop, false);
        if (level + 1 < e.generators.size()) {
            compileComprehensionLevel(e, level + 1, gen);
        } else {
            uint32_t depth = static_cast<uint32_t>(e.generators.size()) + 1;
            setPos(e);
            if (gen) {
                compileExpr(*e.a);
                emit(Op::YIELD_VALUE);
                emit(Op::POP_TOP);
            } else if (e.kind == ExprKind::DictComp) {
                compileExpr(*e.a);
                compileExpr(*e.b);
                emit(Op::MAP_ADD, depth);
            } else {
                compileExpr(*e.a);
                emit(e.kind == ExprKind::ListComp ? Op::LIST_APPEND : Op::SET_ADD, depth);
            }
        }
        emitJump(Op::JUMP_BACKWARD, loop);
        bind(exit);
    }

    void compileExprInner(const Expr& e) {
        switch (e.kind) {
            case ExprKind::Name:
                compileName(e.name, ExprCtx::Load);
                return;
            case ExprKind::Constant:
                emitLoadConst(e.constant);
                return;
            case ExprKind::BoolOp: {
                int end = newLabel();
                for (std::size_t i = 0; i < e.elts.size(); ++i) {
                    compileExpr(*e.elts[i]);
                    if (i + 1 < e.elts.size())
                        emitJump(e.op == 1 ? Op::JUMP_IF_TRUE_OR_POP : Op::JUMP_IF_FALSE_OR_POP,
                                 end);
                }
                bind(end);
                return;
            }
            case ExprKind::BinOp:
                compileExpr(*e.a);
                compileExpr(*e.b);
                setPos(e);
                emit(Op::BINARY_OP, static_cast<uint32_t>(e.op));
                return;
            case ExprKind::UnaryOp:
                compileExpr(*e.a);
                setPos(e);
                switch (static_cast<UnaryOpKind>(e.op)) {
                    case UnaryOpKind::Not:
                        emit(Op::UNARY_NOT);
                        break;
                    case UnaryOpKind::Neg:
                        emit(Op::UNARY_NEGATIVE);
                        break;
                    case UnaryOpKind::Pos:
                        emit(Op::UNARY_POSITIVE);
                        break;
                    case UnaryOpKind::Invert:
                        emit(Op::UNARY_INVERT);
                        break;
                }
                return;
            case ExprKind::Compare: {
                compileExpr(*e.a);
                if (e.cmpOps.size() == 1) {
                    compileExpr(*e.elts[0]);
                    setPos(e);
                    compileCompareOp(e.cmpOps[0]);
                    return;
                }
                int cleanup = newLabel(), end = newLabel();
                for (std::size_t i = 0; i < e.cmpOps.size(); ++i) {
                    compileExpr(*e.elts[i]);
                    setPos(e);
                    if (i + 1 < e.cmpOps.size()) {
                        emit(Op::DUP_TOP);
                        emit(Op::ROT_THREE);
                        compileCompareOp(e.cmpOps[i]);
                        emitJump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
                    } else {
                        compileCompareOp(e.cmpOps[i]);
                    }
                }
                emitJump(Op::JUMP_FORWARD, end);
                bind(cleanup);
                emit(Op::ROT_TWO);
                emit(Op::POP_TOP);
                bind(end);
                return;
            }
            case ExprKind::Call:
                compileCall(e);
                return;
            case ExprKind::Attribute:
            case ExprKind::Subscript:
                compileAttrOrItem(e, Op::LOAD_ATTR, Op::BINARY_SUBSCR);
                return;
            case ExprKind::Slice:
                compileSlice(e);
                return;
            case ExprKind::List:
                compileSequenceElements(e.elts, Op::BUILD_LIST);
                return;
            case ExprKind::Tuple:
                compileSequenceElements(e.elts, Op::BUILD_TUPLE);
                return;
            case ExprKind::Set: {
                // Constant sets of 3+ items are built via a temporary set, as CPython's
                // frozenset constant + SET_UPDATE (which decides the iteration order).
                bool allConst = e.elts.size() >= 3;
                for (const auto& x : e.elts) allConst &= x->kind == ExprKind::Constant;
                if (allConst) {
                    std::vector<Value> items;
                    for (const auto& x : e.elts) items.push_back(x->constant);
                    emit(Op::BUILD_CONST_SET, addConst(makeTuple(std::move(items))));
                    return;
                }
                compileSequenceElements(e.elts, Op::BUILD_SET);
                return;
            }
            case ExprKind::Dict: {
                bool unpack = false;
                for (const auto& k : e.elts) unpack |= !k;
                if (!unpack && e.elts.size() < 256) {
                    for (std::size_t i = 0; i < e.elts.size(); ++i) {
                        compileExpr(*e.elts[i]);
                        compileExpr(*e.values[i]);
                    }
                    emit(Op::BUILD_MAP, static_cast<uint32_t>(e.elts.size()));
                    return;
                }
                emit(Op::BUILD_MAP, 0);
                for (std::size_t i = 0; i < e.elts.size(); ++i) {
                    if (!e.elts[i]) {
                        compileExpr(*e.values[i]);
                        emit(Op::DICT_UPDATE, 1);
                    } else {
                        compileExpr(*e.elts[i]);
                        compileExpr(*e.values[i]);
                        emit(Op::MAP_ADD, 1);
                    }
                }
                return;
            }
            case ExprKind::ListComp:
            case ExprKind::SetComp:
            case ExprKind::DictComp:
            case ExprKind::GeneratorExp:
                compileComprehension(e);
                return;
            case ExprKind::Lambda: {
                Scope* child = m_st.scopeFor(&e);
                enterUnit(child, "<lambda>", childQualname("<lambda>"), e.pos.line, 0);
                setCodeArgs(*e.args);
                setPos(e);
                compileExpr(*e.a);
                emit(Op::RETURN_VALUE);
                Value code = leaveUnit();
                setPos(e);
                makeFunction(child, code, e.args.get());
                return;
            }
            case ExprKind::IfExp: {
                int elseLabel = newLabel(), end = newLabel();
                compileJumpIf(*e.a, elseLabel, false);
                compileExpr(*e.b);
                emitJump(Op::JUMP_FORWARD, end);
                bind(elseLabel);
                compileExpr(*e.c);
                bind(end);
                return;
            }
            case ExprKind::JoinedStr: {
                if (e.elts.empty()) {
                    emitLoadConst(makeStr(std::string()));
                    return;
                }
                for (const auto& part : e.elts) compileExpr(*part);
                if (e.elts.size() > 1)
                    emit(Op::BUILD_STRING, static_cast<uint32_t>(e.elts.size()));
                else if (e.elts[0]->kind == ExprKind::Constant)
                    return;
                return;
            }
            case ExprKind::FormattedValue: {
                compileExpr(*e.a);
                uint32_t flags = static_cast<uint32_t>(e.op);
                if (e.b) {
                    compileExpr(*e.b);
                    flags |= kFmtHasSpec;
                }
                setPos(e);
                emit(Op::FORMAT_VALUE, flags);
                return;
            }
            case ExprKind::Starred:
                fail(e.pos, "can't use starred expression here");
            case ExprKind::NamedExpr:
                compileExpr(*e.b);
                emit(Op::DUP_TOP);
                compileStore(*e.a);
                return;
            case ExprKind::Yield:
                if (e.a)
                    compileExpr(*e.a);
                else
                    emitLoadConst(Value::none());
                setPos(e);
                emit(Op::YIELD_VALUE);
                return;
            case ExprKind::YieldFrom: {
                // Simplified `yield from it`: re-yield every item (send() values are not
                // forwarded).
                compileExpr(*e.a);
                setPos(e);
                emit(Op::GET_ITER);
                int loop = newLabel(), exit = newLabel();
                bind(loop);
                emitJump(Op::FOR_ITER, exit);
                emit(Op::YIELD_VALUE);
                emit(Op::POP_TOP);
                emitJump(Op::JUMP_BACKWARD, loop);
                bind(exit);
                emitLoadConst(Value::none());
                return;
            }
        }
    }

    std::string m_file;
    std::string_view m_source;
    SymbolTable& m_st;
    std::vector<std::unique_ptr<Unit>> m_units;
};

}  // namespace

Expected<Value> compileModule(std::string_view source, const std::string& filename) {
    Parser parser(source, filename);
    auto mod = parser.parseModule();
    if (!mod) return mod.error();
    SymbolTable st(filename, source);
    auto ok = st.build(mod.value());
    if (!ok) return ok.error();
    try {
        Compiler compiler(filename, source, st);
        return compiler.compileModule(mod.value());
    } catch (Failure& f) {
        return f.diag;
    }
}

}  // namespace taskscope::core::lang
