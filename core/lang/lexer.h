#pragma once
// Python's tokenizer rules: INDENT/DEDENT from leading whitespace (tabs to multiples of 8,
// with CPython's TabError consistency check), implicit joining inside brackets, backslash
// continuation, comments, all string forms (the parser decodes them), numbers.

#include <string>
#include <string_view>
#include <vector>

#include "core/lang/source_pos.h"
#include "core/lang/token.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::lang {

class Lexer {
public:
    Lexer(std::string_view source, std::string filename);
    // All tokens, ending with NEWLINE (if needed), DEDENTs and ENDMARKER; or the first error.
    Expected<std::vector<Token>> tokenize();

    // Line `line` (1-based) of the source without its newline (for diagnostics).
    static std::string lineOf(std::string_view source, int line);

private:
    Diagnostic error(Diagnostic::Kind kind, SourcePos pos, std::string message) const;
    bool atEnd() const { return m_pos >= m_src.size(); }
    char peek(std::size_t ahead = 0) const {
        return m_pos + ahead < m_src.size() ? m_src[m_pos + ahead] : '\0';
    }
    void advance();  // one byte, tracking line/column (columns count code points)
    SourcePos here() const { return {m_line, m_col}; }
    static Token marker(TokKind kind, SourcePos pos, SourcePos end);  // NEWLINE, INDENT, ...
    // At the start of a logical line: INDENT/DEDENTs, or a blank/comment line skipped.
    enum class LineStart { Code, Blank, End, Error };
    LineStart lexIndentation(std::vector<Token>& out, Diagnostic& err);
    // The lexers of one token each: false with `err` set on an error.
    bool lexNameOrPrefixedString(std::vector<Token>& out, Diagnostic& err);
    bool lexString(std::vector<Token>& out, std::size_t prefixLen, Diagnostic& err);
    bool lexNumber(std::vector<Token>& out, Diagnostic& err);
    bool lexOperator(std::vector<Token>& out, Diagnostic& err);
    bool matchBracket(char c, SourcePos pos, Diagnostic& err);  // ( [ { pushed, ) ] } matched

    std::string_view m_src;
    std::string m_file;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_col = 1;
    std::vector<int> m_indents{0};
    std::vector<int> m_altIndents{0};
    struct Bracket {
        char ch;
        SourcePos pos;
    };
    std::vector<Bracket> m_brackets;
};

}  // namespace taskscope::core::lang
