#!/bin/sh
# Runs every fidelity case under python3 RUNS times (default 5) and writes
# cpython_results.json beside this script: the median of every number, the most
# frequent value of every list or flag, the raw runs, and a description of the machine.
# Usage: [QUIET_WAIT=S] [CASES="a b"] [OUT=file.json] bench/fidelity/run_all.sh [RUNS] [PYTHON]
# Other builds or programs on the machine skew the CPU cases (processes above all).
# Before each case the CPU use of the whole machine over 0.5 s is sampled and recorded
# (_busy, 0..1, and _load1), and again right after it (_busy_after); with QUIET_WAIT=S
# the script first waits up to S seconds for the machine to be quiet (busy < 10%).
# The summary uses only the quiet runs (busy < 10% before and after) when there are
# at least 3 of them, else all runs; "used_runs" says which.
set -eu
cd "$(dirname "$0")"
RUNS=${1:-5}
PY=${2:-python3}
CASES=${CASES:-"cpu_threads_vs_serial cpu_processes_vs_serial io_threads_overlap gil_handoff_latency
bounded_queue_blocks pool_reuses_pids value_race deadlock_two_locks thread_counter_race loop_cost op_costs"}
OUT=${OUT:-cpython_results.json}
QUIET_WAIT=${QUIET_WAIT:-0}
busy() { # fraction of all CPU time that was not idle during 0.5 s
    "$PY" -c '
import time
def snap():
    f = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return sum(f), f[3] + f[4]
t1, i1 = snap(); time.sleep(0.5); t2, i2 = snap()
print(round(1 - (i2 - i1) / max(1, t2 - t1), 3))'
}
quiet() {
    waited=0
    b=$(busy)
    while [ "$waited" -lt "$QUIET_WAIT" ] && "$PY" -c "import sys; sys.exit(0 if $b >= 0.1 else 1)"; do
        sleep 2
        waited=$((waited + 3))
        b=$(busy)
    done
    echo "$b"
}
RAW=$(mktemp)
trap 'rm -f "$RAW"' EXIT
i=1
while [ "$i" -le "$RUNS" ]; do
    for c in $CASES; do
        b=$(quiet)
        load=$(cut -d' ' -f1 /proc/loadavg)
        line=$(timeout 120 "$PY" "$c.py")
        a=$(busy)
        echo "$line" | "$PY" -c 'import json,sys; d=json.loads(sys.stdin.read()); d["_busy"]=float(sys.argv[1]); d["_busy_after"]=float(sys.argv[2]); d["_load1"]=float(sys.argv[3]); d["_run"]=int(sys.argv[4]); print(json.dumps(d))' "$b" "$a" "$load" "$i" >>"$RAW"
        echo "run $i $c (busy before/after: $b/$a): $line" >&2
    done
    i=$((i + 1))
done
"$PY" - "$RAW" "$RUNS" >"$OUT" <<'PYEOF'
import json, os, platform, statistics, subprocess, sys, time
from collections import Counter
raw, runs = sys.argv[1], int(sys.argv[2])
rows = [json.loads(l) for l in open(raw)]
cases = {}
for r in rows:
    cases.setdefault(r["case"], []).append(r)
out = {}
for name, all_rs in cases.items():
    quiet = [r for r in all_rs if r["_busy"] < 0.1 and r["_busy_after"] < 0.1]
    rs = quiet if len(quiet) >= 3 else all_rs
    agg = {"used_runs": ("quiet" if rs is quiet else "all") + f" ({len(rs)} of {len(all_rs)})"}
    for k in rs[0]:
        if k in ("case", "_run", "_busy", "_busy_after", "_load1"):
            continue
        vals = [r.get(k) for r in rs]
        nums = [v for v in vals if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if len(nums) == len(vals):
            agg[k] = {"median": statistics.median(nums), "min": min(nums), "max": max(nums)}
        else:
            common, count = Counter(json.dumps(v) for v in vals).most_common(1)[0]
            agg[k] = {"most_common": json.loads(common), "count": count, "of": len(vals)}
    out[name] = agg
def cpu_model():  # first "model name" in /proc/cpuinfo
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()
doc = {
    "what": "Real CPython on this machine: the targets Taskscope's default settings must match within about 20%",
    "python": sys.version.split()[0],
    "implementation": platform.python_implementation(),
    "machine": {"cpus": os.cpu_count(), "cpu_model": cpu_model(), "kernel": platform.release(),
                "arch": platform.machine(), "hypervisor": " hypervisor " in open("/proc/cpuinfo").read().replace("\n", " ")},
    "runs_per_case": runs,
    "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
    "cases": out,
    "raw": rows,
}
print(json.dumps(doc, indent=1, ensure_ascii=False))
PYEOF
echo "wrote $(pwd)/$OUT" >&2
