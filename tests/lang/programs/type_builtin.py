print(type(5), type("s"), type(3.0), type([]), type({}), type(()), type(set()), type(None), type(True))
print(type(type(5)), type(len), type(lambda: 0).__name__, type(range(1)).__name__)
class Foo:
    pass
print(type(Foo()), type(Foo), Foo().__class__.__name__)
Dyn = type("Dyn", (Foo,), {"x": 10, "hello": lambda self: "hi"})
d = Dyn()
print(Dyn.__name__, d.x, d.hello(), isinstance(d, Foo), [c.__name__ for c in Dyn.__mro__])
print(int.__name__, str(type(1.5)))
