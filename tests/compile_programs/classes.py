class Base:
    """A base class."""
    x: int = 1

    def __init__(self, a, b):
        self.a = a
        self.b = b
        self._c = a + b

    def method(self):
        return __class__

    def sup(self):
        return super().method()


class Derived(Base):
    def method(self):
        return super().method()

    @property
    def value(self):
        self.cached = self.a
        return self.cached

    class Inner:
        def deep(self):
            return Derived.Inner.__qualname__


def factory():
    class Local:
        def get(self):
            return __class__.__qualname__
    return Local


print(Derived(1, 2).method(), Derived.__static_attributes__, factory()().get())
