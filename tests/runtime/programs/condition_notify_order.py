import threading
import time

cond = threading.Condition()
order = []


def waiter(i):
    with cond:
        cond.wait()
        order.append(i)


ts = []
for i in range(4):
    t = threading.Thread(target=waiter, args=(i,))
    t.start()
    ts.append(t)
    time.sleep(0.005)
with cond:
    cond.notify(2)
time.sleep(0.01)
print("after notify(2):", sorted(order))
with cond:
    cond.notify_all()
for t in ts:
    t.join()
print("all:", sorted(order))
with cond:
    print("wait timeout:", cond.wait(0.01))
