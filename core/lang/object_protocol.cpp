// The object protocol (CPython's Objects/object.c): errors, type of a value, truth,
// repr/str, hashing, rich comparison, attributes, callability.
#include "core/lang/operations.h"

#include <array>
#include <cmath>
#include <string_view>

#include "core/lang/hashing.h"
#include "core/lang/internal.h"
#include "core/util/enum_names.h"

namespace taskscope::core::lang {

void typeError(std::string msg) {
    throwPy(BT().TypeError, std::move(msg));
}
void valueError(std::string msg) {
    throwPy(BT().ValueError, std::move(msg));
}

TypeObject* typeOf(const Value& v) {
    if (v.isSmallInt()) return BT().int_;
    if (v.isPtr()) return v.obj()->type();
    if (v.isNone()) return BT().noneType;
    if (v.isBool()) return BT().bool_;
    return BT().noneType;
}

const std::string& typeName(const Value& v) {
    if (v.isKind(ObjKind::Iterator)) {
        static thread_local std::string name;
        name = v.as<IteratorObject>()->typeName();
        return name;
    }
    return typeOf(v)->name();
}

std::string addressString(VmThread& t, const Value& v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx",
                  static_cast<unsigned long long>(t.interp().addressOf(v)));
    return buf;
}

Value allocateInstance(VmThread& t, TypeObject* cls) {
    (void)t;
    if (cls->m_layout == TypeObject::Layout::Exception) {
        auto* e = new ExceptionObject(Value(cls));
        Value r(e);
        e->m_args = emptyTuple();
        return r;
    }
    return make<InstanceObject>(Value(cls));
}

// object.__repr__ and friends: present on every class, but "not overridden" for dispatch.
bool isDefaultImpl(const Value& fn) {
    if (!fn.isKind(ObjKind::NativeFunction)) return false;
    const std::string& q = fn.as<NativeFunctionObject>()->m_qualname;
    return q.rfind("object.", 0) == 0 || q.rfind("BaseException.", 0) == 0;
}

Value lookupSpecial(const Value& obj, std::string_view name) {
    TypeObject* tp = typeOf(obj);
    return tp->lookup(name);
}
Value lookupSpecial(const Value& obj, const StrObject* name) {
    return typeOf(obj)->lookup(name);
}

namespace {

// Binds a class attribute found on `obj`'s type (functions become bound methods).
Value bindAttribute(VmThread& t, const Value& attr, const Value& obj, TypeObject* tp) {
    if (!attr.isPtr()) return attr;
    switch (attr.kind()) {
        case ObjKind::Function:
            return make<BoundMethodObject>(obj, attr);
        case ObjKind::NativeFunction:
            if (attr.as<NativeFunctionObject>()->isMethod())
                return make<BoundMethodObject>(obj, attr);
            return attr;
        case ObjKind::ClassMethod:
            return make<BoundMethodObject>(Value(tp), attr.as<MethodWrapperObject>()->func());
        case ObjKind::StaticMethod:
            return attr.as<MethodWrapperObject>()->func();
        case ObjKind::Property: {
            const auto* p = attr.as<PropertyObject>();
            if (p->m_fget.isNull())
                throwPy(BT().AttributeError,
                        "property has no getter");  // CPython: "unreadable attribute"
            return t.call(p->m_fget, {obj});
        }
        default:
            return attr;
    }
}

}  // namespace

Value callSpecial(VmThread& t, const Value& obj, std::string_view name,
                  std::initializer_list<Value> args) {
    Value fn = lookupSpecial(obj, name);
    if (fn.isNull()) return Value();
    std::vector<Value> all;
    all.reserve(args.size() + 1);
    bool bind = fn.isKind(ObjKind::Function) ||
                (fn.isKind(ObjKind::NativeFunction) && fn.as<NativeFunctionObject>()->isMethod());
    if (fn.isKind(ObjKind::StaticMethod)) fn = fn.as<MethodWrapperObject>()->func();
    if (bind) all.push_back(obj);
    for (const auto& a : args) all.push_back(a);
    return t.callNested(fn, all);
}

// ---- truth ----------------------------------------------------------------------------------
bool truthy(VmThread& t, const Value& v) {
    if (v.isBool()) return v.isTrue();
    if (v.isSmallInt()) return v.smallInt() != 0;
    if (v.isNone()) return false;
    if (!v.isPtr()) return false;
    switch (v.kind()) {
        case ObjKind::Float:
            return floatOf(v) != 0.0;
        case ObjKind::BigInt:
            return true;
        case ObjKind::Str:
            return v.as<StrObject>()->length() != 0;
        case ObjKind::List:
            return v.as<ListObject>()->size() != 0;
        case ObjKind::Tuple:
            return v.as<TupleObject>()->size() != 0;
        case ObjKind::Dict:
            return v.as<DictObject>()->size() != 0;
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return v.as<SetObject>()->size() != 0;
        case ObjKind::Range:
            return v.as<RangeObject>()->length() != 0;
        case ObjKind::DictView:
            return v.as<DictViewObject>()->dict().as<DictObject>()->size() != 0;
        case ObjKind::Instance:
        case ObjKind::Exception: {
            Value r = callSpecial(t, v, "__bool__", {});
            if (r) {
                if (!r.isBool()) typeError("__bool__ should return bool, returned " + typeName(r));
                return r.isTrue();
            }
            r = callSpecial(t, v, "__len__", {});
            if (r) return toIndex(t, r) != 0;
            return true;
        }
        default:
            return true;
    }
}

