# Fidelity case: 4 threads that each sleep 0.2 s vs the same sleeps one after another.
# time.sleep releases the GIL, so the sleeps overlap: about 0.2 s instead of 0.8 s.
# Prints one JSON line.
import threading
import time

SLEEP = 0.2
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


def nap():
    time.sleep(SLEEP)


def serial():
    t0 = time.perf_counter()
    for u in range(UNITS):
        nap()
    return time.perf_counter() - t0


def threaded():
    t0 = time.perf_counter()
    ts = [threading.Thread(target=nap) for u in range(UNITS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


if __name__ == '__main__':
    s = serial()
    t = threaded()
    emit({"case": "io_threads_overlap", "serial_s": round(s, 4), "threads_s": round(t, 4),
          "ratio_threads_over_serial": round(t / s, 3)})
