# title: The GIL: two CPU-bound threads on a dual-core machine
# title_zh: 全局锁 GIL:双核 CPU 上的两个 CPU 密集型线程
# seed: 001
# topic: gil
# watch: GIL lane and thread lanes in the Timeline: only one thread runs (green) at any instant although two cores are free; the other waits for the GIL (red) and takes it after about one switch interval (5 ms). Charts: GIL wait per thread is about half of the run. Console: number of hand-offs and the mean length of a turn.
# watch_zh: 时间线中的 GIL 通道和线程通道:虽然有两个空闲的核,任何时刻只有一个线程在运行(绿色),另一个在等待 GIL(红色),大约一个切换间隔(5 毫秒)后才拿到。图表:每个线程的 GIL 等待时间约占一半。控制台:交接次数和每轮的平均长度。
# expect: two threads take about as long as the same work done serially (ratio ~1.0, often a little more); the GIL changes hands every ~5 ms (sys.getswitchinterval())
# expect_zh: 两个线程所用时间与串行完成同样的工作大致相同(比值约 1.0,常常略大);GIL 大约每 5 毫秒(sys.getswitchinterval())换手一次
# compare: cores=1,2; gil=on,off
# cores: 2
# views: gil, stats

import sys
import threading
import time

CHUNKS = 300      # each thread does CHUNKS pieces of work
STEPS = 20_000    # loop steps per piece (about 0.5-1 ms in CPython)

turns = []        # (thread name, time) after every piece: shows who was running when


def spin(name):
    for c in range(CHUNKS):
        total = 0
        for i in range(STEPS):
            total += i
        turns.append((name, time.perf_counter()))


if __name__ == '__main__':
    print(f"switch interval: {sys.getswitchinterval() * 1000:.1f} ms")

    t0 = time.perf_counter()
    spin("serial-1")
    spin("serial-2")
    serial = time.perf_counter() - t0

    turns.clear()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=spin, args=(f"T{i}",)) for i in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    both = time.perf_counter() - t0

    # count how often the running thread changed, and how long each turn lasted
    handoffs = 0
    turn_start = t0
    lengths = []
    for i in range(1, len(turns)):
        if turns[i][0] != turns[i - 1][0]:
            handoffs += 1
            lengths.append(turns[i - 1][1] - turn_start)
            turn_start = turns[i - 1][1]
    print(f"serial (one after the other): {serial:.2f} s")
    print(f"two threads at once:          {both:.2f} s")
    print(f"threads / serial = {both / serial:.2f}  (no speed-up: one GIL)")
    if lengths:
        mean_ms = sum(lengths) / len(lengths) * 1000
        print(f"GIL hand-offs: {handoffs}, mean turn: {mean_ms:.1f} ms")
