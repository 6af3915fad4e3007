# Complex numbers: literals, arithmetic, formatting, comparisons, constructor.
a = 1 + 2j
b = 3 - 4j
print(a, b, 1j, -1j, 0j, 2.5j)
print(a + b, a - b, a * b, a / b, a ** 2, -a, +a, abs(b))
print(a.real, a.imag, a.conjugate(), b.conjugate())
x = 2
y = 0.5
print(a + x, x - a, a * y, y / a, x ** a)
print(a == 1 + 2j, a != b, (3 + 0j) == 3, 3.0 == 3 + 0j, 1j == 1)
print(complex(), complex(1), complex(1, 2), complex("3+4j"), complex(" -1.5j "), complex("(2-1j)"))
print(complex(2.5), complex(1, -0.0), complex(real=1.5, imag=-2))
print(repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)), repr(-0j), repr(1e20j))
print(complex("inf-infj"), complex("nan+nanj"), complex(float("inf"), 1))
n = -8.0
print(n ** 0.5, (-2) ** 0.5, (-1.0) ** (1 / 3))
print(hash(2 + 0j) == hash(2), hash(1.5 + 0j) == hash(1.5))
print(bool(0j), bool(1j), bool(0.0 + 1e-300j))
d = 0j
try:
    a / d
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    d ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
for bad in ["", "1+", "j1", "1+2", "(1+2j"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    complex("1", 2)
except TypeError as e:
    print(e)
try:
    complex([])
except TypeError as e:
    print(e)
z = 1 + 1j
for k in range(5):
    z = z * z - (0.5 + 0.25j)
print(z)
print([i * 1j for i in range(3)])
print(2 - (1 - 0j), (1 + 0j) * -0.0, 1 / (1 + 1j))
print(type(1j).__name__, isinstance(1j, complex))
