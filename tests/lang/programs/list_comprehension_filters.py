nums = range(-5, 6)
print([n for n in nums if n > 0], [n * n for n in nums if n % 2], [abs(n) for n in nums if n < 0])
print([(a, b) for a in range(1, 5) for b in range(a, 5) if a + b == 5])
print([x if x > 0 else 0 for x in nums])
words = ["Apple", "bat", "Cat", "dog"]
print([w for w in words if w[0].isupper()], [w.lower() for w in words if len(w) == 3])
print(sum([1 for c in "hello world" if c in "aeiou"]))
print([[c * r for c in range(3)] for r in range(1, 3)], [i for row in [[1, 2], [3]] for i in row])
