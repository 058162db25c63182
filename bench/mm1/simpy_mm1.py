#!/usr/bin/python3
"""The M/M/1 model of bench/mm1/generate.py in SimPy 3 (Debian python3-simpy3).

The same customers (same seed, same microsecond rounding) queue FCFS for one server, so
the average waiting time printed here equals Taskscope's on the generated file.

  /usr/bin/python3 simpy_mm1.py N [--seed S] [--json]
Prints customers, average waiting (ms), the simulated end (ms) and the wall time (s) of
the simulation including generating the customers.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import customers  # noqa: E402

import simpy  # noqa: E402


def run(n, seed):
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    stats = {"waiting": 0, "done": 0}

    def customer(service):
        arrived = env.now
        with server.request() as req:
            yield req
            stats["waiting"] += env.now - arrived
            yield env.timeout(service)
        stats["done"] += 1

    def source():
        for arrival, service in customers(n, seed):
            yield env.timeout(arrival - env.now)
            env.process(customer(service))

    env.process(source())
    env.run()
    return stats, env.now


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    t0 = time.perf_counter()
    stats, end = run(a.n, a.seed)
    wall = time.perf_counter() - t0
    out = {
        "customers": stats["done"],
        "average_waiting_ms": stats["waiting"] / stats["done"] / 1000.0,
        "end_ms": end / 1000.0,
        "seconds": wall,
        "simpy": simpy.__version__,
    }
    if a.json:
        print(json.dumps(out))
    else:
        print("customers {customers}, average waiting {average_waiting_ms:.6f} ms, end "
              "{end_ms:.3f} ms, {seconds:.3f} s (SimPy {simpy})".format(**out))


if __name__ == "__main__":
    main()
