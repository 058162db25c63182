# title: Sing and dance at the same time with two processes
# title_zh: 使用进程让唱歌和跳舞同时进行
# seed: 000
# topic: processes
# watch: Process tree: the main process and two children (sing, dance) with the main pid as their ppid. Timeline: both children sleep and print at the same times. Console: the lines alternate and the pids differ.
# watch_zh: 进程树:主进程下有两个子进程(唱歌、跳舞),它们的 ppid 是主进程的 pid。时间线:两个子进程在同一时刻打印、同一时刻睡眠。控制台:两种输出交替出现,pid 不同。
# expect: the two children overlap, so the run takes about 1.5 s instead of 3.0 s serially (000_sing_dance_serial.py)
# expect_zh: 两个子进程同时进行,总共约 1.5 秒,而串行需要约 3.0 秒(000_sing_dance_serial.py)
# views: processes

import os
import time
from multiprocessing import Process


def sing():
    for i in range(3):
        # flush=True: each line appears at once even when the output is a pipe
        print(f"唱歌 singing {i}   pid={os.getpid()} ppid={os.getppid()}", flush=True)
        time.sleep(0.5)


def dance():
    for i in range(3):
        print(f"跳舞 dancing {i}   pid={os.getpid()} ppid={os.getppid()}", flush=True)
        time.sleep(0.5)


if __name__ == '__main__':
    print(f"main process pid={os.getpid()}", flush=True)
    start = time.time()
    p1 = Process(target=sing)
    p2 = Process(target=dance)
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    print(f"total: {time.time() - start:.1f} s (two processes side by side)")
