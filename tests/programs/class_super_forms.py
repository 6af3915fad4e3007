# Every form of super(): zero-argument, two-argument, in classmethods, errors.


class Base:
    def __init__(self, v):
        print("Base.__init__", v)
        self.v = v

    def hello(self):
        return "Base.hello"

    @classmethod
    def make(cls):
        return f"Base.make({cls.__name__})"

    @staticmethod
    def static():
        return "Base.static"

    @property
    def prop(self):
        return f"Base.prop({self.v})"

    def __repr__(self):
        return f"<{type(self).__name__} {self.v}>"


class Mid(Base):
    def __init__(self, v):
        print("Mid.__init__", v)
        super().__init__(v * 2)

    def hello(self):
        return "Mid>" + super().hello()

    @classmethod
    def make(cls):
        return "Mid>" + super().make()

    @property
    def prop(self):
        return "Mid>" + super().prop


class Leaf(Mid):
    def __init__(self, v):
        print("Leaf.__init__", v)
        super(Leaf, self).__init__(v + 1)

    def hello(self):
        return "Leaf>" + super(Leaf, self).hello()

    @classmethod
    def make(cls):
        return "Leaf>" + super(Leaf, cls).make()

    def static_via_super(self):
        return super().static()


x = Leaf(1)
print(x, x.hello(), Leaf.make(), x.make(), x.prop, x.static_via_super())
print(super(Mid, x).hello(), super(Base, x).__repr__ is not None)
print(super(Leaf, Leaf).make())
print(super(Mid, Leaf).hello(x))


# cooperative multiple inheritance (diamond)
class Root:
    def go(self):
        return ["Root"]


class Left(Root):
    def go(self):
        return ["Left"] + super().go()


class Right(Root):
    def go(self):
        return ["Right"] + super().go()


class Diamond(Left, Right):
    def go(self):
        return ["Diamond"] + super().go()


print(Diamond().go())
print(super(Left, Diamond()).go())


# super object attributes and repr
s = super(Mid, x)
print(s.__thisclass__.__name__, s.__self__ is x, s.__self_class__.__name__)
print(repr(super(Mid, x)))
print(repr(super(Mid)))
u = super(Mid)
print(u.__self__, u.__self_class__)
print(super(Mid).__get__(x, Leaf).hello())
print(super(Leaf, Leaf).__self__ is Leaf, super(Leaf, Leaf).__self_class__ is Leaf)

# errors
try:
    super(Leaf, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    super(Leaf, int)
except TypeError as e:
    print("TypeError:", e)
try:
    super(1, x)
except TypeError as e:
    print("TypeError:", e)
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)


def no_args():
    return super()


try:
    no_args()
except RuntimeError as e:
    print("RuntimeError:", e)


def has_args(self):
    return super()


try:
    has_args(1)
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    super(Leaf, x).missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    super(Leaf, x, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    super(type=Leaf)
except TypeError as e:
    print("TypeError:", e)


class Stat:
    @staticmethod
    def s():
        return super()


try:
    Stat.s()
except RuntimeError as e:
    print("RuntimeError:", e)


class Stat2:
    @staticmethod
    def s(arg):
        return super().__repr__()


try:
    Stat2.s(5)
except TypeError as e:
    print("TypeError:", e)


# __class__ is visible in methods that use super() or name it
class Cell:
    def f(self):
        return __class__

    def g(self):
        super()
        return __class__.__name__


print(Cell().f() is Cell, Cell().g())


# super() in a nested function needs the first argument of that function
class Nest:
    def f(self):
        def inner():
            return super()
        try:
            inner()
        except RuntimeError as e:
            print("RuntimeError:", e)
        return [super().__repr__ is not None for _ in range(1)]


print(Nest().f())


# super() after the first argument was reassigned
class Reassign(Base):
    def hello(self):
        self = 5
        try:
            return super().hello()
        except TypeError as e:
            return "TypeError: " + str(e)


print(Reassign(3).hello())


# super().__setattr__ / __getattribute__ on object
class Guard:
    def __setattr__(self, name, value):
        print("setattr", name)
        super().__setattr__(name, value)

    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return super().__getattribute__(name)


g = Guard()
g.a = 1
print(g.a, g.secret)


# super() in __new__
class WithNew:
    def __new__(cls, *args):
        print("WithNew.__new__", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, *args):
        self.args = args


class SubNew(WithNew):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.extra = True
        return inst


sn = SubNew(1, 2)
print(sn.args, sn.extra)


# super() with builtin bases
class MyList(list):
    def append(self, item):
        super().append(item * 10)

    def __getitem__(self, i):
        return ("item", super().__getitem__(i))


ml = MyList()
ml.append(1)
ml.append(2)
print(ml[0], len(ml), list(ml))


class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)


md = MyDict()
md["a"] = 1
print(md)


# super() with a classmethod defined on the metaclass
class Meta(type):
    def describe(cls):
        return "Meta.describe " + cls.__name__


class SubMeta(Meta):
    def describe(cls):
        return "SubMeta>" + super().describe()


class WithMeta(metaclass=SubMeta):
    pass


print(WithMeta.describe())


# super() skips the class's own descriptor
class DescBase:
    x = "base x"


class DescSub(DescBase):
    x = "sub x"

    def get(self):
        return super().x, self.x


print(DescSub().get())
