# Inheritance: super(), MRO, isinstance/issubclass, overriding.


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

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def kind(self):
        return "dog/" + super().kind()


class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"

    def kind(self):
        return "puppy/" + super(Puppy, self).kind()


for x in [Animal("generic"), Dog("rex", 3), Puppy("bit", 0)]:
    print(x.speak(), x.kind(), type(x).__name__)

p = Puppy("p", 1)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, (int, Animal)))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__, Puppy.__base__)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who())
print([k.__name__ for k in D.mro()])


class X:
    pass


class Y(X):
    pass


try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class W(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)


class Base:
    registry = []

    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)


class S1(Base, tag="one"):
    pass


class S2(S1):
    pass


print(Base.registry, S1.tag, S2.tag)


class Desc:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return "desc:" + self.name


class UsesDesc:
    field = Desc()


print(UsesDesc().field, UsesDesc.field.name)


class Shape:
    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Rect(Sq):
    def __init__(self, w, h):
        super().__init__(w)
        self.h = h

    def area(self):
        return self.s * self.h


print([s.describe() for s in [Sq(3), Rect(2, 5)]])
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
