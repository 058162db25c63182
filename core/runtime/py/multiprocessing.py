# multiprocessing for Taskscope: the API of CPython 3.11's multiprocessing on Linux over the
# simulated kernel (_taskscope). Processes are simulated processes (fork copies this
# interpreter, spawn re-runs the main module as __mp_main__); locks, queues and shared
# values are kernel objects shared by every process; Pool is built like Lib/multiprocessing/
# pool.py: worker processes pull tasks from a queue, three handler threads in the parent.
import _taskscope as _k
import threading
import queue as _queue
import sys


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


_BOOTSTRAP_MSG = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''

_exitcode_to_name = {-15: 'SIGTERM', -9: 'SIGKILL', -2: 'SIGINT', -1: 'SIGHUP', -6: 'SIGABRT'}

# --- start methods ----------------------------------------------------------------------
_start_method = None
_methods = ('fork', 'spawn', 'forkserver')


def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _start_method = None
        return
    if method not in _methods:
        raise ValueError('cannot find context for %r' % (method,))
    _start_method = method
    _k.set_start_method(method)


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None:
        if allow_none:
            return None
        _start_method = _k.default_start_method()
    return _start_method


def cpu_count():
    return _k.cpu_count()


def freeze_support():
    pass


class BaseProxy:
    _typeid = 'object'

    def __init__(self, referent):
        self._id = _k.shared_new(referent)

    def _callmethod(self, name, args=()):
        return _k.shared_call(self._id, name, tuple(args))

    def __str__(self):
        return self._callmethod('__str__')

    def __repr__(self):
        return '<%s object, typeid %r at 0x%x>' % (type(self).__name__, self._typeid, id(self))

    def __reduce__(self):
        return (type(self), ())


class DictProxy(BaseProxy):
    _typeid = 'dict'

    def __getitem__(self, key):
        return self._callmethod('__getitem__', (key,))

    def __setitem__(self, key, value):
        self._callmethod('__setitem__', (key, value))

    def __delitem__(self, key):
        self._callmethod('__delitem__', (key,))

    def __contains__(self, key):
        return self._callmethod('__contains__', (key,))

    def __len__(self):
        return self._callmethod('__len__')

    def __iter__(self):
        return iter(self._callmethod('keys'))

    def get(self, key, default=None):
        return self._callmethod('get', (key, default))

    def keys(self):
        return list(self._callmethod('keys'))

    def values(self):
        return list(self._callmethod('values'))

    def items(self):
        return list(self._callmethod('items'))

    def update(self, *args, **kwargs):
        self._callmethod('update', (dict(*args, **kwargs),))

    def pop(self, key, *default):
        return self._callmethod('pop', (key,) + default)

    def setdefault(self, key, default=None):
        return self._callmethod('setdefault', (key, default))

    def clear(self):
        self._callmethod('clear')

    def copy(self):
        return self._callmethod('copy')


class ListProxy(BaseProxy):
    _typeid = 'list'

    def __getitem__(self, i):
        return self._callmethod('__getitem__', (i,))

    def __setitem__(self, i, value):
        self._callmethod('__setitem__', (i, value))

    def __delitem__(self, i):
        self._callmethod('__delitem__', (i,))

    def __len__(self):
        return self._callmethod('__len__')

    def __contains__(self, value):
        return self._callmethod('__contains__', (value,))

    def __iter__(self):
        return iter(self._callmethod('copy'))

    def append(self, value):
        self._callmethod('append', (value,))

    def extend(self, values):
        self._callmethod('extend', (list(values),))

    def insert(self, i, value):
        self._callmethod('insert', (i, value))

    def pop(self, *i):
        return self._callmethod('pop', i)

    def remove(self, value):
        self._callmethod('remove', (value,))

    def index(self, value):
        return self._callmethod('index', (value,))

    def count(self, value):
        return self._callmethod('count', (value,))

    def sort(self, reverse=False):
        self._callmethod('sort', ()) if not reverse else self._callmethod('reverse', ())

    def reverse(self):
        self._callmethod('reverse')


class _ValueHolder:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value

    def set(self, value):
        self.value = value

    def __str__(self):
        return str(self.value)


class ValueProxy(BaseProxy):
    _typeid = 'Value'

    def __init__(self, value):
        BaseProxy.__init__(self, _ValueHolder(value))

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        self._callmethod('set', (value,))

    @property
    def value(self):
        return self._callmethod('get')

    @value.setter
    def value(self, value):
        self._callmethod('set', (value,))


