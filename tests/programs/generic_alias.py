# types.GenericAlias (PEP 585): list[int] and friends, Objects/genericaliasobject.c.
import _typing
import _weakref


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


# reprs
print(list[int], dict[str, list[int]], tuple[()], tuple[int, ...])
print(set[frozenset[int]], list[None], list[...], type[int], list["x"])
print(list[list[list[int]]], dict[int, tuple[int, str]])
print(repr(list[[int, str]]), list[[]])

# attributes
a = dict[str, list[int]]
print(type(a), type(a).__name__, type(a).__module__, type(a).__qualname__)
print(a.__origin__, a.__args__, a.__parameters__, a.__unpacked__)
print(list[int].__args__, tuple[()].__args__, list[int, str].__args__)
print(a.__typing_unpacked_tuple_args__, a.__class__)
print(list[int].append is list.append, list[int].__name__, list[int].__qualname__)
print(list[int].__mro_entries__(()), list[int].__reduce__())
show("bases:", lambda: list[int].__bases__)
show("copy:", lambda: list[int].__copy__)
show("missing:", lambda: list[int].nope)

# equality and hashing
print(list[int] == list[int], list[int] != list[int], list[int] == list[str])
print(list[int] == list, list[int] == set[int], dict[str, int] == dict[str, int])
print(hash(list[int]) == hash(list[int]), len({list[int], list[int], list[str]}))
print((*tuple[int],) == (*tuple[int],), next(iter(tuple[int])) == tuple[int])

# calling: creates the origin, records __orig_class__ where it can
x = list[int]((1, 2))
print(x, type(x))
print(dict[str, int](a=1), tuple[int, ...]([1, 2]))


class Box:
    def __init__(self, v=0):
        self.v = v


class Slotted:
    __slots__ = ("v",)


b = type(list[int])(Box, int)(5)
print(b.v, b.__orig_class__, b.__orig_class__.__origin__ is Box)
s = type(list[int])(Slotted, int)()
print(type(s).__name__, hasattr(s, "__orig_class__"))

# type(list[int]) is callable: GenericAlias(origin, args)
GA = type(list[int])
print(GA(list, int), GA(dict, (str, int)), GA(tuple, ()), GA(list, int) == list[int])
show("ga0:", lambda: GA(list))
show("ga3:", lambda: GA(list, int, str))
show("gakw:", lambda: GA(list, int, x=1))

# isinstance / issubclass refuse parameterized generics
show("isinstance:", lambda: isinstance([], list[int]))
show("issubclass:", lambda: issubclass(list, list[int]))
show("isinstance tuple:", lambda: isinstance([], (int, list[int])))


# subclassing through __mro_entries__
class MyList(list[int]):
    pass


print(MyList.__bases__, MyList.__orig_bases__, MyList([1]))

# unpacking: *tuple[int]
star = [*tuple[int, str]]
print(star, star[0].__unpacked__, star[0].__typing_unpacked_tuple_args__)
print([*list[int]][0].__typing_unpacked_tuple_args__)
print(tuple[*tuple[int, str]], tuple[int, *tuple[str, ...]])
it = iter(list[int])
print(type(it).__name__, next(it), list(it))
print(star[0] == tuple[int, str], star[0].__reduce__()[0] is next)
print(it.__reduce__()[0] is iter, it.__reduce__()[1])


# substitution with a program's own type parameters (typing.TypeVar's
# __typing_subst__ lives in Lib/typing.py)
class Param:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return "~" + self.__name__

    def __typing_subst__(self, arg):
        return arg


T = Param("T")
S = Param("S")
g = dict[str, T]
print(g, g.__parameters__, g[int], g[list[int]])
h = dict[T, list[S]]
print(h.__parameters__, h[str, int], h[str, int].__parameters__)
print(list[T][T], list[T][S].__parameters__, list[[T, S]][int, str])
print(tuple[T, T][int], tuple[T, ...][str], list[list[T] | None])
show("too many:", lambda: list[T][int, str])
show("too few:", lambda: dict[T, S][int])
show("not generic:", lambda: list[int][str])
print(list[T].__parameters__, list[list[T]].__parameters__, dict[T, T].__parameters__)

# _typing's parameters are found too
TV = _typing.TypeVar("TV")
PS = _typing.ParamSpec("PS")
print(list[TV], list[TV].__parameters__, dict[TV, PS].__parameters__)

# dir() adds the alias's own attributes to the origin's
# (through the method: pyvm's dir() builtin does not call __dir__ yet)
d = type(list[int]).__dir__(list[int])
print([n for n in ("__origin__", "__args__", "__unpacked__", "append", "__mro_entries__")
       if n in d])

# __class_getitem__ of the builtins
for t in (list, dict, tuple, set, frozenset, enumerate, memoryview, classmethod,
          staticmethod, BaseExceptionGroup, ExceptionGroup, type(type.__dict__)):
    print(t[int], t.__class_getitem__(str) == t[str])


def gen():
    yield


async def agen():
    yield


async def coro():
    pass


c = coro()
print(type(gen())[int, None, None], type(agen())[int, None], type(c)[int, int, int])
c.close()
print(_weakref.ref[int], _weakref.ReferenceType[str] == _weakref.ref[str])
show("str[int]:", lambda: str[int])
show("int[int]:", lambda: int[int])
print(type[int], type[int] == type[int], type[int].__origin__)

# a type alias subscripted
X = _typing.TypeVar("X")
Alias = _typing.TypeAliasType("Alias", list[X], type_params=(X,))
print(Alias[int], type(Alias[int]).__name__, Alias[int].__origin__ is Alias, Alias[int].__args__)
Plain = _typing.TypeAliasType("Plain", int)
show("plain alias:", lambda: Plain[int])
print(Alias | None, Plain | int, int | Plain, (Alias | None).__args__[0] is Alias)
