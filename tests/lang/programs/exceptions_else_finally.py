def attempt(f, *args):
    out = []
    try:
        out.append("try")
        result = f(*args)
    except ZeroDivisionError:
        out.append("zero")
    except Exception as e:
        out.append(type(e).__name__)
    else:
        out.append(f"ok={result}")
    finally:
        out.append("finally")
    return out
print(attempt(lambda: 1 / 1))
print(attempt(lambda: 1 / 0))
print(attempt(int, "x"))
print(attempt(lambda: [][0]))
def finally_overrides():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop end"
print(finally_overrides())
