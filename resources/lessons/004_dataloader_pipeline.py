# title: A DataLoader-style pipeline: worker processes prepare batches while the "GPU" trains
# title_zh: 仿 DataLoader 的流水线:工作进程准备批数据,"GPU" 同时训练
# seed: 004
# topic: dataloader
# watch: Timeline: with NUM_WORKERS = 0 the main process alternates loading (CPU) and training (GPU, drawn as a sleep) so the GPU sits idle while the CPU loads; with 1, 2, 4 worker processes the loading moves to the workers and overlaps the training. Sync objects: the batch queue fills up when the workers are ahead and runs empty when they are behind. States: the consumer Waiting (reason queue) is the GPU's idle time. Charts: CPU use per core. Console: total time and the consumer's idle time.
# watch_zh: 时间线:NUM_WORKERS = 0 时主进程交替进行加载(CPU)和训练(GPU,用 sleep 表示),CPU 加载时 GPU 空闲;使用 1、2、4 个工作进程时,加载转移到工作进程并与训练重叠。同步对象:工作进程领先时批数据队列被填满,落后时队列为空。状态图:消费者处于等待(原因是队列)的时间就是 GPU 的空闲时间。图表:每个核的 CPU 使用率。控制台:总时间和消费者的空闲时间。
# expect: loading a batch takes 3x a training step (the program times one load and sets the GPU step to 1/3 of it), so on 2 free cores the idle share falls from ~75% (0 workers) to ~67% (1) to ~35% (2); with 4 workers it does not fall further, since the loaders can only use 2 cores: the seed's rule num_workers = number of cores (or cores - 1). Run with an argument to change NUM_WORKERS: python3 004_dataloader_pipeline.py 4 (in Taskscope: Run settings, Arguments, which start from the "# args: 2" line below). PyTorch itself is not used: load_batch() is a CPU loop and the GPU step is time.sleep()
# expect_zh: 加载一批数据的耗时是一次训练的 3 倍(程序先测量一次加载时间,再把 GPU 步骤设为其 1/3),所以在两个空闲核上空闲比例从约 75%(0 个工作进程)降到约 67%(1 个)和约 35%(2 个);用 4 个工作进程不会再降低,因为加载进程只能用上 2 个核:即种子文章的经验 num_workers = CPU 核数(或核数 - 1)。可用参数修改 NUM_WORKERS:python3 004_dataloader_pipeline.py 4(在 Taskscope 中:运行设置中的"参数",初始值来自下面的 "# args: 2" 一行)。这里不使用 PyTorch:load_batch() 是一个 CPU 循环,GPU 的训练步骤用 time.sleep() 表示
# compare: args=0,1,2,4; cores=2,4
# cores: 2
# args: 2
# views: syncObjects, stats

import os
import sys
import time
from multiprocessing import Process, Queue

NUM_WORKERS = 2        # try 0, 1, 2, 4
NUM_BATCHES = 16
LOAD_STEPS = 600_000   # CPU work to read and augment one batch (about 0.04-0.08 s in CPython)
GPU_SHARE = 1 / 3      # a training step takes 1/3 of the time needed to load a batch
PREFETCH = 2           # batches each worker may have waiting, like PyTorch's prefetch_factor

if len(sys.argv) > 1:
    NUM_WORKERS = int(sys.argv[1])


def load_batch(i):
    total = 0
    for k in range(LOAD_STEPS):
        total += k * k % 7
    return (i, total)


def loader(worker_id, num_workers, q):
    # like PyTorch, worker w prepares batches w, w + n, w + 2n, ...
    for i in range(worker_id, NUM_BATCHES, num_workers):
        q.put(load_batch(i))


def train_step(batch, gpu_time):
    time.sleep(gpu_time)  # the GPU computes; the main process just waits for it


if __name__ == '__main__':
    # time one batch load on this machine, so the GPU step is 1/3 of it anywhere
    t = time.perf_counter()
    load_batch(-1)
    load_time = time.perf_counter() - t
    gpu_time = load_time * GPU_SHARE
    print(f"NUM_WORKERS = {NUM_WORKERS}, {NUM_BATCHES} batches, cores = {os.cpu_count()}, "
          f"load {1000 * load_time:.0f} ms, GPU step {1000 * gpu_time:.0f} ms per batch")
    idle = 0.0  # time the consumer (the GPU) waits for data
    t0 = time.perf_counter()
    if NUM_WORKERS == 0:
        # no workers: the main process loads every batch itself, between training steps
        for i in range(NUM_BATCHES):
            t = time.perf_counter()
            batch = load_batch(i)
            idle += time.perf_counter() - t
            train_step(batch, gpu_time)
    else:
        q = Queue(PREFETCH * NUM_WORKERS)
        workers = [Process(target=loader, args=(w, NUM_WORKERS, q)) for w in range(NUM_WORKERS)]
        for w in workers:
            w.start()
        ready = {}  # batches that arrived early; training takes them in order 0, 1, 2, ...
        for i in range(NUM_BATCHES):
            t = time.perf_counter()
            while i not in ready:
                index, data = q.get()  # waits while no batch is ready: the GPU is idle
                ready[index] = (index, data)
            batch = ready.pop(i)
            idle += time.perf_counter() - t
            train_step(batch, gpu_time)
        for w in workers:
            w.join()
    total = time.perf_counter() - t0
    busy = NUM_BATCHES * gpu_time
    print(f"total {total:.2f} s, GPU busy {busy:.2f} s, consumer idle {idle:.2f} s ({100 * idle / total:.0f}% of the run)")
