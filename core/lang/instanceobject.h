#pragma once
// Instances of user classes (and host classes), and exception instances.

#include <memory>
#include <vector>

#include "core/lang/dictobject.h"
#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

class DictObject;

// C++ state a host class attaches to its instances (e.g. a kernel object id).
// clone() is called when the instance is deep-copied (fork, snapshots). A payload holds no
// Values: the cycle collector would see them as references from outside.
class NativePayload {
public:
    virtual ~NativePayload() = default;
    virtual std::unique_ptr<NativePayload> clone() const = 0;
};

class InstanceObject : public GcObject {
public:
    explicit InstanceObject(Value cls, ObjKind kind = ObjKind::Instance);
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    // A cycle through an instance passes through its dict or its class's dict, which clear
    // themselves: clearRefs() keeps the instance as it is (the inherited no-op).
    void traverse(GcVisitor& visit) const override {
        visit(m_cls);
        visit(m_dict);
    }

    TypeObject* cls() const { return m_cls.as<TypeObject>(); }
    const Value& clsValue() const { return m_cls; }
    void setClass(Value cls) { m_cls = std::move(cls); }
    DictObject* dict();  // created on first use
    DictObject* dictIfAny() const { return m_dict.isNull() ? nullptr : m_dict.as<DictObject>(); }
    const Value& dictValue() {
        dict();
        return m_dict;
    }
    // obj.__dict__ / vars(obj): Python code holds the dict itself. CPython 3.11 creates the
    // dict only then (attributes live inline before), which gc.collect()'s count reflects.
    const Value& exposeDict() {
        m_dictExposed = true;
        return dictValue();
    }
    bool dictExposed() const { return m_dictExposed; }

    NativePayload* payload() const { return m_payload.get(); }
    template <typename T>
    T* payloadAs() const {
        return dynamic_cast<T*>(m_payload.get());
    }
    void setPayload(std::unique_ptr<NativePayload> p) { m_payload = std::move(p); }

    uint64_t m_serial = 0;

protected:
    void copyInto(InstanceObject& target, CopyMemo& memo) const;

private:
    Value m_cls;
    Value m_dict;
    std::unique_ptr<NativePayload> m_payload;
    bool m_dictExposed = false;
};

class CodeObject;

struct TracebackEntry {
    Value code;  // CodeObject
    int line = 0;
    int pc = -1;  // the instruction (its columns place the carets); -1: unknown
};

class ExceptionObject final : public InstanceObject {
public:
    explicit ExceptionObject(Value cls) : InstanceObject(std::move(cls), ObjKind::Exception) {}
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override;
    void clearRefs() override;

    Value m_args;  // tuple
    Value m_cause;
    Value m_context;
    bool m_suppressContext = false;
    std::vector<TracebackEntry> m_traceback;  // innermost call last... see addTraceback
};

// Creates an exception instance of `type` with args (message) as CPython would.
Value makeException(TypeObject* type, std::vector<Value> args);
Value makeException(TypeObject* type, std::string message);

}  // namespace taskscope::core::lang
