// Methods of object, int, float, exceptions, property, generators and other small types.
#include <cmath>

#include "core/lang/builtins_internal.h"
#include "core/lang/internal.h"

namespace taskscope::core::lang {

namespace {

NativeResult o_init(NativeCall& c) {
    // object.__init__ accepts extra arguments only if the class overrides __init__ elsewhere.
    if (c.argc() > 1 || c.kwargc() > 0) {
        TypeObject* tp = typeOf(c.self());
        Value init = tp->lookup("__init__");
        if (init.isKind(ObjKind::NativeFunction) &&
            init.as<NativeFunctionObject>()->m_qualname == "object.__init__") {
            typeError(tp->name() + "() takes no arguments");
        }
        typeError("object.__init__() takes exactly one argument (the instance to initialize)");
    }
    return NativeResult::ret();
}
NativeResult o_repr(NativeCall& c) {
    const Value& v = c.self();
    TypeObject* tp = typeOf(v);
    std::string mod = tp->m_module == "builtins" ? "" : tp->m_module + ".";
    return NativeResult::ret(
        makeStr("<" + mod + tp->m_qualname + " object at " + addressString(c.thread(), v) + ">"));
}
NativeResult o_str(NativeCall& c) {
    return NativeResult::ret(reprValue(c.thread(), c.self()));
}
NativeResult o_eq(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(c.self().is(c.arg(1)) ? Value::boolean(true) : notImplemented());
}
NativeResult o_ne(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(c.self().is(c.arg(1)) ? Value::boolean(false) : notImplemented());
}
NativeResult o_hash(NativeCall& c) {
    return NativeResult::ret(intFrom(static_cast<int64_t>(c.interp().addressOf(c.self()) >> 4)));
}
NativeResult o_format(NativeCall& c) {
    c.expectArgs(2, 2);
    if (isStr(c.arg(1)) && !strOfValue(c.arg(1)).empty()) {
        typeError("unsupported format string passed to " + typeName(c.self()) + ".__format__");
    }
    return NativeResult::ret(strValue(c.thread(), c.self()));
}
NativeResult o_setattr(NativeCall& c) {
    c.expectArgs(3, 3);
    auto* inst = c.self().as<InstanceObject>();
    inst->dict()->setStr(internStr(strOfValue(c.arg(1))), c.arg(2));
    return NativeResult::ret();
}
NativeResult o_getattribute(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(getAttr(c.thread(), c.self(), internStr(strOfValue(c.arg(1)))));
}

// ---- int / float
// ---------------------------------------------------------------------------------
NativeResult i_bit_length(NativeCall& c) {
    return NativeResult::ret(intFrom(intBitLength(c.self())));
}
NativeResult i_bit_count(NativeCall& c) {
    mpz_t z;
    mpz_init(z);
    toMpz(c.self(), z);
    mpz_abs(z, z);
    auto n = static_cast<int64_t>(mpz_popcount(z));
    mpz_clear(z);
    return NativeResult::ret(intFrom(n));
}
NativeResult i_conjugate(NativeCall& c) {
    return NativeResult::ret(intAdd(c.self(), Value::smallInt(0)));
}
NativeResult i_is_integer(NativeCall& c) {
    (void)c;
    return NativeResult::ret(Value::boolean(true));
}
NativeResult f_is_integer(NativeCall& c) {
    double d = floatOf(c.self());
    return NativeResult::ret(Value::boolean(std::isfinite(d) && d == std::floor(d)));
}
NativeResult f_conjugate(NativeCall& c) {
    return NativeResult::ret(c.self());
}
NativeResult f_as_integer_ratio(NativeCall& c) {
    double d = floatOf(c.self());
    if (std::isinf(d)) throwPy(BT().OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(d)) valueError("cannot convert NaN to integer ratio");
    int e = 0;
    double m = std::frexp(d, &e);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2.0;
        --e;
    }
    Value num = intFromDouble(m);
    Value den = Value::smallInt(1);
    if (e > 0)
        num = intLShift(num, intFrom(e));
    else
        den = intLShift(den, intFrom(-e));
    return NativeResult::ret(makeTuple({num, den}));
}

// ---- exceptions
// ----------------------------------------------------------------------------------
NativeResult e_init(NativeCall& c) {
    auto* e = c.self().as<ExceptionObject>();
    e->m_args = makeTuple(std::vector<Value>(c.args().begin() + 1, c.args().end()));
    return NativeResult::ret();
}
NativeResult e_str(NativeCall& c) {
    return NativeResult::ret(makeStr(exceptionStr(c.thread(), c.self())));
}
NativeResult e_repr(NativeCall& c) {
    const auto* e = c.self().as<ExceptionObject>();
    const auto& args = e->m_args.as<TupleObject>()->items();
    std::string name = e->cls()->name();
    if (args.size() == 1)
        return NativeResult::ret(makeStr(name + "(" + repr(c.thread(), args[0]) + ")"));
    return NativeResult::ret(makeStr(name + repr(c.thread(), e->m_args)));
}
NativeResult e_with_traceback(NativeCall& c) {
    return NativeResult::ret(c.self());
}

// ---- property
// ------------------------------------------------------------------------------------
NativeResult p_setter(NativeCall& c) {
    c.expectArgs(2, 2);
    const auto* p = c.self().as<PropertyObject>();
    return NativeResult::ret(make<PropertyObject>(p->m_fget, c.arg(1), p->m_fdel));
}
NativeResult p_getter(NativeCall& c) {
    c.expectArgs(2, 2);
    const auto* p = c.self().as<PropertyObject>();
    return NativeResult::ret(make<PropertyObject>(c.arg(1), p->m_fset, p->m_fdel));
}
NativeResult p_deleter(NativeCall& c) {
    c.expectArgs(2, 2);
    const auto* p = c.self().as<PropertyObject>();
    return NativeResult::ret(make<PropertyObject>(p->m_fget, p->m_fset, c.arg(1)));
}

// ---- generators
// ----------------------------------------------------------------------------------
NativeResult g_next(NativeCall& c) {
    Value v = c.thread().generatorNext(c.self());
    if (!v) return NativeResult::raise(makeException(BT().StopIteration, std::vector<Value>{}));
    return NativeResult::ret(v);
}
NativeResult g_close(NativeCall& c) {
    auto* g = c.self().as<GeneratorObject>();
    g->m_state = GeneratorObject::State::Finished;
    g->clearRefs();
    return NativeResult::ret();
}
NativeResult g_iter(NativeCall& c) {
    return NativeResult::ret(c.self());
}

NativeResult it_next(NativeCall& c) {
    Value v = iterNext(c.thread(), c.self());
    if (!v) return NativeResult::raise(makeException(BT().StopIteration, std::vector<Value>{}));
    return NativeResult::ret(v);
}

// ---- range
// ----------------------------------------------------------------------------------------
NativeResult r_index(NativeCall& c) {
    c.expectArgs(2, 2);
    const auto* r = c.self().as<RangeObject>();
    if (contains(c.thread(), c.self(), c.arg(1))) {
        auto v = intToInt64(c.arg(1));
        return NativeResult::ret(intFrom((*v - r->start()) / r->step()));
    }
    valueError(repr(c.thread(), c.arg(1)) + " is not in range");
}
NativeResult r_count(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(Value::smallInt(contains(c.thread(), c.self(), c.arg(1)) ? 1 : 0));
}

NativeResult type_mro(NativeCall& c) {
    std::vector<Value> out;
    for (TypeObject* m : c.self().as<TypeObject>()->mro()) out.push_back(Value(m));
    return NativeResult::ret(makeList(std::move(out)));
}

}  // namespace

