def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("end")
g = countdown(3)
print(type(g).__name__)
for v in g:
    print("got", v)
def pairs(xs):
    for i in range(len(xs) - 1):
        yield xs[i], xs[i + 1]
print(list(pairs([1, 2, 3, 4])))
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
evens = (x for x in range(10) if x % 2 == 0)
print(next(evens), next(evens), list(evens))
print(sorted(x % 3 for x in range(7)), dict((k, k * 2) for k in range(3)), set(c for c in "aab"))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for x in gen_with_finally():
    print(x)
print(list(enumerate(x * 10 for x in range(3))))
