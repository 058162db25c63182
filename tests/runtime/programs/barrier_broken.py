import threading

b = threading.Barrier(3, timeout=0.05)
res = []


def w():
    try:
        res.append(b.wait())
    except threading.BrokenBarrierError:
        res.append("broken")


ts = [threading.Thread(target=w) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(res, b.broken)
b.reset()
print(b.broken, b.n_waiting)
b2 = threading.Barrier(2)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("aborted barrier raises")
