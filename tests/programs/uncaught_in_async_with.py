# an uncaught exception raised by __aexit__ of an async with, driven by hand
async def use():
    async with Resource() as r:
        print("using", r.name)


class Resource:
    name = "res"

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise ValueError("release failed")


c = use()
c.send(None)
