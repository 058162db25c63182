class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def kind(self):
        return "dog/" + super().kind()
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
d = Puppy("Rex", "lab")
print(d.speak(), d.kind(), d.breed, isinstance(d, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print(Puppy.__mro__)
print([c.__name__ for c in Puppy.__mro__])
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Base:
    def template(self):
        return self.hook() * 2
    def hook(self):
        return 1
class Derived(Base):
    def hook(self):
        return 21
print(Derived().template(), Base().template())
