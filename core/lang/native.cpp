#include "core/lang/native.h"

#include "core/lang/internal.h"

namespace taskscope::core::lang {

Interpreter& NativeCall::interp() const {
    return m_thread.interp();
}

std::string_view NativeCall::kwName(std::size_t i) const {
    return m_kwNames->items()[i].as<StrObject>()->view();
}

Value NativeCall::kwarg(std::string_view name) const {
    for (std::size_t i = 0; i < m_kwValues.size(); ++i) {
        if (kwName(i) == name) return m_kwValues[i];
    }
    return Value();
}

Value NativeCall::argOr(std::size_t i, std::string_view name, Value fallback) const {
    if (i < m_args.size()) return m_args[i];
    if (!name.empty()) {
        if (Value v = kwarg(name)) return v;
    }
    return fallback;
}

namespace {
std::string displayName(const NativeFunctionObject& fn) {
    if (fn.isMethod()) return fn.m_qualname.empty() ? fn.name() : fn.m_qualname;
    return fn.name();
}
}  // namespace

void NativeCall::expectArgs(std::size_t min, std::size_t max) const {
    std::size_t n = m_args.size();
    std::size_t offset = m_fn.isMethod() ? 1 : 0;  // self is not counted in messages
    if (n >= min && n <= max) return;
    std::string name = displayName(m_fn);
    std::size_t given = n - offset;
    if (min == max) {
        std::size_t want = min - offset;
        if (want == 0)
            typeError(name + "() takes no arguments (" + std::to_string(given) + " given)");
        if (want == 1)
            typeError(name + "() takes exactly one argument (" + std::to_string(given) + " given)");
        typeError(name + " expected " + std::to_string(want) + " arguments, got " +
                  std::to_string(given));
    }
    if (n < min) {
        typeError(name + " expected at least " + std::to_string(min - offset) + " argument" +
                  (min - offset == 1 ? "" : "s") + ", got " + std::to_string(given));
    }
    typeError(name + " expected at most " + std::to_string(max - offset) + " argument" +
              (max - offset == 1 ? "" : "s") + ", got " + std::to_string(given));
}

void NativeCall::noKwargs() const {
    if (!m_kwValues.empty()) typeError(displayName(m_fn) + "() takes no keyword arguments");
}

void NativeCall::allowKwargs(std::initializer_list<std::string_view> names) const {
    for (std::size_t i = 0; i < m_kwValues.size(); ++i) {
        bool ok = false;
        for (auto n : names) ok |= kwName(i) == n;
        if (!ok)
            typeError("'" + std::string(kwName(i)) + "' is an invalid keyword argument for " +
                      displayName(m_fn) + "()");
    }
}

void NativeCall::addCostNs(int64_t ns) const {
    m_thread.addCostPs(ns * 1000);
}

NativeResult NativeCall::raise(TypeObject* type, std::string message) const {
    return NativeResult::raise(makeException(type, std::move(message)));
}

}  // namespace taskscope::core::lang
