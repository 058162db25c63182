x = "global"
def f():
    x = "local"
    return [x for _ in range(2)], [y for y in range(3)]
print(f())
items = [1, 2, 3]
squares = {i: i * i for i in items}
print(squares)
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return [n for _ in range(2)]
    return bump
b = counter()
print(b(), b())
funcs = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs])
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)])
