# title: Sequential, concurrent and parallel, for tasks with and without blocking
# title_zh: 顺序、并发与并行:无阻塞任务与有阻塞任务
# seed: 003
# topic: scheduling
# watch: Timeline: without blocking, the two threads take turns on the GIL (concurrent) and finish no sooner than sequential, while the two processes run on both cores (parallel). With blocking (sleep), both threads and processes sleep at the same time, so both finish early. States: blocking tasks spend most of their time Waiting (sleep). Console: a table of six times.
# watch_zh: 时间线:无阻塞时,两个线程轮流持有 GIL(并发),并不比顺序执行快,而两个进程在两个核上同时运行(并行)。有阻塞(sleep)时,线程和进程都同时睡眠,都提前完成。状态图:有阻塞的任务大部分时间处于等待(睡眠)。控制台:六个时间的表格。
# expect: no blocking: sequential T, concurrent ~T (no gain), parallel ~T/2 on 2 cores; with blocking: sequential T, concurrent ~T/2, parallel ~T/2 (both help; concurrency uses less CPU)
# expect_zh: 无阻塞:顺序 T,并发约 T(没有提升),并行在双核上约 T/2;有阻塞:顺序 T,并发约 T/2,并行约 T/2(两者都有提升,并发占用的 CPU 资源更少)
# cores: 2

import threading
import time
from multiprocessing import Process

STEPS = 5
SPIN = 800_000      # loop steps per CPU step (about 0.03-0.05 s in CPython)
PAUSE = 0.05        # seconds per blocking step


def cpu_task():
    # no blocking: the task always wants the CPU
    for s in range(STEPS):
        total = 0
        for i in range(SPIN):
            total += i


def blocking_task():
    # blocking: the task mostly waits (like I/O); sleeping gives up the CPU and the GIL
    for s in range(STEPS):
        time.sleep(PAUSE)


def sequential(task):
    t0 = time.perf_counter()
    task()
    task()
    return time.perf_counter() - t0


def together(task, make):
    t0 = time.perf_counter()
    workers = [make(target=task), make(target=task)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - t0


if __name__ == '__main__':
    print("{:<14}{:>12}{:>12}{:>12}".format("two tasks", "sequential", "concurrent", "parallel"))
    print("{:<14}{:>12}{:>12}{:>12}".format("", "", "(threads)", "(processes)"))
    for label, task in (("no blocking", cpu_task), ("blocking", blocking_task)):
        seq = sequential(task)
        con = together(task, threading.Thread)
        par = together(task, Process)
        print(f"{label:<14}{seq:>11.2f}s{con:>11.2f}s{par:>11.2f}s"
              f"   concurrent/sequential={con / seq:.2f} parallel/sequential={par / seq:.2f}")
