#pragma once
// Immutable scalar heap objects: float, arbitrary-precision int, and the
// NotImplemented/Ellipsis singletons.

#include <gmp.h>

#include <string>

#include "core/lang/object.h"

namespace taskscope::core::lang {

class FloatObject final : public Object {
public:
    explicit FloatObject(double v) noexcept : Object(ObjKind::Float), m_value(v) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo&) const override { return Value(const_cast<FloatObject*>(this)); }
    double value() const noexcept { return m_value; }

private:
    double m_value;
};

// An int that does not fit the 63-bit immediate. Results are demoted back when they fit.
class BigIntObject final : public Object {
public:
    BigIntObject() : Object(ObjKind::BigInt) { mpz_init(m_value); }
    ~BigIntObject() override { mpz_clear(m_value); }
    TypeObject* type() const override;
    Value deepCopy(CopyMemo&) const override { return Value(const_cast<BigIntObject*>(this)); }
    mpz_t& mpz() noexcept { return m_value; }
    const mpz_t& mpz() const noexcept { return m_value; }

private:
    mpz_t m_value;
};

class SingletonObject final : public Object {
public:
    explicit SingletonObject(std::string name)
        : Object(ObjKind::Singleton), m_name(std::move(name)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo&) const override { return Value(const_cast<SingletonObject*>(this)); }
    const std::string& name() const { return m_name; }

private:
    std::string m_name;
};

Value makeFloat(double v);
Value notImplemented();
Value ellipsis();

}  // namespace taskscope::core::lang
