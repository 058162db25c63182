names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, name in enumerate(names):
    print(i, name)
for i, name in enumerate(names, start=1):
    print(i, name)
for n, a in zip(names, ages):
    print(f"{n} is {a}")
print(list(zip(names, ages, "xyz")), list(zip(names, [1])), list(zip()))
print(dict(enumerate("ab")), dict(zip(names, ages)))
unzipped = list(zip(*zip(names, ages)))
print(unzipped)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
it = enumerate(["x"])
print(next(it), next(it, "end"))
