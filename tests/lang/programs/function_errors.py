def f(a, b):
    return a + b
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def g(a, b=1, *, c):
    pass
for call in [lambda: g(), lambda: g(1, 2, 3), lambda: g(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
class K:
    def m(self, x):
        return x
try:
    K().m()
except TypeError as e:
    print("TypeError:", e)
try:
    K().m(1, 2)
except TypeError as e:
    print("TypeError:", e)
def three(a, b, c): pass
try:
    three()
except TypeError as e:
    print(e)
