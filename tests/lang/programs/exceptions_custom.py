class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, msg):
        super().__init__(f"{table}: {msg}")
        self.table = table
class Silent(Exception):
    def __str__(self):
        return "custom str"
try:
    raise DbError("users", "locked")
except AppError as e:
    print(type(e).__name__, e, e.table, e.args, isinstance(e, Exception))
try:
    raise Silent()
except Silent as e:
    print(e, repr(e))
print(issubclass(DbError, Exception), DbError.__mro__[1].__name__)
e = AppError("a", "b")
print(e.args, str(e), repr(e))
print(repr(ValueError()), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
class WithCode(Exception):
    def __init__(self, code):
        self.code = code
w = WithCode(5)
print(w.code, w.args)
