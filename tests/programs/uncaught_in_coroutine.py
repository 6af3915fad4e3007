# an uncaught exception raised inside a coroutine driven by hand and an async generator
class Step:
    def __await__(self):
        yield "step"


async def produce():
    yield 1
    await Step()
    raise LookupError("produce failed")


async def consume():
    async for v in produce():
        print("consumed", v)


c = consume()
while True:
    print("loop", c.send(None))
