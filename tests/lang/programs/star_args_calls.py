def f(*args, **kwargs):
    return f"args={args} kwargs={sorted(kwargs.items())}"
nums = [1, 2, 3]
opts = {"sep": "-", "end": "!"}
print(f(*nums), f(0, *nums, 4), f(**opts), f(*nums, x=1, **opts))
print(*nums)
print(*"abc", sep="|")
print(max(*nums), min(*nums, 0))
def g(a, b, c=0, *, d=1):
    return a + b + c + d
print(g(*[1, 2]), g(*(1, 2, 3)), g(1, *[2], d=5), g(**{"a": 1, "b": 2, "d": 3}))
args = (3, 4)
print(divmod(*args), list(zip(*[(1, "a"), (2, "b")])))
try:
    g(1, 2, **{"a": 5})
except TypeError as e:
    print("TypeError:", e)
