# Warnings issued by the interpreter: ~bool, throw(type, value), coroutines never awaited
import _warnings


def invert(b):
    return ~b


print(invert(True), invert(False))
print(invert(True))
print(~False)


def gen():
    try:
        yield 1
    except ValueError as e:
        print("gen got", repr(e))
        yield 2


g = gen()
next(g)
print(g.throw(ValueError, ValueError("three"), None))
g.close()


async def never():
    return 1


c = never()
del c
print("after del")


def make_and_drop():
    never()


make_and_drop()


async def agen():
    yield 1


a = agen()
s = a.asend(None)
del s
t = a.athrow(ValueError)
del t
u = a.aclose()
del u

# The "error" action turns the builtin's warning into an exception.
_warnings.filters.insert(0, ("error", None, DeprecationWarning, None, 0))
try:
    ~True
except DeprecationWarning as e:
    print("caught", str(e)[:40])
g = gen()
next(g)
try:
    g.throw(ValueError, None, None)
except DeprecationWarning as e:
    print("caught", str(e)[:30])
del _warnings.filters[0]
print(~True)
