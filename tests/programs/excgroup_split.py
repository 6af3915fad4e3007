# Exception groups: split, subgroup and derive with a type, a tuple of types and
# a predicate; what the parts keep (traceback, cause, context, notes).


def show(x):
    if x is None:
        return "None"
    if isinstance(x, BaseExceptionGroup):
        return f"{type(x).__name__}({x.message!r}, [{', '.join([show(e) for e in x.exceptions])}])"
    return repr(x)


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=>", r if isinstance(r, str) else show(r))


v1, t1, k1, v2, o1 = ValueError(1), TypeError(2), KeyError(3), ValueError(4), OSError(5)
inner = ExceptionGroup("inner", [k1, v2])
eg = ExceptionGroup("eg", [v1, t1, inner, o1])

match, rest = eg.split(ValueError)
print("split ValueError:", show(match), "|", show(rest))
print("leaves kept:", match.exceptions[0] is v1, match.exceptions[1].exceptions[0] is v2)
match, rest = eg.split((KeyError, OSError))
print("split tuple:", show(match), "|", show(rest))
match, rest = eg.split(lambda e: isinstance(e, (TypeError, KeyError)))
print("split predicate:", show(match), "|", show(rest))
match, rest = eg.split(Exception)
print("split all:", match is eg, rest)
match, rest = eg.split(ZeroDivisionError)
print("split none:", match, rest is not eg, show(rest))
print("split group type:", show(eg.split(ExceptionGroup)[0]))
print("predicate on groups:", show(eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")[0]))

print("subgroup ValueError:", show(eg.subgroup(ValueError)))
print("subgroup tuple:", show(eg.subgroup((TypeError, OSError))))
print("subgroup predicate:", show(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 2)))
print("subgroup none:", eg.subgroup(ArithmeticError))
print("subgroup all is self:", eg.subgroup(BaseException) is eg)

seen = []


def record(e):
    seen.append(type(e).__name__)
    return False


eg.subgroup(record)
print("predicate calls:", seen)

# derive builds a plain group with the same message.
d = eg.derive([ValueError("d")])
print("derive:", show(d), d.__traceback__, d.__notes__ if hasattr(d, "__notes__") else "no notes")
print("derive base:", show(eg.derive([KeyboardInterrupt()])))

# The parts carry the group's traceback, cause, context and a copy of its notes.
try:
    try:
        raise RuntimeError("context")
    except RuntimeError:
        raise ExceptionGroup("meta", [ValueError("a"), TypeError("b")]) from OSError("cause")
except ExceptionGroup as caught:
    caught.add_note("first note")
    match, rest = caught.split(ValueError)
    for part in (match, rest):
        print(show(part), part.__traceback__ is caught.__traceback__,
              repr(part.__cause__), repr(part.__context__), part.__suppress_context__,
              part.__notes__, part.__notes__ is caught.__notes__)

# A subclass keeps its type through derive.


class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag="-"):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag="-"):
        super().__init__(message, excs)

    def derive(self, excs):
        return Tagged(self.message, excs, self.tag + "'")


tg = Tagged("tagged", [ValueError(1), TypeError(2), Tagged("sub", [ValueError(3)], "s")], "t")
m, r = tg.split(ValueError)
print(show(m), m.tag, m.exceptions[1].tag, "|", show(r), r.tag)


class NoDerive(ExceptionGroup):
    pass


m, r = NoDerive("nd", [ValueError(1), TypeError(2)]).split(ValueError)
print("no derive override:", show(m), show(r))


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


attempt("bad derive", lambda: BadDerive("bd", [ValueError(1), TypeError(2)]).split(ValueError))
attempt("bad matcher", lambda: eg.split(3))
attempt("bad tuple", lambda: eg.split((ValueError, int)))
attempt("non-exception class", lambda: eg.subgroup(int))
attempt("list of types", lambda: eg.subgroup([ValueError]))


def boom(e):
    raise LookupError("from predicate")


attempt("raising predicate", lambda: eg.split(boom))
