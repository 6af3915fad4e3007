# aiter() and anext(), coroutines driven by hand with send(None) (no asyncio).


def run(coro):
    """Drive a coroutine to completion; return its value."""
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Suspend:
    """An awaitable that suspends once, as an event loop's future would."""
    def __await__(self):
        yield "suspended"


async def agen():
    yield 1
    await Suspend()
    yield 2


class Counter:
    """An async iterator written as a class with async __anext__."""
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend()
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        return self.i * 10


class PlainAnext:
    """__anext__ returning an awaitable object rather than a coroutine."""
    def __aiter__(self):
        return self

    def __anext__(self):
        return Suspend()


class Iterable:
    def __aiter__(self):
        return Counter(2)


async def collect():
    out = []
    g = agen()
    print("aiter(agen) is agen:", aiter(g) is g)
    out.append(await anext(g))
    out.append(await anext(g, "default"))
    out.append(await anext(g, "default"))
    try:
        await anext(g)
    except StopAsyncIteration:
        out.append("StopAsyncIteration")
    c = aiter(Iterable())
    print("aiter(Iterable):", type(c).__name__)
    out.append(await anext(c))
    out.append(await anext(c, None))
    out.append(await anext(c, "done"))
    out.append(await anext(c, "done again"))
    # (with a default, CPython calls __await__ again at every step, so an
    # awaitable that is not a coroutine would start over each time)
    out.append(await anext(PlainAnext()))
    async for v in Counter(3):
        out.append(v)
    return out


print("collected:", run(collect()))

# errors
def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", f"{type(e).__name__}: {e}")
    else:
        print(label, "=", type(r).__name__)
        if hasattr(r, "close"):
            r.close()  # never awaited: close it (no RuntimeWarning)


class BadAiter:
    def __aiter__(self):
        return 1


show("aiter(1)", lambda: aiter(1))
show("aiter([])", lambda: aiter([]))
show("aiter(BadAiter())", lambda: aiter(BadAiter()))
show("aiter()", lambda: aiter())
show("anext(1)", lambda: anext(1))
show("anext(1, 2)", lambda: anext(1, 2))
show("anext(iter([]))", lambda: anext(iter([])))
show("anext()", lambda: anext())
show("anext(3 args)", lambda: anext(agen(), 1, 2))
show("anext(agen())", lambda: anext(agen()))
show("anext(agen(), 0)", lambda: anext(agen(), 0))

# the anext_awaitable object by hand
aw = anext(agen(), "x")
print("type:", type(aw).__name__)
print("__await__ is self:", aw.__await__() is aw, "iter is self:", iter(aw) is aw)
try:
    aw.send(None)
except StopIteration as e:
    print("first value via StopIteration:", e.value)

g = agen()
run(g.__anext__())
aw = anext(g, "x")
print("send suspends with:", aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("second value:", e.value)
aw = anext(g, "exhausted")
try:
    next(aw)
except StopIteration as e:
    print("default via __next__:", e.value)

aw = anext(Counter(1), "d")
print("counter suspends with:", next(aw))
try:
    aw.send(None)
except StopIteration as e:
    print("counter value:", e.value)

aw = anext(Counter(0), "empty")
next(aw)
try:
    aw.send(None)
except StopIteration as e:
    print("empty counter default:", e.value)

aw = anext(agen(), "x")
try:
    aw.throw(ValueError("boom"))
except ValueError as e:
    print("throw propagates:", e)

aw = anext(Counter(1), "x")
next(aw)
try:
    aw.throw(StopAsyncIteration)
except StopIteration as e:
    print("thrown StopAsyncIteration becomes default:", e.value)

aw = anext(Counter(1), "x")
print("close:", aw.close())


async def uses_default_for_loop():
    c = Counter(2)
    vals = []
    while (v := await anext(c, None)) is not None:
        vals.append(v)
    return vals


print("walrus loop:", run(uses_default_for_loop()))
