class Obj:
    a = 1
    def method(self):
        return "m"
o = Obj()
print(getattr(o, "a"), getattr(o, "b", "default"), hasattr(o, "method"), getattr(o, "method")())
setattr(o, "b", 2)
print(o.b, vars(o))
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
for name in ["upper", "lower", "title"]:
    print(getattr("Hello World", name)())
print(getattr(Obj, "a"), hasattr(Obj, "method"), callable(getattr(Obj, "method")))
