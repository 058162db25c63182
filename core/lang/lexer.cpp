#include "core/lang/lexer.h"

#include <cstring>

#include "core/lang/strobject.h"

namespace taskscope::core::lang {

namespace {
bool isIdentStart(unsigned char c) {
    return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool isIdentChar(unsigned char c) {
    return std::isalnum(c) || c == '_' || c >= 0x80;
}

const char* const kOps3[] = {"**=", "//=", ">>=", "<<=", "...", nullptr};
const char* const kOps2[] = {"->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",   "+=",
                             "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<>", nullptr};
const char kOps1[] = "()[]{}:,;.+-*/%&|^~<>=@";
}  // namespace

Lexer::Lexer(std::string_view source, std::string filename)
    : m_src(source), m_file(std::move(filename)) {}

std::string Lexer::lineOf(std::string_view source, int line) {
    std::size_t start = 0;
    for (int l = 1; l < line; ++l) {
        std::size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = source.find('\n', start);
    std::string s(
        source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s;
}

Diagnostic Lexer::error(Diagnostic::Kind kind, SourcePos pos, std::string message) const {
    Diagnostic d;
    d.kind = kind;
    d.file = m_file;
    d.line = pos.line;
    d.column = pos.column;
    d.message = std::move(message);
    d.sourceLine = lineOf(m_src, pos.line);
    return d;
}

void Lexer::advance() {
    char c = m_src[m_pos++];
    if (c == '\n') {
        ++m_line;
        m_col = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++m_col;
    }
}

Expected<std::vector<Token>> Lexer::tokenize() {
    std::vector<Token> out;
    Diagnostic err;
    bool atLineStart = true;
    // A UTF-8 byte order mark is allowed at the very start.
    if (m_src.size() >= 3 && std::memcmp(m_src.data(), "\xEF\xBB\xBF", 3) == 0) m_pos = 3;

    while (true) {
        if (atLineStart && m_brackets.empty()) {
            LineStart s = lexIndentation(out, err);
            if (s == LineStart::Error) return err;
            if (s == LineStart::End) break;
            if (s == LineStart::Blank) continue;
            atLineStart = false;
        }
        if (atEnd()) break;
        char c = peek();
        if (c == ' ' || c == '\t' || c == '\f') {
            advance();
            continue;
        }
        if (c == '#') {
            while (!atEnd() && peek() != '\n') advance();
            continue;
        }
        if (c == '\r') {
            advance();
            continue;
        }
        if (c == '\n') {
            SourcePos pos = here();
            advance();
            if (m_brackets.empty()) {
                out.push_back(marker(TokKind::Newline, pos, pos));
                atLineStart = true;
            }
            continue;
        }
        if (c == '\\') {
            SourcePos pos = here();
            advance();
            if (peek() == '\r') advance();
            if (peek() != '\n') {
                return error(Diagnostic::Kind::SyntaxError, pos,
                             "unexpected character after line continuation character");
            }
            advance();
            if (atEnd())
                return error(Diagnostic::Kind::SyntaxError, pos, "unexpected EOF while parsing");
            continue;
        }
        bool ok = true;
        if (isIdentStart(static_cast<unsigned char>(c))) {
            ok = lexNameOrPrefixedString(out, err);
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
            ok = lexNumber(out, err);
        } else if (c == '\'' || c == '"') {
            ok = lexString(out, 0, err);
        } else {
            ok = lexOperator(out, err);
        }
        if (!ok) return err;
    }
    if (!m_brackets.empty()) {
        return error(Diagnostic::Kind::SyntaxError, m_brackets.back().pos,
                     std::string("'") + m_brackets.back().ch + "' was never closed");
    }
    SourcePos endPos = here();
    if (!out.empty() && out.back().kind != TokKind::Newline && out.back().kind != TokKind::Dedent &&
        out.back().kind != TokKind::Indent) {
        out.push_back(marker(TokKind::Newline, endPos, endPos));
    }
    while (m_indents.size() > 1) {
        m_indents.pop_back();
        out.push_back(marker(TokKind::Dedent, endPos, endPos));
    }
    out.push_back(marker(TokKind::EndMarker, endPos, endPos));
    return out;
}

Token Lexer::marker(TokKind kind, SourcePos pos, SourcePos end) {
    Token t;
    t.kind = kind;
    t.pos = pos;
    t.end = end;
    return t;
}

Lexer::LineStart Lexer::lexIndentation(std::vector<Token>& out, Diagnostic& err) {
    // Measure indentation; skip blank and comment-only lines entirely.
    int col = 0, alt = 0;
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\f')) {
        if (peek() == ' ') {
            ++col;
            ++alt;
        } else if (peek() == '\t') {
            col = (col / 8 + 1) * 8;
            ++alt;
        } else {
            col = alt = 0;
        }
        advance();
    }
    if (atEnd()) return LineStart::End;
    char c = peek();
    if (c == '#' || c == '\n' || c == '\r' || (c == '\\' && (peek(1) == '\n'))) {
        if (c == '#') {
            while (!atEnd() && peek() != '\n') advance();
        }
        if (c == '\\') {
            advance();
            advance();
            return LineStart::Blank;
        }
        if (!atEnd()) {
            if (peek() == '\r') advance();
            if (!atEnd() && peek() == '\n') advance();
        }
        return LineStart::Blank;
    }
    SourcePos pos = here();
    if (col > m_indents.back()) {
        if (alt <= m_altIndents.back()) {
            err = error(Diagnostic::Kind::TabError, pos,
                        "inconsistent use of tabs and spaces in indentation");
            return LineStart::Error;
        }
        m_indents.push_back(col);
        m_altIndents.push_back(alt);
        out.push_back(marker(TokKind::Indent, {pos.line, 1}, pos));
        return LineStart::Code;
    }
    while (col < m_indents.back()) {
        m_indents.pop_back();
        m_altIndents.pop_back();
        out.push_back(marker(TokKind::Dedent, pos, pos));
    }
    if (col != m_indents.back()) {
        err = error(Diagnostic::Kind::IndentationError, pos,
                    "unindent does not match any outer indentation level");
        return LineStart::Error;
    }
    if (alt != m_altIndents.back()) {
        err = error(Diagnostic::Kind::TabError, pos,
                    "inconsistent use of tabs and spaces in indentation");
        return LineStart::Error;
    }
    return LineStart::Code;
}

bool Lexer::lexNameOrPrefixedString(std::vector<Token>& out, Diagnostic& err) {
    // String prefixes.
    std::size_t n = 0;
    while (n < 3 && std::strchr("rRbBuUfF", peek(n)) && peek(n) != '\0') ++n;
    for (std::size_t plen = n; plen >= 1; --plen) {
        if (peek(plen) == '\'' || peek(plen) == '"') {
            std::string prefix;
            for (std::size_t i = 0; i < plen; ++i)
                prefix += static_cast<char>(std::tolower(peek(i)));
            static const char* const valid[] = {"r",  "u",  "f",  "b",    "br",
                                                "rb", "fr", "rf", nullptr};
            bool ok = false;
            for (int i = 0; valid[i]; ++i) ok |= prefix == valid[i];
            if (ok) return lexString(out, plen, err);
            break;
        }
    }
    Token t;
    t.kind = TokKind::Name;
    t.pos = here();
    std::size_t start = m_pos;
    while (!atEnd() && isIdentChar(static_cast<unsigned char>(peek()))) advance();
    t.text = std::string(m_src.substr(start, m_pos - start));
    if (!isValidUtf8(t.text)) {
        err = error(Diagnostic::Kind::SyntaxError, t.pos, "invalid character in identifier");
        return false;
    }
    // Reject non-letter symbols such as '€' the way CPython does.
    std::size_t p = 0;
    while (p < t.text.size()) {
        std::size_t before = p;
        uint32_t cp = decodeUtf8(t.text, p);
        bool letterish =
            cp < 0x80 || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
                          !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
                          !(cp >= 0xFF00 && cp <= 0xFF0F) && !(cp >= 0xFF1A && cp <= 0xFF20));
        if (!letterish) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "' (U+%04X)", cp);
            SourcePos ep = t.pos;
            ep.column += static_cast<int>(utf8Length(std::string_view(t.text).substr(0, before)));
            err = error(Diagnostic::Kind::SyntaxError, ep,
                        "invalid character '" + t.text.substr(before, p - before) + buf);
            return false;
        }
    }
    t.end = here();
    out.push_back(std::move(t));
    return true;
}

