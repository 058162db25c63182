#include "core/lang/strobject.h"

#include <array>
#include <mutex>
#include <unordered_map>

#include "core/lang/hashing.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

int64_t utf8Length(std::string_view s) {
    int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

uint32_t decodeUtf8(std::string_view s, std::size_t& pos) {
    auto c = static_cast<unsigned char>(s[pos++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    uint32_t cp = c & (0x3F >> extra);
    for (int i = 0; i < extra && pos < s.size(); ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos++]) & 0x3F);
    return cp;
}

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = c < 0x80             ? 0
                            : (c & 0xE0) == 0xC0 ? 1
                            : (c & 0xF0) == 0xE0 ? 2
                            : (c & 0xF8) == 0xF0 ? 3
                                                 : 9;
        if (extra == 9 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += extra + 1;
    }
    return true;
}

StrObject::StrObject(std::string utf8) : Object(ObjKind::Str), m_data(std::move(utf8)) {
    m_length = utf8Length(m_data);
}

StrObject::StrObject(std::string utf8, int64_t codePoints)
    : Object(ObjKind::Str), m_data(std::move(utf8)), m_length(codePoints) {}

TypeObject* StrObject::type() const {
    return builtinTypes().str;
}

int64_t StrObject::computeHash() const {
    // CPython hashes the PEP 393 representation: 1, 2 or 4 bytes per code point.
    if (isAscii()) {
        m_hash = hashBytesLikeCPythonStr(reinterpret_cast<const unsigned char*>(m_data.data()),
                                         m_data.size());
    } else {
        uint32_t maxcp = 0;
        std::vector<uint32_t> cps;
        cps.reserve(static_cast<std::size_t>(m_length));
        std::size_t pos = 0;
        while (pos < m_data.size()) {
            uint32_t cp = decodeUtf8(m_data, pos);
            maxcp = std::max(maxcp, cp);
            cps.push_back(cp);
        }
        std::size_t width = maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
        std::vector<unsigned char> buf;
        buf.reserve(cps.size() * width);
        for (uint32_t cp : cps) {
            for (std::size_t b = 0; b < width; ++b)
                buf.push_back(static_cast<unsigned char>(cp >> (8 * b)));
        }
        m_hash = hashBytesLikeCPythonStr(buf.data(), buf.size());
    }
    m_hashed = true;
    return m_hash;
}

const StrObject* internedName(std::string_view name) {
    struct Entry {
        const char* data = nullptr;
        std::size_t size = 0;
        const StrObject* str = nullptr;
    };
    thread_local std::array<Entry, 512> table;
    const auto a = reinterpret_cast<std::uintptr_t>(name.data());
    Entry& e = table[((a >> 3) ^ (a >> 12) ^ name.size()) & (table.size() - 1)];
    if (e.data == name.data() && e.size == name.size() && e.str->view() == name) return e.str;
    Value v = internStr(name);  // immortal: the pointer stays valid
    e = {name.data(), name.size(), v.as<StrObject>()};
    return e.str;
}

int64_t strHash(std::string_view utf8) {
    for (char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) return StrObject(std::string(utf8)).hash();
    }
    return hashBytesLikeCPythonStr(reinterpret_cast<const unsigned char*>(utf8.data()),
                                   utf8.size());
}

std::size_t StrObject::byteOffset(int64_t index) const {
    if (isAscii()) return static_cast<std::size_t>(index);
    if (m_offsets.empty()) {
        m_offsets.reserve(static_cast<std::size_t>(m_length) + 1);
        for (std::size_t i = 0; i < m_data.size(); ++i) {
            if ((static_cast<unsigned char>(m_data[i]) & 0xC0) != 0x80)
                m_offsets.push_back(static_cast<uint32_t>(i));
        }
        m_offsets.push_back(static_cast<uint32_t>(m_data.size()));
    }
    return m_offsets[static_cast<std::size_t>(index)];
}

uint32_t StrObject::codePointAt(int64_t index) const {
    std::size_t pos = byteOffset(index);
    return decodeUtf8(m_data, pos);
}

std::string StrObject::substr(int64_t start, int64_t stop) const {
    if (stop <= start) return {};
    std::size_t a = byteOffset(start), b = byteOffset(stop);
    return m_data.substr(a, b - a);
}

Value makeStr(std::string utf8) {
    return make<StrObject>(std::move(utf8));
}
Value makeStr(std::string_view utf8) {
    return make<StrObject>(std::string(utf8));
}
Value makeStr(const char* utf8) {
    return make<StrObject>(std::string(utf8));
}

Value internStr(std::string_view s) {
    static std::mutex mutex;
    static std::unordered_map<std::string, Value>* table =
        new std::unordered_map<std::string, Value>();
    std::lock_guard<std::mutex> lock(mutex);
    auto it = table->find(std::string(s));
    if (it != table->end()) return it->second;
    auto* obj = new StrObject(std::string(s));
    obj->makeImmortal();
    Value v(obj);
    table->emplace(std::string(s), v);
    return v;
}

}  // namespace taskscope::core::lang
