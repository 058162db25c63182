# Four threads that each wait 50 ms for "I/O": the waits overlap, even on one core.
import threading
import time

def fetch():
    time.sleep(0.05)

threads = [threading.Thread(target=fetch) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
