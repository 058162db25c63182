# title: Pool(4) runs 27 crawl jobs on 4 reused worker processes
# title_zh: 进程池 Pool(4) 用 4 个被重复利用的进程完成 27 个爬虫任务
# seed: 001
# topic: pool
# watch: Process tree: the main process, 4 pool workers, and under each worker the short-lived child that os.system() starts for one crawl. Timeline: at most 4 crawls run at once; a worker picks the next city as soon as its crawl ends. Console: the worker pid of every task, then the task count per pid.
# watch_zh: 进程树:主进程、4 个进程池工作进程,以及每个工作进程为一次爬取用 os.system() 启动的短命子进程。时间线:最多同时进行 4 个爬取;工作进程完成一个城市后立即取下一个。控制台:每个任务的工作进程 pid,以及每个 pid 完成的任务数。
# expect: 27 tasks on exactly 4 worker pids, split evenly (7/7/7/6); about 27 x 0.2 s / 4 = 1.4 s. scrapy is not installed, so the external command is os.system("sleep 0.2"): a real child process that takes 0.2 s, standing in for "scrapy crawl <city>" (Taskscope simulates it as a child process too)
# expect_zh: 27 个任务恰好由 4 个工作进程完成,分配均匀(7/7/7/6);约 27 x 0.2 秒 / 4 = 1.4 秒。这里没有安装 scrapy,所以外部命令用 os.system("sleep 0.2"):一个真实的、耗时 0.2 秒的子进程,代替 "scrapy crawl <城市>"(Taskscope 同样把它模拟为子进程)
# views: processes

import os
import time
from multiprocessing import Pool

# The command that plays the crawl. With scrapy installed you would run cmd itself:
# os.system(cmd). Note the seed ran it with scrapy's cmdline.execute(), which ends by
# calling sys.exit(): that kills the pool worker (see 001_pool_worker_sys_exit.py).
STAND_IN = "sleep 0.2"


def run_one_py(city_name):
    cmd = "scrapy crawl " + city_name
    print(f"worker {os.getpid()}: {cmd}", flush=True)
    os.system(STAND_IN)  # a separate program, in a child process of this worker
    return os.getpid()


if __name__ == '__main__':
    print('start process')  # the seed's Python 2 "print 'start process'", fixed
    p = Pool(4)
    list_city = ['gs_by_project', 'gs_dx_project', 'gs_gnzz_project', 'gs_gs_project', 'gs_hl_project', 'gs_jyg_project',
                 'gs_jc_project', 'gs_jq_project', 'gs_jqdh_project', 'gs_lz_project', 'gs_lxhz_project', 'gs_ln01_project',
                 'gs_ln_project', 'gs_pl_project', 'gs_plcx_project', 'gs_plht_project', 'gs_pljn_project', 'gs_pllt_project',
                 'gs_qy_project', 'gs_ts_project', 'gs_ww_project', 'gs_zy_project', 'gs_zygt_project', 'gs_zylz_project',
                 'gs_zyml_project', 'gs_zysd_project', 'gs_zysn_project']
    t0 = time.time()
    results = []
    for city in list_city:
        results.append(p.apply_async(run_one_py, args=(city,)))
    print('Waiting for all subprocesses done...', flush=True)
    p.close()
    p.join()
    print('All subprocesses done.')

    per_pid = {}
    for r in results:
        pid = r.get()
        per_pid[pid] = per_pid.get(pid, 0) + 1
    print(f"{len(list_city)} tasks, {len(per_pid)} worker pids, {time.time() - t0:.1f} s")
    for pid in sorted(per_pid):
        print(f"  pid {pid}: {per_pid[pid]} tasks")
