# Class attribute lookups are cached; every change to a class or a base must show at once.
class Base:
    def hello(self):
        return "base"


class Child(Base):
    pass


c = Child()
out = []
for i in range(3):
    out.append(c.hello())
Base.hello = lambda self: "patched"
out.append(c.hello())
Child.hello = lambda self: "child"
out.append(c.hello())
del Child.hello
out.append(c.hello())
print(out)

# A miss is cached too: adding the attribute to a base later must be seen.
print(hasattr(c, "extra"))
Base.extra = 42
print(c.extra, Child.extra)
del Base.extra
print(hasattr(c, "extra"))


# Classes made and dropped in a loop, with the same names (addresses are reused).
def make(k):
    class K:
        value = k

        def get(self):
            return self.value

    return K


print([make(k)().get() for k in range(5)])


# Special methods found through the cache: __enter__/__exit__ and __next__ replaced.
class Ctx:
    def __enter__(self):
        return "first"

    def __exit__(self, *a):
        return False


with Ctx() as v:
    print(v)
Ctx.__enter__ = lambda self: "second"
with Ctx() as v:
    print(v)


class Count:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


print(list(Count()))


def stop(self):
    raise StopIteration


Count.__next__ = stop
print(list(Count()))



# A class attribute counter updated in a loop.
class Counter:
    total = 0


for i in range(1000):
    Counter.total += i
print(Counter.total)
