#pragma once
// Errors a user can cause (a bad program) are values, never exceptions.

#include <string>
#include <utility>
#include <variant>

namespace taskscope::core::lang {

struct SourcePos {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in code points
};

struct Diagnostic {
    enum class Kind { SyntaxError, IndentationError, TabError, NotSupported, Other };

    Kind kind = Kind::SyntaxError;
    std::string file;
    SourcePos pos;
    std::string message;  // e.g. "invalid syntax", "'yield from' is not supported by Taskscope yet"
    std::string hint;     // what the user can do instead; may be empty
    std::string sourceLine;  // the offending line, without its newline

    // Python's exception class name for this diagnostic ("SyntaxError", ...).
    std::string className() const;
    // One line: FILE:LINE:COL: error: <message>, then "  hint: ..." when there is a hint.
    std::string brief() const;
    // CPython's layout: '  File "x.py", line 3', the source line, a caret, 'SyntaxError: msg'.
    std::string pythonStyle() const;
};

// A minimal expected-like type: either a value or a Diagnostic.
template <typename T, typename E = Diagnostic>
class Expected {
public:
    Expected(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Expected(E error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }
    T& value() { return std::get<0>(m_data); }
    const T& value() const { return std::get<0>(m_data); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const E& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

}  // namespace taskscope::core::lang
