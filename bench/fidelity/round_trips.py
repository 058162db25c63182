# Fidelity case: round trips and start-up costs of threads, processes, queues and pools
# (REFERENCE.md §6 lists CPython 3.11's). Prints one line of name=value pairs.
import multiprocessing as mp, threading, time, os

def nothing():
    pass

def echo(qin, qout, n):
    for i in range(n):
        qout.put(qin.get())

def pinger(e1, e2, n):
    for i in range(n):
        e1.wait(); e1.clear(); e2.set()

def sq(x):
    return x * x

def med(xs):
    xs = sorted(xs); return xs[len(xs) // 2]

if __name__ == '__main__':
    r = {}
    ts = []
    for i in range(20):
        t = time.perf_counter(); th = threading.Thread(target=nothing); th.start(); th.join(); ts.append(time.perf_counter() - t)
    r["thread_start_join_us"] = med(ts) * 1e6
    ps = []
    for i in range(5):
        t = time.perf_counter(); p = mp.Process(target=nothing); p.start(); p.join(); ps.append(time.perf_counter() - t)
    r["process_start_join_ms"] = med(ps) * 1e3
    e1, e2 = threading.Event(), threading.Event()
    n = 200
    th = threading.Thread(target=pinger, args=(e1, e2, n)); th.start()
    t = time.perf_counter()
    for i in range(n):
        e1.set(); e2.wait(); e2.clear()
    r["event_pingpong_us"] = (time.perf_counter() - t) / n * 1e6
    th.join()
    qin, qout = mp.Queue(), mp.Queue()
    p = mp.Process(target=echo, args=(qin, qout, 200)); p.start()
    qin.put({"a": 1}); qout.get()
    t = time.perf_counter()
    for i in range(199):
        qin.put({"a": i}); qout.get()
    r["mpqueue_echo_us"] = (time.perf_counter() - t) / 199 * 1e6
    p.join()
    t = time.perf_counter()
    pool = mp.Pool(4)
    pool.apply(sq, (2,))
    r["pool4_first_result_ms"] = (time.perf_counter() - t) * 1e3
    t = time.perf_counter()
    for i in range(50):
        pool.apply(sq, (i,))
    r["pool_apply_us"] = (time.perf_counter() - t) / 50 * 1e6
    t = time.perf_counter()
    pool.map(sq, range(100))
    r["pool_map100_ms"] = (time.perf_counter() - t) * 1e3
    t = time.perf_counter()
    pool.close(); pool.join()
    r["pool_close_join_ms"] = (time.perf_counter() - t) * 1e3
    print(", ".join("%s=%.3g" % (k, v) for k, v in r.items()))
