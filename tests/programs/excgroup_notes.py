# Exception notes: add_note, __notes__, and notes in the printed traceback (the
# program ends with an uncaught exception whose chain has groups with notes).


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=>", repr(r))


e = ValueError("v")
print(hasattr(e, "__notes__"))
print(e.add_note("first"), e.__notes__)
e.add_note("second\nwith a newline")
print(e.__notes__, "__notes__" in e.__dict__)
attempt("int note", lambda: e.add_note(42))
attempt("None note", lambda: e.add_note(None))
attempt("bytes note", lambda: e.add_note(b"b"))
attempt("no arguments", lambda: e.add_note())


class StrSub(str):
    pass


e.add_note(StrSub("a str subclass"))
print(len(e.__notes__), type(e.__notes__[-1]).__name__)

t = TypeError("t")
t.__notes__ = ("a", "tuple")
attempt("tuple notes", lambda: t.add_note("x"))
t.__notes__ = ["replaced"]
t.add_note("added")
print(t.__notes__)
del t.__notes__
t.add_note("fresh")
print(t.__notes__)

# Notes survive raise / except.
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        k.add_note("added while handling")
        raise
except KeyError as k2:
    print("caught with notes:", k2.__notes__)

# Notes on a group and on its members, printed at the end.


def fail(i):
    err = [ValueError, TypeError, KeyError][i % 3](f"failure {i}")
    err.add_note(f"while processing item {i}")
    raise err


errors = []
for i in range(3):
    try:
        fail(i)
    except Exception as exc:
        errors.append(exc)

group = ExceptionGroup("processing failed", errors)
group.add_note("3 items failed")
group.add_note("see above")
try:
    raise group
except ExceptionGroup as g:
    final = RuntimeError("giving up")
    final.add_note("the last note\nspans two lines")
    raise final from g
