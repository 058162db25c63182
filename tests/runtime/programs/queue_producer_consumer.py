import queue
import threading
import time

q = queue.Queue(maxsize=2)
log = []

def producer():
    for i in range(6):
        q.put(i)
        log.append("put %d" % i)
    q.put(None)

def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        time.sleep(0.01)
        log.append("got %d" % item)
        q.task_done()

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
q.join()
p.join()
c.join()
print([x for x in log if x.startswith("got")])
print(q.empty(), q.qsize(), q.full())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty raised")
small = queue.Queue(1)
small.put("a")
try:
    small.put("b", timeout=0.01)
except queue.Full:
    print("Full raised")
lifo = queue.LifoQueue()
for i in range(3):
    lifo.put(i)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(item)
print([pq.get() for _ in range(3)])
try:
    small.task_done()
    small.task_done()
except ValueError as e:
    print("ValueError:", e)
