#pragma once
// Classes: builtin types (immortal, shared, immutable) and user/host classes.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/gcobject.h"
#include "core/lang/native.h"

namespace taskscope::core::lang {

class StrObject;
class DictObject;

class TypeObject final : public GcObject {
public:
    // How instances are laid out: a builtin kind, a plain instance, or an exception.
    enum class Layout : uint8_t { Builtin, Instance, Exception };

    TypeObject(std::string name, std::vector<Value> bases, Value dict);
    ~TypeObject() override;
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    // Every cycle through a class passes through its dict, which clears itself: clearRefs()
    // keeps the class usable (the inherited no-op).
    void traverse(GcVisitor& visit) const override;

    const std::string& name() const { return m_name; }
    const std::vector<Value>& bases() const { return m_bases; }
    const std::vector<TypeObject*>& mro() const { return m_mro; }
    DictObject* dict() const;
    const Value& dictValue() const { return m_dict; }
    // Computes the C3 linearisation; false (with message) if it does not exist.
    bool computeMro(std::string& error);

    // Attribute lookup along the MRO; null if absent. Interned names go through the type
    // attribute cache (CPython's method cache), valid until any class dict or MRO changes.
    Value lookup(const StrObject* name) const;
    Value lookup(std::string_view name) const;
    bool isSubtypeOf(const TypeObject* other) const;
    bool isException() const { return m_layout == Layout::Exception; }

    std::string m_module = "builtins";
    std::string m_qualname;
    Layout m_layout = Layout::Instance;
    bool m_builtin = false;  // immutable, shared between interpreters
    bool m_subclassable = true;
    Value m_new;  // native constructor for builtin types (null for classes)
    uint64_t m_serial = 0;
    uint64_t m_version = 0;  // bumped when the class dict changes

private:
    Value lookupUncached(const StrObject* name) const;

    std::string m_name;
    std::vector<Value> m_bases;
    std::vector<TypeObject*> m_mro;  // includes this type first; kept alive by m_bases
    Value m_dict;
};

// The builtin types and exception classes, created once and shared read-only.
struct BuiltinTypes {
    TypeObject *object, *type, *int_, *bool_, *float_, *str, *list, *tuple, *dict, *set, *frozenset,
        *range, *slice, *noneType, *notImplementedType, *ellipsisType, *function, *builtinFunction,
        *method, *code, *cell, *module, *property, *staticmethod, *classmethod, *super_, *iterator,
        *generator, *dictKeys, *dictValues, *dictItems;
    // Exceptions.
    TypeObject *BaseException, *Exception, *SystemExit, *KeyboardInterrupt, *GeneratorExit,
        *ArithmeticError, *ZeroDivisionError, *OverflowError, *FloatingPointError, *LookupError,
        *IndexError, *KeyError, *ValueError, *UnicodeError, *TypeError, *NameError,
        *UnboundLocalError, *AttributeError, *RuntimeError, *NotImplementedError, *RecursionError,
        *StopIteration, *AssertionError, *OSError, *EOFError, *TimeoutError, *FileNotFoundError,
        *PermissionError, *ConnectionError, *BrokenPipeError, *ImportError, *ModuleNotFoundError,
        *MemoryError, *SyntaxError, *IndentationError, *SystemError, *BufferError, *Warning,
        *UserWarning, *DeprecationWarning, *RuntimeWarning, *ProcessLookupError, *ChildProcessError,
        *InterruptedError, *BlockingIOError, *IsADirectoryError, *NotADirectoryError,
        *FileExistsError, *ConnectionResetError, *ConnectionRefusedError, *UnicodeDecodeError,
        *UnicodeEncodeError;
    std::vector<TypeObject*> exceptionList;  // all exception classes, for the builtins module
};

const BuiltinTypes& builtinTypes();

// Drops every entry of the type attribute cache (a class dict, an MRO or a class changed).
void invalidateTypeCache() noexcept;

// Adds a native method to a type's dict (used while building builtin and host types).
void addMethod(TypeObject* type, std::string_view name, NativeFn fn, uint32_t flags = 0);
// A table of methods (CPython's PyMethodDef), added in order.
struct MethodDef {
    std::string_view name;
    NativeFn fn;
};
void addMethods(TypeObject* type, std::initializer_list<MethodDef> methods);
// Adds a property with native getter (and optional setter), e.g. Process.pid / .daemon.
// The getter receives self as arg(0); the setter receives self and the value.
void addProperty(TypeObject* type, std::string_view name, NativeFn getter,
                 NativeFn setter = nullptr);
// Creates a new (non-builtin) class, e.g. for host modules: `class Process(object)`.
Value makeClass(std::string name, std::vector<Value> bases, std::string module = "__main__");

}  // namespace taskscope::core::lang
