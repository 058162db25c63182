#pragma once
// Insertion-ordered hash map (the compact dict layout): entries in insertion order plus an
// open-addressing index. Equality of non-trivial keys may call Python (__eq__), hence the
// VmThread parameter.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

class VmThread;
class StrObject;

class DictObject final : public GcObject {
public:
    struct Entry {
        int64_t hash = 0;
        Value key;  // null for a deleted entry
        Value value;
    };

    DictObject() : GcObject(ObjKind::Dict) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override {
        for (const Entry& e : m_entries) {
            visit(e.key);
            visit(e.value);
        }
    }
    void clearRefs() override;

    int64_t size() const noexcept { return m_used; }
    // Index into entries() of key, or -1.
    int64_t find(VmThread& t, const Value& key, int64_t hash) const;
    int64_t find(VmThread& t, const Value& key) const;
    int64_t findStr(const StrObject* key) const;  // fast path for str keys, no Python calls
    int64_t findStr(std::string_view key) const;
    int64_t findStr(std::string_view key, int64_t hash) const;  // hash: strHash(key)
    Value get(VmThread& t, const Value& key) const;             // null if absent
    Value getStr(const StrObject* key) const;
    Value getStr(std::string_view key) const;
    void set(VmThread& t, const Value& key, Value value);
    void set(VmThread& t, const Value& key, int64_t hash, Value value);
    void setStr(const Value& strKey, Value value);  // key must be a str
    void setStr(std::string_view key, Value value);
    bool remove(VmThread& t, const Value& key);  // false if absent
    bool removeStr(std::string_view key);
    void clear();

    const std::vector<Entry>& entries() const noexcept { return m_entries; }
    std::vector<Entry>& entries() noexcept { return m_entries; }
    Value& valueAt(int64_t index) noexcept {
        return m_entries[static_cast<std::size_t>(index)].value;
    }
    // Changes whenever a key is added or removed (not when a value is replaced): lets
    // LOAD_GLOBAL cache an entry index.
    uint64_t keysVersion() const noexcept { return m_keysVersion; }
    // Changes on every mutation; used to detect "dict changed size during iteration".
    uint64_t mutations() const noexcept { return m_mutations; }
    // A class's dict: every change to it invalidates the type attribute cache (typeobject.h).
    void markTypeDict() noexcept { m_typeDict = true; }

private:
    void insertNew(int64_t hash, Value key, Value value);
    void noteChange() noexcept;  // before any change: a class dict's invalidates the cache
    void rebuildIndex(std::size_t minCapacity);
    template <typename Eq>
    int64_t probe(int64_t hash, Eq&& eq) const;

    std::vector<Entry> m_entries;
    std::vector<int32_t> m_index;  // -1 empty, -2 deleted, else entry index
    int64_t m_used = 0;
    int64_t m_dummies = 0;  // index slots marked deleted since the last rebuild
    uint64_t m_keysVersion = 0;
    uint64_t m_mutations = 0;
    bool m_typeDict = false;
};

Value makeDict();

}  // namespace taskscope::core::lang
