class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __iter__(self):
        return iter(self.xs)
    def __contains__(self, v):
        return v in self.xs
    def __mul__(self, k):
        return Vec(*[x * k for x in self.xs])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(*[-x for x in self.xs])
    def __lt__(self, other):
        return sum(self.xs) < sum(other.xs)
    def __eq__(self, other):
        return self.xs == other.xs
    def __hash__(self):
        return hash(tuple(self.xs))
    def __bool__(self):
        return any(self.xs)
    def __call__(self, k):
        return self.xs[k]
    def __repr__(self):
        return "Vec" + repr(tuple(self.xs))
v = Vec(1, 2, 3)
print(len(v), v[0], v[-1], list(v), 2 in v, 5 in v, v * 2, 3 * v, -v, v(1))
v[0] = 10
print(v, sorted([Vec(5), Vec(1, 1), Vec(0)]), Vec(1) < Vec(2), bool(Vec(0, 0)), bool(v))
print({Vec(1): "a"}[Vec(1)], v == Vec(10, 2, 3), v != Vec(1))
print(max([Vec(1), Vec(9), Vec(3)]), min(Vec(4), Vec(2)))
a, b, c = v
print(a, b, c)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()))
