async def g():
    await x = 1
