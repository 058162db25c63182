x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x /= 3; print(x)
x //= 2; print(x)
x **= 2; print(x)
x %= 7; print(x)
n = 6
n <<= 2; print(n)
n >>= 1; print(n)
n &= 7; print(n)
n |= 8; print(n)
n ^= 5; print(n)
s = "ab"
s += "cd"; s *= 2; print(s)
l = [1]
l += (2, 3); l *= 2; print(l)
d = {"k": 1}
d["k"] += 10; print(d)
class C: pass
c = C(); c.v = 1; c.v += 1; print(c.v)
m = [[1, 2], [3, 4]]
m[1][0] *= 10; print(m)
st = {1}; st |= {2}; st -= {1}; print(st)
