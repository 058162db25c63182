#include "core/lang/dictobject.h"

#include "core/lang/copymemo.h"
#include "core/lang/operations.h"
#include "core/lang/strobject.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

namespace {
constexpr int32_t kEmpty = -1;
constexpr int32_t kDeleted = -2;
constexpr int kPerturbShift = 5;

}  // namespace

TypeObject* DictObject::type() const {
    return builtinTypes().dict;
}

Value DictObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new DictObject();
    Value r(copy);
    memo.remember(this, r);
    copy->m_entries.reserve(static_cast<std::size_t>(m_used));
    for (const Entry& e : m_entries) {
        if (e.key.isNull()) continue;
        // Keys keep their hash: copies of str/int/tuple keys hash the same.
        copy->m_entries.push_back(
            {e.hash, lang::deepCopy(e.key, memo), lang::deepCopy(e.value, memo)});
    }
    copy->m_used = static_cast<int64_t>(copy->m_entries.size());
    copy->rebuildIndex(copy->m_entries.size());
    return r;
}

void DictObject::clearRefs() {
    clear();
}

template <typename Eq>
int64_t DictObject::probe(int64_t hash, Eq&& eq) const {
    if (m_index.empty()) return -1;
    std::size_t mask = m_index.size() - 1;
    auto perturb = static_cast<uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    for (;;) {
        int32_t ix = m_index[i];
        if (ix == kEmpty) return -1;
        if (ix >= 0) {
            const Entry& e = m_entries[static_cast<std::size_t>(ix)];
            if (e.hash == hash && eq(e.key)) return ix;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int64_t DictObject::find(VmThread& t, const Value& key, int64_t hash) const {
    if (key.isKind(ObjKind::Str)) {
        const auto* ks = key.as<StrObject>();
        return probe(hash, [&](const Value& k) {
            if (k.is(key)) return true;
            if (k.isKind(ObjKind::Str)) return k.as<StrObject>()->equals(*ks);
            return false;
        });
    }
    return probe(hash, [&](const Value& k) { return k.is(key) || equals(t, k, key); });
}

int64_t DictObject::find(VmThread& t, const Value& key) const {
    return find(t, key, hashOf(t, key));
}

int64_t DictObject::findStr(const StrObject* key) const {
    int64_t hash = key->hash();
    return probe(hash, [&](const Value& k) {
        return k.obj() == key || (k.isKind(ObjKind::Str) && k.as<StrObject>()->equals(*key));
    });
}

int64_t DictObject::findStr(std::string_view key) const {
    return findStr(key, strHash(key));
}
int64_t DictObject::findStr(std::string_view key, int64_t hash) const {
    return probe(hash, [&](const Value& k) {
        return k.isKind(ObjKind::Str) && k.as<StrObject>()->view() == key;
    });
}

Value DictObject::get(VmThread& t, const Value& key) const {
    int64_t ix = find(t, key);
    return ix < 0 ? Value() : m_entries[static_cast<std::size_t>(ix)].value;
}
Value DictObject::getStr(const StrObject* key) const {
    int64_t ix = findStr(key);
    return ix < 0 ? Value() : m_entries[static_cast<std::size_t>(ix)].value;
}
Value DictObject::getStr(std::string_view key) const {
    int64_t ix = findStr(key);
    return ix < 0 ? Value() : m_entries[static_cast<std::size_t>(ix)].value;
}

void DictObject::rebuildIndex(std::size_t minCapacity) {
    // Compact deleted entries away, then size the index for 2/3 load.
    if (static_cast<int64_t>(m_entries.size()) != m_used) {
        std::vector<Entry> live;
        live.reserve(static_cast<std::size_t>(m_used));
        for (Entry& e : m_entries) {
            if (!e.key.isNull()) live.push_back(std::move(e));
        }
        m_entries.swap(live);
    }
    std::size_t size = 8;
    while (size * 2 < minCapacity * 3) size <<= 1;
    m_index.assign(size, kEmpty);
    m_dummies = 0;
    std::size_t mask = size - 1;
    for (std::size_t ix = 0; ix < m_entries.size(); ++ix) {
        auto perturb = static_cast<uint64_t>(m_entries[ix].hash);
        std::size_t i = static_cast<std::size_t>(m_entries[ix].hash) & mask;
        while (m_index[i] != kEmpty) {
            perturb >>= kPerturbShift;
            i = (i * 5 + perturb + 1) & mask;
        }
        m_index[i] = static_cast<int32_t>(ix);
    }
}

void DictObject::noteChange() noexcept {
    if (m_typeDict) invalidateTypeCache();
}

void DictObject::insertNew(int64_t hash, Value key, Value value) {
    noteChange();
    // Deleted slots count towards the load too: a table full of them has no empty slot
    // left to end a probe.
    if ((m_entries.size() + static_cast<std::size_t>(m_dummies) + 1) * 3 >= m_index.size() * 2)
        rebuildIndex(static_cast<std::size_t>(m_used + 1) * 2);
    std::size_t mask = m_index.size() - 1;
    auto perturb = static_cast<uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (m_index[i] >= 0) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    m_index[i] = static_cast<int32_t>(m_entries.size());
    m_entries.push_back({hash, std::move(key), std::move(value)});
    ++m_used;
    ++m_keysVersion;
    ++m_mutations;
}

void DictObject::set(VmThread& t, const Value& key, int64_t hash, Value value) {
    int64_t ix = find(t, key, hash);
    if (ix >= 0) {
        noteChange();
        m_entries[static_cast<std::size_t>(ix)].value = std::move(value);
        return;
    }
    insertNew(hash, key, std::move(value));
}

void DictObject::set(VmThread& t, const Value& key, Value value) {
    set(t, key, hashOf(t, key), std::move(value));
}

void DictObject::setStr(const Value& strKey, Value value) {
    const auto* ks = strKey.as<StrObject>();
    int64_t ix = findStr(ks);
    if (ix >= 0) {
        noteChange();
        m_entries[static_cast<std::size_t>(ix)].value = std::move(value);
        return;
    }
    insertNew(ks->hash(), strKey, std::move(value));
}

void DictObject::setStr(std::string_view key, Value value) {
    setStr(makeStr(key), std::move(value));
}

bool DictObject::remove(VmThread& t, const Value& key) {
    int64_t hash = hashOf(t, key);
    int64_t ix = find(t, key, hash);
    if (ix < 0) return false;
    noteChange();
    std::size_t mask = m_index.size() - 1;
    auto perturb = static_cast<uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (m_index[i] != ix) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    m_index[i] = kDeleted;
    ++m_dummies;
    Entry& e = m_entries[static_cast<std::size_t>(ix)];
    Value oldKey = std::move(e.key);
    Value oldValue = std::move(e.value);
    e.key = Value();
    --m_used;
    ++m_keysVersion;
    ++m_mutations;
    // Trailing deleted entries can simply go.
    while (!m_entries.empty() && m_entries.back().key.isNull() &&
           m_used < static_cast<int64_t>(m_entries.size())) {
        // Keep indices valid: only pop when no index slot refers to it (deleted ones don't).
        m_entries.pop_back();
    }
    if (m_used == 0) clear();
    return true;
}

bool DictObject::removeStr(std::string_view key) {
    int64_t ix = findStr(key);
    if (ix < 0) return false;
    noteChange();
    // str keys never call Python, so a lookup by str cannot need a thread.
    Entry& e = m_entries[static_cast<std::size_t>(ix)];
    std::size_t mask = m_index.size() - 1;
    auto perturb = static_cast<uint64_t>(e.hash);
    std::size_t i = static_cast<std::size_t>(e.hash) & mask;
    while (m_index[i] != ix) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    m_index[i] = kDeleted;
    ++m_dummies;
    Value oldKey = std::move(e.key);
    Value oldValue = std::move(e.value);
    e.key = Value();
    --m_used;
    ++m_keysVersion;
    ++m_mutations;
    if (m_used == 0) clear();
    return true;
}

void DictObject::clear() {
    noteChange();
    std::vector<Entry> old;
    old.swap(m_entries);
    m_index.clear();
    m_used = 0;
    m_dummies = 0;
    ++m_keysVersion;
    ++m_mutations;
    old.clear();  // values may run destructors that touch this dict; it is consistent now
}

Value makeDict() {
    return make<DictObject>();
}

}  // namespace taskscope::core::lang
