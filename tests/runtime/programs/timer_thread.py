import threading
import time

fired = []
t = threading.Timer(0.02, lambda: fired.append("fired"))
t.start()
c = threading.Timer(0.02, lambda: fired.append("cancelled one"))
c.start()
c.cancel()
t.join()
c.join()
print(fired)
print(threading.active_count(), len(threading.enumerate()))