class _NamespaceHolder:
    def __init__(self):
        self.attrs = {}

    def getattr(self, name):
        return self.attrs[name]

    def setattr(self, name, value):
        self.attrs[name] = value

    def __str__(self):
        return 'Namespace(%s)' % ', '.join(['%s=%r' % (k, v) for k, v in self.attrs.items()])


class NamespaceProxy(BaseProxy):
    _typeid = 'Namespace'

    def __init__(self, **kwargs):
        object.__setattr__(self, '_id', _k.shared_new(_NamespaceHolder()))
        for k in kwargs:
            self._callmethod('setattr', (k, kwargs[k]))

    def __getattr__(self, name):
        try:
            return self._callmethod('getattr', (name,))
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self._callmethod('setattr', (name, value))


class SyncManager:
    # The server process of a real manager is not simulated: each proxy call costs an IPC
    # round trip (40 µs) and copies its arguments and result.
    def __init__(self):
        self._state = 'started'

    def start(self):
        self._state = 'started'

    def shutdown(self):
        self._state = 'shutdown'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.shutdown()

    def dict(self, *args, **kwargs):
        return DictProxy(dict(*args, **kwargs))

    def list(self, *args):
        return ListProxy(list(*args))

    def Value(self, typecode, value, lock=True):
        return ValueProxy(value)

    def Namespace(self, **kwargs):
        return NamespaceProxy(**kwargs)

    def Queue(self, maxsize=0):
        return Queue(maxsize)

    def JoinableQueue(self, maxsize=0):
        return JoinableQueue(maxsize)

    def Lock(self):
        return threading.Lock()

    def RLock(self):
        return threading.RLock()

    def Semaphore(self, value=1):
        return threading.Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return threading.BoundedSemaphore(value)

    def Event(self):
        return threading.Event()

    def Condition(self, lock=None):
        return threading.Condition(lock)

    def Barrier(self, parties, action=None, timeout=None):
        return threading.Barrier(parties, action, timeout)

    def Pool(self, processes=None, initializer=None, initargs=()):
        return Pool(processes, initializer, initargs)


def Manager():
    return SyncManager()


# --- processes --------------------------------------------------------------------------
_children = {}


def _cleanup():
    for pid in list(_children):
        if _k.process_exitcode(pid) is not None:
            del _children[pid]


class BaseProcess:
    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        _current_process._counter += 1
        self._identity = _current_process._identity + (_current_process._counter,)
        self._config = dict(_current_process._config)
        self._parent_pid = _k.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._pid = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join([str(i) for i in self._identity])
        if daemon is not None:
            self.daemon = daemon
        self._counter = 0

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == _k.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _cleanup()
        method = self._start_method or get_start_method()
        if method != 'fork' and _k.importing_main():
            raise RuntimeError(_BOOTSTRAP_MSG)
        self._pid = _k.start_process(self, self._name, bool(self._config.get('daemon', False)), method)
        self._popen = True
        _children[self._pid] = self

    def terminate(self):
        self._check_closed()
        if self._pid is not None:
            _k.signal_process(self._pid, -15)

    def kill(self):
        self._check_closed()
        if self._pid is not None:
            _k.signal_process(self._pid, -9)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _k.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = _k.join_process(self._pid, -1.0 if timeout is None else float(timeout))
        if res is not None and self._pid in _children:
            del _children[self._pid]

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _k.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        if _k.process_exitcode(self._pid) is None:
            return True
        if self._pid in _children:
            del _children[self._pid]
        return False

    def close(self):
        if self._popen is not None:
            if _k.process_exitcode(self._pid) is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return _k.process_exitcode(self._pid)

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _k.getpid()
        return self._pid

    pid = ident

    @property
    def authkey(self):
        return 'authkey'

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = _k.process_exitcode(self._pid)
            if exitcode is not None:
                status = 'stopped'
            else:
                status = 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        global _current_process, _parent_process, _children
        try:
            _children = {}
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
            _current_process = self
            self._counter = 0
            _k.after_fork()
            self.run()
            exitcode = 0
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            sys.stderr.write('Process %s:\n' % self.name)
            _k.print_exc()
        return exitcode


class Process(BaseProcess):
    pass


class ForkProcess(Process):
    _start_method = 'fork'


class SpawnProcess(Process):
    _start_method = 'spawn'


