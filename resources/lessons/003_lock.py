# title: threading.Lock: keep two updates together so no other thread sees them half done
# title_zh: 线程互斥:Lock 锁
# seed: 003
# topic: locks
# watch: Timeline: the GIL passes between the writer and the checker. Without the lock the switch sometimes falls between "a += 1" and "b += 1" and the checker sees a != b. With the lock, Sync objects shows the Lock held by one thread while the other waits (States: Waiting, reason lock), and the checker never sees a half-done update. Console: how many times a != b was seen in each run.
# watch_zh: 时间线:GIL 在写线程和检查线程之间传递。不加锁时,切换有时恰好发生在 "a += 1" 和 "b += 1" 之间,检查线程就看到 a != b。加锁后,同步对象视图显示锁被一个线程持有、另一个线程等待(状态图:等待,原因是锁),检查线程再也看不到只完成一半的更新。控制台:两次运行中各看到多少次 a != b。
# expect: each run lasts 0.3 s; without the lock the checker sees a != b many times; with the lock, 0 times (and fewer updates get done, because the threads now wait for each other); a == b at the end of both runs
# expect_zh: 每次运行 0.3 秒;不加锁时检查线程多次看到 a != b;加锁后为 0 次(完成的更新也更少,因为线程要互相等待);两次运行结束时都是 a == b
# views: syncObjects

import time
from threading import Lock, Thread

RUN = 0.3  # seconds each run lasts
a = b = 0
lock = Lock()
done = False
seen = 0  # how many times the checker saw a != b


def checker(use_lock):
    global seen
    while not done:
        if use_lock:
            lock.acquire()  # lock the pair while reading it
            if a != b:
                seen += 1
            lock.release()
        else:
            if a != b:
                seen += 1


def writer(use_lock):
    global a, b
    start = time.time()
    i = 0
    while time.time() - start < RUN:
        i += 1
        if use_lock:
            with lock:  # same as lock.acquire() ... lock.release()
                a += 1
                note = str(i)  # some other work between the two updates
                b += 1
        else:
            a += 1
            # A call to a built-in such as str() is one of the places where CPython 3.11
            # may switch threads, so another thread can run between a += 1 and b += 1.
            note = str(i)
            b += 1


for use_lock in (False, True):
    a = b = 0
    seen = 0
    done = False
    t = Thread(target=checker, args=(use_lock,))
    t.start()
    writer(use_lock)
    done = True
    t.join()
    label = "with lock   " if use_lock else "without lock"
    print(f"{label}: {a} updates, a == b at the end: {a == b}, checker saw a != b {seen} times")
