import time

a = 3.0
b = (1,)
c = {"x": [1, 2], "y": (None, True)}
e = range(0, 10, 2)
h = 10 ** 30
s = "it's"
q = 'say "hi"'
lst = []
lst.append(lst)
empty = set()
fs = frozenset()
f = -0.5
time.sleep(0.05)
print(repr(a), repr(b), repr(c), repr(e), repr(h), repr(s), repr(q), repr(lst), repr(empty), repr(fs), repr(f), sep="\n")
