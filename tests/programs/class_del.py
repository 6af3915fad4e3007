# __del__: PEP 442 finalizers on heap types.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Noisy("a")
del a
print("after del a")

b = Noisy("b")
b = None
print("after rebinding b")


def scope():
    c = Noisy("c")
    print("in scope")


scope()
print("after scope")

items = [Noisy("l1"), Noisy("l2")]
items.pop()
print("popped")
items.clear()
print("cleared")


# resurrection: __del__ stores self; the finalizer does not run twice
keep = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        keep.append(self)


p = Phoenix()
del p
print("resurrected", len(keep), type(keep[0]).__name__)
keep.clear()
print("dropped again")


# inherited __del__ and super().__del__()
class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)


class Sub(Base):
    def __del__(self):
        print("Sub.__del__")
        super().__del__()


class Sub2(Base):
    pass


Sub()
Sub2()
print("subclasses done")


# __del__ sees the instance's attributes
class Resource:
    def __init__(self):
        self.handle = [1, 2, 3]

    def __del__(self):
        print("closing", self.handle)


r = Resource()
del r


# an exception in __del__ is reported, not raised; the program goes on
class Quiet:
    def __del__(self):
        try:
            raise ValueError("inside del")
        except ValueError as e:
            print("caught in __del__:", e)


Quiet()
print("still running")


# __del__ assigned after class creation
class Late:
    pass


def late_del(self):
    print("late __del__")


Late.__del__ = late_del
Late()
print("late done")


# explicit call of __del__ does not free
class Explicit:
    def __del__(self):
        print("Explicit.__del__")


e = Explicit()
e.__del__()
print("explicit call done")
del e


# __del__ on an object that holds another finalizable object
class Outer:
    def __init__(self):
        self.inner = Noisy("inner")

    def __del__(self):
        print("Outer.__del__", self.inner.name)


Outer()
print("nested done")


# subclass of a builtin with __del__
class MyList(list):
    def __del__(self):
        print("MyList.__del__", list(self))


MyList([1, 2])
print("builtin subclass done")


# slots and __del__
class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("Slotted.__del__", self.v)


Slotted(9)
print("end")


# an exception raised by __del__ is reported on stderr and swallowed
class Raises:
    def __del__(self):
        raise ValueError("from __del__")


def make_and_drop():
    Raises()
    return "returned normally"


print(make_and_drop())


# finalizers while an exception is being handled or propagated
class DelDuring:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("DelDuring.__del__", self.tag)


try:
    x = DelDuring("handler")
    del x
    raise KeyError("k")
except KeyError as e:
    print("KeyError caught", e)


def raiser():
    d = DelDuring("frame")
    raise RuntimeError("boom")


try:
    raiser()
except RuntimeError as e:
    print("caught", e)
print("after handler")


# a finalizer that raises while an exception propagates does not replace it
class RaisesToo:
    def __del__(self):
        raise TypeError("ignored")


def propagate():
    r = RaisesToo()
    del r
    raise IndexError("kept")


try:
    propagate()
except IndexError as e:
    print("IndexError:", e)
print("done")
