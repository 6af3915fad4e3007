# match statements: every pattern kind
import sys


class Color:
    RED = "red"
    GREEN = "green"

    class Nested:
        BLUE = 3


def literal(x):
    match x:
        case 0:
            return "zero"
        case 1.5:
            return "one and a half"
        case -2:
            return "minus two"
        case 1 + 2j:
            return "complex"
        case "s":
            return "string s"
        case b"b":
            return "bytes b"
        case True:
            return "True"
        case None:
            return "None"
        case False:
            return "False"
        case _:
            return "other %r" % (x,)


for v in (0, 0.0, 1.5, -2, 1 + 2j, "s", b"b", True, 1, None, False, "x", []):
    print(repr(v), "->", literal(v))


def value(x):
    match x:
        case Color.RED:
            return "value RED"
        case Color.Nested.BLUE:
            return "value BLUE"
        case sys.maxsize:
            return "maxsize"
        case other:
            return "capture %r" % (other,)


for v in ("red", 3, 3.0, "green"):
    print(repr(v), "->", value(v))


def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return "one %r" % (a,)
        case [a, b] if a == b:
            return "pair equal %r" % (a,)
        case (a, b):
            return "pair %r %r" % (a, b)
        case [1, *rest]:
            return "starts with 1, rest %r" % (rest,)
        case [*init, 9]:
            return "ends with 9, init %r" % (init,)
        case [first, *_, last]:
            return "first %r last %r" % (first, last)
        case _:
            return "not a sequence"


for v in ([], (), [5], (5, 5), [5, 6], [1, 2, 3], (0, 8, 9), range(2, 6),
          "ab", b"ab", {1: 2}, {1, 2}, iter([1]), 7):
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", seq(v))


def nested_seq(x):
    match x:
        case [[a, b], [c, *d]]:
            return "nested %r %r %r %r" % (a, b, c, d)
        case [(1 | 2) as one, *_]:
            return "or-as %r" % (one,)
        case _:
            return "no"


print(nested_seq([[1, 2], [3, 4, 5]]))
print(nested_seq([[1, 2], []]))
print(nested_seq((2, "x")))
print(nested_seq([3]))


def mapping(x):
    match x:
        case {"kind": "point", "x": px, "y": py}:
            return "point %r %r" % (px, py)
        case {"kind": "circle", **rest}:
            return "circle rest %r" % (sorted(rest.items()),)
        case {Color.RED: r}:
            return "red key %r" % (r,)
        case {}:
            return "some mapping of %d" % len(x)
        case _:
            return "not a mapping"


for v in ({"kind": "point", "x": 1, "y": 2, "z": 3}, {"kind": "point", "x": 1},
          {"kind": "circle", "r": 5, "c": 0}, {"red": 7}, {}, {"a": 1}, [("kind", "point")]):
    print(repr(v), "->", mapping(v))


class Missing(dict):
    def __missing__(self, key):
        return "made up"


print("missing ->", mapping(Missing(kind="circle")))
print("missing ->", mapping(Missing(x=1)))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def cls(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return "on y axis at %r" % (yy,)
        case Point(xx, 0):
            return "on x axis at %r" % (xx,)
        case Point3(z=zz) if zz > 10:
            return "high z %r" % (zz,)
        case Point(x, y=y) if x == y:
            return "diagonal %r" % (x,)
        case Point():
            return "some point %r" % (p,)
        case int(n) if n < 0:
            return "negative int %r" % (n,)
        case int(n) | float(n):
            return "number %r" % (n,)
        case str(s) | bytes(s):
            return "text %r" % (s,)
        case bool():
            return "never (bool is int)"
        case list([a, b]):
            return "list of two %r %r" % (a, b)
        case tuple((a, *b)):
            return "tuple %r %r" % (a, b)
        case dict({"k": v}):
            return "dict with k %r" % (v,)
        case frozenset(f):
            return "frozenset of %d" % len(f)
        case object(__class__=c):
            return "object of class %s" % c.__name__


for v in (Point3(0, 0, 0), Point(0, 0), Point(0, 5), Point(4, 0), Point3(1, 2, 30),
          Point(3, 3), Point(1, 2), -4, 7, 2.5, True, "str", b"by", [1, 2], [1, 2, 3],
          (1, 2, 3), {"k": 1}, frozenset({1}), None, Color()):
    print(repr(v) if not isinstance(v, Color) else "Color()", "->", cls(v))


class Attrs:
    def __init__(self):
        self.a = 1

    @property
    def computed(self):
        print("  (computing)")
        return 99


def kwonly(o):
    match o:
        case Attrs(missing=1):
            return "has missing"
        case Attrs(a=2):
            return "a is 2"
        case Attrs(a=1, computed=c):
            return "a is 1, computed %r" % (c,)


print(kwonly(Attrs()))


def alternatives(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [1, _] | [_, 1]:
            return "pair with 1"
        case {"a": v} | {"b": v}:
            return "a-or-b %r" % (v,)
        case Point(x=v) | Point3(y=v):
            return "point-ish %r" % (v,)
        case (str() | bytes()) as t:
            return "text-ish %r" % (t,)
        case _:
            return "else"


for v in (2, [1, 9], [9, 1], {"b": 4}, Point(8, 9), "t", b"u", 5.5):
    print(repr(v), "->", alternatives(v))


def guards(x):
    calls = []

    def log(tag, result):
        calls.append(tag)
        return result

    match x:
        case [a, b] if log("g1", a > b):
            r = "descending"
        case [a, b] if log("g2", a < b):
            r = "ascending"
        case [a, _] if log("g3", a == 0):
            r = "zero start"
        case _:
            r = "other"
    return r, calls


for v in ([2, 1], [1, 2], [0, 0], [1, 1], 5):
    print(v, "->", guards(v))


# captures bind even when a later guard fails
def partial_bind(x):
    match x:
        case [a, b] if b > 100:
            pass
        case _:
            pass
    return a, b


print(partial_bind([1, 2]))

# match on a subject expression evaluated once
count = 0


def subject():
    global count
    count += 1
    return [count, count]


match subject():
    case [1, 2]:
        print("no")
    case [1, 1]:
        print("subject evaluated", count, "time")

# match is a soft keyword
match = [1, 2]
case = "soft"
match match:
    case [1, x]:
        print("soft keyword", case, x)

# class pattern self-matching for builtin types
for t in (bool, bytes, dict, float, frozenset, int, list, set, str, tuple):
    match t():
        case bool(v) | bytes(v) | dict(v) | float(v) | frozenset(v) | int(v) | list(v) | set(v) | str(v) | tuple(v):
            print(t.__name__, "self-matches", repr(v))

# __match_args__ inherited and a subclass of a builtin
class MyInt(int):
    pass


match MyInt(5):
    case int(v):
        print("MyInt matches int(v):", v, type(v).__name__)

class MyStrSub(str):
    __match_args__ = ("upper_",)
    @property
    def upper_(self):
        return self.upper()

match MyStrSub("abc"):
    case MyStrSub(u):
        print("custom __match_args__ on str subclass:", u)

# subclasses of list and dict are sequences and mappings; str subclasses are not
class MyList(list):
    pass

class MyDict(dict):
    pass

class MyStr(str):
    pass

print(seq(MyList([5, 6])), mapping(MyDict(a=1)), seq(MyStr("ab")))