// ---- repr / str ----------------------------------------------------------------------------
namespace {

class ReprEnter {
public:
    ReprEnter(VmThread& t, const Object* o) : m_t(t), m_o(o) {
        auto& stack = t.m_reprStack;
        for (const Object* p : stack) {
            if (p == o) {
                m_recursive = true;
                return;
            }
        }
        stack.push_back(o);
    }
    ~ReprEnter() {
        if (!m_recursive) m_t.m_reprStack.pop_back();
    }
    ReprEnter(const ReprEnter&) = delete;
    ReprEnter& operator=(const ReprEnter&) = delete;
    bool recursive() const { return m_recursive; }

private:
    VmThread& m_t;
    const Object* m_o;
    bool m_recursive = false;
};

std::string typeDisplayName(const TypeObject* tp) {
    if (tp->m_module == "builtins") return tp->m_qualname;
    return tp->m_module + "." + tp->m_qualname;
}

std::string reprSeq(VmThread& t, const std::vector<Value>& items, const char* open,
                    const char* close, bool tuple) {
    std::string out = open;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += repr(t, items[i]);
    }
    if (tuple && items.size() == 1) out += ",";
    out += close;
    return out;
}

}  // namespace

std::string exceptionStr(VmThread& t, const Value& exc) {
    const auto* e = exc.as<ExceptionObject>();
    const auto& args = e->m_args.as<TupleObject>()->items();
    if (args.empty()) return "";
    if (args.size() == 1) {
        if (e->cls()->isSubtypeOf(BT().KeyError)) return repr(t, args[0]);
        return str(t, args[0]);
    }
    return repr(t, e->m_args);
}

std::string repr(VmThread& t, const Value& v) {
    if (v.isSmallInt()) return std::to_string(v.smallInt());
    if (v.isNone()) return "None";
    if (v.isBool()) return v.isTrue() ? "True" : "False";
    if (!v.isPtr()) return "<null>";
    RecursionGuard guard(t);
    switch (v.kind()) {
        case ObjKind::BigInt:
            return intToString(v);
        case ObjKind::Float:
            return floatRepr(floatOf(v));
        case ObjKind::Str:
            return reprString(strOfValue(v));
        case ObjKind::List: {
            ReprEnter re(t, v.obj());
            if (re.recursive()) return "[...]";
            std::vector<Value> items = v.as<ListObject>()->items();  // __repr__ may mutate the list
            return reprSeq(t, items, "[", "]", false);
        }
        case ObjKind::Tuple: {
            ReprEnter re(t, v.obj());
            if (re.recursive()) return "(...)";
            return reprSeq(t, v.as<TupleObject>()->items(), "(", ")", true);
        }
        case ObjKind::Dict: {
            ReprEnter re(t, v.obj());
            if (re.recursive()) return "{...}";
            std::string out = "{";
            bool first = true;
            auto entries = v.as<DictObject>()->entries();
            for (const auto& e : entries) {
                if (e.key.isNull()) continue;
                if (!first) out += ", ";
                first = false;
                out += repr(t, e.key) + ": " + repr(t, e.value);
            }
            return out + "}";
        }
        case ObjKind::Set:
        case ObjKind::FrozenSet: {
            const auto* s = v.as<SetObject>();
            bool frozen = s->frozen();
            if (s->size() == 0) return frozen ? "frozenset()" : "set()";
            ReprEnter re(t, v.obj());
            if (re.recursive()) return frozen ? "frozenset(...)" : "set(...)";
            std::string out = frozen ? "frozenset({" : "{";
            bool first = true;
            for (const auto& slot : s->slots()) {
                if (slot.key.isNull()) continue;
                if (!first) out += ", ";
                first = false;
                out += repr(t, slot.key);
            }
            return out + (frozen ? "})" : "}");
        }
        case ObjKind::Range: {
            const auto* r = v.as<RangeObject>();
            std::string out =
                "range(" + std::to_string(r->start()) + ", " + std::to_string(r->stop());
            if (r->step() != 1) out += ", " + std::to_string(r->step());
            return out + ")";
        }
        case ObjKind::Slice: {
            const auto* s = v.as<SliceObject>();
            return "slice(" + repr(t, s->start()) + ", " + repr(t, s->stop()) + ", " +
                   repr(t, s->step()) + ")";
        }
        case ObjKind::Function: {
            const auto* f = v.as<FunctionObject>();
            return "<function " + strOfValue(f->m_qualname) + " at " + addressString(t, v) + ">";
        }
        case ObjKind::NativeFunction: {
            const auto* f = v.as<NativeFunctionObject>();
            if (f->isMethod())
                return "<method '" + f->name() + "' of '" +
                       f->m_qualname.substr(0, f->m_qualname.find('.')) + "' objects>";
            return "<built-in function " + f->name() + ">";
        }
        case ObjKind::BoundMethod: {
            const auto* m = v.as<BoundMethodObject>();
            if (m->func().isKind(ObjKind::NativeFunction)) {
                const auto* f = m->func().as<NativeFunctionObject>();
                return "<built-in method " + f->name() + " of " + typeName(m->self()) +
                       " object at " + addressString(t, m->self()) + ">";
            }
            std::string qn = m->func().isKind(ObjKind::Function)
                                 ? strOfValue(m->func().as<FunctionObject>()->m_qualname)
                                 : "?";
            return "<bound method " + qn + " of " + repr(t, m->self()) + ">";
        }
        case ObjKind::Type:
            return "<class '" + typeDisplayName(v.as<TypeObject>()) + "'>";
        case ObjKind::Module: {
            const auto* m = v.as<ModuleObject>();
            return "<module '" + m->name() + "' (built-in)>";
        }
        case ObjKind::Instance:
        case ObjKind::Exception: {
            Value fn = lookupSpecial(v, "__repr__");
            if (fn && !isDefaultImpl(fn)) {
                Value r = callSpecial(t, v, "__repr__", {});
                if (!isStr(r)) typeError("__repr__ returned non-string (type " + typeName(r) + ")");
                return strOfValue(r);
            }
            if (v.kind() == ObjKind::Exception) {
                const auto* e = v.as<ExceptionObject>();
                std::string name = e->cls()->name();
                const auto& args = e->m_args.as<TupleObject>()->items();
                if (args.size() == 1) return name + "(" + repr(t, args[0]) + ")";
                return name + repr(t, e->m_args);
            }
            return "<" + typeDisplayName(v.as<InstanceObject>()->cls()) + " object at " +
                   addressString(t, v) + ">";
        }
        case ObjKind::Cell:
            return "<cell at " + addressString(t, v) + ">";
        case ObjKind::Code:
            return "<code object " + v.as<CodeObject>()->name + ">";
        case ObjKind::Iterator:
            return std::string("<") + v.as<IteratorObject>()->typeName() + " object at " +
                   addressString(t, v) + ">";
        case ObjKind::Generator: {
            const auto* g = v.as<GeneratorObject>();
            return "<generator object " + strOfValue(g->func().as<FunctionObject>()->m_qualname) +
                   " at " + addressString(t, v) + ">";
        }
        case ObjKind::Property:
            return "<property object at " + addressString(t, v) + ">";
        case ObjKind::StaticMethod:
            return "<staticmethod(" + repr(t, v.as<MethodWrapperObject>()->func()) + ")>";
        case ObjKind::ClassMethod:
            return "<classmethod(" + repr(t, v.as<MethodWrapperObject>()->func()) + ")>";
        case ObjKind::Super:
            return "<super: <class '" + v.as<SuperObject>()->startType().as<TypeObject>()->name() +
                   "'>, <" + typeName(v.as<SuperObject>()->obj()) + " object>>";
        case ObjKind::DictView: {
            const auto* dv = v.as<DictViewObject>();
            const char* names[] = {"dict_keys", "dict_values", "dict_items"};
            std::vector<Value> items;
            for (const auto& e : dv->dict().as<DictObject>()->entries()) {
                if (e.key.isNull()) continue;
                if (dv->which() == 0)
                    items.push_back(e.key);
                else if (dv->which() == 1)
                    items.push_back(e.value);
                else
                    items.push_back(makeTuple({e.key, e.value}));
            }
            return std::string(names[dv->which()]) + "(" + reprSeq(t, items, "[", "]", false) + ")";
        }
        case ObjKind::Singleton:
            return v.as<SingletonObject>()->name();
    }
    return "<object>";
}

