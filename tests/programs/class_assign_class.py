# Assigning __class__: compatible layouts only, C's messages.


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


a = A()
a.x = 1
print(a.who(), type(a).__name__)
a.__class__ = B
print(a.who(), type(a).__name__, a.x, isinstance(a, B), isinstance(a, A))


class SA:
    __slots__ = ("x",)


class SB:
    __slots__ = ("x",)


class SC:
    __slots__ = ("y",)


class SD:
    __slots__ = ("x", "y")


s = SA()
s.x = 5
s.__class__ = SB
print(type(s).__name__, s.x)
for target in (SC, SD, A):
    try:
        s.__class__ = target
    except TypeError as e:
        print("TypeError:", e)
try:
    a.__class__ = SA
except TypeError as e:
    print("TypeError:", e)

for bad in (1, "str"):
    try:
        a.__class__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)

try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError:", e)
try:
    [].__class__ = A
except TypeError as e:
    print("TypeError:", e)
try:
    object().__class__ = A
except TypeError as e:
    print("TypeError:", e)


class MyList(list):
    pass


class MyList2(list):
    pass


ml = MyList([1, 2])
ml.__class__ = MyList2
print(type(ml).__name__, ml)
try:
    ml.__class__ = list
except TypeError as e:
    print("TypeError:", e)
try:
    ml.__class__ = A
except TypeError as e:
    print("TypeError:", e)


class MyInt(int):
    pass


try:
    MyInt(3).__class__ = MyList
except TypeError as e:
    print("TypeError:", e)


# a subclass with a __dict__ to one without
class Base:
    pass


class WithSlots(Base):
    __slots__ = ("z",)


b = Base()
try:
    b.__class__ = WithSlots
except TypeError as e:
    print("TypeError:", e)


# methods resolve on the new class; the old dict stays
class Dog:
    sound = "woof"

    def speak(self):
        return self.sound


class Cat:
    sound = "meow"

    def speak(self):
        return self.sound + "!"


pet = Dog()
pet.name = "rex"
print(pet.speak())
pet.__class__ = Cat
print(pet.speak(), pet.name, pet.__dict__)


# via setattr and via object.__setattr__
setattr(pet, "__class__", Dog)
print(pet.speak())
object.__setattr__(pet, "__class__", Cat)
print(pet.speak())


# __class__ assignment inside a method
class State:
    def toggle(self):
        self.__class__ = Other
        return "to other"


class Other:
    def toggle(self):
        self.__class__ = State
        return "to state"


st = State()
print(st.toggle(), st.toggle(), st.toggle(), type(st).__name__)
