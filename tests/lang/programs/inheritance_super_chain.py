class Logger:
    def __init__(self):
        self.lines = []
    def log(self, msg):
        self.lines.append(msg)
class Timestamped(Logger):
    def log(self, msg):
        super().log("[t] " + msg)
class Prefixed(Timestamped):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix
    def log(self, msg):
        super().log(self.prefix + msg)
p = Prefixed("app: ")
p.log("start")
p.log("stop")
print(p.lines)
print(isinstance(p, Logger), Prefixed.__mro__[1].__name__)
class Mixin:
    def hello(self):
        return "mixin hello from " + type(self).__name__
class Combined(Mixin, Prefixed):
    pass
c = Combined(">")
print(c.hello())
c.log("x")
print(c.lines)
