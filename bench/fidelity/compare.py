#!/usr/bin/env python3
"""Runs every fidelity case under Taskscope and prints its figures next to CPython's.

Usage: bench/fidelity/compare.py [TASKSCOPE_BINARY] [--python]

Taskscope runs each case with `taskscope run CASE.py --cores 2` (the machine the CPython
figures come from has 2 cores). CPython's figures are the medians in cpython_results.json;
with --python the cases are also run by python3 now, side by side in the same run.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = ["cpu_threads_vs_serial", "cpu_processes_vs_serial", "io_threads_overlap", "gil_handoff_latency",
         "bounded_queue_blocks", "pool_reuses_pids", "value_race", "deadlock_two_locks",
         "thread_counter_race", "loop_cost", "op_costs"]


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    return {}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    binary = args[0] if args else os.path.join(HERE, "..", "..", "build", "app", "taskscope")
    live = "--python" in sys.argv
    with open(os.path.join(HERE, "cpython_results.json")) as f:
        recorded = json.load(f)["cases"]
    print("%-26s %-44s %12s %12s %8s" % ("case", "quantity", "CPython", "Taskscope", "ratio"))
    for case in CASES:
        path = os.path.join(HERE, case + ".py")
        ts = subprocess.run([binary, "run", path, "--cores", "2", "--until", "120000"], capture_output=True,
                            text=True, cwd=HERE)
        sim = last_json(ts.stdout)
        ref = {k: v["median"] for k, v in recorded.get(case, {}).items() if isinstance(v, dict) and "median" in v}
        if live:
            py = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=HERE)
            ref.update({k: v for k, v in last_json(py.stdout).items() if isinstance(v, (int, float))})
        for key, value in sim.items():
            if not isinstance(value, (int, float)) or isinstance(value, bool) or key not in ref:
                continue
            r = ref[key]
            ratio = "%.2f" % (value / r) if r else "-"
            print("%-26s %-44s %12.4g %12.4g %8s" % (case, key, r, value, ratio))


if __name__ == "__main__":
    main()