std::string str(VmThread& t, const Value& v) {
    if (isStr(v)) return strOfValue(v);
    if (isInstanceLike(v)) {
        Value fn = lookupSpecial(v, "__str__");
        if (fn && !isDefaultImpl(fn)) {
            RecursionGuard guard(t);
            Value r = callSpecial(t, v, "__str__", {});
            if (!isStr(r)) typeError("__str__ returned non-string (type " + typeName(r) + ")");
            return strOfValue(r);
        }
        if (v.kind() == ObjKind::Exception) return exceptionStr(t, v);
    }
    return repr(t, v);
}

Value reprValue(VmThread& t, const Value& v) {
    return makeStr(repr(t, v));
}
Value strValue(VmThread& t, const Value& v) {
    if (isStr(v)) return v;
    return makeStr(str(t, v));
}

// ---- hashing ------------------------------------------------------------------------------
bool isHashable(const Value& v) {
    if (!v.isPtr()) return true;
    switch (v.kind()) {
        case ObjKind::List:
        case ObjKind::Dict:
        case ObjKind::Set:
        case ObjKind::DictView:
            return false;
        default:
            return true;
    }
}

int64_t hashOf(VmThread& t, const Value& v) {
    if (v.isSmallInt()) return hashInt64(v.smallInt());
    if (v.isBool()) return v.isTrue() ? 1 : 0;
    if (v.isNone()) return 0x7fe1a2c3e4b5;  // fixed: CPython 3.11 uses the address of None
    if (!v.isPtr()) return 0;
    switch (v.kind()) {
        case ObjKind::Str:
            return v.as<StrObject>()->hash();
        case ObjKind::BigInt:
            return intHash(v);
        case ObjKind::Float:
            return hashDouble(floatOf(v));
        case ObjKind::Tuple: {
            RecursionGuard guard(t);
            TupleHasher h;
            const auto& items = v.as<TupleObject>()->items();
            for (const auto& item : items) h.add(hashOf(t, item));
            return h.finish(items.size());
        }
        case ObjKind::FrozenSet: {
            // frozenset_hash from CPython's setobject.c.
            uint64_t hash = 0;
            for (const auto& slot : v.as<SetObject>()->slots()) {
                if (slot.key.isNull()) continue;
                auto h = static_cast<uint64_t>(slot.hash);
                hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
            }
            const auto* s = v.as<SetObject>();
            hash ^= (static_cast<uint64_t>(s->size()) + 1) * 1927868237UL;
            hash ^= (hash >> 11) ^ (hash >> 25);
            hash = hash * 69069U + 907133923UL;
            auto r = static_cast<int64_t>(hash);
            return r == -1 ? 590923713 : r;
        }
        case ObjKind::List:
        case ObjKind::Dict:
        case ObjKind::Set:
        case ObjKind::DictView:
            typeError("unhashable type: '" + typeName(v) + "'");
        case ObjKind::Instance:
        case ObjKind::Exception: {
            TypeObject* tp = v.as<InstanceObject>()->cls();
            Value h = tp->lookup("__hash__");
            if (h.isNone()) typeError("unhashable type: '" + tp->name() + "'");
            if (h && !isDefaultImpl(h)) {
                Value r = callSpecial(t, v, "__hash__", {});
                if (!isInt(r)) typeError("__hash__ method should return an integer");
                if (auto small = intToInt64(r)) return *small == -1 ? -2 : *small;
                return intHash(r);
            }
            return static_cast<int64_t>(t.interp().addressOf(v) >> 4);
        }
        default:
            return static_cast<int64_t>(t.interp().addressOf(v) >> 4);
    }
}

