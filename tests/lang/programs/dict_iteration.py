scores = {"ann": 90, "bob": 72, "cy": 85}
for name in scores:
    print(name, scores[name])
for name, s in scores.items():
    print(f"{name:>4}: {s}")
print(sorted(scores, key=scores.get, reverse=True))
print({v: k for k, v in scores.items()})
print(len(scores.keys()), 90 in scores.values(), ("ann", 90) in scores.items())
keys = scores.keys()
scores["dee"] = 60
print(list(keys), keys)
print(dict(sorted(scores.items(), key=lambda kv: kv[1])))
inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
print(list(reversed({"x": 1, "y": 2})), {**scores, "ann": 0}["ann"])
