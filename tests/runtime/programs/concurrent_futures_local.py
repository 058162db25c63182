import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor, as_completed, wait
import threading
import time

def square(x):
    time.sleep(0.01 * (5 - x))
    return x * x

def fail():
    raise KeyError("k")

if __name__ == '__main__':
    with ThreadPoolExecutor(max_workers=3) as ex:
        futs = [ex.submit(square, i) for i in range(5)]
        print([f.result() for f in futs])
        print(sorted(f.result() for f in as_completed(futs)) if False else sorted([f.result() for f in futs]))
        order = [f.result() for f in as_completed([ex.submit(square, i) for i in range(3)])]
        print(order)
        print(list(ex.map(square, range(4))))
        bad = ex.submit(fail)
        print(type(bad.exception()).__name__, bad.done())
        done, not_done = wait(futs)
        print(len(done), len(not_done))
    with ProcessPoolExecutor(2) as pex:
        print(list(pex.map(square, [1, 2, 3])))
        print(pex.submit(square, 4).result())
    loc = threading.local()
    loc.x = 'main'
    def t():
        loc.x = 'thread'
        print('in thread', loc.x)
    th = threading.Thread(target=t); th.start(); th.join()
    print('in main', loc.x)
    ex2 = ThreadPoolExecutor(1)
    ex2.shutdown()
    try:
        ex2.submit(square, 1)
    except RuntimeError as e:
        print('RuntimeError:', e)
