# Freeing long chains of containers: the trashcan keeps the nesting of
# deallocations bounded whatever the depth (Objects/object.c:_Py_Dealloc).
# The output does not depend on the depth: tests/test_trashcan.py runs this
# program with a depth argument (10**5, 10**6) and compares it with the
# oracle's output for the default depth, which the oracle (a wasm build with
# a small stack) can free.
import sys
import _weakref

DEPTH = int(sys.argv[1]) if len(sys.argv) > 1 else 1000

freed = []


class Bottom:
    """The innermost element of every chain: it dies only after the whole
    chain above it has been freed."""

    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)


class Slot:
    __slots__ = ("next", "__weakref__")

    def __init__(self, n):
        self.next = n


class Node:
    def __init__(self, n):
        self.next = n


def lists(n, x):
    for i in range(n):
        x = [x]
    return x


def tuples(n, x):
    for i in range(n):
        x = (x,)
    return x


def dicts(n, x):
    for i in range(n):
        x = {"k": x}
    return x


def frozensets(n, x):
    x = frozenset([x])
    for i in range(n):
        x = frozenset([x, i])
    return x


def sets_of_frozensets(n, x):
    x = frozenset([x])
    for i in range(n):
        x = frozenset({x} if i % 2 else [x])
    return {x}


def slot_nodes(n, x):
    for i in range(n):
        x = Slot(x)
    return x


def dict_nodes(n, x):
    for i in range(n):
        x = Node(x)
    return x


def defaults(n, x):
    for i in range(n):
        def f(x=x):
            return x
        x = f
    return x


def closures(n, x):
    def make(prev):
        def inner():
            return prev
        return inner
    for i in range(n):
        x = make(x)
    return x


def exceptions(n, x):
    e = ValueError(x)
    for i in range(n):
        e2 = KeyError(i)
        e2.__context__ = e
        e = e2
    return e


def generators(n, x):
    def gen(prev):
        yield prev
    for i in range(n):
        x = gen(x)
    return x


def bound_methods(n, x):
    for i in range(n):
        x = Node(x).__init__
    return x


def mixed(n, x):
    for i in range(n):
        k = i % 4
        if k == 0:
            x = [x]
        elif k == 1:
            x = (x, i)
        elif k == 2:
            x = {i: x}
        else:
            x = Node(x)
    return x


builders = [lists, tuples, dicts, frozensets, sets_of_frozensets, slot_nodes,
            dict_nodes, defaults, closures, exceptions, generators,
            bound_methods, mixed]

for build in builders:
    name = build.__name__
    chain = build(DEPTH, Bottom(name))
    print(name, "built", freed)
    chain = None
    print(name, "freed", freed)
    freed.clear()

# A weakref callback on the innermost node fires once the chain is gone.
seen = []
head = Slot(None)
w = _weakref.ref(head, lambda r: seen.append("callback"))
chain = slot_nodes(DEPTH, head)
head = None
print(w() is not None, seen)
chain = None
print(w() is None, seen)

# Freeing a chain from inside a deep call, and from a __del__.
def deep(k):
    if k:
        return deep(k - 1)
    c = lists(DEPTH, Bottom("in deep call"))
    c = None
    return list(freed)

print(deep(500))
freed.clear()


class Holder:
    def __init__(self):
        self.chain = dict_nodes(DEPTH, Bottom("chain of a __del__"))

    def __del__(self):
        self.chain = None
        print("Holder.__del__ done", freed)


h = Holder()
h = None
print("end", freed)
