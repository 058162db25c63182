people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), sorted(set(words)))
nums = [5, -2, 9, -7, 0]
nums.sort(key=abs); print(nums)
nums.sort(reverse=True); print(nums)
print(sorted([3.5, 1, 2.25, -1]), sorted("Banana", key=str.lower), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
