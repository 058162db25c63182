# Fidelity case: Pool(4) runs 27 equal tasks on 4 worker pids with an even split.
# Idle workers pull one task at a time, so apply_async x 27 splits 7/7/7/6; map()
# with no chunksize uses chunks of ceil(27 / (4 * 4)) = 2, i.e. 14 chunks.
# Prints one JSON line; the splits are sorted high to low.
import os
import time
from multiprocessing import Pool

TASKS = 27


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

def task(i):
    time.sleep(0.02)  # equal tasks, like the seed's 27 crawls
    return os.getpid()


def split(pids):
    counts = {}
    for pid in pids:
        counts[pid] = counts.get(pid, 0) + 1
    return sorted(counts.values(), reverse=True)


if __name__ == '__main__':
    pool = Pool(4)
    results = [pool.apply_async(task, (i,)) for i in range(TASKS)]
    apply_pids = [r.get() for r in results]
    map_pids = pool.map(task, range(TASKS))
    pool.close()
    pool.join()
    all_pids = set(apply_pids + map_pids)
    a = split(apply_pids)
    emit({"case": "pool_reuses_pids", "tasks": TASKS, "processes": 4,
          "distinct_pids": len(all_pids), "apply_async_split": a, "map_split": split(map_pids),
          "apply_async_max_minus_min": a[0] - a[-1]})
