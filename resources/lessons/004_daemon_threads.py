# title: When the main thread ends, only daemon threads are killed
# title_zh: 主线程结束时,只有守护线程会被强制结束
# seed: 004
# topic: threads
# watch: Timeline: after the main thread's last line, the process stays alive while the normal (non-daemon) thread keeps working; the daemon thread's lane stops as soon as the last non-daemon thread ends. States: the main thread waits (reason join) at exit. Console: the normal worker prints all 6 steps, the daemon worker stops part-way.
# watch_zh: 时间线:主线程执行完最后一行后,进程并不退出,普通(非守护)线程继续工作;最后一个非守护线程一结束,守护线程的通道立刻中断。状态图:主线程在退出时等待(原因是 join)。控制台:普通线程打印全部 6 步,守护线程中途停止。
# expect: the seed says all child threads are forcibly ended when the main thread exits; that is true only for daemon threads. Python joins every non-daemon thread before the process exits, so the normal worker finishes all 6 steps after "main: last line"; the daemon worker (10 steps of 0.13 s) is killed when the normal one ends at 0.6 s, after 4 steps
# expect_zh: 种子文章说主线程退出时所有子线程都会被强制结束;实际上只有守护线程如此。Python 在进程退出前会等待(join)所有非守护线程,所以普通线程在 "main: last line" 之后仍完成全部 6 步;守护线程(10 步,每步 0.13 秒)在普通线程于 0.6 秒结束时被终止,只完成 4 步
# views: states

import threading
import time


def work(name, steps, pause):
    for i in range(steps):
        time.sleep(pause)
        print(f"{name}: step {i + 1}/{steps}", flush=True)
    print(f"{name}: finished", flush=True)


normal = threading.Thread(target=work, args=("normal worker", 6, 0.1))
daemon = threading.Thread(target=work, args=("daemon worker", 10, 0.13), daemon=True)
normal.start()
daemon.start()
time.sleep(0.25)
print("main: last line (no join here); daemon flags:", normal.daemon, daemon.daemon, flush=True)
# The main thread's code ends here. Python now waits for the normal worker,
# then kills the daemon worker mid-way: it never prints "finished".
