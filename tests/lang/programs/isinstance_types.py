values = [1, 1.5, "s", [1], (1,), {1: 2}, {1}, None, True, range(3), len, lambda: 0]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), callable(v))
class Base: pass
class Child(Base): pass
c = Child()
print(isinstance(c, Base), isinstance(c, Child), isinstance(Base(), Child), type(c) is Child, type(c) == Base)
print(issubclass(Child, Base), issubclass(Child, object), issubclass(int, object), issubclass(bool, (str, int)))
print(type(1) is int, type(True) is bool, type(None).__name__)
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
