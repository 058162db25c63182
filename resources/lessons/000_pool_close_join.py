# title: A process pool reuses its workers: apply_async, close, join
# title_zh: 进程池:apply_async、close、join,进程被重复利用
# seed: 000
# topic: pool
# watch: Process tree: only 3 worker processes exist for 10 tasks. Timeline: when a worker finishes a task it takes the next waiting one. Console: the same 3 pids appear again and again; "----start----" prints before any task ends because apply_async does not wait.
# watch_zh: 进程树:10 个任务只有 3 个工作进程。时间线:工作进程完成一个任务后立即取下一个等待中的任务。控制台:同样的 3 个 pid 反复出现;apply_async 不等待,所以"----start----"先于任务结束打印。
# expect: 10 tasks run on 3 reused worker pids; close() stops new tasks, join() (only after close) waits for all of them
# expect_zh: 10 个任务由 3 个被重复利用的工作进程完成;close() 后不再接受新任务,join()(必须在 close 之后)等待全部完成
# views: processes

import os
import random
import time
from multiprocessing import Pool


def worker(msg):
    t_start = time.time()
    print(f"task {msg} starts in worker pid {os.getpid()}", flush=True)
    # random pause: tasks take different times, so the order of finishing varies
    time.sleep(random.random() * 0.6)
    t_stop = time.time()
    print(f"task {msg} done, took {t_stop - t_start:.2f} s", flush=True)
    return os.getpid()


if __name__ == '__main__':
    po = Pool(3)  # at most 3 worker processes
    results = []
    for i in range(10):
        # apply_async returns at once; the task waits in the pool until a worker is free
        results.append(po.apply_async(worker, (i,)))
    print("----start----", flush=True)
    po.close()  # no more tasks may be added
    po.join()   # wait for every worker to finish; must come after close()
    print("-----end-----")
    pids = sorted(set([r.get() for r in results]))
    print(f"10 tasks ran in {len(pids)} worker processes: {pids}")
