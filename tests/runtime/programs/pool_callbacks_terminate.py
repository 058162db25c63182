import multiprocessing as mp
import time


def work(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x * 10


def slow(x):
    time.sleep(10)
    return x


if __name__ == '__main__':
    done = []
    errors = []
    with mp.Pool(2) as pool:
        rs = [pool.apply_async(work, (i,), callback=done.append, error_callback=errors.append) for i in range(5)]
        for r in rs:
            r.wait()
        print(sorted(done))
        print([type(e).__name__ + ": " + str(e) for e in errors])
        print([r.successful() for r in rs])
        try:
            pool.map(work, range(5))
        except ValueError as e:
            print("map raised", e)
    pool = mp.Pool(2)
    r = pool.apply_async(slow, (1,))
    try:
        r.get(timeout=0.05)
    except mp.TimeoutError:
        print("TimeoutError")
    t0 = time.time()
    pool.terminate()
    pool.join()
    print("terminated quickly:", time.time() - t0 < 1)
    try:
        pool.join()
        mp.Pool(1).join()
    except ValueError as e:
        print("ValueError:", e)
