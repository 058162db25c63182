import threading


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter-%d" % n)
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


ts = [Counter(n) for n in (10, 100, 1000)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([(t.name, t.total) for t in ts])
print(repr(ts[0]).startswith("<Counter(counter-10, stopped"))
try:
    ts[0].start()
except RuntimeError as e:
    print("RuntimeError:", e)
t = threading.Thread(target=print, args=("x",))
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.daemon = True
print(t.daemon, t.ident is None, t.is_alive())
