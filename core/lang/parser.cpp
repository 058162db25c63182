#include "core/lang/parser.h"

#include <cstring>

#include "core/lang/intops.h"
#include "core/lang/lexer.h"
#include "core/lang/opcode.h"
#include "core/lang/scalarobjects.h"

namespace taskscope::core::lang {

namespace {

const char* const kKeywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",    nullptr};

bool isKeyword(const std::string& s) {
    for (int i = 0; kKeywords[i]; ++i) {
        if (s == kKeywords[i]) return true;
    }
    return false;
}

ExprPtr newExpr(ExprKind k, SourcePos p) {
    return std::make_unique<Expr>(k, p);
}
StmtPtr newStmt(StmtKind k, SourcePos p) {
    return std::make_unique<Stmt>(k, p);
}

struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
};

constexpr int kMaxDepth = 180;

}  // namespace

Parser::Parser(std::string_view source, std::string filename)
    : m_file(std::move(filename)), m_source(source) {}

const Token& Parser::tok(std::size_t ahead) const {
    std::size_t i = m_pos + ahead;
    return i < m_tokens.size() ? m_tokens[i] : m_tokens.back();
}

const Token& Parser::next() {
    const Token& t = tok();
    m_prevEnd = t.end;
    if (m_pos < m_tokens.size() - 1) ++m_pos;
    return t;
}

bool Parser::acceptOp(const char* op) {
    if (!atOp(op)) return false;
    next();
    return true;
}

bool Parser::acceptKeyword(const char* kw) {
    if (!atKeyword(kw)) return false;
    next();
    return true;
}

void Parser::fail(SourcePos pos, std::string message, Diagnostic::Kind kind) {
    Diagnostic d;
    d.kind = kind;
    d.file = m_file;
    d.line = pos.line;
    d.column = pos.column;
    d.message = std::move(message);
    d.sourceLine = Lexer::lineOf(m_source, pos.line);
    throw Failure{std::move(d)};
}

void Parser::unsupported(SourcePos pos, const std::string& construct, const std::string& hint) {
    Diagnostic d;
    d.kind = Diagnostic::Kind::NotSupported;
    d.file = m_file;
    d.line = pos.line;
    d.column = pos.column;
    d.message = construct + " is not supported by Taskscope yet";
    d.hint = hint;
    d.sourceLine = Lexer::lineOf(m_source, pos.line);
    throw Failure{std::move(d)};
}

void Parser::failInvalid() {
    const Token& t = tok();
    if (t.kind == TokKind::Indent)
        fail(t.end, "unexpected indent", Diagnostic::Kind::IndentationError);
    if (t.kind == TokKind::Dedent)
        fail(t.pos, "unindent does not match any outer indentation level",
             Diagnostic::Kind::IndentationError);
    fail(t.pos, "invalid syntax");
}

const Token& Parser::expectOp(const char* op, const char* message) {
    if (!atOp(op)) {
        if (message) fail(tok().pos, message);
        if (std::strcmp(op, ":") == 0) fail(tok().pos, "expected ':'");
        failInvalid();
    }
    return next();
}

std::string Parser::expectName() {
    const Token& t = tok();
    if (t.kind != TokKind::Name || isKeyword(t.text)) failInvalid();
    next();
    return t.text;
}

Expected<Module> Parser::parseModule() {
    Lexer lexer(m_source, m_file);
    auto toks = lexer.tokenize();
    if (!toks) return toks.error();
    m_tokens = std::move(toks.value());
    Module mod;
    try {
        while (tok().kind != TokKind::EndMarker) {
            if (tok().kind == TokKind::Newline) {
                next();
                continue;
            }
            if (tok().kind == TokKind::Indent)
                fail(tok().end, "unexpected indent", Diagnostic::Kind::IndentationError);
            parseStatementInto(mod.body);
        }
    } catch (Failure& f) {
        return f.diag;
    }
    return mod;
}

// ---- statements ------------------------------------------------------------------------------

void Parser::parseStatementInto(StmtList& out) {
    const Token& t = tok();
    if (t.kind == TokKind::Name) {
        static const char* const compound[] = {"if",  "while", "for",   "try",  "with",
                                               "def", "class", "async", nullptr};
        for (int i = 0; compound[i]; ++i) {
            if (t.text == compound[i]) {
                out.push_back(parseCompound());
                return;
            }
        }
        if (t.text == "match" &&
            (tok(1).kind == TokKind::Name || tok(1).kind == TokKind::Number ||
             tok(1).kind == TokKind::String) &&
            !isKeyword(tok(1).text)) {
            unsupported(t.pos, "the 'match' statement", "use if/elif/else instead");
        }
    }
    if (t.is("@")) {
        out.push_back(parseCompound());
        return;
    }
    parseSimpleStatements(out);
}

void Parser::parseSimpleStatements(StmtList& out) {
    for (;;) {
        out.push_back(parseSmallStatement());
        if (acceptOp(";")) {
            if (tok().kind == TokKind::Newline) break;
            continue;
        }
        break;
    }
    if (tok().kind != TokKind::Newline) {
        // Two expressions side by side: CPython suggests a missing comma in some cases.
        if (tok().kind == TokKind::Indent) failInvalid();
        fail(tok().pos, "invalid syntax");
    }
    next();
}

