"""Unit tests of the compiler driver and code generation (pyvm/compile/compile.py,
pyvm/compile/codegen.py).

The main test compiles every differential program in-process and compares the
canonical dump of the marshalled code object (pyvm/compile/codedump.py) with
the one the oracle recorded in tests/expected/NAME.json: byte-identical code
objects, checked without running the ``pyvm`` command. The others check the
pieces of compile.c whose behaviour is easy to state: constant keys, doc-string
cleaning, and compile-time SyntaxErrors with CPython's messages and locations.

With ``PYVM_ORACLE=1`` (and node with the pyodide oracle), two more sets run
against the live oracle: ORACLE_SNIPPETS are compiled from source by both, and
AST_SNIPPETS are compiled by pyvm from the oracle's own AST (sent as JSON), which
checks codegen on syntax the host parser cannot produce (PEP 695, t-strings,
f-string part locations).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Optional

import pytest

from pyvm.compile.compile import (
    Py_CompileString,
    _PyCode_ConstantKey,
    _PyCompile_CleanDoc,
    const_cache_insert,
)
from pyvm.objects.object import PyErr

REPO = Path(__file__).resolve().parent.parent
PROGRAMS = REPO / "tests" / "programs"
EXPECTED = REPO / "tests" / "expected"

def _program_names() -> list[str]:
    return sorted(p.stem for p in PROGRAMS.glob("*.py") if (EXPECTED / (p.stem + ".json")).exists())


# Snippets compared with the live oracle (tests marked ``oracle``). Each is
# compiled by CPython 3.14 under pyodide and by pyvm; the canonical dumps of
# the marshalled code objects must be equal. A first line ``#mode:M`` selects
# the compile mode.
ORACLE_SNIPPETS: dict[str, str] = {
    't001_basic': 'x = 1\nprint(x + 2)\n',
    't002_func': 'def f(a, b=2, *args, c, d=4, **kw):\n    """Doc string.\n\n       More."""\n    x = a + b\n    return x * c\n\ndef g():\n    return\n\ndef h(x):\n    if x:\n        return 1\n    return None\n',
    't003_closure': 'def outer(n):\n    m = n + 1\n    def inner(k):\n        nonlocal m\n        m += k\n        return m + n\n    return inner\n\ndef counter():\n    count = 0\n    def inc():\n        nonlocal count\n        count += 1\n        return count\n    return inc\n',
    't004_control': 'i = 0\nwhile i < 10:\n    if i == 3:\n        i += 1\n        continue\n    if i > 7:\n        break\n    i += 1\nelse:\n    print("done")\nfor j in range(5):\n    print(j)\nelse:\n    pass\nif i and j or not i:\n    x = 1\nelif i < j < 10:\n    x = 2\nelse:\n    x = 3\ny = a if b else c\nz = 1 < x <= 3\nw = a and b and c\nv = a or b\n',
    't005_calls': 'f(1, 2, x=3)\nf(*a)\nf(*a, **k)\nf(1, *a, 2, y=1, **k)\no.m(1, 2)\no.m(x=1)\no.a.b.c(3)\nprint(o.attr)\no.attr = 5\ndel o.attr\nimport os.path\nimport a.b.c as d\nfrom . import x\nfrom ..m import y as z, w\nfrom m import *\n',
    't007_unpack': 'a, b = b, a\na, *b, c = x\n[a, b] = 1, 2\n(a, (b, c)) = t\nx[1] = 2\nx[1:2] = y\nx[a:b] += 1\nx[i] -= 2\ndel x[1], x[a:b]\nprint(x[1:2], x[a:b], x[::2], x[a:b:c], x[1])\no.a += 1\n',
    't008_fstring': 'name = "x"\ns = f"hello {name}!"\nt = f"{name!r:>10} {name!s} {name!a} {1+2:{w}}"\nu = f"{name=}"\nv = f""\nw = f"{x}"\n',
    't009_try': 'try:\n    f()\nexcept ValueError as e:\n    print(e)\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    raise\nelse:\n    g()\nfinally:\n    h()\n\ntry:\n    f()\nfinally:\n    g()\n\ndef fn():\n    for i in x:\n        try:\n            return 1\n        finally:\n            print(2)\n    with open(f) as fp:\n        return fp.read()\nraise ValueError("x") from None\nassert x, "msg"\nassert y\n',
    't010_comp': 'a = [x * 2 for x in range(10) if x % 2]\nb = {x: y for x, y in items}\nc = {x for x in s}\nd = (x for x in s)\ne = [x + y for x in a for y in b]\ndef f(n):\n    return [i for i in range(n)]\nclass C:\n    y = [z for z in range(3)]\ng = sum(x for x in a)\nh = all(x for x in a)\n',
    't011_class': 'class A:\n    """doc"""\n    x = 1\n    def __init__(self, v):\n        self.v = v\n    def m(self):\n        return super().m()\n    @staticmethod\n    def s():\n        return __class__\n\n@dec\nclass B(A, metaclass=M):\n    pass\n',
    't012_walrus_lambda_global': 'if (n := len(a)) > 10:\n    print(n)\nf = lambda x, y=1: x + y\ng = lambda: (yield)\ndef h():\n    global G\n    G = 1\n    del G\n    return G\ndef gen():\n    yield 1\n    x = yield from other()\n    return x\nasync def co():\n    await x\n    async with a as b:\n        pass\n    async for i in y:\n        pass\n',
    't013_annot': 'x: int = 1\ny: str\ndef f(a: int, b: "str" = 1) -> bool:\n    z: list = []\n    return a\nclass C:\n    a: int\n    b: int = 2\n',
    't014_match': 'match cmd:\n    case [x, y]:\n        pass\n    case {"a": 1, **rest}:\n        pass\n    case Point(x=0, y=yy) | Point(x=yy, y=0):\n        pass\n    case 1 | 2:\n        pass\n    case str() if cmd:\n        pass\n    case [1, *_, 2]:\n        pass\n    case None:\n        pass\n    case _:\n        pass\n',
    't015_loops_unwind': 'def f(xs):\n    for x in xs:\n        try:\n            if x:\n                break\n            continue\n        except E as e:\n            return e\n        finally:\n            g()\n    while True:\n        with ctx() as c, ctx2():\n            if c:\n                break\n            return c\n    for y in xs:\n        try:\n            pass\n        except:\n            continue\n    return 5\n',
    't017_super': 'class A(B):\n    def f(self, x):\n        super().f(x)\n        return super().g\n    def h(self):\n        return super(A, self).h()\n    def k(self):\n        return __class__\n    def cm(cls):\n        a = super().x\n        del a\n',
    't018_condanno': 'import sys\nif sys:\n    x: int = 1\nfor i in range(3):\n    y: str\nclass C:\n    if a:\n        z: int\n    w: float\n',
    't019_comp_complex': 'def f(a):\n    y = 1\n    r = [lambda: x + y for x in a]\n    s = [(x, z) for x in a if x for z in range(x) if z]\n    t = [w := x for x in a]\n    return r, s, t, w\nclass K:\n    v = 3\n    l = [v for _ in range(2)]\n    m = [q for q in range(v)]\nasync def g(a):\n    return [x async for x in a]\nasync def h(a):\n    return [await x for x in a]\n',
    't020_big': 'f(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32)\nx = [a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20,a21,a22,a23,a24,a25,a26,a27,a28,a29,a30,a31,a32]\nd = {a1:1,a2:2,a3:3,a4:4,a5:5,a6:6,a7:7,a8:8,a9:9,a10:10,a11:11,a12:12,a13:13,a14:14,a15:15,a16:16,a17:17}\ng(a=1,b=2,c=3,d=4,e=5,f=6,g=7,h=8,i=9,j=10,k=11,l=12,m=13,n=14,o=15,p=16)\no.m(a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20,a21,a22,a23,a24,a25,a26,a27,a28,a29,a30)\ns = f"{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}{k}{l}{m}{n}{o}{p}{q}"\n',
    't021_trystar': 'try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    pass\nelse:\n    h()\nfinally:\n    k()\n',
    't022_misc': "x = y = z = 0\na.b.c = d[e][f] = 1\ndel a, b.c, d[e]\nprint(*args, sep='')\nx = a is None\ny = a is not b\nz = a not in b\nq = not (a == b)\nif not a:\n    pass\nif a is None or b:\n    pass\nwhile not (x < y < z):\n    x += 1\nlst[1:2:3] = 5\nr = lst[:]\nt = lst[1:]\nu = lst[-1]\nv = (1, 2)[0]\nw = x if y else (z if q else r)\n",
    't023_gen': 'def g(n):\n    for i in range(n):\n        yield i\n    yield from range(3)\n    return 1\ndef h():\n    x = yield\n    try:\n        yield x\n    finally:\n        print(1)\nasync def a():\n    async with x:\n        return 1\nasync def b():\n    async for i in x:\n        yield i\n',
    't024_errors1': 'return 1\n',
    't025_errors2': 'break\n',
    't026_errors3': 'def f():\n    continue\n',
    't027_kwdup': 'f(a=1, a=2)\n',
    't028_classdict': 'class C:\n    x: int\n    def f(self, a: int) -> "C":\n        return a\n    def g(self, b=x):\n        pass\nclass D(*bases, **kw):\n    """Doc."""\n    @property\n    def p(self):\n        return self._p\n    @p.setter\n    def p(self, v):\n        self._p = v\n    def __repr__(self):\n        return f"{type(self).__name__}()"\n',
    't029_deco_defaults': '@a.b(1)\n@c\ndef f(x, y=[], *, z=None, w):\n    def inner(p=x, *q, r=y, **s) -> list[int]:\n        return p\n    return inner\nlam = lambda a, *, b=2, **c: (a, b, c)\ndef g(a, /, b, *, c): return a\n',
    't030_finally_ret': 'def f():\n    try:\n        return 1\n    finally:\n        return 2\ndef g(x):\n    try:\n        x()\n    except Exception as e:\n        def h():\n            return e\n        return h\n    return None\ndef k(x):\n    while 1:\n        try:\n            x()\n        except:\n            break\n    with a, b as (c, d):\n        x += 1\n    return x\n',
    't031_nested_scopes': 'x = 1\ndef f():\n    global x\n    x = 2\n    y = 3\n    def g():\n        nonlocal y\n        y = 4\n        def h():\n            return x, y\n        return h\n    del y\n    return g\ndef comp_cell(a):\n    return [lambda: i for i in a], [j for j in a if (lambda: j)]\nimport os\ndef imp():\n    import sys\n    from os import path as p\n    return sys, p\n',
    't033_while_true': 'while True:\n    x = f()\n    if x:\n        break\nelse:\n    g()\nwhile 1:\n    pass\nn = 0\nwhile n < 3:\n    n += 1\nfor a, (b, c) in items:\n    print(a, b, c)\nfor i in range(10):\n    if i % 2:\n        continue\n    print(i)\n',
    't034_with_try_nest': 'def f(p):\n    with open(p) as fp:\n        try:\n            data = fp.read()\n        except OSError as err:\n            raise RuntimeError("x") from err\n        else:\n            return data\n        finally:\n            fp.close()\nasync def g(p):\n    async with p as q:\n        try:\n            await q\n        except* OSError:\n            return 1\n',
    't035_augattr_sub': 'a.b += 1\na[b] *= 2\na[b:c] //= 3\na[1:2:3] **= 4\nx @= y\nx >>= 1\nx <<= 1\nx ^= 1\nx |= 1\nx &= 1\nx %= 1\nx /= 1\nx -= 1\n',
    't036_module_doc': '"""Module docstring."""\nimport sys\ndef f():\n    "single"\n    pass\nclass K:\n    "class doc"\n    def m(self):\n        \'\'\'\n        indented\n          more\n        \'\'\'\n',
    't037_eval': '#mode:eval\na + b * c if d else [x for x in e]\n',
    't039_single2': '#mode:single\n"doc"\n',
    't040_gen2': 'def f():\n    yield 1\n    return 2\ndef g():\n    return (yield)\nx = lambda: (yield 1)\n',
    't041_match2': 'def f(a):\n    match a:\n        case (1, 2) | [3, 4] as z:\n            return z\n        case {"k": v, 1: w} if v > w:\n            return v\n        case int(v) | float(v):\n            return v\n        case [*rest]:\n            return rest\n        case C.CONST:\n            return 0\n        case True:\n            return 1\n',
    't042_future': 'from __future__ import generator_stop, division\ndef f():\n    pass\n',
    't044_unwind2': 'def f(xs):\n    for x in xs:\n        with cm() as c:\n            for y in c:\n                try:\n                    if y:\n                        return y\n                except KeyError as k:\n                    break\n                finally:\n                    cleanup()\n        try:\n            pass\n        except E as err:\n            continue\n    return None\ndef g():\n    try:\n        try:\n            a()\n        except:\n            b()\n            raise\n    except* T as t:\n        pass\n',
    't045_class_comp': 'class C:\n    a = 1\n    b = [a + i for i in range(3)]\n    c = {k: a for k in "xy"}\n    def m(self):\n        return [__class__ for _ in ()]\ndef outer():\n    z = 1\n    class Inner:\n        y = z\n        w = [z for q in range(2)]\n        def meth(self):\n            return z\n    return Inner\n',
    't046_globals_dels': 'def f():\n    global g1, g2\n    g1 = 1\n    del g2\n    x = 1\n    del x\n    def inner():\n        nonlocal_y = 2\n        return nonlocal_y\n    return inner\na = b = c = d = 1\ndel a\n(e, f) = [g, h] = 1, 2\nx: int\nx.y: int\nx[0]: int = 3\n',
    't047_calls2': "f(**a, **b)\nf(x=1, **a, y=2)\nf(*a, *b, c)\ng = {**a, 'b': 1, **c}\nh = {*a, *b}\ni = [1, 2, 3, 4, 5]\nj = (1, 2, 3, 4, 5)\nk = [1, 2, x]\nl = a[*b]\nm = [*range(3)]\no.m(*args)\no.m(**kw)\nsuper().f()\nn = (1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33)\np = [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33]\n",
    't048_single_if': '#mode:single\nif x:\n    y\n',
    't049_single_expr': '#mode:single\nx\n',
    't050_eval_lambda': '#mode:eval\nlambda a, b=1: a + b\n',
    't051_slice_tuple': 'y = x[1:2, 3]\nz = x[1:2, ::3]\nw = x[a:b, 1:]\n',
}


# Snippets the host parser (3.11) cannot give the right AST for (PEP 695
# generics, PEP 750 t-strings, f-string part locations): the oracle's own AST
# is sent over as JSON and compiled by pyvm's codegen, so only codegen and the
# passes after it are compared.
AST_SNIPPETS: dict[str, str] = {
    'g01': 'class Outer:\n    X = int\n    def meth[T](self, a: T, b: X) -> T:\n        return a\n    class Inner[U](Base, metaclass=M):\n        y: U\n    type A[V = int] = dict[V, X]\ndef f[*Ts = (int,), **P = [str]](*args: *Ts) -> None:\n    pass\ndef g[T](x=1, *, y=2):\n    return lambda: T\nclass K[T: (int, str) = int]:\n    def m(self):\n        return super().m()\n',
    'g02': 'name = "w"\nt = t"hello {name!r:>{width}} and {1+2=}"\nu = t"plain"\nv = t"{a}{b}"\ns = f"{x:{y}.{z}}" f"lit"\n',
    'g03': 'def f(x: int = 1, *args: str, y: "Q", **kw: float) -> list[int]:\n    def inner(a: x, b: f) -> None:\n        pass\n    return inner\nclass C:\n    a: int\n    if cond:\n        b: str = "s"\n    def __init__(self):\n        self.z: int = 0\nx: int\ny: "str" = 2\n',
    't008_fstring': 'name = "x"\ns = f"hello {name}!"\nt = f"{name!r:>10} {name!s} {name!a} {1+2:{w}}"\nu = f"{name=}"\nv = f""\nw = f"{x}"\n',
    't016_generic': 'def f[T](x: T) -> T:\n    return x\nclass C[T, *Ts, **P]:\n    def m(self) -> T:\n        pass\ntype Alias[K] = list[K]\ntype Simple = int\ndef g[T: int, U: (str, bytes) = str](a=1, *, b=2):\n    pass\n',
    't028_classdict': 'class C:\n    x: int\n    def f(self, a: int) -> "C":\n        return a\n    def g(self, b=x):\n        pass\nclass D(*bases, **kw):\n    """Doc."""\n    @property\n    def p(self):\n        return self._p\n    @p.setter\n    def p(self, v):\n        self._p = v\n    def __repr__(self):\n        return f"{type(self).__name__}()"\n',
}


@pytest.mark.parametrize("name", _program_names())
def test_code_object_matches_oracle(name: str) -> None:
    from pyvm.compile.codedump import dump_marshalled
    from pyvm.compile.marshal import PyMarshal_WriteObjectToString

    from pyvm.objects.object import PyErr

    expected = json.loads((EXPECTED / (name + ".json")).read_text())["code"]
    path = "tests/programs/%s.py" % name
    if expected is None:  # CPython refuses it (e.g. tb_syntax_error): so must pyvm
        with pytest.raises(PyErr):
            Py_CompileString((REPO / path).read_text(), path, "exec")
        return
    co = Py_CompileString((REPO / path).read_text(), path, "exec")
    got = dump_marshalled(PyMarshal_WriteObjectToString(co, 5))
    assert got.strip() == expected.strip()


def test_constant_keys_distinguish_equal_values() -> None:
    values: list[object] = [0, 0.0, -0.0, False, 0j, complex(0.0, -0.0), complex(-0.0, 0.0),
                            complex(-0.0, -0.0), (0,), (0.0,), (False,), b"", "",
                            frozenset(), frozenset([0]), frozenset([0.0]), None, Ellipsis,
                            slice(0, 1), slice(0.0, 1)]
    keys = [_PyCode_ConstantKey(v) for v in values]
    for i in range(len(keys)):
        for j in range(len(keys)):
            assert (keys[i] == keys[j]) == (i == j), (values[i], values[j])
    assert _PyCode_ConstantKey(1) == _PyCode_ConstantKey(1)
    assert _PyCode_ConstantKey((1, "a")) == _PyCode_ConstantKey((1, "a"))
    assert hash(_PyCode_ConstantKey(slice(1, 2))) == hash(_PyCode_ConstantKey(slice(1, 2)))


def test_const_cache_merges_equal_constants() -> None:
    cache: dict[object, object] = {}
    k1 = const_cache_insert(cache, (1, 2.0), True)
    k2 = const_cache_insert(cache, (1, 2.0), True)
    assert k1 is k2
    assert _PyCode_ConstantKey(2.0) in cache


def test_cleandoc() -> None:
    assert _PyCompile_CleanDoc("  a\n    b\n      c\n") == "a\nb\n  c\n"
    assert _PyCompile_CleanDoc("a\n\tb") == "a\nb"
    assert _PyCompile_CleanDoc("clean") == "clean"
    # Leading and trailing blank lines stay (unlike inspect.cleandoc).
    assert _PyCompile_CleanDoc("\n    x\n    ") == "\nx\n"


def _syntax_error(src: str) -> tuple[str, tuple[int, int, int, int]]:
    with pytest.raises(PyErr) as info:
        Py_CompileString(src, "<test>", "exec")
    return _syntax_error_of(info.value)


def _syntax_error_of(err: PyErr) -> tuple[str, tuple[int, int, int, int]]:
    from pyvm.objects.exceptions import PySyntaxErrorObject
    from pyvm.objects.longobject import PyLongObject
    from pyvm.objects.unicodeobject import PyUnicodeObject

    exc = err.normalize()
    assert isinstance(exc, PySyntaxErrorObject)
    msg = exc.msg
    assert isinstance(msg, PyUnicodeObject)
    nums = []
    for o in (exc.lineno, exc.offset, exc.end_lineno, exc.end_offset):
        assert isinstance(o, PyLongObject)
        nums.append(o.ob_ival)
    return msg.value, (nums[0], nums[1], nums[2], nums[3])


@pytest.mark.parametrize("src, msg, loc", [
    # (message, (lineno, offset, end_lineno, end_offset)) as CPython 3.14 reports them.
    ("return 1\n", "'return' outside function", (1, 1, 1, 9)),
    ("break\n", "'break' outside loop", (1, 1, 1, 6)),
    ("def f():\n    continue\n", "'continue' not properly in loop", (2, 5, 2, 13)),
    ("f(a=1, a=2)\n", "keyword argument repeated: a", (1, 8, 1, 11)),
    ("a, *b, *c = d\n", "multiple starred expressions in assignment", (1, 1, 1, 10)),
    ("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
     "default 'except:' must be last", (3, 1, 4, 9)),
    ("async def f():\n    yield from x\n", "'yield from' inside async function", (2, 5, 2, 17)),
    ("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator",
     (3, 5, 3, 13)),
])
def test_compile_time_syntax_errors(src: str, msg: str, loc: tuple[int, int, int, int]) -> None:
    assert _syntax_error(src) == (msg, loc)


def _node() -> Optional[str]:
    """node, once the project's oracle is installed (``npm ci`` in tools/oracle)."""
    node = shutil.which("node")
    if node is None or os.environ.get("PYVM_ORACLE") != "1":
        return None
    sys.path.insert(0, str(REPO / "tools" / "oracle"))
    from regen import ensure_node_modules

    ensure_node_modules()
    return node


