# title: Shared memory between processes: Value and Array
# title_zh: 共享内存:Value 与 Array
# seed: 002
# topic: shared-memory
# watch: Sync objects: the shared Value and Array change when the child writes them, while the child's change to a plain global stays in the child (its own copy). Process tree: parent and child. Console: values before and after.
# watch_zh: 同步对象:子进程写入后,共享的 Value 和 Array 随之改变;而子进程对普通全局变量的修改只留在子进程自己的副本里。进程树:父进程和子进程。控制台:修改前后的值。
# expect: after the child runs, the parent sees value1 = 5, value2 = 6.28 and array = [10, 20, 30], but the plain global counter is still 0
# expect_zh: 子进程运行后,父进程看到 value1 = 5、value2 = 6.28、array = [10, 20, 30],而普通全局变量 counter 仍然是 0
# views: syncObjects

import multiprocessing as mp

counter = 0  # a plain global: every process has its own copy


def child(value1, value2, array):
    global counter
    counter = 99
    value1.value = 5
    value2.value = value2.value * 2
    for i in range(len(array)):
        array[i] = array[i] * 10
    print("child : counter =", counter, "value1 =", value1.value, "array =", array[:])


if __name__ == '__main__':
    value1 = mp.Value('i', 0)      # 'i': signed int
    value2 = mp.Value('d', 3.14)   # 'd': double (float)
    array = mp.Array('i', [1, 2, 3])  # one-dimensional only, one type for all items
    print("parent before: counter =", counter, "value1 =", value1.value, "value2 =", value2.value, "array =", array[:])
    p = mp.Process(target=child, args=(value1, value2, array))
    p.start()
    p.join()
    print("parent after : counter =", counter, "value1 =", value1.value, "value2 =", round(value2.value, 2), "array =", array[:])
