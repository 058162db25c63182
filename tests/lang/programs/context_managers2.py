class Timer:
    def __init__(self, label):
        self.label = label
        self.log = []
    def __enter__(self):
        self.log.append("start")
        return self.log
    def __exit__(self, et, ev, tb):
        self.log.append("stop")
        print(self.label, self.log)
        return False
with Timer("t1") as log:
    log.append("work")
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError, IndexError):
    {}["x"]
print("after suppressed KeyError")
try:
    with Suppress(KeyError):
        [][0]
except IndexError as e:
    print("IndexError escaped:", e)
def use():
    with Timer("t2"):
        for i in range(3):
            if i == 1:
                return i
print(use())
nested = []
class Tag:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        nested.append("<" + self.n + ">")
    def __exit__(self, *a):
        nested.append("</" + self.n + ">")
with Tag("a"):
    with Tag("b"):
        nested.append("text")
print("".join(nested))
