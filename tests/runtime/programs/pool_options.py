# Pool(initializer, initargs, maxtasksperchild), map_async, AsyncResult, imap with chunksize, starmap.
# The initializer sets a global in each worker: the tasks (pickled by name) see the worker's.
import multiprocessing as mp
import os

tag = None


def init(t):
    global tag
    tag = t


def tagged(x):
    return "%s-%d" % (tag, x * x)


def pid_of(x):
    return os.getpid()


def add(a, b):
    return a + b


def fail(x):
    if x == 3:
        raise ValueError("bad item %d" % x)
    return x


if __name__ == '__main__':
    with mp.Pool(2, initializer=init, initargs=("sq",)) as pool:
        print(pool.map(tagged, range(5)))
        r = pool.map_async(tagged, [7, 8])
        print(r.get(timeout=5), r.ready(), r.successful())
        print(list(pool.imap(tagged, range(6), chunksize=4)))
        print(sorted(pool.imap_unordered(tagged, range(4))))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        bad = pool.map_async(fail, range(5))
        bad.wait(5)
        print("ready", bad.ready(), "successful", bad.successful())
        try:
            bad.get()
        except ValueError as e:
            print("ValueError:", e)
    with mp.Pool(2, maxtasksperchild=1) as pool:
        pids = pool.map(pid_of, range(6), chunksize=1)
        print("distinct worker pids with maxtasksperchild=1:", len(set(pids)))
