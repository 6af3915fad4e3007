# Weak proxies: they forward attribute access, operators, items, iteration and
# calls to the referent, and raise ReferenceError once it is gone.
import _weakref


class Vec:
    def __init__(self, x):
        self.x = x
        self.items = [1, 2, 3]

    def __add__(self, other):
        return Vec(self.x + (other.x if isinstance(other, Vec) else other))

    def __radd__(self, other):
        return Vec(other + self.x)

    def __mul__(self, k):
        return self.x * k

    def __neg__(self):
        return -self.x

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
        return iter(self.items)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x

    def __lt__(self, other):
        return self.x < other.x

    def __bool__(self):
        return self.x != 0

    def __index__(self):
        return self.x

    def __str__(self):
        return "Vec(%d)" % self.x

    def norm(self):
        return abs(self.x)


v = Vec(3)
p = _weakref.proxy(v)
print(type(p).__name__, type(p) is _weakref.ProxyType)
print("same basic proxy:", _weakref.proxy(v) is p, _weakref.getweakrefcount(v))
print("attr:", p.x, p.norm(), p.items)
p.y = 10
print("setattr:", v.y)
del p.y
print("delattr:", hasattr(v, "y"))
print("str:", str(p), "%s" % p)
print("ops:", (p + 1).x, (1 + p).x, (p + p).x, p * 2, -p)
print("len/items:", len(p), p[0], 2 in p, 9 in p)
p[0] = 7
del p[1]
print("after set/del item:", v.items)
print("iter:", list(p))
print("compare:", p == Vec(3), p == v, p != v, p < Vec(5), Vec(1) < p)
zero = Vec(0)
print("bool:", bool(p), bool(_weakref.proxy(zero)))
print("index:", [10, 20, 30, 40][p])
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
p += 4
print("inplace:", type(p).__name__, p.x)

# A callable referent gets a callable proxy.
def double(n):
    return 2 * n


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, k=1):
        self.n += k
        return self.n


cp = _weakref.proxy(double)
print(type(cp).__name__, type(cp) is _weakref.CallableProxyType, cp(21))
cnt = Counter()
cq = _weakref.proxy(cnt)
print(type(cq).__name__, cq(), cq(k=5), cnt.n)
try:
    p()
except TypeError as e:
    print("TypeError:", e)

# An iterator proxy.
class Count:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i


it = Count()
ip = _weakref.proxy(it)
print("next:", next(ip), next(ip), next(ip, "end"))
try:
    next(_weakref.proxy(v))
except TypeError as e:
    print("TypeError:", e)

# After the referent dies.
w = Vec(5)
pw = _weakref.proxy(w)
del w
for label, action in (("getattr", lambda: pw.x), ("setattr", lambda: setattr(pw, "x", 1)),
                      ("str", lambda: str(pw)), ("add", lambda: pw + 1),
                      ("len", lambda: len(pw)), ("bool", lambda: bool(pw)),
                      ("item", lambda: pw[0]), ("iter", lambda: iter(pw)),
                      ("eq", lambda: pw == 1)):
    try:
        action()
        print(label, "no error")
    except ReferenceError as e:
        print(label, "ReferenceError:", e)
print("dead proxy count:", _weakref.getweakrefcount(Vec(1)))

# proxy() arguments and unsupported referents.
for args in ((), (1, 2, 3)):
    try:
        _weakref.proxy(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    _weakref.proxy(5)
except TypeError as e:
    print("TypeError:", e)
