# title: Queue(3): put, get, full, empty, and a producer that blocks when the queue is full
# title_zh: 队列 Queue(3):put、get、full、empty,队列满时生产者阻塞
# seed: 000
# topic: queue
# watch: Sync objects: the queue's 3 slots fill up, then the producer process waits (States: Waiting, reason queue) until the slow consumer takes an item. Timeline: the producer's put markers line up with the consumer's get markers after the first three. Console: items come out in the order they went in.
# watch_zh: 同步对象:队列的 3 个位置被填满后,生产者进程进入等待(状态图:等待,原因是队列),直到慢速消费者取走一项。时间线:前三次之后,生产者的 put 与消费者的 get 一一对应。控制台:先进先出。
# expect: full() is True after 3 puts; a 4th put with a 1 s timeout raises queue.Full; then the first 3 puts of the producer return at once and every later put waits about 0.3 s for a get; FIFO order
# expect_zh: 放入 3 项后 full() 为 True;第 4 次 put(超时 1 秒)抛出 queue.Full;之后生产者前 3 次 put 立即返回,其后每次 put 都要等消费者 get(约 0.3 秒);先进先出
# views: syncObjects

import queue
import time
from multiprocessing import Process, Queue


def producer(q, t0):
    for i in range(6):
        before = time.time()
        q.put(f"msg{i}")  # blocks while the queue already holds 3 items
        waited = time.time() - before
        print(f"  producer: put msg{i} at {time.time() - t0:.1f} s (waited {waited:.1f} s)", flush=True)


if __name__ == '__main__':
    # Part 1: the API, in one process
    q = Queue(3)  # at most 3 items
    print("empty at start:", q.empty())
    q.put("消息1")
    q.put("消息2")
    print("full after 2 puts:", q.full())
    q.put("消息3")
    print("full after 3 puts:", q.full())
    try:
        q.put("消息4", True, 1)  # block at most 1 s, then raise queue.Full
    except queue.Full:
        print("queue is full, put timed out; qsize =", q.qsize())
    for i in range(3):
        print("get ->", q.get())  # first in, first out
    print("empty after 3 gets:", q.empty())

    # Part 2: a fast producer process and a slow consumer (this process)
    print("fast producer, slow consumer:")
    t0 = time.time()
    q = Queue(3)
    p = Process(target=producer, args=(q, t0))
    p.start()
    time.sleep(0.3)
    for i in range(6):
        item = q.get()  # FIFO: first in, first out
        print(f"consumer: got {item} at {time.time() - t0:.1f} s", flush=True)
        time.sleep(0.3)  # the consumer is slow
    p.join()
