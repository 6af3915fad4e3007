# Weak reference callbacks: when they run (the referent's dealloc, here at
# `del`), their order, what they receive, and a failing callback (reported as
# an unraisable exception on sys.stderr, captured here).
import _weakref
import sys

log = []


def make_cb(name):
    def cb(wr):
        log.append((name, wr() is None))
    return cb


class C:
    pass


c = C()
basic = _weakref.ref(c)
r1 = _weakref.ref(c, make_cb("r1"))
r2 = _weakref.ref(c, make_cb("r2"))
p = _weakref.proxy(c)
r3 = _weakref.ref(c, make_cb("r3"))


def pcb(wr):
    log.append(("p2", type(wr).__name__))


p2 = _weakref.proxy(c, pcb)
print("count:", _weakref.getweakrefcount(c))
names = {id(basic): "basic", id(p): "proxy", id(r1): "r1", id(r2): "r2", id(r3): "r3",
         id(p2): "p2"}
print("list order:", [names[id(x)] for x in _weakref.getweakrefs(c)])
print("before del:", log)
del c
print("after del:", log)
print("all dead:", basic(), r1(), r2(), r3())

# The callback gets the weak reference itself.
seen = []


def keep(wr):
    seen.append(wr)


c = C()
w = _weakref.ref(c, keep)
del c
print("got own ref:", len(seen) == 1 and seen[0] is w)

# A reference that dies before its referent never calls back.
c = C()
w = _weakref.ref(c, make_cb("never"))
del w
log.clear()
del c
print("dropped ref:", log)

# Functions, sets and bound methods die too.
def g():
    pass


log.clear()
s = {1, 2, 3}
ws = _weakref.ref(s, make_cb("set"))
del s
h = lambda: None
wh = _weakref.ref(h, make_cb("lambda"))
del h


class M:
    def meth(self):
        pass


bm = M().meth
wbm = _weakref.ref(bm, make_cb("method"))
del bm
print("others:", log)

# Instances of builtin subclasses (their dict lives outside the object).
class L(list):
    pass


lst = L([1, 2])
lst.tag = "t"
wl = _weakref.ref(lst, make_cb("L"))
log.clear()
print(wl() == [1, 2], wl().tag)
del lst
print("list subclass:", log, wl())

# A callback that raises: the error is printed as unraisable and ignored.
class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


def bad(wr):
    raise ValueError("boom")


def mask(text):
    i = text.find(" at 0x")
    if i < 0:
        return text
    j = text.find(">", i)
    return text[:i] + " at 0x?" + text[j:]


cap = Capture()
c = C()
wb1 = _weakref.ref(c, bad)
wb2 = _weakref.ref(c, make_cb("after bad"))
log.clear()
sys.stderr = cap
del c
sys.stderr = sys.__stderr__
lines = "".join(cap.parts).splitlines()
print(mask(lines[0]))
print(lines[1])
print(lines[-1])
print("later callbacks still run:", log)

cap = Capture()
c = C()
wl2 = _weakref.ref(c, len)
sys.stderr = cap
del c
sys.stderr = sys.__stderr__
lines = "".join(cap.parts).splitlines()
print(lines[0])
print(lines[-1])
print("done")
