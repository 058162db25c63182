class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def dist2(self):
        return self.x ** 2 + self.y ** 2
p, q = Point(1, 2), Point(3, 4)
print(p, repr(p), [p, q], p + q, p == Point(1, 2), p != q, p.dist2(), Point.count)
print(str(p), f"{p}", f"{p!r}", "%s" % p)
p.z = 9
print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "x"), vars(p))
setattr(p, "x", 100); print(p.x)
del p.z; print(hasattr(p, "z"))
print(type(p).__name__, type(p) is Point, isinstance(p, Point), Point.__name__)
try:
    hash(p)
except TypeError as e:
    print(e)
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, object))
