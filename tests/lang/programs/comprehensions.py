print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x ** 2 for x in range(4)}, {c for c in "mississippi"} == set("misp"))
print([[i * j for j in range(3)] for i in range(3)])
words = ["apple", "bob", "kiwi"]
print({w: len(w) for w in words if len(w) > 3})
print([w.upper() for w in words], list(map(str.upper, words)))
x = 10
print([x for x in range(3)], x)
print(sorted({v for v in [3, 1, 3, 2]}), [i for i, _ in enumerate("ab")])
m = [[1, 2], [3, 4]]
print([v for row in m for v in row], list(zip(*m)))
