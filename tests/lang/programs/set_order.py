for n in [5, 9, 17, 33, 100]:
    s = set()
    for i in range(n):
        s.add((i * 7919) % 1000)
    print(list(s)[:12])
print({1, 9, 17, 25, 33}, {8, 16, 24, 32, 0}, {2**40, 7, 2**33})
s = set(range(20)); s.discard(5); s.add(105); print(s)
print(set([64, 32, 16, 8, 4, 2, 1]), {0.5, 1.5, 2.0}, {True, 2, 3})
print(set("abcdefg") == set("gfedcba"), {"x", "y"} | {"z"} == {"x", "y", "z"})
