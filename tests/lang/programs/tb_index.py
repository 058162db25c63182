data = [1, 2, 3]
i = 0
while True:
    print(data[i])
    i += 1
