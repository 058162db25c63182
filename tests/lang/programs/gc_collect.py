import gc
gc.disable()
a = []
a.append(a)
del a
print('self list', gc.collect())
d = {}
d['d'] = d
del d
print('self dict', gc.collect())
class N:
    pass
a = N()
b = N()
a.o = b
b.o = a
del a, b
print('two instances', gc.collect())
a = N()
b = N()
a.o = b
b.o = a
vars(a)
vars(b)
del a, b
print('two instances, dicts seen', gc.collect())
def f():
    def ins(k):
        return ins(k - 1) if k else 0
    return ins(3)
f()
print('recursive closure', gc.collect())
t = ([],)
t[0].append(t)
del t
print('tuple and list', gc.collect())
e = ValueError('m')
e.x = e
del e
print('exception', gc.collect())
for i in range(1000):
    x = [i]
    x.append(x)
del x
print('loop', gc.collect())
print('nothing left', gc.collect())
def gen():
    g = []
    g.append(g)
    yield g
    yield g[0] is g
def f():
    a = []
    a.append(a)
    b = {'a': a}
    b['b'] = b
    it = gen()
    first = next(it)
    n = gc.collect()
    print(n, a[0] is a, b['b'] is b, first[0] is first, next(it))
    print(a[0] is a, b['a'] is a, len(first))
f()
print('after', gc.collect())
# A cycle through a bound method and a closure cell.
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
c = Counter()
c.hook = c.bump
del c
print('bound method', gc.collect())
# Generation argument, enable/disable.
print(gc.collect(0), gc.collect(generation=1))
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled(), gc.garbage)
# Automatic collections inside callbacks run by builtins (sorted's key=, map) and while
# generators are suspended: what they use stays alive.
gc.enable()
class Node:
    pass
def key(i):
    n = Node()
    n.me = n
    n.i = i
    return -n.i
print(sorted(range(3000), key=key)[:5])
def cycles(n):
    for i in range(n):
        c = []
        c.append(c)
        c.append(i)
        yield c
print(sum(c[1] for c in cycles(5000)))
print(list(map(lambda i: [i, Node(), {'k': [i]}][2]['k'][0], range(3000)))[-3:])
held = [cycles(10) for _ in range(300)]
print(sum(next(g)[1] + next(g)[1] for g in held))
