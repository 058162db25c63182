"""Print the Markdown table of cpython_results.json (used for README.md).

Tooling for CPython only (it uses json); the case programs themselves stay in
Taskscope's Python subset so the same files can run under Taskscope.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# (case, quantity, what it means, what the issue asks)
ROWS = [
    ("cpu_threads_vs_serial", "ratio_threads_over_serial", "4 CPU-bound threads / serial", "about 1, a little more"),
    ("cpu_processes_vs_serial", "ratio_processes4_over_serial", "4 processes on 2 cores / serial", "clearly less than 1"),
    ("cpu_processes_vs_serial", "ratio_processes2_over_serial", "2 processes on 2 cores / serial", "clearly less than 1"),
    ("io_threads_overlap", "ratio_threads_over_serial", "4 threads sleeping 0.2 s / 0.8 s serial", "about 0.25"),
    ("gil_handoff_latency", "sleep1ms_extra_alone_ms", "sleep(1 ms) overshoot, alone (ms)", "small"),
    ("gil_handoff_latency", "sleep1ms_extra_with_spinner_ms", "sleep(1 ms) overshoot next to a spinning thread (ms)", "about one switch interval (5 ms)"),
    ("gil_handoff_latency", "cpu_turn_ms", "GIL turn of two spinning threads (ms)", "about one switch interval (5 ms)"),
    ("gil_handoff_latency", "sleep1ms_extra_with_spinner_at_2ms_interval_ms", "same overshoot at setswitchinterval(0.002) (ms)", "about 2 ms"),
    ("gil_handoff_latency", "cpu_turn_at_2ms_interval_ms", "GIL turn at setswitchinterval(0.002) (ms)", "about 2 ms"),
    ("bounded_queue_blocks", "fraction_blocked", "share of 30 puts on Queue(3) that blocked", "most: 27/30 = 0.9"),
    ("bounded_queue_blocks", "first_blocked_put_index", "first put that blocked (0-based)", "3"),
    ("bounded_queue_blocks", "median_blocked_wait_ms", "median wait of a blocked put (ms; consumer: 10 ms/item)", "about 10"),
    ("pool_reuses_pids", "distinct_pids", "distinct worker pids, Pool(4), 27 tasks", "4"),
    ("pool_reuses_pids", "apply_async_split", "tasks per pid, apply_async", "even: 7/7/7/6"),
    ("pool_reuses_pids", "map_split", "items per pid, map (chunksize 2)", "8/7/6/6"),
    ("value_race", "unlocked_kept_fraction", "4 procs x 200k v.value += 1, no lock: kept share", "substantial loss"),
    ("value_race", "locked_lost", "same with get_lock(): updates lost", "0"),
    ("deadlock_two_locks", "trials_both_timed_out", "of 5 trials, both acquire(timeout) timed out", "5"),
    ("thread_counter_race", "plain_lost", "4 threads x 2M counter += 1: updates lost", "0 (3.10-3.13)"),
    ("thread_counter_race", "with_call_kept_fraction", "same with a built-in call between read and write: kept share", "< 1"),
    ("loop_cost", "countdown_cold_ns", "while n > 0: n -= 1, first 7 calls (ns/iteration)", "calibration"),
    ("loop_cost", "countdown_warm_ns", "same loop once specialised (ns/iteration)", "calibration"),
    ("loop_cost", "for_sum_ns", "for i in range(n): total += i (ns/iteration)", "calibration"),
]


def fmt(v):
    if isinstance(v, list):
        return "/".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:.3g}"
    return str(v)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "cpython_results.json")
    doc = json.load(open(path))
    print("| case | quantity | CPython median | min–max | runs used | issue 5 expects |")
    print("|---|---|---|---|---|---|")
    for case, key, what, want in ROWS:
        agg = doc["cases"].get(case, {}).get(key)
        if agg is None:
            continue
        if "median" in agg:
            med, rng = fmt(agg["median"]), f"{fmt(agg['min'])}–{fmt(agg['max'])}"
        else:
            med, rng = fmt(agg["most_common"]), f"{agg['count']} of {agg['of']} runs"
        used = doc["cases"][case].get("used_runs", "")
        print(f"| `{case}` | {what} | **{med}** | {rng} | {used} | {want} |")


if __name__ == "__main__":
    main()
