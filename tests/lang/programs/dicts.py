d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.setdefault("e", 5), d.setdefault("a", 99), d)
d.update({"f": 6}, g=7); print(d)
d.update([("h", 8)]); print(d)
print(dict(a=1, b=2), dict([(1, "one")]), dict(zip("abc", range(3))), dict.fromkeys("xy", 0))
del d["a"]; print(d)
print({k: v for k, v in sorted(d.items())})
c = d.copy(); c.clear(); print(c, len(d))
print(d.popitem(), d)
e = {1: "int", 1.0: "float", True: "bool"}
print(e)
print({**{"x": 1}, "y": 2, **{"x": 3}})
print({1: 2} | {3: 4}, sorted({3: 1, 1: 2}))
try:
    d["missing"]
except KeyError as ex:
    print("KeyError", ex)
for k in {"one": 1, "two": 2}:
    print(k)
print(d.keys(), d.values(), d.items())
