# send / throw / close, GeneratorExit and the exact messages
def echo():
    try:
        while True:
            try:
                received = yield
                print("got", received)
            except ValueError as e:
                print("caught ValueError", e)
    finally:
        print("echo cleanup")


e = echo()
try:
    e.send(1)
except TypeError as exc:
    print("TypeError", exc)
print(e.send(None))
e.send("a")
e.throw(ValueError("thrown"))
e.throw(ValueError)
e.send("b")
print(e.close())
print(e.close(), e.gi_frame)
try:
    e.send("late")
except StopIteration as exc:
    print("StopIteration after close", exc.value)
try:
    e.throw(KeyError("late"))
except KeyError as exc:
    print("KeyError after close", exc)


# A generator that ignores GeneratorExit
def stubborn():
    ignored = False
    while True:
        try:
            yield 1
        except GeneratorExit:
            if ignored:
                print("giving up")
                raise
            print("ignoring GeneratorExit")
            ignored = True


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as exc:
    print("RuntimeError", exc)
print(s.gi_suspended)
print(s.close(), s.gi_suspended)


# close() returns the generator's return value (3.13+)
def returner():
    try:
        yield 1
    except GeneratorExit:
        return "closing value"


r = returner()
next(r)
print("close ->", r.close())


# close() on a never-started generator runs nothing
def never():
    print("never printed")
    yield


n = never()
print(n.close(), n.gi_frame)


# Exceptions raised while closing propagate
def raiser():
    try:
        yield
    finally:
        raise ValueError("from finally")


rz = raiser()
next(rz)
try:
    rz.close()
except ValueError as exc:
    print("ValueError", exc, type(exc.__context__).__name__)


# throw() forms and errors
def catcher():
    while True:
        try:
            yield
        except Exception as exc:
            print("caught", type(exc).__name__, exc.args)


c = catcher()
next(c)
c.throw(TypeError("one"))
c.throw(KeyError)
try:
    c.throw(1)
except TypeError as exc:
    print("TypeError", exc)
try:
    c.throw(ValueError("x"), 1)
except TypeError as exc:
    print("TypeError", exc)
try:
    c.throw()
except TypeError as exc:
    print("TypeError", exc)
try:
    c.throw(StopIteration)
except Exception as exc:
    print(type(exc).__name__)
c.close()


# throw into a just-started generator raises at the top
def fresh():
    print("not reached")
    yield


f = fresh()
try:
    f.throw(OSError("early"))
except OSError as exc:
    print("OSError", exc, f.gi_frame)


# A running generator cannot be resumed
def selfish():
    yield me.send(None)


me = selfish()
try:
    next(me)
except ValueError as exc:
    print("ValueError", exc)


# Deleting a suspended generator closes it
def guarded(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


g = guarded("del")
next(g)
del g
print("after del")
for x in guarded("loop"):
    print("loop", x)
    break
print("after break")


# The exception being handled is restored across yields
import sys


def in_handler():
    try:
        raise KeyError("handled")
    except KeyError:
        yield sys.exception()
        yield sys.exception()
    yield sys.exception()


h = in_handler()
print(repr(next(h)), repr(sys.exception()))
print(repr(next(h)))
print(repr(next(h)))


# Thrown exceptions get the handled exception as context
def ctx():
    try:
        raise ValueError("inside")
    except ValueError:
        yield


cg = ctx()
next(cg)
try:
    cg.throw(TypeError("thrown in"))
except TypeError as exc:
    print("context:", repr(exc.__context__))


# An exception class whose constructor fails: the constructor's error is thrown in
class BadInit(Exception):
    def __init__(self, *args):
        raise KeyError("from constructor")


def receiver():
    try:
        yield 1
    except KeyError as exc:
        print("receiver caught", repr(exc))
        yield 2


rc = receiver()
next(rc)
print(rc.throw(BadInit))
rc.close()
