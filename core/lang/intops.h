#pragma once
// Arbitrary-precision int arithmetic: the int64 fast path lives in the VM; these handle the
// general case (bool and big ints, overflow promotion to GMP, demotion when results fit).

#include <gmp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/lang/value.h"

namespace taskscope::core::lang {

bool isInt(const Value& v);  // int, bool or big int
Value intFrom(int64_t v);
Value intFromMpz(const mpz_t z);        // demotes to a small int when it fits
void toMpz(const Value& v, mpz_t out);  // v must satisfy isInt
// The value as int64 if it fits.
std::optional<int64_t> intToInt64(const Value& v);
double intToDouble(const Value& v);  // throws OverflowError if too large
Value intFromDouble(double d);       // truncates; throws for inf/nan

Value intAdd(const Value& a, const Value& b);
Value intSub(const Value& a, const Value& b);
Value intMul(const Value& a, const Value& b);
Value intFloorDiv(const Value& a, const Value& b);  // throws ZeroDivisionError
Value intMod(const Value& a, const Value& b);
Value intPow(const Value& a, const Value& b);  // b >= 0
Value intPowMod(const Value& a, const Value& b, const Value& m);
Value intTrueDiv(const Value& a, const Value& b);  // float result
Value intNeg(const Value& a);
Value intAbs(const Value& a);
Value intInvert(const Value& a);
Value intLShift(const Value& a, const Value& b);
Value intRShift(const Value& a, const Value& b);
Value intAnd(const Value& a, const Value& b);
Value intOr(const Value& a, const Value& b);
Value intXor(const Value& a, const Value& b);
int intCompare(const Value& a, const Value& b);  // -1, 0, 1
int intSign(const Value& a);
int64_t intHash(const Value& a);
int64_t intBitLength(const Value& a);
std::string intToString(const Value& v, int base = 10);  // no prefix; "-" for negatives
// Parses like int(s, base): underscores between digits, surrounding whitespace, prefixes
// when base is 0 or matches. nullopt if invalid.
std::optional<Value> parseInt(std::string_view s, int base);

}  // namespace taskscope::core::lang
