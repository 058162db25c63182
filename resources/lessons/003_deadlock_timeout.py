# title: The same deadlock, detected with acquire(timeout=...)
# title_zh: 同一个死锁:用带超时的 acquire 发现并解除它
# seed: 003
# topic: deadlock
# watch: Wait-for graph: the same cycle as in 003_deadlock.py forms (thread-1 -> lock_b -> thread-2 -> lock_a -> thread-1) and lasts 1 s; then both acquires time out, each thread releases the lock it holds (a Barrier makes both finish trying first), and the cycle is gone. Coffman conditions: "no preemption" still holds, but "hold and wait" ends when a thread gives up. Console: both threads report the timeout.
# watch_zh: 等待图:与 003_deadlock.py 相同的环路形成(thread-1 -> lock_b -> thread-2 -> lock_a -> thread-1)并持续 1 秒;随后两个 acquire 都超时,每个线程释放自己持有的锁(Barrier 保证两者都尝试过后才释放),环路消失。死锁条件:"不剥夺"仍然成立,但线程放弃时"请求和保持"不再成立。控制台:两个线程都报告超时。
# expect: both acquire(timeout=1) calls return False after about 1 s: the program prints that both threads timed out, i.e. the deadlock was detected, and it ends normally (a safe version of 003_deadlock.py for real CPython)
# expect_zh: 两个 acquire(timeout=1) 都在约 1 秒后返回 False:程序打印两个线程都超时,即检测到了死锁,然后正常结束(003_deadlock.py 在真实 CPython 下的安全版本)
# views: waitFor

import time
from threading import Barrier, Lock, Thread

lock_a = Lock()
lock_b = Lock()
both_tried = Barrier(2)  # nobody lets go of a lock until both threads have tried
timed_out = []


def worker(name, first, second, first_name, second_name):
    first.acquire()
    print(f"{name}: holds {first_name}, wants {second_name}", flush=True)
    time.sleep(0.1)  # let the other thread take its first lock
    if second.acquire(timeout=1):  # gives up after 1 s instead of waiting forever
        print(f"{name}: got both locks")
        second.release()
    else:
        print(f"{name}: timed out waiting for {second_name} (held by the other thread)", flush=True)
        timed_out.append(name)
    both_tried.wait()
    first.release()  # giving back what we hold breaks "hold and wait"


if __name__ == '__main__':
    start = time.time()
    t1 = Thread(target=worker, args=("thread-1", lock_a, lock_b, "lock_a", "lock_b"))
    t2 = Thread(target=worker, args=("thread-2", lock_b, lock_a, "lock_b", "lock_a"))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    if len(timed_out) == 2:
        print(f"deadlock detected: both threads timed out ({time.time() - start:.1f} s), each waiting for the other's lock")
    else:
        print("no deadlock this time:", timed_out)
