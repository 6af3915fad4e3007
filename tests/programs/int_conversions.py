# int() and str() conversions, bases, hex/oct/bin
print(int("0"), int("-0"), int("+17"), int("1_000"), int(" 42\n"))
print(int("z", 36), int("777", 8), int("-ff", 16), int("0x1f", 16), int("0o17", 0), int("10", 2))
print(int(3.0), int(-2.5), int(True), int(1e18))
print(str(-45), str(0), str(10 ** 20), str(-(2 ** 70)))
print(hex(-255), oct(-8), bin(-5), hex(0), bin(0))
print(float("  3.25 "), float("-0"), float("1_000.5"), float(10 ** 20))
print(repr(1e15), repr(1e16), repr(123456789.0), repr(0.000123), repr(1.23e-5))
print(str(1 / 3), str(2 / 3), str(10 / 3), str(1e100))
print(int(str(2 ** 40)), len(str(2 ** 1000)))
for s in ["12", "1e3", "abc", "", " ", "3.0"]:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "->", e)
for s in ["1.5", "nan", "inf", "x1"]:
    try:
        print(repr(s), "->", float(s))
    except ValueError as e:
        print(repr(s), "->", e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