StmtPtr Parser::parseSmallStatement() {
    const Token& t = tok();
    SourcePos pos = t.pos;
    if (t.kind == TokKind::Name) {
        const std::string& kw = t.text;
        if (kw == "pass") {
            next();
            return newStmt(StmtKind::Pass, pos);
        }
        if (kw == "break") {
            next();
            return newStmt(StmtKind::Break, pos);
        }
        if (kw == "continue") {
            next();
            return newStmt(StmtKind::Continue, pos);
        }
        if (kw == "return") {
            next();
            auto s = newStmt(StmtKind::Return, pos);
            if (tok().kind != TokKind::Newline && !atOp(";")) s->value = parseStarExpressions();
            return s;
        }
        if (kw == "raise") {
            next();
            auto s = newStmt(StmtKind::Raise, pos);
            if (tok().kind != TokKind::Newline && !atOp(";")) {
                s->value = parseExpression();
                if (acceptKeyword("from")) s->test = parseExpression();
            }
            return s;
        }
        if (kw == "global" || kw == "nonlocal") {
            next();
            auto s = newStmt(kw == "global" ? StmtKind::Global : StmtKind::Nonlocal, pos);
            do {
                Alias a;
                a.pos = tok().pos;
                a.name = expectName();
                s->names.push_back(std::move(a));
            } while (acceptOp(","));
            return s;
        }
        if (kw == "del") {
            next();
            auto s = newStmt(StmtKind::Delete, pos);
            ExprPtr targets = parseExpressionList(false);
            if (targets->kind == ExprKind::Tuple && !targets->parenthesized) {
                for (auto& e : targets->elts) {
                    setContext(*e, ExprCtx::Del, false);
                    s->targets.push_back(std::move(e));
                }
            } else {
                setContext(*targets, ExprCtx::Del, false);
                s->targets.push_back(std::move(targets));
            }
            return s;
        }
        if (kw == "assert") {
            next();
            auto s = newStmt(StmtKind::Assert, pos);
            s->test = parseExpression();
            if (acceptOp(",")) s->msg = parseExpression();
            return s;
        }
        if (kw == "import") return parseImport();
        if (kw == "from") return parseFromImport();
        if (kw == "print" && tok(1).kind == TokKind::String) {
            fail(pos, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        }
        if (kw == "exec" && tok(1).kind == TokKind::String) {
            unsupported(pos, "exec");
        }
    }
    return parseExpressionStatement();
}

StmtPtr Parser::parseExpressionStatement() {
    SourcePos pos = tok().pos;
    ExprPtr first = atKeyword("yield") ? parseYield() : parseStarExpressions();
    if (atOp("=")) {
        auto s = newStmt(StmtKind::Assign, pos);
        s->targets.push_back(std::move(first));
        ExprPtr value;
        while (acceptOp("=")) {
            ExprPtr rhs = atKeyword("yield") ? parseYield() : parseStarExpressions();
            if (atOp("=")) {
                s->targets.push_back(std::move(rhs));
            } else {
                value = std::move(rhs);
            }
        }
        for (auto& target : s->targets) setContext(*target, ExprCtx::Store, false);
        s->value = std::move(value);
        return s;
    }
    static const std::pair<const char*, BinOp> augOps[] = {
        {"+=", BinOp::Add},       {"-=", BinOp::Sub}, {"*=", BinOp::Mul},  {"/=", BinOp::TrueDiv},
        {"//=", BinOp::FloorDiv}, {"%=", BinOp::Mod}, {"**=", BinOp::Pow}, {"<<=", BinOp::LShift},
        {">>=", BinOp::RShift},   {"&=", BinOp::And}, {"|=", BinOp::Or},   {"^=", BinOp::Xor},
        {"@=", BinOp::MatMul}};
    for (const auto& [text, op] : augOps) {
        if (atOp(text)) {
            next();
            auto s = newStmt(StmtKind::AugAssign, pos);
            if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
                first->kind != ExprKind::Subscript) {
                fail(first->pos, "'" + describeForAssign(*first) +
                                     "' is an illegal expression for augmented assignment");
            }
            setContext(*first, ExprCtx::Store, true);
            s->target = std::move(first);
            s->op = static_cast<int>(op);
            s->value = atKeyword("yield") ? parseYield() : parseStarExpressions();
            return s;
        }
    }
    if (atOp(":")) {
        next();
        auto s = newStmt(StmtKind::AnnAssign, pos);
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript) {
            fail(first->pos, "only single target (not tuple) can be annotated");
        }
        parseExpression();  // the annotation is evaluated by nobody: Taskscope ignores it
        setContext(*first, ExprCtx::Store, false);
        s->target = std::move(first);
        if (acceptOp("=")) s->value = atKeyword("yield") ? parseYield() : parseStarExpressions();
        return s;
    }
    if (first->kind == ExprKind::Starred) fail(first->pos, "can't use starred expression here");
    auto s = newStmt(StmtKind::ExprStmt, pos);
    s->value = std::move(first);
    return s;
}

StmtPtr Parser::parseImport() {
    SourcePos pos = next().pos;
    auto s = newStmt(StmtKind::Import, pos);
    do {
        Alias a;
        a.pos = tok().pos;
        a.name = expectName();
        while (acceptOp(".")) a.name += "." + expectName();
        if (acceptKeyword("as")) a.asname = expectName();
        s->names.push_back(std::move(a));
    } while (acceptOp(","));
    return s;
}

StmtPtr Parser::parseFromImport() {
    SourcePos pos = next().pos;
    auto s = newStmt(StmtKind::ImportFrom, pos);
    while (atOp(".") || atOp("...")) {
        s->level += atOp("...") ? 3 : 1;
        next();
    }
    if (s->level > 0)
        unsupported(pos, "relative imports",
                    "put everything in one file, or import a module by name");
    s->name = expectName();
    while (acceptOp(".")) s->name += "." + expectName();
    if (!atKeyword("import")) fail(tok().pos, "invalid syntax");
    next();
    if (acceptOp("*")) {
        Alias a;
        a.name = "*";
        a.pos = pos;
        s->names.push_back(std::move(a));
        return s;
    }
    bool paren = acceptOp("(");
    do {
        if (paren && atOp(")")) break;
        Alias a;
        a.pos = tok().pos;
        a.name = expectName();
        if (acceptKeyword("as")) a.asname = expectName();
        s->names.push_back(std::move(a));
    } while (acceptOp(","));
    if (paren) expectOp(")");
    if (!paren && s->names.empty()) failInvalid();
    return s;
}

