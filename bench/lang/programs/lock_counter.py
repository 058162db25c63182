# 4 threads, each 300,000 times `with lock: n += 1` (issue 14's lock program).
import threading

N = 300_000
n = 0
lock = threading.Lock()


def work():
    global n
    for _ in range(N):
        with lock:
            n += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(n)
