// The modules the language runtime implements itself: sys, math, random, gc.
#include <algorithm>
#include <cmath>

#include "core/lang/builtins_internal.h"
#include "core/lang/internal.h"

namespace taskscope::core::lang {

namespace {

void addFn(DictObject* d, const char* module, const char* name, NativeFn fn) {
    Value v = makeNative(name, fn);
    v.as<NativeFunctionObject>()->m_module = module;
    d->setStr(internStr(name), v);
}

// ---- sys
// -----------------------------------------------------------------------------------------
NativeResult sys_exit(NativeCall& c) {
    c.expectArgs(0, 1);
    std::vector<Value> args;
    if (c.argc() == 1) args.push_back(c.arg(0));
    return NativeResult::raise(makeException(BT().SystemExit, std::move(args)));
}
NativeResult sys_setswitchinterval(NativeCall& c) {
    c.expectArgs(1, 1);
    double v = toDouble(c.thread(), c.arg(0));
    if (v <= 0) valueError("switch interval must be strictly positive");
    c.interp().setSwitchInterval(v);
    return NativeResult::ret();
}
NativeResult sys_getswitchinterval(NativeCall& c) {
    return NativeResult::ret(makeFloat(c.interp().switchInterval()));
}
NativeResult sys_getrecursionlimit(NativeCall& c) {
    return NativeResult::ret(intFrom(c.interp().recursionLimit()));
}
NativeResult sys_setrecursionlimit(NativeCall& c) {
    c.expectArgs(1, 1);
    int64_t n = toIndex(c.thread(), c.arg(0));
    if (n < 1) valueError("recursion limit must be greater or equal than 1");
    // Deep recursion costs host stack in nested native calls; cap it.
    c.interp().setRecursionLimit(static_cast<int>(std::min<int64_t>(n, 20000)));
    return NativeResult::ret();
}
NativeResult sys_exc_info(NativeCall& c) {
    const Value& e = c.thread().handledException();
    if (!e) return NativeResult::ret(makeTuple({Value::none(), Value::none(), Value::none()}));
    return NativeResult::ret(makeTuple({Value(typeOf(e)), e, Value::none()}));
}
NativeResult sys_intern(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(internStr(strOfValue(c.arg(0))));
}

// ---- gc
// ----------------------------------------------------------------------------------------
NativeResult gc_collect(NativeCall& c) {
    c.allowKwargs({"generation"});
    c.expectArgs(0, 1);
    Value gen = c.argOr(0, "generation", Value::smallInt(2));
    int64_t g = toIndex(c.thread(), gen);
    if (g < 0 || g > 2) valueError("invalid generation");
    // One generation here: every collection is a full one. It costs no simulated time.
    return NativeResult::ret(intFrom(static_cast<int64_t>(c.interp().heap().collect())));
}
NativeResult gc_enable(NativeCall& c) {
    c.expectArgs(0, 0);
    c.interp().heap().setEnabled(true);
    return NativeResult::ret();
}
NativeResult gc_disable(NativeCall& c) {
    c.expectArgs(0, 0);
    c.interp().heap().setEnabled(false);
    return NativeResult::ret();
}
NativeResult gc_isenabled(NativeCall& c) {
    c.expectArgs(0, 0);
    return NativeResult::ret(Value::boolean(c.interp().heap().enabled()));
}

// ---- math
// ----------------------------------------------------------------------------------------
double D(NativeCall& c, std::size_t i) {
    return toDouble(c.thread(), c.arg(i));
}
[[noreturn]] void domain() {
    valueError("math domain error");
}
Value checked(double r, double x) {
    if (std::isnan(r) && !std::isnan(x)) domain();
    if (std::isinf(r) && std::isfinite(x)) throwPy(BT().OverflowError, "math range error");
    return makeFloat(r);
}

#define MATH1(name, expr)                           \
    NativeResult m_##name(NativeCall& c) {          \
        c.expectArgs(1, 1);                         \
        double x = D(c, 0);                         \
        return NativeResult::ret(checked(expr, x)); \
    }
MATH1(exp, std::exp(x))
MATH1(sin, std::sin(x))
MATH1(cos, std::cos(x))
MATH1(tan, std::tan(x))
MATH1(asin, (x < -1 || x > 1) ? (domain(), 0.0) : std::asin(x))
MATH1(acos, (x < -1 || x > 1) ? (domain(), 0.0) : std::acos(x))
MATH1(atan, std::atan(x))
MATH1(sinh, std::sinh(x))
MATH1(cosh, std::cosh(x))
MATH1(tanh, std::tanh(x))
MATH1(fabs, std::fabs(x))
MATH1(degrees, x * 180.0 / M_PI)
MATH1(radians, x* M_PI / 180.0)
MATH1(log2, x <= 0 ? (domain(), 0.0) : std::log2(x))
MATH1(log10, x <= 0 ? (domain(), 0.0) : std::log10(x))
MATH1(log1p, x <= -1 ? (domain(), 0.0) : std::log1p(x))
MATH1(expm1, std::expm1(x))
#undef MATH1

NativeResult m_sqrt(NativeCall& c) {
    c.expectArgs(1, 1);
    double x = D(c, 0);
    if (x < 0) domain();
    return NativeResult::ret(makeFloat(std::sqrt(x)));
}
NativeResult m_log(NativeCall& c) {
    c.expectArgs(1, 2);
    auto lg = [&](const Value& v) {
        if (isInt(v) && intSign(v) > 0 && v.isKind(ObjKind::BigInt)) {
            // Large ints: log via bit length to avoid overflow.
            int64_t bits = intBitLength(v);
            Value shifted = intRShift(v, intFrom(std::max<int64_t>(0, bits - 60)));
            return std::log(intToDouble(shifted)) +
                   static_cast<double>(std::max<int64_t>(0, bits - 60)) * std::log(2.0);
        }
        double x = toDouble(c.thread(), v);
        if (x <= 0) domain();
        return std::log(x);
    };
    double r = lg(c.arg(0));
    if (c.argc() == 2) {
        double b = lg(c.arg(1));
        if (b == 0) throwPy(BT().ZeroDivisionError, "float division by zero");
        r /= b;
    }
    return NativeResult::ret(makeFloat(r));
}
NativeResult m_pow(NativeCall& c) {
    c.expectArgs(2, 2);
    double x = D(c, 0), y = D(c, 1);
    if (x == 0 && y < 0) domain();
    if (x < 0 && y != std::floor(y)) domain();
    return NativeResult::ret(checked(std::pow(x, y), x + y));
}
NativeResult m_atan2(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(makeFloat(std::atan2(D(c, 0), D(c, 1))));
}
NativeResult m_hypot(NativeCall& c) {
    double acc = 0;
    for (std::size_t i = 0; i < c.argc(); ++i) acc = std::hypot(acc, D(c, i));
    return NativeResult::ret(makeFloat(acc));
}
NativeResult roundTo(NativeCall& c, double (*fn)(double), const char* dunder) {
    c.expectArgs(1, 1);
    const Value& v = c.arg(0);
    if (isInt(v)) return NativeResult::ret(intAdd(v, Value::smallInt(0)));
    if (isInstanceLike(v)) {
        if (Value r = callSpecial(c.thread(), v, dunder, {})) return NativeResult::ret(r);
    }
    return NativeResult::ret(intFromDouble(fn(toDouble(c.thread(), v))));
}
NativeResult m_floor(NativeCall& c) {
    return roundTo(
        c, [](double x) { return std::floor(x); }, "__floor__");
}
NativeResult m_ceil(NativeCall& c) {
    return roundTo(
        c, [](double x) { return std::ceil(x); }, "__ceil__");
}
NativeResult m_trunc(NativeCall& c) {
    return roundTo(
        c, [](double x) { return std::trunc(x); }, "__trunc__");
}
NativeResult m_factorial(NativeCall& c) {
    c.expectArgs(1, 1);
    if (isFloat(c.arg(0))) typeError("'float' object cannot be interpreted as an integer");
    int64_t n = toIndex(c.thread(), c.arg(0));
    if (n < 0) valueError("factorial() not defined for negative values");
    if (n > 100000)
        throwPy(BT().OverflowError, "factorial() argument should not exceed 100000 in Taskscope");
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, static_cast<unsigned long>(n));
    Value r = intFromMpz(z);
    mpz_clear(z);
    c.thread().addCostPs(n * 20000);
    return NativeResult::ret(r);
}
NativeResult m_gcd(NativeCall& c) {
    mpz_t acc, x;
    mpz_init(acc);
    mpz_init(x);
    for (std::size_t i = 0; i < c.argc(); ++i) {
        if (!isInt(c.arg(i))) {
            mpz_clear(acc);
            mpz_clear(x);
            typeError("'" + typeName(c.arg(i)) + "' object cannot be interpreted as an integer");
        }
        toMpz(c.arg(i), x);
        mpz_gcd(acc, acc, x);
    }
    Value r = intFromMpz(acc);
    mpz_clear(acc);
    mpz_clear(x);
    return NativeResult::ret(r);
}
NativeResult m_lcm(NativeCall& c) {
    mpz_t acc, x;
    mpz_init_set_ui(acc, 1);
    mpz_init(x);
    for (std::size_t i = 0; i < c.argc(); ++i) {
        toMpz(c.arg(i), x);
        mpz_lcm(acc, acc, x);
    }
    Value r = intFromMpz(acc);
    mpz_clear(acc);
    mpz_clear(x);
    return NativeResult::ret(r);
}
NativeResult m_isqrt(NativeCall& c) {
    c.expectArgs(1, 1);
    if (!isInt(c.arg(0)))
        typeError("'" + typeName(c.arg(0)) + "' object cannot be interpreted as an integer");
    if (intSign(c.arg(0)) < 0) valueError("isqrt() argument must be nonnegative");
    mpz_t z;
    mpz_init(z);
    toMpz(c.arg(0), z);
    mpz_sqrt(z, z);
    Value r = intFromMpz(z);
    mpz_clear(z);
    return NativeResult::ret(r);
}
NativeResult m_comb(NativeCall& c) {
    c.expectArgs(2, 2);
    int64_t n = toIndex(c.thread(), c.arg(0)), k = toIndex(c.thread(), c.arg(1));
    if (n < 0 || k < 0) valueError("n must be a non-negative integer");
    if (k > n) return NativeResult::ret(Value::smallInt(0));
    mpz_t z;
    mpz_init(z);
    mpz_bin_uiui(z, static_cast<unsigned long>(n), static_cast<unsigned long>(k));
    Value r = intFromMpz(z);
    mpz_clear(z);
    return NativeResult::ret(r);
}
NativeResult m_perm(NativeCall& c) {
    c.expectArgs(1, 2);
    int64_t n = toIndex(c.thread(), c.arg(0));
    int64_t k = c.argc() == 2 && !c.arg(1).isNone() ? toIndex(c.thread(), c.arg(1)) : n;
    if (n < 0 || k < 0) valueError("n must be a non-negative integer");
    if (k > n) return NativeResult::ret(Value::smallInt(0));
    Value acc = Value::smallInt(1);
    for (int64_t i = n - k + 1; i <= n; ++i) acc = intMul(acc, intFrom(i));
    return NativeResult::ret(acc);
}
NativeResult m_isclose(NativeCall& c) {
    c.allowKwargs({"rel_tol", "abs_tol"});
    c.expectArgs(2, 2);
    double a = D(c, 0), b = D(c, 1);
    double rel = toDouble(c.thread(), c.argOr(99, "rel_tol", makeFloat(1e-9)));
    double abst = toDouble(c.thread(), c.argOr(99, "abs_tol", makeFloat(0.0)));
    if (a == b) return NativeResult::ret(Value::boolean(true));
    if (std::isinf(a) || std::isinf(b)) return NativeResult::ret(Value::boolean(false));
    double diff = std::fabs(b - a);
    return NativeResult::ret(
        Value::boolean(diff <= std::fabs(rel * b) || diff <= std::fabs(rel * a) || diff <= abst));
}
NativeResult m_isinf(NativeCall& c) {
    return NativeResult::ret(Value::boolean(std::isinf(D(c, 0))));
}
NativeResult m_isnan(NativeCall& c) {
    return NativeResult::ret(Value::boolean(std::isnan(D(c, 0))));
}
NativeResult m_isfinite(NativeCall& c) {
    return NativeResult::ret(Value::boolean(std::isfinite(D(c, 0))));
}
NativeResult m_copysign(NativeCall& c) {
    return NativeResult::ret(makeFloat(std::copysign(D(c, 0), D(c, 1))));
}
NativeResult m_fmod(NativeCall& c) {
    double y = D(c, 1);
    if (y == 0) domain();
    return NativeResult::ret(makeFloat(std::fmod(D(c, 0), y)));
}
NativeResult m_modf(NativeCall& c) {
    double ip = 0;
    double fp = std::modf(D(c, 0), &ip);
    return NativeResult::ret(makeTuple({makeFloat(fp), makeFloat(ip)}));
}
NativeResult m_frexp(NativeCall& c) {
    int e = 0;
    double m = std::frexp(D(c, 0), &e);
    return NativeResult::ret(makeTuple({makeFloat(m), intFrom(e)}));
}
NativeResult m_ldexp(NativeCall& c) {
    return NativeResult::ret(
        makeFloat(std::ldexp(D(c, 0), static_cast<int>(toIndex(c.thread(), c.arg(1))))));
}
NativeResult m_prod(NativeCall& c) {
    c.allowKwargs({"start"});
    Value acc = c.argOr(99, "start", Value::smallInt(1));
    for (const Value& x : toVector(c.thread(), c.arg(0)))
        acc = binaryOp(c.thread(), acc, x, BinOp::Mul, false);
    return NativeResult::ret(acc);
}
NativeResult m_fsum(NativeCall& c) {
    // Shewchuk's algorithm, as CPython's math.fsum, for exactly rounded sums.
    std::vector<double> partials;
    for (const Value& v : toVector(c.thread(), c.arg(0))) {
        double x = toDouble(c.thread(), v);
        std::size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    double sum = 0;
    for (double p : partials) sum += p;
    return NativeResult::ret(makeFloat(sum));
}
NativeResult m_dist(NativeCall& c) {
    std::vector<Value> p = toVector(c.thread(), c.arg(0)), q = toVector(c.thread(), c.arg(1));
    if (p.size() != q.size()) valueError("both points must have the same number of dimensions");
    double acc = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        acc = std::hypot(acc, toDouble(c.thread(), p[i]) - toDouble(c.thread(), q[i]));
    return NativeResult::ret(makeFloat(acc));
}

// ---- random
// --------------------------------------------------------------------------------------
Mt19937& R(NativeCall& c) {
    return c.interp().random();
}

Value getrandbits(Mt19937& r, int64_t k) {
    if (k <= 32) return intFrom(k == 0 ? 0 : static_cast<int64_t>(r.next32() >> (32 - k)));
    mpz_t z;
    mpz_init(z);
    int64_t words = (k - 1) / 32 + 1;
    mpz_t w;
    mpz_init(w);
    for (int64_t i = 0; i < words; ++i, k -= 32) {
        uint32_t x = r.next32();
        if (k < 32) x >>= (32 - k);
        mpz_set_ui(w, x);
        mpz_mul_2exp(w, w, static_cast<mp_bitcnt_t>(32 * i));
        mpz_ior(z, z, w);
    }
    Value out = intFromMpz(z);
    mpz_clear(w);
    mpz_clear(z);
    return out;
}

Value randbelow(Mt19937& r, const Value& n) {
    int64_t k = intBitLength(n);
    Value v = getrandbits(r, k);
    while (intCompare(v, n) >= 0) v = getrandbits(r, k);
    return v;
}

NativeResult r_seed(NativeCall& c) {
    c.allowKwargs({"a", "version"});
    Value a = c.argOr(0, "a", Value::none());
    std::vector<uint32_t> key;
    if (a.isNone()) {
        a = intFrom(static_cast<int64_t>(c.interp().config().seed & 0x7fffffffffffffffULL));
    }
    if (isFloat(a)) a = intFrom(hashOf(c.thread(), a));
    if (isStr(a)) {
        // CPython hashes str seeds with SHA-512; Taskscope uses the str's hash (deterministic,
        // different values).
        a = intFrom(hashOf(c.thread(), a));
    }
    if (!isInt(a))
        typeError(
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    Value mag = intAbs(a);
    mpz_t z;
    mpz_init(z);
    toMpz(mag, z);
    while (mpz_sgn(z) > 0) {
        key.push_back(static_cast<uint32_t>(mpz_get_ui(z) & 0xFFFFFFFFu));
        mpz_fdiv_q_2exp(z, z, 32);
    }
    mpz_clear(z);
    if (key.empty()) key.push_back(0);
    R(c).seedArray(key);
    R(c).m_hasGaussNext = false;
    return NativeResult::ret();
}
NativeResult r_random(NativeCall& c) {
    return NativeResult::ret(makeFloat(R(c).random()));
}
NativeResult r_getrandbits(NativeCall& c) {
    c.expectArgs(1, 1);
    int64_t k = toIndex(c.thread(), c.arg(0));
    if (k < 0) valueError("number of bits must be non-negative");
    return NativeResult::ret(getrandbits(R(c), k));
}
Value randrange(NativeCall& c, const Value& startV, const Value& stopV, const Value& stepV) {
    VmThread& t = c.thread();
    if (!isInt(startV))
        typeError("'" + typeName(startV) + "' object cannot be interpreted as an integer");
    if (stopV.isNone()) {
        if (intSign(startV) > 0) return randbelow(R(c), startV);
        valueError("empty range for randrange()");
    }
    if (!isInt(stopV))
        typeError("'" + typeName(stopV) + "' object cannot be interpreted as an integer");
    Value width = intSub(stopV, startV);
    if (!isInt(stepV))
        typeError("'" + typeName(stepV) + "' object cannot be interpreted as an integer");
    if (intCompare(stepV, Value::smallInt(1)) == 0) {
        if (intSign(width) > 0) return intAdd(startV, randbelow(R(c), width));
        valueError("empty range for randrange() (" + repr(t, startV) + ", " + repr(t, stopV) +
                   ", " + repr(t, width) + ")");
    }
    if (intSign(stepV) == 0) valueError("zero step for randrange()");
    Value n;
    if (intSign(stepV) > 0)
        n = intFloorDiv(intSub(intAdd(width, stepV), Value::smallInt(1)), stepV);
    else
        n = intFloorDiv(intAdd(intAdd(width, stepV), Value::smallInt(1)), stepV);
    if (intSign(n) <= 0) valueError("empty range for randrange()");
    return intAdd(startV, intMul(stepV, randbelow(R(c), n)));
}
NativeResult r_randrange(NativeCall& c) {
    c.expectArgs(1, 3);
    return NativeResult::ret(randrange(c, c.arg(0), c.argc() > 1 ? c.arg(1) : Value::none(),
                                       c.argc() > 2 ? c.arg(2) : Value::smallInt(1)));
}
NativeResult r_randint(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(
        randrange(c, c.arg(0), intAdd(c.arg(1), Value::smallInt(1)), Value::smallInt(1)));
}
NativeResult r_choice(NativeCall& c) {
    c.expectArgs(1, 1);
    int64_t n = length(c.thread(), c.arg(0));
    if (n == 0) throwPy(BT().IndexError, "Cannot choose from an empty sequence");
    return NativeResult::ret(getItem(c.thread(), c.arg(0), randbelow(R(c), intFrom(n))));
}
NativeResult r_shuffle(NativeCall& c) {
    c.expectArgs(1, 1);
    VmThread& t = c.thread();
    const Value& x = c.arg(0);
    int64_t n = length(t, x);
    for (int64_t i = n - 1; i > 0; --i) {
        Value jv = randbelow(R(c), intFrom(i + 1));
        Value iv = intFrom(i);
        Value a = getItem(t, x, iv), b = getItem(t, x, jv);
        setItem(t, x, iv, b);
        setItem(t, x, jv, a);
    }
    return NativeResult::ret();
}
NativeResult r_uniform(NativeCall& c) {
    c.expectArgs(2, 2);
    double a = D(c, 0), b = D(c, 1);
    return NativeResult::ret(makeFloat(a + (b - a) * R(c).random()));
}
NativeResult r_sample(NativeCall& c) {
    c.allowKwargs({"k", "counts"});
    VmThread& t = c.thread();
    const Value& pop = c.arg(0);
    if (pop.isKind(ObjKind::Set) || pop.isKind(ObjKind::FrozenSet) || pop.isKind(ObjKind::Dict)) {
        typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    int64_t k = toIndex(t, c.argOr(1, "k", Value()));
    std::vector<Value> population = toVector(t, pop);
    auto n = static_cast<int64_t>(population.size());
    if (k < 0 || k > n) valueError("Sample larger than population or is negative");
    std::vector<Value> result(static_cast<std::size_t>(k));
    int64_t setsize = 21;
    if (k > 5)
        setsize += static_cast<int64_t>(
            std::pow(4, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<Value> poolv = population;
        for (int64_t i = 0; i < k; ++i) {
            auto j = *intToInt64(randbelow(R(c), intFrom(n - i)));
            result[static_cast<std::size_t>(i)] = poolv[static_cast<std::size_t>(j)];
            poolv[static_cast<std::size_t>(j)] = poolv[static_cast<std::size_t>(n - i - 1)];
        }
    } else {
        std::vector<int64_t> selected;
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = *intToInt64(randbelow(R(c), intFrom(n)));
            while (std::find(selected.begin(), selected.end(), j) != selected.end())
                j = *intToInt64(randbelow(R(c), intFrom(n)));
            selected.push_back(j);
            result[static_cast<std::size_t>(i)] = population[static_cast<std::size_t>(j)];
        }
    }
    return NativeResult::ret(makeList(std::move(result)));
}
NativeResult r_choices(NativeCall& c) {
    c.allowKwargs({"weights", "cum_weights", "k"});
    VmThread& t = c.thread();
    std::vector<Value> population = toVector(t, c.arg(0));
    Value weights = c.argOr(1, "weights", Value::none());
    Value cum = c.kwarg("cum_weights");
    int64_t k = toIndex(t, c.argOr(99, "k", Value::smallInt(1)));
    auto n = static_cast<double>(population.size());
    std::vector<Value> out;
    if ((!cum || cum.isNone()) && weights.isNone()) {
        for (int64_t i = 0; i < k; ++i) {
            out.push_back(population[static_cast<std::size_t>(std::floor(R(c).random() * n))]);
        }
        return NativeResult::ret(makeList(std::move(out)));
    }
    std::vector<double> cw;
    if (cum && !cum.isNone()) {
        for (const Value& v : toVector(t, cum)) cw.push_back(toDouble(t, v));
    } else {
        double acc = 0;
        for (const Value& v : toVector(t, weights)) {
            acc += toDouble(t, v);
            cw.push_back(acc);
        }
    }
    if (cw.size() != population.size())
        valueError("The number of weights does not match the population");
    double total = cw.back();
    for (int64_t i = 0; i < k; ++i) {
        double x = R(c).random() * total;
        std::size_t lo = 0, hi = cw.size() - 1;
        while (lo < hi) {
            std::size_t mid = (lo + hi) / 2;
            if (x < cw[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        out.push_back(population[lo]);
    }
    return NativeResult::ret(makeList(std::move(out)));
}
NativeResult r_gauss(NativeCall& c) {
    c.allowKwargs({"mu", "sigma"});
    double mu = toDouble(c.thread(), c.argOr(0, "mu", makeFloat(0.0)));
    double sigma = toDouble(c.thread(), c.argOr(1, "sigma", makeFloat(1.0)));
    Mt19937& r = R(c);
    double z;
    if (r.m_hasGaussNext) {
        z = r.m_gaussNext;
        r.m_hasGaussNext = false;
    } else {
        double x2pi = r.random() * 2 * M_PI;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - r.random()));
        z = std::cos(x2pi) * g2rad;
        r.m_gaussNext = std::sin(x2pi) * g2rad;
        r.m_hasGaussNext = true;
    }
    return NativeResult::ret(makeFloat(mu + z * sigma));
}
NativeResult r_normalvariate(NativeCall& c) {
    c.allowKwargs({"mu", "sigma"});
    double mu = toDouble(c.thread(), c.argOr(0, "mu", makeFloat(0.0)));
    double sigma = toDouble(c.thread(), c.argOr(1, "sigma", makeFloat(1.0)));
    const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
        double u1 = R(c).random();
        double u2 = 1.0 - R(c).random();
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -std::log(u2)) break;
    }
    return NativeResult::ret(makeFloat(mu + z * sigma));
}
NativeResult r_expovariate(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(makeFloat(-std::log(1.0 - R(c).random()) / D(c, 0)));
}

}  // namespace

Value createSysModule(Interpreter& interp) {
    Value mod = makeModule("sys");
    auto* d = mod.as<ModuleObject>()->dict();
    std::vector<Value> argv;
    for (const auto& a : interp.argv()) argv.push_back(makeStr(a));
    d->setStr("argv", makeList(std::move(argv)));
    d->setStr("stdout", interp.m_stdout);
    d->setStr("stderr", interp.m_stderr);
    d->setStr("__stdout__", interp.m_stdout);
    d->setStr("__stderr__", interp.m_stderr);
    d->setStr("maxsize", intFrom(INT64_MAX));
    d->setStr("version", makeStr("3.11.7 (Taskscope simulated CPython)"));
    d->setStr("version_info",
              makeTuple({Value::smallInt(3), Value::smallInt(11), Value::smallInt(7),
                         makeStr("final"), Value::smallInt(0)}));
    d->setStr("hexversion", intFrom(0x030B07F0));
    d->setStr("platform", makeStr("linux"));
    d->setStr("byteorder", makeStr("little"));
    d->setStr("executable", makeStr("/usr/bin/python3"));
    d->setStr("path", makeList());
    d->setStr("modules", interp.sysModules());
    d->setStr("float_repr_style", makeStr("short"));
    addFn(d, "sys", "exit", sys_exit);
    addFn(d, "sys", "setswitchinterval", sys_setswitchinterval);
    addFn(d, "sys", "getswitchinterval", sys_getswitchinterval);
    addFn(d, "sys", "getrecursionlimit", sys_getrecursionlimit);
    addFn(d, "sys", "setrecursionlimit", sys_setrecursionlimit);
    addFn(d, "sys", "exc_info", sys_exc_info);
    addFn(d, "sys", "intern", sys_intern);
    return mod;
}

Value createGcModule(Interpreter& interp) {
    (void)interp;
    Value mod = makeModule("gc");
    auto* d = mod.as<ModuleObject>()->dict();
    d->setStr("garbage", makeList());  // uncollectable objects: none (no finalizers)
    addFn(d, "gc", "collect", gc_collect);
    addFn(d, "gc", "enable", gc_enable);
    addFn(d, "gc", "disable", gc_disable);
    addFn(d, "gc", "isenabled", gc_isenabled);
    return mod;
}

Value createMathModule(Interpreter& interp) {
    (void)interp;
    Value mod = makeModule("math");
    auto* d = mod.as<ModuleObject>()->dict();
    d->setStr("pi", makeFloat(M_PI));
    d->setStr("e", makeFloat(M_E));
    d->setStr("tau", makeFloat(2 * M_PI));
    d->setStr("inf", makeFloat(INFINITY));
    d->setStr("nan", makeFloat(NAN));
    struct Entry {
        const char* name;
        NativeFn fn;
    };
    static const Entry entries[] = {
        {"sqrt", m_sqrt},         {"exp", m_exp},
        {"log", m_log},           {"log2", m_log2},
        {"log10", m_log10},       {"log1p", m_log1p},
        {"expm1", m_expm1},       {"pow", m_pow},
        {"sin", m_sin},           {"cos", m_cos},
        {"tan", m_tan},           {"asin", m_asin},
        {"acos", m_acos},         {"atan", m_atan},
        {"atan2", m_atan2},       {"sinh", m_sinh},
        {"cosh", m_cosh},         {"tanh", m_tanh},
        {"hypot", m_hypot},       {"degrees", m_degrees},
        {"radians", m_radians},   {"floor", m_floor},
        {"ceil", m_ceil},         {"trunc", m_trunc},
        {"fabs", m_fabs},         {"factorial", m_factorial},
        {"gcd", m_gcd},           {"lcm", m_lcm},
        {"isqrt", m_isqrt},       {"comb", m_comb},
        {"perm", m_perm},         {"isclose", m_isclose},
        {"isinf", m_isinf},       {"isnan", m_isnan},
        {"isfinite", m_isfinite}, {"copysign", m_copysign},
        {"fmod", m_fmod},         {"modf", m_modf},
        {"frexp", m_frexp},       {"ldexp", m_ldexp},
        {"prod", m_prod},         {"fsum", m_fsum},
        {"dist", m_dist},
    };
    for (const auto& e : entries) addFn(d, "math", e.name, e.fn);
    return mod;
}

Value createRandomModule(Interpreter& interp) {
    (void)interp;
    Value mod = makeModule("random");
    auto* d = mod.as<ModuleObject>()->dict();
    struct Entry {
        const char* name;
        NativeFn fn;
    };
    static const Entry entries[] = {
        {"seed", r_seed},
        {"random", r_random},
        {"getrandbits", r_getrandbits},
        {"randrange", r_randrange},
        {"randint", r_randint},
        {"choice", r_choice},
        {"shuffle", r_shuffle},
        {"uniform", r_uniform},
        {"sample", r_sample},
        {"choices", r_choices},
        {"gauss", r_gauss},
        {"normalvariate", r_normalvariate},
        {"expovariate", r_expovariate},
    };
    for (const auto& e : entries) addFn(d, "random", e.name, e.fn);
    return mod;
}

}  // namespace taskscope::core::lang
