# property, classmethod, staticmethod.


class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0

    @property
    def fahrenheit(self):
        """Fahrenheit."""
        return self._c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def valid(v):
        return v >= -273.15

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
u = Temperature.from_f(212)
print(type(u).__name__, u.celsius)
print(Temperature.valid(-10), t.valid(-500))
print(Temperature.describe(), t.describe())
print(type(Temperature.__dict__["fahrenheit"]).__name__, Temperature.fahrenheit.__doc__)
print(isinstance(Temperature.__dict__["from_f"], classmethod),
      isinstance(Temperature.__dict__["valid"], staticmethod))


class Kelvin(Temperature):
    scale = "K"

    @property
    def celsius(self):
        return self._c - 273.15


k = Kelvin.from_f(32)
print(type(k).__name__, Kelvin.describe(), round(k.celsius, 2))


def get_x(self):
    return self._x * 10


def set_x(self, v):
    self._x = v


class Old:
    x = property(get_x, set_x, None, "the x")

    def __init__(self):
        self._x = 1


o = Old()
print(o.x, Old.x.__doc__)
o.x = 4
print(o.x, o._x)


class Counter:
    count = 0

    def __init__(self):
        Counter.bump()

    @staticmethod
    def bump():
        Counter.count += 1

    @classmethod
    def reset(cls):
        cls.count = 0
        return cls


Counter()
Counter()
print(Counter.count)
print(Counter.reset().count)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls)
print(sm.__func__ is len, type(cm).__name__)
