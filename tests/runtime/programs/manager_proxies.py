import multiprocessing as mp

def worker(d, l, i):
    d[i] = i * i
    l.append(i)

if __name__ == '__main__':
    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        ns = m.Namespace(x=1)
        v = m.Value('i', 5)
        ps = [mp.Process(target=worker, args=(d, l, i)) for i in range(4)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(sorted(d.items()), sorted(l), len(d), 2 in d, d.get(9, 'none'))
        print(len(str(d)))
        ns.y = 2
        print(ns.x, ns.y)
        v.value += 1
        print(v.value)
