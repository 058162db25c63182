# title: Three processes vs three threads doing the same sleepy work
# title_zh: 进程与线程:三个进程和三个线程做同样的工作
# seed: 004
# topic: processes
# watch: Process tree: first three child processes with their own pids appear under the main process, then none: the three threads live inside the main process (one pid, several thread lanes in the Timeline). Console: time.process_time() is CPU time, not wall time or an id: about 0 in each fresh child process, and the shared CPU time of the whole process in the threads.
# watch_zh: 进程树:先是主进程下出现三个拥有各自 pid 的子进程,之后没有子进程:三个线程都在主进程内部(一个 pid,时间线上有多个线程通道)。控制台:time.process_time() 是 CPU 时间,既不是墙上时间也不是编号:在每个新建的子进程中约为 0,在线程中是整个进程共享的 CPU 时间。
# expect: both versions take about 2 s (3 x 2 s of sleeping overlap in either case); processes print different pids, threads print one pid; process_time() barely moves because sleeping uses no CPU
# expect_zh: 两种方式都约 2 秒(3 x 2 秒的睡眠在两种情况下都重叠);进程打印不同的 pid,线程打印同一个 pid;因为睡眠不占 CPU,process_time() 几乎不变
# compare: cores=1,2
# views: processes

import os
import threading
import time
from multiprocessing import Process


def worker():
    # the seed prints only time.process_time(); the pid is added to tell the workers apart
    print(f"Process {time.process_time()} start  (pid {os.getpid()})", flush=True)
    time.sleep(2)
    print(f"Process {time.process_time()} end    (pid {os.getpid()})", flush=True)


def thread_worker():
    # process_time() added: in a thread it is the CPU time of the whole (main) process
    print(f"Thread {threading.current_thread().name} start  (pid {os.getpid()}, process_time {time.process_time()})", flush=True)
    time.sleep(2)
    print(f"Thread {threading.current_thread().name} end    (pid {os.getpid()}, process_time {time.process_time()})", flush=True)


# The seed runs the process version at module level with no __main__ guard: that works
# with the fork start method (Linux, Python <= 3.13) but not with spawn or forkserver.
if __name__ == '__main__':
    t0 = time.time()
    processes = []
    for i in range(3):
        p = Process(target=worker)
        processes.append(p)
        p.start()

    for p in processes:
        p.join()

    print(f"All processes finished. ({time.time() - t0:.1f} s)")

    t0 = time.time()
    threads = []
    for i in range(3):
        t = threading.Thread(target=thread_worker, name=f'Thread-{i}')
        threads.append(t)
        t.start()

    for t in threads:
        t.join()

    print(f"All threads finished. ({time.time() - t0:.1f} s)")
