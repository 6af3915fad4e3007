def f(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        y = str(e)
    except (TypeError, ValueError):
        y = "type"
    except Exception:
        raise
    else:
        y = y * 2
    finally:
        print("finally")
    return y


def g():
    try:
        return 1
    finally:
        print("g")


def h():
    for i in range(3):
        try:
            if i:
                continue
        finally:
            pass
    try:
        pass
    except:
        pass


def reraise():
    try:
        raise ValueError("a")
    except ValueError as e:
        raise RuntimeError("b") from e


print(f(0), f(2), g())
