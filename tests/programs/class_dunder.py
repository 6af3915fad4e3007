# Special methods: operators, comparisons, containers, iteration, call, bool.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return self.x * self.x + self.y * self.y

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __bool__(self):
        return self.x != 0 or self.y != 0


a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, abs(b))
print(sum([a, b, Vec(1, 1)]))
print(a == Vec(1, 2), a != b, a == 5, a < b, b > a, sorted([b, a, Vec(0, 1)]))
print(len({a, Vec(1, 2), b}), bool(Vec(0, 0)), bool(a), not Vec(0, 0))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
c = a
c += b
print(c, a)


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return BagIter(self.items)


class BagIter:
    def __init__(self, items):
        self.items = items
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        v = self.items[self.i]
        self.i += 1
        return v


bag = Bag(3, 1, 2)
print(len(bag), bag[0], bag[-1], bag[0:2], 2 in bag, 5 in bag, 5 not in bag)
bag[1] = 10
del bag[0]
print(list(bag), [x * 2 for x in bag], sorted(bag), max(bag), bool(bag), bool(Bag()))
for x in bag:
    print("item", x)
it = iter(bag)
print(next(it), next(it), next(it, "done"))


class OldSeq:
    def __getitem__(self, i):
        if i < 4:
            return i * i
        raise IndexError(i)


print(list(OldSeq()), 9 in OldSeq())


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, y=0):
        return self.n + x + y


add5 = Adder(5)
print(add5(1), add5(1, y=2), callable(add5), callable(bag))


class Unhashable:
    def __eq__(self, other):
        return True


try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
print(Unhashable() == 3, Unhashable.__hash__)


class NoHash:
    __hash__ = None


try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)


class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)


lz = Lazy()
print(lz.real, lz.xyz, getattr(lz, "nope", "dflt"))


class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)


lg = Logged()
lg.v = 21
print(lg.v)


class Temp:
    def __init__(self, c):
        self.c = c

    def __str__(self):
        return f"{self.c}C"

    def __format__(self, spec):
        return "T" + format(self.c, spec)

    def __int__(self):
        return int(self.c)

    def __index__(self):
        return int(self.c)


t = Temp(21.5)
print(str(t), f"{t}", f"{t:.3f}", int(t), [0, 1, 2][Temp(1)], hex(Temp(255)))
