# sys._getframe(1).f_lineno in __enter__/__exit__ (return, raise, break), __del__ at frame exit and generator release, async with
import sys


def where(tag):
    f = sys._getframe(2)
    print(tag, "line", f.f_lineno, f.f_code.co_name)


class CM:
    def __enter__(self):
        where("enter")

    def __exit__(self, *a):
        where("exit")
        return True


class Del:
    def __del__(self):
        where("del")


def body_return():
    with CM():
        x = 1
        return x


def body_raise():
    with CM():
        x = 1
        raise ValueError


def body_break():
    for i in range(2):
        with CM():
            if i == 0:
                continue
            break


def local_del():
    d = Del()
    x = 1
    return x


def gen():
    d = Del()
    yield 1
    yield 2


def use_gen():
    g = gen()
    next(g)
    g = None
    print("after")


async def co():
    async with ACM():
        pass


class ACM:
    async def __aenter__(self):
        where("aenter")

    async def __aexit__(self, *a):
        where("aexit")


body_return()
body_raise()
body_break()
local_del()
use_gen()
try:
    co().send(None)
except StopIteration:
    pass
