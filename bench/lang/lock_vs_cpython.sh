#!/usr/bin/env bash
# The lock program (4 threads x 300,000 `with lock: n += 1`) under python3 and under
# `taskscope run`, side by side: best wall time of RUNS runs each (interleaved), and the ratio.
#   bench/lang/lock_vs_cpython.sh [TASKSCOPE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
taskscope=${1:-build-release/app/taskscope}
runs=${2:-5}
prog=bench/lang/programs/lock_counter.py
best() { sort -g | head -1; }
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
py=() ts=()
for _ in $(seq "$runs"); do
  py+=("$(wall python3 "$prog")")
  ts+=("$(wall "$taskscope" run "$prog")")
done
p=$(printf '%s\n' "${py[@]}" | best)
t=$(printf '%s\n' "${ts[@]}" | best)
printf 'lock_counter  cpython %.3f s  taskscope %.3f s  ratio %.2f\n' "$p" "$t" "$(echo "$t / $p" | bc -l)"
