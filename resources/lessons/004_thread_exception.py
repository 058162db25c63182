# title: An exception in a thread ends only that thread
# title_zh: 线程中的异常只会结束该线程
# seed: 004
# topic: threads
# watch: Timeline: the failing thread's lane ends at the exception while the other thread and the main thread go on. Console: Python prints "Exception in thread ..." with the traceback on stderr, then the other thread's later steps and the main thread's summary; the program exits normally. For comparison, a child process that raises ends with exitcode 1 and its parent goes on too.
# watch_zh: 时间线:出错线程的通道在异常处结束,另一个线程和主线程继续运行。控制台:Python 在标准错误中打印 "Exception in thread ..." 及回溯,随后是另一个线程后面的输出和主线程的总结;程序正常结束。作为对比,抛出异常的子进程以 exitcode 1 结束,其父进程同样继续运行。
# expect: the seed's table says an exception in one thread may bring down the whole process; in Python it only ends that thread: the other thread finishes all 5 steps, the main thread prints its summary, and the exit status is 0
# expect_zh: 种子文章的表格说一个线程异常可能导致整个进程崩溃;在 Python 中它只会结束该线程:另一个线程完成全部 5 步,主线程打印总结,退出状态为 0
# views: console

import threading
import time
from multiprocessing import Process

done = []


def steady():
    for i in range(5):
        time.sleep(0.1)
        print(f"steady thread: step {i + 1}/5", flush=True)
    done.append("steady")


def faulty():
    time.sleep(0.15)
    print("faulty thread: about to divide by zero", flush=True)
    x = 1 / 0  # uncaught: ends this thread only
    done.append("faulty")  # never reached


def faulty_process():
    raise ValueError("error in a child process")


if __name__ == '__main__':
    t1 = threading.Thread(target=steady, name="steady")
    t2 = threading.Thread(target=faulty, name="faulty")
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print("main: threads that finished their work:", done)
    print("main: faulty thread alive?", t2.is_alive(), "- the process is still running")

    p = Process(target=faulty_process)
    p.start()
    p.join()
    print("main: child process exitcode =", p.exitcode, "- the parent is still running")
    print("main: exiting normally (status 0)")
