# title: Sing, then dance: one process does one thing at a time
# title_zh: 先唱歌再跳舞:不用多进程,一次只做一件事
# seed: 000
# topic: processes
# watch: Timeline and Process tree: a single process (one pid) runs sing() to the end, then dance(); the core is idle during each sleep. Console: every line shows the same pid.
# watch_zh: 时间线和进程树:只有一个进程(一个 pid),先把 sing() 执行完再执行 dance();每次 sleep 时 CPU 空闲。控制台:每一行的 pid 都相同。
# expect: serial: 3 x sing + 3 x dance, 0.5 s each, take about 3.0 s; compare with 000_sing_dance_processes.py (about 1.5 s)
# expect_zh: 串行:唱 3 次 + 跳 3 次,每次 0.5 秒,共约 3.0 秒;对比 000_sing_dance_processes.py(约 1.5 秒)

import os
import time


def sing():
    for i in range(3):
        print(f"唱歌 singing {i}   pid={os.getpid()}")
        time.sleep(0.5)


def dance():
    for i in range(3):
        print(f"跳舞 dancing {i}   pid={os.getpid()}")
        time.sleep(0.5)


if __name__ == '__main__':
    start = time.time()
    sing()
    dance()
    print(f"total: {time.time() - start:.1f} s (one process: sing, then dance)")
