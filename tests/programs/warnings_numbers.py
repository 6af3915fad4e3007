# DeprecationWarnings of the number protocol: subclass results, complex() arguments
import _warnings


class C:
    def __complex__(self):
        return 1j


class D(complex):
    pass


class E:
    def __complex__(self):
        return D(2j)


class I(int):
    pass


class F(float):
    pass


class X:
    def __index__(self):
        return I(3)

    def __int__(self):
        return I(4)

    def __float__(self):
        return F(2.0)


print(complex(1j), complex(C()), complex(1, 1j), complex(E()))
print(int(X()), float(X()))
print([0, 1, 2, 3, 4][X()], (0, 1, 2, 3, 4)[X()])
print(complex(1j, 1), complex(C(), 1))
print(complex(X()), complex(real=1j), complex(imag=2j))

_warnings.filters.insert(0, ("error", None, DeprecationWarning, None, 0))
for f in (lambda: int(X()), lambda: float(X()), lambda: complex(E()),
          lambda: complex(1, 1j), lambda: complex(1j, 1), lambda: [1][X()]):
    try:
        print(f())
    except DeprecationWarning as e:
        print("caught", str(e)[:45])
del _warnings.filters[0]