// ---- comparison ---------------------------------------------------------------------------
namespace {

// Names in CmpOp's order.
const char* cmpSymbol(CmpOp op) {
    static constexpr std::array<std::string_view, 6> kSymbols{"<", "<=", "==", "!=", ">", ">="};
    return enumName<CmpOp::Ge>(kSymbols, op).data();
}

CmpOp swapped(CmpOp op) {
    switch (op) {
        case CmpOp::Lt:
            return CmpOp::Gt;
        case CmpOp::Le:
            return CmpOp::Ge;
        case CmpOp::Gt:
            return CmpOp::Lt;
        case CmpOp::Ge:
            return CmpOp::Le;
        default:
            return op;
    }
}

const char* cmpDunder(CmpOp op) {
    static constexpr std::array<std::string_view, 6> kDunders{"__lt__", "__le__", "__eq__",
                                                              "__ne__", "__gt__", "__ge__"};
    return enumName<CmpOp::Ge>(kDunders, op).data();
}

bool applyCmp(int c, CmpOp op) {
    switch (op) {
        case CmpOp::Lt:
            return c < 0;
        case CmpOp::Le:
            return c <= 0;
        case CmpOp::Eq:
            return c == 0;
        case CmpOp::Ne:
            return c != 0;
        case CmpOp::Gt:
            return c > 0;
        case CmpOp::Ge:
            return c >= 0;
    }
    return false;
}

// int vs float compared exactly (as CPython does).
int compareIntFloat(const Value& i, double d) {
    if (std::isnan(d)) return 2;  // unordered
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    double fl = std::floor(d);
    Value asInt = intFromDouble(fl);
    int c = intCompare(i, asInt);
    if (c != 0) return c;
    return fl == d ? 0 : -1;
}

// Returns true and sets *result if both are numbers.
bool numericCompare(const Value& a, const Value& b, CmpOp op, bool* result) {
    bool ai = isInt(a), bi = isInt(b), af = isFloat(a), bf = isFloat(b);
    if (ai && bi) {
        *result = applyCmp(intCompare(a, b), op);
        return true;
    }
    if ((ai || af) && (bi || bf)) {
        if (af && bf) {
            double x = floatOf(a), y = floatOf(b);
            *result = compareAs(x, y, op);
            return true;
        }
        int c = ai ? compareIntFloat(a, floatOf(b)) : -compareIntFloat(b, floatOf(a));
        if (c == 2 || c == -2)
            *result = op == CmpOp::Ne;
        else
            *result = applyCmp(c, op);
        return true;
    }
    return false;
}

Value sequenceCompare(VmThread& t, const std::vector<Value>& x, const std::vector<Value>& y,
                      CmpOp op) {
    std::size_t n = std::min(x.size(), y.size());
    std::size_t i = 0;
    for (; i < n; ++i) {
        if (!(x[i].is(y[i]) || equals(t, x[i], y[i]))) break;
    }
    if (i >= x.size() || i >= y.size()) {
        int c = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
        return Value::boolean(applyCmp(c, op));
    }
    if (op == CmpOp::Eq) return Value::boolean(false);
    if (op == CmpOp::Ne) return Value::boolean(true);
    return richCompare(t, x[i], y[i], op);
}

bool setIsSubset(VmThread& t, const SetObject* a, const SetObject* b) {
    if (a->size() > b->size()) return false;
    for (const auto& s : a->slots()) {
        if (!s.key.isNull() && !b->contains(t, s.key, s.hash)) return false;
    }
    return true;
}

}  // namespace

