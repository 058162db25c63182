#pragma once
// Internal wiring between the builtin type table and the files that implement methods.

#include <vector>

#include "core/lang/host.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

void addObjectMethods(BuiltinTypes& bt);
void addIntMethods(BuiltinTypes& bt);
void addFloatMethods(BuiltinTypes& bt);
void addStrMethods(BuiltinTypes& bt);
void addListMethods(BuiltinTypes& bt);
void addTupleMethods(BuiltinTypes& bt);
void addDictMethods(BuiltinTypes& bt);
void addSetMethods(BuiltinTypes& bt);
void addMiscMethods(BuiltinTypes& bt);  // range, slice, property, generators, ...
void addExceptionMethods(BuiltinTypes& bt);
void addTypeConstructors(BuiltinTypes& bt);

class VmThread;
class DictObject;
// Stable sort with Python comparisons (sorted() and list.sort()).
void sortValues(VmThread& t, std::vector<Value>& items, const Value& key, bool reverse);
// dict.update() semantics: a mapping or an iterable of pairs.
void dictUpdate(VmThread& t, DictObject* d, const Value& other);

// The builtins module contents (builtins.cpp).
class Interpreter;
Value createBuiltinsModule(Interpreter& interp);
Value createSysModule(Interpreter& interp);
Value createMathModule(Interpreter& interp);
Value createRandomModule(Interpreter& interp);
Value createGcModule(Interpreter& interp);
Value makeStreamObject(OutStream s);

}  // namespace taskscope::core::lang
