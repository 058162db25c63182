# Fidelity case: CPU-bound work in 4 threads vs the same work done serially.
# CPython 3.11 has one GIL per process, so 4 threads take about as long as serial
# (a little longer: the forced hand-offs). Prints one JSON line.
import threading
import time

N = 4_000_000  # loop steps per unit of work (about 0.1 s)
UNITS = 4


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


def work(n):
    # A for loop on purpose: CPython 3.11 specialises a code object after 8 warm-up
    # events (function entries and JUMP_BACKWARD); a for loop's back edge counts, a
    # "while cond:" loop's POP_JUMP_BACKWARD_IF_* does not, so a while loop in a
    # function called once stays unspecialised (about 1.6x slower) - see loop_cost.py.
    total = 0
    for i in range(n):
        total += i
    return total


def serial():
    t0 = time.perf_counter()
    for u in range(UNITS):
        work(N)
    return time.perf_counter() - t0


def threaded():
    t0 = time.perf_counter()
    ts = [threading.Thread(target=work, args=(N,)) for u in range(UNITS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


if __name__ == '__main__':
    for i in range(10):
        work(10_000)  # warm-up: specialise work() before timing
    serial()
    s = []
    t = []
    for rep in range(3):  # interleaved, so a slow drift hits both sides
        s.append(serial())
        t.append(threaded())
    s_med = median(s)
    t_med = median(t)
    emit({"case": "cpu_threads_vs_serial", "serial_s": round(s_med, 4), "threads_s": round(t_med, 4),
          "ratio_threads_over_serial": round(t_med / s_med, 3)})
