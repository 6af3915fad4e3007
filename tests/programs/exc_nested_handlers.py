# Nested handlers, exceptions raised inside handlers, finally ordering
def log(msg):
    print(msg)

def layered(kind):
    try:
        try:
            if kind == "value":
                raise ValueError("inner value")
            if kind == "type":
                raise TypeError("inner type")
            log("no error in " + kind)
        except ValueError as e:
            log("inner handler: " + str(e))
            raise KeyError("from handler")
        finally:
            log("inner finally")
    except KeyError as e:
        log("outer got KeyError " + str(e))
        ctx = e.__context__
        log("context: " + type(ctx).__name__ + " " + str(ctx))
    except TypeError as e:
        log("outer got TypeError " + str(e))
    finally:
        log("outer finally")

layered("none")
layered("value")
layered("type")

def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out

print(loop_with_finally())

def finally_overrides():
    try:
        return 1
    finally:
        print("finally sees the return")

print(finally_overrides())

try:
    try:
        raise IndexError("first")
    except IndexError:
        raise ValueError("second") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)

try:
    try:
        raise IndexError("cause")
    except IndexError as ie:
        raise ValueError("effect") from ie
except ValueError as e:
    print(e, "caused by", repr(e.__cause__))

def catch_all():
    try:
        {}["k"]
    except LookupError as e:
        return "LookupError catches " + type(e).__name__
print(catch_all())
try:
    raise ArithmeticError("base class")
except (ZeroDivisionError, OverflowError):
    print("wrong")
except ArithmeticError as e:
    print("right:", e)
