def check(v):
    try:
        r = 10 / v
    except ZeroDivisionError as e:
        print("zero:", e)
        return "z"
    except (TypeError, ValueError) as e:
        print("type/value:", type(e).__name__, e)
        return "tv"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", v)
print(check(2), check(0), check("x"))
try:
    raise ValueError("bad value", 42)
except Exception as e:
    print(type(e).__name__, e.args, str(e), repr(e))
try:
    [][1]
except LookupError as e:
    print("LookupError caught:", type(e).__name__, e)
try:
    {}["k"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", repr(e))
