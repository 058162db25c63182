// String literals (CPython's Parser/string_parser.c): escapes, implicit concatenation, and
// f-strings, whose replacement fields are parsed as expressions of their own.
#include <cctype>

#include "core/lang/lexer.h"
#include "core/lang/parser.h"
#include "core/lang/strobject.h"

namespace taskscope::core::lang {

namespace {

ExprPtr newExpr(ExprKind k, SourcePos p) {
    return std::make_unique<Expr>(k, p);
}

}  // namespace

Expected<ExprPtr> Parser::parseExpression(std::string_view text, std::string filename,
                                          SourcePos origin, std::string_view fullSource) {
    Parser p(text, filename);
    Lexer lexer(text, filename);
    auto toks = lexer.tokenize();
    auto fixPos = [&](Diagnostic d) {
        d.line = origin.line;
        d.column = origin.column;
        d.sourceLine = Lexer::lineOf(fullSource, origin.line);
        d.message = "f-string: " + d.message;
        return d;
    };
    if (!toks) return fixPos(toks.error());
    // Positions inside the field are reported at the string literal.
    for (Token& t : toks.value()) {
        t.pos = origin;
        t.end = origin;
    }
    p.m_tokens = std::move(toks.value());
    p.m_source = fullSource;
    try {
        while (p.tok().kind == TokKind::Indent) p.next();
        ExprPtr e = p.parseStarExpressions();
        while (p.tok().kind == TokKind::Newline || p.tok().kind == TokKind::Dedent) p.next();
        if (p.tok().kind != TokKind::EndMarker) p.fail(origin, "f-string: invalid syntax");
        return e;
    } catch (Failure& f) {
        return f.diag;
    }
}

// ---- strings ---------------------------------------------------------------------------------

ExprPtr Parser::parseStrings() {
    SourcePos pos = tok().pos;
    std::vector<ExprPtr> parts;
    std::string pending;
    bool anyFString = false;
    while (tok().kind == TokKind::String) {
        const Token& t = next();
        decodeStringToken(t, parts, pending, anyFString);
    }
    if (!anyFString) {
        auto e = newExpr(ExprKind::Constant, pos);
        e->constant = makeStr(std::move(pending));
        return e;
    }
    if (!pending.empty()) {
        auto c = newExpr(ExprKind::Constant, pos);
        c->constant = makeStr(std::move(pending));
        parts.push_back(std::move(c));
    }
    auto e = newExpr(ExprKind::JoinedStr, pos);
    e->elts = std::move(parts);
    return e;
}

void Parser::decodeStringToken(const Token& t, std::vector<ExprPtr>& parts, std::string& pending,
                               bool& anyFString) {
    std::string_view text = t.text;
    std::size_t q = text.find_first_of("'\"");
    std::string prefix;
    for (std::size_t i = 0; i < q; ++i)
        prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    bool raw = prefix.find('r') != std::string::npos;
    bool fstr = prefix.find('f') != std::string::npos;
    if (prefix.find('b') != std::string::npos) {
        unsupported(t.pos, "bytes literals (b'...')", "use a str instead");
    }
    bool triple = text.size() >= q + 6 && text[q + 1] == text[q] && text[q + 2] == text[q];
    std::size_t qlen = triple ? 3 : 1;
    std::string_view body = text.substr(q + qlen, text.size() - q - 2 * qlen);
    if (!fstr) {
        pending += decodeEscapes(body, raw, t);
        return;
    }
    anyFString = true;
    parseFStringBody(body, raw, t, parts, pending);
}

std::string Parser::decodeEscapes(std::string_view body, bool raw, const Token& t) {
    if (raw) {
        std::string s(body);
        // \r\n inside triple-quoted strings reads as \n.
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
            out += s[i];
        }
        return out;
    }
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') continue;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= body.size()) {
            out += '\\';
            break;
        }
        char e = body[i];
        switch (e) {
            case '\n':
                break;
            case '\r':
                if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
                break;
            case '\\':
                out += '\\';
                break;
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case 'x':
            case 'u':
            case 'U': {
                std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                uint32_t cp = 0;
                std::size_t k = 0;
                for (; k < n && i + 1 + k < body.size() &&
                       std::isxdigit(static_cast<unsigned char>(body[i + 1 + k]));
                     ++k) {
                    char h = body[i + 1 + k];
                    cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                             ? h - '0'
                                                             : (std::tolower(h) - 'a' + 10));
                }
                if (k != n) {
                    fail(t.pos, std::string("(unicode error) 'unicodeescape' codec can't decode "
                                            "bytes: truncated \\") +
                                    e +
                                    (e == 'x'   ? "XX"
                                     : e == 'u' ? "XXXX"
                                                : "XXXXXXXX") +
                                    " escape");
                }
                if (cp > 0x10FFFF)
                    fail(t.pos,
                         "(unicode error) 'unicodeescape' codec can't decode bytes: illegal "
                         "Unicode character");
                appendUtf8(out, cp);
                i += n;
                break;
            }
            case 'N':
                unsupported(t.pos, "\\N{...} escapes", "write the character itself or use \\u");
            default:
                if (e >= '0' && e <= '7') {
                    uint32_t cp = static_cast<uint32_t>(e - '0');
                    for (int k = 0;
                         k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7';
                         ++k) {
                        cp = cp * 8 + static_cast<uint32_t>(body[++i] - '0');
                    }
                    appendUtf8(out, cp);
                } else {
                    out += '\\';
                    out += e;
                }
        }
    }
    return out;
}