bool Lexer::lexOperator(std::vector<Token>& out, Diagnostic& err) {
    char c = peek();
    Token t;
    t.kind = TokKind::Op;
    t.pos = here();
    std::string_view rest = m_src.substr(m_pos);
    std::size_t len = 0;
    for (int i = 0; kOps3[i]; ++i) {
        if (rest.substr(0, 3) == kOps3[i]) len = 3;
    }
    if (!len) {
        for (int i = 0; kOps2[i]; ++i) {
            if (rest.substr(0, 2) == kOps2[i]) len = 2;
        }
    }
    if (!len && std::strchr(kOps1, c) && c != '\0') len = 1;
    if (!len) {
        std::size_t p = m_pos;
        uint32_t cp = decodeUtf8(m_src, p);
        char buf[32];
        std::snprintf(buf, sizeof buf, "' (U+%04X)", cp);
        if (c == '!' || c == '$' || c == '?' || c == '`') {
            err = error(Diagnostic::Kind::SyntaxError, t.pos, "invalid syntax");
        } else {
            err = error(Diagnostic::Kind::SyntaxError, t.pos,
                        "invalid character '" + std::string(m_src.substr(m_pos, p - m_pos)) + buf);
        }
        return false;
    }
    t.text = std::string(rest.substr(0, len));
    if (t.text == "<>") {
        err = error(Diagnostic::Kind::SyntaxError, t.pos, "invalid syntax");
        return false;
    }
    for (std::size_t i = 0; i < len; ++i) advance();
    t.end = here();
    if (len == 1 && !matchBracket(c, t.pos, err)) return false;
    out.push_back(std::move(t));
    return true;
}

