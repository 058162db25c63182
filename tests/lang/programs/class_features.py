class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def info():
        return "temperature"
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temp(100)
print(t.c, t.f, Temp.info(), t.info(), Temp.freezing().c)
t.c = 37
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print("error:", e)
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError:", e)
class Counter:
    instances = []
    def __init__(self):
        Counter.instances.append(self)
    @classmethod
    def total(cls):
        return len(cls.instances)
Counter(); Counter()
print(Counter.total())
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(2, 3))
def repeat(n):
    def d(fn):
        def w():
            return [fn() for _ in range(n)]
        return w
    return d
@repeat(3)
def one():
    return 1
print(one())
