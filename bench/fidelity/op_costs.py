# Fidelity case: the cost of common idioms, ns per loop iteration, measured the same way in
# CPython and in Taskscope (perf_counter around a call of f(n), best of 3 after warm-up).
# The same idioms and CPython figures are checked by tests/runtime (CostModelVsCPython).
# Prints one JSON line.
import time

N = 100_000
G = 0


def to_json(v):
    return repr(v)


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def for_sum(n):
    t = 10**10
    for i in range(n):
        t += i


def list_append(n):
    # containers of 1,000: larger ones add cache misses and page faults Taskscope does not model
    for k in range(n // 1000):
        x = []
        for i in range(1000):
            x.append(i)


def dict_store(n):
    for k in range(n // 1000):
        d = {}
        for i in range(1000):
            d[i] = i


def fstring_float(n):
    for i in range(n):
        s = f"item {i}: {i * 2.5:.2f}"


def method_call(n):
    p = P(3)
    t = 0
    for i in range(n):
        t += p.get()


def attribute(n):
    p = P(3)
    t = 0
    for i in range(n):
        t += p.x


def new_instance(n):
    for i in range(n):
        p = P(i)


def str_concat(n):
    s = ''
    for i in range(n):
        s += 'x'


def builtin_calls(n):
    t = 0
    for i in range(n):
        t += abs(-i) + len('abc')


def global_counter(n):
    global G
    for i in range(n):
        G += 1


def clock(n):
    for i in range(n):
        x = time.time()


def str_of_int(n):
    for i in range(n):
        x = str(i)


def int_of_str(n):
    for i in range(n):
        x = int('57')


def min_of_two(n):
    for i in range(n):
        x = min(i, 5)


def raise_catch(n):
    for i in range(n):
        try:
            raise ValueError
        except ValueError:
            pass


def percent_format(n):
    for i in range(n):
        x = '%d-%s' % (i, 'a')


def in_list_of_10(n):
    l = list(range(10))
    for i in range(n):
        x = 7 in l


def sort_10000(n):
    for k in range(n // 10000):
        xs = [(i * 7919) % 10007 for i in range(10000)]
        xs.sort()


IDIOMS = [for_sum, list_append, dict_store, fstring_float, method_call, attribute, new_instance, str_concat,
          builtin_calls, global_counter, clock, str_of_int, int_of_str, min_of_two, raise_catch, percent_format,
          in_list_of_10, sort_10000]

if __name__ == '__main__':
    fields = {}
    for f in IDIOMS:
        for k in range(10):
            f(100)  # warm-up: CPython specialises after 8 calls
        best = None
        for rep in range(3):
            t0 = time.perf_counter()
            f(N)
            dt = (time.perf_counter() - t0) / N * 1e9
            best = dt if best is None or dt < best else best
        fields[f.__name__ + "_ns"] = round(best, 1)
    print("{\"case\": \"op_costs\", " + ", ".join(["\"" + k + "\": " + to_json(fields[k]) for k in fields]) + "}")
