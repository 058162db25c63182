// type() and deepCopy() of the object kinds, and their small factories.
#include "core/lang/codeobject.h"
#include "core/lang/copymemo.h"
#include "core/lang/dictobject.h"
#include "core/lang/functionobject.h"
#include "core/lang/generatorobject.h"
#include "core/lang/instanceobject.h"
#include "core/lang/listobject.h"
#include "core/lang/moduleobject.h"
#include "core/lang/rangeobject.h"
#include "core/lang/scalarobjects.h"
#include "core/lang/strobject.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

Value deepCopy(const Value& v, CopyMemo& memo) {
    if (!v.isPtr()) return v;
    Object* o = v.obj();
    if (o->immortal()) return v;
    if (Value found = memo.find(o)) return found;
    if (Value ref = memo.resolve(o)) {
        memo.remember(o, ref);
        return ref;
    }
    return o->deepCopy(memo);
}

// ---- scalars ----------------------------------------------------------------------------
TypeObject* FloatObject::type() const {
    return builtinTypes().float_;
}
TypeObject* BigIntObject::type() const {
    return builtinTypes().int_;
}
TypeObject* SingletonObject::type() const {
    return m_name == "NotImplemented" ? builtinTypes().notImplementedType
                                      : builtinTypes().ellipsisType;
}
Value makeFloat(double v) {
    return make<FloatObject>(v);
}
Value notImplemented() {
    static Value v = [] {
        auto* o = new SingletonObject("NotImplemented");
        o->makeImmortal();
        return Value(o);
    }();
    return v;
}
Value ellipsis() {
    static Value v = [] {
        auto* o = new SingletonObject("Ellipsis");
        o->makeImmortal();
        return Value(o);
    }();
    return v;
}

// ---- list / tuple -------------------------------------------------------------------------
TypeObject* ListObject::type() const {
    return builtinTypes().list;
}
Value ListObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new ListObject();
    Value result(copy);
    memo.remember(this, result);
    copy->m_items.reserve(m_items.size());
    for (const Value& item : m_items) copy->m_items.push_back(lang::deepCopy(item, memo));
    return result;
}
TypeObject* TupleObject::type() const {
    return builtinTypes().tuple;
}
Value TupleObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new TupleObject();
    Value result(copy);
    memo.remember(this, result);
    copy->m_items.reserve(m_items.size());
    for (const Value& item : m_items) copy->m_items.push_back(lang::deepCopy(item, memo));
    return result;
}
Value makeList(std::vector<Value> items) {
    return make<ListObject>(std::move(items));
}
Value makeTuple(std::vector<Value> items) {
    if (items.empty()) return emptyTuple();
    return make<TupleObject>(std::move(items));
}
Value emptyTuple() {
    static Value v = [] {
        GcHeap::Scope untracked(nullptr);  // shared by every interpreter
        auto* o = new TupleObject();
        o->makeImmortal();
        return Value(o);
    }();
    return v;
}

// ---- range / slice ------------------------------------------------------------------------
TypeObject* RangeObject::type() const {
    return builtinTypes().range;
}
int64_t RangeObject::length() const {
    if (m_step > 0) {
        if (m_start >= m_stop) return 0;
        return static_cast<int64_t>(
            (static_cast<uint64_t>(m_stop) - static_cast<uint64_t>(m_start) - 1) /
                static_cast<uint64_t>(m_step) +
            1);
    }
    if (m_start <= m_stop) return 0;
    return static_cast<int64_t>(
        (static_cast<uint64_t>(m_start) - static_cast<uint64_t>(m_stop) - 1) /
            (0 - static_cast<uint64_t>(m_step)) +
        1);
}
TypeObject* SliceObject::type() const {
    return builtinTypes().slice;
}
Value SliceObject::deepCopy(CopyMemo& memo) const {
    Value r = make<SliceObject>(lang::deepCopy(m_start, memo), lang::deepCopy(m_stop, memo),
                                lang::deepCopy(m_step, memo));
    memo.remember(this, r);
    return r;
}

// ---- code / functions -----------------------------------------------------------------------
TypeObject* CodeObject::type() const {
    return builtinTypes().code;
}
const ExceptionTableEntry* CodeObject::handlerFor(uint32_t pc) const {
    // Entries are sorted by start and do not overlap.
    std::size_t lo = 0, hi = exceptionTable.size();
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        const auto& e = exceptionTable[mid];
        if (pc < e.start)
            hi = mid;
        else if (pc >= e.end)
            lo = mid + 1;
        else
            return &e;
    }
    return nullptr;
}

