def f(a, b=2, *args, c=3, d, **kw):
    return (a, b, args, c, d, kw)
print(f(1, d=4))
print(f(1, 2, 3, 4, d=5, e=6))
print(f(*[1, 2, 3], **{"d": 0, "z": 1}))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, a=2), h(*"ab", **dict(k=1)))
def defaults(x=[]):
    x.append(1)
    return len(x)
print(defaults(), defaults(), defaults([]))
def kwonly(*, a=1, b):
    return a * b
print(kwonly(b=5), kwonly(a=2, b=5))
print((lambda x, y=10: x + y)(5), (lambda *a: sum(a))(1, 2, 3))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(25))
