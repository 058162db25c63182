print(list(range(0)), list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0, 10, 4)))
r = range(3, 20, 4)
print(r, len(r), r[1], r[-1], 7 in r, 8 in r, r.index(11), r.count(15))
print(range(5) == range(5), list(reversed(range(4))), sum(range(101)))
print(range(1, 10, 2)[::-1], range(-5, 5)[3:6])
for i in range(10, 0, -4):
    print(i, end=" ")
print()
