# Fidelity case: how long a thread waits for the GIL while another thread spins.
# 1. wake latency: the main thread sleeps 1 ms again and again while a second thread
#    runs pure Python. sleep releases the GIL; taking it back is a normal take_gil,
#    which waits one switch interval (5 ms) before it sets a drop request. Reported:
#    median(actual sleep - 1 ms), alone and next to the spinner, at 5 ms and 2 ms.
# 2. turn length: two spinning threads; how long one keeps the GIL before a forced
#    hand-off (about one switch interval).
# Prints one JSON line, times in ms.
import sys
import threading
import time

REQ = 0.001     # requested sleep, seconds
SAMPLES = 40
stop = False
turns = []


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

def spinner():
    x = 0
    while not stop:
        x += 1


def wake_extra_ms(with_spinner):
    global stop
    stop = False
    t = None
    if with_spinner:
        t = threading.Thread(target=spinner)
        t.start()
        time.sleep(0.02)
    extra = []
    for i in range(SAMPLES):
        t0 = time.perf_counter()
        time.sleep(REQ)
        extra.append((time.perf_counter() - t0 - REQ) * 1000)
    stop = True
    if t is not None:
        t.join()
    return median(extra)


def chunked_spinner(name, chunks):
    for c in range(chunks):
        total = 0
        for i in range(2_000):  # about 50 us of work per chunk
            total += i
        turns.append((name, time.perf_counter()))


def turn_ms():
    turns.clear()
    ts = [threading.Thread(target=chunked_spinner, args=(n, 3000)) for n in ("A", "B")]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    lengths = []
    last_switch = None
    for i in range(1, len(turns)):
        if turns[i][0] != turns[i - 1][0]:
            if last_switch is not None:
                lengths.append((turns[i - 1][1] - last_switch) * 1000)
            last_switch = turns[i - 1][1]
    return median(lengths)


if __name__ == '__main__':
    res = {"case": "gil_handoff_latency", "switch_interval_ms": sys.getswitchinterval() * 1000}
    res["sleep1ms_extra_alone_ms"] = round(wake_extra_ms(False), 3)
    res["sleep1ms_extra_with_spinner_ms"] = round(wake_extra_ms(True), 3)
    res["cpu_turn_ms"] = round(turn_ms(), 3)
    sys.setswitchinterval(0.002)
    res["sleep1ms_extra_with_spinner_at_2ms_interval_ms"] = round(wake_extra_ms(True), 3)
    res["cpu_turn_at_2ms_interval_ms"] = round(turn_ms(), 3)
    emit(res)
