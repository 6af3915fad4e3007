# __set_name__: called by type_new for every attribute that defines it.


class Field:
    def __init__(self, default=None):
        self.default = default
        self.name = None
        self.owner = None

    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner = owner
        self.name = name

    def __get__(self, obj, tp=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value


class Model:
    a = Field(1)
    b = Field("x")
    c = 3


m = Model()
print(m.a, m.b)
m.a = 5
print(m.a, Model.a.name, Model.a.owner is Model)


# __set_name__ is not called on assignment after class creation
Model.d = Field()
print(Model.d.name)


# the same object under two names gets two calls
f = Field()


class Twice:
    x = f
    y = f


print(f.name)


# __set_name__ looked up on the type, not the instance
class Weird:
    pass


w = Weird()
w.__set_name__ = lambda owner, name: print("never")


class UsesWeird:
    attr = w


print("no call on instance attribute")


# errors in __set_name__ carry a note
class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)


try:
    class C:
        x = Boom()
except ValueError as e:
    print("ValueError:", e)
    print(getattr(e, "__notes__", None))


class BadSig:
    def __set_name__(self):
        pass


try:
    class C2:
        attr = BadSig()
except TypeError as e:
    print("TypeError:", e)
    print(e.__notes__)


# __set_name__ through type()
T = type("T", (), {"q": Field(0)})
print(T.q.name, T.q.owner is T)


# order follows the namespace
class Logger:
    def __set_name__(self, owner, name):
        print("log", name)


class Order:
    z = Logger()
    a = Logger()
    m = Logger()


# __set_name__ with a class-level callable attribute
class CallableSetName:
    class __set_name__:
        def __init__(self, owner, name):
            print("callable class as __set_name__", name)


class UsesCallable:
    v = CallableSetName()


# notes with a qualified class name
class Outer:
    class Inner:
        pass


def make():
    class Local:
        bad = Boom()
    return Local


try:
    make()
except ValueError as e:
    print(e.__notes__)
