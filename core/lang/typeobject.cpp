#include "core/lang/typeobject.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>

#include "core/lang/builtins_internal.h"
#include "core/lang/copymemo.h"
#include "core/lang/dictobject.h"
#include "core/lang/functionobject.h"
#include "core/lang/strobject.h"

namespace taskscope::core::lang {

TypeObject::TypeObject(std::string name, std::vector<Value> bases, Value dict)
    : GcObject(ObjKind::Type),
      m_qualname(name),
      m_name(std::move(name)),
      m_bases(std::move(bases)),
      m_dict(std::move(dict)) {
    if (m_dict.isNull()) m_dict = makeDict();
    this->dict()->markTypeDict();  // the parameter `dict` shadows the member
    m_mro.push_back(this);
}

TypeObject::~TypeObject() {
    invalidateTypeCache();  // its address may name another class next
}

TypeObject* TypeObject::type() const {
    return builtinTypes().type;
}

DictObject* TypeObject::dict() const {
    return m_dict.as<DictObject>();
}

void TypeObject::traverse(GcVisitor& visit) const {
    for (const Value& b : m_bases) visit(b);
    visit(m_dict);
    visit(m_new);
}

Value TypeObject::deepCopy(CopyMemo& memo) const {
    if (m_builtin) return Value(const_cast<TypeObject*>(this));
    std::vector<Value> bases;
    auto* copy = new TypeObject(m_name, {}, makeDict());
    Value r(copy);
    memo.remember(this, r);
    for (const Value& b : m_bases) bases.push_back(lang::deepCopy(b, memo));
    copy->m_bases = std::move(bases);
    copy->m_dict = lang::deepCopy(m_dict, memo);
    copy->m_module = m_module;
    copy->m_qualname = m_qualname;
    copy->m_layout = m_layout;
    copy->m_subclassable = m_subclassable;
    copy->m_new = m_new;
    copy->m_serial = m_serial;
    std::string err;
    copy->computeMro(err);
    return r;
}

bool TypeObject::computeMro(std::string& error) {
    // C3 linearisation.
    std::vector<std::vector<TypeObject*>> seqs;
    for (const Value& b : m_bases) seqs.push_back(b.as<TypeObject>()->mro());
    std::vector<TypeObject*> direct;
    for (const Value& b : m_bases) direct.push_back(b.as<TypeObject>());
    seqs.push_back(direct);
    std::vector<TypeObject*> result{this};
    for (;;) {
        seqs.erase(
            std::remove_if(seqs.begin(), seqs.end(), [](const auto& s) { return s.empty(); }),
            seqs.end());
        if (seqs.empty()) break;
        TypeObject* candidate = nullptr;
        for (const auto& s : seqs) {
            TypeObject* head = s.front();
            bool inTail = false;
            for (const auto& other : seqs) {
                if (std::find(other.begin() + 1, other.end(), head) != other.end()) {
                    inTail = true;
                    break;
                }
            }
            if (!inTail) {
                candidate = head;
                break;
            }
        }
        if (!candidate) {
            error = "Cannot create a consistent method resolution order (MRO) for bases";
            for (std::size_t i = 0; i < m_bases.size(); ++i)
                error += (i ? ", " : " ") + m_bases[i].as<TypeObject>()->name();
            return false;
        }
        result.push_back(candidate);
        for (auto& s : seqs) {
            if (!s.empty() && s.front() == candidate) s.erase(s.begin());
        }
    }
    m_mro = std::move(result);
    dict()->markTypeDict();  // a copied class has a new dict
    invalidateTypeCache();
    return true;
}

namespace {

// The type attribute cache: one per OS thread, checked against one global epoch that every
// change to any class dict or MRO advances. Entries hold the looked-up value's bits without
// a reference: the class dict holds it for as long as the epoch stands.
std::atomic<uint64_t> g_typeEpoch{1};

struct TypeCacheEntry {
    const TypeObject* type = nullptr;
    const StrObject* name = nullptr;
    uint64_t epoch = 0;
    uint64_t bits = 0;
};
constexpr std::size_t kTypeCacheSize = 4096;
thread_local std::array<TypeCacheEntry, kTypeCacheSize> t_typeCache;

}  // namespace

void invalidateTypeCache() noexcept {
    g_typeEpoch.fetch_add(1, std::memory_order_relaxed);
}

Value TypeObject::lookup(const StrObject* name) const {
    // Only interned (immortal) names: a freed name's address could name another string.
    if (!name->immortal()) return lookupUncached(name);
    const auto a = reinterpret_cast<std::uintptr_t>(this);
    const auto b = reinterpret_cast<std::uintptr_t>(name);
    TypeCacheEntry& e = t_typeCache[((a >> 4) ^ (b >> 3) ^ (b >> 15)) & (kTypeCacheSize - 1)];
    const uint64_t epoch = g_typeEpoch.load(std::memory_order_relaxed);
    if (e.type == this && e.name == name && e.epoch == epoch) return Value::borrowed(e.bits);
    Value v = lookupUncached(name);
    e = {this, name, epoch, v.bits()};
    return v;
}

Value TypeObject::lookupUncached(const StrObject* name) const {
    for (const TypeObject* t : m_mro) {
        Value v = t->dict()->getStr(name);
        if (v) return v;
    }
    return Value();
}

Value TypeObject::lookup(std::string_view name) const {
    return lookup(internedName(name));
}

bool TypeObject::isSubtypeOf(const TypeObject* other) const {
    if (this == other) return true;
    for (const TypeObject* t : m_mro) {
        if (t == other) return true;
    }
    return false;
}

void addMethod(TypeObject* type, std::string_view name, NativeFn fn, uint32_t flags) {
    auto* f =
        new NativeFunctionObject(std::string(name), fn, flags | NativeFunctionObject::kMethod);
    f->m_qualname = type->name() + "." + std::string(name);
    if (type->m_builtin) f->makeImmortal();
    type->dict()->setStr(internStr(name), Value(f));
}

void addMethods(TypeObject* type, std::initializer_list<MethodDef> methods) {
    for (const MethodDef& m : methods) addMethod(type, m.name, m.fn);
}

void addProperty(TypeObject* type, std::string_view name, NativeFn getter, NativeFn setter) {
    Value get = makeNative(std::string(name), getter);
    Value set = setter ? makeNative(std::string(name), setter) : Value();
    type->dict()->setStr(internStr(name), make<PropertyObject>(get, set, Value()));
    ++type->m_version;
}

Value makeClass(std::string name, std::vector<Value> bases, std::string module) {
    if (bases.empty()) bases.push_back(Value(builtinTypes().object));
    auto* t = new TypeObject(std::move(name), std::move(bases), makeDict());
    Value r(t);
    t->m_module = std::move(module);
    std::string err;
    t->computeMro(err);
    for (const Value& b : t->bases()) {
        if (b.as<TypeObject>()->isException()) t->m_layout = TypeObject::Layout::Exception;
    }
    t->dict()->setStr("__module__", makeStr(t->m_module));
    return r;
}

namespace {

TypeObject* newBuiltin(const char* name, TypeObject* base, TypeObject::Layout layout) {
    std::vector<Value> bases;
    if (base) bases.push_back(Value(base));
    auto* t = new TypeObject(name, std::move(bases), Value());
    t->makeImmortal();
    t->dict()->makeImmortal();
    t->m_builtin = true;
    t->m_layout = layout;
    std::string err;
    t->computeMro(err);
    return t;
}

BuiltinTypes* createBuiltinTypes() {
    auto* bt = new BuiltinTypes();
    using L = TypeObject::Layout;
    bt->object = newBuiltin("object", nullptr, L::Instance);
    auto builtin = [&](const char* n, TypeObject* base = nullptr) {
        return newBuiltin(n, base ? base : bt->object, L::Builtin);
    };
    bt->type = builtin("type");
    bt->int_ = builtin("int");
    bt->bool_ = builtin("bool", bt->int_);
    bt->float_ = builtin("float");
    bt->str = builtin("str");
    bt->list = builtin("list");
    bt->tuple = builtin("tuple");
    bt->dict = builtin("dict");
    bt->set = builtin("set");
    bt->frozenset = builtin("frozenset");
    bt->range = builtin("range");
    bt->slice = builtin("slice");
    bt->noneType = builtin("NoneType");
    bt->notImplementedType = builtin("NotImplementedType");
    bt->ellipsisType = builtin("ellipsis");
    bt->function = builtin("function");
    bt->builtinFunction = builtin("builtin_function_or_method");
    bt->method = builtin("method");
    bt->code = builtin("code");
    bt->cell = builtin("cell");
    bt->module = builtin("module");
    bt->property = builtin("property");
    bt->staticmethod = builtin("staticmethod");
    bt->classmethod = builtin("classmethod");
    bt->super_ = builtin("super");
    bt->iterator = builtin("iterator");
    bt->generator = builtin("generator");
    bt->dictKeys = builtin("dict_keys");
    bt->dictValues = builtin("dict_values");
    bt->dictItems = builtin("dict_items");
    for (TypeObject* t :
         {bt->bool_, bt->noneType, bt->range, bt->slice, bt->function, bt->builtinFunction,
          bt->method, bt->code, bt->cell, bt->iterator, bt->generator, bt->notImplementedType,
          bt->ellipsisType, bt->dictKeys, bt->dictValues, bt->dictItems, bt->type}) {
        t->m_subclassable = false;
    }
    // Subclassing these needs instance layouts Taskscope does not have yet.
    for (TypeObject* t :
         {bt->int_, bt->float_, bt->str, bt->list, bt->tuple, bt->dict, bt->set, bt->frozenset,
          bt->module, bt->property, bt->staticmethod, bt->classmethod, bt->super_}) {
        t->m_subclassable = false;
    }

    auto exc = [&](const char* n, TypeObject* base) {
        TypeObject* t = newBuiltin(n, base, L::Exception);
        bt->exceptionList.push_back(t);
        return t;
    };
    bt->BaseException = exc("BaseException", bt->object);
    bt->SystemExit = exc("SystemExit", bt->BaseException);
    bt->KeyboardInterrupt = exc("KeyboardInterrupt", bt->BaseException);
    bt->GeneratorExit = exc("GeneratorExit", bt->BaseException);
    bt->Exception = exc("Exception", bt->BaseException);
    bt->ArithmeticError = exc("ArithmeticError", bt->Exception);
    bt->FloatingPointError = exc("FloatingPointError", bt->ArithmeticError);
    bt->OverflowError = exc("OverflowError", bt->ArithmeticError);
    bt->ZeroDivisionError = exc("ZeroDivisionError", bt->ArithmeticError);
    bt->AssertionError = exc("AssertionError", bt->Exception);
    bt->AttributeError = exc("AttributeError", bt->Exception);
    bt->BufferError = exc("BufferError", bt->Exception);
    bt->EOFError = exc("EOFError", bt->Exception);
    bt->ImportError = exc("ImportError", bt->Exception);
    bt->ModuleNotFoundError = exc("ModuleNotFoundError", bt->ImportError);
    bt->LookupError = exc("LookupError", bt->Exception);
    bt->IndexError = exc("IndexError", bt->LookupError);
    bt->KeyError = exc("KeyError", bt->LookupError);
    bt->MemoryError = exc("MemoryError", bt->Exception);
    bt->NameError = exc("NameError", bt->Exception);
    bt->UnboundLocalError = exc("UnboundLocalError", bt->NameError);
    bt->OSError = exc("OSError", bt->Exception);
    bt->BlockingIOError = exc("BlockingIOError", bt->OSError);
    bt->ChildProcessError = exc("ChildProcessError", bt->OSError);
    bt->ConnectionError = exc("ConnectionError", bt->OSError);
    bt->BrokenPipeError = exc("BrokenPipeError", bt->ConnectionError);
    bt->ConnectionRefusedError = exc("ConnectionRefusedError", bt->ConnectionError);
    bt->ConnectionResetError = exc("ConnectionResetError", bt->ConnectionError);
    bt->FileExistsError = exc("FileExistsError", bt->OSError);
    bt->FileNotFoundError = exc("FileNotFoundError", bt->OSError);
    bt->InterruptedError = exc("InterruptedError", bt->OSError);
    bt->IsADirectoryError = exc("IsADirectoryError", bt->OSError);
    bt->NotADirectoryError = exc("NotADirectoryError", bt->OSError);
    bt->PermissionError = exc("PermissionError", bt->OSError);
    bt->ProcessLookupError = exc("ProcessLookupError", bt->OSError);
    bt->TimeoutError = exc("TimeoutError", bt->OSError);
    bt->RuntimeError = exc("RuntimeError", bt->Exception);
    bt->NotImplementedError = exc("NotImplementedError", bt->RuntimeError);
    bt->RecursionError = exc("RecursionError", bt->RuntimeError);
    bt->StopIteration = exc("StopIteration", bt->Exception);
    bt->SyntaxError = exc("SyntaxError", bt->Exception);
    bt->IndentationError = exc("IndentationError", bt->SyntaxError);
    bt->SystemError = exc("SystemError", bt->Exception);
    bt->TypeError = exc("TypeError", bt->Exception);
    bt->ValueError = exc("ValueError", bt->Exception);
    bt->UnicodeError = exc("UnicodeError", bt->ValueError);
    bt->UnicodeDecodeError = exc("UnicodeDecodeError", bt->UnicodeError);
    bt->UnicodeEncodeError = exc("UnicodeEncodeError", bt->UnicodeError);
    bt->Warning = exc("Warning", bt->Exception);
    bt->UserWarning = exc("UserWarning", bt->Warning);
    bt->DeprecationWarning = exc("DeprecationWarning", bt->Warning);
    bt->RuntimeWarning = exc("RuntimeWarning", bt->Warning);
    return bt;
}

}  // namespace

const BuiltinTypes& builtinTypes() {
    static BuiltinTypes* bt = [] {
        // Shared by every interpreter: nothing of it belongs to a heap.
        GcHeap::Scope untracked(nullptr);
        BuiltinTypes* t = createBuiltinTypes();
        addObjectMethods(*t);
        addIntMethods(*t);
        addFloatMethods(*t);
        addStrMethods(*t);
        addListMethods(*t);
        addTupleMethods(*t);
        addDictMethods(*t);
        addSetMethods(*t);
        addMiscMethods(*t);
        addExceptionMethods(*t);
        addTypeConstructors(*t);
        return t;
    }();
    return *bt;
}

}  // namespace taskscope::core::lang