class ForkServerProcess(Process):
    _start_method = 'forkserver'


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}
        self._counter = 0
        self._pid = _k.getpid()

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        return _k.process_exitcode(self._pid) is None

    @property
    def ident(self):
        return self._pid

    pid = ident


_current_process = _MainProcess()
_parent_process = None


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    _cleanup()
    return list(_children.values())


# --- synchronisation --------------------------------------------------------------------
class Lock(threading.Lock):
    def release(self):
        if _k.release(self._id):
            raise ValueError('semaphore or lock released too many times')

    def __repr__(self):
        return '<Lock(owner=%s)>' % ('SomeOtherThread' if _k.locked(self._id) else 'None')


class RLock(threading.RLock):
    def release(self):
        if _k.release(self._id):
            raise AssertionError('attempt to release recursive lock not owned by thread')

    def __repr__(self):
        return '<RLock(%s, %s)>' % ('SomeOtherThread' if _k.locked(self._id) else 'None', _k.count(self._id))


class Semaphore(threading.Semaphore):
    def release(self, n=1):
        if _k.release(self._id):
            raise ValueError('semaphore or lock released too many times')

    def get_value(self):
        return _k.count(self._id)


class BoundedSemaphore(Semaphore):
    _kind = 'BoundedSemaphore'


class Condition(threading.Condition):
    def __init__(self, lock=None):
        threading.Condition.__init__(self, lock if lock is not None else RLock())


Event = threading.Event
Barrier = threading.Barrier


# --- queues and pipes -------------------------------------------------------------------
class Queue:
    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = 2147483647
        self._maxsize = maxsize
        self._id = _k.queue_new(maxsize, 0, True)
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError('Queue %r is closed' % self)
        if not _k.queue_put(self._id, obj, block, _queue._check_timeout(block, timeout)):
            raise _queue.Full

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError('Queue %r is closed' % self)
        ok, item = _k.queue_get(self._id, block, _queue._check_timeout(block, timeout))
        if not ok:
            raise _queue.Empty
        return item

    def qsize(self):
        return _k.queue_size(self._id)

    def empty(self):
        return _k.queue_size(self._id) == 0

    def full(self):
        return _k.queue_size(self._id) >= self._maxsize

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    def task_done(self):
        if not _k.queue_task_done(self._id):
            raise ValueError('task_done() called too many times')

    def join(self):
        _k.queue_join(self._id)


class SimpleQueue:
    def __init__(self):
        self._id = _k.queue_new(0, 0, True)
        self._closed = False

    def put(self, obj):
        _k.queue_put(self._id, obj, True, -1.0)

    def get(self):
        ok, item = _k.queue_get(self._id, True, -1.0)
        return item

    def empty(self):
        return _k.queue_size(self._id) == 0

    def close(self):
        self._closed = True


class Connection:
    def __init__(self, send_id, recv_id, readable, writable):
        self._send_id = send_id
        self._recv_id = recv_id
        self.readable = readable
        self.writable = writable
        self.closed = False

    def _check(self):
        if self.closed:
            raise OSError('handle is closed')

    def send(self, obj):
        self._check()
        if not self.writable:
            raise OSError('connection is read-only')
        _k.queue_put(self._send_id, obj, True, -1.0)

    def recv(self):
        self._check()
        if not self.readable:
            raise OSError('connection is write-only')
        ok, item = _k.queue_get(self._recv_id, True, -1.0)
        return item

    def poll(self, timeout=0.0):
        self._check()
        if _k.queue_size(self._recv_id) > 0:
            return True
        if timeout is not None and timeout <= 0:
            return False
        waited = 0.0
        while timeout is None or waited < timeout:
            _k.sleep(0.001)
            waited += 0.001
            if _k.queue_size(self._recv_id) > 0:
                return True
        return False

    def close(self):
        self.closed = True

    def fileno(self):
        return self._recv_id

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def Pipe(duplex=True):
    a = _k.queue_new(0, 0, True)
    if duplex:
        b = _k.queue_new(0, 0, True)
        return Connection(a, b, True, True), Connection(b, a, True, True)
    return Connection(-1, a, True, False), Connection(a, -1, False, True)


# --- shared memory ----------------------------------------------------------------------
_typecodes = {'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short',
              'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong',
              'q': 'c_longlong', 'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double'}


def _check_typecode(typecode):
    if typecode not in _typecodes:
        raise TypeError('Taskscope supports Value/Array with a type code string '
                        '(one of %s), not %r' % (' '.join(_typecodes), typecode))


