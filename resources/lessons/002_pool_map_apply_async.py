# title: Pool: map() and apply_async() return the function's results
# title_zh: 进程池 Pool:用 map() 和 apply_async() 取得函数的返回值
# seed: 002
# topic: pool
# watch: Process tree: Pool() starts one worker per core (os.cpu_count()). Timeline: map() hands the 10 inputs to the workers in chunks; each apply_async() is one task. Console: the same results from map() and from a list of apply_async() calls.
# watch_zh: 进程树:Pool() 默认按核数(os.cpu_count())启动工作进程。时间线:map() 把 10 个输入分块交给各工作进程;每次 apply_async() 是一个任务。控制台:map() 与多次 apply_async() 得到相同的结果。
# expect: map -> [0, 1, 4, ..., 81] in input order; apply_async(job, (2,)).get() -> 4 (note the comma: args is a tuple); a list of apply_async calls gives the same list as map
# expect_zh: map 得到按输入顺序排列的 [0, 1, 4, ..., 81];apply_async(job, (2,)).get() 得到 4(注意逗号:参数是元组);多次 apply_async 得到与 map 相同的列表
# views: processes

import multiprocessing as mp
import os


def job(x):
    return x * x  # unlike Process, a function run by a Pool can return a value


def multicore():
    print("cores:", os.cpu_count())
    pool = mp.Pool()  # default: one worker per core; mp.Pool(processes=2) chooses the number
    res = pool.map(job, range(10))
    print("map:", res)
    res = pool.apply_async(job, (2,))  # one task, one argument tuple: (2,) not (2)
    print("apply_async:", res.get())
    multi_res = [pool.apply_async(job, (i,)) for i in range(10)]
    print("apply_async x 10:", [res.get() for res in multi_res])
    pool.close()
    pool.join()


if __name__ == '__main__':
    multicore()
