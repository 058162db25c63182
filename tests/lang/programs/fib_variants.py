def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
def fib_memo(n, memo={0: 0, 1: 1}):
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
g = fib_gen()
print([fib_iter(i) for i in range(10)], [next(g) for _ in range(10)], fib_memo(80), fib_iter(100))
