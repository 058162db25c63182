def f(x):
    return 10 / x

print("start")
f(0)
