# title: Pool vs Queue: a pool finishes tasks in no fixed order, a queue is first in, first out
# title_zh: 进程池与队列的区别:进程池进出顺序不确定,队列先进先出
# seed: 000
# topic: pool
# watch: Timeline: the pool's 3 workers run tasks of different lengths, so short tasks that started later finish first. Sync objects: the queue's items leave in the order they arrived. Console: the two orders side by side.
# watch_zh: 时间线:进程池的 3 个工作进程执行长短不同的任务,后开始的短任务先完成。同步对象:队列中的数据按进入的顺序离开。控制台:两种顺序对比。
# expect: pool completion order differs from submission order 0..7 (results fetched with get() are still in submission order); queue order is exactly 0..7
# expect_zh: 进程池的完成顺序与提交顺序 0..7 不同(用 get() 按提交顺序取结果时仍是 0..7);队列的顺序正好是 0..7
# views: syncObjects

import os
import time
from multiprocessing import Pool, Process, Queue

# how long each task takes (seconds): later tasks are often shorter
DURATIONS = [0.4, 0.1, 0.3, 0.1, 0.2, 0.1, 0.3, 0.1]


def task(i):
    time.sleep(DURATIONS[i])
    return i


def producer(q):
    for i in range(len(DURATIONS)):
        time.sleep(DURATIONS[i] / 4)
        q.put(i)


if __name__ == '__main__':
    finished = []

    def on_done(result):
        # runs in the parent as soon as a task's result comes back
        finished.append(result)

    pool = Pool(3)
    handles = [pool.apply_async(task, (i,), callback=on_done) for i in range(len(DURATIONS))]
    pool.close()
    pool.join()
    print("pool  submitted :", list(range(len(DURATIONS))))
    print("pool  finished  :", finished)
    print("pool  get() in submission order:", [h.get() for h in handles])

    q = Queue()
    p = Process(target=producer, args=(q,))
    p.start()
    received = [q.get() for i in range(len(DURATIONS))]
    p.join()
    print("queue put order :", list(range(len(DURATIONS))))
    print("queue get order :", received)
    print("pool order is FIFO:", finished == sorted(finished), "| queue order is FIFO:", received == sorted(received))
