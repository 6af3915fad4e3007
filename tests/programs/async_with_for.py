# async with / async for / await driven by hand (no asyncio)


def run(coro):
    """A tiny run loop: send None until the coroutine finishes."""
    steps = 0
    try:
        while True:
            yielded = coro.send(None)
            steps += 1
            if yielded is not None:
                print("  loop got", yielded)
    except StopIteration as e:
        return e.value, steps


class Sleep:
    """A custom awaitable: yields once to the run loop."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        print("  sleep", self.tag)
        got = yield "tick " + self.tag
        return "woke " + self.tag


class AsyncCM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("aenter", self.name)
        await Sleep("enter " + self.name)
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        print("aexit", self.name, typ.__name__ if typ else None, val)
        await Sleep("exit " + self.name)
        return self.suppress


async def use_cm():
    async with AsyncCM("a") as v:
        print("body", v)
    async with AsyncCM("b", suppress=True) as v, AsyncCM("c") as w:
        print("body", v, w)
        raise ValueError("suppressed by b")
    try:
        async with AsyncCM("d"):
            raise KeyError("not suppressed")
    except KeyError as e:
        print("caught", repr(e))
    return "cm done"


print(run(use_cm()))


async def agen(n):
    for i in range(n):
        await Sleep("gen %d" % i)
        yield i * 10
    print("agen exhausted")


class ATicker:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        print("aiter called")
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return "tick%d" % self.i


class AwaitableNext:
    """__anext__ returns a plain awaitable (not a coroutine)."""

    def __init__(self):
        self.left = 2

    def __aiter__(self):
        return self

    def __anext__(self):
        self.left -= 1
        if self.left < 0:
            raise StopAsyncIteration
        return Sleep("anext %d" % self.left)


async def use_for():
    total = 0
    async for x in agen(3):
        print("agen item", x)
        total += x
    async for t in ATicker(2):
        print("ticker item", t)
    else:
        print("ticker else")
    async for t in ATicker(5):
        if t == "tick2":
            continue
        if t == "tick4":
            break
        print("ticker item", t)
    else:
        print("never")
    async for s in AwaitableNext():
        print("awaitable next gave", s)
    comp = [x async for x in agen(2)]
    print("comprehension", comp)
    return total


print(run(use_for()))


async def agen_protocol():
    g = agen(2)
    print(type(g).__name__, g.__name__, g.ag_running)
    first = await g.__anext__()
    print("first", first)
    second = await g.asend(None)
    print("second", second)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    g2 = agen(5)
    await g2.__anext__()
    await g2.aclose()
    print("closed", g2.ag_frame)
    return "protocol done"


print(run(agen_protocol()))


async def agen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
        await Sleep("in finally")


async def early_break():
    g = agen_with_finally()
    async for v in g:
        print("got", v)
        break
    await g.aclose()
    return "aclose ran finally"


print(run(early_break()))


# await on a custom awaitable; nested coroutines; return values
async def inner(x):
    r = await Sleep("inner %d" % x)
    return r + "!"


async def outer():
    a = await inner(1)
    b = await inner(2)
    return [a, b]


print(run(outer()))


# the 3.14 errors
class NotAwaitable:
    pass


class AwaitReturnsNonIter:
    def __await__(self):
        return 42


class AwaitReturnsCoro:
    made = []

    def __await__(self):
        c = inner(0)
        self.made.append(c)
        return c


class SyncIter:
    def __iter__(self):
        return iter([1])


class AiterNoAnext:
    def __aiter__(self):
        return 1


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


class SyncCM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


class AexitOnly:
    async def __aexit__(self, *a):
        pass


async def await_int():
    await 5


async def await_obj():
    await NotAwaitable()


async def await_bad_iter():
    await AwaitReturnsNonIter()


async def await_coro_from_await():
    await AwaitReturnsCoro()


async def for_list():
    async for x in [1, 2]:
        pass


async def for_sync_iter():
    async for x in SyncIter():
        pass


async def for_bad_aiter():
    async for x in AiterNoAnext():
        pass


async def for_bad_anext():
    async for x in AnextNotAwaitable():
        pass


async def with_sync_cm():
    async with SyncCM():
        pass


async def with_aexit_only():
    async with AexitOnly():
        pass


async def with_int():
    async with 3:
        pass


def sync_with_on_async():
    with AsyncCM("x"):
        pass


for fn in (await_int, await_obj, await_bad_iter, await_coro_from_await, for_list,
           for_sync_iter, for_bad_aiter, for_bad_anext, with_sync_cm, with_aexit_only,
           with_int):
    try:
        print(fn.__name__, run(fn()))
    except TypeError as e:
        print(fn.__name__, "TypeError:", e)
for c in AwaitReturnsCoro.made:
    c.close()  # never awaited: closing it keeps the RuntimeWarning away
try:
    sync_with_on_async()
except TypeError as e:
    print("sync_with_on_async TypeError:", e)


# a coroutine awaited twice, and being awaited already
async def simple():
    return 1


async def await_twice():
    c = simple()
    print("first await", await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "twice done"


print(run(await_twice()))


class Shared:
    def __init__(self):
        self.coro = None


shared = Shared()


async def waiter():
    await Sleep("waiter")
    return "waited"


async def first_awaiter():
    return await shared.coro


async def second_awaiter():
    return await shared.coro


shared.coro = waiter()
c1 = first_awaiter()
print("c1 yields", c1.send(None))
c2 = second_awaiter()
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c1.send(None)
except StopIteration as e:
    print("c1 finished", e.value)

# a coroutine is not iterable and cannot be awaited from a generator with yield from
c3 = simple()
try:
    iter(c3)
except TypeError as e:
    print("TypeError:", e)


def gen_yield_from_coro():
    yield from c3


try:
    next(gen_yield_from_coro())
except TypeError as e:
    print("TypeError:", e)
c3.close()

# close and throw on a suspended coroutine
async def guarded():
    try:
        await Sleep("guarded")
    except ValueError as e:
        print("coroutine caught", e)
        return "handled"
    finally:
        print("coroutine finally")


g = guarded()
g.send(None)
try:
    g.throw(ValueError("thrown in"))
except StopIteration as e:
    print("throw result", e.value)
g = guarded()
g.send(None)
g.close()
print("closed", g.cr_frame)
