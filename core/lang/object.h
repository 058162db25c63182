#pragma once
// The base of every heap object: intrusive reference count plus a kind tag used for fast
// type tests. Builtin singletons (types, NotImplemented) are immortal (refcount < 0) so they
// can be shared read-only between interpreters. Containers derive from GcObject (gcobject.h)
// so the cycle collector (gcheap.h) can find reference cycles among them.

#include <cstdint>
#include <utility>

#include "core/lang/value.h"

namespace taskscope::core::lang {

class CopyMemo;
class TypeObject;
class GcVisitor;
class GcHeap;
class GcObject;

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
    TASKSCOPE_INLINE void incref() noexcept {
        if (m_refcount >= 0) ++m_refcount;
    }
    TASKSCOPE_INLINE void decref() noexcept {
        if (m_refcount > 0 && --m_refcount == 0) destroy();
    }
    int32_t refcount() const noexcept { return m_refcount; }
    bool immortal() const noexcept { return m_refcount < 0; }
    // Also untracks a container: immortal objects are shared and never collected.
    void makeImmortal() noexcept;
    // Tracked by a heap's cycle collector (only containers can be).
    bool gcTracked() const noexcept { return (m_gcFlags & kGcTracked) != 0; }

    // The Python type of this object.
    virtual TypeObject* type() const = 0;
    // A copy for fork/snapshots: containers copy their contents through the memo.
    virtual Value deepCopy(CopyMemo& memo) const = 0;
    // Calls `visit` on every Value this object holds a reference to (CPython's tp_traverse).
    // It must visit exactly the references the object owns, each as often as it holds it.
    virtual void traverse(GcVisitor& visit) const { (void)visit; }
    // Drops the references this object holds that can close a cycle (CPython's tp_clear), on
    // collected garbage; it never changes other objects. Kinds whose references all lead to
    // objects that clear themselves (a module or class to its dict) may keep them.
    virtual void clearRefs() {}

private:
    void destroy() noexcept;  // delete this, out of line

    friend class GcHeap;
    friend class GcVisitor;
    friend class GcObject;
    static constexpr uint8_t kGcTracked = 1;
    static constexpr uint8_t kGcCollecting = 2;  // in the set a running collection examines
    static constexpr uint8_t kGcReachable = 4;   // found alive by that collection

    int32_t m_refcount = 0;
    ObjKind m_kind;
    uint8_t m_gcFlags = 0;  // GcObject's collector state, kept in Object's padding
};

inline Value::Value(Object* obj) noexcept : m_bits(reinterpret_cast<uint64_t>(obj)) {
    if (obj) obj->incref();
}
TASKSCOPE_INLINE void Value::incref() const noexcept {
    if (isPtr()) obj()->incref();
}
TASKSCOPE_INLINE void Value::decref() noexcept {
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
