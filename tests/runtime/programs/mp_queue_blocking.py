import multiprocessing as mp
import queue
import time

def producer(q):
    for i in range(5):
        q.put(i)
    q.put(None)

if __name__ == '__main__':
    q = mp.Queue(2)
    p = mp.Process(target=producer, args=(q,))
    p.start()
    got = []
    while True:
        time.sleep(0.01)
        item = q.get()
        if item is None:
            break
        got.append(item)
    p.join()
    print(got)
    q2 = mp.Queue(1)
    q2.put(1)
    try:
        q2.put(2, timeout=0.01)
    except queue.Full:
        print("Full")
    print(q2.get())
    try:
        q2.get(timeout=0.01)
    except queue.Empty:
        print("Empty")
    a, b = mp.Pipe()
    a.send({"k": [1, 2]})
    print(b.recv(), b.poll())
