// Lexer, parser/compiler diagnostics, big ints, float repr and hashing.
#include <gtest/gtest.h>

#include "core/lang/compiler.h"
#include "core/lang/hashing.h"
#include "core/lang/intops.h"
#include "core/lang/lexer.h"
#include "core/lang/operations.h"
#include "core/lang/strobject.h"

using namespace taskscope::core::lang;
using taskscope::core::Diagnostic;

namespace {

std::vector<std::string> kinds(std::string_view src) {
    Lexer lx(src, "t.py");
    auto toks = lx.tokenize();
    std::vector<std::string> out;
    if (!toks) return {"ERROR: " + toks.error().message};
    for (const auto& t : toks.value()) {
        switch (t.kind) {
            case TokKind::Name:
                out.push_back("N:" + t.text);
                break;
            case TokKind::Number:
                out.push_back("#:" + t.text);
                break;
            case TokKind::String:
                out.push_back("S:" + t.text);
                break;
            case TokKind::Op:
                out.push_back(t.text);
                break;
            case TokKind::Newline:
                out.push_back("NL");
                break;
            case TokKind::Indent:
                out.push_back("IN");
                break;
            case TokKind::Dedent:
                out.push_back("DE");
                break;
            case TokKind::EndMarker:
                out.push_back("END");
                break;
        }
    }
    return out;
}

Diagnostic compileError(std::string_view src) {
    auto r = compileModule(src, "t.py");
    EXPECT_FALSE(r.ok());
    return r.ok() ? Diagnostic{} : r.error();
}

}  // namespace

TEST(Lexer, IndentDedentAndBlankLines) {
    auto k = kinds("if x:\n    y = 1\n\n    # comment\n    z\nw\n");
    std::vector<std::string> want = {"N:if", "N:x", ":",  "NL", "IN",  "N:y", "=",  "#:1",
                                     "NL",   "N:z", "NL", "DE", "N:w", "NL",  "END"};
    EXPECT_EQ(k, want);
}

TEST(Lexer, ImplicitJoiningAndContinuation) {
    auto k = kinds("x = (1 +\n     2)\ny = 3 + \\\n    4\n");
    std::vector<std::string> want = {"N:x", "=", "(",   "#:1", "+",   "#:2", ")",  "NL",
                                     "N:y", "=", "#:3", "+",   "#:4", "NL",  "END"};
    EXPECT_EQ(k, want);
}

TEST(Lexer, NumbersAndStrings) {
    auto k =
        kinds("a = 0x1F + 0o17 + 0b101 + 1_000 + 1.5e-3 + .5\nb = r'\\d' + f'{a}' + '''x\ny'''\n");
    EXPECT_EQ(k[2], "#:0x1F");
    EXPECT_EQ(k[4], "#:0o17");
    EXPECT_EQ(k[10], "#:1.5e-3");
    EXPECT_EQ(k[12], "#:.5");
    EXPECT_EQ(k[16], "S:r'\\d'");
    EXPECT_EQ(k[18], "S:f'{a}'");
    EXPECT_EQ(k[20], "S:'''x\ny'''");
}

TEST(Lexer, TabsCountToMultiplesOfEight) {
    auto k = kinds("if x:\n\ty\n\tz\n");
    std::vector<std::string> want = {"N:if", "N:x", ":",  "NL", "IN", "N:y",
                                     "NL",   "N:z", "NL", "DE", "END"};
    EXPECT_EQ(k, want);
    // A tab and eight spaces reach the same column, but CPython rejects mixing them.
    EXPECT_EQ(kinds("if x:\n\ty\n        z\n")[0],
              "ERROR: inconsistent use of tabs and spaces in indentation");
}

