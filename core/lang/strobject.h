#pragma once
// Python str: UTF-8 storage, but length, indexing and slicing count code points.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/object.h"

namespace taskscope::core::lang {

class StrObject final : public Object {
public:
    explicit StrObject(std::string utf8);
    StrObject(std::string utf8, int64_t codePoints);
    TypeObject* type() const override;
    Value deepCopy(CopyMemo&) const override { return Value(const_cast<StrObject*>(this)); }

    const std::string& str() const noexcept { return m_data; }
    std::string_view view() const noexcept { return m_data; }
    int64_t length() const noexcept { return m_length; }  // in code points
    bool isAscii() const noexcept { return m_length == static_cast<int64_t>(m_data.size()); }
    // CPython's siphash13 with PYTHONHASHSEED=0, computed once.
    int64_t hash() const { return m_hashed ? m_hash : computeHash(); }
    // Byte offset of code point `index` (0 <= index <= length).
    std::size_t byteOffset(int64_t index) const;
    uint32_t codePointAt(int64_t index) const;
    // Slice [start, stop) in code points.
    std::string substr(int64_t start, int64_t stop) const;
    bool equals(const StrObject& other) const noexcept {
        return this == &other || (m_data.size() == other.m_data.size() && m_data == other.m_data);
    }

private:
    int64_t computeHash() const;

    std::string m_data;
    int64_t m_length;
    mutable int64_t m_hash = -1;
    mutable bool m_hashed = false;
    mutable std::vector<uint32_t> m_offsets;  // lazily built for non-ASCII indexing
};

Value makeStr(std::string utf8);
Value makeStr(std::string_view utf8);
Value makeStr(const char* utf8);
// Interned strings for names the runtime looks up often (dunders, attribute names).
Value internStr(std::string_view s);
// internStr for names written in C++ (dunders, method names): a per-thread table keyed by the
// characters' address (and checked against them) finds the interned string without hashing.
const StrObject* internedName(std::string_view name);
// The hash a StrObject of `utf8` has (ASCII without building one).
int64_t strHash(std::string_view utf8);

// UTF-8 helpers.
int64_t utf8Length(std::string_view s);
void appendUtf8(std::string& out, uint32_t cp);
uint32_t decodeUtf8(std::string_view s, std::size_t& pos);  // advances pos
bool isValidUtf8(std::string_view s);

}  // namespace taskscope::core::lang
