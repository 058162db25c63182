import math
print(math.pi, math.e, math.tau, math.inf, math.sqrt(16), math.sqrt(2))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.trunc(-3.7), math.fabs(-2))
print(math.factorial(10), math.gcd(12, 18), math.lcm(4, 6), math.isqrt(17), math.comb(5, 2), math.perm(5, 2))
print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.exp(0))
print(round(math.sin(math.pi / 2), 10), round(math.cos(0), 3), math.atan2(1, 1), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180), math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")))
print(math.pow(2, 10), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.copysign(3, -1), math.fmod(7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
from math import sqrt, pi as PI
print(sqrt(9), PI)
import math as m
print(m.floor(2.5), type(m.floor(2.5)).__name__)