def _zero(typecode):
    if typecode in ('f', 'd'):
        return 0.0
    return 0


def _make_lock(lock):
    if lock is None or lock is True:
        return RLock()
    if lock is False:
        return None
    if hasattr(lock, 'acquire'):
        return lock
    raise AttributeError("%r has no method 'acquire'" % lock)


class Synchronized:
    def __init__(self, typecode, value, lock):
        self._typecode = typecode
        self._id = _k.value_new(value)
        self._lock = lock

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    @property
    def value(self):
        if self._lock is None:
            return _k.value_load(self._id)
        with self._lock:
            return _k.value_load(self._id)

    @value.setter
    def value(self, v):
        if self._lock is None:
            _k.value_store(self._id, v)
            return
        with self._lock:
            _k.value_store(self._id, v)

    def __repr__(self):
        return '<Synchronized wrapper for %s(%r)>' % (_typecodes[self._typecode], _k.value_peek(self._id))


class SynchronizedArray:
    def __init__(self, typecode, values, lock):
        self._typecode = typecode
        self._ids = [_k.value_new(v) for v in values]
        self._lock = lock

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __len__(self):
        return len(self._ids)

    def _get(self, i):
        if isinstance(i, slice):
            return [_k.value_load(x) for x in self._ids[i]]
        return _k.value_load(self._ids[i])

    def _set(self, i, v):
        if isinstance(i, slice):
            ids = self._ids[i]
            v = list(v)
            if len(v) != len(ids):
                raise ValueError("Can only assign sequence of same size")
            for k in range(len(ids)):
                _k.value_store(ids[k], v[k])
        else:
            _k.value_store(self._ids[i], v)

    def __getitem__(self, i):
        if self._lock is None:
            return self._get(i)
        with self._lock:
            return self._get(i)

    def __setitem__(self, i, v):
        if self._lock is None:
            self._set(i, v)
            return
        with self._lock:
            self._set(i, v)

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return '<SynchronizedArray wrapper for %s>' % ([_k.value_peek(x) for x in self._ids],)


def Value(typecode_or_type, *args, lock=True):
    _check_typecode(typecode_or_type)
    value = args[0] if args else _zero(typecode_or_type)
    return Synchronized(typecode_or_type, value, _make_lock(lock))


def RawValue(typecode_or_type, *args):
    _check_typecode(typecode_or_type)
    value = args[0] if args else _zero(typecode_or_type)
    return Synchronized(typecode_or_type, value, None)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    _check_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        values = [_zero(typecode_or_type)] * size_or_initializer
    else:
        values = list(size_or_initializer)
    return SynchronizedArray(typecode_or_type, values, _make_lock(lock))


def RawArray(typecode_or_type, size_or_initializer):
    _check_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        values = [_zero(typecode_or_type)] * size_or_initializer
    else:
        values = list(size_or_initializer)
    return SynchronizedArray(typecode_or_type, values, None)


# --- pools ------------------------------------------------------------------------------
RUN = 0
CLOSE = 1
TERMINATE = 2
_job_counter = 0


def _mapstar(args):
    return [args[0](x) for x in args[1]]


def _starmapstar(args):
    return [args[0](*a) for a in args[1]]


def _worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        outqueue.put((job, i, result))
        task = job = result = func = args = kwds = None
        completed += 1


class ApplyResult:
    def __init__(self, pool, callback, error_callback):
        global _job_counter
        self._pool = pool
        self._event = threading.Event()
        self._job = _job_counter
        _job_counter += 1
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


