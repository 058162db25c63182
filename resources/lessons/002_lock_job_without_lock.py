# title: Two processes update one shared Value without a lock
# title_zh: 不加进程锁:两个进程抢着使用共享内存 v
# seed: 002
# topic: locks
# watch: Timeline: p1 and p2 wake from their 0.1 s sleeps at the same moments and both write v. Sync objects: the shared Value changes by 1 and by 3 in turn. Console: the printed values of the two processes interleave (the seed printed 1 4 5 8 9 12 13 16 17 20).
# watch_zh: 时间线:p1 和 p2 在同一时刻从 0.1 秒的睡眠中醒来,都去写 v。同步对象:共享的 Value 轮流加 1 和加 3。控制台:两个进程打印的值交错出现(种子文章的输出是 1 4 5 8 9 12 13 16 17 20)。
# expect: the outputs of p1 (+1) and p2 (+3) interleave, e.g. 1 4 5 8 9 12 13 16 17 20; the exact order can change from run to run
# expect_zh: p1(加 1)和 p2(加 3)的输出交错,例如 1 4 5 8 9 12 13 16 17 20;每次运行的顺序可能不同
# views: syncObjects

import multiprocessing as mp
import time


def job(v, num, l):
    # l is passed in but never used: no lock, so p1 and p2 take turns at random
    # l.acquire()
    for _ in range(5):  # 5 each: the seed's output ends at 5 x 1 + 5 x 3 = 20
        time.sleep(0.1)
        v.value += num  # read v, add, write v back
        print(v.value, flush=True)
    # l.release()


def multicore():
    l = mp.Lock()
    v = mp.Value('i', 0)  # shared memory
    p1 = mp.Process(target=job, args=(v, 1, l))
    p2 = mp.Process(target=job, args=(v, 3, l))
    p1.start()
    p2.start()
    p1.join()
    p2.join()


if __name__ == '__main__':
    multicore()
