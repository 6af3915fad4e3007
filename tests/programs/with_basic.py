# with statements: enter/exit order, as-values, exceptions, suppression
class CM:
    def __init__(self, name, suppress=False, value=None):
        self.name = name
        self.suppress = suppress
        self.value = value

    def __enter__(self):
        print("enter", self.name)
        return self if self.value is None else self.value

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress


with CM("a") as x:
    print("body", x.name)
print("after a")

with CM("b", value=42) as y:
    print("as value", y)

with CM("c"):
    print("no as")

# exception inside the block, not suppressed
try:
    with CM("d"):
        print("raising")
        raise ValueError("boom")
    print("not reached")
except ValueError as e:
    print("caught", repr(e))

# suppressed by __exit__ returning True
with CM("e", suppress=True):
    raise KeyError("k")
print("after suppressed")

# __exit__ returning a truthy non-bool suppresses; falsy non-bool re-raises
class Truthy(CM):
    def __exit__(self, typ, val, tb):
        print("truthy exit", typ.__name__ if typ else None)
        return [1]

class Falsy(CM):
    def __exit__(self, typ, val, tb):
        print("falsy exit", typ.__name__ if typ else None)
        return 0

with Truthy("t"):
    raise IndexError("i")
print("truthy suppressed")
try:
    with Falsy("f"):
        raise IndexError("j")
except IndexError as e:
    print("falsy re-raised", e)

# the exception in __exit__ replaces the body's, chaining it as context
class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("bad exit got", a[0].__name__ if a[0] else None)
        raise RuntimeError("from exit")

try:
    with BadExit():
        raise ValueError("inner")
except RuntimeError as e:
    print("caught", repr(e), "context", repr(e.__context__))

try:
    with BadExit():
        pass
except RuntimeError as e:
    print("caught", repr(e), "context", repr(e.__context__))

# __enter__ raising: __exit__ is not called
class BadEnter:
    def __enter__(self):
        raise OSError("no enter")

    def __exit__(self, *a):
        print("never")

try:
    with BadEnter() as z:
        print("never body")
except OSError as e:
    print("enter failed", e)

# nested and multi-item with
with CM("outer"):
    with CM("inner"):
        print("nested body")

with CM("m1") as p, CM("m2") as q:
    print("multi", p.name, q.name)

try:
    with CM("n1"), CM("n2", suppress=True), CM("n3"):
        raise TypeError("multi raise")
    print("suppressed by n2")
except TypeError:
    print("not reached")

try:
    with CM("o1"), BadEnter(), CM("o3"):
        print("never")
except OSError as e:
    print("second enter failed", e)

# parenthesized items
with (
    CM("p1") as a1,
    CM("p2") as a2,
):
    print("paren", a1.name, a2.name)

# with in loops: break, continue, return
for i in range(4):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
print("loop done", i)

def f(n):
    with CM("func"):
        if n:
            return "returned %d" % n
        print("fell through")
    return "end"

print(f(5))
print(f(0))

def g():
    for i in range(3):
        with CM("g%d" % i, suppress=True):
            if i == 1:
                raise ValueError("suppressed in loop")
            print("g body", i)
    return i

print(g())

def h():
    try:
        with CM("h"):
            return "try-return"
    finally:
        print("finally after with")

print(h())

# as-target can be any assignment target
class Box:
    pass

b = Box()
d = {}
lst = [0, 0]
with CM("t1", value=1) as b.attr, CM("t2", value=2) as d["k"], CM("t3", value=(3, 4)) as (lst[0], lst[1]):
    print("targets", b.attr, d, lst)

# the exit arguments are the live exception
class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        print("inspect", typ is type(val), isinstance(val, ZeroDivisionError), tb.tb_lineno > 0)
        return True

with Inspect():
    1 / 0

# generator-based manager by hand
class Ctx:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        else:
            try:
                self.gen.throw(val)
            except StopIteration:
                return True
            except BaseException as e:
                if e is val:
                    return False
                raise
        return False

def managed(tag):
    print("setup", tag)
    try:
        yield tag.upper()
    except ValueError as e:
        print("gen handled", e)
    finally:
        print("teardown", tag)

with Ctx(managed("x")) as v:
    print("inside", v)
with Ctx(managed("y")) as v:
    raise ValueError("to gen")
print("after gen cm")

# the 3.14 errors for objects that are not context managers
class NoEnter:
    def __exit__(self, *a):
        pass

class NoExit:
    def __enter__(self):
        return self

class AsyncOnly:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        pass

for obj in (NoEnter(), NoExit(), AsyncOnly(), 42, None):
    try:
        with obj:
            print("never")
    except TypeError as e:
        print("TypeError:", e)

# __enter__ looked up on the type, not the instance
class InstanceOnly:
    pass

io = InstanceOnly()
io.__enter__ = lambda: 1
io.__exit__ = lambda *a: None
try:
    with io:
        pass
except TypeError as e:
    print("TypeError:", e)