ORACLE_JS = str(REPO / "tools" / "oracle" / "py314.mjs")

_ORACLE_DRIVER = """
import marshal
for name, src in SNIPPETS:
    mode = src.split("\\n")[0][6:] if src.startswith("#mode:") else "exec"
    try:
        out = dump_marshalled(marshal.dumps(compile(src, "p.py", mode)))
    except SyntaxError as e:
        out = "SyntaxError %s %r" % (e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
    print("=====" + name)
    print(out)
"""


@functools.lru_cache(maxsize=1)
def _oracle_dumps() -> dict[str, str]:
    """Runs the snippets under the oracle (in chunks: one pyodide process per
    chunk) and returns the dump text per snippet."""
    import subprocess
    import tempfile

    codedump = (REPO / "pyvm" / "compile" / "codedump.py").read_text()
    codedump = codedump.replace("from __future__ import annotations", "")
    items = sorted(ORACLE_SNIPPETS.items())
    result: dict[str, str] = {}
    for i in range(0, len(items), 8):
        chunk = items[i:i + 8]
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(codedump + "\nSNIPPETS = %r\n" % (chunk,) + _ORACLE_DRIVER)
            script = f.name
        out = subprocess.run(["node", ORACLE_JS, script], capture_output=True, text=True,
                             timeout=300).stdout
        os.unlink(script)
        cur: Optional[str] = None
        for line in out.splitlines():
            if line.startswith("====="):
                cur = line[5:]
                result[cur] = ""
            elif cur is not None:
                result[cur] += line + "\n"
    return result


