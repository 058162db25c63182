# threading for Taskscope: the API of CPython 3.11's Lib/threading.py over the simulated
# kernel (_taskscope). Locks, conditions, events, semaphores and barriers are kernel objects
# of the simulated machine; blocking on them blocks the simulated thread.
import _taskscope as _k

TIMEOUT_MAX = 9223372036.0
_counter = 0
_active = {}


def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter


def _timeout(timeout):
    if timeout is None:
        return -1.0
    return float(timeout)


def get_ident():
    return _k.get_ident()


def get_native_id():
    return _k.get_native_id()


class BrokenBarrierError(RuntimeError):
    pass


class _LockBase:
    _kind = 'Lock'

    def __init__(self):
        self._id = _k.new(self._kind, 0, 0, -1)

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        return _k.acquire(self._id, blocking, timeout)

    def __enter__(self):
        return _k.acquire(self._id, True, -1)

    def __exit__(self, t, v, tb):
        self.release()

    def locked(self):
        return _k.locked(self._id)

    def __repr__(self):
        state = 'locked' if _k.locked(self._id) else 'unlocked'
        return '<%s %s object>' % (state, self._typename)


class Lock(_LockBase):
    _typename = '_thread.lock'

    def release(self):
        if _k.release(self._id):
            raise RuntimeError('release unlocked lock')

    acquire_lock = _LockBase.acquire
    release_lock = release


class RLock(_LockBase):
    _kind = 'RLock'
    _typename = '_thread.RLock'

    def release(self):
        if _k.release(self._id):
            raise RuntimeError('cannot release un-acquired lock')


def allocate_lock():
    return Lock()


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._id = _k.new('Condition', 0, 0, lock._id)

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Condition(%r, %d)>' % (self._lock, _k.waiters(self._id))

    def wait(self, timeout=None):
        return _k.cond_wait(self._id, _timeout(timeout))

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _k.monotonic() + waittime
                else:
                    waittime = endtime - _k.monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        _k.notify(self._id, n)

    def notify_all(self):
        _k.notify(self._id, -1)

    notifyAll = notify_all


class Semaphore:
    _kind = 'Semaphore'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._initial_value = value
        self._id = _k.new(self._kind, value, value, -1)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        return _k.acquire(self._id, blocking, _timeout(timeout))

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        for i in range(n):
            if _k.release(self._id):
                raise ValueError('Semaphore released too many times')

    def __exit__(self, t, v, tb):
        self.release()

    @property
    def _value(self):
        return _k.count(self._id)


class BoundedSemaphore(Semaphore):
    _kind = 'BoundedSemaphore'


class Event:
    def __init__(self):
        self._id = _k.new('Event', 0, 0, -1)

    def is_set(self):
        return _k.event_is_set(self._id)

    isSet = is_set

    def set(self):
        _k.event_set(self._id)

    def clear(self):
        _k.event_clear(self._id)

    def wait(self, timeout=None):
        return _k.event_wait(self._id, _timeout(timeout))


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be >= 1')
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._id = _k.new('Barrier', 0, parties, -1)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        index = _k.barrier_wait(self._id, _timeout(timeout))
        if index < 0:
            raise BrokenBarrierError
        if index == self._parties - 1 and self._action is not None:
            self._action()
        return index

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return _k.count(self._id)

    @property
    def broken(self):
        return _k.broken(self._id)

    def abort(self):
        _k.barrier_abort(self._id)

    def reset(self):
        _k.barrier_reset(self._id)


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started = False
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._is_stopped or (self._started and not _k.thread_alive(self._ident)):
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._ident = _k.start_thread(self._bootstrap, self._name, self._daemonic)
        self._native_id = self._ident

    def _bootstrap(self):
        self._ident = _k.get_ident()
        self._native_id = self._ident
        _active[self._ident] = self
        try:
            self.run()
        except SystemExit:
            pass
        finally:
            self._is_stopped = True
            if self._ident in _active:
                del _active[self._ident]

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self._ident == _k.get_ident():
            raise RuntimeError("cannot join current thread")
        _k.join_thread(self._ident, _timeout(timeout))

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)
        if self._ident is not None:
            _k.set_thread_name(self._ident, self._name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    def is_alive(self):
        if not self._started or self._is_stopped:
            return False
        return _k.thread_alive(self._ident)

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = _k.get_ident()
        self._native_id = self._ident
        _active[self._ident] = self


class _DummyThread(Thread):
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started = True
        self._ident = _k.get_ident()
        self._native_id = self._ident
        _active[self._ident] = self

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def current_thread():
    ident = _k.get_ident()
    if ident in _active:
        return _active[ident]
    return _DummyThread()


currentThread = current_thread


def main_thread():
    return _main_thread


def active_count():
    return len([t for t in _active.values() if t.is_alive()])


activeCount = active_count


def enumerate():
    return [t for t in _active.values() if t.is_alive()]


def _after_fork():
    # The child of fork() has one thread: the one that forked, now its main thread.
    global _active, _main_thread
    current = _active.get(_k.parent_ident())
    _active = {}
    if current is None:
        current = _MainThread()
    else:
        current._ident = _k.get_ident()
        current._native_id = current._ident
        _active[current._ident] = current
    _main_thread = current


def setprofile(func):
    pass


def settrace(func):
    pass


def stack_size(size=0):
    return 0


_main_thread = _MainThread()


class local:
    # threading.local: attributes are per thread (keyed by the thread's ident).
    def __init__(self, *args, **kwargs):
        object.__setattr__(self, '_local__dicts', {})

    def __getattr__(self, name):
        d = object.__getattribute__(self, '_local__dicts').get(_k.get_ident())
        if d is not None and name in d:
            return d[name]
        raise AttributeError("'_thread._local' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        dicts = object.__getattribute__(self, '_local__dicts')
        ident = _k.get_ident()
        if ident not in dicts:
            dicts[ident] = {}
        dicts[ident][name] = value

    def __delattr__(self, name):
        d = object.__getattribute__(self, '_local__dicts').get(_k.get_ident())
        if d is None or name not in d:
            raise AttributeError(name)
        del d[name]