StmtList Parser::parseBlock(const char* what, int headerLine) {
    StmtList body;
    if (tok().kind != TokKind::Newline) {
        parseSimpleStatements(body);
        return body;
    }
    next();
    if (tok().kind != TokKind::Indent) {
        SourcePos p = tok().pos;
        if (tok().kind == TokKind::EndMarker || tok().kind == TokKind::Dedent)
            p = {headerLine + 1, 1};
        while (tok().kind == TokKind::Dedent) next();
        if (tok().kind != TokKind::EndMarker) p = tok().pos;
        fail(p,
             std::string("expected an indented block after ") + what + " on line " +
                 std::to_string(headerLine),
             Diagnostic::Kind::IndentationError);
    }
    next();
    while (tok().kind != TokKind::Dedent && tok().kind != TokKind::EndMarker) {
        if (tok().kind == TokKind::Newline) {
            next();
            continue;
        }
        if (tok().kind == TokKind::Indent)
            fail(tok().end, "unexpected indent", Diagnostic::Kind::IndentationError);
        parseStatementInto(body);
    }
    if (tok().kind == TokKind::Dedent) next();
    return body;
}

StmtPtr Parser::parseCompound() {
    const Token& t = tok();
    SourcePos pos = t.pos;
    if (t.is("@")) {
        std::vector<ExprPtr> decorators;
        while (acceptOp("@")) {
            decorators.push_back(parseNamedExpression());
            if (tok().kind != TokKind::Newline) failInvalid();
            next();
        }
        SourcePos dpos = tok().pos;
        if (atKeyword("def")) return parseFunctionDef(std::move(decorators), dpos);
        if (atKeyword("class")) return parseClassDef(std::move(decorators), dpos);
        if (atKeyword("async"))
            unsupported(dpos, "'async def'", "use threading or multiprocessing for concurrency");
        failInvalid();
    }
    if (t.text == "if") return parseIf();
    if (t.text == "while") return parseWhile();
    if (t.text == "for") return parseFor();
    if (t.text == "try") return parseTry();
    if (t.text == "with") return parseWith();
    if (t.text == "def") return parseFunctionDef({}, pos);
    if (t.text == "class") return parseClassDef({}, pos);
    if (t.text == "async") {
        std::string what = tok(1).isKeyword("def")   ? "'async def'"
                           : tok(1).isKeyword("for") ? "'async for'"
                                                     : "'async with'";
        unsupported(pos, what, "use threading or multiprocessing for concurrency");
    }
    failInvalid();
}

StmtPtr Parser::parseIf() {
    const Token& kw = next();  // 'if' or 'elif'
    bool isElif = kw.text == "elif";
    auto s = newStmt(StmtKind::If, kw.pos);
    s->test = parseNamedExpression();
    expectOp(":");
    s->body = parseBlock(isElif ? "'elif' statement" : "'if' statement", kw.pos.line);
    if (atKeyword("elif")) {
        s->orelse.push_back(parseIf());
    } else if (atKeyword("else")) {
        int line = next().pos.line;
        expectOp(":");
        s->orelse = parseBlock("'else' statement", line);
    }
    return s;
}

StmtPtr Parser::parseWhile() {
    const Token& kw = next();
    auto s = newStmt(StmtKind::While, kw.pos);
    s->test = parseNamedExpression();
    expectOp(":");
    s->body = parseBlock("'while' statement", kw.pos.line);
    if (atKeyword("else")) {
        int line = next().pos.line;
        expectOp(":");
        s->orelse = parseBlock("'else' statement", line);
    }
    return s;
}

ExprPtr Parser::parseForTargets() {
    // Comma-separated bit-or level expressions (so 'in' is not consumed).
    SourcePos tpos = tok().pos;
    std::vector<ExprPtr> targets;
    bool trailingComma = false;
    do {
        if (atKeyword("in")) {
            trailingComma = true;
            break;
        }
        if (atOp("*")) {
            SourcePos sp = next().pos;
            auto st = newExpr(ExprKind::Starred, sp);
            st->a = parseBitOr();
            targets.push_back(std::move(st));
        } else {
            targets.push_back(parseBitOr());
        }
    } while (acceptOp(","));
    if (targets.size() == 1 && !trailingComma) return std::move(targets[0]);
    ExprPtr target = newExpr(ExprKind::Tuple, tpos);
    target->elts = std::move(targets);
    return target;
}

StmtPtr Parser::parseFor() {
    const Token& kw = next();
    auto s = newStmt(StmtKind::For, kw.pos);
    ExprPtr target = parseForTargets();
    if (!atKeyword("in")) fail(tok().pos, "invalid syntax");
    next();
    setContext(*target, ExprCtx::Store, false);
    s->target = std::move(target);
    s->test = parseStarExpressions();
    expectOp(":");
    s->body = parseBlock("'for' statement", kw.pos.line);
    if (atKeyword("else")) {
        int line = next().pos.line;
        expectOp(":");
        s->orelse = parseBlock("'else' statement", line);
    }
    return s;
}

StmtPtr Parser::parseTry() {
    const Token& kw = next();
    auto s = newStmt(StmtKind::Try, kw.pos);
    expectOp(":");
    s->body = parseBlock("'try' statement", kw.pos.line);
    while (atKeyword("except")) {
        const Token& ex = next();
        ExceptHandler h;
        h.pos = ex.pos;
        if (atOp("*")) unsupported(ex.pos, "'except*'", "use a plain 'except'");
        if (!atOp(":")) {
            h.type = parseExpression();
            if (atOp(",")) {
                // except A, B:  (Python 2 style)
                fail(h.type->pos, "multiple exception types must be parenthesized");
            }
            if (acceptKeyword("as")) h.name = expectName();
        }
        expectOp(":");
        h.body = parseBlock("'except' statement", ex.pos.line);
        s->handlers.push_back(std::move(h));
    }
    if (atKeyword("else")) {
        if (s->handlers.empty()) failInvalid();
        int line = next().pos.line;
        expectOp(":");
        s->orelse = parseBlock("'else' statement", line);
    }
    if (atKeyword("finally")) {
        int line = next().pos.line;
        expectOp(":");
        s->finalbody = parseBlock("'finally' statement", line);
    }
    if (s->handlers.empty() && s->finalbody.empty())
        fail(tok().pos, "expected 'except' or 'finally' block");
    return s;
}

