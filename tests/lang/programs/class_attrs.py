class Config:
    debug = False
    level = 1
    names = []
    def enable(self):
        self.debug = True
c1, c2 = Config(), Config()
c1.enable()
print(c1.debug, c2.debug, Config.debug)
Config.level = 5
print(c1.level, c2.level)
c1.names.append("shared")
print(c2.names, Config.names)
c2.level = 9
print(c1.level, c2.level, Config.level)
print("level" in vars(c2), "level" in vars(c1))
class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"
class Triangle(Shape):
    sides = 3
class Square(Shape):
    sides = 4
print([s.describe() for s in (Shape(), Triangle(), Square())])
print(Triangle.__bases__, Square.__name__, Shape.__qualname__)
