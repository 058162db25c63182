# queue for Taskscope: Queue, LifoQueue, PriorityQueue and SimpleQueue with the API and
# exceptions of CPython 3.11's Lib/queue.py. Each queue is a kernel object of the simulated
# machine: a full put() and an empty get() block the simulated thread.
import _taskscope as _k


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


def _check_timeout(block, timeout):
    if not block or timeout is None:
        return -1.0
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    return float(timeout)


class Queue:
    _order = 0

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._id = _k.queue_new(maxsize, self._order, False)

    def task_done(self):
        if not _k.queue_task_done(self._id):
            raise ValueError('task_done() called too many times')

    def join(self):
        _k.queue_join(self._id)

    def qsize(self):
        return _k.queue_size(self._id)

    def empty(self):
        return _k.queue_size(self._id) == 0

    def full(self):
        return 0 < self.maxsize <= _k.queue_size(self._id)

    def put(self, item, block=True, timeout=None):
        # As Lib/queue.py: an unbounded queue never looks at block or timeout.
        t = _check_timeout(block, timeout) if self.maxsize > 0 else -1.0
        if not _k.queue_put(self._id, item, block, t):
            raise Full

    def get(self, block=True, timeout=None):
        ok, item = _k.queue_get(self._id, block, _check_timeout(block, timeout))
        if not ok:
            raise Empty
        return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    @property
    def unfinished_tasks(self):
        return _k.queue_unfinished(self._id)


class PriorityQueue(Queue):
    _order = 2


class LifoQueue(Queue):
    _order = 1


class SimpleQueue:
    def __init__(self):
        self._id = _k.queue_new(0, 0, False)

    def put(self, item, block=True, timeout=None):
        _k.queue_put(self._id, item, True, -1.0)

    def put_nowait(self, item):
        self.put(item, block=False)

    def get(self, block=True, timeout=None):
        ok, item = _k.queue_get(self._id, block, _check_timeout(block, timeout))
        if not ok:
            raise Empty
        return item

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return _k.queue_size(self._id) == 0

    def qsize(self):
        return _k.queue_size(self._id)
