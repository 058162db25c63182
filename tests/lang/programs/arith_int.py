a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** -1)
print(1 << 10, 1024 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5, -~5)
print(abs(-3), abs(3), divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7))
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
print(True + True, True * 10, False - 1, 3 * True)
