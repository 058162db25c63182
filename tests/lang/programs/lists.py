a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); a.extend([3, 5]); a.insert(0, 0); a.insert(-1, 99); a.insert(100, 7)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a, a.index(5), a.count(5))
b = sorted(a); print(b, sorted(a, reverse=True), a)
a.sort(); print(a); a.reverse(); print(a)
c = a.copy(); c.clear(); print(c, a[:3])
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2, 3 in a, min(a), max(a), sum(a))
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested))
del a[0]; del a[1:3]; print(a)
a[0] = "x"; print(a)
print(list(range(5)), list("abc"), list((1, 2)), list({1: 2, 3: 4}))
