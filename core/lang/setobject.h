#pragma once
// set and frozenset, with CPython's table layout and probing (setobject.c) so that
// iteration order matches CPython for ints and (with PYTHONHASHSEED=0) for strings.

#include <cstdint>
#include <vector>

#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

class VmThread;

class SetObject final : public GcObject {
public:
    struct Slot {
        int64_t hash = 0;
        Value key;  // null: unused; dummy: deleted (hash == -1 and key null with m_dummy flag)
        bool dummy = false;
    };

    explicit SetObject(bool frozen = false);
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override {
        for (const Slot& s : m_table) visit(s.key);
    }
    void clearRefs() override;

    bool frozen() const noexcept { return kind() == ObjKind::FrozenSet; }
    int64_t size() const noexcept { return m_used; }
    bool contains(VmThread& t, const Value& key) const;
    bool contains(VmThread& t, const Value& key, int64_t hash) const;
    void add(VmThread& t, const Value& key);
    void add(VmThread& t, const Value& key, int64_t hash);
    bool discard(VmThread& t, const Value& key);
    void clear();
    // set_merge: add every element of another set (fast paths as in CPython).
    void merge(VmThread& t, const SetObject& other);
    // Adds the elements of any iterable (set, dict and generic iterables as CPython does).
    void update(VmThread& t, const Value& iterable);

    const std::vector<Slot>& slots() const noexcept { return m_table; }
    uint64_t mutations() const noexcept { return m_mutations; }

private:
    void resize(int64_t minUsed);
    void insertClean(std::vector<Slot>& table, std::size_t mask, Value key, int64_t hash);
    const Slot* lookup(VmThread& t, const Value& key, int64_t hash) const;

    std::vector<Slot> m_table;
    int64_t m_fill = 0;
    int64_t m_used = 0;
    uint64_t m_mutations = 0;
};

Value makeSet();
Value makeFrozenSet();

}  // namespace taskscope::core::lang
