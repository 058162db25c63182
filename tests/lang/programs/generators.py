def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(gen(4)))
g = gen(3)
print(next(g), next(g), next(g), next(g, "done"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for x in fib():
    if x > 100:
        break
    out.append(x)
print(out)
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
squares = (i * i for i in range(4))
print(list(squares), list(squares))
def with_return():
    yield 1
    return
print(list(with_return()))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
gg = gen(2)
print(iter(gg) is gg, type(gg).__name__)