Value richCompare(VmThread& t, const Value& a, const Value& b, CmpOp op) {
    bool r;
    if (numericCompare(a, b, op, &r)) return Value::boolean(r);
    if (isStr(a) && isStr(b)) {
        int c = strOfValue(a).compare(strOfValue(b));
        return Value::boolean(applyCmp(c < 0 ? -1 : c > 0 ? 1 : 0, op));
    }
    RecursionGuard guard(t);
    if (a.isPtr() && b.isPtr() && a.kind() == b.kind()) {
        switch (a.kind()) {
            case ObjKind::List: {
                std::vector<Value> x = a.as<ListObject>()->items(), y = b.as<ListObject>()->items();
                return sequenceCompare(t, x, y, op);
            }
            case ObjKind::Tuple:
                return sequenceCompare(t, a.as<TupleObject>()->items(),
                                       b.as<TupleObject>()->items(), op);
            case ObjKind::Dict:
                if (op == CmpOp::Eq || op == CmpOp::Ne) {
                    const auto* x = a.as<DictObject>();
                    const auto* y = b.as<DictObject>();
                    bool eq = x->size() == y->size();
                    if (eq) {
                        auto entries = x->entries();
                        for (const auto& e : entries) {
                            if (e.key.isNull()) continue;
                            int64_t ix = y->find(t, e.key, e.hash);
                            if (ix < 0) {
                                eq = false;
                                break;
                            }
                            Value other = y->entries()[static_cast<std::size_t>(ix)].value;
                            if (!(other.is(e.value) || equals(t, e.value, other))) {
                                eq = false;
                                break;
                            }
                        }
                    }
                    return Value::boolean(op == CmpOp::Eq ? eq : !eq);
                }
                break;
            case ObjKind::Range:
                if (op == CmpOp::Eq || op == CmpOp::Ne) {
                    const auto* x = a.as<RangeObject>();
                    const auto* y = b.as<RangeObject>();
                    int64_t n = x->length();
                    bool eq = n == y->length() && (n == 0 || (x->start() == y->start() &&
                                                              (n == 1 || x->step() == y->step())));
                    return Value::boolean(op == CmpOp::Eq ? eq : !eq);
                }
                break;
            default:
                break;
        }
    }
    bool aSet = a.isKind(ObjKind::Set) || a.isKind(ObjKind::FrozenSet);
    bool bSet = b.isKind(ObjKind::Set) || b.isKind(ObjKind::FrozenSet);
    if (aSet && bSet) {
        const auto* x = a.as<SetObject>();
        const auto* y = b.as<SetObject>();
        switch (op) {
            case CmpOp::Eq:
                return Value::boolean(x->size() == y->size() && setIsSubset(t, x, y));
            case CmpOp::Ne:
                return Value::boolean(!(x->size() == y->size() && setIsSubset(t, x, y)));
            case CmpOp::Le:
                return Value::boolean(setIsSubset(t, x, y));
            case CmpOp::Lt:
                return Value::boolean(x->size() < y->size() && setIsSubset(t, x, y));
            case CmpOp::Ge:
                return Value::boolean(setIsSubset(t, y, x));
            case CmpOp::Gt:
                return Value::boolean(x->size() > y->size() && setIsSubset(t, y, x));
        }
    }
    if (a.isKind(ObjKind::DictView) && b.isKind(ObjKind::DictView) &&
        (op == CmpOp::Eq || op == CmpOp::Ne)) {
        Value sa = makeSet(), sb = makeSet();
        sa.as<SetObject>()->update(t, a);
        sb.as<SetObject>()->update(t, b);
        return richCompare(t, sa, sb, op);
    }
    // User-defined comparisons: try a's method, then b's reflected one.
    if (isInstanceLike(a)) {
        Value fn = lookupSpecial(a, cmpDunder(op));
        if (fn && !isDefaultImpl(fn)) {
            Value r = callSpecial(t, a, cmpDunder(op), {b});
            if (!r.is(notImplemented())) return r;
        }
    }
    if (isInstanceLike(b)) {
        CmpOp sw = swapped(op);
        Value fn = lookupSpecial(b, cmpDunder(sw));
        if (fn && !isDefaultImpl(fn)) {
            Value r = callSpecial(t, b, cmpDunder(sw), {a});
            if (!r.is(notImplemented())) return r;
        }
    }
    if (op == CmpOp::Eq) return Value::boolean(a.is(b));
    if (op == CmpOp::Ne) {
        // Default __ne__ inverts a user __eq__.
        if (isInstanceLike(a)) {
            Value fn = lookupSpecial(a, "__eq__");
            if (fn && !isDefaultImpl(fn)) {
                Value r = callSpecial(t, a, "__eq__", {b});
                if (!r.is(notImplemented())) return Value::boolean(!truthy(t, r));
            }
        }
        return Value::boolean(!a.is(b));
    }
    typeError(std::string("'") + cmpSymbol(op) + "' not supported between instances of '" +
              typeName(a) + "' and '" + typeName(b) + "'");
}

bool compareBool(VmThread& t, const Value& a, const Value& b, CmpOp op) {
    return truthy(t, richCompare(t, a, b, op));
}

bool equals(VmThread& t, const Value& a, const Value& b) {
    if (a.is(b)) return true;
    if (a.isSmallInt() && b.isSmallInt()) return false;
    if (isStr(a) && isStr(b)) return a.as<StrObject>()->equals(*b.as<StrObject>());
    return truthy(t, richCompare(t, a, b, CmpOp::Eq));
}

bool lessThan(VmThread& t, const Value& a, const Value& b) {
    if (a.isSmallInt() && b.isSmallInt()) return a.smallInt() < b.smallInt();
    if (isStr(a) && isStr(b)) return strOfValue(a) < strOfValue(b);
    return truthy(t, richCompare(t, a, b, CmpOp::Lt));
}

