#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace taskscope::core {

// The name of an enum value from a table written in the enum's order ("?" out of range).
// `Last` is the enum's last value, so a table that misses one does not compile.
template <auto Last, std::size_t N>
constexpr std::string_view enumName(const std::array<std::string_view, N>& names,
                                    decltype(Last) value) {
    static_assert(static_cast<std::size_t>(Last) + 1 == N, "one name per enum value");
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : std::string_view("?");
}

}  // namespace taskscope::core
