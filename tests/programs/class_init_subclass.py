# __init_subclass__: the base's hook runs for every new subclass.


class Plugin:
    registry = []

    def __init_subclass__(cls, /, kind=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Plugin.registry.append(cls.__name__)


class A(Plugin, kind="a"):
    pass


class B(Plugin):
    pass


class C(A, kind="c"):
    pass


print(Plugin.registry, A.kind, B.kind, C.kind)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

try:
    class D(Plugin, kind="d", extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class E(object, x=1):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    object.__init_subclass__(1)
except TypeError as e:
    print("TypeError:", e)

try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print("TypeError:", e)
print(object.__init_subclass__())


# the hook is implicitly a classmethod and is not called for the class itself
class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, cls.__mro__[1].__name__)


class Child(Base):
    pass


class GrandChild(Child):
    pass


# an explicit classmethod works the same way
class Base2:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("explicit", cls.__name__, sorted(kw.items()))


class Child2(Base2, x=1, y=2):
    pass


# through type() with keywords
T = type("T", (Base2,), {}, z=3)
print(T.__name__)


# keywords reach a metaclass too
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw))
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, sorted(kw))
        super().__init__(name, bases, ns)


class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, flag=False, **kw):
        print("WithMeta.__init_subclass__", cls.__name__, flag)


class Sub(WithMeta, flag=True):
    pass


# errors raised by the hook propagate
class Strict:
    def __init_subclass__(cls, **kw):
        if not cls.__name__.startswith("Strict"):
            raise TypeError(f"bad name {cls.__name__}")


class StrictOK(Strict):
    pass


try:
    class Loose(Strict):
        pass
except TypeError as e:
    print("TypeError:", e)


# __init_subclass__ sees __set_name__ already done
class Named:
    def __set_name__(self, owner, name):
        print("set_name before init_subclass:", name)


class Hooked:
    def __init_subclass__(cls):
        print("init_subclass after set_name:", cls.__name__)


class Both(Hooked):
    n = Named()


# super().__init_subclass__ chains through the MRO
class L1:
    def __init_subclass__(cls, **kw):
        print("L1", cls.__name__)
        super().__init_subclass__(**kw)


class L2(L1):
    def __init_subclass__(cls, **kw):
        print("L2", cls.__name__)
        super().__init_subclass__(**kw)


class L3(L2):
    pass
