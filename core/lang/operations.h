#pragma once
// The abstract object layer: what the VM and natives use to operate on any value
// (CPython's Objects/object.c in object_protocol.cpp, Objects/abstract.c in abstract.cpp).
// Errors throw PyException.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/opcode.h"
#include "core/lang/value.h"

namespace taskscope::core::lang {

class VmThread;
class TypeObject;
class StrObject;

TypeObject* typeOf(const Value& v);
const std::string& typeName(const Value& v);

bool truthy(VmThread& t, const Value& v);
std::string repr(VmThread& t, const Value& v);
std::string str(VmThread& t, const Value& v);
Value reprValue(VmThread& t, const Value& v);
Value strValue(VmThread& t, const Value& v);
int64_t hashOf(VmThread& t, const Value& v);
bool isHashable(const Value& v);

bool equals(VmThread& t, const Value& a, const Value& b);
Value richCompare(VmThread& t, const Value& a, const Value& b, CmpOp op);
bool compareBool(VmThread& t, const Value& a, const Value& b, CmpOp op);
// For sorting: a < b.
bool lessThan(VmThread& t, const Value& a, const Value& b);

Value binaryOp(VmThread& t, const Value& a, const Value& b, BinOp op, bool inplace);
Value unaryNegative(VmThread& t, const Value& v);
Value unaryPositive(VmThread& t, const Value& v);
Value unaryInvert(VmThread& t, const Value& v);

Value getItem(VmThread& t, const Value& obj, const Value& key);
void setItem(VmThread& t, const Value& obj, const Value& key, Value value);
void delItem(VmThread& t, const Value& obj, const Value& key);
bool contains(VmThread& t, const Value& container, const Value& item);
int64_t length(VmThread& t, const Value& v);

Value getAttr(VmThread& t, const Value& obj, const Value& name);  // name is a str
Value getAttr(VmThread& t, const Value& obj, std::string_view name);
Value getAttrOrNull(VmThread& t, const Value& obj, const Value& name);  // null if AttributeError
void setAttr(VmThread& t, const Value& obj, const Value& name, Value value);
void delAttr(VmThread& t, const Value& obj, const Value& name);
// Looks up a method for `obj.name(...)` without creating a bound method: returns the
// function and sets *selfOut to the object to pass as the first argument (null if none).
Value lookupMethod(VmThread& t, const Value& obj, const Value& name, Value* selfOut);
// Special method lookup on the type only (as CPython does for dunders); null if absent.
Value lookupSpecial(const Value& obj, std::string_view name);
Value lookupSpecial(const Value& obj, const StrObject* name);  // name interned, hash cached

Value getIter(VmThread& t, const Value& v);
Value iterNext(VmThread& t, const Value& it);  // null when exhausted
std::vector<Value> toVector(VmThread& t, const Value& iterable);

Value callValue(VmThread& t, const Value& callable, std::span<const Value> args);
bool isCallable(const Value& v);
bool isInstance(VmThread& t, const Value& obj, const Value& clsOrTuple);
bool isSubclass(VmThread& t, const Value& cls, const Value& clsOrTuple);

// Conversions with CPython's TypeErrors.
int64_t toIndex(VmThread& t, const Value& v);  // __index__: int/bool, OverflowError if huge
double toDouble(VmThread& t, const Value& v);  // int/float/bool
bool isNumber(const Value& v);
// Normalises slice indices for a sequence of `length` (PySlice_AdjustIndices).
void sliceIndices(VmThread& t, const Value& slice, int64_t length, int64_t* start, int64_t* stop,
                  int64_t* step, int64_t* count);

// Formatting (formatting.cpp).
std::string floatRepr(double d);
std::string formatValue(VmThread& t, const Value& v, std::string_view spec);
std::string percentFormat(VmThread& t, const std::string& fmt, const Value& args);
std::string strFormat(VmThread& t, std::string_view fmt, std::span<const Value> args,
                      std::span<const Value> kwValues, const class TupleObject* kwNames);
std::string reprString(std::string_view s);  // Python repr of a str

}  // namespace taskscope::core::lang
