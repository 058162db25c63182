#pragma once
// Recursive-descent parser for the Python 3.11 grammar subset Taskscope runs. Constructs
// outside the subset are reported as NotSupported diagnostics; syntax errors use CPython's
// messages.

#include <string>
#include <string_view>
#include <vector>

#include "core/lang/ast.h"
#include "core/lang/source_pos.h"
#include "core/lang/token.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::lang {

class Parser {
public:
    Parser(std::string_view source, std::string filename);
    Expected<Module> parseModule();
    // For f-string replacement fields: parses one expression from `text`.
    static Expected<ExprPtr> parseExpression(std::string_view text, std::string filename,
                                             SourcePos origin, std::string_view fullSource);

    struct Failure {
        Diagnostic diag;
    };

private:
    // Token access.
    const Token& tok(std::size_t ahead = 0) const;
    const Token& next();
    bool atOp(const char* op) const { return tok().is(op); }
    bool atKeyword(const char* kw) const { return tok().isKeyword(kw); }
    bool acceptOp(const char* op);
    bool acceptKeyword(const char* kw);
    const Token& expectOp(const char* op, const char* message = nullptr);
    std::string expectName();
    [[noreturn]] void fail(SourcePos pos, std::string message,
                           Diagnostic::Kind kind = Diagnostic::Kind::SyntaxError);
    [[noreturn]] void unsupported(SourcePos pos, const std::string& construct,
                                  const std::string& hint = {});
    [[noreturn]] void failInvalid();  // "invalid syntax" at the current token
    // Sets the end of `e` (when not set yet) to the end of the last token consumed.
    ExprPtr finish(ExprPtr e) {
        if (e && e->end.line == 0) e->end = m_prevEnd;
        return e;
    }

    // Statements.
    void parseStatementInto(StmtList& out);
    void parseSimpleStatements(StmtList& out);
    StmtPtr parseSmallStatement();
    StmtPtr parseCompound();
    StmtList parseBlock(const char* what, int headerLine);
    StmtPtr parseIf();
    StmtPtr parseWhile();
    StmtPtr parseFor();
    ExprPtr parseForTargets();  // the targets of a for statement or comprehension
    StmtPtr parseTry();
    StmtPtr parseWith();
    StmtPtr parseFunctionDef(std::vector<ExprPtr> decorators, SourcePos pos);
    StmtPtr parseClassDef(std::vector<ExprPtr> decorators, SourcePos pos);
    StmtPtr parseImport();
    StmtPtr parseFromImport();
    StmtPtr parseExpressionStatement();
    std::unique_ptr<Arguments> parseParameters(const char* closing, bool allowAnnotations);

    // Expressions.
    ExprPtr parseStarExpressions();  // a, *b, c  (tuple without parens)
    ExprPtr parseExpressionList(bool allowStar);
    ExprPtr parseNamedExpression();
    ExprPtr parseExpression();
    ExprPtr parseLambda();
    ExprPtr parseDisjunction();
    ExprPtr parseConjunction();
    ExprPtr parseInversion();
    ExprPtr parseComparison();
    ExprPtr parseBitOr();
    ExprPtr parseBitXor();
    ExprPtr parseBitAnd();
    ExprPtr parseShift();
    ExprPtr parseSum();
    ExprPtr parseTerm();
    ExprPtr parseFactor();
    ExprPtr parsePower();
    ExprPtr parsePrimary();
    ExprPtr parseAtom();
    ExprPtr parseCallTrailer(ExprPtr func);
    ExprPtr parseSubscriptTrailer(ExprPtr value);
    ExprPtr parseSliceItem();
    ExprPtr parseParenthesized();
    ExprPtr parseListDisplay();
    void parseDisplayRest(std::vector<ExprPtr>& elts, const char* close);
    ExprPtr parseBraceDisplay();
    ExprPtr parseStrings();
    ExprPtr parseYield();
    void parseComprehensionClauses(std::vector<Comprehension>& out);
    ExprPtr parseStarOrExpression(bool allowStar);

    void setContext(Expr& e, ExprCtx ctx, bool augmented);
    std::string describeForAssign(const Expr& e) const;

    // String literals.
    void decodeStringToken(const Token& t, std::vector<ExprPtr>& parts, std::string& pending,
                           bool& anyFString);
    void parseFStringBody(std::string_view body, bool raw, const Token& t,
                          std::vector<ExprPtr>& parts, std::string& pending);
    std::string decodeEscapes(std::string_view body, bool raw, const Token& t);

    std::string m_file;
    std::string_view m_source;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    SourcePos m_prevEnd;  // the end of the last token consumed: where a finished node ends
    int m_depth = 0;      // recursion guard for deeply nested expressions
    int m_functionDepth = 0;
};

}  // namespace taskscope::core::lang
