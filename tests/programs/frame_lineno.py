# sys._getframe(1).f_lineno from inside special methods called implicitly
import sys


def where(tag):
    f = sys._getframe(2)
    print(tag, "called from line", f.f_lineno, "in", f.f_code.co_name)


class V:
    def __init__(self, x):
        where("__init__")
        self.x = x

    def __add__(self, other):
        where("__add__")
        return V(self.x + other.x)

    def __getitem__(self, i):
        where("__getitem__")
        return i

    def __eq__(self, other):
        where("__eq__")
        return True

    __hash__ = None

    def __iter__(self):
        where("__iter__")
        return self

    def __next__(self):
        where("__next__")
        self.x -= 1
        if self.x < 0:
            raise StopIteration
        return self.x

    @property
    def prop(self):
        where("prop")
        return 5

    def __len__(self):
        where("__len__")
        return 1

    def __bool__(self):
        where("__bool__")
        return False

    def __call__(self):
        where("__call__")

    def __setitem__(self, k, v):
        where("__setitem__")

    def __contains__(self, k):
        where("__contains__")
        return False

    def __getattr__(self, name):
        where("__getattr__")
        return name

    def __enter__(self):
        where("__enter__")
        return self

    def __exit__(self, *a):
        where("__exit__")

    def __format__(self, spec):
        where("__format__")
        return "fmt"

    def __repr__(self):
        where("__repr__")
        return "V()"


class D:
    def __del__(self):
        where("__del__")


def deco(fn):
    where("decorator")
    return fn


def main():
    a = V(
        1)
    b = V(2)
    c = (a
         +
         b)
    _ = a[
        3]
    _ = a == b
    for _ in V(2):
        pass
    _ = a.prop
    _ = len(a)
    if a:
        pass
    a()
    a[0] = 1
    _ = 1 in a
    _ = a.missing
    with a:
        pass
    _ = f"{a}"
    _ = repr(a)
    d = D()
    d = None
    x = [D()]
    del x

    @deco
    def decorated():
        pass

    print("main done at", sys._getframe().f_lineno)


main()


def gen():
    f = sys._getframe(1)
    print("gen first resumed from line", f.f_lineno, "in", f.f_code.co_name)
    yield 1
    f = sys._getframe(1)
    print("gen resumed from line", f.f_lineno, "in", f.f_code.co_name)
    yield 2


def drive():
    g = gen()
    next(g)
    for v in g:
        pass
    return v


print(drive())


def outer_caller():
    return sys._getframe(1).f_lineno


print("module level line", outer_caller())
x = [outer_caller() for _ in range(1)]
print("comprehension", x)
print("lambda", (lambda: sys._getframe().f_code.co_name)())
print("nested frames", sys._getframe().f_code.co_name, sys._getframe(0).f_lineno)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)


# f_lineno of a suspended generator, and f_back
def counter():
    yield 1
    yield 2


g = counter()
print("before start", g.gi_frame.f_lineno)
next(g)
print("suspended at", g.gi_frame.f_lineno)
next(g)
print("suspended at", g.gi_frame.f_lineno)


def chain():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        if f.f_code.co_name == "<module>":
            break  # above it: whatever runs the program
        f = f.f_back
    return names


def chain_outer():
    return chain()


print(chain_outer())