bool Lexer::matchBracket(char c, SourcePos pos, Diagnostic& err) {
    if (c == '(' || c == '[' || c == '{') {
        if (m_brackets.size() >= 200) {
            err = error(Diagnostic::Kind::SyntaxError, pos, "too many nested parentheses");
            return false;
        }
        m_brackets.push_back({c, pos});
    } else if (c == ')' || c == ']' || c == '}') {
        if (m_brackets.empty()) {
            err = error(Diagnostic::Kind::SyntaxError, pos, std::string("unmatched '") + c + "'");
            return false;
        }
        char open = m_brackets.back().ch;
        char want = open == '(' ? ')' : open == '[' ? ']' : '}';
        if (c != want) {
            std::string msg = std::string("closing parenthesis '") + c +
                              "' does not match opening parenthesis '" + open + "'";
            if (m_brackets.back().pos.line != pos.line)
                msg += " on line " + std::to_string(m_brackets.back().pos.line);
            err = error(Diagnostic::Kind::SyntaxError, pos, msg);
            return false;
        }
        m_brackets.pop_back();
    }
    return true;
}

bool Lexer::lexString(std::vector<Token>& out, std::size_t prefixLen, Diagnostic& err) {
    Token t;
    t.kind = TokKind::String;
    t.pos = here();
    std::size_t start = m_pos;
    for (std::size_t i = 0; i < prefixLen; ++i) advance();
    char q = peek();
    bool triple = peek(1) == q && peek(2) == q;
    // The prefix (r, f, ...) and escapes are the parser's: here only the extent is found.
    for (int i = 0; i < (triple ? 3 : 1); ++i) advance();
    for (;;) {
        if (atEnd() || (!triple && peek() == '\n')) {
            err = error(Diagnostic::Kind::SyntaxError, t.pos,
                        std::string(triple ? "unterminated triple-quoted string literal"
                                           : "unterminated string literal") +
                            " (detected at line " + std::to_string(triple ? m_line : t.pos.line) +
                            ")");
            return false;
        }
        char c = peek();
        if (c == '\\') {
            advance();
            if (!atEnd()) advance();
            continue;
        }
        if (c == q) {
            if (!triple) {
                advance();
                break;
            }
            if (peek(1) == q && peek(2) == q) {
                advance();
                advance();
                advance();
                break;
            }
        }
        advance();
    }
    t.text = std::string(m_src.substr(start, m_pos - start));
    t.end = here();
    out.push_back(std::move(t));
    return true;
}

