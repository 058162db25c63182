from multiprocessing import Pool

def square(x):
    return x * x

def div(a, b):
    return a / b

if __name__ == '__main__':
    with Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.starmap(div, [(1, 2), (3, 4)]))
        r = pool.apply_async(square, (12,))
        print(r.get(), r.ready(), r.successful())
        print(list(pool.imap(square, [5, 6, 7])))
        print(sorted(pool.imap_unordered(square, [1, 2, 3])))
        bad = pool.apply_async(div, (1, 0))
        try:
            bad.get()
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
    pool2 = Pool(2)
    pool2.close()
    try:
        pool2.apply_async(square, (1,))
    except ValueError as e:
        print("ValueError:", e)
    pool2.join()
