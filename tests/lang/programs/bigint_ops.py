a = 123456789123456789123456789
b = 987654321987654321
print(a + b, a - b, a * b, a // b, a % b, -a // b, divmod(a, b))
print(a ** 2, pow(a, 3, 1000000007), a >> 40, a & 0xFFFF, a | 1, a ^ b)
print(abs(-a), -a, a == a + 0, a > b, b < a, str(a)[:5], hex(a), len(bin(a)))
fact = 1
for i in range(1, 51):
    fact *= i
print(fact, fact % (10 ** 9 + 7), fact.bit_length())
print(2 ** 128 // 3 * 3 + 2 ** 128 % 3 == 2 ** 128)
print(int(str(2 ** 100)) == 2 ** 100, float(2 ** 100), 2 ** 100 / 2 ** 99)
print(sorted([2 ** 70, 5, -(2 ** 65), 0]), max(2 ** 64, 10 ** 19), {2 ** 80: "big"}[2 ** 80])
