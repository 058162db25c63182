import queue
import threading

q = queue.Queue()
results = []
lock = threading.Lock()


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            results.append(item * 2)
        q.task_done()


workers = [threading.Thread(target=consumer) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    q.put(i)
for _ in workers:
    q.put(None)
q.join()
for w in workers:
    w.join()
print(sorted(results))
print(q.unfinished_tasks, q.qsize())
try:
    q.put(1, timeout=-1)
except ValueError as e:
    print("ValueError:", e)
