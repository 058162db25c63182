#!/usr/bin/env python3
"""M/M/1 workload generator (deterministic).

Customers arrive with exponential inter-arrival times (mean 10 ms) and need an exponential
service time (mean 8 ms) on one core, first come first served. Times are rounded to whole
microseconds (at least 1 us) so that Taskscope and SimPy (bench/mm1/simpy_mm1.py) run on
exactly the same numbers and must report the same average waiting time.

  generate.py N OUT.json|OUT.csv [--seed S]
"""
import argparse
import random

MEAN_INTERARRIVAL_US = 10_000
MEAN_SERVICE_US = 8_000


def customers(n, seed=1):
    """Yields (arrival_us, service_us) for n customers, arrival times increasing."""
    rng = random.Random(seed)
    t = 0
    for _ in range(n):
        t += max(0, round(rng.expovariate(1.0 / MEAN_INTERARRIVAL_US)))
        yield t, max(1, round(rng.expovariate(1.0 / MEAN_SERVICE_US)))


def write_json(n, path, seed):
    with open(path, "w") as f:
        f.write('{\n  "title": "M/M/1, %d customers",\n' % n)
        f.write('  "time_unit": "us",\n  "cores": 1,\n  "policy": "fcfs",\n  "seed": %d,\n' % seed)
        f.write('  "processes": [\n')
        first = True
        for i, (a, s) in enumerate(customers(n, seed), 1):
            f.write('%s    {"name": "C%d", "arrival": %d, "bursts": [%d]}' %
                    ("" if first else ",\n", i, a, s))
            first = False
        f.write("\n  ]\n}\n")


def write_csv(n, path, seed):
    with open(path, "w") as f:
        # A CSV file's times are in milliseconds: three decimals keep the microseconds.
        f.write("# M/M/1, %d customers (fcfs, 1 core; times in ms)\n" % n)
        f.write("name,arrival,bursts,priority\n")
        for i, (a, s) in enumerate(customers(n, seed), 1):
            f.write("C%d,%d.%03d,%d.%03d,\n" % (i, a // 1000, a % 1000, s // 1000, s % 1000))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    (write_csv if a.out.endswith(".csv") else write_json)(a.n, a.out, a.seed)


if __name__ == "__main__":
    main()
