# Errors raised by unpacking (caught)
def attempt(values, label):
    try:
        a, b = values
        print(label, "ok", a, b)
    except ValueError as e:
        print(label, "ValueError:", e)

attempt([1, 2], "two")
attempt([1, 2, 3], "three")
attempt([1], "one")
attempt("ab", "str")
try:
    a, b, *c = [1]
except ValueError as e:
    print("starred:", e)
try:
    x, y = 5
except TypeError as e:
    print("TypeError:", e)
try:
    x, y = None
except TypeError as e:
    print("TypeError:", e)
a, b, c = (1, 2, 3, 4)
