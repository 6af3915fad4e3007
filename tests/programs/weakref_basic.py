# Weak references: ref/deref, sharing of the basic ref, counts, equality and
# hashing, reprs (addresses masked) and the objects that cannot be weakly
# referenced.
import _weakref


def mask(text):
    out = []
    i = 0
    while i < len(text):
        if text.startswith("0x", i):
            out.append("0x?")
            i += 2
            while i < len(text) and text[i] in "0123456789abcdef":
                i += 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class C:
    pass


def f():
    return 42


c = C()
r = _weakref.ref(c)
print(type(r).__name__, r() is c, _weakref.ref is _weakref.ReferenceType)
print("same basic ref:", _weakref.ref(c) is r, _weakref.ref(c, None) is r)
print("count:", _weakref.getweakrefcount(c), _weakref.getweakrefcount(1))
print("getweakrefs:", _weakref.getweakrefs(c) == [r], _weakref.getweakrefs(1))
print("__callback__:", r.__callback__)
print("__weakref__:", c.__weakref__ is r, C().__weakref__)
print(mask(repr(r)))
print(mask(repr(_weakref.ref(f))))
print(mask(repr(_weakref.ref(C))))

# Equality: live references compare their referents.
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, V) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


a, b = V(1), V(1)
ra, rb = _weakref.ref(a), _weakref.ref(b)
print("eq live:", ra == rb, ra != rb, ra is rb)
print("hash:", hash(ra) == hash(1), hash(rb) == hash(1))
try:
    ra < rb
except TypeError as e:
    print("TypeError:", e)
del a
print("dead:", ra(), ra == rb, ra != rb, ra == ra)
print("hash kept after death:", hash(ra) == hash(1))
print(mask(repr(ra)))
d = V(2)
rd = _weakref.ref(d)
del d
try:
    hash(rd)
except TypeError as e:
    print("TypeError:", e)

# A callback makes a new reference each time.
def cb(wr):
    pass


r1 = _weakref.ref(c, cb)
r2 = _weakref.ref(c, cb)
print("with callback:", r1 is r2, r1 is r, r1.__callback__ is cb, r1 == r2)
print("count:", _weakref.getweakrefcount(c))
print("order:", _weakref.getweakrefs(c) == [r, r1, r2])
del r1
print("count after del r1:", _weakref.getweakrefcount(c))
del c
print("after del c:", r(), r2())

# Which objects can be weakly referenced.
import sys
objs = [1, "s", (), [], {}, None, 1.5, b"x", object(), range(3), iter([]),
        True, 3j]
for o in objs:
    try:
        _weakref.ref(o)
        print(type(o).__name__, "ok")
    except TypeError as e:
        print(e)
okobjs = [f, C, int, set(), frozenset(), len, sys, f.__code__, V(3).__eq__]
for o in okobjs:
    w = _weakref.ref(o)
    print(type(o).__name__, "ok", w() is o)
for base in (int, str, tuple, bytes, list, dict, float, set, frozenset, Exception,
             object, type):
    K = type("K" + base.__name__, (base,), {})
    try:
        k = K()
        w = _weakref.ref(k)
        print(base.__name__, "subclass ok", w() is k)
    except TypeError as e:
        print(e)

# Arguments.
for args in ((), (1, 2, 3)):
    try:
        _weakref.ref(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    _weakref.ref(C(), callback=None)
except TypeError as e:
    print("TypeError:", e)
k = C()
try:
    _weakref.ref(k)(1)
except TypeError as e:
    print("TypeError:", e)