@pytest.mark.skipif(os.environ.get("PYVM_ORACLE") != "1" or _node() is None,
                    reason="set PYVM_ORACLE=1 (needs node and the pyodide oracle)")
@pytest.mark.parametrize("name", sorted(ORACLE_SNIPPETS))
def test_snippet_matches_live_oracle(name: str) -> None:
    from pyvm.compile.codedump import dump_marshalled
    from pyvm.compile.marshal import PyMarshal_WriteObjectToString

    src = ORACLE_SNIPPETS[name]
    mode = src.split("\n")[0][6:] if src.startswith("#mode:") else "exec"
    try:
        co = Py_CompileString(src, "p.py", mode)
        got = dump_marshalled(PyMarshal_WriteObjectToString(co, 5))
    except PyErr as e:
        msg, loc = _syntax_error_of(e)
        got = "SyntaxError %s %r" % (msg, loc)
    assert got.strip() == _oracle_dumps()[name].strip()


_AST_DRIVER = """
import ast, json, marshal
def conv(n):
    if isinstance(n, ast.AST):
        d = {"_type": type(n).__name__}
        for f in n._fields:
            d[f] = conv(getattr(n, f, None))
        for a in n._attributes:
            d[a] = getattr(n, a, None)
        return d
    if isinstance(n, list):
        return [conv(x) for x in n]
    if n is Ellipsis or isinstance(n, (bytes, complex, float)):
        return {"_const": repr(n)}
    return n
for name, src in SNIPPETS:
    print("=====" + name)
    print(json.dumps(conv(ast.parse(src, "p.py", "exec"))))
    print(dump_marshalled(marshal.dumps(compile(src, "p.py", "exec"))))
"""


