#pragma once
// Helpers shared by the language's own .cpp files; not part of its API (core/runtime and
// the front ends use the public headers: host.h, interpreter.h, the object headers).

#include <string>
#include <string_view>

#include "core/lang/codeobject.h"
#include "core/lang/dictobject.h"
#include "core/lang/errors.h"
#include "core/lang/functionobject.h"
#include "core/lang/generatorobject.h"
#include "core/lang/instanceobject.h"
#include "core/lang/interpreter.h"
#include "core/lang/intops.h"
#include "core/lang/iterobject.h"
#include "core/lang/listobject.h"
#include "core/lang/moduleobject.h"
#include "core/lang/native.h"
#include "core/lang/operations.h"
#include "core/lang/rangeobject.h"
#include "core/lang/scalarobjects.h"
#include "core/lang/setobject.h"
#include "core/lang/strobject.h"
#include "core/lang/typeobject.h"
#include "core/lang/vmthread.h"

namespace taskscope::core::lang {

inline const BuiltinTypes& BT() {
    return builtinTypes();
}

inline bool isStr(const Value& v) {
    return v.isKind(ObjKind::Str);
}
inline const std::string& strOfValue(const Value& v) {
    return v.as<StrObject>()->str();
}
inline bool isFloat(const Value& v) {
    return v.isKind(ObjKind::Float);
}
inline double floatOf(const Value& v) {
    return v.as<FloatObject>()->value();
}
inline bool isInstanceLike(const Value& v) {
    return v.isPtr() && (v.kind() == ObjKind::Instance || v.kind() == ObjKind::Exception);
}
inline bool isTypeObj(const Value& v) {
    return v.isKind(ObjKind::Type);
}
inline TypeObject* asType(const Value& v) {
    return v.as<TypeObject>();
}

// The fake address shown in default reprs.
std::string addressString(VmThread& t, const Value& v);
// Exception helpers.
[[noreturn]] void typeError(std::string msg);
[[noreturn]] void valueError(std::string msg);
std::string exceptionStr(VmThread& t, const Value& exc);
// Creates an instance of a class (without running __init__).
Value allocateInstance(VmThread& t, TypeObject* cls);
// Calls obj's special method `name` found on its type; null if the type has none.
Value callSpecial(VmThread& t, const Value& obj, std::string_view name,
                  std::initializer_list<Value> args);
bool isDefaultImpl(const Value& fn);
// Dict and set view objects.
Value makeDictView(ObjKind kindTag, Value dict, int which);  // which: 0 keys, 1 values, 2 items

}  // namespace taskscope::core::lang