StmtPtr Parser::parseWith() {
    const Token& kw = next();
    auto s = newStmt(StmtKind::With, kw.pos);
    bool paren = false;
    // `with (a as b, c as d):` (3.10+) vs `with (a, b) as c` are distinguished by 'as' inside.
    if (atOp("(")) {
        std::size_t save = m_pos;
        int depth = 0;
        bool hasAs = false;
        for (std::size_t i = m_pos; i < m_tokens.size(); ++i) {
            const Token& t = m_tokens[i];
            if (t.is("(") || t.is("[") || t.is("{")) ++depth;
            if (t.is(")") || t.is("]") || t.is("}")) {
                if (--depth == 0) {
                    paren = hasAs && i + 1 < m_tokens.size() && m_tokens[i + 1].is(":");
                    break;
                }
            }
            if (depth == 1 && t.isKeyword("as")) hasAs = true;
        }
        m_pos = save;
        if (paren) next();
    }
    do {
        if (paren && atOp(")")) break;
        WithItem item;
        item.context = parseExpression();
        if (acceptKeyword("as")) {
            item.target = parseBitOr();
            if (atOp(",") && !paren) {
                // with a as (x, y) is fine; a bare tuple target needs parentheses.
            }
            setContext(*item.target, ExprCtx::Store, false);
        }
        s->items.push_back(std::move(item));
    } while (acceptOp(","));
    if (paren) expectOp(")");
    expectOp(":");
    s->body = parseBlock("'with' statement", kw.pos.line);
    return s;
}

std::unique_ptr<Arguments> Parser::parseParameters(const char* closing, bool allowAnnotations) {
    auto args = std::make_unique<Arguments>();
    bool seenDefault = false, seenStar = false, seenSlash = false;
    std::vector<std::string> seen;
    auto addName = [&](const Arg& a) {
        for (const auto& n : seen) {
            if (n == a.name)
                fail(a.pos, "duplicate argument '" + a.name + "' in function definition");
        }
        seen.push_back(a.name);
    };
    auto annotation = [&]() {
        if (allowAnnotations && acceptOp(":")) parseExpression();
    };
    while (!atOp(closing)) {
        if (acceptOp("/")) {
            if (seenSlash) fail(tok().pos, "/ may appear only once");
            if (seenStar) fail(tok().pos, "/ must be ahead of *");
            seenSlash = true;
            args->posonly = std::move(args->args);
            args->args.clear();
        } else if (atOp("**")) {
            next();
            Arg a{expectName(), tok().pos};
            a.pos = m_tokens[m_pos - 1].pos;
            annotation();
            addName(a);
            args->kwarg = std::make_unique<Arg>(a);
            acceptOp(",");
            if (!atOp(closing)) fail(tok().pos, "arguments cannot follow var-keyword argument");
            break;
        } else if (atOp("*")) {
            next();
            if (seenStar) fail(tok().pos, "* argument may appear only once");
            seenStar = true;
            if (!atOp(",") && !atOp(closing)) {
                Arg a{expectName(), m_tokens[m_pos - 1].pos};
                annotation();
                addName(a);
                args->vararg = std::make_unique<Arg>(a);
            } else if (atOp(closing) || (atOp(",") && tok(1).is(closing))) {
                fail(tok().pos, "named arguments must follow bare *");
            }
        } else {
            Arg a{expectName(), m_tokens[m_pos - 1].pos};
            annotation();
            addName(a);
            ExprPtr def;
            if (acceptOp("=")) def = parseExpression();
            if (seenStar) {
                args->kwonly.push_back(a);
                args->kwDefaults.push_back(std::move(def));
            } else {
                if (def) {
                    seenDefault = true;
                    args->defaults.push_back(std::move(def));
                } else if (seenDefault) {
                    fail(a.pos, "non-default argument follows default argument");
                }
                args->args.push_back(a);
            }
        }
        if (!acceptOp(",")) break;
    }
    return args;
}

StmtPtr Parser::parseFunctionDef(std::vector<ExprPtr> decorators, SourcePos pos) {
    const Token& kw = next();
    auto s = newStmt(StmtKind::FunctionDef, pos);
    s->name = expectName();
    expectOp("(", "invalid syntax");
    s->args = parseParameters(")", true);
    expectOp(")");
    if (acceptOp("->")) parseExpression();
    expectOp(":");
    s->decorators = std::move(decorators);
    ++m_functionDepth;
    s->body = parseBlock("function definition", kw.pos.line);
    --m_functionDepth;
    return s;
}

StmtPtr Parser::parseClassDef(std::vector<ExprPtr> decorators, SourcePos pos) {
    const Token& kw = next();
    auto s = newStmt(StmtKind::ClassDef, pos);
    s->name = expectName();
    if (acceptOp("(")) {
        while (!atOp(")")) {
            if (tok().kind == TokKind::Name && tok(1).is("=")) {
                Keyword k;
                k.pos = tok().pos;
                k.name = expectName();
                next();
                k.value = parseExpression();
                s->keywords.push_back(std::move(k));
            } else if (atOp("*") || atOp("**")) {
                unsupported(tok().pos, "unpacking in a class's bases");
            } else {
                s->bases.push_back(parseExpression());
            }
            if (!acceptOp(",")) break;
        }
        expectOp(")");
    }
    for (const auto& k : s->keywords) {
        unsupported(k.pos, "class keyword '" + k.name + "='",
                    "metaclasses and class keywords are not available");
    }
    expectOp(":");
    s->decorators = std::move(decorators);
    s->body = parseBlock("class definition", kw.pos.line);
    return s;
}

// ---- expressions -----------------------------------------------------------------------------

ExprPtr Parser::parseStarOrExpression(bool allowStar) {
    if (allowStar && atOp("*")) {
        SourcePos p = next().pos;
        auto e = newExpr(ExprKind::Starred, p);
        e->a = parseBitOr();
        return e;
    }
    return parseNamedExpression();
}

