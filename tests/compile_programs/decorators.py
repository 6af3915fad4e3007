import functools


def deco(arg):
    def wrap(f):
        @functools.wraps(f)
        def inner(*args, **kwargs):
            return f(*args, **kwargs) + arg
        return inner
    return wrap


@deco(1)
@deco(2)
def f(x):
    return x


@staticmethod
def g():
    pass


class C:
    @classmethod
    def make(cls):
        return cls()

    @deco(3)
    def m(self, y=4, *, z=5):
        return y + z

    @(lambda fn: fn)
    def n(self):
        return 0


print(f(0), C.make().m())
