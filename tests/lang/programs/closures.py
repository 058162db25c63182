def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
g = 0
def setg():
    global g
    g = 42
setg()
print(g)
def shadow():
    g = 1
    return g
print(shadow(), g)
def cell_arg(v):
    def get():
        return v
    v = v * 2
    return get()
print(cell_arg(21))
