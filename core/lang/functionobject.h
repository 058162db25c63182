#pragma once
// Callables and the descriptors built from them.

#include <cstdint>
#include <string>

#include "core/lang/codeobject.h"
#include "core/lang/cost_model.h"
#include "core/lang/dictobject.h"
#include "core/lang/gcobject.h"
#include "core/lang/native.h"

namespace taskscope::core::lang {

class CellObject final : public GcObject {
public:
    CellObject() : GcObject(ObjKind::Cell) {}
    explicit CellObject(Value v) : GcObject(ObjKind::Cell), m_contents(std::move(v)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override { visit(m_contents); }
    void clearRefs() override { m_contents = Value(); }
    Value& contents() { return m_contents; }
    const Value& contents() const { return m_contents; }

private:
    Value m_contents;
};

class FunctionObject final : public GcObject {
public:
    FunctionObject(Value code, Value globals, Value builtins);
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override;
    void clearRefs() override;

    CodeObject* code() const { return m_code.as<CodeObject>(); }
    DictObject* globals() const { return m_globals.as<DictObject>(); }
    DictObject* builtins() const { return m_builtins.as<DictObject>(); }
    const Value& codeValue() const { return m_code; }
    const Value& globalsValue() const { return m_globals; }

    Value m_defaults;    // tuple or null
    Value m_kwdefaults;  // dict or null
    Value m_closure;     // tuple of cells or null
    Value m_dict;        // function attributes, created on demand
    Value m_name;        // str
    Value m_qualname;    // str
    Value m_module;      // str
    uint64_t m_serial = 0;

private:
    Value m_code;
    Value m_globals;
    Value m_builtins;
};

class NativeFunctionObject final : public GcObject {
public:
    enum Flags : uint32_t {
        kNoCheckpoint =
            1,  // len/isinstance/list.append/type: specialised in 3.11 (cheap, no GIL check after)
        kMethod = 2,  // lives in a type's dict; binds self like a Python function
    };
    NativeFunctionObject(std::string name, NativeFn fn, uint32_t flags = 0)
        : GcObject(ObjKind::NativeFunction), m_name(std::move(name)), m_fn(fn), m_flags(flags) {}
    // What a call costs: by the qualified name, resolved on the first call (see nativeCostOf).
    NativeCost cost() const {
        if (!m_costKnown) {
            const bool builtin = m_module.empty() || m_module == "builtins" ||
                                 m_qualname.find('.') != std::string::npos;
            m_cost = (m_flags & kNoCheckpoint)
                         ? NativeCost::Specialised
                         : nativeCostOf(builtin ? m_qualname : m_module + "." + m_qualname);
            m_costKnown = true;
        }
        return m_cost;
    }
    TypeObject* type() const override;
    Value deepCopy(CopyMemo&) const override {
        return Value(const_cast<NativeFunctionObject*>(this));
    }
    void traverse(GcVisitor& visit) const override { visit(m_data); }
    void clearRefs() override { m_data = Value(); }

    const std::string& name() const { return m_name; }
    NativeFn fn() const { return m_fn; }
    uint32_t flags() const { return m_flags; }
    bool isMethod() const { return (m_flags & kMethod) != 0; }

    std::string m_qualname;         // e.g. "list.append"; defaults to the name
    std::string m_module;           // for repr, e.g. "builtins"
    Value m_data;                   // an arbitrary value the native can read back
    void* m_hostContext = nullptr;  // host pointer (shared, never copied)

private:
    std::string m_name;
    NativeFn m_fn;
    uint32_t m_flags;
    mutable NativeCost m_cost = NativeCost::Default;
    mutable bool m_costKnown = false;
};

class BoundMethodObject final : public GcObject {
public:
    BoundMethodObject(Value self, Value func)
        : GcObject(ObjKind::BoundMethod), m_self(std::move(self)), m_func(std::move(func)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override { visitValues(visit, m_self, m_func); }
    void clearRefs() override { clearValues(m_self, m_func); }
    const Value& self() const { return m_self; }
    const Value& func() const { return m_func; }

private:
    Value m_self;
    Value m_func;
};

// property, staticmethod, classmethod share one shape: wrapped callables.
class PropertyObject final : public GcObject {
public:
    PropertyObject(Value fget, Value fset, Value fdel)
        : GcObject(ObjKind::Property),
          m_fget(std::move(fget)),
          m_fset(std::move(fset)),
          m_fdel(std::move(fdel)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override { visitValues(visit, m_fget, m_fset, m_fdel); }
    void clearRefs() override { clearValues(m_fget, m_fset, m_fdel); }
    Value m_fget, m_fset, m_fdel;
};

class MethodWrapperObject final : public GcObject {
public:
    MethodWrapperObject(ObjKind kind, Value func) : GcObject(kind), m_func(std::move(func)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override { visit(m_func); }
    void clearRefs() override { m_func = Value(); }
    const Value& func() const { return m_func; }

private:
    Value m_func;
};

// super(): attribute lookup in the MRO of `obj`'s type after `startType`.
class SuperObject final : public GcObject {
public:
    SuperObject(Value startType, Value obj)
        : GcObject(ObjKind::Super), m_startType(std::move(startType)), m_obj(std::move(obj)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override { visitValues(visit, m_startType, m_obj); }
    void clearRefs() override { clearValues(m_startType, m_obj); }
    const Value& startType() const { return m_startType; }
    const Value& obj() const { return m_obj; }

private:
    Value m_startType;
    Value m_obj;
};

Value makeNative(std::string name, NativeFn fn, uint32_t flags = 0);

}  // namespace taskscope::core::lang
