# title: Two processes update one shared Value with a process lock
# title_zh: 加进程锁:保证一个进程对锁内内容的独占
# seed: 002
# topic: locks
# watch: Sync objects: the Lock is owned by p1 for its whole loop while p2 waits on it (States: Waiting, reason lock). Wait-for graph: p2 -> lock -> p1. Timeline: p2 runs only after p1 releases. Console: 1 2 3 4 5 then 8 11 14 17 20, as in the seed.
# watch_zh: 同步对象:p1 在整个循环期间持有锁,p2 等待该锁(状态图:等待,原因是锁)。等待图:p2 -> 锁 -> p1。时间线:p1 释放锁后 p2 才运行。控制台:先 1 2 3 4 5,再 8 11 14 17 20,与种子文章一致。
# expect: 1 2 3 4 5 8 11 14 17 20 (whichever process gets the lock first finishes all 5 steps before the other starts; usually p1)
# expect_zh: 1 2 3 4 5 8 11 14 17 20(先拿到锁的进程完成全部 5 步后另一个才开始;通常是 p1)
# views: syncObjects

import multiprocessing as mp
import time


def job(v, num, l):
    l.acquire()  # take the lock: the other process waits here
    for _ in range(5):  # 5 each: the seed's output ends at 5 x 1 + 5 x 3 = 20
        time.sleep(0.1)
        v.value += num
        print(v.value, flush=True)
    l.release()  # let the other process in


def multicore():
    l = mp.Lock()  # one lock, passed to both processes
    v = mp.Value('i', 0)  # shared memory
    p1 = mp.Process(target=job, args=(v, 1, l))
    p2 = mp.Process(target=job, args=(v, 3, l))
    p1.start()
    p2.start()
    p1.join()
    p2.join()


if __name__ == '__main__':
    multicore()