// ---- attributes ------------------------------------------------------------------------------
namespace {

Value specialInstanceAttr(VmThread& t, const Value& obj, std::string_view name) {
    if (name == "__class__") return Value(typeOf(obj));
    if (name == "__dict__" && isInstanceLike(obj)) return obj.as<InstanceObject>()->exposeDict();
    if (obj.kind() == ObjKind::Exception) {
        auto* e = obj.as<ExceptionObject>();
        if (name == "args") return e->m_args;
        if (name == "__cause__") return e->m_cause ? e->m_cause : Value::none();
        if (name == "__context__") return e->m_context ? e->m_context : Value::none();
        if (name == "__suppress_context__") return Value::boolean(e->m_suppressContext);
        if (name == "__traceback__") return Value::none();
        const auto& args = e->m_args.as<TupleObject>()->items();
        if (name == "value" && e->cls()->isSubtypeOf(BT().StopIteration))
            return args.empty() ? Value::none() : args[0];
        if (name == "code" && e->cls()->isSubtypeOf(BT().SystemExit)) {
            return args.empty() ? Value::none() : args.size() == 1 ? args[0] : e->m_args;
        }
        if (e->cls()->isSubtypeOf(BT().OSError)) {
            if (name == "errno") return args.size() >= 2 ? args[0] : Value::none();
            if (name == "strerror") return args.size() >= 2 ? args[1] : Value::none();
            if (name == "filename") return Value::none();
        }
    }
    (void)t;
    return Value();
}

Value moduleOrTypeAttr(VmThread& t, const Value& obj, const StrObject* name) {
    if (obj.kind() == ObjKind::Module) {
        Value v = obj.as<ModuleObject>()->dict()->getStr(name);
        if (v) return v;
        if (name->view() == "__dict__") return obj.as<ModuleObject>()->dictValue();
        return Value();
    }
    // Type.
    auto* tp = obj.as<TypeObject>();
    std::string_view n = name->view();
    if (n == "__name__") return makeStr(tp->name());
    if (n == "__qualname__") return makeStr(tp->m_qualname);
    if (n == "__module__") return makeStr(tp->m_module);
    if (n == "__bases__") return makeTuple(tp->bases());
    if (n == "__mro__") {
        std::vector<Value> mro;
        for (TypeObject* m : tp->mro()) mro.push_back(Value(m));
        return makeTuple(std::move(mro));
    }
    if (n == "__dict__") return tp->dictValue();
    if (n == "__doc__") {
        Value d = tp->dict()->getStr(name);
        return d ? d : Value::none();
    }
    Value attr = tp->lookup(name);
    if (attr) {
        if (attr.isKind(ObjKind::ClassMethod))
            return make<BoundMethodObject>(obj, attr.as<MethodWrapperObject>()->func());
        if (attr.isKind(ObjKind::StaticMethod)) return attr.as<MethodWrapperObject>()->func();
        return attr;
    }
    // Attributes of the metaclass (type): mro(), __subclasses__ ...
    (void)t;
    return Value();
}

}  // namespace

