# with: exception state, GeneratorExit, odd __exit__ callables, special lookup, __bool__ of the result
import sys


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name, "exc_info", sys.exc_info()[0])
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t and t.__name__, "exc_info", sys.exception().__class__.__name__)
        return self.suppress


# exc state inside __exit__, and after a suppressed exception inside an except handler
try:
    raise KeyError("outer")
except KeyError:
    with CM("in handler", suppress=True):
        raise ValueError("inner")
    print("handler still sees", repr(sys.exception()))
print("after handler", sys.exception())


# GeneratorExit reaches __exit__ when a suspended generator is closed
def gen():
    with CM("gen"):
        yield 1
        yield 2


g = gen()
next(g)
g.close()
print("closed")


# a suppressing __exit__ cannot swallow GeneratorExit... it can: the generator then returns
def gen2():
    with CM("gen2", suppress=True):
        yield 1
    print("after with in gen2")
    yield 99


g = gen2()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)


# __exit__ as callable objects / staticmethod / classmethod
class Callable:
    def __call__(self, *a):
        print("callable exit", len(a))
        return True


class WeirdExit:
    __exit__ = Callable()

    def __enter__(self):
        return "weird"


with WeirdExit() as w:
    print("weird", w)
    raise ZeroDivisionError
print("suppressed: a Callable is not a descriptor, so it gets 3 args")


class StaticExit:
    @staticmethod
    def __enter__():
        print("static enter")

    @classmethod
    def __exit__(cls, *a):
        print("classmethod exit", cls.__name__, len(a))


with StaticExit():
    pass


# __enter__ found through __getattr__? no: special lookup bypasses it
class Dynamic:
    def __getattr__(self, name):
        print("getattr", name)
        return lambda *a: None


try:
    with Dynamic():
        pass
except TypeError as e:
    print("TypeError:", e)


# return inside with inside finally; the exit's return value ignored on return
def ret():
    with CM("r", suppress=False):
        return "returned"


print(ret())


def ret_exc():
    try:
        with CM("re"):
            raise OSError("x")
    except OSError as e:
        return "caught " + str(e)
    finally:
        print("finally re")


print(ret_exc())


# exception from __exit__ when the body returned
class ExitRaisesOnReturn:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise LookupError("on return")


def rr():
    with ExitRaisesOnReturn():
        return 1


try:
    rr()
except LookupError as e:
    print("LookupError:", e, e.__context__)


# __exit__ receives the exception even when raised in a nested function
def thrower():
    raise IndexError("deep")


class Record:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        frames = []
        while tb is not None:
            frames.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("tb frames", frames)
        return True


def outer():
    with Record():
        thrower()


outer()


# __bool__ of __exit__'s result raising
class BadBool:
    def __bool__(self):
        raise TypeError("bad bool")


class ExitBadBool:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return BadBool()


try:
    with ExitBadBool():
        raise ValueError("body")
except TypeError as e:
    print("TypeError:", e, "context", repr(e.__context__))

# with on a bound method __enter__ from instance dict doesn't count
class Half:
    def __exit__(self, *a):
        pass


h = Half()
h.__enter__ = lambda: 1
try:
    with h:
        pass
except TypeError as e:
    print("TypeError:", e)

# deleting __exit__ from the class between enter and exit is fine: it was loaded first
class Vanish:
    def __enter__(self):
        del Vanish.__exit__
        return self

    def __exit__(self, *a):
        print("vanished exit still called")


with Vanish():
    pass
print(hasattr(Vanish, "__exit__"))
