import threading
import time

results = []

def worker(n, delay):
    time.sleep(delay)
    results.append(n)
    print("worker", n, "in", threading.current_thread().name)

threads = [threading.Thread(target=worker, args=(i, 0.05 * (3 - i)), name="w%d" % i) for i in range(3)]
for t in threads:
    t.start()
print("alive:", [t.is_alive() for t in threads])
for t in threads:
    t.join()
print("order:", results)
print("alive after join:", [t.is_alive() for t in threads])
print("main:", threading.main_thread().name, threading.current_thread() is threading.main_thread())