Value getAttrOrNull(VmThread& t, const Value& obj, const Value& nameValue) {
    const auto* name = nameValue.as<StrObject>();
    if (obj.isPtr()) {
        switch (obj.kind()) {
            case ObjKind::Instance:
            case ObjKind::Exception: {
                auto* inst = obj.as<InstanceObject>();
                TypeObject* tp = inst->cls();
                Value attr = tp->lookup(name);
                if (attr && attr.isKind(ObjKind::Property)) return bindAttribute(t, attr, obj, tp);
                if (DictObject* d = inst->dictIfAny()) {
                    Value v = d->getStr(name);
                    if (v) return v;
                }
                if (attr) return bindAttribute(t, attr, obj, tp);
                if (Value s = specialInstanceAttr(t, obj, name->view())) return s;
                Value ga = tp->lookup("__getattr__");
                if (ga && !isDefaultImpl(ga)) {
                    try {
                        return t.call(make<BoundMethodObject>(obj, ga), {nameValue});
                    } catch (PyException& e) {
                        if (typeOf(e.exception)->isSubtypeOf(BT().AttributeError)) return Value();
                        throw;
                    }
                }
                return Value();
            }
            case ObjKind::Module:
            case ObjKind::Type:
                return moduleOrTypeAttr(t, obj, name);
            case ObjKind::Function: {
                auto* f = obj.as<FunctionObject>();
                std::string_view n = name->view();
                if (n == "__name__") return f->m_name;
                if (n == "__qualname__") return f->m_qualname;
                if (n == "__module__") return f->m_module;
                if (n == "__doc__") return Value::none();
                if (n == "__defaults__") return f->m_defaults ? f->m_defaults : Value::none();
                if (n == "__code__") return f->codeValue();
                if (n == "__globals__") return f->globalsValue();
                if (n == "__dict__") {
                    if (!f->m_dict) f->m_dict = makeDict();
                    return f->m_dict;
                }
                if (f->m_dict) {
                    Value v = f->m_dict.as<DictObject>()->getStr(name);
                    if (v) return v;
                }
                if (n == "__class__") return Value(BT().function);
                return Value();
            }
            case ObjKind::NativeFunction: {
                auto* f = obj.as<NativeFunctionObject>();
                if (name->view() == "__name__") return makeStr(f->name());
                if (name->view() == "__qualname__") return makeStr(f->m_qualname);
                if (name->view() == "__module__")
                    return f->m_module.empty() ? Value::none() : makeStr(f->m_module);
                if (name->view() == "__doc__") return Value::none();
                if (name->view() == "__class__") return Value(BT().builtinFunction);
                return Value();
            }
            case ObjKind::BoundMethod: {
                auto* m = obj.as<BoundMethodObject>();
                if (name->view() == "__self__") return m->self();
                if (name->view() == "__func__") return m->func();
                if (name->view() == "__class__") return Value(BT().method);
                return getAttrOrNull(t, m->func(), nameValue);
            }
            case ObjKind::Super: {
                auto* s = obj.as<SuperObject>();
                TypeObject* start = s->startType().as<TypeObject>();
                const Value& self = s->obj();
                TypeObject* objType = isTypeObj(self) ? self.as<TypeObject>() : typeOf(self);
                const auto& mro = objType->mro();
                std::size_t i = 0;
                while (i < mro.size() && mro[i] != start) ++i;
                for (++i; i < mro.size(); ++i) {
                    Value attr = mro[i]->dict()->getStr(name);
                    if (!attr) continue;
                    if (isTypeObj(self)) {
                        if (attr.isKind(ObjKind::ClassMethod))
                            return make<BoundMethodObject>(self,
                                                           attr.as<MethodWrapperObject>()->func());
                        if (attr.isKind(ObjKind::StaticMethod))
                            return attr.as<MethodWrapperObject>()->func();
                        return attr;
                    }
                    return bindAttribute(t, attr, self, objType);
                }
                return Value();
            }
            case ObjKind::Range: {
                auto* r = obj.as<RangeObject>();
                if (name->view() == "start") return intFrom(r->start());
                if (name->view() == "stop") return intFrom(r->stop());
                if (name->view() == "step") return intFrom(r->step());
                break;
            }
            case ObjKind::Slice: {
                auto* s = obj.as<SliceObject>();
                if (name->view() == "start") return s->start();
                if (name->view() == "stop") return s->stop();
                if (name->view() == "step") return s->step();
                break;
            }
            case ObjKind::Property: {
                auto* p = obj.as<PropertyObject>();
                if (name->view() == "fget") return p->m_fget ? p->m_fget : Value::none();
                if (name->view() == "fset") return p->m_fset ? p->m_fset : Value::none();
                if (name->view() == "fdel") return p->m_fdel ? p->m_fdel : Value::none();
                break;
            }
            case ObjKind::StaticMethod:
            case ObjKind::ClassMethod:
                if (name->view() == "__func__") return obj.as<MethodWrapperObject>()->func();
                break;
            default:
                break;
        }
    }
    // Builtin types: methods from the type dict.
    TypeObject* tp = typeOf(obj);
    if (name->view() == "__class__") return Value(tp);
    if ((isInt(obj) || isFloat(obj))) {
        if (name->view() == "real") return isFloat(obj) ? obj : intAdd(obj, Value::smallInt(0));
        if (name->view() == "imag") return isFloat(obj) ? makeFloat(0.0) : Value::smallInt(0);
        if (isInt(obj) && name->view() == "numerator") return intAdd(obj, Value::smallInt(0));
        if (isInt(obj) && name->view() == "denominator") return Value::smallInt(1);
    }
    Value attr = tp->lookup(name);
    if (attr) return bindAttribute(t, attr, obj, tp);
    return Value();
}

Value getAttr(VmThread& t, const Value& obj, const Value& name) {
    Value v = getAttrOrNull(t, obj, name);
    if (v) return v;
    const std::string& n = strOfValue(name);
    if (obj.isKind(ObjKind::Module)) {
        throwPy(BT().AttributeError,
                "module '" + obj.as<ModuleObject>()->name() + "' has no attribute '" + n + "'");
    }
    if (obj.isKind(ObjKind::Type)) {
        throwPy(BT().AttributeError,
                "type object '" + obj.as<TypeObject>()->name() + "' has no attribute '" + n + "'");
    }
    throwPy(BT().AttributeError, "'" + typeName(obj) + "' object has no attribute '" + n + "'");
}

Value getAttr(VmThread& t, const Value& obj, std::string_view name) {
    return getAttr(t, obj, internStr(name));
}

void setAttr(VmThread& t, const Value& obj, const Value& nameValue, Value value) {
    const auto* name = nameValue.as<StrObject>();
    if (obj.isPtr()) {
        switch (obj.kind()) {
            case ObjKind::Instance:
            case ObjKind::Exception: {
                auto* inst = obj.as<InstanceObject>();
                Value attr = inst->cls()->lookup(name);
                if (attr && attr.isKind(ObjKind::Property)) {
                    const auto* p = attr.as<PropertyObject>();
                    if (p->m_fset.isNull()) {
                        throwPy(BT().AttributeError, "property '" + name->str() + "' of '" +
                                                         inst->cls()->name() +
                                                         "' object has no setter");
                    }
                    t.call(p->m_fset, {obj, value});
                    return;
                }
                Value sa = inst->cls()->lookup("__setattr__");
                if (sa && sa.isKind(ObjKind::Function)) {
                    t.call(make<BoundMethodObject>(obj, sa), {nameValue, value});
                    return;
                }
                if (obj.kind() == ObjKind::Exception) {
                    auto* e = obj.as<ExceptionObject>();
                    if (name->view() == "args") {
                        e->m_args = makeTuple(toVector(t, value));
                        return;
                    }
                    if (name->view() == "__cause__") {
                        e->m_cause = value.isNone() ? Value() : value;
                        e->m_suppressContext = true;
                        return;
                    }
                    if (name->view() == "__context__") {
                        e->m_context = value.isNone() ? Value() : value;
                        return;
                    }
                    if (name->view() == "__traceback__") return;
                }
                if (name->view() == "__class__") {
                    if (!isTypeObj(value)) typeError("__class__ must be set to a class");
                    inst->setClass(value);
                    return;
                }
                inst->dict()->setStr(nameValue, std::move(value));
                return;
            }
            case ObjKind::Type: {
                auto* tp = obj.as<TypeObject>();
                if (tp->m_builtin) {
                    typeError("cannot set '" + name->str() + "' attribute of immutable type '" +
                              tp->name() + "'");
                }
                tp->dict()->setStr(nameValue, std::move(value));
                ++tp->m_version;
                return;
            }
            case ObjKind::Module:
                obj.as<ModuleObject>()->dict()->setStr(nameValue, std::move(value));
                return;
            case ObjKind::Function: {
                auto* f = obj.as<FunctionObject>();
                if (name->view() == "__name__") {
                    f->m_name = value;
                    return;
                }
                if (name->view() == "__qualname__") {
                    f->m_qualname = value;
                    return;
                }
                if (!f->m_dict) f->m_dict = makeDict();
                f->m_dict.as<DictObject>()->setStr(nameValue, std::move(value));
                return;
            }
            default:
                break;
        }
    }
    Value existing = getAttrOrNull(t, obj, nameValue);
    if (existing)
        throwPy(BT().AttributeError,
                "'" + typeName(obj) + "' object attribute '" + name->str() + "' is read-only");
    throwPy(BT().AttributeError,
            "'" + typeName(obj) + "' object has no attribute '" + name->str() + "'");
}

