type Alias = int
print(Alias, type(Alias).__name__, Alias.__name__, Alias.__value__)
print(Alias.__type_params__, Alias.__parameters__, Alias.__module__)

type Pair[K, V = str] = dict
print(Alias.__value__ is int, Pair.__value__, Pair.__type_params__)
k, v = Pair.__type_params__
print(k, v, v.__default__, k.has_default(), v.has_default())


type Lazy = undefined_name
print(Lazy.__name__)
try:
    Lazy.__value__
except NameError as e:
    print("NameError:", e)
undefined_name = 42
print(Lazy.__value__)


def outer():
    type Inner[T] = tuple
    return Inner

I = outer()
print(I, I.__value__, I.__type_params__)
try:
    Alias[int]
except TypeError as e:
    print("TypeError:", e)
