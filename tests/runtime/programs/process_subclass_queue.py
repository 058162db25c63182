import multiprocessing as mp
import os


class Worker(mp.Process):
    def __init__(self, q, n):
        super().__init__()
        self.q = q
        self.n = n

    def run(self):
        self.q.put((self.name, sum(range(self.n)), os.getppid() == self.parent_pid))


if __name__ == '__main__':
    q = mp.Queue()
    ws = []
    for n in (10, 20, 30):
        w = Worker(q, n)
        w.parent_pid = os.getpid()
        ws.append(w)
    for w in ws:
        w.start()
    got = sorted([q.get() for _ in ws])
    for w in ws:
        w.join()
    print(got)
    print([w.exitcode for w in ws], [w.is_alive() for w in ws])
    print(repr(ws[0]).startswith("<Worker name='Worker-1'"), "stopped exitcode=0" in repr(ws[0]))
    print(mp.active_children())
    try:
        ws[0].start()
    except AssertionError as e:
        print("AssertionError:", e)
