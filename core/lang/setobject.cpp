#include "core/lang/setobject.h"

#include "core/lang/copymemo.h"
#include "core/lang/dictobject.h"
#include "core/lang/operations.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

namespace {
constexpr std::size_t kMinSize = 8;
constexpr std::size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

bool slotUnused(const SetObject::Slot& s) {
    return s.key.isNull() && !s.dummy;
}
}  // namespace

SetObject::SetObject(bool frozen)
    : GcObject(frozen ? ObjKind::FrozenSet : ObjKind::Set), m_table(kMinSize) {}

TypeObject* SetObject::type() const {
    return frozen() ? builtinTypes().frozenset : builtinTypes().set;
}

Value SetObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new SetObject(frozen());
    Value r(copy);
    memo.remember(this, r);
    copy->m_table.resize(m_table.size());
    for (std::size_t i = 0; i < m_table.size(); ++i) {
        copy->m_table[i].hash = m_table[i].hash;
        copy->m_table[i].dummy = m_table[i].dummy;
        copy->m_table[i].key = lang::deepCopy(m_table[i].key, memo);
    }
    copy->m_fill = m_fill;
    copy->m_used = m_used;
    return r;
}

void SetObject::clearRefs() {
    clear();
}

const SetObject::Slot* SetObject::lookup(VmThread& t, const Value& key, int64_t hash) const {
    std::size_t mask = m_table.size() - 1;
    auto perturb = static_cast<std::size_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    for (;;) {
        std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        const Slot* entry = &m_table[i];
        for (;;) {
            if (slotUnused(*entry)) return nullptr;
            if (!entry->dummy && entry->hash == hash &&
                (entry->key.is(key) || equals(t, entry->key, key)))
                return entry;
            if (probes-- == 0) break;
            ++entry;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool SetObject::contains(VmThread& t, const Value& key, int64_t hash) const {
    return lookup(t, key, hash) != nullptr;
}
bool SetObject::contains(VmThread& t, const Value& key) const {
    return contains(t, key, hashOf(t, key));
}

void SetObject::add(VmThread& t, const Value& key) {
    add(t, key, hashOf(t, key));
}

void SetObject::add(VmThread& t, const Value& key, int64_t hash) {
    std::size_t mask = m_table.size() - 1;
    auto perturb = static_cast<std::size_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    Slot* freeslot = nullptr;
    Slot* entry = nullptr;
    for (;;) {
        entry = &m_table[i];
        std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        bool foundUnused = false;
        for (;;) {
            if (slotUnused(*entry)) {
                foundUnused = true;
                break;
            }
            if (entry->dummy) {
                freeslot = entry;
            } else if (entry->hash == hash && (entry->key.is(key) || equals(t, entry->key, key))) {
                return;  // already present
            }
            if (probes-- == 0) break;
            ++entry;
        }
        if (foundUnused) break;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
    ++m_mutations;
    if (freeslot) {
        ++m_used;
        freeslot->key = key;
        freeslot->hash = hash;
        freeslot->dummy = false;
        return;
    }
    ++m_fill;
    ++m_used;
    entry->key = key;
    entry->hash = hash;
    if (static_cast<std::size_t>(m_fill) * 5 < mask * 3) return;
    resize(m_used > 50000 ? m_used * 2 : m_used * 4);
}

void SetObject::insertClean(std::vector<Slot>& table, std::size_t mask, Value key, int64_t hash) {
    auto perturb = static_cast<std::size_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    for (;;) {
        Slot* entry = &table[i];
        if (entry->key.isNull()) {
            entry->key = std::move(key);
            entry->hash = hash;
            return;
        }
        if (i + kLinearProbes <= mask) {
            for (std::size_t j = 0; j < kLinearProbes; ++j) {
                ++entry;
                if (entry->key.isNull()) {
                    entry->key = std::move(key);
                    entry->hash = hash;
                    return;
                }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void SetObject::resize(int64_t minUsed) {
    std::size_t newsize = kMinSize;
    while (newsize <= static_cast<std::size_t>(minUsed)) newsize <<= 1;
    std::vector<Slot> old;
    old.swap(m_table);
    m_table.assign(newsize, Slot{});
    for (Slot& s : old) {
        if (!s.key.isNull() && !s.dummy)
            insertClean(m_table, newsize - 1, std::move(s.key), s.hash);
    }
    m_fill = m_used;
}

bool SetObject::discard(VmThread& t, const Value& key) {
    int64_t hash = hashOf(t, key);
    const Slot* found = lookup(t, key, hash);
    if (!found) return false;
    Slot* s = const_cast<Slot*>(found);
    Value old = std::move(s->key);
    s->key = Value();
    s->dummy = true;
    s->hash = -1;
    --m_used;
    ++m_mutations;
    return true;
}

void SetObject::clear() {
    std::vector<Slot> old;
    old.swap(m_table);
    m_table.assign(kMinSize, Slot{});
    m_fill = 0;
    m_used = 0;
    ++m_mutations;
}

void SetObject::merge(VmThread& t, const SetObject& other) {
    if (&other == this || other.m_used == 0) return;
    if (static_cast<std::size_t>(m_fill + other.m_used) * 5 >= (m_table.size() - 1) * 3)
        resize((m_used + other.m_used) * 2);
    bool otherClean = other.m_fill == other.m_used;
    if (m_fill == 0 && m_table.size() == other.m_table.size() && otherClean) {
        for (std::size_t i = 0; i < other.m_table.size(); ++i) {
            if (!other.m_table[i].key.isNull()) {
                m_table[i].key = other.m_table[i].key;
                m_table[i].hash = other.m_table[i].hash;
            }
        }
        m_fill = other.m_fill;
        m_used = other.m_used;
        ++m_mutations;
        return;
    }
    if (m_fill == 0) {
        m_fill = other.m_used;
        m_used = other.m_used;
        for (const Slot& s : other.m_table) {
            if (!s.key.isNull() && !s.dummy)
                insertClean(m_table, m_table.size() - 1, s.key, s.hash);
        }
        ++m_mutations;
        return;
    }
    for (const Slot& s : other.m_table) {
        if (!s.key.isNull() && !s.dummy) add(t, s.key, s.hash);
    }
}

void SetObject::update(VmThread& t, const Value& iterable) {
    if (iterable.isKind(ObjKind::Set) || iterable.isKind(ObjKind::FrozenSet)) {
        merge(t, *iterable.as<SetObject>());
        return;
    }
    if (iterable.isKind(ObjKind::Dict)) {
        const auto* d = iterable.as<DictObject>();
        if (static_cast<std::size_t>(m_fill + d->size()) * 5 >= (m_table.size() - 1) * 3)
            resize((m_used + d->size()) * 2);
        for (const auto& e : d->entries()) {
            if (!e.key.isNull()) add(t, e.key, e.hash);
        }
        return;
    }
    Value it = getIter(t, iterable);
    while (Value item = iterNext(t, it)) add(t, item);
}

Value makeSet() {
    return make<SetObject>(false);
}
Value makeFrozenSet() {
    return make<SetObject>(true);
}

}  // namespace taskscope::core::lang
