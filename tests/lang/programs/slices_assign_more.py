a = list(range(8))
a[1:3] = "xyz"
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[-3:]
print(a)
a[:] = []
print(a)
b = [1, 2, 3, 4, 5]
print(b[-2:], b[:-2], b[-100:100], b[3:1], b[::-1][1:3])
s = "abcdefghij"
print(s[-3:-1], s[2:-2:3], s[::-4], s[10:], s[:0] == "")
t = tuple(range(6))
print(t[::2], t[-1::-2])
