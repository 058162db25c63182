n = 12345
rev = 0
while n:
    rev = rev * 10 + n % 10
    n //= 10
print(rev)
a, b = 0, 1
fibs = []
while len(fibs) < 12:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 2.0
guess = 1.0
while abs(guess * guess - x) > 1e-12:
    guess = (guess + x / guess) / 2
print(round(guess, 10))
count = 0
i = 100
while i > 1:
    i = i // 2 if i % 2 == 0 else 3 * i + 1
    count += 1
print(count)