@functools.lru_cache(maxsize=1)
def _oracle_asts() -> dict[str, tuple[object, str]]:
    """The oracle's AST (as JSON) and code dump of every AST snippet."""
    import subprocess
    import tempfile

    codedump = (REPO / "pyvm" / "compile" / "codedump.py").read_text()
    codedump = codedump.replace("from __future__ import annotations", "")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(codedump + "\nSNIPPETS = %r\n" % (sorted(AST_SNIPPETS.items()),) + _AST_DRIVER)
        script = f.name
    out = subprocess.run(["node", ORACLE_JS, script], capture_output=True, text=True,
                         timeout=300).stdout
    os.unlink(script)
    result: dict[str, tuple[object, str]] = {}
    cur: Optional[str] = None
    tree: object = None
    dump = ""
    for line in out.splitlines():
        if line.startswith("====="):
            if cur is not None:
                result[cur] = (tree, dump)
            cur = line[5:]
            tree = None
            dump = ""
        elif tree is None:
            tree = json.loads(line)
        else:
            dump += line + "\n"
    if cur is not None:
        result[cur] = (tree, dump)
    return result


def _build_ast(d: object) -> object:
    """pyvm AST nodes from the oracle's JSON (constructor arguments in ASDL order)."""
    import ast as host_ast

    from pyvm.compile import ast as pyvm_ast

    if isinstance(d, list):
        return [_build_ast(x) for x in d]
    if isinstance(d, dict):
        if "_const" in d:
            return host_ast.literal_eval(d["_const"]) if d["_const"] != "Ellipsis" else Ellipsis
        cls = getattr(pyvm_ast, d["_type"])
        args = [_build_ast(d[f]) for f in cls._fields] + [d[a] for a in cls._attributes]
        return cls(*args)
    return d


@pytest.mark.skipif(os.environ.get("PYVM_ORACLE") != "1" or _node() is None,
                    reason="set PYVM_ORACLE=1 (needs node and the pyodide oracle)")
@pytest.mark.parametrize("name", sorted(AST_SNIPPETS))
def test_codegen_from_oracle_ast(name: str) -> None:
    from pyvm.compile import ast as pyvm_ast
    from pyvm.compile.codedump import dump_marshalled
    from pyvm.compile.compile import _PyAST_Compile
    from pyvm.compile.marshal import PyMarshal_WriteObjectToString

    tree, expected = _oracle_asts()[name]
    mod = _build_ast(tree)
    assert isinstance(mod, pyvm_ast.mod)
    co = _PyAST_Compile(mod, "p.py", 0, 0)
    got = dump_marshalled(PyMarshal_WriteObjectToString(co, 5))
    assert got.strip() == expected.strip()
