records = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: r[1]))
data = [3, 1, 2]
data.sort(key=lambda x: 0)
print(data)
print(sorted(["b10", "a2", "a10", "b1"]), sorted(["b10", "a2", "a10", "b1"], key=lambda s: (s[0], int(s[1:]))))
