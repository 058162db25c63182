try:
    raise OSError(2, "No such file")
except OSError as e:
    print(e.errno, e.strerror, e.args)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("code", e.code)
e = StopIteration(42)
print(e.value, e.args)
k = KeyError("name")
print(str(k), repr(k), k.args[0])
err = ValueError("a", 1)
print(str(err), err.args)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), str(e) == "", e.args)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(404, "not found")
except MyErr as e:
    print(e.code, e, e.args)
print(isinstance(MyErr(1, "x"), Exception), BaseException.__subclasses__ if False else "ok")
