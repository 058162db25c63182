values = [0, 1, -1, 0.0, 0.5, "", "0", [], [0], (), {}, {0: 0}, set(), None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no")
class Falsy:
    def __bool__(self):
        return False
class Sized:
    def __len__(self):
        return 0
print(bool(Falsy()), bool(Sized()), not Falsy(), bool(object()))
print([v for v in values if v])
