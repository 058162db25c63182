#pragma once
// Deep copy with a memo, as the simulator needs for fork (the child gets a copy of the
// parent's globals) and for snapshots: shared and cyclic structure is preserved.

#include <functional>
#include <unordered_map>

#include "core/lang/object.h"

namespace taskscope::core::lang {

class CopyMemo {
public:
    // The copy already made of `original`, or null.
    Value find(const Object* original) const {
        auto it = m_copies.find(original);
        return it == m_copies.end() ? Value() : it->second;
    }
    // Records the copy before its contents are copied, so cycles terminate.
    void remember(const Object* original, const Value& copy) { m_copies[original] = copy; }
    std::size_t size() const { return m_copies.size(); }

    // Objects copied by reference instead of by value (pickle's functions and classes): the
    // resolver returns what to use for `original`, or null to copy it as usual.
    using Resolver = std::function<Value(const Object* original)>;
    void setResolver(Resolver r) { m_resolver = std::move(r); }
    Value resolve(const Object* original) const {
        return m_resolver ? m_resolver(original) : Value();
    }

private:
    std::unordered_map<const Object*, Value> m_copies;
    Resolver m_resolver;
};

// Immediates and immutable builtin objects are returned as they are.
Value deepCopy(const Value& v, CopyMemo& memo);

}  // namespace taskscope::core::lang
