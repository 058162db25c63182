#pragma once
// A Python value in 64 bits: small ints, None and bools are immediates (no allocation);
// everything else is a pointer to an intrusively ref-counted Object.
//
//   ...xxxx1  small int (63-bit signed, value = bits >> 1)
//   ...k010   special immediate k: None, False, True
//   ...ppp000 pointer to Object (0 is the null value: unbound/no value)

#include <cstdint>
#include <utility>

namespace taskscope::core::lang {

class Object;
enum class ObjKind : uint8_t;

// Reference counting is on every path of the eval loop, whose size makes the compiler stop
// inlining: the few operations it is made of are always inlined.
#if defined(__GNUC__)
#define TASKSCOPE_INLINE inline __attribute__((always_inline))
#else
#define TASKSCOPE_INLINE inline
#endif

class Value {
public:
    static constexpr int64_t kSmallMin = -(int64_t(1) << 62);
    static constexpr int64_t kSmallMax = (int64_t(1) << 62) - 1;

    constexpr Value() noexcept : m_bits(0) {}
    explicit Value(Object* obj) noexcept;  // takes a new reference
    TASKSCOPE_INLINE Value(const Value& other) noexcept : m_bits(other.m_bits) { incref(); }
    TASKSCOPE_INLINE Value(Value&& other) noexcept : m_bits(other.m_bits) { other.m_bits = 0; }
    TASKSCOPE_INLINE ~Value() { decref(); }
    TASKSCOPE_INLINE Value& operator=(const Value& other) noexcept {
        Value tmp(other);
        swap(tmp);
        return *this;
    }
    TASKSCOPE_INLINE Value& operator=(Value&& other) noexcept {
        if (this != &other) {
            decref();
            m_bits = other.m_bits;
            other.m_bits = 0;
        }
        return *this;
    }
    void swap(Value& other) noexcept { std::swap(m_bits, other.m_bits); }

    static Value none() noexcept { return fromBits(kNoneBits); }
    static Value boolean(bool b) noexcept { return fromBits(b ? kTrueBits : kFalseBits); }
    static Value smallInt(int64_t v) noexcept {
        return fromBits((static_cast<uint64_t>(v) << 1) | 1);
    }
    static constexpr bool fitsSmall(int64_t v) noexcept { return v >= kSmallMin && v <= kSmallMax; }
    static Value fromBits(uint64_t bits) noexcept {
        Value v;
        v.m_bits = bits;
        return v;
    }
    // A new reference to the value whose bits() are `bits`, held alive elsewhere.
    static Value borrowed(uint64_t bits) noexcept {
        Value v = fromBits(bits);
        v.incref();
        return v;
    }

    constexpr uint64_t bits() const noexcept { return m_bits; }
    constexpr bool isNull() const noexcept { return m_bits == 0; }
    explicit constexpr operator bool() const noexcept { return m_bits != 0; }
    constexpr bool isPtr() const noexcept { return (m_bits & 7) == 0 && m_bits != 0; }
    constexpr bool isSmallInt() const noexcept { return (m_bits & 1) != 0; }
    constexpr bool isNone() const noexcept { return m_bits == kNoneBits; }
    constexpr bool isBool() const noexcept { return m_bits == kTrueBits || m_bits == kFalseBits; }
    constexpr bool isTrue() const noexcept { return m_bits == kTrueBits; }
    constexpr bool isFalse() const noexcept { return m_bits == kFalseBits; }
    constexpr int64_t smallInt() const noexcept { return static_cast<int64_t>(m_bits) >> 1; }
    Object* obj() const noexcept { return reinterpret_cast<Object*>(m_bits); }
    template <typename T>
    T* as() const noexcept {
        return static_cast<T*>(obj());
    }
    inline bool isKind(ObjKind k) const noexcept;
    inline ObjKind kind() const noexcept;  // only for pointers

    // Identity, as Python's `is`.
    constexpr bool is(const Value& other) const noexcept { return m_bits == other.m_bits; }

    // Gives up ownership without decrementing (for code that manages raw slots).
    Object* release() noexcept {
        Object* o = obj();
        m_bits = 0;
        return o;
    }

private:
    static constexpr uint64_t kNoneBits = 0x02;
    static constexpr uint64_t kFalseBits = 0x0A;
    static constexpr uint64_t kTrueBits = 0x12;

    TASKSCOPE_INLINE void incref() const noexcept;
    TASKSCOPE_INLINE void decref() noexcept;

    uint64_t m_bits;
};

}  // namespace taskscope::core::lang

// The inline reference counting needs the full Object definition.
#include "core/lang/object.h"