void delAttr(VmThread& t, const Value& obj, const Value& nameValue) {
    const auto* name = nameValue.as<StrObject>();
    if (isInstanceLike(obj)) {
        auto* inst = obj.as<InstanceObject>();
        Value attr = inst->cls()->lookup(name);
        if (attr && attr.isKind(ObjKind::Property)) {
            const auto* p = attr.as<PropertyObject>();
            if (p->m_fdel.isNull()) {
                throwPy(BT().AttributeError, "property '" + name->str() + "' of '" +
                                                 inst->cls()->name() + "' object has no deleter");
            }
            t.call(p->m_fdel, {obj});
            return;
        }
        if (inst->dictIfAny() && inst->dict()->removeStr(name->view())) return;
    } else if (isTypeObj(obj) && !obj.as<TypeObject>()->m_builtin) {
        if (obj.as<TypeObject>()->dict()->removeStr(name->view())) {
            ++obj.as<TypeObject>()->m_version;
            return;
        }
    } else if (obj.isKind(ObjKind::Module)) {
        if (obj.as<ModuleObject>()->dict()->removeStr(name->view())) return;
    }
    throwPy(BT().AttributeError,
            "'" + typeName(obj) + "' object has no attribute '" + name->str() + "'");
}

Value lookupMethod(VmThread& t, const Value& obj, const Value& nameValue, Value* selfOut) {
    *selfOut = Value();
    const auto* name = nameValue.as<StrObject>();
    if (obj.isPtr()) {
        ObjKind k = obj.kind();
        if (k == ObjKind::Instance || k == ObjKind::Exception) {
            auto* inst = obj.as<InstanceObject>();
            Value attr = inst->cls()->lookup(name);
            if (attr &&
                (attr.isKind(ObjKind::Function) || (attr.isKind(ObjKind::NativeFunction) &&
                                                    attr.as<NativeFunctionObject>()->isMethod()))) {
                DictObject* d = inst->dictIfAny();
                if (!d || d->findStr(name) < 0) {
                    *selfOut = obj;
                    return attr;
                }
            }
            return getAttr(t, obj, nameValue);
        }
        if (k == ObjKind::Module || k == ObjKind::Type || k == ObjKind::Super ||
            k == ObjKind::Function) {
            if (k == ObjKind::Super) {
                // super().method(...): find it and bind self without allocating.
                auto* s = obj.as<SuperObject>();
                if (!isTypeObj(s->obj())) {
                    TypeObject* objType = typeOf(s->obj());
                    const auto& mro = objType->mro();
                    std::size_t i = 0;
                    while (i < mro.size() && mro[i] != s->startType().as<TypeObject>()) ++i;
                    for (++i; i < mro.size(); ++i) {
                        Value attr = mro[i]->dict()->getStr(name);
                        if (!attr) continue;
                        if (attr.isKind(ObjKind::Function) ||
                            (attr.isKind(ObjKind::NativeFunction) &&
                             attr.as<NativeFunctionObject>()->isMethod())) {
                            *selfOut = s->obj();
                            return attr;
                        }
                        break;
                    }
                }
            }
            return getAttr(t, obj, nameValue);
        }
    }
    TypeObject* tp = typeOf(obj);
    Value attr = tp->lookup(name);
    if (attr && attr.isKind(ObjKind::NativeFunction) &&
        attr.as<NativeFunctionObject>()->isMethod()) {
        *selfOut = obj;
        return attr;
    }
    return getAttr(t, obj, nameValue);
}

// ---- calls -----------------------------------------------------------------------------------
bool isCallable(const Value& v) {
    if (!v.isPtr()) return false;
    switch (v.kind()) {
        case ObjKind::Function:
        case ObjKind::NativeFunction:
        case ObjKind::BoundMethod:
        case ObjKind::Type:
            return true;
        case ObjKind::Instance:
        case ObjKind::Exception:
            return static_cast<bool>(lookupSpecial(v, "__call__"));
        default:
            return false;
    }
}

}  // namespace taskscope::core::lang
