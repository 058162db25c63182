class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"Date({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("2000-01-01"), type(MyDate.from_string("1-1-1")).__name__)
print([y for y in range(1896, 1910) if Date.is_leap(y)], Date(1, 2, 3).is_leap(2000))
print(Date.is_leap.__name__, type(Date.__dict__["is_leap"]).__name__)
