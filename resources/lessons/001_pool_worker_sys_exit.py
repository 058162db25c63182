# title: Why the seed's scrapy pool hung: sys.exit() inside a pool task kills the worker
# title_zh: 种子文章中爬虫进程池的隐患:任务里调用 sys.exit() 会杀死工作进程
# seed: 001
# topic: pool
# watch: Process tree: every task ends its worker process; the pool starts a new worker with a new pid in its place. Console: more than 4 different worker pids, and get() times out because those results never arrive. Timeline: a task marker with no result.
# watch_zh: 进程树:每个任务都结束了自己所在的工作进程,进程池用新的 pid 补上一个新进程。控制台:出现超过 4 个不同的工作进程 pid,get() 超时,因为这些结果永远不会返回。
# expect: scrapy's cmdline.execute() (used by the seed) ends with sys.exit(); in a pool task that raises SystemExit, which is not an Exception: the worker dies, a new pid replaces it, the result never arrives and close()+join() would wait forever. Here get(timeout=1) raises multiprocessing.TimeoutError and terminate() ends the pool
# expect_zh: 种子文章使用的 scrapy cmdline.execute() 最后会调用 sys.exit();在进程池任务中它抛出 SystemExit(不是 Exception):工作进程退出,新的 pid 替代它,结果永远不会返回,close()+join() 会永远等待。这里用 get(timeout=1) 得到 multiprocessing.TimeoutError,再用 terminate() 结束进程池
# views: processes, console

import multiprocessing
import os
import sys
import time
from multiprocessing import Pool


def run_one_py(city_name):
    print(f"worker {os.getpid()}: scrapy crawl {city_name}", flush=True)
    time.sleep(0.1)          # the crawl
    sys.exit(0)              # what scrapy's cmdline.execute() does when the crawl ends


if __name__ == '__main__':
    p = Pool(4)
    cities = ['gs_by_project', 'gs_dx_project', 'gs_gnzz_project', 'gs_gs_project',
              'gs_hl_project', 'gs_jyg_project', 'gs_jc_project', 'gs_jq_project']
    results = [p.apply_async(run_one_py, args=(c,)) for c in cities]
    try:
        results[0].get(timeout=1)
    except multiprocessing.TimeoutError:
        print("get(timeout=1): TimeoutError - the worker died before it could send a result")
    print("results ready:", [r.ready() for r in results])
    # p.close(); p.join() would now wait forever. Stop the workers instead:
    p.terminate()
    p.join()
    print("pool terminated")
