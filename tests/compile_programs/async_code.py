import asyncio


class AsyncCM:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class AsyncIter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def helper(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    r = await helper(2)
    async with AsyncCM() as a, AsyncCM() as b:
        r += 1
    async for i in AsyncIter(3):
        r += i
    else:
        r += 100
    lst = [i async for i in AsyncIter(3)]
    aw = [await helper(i) for i in range(2)]
    st = {i async for i in AsyncIter(2) if i}
    dc = {i: i async for i in AsyncIter(2)}
    return r, lst, aw, st, dc


async def agen():
    for i in range(3):
        yield i
        await asyncio.sleep(0)


async def use_agen():
    return [x async for x in agen()]


print(asyncio.run(main()))
