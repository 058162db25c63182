import threading
import time

def forever():
    while True:
        time.sleep(0.01)

def short():
    time.sleep(0.05)
    print("non-daemon finished")

d = threading.Thread(target=forever, daemon=True)
d.start()
s = threading.Thread(target=short)
s.start()
print("daemon:", d.daemon, s.daemon)
print("main exits first")
