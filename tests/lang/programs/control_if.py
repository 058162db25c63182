for x in [-5, 0, 5, 15, 100]:
    if x < 0:
        print(x, "negative")
    elif x == 0:
        print(x, "zero")
    elif x < 10:
        print(x, "small")
    else:
        print(x, "large")
y = "yes" if 3 > 2 else "no"
print(y, "a" if 0 else "b" if 1 else "c")
if []: print("never")
else: print("empty list is false")
