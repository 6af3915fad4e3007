# _tokenize.TokenizerIter (Python/Python-tokenize.c), the iterator under
# Lib/tokenize.py: 5-tuples (type, string, start, end, line) from a readline,
# with and without extra_tokens.
import _tokenize


def lines_of(src):
    lines = src.splitlines(keepends=True)
    pos = [0]

    def readline():
        i = pos[0]
        if i >= len(lines):
            raise StopIteration
        pos[0] = i + 1
        return lines[i]
    return readline


def show(src, extra):
    print("--", repr(src)[:60], "extra" if extra else "raw")
    for tok in _tokenize.TokenizerIter(lines_of(src), extra_tokens=extra):
        print(tok)


SOURCES = [
    "x = 1\n",
    "x = 1",
    "",
    "\n",
    "# only a comment",
    "def f(a, b=2, *c, **d) -> int:\n    # body\n    return a + b  # sum\n\n\nprint(f(1))\n",
    "if x:\n    if y:\n        pass\n",
    "class C:\n\tpass\n",
    "s = '''a\nb\nc''' + 'd'\nt = \"e\\\nf\"\n",
    "f'{x!r:>{w}} and {y=}' + rf'\\d{z}'\n",
    "t = f'''\n{a\n + b}\n'''\n",
    "x = t'{a} {b:02}'\n",
    "a = [1,\n     2,  # two\n     3]\n",
    "x = 1 \\\n    + 2\n",
    "\u00e9t\u00e9 = '\u4e2d\u6587' + \"\U0001f600\"  # caf\u00e9\ny = 2\n",
    "a += 1; b <<= 2; c ** -d // e @ f != g -> h := i ... j\n",
    "x = 1\r\ny = 2\r\n",
    "0x1F 1_000 1.5e-3 3j 0o17 0b1 .5\n",
    "async def f():\n    await g()\n",
    "match x:\n    case [1, *rest]: pass\n",
    "@dec\ndef f(): ...\n",
    "if 1:\n    x = 1\n  # dedented comment\n    y = 2\n",
    "x = (1 +\n",
]

for src in SOURCES:
    for extra in (False, True):
        try:
            show(src, extra)
        except SyntaxError as e:
            print("SyntaxError", e.args)

# readline returning "" ends the input too
words = iter(["a = 1\n", "", "b = 2\n"])
print([t[1] for t in _tokenize.TokenizerIter(lambda: next(words), extra_tokens=True)])

# the iterator is its own iterator and is exhausted after ENDMARKER
it = _tokenize.TokenizerIter(lines_of("x\n"), extra_tokens=False)
print(iter(it) is it, type(it).__name__, type(it).__module__)
print(list(it))
print(list(it))

# readline is called lazily, one line per need
calls = []
src_lines = ["a = (1,\n", "2)\n", "b\n"]


def logged():
    calls.append(len(calls))
    if len(calls) > len(src_lines):
        return ""
    return src_lines[len(calls) - 1]


it = _tokenize.TokenizerIter(logged, extra_tokens=False)
print(next(it), calls)
for t in it:
    print(t[1], len(calls))
