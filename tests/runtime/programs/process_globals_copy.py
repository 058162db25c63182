from multiprocessing import Process, Queue

data = [1, 2, 3]

def child(q):
    data.append(4)
    q.put(list(data))

if __name__ == '__main__':
    q = Queue()
    p = Process(target=child, args=(q,))
    p.start()
    print("child saw", q.get())
    p.join()
    print("parent still has", data)
