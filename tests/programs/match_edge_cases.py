# match: literal == vs is, custom __match_args__ on an int subclass, calls made by sequence/mapping patterns
class MyInt(int):
    __match_args__ = ("real", "imag")


def f(x):
    match x:
        case MyInt(5, 0):
            return "MyInt custom match args"
        case int(1.0):
            return "int(1.0) matched via =="
        case float(2):
            return "float(2) matched"
        case str(x="a"):
            return "never"
        case [True, 1]:
            return "True is identity, 1 is =="
        case {"a": None}:
            return "None via identity"
        case [*_]:
            return "star-wildcard sequence"
        case _:
            return "nothing"


for v in (MyInt(5), 1, 1.0, True, 2.0, 2, [True, True], [1, 1], {"a": None}, {"a": 0}, (1, 2, 3), "abc"):
    print(repr(v), f(v))


class RaisingCheck(type):
    def __instancecheck__(cls, o):
        raise RuntimeError("check failed")


class R(metaclass=RaisingCheck):
    pass


try:
    match 1:
        case R():
            pass
except RuntimeError as e:
    print("RuntimeError:", e)


class MatchArgsProp:
    @property
    def __match_args__(self):
        return ("a",)


try:
    match MatchArgsProp():
        case MatchArgsProp(x):
            print("never")
except TypeError as e:
    print("TypeError:", e)


# __len__ and __getitem__ calls made for sequence patterns
class Seq(list):
    def __len__(self):
        print("  len called")
        return super().__len__()

    def __getitem__(self, i):
        print("  getitem", i)
        return super().__getitem__(i)

    def __iter__(self):
        print("  iter called")
        return super().__iter__()


match Seq([1, 2, 3, 4]):
    case [a, *mid, b]:
        print("star over Seq", a, mid, b)
match Seq([1, 2]):
    case [a, b]:
        print("pair over Seq", a, b)

# mapping **rest gets a copy without the matched keys; get() calls
class Mp(dict):
    def get(self, k, d=None):
        print("  get", k)
        return super().get(k, d)

    def keys(self):
        print("  keys")
        return super().keys()


match Mp(a=1, b=2, c=3):
    case {"a": 1, **rest}:
        print("rest", rest, type(rest).__name__)

# nested capture and walrus inside guard
match [1, [2, 3]]:
    case [x, [y, *z]] if (s := x + y) > 2:
        print("walrus in guard", s, z)

# or-pattern binding order
match (1, 2):
    case (a, 1) | (2, a) | (a, 2):
        print("or binds", a)

# irrefutable with as
match 42:
    case (1 | 2) as small:
        print("never")
    case n as m:
        print("as on capture", n, m)
