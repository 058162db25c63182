import threading
import time

shared = [0]
big = list(range(100000))
label = "two sleepers"


def worker(k):
    x = k * 10
    shared[0] += x
    time.sleep(0.05)
    return x


t1 = threading.Thread(target=worker, args=(1,))
t2 = threading.Thread(target=worker, args=(2,))
t1.start()
t2.start()
t1.join()
t2.join()
print(shared[0])
