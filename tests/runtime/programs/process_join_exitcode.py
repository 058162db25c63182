import multiprocessing as mp
import sys
import time

def ok():
    time.sleep(0.02)

def fails():
    raise RuntimeError("child failed")

def exits():
    sys.exit(7)

if __name__ == '__main__':
    ps = [mp.Process(target=f, name=n) for f, n in [(ok, "ok"), (fails, "fails"), (exits, "exits")]]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print([(p.name, p.exitcode) for p in ps])
    p = mp.Process(target=time.sleep, args=(10,))
    p.start()
    p.terminate()
    p.join()
    print("terminated:", p.exitcode, p.is_alive())
    print(mp.current_process().name)
