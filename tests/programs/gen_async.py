# Asynchronous generators driven by hand: __anext__, asend, athrow, aclose
class Step:
    def __await__(self):
        got = yield "step"
        return got


def run(awaitable, sends=()):
    """Drive an awaitable to completion; print what it yields; return its value."""
    sends = list(sends)
    value = None
    while True:
        try:
            out = awaitable.send(value)
        except StopIteration as e:
            return e.value
        print("  awaitable yielded", out)
        value = sends.pop(0) if sends else None


async def agen():
    print("agen start")
    x = yield 1
    print("agen got", x)
    w = await Step()
    print("agen await got", w)
    y = yield 2
    print("agen got", y)


a = agen()
print(type(a).__name__, a.__name__, a.__qualname__)
print(a.ag_running, a.ag_suspended, a.ag_await, a.ag_code.co_name, a.ag_frame is not None)
print(a.__aiter__() is a)
nx = a.__anext__()
print(type(nx).__name__)
print("first:", run(nx))
print(a.ag_suspended)
print("second:", run(a.asend("sent"), ["awaited"]))
try:
    run(a.__anext__())
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
print(a.ag_frame, a.ag_suspended)
try:
    run(a.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration again")

# An awaitable is used once
b = agen()
nx = b.__anext__()
run(nx)
try:
    nx.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
# can't send a value first
c = agen()
try:
    c.asend("x").send(None)
except TypeError as e:
    print("TypeError", e)
try:
    c.asend(None).send("not none")
except TypeError as e:
    print("TypeError", e)


# athrow: the generator handles the exception and yields again
async def handler():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handler caught", e)
            yield "handled"
        except KeyError:
            return


h = handler()
print(run(h.__anext__()))
print(run(h.athrow(ValueError("v1"))))
print(run(h.__anext__()))
try:
    run(h.athrow(KeyError("k")))
except StopAsyncIteration:
    print("StopAsyncIteration after return")
try:
    run(h.athrow(ValueError("late")))
except Exception as e:
    print(type(e).__name__, e)
try:
    h.athrow().send(None)
except StopIteration as e:
    print("StopIteration from a finished generator", e.args)
h2 = handler()
run(h2.__anext__())
try:
    h2.athrow().send(None)
except TypeError as e:
    print("TypeError", e)
# (the failed athrow() left the generator marked as running)
try:
    h2.athrow(ValueError("again")).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    h2.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    h2.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError", e)


# aclose
async def closable():
    try:
        yield 1
        yield 2
    finally:
        print("closable finally")


cl = closable()
print(run(cl.__anext__()))
print("aclose ->", run(cl.aclose()))
print(cl.ag_frame)
print("aclose again ->", run(cl.aclose()))
try:
    run(cl.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration after aclose")


async def awaits_in_finally():
    try:
        yield 1
    finally:
        print("cleanup awaiting")
        r = await Step()
        print("cleanup got", r)


af = awaits_in_finally()
run(af.__anext__())
print("aclose ->", run(af.aclose(), ["resumed"]))


async def yields_in_finally():
    try:
        yield 1
    finally:
        yield 2


yf = yields_in_finally()
run(yf.__anext__())
try:
    run(yf.aclose())
except RuntimeError as e:
    print("RuntimeError", e)
try:
    run(yf.aclose())
except StopAsyncIteration as e:
    print("StopAsyncIteration: already closed", yf.ag_suspended)


# aclose on a never-started generator
ns = closable()
print("never started aclose ->", run(ns.aclose()))


# Exceptions inside, and StopAsyncIteration -> RuntimeError (PEP 479)
async def raises():
    yield 1
    raise ValueError("inside agen")


r = raises()
run(r.__anext__())
try:
    run(r.__anext__())
except ValueError as e:
    print("ValueError", e)


async def leaks():
    yield 1
    raise StopAsyncIteration


lk = leaks()
run(lk.__anext__())
try:
    run(lk.__anext__())
except RuntimeError as e:
    print("RuntimeError", e)


# Collect all values by hand, as `async for` would
async def numbers(n):
    for i in range(n):
        await Step()
        yield i * i


async def consume():
    out = []
    async for v in numbers(4):
        out.append(v)
    return out


print("consume ->", run(consume()))


async def comp():
    return [v async for v in numbers(3)]


print("comp ->", run(comp()))
nb = numbers(1)
aw1 = nb.asend(None)
aw2 = nb.aclose()
print(type(aw1).__name__, type(aw2).__name__, type(aw1.__await__()).__name__)
print(aw1.close(), aw2.close(), nb.ag_frame)
