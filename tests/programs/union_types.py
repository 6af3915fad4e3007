# typing.Union: X | Y of classes (PEP 604), Objects/unionobject.c.
import _typing


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


u = int | str
print(u, type(u), type(u).__name__, type(u).__module__, type(u).__qualname__)
print(int | None, None | int, list[int] | None, int | str | None | bytes)
print(u.__args__, u.__name__, u.__qualname__, u.__origin__, u.__module__, u.__parameters__)
print((None | int).__args__, type(None) | int)

# flattening and dedup
print(int | int, (int | str) | (str | float), int | (str | int), int | None | None)
print((int | str | int).__args__, (list[int] | list[int] | list[str]).__args__)
print(int | int is int, type(int | int))

# order-independent equality, hashing
print((int | str) == (str | int), (int | str) != (str | int), (int | str) == (int | float))
print((int | str) == int, (int | str) == (int, str), hash(int | str) == hash(str | int))
print(len({int | str, str | int, int | None}))

# isinstance / issubclass
print(isinstance(1, int | str), isinstance("a", int | str), isinstance(1.5, int | str))
print(isinstance(None, int | None), isinstance(True, str | int), isinstance([], (str, int | list)))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(int, str | (int | None)))
show("isinstance alias member:", lambda: isinstance([], int | list[int]))
show("issubclass arg1:", lambda: issubclass(1, int | str))


class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "special"


class Special(metaclass=Meta):
    pass


print(isinstance("special", int | Special), isinstance("other", int | Special))

# | with things that are not types
show("int | 3:", lambda: int | 3)
show("3 | int:", lambda: 3 | int)
show("int | 'str':", lambda: int | "str")
show("list[int] | 1:", lambda: list[int] | 1)


class Custom:
    def __ror__(self, other):
        return "ror " + repr(other)

    def __or__(self, other):
        return "or " + repr(other)


print(int | Custom(), Custom() | int, Custom() | (int | str))

# user classes and metaclass __or__
class A:
    pass


class B(A):
    pass


print(A | B, (A | B).__args__ == (A, B), isinstance(B(), A | int))


class OrMeta(type):
    def __or__(cls, other):
        return "meta or"


class WithMeta(metaclass=OrMeta):
    pass


print(WithMeta | int, int | WithMeta)

# subscripting: __class_getitem__ of the Union type, substitution
Union = type(int | str)
print(Union[int, str], Union[int], Union[int, int, None], Union[(int,)])
show("Union[()]:", lambda: Union[()])
show("subclass:", lambda: type("X", (int | str,), {}))


class Param:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return "~" + self.__name__

    def __typing_subst__(self, arg):
        return arg


T = Param("T")
v = list[T] | None
print(v, v.__parameters__, v[int], v[str] == (list[str] | None))
w = dict[str, T] | list[T]
print(w.__parameters__, w[int])
show("not generic:", lambda: (int | str)[int])
show("too many:", lambda: v[int, str])

# unhashable members
ul = list[[int]] | list[[str]]
print(ul, ul.__args__)
show("hash unhashable:", lambda: hash(ul))
print(ul == (list[[str]] | list[[int]]), ul == (list[[str]] | int))

# _typing's TypeVar takes part in | through typing.py (Union[arg, ...] checks),
# but its own __or__ is used first
TV = _typing.TypeVar("TV")
print(TV.__or__ is not None, isinstance(int | str, Union))

# the generic alias | union mix
print(list[int] | dict[str, int], (list[int] | None).__args__)
print(type[int] | None, tuple[int, ...] | tuple[()])

# repr of nested unions in generic aliases
print(list[int | None], dict[str, int | list[str]], tuple[int | str, ...])
print(repr(int | None), str(int | None))
print(Union.__doc__)

# _typing exports the type
print(_typing.Union is Union, _typing.Union[int, None], _typing.Union.__name__)

# the slot wrappers
print(type.__or__(int, str), type.__ror__(int, str), "__or__" in type.__dict__)
print(type(list[int]).__or__(list[int], None), Union.__ror__(int | str, bytes))
