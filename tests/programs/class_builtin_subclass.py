# Classes deriving from builtin types: list, dict, int subclasses with instance attributes.

class Stack(list):
    def __init__(self, name):
        super().__init__()
        self.name = name
    def push(self, v):
        self.append(v)
        return self
s = Stack("s")
s.push(1).push(2)
print(s, s.name, len(s), s.__dict__, vars(s))
class Cfg(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
c = Cfg(a=1)
c.extra = 5
print(c.a, c.extra, c, getattr(c, "zz", None))
class Num(int):
    pass
n = Num(5)
n.tag = "t"
print(n + 1, n.tag)
del n.tag
print(hasattr(n, "tag"))
for i in range(3):
    t = Stack(str(i))
    t.x = i
print(t.x, t.name)
class Sub(Stack):
    pass
u = Sub("u")
u.q = 1
print(u.q, u.name, type(u).__mro__[1].__name__)


class Text(str):
    def shout(self):
        return self.upper() + "!"


class Pair(tuple):
    def swap(self):
        return Pair((self[1], self[0]))


t = Text("hi")
p = Pair((1, 2))
print(t.shout(), t + "x", p.swap(), p == (1, 2), isinstance(p, tuple), len(p))


class Ex(KeyError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


try:
    raise Ex("k")
except LookupError as e:
    print(repr(e), e.key, str(e))
