# multiprocessing's Event, Condition, Barrier, Semaphore and RLock shared by processes.
import multiprocessing as mp
import time


def waiter(ev, q, name):
    ok = ev.wait(5)
    q.put((name, ok))


def cond_consumer(cond, box, q):
    with cond:
        ok = cond.wait_for(lambda: box.value > 0, timeout=5)
        q.put(("consumer", ok, box.value))


def at_barrier(b, q, i):
    idx = b.wait()
    q.put(("barrier", idx >= 0))


def limited(sem, active, peak, lock):
    with sem:
        with lock:
            active.value += 1
            if active.value > peak.value:
                peak.value = active.value
        time.sleep(0.05)
        with lock:
            active.value -= 1


def reentrant(rl, q):
    with rl:
        with rl:  # an RLock can be taken again by its owner
            q.put("nested ok")


if __name__ == '__main__':
    q = mp.Queue()
    ev = mp.Event()
    ps = [mp.Process(target=waiter, args=(ev, q, "w%d" % i)) for i in range(3)]
    for p in ps:
        p.start()
    time.sleep(0.1)
    print("event set before:", ev.is_set())
    ev.set()
    for p in ps:
        p.join()
    print(sorted([q.get() for i in range(3)]))
    print("wait on a cleared event:", mp.Event().wait(0.05))

    cond = mp.Condition()
    box = mp.Value('i', 0)
    c = mp.Process(target=cond_consumer, args=(cond, box, q))
    c.start()
    time.sleep(0.1)
    with cond:
        box.value = 7
        cond.notify_all()
    c.join()
    print(q.get())

    b = mp.Barrier(3)
    ps = [mp.Process(target=at_barrier, args=(b, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print([q.get() for i in range(3)], "parties", b.parties)

    sem = mp.Semaphore(2)
    active = mp.Value('i', 0)
    peak = mp.Value('i', 0)
    lock = mp.Lock()
    ps = [mp.Process(target=limited, args=(sem, active, peak, lock)) for i in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("at most", peak.value, "inside the semaphore; now", active.value)
    print("acquire with timeout on a taken Lock:", lock.acquire(), lock.acquire(timeout=0.05))
    lock.release()

    rl = mp.RLock()
    r = mp.Process(target=reentrant, args=(rl, q))
    r.start()
    r.join()
    print(q.get(), r.exitcode)
