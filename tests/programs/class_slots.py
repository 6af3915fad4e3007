# __slots__: member descriptors, no instance __dict__, validation and layout conflicts.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"P({self.x}, {self.y})"


p = P(1, 2)
print(p, p.x, p.y)
p.x = 10
print(p.x)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"), hasattr(p, "y"))
print(type(P.x).__name__, P.x.__name__, P.x.__objclass__ is P)
print(repr(P.x))
print(P.__slots__)
print(P.x.__get__(p, P), P.x.__get__(None, P) is P.x)
P.y.__set__(p, 7)
print(p.y)
P.y.__delete__(p)
print(hasattr(p, "y"))
try:
    P.x.__set__(5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    P.x.__get__(5, int)
except TypeError as e:
    print("TypeError:", e)
print(getattr(p, "y", "default"))


# a string __slots__ is one name
class S:
    __slots__ = "only"


s = S()
s.only = 1
print(s.only, S.__slots__)


# __dict__ in __slots__ gives a dict back
class D:
    __slots__ = ("a", "__dict__")


d = D()
d.a = 1
d.b = 2
print(d.a, d.b, d.__dict__)


# __weakref__ in __slots__
class W:
    __slots__ = ("__weakref__",)


print("__weakref__" in W.__dict__, "__dict__" in W.__dict__)


# private names are mangled
class M:
    __slots__ = ("__secret", "pub")

    def __init__(self):
        self.__secret = 42

    def get(self):
        return self.__secret


m = M()
print(m.get(), m._M__secret, sorted([k for k in M.__dict__ if not k.startswith("__")]))
print(M.__slots__)


# subclasses without __slots__ get a __dict__
class Sub(P):
    pass


q = Sub(1, 2)
q.z = 3
print(q.x, q.y, q.z, q.__dict__)


# subclasses with __slots__ add slots
class Sub2(P):
    __slots__ = ("z",)


r = Sub2(1, 2)
r.z = 3
print(r.x, r.y, r.z)
try:
    r.w = 1
except AttributeError as e:
    print("AttributeError:", e)


# empty slots
class E:
    __slots__ = ()


try:
    E().a = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().a = 1
except AttributeError as e:
    print("AttributeError:", e)


# slot default shadowed by class variable
try:
    class Bad:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)

for slots in [(1,), ("a b",), ("__dict__", "__dict__"), ("__weakref__", "__weakref__"), ("x", "x"), ("", ), 3]:
    try:
        class T:
            __slots__ = slots
        print("ok", slots, sorted([k for k in T.__dict__ if not k.startswith("__")]))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

try:
    class T2(D):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("TypeError:", e)
try:
    class T3(W):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)

# nonempty slots on a variable-size builtin
try:
    class T4(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
try:
    class T5(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)


class T6(int):
    __slots__ = ()


print(T6(5) + 1)


# layout conflicts
class A:
    __slots__ = ("a",)


class B:
    __slots__ = ("b",)


try:
    class AB(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)


class A2(A):
    pass


class AE(A, E):
    pass


print(AE.__mro__ == (AE, A, E, object))
try:
    class X(A, int):
        pass
except TypeError as e:
    print("TypeError:", e)


# dict subclass with slots
class DS(dict):
    __slots__ = ("tag",)


ds = DS(a=1)
ds.tag = "t"
print(ds, ds.tag)
try:
    ds.other = 1
except AttributeError as e:
    print("AttributeError:", e)


# slots + property + class attribute inheritance
class Pt:
    __slots__ = ("_x",)
    kind = "point"

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v * 2


pt = Pt()
pt.x = 4
print(pt.x, pt.kind)
try:
    pt.kind = "other"
except AttributeError as e:
    print("AttributeError:", e)


# __slots__ with a dict value (keys are the names, values are docs)
class DocSlots:
    __slots__ = {"a": "the a", "b": None}


print(DocSlots.a.__doc__, DocSlots.b.__doc__)
print(DocSlots.__slots__)


# slot values are released with the instance
class Tracker:
    def __del__(self):
        print("tracker freed")


class Holder:
    __slots__ = ("t",)


h = Holder()
h.t = Tracker()
del h
print("after del")

# slot names must be identifiers, so a list is accepted too
class L:
    __slots__ = ["a", "b"]


l = L()
l.a, l.b = 1, 2
print(l.a + l.b, L.__slots__)
print(P.__dict__["x"] is P.x)
