import threading

def boom():
    raise ValueError("bad value in thread")

t = threading.Thread(target=boom, name="T1")
t.start()
t.join()
print("main goes on", t.is_alive())
