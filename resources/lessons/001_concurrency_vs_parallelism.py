# title: Concurrency vs parallelism: taking turns on one interpreter vs running at the same time on two cores
# title_zh: 并发与并行:并发是轮流"伪同时",并行是真正的同时
# seed: 001
# topic: scheduling
# watch: Timeline: with threads, the two tasks take turns (the GIL lane passes back and forth, only one thread computes at any instant) so both finish late; with processes, each task has its own core and both finish early. Console: start/end times of each task.
# watch_zh: 时间线:用线程时两个任务轮流执行(GIL 在两者之间来回传递,任何时刻只有一个线程在计算),所以都很晚才结束;用进程时每个任务各占一个核,都很早结束。控制台:每个任务的开始/结束时间。
# expect: concurrent (threads): both tasks start at ~0 and end at ~2T; parallel (processes, 2 cores): both start at ~0 and end at ~T, where T is the time of one task alone
# expect_zh: 并发(线程):两个任务都在约 0 时刻开始、约 2T 结束;并行(进程,双核):都在约 0 开始、约 T 结束,T 为单个任务单独运行的时间
# compare: cores=1,2
# cores: 2

import threading
import time
from multiprocessing import Process, Queue

N = 4_000_000  # loop steps per task: about 0.15-0.3 s in CPython


def task(name, t0, out):
    start = time.perf_counter() - t0
    total = 0
    for i in range(N):  # pure computing, no blocking
        total += i
    end = time.perf_counter() - t0
    out.put(f"  {name}: start {start:.2f} s, end {end:.2f} s")


def run(kind, make):
    out = Queue()
    t0 = time.perf_counter()
    workers = [make(target=task, args=(name, t0, out)) for name in ("A", "B")]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    total = time.perf_counter() - t0
    print(f"{kind}: total {total:.2f} s")
    for i in range(2):
        print(out.get())
    return total


if __name__ == '__main__':
    out = Queue()
    t0 = time.perf_counter()
    task("alone", t0, out)
    one = time.perf_counter() - t0
    print(f"one task alone: T = {one:.2f} s")
    print(out.get())
    threads = run("concurrent (2 threads, one GIL)", threading.Thread)
    processes = run("parallel (2 processes, one GIL each)", Process)
    print(f"threads / T = {threads / one:.1f}   processes / T = {processes / one:.1f}")