ExprPtr Parser::parseStarExpressions() {
    return parseExpressionList(true);
}

ExprPtr Parser::parseExpressionList(bool allowStar) {
    SourcePos pos = tok().pos;
    ExprPtr first = parseStarOrExpression(allowStar);
    if (!atOp(",")) return first;
    auto tuple = newExpr(ExprKind::Tuple, pos);
    tuple->elts.push_back(std::move(first));
    while (acceptOp(",")) {
        const Token& t = tok();
        if (t.kind == TokKind::Newline || t.is("=") || t.is(")") || t.is(":") || t.is(";") ||
            t.is("]") || t.is("}") || t.kind == TokKind::EndMarker ||
            (t.kind == TokKind::Op && t.text.size() >= 2 && t.text.back() == '=' &&
             t.text != "==" && t.text != "<=" && t.text != ">=" && t.text != "!=")) {
            break;
        }
        tuple->elts.push_back(parseStarOrExpression(allowStar));
    }
    return tuple;
}

ExprPtr Parser::parseNamedExpression() {
    if (tok().kind == TokKind::Name && tok(1).is(":=") && !isKeyword(tok().text)) {
        SourcePos pos = tok().pos;
        auto e = newExpr(ExprKind::NamedExpr, pos);
        auto target = newExpr(ExprKind::Name, pos);
        target->name = next().text;
        target->ctx = ExprCtx::Store;
        next();
        e->a = std::move(target);
        e->b = parseExpression();
        return e;
    }
    return parseExpression();
}

ExprPtr Parser::parseExpression() {
    DepthGuard guard(m_depth);
    if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
    if (atKeyword("lambda")) return parseLambda();
    SourcePos pos = tok().pos;
    ExprPtr body = parseDisjunction();
    if (atKeyword("if")) {
        next();
        auto e = newExpr(ExprKind::IfExp, pos);
        e->a = parseDisjunction();
        if (!atKeyword("else")) fail(tok().pos, "expected 'else' after 'if' expression");
        next();
        e->b = std::move(body);
        e->c = parseExpression();
        return e;
    }
    return body;
}

ExprPtr Parser::parseLambda() {
    SourcePos pos = next().pos;
    auto e = newExpr(ExprKind::Lambda, pos);
    e->args = parseParameters(":", false);
    expectOp(":");
    ++m_functionDepth;
    e->a = parseExpression();
    --m_functionDepth;
    return e;
}

ExprPtr Parser::parseDisjunction() {
    SourcePos pos = tok().pos;
    ExprPtr first = parseConjunction();
    if (!atKeyword("or")) return first;
    auto e = newExpr(ExprKind::BoolOp, pos);
    e->op = 1;
    e->elts.push_back(std::move(first));
    while (acceptKeyword("or")) e->elts.push_back(parseConjunction());
    e->end = m_prevEnd;
    return e;
}

ExprPtr Parser::parseConjunction() {
    SourcePos pos = tok().pos;
    ExprPtr first = parseInversion();
    if (!atKeyword("and")) return first;
    auto e = newExpr(ExprKind::BoolOp, pos);
    e->op = 0;
    e->elts.push_back(std::move(first));
    while (acceptKeyword("and")) e->elts.push_back(parseInversion());
    e->end = m_prevEnd;
    return e;
}

ExprPtr Parser::parseInversion() {
    if (atKeyword("not")) {
        DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
        SourcePos pos = next().pos;
        auto e = newExpr(ExprKind::UnaryOp, pos);
        e->op = static_cast<int>(UnaryOpKind::Not);
        e->a = parseInversion();
        e->end = m_prevEnd;
        return e;
    }
    return parseComparison();
}

ExprPtr Parser::parseComparison() {
    SourcePos pos = tok().pos;
    ExprPtr first = parseBitOr();
    ExprPtr cmp;
    for (;;) {
        CompareKind k;
        const Token& t = tok();
        if (t.is("<"))
            k = CompareKind::Lt;
        else if (t.is("<="))
            k = CompareKind::Le;
        else if (t.is("=="))
            k = CompareKind::Eq;
        else if (t.is("!="))
            k = CompareKind::Ne;
        else if (t.is(">"))
            k = CompareKind::Gt;
        else if (t.is(">="))
            k = CompareKind::Ge;
        else if (t.isKeyword("in"))
            k = CompareKind::In;
        else if (t.isKeyword("is"))
            k = tok(1).isKeyword("not") ? CompareKind::IsNot : CompareKind::Is;
        else if (t.isKeyword("not") && tok(1).isKeyword("in"))
            k = CompareKind::NotIn;
        else
            break;
        next();
        if (k == CompareKind::IsNot || k == CompareKind::NotIn) next();
        if (!cmp) {
            cmp = newExpr(ExprKind::Compare, pos);
            cmp->a = std::move(first);
        }
        cmp->cmpOps.push_back(k);
        cmp->elts.push_back(parseBitOr());
        cmp->end = m_prevEnd;
    }
    return cmp ? std::move(cmp) : std::move(first);
}

#define TASKSCOPE_BINARY_LEVEL(name, nextfn, ...)                             \
    ExprPtr Parser::name() {                                                  \
        const SourcePos start = tok().pos;                                    \
        ExprPtr left = nextfn();                                              \
        for (;;) {                                                            \
            static const std::pair<const char*, BinOp> ops[] = {__VA_ARGS__}; \
            bool matched = false;                                             \
            for (const auto& [text, op] : ops) {                              \
                if (tok().is(text)) {                                         \
                    next();                                                   \
                    auto e = newExpr(ExprKind::BinOp, start);                 \
                    e->op = static_cast<int>(op);                             \
                    e->a = std::move(left);                                   \
                    e->b = nextfn();                                          \
                    e->end = m_prevEnd;                                       \
                    left = std::move(e);                                      \
                    matched = true;                                           \
                    break;                                                    \
                }                                                             \
            }                                                                 \
            if (!matched) return left;                                        \
        }                                                                     \
    }

