# Assigning to or deleting an item of an immutable sequence, and dict() of
# items that are not pairs: the messages (and the note) CPython 3.14 gives.
cases = [
    "t = (1,); t[0] = 2", "t = (1,); del t[0]", "t = (1, 2); t[True] = 0",
    "s = 'a'; s[0] = 'b'", "s = 'a'; del s[0]", "b = b'a'; b[0] = 1",
    "b = b'a'; del b[0]", "r = range(3); r[0] = 1", "r = range(3); del r[-1]",
    "t = (1,); t[0:1] = ()", "f = frozenset(); f[0] = 1", "x = 5; x[0] = 1",
    "x = 5; del x[0]", "dict([1, 2])", "dict([(1, 2), 3])", "dict([[1]])",
    "dict([(1, 2, 3)])", "d = {}; d.update([1])", "d = {}; d.update([(1, 2), 'abc'])",
    "round()", "pow(1)", "pow(1, base=2)", "pow(1, 2, base=3, y=4)", "round(ndigits=1)",
]
for src in cases:
    try:
        exec(src)
    except Exception as e:
        print(f"{src!r}: {type(e).__name__}: {e}", getattr(e, "__notes__", ""))
dict([0])
