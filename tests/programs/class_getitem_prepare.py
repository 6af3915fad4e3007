# __class_getitem__, metaclass __prepare__ and the metaclass calculation.


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item!r}]"


print(Box[int], Box["x"], Box[1, 2])
print(type(Box.__dict__["__class_getitem__"]).__name__)


class SubBox(Box):
    pass


print(SubBox[str])


# an instance does not use __class_getitem__
try:
    Box()[0]
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)


# __getitem__ on the metaclass wins over __class_getitem__
class MetaGet(type):
    def __getitem__(cls, item):
        return "meta " + repr(item)


class UsesMeta(metaclass=MetaGet):
    def __class_getitem__(cls, item):
        return "class_getitem"


print(UsesMeta[3])


# __class_getitem__ set to None is not callable
class NoneGetItem:
    __class_getitem__ = None


try:
    NoneGetItem[1]
except TypeError as e:
    print("TypeError:", e)


# __prepare__ returns the namespace used by the class body
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], sorted(kw))
        return {"injected": 42}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted([k for k in ns if not k.startswith("__")]))
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class UsesPrepare(metaclass=OrderedMeta, option=1):
    a = 1
    b = injected + 1


print(UsesPrepare.injected, UsesPrepare.b)


# a custom mapping as namespace (not a dict subclass)
class LoggingNS:
    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("ns set", key)
        self.data[key] = value

    def __getitem__(self, key):
        if not key.startswith("__"):
            print("ns get", key)
        return self.data[key]


class LogMeta(type):
    def __prepare__(name, bases):
        return LoggingNS()

    def __new__(mcls, name, bases, ns):
        print("namespace type", type(ns).__name__)
        return super().__new__(mcls, name, bases, ns.data)


class Logged(metaclass=LogMeta):
    x = 1
    y = x + 1
    z = len("abc")

    def method(self):
        return self.y


print(Logged().method(), Logged.z)


# a dict subclass as namespace: STORE_NAME / LOAD_NAME / LOAD_FROM_DICT_OR_DEREF
# go through its __setitem__ / __getitem__ (only an exact dict is bypassed)
class TracingDict(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("dict-ns set", key, value)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        if not key.startswith("__"):
            print("dict-ns get", key)
        return super().__getitem__(key)

    def __missing__(self, key):
        if key == "magic":
            return "from __missing__"
        raise KeyError(key)


class TraceMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return TracingDict()

    def __new__(mcls, name, bases, ns):
        print("namespace type", type(ns).__name__)
        return super().__new__(mcls, name, bases, dict(ns))


class Traced(metaclass=TraceMeta):
    p = 1
    q = p + 1
    m = magic
    n = len("ab")


print(Traced.p, Traced.q, Traced.m, Traced.n)


def make_traced():
    outer = "free"

    class Inner(metaclass=TraceMeta):
        outer_seen = outer

    return Inner


print(make_traced().outer_seen)


# a dict returned by __prepare__ is used as is (the same object)
seen = []


class SeeNS(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        d = {"pre": 1}
        seen.append(d)
        return d

    def __new__(mcls, name, bases, ns):
        print("same namespace:", ns is seen[0], sorted([k for k in ns if not k.startswith("__")]))
        return super().__new__(mcls, name, bases, ns)


class UsesSee(metaclass=SeeNS):
    post = pre + 1


print(UsesSee.post)


# __prepare__ must return a mapping
class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 3


try:
    class UsesBad(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError:", e)


# metaclass conflicts
class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


try:
    class AB(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


# the most derived metaclass wins
class M3(M1):
    pass


class C(metaclass=M3):
    pass


class AC(A, C):
    pass


print(type(AC).__name__)


class CA(C, A):
    pass


print(type(CA).__name__)

try:
    class Explicit(A, metaclass=M2):
        pass
except TypeError as e:
    print("TypeError:", e)


class Explicit2(C, metaclass=M1):
    pass


print(type(Explicit2).__name__)


# a non-type metaclass: any callable
def factory(name, bases, ns, **kw):
    print("factory", name, bases, sorted([k for k in ns if not k.startswith("__")]), kw)
    return 7


class NotAClass(metaclass=factory, flag=True):
    a = 1


print(NotAClass)


# metaclass from a base
class MB(A):
    pass


print(type(MB).__name__)

# type.__prepare__ accepts keywords and returns a fresh dict
print(type.__prepare__("X", (), a=1))
print(type(type.__prepare__("X", ())).__name__)

# metaclass with __call__
class Singleton(type):
    _inst = {}

    def __call__(cls, *args):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*args)
        return cls._inst[cls]


class One(metaclass=Singleton):
    def __init__(self, v):
        self.v = v


print(One(1).v, One(2).v, One(1) is One(3))

# __class_getitem__ through type(): still an implicit classmethod
G = type("G", (), {"__class_getitem__": lambda cls, x: (cls.__name__, x)})
print(G[5])
