# sys.get_int_max_str_digits / sys.set_int_max_str_digits and
# sys.flags.int_max_str_digits (the limit of int <-> str conversions).
import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.bytes_warning, sys.flags[3])
for src in ["str(10 ** 4300)", "int('1' * 4301)", "sys.set_int_max_str_digits(100)",
            "sys.set_int_max_str_digits(-1)", "sys.set_int_max_str_digits(True)",
            "sys.set_int_max_str_digits('5')", "sys.set_int_max_str_digits()",
            "sys.set_int_max_str_digits(1000, 2)", "sys.set_int_max_str_digits(2 ** 40)",
            "sys.set_int_max_str_digits(x=700)", "sys.flags.debug = 1", "type(sys.flags)()"]:
    try:
        print(src, "->", exec(src))
    except Exception as e:
        print(src, "!!", type(e).__name__, e)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits, len(str(10 ** 4500)))
sys.set_int_max_str_digits(maxdigits=640)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
try:
    str(10 ** 700)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 5000)), len(str(int('7' * 6000))))
str(-10 ** 5000)
sys.set_int_max_str_digits(4300)
str(-10 ** 5000)
