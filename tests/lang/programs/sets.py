s = {3, 1, 2}
s.add(4); s.add(1); s.discard(10); s.remove(3)
print(s, len(s), 2 in s, 5 not in s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, {9}), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= {1, 2, 3, 4, 5}, a < a, a >= {1}, {1, 2}.issubset(a), a.issuperset({1}), a.isdisjoint({7}))
print(set(), set([5, 5, 6]), set("hello") == {"h", "e", "l", "o"}, frozenset([1, 2]))
c = {x % 4 for x in range(20)}
print(c, sorted(c))
s2 = set(range(10)); s2 -= {1, 2}; s2 |= {20}; s2 &= set(range(15)); print(s2)
print({100, 1, 50, 33, 64, 8, 17}, {-1, -5, 3}, {10, 20, 30, 40, 50, 60, 70, 80, 90})
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
print(sorted({"b", "a", "c"}), len({(1, 2), (1, 2)}))
