a = [5, 3, 8, 1]
print(a.index(8), a.count(3), 8 in a)
a.extend(range(2))
a.extend("xy")
print(a)
b = a[:4]
b.sort(key=lambda v: -v)
print(b)
try:
    a.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
stack = []
for ch in "abc":
    stack.append(ch)
print(stack.pop(), stack.pop(), stack)
c = [1, 2, 3]
c += [4]
c *= 2
print(c, c[::-2])
d = c
d.append(0)
print(c is d, len(c))
e = list(c)
e.clear()
print(e, len(c))
print([1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 2, 0], [3] > [2, 9])
