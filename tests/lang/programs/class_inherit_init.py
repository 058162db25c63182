class Vehicle:
    wheels = 4
    def __init__(self, make, year=2020):
        self.make = make
        self.year = year
    def info(self):
        return f"{self.year} {self.make} ({self.wheels} wheels)"
class Bike(Vehicle):
    wheels = 2
class Truck(Vehicle):
    def __init__(self, make, load):
        super().__init__(make, year=2015)
        self.load = load
    def info(self):
        return super().info() + f" load={self.load}t"
for v in [Vehicle("vw"), Bike("bmx", 2022), Truck("volvo", 12)]:
    print(v.info())
class NoInit(Vehicle):
    pass
print(NoInit("x").info())
try:
    Truck("only-make")
except TypeError as e:
    print("TypeError:", e)
