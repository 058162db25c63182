import math
print(math.gcd(0, 0), math.gcd(-12, 18), math.isqrt(10 ** 20), math.factorial(0))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(2.9), round(math.e, 5))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.log(1024, 2), math.log(100, 10))
print(math.comb(10, 3), math.perm(4), math.prod(range(1, 6)), math.dist((0, 0), (3, 4)))
print(round(math.asin(1), 6), round(math.acos(0), 6), round(math.tan(math.pi / 4), 6))
print(math.fabs(-0.0), math.copysign(1, -0.0), math.fmod(-7, 3), -7 % 3)
