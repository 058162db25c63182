class CountDown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
for x in CountDown(3):
    print(x)
print(list(CountDown(4)), sum(CountDown(10)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
class Box:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for i in self.items:
            yield i * 2
print(list(Box([1, 2])), [x for x in Box([5])])
d = {"a": 1}
it = iter(d)
print(next(it))
print(list(enumerate(CountDown(2))), dict(zip("ab", CountDown(2))))
