import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
running = 0
peak = 0


def job(i):
    global running, peak
    with sem:
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.01)
        with lock:
            running -= 1


ts = [threading.Thread(target=job, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak", peak)
print(sem.acquire(timeout=0.01), sem.acquire(timeout=0.01), sem.acquire(timeout=0.01))
l = threading.Lock()
l.acquire()
t0 = time.monotonic()
print(l.acquire(timeout=0.05), round(time.monotonic() - t0, 2))
print(l.acquire(False))
try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
r = threading.RLock()
def rec(n):
    with r:
        return 0 if n == 0 else 1 + rec(n - 1)
print(rec(5))
