// The abstract layer (CPython's Objects/abstract.c): the number protocol (arithmetic
// dispatch, conversions), the sequence and mapping protocols (subscripting, membership,
// length), iteration, calls and isinstance/issubclass.
#include <array>
#include <cmath>
#include <string_view>

#include "core/lang/internal.h"
#include "core/lang/operations.h"
#include "core/util/enum_names.h"

namespace taskscope::core::lang {

// ---- arithmetic ---------------------------------------------------------------------------
namespace {

// Names in BinOp's order.
const char* opSymbol(BinOp op) {
    static constexpr std::array<std::string_view, 13> kSymbols{
        "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
    return enumName<BinOp::MatMul>(kSymbols, op).data();
}

const char* opDunder(BinOp op) {
    static constexpr std::array<std::string_view, 13> kDunders{
        "add",    "sub",    "mul", "truediv", "floordiv", "mod",   "pow",
        "lshift", "rshift", "and", "or",      "xor",      "matmul"};
    return enumName<BinOp::MatMul>(kDunders, op).data();
}

double floatMod(double x, double y) {
    double mod = std::fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return mod;
}

Value floatPow(double x, double y) {
    if (x == 0.0 && y < 0)
        throwPy(BT().ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0 && y != std::floor(y) && std::isfinite(y)) {
        throwPy(BT().ValueError,
                "complex numbers are not supported by Taskscope yet (negative number to a "
                "fractional power)");
    }
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        throwPy(BT().OverflowError, "(34, 'Numerical result out of range')");
    return makeFloat(r);
}

Value floatOp(double x, double y, BinOp op) {
    switch (op) {
        case BinOp::Add:
            return makeFloat(x + y);
        case BinOp::Sub:
            return makeFloat(x - y);
        case BinOp::Mul:
            return makeFloat(x * y);
        case BinOp::TrueDiv:
            if (y == 0.0) throwPy(BT().ZeroDivisionError, "float division by zero");
            return makeFloat(x / y);
        case BinOp::FloorDiv: {
            if (y == 0.0) throwPy(BT().ZeroDivisionError, "float floor division by zero");
            double mod = std::fmod(x, y);
            double div = (x - mod) / y;
            if (mod != 0.0 && ((y < 0) != (mod < 0))) div -= 1.0;
            double floordiv;
            if (div != 0.0) {
                floordiv = std::floor(div);
                if (div - floordiv > 0.5) floordiv += 1.0;
            } else {
                floordiv = std::copysign(0.0, x / y);
            }
            return makeFloat(floordiv);
        }
        case BinOp::Mod:
            if (y == 0.0) throwPy(BT().ZeroDivisionError, "float modulo");
            return makeFloat(floatMod(x, y));
        case BinOp::Pow:
            return floatPow(x, y);
        default:
            return Value();
    }
}

Value repeatSequence(VmThread& t, const Value& seq, const Value& count) {
    int64_t n = toIndex(t, count);
    if (n < 0) n = 0;
    if (isStr(seq)) {
        const std::string& s = strOfValue(seq);
        if (n > 0 && s.size() * static_cast<std::size_t>(n) > (std::size_t(1) << 31))
            throwPy(BT().MemoryError, "");
        std::string out;
        out.reserve(s.size() * static_cast<std::size_t>(n));
        for (int64_t i = 0; i < n; ++i) out += s;
        return make<StrObject>(std::move(out), seq.as<StrObject>()->length() * n);
    }
    const std::vector<Value>& items =
        seq.isKind(ObjKind::List) ? seq.as<ListObject>()->items() : seq.as<TupleObject>()->items();
    if (n > 0 && items.size() * static_cast<std::size_t>(n) > (std::size_t(1) << 28))
        throwPy(BT().MemoryError, "");
    std::vector<Value> out;
    out.reserve(items.size() * static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
    return seq.isKind(ObjKind::List) ? makeList(std::move(out)) : makeTuple(std::move(out));
}

bool isSeqForRepeat(const Value& v) {
    return isStr(v) || v.isKind(ObjKind::List) || v.isKind(ObjKind::Tuple);
}

Value setOp(VmThread& t, const Value& a, const Value& b, BinOp op, bool inplace) {
    const auto* x = a.as<SetObject>();
    const auto* y = b.as<SetObject>();
    bool frozen = x->frozen();
    Value result;
    if (inplace && !frozen) {
        result = a;
    } else {
        result = frozen ? makeFrozenSet() : makeSet();
    }
    auto* r = result.as<SetObject>();
    switch (op) {
        case BinOp::Or:
            if (!result.is(a)) r->merge(t, *x);
            r->merge(t, *y);
            return result;
        case BinOp::And: {
            if (result.is(a)) {
                Value tmp = makeSet();
                auto* ts = tmp.as<SetObject>();
                const SetObject* small = x->size() <= y->size() ? x : y;
                const SetObject* large = small == x ? y : x;
                for (const auto& s : small->slots()) {
                    if (!s.key.isNull() && large->contains(t, s.key, s.hash))
                        ts->add(t, s.key, s.hash);
                }
                r->clear();
                r->merge(t, *ts);
                return result;
            }
            const SetObject* small = x->size() <= y->size() ? x : y;
            const SetObject* large = small == x ? y : x;
            if (y->size() > x->size()) {
                small = x;
                large = y;
            } else {
                small = y;
                large = x;
            }
            for (const auto& s : small->slots()) {
                if (!s.key.isNull() && large->contains(t, s.key, s.hash)) r->add(t, s.key, s.hash);
            }
            return result;
        }
        case BinOp::Sub: {
            if (result.is(a)) {
                std::vector<Value> remove;
                for (const auto& s : y->slots()) {
                    if (!s.key.isNull()) remove.push_back(s.key);
                }
                for (const auto& k : remove) r->discard(t, k);
                return result;
            }
            if ((x->size() >> 2) > y->size()) {
                r->merge(t, *x);
                for (const auto& s : y->slots()) {
                    if (!s.key.isNull()) r->discard(t, s.key);
                }
                return result;
            }
            for (const auto& s : x->slots()) {
                if (!s.key.isNull() && !y->contains(t, s.key, s.hash)) r->add(t, s.key, s.hash);
            }
            return result;
        }
        case BinOp::Xor: {
            Value tmp = makeSet();
            auto* ts = tmp.as<SetObject>();
            ts->merge(t, *x);
            for (const auto& s : y->slots()) {
                if (s.key.isNull()) continue;
                if (!ts->discard(t, s.key)) ts->add(t, s.key, s.hash);
            }
            if (result.is(a)) {
                r->clear();
            }
            r->merge(t, *ts);
            return result;
        }
        default:
            return Value();
    }
}

}  // namespace

Value binaryOp(VmThread& t, const Value& a, const Value& b, BinOp op, bool inplace) {
    bool ai = isInt(a), bi = isInt(b);
    if (ai && bi) {
        switch (op) {
            case BinOp::Add:
                return intAdd(a, b);
            case BinOp::Sub:
                return intSub(a, b);
            case BinOp::Mul:
                return intMul(a, b);
            case BinOp::TrueDiv:
                return intTrueDiv(a, b);
            case BinOp::FloorDiv:
                return intFloorDiv(a, b);
            case BinOp::Mod:
                return intMod(a, b);
            case BinOp::Pow:
                if (intSign(b) < 0) {
                    if (intSign(a) == 0)
                        throwPy(BT().ZeroDivisionError, "0.0 cannot be raised to a negative power");
                    return floatPow(intToDouble(a), intToDouble(b));
                }
                return intPow(a, b);
            case BinOp::LShift:
                return intLShift(a, b);
            case BinOp::RShift:
                return intRShift(a, b);
            case BinOp::And:
                if (a.isBool() && b.isBool()) return Value::boolean(a.isTrue() && b.isTrue());
                return intAnd(a, b);
            case BinOp::Or:
                if (a.isBool() && b.isBool()) return Value::boolean(a.isTrue() || b.isTrue());
                return intOr(a, b);
            case BinOp::Xor:
                if (a.isBool() && b.isBool()) return Value::boolean(a.isTrue() != b.isTrue());
                return intXor(a, b);
            case BinOp::MatMul:
                break;
        }
    }
    bool af = isFloat(a), bf = isFloat(b);
    if ((af || ai) && (bf || bi) && (af || bf)) {
        double x = af ? floatOf(a) : intToDouble(a);
        double y = bf ? floatOf(b) : intToDouble(b);
        Value r = floatOp(x, y, op);
        if (r) return r;
    }
    if (a.isPtr() && b.isPtr() && a.kind() == b.kind()) {
        switch (a.kind()) {
            case ObjKind::Str:
                if (op == BinOp::Add) {
                    const auto* x = a.as<StrObject>();
                    const auto* y = b.as<StrObject>();
                    // A new string object; a non-in-place concatenation also copies both (~16
                    // bytes/ns).
                    t.addCostPs(
                        t.interp().costs().allocPs +
                        (inplace ? 0
                                 : static_cast<int64_t>(x->str().size() + y->str().size()) * 60));
                    return make<StrObject>(x->str() + y->str(), x->length() + y->length());
                }
                break;
            case ObjKind::List:
                if (op == BinOp::Add) {
                    if (inplace) {
                        std::vector<Value> extra = b.as<ListObject>()->items();
                        auto& items = a.as<ListObject>()->items();
                        items.insert(items.end(), extra.begin(), extra.end());
                        return a;
                    }
                    std::vector<Value> items = a.as<ListObject>()->items();
                    const auto& other = b.as<ListObject>()->items();
                    items.insert(items.end(), other.begin(), other.end());
                    return makeList(std::move(items));
                }
                break;
            case ObjKind::Tuple:
                if (op == BinOp::Add) {
                    std::vector<Value> items = a.as<TupleObject>()->items();
                    const auto& other = b.as<TupleObject>()->items();
                    items.insert(items.end(), other.begin(), other.end());
                    return makeTuple(std::move(items));
                }
                break;
            case ObjKind::Dict:
                if (op == BinOp::Or) {
                    Value result = inplace ? a : makeDict();
                    auto* r = result.as<DictObject>();
                    if (!inplace) {
                        for (const auto& e : a.as<DictObject>()->entries()) {
                            if (!e.key.isNull()) r->set(t, e.key, e.hash, e.value);
                        }
                    }
                    auto entries = b.as<DictObject>()->entries();
                    for (const auto& e : entries) {
                        if (!e.key.isNull()) r->set(t, e.key, e.hash, e.value);
                    }
                    return result;
                }
                break;
            default:
                break;
        }
    }
    bool aSet = a.isKind(ObjKind::Set) || a.isKind(ObjKind::FrozenSet);
    bool bSet = b.isKind(ObjKind::Set) || b.isKind(ObjKind::FrozenSet);
    if (aSet && bSet &&
        (op == BinOp::Or || op == BinOp::And || op == BinOp::Sub || op == BinOp::Xor)) {
        return setOp(t, a, b, op, inplace);
    }
    if (op == BinOp::Add && inplace && a.isKind(ObjKind::List) && !isInstanceLike(b)) {
        std::vector<Value> extra = toVector(t, b);
        auto& items = a.as<ListObject>()->items();
        items.insert(items.end(), extra.begin(), extra.end());
        return a;
    }
    if (op == BinOp::Mul) {
        if (isSeqForRepeat(a) && (bi || isInstanceLike(b))) {
            if (bi) return repeatSequence(t, a, b);
        }
        if (isSeqForRepeat(b) && ai) return repeatSequence(t, b, a);
    }
    if (op == BinOp::Mod && isStr(a)) {
        int64_t n = b.isKind(ObjKind::Tuple) ? b.as<TupleObject>()->size() : 1;
        t.addCostPs(t.interp().costs().formatPs * (n + 1));
        return makeStr(percentFormat(t, strOfValue(a), b));
    }
    if (a.isKind(ObjKind::DictView) || b.isKind(ObjKind::DictView)) {
        if ((op == BinOp::And || op == BinOp::Or || op == BinOp::Sub || op == BinOp::Xor)) {
            Value sa = makeSet(), sb = makeSet();
            sa.as<SetObject>()->update(t, a);
            sb.as<SetObject>()->update(t, b);
            return setOp(t, sa, sb, op, false);
        }
    }
    // User-defined operators.
    std::string name = opDunder(op);
    if (isInstanceLike(a)) {
        if (inplace) {
            Value fn = lookupSpecial(a, "__i" + name + "__");
            if (fn) {
                Value r = callSpecial(t, a, "__i" + name + "__", {b});
                if (!r.is(notImplemented())) return r;
            }
        }
        Value fn = lookupSpecial(a, "__" + name + "__");
        if (fn) {
            Value r = callSpecial(t, a, "__" + name + "__", {b});
            if (!r.is(notImplemented())) return r;
        }
    }
    if (isInstanceLike(b)) {
        Value fn = lookupSpecial(b, "__r" + name + "__");
        if (fn) {
            Value r = callSpecial(t, b, "__r" + name + "__", {a});
            if (!r.is(notImplemented())) return r;
        }
    }
    if (op == BinOp::Add && isStr(a))
        typeError("can only concatenate str (not \"" + typeName(b) + "\") to str");
    if (op == BinOp::Add && a.isKind(ObjKind::List))
        typeError("can only concatenate list (not \"" + typeName(b) + "\") to list");
    if (op == BinOp::Add && a.isKind(ObjKind::Tuple))
        typeError("can only concatenate tuple (not \"" + typeName(b) + "\") to tuple");
    if (op == BinOp::Mul && (isSeqForRepeat(a) || isSeqForRepeat(b))) {
        typeError("can't multiply sequence by non-int of type '" +
                  typeName(isSeqForRepeat(a) ? b : a) + "'");
    }
    std::string sym = opSymbol(op);
    if (op == BinOp::Pow && !inplace) sym = "** or pow()";
    if (inplace) sym += "=";
    typeError("unsupported operand type(s) for " + sym + ": '" + typeName(a) + "' and '" +
              typeName(b) + "'");
}

Value unaryNegative(VmThread& t, const Value& v) {
    if (isInt(v)) return intNeg(v);
    if (isFloat(v)) return makeFloat(-floatOf(v));
    if (isInstanceLike(v)) {
        Value r = callSpecial(t, v, "__neg__", {});
        if (r) return r;
    }
    typeError("bad operand type for unary -: '" + typeName(v) + "'");
}

Value unaryPositive(VmThread& t, const Value& v) {
    if (isInt(v)) return v.isBool() ? Value::smallInt(v.isTrue() ? 1 : 0) : v;
    if (isFloat(v)) return v;
    if (isInstanceLike(v)) {
        Value r = callSpecial(t, v, "__pos__", {});
        if (r) return r;
    }
    typeError("bad operand type for unary +: '" + typeName(v) + "'");
}

Value unaryInvert(VmThread& t, const Value& v) {
    if (isInt(v)) return intInvert(v);
    if (isInstanceLike(v)) {
        Value r = callSpecial(t, v, "__invert__", {});
        if (r) return r;
    }
    typeError("bad operand type for unary ~: '" + typeName(v) + "'");
}

// ---- conversions ---------------------------------------------------------------------------
int64_t toIndex(VmThread& t, const Value& v) {
    if (v.isSmallInt()) return v.smallInt();
    if (v.isBool()) return v.isTrue() ? 1 : 0;
    if (v.isKind(ObjKind::BigInt)) {
        auto x = intToInt64(v);
        if (!x) throwPy(BT().IndexError, "cannot fit 'int' into an index-sized integer");
        return *x;
    }
    if (isInstanceLike(v)) {
        Value r = callSpecial(t, v, "__index__", {});
        if (r && isInt(r)) return toIndex(t, r);
    }
    typeError("'" + typeName(v) + "' object cannot be interpreted as an integer");
}

double toDouble(VmThread& t, const Value& v) {
    if (isFloat(v)) return floatOf(v);
    if (isInt(v)) return intToDouble(v);
    if (isInstanceLike(v)) {
        Value r = callSpecial(t, v, "__float__", {});
        if (r && isFloat(r)) return floatOf(r);
    }
    typeError("must be real number, not " + typeName(v));
}

bool isNumber(const Value& v) {
    return isInt(v) || isFloat(v);
}

void sliceIndices(VmThread& t, const Value& slice, int64_t length, int64_t* start, int64_t* stop,
                  int64_t* step, int64_t* count) {
    const auto* s = slice.as<SliceObject>();
    auto idx = [&](const Value& v) -> int64_t {
        if (isInt(v) && !v.isSmallInt() && !v.isBool())
            return intSign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        if (!isInt(v) && !isInstanceLike(v))
            typeError("slice indices must be integers or None or have an __index__ method");
        return toIndex(t, v);
    };
    int64_t st = s->step().isNone() ? 1 : idx(s->step());
    if (st == 0) valueError("slice step cannot be zero");
    int64_t lo, hi;
    if (s->start().isNone()) {
        lo = st < 0 ? length - 1 : 0;
    } else {
        lo = idx(s->start());
        if (lo < 0) {
            lo += length;
            if (lo < 0) lo = st < 0 ? -1 : 0;
        } else if (lo >= length) {
            lo = st < 0 ? length - 1 : length;
        }
    }
    if (s->stop().isNone()) {
        hi = st < 0 ? -1 : length;
    } else {
        hi = idx(s->stop());
        if (hi < 0) {
            hi += length;
            if (hi < 0) hi = st < 0 ? -1 : 0;
        } else if (hi >= length) {
            hi = st < 0 ? length - 1 : length;
        }
    }
    int64_t n = 0;
    if (st < 0) {
        if (hi < lo) n = (lo - hi - 1) / (-st) + 1;
    } else if (lo < hi) {
        n = (hi - lo - 1) / st + 1;
    }
    *start = lo;
    *stop = hi;
    *step = st;
    *count = n;
}

// ---- containers ------------------------------------------------------------------------------
namespace {

int64_t normalizeIndex(VmThread& t, const Value& key, int64_t length, const char* what) {
    if (!isInt(key) && !isInstanceLike(key)) {
        typeError(std::string(what) + " indices must be integers or slices, not " + typeName(key));
    }
    int64_t i;
    if (key.isKind(ObjKind::BigInt)) {
        auto small = intToInt64(key);
        if (!small) throwPy(BT().IndexError, "cannot fit 'int' into an index-sized integer");
        i = *small;
    } else {
        i = toIndex(t, key);
    }
    if (i < 0) i += length;
    if (i < 0 || i >= length) throwPy(BT().IndexError, std::string(what) + " index out of range");
    return i;
}

}  // namespace

Value getItem(VmThread& t, const Value& obj, const Value& key) {
    if (!obj.isPtr()) {
        typeError("'" + typeName(obj) + "' object is not subscriptable");
    }
    switch (obj.kind()) {
        case ObjKind::List: {
            auto& items = obj.as<ListObject>()->items();
            if (key.isKind(ObjKind::Slice)) {
                int64_t start, stop, step, n;
                sliceIndices(t, key, static_cast<int64_t>(items.size()), &start, &stop, &step, &n);
                std::vector<Value> out;
                out.reserve(static_cast<std::size_t>(n));
                for (int64_t i = 0, j = start; i < n; ++i, j += step)
                    out.push_back(items[static_cast<std::size_t>(j)]);
                return makeList(std::move(out));
            }
            return items[static_cast<std::size_t>(
                normalizeIndex(t, key, static_cast<int64_t>(items.size()), "list"))];
        }
        case ObjKind::Tuple: {
            const auto& items = obj.as<TupleObject>()->items();
            if (key.isKind(ObjKind::Slice)) {
                int64_t start, stop, step, n;
                sliceIndices(t, key, static_cast<int64_t>(items.size()), &start, &stop, &step, &n);
                std::vector<Value> out;
                for (int64_t i = 0, j = start; i < n; ++i, j += step)
                    out.push_back(items[static_cast<std::size_t>(j)]);
                return makeTuple(std::move(out));
            }
            return items[static_cast<std::size_t>(
                normalizeIndex(t, key, static_cast<int64_t>(items.size()), "tuple"))];
        }
        case ObjKind::Str: {
            const auto* s = obj.as<StrObject>();
            if (key.isKind(ObjKind::Slice)) {
                int64_t start, stop, step, n;
                sliceIndices(t, key, s->length(), &start, &stop, &step, &n);
                if (step == 1) return make<StrObject>(s->substr(start, start + n), n);
                std::string out;
                for (int64_t i = 0, j = start; i < n; ++i, j += step)
                    appendUtf8(out, s->codePointAt(j));
                return make<StrObject>(std::move(out), n);
            }
            int64_t i = normalizeIndex(t, key, s->length(), "string");
            return make<StrObject>(s->substr(i, i + 1), 1);
        }
        case ObjKind::Dict: {
            Value v = obj.as<DictObject>()->get(t, key);
            if (v.isNull()) throwPyValue(makeException(BT().KeyError, std::vector<Value>{key}));
            return v;
        }
        case ObjKind::Range: {
            const auto* r = obj.as<RangeObject>();
            if (key.isKind(ObjKind::Slice)) {
                int64_t start, stop, step, n;
                sliceIndices(t, key, r->length(), &start, &stop, &step, &n);
                int64_t newStart = r->at(start);
                int64_t newStep = r->step() * step;
                return make<RangeObject>(newStart, newStart + n * newStep, newStep);
            }
            if (!isInt(key) && !isInstanceLike(key))
                typeError("range indices must be integers or slices, not " + typeName(key));
            int64_t i = toIndex(t, key);
            int64_t len = r->length();
            if (i < 0) i += len;
            if (i < 0 || i >= len) throwPy(BT().IndexError, "range object index out of range");
            return intFrom(r->at(i));
        }
        case ObjKind::Instance:
        case ObjKind::Exception: {
            Value r = callSpecial(t, obj, "__getitem__", {key});
            if (r) return r;
            break;
        }
        case ObjKind::Type:
            // list[int] and friends (type hints) evaluate to the class itself here.
            if (obj.as<TypeObject>()->m_builtin) return obj;
            {
                Value r = getAttrOrNull(t, obj, internStr("__class_getitem__"));
                if (r) return t.call(r, {key});
            }
            break;
        default:
            break;
    }
    typeError("'" + typeName(obj) + "' object is not subscriptable");
}

void setItem(VmThread& t, const Value& obj, const Value& key, Value value) {
    if (obj.isPtr()) {
        switch (obj.kind()) {
            case ObjKind::List: {
                auto& items = obj.as<ListObject>()->items();
                if (key.isKind(ObjKind::Slice)) {
                    std::vector<Value> src = toVector(t, value);
                    int64_t start, stop, step, n;
                    sliceIndices(t, key, static_cast<int64_t>(items.size()), &start, &stop, &step,
                                 &n);
                    if (step == 1) {
                        if (stop < start) stop = start;
                        items.erase(items.begin() + start, items.begin() + stop);
                        items.insert(items.begin() + start, src.begin(), src.end());
                        return;
                    }
                    if (static_cast<int64_t>(src.size()) != n) {
                        valueError("attempt to assign sequence of size " +
                                   std::to_string(src.size()) + " to extended slice of size " +
                                   std::to_string(n));
                    }
                    for (int64_t i = 0, j = start; i < n; ++i, j += step)
                        items[static_cast<std::size_t>(j)] = src[static_cast<std::size_t>(i)];
                    return;
                }
                if (!isInt(key) && !isInstanceLike(key))
                    typeError("list indices must be integers or slices, not " + typeName(key));
                int64_t i = toIndex(t, key);
                if (i < 0) i += static_cast<int64_t>(items.size());
                if (i < 0 || i >= static_cast<int64_t>(items.size()))
                    throwPy(BT().IndexError, "list assignment index out of range");
                items[static_cast<std::size_t>(i)] = std::move(value);
                return;
            }
            case ObjKind::Dict:
                obj.as<DictObject>()->set(t, key, std::move(value));
                return;
            case ObjKind::Instance:
            case ObjKind::Exception: {
                Value r = callSpecial(t, obj, "__setitem__", {key, value});
                if (r) return;
                break;
            }
            default:
                break;
        }
    }
    typeError("'" + typeName(obj) + "' object does not support item assignment");
}

void delItem(VmThread& t, const Value& obj, const Value& key) {
    if (obj.isPtr()) {
        switch (obj.kind()) {
            case ObjKind::List: {
                auto& items = obj.as<ListObject>()->items();
                if (key.isKind(ObjKind::Slice)) {
                    int64_t start, stop, step, n;
                    sliceIndices(t, key, static_cast<int64_t>(items.size()), &start, &stop, &step,
                                 &n);
                    std::vector<bool> drop(items.size(), false);
                    for (int64_t i = 0, j = start; i < n; ++i, j += step)
                        drop[static_cast<std::size_t>(j)] = true;
                    std::vector<Value> kept;
                    for (std::size_t i = 0; i < items.size(); ++i) {
                        if (!drop[i]) kept.push_back(items[i]);
                    }
                    items.swap(kept);
                    return;
                }
                int64_t i = normalizeIndex(t, key, static_cast<int64_t>(items.size()), "list");
                items.erase(items.begin() + i);
                return;
            }
            case ObjKind::Dict:
                if (!obj.as<DictObject>()->remove(t, key))
                    throwPyValue(makeException(BT().KeyError, std::vector<Value>{key}));
                return;
            case ObjKind::Instance:
            case ObjKind::Exception: {
                Value r = callSpecial(t, obj, "__delitem__", {key});
                if (r) return;
                break;
            }
            default:
                break;
        }
    }
    typeError("'" + typeName(obj) + "' object doesn't support item deletion");
}

bool contains(VmThread& t, const Value& container, const Value& item) {
    if (container.isPtr()) {
        switch (container.kind()) {
            case ObjKind::Str:
                if (!isStr(item))
                    typeError("'in <string>' requires string as left operand, not " +
                              typeName(item));
                return strOfValue(container).find(strOfValue(item)) != std::string::npos;
            case ObjKind::List: {
                // A linear scan: every element compared costs (the O(n) of `in` on a list).
                const auto& items = container.as<ListObject>()->items();
                for (std::size_t i = 0; i < items.size(); ++i) {
                    t.addCostPs(t.interp().costs().perItemPs * 3 / 4);
                    Value x = items[i];
                    if (x.is(item) || equals(t, x, item)) return true;
                }
                return false;
            }
            case ObjKind::Tuple:
                for (const auto& x : container.as<TupleObject>()->items()) {
                    t.addCostPs(t.interp().costs().perItemPs * 3 / 4);
                    if (x.is(item) || equals(t, x, item)) return true;
                }
                return false;
            case ObjKind::Dict:
                return container.as<DictObject>()->find(t, item) >= 0;
            case ObjKind::Set:
            case ObjKind::FrozenSet:
                return container.as<SetObject>()->contains(t, item);
            case ObjKind::Range: {
                const auto* r = container.as<RangeObject>();
                if (isInt(item)) {
                    auto v = intToInt64(item);
                    if (!v) return false;
                    int64_t x = *v;
                    if (r->step() > 0 ? (x < r->start() || x >= r->stop())
                                      : (x > r->start() || x <= r->stop()))
                        return false;
                    return (x - r->start()) % r->step() == 0;
                }
                break;
            }
            case ObjKind::DictView: {
                const auto* dv = container.as<DictViewObject>();
                const auto* d = dv->dict().as<DictObject>();
                if (dv->which() == 0) return d->find(t, item) >= 0;
                break;
            }
            case ObjKind::Instance:
            case ObjKind::Exception: {
                Value r = callSpecial(t, container, "__contains__", {item});
                if (r) return truthy(t, r);
                break;
            }
            default:
                break;
        }
    }
    Value it = getIter(t, container);
    while (Value x = iterNext(t, it)) {
        if (x.is(item) || equals(t, x, item)) return true;
    }
    return false;
}

int64_t length(VmThread& t, const Value& v) {
    if (v.isPtr()) {
        switch (v.kind()) {
            case ObjKind::Str:
                return v.as<StrObject>()->length();
            case ObjKind::List:
                return v.as<ListObject>()->size();
            case ObjKind::Tuple:
                return v.as<TupleObject>()->size();
            case ObjKind::Dict:
                return v.as<DictObject>()->size();
            case ObjKind::Set:
            case ObjKind::FrozenSet:
                return v.as<SetObject>()->size();
            case ObjKind::Range:
                return v.as<RangeObject>()->length();
            case ObjKind::DictView:
                return v.as<DictViewObject>()->dict().as<DictObject>()->size();
            case ObjKind::Instance:
            case ObjKind::Exception: {
                Value r = callSpecial(t, v, "__len__", {});
                if (r) {
                    if (!isInt(r))
                        typeError("'" + typeName(r) +
                                  "' object cannot be interpreted as an integer");
                    int64_t n = toIndex(t, r);
                    if (n < 0) valueError("__len__() should return >= 0");
                    return n;
                }
                break;
            }
            default:
                break;
        }
    }
    typeError("object of type '" + typeName(v) + "' has no len()");
}

// ---- iteration ------------------------------------------------------------------------------
Value getIter(VmThread& t, const Value& v) {
    if (v.isPtr()) {
        switch (v.kind()) {
            case ObjKind::List:
            case ObjKind::Tuple:
            case ObjKind::Str:
            case ObjKind::Range:
            case ObjKind::Dict:
            case ObjKind::Set:
            case ObjKind::FrozenSet:
            case ObjKind::DictView:
                return makeSequenceIterator(v);
            case ObjKind::Iterator:
            case ObjKind::Generator:
                return v;
            case ObjKind::Instance:
            case ObjKind::Exception: {
                Value r = callSpecial(t, v, "__iter__", {});
                if (r) {
                    if (!isInstanceLike(r) && !r.isKind(ObjKind::Iterator) &&
                        !r.isKind(ObjKind::Generator)) {
                        typeError("iter() returned non-iterator of type '" + typeName(r) + "'");
                    }
                    return r;
                }
                if (lookupSpecial(v, "__getitem__")) return makeCallIterator(v, Value());
                break;
            }
            default:
                break;
        }
    }
    typeError("'" + typeName(v) + "' object is not iterable");
}

Value iterNext(VmThread& t, const Value& it) {
    if (it.isKind(ObjKind::Iterator)) return it.as<IteratorObject>()->next(t);
    if (it.isKind(ObjKind::Generator)) return t.generatorNext(it);
    if (isInstanceLike(it)) {
        Value fn = lookupSpecial(it, "__next__");
        if (!fn) typeError("'" + typeName(it) + "' object is not an iterator");
        try {
            return callSpecial(t, it, "__next__", {});
        } catch (PyException& e) {
            if (typeOf(e.exception)->isSubtypeOf(BT().StopIteration)) return Value();
            throw;
        }
    }
    typeError("'" + typeName(it) + "' object is not an iterator");
}

std::vector<Value> toVector(VmThread& t, const Value& iterable) {
    if (iterable.isKind(ObjKind::List)) return iterable.as<ListObject>()->items();
    if (iterable.isKind(ObjKind::Tuple)) return iterable.as<TupleObject>()->items();
    std::vector<Value> out;
    Value it = getIter(t, iterable);
    while (Value x = iterNext(t, it)) out.push_back(std::move(x));
    return out;
}

// ---- calls and types -------------------------------------------------------------------------
Value callValue(VmThread& t, const Value& callable, std::span<const Value> args) {
    return t.callNested(callable, args);
}

bool isInstance(VmThread& t, const Value& obj, const Value& cls) {
    if (cls.isKind(ObjKind::Tuple)) {
        for (const auto& c : cls.as<TupleObject>()->items()) {
            if (isInstance(t, obj, c)) return true;
        }
        return false;
    }
    if (!isTypeObj(cls))
        typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    return typeOf(obj)->isSubtypeOf(cls.as<TypeObject>());
}

bool isSubclass(VmThread& t, const Value& cls, const Value& target) {
    if (!isTypeObj(cls)) typeError("issubclass() arg 1 must be a class");
    if (target.isKind(ObjKind::Tuple)) {
        for (const auto& c : target.as<TupleObject>()->items()) {
            if (isSubclass(t, cls, c)) return true;
        }
        return false;
    }
    if (!isTypeObj(target))
        typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return cls.as<TypeObject>()->isSubtypeOf(target.as<TypeObject>());
}

}  // namespace taskscope::core::lang
