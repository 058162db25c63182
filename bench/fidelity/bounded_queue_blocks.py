# Fidelity case: a fast producer process on multiprocessing.Queue(3), a slow consumer.
# put() blocks while 3 items are put but not yet got, so after the first 3 puts every
# put waits for a get. Each put is timed; one slower than half the consumer's delay
# per item counts as blocked. A first "ready" item starts the queue's feeder thread
# before timing begins. Prints one JSON line.
import time
from multiprocessing import Process, Queue

ITEMS = 30
CONSUMER_DELAY = 0.01          # seconds the consumer spends per item
BLOCKED = CONSUMER_DELAY / 2   # a put slower than this waited for the consumer


def to_json(v):
    # Taskscope's Python subset has no json module: format the line by hand
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, str):
        return "\"" + v + "\""
    if isinstance(v, list):
        return "[" + ", ".join([to_json(x) for x in v]) + "]"
    return repr(v)


def emit(fields):
    print("{" + ", ".join(["\"" + k + "\": " + to_json(fields[k]) for k in fields]) + "}")


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]

def producer(q, report):
    q.put("ready")
    waits = []
    for i in range(ITEMS):
        t0 = time.perf_counter()
        q.put(i)
        waits.append(time.perf_counter() - t0)
    report.put(waits)


if __name__ == '__main__':
    q = Queue(3)
    report = Queue()
    p = Process(target=producer, args=(q, report))
    p.start()
    q.get()            # "ready"
    time.sleep(0.05)   # let the producer fill the queue
    got = []
    for i in range(ITEMS):
        time.sleep(CONSUMER_DELAY)
        got.append(q.get())
    waits = report.get()
    p.join()
    blocked = [w for w in waits if w > BLOCKED]
    first = None
    for i in range(len(waits)):
        if waits[i] > BLOCKED:
            first = i
            break
    emit({"case": "bounded_queue_blocks", "items": ITEMS, "maxsize": 3,
          "blocked_puts": len(blocked), "fraction_blocked": round(len(blocked) / ITEMS, 3),
          "first_blocked_put_index": first,
          "median_blocked_wait_ms": round(1000 * median(blocked), 3) if blocked else None,
          "fifo": got == list(range(ITEMS))})