void addObjectMethods(BuiltinTypes& bt) {
    TypeObject* o = bt.object;
    addMethods(o, {{"__init__", o_init},
                   {"__repr__", o_repr},
                   {"__str__", o_str},
                   {"__eq__", o_eq},
                   {"__ne__", o_ne},
                   {"__hash__", o_hash},
                   {"__format__", o_format},
                   {"__setattr__", o_setattr},
                   {"__getattribute__", o_getattribute}});
    addMethod(bt.type, "mro", type_mro);
}

void addIntMethods(BuiltinTypes& bt) {
    addMethods(bt.int_, {{"bit_length", i_bit_length},
                         {"bit_count", i_bit_count},
                         {"conjugate", i_conjugate},
                         {"is_integer", i_is_integer}});
}

void addFloatMethods(BuiltinTypes& bt) {
    addMethods(bt.float_, {{"is_integer", f_is_integer},
                           {"conjugate", f_conjugate},
                           {"as_integer_ratio", f_as_integer_ratio}});
}

void addExceptionMethods(BuiltinTypes& bt) {
    TypeObject* e = bt.BaseException;
    addMethods(e, {{"__init__", e_init},
                   {"__str__", e_str},
                   {"__repr__", e_repr},
                   {"with_traceback", e_with_traceback}});
}

void addMiscMethods(BuiltinTypes& bt) {
    addMethods(bt.property, {{"setter", p_setter}, {"getter", p_getter}, {"deleter", p_deleter}});
    addMethods(bt.generator, {{"__next__", g_next}, {"close", g_close}, {"__iter__", g_iter}});
    addMethod(bt.iterator, "__next__", it_next);
    addMethod(bt.iterator, "__iter__", g_iter);
    addMethod(bt.range, "index", r_index);
    addMethod(bt.range, "count", r_count);
}

}  // namespace taskscope::core::lang