TypeObject* CellObject::type() const {
    return builtinTypes().cell;
}
Value CellObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new CellObject();
    Value r(copy);
    memo.remember(this, r);
    copy->m_contents = lang::deepCopy(m_contents, memo);
    return r;
}

FunctionObject::FunctionObject(Value code, Value globals, Value builtins)
    : GcObject(ObjKind::Function),
      m_code(std::move(code)),
      m_globals(std::move(globals)),
      m_builtins(std::move(builtins)) {}
TypeObject* FunctionObject::type() const {
    return builtinTypes().function;
}
void FunctionObject::traverse(GcVisitor& visit) const {
    visit(m_code);
    visit(m_globals);
    visit(m_builtins);
    visit(m_defaults);
    visit(m_kwdefaults);
    visit(m_closure);
    visit(m_dict);
    visit(m_name);
    visit(m_qualname);
    visit(m_module);
}
void FunctionObject::clearRefs() {
    m_defaults = Value();
    m_kwdefaults = Value();
    m_closure = Value();
    m_dict = Value();
    m_globals = Value();
    m_builtins = Value();
    // __name__ and __qualname__ can be set to any object.
    for (Value* v : {&m_name, &m_qualname, &m_module})
        if (!v->isKind(ObjKind::Str)) *v = Value::none();
}
Value FunctionObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new FunctionObject(m_code, Value(), Value());
    Value r(copy);
    memo.remember(this, r);
    copy->m_globals = lang::deepCopy(m_globals, memo);
    copy->m_builtins = lang::deepCopy(m_builtins, memo);
    copy->m_defaults = lang::deepCopy(m_defaults, memo);
    copy->m_kwdefaults = lang::deepCopy(m_kwdefaults, memo);
    copy->m_closure = lang::deepCopy(m_closure, memo);
    copy->m_dict = lang::deepCopy(m_dict, memo);
    copy->m_name = m_name;
    copy->m_qualname = m_qualname;
    copy->m_module = m_module;
    copy->m_serial = m_serial;
    return r;
}

TypeObject* NativeFunctionObject::type() const {
    return isMethod() ? builtinTypes().builtinFunction : builtinTypes().builtinFunction;
}
Value makeNative(std::string name, NativeFn fn, uint32_t flags) {
    auto* f = new NativeFunctionObject(name, fn, flags);
    f->m_qualname = std::move(name);
    return Value(f);
}

TypeObject* BoundMethodObject::type() const {
    return builtinTypes().method;
}
Value BoundMethodObject::deepCopy(CopyMemo& memo) const {
    Value r = make<BoundMethodObject>(lang::deepCopy(m_self, memo), lang::deepCopy(m_func, memo));
    memo.remember(this, r);
    return r;
}

TypeObject* PropertyObject::type() const {
    return builtinTypes().property;
}
Value PropertyObject::deepCopy(CopyMemo& memo) const {
    Value r = make<PropertyObject>(lang::deepCopy(m_fget, memo), lang::deepCopy(m_fset, memo),
                                   lang::deepCopy(m_fdel, memo));
    memo.remember(this, r);
    return r;
}
TypeObject* MethodWrapperObject::type() const {
    return kind() == ObjKind::StaticMethod ? builtinTypes().staticmethod
                                           : builtinTypes().classmethod;
}
Value MethodWrapperObject::deepCopy(CopyMemo& memo) const {
    Value r = make<MethodWrapperObject>(kind(), lang::deepCopy(m_func, memo));
    memo.remember(this, r);
    return r;
}
TypeObject* SuperObject::type() const {
    return builtinTypes().super_;
}
Value SuperObject::deepCopy(CopyMemo& memo) const {
    Value r = make<SuperObject>(lang::deepCopy(m_startType, memo), lang::deepCopy(m_obj, memo));
    memo.remember(this, r);
    return r;
}

