# title: The five states of a process: New, Ready, Running, Waiting, Terminated
# title_zh: 进程五态:新建、就绪、执行、等待、终止
# seed: 003
# topic: processes
# watch: States: each child's token moves New -> Ready -> Running, then Running <-> Ready while three CPU-bound children share two cores, then Waiting (sleep), Waiting (queue get), and Terminated; a child that has exited but is not yet joined is a zombie. Process tree / ps table: STAT R while Ready or Running (ps cannot tell them apart), S while sleeping or blocked, Z for the unjoined zombie. Console: what the parent sees at each step.
# watch_zh: 状态图:每个子进程的标记依次经过 新建 -> 就绪 -> 执行;三个 CPU 密集的子进程共用两个核,在 执行 与 就绪 之间切换;然后 等待(睡眠)、等待(队列 get),最后 终止;已退出但尚未被 join 的子进程是僵尸进程。进程树 / ps 表:就绪或执行时 STAT 为 R(ps 无法区分两者),睡眠或阻塞时为 S,未回收的僵尸为 Z。控制台:父进程在每一步看到的情况。
# expect: before start(): pid None, alive False (New); after start(): alive True; children compute (Ready/Running), sleep and block on the queue (Waiting), then exit with exitcode 0 (Terminated); between exit and join() a child is a zombie
# expect_zh: start() 之前:pid 为 None,is_alive() 为 False(新建);start() 之后 is_alive() 为 True;子进程计算(就绪/执行)、睡眠并在队列上阻塞(等待),然后以 exitcode 0 退出(终止);退出后到 join() 之前是僵尸进程
# cores: 2
# views: states, processes

import os
import time
from multiprocessing import Process, Queue


def child(name, q):
    total = 0
    for i in range(3_000_000):  # Running (or Ready while another child holds the core)
        total += i
    time.sleep(0.3)       # Waiting: sleep
    item = q.get()        # Waiting: for the queue, until the parent puts something
    print(f"{name} (pid {os.getpid()}) got {item} and ends", flush=True)
    # returning ends the process: Terminated


if __name__ == '__main__':
    q = Queue()
    kids = [Process(target=child, args=(f"child{i}", q)) for i in range(3)]
    k = kids[0]
    print(f"New:        pid={k.pid} alive={k.is_alive()} exitcode={k.exitcode}")
    for p in kids:
        p.start()
    print(f"started:    pid set={k.pid is not None} alive={k.is_alive()} exitcode={k.exitcode}")
    print("3 CPU-bound children, 2 cores: one of them is always Ready, not Running", flush=True)
    time.sleep(1.0)
    print("all children now sleep or wait for the queue (Waiting)", flush=True)
    for i in range(3):
        q.put(f"item{i}")
    time.sleep(0.5)
    # the children have exited, but nobody has joined them yet: zombies (STAT Z)
    print("children exited but not joined yet: zombies (see the Process tree)", flush=True)
    for p in kids:
        p.join()
    print(f"Terminated: alive={k.is_alive()} exitcodes={[p.exitcode for p in kids]}")
