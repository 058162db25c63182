# Fidelity case: CPU-bound work in 4 (and 2) processes vs the same work done serially.
# Each process has its own GIL, so on 2 free cores 4 processes take about half the
# serial time, plus fork/join costs. Prints one JSON line.
import multiprocessing as mp
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
    total = 0
    for i in range(n):  # for loop: specialised at once (see cpu_threads_vs_serial.py)
        total += i
    return total


def run_units(k):
    for u in range(k):
        work(N)


def serial():
    t0 = time.perf_counter()
    run_units(UNITS)
    return time.perf_counter() - t0


def processes(nproc):
    t0 = time.perf_counter()
    ps = [mp.Process(target=run_units, args=(UNITS // nproc,)) for i in range(nproc)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return time.perf_counter() - t0


if __name__ == '__main__':
    for i in range(10):
        work(10_000)  # warm-up
    serial()
    s = []
    p4 = []
    p2 = []
    for rep in range(3):
        s.append(serial())
        p4.append(processes(4))
        p2.append(processes(2))
    s_med = median(s)
    p4_med = median(p4)
    p2_med = median(p2)
    emit({"case": "cpu_processes_vs_serial", "cores": mp.cpu_count(),
          "serial_s": round(s_med, 4), "processes4_s": round(p4_med, 4), "processes2_s": round(p2_med, 4),
          "ratio_processes4_over_serial": round(p4_med / s_med, 3),
          "ratio_processes2_over_serial": round(p2_med / s_med, 3)})
