items = [1, 2, 0, 4]
total = 0
for i in items:
    total += 10 // i
    print(total)
