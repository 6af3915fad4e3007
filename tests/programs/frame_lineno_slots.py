# sys._getframe(1).f_lineno from more slots called implicitly (hash, descriptors, metaclass, ...)
import sys


def where(tag):
    f = sys._getframe(2)
    print(tag, "line", f.f_lineno, f.f_code.co_name)


class K:
    def __hash__(self):
        where("__hash__")
        return 1

    def __eq__(self, o):
        where("__eq__")
        return self is o

    def __lt__(self, o):
        where("__lt__")
        return False

    def __index__(self):
        where("__index__")
        return 0

    def __iter__(self):
        where("__iter__")
        return iter([1, 2])

    def __delitem__(self, k):
        where("__delitem__")

    def __neg__(self):
        where("__neg__")
        return 1

    def __iadd__(self, o):
        where("__iadd__")
        return self

    def __radd__(self, o):
        where("__radd__")
        return 1

    def __getattribute__(self, name):
        if name == "zzz":
            where("__getattribute__")
        return object.__getattribute__(self, name)

    def __set_name__(self, owner, name):
        where("__set_name__")

    def __get__(self, inst, owner):
        where("__get__")
        return 1

    def __set__(self, inst, v):
        where("__set__")

    def __str__(self):
        where("__str__")
        return "K"

    def __float__(self):
        where("__float__")
        return 1.0


class Meta(type):
    def __call__(cls, *a):
        where("meta __call__")
        return super().__call__(*a)

    def __instancecheck__(cls, o):
        where("__instancecheck__")
        return False


class Base:
    def __init_subclass__(cls):
        where("__init_subclass__")

    def __class_getitem__(cls, item):
        where("__class_getitem__")
        return cls


class M(dict):
    def __missing__(self, k):
        where("__missing__")
        return 0


def main():
    k = K()
    d = {k: 1}
    _ = d[k]
    _ = sorted([k, K()])
    _ = [1, 2][k]
    a, b = k
    del k[0]
    _ = -k
    k += 1
    _ = 1 + k
    try:
        k.zzz
    except AttributeError:
        pass

    class Owner(Base, metaclass=Meta):
        desc = K()
    o = Owner()
    _ = o.desc
    o.desc = 5
    _ = isinstance(1, Owner)
    _ = Base[int]
    _ = M()["x"]
    _ = str(k)
    print(k)
    _ = float(k)
    _ = "%s" % k
    _ = max(k, K())
    x = [i for i in k]
    _ = {k, K()}
    _ = k in [K()]
    _ = [1] * k


main()
