import threading
import time

ev = threading.Event()
out = []

def waiter(i):
    ev.wait()
    out.append(i)

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
time.sleep(0.01)
print("set before:", ev.is_set(), len(out))
ev.set()
for t in ts:
    t.join()
print("woken:", sorted(out))
print("wait with timeout on clear event:", threading.Event().wait(0.01))

cond = threading.Condition()
items = []

def consume():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        print("consumer sees", items)

c = threading.Thread(target=consume)
c.start()
for i in range(3):
    time.sleep(0.005)
    with cond:
        items.append(i)
        cond.notify()
c.join()
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

b = threading.Barrier(3)
idx = []

def arrive():
    idx.append(b.wait())

bs = [threading.Thread(target=arrive) for _ in range(3)]
for t in bs:
    t.start()
for t in bs:
    t.join()
print("barrier indexes:", sorted(idx), "parties", b.parties)
sem = threading.BoundedSemaphore(2)
sem.acquire()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