_pool_imported = False


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._pool = []
        self._state = RUN
        self._method = context._method if context is not None else get_start_method()
        self._taskqueue = _queue.SimpleQueue()
        self._change = threading.Event()
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._cache = {}
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        if processes is None:
            processes = cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        global _pool_imported
        if not _pool_imported:
            _pool_imported = True
            _k.charge(0.011)  # CPython imports multiprocessing.pool on the first Pool(): 11 ms
        self._repopulate_pool()
        self._worker_handler = threading.Thread(target=Pool._handle_workers, args=(self,), daemon=True)
        self._worker_handler.start()
        self._task_handler = threading.Thread(target=Pool._handle_tasks, args=(self,), daemon=True)
        self._task_handler.start()
        self._result_handler = threading.Thread(target=Pool._handle_results, args=(self,), daemon=True)
        self._result_handler.start()

    def _repopulate_pool(self):
        cls = {'fork': ForkProcess, 'spawn': SpawnProcess, 'forkserver': ForkServerProcess}[self._method]
        for i in range(self._processes - len(self._pool)):
            w = cls(target=_worker, args=(self._inqueue, self._outqueue, self._initializer,
                                          self._initargs, self._maxtasksperchild))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)

    def _maintain_pool(self):
        cleaned = False
        for i in reversed(range(len(self._pool))):
            worker = self._pool[i]
            if worker.exitcode is not None:
                worker.join()
                cleaned = True
                del self._pool[i]
        if cleaned and self._state == RUN:
            self._repopulate_pool()

    def _handle_workers(self):
        # CPython waits on the workers' sentinels and a change notifier (close, terminate,
        # a finished job): here the notifier is an Event, and workers that exit on their own
        # (maxtasksperchild, sys.exit) are noticed within 0.1 s.
        while self._state == RUN or (self._cache and self._state != TERMINATE):
            self._maintain_pool()
            self._change.wait(0.1)
            self._change.clear()
        self._taskqueue.put(None)

    def _handle_tasks(self):
        while True:
            task = self._taskqueue.get()
            if task is None:
                break
            for t in task:
                if self._state == TERMINATE:
                    break
                self._inqueue.put(t)
        self._outqueue.put(None)
        for p in self._pool:
            self._inqueue.put(None)

    def _handle_results(self):
        while True:
            task = self._outqueue.get()
            if task is None:
                break
            job, i, obj = task
            if job in self._cache:
                self._cache[job]._set(i, obj)
                if not self._cache and self._state != RUN:
                    self._change.set()  # the last job of a closed pool is done
        while self._cache and self._state != TERMINATE:
            task = self._outqueue.get()
            if task is None:
                continue
            job, i, obj = task
            if job in self._cache:
                self._cache[job]._set(i, obj)

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put([(result._job, 0, func, args, kwds)])
        return result

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        batches = [(func, tuple(iterable[i:i + chunksize])) for i in range(0, len(iterable), max(chunksize, 1))]
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        self._taskqueue.put([(result._job, i, mapper, (x,), {}) for i, x in enumerate(batches)])
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _mapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _mapstar, chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        results = [self.apply_async(func, (x,)) for x in iterable]
        # Taskscope waits for every result here (CPython streams them): a builtin such as
        # list() that consumes an iterator cannot block in the simulated VM.
        return iter([r.get() for r in results])

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        done = _queue.SimpleQueue()
        n = 0
        for x in iterable:
            self.apply_async(func, (x,), callback=lambda v: done.put((True, v)),
                             error_callback=lambda e: done.put((False, e)))
            n += 1
        out = []
        for i in range(n):
            ok, v = done.get()
            if not ok:
                raise v
            out.append(v)
        return iter(out)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._change.set()

    def terminate(self):
        if self._state == TERMINATE:
            return
        self._state = TERMINATE
        self._change.set()
        for p in self._pool:
            if p.exitcode is None:
                p.terminate()
        self._taskqueue.put(None)
        self._outqueue.put(None)
        for p in self._pool:
            p.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *args):
        self.terminate()

    def __repr__(self):
        return '<multiprocessing.pool.Pool state=%s pool_size=%d>' % (
            ['RUN', 'CLOSE', 'TERMINATE'][self._state], len(self._pool))


# --- contexts ---------------------------------------------------------------------------
class _Context:
    ProcessError = ProcessError
    TimeoutError = TimeoutError
    Lock = Lock
    RLock = RLock
    Semaphore = Semaphore
    BoundedSemaphore = BoundedSemaphore
    Condition = Condition
    Event = Event
    Barrier = Barrier
    Queue = Queue
    JoinableQueue = JoinableQueue
    SimpleQueue = SimpleQueue

    def __init__(self, method):
        self._method = method
        self.Process = {'fork': ForkProcess, 'spawn': SpawnProcess, 'forkserver': ForkServerProcess}[method]

    def get_start_method(self, allow_none=False):
        return self._method

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def Pipe(self, duplex=True):
        return Pipe(duplex)

    def Value(self, typecode_or_type, *args, lock=True):
        return Value(typecode_or_type, *args, lock=lock)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        return Array(typecode_or_type, size_or_initializer, lock=lock)

    def cpu_count(self):
        return cpu_count()

    def current_process(self):
        return current_process()

    def active_children(self):
        return active_children()


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _methods:
        raise ValueError('cannot find context for %r' % (method,))
    return _Context(method)
