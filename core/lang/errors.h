#pragma once
// Inside the runtime a Python exception travels through C++ helpers as a thrown PyException;
// the VM catches it at the instruction that caused it and unwinds Python frames. It never
// leaves the library: every public entry point converts it to a value or a status.

#include <string>

#include "core/lang/value.h"

namespace taskscope::core::lang {

class TypeObject;

struct PyException {
    Value exception;  // an ExceptionObject
};

[[noreturn]] void throwPy(TypeObject* type, std::string message);
[[noreturn]] void throwPyValue(Value exception);

}  // namespace taskscope::core::lang
