#pragma once
// Errors a user can cause (a bad workload file, option or program) are values, never
// exceptions: one Diagnostic for the workload reader, the language, the runtime, the command
// line and the GUI.

#include <string>
#include <utility>
#include <variant>

namespace taskscope::core {

// An error the user caused. It says where, what is wrong and what to do.
struct Diagnostic {
    // For a program: Python's exception class. Error for everything else (workload files).
    enum class Kind { Error, SyntaxError, IndentationError, TabError, NotSupported };

    // (Default member initializers let `Diagnostic{.file = f, .message = m}` leave the rest out.)
    std::string file{};     // may be empty
    int line = 0;           // 1-based, 0 = unknown
    int column = 0;         // 1-based (in code points for a program), 0 = unknown
    std::string message{};  // what is wrong and what to do ("invalid syntax", ...)
    std::string hint{};     // what the user can do instead; may be empty
    Kind kind = Kind::Error;
    std::string sourceLine{};  // a program's offending line, without its newline

    // "file:line:col: message" with the parts that are known.
    std::string format() const;
    // Python's exception class name ("SyntaxError", ..., "Error").
    std::string className() const;
    // One line: FILE:LINE:COL: error: <message>, then "  hint: ..." when there is a hint.
    std::string brief() const;
    // CPython's layout: '  File "x.py", line 3', the source line, a caret, 'SyntaxError: msg'.
    std::string pythonStyle() const;
};

// A value or the diagnostic explaining why there is none (std::expected is C++23).
template <typename T>
class Expected {
public:
    Expected(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Expected(Diagnostic error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_data); }
    const T& value() const { return std::get<0>(m_data); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Diagnostic& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Diagnostic> m_data;
};

}  // namespace taskscope::core
