# async generator protocol by hand: asend/athrow/aclose, already running, ignored GeneratorExit
class Step:
    def __await__(self):
        return (yield "step")


def run(coro):
    out = []
    try:
        while True:
            out.append(coro.send(None))
    except StopIteration as e:
        return e.value, out


async def ag():
    try:
        yield 1
        await Step()
        yield 2
    except ValueError as e:
        print("ag caught", e)
        yield "recovered"
    finally:
        print("ag finally")


async def main():
    g = ag()
    print(await g.asend(None))
    print(await g.athrow(ValueError("v")))
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("athrow propagated", repr(e))
    print("frame after", g.ag_frame)
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print("stop after finish")
    # already running
    g2 = ag()
    a = g2.__anext__()
    try:
        a.send(None)
    except StopIteration as e:
        print("first item arrives as StopIteration", e.value)
    n1 = g2.__anext__()
    print("n1 yields", n1.send(None))
    n2 = g2.__anext__()
    try:
        n2.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    n1.close()
    n2.close()
    await g2.aclose()
    # ignoring GeneratorExit
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # StopAsyncIteration raised inside an async generator
    async def bad():
        raise StopAsyncIteration
        yield
    try:
        await bad().__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)
    # StopIteration inside a coroutine
    async def stopit():
        raise StopIteration("x")
    try:
        await stopit()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # awaiting a generator-based iterator from __await__
    class It:
        def __await__(self):
            return iter([None, None])
    print("iter await", await It())
    # return value of async generator
    return "main done"


print(run(main()))
c = main()
print(c.cr_running, c.cr_frame.f_code.co_name)
c.close()
print(repr(c.close()), c.cr_frame)