bool Lexer::lexNumber(std::vector<Token>& out, Diagnostic& err) {
    Token t;
    t.kind = TokKind::Number;
    t.pos = here();
    std::size_t start = m_pos;
    auto digits = [&](auto pred) {
        while (!atEnd() && (pred(peek()) || (peek() == '_' && pred(peek(1))))) advance();
    };
    auto isDec = [](char c) { return c >= '0' && c <= '9'; };
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                          peek(1) == 'b' || peek(1) == 'B')) {
        char kind = static_cast<char>(peek(1) | 0x20);
        advance();
        advance();
        if (peek() == '_') advance();
        auto pred = [kind](char c) {
            if (kind == 'x') return std::isxdigit(static_cast<unsigned char>(c)) != 0;
            if (kind == 'o') return c >= '0' && c <= '7';
            return c == '0' || c == '1';
        };
        std::size_t before = m_pos;
        digits(pred);
        if (m_pos == before || (!atEnd() && isIdentChar(static_cast<unsigned char>(peek())))) {
            const char* name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            if (!atEnd() && isDec(peek()) && kind != 'x') {
                err = error(Diagnostic::Kind::SyntaxError, here(),
                            std::string("invalid digit '") + peek() + "' in " + name + " literal");
            } else {
                err = error(Diagnostic::Kind::SyntaxError, t.pos,
                            std::string("invalid ") + name + " literal");
            }
            return false;
        }
    } else {
        digits(isDec);
        if (peek() == '.') {
            advance();
            digits(isDec);
        }
        if (peek() == 'e' || peek() == 'E') {
            std::size_t save = m_pos;
            int sl = m_line, sc = m_col;
            advance();
            if (peek() == '+' || peek() == '-') advance();
            if (!isDec(peek())) {
                m_pos = save;
                m_line = sl;
                m_col = sc;
            } else {
                digits(isDec);
            }
        }
        if (peek() == 'j' || peek() == 'J') {
            advance();
            t.text = std::string(m_src.substr(start, m_pos - start));
            t.end = here();
            out.push_back(std::move(t));
            return true;
        }
        if (!atEnd() && isIdentChar(static_cast<unsigned char>(peek()))) {
            err = error(Diagnostic::Kind::SyntaxError, t.pos, "invalid decimal literal");
            return false;
        }
        std::string_view lit = m_src.substr(start, m_pos - start);
        bool isFloat = lit.find_first_of(".eE") != std::string_view::npos;
        if (!isFloat && lit.size() > 1 && lit[0] == '0') {
            for (char ch : lit) {
                if (ch != '0' && ch != '_') {
                    err = error(Diagnostic::Kind::SyntaxError, t.pos,
                                "leading zeros in decimal integer literals are not permitted; use "
                                "an 0o prefix for octal integers");
                    return false;
                }
            }
        }
    }
    t.text = std::string(m_src.substr(start, m_pos - start));
    t.end = here();
    out.push_back(std::move(t));
    return true;
}

}  // namespace taskscope::core::lang
