def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
print([safe_div(10, x) for x in [1, 2, 0, 5]])
try:
    print([10 / x for x in [1, 0]])
except ZeroDivisionError as e:
    print("caught in comprehension:", e)
try:
    {k: int(v) for k, v in {"a": "1", "b": "x"}.items()}
except ValueError as e:
    print("ValueError:", e)
