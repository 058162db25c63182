# title: A process tree: parent, children and a grandchild (getpid / getppid)
# title_zh: 进程树:父进程、子进程和孙进程(getpid / getppid)
# seed: 003
# topic: processes
# watch: Process tree (pstree view and the ps table with PID and PPID): main -> child-1, child-2; child-1 -> grandchild. Console: every process prints its pid and its parent's pid, and each ppid is the pid of the process that started it.
# watch_zh: 进程树(pstree 视图以及带 PID、PPID 的 ps 表):主进程 -> child-1、child-2;child-1 -> grandchild。控制台:每个进程打印自己的 pid 和父进程的 pid,每个 ppid 都等于启动它的那个进程的 pid。
# expect: child ppid == main pid; grandchild ppid == child-1 pid; all pids differ; the tree stays visible for about 0.5 s
# expect_zh: 子进程的 ppid == 主进程的 pid;孙进程的 ppid == child-1 的 pid;所有 pid 都不同;进程树约保持 0.5 秒可见
# views: processes

import os
import time
from multiprocessing import Process


def grandchild():
    print(f"grandchild: pid={os.getpid()} ppid={os.getppid()}", flush=True)
    time.sleep(0.5)


def child(name, spawn):
    print(f"{name}: pid={os.getpid()} ppid={os.getppid()}", flush=True)
    if spawn:
        g = Process(target=grandchild)  # a child of this child
        g.start()
        g.join()
    else:
        time.sleep(0.5)


if __name__ == '__main__':
    print(f"main: pid={os.getpid()} ppid={os.getppid()} (the shell or Taskscope)", flush=True)
    c1 = Process(target=child, args=("child-1", True))
    c2 = Process(target=child, args=("child-2", False))
    c1.start()
    c2.start()
    c1.join()
    c2.join()
    print("main: all descendants finished")
