class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        return self.__add__(other)
    def __sub__(self, other):
        return Money(self.cents - other.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
a, b = Money(150), Money(275)
print(a + b, b - a, a * 3, b / 2, a + 5, 5 + a, sum([a, b, Money(1)], Money(0)))
print(a < b, a <= a, a > b, a >= b, a == Money(150), a != b)
print(sorted([b, a, Money(10)]), max(a, b), len({a, Money(150)}))
x = Money(100)
x += Money(1)
print(x)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