// ---- modules / instances / exceptions --------------------------------------------------------
ModuleObject::ModuleObject(std::string name) : ModuleObject(std::move(name), makeDict()) {}
ModuleObject::ModuleObject(std::string name, Value dict)
    : GcObject(ObjKind::Module), m_name(std::move(name)), m_dict(std::move(dict)) {
    this->dict()->setStr("__name__", makeStr(m_name));
}
TypeObject* ModuleObject::type() const {
    return builtinTypes().module;
}
DictObject* ModuleObject::dict() const {
    return m_dict.as<DictObject>();
}
Value ModuleObject::deepCopy(CopyMemo& memo) const {
    if (m_shared) return Value(const_cast<ModuleObject*>(this));
    auto* copy = new ModuleObject(m_name, makeDict());
    Value r(copy);
    memo.remember(this, r);
    copy->m_dict = lang::deepCopy(m_dict, memo);
    copy->m_shared = m_shared;
    return r;
}
Value makeModule(std::string name) {
    return make<ModuleObject>(std::move(name));
}

InstanceObject::InstanceObject(Value cls, ObjKind kind) : GcObject(kind), m_cls(std::move(cls)) {}
TypeObject* InstanceObject::type() const {
    return m_cls.as<TypeObject>();
}
DictObject* InstanceObject::dict() {
    if (m_dict.isNull()) m_dict = makeDict();
    return m_dict.as<DictObject>();
}
void InstanceObject::copyInto(InstanceObject& target, CopyMemo& memo) const {
    target.m_cls = lang::deepCopy(m_cls, memo);
    target.m_dict = lang::deepCopy(m_dict, memo);
    if (m_payload) target.m_payload = m_payload->clone();
    target.m_serial = m_serial;
    target.m_dictExposed = m_dictExposed;
}
Value InstanceObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new InstanceObject(m_cls);
    Value r(copy);
    memo.remember(this, r);
    copyInto(*copy, memo);
    return r;
}
Value ExceptionObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new ExceptionObject(clsValue());
    Value r(copy);
    memo.remember(this, r);
    copyInto(*copy, memo);
    copy->m_args = lang::deepCopy(m_args, memo);
    copy->m_cause = lang::deepCopy(m_cause, memo);
    copy->m_context = lang::deepCopy(m_context, memo);
    copy->m_suppressContext = m_suppressContext;
    copy->m_traceback = m_traceback;
    return r;
}
void ExceptionObject::traverse(GcVisitor& visit) const {
    InstanceObject::traverse(visit);
    visit(m_args);
    visit(m_cause);
    visit(m_context);
    for (const TracebackEntry& e : m_traceback) visit(e.code);
}
void ExceptionObject::clearRefs() {
    m_args = Value();
    m_cause = Value();
    m_context = Value();
    m_traceback.clear();
}
Value makeException(TypeObject* type, std::vector<Value> args) {
    auto* e = new ExceptionObject(Value(type));
    Value r(e);
    e->m_args = makeTuple(std::move(args));
    return r;
}
Value makeException(TypeObject* type, std::string message) {
    return makeException(type, std::vector<Value>{makeStr(std::move(message))});
}

// ---- generators ------------------------------------------------------------------------------
GeneratorObject::GeneratorObject(Value func, std::size_t nslots)
    : GcObject(ObjKind::Generator),
      m_func(std::move(func)),
      m_slots(new Value[nslots]),
      m_nslots(nslots) {}
TypeObject* GeneratorObject::type() const {
    return builtinTypes().generator;
}
void GeneratorObject::traverse(GcVisitor& visit) const {
    visit(m_func);
    for (std::size_t i = 0; i < m_nslots; ++i) visit(m_slots[i]);
    visit(m_savedExc);
}
void GeneratorObject::clearRefs() {
    for (std::size_t i = 0; i < m_nslots; ++i) m_slots[i] = Value();
    m_savedExc = Value();
}
Value GeneratorObject::deepCopy(CopyMemo& memo) const {
    auto* copy = new GeneratorObject(Value(), m_nslots);
    Value r(copy);
    memo.remember(this, r);
    copy->m_func = lang::deepCopy(m_func, memo);
    for (std::size_t i = 0; i < m_nslots; ++i) copy->m_slots[i] = lang::deepCopy(m_slots[i], memo);
    copy->m_state = m_state;
    copy->m_pc = m_pc;
    copy->m_stackDepth = m_stackDepth;
    copy->m_savedExc = lang::deepCopy(m_savedExc, memo);
    copy->m_serial = m_serial;
    return r;
}

}  // namespace taskscope::core::lang
