# __slots__ and weak references: '__weakref__' in __slots__ turns support on,
# __slots__ without it leaves it off, a supporting base is inherited; the
# dealloc order is __del__, then the weakref callbacks, then the slot values.
import _weakref as weakref

class NoW:
    __slots__ = ("a",)

try:
    weakref.ref(NoW())
except TypeError as e:
    print("TypeError:", e)
print(hasattr(NoW(), "__weakref__"), "__weakref__" in NoW.__dict__)

class W:
    __slots__ = ("a", "__weakref__")

w = W()
print(w.__weakref__)
r = weakref.ref(w, lambda ref: print("callback, dead:", ref() is None))
print(w.__weakref__ is r, r() is w)
del w
print("after del", r())

class Sub(W):
    __slots__ = ("b",)

s = Sub()
r2 = weakref.ref(s)
print("__weakref__" in Sub.__dict__, r2() is s)
del s
print(r2())

class Plain:
    pass

class PlainSlots(Plain):
    __slots__ = ()

p = PlainSlots()
print(weakref.ref(p)() is p)

class Order:
    __slots__ = ("x", "__weakref__")
    def __del__(self):
        print("__del__ runs, weakref alive:", r3() is self)

class Val:
    def __del__(self):
        print("slot value freed, weakref cleared:", r3() is None)

o = Order()
o.x = Val()
r3 = weakref.ref(o, lambda ref: print("callback after __del__"))
del o
print("done order")

class S(set):
    pass

ss = S([1])
r4 = weakref.ref(ss, lambda ref: print("set subclass callback"))
del ss
print(r4())

class Resurrect:
    def __del__(self):
        global keep
        keep = self

x = Resurrect()
r5 = weakref.ref(x)
del x
print(r5() is keep)

class Meta(type):
    pass

class WithMeta(metaclass=Meta):
    pass
print(weakref.ref(WithMeta)() is WithMeta)

class D:
    __slots__ = ("__dict__",)
try:
    weakref.ref(D())
except TypeError as e:
    print("TypeError:", e)