void Parser::parseFStringBody(std::string_view body, bool raw, const Token& t,
                              std::vector<ExprPtr>& parts, std::string& pending) {
    std::string literal;
    auto flushLiteral = [&]() {
        if (!literal.empty()) {
            pending += decodeEscapes(literal, raw, t);
            literal.clear();
        }
    };
    auto flushPending = [&]() {
        if (!pending.empty()) {
            auto c = newExpr(ExprKind::Constant, t.pos);
            c->constant = makeStr(std::move(pending));
            parts.push_back(std::move(c));
            pending.clear();
        }
    };
    std::size_t i = 0;
    while (i < body.size()) {
        char c = body[i];
        if (c == '{') {
            if (i + 1 < body.size() && body[i + 1] == '{') {
                literal += '{';
                i += 2;
                continue;
            }
            flushLiteral();
            // Find the end of the expression: first top-level '!', ':', '=' (not ==, !=, <=, >=) or
            // '}'.
            std::size_t start = ++i;
            int depth = 0;
            char quote = 0;
            std::size_t exprEnd = std::string_view::npos;
            for (; i < body.size(); ++i) {
                char d = body[i];
                if (quote) {
                    if (d == quote) quote = 0;
                    continue;
                }
                if (d == '\'' || d == '"') {
                    quote = d;
                } else if (d == '(' || d == '[' || d == '{') {
                    ++depth;
                } else if (d == ')' || d == ']' || d == '}') {
                    if (depth == 0) break;
                    --depth;
                } else if (depth == 0 && (d == '!' || d == ':')) {
                    if (d == '!' && i + 1 < body.size() && body[i + 1] == '=') {
                        ++i;
                        continue;
                    }
                    break;
                } else if (depth == 0 && d == '=' && i + 1 < body.size() && body[i + 1] != '=' &&
                           i > start && body[i - 1] != '=' && body[i - 1] != '!' &&
                           body[i - 1] != '<' && body[i - 1] != '>') {
                    break;
                }
            }
            exprEnd = i;
            if (i >= body.size()) fail(t.pos, "f-string: expecting '}'");
            std::string exprText(body.substr(start, exprEnd - start));
            bool allSpace = exprText.find_first_not_of(" \t\n") == std::string::npos;
            if (allSpace) fail(t.pos, "f-string: empty expression not allowed");
            bool selfDoc = false;
            if (body[i] == '=') {
                selfDoc = true;
                ++i;
            }
            int conversion = 0;
            if (i < body.size() && body[i] == '!') {
                ++i;
                char conv = i < body.size() ? body[i] : '\0';
                if (conv == 's')
                    conversion = 1;
                else if (conv == 'r')
                    conversion = 2;
                else if (conv == 'a')
                    conversion = 3;
                else
                    fail(t.pos,
                         "f-string: invalid conversion character: expected 's', 'r', or 'a'");
                ++i;
            }
            ExprPtr spec;
            if (i < body.size() && body[i] == ':') {
                ++i;
                std::size_t specStart = i;
                int sdepth = 0;
                for (; i < body.size(); ++i) {
                    if (body[i] == '{')
                        ++sdepth;
                    else if (body[i] == '}') {
                        if (sdepth == 0) break;
                        --sdepth;
                    }
                }
                std::vector<ExprPtr> specParts;
                std::string specPending;
                parseFStringBody(body.substr(specStart, i - specStart), raw, t, specParts,
                                 specPending);
                if (!specPending.empty()) {
                    auto cst = newExpr(ExprKind::Constant, t.pos);
                    cst->constant = makeStr(std::move(specPending));
                    specParts.push_back(std::move(cst));
                }
                spec = newExpr(ExprKind::JoinedStr, t.pos);
                spec->elts = std::move(specParts);
            }
            if (i >= body.size() || body[i] != '}') fail(t.pos, "f-string: expecting '}'");
            ++i;
            auto parsed = parseExpression(exprText, m_file, t.pos, m_source);
            if (!parsed) throw Failure{parsed.error()};
            if (selfDoc) {
                pending += exprText + "=";
                if (conversion == 0 && !spec) conversion = 2;
            }
            flushPending();
            auto fv = newExpr(ExprKind::FormattedValue, t.pos);
            fv->a = std::move(parsed.value());
            fv->op = conversion;
            fv->b = std::move(spec);
            parts.push_back(std::move(fv));
            continue;
        }
        if (c == '}') {
            if (i + 1 < body.size() && body[i + 1] == '}') {
                literal += '}';
                i += 2;
                continue;
            }
            fail(t.pos, "f-string: single '}' is not allowed");
        }
        literal += c;
        ++i;
    }
    flushLiteral();
}

}  // namespace taskscope::core::lang
