def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i
print(g())
def h():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise ValueError("outer") from None
    except ValueError as e:
        print("got", e, e.__cause__, e.__suppress_context__)
h()
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer caught")
nested()
def reraise():
    try:
        raise RuntimeError("x")
    except RuntimeError:
        print("handling")
        raise
try:
    reraise()
except RuntimeError as e:
    print("reraised", e)
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        raise ValueError("v") from e
except ValueError as e:
    print(e, "caused by", repr(e.__cause__))
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second")
except ValueError as e:
    print(e, "context", repr(e.__context__))
def ret_in_finally():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(ret_in_finally())
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x += 10
finally:
    x += 100
print(x)
try:
    pass
finally:
    print("plain finally")
