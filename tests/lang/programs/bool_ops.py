print(True and False, True or False, not True, not 0, not [], not [0])
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0)
print([] and 1, [1] and [2], 0 or None)
x = 5
print(x > 3 and x < 10, x < 3 or x > 4)
def t(v):
    print("eval", v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(bool(0), bool(""), bool("a"), bool([]), bool({}), bool(0.0), bool(None), bool(3))
