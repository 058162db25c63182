a = 5
print(1 < a < 10, 1 < a > 10, a == 5 == 5.0, 1 <= 1 < 2 <= 2)
print(3 > 2 > 1, 3 > 2 < 1, 1 < 2 < 3 < 4 < 5)
print("abc" < "abd", "a" < "B", [1, 2] < [1, 3], (1, 2) == (1, 2), (1, 2) < (1, 2, 0))
x1 = 1
print(None is None, x1 is not None, [] == [], [] is [], 2 in [1, 2], 3 not in (1, 2))
print(1 == 1.0, 2 != 2.0, True == 1, {1: 2} == {1: 2}, {1, 2} == {2, 1})
print("b" in "abc", "d" not in "abc", 1 in {1: 'x'}, 'x' in {1: 'x'})
def f(x):
    print("f", x)
    return x
print(f(1) < f(2) < f(0) < f(5))
