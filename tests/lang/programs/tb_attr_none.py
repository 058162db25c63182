def lookup(d, k):
    return d.get(k)
user = lookup({"a": "ann"}, "b")
print(user.upper())
