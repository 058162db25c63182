# title: The multiprocessing Queue API: put, get, full, empty, qsize, timeouts, close
# title_zh: 消息队列 Queue 的接口:put、get、full、empty、qsize、超时、close
# seed: 003
# topic: queue
# watch: Sync objects: the queue created in the parent, its items and capacity; the child process puts, the parent gets. States: the parent waits (reason join) while the child fills the queue; put() with a timeout on the full queue and get() with a timeout on the empty queue each wait 0.5 s (reason queue) and give up. Console: the result of every call.
# watch_zh: 同步对象:在父进程中创建的队列、其中的数据和容量;子进程 put,父进程 get。状态图:子进程填充队列时父进程在 join 上等待;在满队列上带超时的 put() 和在空队列上带超时的 get() 各等待 0.5 秒(原因是队列)后放弃。控制台:每个调用的结果。
# expect: processes do not share memory, so they talk through the queue; FIFO order; qsize() 3 and full() True at capacity; put(timeout) raises queue.Full and get(timeout) raises queue.Empty; put after close() raises ValueError
# expect_zh: 进程间空间独立,需要通过队列通信;先进先出;达到容量时 qsize() 为 3、full() 为 True;put(timeout) 抛出 queue.Full,get(timeout) 抛出 queue.Empty;close() 之后 put 抛出 ValueError
# views: syncObjects

import queue
import time
from multiprocessing import Process, Queue


def writer(q):
    for i in range(3):
        q.put(f"data{i}")  # blocks if the queue is full
        time.sleep(0.1)


if __name__ == '__main__':
    q = Queue(maxsize=3)  # create the queue in the parent, before the child starts
    p = Process(target=writer, args=(q,))
    p.start()
    p.join()
    print("qsize:", q.qsize(), "full:", q.full(), "empty:", q.empty())
    try:
        q.put("one too many", timeout=0.5)
    except queue.Full:
        print("put(timeout=0.5): queue.Full")
    for i in range(3):
        print("get:", q.get())  # first in, first out
    print("qsize:", q.qsize(), "empty:", q.empty())
    try:
        q.get(timeout=0.5)
    except queue.Empty:
        print("get(timeout=0.5): queue.Empty")
    q.close()
    try:
        q.put("after close")
    except ValueError:
        print("put after close(): ValueError")
