# title: A Process subclass with run(); join() and daemon
# title_zh: 自定义进程类:继承 Process 并重写 run();join() 与 daemon
# seed: 003
# topic: processes
# watch: Process tree: the two children of the main process. Timeline: the parent waits in join() for the first child (States: Waiting, reason join); the daemon child is killed as soon as the parent's code ends, mid-loop. Console: the daemon child's ticks stop after about 3.
# watch_zh: 进程树:主进程的两个子进程。时间线:父进程在 join() 中等待第一个子进程(状态图:等待,原因是 join);父进程代码一结束,守护子进程就在循环中途被终止。控制台:守护子进程的 tick 大约 3 次后就停止了。
# expect: start() calls the overridden run(); join() waits for child 1; the daemon child (daemon=True) prints about 3 of its 10 ticks and is terminated when the parent ends; it never prints "finished"
# expect_zh: start() 会调用重写的 run();join() 等待子进程 1;守护子进程(daemon=True)只打印 10 次中的约 3 次 tick,父进程结束时即被终止,不会打印 "finished"
# views: processes

import os
import time
from multiprocessing import Process


class My_process(Process):  # the seed's "class My_process(Process)" was missing its colon
    def __init__(self, a=1):
        self.a = a
        super().__init__()  # run Process.__init__ too

    # override the parent's run(); start() calls it in the new process
    def run(self):
        print('子进程 child', self.a, 'pid', os.getpid(), 'ppid', os.getppid(), flush=True)
        if self.a == 1:
            time.sleep(0.3)
            print('child 1 finished', flush=True)
        else:
            for i in range(10):
                print('daemon child tick', i, flush=True)
                time.sleep(0.1)
            print('daemon child finished', flush=True)  # never reached


if __name__ == '__main__':
    a = 1  # the seed's "p = My_process(a)" used a name it never defined
    p = My_process(a)
    p.start()      # now the new process really starts
    p.join(20)     # wait for it (at most 20 s)
    print('parent: child 1 joined, exitcode', p.exitcode, flush=True)

    d = My_process(2)
    d.daemon = True  # must be set before start(): ends when the parent ends
    d.start()
    time.sleep(0.25)
    print('parent: done, the daemon child is terminated now', flush=True)
