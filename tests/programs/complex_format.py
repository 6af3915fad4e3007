# complex: __format__, __complex__ and complex.from_number.
class C:
    def __complex__(self):
        return 3 + 4j


class B:
    def __complex__(self):
        return 5


print(complex(C()), complex.from_number(2.5), complex.from_number(C()), complex.from_number(1j))
try:
    complex(B())
except TypeError as e:
    print(e)
print(format(1 + 2j, ".2f"), f"{3-4j:>20}|", f"{1j}", f"{1.5+2.25j:g}", format(1j, ""))
print(f"{-0.5j:+.3e}", f"{2+0j:^12}|", "{:.1%}".format(0.25j) if False else "skip")
for spec in ["=10", "d", "010"]:
    try:
        format(1j, spec)
    except ValueError as e:
        print(spec, e)
print(abs(complex.from_number(-3)), pow(2j, 3), 2j ** 3, (1 + 1j) ** -2)
