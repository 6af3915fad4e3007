if __debug__:
    print("debug")
else:
    print("no debug")

x = __debug__
assert x, "must be true"


def f():
    if not __debug__:
        return 0
    return 1 if __debug__ else 2


print(x, f())
