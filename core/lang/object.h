#pragma once
// The base of every heap object: intrusive reference count plus a kind tag used for fast
// type tests. Builtin singletons (types, NotImplemented) are immortal (refcount < 0) so they
// can be shared read-only between interpreters.

#include <cstdint>
#include <utility>

#include "core/lang/value.h"

namespace taskscope::core::lang {

class CopyMemo;
class TypeObject;

enum class ObjKind : uint8_t {
    BigInt,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Code,
    Function,
    NativeFunction,
    BoundMethod,
    Type,
    Instance,
    Exception,
    Module,
    Cell,
    Iterator,
    Generator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    DictView,
    Singleton,  // NotImplemented, Ellipsis
};

class Object {
public:
    explicit Object(ObjKind kind) noexcept : m_kind(kind) {}
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object() = default;

    ObjKind kind() const noexcept { return m_kind; }
    void incref() noexcept {
        if (m_refcount >= 0) ++m_refcount;
    }
    void decref() noexcept {
        if (m_refcount > 0 && --m_refcount == 0) delete this;
    }
    int32_t refcount() const noexcept { return m_refcount; }
    bool immortal() const noexcept { return m_refcount < 0; }
    void makeImmortal() noexcept { m_refcount = -1; }

    // The Python type of this object.
    virtual TypeObject* type() const = 0;
    // A copy for fork/snapshots: containers copy their contents through the memo.
    virtual Value deepCopy(CopyMemo& memo) const = 0;
    // Drops references to other objects so reference cycles can be freed at teardown.
    virtual void clearRefs() {}

private:
    int32_t m_refcount = 0;
    ObjKind m_kind;
};

inline Value::Value(Object* obj) noexcept : m_bits(reinterpret_cast<uint64_t>(obj)) {
    if (obj) obj->incref();
}
inline void Value::incref() const noexcept {
    if (isPtr()) obj()->incref();
}
inline void Value::decref() noexcept {
    if (isPtr()) obj()->decref();
}
inline bool Value::isKind(ObjKind k) const noexcept {
    return isPtr() && obj()->kind() == k;
}
inline ObjKind Value::kind() const noexcept {
    return obj()->kind();
}

template <typename T, typename... Args>
Value make(Args&&... args) {
    return Value(new T(std::forward<Args>(args)...));
}

}  // namespace taskscope::core::lang
