x = 1
def read():
    return x
def write():
    global x
    x = 2
def local_shadow():
    x = 3
    return x
print(read(), local_shadow(), x)
write()
print(read(), x)
def outer():
    a = 1
    def inner():
        nonlocal a
        a += 10
        b = a
        return b
    inner()
    inner()
    return a
print(outer())
def unbound():
    try:
        print(y_local)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y_local = 1
unbound()
counter = 0
def bump(n):
    global counter
    for _ in range(n):
        counter += 1
bump(5)
print(counter)
