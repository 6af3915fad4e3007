# raise and try/except/else/finally with builtin exceptions
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally for", a, b)

print(divide(6, 3))
print(divide(1, 0))

try:
    raise ValueError("custom message")
except ValueError as e:
    print(type(e).__name__, e, e.args)

try:
    raise KeyError("k")
except (TypeError, KeyError) as e:
    print("tuple clause:", repr(e))

try:
    try:
        [][0]
    finally:
        print("inner finally")
except IndexError as e:
    print("outer caught", e)

def reraise():
    try:
        int("nope")
    except ValueError:
        print("logging and re-raising")
        raise

try:
    reraise()
except ValueError as e:
    print("re-raised:", e)

try:
    raise RuntimeError
except RuntimeError as e:
    print("bare class raised:", repr(e), str(e) == "")

try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
finally:
    print("finally always")

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)

def in_finally():
    try:
        return "from try"
    finally:
        print("finally before return")

print(in_finally())
try:
    raise Exception("a", 1)
except Exception as e:
    print(e, e.args)
e = "still bound?"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as err:
    print("e was deleted:", err)
