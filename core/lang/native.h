#pragma once
// The interface between the VM and C++ functions ("natives"): builtins, methods of builtin
// types, and the host's simulated modules (os, time, threading, multiprocessing, ...).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/lang/value.h"

namespace taskscope::core::lang {

class VmThread;
class Interpreter;
class TypeObject;
class TupleObject;
class NativeFunctionObject;

// What a native function asks the VM to do next.
class NativeResult {
public:
    enum class Kind : uint8_t {
        Return,  // the call evaluates to value()
        Raise,   // the call raises value() (an exception instance)
        Block,   // the thread blocks; run() returns Blocked until resume()/resumeWithException()
        Yield,   // the call evaluates to value() and the current run() ends with Yielded
    };

    static NativeResult ret(Value v = Value::none()) {
        return NativeResult(Kind::Return, std::move(v));
    }
    static NativeResult raise(Value exception) {
        return NativeResult(Kind::Raise, std::move(exception));
    }
    static NativeResult block() { return NativeResult(Kind::Block, Value()); }
    static NativeResult yieldRun(Value v = Value::none()) {
        return NativeResult(Kind::Yield, std::move(v));
    }

    Kind kind() const { return m_kind; }
    const Value& value() const { return m_value; }
    Value& value() { return m_value; }

private:
    NativeResult(Kind k, Value v) : m_kind(k), m_value(std::move(v)) {}
    Kind m_kind;
    Value m_value;
};

// Arguments and context of one native call. For methods args()[0] is self.
class NativeCall {
public:
    NativeCall(VmThread& thread, const NativeFunctionObject& fn, std::span<const Value> args,
               std::span<const Value> kwValues, const TupleObject* kwNames, const Value* callee)
        : m_thread(thread),
          m_fn(fn),
          m_args(args),
          m_kwValues(kwValues),
          m_kwNames(kwNames),
          m_callee(callee) {}

    VmThread& thread() const { return m_thread; }
    Interpreter& interp() const;
    const NativeFunctionObject& function() const { return m_fn; }
    // The object that was called (a type for constructors), or null.
    Value callee() const { return m_callee ? *m_callee : Value(); }

    std::size_t argc() const { return m_args.size(); }
    const Value& arg(std::size_t i) const { return m_args[i]; }
    std::span<const Value> args() const { return m_args; }
    const Value& self() const { return m_args[0]; }
    std::size_t kwargc() const { return m_kwValues.size(); }
    std::string_view kwName(std::size_t i) const;
    const Value& kwValue(std::size_t i) const { return m_kwValues[i]; }
    // The keyword argument `name`, or null.
    Value kwarg(std::string_view name) const;
    // Positional argument i, else keyword `name`, else `fallback`.
    Value argOr(std::size_t i, std::string_view name, Value fallback) const;

    // Argument checks that raise CPython's TypeError messages (throw PyException).
    void expectArgs(std::size_t min, std::size_t max) const;
    void noKwargs() const;
    void allowKwargs(std::initializer_list<std::string_view> names) const;

    // Extra simulated time this call costs on top of the table's native-call cost.
    void addCostNs(int64_t ns) const;

    // Convenience: a Raise result with a new exception of `type`.
    NativeResult raise(TypeObject* type, std::string message) const;

private:
    VmThread& m_thread;
    const NativeFunctionObject& m_fn;
    std::span<const Value> m_args;
    std::span<const Value> m_kwValues;
    const TupleObject* m_kwNames;
    const Value* m_callee;
};

using NativeFn = NativeResult (*)(NativeCall&);

}  // namespace taskscope::core::lang
