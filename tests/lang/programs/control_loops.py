total = 0
for i in range(10):
    if i == 3:
        continue
    if i == 8:
        break
    total += i
else:
    print("not reached")
print(total)
for i in range(3):
    pass
else:
    print("for-else ran", i)
n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while-else ran", n)
i = 0
while True:
    i += 1
    if i > 100:
        break
print(i)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print(i, j, end="; ")
print()
k = 10
while k:
    k -= 3
    if k < 0:
        break
print(k)
