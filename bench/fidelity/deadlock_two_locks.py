# Fidelity case: two threads take two locks in opposite order. Each takes its first
# lock, waits until the other has its own (a Barrier), then tries the second with
# acquire(timeout=0.5). In a deadlock both time out. Repeated TRIALS times.
# Prints one JSON line.
import threading
import time

TRIALS = 5
TIMEOUT = 0.5


def to_json(v):
    # Taskscope's Python subset has no json module: format the line by hand
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, str):
        return "\"" + v + "\""
    if isinstance(v, list):
        return "[" + ", ".join([to_json(x) for x in v]) + "]"
    return repr(v)


def emit(fields):
    print("{" + ", ".join(["\"" + k + "\": " + to_json(fields[k]) for k in fields]) + "}")


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]

def trial():
    lock_a = threading.Lock()
    lock_b = threading.Lock()
    holding = threading.Barrier(2)   # both hold their first lock
    tried = threading.Barrier(2)     # both have tried their second lock
    timed_out = []

    def worker(name, first, second):
        first.acquire()
        holding.wait()
        if second.acquire(timeout=TIMEOUT):
            second.release()
        else:
            timed_out.append(name)
        tried.wait()
        first.release()

    t1 = threading.Thread(target=worker, args=("t1", lock_a, lock_b))
    t2 = threading.Thread(target=worker, args=("t2", lock_b, lock_a))
    t0 = time.perf_counter()
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    return len(timed_out), time.perf_counter() - t0


if __name__ == '__main__':
    both = 0
    waits = []
    for i in range(TRIALS):
        n, dt = trial()
        if n == 2:
            both += 1
        waits.append(dt)
    emit({"case": "deadlock_two_locks", "trials": TRIALS, "timeout_s": TIMEOUT,
          "trials_both_timed_out": both, "deadlock_detected": both == TRIALS,
          "median_trial_s": round(median(waits), 3)})
