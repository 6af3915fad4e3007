# Exception groups: construction, the ExceptionGroup/BaseExceptionGroup rule,
# str/repr, the read-only fields, subclasses and the constructor's errors.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=>", type(r).__name__, repr(r))


eg = ExceptionGroup("two", [ValueError(1), TypeError("t")])
print(type(eg).__name__, str(eg), repr(eg))
print(eg.message, eg.exceptions, eg.args)
print(type(eg.exceptions).__name__, len(eg.exceptions))
print(str(ExceptionGroup("one", [KeyError("k")])))
print(repr(ExceptionGroup("tuple", (ValueError(),))))

# BaseExceptionGroup of Exceptions only is an ExceptionGroup.
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [ValueError(), KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("x", [SystemExit(2)])).__name__)

# The hierarchy.
print([c.__name__ for c in ExceptionGroup.__mro__])
print([c.__name__ for c in BaseExceptionGroup.__mro__])
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(isinstance(eg, BaseExceptionGroup), isinstance(eg, ExceptionGroup))
print(BaseExceptionGroup.__doc__)

# The exceptions are copied into a tuple; a list argument is shown as a list.
excs = [ValueError("a")]
g = ExceptionGroup("list", excs)
excs.append(TypeError("b"))
print(len(g.exceptions), g.exceptions)


class Seq:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __repr__(self):
        return "Seq(...)"


print(repr(ExceptionGroup("custom", Seq([ValueError(3)]))))

# Nested groups.
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2)])])
print(repr(nested))
print(str(nested.exceptions[1]))

# Fields are read-only.
attempt("set message", lambda: setattr(eg, "message", "new"))
attempt("set exceptions", lambda: setattr(eg, "exceptions", ()))

# Subclasses.


class MyGroup(ExceptionGroup):
    pass


class MyBaseGroup(BaseExceptionGroup):
    pass


class CodedGroup(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code):
        super().__init__(message, excs)


m = MyGroup("mine", [ValueError()])
print(type(m).__name__, repr(m), isinstance(m, ExceptionGroup))
print(type(MyBaseGroup("b", [ValueError()])).__name__)
print(type(MyBaseGroup("b", [KeyboardInterrupt()])).__name__)
c = CodedGroup("coded", [ValueError(1)], 42)
print(type(c).__name__, c.code, str(c), c.args)

# The constructor's errors.
attempt("no args", lambda: ExceptionGroup())
attempt("one arg", lambda: ExceptionGroup("msg"))
attempt("three args", lambda: ExceptionGroup("msg", [ValueError()], 3))
attempt("bytes message", lambda: ExceptionGroup(b"msg", [ValueError()]))
attempt("None message", lambda: ExceptionGroup(None, [ValueError()]))
attempt("not a sequence", lambda: ExceptionGroup("msg", 5))
attempt("a set", lambda: ExceptionGroup("msg", {ValueError()}))
attempt("empty", lambda: ExceptionGroup("msg", []))
attempt("empty range", lambda: BaseExceptionGroup("msg", range(0)))
attempt("not an exception", lambda: ExceptionGroup("msg", [ValueError(), "oops"]))
attempt("a class", lambda: ExceptionGroup("msg", [ValueError]))
attempt("base in group", lambda: ExceptionGroup("msg", [ValueError(), KeyboardInterrupt()]))
attempt("base in subclass", lambda: MyGroup("msg", [GeneratorExit()]))
attempt("keyword", lambda: ExceptionGroup("msg", [ValueError()], extra=1))
attempt("base keyword", lambda: BaseExceptionGroup("msg", [KeyboardInterrupt()], extra=1))

# Raising and catching a group as a whole.
try:
    raise ExceptionGroup("raised", [ValueError("v"), OSError("o")])
except Exception as e:
    print("caught", type(e).__name__, e, [type(x).__name__ for x in e.exceptions])
