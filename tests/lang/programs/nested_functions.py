def make_multiplier(n):
    def mul(x):
        return x * n
    mul.__name__ = f"mul_{n}"
    return mul
m3 = make_multiplier(3)
print(m3(7), m3.__name__, make_multiplier(10)(4))
def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulator()
print(acc(1), acc(2), acc(10))
def outer():
    x = 1
    def mid():
        x = 2
        def inner():
            return x
        return inner()
    return mid(), x
print(outer())
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_square(n):
    return n * n
print(slow_square(4), slow_square(4), len(slow_square.cache))
