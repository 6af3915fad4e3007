# Subclasses of weakref.ref: extra attributes, their own __init__, no sharing
# with the basic reference, callbacks; _remove_dead_weakref on a dict.
import _weakref


class KeyedRef(_weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__dict__.update(annotations)

    def describe(self):
        return "KeyedRef(%s, alive=%s)" % (self.key, self() is not None)


class C:
    pass


log = []


def cb(wr):
    log.append(("cb", type(wr).__name__, wr.key, wr() is None))


c = C()
basic = _weakref.ref(c)
k1 = KeyedRef(c, cb, key="first")
k2 = KeyedRef(c, None, key="second", extra=[1])
print(type(k1).__name__, isinstance(k1, _weakref.ref), k1() is c, k1.key, k2.extra)
print("not shared:", k2 is basic, k1 is k2, KeyedRef(c) is basic)
print("equal to basic:", k1 == basic, k2 == basic, hash(k1) == hash(basic))
print(k1.describe(), k2.describe())
print("__callback__:", k1.__callback__ is cb, k2.__callback__)
print("count:", _weakref.getweakrefcount(c))
names = {id(basic): "basic", id(k1): "k1", id(k2): "k2"}
print("order:", [names.get(id(x), "other") for x in _weakref.getweakrefs(c)])
del c
print("after del:", log, k1.describe(), k2.describe())

# A subclass with __call__ of its own.
class Deref(_weakref.ref):
    def __call__(self):
        obj = super().__call__()
        return "dead" if obj is None else "alive"


c = C()
d = Deref(c)
print("custom call:", d())
del c
print("custom call:", d())

# Instances of ref subclasses can themselves be weakly referenced.
c = C()
kr = KeyedRef(c, key="k")
wkr = _weakref.ref(kr)
print("ref to ref:", wkr() is kr)
del kr
print("ref to ref after del:", wkr())

# _remove_dead_weakref removes an entry only if it holds a dead reference.
live = C()
dying = C()
d = {"live": _weakref.ref(live), "dying": _weakref.ref(dying), "plain": 1}
del dying
_weakref._remove_dead_weakref(d, "dying")
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _weakref._remove_dead_weakref(d, "plain")
except TypeError as e:
    print("TypeError:", e)
try:
    _weakref._remove_dead_weakref([], "x")
except TypeError as e:
    print("TypeError:", e)
