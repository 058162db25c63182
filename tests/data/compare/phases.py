# Three phases marked with taskscope.mark: serial work, then threads, then a wait.
import taskscope
import threading
import time

def spin():
    n = 0
    for i in range(20000):
        n += i

taskscope.mark("serial")
spin()
spin()
taskscope.mark("threads")
ts = [threading.Thread(target=spin) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
taskscope.mark("sleep")
time.sleep(0.01)
