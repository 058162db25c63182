# Fidelity case: 4 processes each do N times v.value += 1 on a shared Value('i', 0),
# first without a lock, then inside "with v.get_lock():". The .value getter and setter
# each take the Value's lock separately, so the unlocked read-add-write loses updates;
# the locked version loses none. The loss depends on how much the processes overlap
# (REFERENCE.md measured 94,039 kept of 4 x 50,000); with 50,000 each, a fast idle
# machine can finish a process before the next one has started and lose nothing.
# Prints one JSON line.
import multiprocessing as mp
import time

N = 200_000   # large enough that the 4 processes overlap even on a fast idle machine
PROCS = 4


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

def unlocked(v, n):
    for i in range(n):
        v.value += 1


def locked(v, n):
    for i in range(n):
        with v.get_lock():
            v.value += 1


def run(target):
    v = mp.Value('i', 0)
    ps = [mp.Process(target=target, args=(v, N)) for i in range(PROCS)]
    t0 = time.perf_counter()
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    return v.value, time.perf_counter() - t0


if __name__ == '__main__':
    expected = N * PROCS
    u, tu = run(unlocked)
    k, tk = run(locked)
    emit({"case": "value_race", "processes": PROCS, "increments_each": N, "expected": expected,
          "unlocked_final": u, "unlocked_kept_fraction": round(u / expected, 3),
          "unlocked_lost_fraction": round(1 - u / expected, 3),
          "locked_final": k, "locked_lost": expected - k,
          "unlocked_s": round(tu, 3), "locked_s": round(tk, 3)})
