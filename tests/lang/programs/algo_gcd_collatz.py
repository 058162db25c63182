def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 15)], max(range(1, 1000), key=collatz))
def digits(n):
    return [int(d) for d in str(n)]
print(digits(9075), sum(digits(2 ** 100)))
print([n for n in range(1, 30) if n == sum(d for d in range(1, n) if n % d == 0)])
