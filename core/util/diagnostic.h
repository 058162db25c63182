#pragma once

#include <string>
#include <utility>
#include <variant>

namespace taskscope::core {

// An error the user caused (bad file, bad option, bad program). It says where and what to do.
struct Diagnostic {
    std::string file;     // may be empty
    int line = 0;         // 1-based, 0 = unknown
    int column = 0;       // 1-based, 0 = unknown
    std::string message;  // what is wrong and what to do

    // "file:line:col: message" with the parts that are known.
    std::string format() const;
};

// A value or the diagnostic explaining why there is none (std::expected is C++23).
template <typename T>
class Expected {
public:
    Expected(T value) : m_data(std::move(value)) {}
    Expected(Diagnostic error) : m_data(std::move(error)) {}

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
