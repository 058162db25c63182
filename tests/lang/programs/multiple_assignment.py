a = b = c = 0
print(a, b, c)
x, y = 1, 2
x, y = y, x + y
print(x, y)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
(a, b), [c, d] = "ab", (3, 4)
print(a, b, c, d)
first, second, *others = "hello"
print(first, second, others)
head, *_ = [9, 8, 7]
print(head, _)
d = {}
d["k"] = d2 = {}
d2["inner"] = 1
print(d)
n = m = []
n.append(1)
print(m)
