# Four CPU-bound processes: each has its own interpreter and GIL.
import multiprocessing as mp
import taskscope

def spin():
    n = 0
    for i in range(100000):
        n += i

if __name__ == "__main__":
    taskscope.mark("work")
    procs = [mp.Process(target=spin) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    taskscope.mark("done")
