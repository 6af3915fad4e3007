# list/tuple/dict subclasses that override __iter__/keys: every consumer must use them
class L(list):
    def __iter__(self):
        print("  L.__iter__")
        return iter(["x", "y"])


class T(tuple):
    def __iter__(self):
        print("  T.__iter__")
        return iter(["p", "q"])


class D(dict):
    def keys(self):
        print("  D.keys")
        return ["k"]

    def __getitem__(self, key):
        print("  D.__getitem__", key)
        return "v"

    def __iter__(self):
        print("  D.__iter__")
        return iter(["i"])


def f(*args, **kwargs):
    return args, kwargs


cases = [
    ("unpack", lambda: (lambda a, b: (a, b))(*L([1, 2]))),
    ("star-assign", lambda: [(a, b) for a, b in [L([1, 2])]]),
    ("list()", lambda: list(L([1]))),
    ("tuple()", lambda: tuple(L([1]))),
    ("tuple(T)", lambda: tuple(T((1,)))),
    ("list(T)", lambda: list(T((1,)))),
    ("set()", lambda: sorted(set(L()))),
    ("frozenset(T)", lambda: sorted(frozenset(T()))),
    ("sorted()", lambda: sorted(T())),
    ("join", lambda: "-".join(L([1]))),
    ("min", lambda: min(T((1, 2)))),
    ("extend", lambda: [0] + [*L([1])]),
    ("list.extend", lambda: (lambda r: (r.extend(T()), r)[1])([0])),
    ("iadd", lambda: (lambda r: (r.__iadd__(L()), r)[1])([0])),
    ("enumerate", lambda: list(enumerate(T()))),
    ("zip", lambda: list(zip(L(), T()))),
    ("call *", lambda: f(*L([5]), *T((6,)))),
    ("for", lambda: [x for x in L([1, 2, 3])]),
    ("dict(D)", lambda: dict(D(a=1))),
    ("{**D}", lambda: {**D(a=1)}),
    ("f(**D)", lambda: f(**D(a=1))),
    ("dict.update", lambda: (lambda r: (r.update(D(a=1)), r)[1])({})),
    ("list(D)", lambda: list(D(a=1))),
    ("dict.fromkeys", lambda: dict.fromkeys(L())),
    ("in", lambda: "x" in L()),
    ("a, *b", lambda: (lambda s: s)([*T((1, 2, 3))])),
]
for name, fn in cases:
    print(name)
    print("  ->", fn())

a, *b = L([1, 2, 3])
print("a, *b =", a, b)
a, b = T((1, 2))
print("a, b =", a, b)
try:
    a, b = L([1, 2, 3])
except ValueError as e:
    print("ValueError:", e)


class L3(list):
    def __iter__(self):
        return iter([1, 2, 3])


try:
    a, b = L3([1, 2])
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = L3([1, 2, 3, 4])
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
