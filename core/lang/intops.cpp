#include "core/lang/intops.h"

#include <cmath>
#include <string>

#include "core/lang/errors.h"
#include "core/lang/hashing.h"
#include "core/lang/scalarobjects.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

namespace {

// An mpz view of any int value; small ints use a stack temporary.
class MpzArg {
public:
    explicit MpzArg(const Value& v) {
        if (v.isKind(ObjKind::BigInt)) {
            m_ptr = &v.as<BigIntObject>()->mpz()[0];
        } else {
            mpz_init(m_tmp);
            m_owned = true;
            int64_t x = v.isSmallInt() ? v.smallInt() : (v.isTrue() ? 1 : 0);
            mpz_set_si(m_tmp, x);
            m_ptr = &m_tmp[0];
        }
    }
    ~MpzArg() {
        if (m_owned) mpz_clear(m_tmp);
    }
    MpzArg(const MpzArg&) = delete;
    MpzArg& operator=(const MpzArg&) = delete;
    mpz_srcptr get() const { return m_ptr; }

private:
    mpz_t m_tmp;
    mpz_srcptr m_ptr = nullptr;
    bool m_owned = false;
};

int64_t small(const Value& v) {
    return v.isSmallInt() ? v.smallInt() : (v.isTrue() ? 1 : 0);
}
bool isSmallish(const Value& v) {
    return v.isSmallInt() || v.isBool();
}

template <typename F>
Value bigOp(const Value& a, const Value& b, F&& f) {
    MpzArg x(a), y(b);
    mpz_t r;
    mpz_init(r);
    f(r, x.get(), y.get());
    Value out = intFromMpz(r);
    mpz_clear(r);
    return out;
}

}  // namespace

bool isInt(const Value& v) {
    return v.isSmallInt() || v.isBool() || v.isKind(ObjKind::BigInt);
}

Value intFrom(int64_t v) {
    if (Value::fitsSmall(v)) return Value::smallInt(v);
    auto* b = new BigIntObject();
    mpz_set_si(b->mpz(), v);
    return Value(b);
}

Value intFromMpz(const mpz_t z) {
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        if (Value::fitsSmall(v)) return Value::smallInt(v);
    }
    auto* b = new BigIntObject();
    mpz_set(b->mpz(), z);
    return Value(b);
}

void toMpz(const Value& v, mpz_t out) {
    if (v.isKind(ObjKind::BigInt))
        mpz_set(out, v.as<BigIntObject>()->mpz());
    else
        mpz_set_si(out, small(v));
}

std::optional<int64_t> intToInt64(const Value& v) {
    if (isSmallish(v)) return small(v);
    const auto& z = v.as<BigIntObject>()->mpz();
    if (mpz_fits_slong_p(z)) return mpz_get_si(z);
    return std::nullopt;
}

double intToDouble(const Value& v) {
    if (isSmallish(v)) return static_cast<double>(small(v));
    const auto& z = v.as<BigIntObject>()->mpz();
    if (mpz_sizeinbase(z, 2) > 1024)
        throwPy(builtinTypes().OverflowError, "int too large to convert to float");
    // Correct rounding (mpz_get_d truncates): go through the decimal string.
    std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
    mpz_get_str(s.data(), 10, z);
    double d = std::strtod(s.c_str(), nullptr);
    if (std::isinf(d)) throwPy(builtinTypes().OverflowError, "int too large to convert to float");
    return d;
}

Value intFromDouble(double d) {
    if (std::isinf(d))
        throwPy(builtinTypes().OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(d)) throwPy(builtinTypes().ValueError, "cannot convert float NaN to integer");
    double t = std::trunc(d);
    if (t >= -4.6e18 && t <= 4.6e18) return intFrom(static_cast<int64_t>(t));
    mpz_t z;
    mpz_init_set_d(z, t);
    Value r = intFromMpz(z);
    mpz_clear(z);
    return r;
}

