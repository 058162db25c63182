import multiprocessing as mp
import time

counter = 0


def child():
    global counter
    for i in range(5):
        counter += 1
    time.sleep(0.05)


if __name__ == "__main__":
    mp.set_start_method("fork")
    p = mp.Process(target=child)
    p.start()
    time.sleep(0.02)
    p.join()
    print(counter)
