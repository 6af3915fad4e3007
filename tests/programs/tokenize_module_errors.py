# _tokenize.TokenizerIter: bytes readlines with encoding=, tokenizer errors
# (SyntaxError, IndentationError, TabError with C's messages and locations),
# readline errors and the constructor's argument checks.
import _tokenize


def reader(lines):
    it = iter(lines)
    return lambda: next(it)


def run(lines, extra=False, **kw):
    out = []
    try:
        for t in _tokenize.TokenizerIter(reader(lines), extra_tokens=extra, **kw):
            out.append(t)
    except SyntaxError as e:
        print("  ", type(e).__name__, e.args, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except Exception as e:
        print("  ", type(e).__name__, e)
    for t in out:
        print(t)
    print("--")


# bytes with an encoding
run([b"x = '\xc3\xa9'\n", b"y = 2\n"], True, encoding="utf-8")
run([b"x = '\xe9'  # caf\xe9\n"], True, encoding="latin-1")
run([b"x = '\xe9'\n"], False, encoding="utf-8")
run([b"s = '\x82\xa0'\n"], True, encoding="shift_jis")
run([b"x = 1\n"], True, encoding="no-such-codec")
run(["x = 1\n"], True, encoding="utf-8")
run([b"x = 1\n"], True)
run([1], True)

# tokenizer errors
for src in [
    ["x = 1\n", "  y = 2\n"],
    ["if x:\n", "    a\n", "  b\n"],
    ["if x:\n", "\ta\n", "        b\n"],
    ["x = (1,\n", "2\n"],
    ["s = '''abc\n", "def\n"],
    ["s = 'abc\n"],
    ["x = 1 \\ y\n"],
    ["x = 0777\n"],
    ["x = 1_\n"],
    ["x = $\n"],
    ["x = f'{a\n"],
    ["x = f'{'\n"],
    ["print(f'{x!}')\n"],
    ["x = ]\n"],
    ["x = (]\n"],
    ["\u20ac = 1\n"],
    ["def f():\n"] + ["    " * 101 + "if x:\n"],
    ["x = 1\0\n"],
]:
    print(repr(src)[:70])
    run(src)
    run(src, True)


# readline errors propagate
def bad():
    raise ValueError("boom")


try:
    list(_tokenize.TokenizerIter(bad, extra_tokens=False))
except ValueError as e:
    print("ValueError", e)

# constructor arguments
f = reader(["x\n"])
for args, kw in [((), {}), ((f,), {}), ((f, True), {}), ((f,), {"extra_tokens": True, "foo": 1}),
                 ((f,), {"extra_tokens": True, "encoding": 3}),
                 ((f,), {"extra_tokens": True, "encoding": "a\0b"}),
                 ((f,), {"readline": f, "extra_tokens": True})]:
    try:
        _tokenize.TokenizerIter(*args, **kw)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    class X(_tokenize.TokenizerIter):
        pass
except TypeError as e:
    print(e)
