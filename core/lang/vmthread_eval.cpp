// VmThread::execute: the dispatch loop (switch dispatch; small-int fast paths; cached
// globals). Kept apart from vmthread.cpp because of its size.

#include "core/lang/internal.h"

namespace taskscope::core::lang {

namespace {

// Interned names of the special methods the loop looks up (CPython's _Py_ID): their hash is
// computed once.
struct SpecialNames {
    Value enter = internStr("__enter__");
    Value exit = internStr("__exit__");
    Value next = internStr("__next__");
    Value iter = internStr("__iter__");
    Value getitem = internStr("__getitem__");
};
const SpecialNames& specialNames() {
    static const SpecialNames names;
    return names;
}
const StrObject* specialName(const Value SpecialNames::*which) {
    return (specialNames().*which).as<StrObject>();
}

bool isStopIteration(const Value& exc) {
    return typeOf(exc)->isSubtypeOf(BT().StopIteration);
}

Value instantiateException(VmThread& t, const Value& v) {
    if (isTypeObj(v)) {
        if (!asType(v)->isException()) typeError("exceptions must derive from BaseException");
        Value inst = t.callNested(v, {});
        if (!inst.isKind(ObjKind::Exception))
            typeError("calling " + repr(t, v) +
                      " should have returned an instance of BaseException");
        return inst;
    }
    if (!v.isKind(ObjKind::Exception)) typeError("exceptions must derive from BaseException");
    return v;
}

void checkExceptionClass(VmThread& t, const Value& cls) {
    if (cls.isKind(ObjKind::Tuple)) {
        for (const auto& c : cls.as<TupleObject>()->items()) checkExceptionClass(t, c);
        return;
    }
    if (!isTypeObj(cls) || !asType(cls)->isException()) {
        typeError("catching classes that do not inherit from BaseException is not allowed");
    }
}

void dictUpdateFrom(VmThread& t, DictObject* d, const Value& other) {
    if (other.isKind(ObjKind::Dict)) {
        auto entries = other.as<DictObject>()->entries();
        for (const auto& e : entries) {
            if (!e.key.isNull()) d->set(t, e.key, e.hash, e.value);
        }
        return;
    }
    Value keysFn = getAttrOrNull(t, other, internStr("keys"));
    if (!keysFn) typeError("'" + typeName(other) + "' object is not a mapping");
    Value keys = t.call(keysFn, {});
    for (const Value& k : toVector(t, keys)) d->set(t, k, getItem(t, other, k));
}

}  // namespace

#define SYNC()                   \
    do {                         \
        f->pc = pc;              \
        f->sp = sp;              \
        m_consumedPs = consumed; \
    } while (0)
#define RELOAD()                         \
    do {                                 \
        f = &m_frames.back();            \
        code = f->code->code.data();     \
        consts = f->code->consts.data(); \
        names = f->code->names.data();   \
        slots = f->slots;                \
        pc = f->pc;                      \
        sp = f->sp;                      \
        consumed = m_consumedPs;         \
    } while (0)
// After a native that may have run Python (properties, dunders): the frame vector may have
// moved, and nested runs cost too.
#define AFTER_NESTED()                               \
    do {                                             \
        f = &m_frames.back();                        \
        consumed = std::max(consumed, m_consumedPs); \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
// Check points are also the collector's safe points: every reference the frames hold is
// counted, and no native is between two steps. Collection costs no simulated time.
#define CHECKPOINT()                         \
    do {                                     \
        heap.collectIfDue();                 \
        if (m_stopAtCheckpoint && !nested) { \
            SYNC();                          \
            return Stop::Checkpoint;         \
        }                                    \
    } while (0)

// The tail of every call site, as CPython's eval loop ends its calls: a pushed Python frame
// runs next; a blocked call stops the thread (the call is retried when it wakes); otherwise
// the result is pushed and, when withStops, a yield ends the run and a native that asked for
// a check point gets one. Nested runs (properties, dunders) cost too: after the call, the
// thread's total is at least the local one. Ends the case (break).
#define CALL_TAIL(o, result, cp, withStops) \
    if ((o) == CallOutcome::Pushed) {       \
        RELOAD();                           \
        break;                              \
    }                                       \
    AFTER_NESTED();                         \
    if ((o) == CallOutcome::Blocked) {      \
        SYNC();                             \
        return Stop::Blocked;               \
    }                                       \
    consumed = m_consumedPs;                \
    PUSH(std::move(result));                \
    if (withStops) {                        \
        if ((o) == CallOutcome::Yielded) {  \
            SYNC();                         \
            return Stop::Yielded;           \
        }                                   \
        if (cp) CHECKPOINT();               \
    }                                       \
    break

VmThread::Stop VmThread::execute(std::size_t baseDepth, bool nested) {
    const int64_t* costs = m_interp.costs().opcodePs.data();
    GcHeap& heap = m_interp.heap();
    Frame* f = nullptr;
    const uint32_t* code = nullptr;
    const Value* consts = nullptr;
    const Value* names = nullptr;
    Value* slots = nullptr;
    Value* sp = nullptr;
    uint32_t pc = 0;
    int64_t consumed = 0;
    // Nested runs (natives calling back into Python) ignore the budget.
    const int64_t budget = nested ? INT64_MAX : m_budgetPs;
    RELOAD();

    for (;;) {
        try {
            for (;;) {
                if (consumed >= budget) {
                    SYNC();
                    return Stop::Budget;
                }
                uint32_t word = code[pc++];
                Op op = instrOp(word);
                uint32_t arg = instrArg(word);
                consumed += costs[static_cast<int>(op)];
#ifdef TASKSCOPE_VM_TRACE
                std::fprintf(stderr, "[%zu] %u %s %u depth=%ld\n", m_frames.size(), pc - 1,
                             opName(op), arg, static_cast<long>(sp - f->stackBase()));
#endif
                switch (op) {
                    case Op::NOP:
                        break;
                    case Op::RESUME:
                        CHECKPOINT();
                        break;
                    case Op::POP_TOP:
                        *--sp = Value();
                        break;
                    case Op::ROT_TWO:
                        sp[-1].swap(sp[-2]);
                        break;
                    case Op::ROT_THREE: {
                        Value top = POP();
                        Value second = POP();
                        Value third = POP();
                        PUSH(std::move(top));
                        PUSH(std::move(third));
                        PUSH(std::move(second));
                        break;
                    }
                    case Op::ROT_FOUR: {
                        Value a = POP(), b = POP(), c = POP(), d = POP();
                        PUSH(std::move(a));
                        PUSH(std::move(d));
                        PUSH(std::move(c));
                        PUSH(std::move(b));
                        break;
                    }
                    case Op::DUP_TOP: {
                        Value v = TOP();
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::DUP_TOP_TWO: {
                        Value a = sp[-2], b = sp[-1];
                        PUSH(std::move(a));
                        PUSH(std::move(b));
                        break;
                    }
                    case Op::LOAD_CONST:
                        PUSH(consts[arg]);
                        break;
                    case Op::LOAD_FAST: {
                        const Value& v = slots[arg];
                        if (v.isNull()) {
                            throwPy(BT().UnboundLocalError,
                                    "cannot access local variable '" + f->code->varnames[arg] +
                                        "' where it is not associated with a value");
                        }
                        PUSH(v);
                        break;
                    }
                    case Op::STORE_FAST:
                        slots[arg] = POP();
                        break;
                    case Op::DELETE_FAST:
                        if (slots[arg].isNull()) {
                            throwPy(BT().UnboundLocalError,
                                    "cannot access local variable '" + f->code->varnames[arg] +
                                        "' where it is not associated with a value");
                        }
                        slots[arg] = Value();
                        break;
                    case Op::LOAD_DEREF:
                    case Op::LOAD_CLASSDEREF: {
                        CodeObject* co = f->code;
                        std::size_t nl = static_cast<std::size_t>(co->nlocals());
                        if (op == Op::LOAD_CLASSDEREF && f->locals) {
                            std::size_t idx = arg;
                            const std::string& nm = idx < co->cellvars.size()
                                                        ? co->cellvars[idx]
                                                        : co->freevars[idx - co->cellvars.size()];
                            Value v = f->locals.as<DictObject>()->getStr(nm);
                            if (v) {
                                PUSH(std::move(v));
                                break;
                            }
                        }
                        Value& cell = slots[nl + arg];
                        const Value& v = cell.as<CellObject>()->contents();
                        if (v.isNull()) {
                            std::size_t idx = arg;
                            bool isCell = idx < co->cellvars.size();
                            const std::string& nm = isCell
                                                        ? co->cellvars[idx]
                                                        : co->freevars[idx - co->cellvars.size()];
                            if (isCell) {
                                throwPy(BT().UnboundLocalError,
                                        "cannot access local variable '" + nm +
                                            "' where it is not associated with a value");
                            }
                            throwPy(
                                BT().NameError,
                                "cannot access free variable '" + nm +
                                    "' where it is not associated with a value in enclosing scope");
                        }
                        PUSH(v);
                        break;
                    }
                    case Op::STORE_DEREF: {
                        std::size_t nl = static_cast<std::size_t>(f->code->nlocals());
                        slots[nl + arg].as<CellObject>()->contents() = POP();
                        break;
                    }
                    case Op::DELETE_DEREF: {
                        std::size_t nl = static_cast<std::size_t>(f->code->nlocals());
                        slots[nl + arg].as<CellObject>()->contents() = Value();
                        break;
                    }
                    case Op::LOAD_CLOSURE: {
                        std::size_t nl = static_cast<std::size_t>(f->code->nlocals());
                        PUSH(slots[nl + arg]);
                        break;
                    }
                    case Op::LOAD_GLOBAL: {
                        GlobalCache& c = f->code->globalCaches[arg];
                        DictObject* g = f->globals;
                        DictObject* b = f->builtins;
                        if (c.globals == g && c.globalsVersion == g->keysVersion() &&
                            (!c.inBuiltins || c.builtinsVersion == b->keysVersion())) {
                            if (m_globalWatcher && !c.inBuiltins) [[unlikely]] {
                                SYNC();
                                m_globalWatcher->onLoad(*this, g, names[arg], g->valueAt(c.index));
                            }
                            PUSH(c.inBuiltins ? b->valueAt(c.index) : g->valueAt(c.index));
                            break;
                        }
                        const auto* name = names[arg].as<StrObject>();
                        int64_t ix = g->findStr(name);
                        if (ix >= 0) {
                            c = {g->keysVersion(), b->keysVersion(), g, ix, false};
                            if (m_globalWatcher) [[unlikely]] {
                                SYNC();
                                m_globalWatcher->onLoad(*this, g, names[arg], g->valueAt(ix));
                            }
                            PUSH(g->valueAt(ix));
                            break;
                        }
                        ix = b->findStr(name);
                        if (ix >= 0) {
                            c = {g->keysVersion(), b->keysVersion(), g, ix, true};
                            PUSH(b->valueAt(ix));
                            break;
                        }
                        throwPy(BT().NameError, "name '" + name->str() + "' is not defined");
                    }
                    case Op::STORE_GLOBAL:
                        if (m_globalWatcher) [[unlikely]] {
                            SYNC();
                            m_globalWatcher->onStore(*this, f->globals, names[arg], TOP());
                        }
                        f->globals->setStr(names[arg], POP());
                        break;
                    case Op::DELETE_GLOBAL:
                        if (!f->globals->removeStr(names[arg].as<StrObject>()->view())) {
                            throwPy(BT().NameError,
                                    "name '" + strOfValue(names[arg]) + "' is not defined");
                        }
                        break;
                    case Op::LOAD_NAME: {
                        const auto* name = names[arg].as<StrObject>();
                        Value v;
                        if (f->locals) v = f->locals.as<DictObject>()->getStr(name);
                        if (!v) {
                            v = f->globals->getStr(name);
                            if (v && m_globalWatcher) [[unlikely]] {
                                SYNC();
                                m_globalWatcher->onLoad(*this, f->globals, names[arg], v);
                            }
                        }
                        if (!v) v = f->builtins->getStr(name);
                        if (!v)
                            throwPy(BT().NameError, "name '" + name->str() + "' is not defined");
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::STORE_NAME:
                        if (f->locals) {
                            f->locals.as<DictObject>()->setStr(names[arg], POP());
                        } else {
                            if (m_globalWatcher) [[unlikely]] {
                                SYNC();
                                m_globalWatcher->onStore(*this, f->globals, names[arg], TOP());
                            }
                            f->globals->setStr(names[arg], POP());
                        }
                        break;
                    case Op::DELETE_NAME: {
                        DictObject* d = f->locals ? f->locals.as<DictObject>() : f->globals;
                        if (!d->removeStr(names[arg].as<StrObject>()->view())) {
                            throwPy(BT().NameError,
                                    "name '" + strOfValue(names[arg]) + "' is not defined");
                        }
                        break;
                    }
                    case Op::LOAD_ATTR: {
                        SYNC();
                        Value obj = POP();
                        Value v = getAttr(*this, obj, names[arg]);
                        AFTER_NESTED();
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::STORE_ATTR: {
                        SYNC();
                        Value obj = POP();
                        Value v = POP();
                        setAttr(*this, obj, names[arg], std::move(v));
                        AFTER_NESTED();
                        break;
                    }
                    case Op::DELETE_ATTR: {
                        SYNC();
                        Value obj = POP();
                        delAttr(*this, obj, names[arg]);
                        AFTER_NESTED();
                        break;
                    }
                    case Op::LOAD_METHOD: {
                        {
                            const Value& top = TOP();
                            ObjKind k = top.isPtr() ? top.kind() : ObjKind::BigInt;
                            if (top.isPtr() &&
                                (k == ObjKind::List || k == ObjKind::Dict || k == ObjKind::Str ||
                                 k == ObjKind::Set || k == ObjKind::Tuple)) {
                                auto& mc = f->code->methodCaches[arg];
                                const TypeObject* tp = top.obj()->type();
                                if (mc.type == tp) {
                                    Value self = POP();
                                    PUSH(mc.method);
                                    PUSH(std::move(self));
                                    break;
                                }
                                Value m = tp->lookup(names[arg].as<StrObject>());
                                if (m.isKind(ObjKind::NativeFunction) &&
                                    m.as<NativeFunctionObject>()->isMethod()) {
                                    mc.type = tp;
                                    mc.method = m;
                                    Value self = POP();
                                    PUSH(std::move(m));
                                    PUSH(std::move(self));
                                    break;
                                }
                            }
                        }
                        SYNC();
                        Value obj = POP();
                        Value self;
                        Value m = lookupMethod(*this, obj, names[arg], &self);
                        AFTER_NESTED();
                        PUSH(std::move(m));
                        PUSH(std::move(self));
                        break;
                    }
                    case Op::BINARY_SUBSCR: {
                        Value key = POP();
                        Value obj = POP();
                        if (obj.isKind(ObjKind::List) && key.isSmallInt()) {
                            auto& items = obj.as<ListObject>()->items();
                            int64_t i = key.smallInt();
                            if (i < 0) i += static_cast<int64_t>(items.size());
                            if (i >= 0 && i < static_cast<int64_t>(items.size())) {
                                PUSH(items[static_cast<std::size_t>(i)]);
                                break;
                            }
                        }
                        SYNC();
                        Value v = getItem(*this, obj, key);
                        AFTER_NESTED();
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::STORE_SUBSCR: {
                        Value key = POP();
                        Value obj = POP();
                        Value v = POP();
                        if (obj.isKind(ObjKind::List) && key.isSmallInt()) {
                            auto& items = obj.as<ListObject>()->items();
                            int64_t i = key.smallInt();
                            if (i < 0) i += static_cast<int64_t>(items.size());
                            if (i >= 0 && i < static_cast<int64_t>(items.size())) {
                                items[static_cast<std::size_t>(i)] = std::move(v);
                                break;
                            }
                        }
                        SYNC();
                        setItem(*this, obj, key, std::move(v));
                        AFTER_NESTED();
                        break;
                    }
                    case Op::DELETE_SUBSCR: {
                        SYNC();
                        Value key = POP();
                        Value obj = POP();
                        delItem(*this, obj, key);
                        AFTER_NESTED();
                        break;
                    }
                    case Op::BINARY_OP: {
                        Value& a = sp[-2];
                        const Value& b = sp[-1];
                        uint32_t bop = arg & (kInplace - 1);
                        if (a.isSmallInt() && b.isSmallInt()) {
                            int64_t x = a.smallInt(), y = b.smallInt(), r = 0;
                            bool done = false;
                            switch (static_cast<BinOp>(bop)) {
                                case BinOp::Add:
                                    done = !__builtin_add_overflow(x, y, &r);
                                    break;
                                case BinOp::Sub:
                                    done = !__builtin_sub_overflow(x, y, &r);
                                    break;
                                case BinOp::Mul:
                                    done = !__builtin_mul_overflow(x, y, &r);
                                    break;
                                case BinOp::And:
                                    r = x & y;
                                    done = true;
                                    break;
                                case BinOp::Or:
                                    r = x | y;
                                    done = true;
                                    break;
                                case BinOp::Xor:
                                    r = x ^ y;
                                    done = true;
                                    break;
                                case BinOp::FloorDiv:
                                    if (y > 0) {
                                        r = x / y;
                                        if ((x % y != 0) && (x < 0)) --r;
                                        done = true;
                                    }
                                    break;
                                case BinOp::Mod:
                                    if (y > 0) {
                                        r = x % y;
                                        if (r < 0) r += y;
                                        done = true;
                                    }
                                    break;
                                default:
                                    break;
                            }
                            if (done && Value::fitsSmall(r)) {
                                // CPython's ints have 30-bit digits: beyond one digit the result
                                // takes the slower multi-digit path.
                                if (r >= (int64_t{1} << 30) || r <= -(int64_t{1} << 30))
                                    consumed += m_interp.costs().multiDigitIntPs;
                                --sp;
                                *sp = Value();
                                a = Value::smallInt(r);
                                break;
                            }
                        } else if (a.isKind(ObjKind::Float) && b.isKind(ObjKind::Float)) {
                            double x = floatOf(a), y = floatOf(b);
                            bool done = true;
                            double r = 0;
                            switch (static_cast<BinOp>(bop)) {
                                case BinOp::Add:
                                    r = x + y;
                                    break;
                                case BinOp::Sub:
                                    r = x - y;
                                    break;
                                case BinOp::Mul:
                                    r = x * y;
                                    break;
                                case BinOp::TrueDiv:
                                    if (y == 0.0)
                                        done = false;
                                    else
                                        r = x / y;
                                    break;
                                default:
                                    done = false;
                                    break;
                            }
                            if (done) {
                                --sp;
                                *sp = Value();
                                a = makeFloat(r);
                                break;
                            }
                        }
                        SYNC();
                        Value bb = POP();
                        Value aa = POP();
                        Value r =
                            binaryOp(*this, aa, bb, static_cast<BinOp>(bop), (arg & kInplace) != 0);
                        AFTER_NESTED();
                        PUSH(std::move(r));
                        break;
                    }
                    case Op::UNARY_NEGATIVE: {
                        if (TOP().isSmallInt() && TOP().smallInt() != Value::kSmallMin) {
                            TOP() = Value::smallInt(-TOP().smallInt());
                            break;
                        }
                        SYNC();
                        Value v = POP();
                        Value r = unaryNegative(*this, v);
                        AFTER_NESTED();
                        PUSH(std::move(r));
                        break;
                    }
                    case Op::UNARY_POSITIVE: {
                        SYNC();
                        Value v = POP();
                        Value r = unaryPositive(*this, v);
                        AFTER_NESTED();
                        PUSH(std::move(r));
                        break;
                    }
                    case Op::UNARY_INVERT: {
                        SYNC();
                        Value v = POP();
                        Value r = unaryInvert(*this, v);
                        AFTER_NESTED();
                        PUSH(std::move(r));
                        break;
                    }
                    case Op::UNARY_NOT: {
                        Value v = POP();
                        bool b;
                        if (v.isBool()) {
                            b = v.isTrue();
                        } else {
                            SYNC();
                            b = truthy(*this, v);
                            f = &m_frames.back();
                            consumed = std::max(
                                consumed,
                                m_consumedPs);  // nested runs (properties, dunders) cost too
                        }
                        PUSH(Value::boolean(!b));
                        break;
                    }
                    case Op::COMPARE_OP: {
                        const Value& a = sp[-2];
                        const Value& b = sp[-1];
                        if (a.isSmallInt() && b.isSmallInt()) {
                            bool r = compareAs(a.smallInt(), b.smallInt(), static_cast<CmpOp>(arg));
                            --sp;
                            *sp = Value();
                            sp[-1] = Value::boolean(r);
                            break;
                        }
                        SYNC();
                        Value bb = POP();
                        Value aa = POP();
                        Value r = richCompare(*this, aa, bb, static_cast<CmpOp>(arg));
                        AFTER_NESTED();
                        PUSH(std::move(r));
                        break;
                    }
                    case Op::COMPARE_AND_BRANCH: {
                        const Value& a = sp[-2];
                        const Value& b = sp[-1];
                        uint32_t cmp = arg & 7;
                        bool want = (arg & 8) != 0;
                        uint32_t target = arg >> 4;
                        bool r;
                        if (a.isSmallInt() && b.isSmallInt()) {
                            r = compareAs(a.smallInt(), b.smallInt(), static_cast<CmpOp>(cmp));
                            sp -= 2;
                            sp[0] = Value();
                            sp[1] = Value();
                        } else if (a.isKind(ObjKind::Float) && b.isKind(ObjKind::Float)) {
                            r = compareAs(floatOf(a), floatOf(b), static_cast<CmpOp>(cmp));
                            sp -= 2;
                            sp[0] = Value();
                            sp[1] = Value();
                        } else {
                            SYNC();
                            Value bb = POP();
                            Value aa = POP();
                            Value res = richCompare(*this, aa, bb, static_cast<CmpOp>(cmp));
                            r = res.isBool() ? res.isTrue() : truthy(*this, res);
                            f = &m_frames.back();
                            consumed = std::max(
                                consumed,
                                m_consumedPs);  // nested runs (properties, dunders) cost too
                        }
                        if (r == want) {
                            bool backward = target < pc;
                            pc = target;
                            if (backward) CHECKPOINT();
                        }
                        break;
                    }
                    case Op::IS_OP: {
                        Value b = POP();
                        Value a = POP();
                        PUSH(Value::boolean(a.is(b) != (arg != 0)));
                        break;
                    }
                    case Op::CONTAINS_OP: {
                        SYNC();
                        Value container = POP();
                        Value item = POP();
                        bool r = contains(*this, container, item);
                        AFTER_NESTED();
                        PUSH(Value::boolean(r != (arg != 0)));
                        break;
                    }
                    case Op::JUMP_FORWARD:
                        pc = arg;
                        break;
                    case Op::JUMP_BACKWARD:
                        pc = arg;
                        CHECKPOINT();
                        break;
                    case Op::POP_JUMP_IF_FALSE:
                    case Op::POP_JUMP_IF_TRUE: {
                        Value v = POP();
                        bool b;
                        if (v.isBool()) {
                            b = v.isTrue();
                        } else if (v.isSmallInt()) {
                            b = v.smallInt() != 0;
                        } else if (v.isNone()) {
                            b = false;
                        } else {
                            SYNC();
                            b = truthy(*this, v);
                            f = &m_frames.back();
                            consumed = std::max(
                                consumed,
                                m_consumedPs);  // nested runs (properties, dunders) cost too
                        }
                        if (b == (op == Op::POP_JUMP_IF_TRUE)) {
                            bool backward = arg < pc;
                            pc = arg;
                            if (backward) CHECKPOINT();
                        }
                        break;
                    }
                    case Op::JUMP_IF_FALSE_OR_POP:
                    case Op::JUMP_IF_TRUE_OR_POP: {
                        SYNC();
                        bool b = truthy(*this, TOP());
                        AFTER_NESTED();
                        if (b == (op == Op::JUMP_IF_TRUE_OR_POP)) {
                            pc = arg;
                        } else {
                            *--sp = Value();
                        }
                        break;
                    }
                    case Op::GET_ITER: {
                        Value& top = TOP();
                        if (top.isKind(ObjKind::Iterator) || top.isKind(ObjKind::Generator)) break;
                        SYNC();
                        Value v = POP();
                        Value it = getIter(*this, v);
                        AFTER_NESTED();
                        PUSH(std::move(it));
                        break;
                    }
                    case Op::FOR_ITER: {
                        Value& it = TOP();
                        if (it.isKind(ObjKind::Iterator)) {
                            SYNC();
                            Value v = it.as<IteratorObject>()->next(*this);
                            f = &m_frames.back();
                            consumed = std::max(
                                consumed,
                                m_consumedPs);  // nested runs (properties, dunders) cost too
                            if (v) {
                                PUSH(std::move(v));
                            } else {
                                *--sp = Value();
                                pc = arg;
                            }
                            break;
                        }
                        if (it.isKind(ObjKind::Generator)) {
                            SYNC();
                            Value gen = it;
                            if (!resumeGenerator(gen, Value::none(), static_cast<int32_t>(arg),
                                                 false)) {
                                f = &m_frames.back();
                                consumed = std::max(
                                    consumed,
                                    m_consumedPs);  // nested runs (properties, dunders) cost too
                                *--sp = Value();
                                pc = arg;
                                break;
                            }
                            RELOAD();
                            break;
                        }
                        // A user iterator: __next__ may be Python (pushed, resumable) or native.
                        SYNC();
                        Value nextFn = lookupSpecial(it, specialName(&SpecialNames::next));
                        if (!nextFn) typeError("'" + typeName(it) + "' object is not an iterator");
                        Value self = it;
                        Value bound = make<BoundMethodObject>(self, nextFn);
                        Value result;
                        bool cp = false;
                        CallOutcome o;
                        try {
                            o = invoke(bound, nullptr, 0, nullptr, static_cast<int32_t>(arg), false,
                                       &result, &cp);
                        } catch (PyException& e) {
                            if (!isStopIteration(e.exception)) throw;
                            RELOAD();
                            *--sp = Value();
                            pc = arg;
                            break;
                        }
                        // A __next__ that yields goes on (the loop's next step is the stop).
                        CALL_TAIL(o, result, cp, false);
                    }
                    case Op::BUILD_TUPLE: {
                        std::vector<Value> items(arg);
                        for (uint32_t i = arg; i > 0; --i) items[i - 1] = POP();
                        PUSH(makeTuple(std::move(items)));
                        consumed += m_interp.costs().allocPs;
                        break;
                    }
                    case Op::BUILD_LIST: {
                        std::vector<Value> items(arg);
                        for (uint32_t i = arg; i > 0; --i) items[i - 1] = POP();
                        PUSH(makeList(std::move(items)));
                        consumed += m_interp.costs().allocPs;
                        break;
                    }
                    case Op::BUILD_SET: {
                        SYNC();
                        Value s = makeSet();
                        Value* base = sp - arg;
                        for (uint32_t i = 0; i < arg; ++i) s.as<SetObject>()->add(*this, base[i]);
                        for (uint32_t i = 0; i < arg; ++i) *--sp = Value();
                        AFTER_NESTED();
                        PUSH(std::move(s));
                        consumed += m_interp.costs().allocPs;
                        break;
                    }
                    case Op::BUILD_CONST_SET: {
                        SYNC();
                        // CPython builds the frozenset constant, then rebuilds it in its own
                        // iteration order when merging constants, then SET_UPDATEs an empty set
                        // from it.
                        Value tmp = makeSet();
                        for (const auto& x : consts[arg].as<TupleObject>()->items())
                            tmp.as<SetObject>()->add(*this, x);
                        Value tmp2 = makeSet();
                        for (const auto& slot : tmp.as<SetObject>()->slots()) {
                            if (!slot.key.isNull())
                                tmp2.as<SetObject>()->add(*this, slot.key, slot.hash);
                        }
                        Value s = makeSet();
                        s.as<SetObject>()->merge(*this, *tmp2.as<SetObject>());
                        PUSH(std::move(s));
                        break;
                    }
                    case Op::BUILD_MAP: {
                        SYNC();
                        Value d = makeDict();
                        Value* base = sp - 2 * arg;
                        for (uint32_t i = 0; i < arg; ++i)
                            d.as<DictObject>()->set(*this, base[2 * i], base[2 * i + 1]);
                        for (uint32_t i = 0; i < 2 * arg; ++i) *--sp = Value();
                        AFTER_NESTED();
                        PUSH(std::move(d));
                        consumed += m_interp.costs().allocPs;
                        break;
                    }
                    case Op::BUILD_STRING: {
                        std::string out;
                        int64_t len = 0;
                        Value* base = sp - arg;
                        for (uint32_t i = 0; i < arg; ++i) {
                            out += strOfValue(base[i]);
                            len += base[i].as<StrObject>()->length();
                        }
                        for (uint32_t i = 0; i < arg; ++i) *--sp = Value();
                        PUSH(make<StrObject>(std::move(out), len));
                        break;
                    }
                    case Op::BUILD_SLICE: {
                        Value step = arg == 3 ? POP() : Value::none();
                        Value stop = POP();
                        Value start = POP();
                        PUSH(make<SliceObject>(std::move(start), std::move(stop), std::move(step)));
                        break;
                    }
                    case Op::LIST_APPEND: {
                        Value v = POP();
                        sp[-static_cast<int>(arg)].as<ListObject>()->items().push_back(
                            std::move(v));
                        break;
                    }
                    case Op::SET_ADD: {
                        SYNC();
                        Value v = POP();
                        sp[-static_cast<int>(arg)].as<SetObject>()->add(*this, v);
                        AFTER_NESTED();
                        break;
                    }
                    case Op::MAP_ADD: {
                        SYNC();
                        Value v = POP();
                        Value k = POP();
                        sp[-static_cast<int>(arg)].as<DictObject>()->set(*this, k, std::move(v));
                        AFTER_NESTED();
                        break;
                    }
                    case Op::LIST_EXTEND: {
                        SYNC();
                        Value iterable = POP();
                        std::vector<Value> items = toVector(*this, iterable);
                        AFTER_NESTED();
                        auto& dst = sp[-static_cast<int>(arg)].as<ListObject>()->items();
                        dst.insert(dst.end(), items.begin(), items.end());
                        break;
                    }
                    case Op::SET_UPDATE: {
                        SYNC();
                        Value iterable = POP();
                        sp[-static_cast<int>(arg)].as<SetObject>()->update(*this, iterable);
                        AFTER_NESTED();
                        break;
                    }
                    case Op::DICT_UPDATE: {
                        SYNC();
                        Value other = POP();
                        dictUpdateFrom(*this, sp[-static_cast<int>(arg)].as<DictObject>(), other);
                        AFTER_NESTED();
                        break;
                    }
                    case Op::DICT_MERGE: {
                        SYNC();
                        Value other = POP();
                        auto* d = sp[-static_cast<int>(arg)].as<DictObject>();
                        if (!other.isKind(ObjKind::Dict)) {
                            if (!getAttrOrNull(*this, other, internStr("keys"))) {
                                typeError("argument after ** must be a mapping, not " +
                                          typeName(other));
                            }
                        }
                        Value tmp = makeDict();
                        dictUpdateFrom(*this, tmp.as<DictObject>(), other);
                        for (const auto& e : tmp.as<DictObject>()->entries()) {
                            if (e.key.isNull()) continue;
                            if (!isStr(e.key)) typeError("keywords must be strings");
                            if (d->find(*this, e.key, e.hash) >= 0) {
                                Value callee = sp[-static_cast<int>(arg) - 3];
                                std::string fname =
                                    callee.isKind(ObjKind::Function)
                                        ? strOfValue(callee.as<FunctionObject>()->m_qualname) + "()"
                                        : typeName(callee) + "()";
                                typeError(fname + " got multiple values for keyword argument '" +
                                          strOfValue(e.key) + "'");
                            }
                            d->set(*this, e.key, e.hash, e.value);
                        }
                        AFTER_NESTED();
                        break;
                    }
                    case Op::LIST_TO_TUPLE: {
                        Value l = POP();
                        PUSH(makeTuple(std::move(l.as<ListObject>()->items())));
                        break;
                    }
                    case Op::UNPACK_SEQUENCE: {
                        Value seq = POP();
                        if ((seq.isKind(ObjKind::Tuple) || seq.isKind(ObjKind::List))) {
                            const auto& items = seq.isKind(ObjKind::Tuple)
                                                    ? seq.as<TupleObject>()->items()
                                                    : seq.as<ListObject>()->items();
                            if (items.size() == arg) {
                                for (uint32_t i = arg; i > 0; --i) PUSH(items[i - 1]);
                                break;
                            }
                        }
                        SYNC();
                        if (!seq.isKind(ObjKind::Tuple) && !seq.isKind(ObjKind::List)) {
                            bool iterable = seq.isPtr() && seq.kind() != ObjKind::BigInt &&
                                            seq.kind() != ObjKind::Float &&
                                            seq.kind() != ObjKind::Function &&
                                            seq.kind() != ObjKind::NativeFunction;
                            if (isInstanceLike(seq))
                                iterable = lookupSpecial(seq, specialName(&SpecialNames::iter)) ||
                                           lookupSpecial(seq, specialName(&SpecialNames::getitem));
                            if (!iterable)
                                typeError("cannot unpack non-iterable " + typeName(seq) +
                                          " object");
                        }
                        std::vector<Value> items;
                        Value it = getIter(*this, seq);
                        while (Value x = iterNext(*this, it)) {
                            items.push_back(std::move(x));
                            if (items.size() > arg) break;
                        }
                        AFTER_NESTED();
                        if (items.size() < arg) {
                            valueError("not enough values to unpack (expected " +
                                       std::to_string(arg) + ", got " +
                                       std::to_string(items.size()) + ")");
                        }
                        if (items.size() > arg) {
                            valueError("too many values to unpack (expected " +
                                       std::to_string(arg) + ")");
                        }
                        for (uint32_t i = arg; i > 0; --i) PUSH(std::move(items[i - 1]));
                        break;
                    }
                    case Op::UNPACK_EX: {
                        uint32_t before = arg & 0xFF, after = arg >> 8;
                        SYNC();
                        Value seq = POP();
                        if (!seq.isPtr() || seq.kind() == ObjKind::Float ||
                            seq.kind() == ObjKind::BigInt) {
                            typeError("cannot unpack non-iterable " + typeName(seq) + " object");
                        }
                        std::vector<Value> items = toVector(*this, seq);
                        AFTER_NESTED();
                        if (items.size() < before + after) {
                            valueError("not enough values to unpack (expected at least " +
                                       std::to_string(before + after) + ", got " +
                                       std::to_string(items.size()) + ")");
                        }
                        std::size_t midEnd = items.size() - after;
                        for (std::size_t i = items.size(); i > midEnd; --i) PUSH(items[i - 1]);
                        PUSH(makeList(std::vector<Value>(
                            items.begin() + before,
                            items.begin() + static_cast<std::ptrdiff_t>(midEnd))));
                        for (std::size_t i = before; i > 0; --i) PUSH(items[i - 1]);
                        break;
                    }
                    case Op::FORMAT_VALUE: {
                        SYNC();
                        Value spec = (arg & kFmtHasSpec) ? POP() : Value();
                        Value v = POP();
                        uint32_t conv = arg & 3;
                        if (conv == 1)
                            v = strValue(*this, v);
                        else if (conv == 2 || conv == 3)
                            v = reprValue(*this, v);
                        Value out;
                        consumed +=
                            m_interp.costs().formatPs * (v.isKind(ObjKind::Float) ? 5 : 1);  // dtoa
                        m_consumedPs = consumed;
                        if (spec && !strOfValue(spec).empty())
                            out = makeStr(formatValue(*this, v, strOfValue(spec)));
                        else if (isStr(v))
                            out = v;
                        else
                            out = makeStr(formatValue(*this, v, ""));
                        AFTER_NESTED();
                        PUSH(std::move(out));
                        break;
                    }
                    case Op::PUSH_NULL:
                        PUSH(Value());
                        break;
                    case Op::KW_NAMES:
                        m_kwNames = consts[arg].as<TupleObject>();
                        break;
                    case Op::CALL: {
                        const TupleObject* kw = m_kwNames;
                        m_kwNames = nullptr;
                        Value* args = sp - arg;
                        Value& selfOrNull = args[-1];
                        Value* start = selfOrNull.isNull() ? args : args - 1;
                        std::size_t n = selfOrNull.isNull() ? arg : arg + 1;
                        Value* callableSlot = args - 2;
                        // Fast path: a plain Python function called with exactly its positional
                        // parameters. The arguments move straight into the new frame.
                        if (!kw && callableSlot->isKind(ObjKind::Function)) {
                            auto* fn = callableSlot->as<FunctionObject>();
                            CodeObject* co = fn->code();
                            if (co->simpleArgs() && static_cast<std::size_t>(co->argcount) == n &&
                                static_cast<int>(m_frames.size()) + m_recursion <
                                    m_interp.recursionLimit()) {
                                auto size = static_cast<std::size_t>(co->frameSize());
                                Value* newSlots = allocSlots(size);
                                for (std::size_t i = 0; i < n; ++i)
                                    newSlots[i] = std::move(start[i]);
                                if (fn->m_closure) {
                                    const auto& cells = fn->m_closure.as<TupleObject>()->items();
                                    std::size_t nl = static_cast<std::size_t>(co->nlocals());
                                    for (std::size_t i = 0; i < cells.size(); ++i)
                                        newSlots[nl + i] = cells[i];
                                }
                                f->pc = pc;
                                Value func = std::move(*callableSlot);
                                for (Value* p = callableSlot; p < sp; ++p) *p = Value();
                                f->sp = callableSlot;
                                m_consumedPs = consumed + m_interp.costs().pythonCallPs;
                                Frame& nf = m_frames.emplace_back();
                                nf.func = std::move(func);
                                nf.code = co;
                                nf.globals = fn->globals();
                                nf.builtins = fn->builtins();
                                nf.slots = newSlots;
                                nf.sp = nf.stackBase();
                                RELOAD();
                                break;
                            }
                        }
                        Value callable = *callableSlot;
                        SYNC();
                        Value result;
                        bool cp = false;
                        CallOutcome o = invoke(callable, start, n, kw, -1, false, &result, &cp);
                        // Clear the callable and arguments (moved-from or consumed).
                        Frame& caller =
                            m_frames[m_frames.size() - (o == CallOutcome::Pushed ? 2 : 1)];
                        for (Value* p = callableSlot; p < sp; ++p) *p = Value();
                        caller.sp = callableSlot;
                        sp = callableSlot;  // a pushed frame reloads sp
                        CALL_TAIL(o, result, cp, true);
                    }
                    case Op::CALL_FUNCTION_EX: {
                        SYNC();
                        Value kwargs = (arg & 1) ? POP() : Value();
                        Value posargs = POP();
                        Value selfOrNull = POP();
                        Value callable = POP();
                        f->sp = sp;
                        std::vector<Value> all;
                        if (selfOrNull) all.push_back(selfOrNull);
                        for (const auto& x : posargs.as<TupleObject>()->items()) all.push_back(x);
                        Value kwNamesTuple;
                        if (kwargs) {
                            std::vector<Value> knames;
                            for (const auto& e : kwargs.as<DictObject>()->entries()) {
                                if (e.key.isNull()) continue;
                                knames.push_back(e.key);
                                all.push_back(e.value);
                            }
                            if (!knames.empty()) kwNamesTuple = makeTuple(std::move(knames));
                        }
                        Value result;
                        bool cp = false;
                        CallOutcome o =
                            invoke(callable, all.data(), all.size(),
                                   kwNamesTuple ? kwNamesTuple.as<TupleObject>() : nullptr, -1,
                                   false, &result, &cp);
                        CALL_TAIL(o, result, cp, true);
                    }
                    case Op::MAKE_FUNCTION: {
                        Value codeV = POP();
                        Value closure = (arg & kFnClosure) ? POP() : Value();
                        Value kwdefaults = (arg & kFnKwDefaults) ? POP() : Value();
                        Value defaults = (arg & kFnDefaults) ? POP() : Value();
                        auto* fn = new FunctionObject(codeV, Value(f->globals), Value(f->builtins));
                        Value fv(fn);
                        fn->m_defaults = std::move(defaults);
                        fn->m_kwdefaults = std::move(kwdefaults);
                        fn->m_closure = std::move(closure);
                        fn->m_name = makeStr(codeV.as<CodeObject>()->name);
                        fn->m_qualname = makeStr(codeV.as<CodeObject>()->qualname);
                        Value modName = f->globals->getStr("__name__");
                        fn->m_module = modName ? modName : Value::none();
                        PUSH(std::move(fv));
                        consumed += m_interp.costs().allocPs;
                        break;
                    }
                    case Op::BUILD_CLASS: {
                        SYNC();
                        Value bases = POP();
                        Value name = POP();
                        Value func = POP();
                        f->sp = sp;
                        Value cls = buildClass(func, name, bases);
                        RELOAD();
                        PUSH(std::move(cls));
                        break;
                    }
                    case Op::RETURN_VALUE: {
                        if (f->returnKind == ReturnKind::Normal && !f->gen && !f->stopAfter &&
                            m_frames.size() > baseDepth + 1) {
                            // Plain Python-to-Python return.
                            Value ret = POP();
                            m_consumedPs = consumed;
                            popFrame();
                            RELOAD();
                            PUSH(std::move(ret));
                            break;
                        }
                        Value ret = POP();
                        SYNC();
                        ReturnKind rk = f->returnKind;
                        bool stopAfter = f->stopAfter;
                        int32_t forIter = f->forIterTarget;
                        GeneratorObject* gen = f->gen;
                        Value extra = std::move(f->extra);
                        if (gen) {
                            gen->m_state = GeneratorObject::State::Finished;
                            for (std::size_t i = 0; i < gen->nslots(); ++i)
                                gen->slots()[i] = Value();
                        }
                        Value genRef = f->genRef;
                        popFrame();
                        if (rk == ReturnKind::Init) {
                            if (!ret.isNone()) {
                                if (!m_frames.empty()) RELOAD();
                                typeError("__init__() should return None, not '" + typeName(ret) +
                                          "'");
                            }
                            ret = extra;
                        }
                        if (stopAfter || m_frames.size() <= baseDepth) {
                            m_nestedResult = std::move(ret);
                            if (m_frames.size() <= baseDepth && !nested) {
                                finishWith(ThreadOutcome::Returned, std::move(m_nestedResult));
                                return Stop::Finished;
                            }
                            return Stop::NestedDone;
                        }
                        RELOAD();
                        if (gen) {
                            if (forIter >= 0) {
                                *--sp = Value();  // drop the exhausted generator
                                pc = static_cast<uint32_t>(forIter);
                            }
                            break;
                        }
                        if (rk != ReturnKind::Discard) PUSH(std::move(ret));
                        break;
                    }
                    case Op::YIELD_VALUE: {
                        Value v = POP();
                        SYNC();
                        GeneratorObject* gen = f->gen;
                        bool stopAfter = f->stopAfter;
                        gen->m_pc = pc;
                        gen->m_stackDepth = static_cast<uint32_t>(sp - f->stackBase());
                        gen->m_state = GeneratorObject::State::Suspended;
                        m_frames.pop_back();
                        if (stopAfter || m_frames.size() <= baseDepth) {
                            m_nestedResult = std::move(v);
                            return Stop::NestedDone;
                        }
                        RELOAD();
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::RAISE_VARARGS: {
                        SYNC();
                        if (arg == 0) {
                            if (!m_handled)
                                throwPy(BT().RuntimeError, "No active exception to reraise");
                            raiseInFrame(m_handled, true);
                            goto handle_pending;
                        }
                        Value cause = arg == 2 ? POP() : Value();
                        Value exc = POP();
                        f->sp = sp;
                        Value inst = instantiateException(*this, exc);
                        if (arg == 2) {
                            auto* e = inst.as<ExceptionObject>();
                            if (cause.isNone()) {
                                e->m_cause = Value();
                            } else {
                                e->m_cause = instantiateException(*this, cause);
                            }
                            e->m_suppressContext = true;
                        }
                        AFTER_NESTED();
                        throwPyValue(inst);
                    }
                    case Op::PUSH_EXC_INFO: {
                        Value exc = POP();
                        PUSH(m_handled ? m_handled : Value::none());
                        m_handled = exc;
                        PUSH(std::move(exc));
                        break;
                    }
                    case Op::POP_EXCEPT: {
                        Value prev = POP();
                        m_handled = prev.isNone() ? Value() : prev;
                        break;
                    }
                    case Op::CHECK_EXC_MATCH: {
                        SYNC();
                        Value cls = POP();
                        checkExceptionClass(*this, cls);
                        bool match = isInstance(*this, TOP(), cls);
                        PUSH(Value::boolean(match));
                        break;
                    }
                    case Op::RERAISE: {
                        Value exc = POP();
                        SYNC();
                        raiseInFrame(exc, true);
                        goto handle_pending;
                    }
                    case Op::POP_EXCEPT_RERAISE: {
                        Value exc = POP();
                        Value prev = POP();
                        m_handled = prev.isNone() ? Value() : prev;
                        SYNC();
                        raiseInFrame(exc, true);
                        goto handle_pending;
                    }
                    case Op::BEFORE_WITH: {
                        SYNC();
                        Value mgr = POP();
                        Value enter = lookupSpecial(mgr, specialName(&SpecialNames::enter));
                        Value exit = lookupSpecial(mgr, specialName(&SpecialNames::exit));
                        if (!enter || !exit) {
                            typeError("'" + typeName(mgr) +
                                      "' object does not support the context manager protocol");
                        }
                        PUSH(make<BoundMethodObject>(mgr, exit));
                        f->sp = sp;
                        Value bound = make<BoundMethodObject>(mgr, enter);
                        Value result;
                        bool cp = false;
                        CallOutcome o = invoke(bound, nullptr, 0, nullptr, -1, false, &result, &cp);
                        CALL_TAIL(o, result, cp, true);
                    }
                    case Op::WITH_EXIT:
                    case Op::WITH_EXCEPT_START: {
                        SYNC();
                        Value exitFn;
                        Value args[3];
                        if (op == Op::WITH_EXIT) {
                            exitFn = POP();
                            args[0] = Value::none();
                            args[1] = Value::none();
                            args[2] = Value::none();
                        } else {
                            const Value& exc = sp[-1];
                            exitFn = sp[-3];
                            args[0] = Value(typeOf(exc));
                            args[1] = exc;
                            args[2] = Value::none();
                        }
                        f->sp = sp;
                        Value result;
                        bool cp = false;
                        CallOutcome o = invoke(exitFn, args, 3, nullptr, -1, false, &result, &cp);
                        CALL_TAIL(o, result, cp, true);
                    }
                    case Op::IMPORT_NAME: {
                        SYNC();
                        const std::string& full = strOfValue(names[arg >> 1]);
                        bool top = arg & 1;
                        m_consumedPs = consumed;
                        Value result;
                        std::size_t dot = 0;
                        Value first;
                        for (;;) {
                            std::size_t next = full.find('.', dot);
                            std::string prefix = full.substr(0, next);
                            // A module already imported costs a dict lookup; a first import its own
                            // time.
                            consumed += m_interp.sysModules().as<DictObject>()->getStr(prefix)
                                            ? m_interp.costs().importCachedPs
                                            : m_interp.costs().importPsOf(prefix);
                            m_consumedPs = consumed;
                            Value mod = m_interp.importModule(this, prefix);
                            if (!mod)
                                throwPy(BT().ModuleNotFoundError,
                                        "No module named '" + prefix + "'");
                            if (!first) first = mod;
                            result = mod;
                            if (next == std::string::npos) break;
                            dot = next + 1;
                        }
                        AFTER_NESTED();
                        PUSH(top ? first : result);
                        break;
                    }
                    case Op::IMPORT_FROM: {
                        SYNC();
                        const Value& mod = TOP();
                        Value v = getAttrOrNull(*this, mod, names[arg]);
                        if (!v) {
                            std::string modName =
                                mod.isKind(ObjKind::Module) ? mod.as<ModuleObject>()->name() : "?";
                            throwPy(BT().ImportError, "cannot import name '" +
                                                          strOfValue(names[arg]) + "' from '" +
                                                          modName + "' (unknown location)");
                        }
                        AFTER_NESTED();
                        PUSH(std::move(v));
                        break;
                    }
                    case Op::IMPORT_STAR: {
                        SYNC();
                        Value mod = POP();
                        if (!mod.isKind(ObjKind::Module)) typeError("import * needs a module");
                        auto* md = mod.as<ModuleObject>()->dict();
                        Value all = md->getStr("__all__");
                        if (all) {
                            for (const Value& n : toVector(*this, all)) {
                                Value v = md->getStr(n.as<StrObject>());
                                if (v) f->globals->setStr(n, v);
                            }
                        } else {
                            auto entries = md->entries();
                            for (const auto& e : entries) {
                                if (e.key.isNull() || strOfValue(e.key).empty() ||
                                    strOfValue(e.key)[0] == '_')
                                    continue;
                                f->globals->setStr(e.key, e.value);
                            }
                        }
                        break;
                    }
                    case Op::LOAD_ASSERTION_ERROR:
                        PUSH(Value(BT().AssertionError));
                        break;
                }
            }
        } catch (PyException& e) {
            if (m_frames.size() <= baseDepth) {
                if (nested) throw;
                finishWith(typeOf(e.exception)->isSubtypeOf(BT().SystemExit)
                               ? ThreadOutcome::Exited
                               : ThreadOutcome::Raised,
                           e.exception);
                return Stop::Finished;
            }
            f = &m_frames.back();
            consumed =
                std::max(consumed, m_consumedPs);  // nested runs (properties, dunders) cost too
            f->pc = pc;
            f->sp = sp;
            m_consumedPs = consumed;
            raiseInFrame(std::move(e.exception), false);
        } catch (std::bad_alloc&) {
            f = &m_frames.back();
            consumed =
                std::max(consumed, m_consumedPs);  // nested runs (properties, dunders) cost too
            f->pc = pc;
            f->sp = sp;
            m_consumedPs = consumed;
            raiseInFrame(makeException(BT().MemoryError, std::vector<Value>{}), false);
        }
    handle_pending:
        if (!unwind(baseDepth)) {
            Value exc = std::move(m_pending);
            if (nested) throw PyException{exc};
            finishWith(typeOf(exc)->isSubtypeOf(BT().SystemExit) ? ThreadOutcome::Exited
                                                                 : ThreadOutcome::Raised,
                       exc);
            return Stop::Finished;
        }
        RELOAD();
    }
}

}  // namespace taskscope::core::lang
