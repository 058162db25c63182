from multiprocessing import Process, Value, Array, Lock

def inc(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1

def fill(arr):
    for i in range(len(arr)):
        arr[i] = i * i

if __name__ == '__main__':
    v = Value('i', 0)
    ps = [Process(target=inc, args=(v, 500)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(v.value)
    a = Array('i', 5)
    p = Process(target=fill, args=(a,))
    p.start()
    p.join()
    print(a[:], len(a))
    d = Value('d', 1.5)
    print(d.value)
