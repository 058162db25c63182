class A:
    pass
class B:
    def __str__(self):
        return "B-str"
    def __repr__(self):
        return "B()"
class C:
    def __repr__(self):
        return "C-repr"
class D:
    def __str__(self):
        return "D-str"
    def __repr__(self):
        return "D-repr"
for obj in (B(), C(), D()):
    print(str(obj), repr(obj), f"{obj}", [obj], "%s %r" % (obj, obj))
print(type(A()).__name__, str(A).startswith("<class"), repr(A))
print(str(int), repr(str), [len], type(len).__name__)
print(repr(None), str(True), repr(3.0), str(-2))
