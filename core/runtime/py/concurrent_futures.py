# concurrent.futures for Taskscope: Future, ThreadPoolExecutor (worker threads pulling from
# a queue, as Lib/concurrent/futures/thread.py), ProcessPoolExecutor (on multiprocessing's
# Pool), wait and as_completed. Executor.map collects every result before it returns the
# iterator (a builtin such as list() cannot block inside the simulated VM).
import _taskscope as _k
import threading
import queue as _queue

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
FINISHED = 'FINISHED'

TimeoutError = TimeoutError


class Error(Exception):
    pass


class CancelledError(Error):
    pass


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class Future:
    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _k.print_exc()

    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<Future at 0x%x state=finished raised %s>' % (id(self), type(self._exception).__name__)
                return '<Future at 0x%x state=finished returned %s>' % (id(self), type(self._result).__name__)
            return '<Future at 0x%x state=%s>' % (id(self), self._state.lower())

    def cancel(self):
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state == CANCELLED:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == CANCELLED

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in (CANCELLED, FINISHED)

    def _get_result(self):
        if self._exception is not None:
            raise self._exception
        return self._result

    def result(self, timeout=None):
        with self._condition:
            if self._state == CANCELLED:
                raise CancelledError()
            if self._state == FINISHED:
                return self._get_result()
            self._condition.wait(timeout)
            if self._state == CANCELLED:
                raise CancelledError()
            if self._state == FINISHED:
                return self._get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state == CANCELLED:
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state == CANCELLED:
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in (CANCELLED, FINISHED):
                self._done_callbacks.append(fn)
                return
        fn(self)

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == CANCELLED:
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in (CANCELLED, FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._result = result
            self._state = FINISHED
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (CANCELLED, FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._exception = exception
            self._state = FINISHED
            self._condition.notify_all()
        self._invoke_callbacks()


class Executor:
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return iter([f.result(timeout) for f in fs])

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


def _worker(executor):
    if executor._initializer is not None:
        executor._initializer(*executor._initargs)
    while True:
        item = executor._work_queue.get(block=True)
        if item is None:
            executor._work_queue.put(None)
            return
        f, fn, args, kwargs = item
        if not f.set_running_or_notify_cancel():
            continue
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            f.set_exception(exc)
        else:
            f.set_result(result)
        item = f = fn = args = kwargs = None
        executor._idle_semaphore.release()


_executor_counter = 0


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        global _executor_counter
        if max_workers is None:
            max_workers = min(32, (_k.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = _queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % _executor_counter)
        _executor_counter += 1
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            self._work_queue.put((f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            t = threading.Thread(name='%s_%d' % (self._thread_name_prefix, num_threads),
                                 target=_worker, args=(self,), daemon=True)
            t.start()
            self._threads.append(t)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except _queue.Empty:
                        break
                    if item is not None:
                        item[0].cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 max_tasks_per_child=None):
        import multiprocessing
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._pool = multiprocessing.Pool(max_workers, initializer, initargs, max_tasks_per_child,
                                          context=mp_context)
        self._shutdown = False

    def submit(self, fn, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = Future()
        f.set_running_or_notify_cancel()
        self._pool.apply_async(fn, args, kwargs, callback=f.set_result, error_callback=f.set_exception)
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        if self._shutdown:
            return
        self._shutdown = True
        self._pool.close()
        if wait:
            self._pool.join()


class DoneAndNotDoneFutures:
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    changed = threading.Event()
    for f in fs:
        f.add_done_callback(lambda _: changed.set())
    deadline = None if timeout is None else _k.monotonic() + timeout
    while True:
        done = set([f for f in fs if f.done()])
        not_done = fs - done
        if not not_done:
            break
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and [f for f in done if not f.cancelled() and f.exception() is not None]:
            break
        left = None if deadline is None else deadline - _k.monotonic()
        if left is not None and left <= 0:
            break
        changed.clear()
        if not [f for f in fs if f.done() and f not in done]:
            changed.wait(left)
    return DoneAndNotDoneFutures(done, not_done)


def as_completed(fs, timeout=None):
    fs = list(fs)
    finished = _queue.SimpleQueue()
    for f in fs:
        f.add_done_callback(finished.put)
    deadline = None if timeout is None else _k.monotonic() + timeout
    for i in range(len(fs)):
        left = None if deadline is None else max(deadline - _k.monotonic(), 0)
        try:
            yield finished.get(timeout=left)
        except _queue.Empty:
            raise TimeoutError('%d (of %d) futures unfinished' % (len(fs) - i, len(fs)))
