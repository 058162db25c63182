# title: Serial vs threads vs processes on the same CPU-bound job
# title_zh: 效率比较:多线程、多进程、普通的消耗时间
# seed: 002
# topic: gil
# watch: Timeline: "normal" runs on one core; "multithread" also uses one core at a time (the GIL lane passes between the two threads); "multicore" keeps both cores busy with two processes. Charts: the durations of the three phases side by side (the program marks each one with taskscope.mark). Console: the three times and their order.
# watch_zh: 时间线:"普通"只用一个核;"多线程"任何时刻也只用一个核(GIL 在两个线程之间传递);"多进程"的两个进程让两个核都忙。图表:三个阶段的耗时并排比较(程序用 taskscope.mark 标出每个阶段)。控制台:三个时间及其先后。
# expect: 多进程 < 普通 < 多线程 (multicore < normal < multithread) on 2 free cores: processes ~0.5-0.7 x normal, threads ~1.0-1.1 x normal; the three results are equal
# expect_zh: 在两个空闲核上:多进程 < 普通 < 多线程;多进程约为普通的 0.5-0.7 倍,多线程约 1.0-1.1 倍;三种方式的计算结果相同
# compare: cores=1,2,4
# cores: 2
# views: stats

import multiprocessing as mp
import threading as td
import time

try:
    from taskscope import mark  # Taskscope: a phase starts here (Charts: phase durations)
except ImportError:  # real CPython has no taskscope module
    def mark(label):
        pass


def job(q):
    res = 0
    for i in range(1000000):
        res += i + i**2 + i**3
    q.put(res)  # queue: a thread or process cannot return a value, so it puts it here


def multicore():
    q = mp.Queue()
    p1 = mp.Process(target=job, args=(q,))
    p2 = mp.Process(target=job, args=(q,))
    p1.start()
    p2.start()
    # join() before get() is safe only because each result is small; a large item
    # would keep the child from exiting until someone gets it
    p1.join()
    p2.join()
    res1 = q.get()
    res2 = q.get()
    print('multicore:', res1 + res2)


def normal():
    res = 0
    for _ in range(2):
        for i in range(1000000):
            res += i + i**2 + i**3
    print('normal:', res)


def multithread():
    q = mp.Queue()
    t1 = td.Thread(target=job, args=(q,))
    t2 = td.Thread(target=job, args=(q,))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    res1 = q.get()
    res2 = q.get()
    print('multithread:', res1 + res2)


if __name__ == '__main__':
    mark('normal')
    st = time.time()
    normal()
    st1 = time.time()
    print('normal time:', st1 - st)
    mark('multithread')
    multithread()
    st2 = time.time()
    print('multithread time:', st2 - st1)
    mark('multicore')
    multicore()
    st3 = time.time()
    print('multicore time:', st3 - st2)

    times = {'多进程 multicore': st3 - st2, '普通 normal': st1 - st, '多线程 multithread': st2 - st1}
    order = sorted(times, key=times.get)
    print(' < '.join(order))
    print(f"multithread / normal = {(st2 - st1) / (st1 - st):.2f}, multicore / normal = {(st3 - st2) / (st1 - st):.2f}")
