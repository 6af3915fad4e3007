# except*: handlers, remainders re-raised as groups, nested groups, raise inside


def show(x):
    if isinstance(x, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(x).__name__, x.message, ", ".join(show(e) for e in x.exceptions))
    return repr(x)


def attempt(label, fn):
    try:
        r = fn()
    except BaseException as e:
        print(label, "escaped:", show(e))
        return e
    print(label, "returned", r)


def multiple_handlers():
    try:
        raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), KeyError("k1"),
                                      ValueError("v2"), OSError("o1")])
    except* ValueError as eg:
        print("  values:", show(eg))
    except* (TypeError, KeyError) as eg:
        print("  type/key:", show(eg))
    except* OSError as eg:
        print("  os:", show(eg))
    return "all handled"


attempt("multiple", multiple_handlers)


# the remainder keeps the original group's identity fields
original = None


def remainder():
    global original
    try:
        original = ExceptionGroup("orig", [ValueError(1), TypeError(2), ValueError(3)])
        original.add_note("a note")
        raise original
    except* ValueError as eg:
        print("  handled", show(eg), "is original:", eg is original)
        print("  handled notes:", getattr(eg, "__notes__", None))


e = attempt("remainder", remainder)
print("  remainder is original:", e is original, "notes:", e.__notes__)
print("  remainder traceback:", e.__traceback__ is not None)


def whole_group_matches():
    global original
    try:
        original = ExceptionGroup("all", [ValueError(1), ValueError(2)])
        raise original
    except* ValueError as eg:
        print("  whole group passed through:", eg is original)


attempt("whole", whole_group_matches)


# nested groups keep their structure in both the match and the rest
def nested():
    try:
        raise ExceptionGroup("top", [
            ValueError("a"),
            ExceptionGroup("mid", [TypeError("b"), ExceptionGroup("deep", [ValueError("c"), KeyError("d")])]),
            ExceptionGroup("other", [KeyError("e")]),
        ])
    except* ValueError as eg:
        print("  matched:", show(eg))
    except* KeyError as eg:
        print("  keys:", show(eg))


attempt("nested", nested)


def nested_handlers():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), TypeError(2), OSError(3)])
        except* ValueError as eg:
            print("  inner handler:", show(eg))
    except* TypeError as eg:
        print("  outer handler:", show(eg))
    except* OSError as eg:
        print("  outer os:", show(eg))


attempt("nested handlers", nested_handlers)


# raise inside except*: new exceptions are chained and merged with the rest
def raise_in_handler():
    try:
        raise ExceptionGroup("src", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("from value handler")
    except* TypeError as eg:
        raise LookupError("from type handler") from eg


e = attempt("raise", raise_in_handler)
for sub in e.exceptions:
    ctx = sub.__context__
    print("  sub", show(sub), "context", show(ctx) if ctx is not None else None,
          "cause", show(sub.__cause__) if sub.__cause__ is not None else None)


def bare_raise_keeps_group():
    try:
        raise ExceptionGroup("keep", [ValueError(1), ValueError(2)])
    except* ValueError:
        raise


attempt("bare raise", bare_raise_keeps_group)


def raise_and_reraise():
    try:
        raise ExceptionGroup("mix", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise OSError("replacement")


attempt("raise+reraise", raise_and_reraise)


def raise_group_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("new", [ZeroDivisionError("z")])


attempt("raise group", raise_group_in_handler)


# a naked exception is wrapped for the handler and unwrapped when unhandled
def naked_unhandled():
    try:
        raise ValueError("naked")
    except* TypeError:
        print("  never")


attempt("naked unhandled", naked_unhandled)


def naked_handled():
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("  wrapped:", show(eg), eg.exceptions[0].__traceback__ is not None)


attempt("naked handled", naked_handled)


# else, finally, loops
def with_else_finally(raise_it):
    try:
        if raise_it:
            raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError:
        print("  handled")
    else:
        print("  else")
    finally:
        print("  finally")


with_else_finally(True)
with_else_finally(False)


def in_loop():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ExceptionGroup("loop", [ValueError(i)])
            out.append(i)
        except* ValueError as eg:
            out.append(-eg.exceptions[0].args[0])
    return out


attempt("loop", in_loop)


# subclass groups: derive() decides the type of the split parts
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "+", excs)


def subclass_split():
    try:
        raise MyGroup("mine", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        print("  matched:", show(eg))


attempt("subclass", subclass_split)


class PlainSubGroup(ExceptionGroup):
    pass


def subclass_no_derive():
    try:
        raise PlainSubGroup("plain", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        print("  matched:", show(eg))


attempt("no derive", subclass_no_derive)


# BaseExceptionGroup when a non-Exception is inside
def base_group():
    try:
        raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError as eg:
        print("  matched:", show(eg))


attempt("base group", base_group)


# except* inside a generator
def gen():
    try:
        yield 1
    except* ValueError as eg:
        print("  gen handled", show(eg))
        yield 2


g = gen()
print(next(g))
print(g.throw(ExceptionGroup("into gen", [ValueError("v")])))


# the handler's variable is cleared after the clause
def cleared():
    try:
        raise ExceptionGroup("c", [ValueError(1)])
    except* ValueError as eg:
        pass
    try:
        eg
    except UnboundLocalError as e:
        print("  UnboundLocalError:", e)


attempt("cleared", cleared)


# invalid handler types
def bad_type():
    try:
        raise ExceptionGroup("b", [ValueError(1)])
    except* ExceptionGroup:
        pass


attempt("bad type", bad_type)


def bad_type_tuple():
    try:
        raise ExceptionGroup("b", [ValueError(1)])
    except* (ValueError, BaseExceptionGroup):
        pass


attempt("bad tuple", bad_type_tuple)


def not_a_type():
    try:
        raise ExceptionGroup("b", [ValueError(1)])
    except* 42:
        pass


attempt("not a type", not_a_type)
