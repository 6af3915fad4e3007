# Classes: attributes, methods, __init__, __repr__/__str__, class vs instance attributes.


class Counter:
    """A simple counter."""
    total = 0
    kind = "counter"

    def __init__(self, name, start=0):
        self.name = name
        self.value = start
        Counter.total += 1

    def incr(self, by=1):
        self.value += by
        return self

    def get(self):
        return self.value

    def __repr__(self):
        return f"Counter({self.name!r}, {self.value})"

    def __str__(self):
        return f"<{self.name}={self.value}>"


a = Counter("a")
b = Counter("b", 10)
a.incr().incr(5)
b.incr(-3)
print(a, b)
print(repr(a), repr(b))
print([a, b])
print(a.get(), b.get(), Counter.total)
print(a.kind, b.kind, Counter.kind)
a.kind = "special"
print(a.kind, b.kind, Counter.kind)
Counter.kind = "changed"
print(a.kind, b.kind)
print(Counter.__name__, Counter.__qualname__, Counter.__doc__)
print(type(a) is Counter, type(a).__name__, isinstance(a, Counter))
print(sorted(a.__dict__.items()))
m = a.incr
print(m(2).get())
print(Counter.get(b))
f = Counter.incr
print(f(b, 100).value)


class Empty:
    pass


e = Empty()
e.x = 1
e.y = [1, 2]
print(e.x, e.y, sorted(vars(e)))
print(hasattr(e, "x"), hasattr(e, "z"), getattr(e, "z", "dflt"))
setattr(e, "z", 3)
del e.x
print(hasattr(e, "x"), e.z)
print(str(Empty)[:22], Empty.__module__)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dist2(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


pts = [Point(i, i * i) for i in range(5)]
print([p.dist2(pts[0]) for p in pts])
q = pts[2].moved(1, -1)
print(q.x, q.y)


def make_class(n):
    class Inner:
        size = n

        def show(self):
            return self.size * 2
    return Inner


K = make_class(21)
print(K().show(), K.__qualname__)
T = type("T", (), {"a": 1, "f": lambda self: self.a + 1})
print(T().f(), T.__name__)
