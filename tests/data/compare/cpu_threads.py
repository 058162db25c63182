# Four CPU-bound threads: with the GIL only one runs at a time, whatever the cores.
import taskscope
import threading

def spin():
    n = 0
    for i in range(100000):
        n += i

taskscope.mark("work")
threads = [threading.Thread(target=spin) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
taskscope.mark("done")
