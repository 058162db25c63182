nums = [3, 8, 12, 5]
print(any(n > 10 for n in nums), all(n > 2 for n in nums), sum(n for n in nums if n % 2 == 0))
print(sum([]), sum([1.5, 2.5]), sum(range(1, 101)), sum([[1], [2, 3]], []))
print(min(nums), max(nums), min("hello"), max([], default="empty"), min([(2, "b"), (1, "z")]))
print(sorted(nums, key=lambda n: n % 5), max(nums, key=lambda n: -n))
words = ["Apple", "banana", "cherry"]
print(min(words, key=str.lower), max(words, key=len), sorted(words, key=str.lower))
print(all([]), any([]), all([[]]), any([[], [0]]))
print(abs(-7), abs(-7.5), abs(True), pow(2, 5), pow(2, -2), pow(10, 3, 7))
