inventory = {}
for item in ["apple", "pear", "apple", "fig", "pear", "apple"]:
    inventory[item] = inventory.get(item, 0) + 1
print(inventory)
print(sorted(inventory.items(), key=lambda kv: kv[1], reverse=True))
print(max(inventory, key=inventory.get), min(inventory.values()))
grid = {(x, y): x * y for x in range(3) for y in range(3)}
print(grid[(2, 2)], len(grid), (1, 2) in grid)
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"])
d = dict(zip(range(5), "abcde"))
for k in list(d):
    if k % 2:
        del d[k]
print(d)
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print({} == {}, {1: 2} != {1: 3}, dict(sorted({"b": 1, "a": 2}.items())))
words = "to be or not to be".split()
freq = {}
for w in words:
    freq.setdefault(w, []).append(len(w))
print(freq)
print(list({"x": 1, "y": 2}.values()), sum({"a": 1, "b": 2}.values()))
