# except*: matching groups and naked exceptions, the rest propagating, raising and
# re-raising inside except* clauses, and the invalid except* types.


def show(x):
    if x is None:
        return "None"
    if isinstance(x, BaseExceptionGroup):
        return f"{type(x).__name__}({x.message!r}, [{', '.join([show(e) for e in x.exceptions])}])"
    return repr(x)


def run(label, body):
    try:
        body()
    except BaseException as e:
        print(label, "escaped:", show(e))
    else:
        print(label, "done")


def two_clauses():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("  ValueError clause:", show(e))
    except* TypeError as e:
        print("  TypeError clause:", show(e))


def naked():
    try:
        raise KeyError("naked")
    except* KeyError as e:
        print("  wrapped:", show(e), type(e.exceptions[0]).__name__)
        print("  has traceback:", e.__traceback__ is not None)


def rest_propagates():
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2), ExceptionGroup("in", [OSError(3), KeyError(4)])])
    except* (ValueError, KeyError) as e:
        print("  handled:", show(e))


def nothing_matches():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* TypeError:
        print("  never")


def reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        pass


def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")
    except* TypeError:
        raise


def raise_new_naked():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise RuntimeError("replacement")


def else_finally():
    try:
        pass
    except* ValueError:
        print("  never")
    else:
        print("  else ran")
    finally:
        print("  finally ran")


def nested_handlers():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("  inner handled ValueError")
    except* TypeError as e:
        print("  outer handled:", show(e))


def bad_eg_type():
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass


def bad_tuple_type():
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        pass


def not_an_exception_type():
    try:
        raise ValueError(1)
    except* int:
        pass


for label, body in [
    ("two clauses", two_clauses), ("naked", naked), ("rest", rest_propagates),
    ("no match", nothing_matches), ("reraise", reraise), ("raise new", raise_new),
    ("raise new naked", raise_new_naked), ("else/finally", else_finally),
    ("nested", nested_handlers), ("except* ExceptionGroup", bad_eg_type),
    ("except* tuple with a group type", bad_tuple_type), ("except* int", not_an_exception_type),
]:
    run(label, body)

# The group raised from except* chains the original as context.
try:
    raise_new()
except ExceptionGroup as e:
    print(show(e), show(e.exceptions[0].__context__))

# Uncaught: what is left of a group after except* clauses.
try:
    raise ExceptionGroup("final", [ValueError("handled"), OSError("left over")])
except* ValueError:
    print("handled the ValueError")
