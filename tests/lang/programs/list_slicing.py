a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[1::2], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[::-3])
b = a[:]
b[2:5] = ["x", "y"]; print(b)
b[:0] = [-1]; print(b)
b[len(b):] = [100]; print(b)
c = list(range(10)); c[::2] = "abcde"; print(c)
d = list(range(10)); del d[::3]; print(d)
e = [1, 2, 3]; e[1:2] = []; print(e)
try:
    c[::2] = [1, 2]
except ValueError as ex:
    print("ValueError:", ex)
s = "abcdefgh"; t = (0, 1, 2, 3, 4)
print(s[1:6:2], s[::-1], t[1:3], t[::-1], t[-2:])
print(range(10)[2:8:2], list(range(10)[::-1]), range(0, 20, 3)[2])
