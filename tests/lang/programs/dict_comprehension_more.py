words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
lengths = {w: len(w) for w in words if "e" in w}
print(lengths)
squares = {n: n ** 2 for n in range(6) if n % 2 == 0}
print(squares, {v: k for k, v in squares.items()})
pairs = dict((i, chr(97 + i)) for i in range(4))
print(pairs, {k: v.upper() for k, v in pairs.items() if k})
