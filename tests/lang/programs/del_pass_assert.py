a = [1, 2, 3]
b = {"x": 1, "y": 2}
c = 5
del a[0], b["x"]
del c
print(a, b)
try:
    print(c)
except NameError as e:
    print(e)
class O: pass
o = O(); o.v = 1
del o.v
print(hasattr(o, "v"))
def f():
    pass
print(f())
assert True
assert 1 + 1 == 2, "never"
try:
    del b["zz"]
except KeyError as e:
    print("KeyError", e)
x, y = 1, 2
del x, y
print("deleted")
