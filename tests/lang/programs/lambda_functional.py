square = lambda x: x * x
add = lambda a, b=1: a + b
print(square(5), add(2), add(2, 3), (lambda: "no args")())
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))
print(list(map(lambda x: x + 1, range(3))), list(filter(lambda s: s.startswith("t"), ["two", "one", "three"])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(3))
funcs = {"double": lambda x: x * 2, "neg": lambda x: -x}
print({k: fn(7) for k, fn in funcs.items()})
from_fold = 1
for k in range(1, 6):
    from_fold = (lambda acc, v: acc * v)(from_fold, k)
print(from_fold)
