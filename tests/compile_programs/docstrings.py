"""Module docstring."""


def f():
    """Function docstring."""
    return 1


def g():
    "Single quoted."


def h():
    x = 1
    """Not a docstring."""
    return x


class C:
    """Class docstring."""

    def m(self):
        """Method docstring."""


print(__doc__, f.__doc__, g.__doc__, h.__doc__, C.__doc__, C.m.__doc__)
