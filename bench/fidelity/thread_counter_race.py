# Extra fidelity case (not in issue 5's list, but the race detector needs it): 4 threads
# each add 1 to a global counter N times.
# - plain "counter += 1": in CPython 3.10-3.13 the GIL is handed over only at loop back
#   edges, function entries and returns from C calls, never between the load and the
#   store, so no update is lost;
# - "tmp = counter; abs(0); counter = tmp + 1": the call to a built-in is a switch
#   point between the read and the write, so updates are lost.
# Prints one JSON line.
import threading

N = 2_000_000  # each thread must outlive several 5 ms switch intervals
THREADS = 4
counter = 0


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

def plain(n):
    global counter
    for i in range(n):
        counter += 1


def with_call(n):
    global counter
    for i in range(n):
        tmp = counter
        abs(0)
        counter = tmp + 1


def run(target):
    global counter
    counter = 0
    ts = [threading.Thread(target=target, args=(N,)) for i in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return counter


if __name__ == '__main__':
    expected = N * THREADS
    p = run(plain)
    c = run(with_call)
    emit({"case": "thread_counter_race", "threads": THREADS, "increments_each": N, "expected": expected,
          "plain_final": p, "plain_lost": expected - p,
          "with_call_final": c, "with_call_kept_fraction": round(c / expected, 3)})
