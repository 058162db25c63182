# title: Deadlock: two threads take two locks in opposite order
# title_zh: 死锁:两个线程以相反的顺序获取两把锁
# seed: 003
# topic: deadlock
# watch: Wait-for graph: thread-1 holds lock_a and waits for lock_b, thread-2 holds lock_b and waits for lock_a: a cycle, with all four Coffman conditions ticked (mutual exclusion, hold and wait, no preemption, circular wait). Sync objects: each lock's owner and waiter. States: both threads Waiting (reason lock) forever. Taskscope reports the deadlock the moment the cycle forms.
# watch_zh: 等待图:thread-1 持有 lock_a 并等待 lock_b,thread-2 持有 lock_b 并等待 lock_a,形成环路,四个死锁条件(互斥、请求和保持、不剥夺、环路等待)全部满足。同步对象:每把锁的持有者和等待者。状态图:两个线程永远处于等待(原因是锁)。Taskscope 在环路形成的那一刻报告死锁。
# expect: both threads take their first lock, then block forever on the second (a real deadlock: the acquires have no timeout). Taskscope stops and reports it (exit status 3). Real CPython would hang forever; only so that this file also ends under python3, the threads are daemon threads and the main thread gives up waiting after 2 s, prints that both are still stuck, and exits
# expect_zh: 两个线程各自拿到第一把锁,然后永远阻塞在第二把锁上(真正的死锁:acquire 没有超时)。Taskscope 会停下并报告死锁(退出状态 3)。真实的 CPython 会永远卡住;仅为了让本文件在 python3 下也能结束,两个线程设为守护线程,主线程等待 2 秒后放弃,打印两个线程仍然卡住,然后退出
# views: waitFor

import time
from threading import Lock, Thread

lock_a = Lock()
lock_b = Lock()


def thread_1():
    lock_a.acquire()
    print("thread-1: holds lock_a, wants lock_b", flush=True)
    time.sleep(0.1)   # give thread-2 time to take lock_b
    lock_b.acquire()  # blocks forever: thread-2 holds lock_b
    print("thread-1: got both locks")  # never printed
    lock_b.release()
    lock_a.release()


def thread_2():
    lock_b.acquire()
    print("thread-2: holds lock_b, wants lock_a", flush=True)
    time.sleep(0.1)   # give thread-1 time to take lock_a
    lock_a.acquire()  # blocks forever: thread-1 holds lock_a
    print("thread-2: got both locks")  # never printed
    lock_a.release()
    lock_b.release()


if __name__ == '__main__':
    t1 = Thread(target=thread_1, name="thread-1", daemon=True)
    t2 = Thread(target=thread_2, name="thread-2", daemon=True)
    t1.start()
    t2.start()
    t1.join(2)  # a plain t1.join() would wait forever
    t2.join(0.1)
    if t1.is_alive() and t2.is_alive():
        print("deadlock: after 2 s both threads are still blocked, each waiting for the lock the other holds")
