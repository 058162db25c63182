def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            return i
    return None
r = find([1, 2, 3], 5)
print(r, r is None, r == None, find([1, 2], 2))
values = [3, None, 5, None]
print([v for v in values if v is not None], [v or 0 for v in values])
d = {"a": None}
print(d.get("a"), d.get("b"), "a" in d, d.get("b", "dflt"))
def maybe(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(maybe(), maybe(), maybe([0]))
print(type(None).__name__, None.__class__.__name__, repr(None))