TEST(Lexer, Errors) {
    EXPECT_EQ(kinds("s = 'abc\n")[0], "ERROR: unterminated string literal (detected at line 1)");
    EXPECT_EQ(kinds("x = (1, 2\n")[0], "ERROR: '(' was never closed");
    EXPECT_EQ(kinds("x = 1)\n")[0], "ERROR: unmatched ')'");
    EXPECT_EQ(kinds("x = [1, 2)\n")[0],
              "ERROR: closing parenthesis ')' does not match opening parenthesis '['");
    EXPECT_EQ(kinds("x = 012\n")[0],
              "ERROR: leading zeros in decimal integer literals are not permitted; use an 0o "
              "prefix for octal integers");
    EXPECT_EQ(kinds("if x:\n        a\n    b\n")[0],
              "ERROR: unindent does not match any outer indentation level");
    EXPECT_EQ(kinds("x = 1 € 2\n")[0], "ERROR: invalid character '€' (U+20AC)");
}

TEST(Parser, SyntaxErrorsLikeCPython) {
    Diagnostic d = compileError("if x\n    pass\n");
    EXPECT_EQ(d.message, "expected ':'");
    EXPECT_EQ(d.line, 1);
    EXPECT_EQ(d.column, 5);
    d = compileError("def f():\nreturn 1\n");
    EXPECT_EQ(d.kind, Diagnostic::Kind::IndentationError);
    EXPECT_EQ(d.message, "expected an indented block after function definition on line 1");
    EXPECT_EQ(d.line, 2);
    d = compileError("x = 1\n  y = 2\n");
    EXPECT_EQ(d.message, "unexpected indent");
    d = compileError("f() = 3\n");
    EXPECT_EQ(d.message,
              "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    d = compileError("print('a' 'b' x)\n");
    EXPECT_EQ(d.message, "invalid syntax. Perhaps you forgot a comma?");
    d = compileError("return 5\n");
    EXPECT_EQ(d.message, "'return' outside function");
    d = compileError("while True:\n    pass\nbreak\n");
    EXPECT_EQ(d.message, "'break' outside loop");
    d = compileError("def f(a, a):\n    pass\n");
    EXPECT_EQ(d.message, "duplicate argument 'a' in function definition");
    d = compileError("def f(a=1, b):\n    pass\n");
    EXPECT_EQ(d.message, "non-default argument follows default argument");
    d = compileError("f(a=1, 2)\n");
    EXPECT_EQ(d.message, "positional argument follows keyword argument");
    d = compileError("def f():\n    x = 1\n    def g():\n        nonlocal y\n");
    EXPECT_EQ(d.message, "no binding for nonlocal 'y' found");
}

TEST(Parser, UnsupportedConstructsAreClearErrors) {
    Diagnostic d = compileError("async def f():\n    pass\n");
    EXPECT_EQ(d.kind, Diagnostic::Kind::NotSupported);
    EXPECT_EQ(d.message, "'async def' is not supported by Taskscope yet");
    EXPECT_EQ(d.brief(),
              "t.py:1:1: error: 'async def' is not supported by Taskscope yet\n  hint: use "
              "threading or multiprocessing for concurrency");
    d = compileError("x = b'abc'\n");
    EXPECT_EQ(d.message, "bytes literals (b'...') is not supported by Taskscope yet");
    EXPECT_EQ(d.column, 5);
    d = compileError("match x:\n    case 1:\n        pass\n");
    EXPECT_EQ(d.message, "the 'match' statement is not supported by Taskscope yet");
    d = compileError("z = 3j\n");
    EXPECT_EQ(d.column, 5);
}

TEST(Parser, DeepNestingIsAnErrorNotACrash) {
    std::string src = "x = " + std::string(1000, '(') + "1" + std::string(1000, ')') + "\n";
    Diagnostic d = compileError(src);
    EXPECT_EQ(d.message, "too many nested parentheses");
    std::string deep = "x = ";
    for (int i = 0; i < 5000; ++i) deep += "-";
    deep += "1\n";
    d = compileError(deep);
    EXPECT_EQ(d.message, "too many nested parentheses");
}

TEST(Parser, PythonStyleDiagnostic) {
    Diagnostic d = compileError("x = 1\nif x\n    pass\n");
    EXPECT_EQ(d.pythonStyle(),
              "  File \"t.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'");
}

TEST(BigInt, ArithmeticPromotesAndDemotes) {
    Value big = intPow(Value::smallInt(2), Value::smallInt(100));
    EXPECT_EQ(intToString(big), "1267650600228229401496703205376");
    EXPECT_TRUE(big.isKind(ObjKind::BigInt));
    Value back = intFloorDiv(big, intPow(Value::smallInt(2), Value::smallInt(98)));
    EXPECT_TRUE(back.isSmallInt());
    EXPECT_EQ(back.smallInt(), 4);
    Value max = intFrom(Value::kSmallMax);
    Value over = intAdd(max, Value::smallInt(1));
    EXPECT_TRUE(over.isKind(ObjKind::BigInt));
    EXPECT_EQ(intToString(over), "4611686018427387904");
    EXPECT_TRUE(intSub(over, Value::smallInt(1)).isSmallInt());
    EXPECT_EQ(intToString(intMul(intFrom(INT64_MAX), intFrom(INT64_MAX))),
              "85070591730234615847396907784232501249");
    EXPECT_EQ(intToString(intFloorDiv(intFrom(-7), intFrom(2))), "-4");
    EXPECT_EQ(intToString(intMod(intFrom(-7), intFrom(2))), "1");
    EXPECT_EQ(intToString(intPowMod(intFrom(3), intFrom(-1), intFrom(7))), "5");
    EXPECT_EQ(intToString(intFrom(255), 16), "ff");
    auto parsed = parseInt("-123_456_789_012_345_678_901", 10);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(intToString(*parsed), "-123456789012345678901");
    EXPECT_FALSE(parseInt("12__3", 10).has_value());
    EXPECT_EQ(intToString(*parseInt("0x_ff", 0)), "255");
}

TEST(FloatRepr, ShortestRoundTripLikeCPython) {
    EXPECT_EQ(floatRepr(0.1), "0.1");
    EXPECT_EQ(floatRepr(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(floatRepr(1e16), "1e+16");
    EXPECT_EQ(floatRepr(1e15), "1000000000000000.0");
    EXPECT_EQ(floatRepr(1.0), "1.0");
    EXPECT_EQ(floatRepr(-0.0), "-0.0");
    EXPECT_EQ(floatRepr(1e-5), "1e-05");
    EXPECT_EQ(floatRepr(0.0001), "0.0001");
    EXPECT_EQ(floatRepr(123456789.125), "123456789.125");
    EXPECT_EQ(floatRepr(1.5e300), "1.5e+300");
    EXPECT_EQ(floatRepr(5e-324), "5e-324");
    EXPECT_EQ(floatRepr(1.0 / 0.0), "inf");
    EXPECT_EQ(floatRepr(-1.0 / 0.0), "-inf");
    EXPECT_EQ(floatRepr(2.0 / 3.0), "0.6666666666666666");
}

TEST(Hashing, MatchesCPythonWithHashSeedZero) {
    // Values printed by: PYTHONHASHSEED=0 python3 -c "print(hash('a'), ...)"
    StrObject a("a"), hello("hello"), zhong("中");
    EXPECT_EQ(a.hash(), 4644417185603328019LL);
    EXPECT_EQ(hello.hash(), -2096571579003691106LL);
    EXPECT_EQ(zhong.hash(), 1216952446211864180LL);
    EXPECT_EQ(hashDouble(1.5), 1152921504606846977LL);
    TupleHasher h;
    h.add(hashInt64(1));
    h.add(hashInt64(2));
    EXPECT_EQ(h.finish(2), -3550055125485641917LL);
    EXPECT_EQ(hashInt64(-1), -2);
    EXPECT_EQ(hashDouble(2.0), 2);
}

TEST(Strings, CodePointIndexing) {
    StrObject s("a中b");
    EXPECT_EQ(s.length(), 3);
    EXPECT_EQ(s.codePointAt(1), 0x4e2du);
    EXPECT_EQ(s.substr(1, 3), "中b");
    EXPECT_EQ(reprString("it's"), "\"it's\"");
    EXPECT_EQ(reprString("a\nb\x01"), "'a\\nb\\x01'");
}