Value intAdd(const Value& a, const Value& b) {
    if (isSmallish(a) && isSmallish(b)) {
        int64_t r = 0;
        if (!__builtin_add_overflow(small(a), small(b), &r)) return intFrom(r);
    }
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_add(r, x, y); });
}
Value intSub(const Value& a, const Value& b) {
    if (isSmallish(a) && isSmallish(b)) {
        int64_t r = 0;
        if (!__builtin_sub_overflow(small(a), small(b), &r)) return intFrom(r);
    }
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_sub(r, x, y); });
}
Value intMul(const Value& a, const Value& b) {
    if (isSmallish(a) && isSmallish(b)) {
        int64_t r = 0;
        if (!__builtin_mul_overflow(small(a), small(b), &r)) return intFrom(r);
    }
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_mul(r, x, y); });
}
Value intFloorDiv(const Value& a, const Value& b) {
    if (intSign(b) == 0)
        throwPy(builtinTypes().ZeroDivisionError, "integer division or modulo by zero");
    if (isSmallish(a) && isSmallish(b)) {
        int64_t x = small(a), y = small(b);
        if (!(x == INT64_MIN && y == -1)) {
            int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
            return intFrom(q);
        }
    }
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_fdiv_q(r, x, y); });
}
Value intMod(const Value& a, const Value& b) {
    if (intSign(b) == 0)
        throwPy(builtinTypes().ZeroDivisionError, "integer division or modulo by zero");
    if (isSmallish(a) && isSmallish(b)) {
        int64_t x = small(a), y = small(b);
        if (y == -1) return Value::smallInt(0);
        int64_t m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        return intFrom(m);
    }
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_fdiv_r(r, x, y); });
}
Value intPow(const Value& a, const Value& b) {
    auto e = intToInt64(b);
    if (!e || *e > 100000000) throwPy(builtinTypes().OverflowError, "exponent too large");
    if (isSmallish(a)) {
        int64_t base = small(a), result = 1, exp = *e;
        bool overflow = false;
        int64_t bb = base;
        while (exp > 0 && !overflow) {
            if (exp & 1) overflow |= __builtin_mul_overflow(result, bb, &result);
            exp >>= 1;
            if (exp > 0) overflow |= __builtin_mul_overflow(bb, bb, &bb);
        }
        if (!overflow) return intFrom(result);
    }
    MpzArg x(a);
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, x.get(), static_cast<unsigned long>(*e));
    Value out = intFromMpz(r);
    mpz_clear(r);
    return out;
}
Value intPowMod(const Value& a, const Value& b, const Value& m) {
    if (intSign(m) == 0) throwPy(builtinTypes().ValueError, "pow() 3rd argument cannot be 0");
    MpzArg x(a), y(b), z(m);
    mpz_t r;
    mpz_init(r);
    if (mpz_sgn(y.get()) < 0) {
        mpz_t inv;
        mpz_init(inv);
        if (!mpz_invert(inv, x.get(), z.get())) {
            mpz_clear(inv);
            mpz_clear(r);
            throwPy(builtinTypes().ValueError, "base is not invertible for the given modulus");
        }
        mpz_t ny;
        mpz_init(ny);
        mpz_neg(ny, y.get());
        mpz_powm(r, inv, ny, z.get());
        mpz_clear(ny);
        mpz_clear(inv);
    } else {
        mpz_powm(r, x.get(), y.get(), z.get());
    }
    // Python's result has the sign of the modulus.
    if (mpz_sgn(r) != 0 && mpz_sgn(z.get()) < 0) mpz_add(r, r, z.get());
    Value out = intFromMpz(r);
    mpz_clear(r);
    return out;
}
Value intTrueDiv(const Value& a, const Value& b) {
    if (intSign(b) == 0) throwPy(builtinTypes().ZeroDivisionError, "division by zero");
    if (isSmallish(a) && isSmallish(b)) {
        int64_t x = small(a), y = small(b);
        if (std::llabs(x) <= (int64_t(1) << 53) && std::llabs(y) <= (int64_t(1) << 53)) {
            return makeFloat(static_cast<double>(x) / static_cast<double>(y));
        }
    }
    // Big operands: exact rational, then round once via the decimal expansion.
    MpzArg x(a), y(b);
    mpq_t q;
    mpq_init(q);
    mpz_set(mpq_numref(q), x.get());
    mpz_set(mpq_denref(q), y.get());
    mpq_canonicalize(q);
    mpf_t f;
    mpf_init2(f, 256);
    mpf_set_q(f, q);
    mp_exp_t exp;
    char* digits = mpf_get_str(nullptr, &exp, 10, 40, f);
    std::string s = digits;
    void (*freefunc)(void*, size_t);
    mp_get_memory_functions(nullptr, nullptr, &freefunc);
    freefunc(digits, std::char_traits<char>::length(digits) + 1);
    mpf_clear(f);
    mpq_clear(q);
    bool neg = !s.empty() && s[0] == '-';
    if (neg) s.erase(0, 1);
    std::string lit =
        (neg ? "-0." : "0.") + (s.empty() ? std::string("0") : s) + "e" + std::to_string(exp);
    double d = std::strtod(lit.c_str(), nullptr);
    if (std::isinf(d))
        throwPy(builtinTypes().OverflowError, "integer division result too large for a float");
    return makeFloat(d);
}
Value intNeg(const Value& a) {
    if (isSmallish(a)) return intFrom(-small(a));
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, a.as<BigIntObject>()->mpz());
    Value out = intFromMpz(r);
    mpz_clear(r);
    return out;
}
Value intAbs(const Value& a) {
    return intSign(a) < 0 ? intNeg(a) : (a.isBool() ? Value::smallInt(small(a)) : a);
}
Value intInvert(const Value& a) {
    return intSub(intNeg(a), Value::smallInt(1));
}
Value intLShift(const Value& a, const Value& b) {
    if (intSign(b) < 0) throwPy(builtinTypes().ValueError, "negative shift count");
    auto n = intToInt64(b);
    if (!n || *n > 100000000) throwPy(builtinTypes().OverflowError, "too many digits in integer");
    if (isSmallish(a) && *n < 62) {
        int64_t x = small(a);
        int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << *n);
        if ((r >> *n) == x) return intFrom(r);
    }
    MpzArg x(a);
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, x.get(), static_cast<mp_bitcnt_t>(*n));
    Value out = intFromMpz(r);
    mpz_clear(r);
    return out;
}
Value intRShift(const Value& a, const Value& b) {
    if (intSign(b) < 0) throwPy(builtinTypes().ValueError, "negative shift count");
    auto n = intToInt64(b);
    if (!n) return Value::smallInt(intSign(a) < 0 ? -1 : 0);
    if (isSmallish(a)) return intFrom(*n >= 63 ? (small(a) < 0 ? -1 : 0) : (small(a) >> *n));
    MpzArg x(a);
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, x.get(), static_cast<mp_bitcnt_t>(*n));
    Value out = intFromMpz(r);
    mpz_clear(r);
    return out;
}
Value intAnd(const Value& a, const Value& b) {
    if (isSmallish(a) && isSmallish(b)) return intFrom(small(a) & small(b));
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_and(r, x, y); });
}
Value intOr(const Value& a, const Value& b) {
    if (isSmallish(a) && isSmallish(b)) return intFrom(small(a) | small(b));
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_ior(r, x, y); });
}
Value intXor(const Value& a, const Value& b) {
    if (isSmallish(a) && isSmallish(b)) return intFrom(small(a) ^ small(b));
    return bigOp(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_xor(r, x, y); });
}
int intCompare(const Value& a, const Value& b) {
    if (isSmallish(a) && isSmallish(b)) {
        int64_t x = small(a), y = small(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    MpzArg x(a), y(b);
    int c = mpz_cmp(x.get(), y.get());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}
int intSign(const Value& a) {
    if (isSmallish(a)) {
        int64_t x = small(a);
        return x < 0 ? -1 : x > 0 ? 1 : 0;
    }
    return mpz_sgn(a.as<BigIntObject>()->mpz());
}
int64_t intHash(const Value& a) {
    if (isSmallish(a)) return hashInt64(small(a));
    const auto& z = a.as<BigIntObject>()->mpz();
    mpz_t m, mod;
    mpz_init(m);
    mpz_init_set_ui(mod, 1);
    mpz_mul_2exp(mod, mod, kHashBits);
    mpz_sub_ui(mod, mod, 1);
    mpz_abs(m, z);
    mpz_mod(m, m, mod);
    auto x = static_cast<int64_t>(mpz_get_ui(m));
    mpz_clear(m);
    mpz_clear(mod);
    if (mpz_sgn(z) < 0) x = -x;
    return x == -1 ? -2 : x;
}
int64_t intBitLength(const Value& a) {
    if (isSmallish(a)) {
        int64_t x = small(a);
        uint64_t m = x < 0 ? static_cast<uint64_t>(-x) : static_cast<uint64_t>(x);
        return m == 0 ? 0 : 64 - __builtin_clzll(m);
    }
    const auto& z = a.as<BigIntObject>()->mpz();
    return static_cast<int64_t>(mpz_sizeinbase(z, 2));
}
std::string intToString(const Value& v, int base) {
    if (isSmallish(v) && base == 10) return std::to_string(small(v));
    MpzArg x(v);
    std::string s(mpz_sizeinbase(x.get(), base) + 2, '\0');
    mpz_get_str(s.data(), base, x.get());
    s.resize(std::char_traits<char>::length(s.c_str()));
    return s;
}

std::optional<Value> parseInt(std::string_view s, int base) {
    auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.size() >= 2 && s[0] == '0') {
        char p = static_cast<char>(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s.remove_prefix(2);
            if (!s.empty() && s[0] == '_') s.remove_prefix(1);
        }
    }
    if (base == 0) {
        base = 10;
        // "010" is invalid with base 0 unless all zeros.
        if (s.size() > 1 && s[0] == '0') {
            for (char c : s) {
                if (c != '0' && c != '_') return std::nullopt;
            }
        }
    }
    if (s.empty()) return std::nullopt;
    std::string digits;
    char prev = '_';
    for (char c : s) {
        if (c == '_') {
            if (prev == '_') return std::nullopt;
            prev = c;
            continue;
        }
        int d = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'z') ? c - 'a' + 10
                : (c >= 'A' && c <= 'Z') ? c - 'A' + 10
                                         : 99;
        if (d >= base) return std::nullopt;
        digits += c;
        prev = c;
    }
    if (prev == '_' || digits.empty()) return std::nullopt;
    if (digits.size() <= 17 && base <= 10) {
        int64_t v = 0;
        for (char c : digits) v = v * base + (c - '0');
        return intFrom(neg ? -v : v);
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, digits.c_str(), base);
    if (neg) mpz_neg(z, z);
    Value r = intFromMpz(z);
    mpz_clear(z);
    return r;
}

}  // namespace taskscope::core::lang
