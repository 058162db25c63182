# title: The GIL: threads help blocking tasks, not computing tasks
# title_zh: GIL 对线程的影响:多线程只适用于有阻塞的任务
# seed: 003
# topic: gil
# watch: GIL lane in the Timeline: with 4 computing threads the GIL moves from thread to thread every ~5 ms and only one thread runs at a time; with 4 blocking threads every thread releases the GIL while it sleeps, so their sleeps overlap. Charts: GIL wait per thread. Console: the four times and the two ratios.
# watch_zh: 时间线中的 GIL 通道:4 个计算线程时,GIL 大约每 5 毫秒在线程之间传递一次,同一时刻只有一个线程运行;4 个阻塞线程时,每个线程睡眠时都释放 GIL,所以它们的睡眠相互重叠。图表:每个线程的 GIL 等待时间。控制台:四个时间和两个比值。
# expect: computing: 4 threads take about as long as 4 calls in a row (ratio ~1.0, often a bit more); blocking: 4 threads take about 1/4 of the time (ratio ~0.25)
# expect_zh: 计算任务:4 个线程所用时间与连续调用 4 次大致相同(比值约 1.0,常常略大);阻塞任务:4 个线程约为 1/4 的时间(比值约 0.25)
# views: gil, stats

import sys
import time
from threading import Thread


def count(x, y):
    # computing only: never blocks, so it gives up the GIL only when forced to
    for c in range(1_000_000):
        x += 1
        y += 1


def io():
    # blocking: sleep stands in for waiting on a disk or the network
    for i in range(5):
        time.sleep(0.04)


def serial(func, args):
    t0 = time.time()
    for i in range(4):
        func(*args)
    return time.time() - t0


def threaded(func, args):
    t0 = time.time()
    jobs = [Thread(target=func, args=args) for i in range(4)]
    for t in jobs:
        t.start()
    for t in jobs:
        t.join()
    return time.time() - t0


if __name__ == '__main__':
    print(f"GIL switch interval: {sys.getswitchinterval() * 1000:.0f} ms")
    cpu_serial = serial(count, (1, 1))
    cpu_threads = threaded(count, (1, 1))
    io_serial = serial(io, ())
    io_threads = threaded(io, ())
    print(f"computing: 4 in a row {cpu_serial:.2f} s, 4 threads {cpu_threads:.2f} s, ratio {cpu_threads / cpu_serial:.2f}")
    print(f"blocking : 4 in a row {io_serial:.2f} s, 4 threads {io_threads:.2f} s, ratio {io_threads / io_serial:.2f}")
