t = (1, 2, 3)
a, b, c = t
print(a, b, c)
x, *rest = [1, 2, 3, 4]
print(x, rest)
*init, last = "abcd"
print(init, last)
first, *mid, end = range(6)
print(first, mid, end)
(p, q), r = (1, 2), 3
print(p, q, r)
a, b = b, a
print(a, b)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print((1,), (), tuple([1, 2]), (1, 2) + (3,), (1, 2) * 2, t.index(2), t.count(3), len(t))
single = 1,
print(single, type(single).__name__)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
