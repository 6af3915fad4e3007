# An uncaught exception group: the whole report (box drawing, nested groups,
# members with their own tracebacks and chains, the width and depth limits).


def raise_it(exc):
    raise exc


def caught(exc):
    try:
        raise_it(exc)
    except BaseException as e:
        return e


def chained():
    try:
        {}["missing"]
    except KeyError:
        try:
            raise ValueError("while handling the KeyError")
        except ValueError as e:
            return e


def deep(n):
    if n == 0:
        return caught(ZeroDivisionError("bottom"))
    return caught(ExceptionGroup(f"depth {n}", [deep(n - 1)]))


many = caught(ExceptionGroup("many", [caught(TypeError(i)) for i in range(17)]))
print("built", len(many.exceptions))


def main():
    raise BaseExceptionGroup("everything", [
        caught(ValueError("plain")),
        chained(),
        ExceptionGroup("never raised", [OSError("no traceback")]),
        many,
        deep(11),
        caught(BaseExceptionGroup("base", [SystemExit(3), ValueError("x")])),
    ])


print("starting")
main()