TASKSCOPE_BINARY_LEVEL(parseBitOr, parseBitXor, {"|", BinOp::Or})
TASKSCOPE_BINARY_LEVEL(parseBitXor, parseBitAnd, {"^", BinOp::Xor})
TASKSCOPE_BINARY_LEVEL(parseBitAnd, parseShift, {"&", BinOp::And})
TASKSCOPE_BINARY_LEVEL(parseShift, parseSum, {"<<", BinOp::LShift}, {">>", BinOp::RShift})
TASKSCOPE_BINARY_LEVEL(parseSum, parseTerm, {"+", BinOp::Add}, {"-", BinOp::Sub})
TASKSCOPE_BINARY_LEVEL(parseTerm, parseFactor, {"*", BinOp::Mul}, {"/", BinOp::TrueDiv},
                       {"//", BinOp::FloorDiv}, {"%", BinOp::Mod}, {"@", BinOp::MatMul})
#undef TASKSCOPE_BINARY_LEVEL

ExprPtr Parser::parseFactor() {
    UnaryOpKind k;
    if (atOp("-"))
        k = UnaryOpKind::Neg;
    else if (atOp("+"))
        k = UnaryOpKind::Pos;
    else if (atOp("~"))
        k = UnaryOpKind::Invert;
    else
        return parsePower();
    DepthGuard guard(m_depth);
    if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
    SourcePos pos = next().pos;
    ExprPtr operand = parseFactor();
    // Fold -<number> so that -9223372036854775808 and friends are constants, as in CPython.
    if (k == UnaryOpKind::Neg && operand->kind == ExprKind::Constant && !operand->parenthesized &&
        (isInt(operand->constant) && !operand->constant.isBool())) {
        operand->constant = intNeg(operand->constant);
        operand->pos = pos;
        return operand;
    }
    auto e = newExpr(ExprKind::UnaryOp, pos);
    e->op = static_cast<int>(k);
    e->a = std::move(operand);
    e->end = m_prevEnd;
    return e;
}

ExprPtr Parser::parsePower() {
    const SourcePos start = tok().pos;
    ExprPtr base = parsePrimary();
    if (atOp("**")) {
        next();
        auto e = newExpr(ExprKind::BinOp, start);
        e->op = static_cast<int>(BinOp::Pow);
        e->a = std::move(base);
        e->b = parseFactor();
        e->end = m_prevEnd;
        return e;
    }
    return base;
}

ExprPtr Parser::parsePrimary() {
    if (atKeyword("await"))
        unsupported(tok().pos, "'await'", "use threading or multiprocessing for concurrency");
    // A trailer's node starts at the primary's first token ("(a).b" at the parenthesis).
    const SourcePos start = tok().pos;
    ExprPtr e = finish(parseAtom());
    for (;;) {
        if (atOp("(")) {
            e = parseCallTrailer(std::move(e));
            e->pos = start;
        } else if (atOp("[")) {
            e = parseSubscriptTrailer(std::move(e));
            e->pos = start;
        } else if (atOp(".")) {
            next();
            auto a = newExpr(ExprKind::Attribute, start);
            a->name = expectName();
            a->end = m_prevEnd;
            a->a = std::move(e);
            e = std::move(a);
        } else {
            return e;
        }
    }
}

