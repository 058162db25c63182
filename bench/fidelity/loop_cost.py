# Calibration, not one of the ratios: the cost of one iteration of the
# countdown loop "while n > 0: n -= 1" (REFERENCE.md section 6), measured twice:
# - cold: the function's first call. In 3.11 a code object is specialised only after
#   8 warm-ups (function entry, JUMP_BACKWARD); this loop's back edge is
#   POP_JUMP_BACKWARD_IF_TRUE, which does not count, so the first 7 calls run the
#   generic bytecode;
# - warm: after 8 calls, specialised.
# Also a "for i in range(n): total += i" loop, which warms up inside its first call.
# Prints one JSON line, ns per iteration.
import time

N = 2_000_000


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

def countdown(n):
    while n > 0:
        n -= 1


def for_sum(n):
    total = 0
    for i in range(n):
        total += i
    return total


def per_iter_ns(f):
    t0 = time.perf_counter()
    f(N)
    return (time.perf_counter() - t0) / N * 1e9


if __name__ == '__main__':
    cold = [per_iter_ns(countdown) for i in range(7)]   # calls 1..7: not yet specialised
    warm = [per_iter_ns(countdown) for i in range(7)]   # calls 8..14: specialised
    fs = [per_iter_ns(for_sum) for i in range(7)]
    emit({"case": "loop_cost", "countdown_cold_ns": round(median(cold), 2),
          "countdown_warm_ns": round(median(warm), 2),
          "cold_over_warm": round(median(cold) / median(warm), 3),
          "for_sum_ns": round(median(fs), 2)})
