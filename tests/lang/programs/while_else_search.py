def find_first_multiple(xs, k):
    i = 0
    while i < len(xs):
        if xs[i] % k == 0:
            print("found", xs[i])
            break
        i += 1
    else:
        print("none divisible by", k)
find_first_multiple([3, 5, 7, 10], 5)
find_first_multiple([3, 7], 5)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
