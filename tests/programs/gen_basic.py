# Generators: iteration, generator expressions, attributes, PEP 479
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


g = count(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom, g.gi_code.co_name)
print(g.gi_frame is not None, g.gi_frame.f_code.co_name)
print(next(g), next(g), next(g))
print(g.gi_suspended, g.gi_frame is not None)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
print(g.gi_frame, g.gi_suspended)
try:
    next(g)
except StopIteration as e:
    print("again StopIteration", repr(e.value))
print(list(count(5)), sum(count(10)))
print(iter(g) is g)


class C:
    def method(self):
        yield self


print(C().method().__qualname__)


def outer():
    def inner():
        yield 1
    return inner()


print(outer().__qualname__)

# Generator expressions
squares = (x * x for x in range(6))
print(type(squares).__name__, squares.__name__)
print(list(squares), list(squares))
print(sum(x for x in range(100) if x % 3 == 0))
print(list((a, b) for a in range(3) for b in "xy" if a != 1))
nested = ((i, j) for i in range(2) for j in (k * 10 for k in range(i + 2)))
print(list(nested))
try:
    (1 / x for x in [1, 0]).__next__()
    g2 = (1 / x for x in [1, 0])
    print(next(g2))
    next(g2)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

# __name__ and __qualname__ are writable, with str only
g = count(1)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__)
for bad in (1, None):
    try:
        g.__name__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    g.__qualname__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    del g.__name__
except TypeError as e:
    print("TypeError", e)


# PEP 479: StopIteration inside a generator becomes RuntimeError
def leaky():
    yield 1
    raise StopIteration("inner")


lg = leaky()
print(next(lg))
try:
    next(lg)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)


def leaky_next():
    it = iter([])
    yield next(it)


try:
    list(leaky_next())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__context__).__name__)

# Returning a tuple keeps it whole in StopIteration.value
def ret_tuple():
    return (1, 2)
    yield


try:
    next(ret_tuple())
except StopIteration as e:
    print("value", e.value, e.args)


# Exceptions propagate out of the generator and finish it
def boom():
    yield 1
    raise KeyError("k")


b = boom()
next(b)
try:
    next(b)
except KeyError as e:
    print("KeyError", e)
print(b.gi_frame, list(b))


# Locals survive suspension; frame locals visible
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x


a = acc()
print(next(a), a.send(5), a.send(10), a.gi_frame.f_locals["total"])
try:
    a.send(None)
except StopIteration:
    print("acc finished")
print(sorted(dir(count(0)))[-8:])