ExprPtr Parser::parseCallTrailer(ExprPtr func) {
    DepthGuard guard(m_depth);
    if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
    SourcePos pos = func->pos;
    next();  // (
    auto call = newExpr(ExprKind::Call, pos);
    call->a = std::move(func);
    bool seenKeyword = false, seenKwUnpack = false;
    while (!atOp(")")) {
        SourcePos apos = tok().pos;
        if (atOp("**")) {
            next();
            Keyword k;
            k.pos = apos;
            k.value = parseExpression();
            call->keywords.push_back(std::move(k));
            seenKwUnpack = true;
        } else if (atOp("*")) {
            next();
            if (seenKwUnpack)
                fail(apos, "iterable argument unpacking follows keyword argument unpacking");
            auto st = newExpr(ExprKind::Starred, apos);
            st->a = parseExpression();
            call->elts.push_back(std::move(st));
        } else if (tok().kind == TokKind::Name && tok(1).is("=") && !isKeyword(tok().text)) {
            Keyword k;
            k.pos = apos;
            k.name = next().text;
            next();
            for (const auto& other : call->keywords) {
                if (other.name == k.name) fail(apos, "keyword argument repeated: " + k.name);
            }
            k.value = parseExpression();
            call->keywords.push_back(std::move(k));
            seenKeyword = true;
        } else {
            ExprPtr arg = parseNamedExpression();
            if (atKeyword("for")) {
                auto gen = newExpr(ExprKind::GeneratorExp, arg->pos);
                gen->a = std::move(arg);
                parseComprehensionClauses(gen->generators);
                if (!call->elts.empty() || !call->keywords.empty() || !atOp(")")) {
                    fail(gen->pos, "Generator expression must be parenthesized");
                }
                // sum(f.result() for f in fs): a builtin that consumes the whole iterable
                // gets a list comprehension instead, so that a blocking call inside runs in a
                // resumable frame (natives cannot block in callbacks). The result is the same.
                const Expr& callee = *call->a;
                static const char* const kConsumers[] = {
                    "sum", "sorted", "list", "tuple", "set", "frozenset", "min", "max", "dict"};
                bool consumer = callee.kind == ExprKind::Attribute && callee.name == "join";
                if (callee.kind == ExprKind::Name)
                    for (const char* n : kConsumers) consumer = consumer || callee.name == n;
                if (consumer) gen->kind = ExprKind::ListComp;
                call->elts.push_back(std::move(gen));
                break;
            }
            if (atOp("=")) {
                fail(arg->pos, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (seenKwUnpack)
                fail(arg->pos, "positional argument follows keyword argument unpacking");
            if (seenKeyword) fail(arg->pos, "positional argument follows keyword argument");
            call->elts.push_back(std::move(arg));
        }
        if (!acceptOp(",")) break;
    }
    if (!atOp(")")) {
        if (tok().kind == TokKind::Name || tok().kind == TokKind::Number ||
            tok().kind == TokKind::String) {
            fail(call->elts.empty() ? tok().pos : call->elts.back()->pos,
                 "invalid syntax. Perhaps you forgot a comma?");
        }
        failInvalid();
    }
    next();
    call->end = m_prevEnd;
    return call;
}

ExprPtr Parser::parseSliceItem() {
    SourcePos pos = tok().pos;
    ExprPtr lower;
    if (!atOp(":")) {
        lower = parseStarOrExpression(true);
        if (!atOp(":")) return lower;
    }
    next();  // :
    auto s = newExpr(ExprKind::Slice, pos);
    s->a = std::move(lower);
    if (!atOp(":") && !atOp("]") && !atOp(",")) s->b = parseExpression();
    if (acceptOp(":")) {
        if (!atOp("]") && !atOp(",")) s->c = parseExpression();
    }
    return s;
}

ExprPtr Parser::parseSubscriptTrailer(ExprPtr value) {
    DepthGuard guard(m_depth);
    if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
    SourcePos pos = value->pos;
    SourcePos ipos = next().pos;
    auto sub = newExpr(ExprKind::Subscript, pos);
    sub->a = std::move(value);
    ExprPtr first = parseSliceItem();
    if (atOp(",")) {
        auto tuple = newExpr(ExprKind::Tuple, ipos);
        tuple->elts.push_back(std::move(first));
        while (acceptOp(",")) {
            if (atOp("]")) break;
            tuple->elts.push_back(parseSliceItem());
        }
        sub->b = std::move(tuple);
    } else {
        sub->b = std::move(first);
    }
    expectOp("]");
    sub->end = m_prevEnd;
    return sub;
}

ExprPtr Parser::parseAtom() {
    const Token& t = tok();
    SourcePos pos = t.pos;
    switch (t.kind) {
        case TokKind::Name: {
            if (t.text == "True" || t.text == "False" || t.text == "None") {
                next();
                auto e = newExpr(ExprKind::Constant, pos);
                e->constant = t.text == "None" ? Value::none() : Value::boolean(t.text == "True");
                return e;
            }
            if (t.text == "yield") fail(pos, "invalid syntax");
            if (isKeyword(t.text)) failInvalid();
            next();
            auto e = newExpr(ExprKind::Name, pos);
            e->name = t.text;
            return e;
        }
        case TokKind::Number: {
            next();
            auto e = newExpr(ExprKind::Constant, pos);
            std::string text;
            for (char c : t.text) {
                if (c != '_') text += c;
            }
            char last = text.back();
            if (last == 'j' || last == 'J')
                unsupported(pos, "the complex number literal",
                            "use two floats (real and imaginary parts)");
            bool isHex = text.size() > 1 && (text[1] == 'x' || text[1] == 'X');
            if (!isHex && text.find_first_of(".eE") != std::string::npos) {
                e->constant = makeFloat(std::strtod(text.c_str(), nullptr));
            } else {
                auto v = parseInt(t.text, 0);
                if (!v) fail(pos, "invalid decimal literal");
                e->constant = *v;
            }
            return e;
        }
        case TokKind::String:
            return parseStrings();
        case TokKind::Op:
            if (t.is("(")) return parseParenthesized();
            if (t.is("[")) return parseListDisplay();
            if (t.is("{")) return parseBraceDisplay();
            if (t.is("...")) {
                next();
                auto e = newExpr(ExprKind::Constant, pos);
                e->constant = ellipsis();
                return e;
            }
            failInvalid();
        case TokKind::Indent:
            fail(t.end, "unexpected indent", Diagnostic::Kind::IndentationError);
        case TokKind::Newline:
        case TokKind::EndMarker:
        case TokKind::Dedent:
            fail(pos, "invalid syntax");
    }
    failInvalid();
}

ExprPtr Parser::parseYield() {
    SourcePos pos = next().pos;  // yield
    if (acceptKeyword("from")) {
        auto e = newExpr(ExprKind::YieldFrom, pos);
        e->a = parseExpression();
        return e;
    }
    auto e = newExpr(ExprKind::Yield, pos);
    const Token& t = tok();
    if (!(t.kind == TokKind::Newline || t.is(")") || t.is("]") || t.is("}") || t.is("=") ||
          t.is(";"))) {
        e->a = parseStarExpressions();
    }
    return e;
}

ExprPtr Parser::parseParenthesized() {
    DepthGuard guard(m_depth);
    if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
    SourcePos pos = next().pos;
    if (acceptOp(")")) {
        auto e = newExpr(ExprKind::Tuple, pos);
        e->parenthesized = true;
        return e;
    }
    if (atKeyword("yield")) {
        ExprPtr y = parseYield();
        expectOp(")");
        return y;
    }
    ExprPtr first = parseStarOrExpression(true);
    if (atKeyword("for")) {
        auto gen = newExpr(ExprKind::GeneratorExp, pos);
        gen->a = std::move(first);
        parseComprehensionClauses(gen->generators);
        expectOp(")");
        return gen;
    }
    if (atOp(")")) {
        next();
        if (first->kind == ExprKind::Starred)
            fail(first->pos, "cannot use starred expression here");
        first->parenthesized = true;
        return first;
    }
    auto tuple = newExpr(ExprKind::Tuple, pos);
    tuple->parenthesized = true;
    tuple->elts.push_back(std::move(first));
    parseDisplayRest(tuple->elts, ")");
    return tuple;
}

void Parser::parseComprehensionClauses(std::vector<Comprehension>& out) {
    while (atKeyword("for") || atKeyword("async")) {
        if (atKeyword("async")) unsupported(tok().pos, "'async for'");
        next();
        Comprehension c;
        c.target = parseForTargets();
        setContext(*c.target, ExprCtx::Store, false);
        if (!atKeyword("in")) fail(tok().pos, "invalid syntax");
        next();
        c.iter = parseDisjunction();
        while (atKeyword("if")) {
            next();
            c.ifs.push_back(parseDisjunction());
        }
        out.push_back(std::move(c));
    }
}

// The rest of a display after its first element: ", item" up to `close`, then `close`.
void Parser::parseDisplayRest(std::vector<ExprPtr>& elts, const char* close) {
    while (acceptOp(",")) {
        if (atOp(close)) break;
        elts.push_back(parseStarOrExpression(true));
    }
    if (!atOp(close)) {
        if (tok().kind == TokKind::Name || tok().kind == TokKind::Number ||
            tok().kind == TokKind::String) {
            fail(elts.back()->pos, "invalid syntax. Perhaps you forgot a comma?");
        }
        failInvalid();
    }
    next();
}

ExprPtr Parser::parseListDisplay() {
    DepthGuard guard(m_depth);
    if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
    SourcePos pos = next().pos;
    auto list = newExpr(ExprKind::List, pos);
    if (acceptOp("]")) return list;
    ExprPtr first = parseStarOrExpression(true);
    if (atKeyword("for")) {
        auto comp = newExpr(ExprKind::ListComp, pos);
        comp->a = std::move(first);
        parseComprehensionClauses(comp->generators);
        expectOp("]");
        return comp;
    }
    list->elts.push_back(std::move(first));
    parseDisplayRest(list->elts, "]");
    return list;
}

ExprPtr Parser::parseBraceDisplay() {
    DepthGuard guard(m_depth);
    if (m_depth > kMaxDepth) fail(tok().pos, "too many nested parentheses");
    SourcePos pos = next().pos;
    if (acceptOp("}")) return newExpr(ExprKind::Dict, pos);
    // Dict if the first item is k: v or **d.
    if (atOp("**")) {
        auto dict = newExpr(ExprKind::Dict, pos);
        for (;;) {
            if (acceptOp("**")) {
                dict->elts.push_back(nullptr);
                dict->values.push_back(parseBitOr());
            } else {
                dict->elts.push_back(parseExpression());
                expectOp(":");
                dict->values.push_back(parseExpression());
            }
            if (!acceptOp(",") || atOp("}")) break;
        }
        expectOp("}");
        return dict;
    }
    ExprPtr first = parseStarOrExpression(true);
    if (acceptOp(":")) {
        ExprPtr value = parseExpression();
        if (atKeyword("for")) {
            auto comp = newExpr(ExprKind::DictComp, pos);
            comp->a = std::move(first);
            comp->b = std::move(value);
            parseComprehensionClauses(comp->generators);
            expectOp("}");
            return comp;
        }
        auto dict = newExpr(ExprKind::Dict, pos);
        dict->elts.push_back(std::move(first));
        dict->values.push_back(std::move(value));
        while (acceptOp(",")) {
            if (atOp("}")) break;
            if (acceptOp("**")) {
                dict->elts.push_back(nullptr);
                dict->values.push_back(parseBitOr());
                continue;
            }
            dict->elts.push_back(parseExpression());
            expectOp(":");
            dict->values.push_back(parseExpression());
        }
        expectOp("}");
        return dict;
    }
    if (atKeyword("for")) {
        auto comp = newExpr(ExprKind::SetComp, pos);
        comp->a = std::move(first);
        parseComprehensionClauses(comp->generators);
        expectOp("}");
        return comp;
    }
    auto set = newExpr(ExprKind::Set, pos);
    set->elts.push_back(std::move(first));
    while (acceptOp(",")) {
        if (atOp("}")) break;
        set->elts.push_back(parseStarOrExpression(true));
    }
    expectOp("}");
    return set;
}

// ---- assignment targets ----------------------------------------------------------------------

std::string Parser::describeForAssign(const Expr& e) const {
    switch (e.kind) {
        case ExprKind::Call:
            return "function call";
        case ExprKind::Constant:
            if (e.constant.isNone()) return "None";
            if (e.constant.isBool()) return e.constant.isTrue() ? "True" : "False";
            if (e.constant.isPtr() && e.constant.kind() == ObjKind::Singleton) return "ellipsis";
            return "literal";
        case ExprKind::JoinedStr:
            return "f-string expression";
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp:
            return "expression";
        case ExprKind::ListComp:
            return "list comprehension";
        case ExprKind::SetComp:
            return "set comprehension";
        case ExprKind::DictComp:
            return "dict comprehension";
        case ExprKind::GeneratorExp:
            return "generator expression";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::Set:
            return "set display";
        case ExprKind::NamedExpr:
            return "named expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            return "yield expression";
        default:
            return "expression";
    }
}

void Parser::setContext(Expr& e, ExprCtx ctx, bool augmented) {
    switch (e.kind) {
        case ExprKind::Name:
            if (e.name == "__debug__") fail(e.pos, "cannot assign to __debug__");
            e.ctx = ctx;
            return;
        case ExprKind::Attribute:
        case ExprKind::Subscript:
            e.ctx = ctx;
            return;
        case ExprKind::Tuple:
        case ExprKind::List:
            if (augmented) break;
            e.ctx = ctx;
            {
                int stars = 0;
                for (auto& el : e.elts) {
                    if (el->kind == ExprKind::Starred) {
                        if (ctx == ExprCtx::Del) fail(el->pos, "cannot delete starred");
                        if (++stars > 1)
                            fail(el->pos, "multiple starred expressions in assignment");
                    }
                    setContext(*el, ctx, false);
                }
            }
            return;
        case ExprKind::Starred:
            e.ctx = ctx;
            setContext(*e.a, ctx, false);
            return;
        default:
            break;
    }
    std::string what = describeForAssign(e);
    if (ctx == ExprCtx::Del) fail(e.pos, "cannot delete " + what);
    if (e.kind == ExprKind::Constant && (e.constant.isNone() || e.constant.isBool())) {
        fail(e.pos, "cannot assign to " + what);
    }
    fail(e.pos, "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?");
}

}  // namespace taskscope::core::lang
