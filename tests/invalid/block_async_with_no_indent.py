async def g():
    async with a:
    pass
