"""Differential tests of pyvm/compile/symtable.py against CPython 3.14's symtable.

The 3.14 side runs in the oracle (``node tools/oracle/py314.mjs``): for every
snippet below it records the 3.14 AST (so that syntax the 3.11 host cannot
parse, such as PEP 695 type parameters, is tested too) and either the raw
``_symtable.symtable()`` tree (names, block types, line numbers, the flag word
of every symbol, parameter lists, children) or the SyntaxError (message and
location). The result is saved in ``tests/symtable_oracle.json``; regenerate
it with ``python tests/test_symtable.py --regen``. Expectations are never
typed by hand.

The pyvm side rebuilds each AST as pyvm nodes, runs ``_PySymtable_Build`` and
compares the trees.
"""

from __future__ import annotations

import ast as host_ast
import json
import os
import sys
from typing import Any, Optional

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from pyvm.compile import ast as pyast  # noqa: E402
from pyvm.compile import symtable as S  # noqa: E402

ORACLE_JSON = os.path.join(HERE, "symtable_oracle.json")
ORACLE_DIR = os.path.join(os.path.dirname(HERE), "tools", "oracle")

SNIPPETS: dict[str, str] = {
    "simple_module": "x = 1\nprint(x)\ndel x\n",
    "function_locals": "def f(a, b=1, *args, c, d=2, **kw):\n    e = a + b\n    return e\n",
    "posonly": "def f(a, /, b, *, c):\n    pass\n",
    "closure": "def f():\n    x = 1\n    def g():\n        return x\n    return g\n",
    "nested_closure": (
        "def f(a):\n    def g():\n        def h():\n            return a\n        return h\n"
        "    return g\n"),
    "nonlocal": (
        "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1\n    g()\n"
        "    return x\n"),
    "global_stmt": "def f():\n    global g\n    g = 1\n    return h\n",
    "global_module": "global x\nx = 1\n",
    "class_basic": "class C:\n    x = 1\n    def m(self):\n        return x\n",
    "class_super": (
        "class C(B):\n    def m(self):\n        return super().m()\n"
        "    def n(self):\n        return __class__\n"),
    "class_free_class": (
        "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n"
        "            return x\n    return C\n"),
    "class_in_func": (
        "def f(y):\n    class C:\n        z = y\n        def m(self):\n            return y\n"
        "    return C\n"),
    "mangling": (
        "class Foo:\n    __x = 1\n    def m(self):\n        __y = self.__x\n"
        "        return __y, __z__\n    import __mod\n"),
    "mangling_underscores": "class __:\n    __x = 1\n",
    "lambda": "f = lambda a, *b, c=1, **d: a + x\n",
    "lambda_closure": "def f(x):\n    return lambda y: x + y\n",
    "lambda_defaults": "def f(x):\n    return lambda y=x: y\n",
    "listcomp": "xs = [x * y for x in range(3) if x for y in z]\n",
    "listcomp_in_func": "def f(z):\n    return [x + z for x in z]\n",
    "listcomp_nested": "def f(z):\n    return [[x + y for y in z] for x in z]\n",
    "setcomp_dictcomp": "def f(z):\n    return {x for x in z}, {k: v for k, v in z}\n",
    "genexp": "def f(z):\n    return (x + z for x in z)\n",
    "genexp_module": "g = (x for x in y)\n",
    "comp_cell": (
        "def f():\n    return [lambda: x for x in range(3)]\n"),
    "comp_cell_outer": (
        "def f():\n    x = 1\n    y = [lambda: x for x in range(3)]\n    return x\n"),
    "comp_in_class": "class C:\n    y = 1\n    xs = [x + y for x in range(3)]\n",
    "comp_class_super": (
        "class C:\n    def m(self):\n        return [super() for _ in range(3)]\n"),
    "comp_in_class_uses_class": "class C:\n    xs = [__class__ for _ in range(3)]\n",
    "walrus_comp": "def f(z):\n    [(y := x) for x in z]\n    return y\n",
    "walrus_comp_module": "[(y := x) for x in z]\n",
    "walrus_nested_comp": "def f(z):\n    [[(w := x) for x in z] for y in z]\n    return w\n",
    "walrus_global": "def f(z):\n    global y\n    [(y := x) for x in z]\n",
    "walrus_plain": "def f():\n    if (n := 10) > 5:\n        return n\n",
    "comp_async": "async def f(z):\n    return [x async for x in z]\n",
    "comp_await": "async def f(z):\n    return [await x for x in z]\n",
    "async_stuff": (
        "async def f(a):\n    async with a as b:\n        pass\n    async for c in b:\n"
        "        await c\n"),
    "generator": "def f():\n    yield 1\n    x = yield from g()\n",
    "imports": "import os.path\nimport a.b as c\nfrom m import n, o as p\nfrom q import *\n",
    "imports_in_func": "def f():\n    import os.path\n    from x import y as z\n",
    "try_except": (
        "try:\n    pass\nexcept E as e:\n    pass\nelse:\n    x = 1\nfinally:\n    y = 2\n"),
    "with_stmt": "with a as (b, c), d:\n    pass\n",
    "match_stmt": (
        "match x:\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n"
        "    case P(q, r=s) if q:\n        pass\n    case (t | u) as w:\n        pass\n"
        "    case None:\n        pass\n"),
    "match_in_func": (
        "def f(x):\n    match x:\n        case [a, b]:\n            return a\n        case C(d=e):\n"
        "            return e\n"),
    "annotations_module": "x: int = 1\ny: list[str]\nz.a: int\n",
    "annotations_conditional_module": "if c:\n    x: int = 1\n",
    "annotations_class": "class C:\n    x: int\n    y: T = 1\n",
    "annotations_class_conditional": "class C:\n    if c:\n        x: int\n",
    "annotations_func_local": "def f():\n    x: int = 1\n    y: Undefined\n",
    "annotations_params": "def f(a: int, *b: str, c: T = 1, **d: U) -> R:\n    pass\n",
    "annotations_method": "class C:\n    def m(self, a: int) -> C:\n        pass\n",
    "annotations_future": (
        "from __future__ import annotations\nx: int\ndef f(a: int) -> str:\n    pass\n"
        "class C:\n    y: T\n"),
    "annotations_nested_class": (
        "def f():\n    T = int\n    class C:\n        x: T\n    return C\n"),
    "annotations_global": "def f():\n    global x\n    x = 1\n",
    "docstrings": '"""mod"""\ndef f():\n    """doc"""\nclass C:\n    """doc"""\n',
    "decorators": "@dec\ndef f(): pass\n@dec2(arg)\nclass C: pass\n",
    "class_kwargs": "class C(A, metaclass=M, **kw):\n    pass\n",
    "fstring": "def f(x, w):\n    return f'{x!r:>{w}} {y}'\n",
    "starred": "a, *b = c\n[d, e] = f\n(g.h, i[j]) = k\n",
    "augassign": "def f():\n    x += 1\n",
    "del_stmt": "def f():\n    del x\n    del y.z, w[0]\n",
    "type_params_func": "def f[T, *Ts, **P](a: T) -> T:\n    return a\n",
    "type_params_bound": "def f[T: int, U: (str, bytes)](a: T) -> U:\n    pass\n",
    "type_params_defaults": "def f[T = int, *Ts = *tuple[int], **P = [int]](): pass\n",
    "type_params_func_defaults": "def f[T](a=1, *, b=2):\n    pass\n",
    "type_params_class": "class C[T](Base[T]):\n    x: T\n    def m(self) -> T:\n        pass\n",
    "type_params_class_mangled": "class C[__T]:\n    def m(self, x: __T) -> __T:\n        pass\n",
    "type_params_method": "class C:\n    def m[T](self, x: T) -> T:\n        return x\n",
    "type_alias": "type A = list[int]\ntype B[T] = dict[str, T]\n",
    "type_alias_in_class": "class C:\n    type A[T: int] = list[T]\n",
    "type_params_nested_class": (
        "class Outer:\n    x = 1\n    class Inner[T: x]:\n        y = T\n"),
    "type_params_in_func": "def outer():\n    x = 1\n    def inner[T: x](): return x\n",
    "comp_in_annotation_class": "class C:\n    x: [y for y in range(3)]\n",
    "comp_in_typeparam_class": "class C:\n    def f[T: [y for y in z]](self): pass\n",
    "interactive_like": "for i in range(3):\n    print(i)\nelse:\n    pass\nwhile x:\n    break\n",
    "debug_attr_load": "x = a.__debug__\n",
    "deep_nonlocal": (
        "def a():\n    x = 1\n    def b():\n        def c():\n            nonlocal x\n"
        "            x = 2\n        return c\n    return b\n"),
    "class_method_free_same_name": (
        "def f():\n    x = 1\n    class C:\n        x = 2\n        y = [x for _ in range(1)]\n"
        "        def g(self):\n            return x\n"),
    "class_global_decl": "class C:\n    global g\n    g = 1\n    def m(self): return g\n",
    "super_in_lambda": "class C:\n    f = lambda self: super()\n",
    "comp_shadow": "def f():\n    x = 1\n    y = [x for x in range(3)]\n    return x\n",
    "comp_free_from_enclosing": (
        "def f():\n    x = 1\n    def g():\n        return [x for _ in range(3)]\n    return g\n"),
    "walrus_in_genexp": "def f(z):\n    any((y := v) for v in z)\n    return y\n",
    "multiple_targets": "a = b = c\nfor (d, e) in f:\n    pass\n",
    "keyword_call": "f(a, *b, c=d, **e)\n",
    "slices": "x[a:b:c]\nx[::]\n",
    "ifexp_boolop": "x = a if b else c and d or not e\n",
    "dict_set": "d = {a: b, **c}\ns = {d, e}\n",
    "yield_in_class_method": "class C:\n    def g(self):\n        yield self\n",
    "tstring": "def f(x):\n    return t'{x} {y!r:{z}}'\n",
    "try_star": "try:\n    pass\nexcept* E as e:\n    x = 1\n",
    "more_class_comp_method": (
        "class C:\n    def m(self):\n        return [__class__ for _ in range(1)]\n"
        "    xs = [lambda: __class__ for _ in range(1)]\n"),
    "more_generic_class_super": (
        "class C[T](B):\n    def m(self) -> T:\n        return super().m(), T\n"),
    "more_generic_nested": (
        "class Outer[T]:\n    class Inner[U]:\n        def m[V](self, a: T, b: U) -> V:\n"
        "            return a, b\n"),
    "more_generic_class_annotations": "class C[T]:\n    x: T\n    y: list[T] = []\n",
    "more_typeparam_closure": "def f[T]():\n    def g():\n        return T\n    return g\n",
    "more_typeparam_mangled_method": "class C[__T]:\n    def m(self):\n        return __T\n",
    "more_lambda_in_class": "class C:\n    y = 1\n    f = lambda self: y\n",
    "more_comp_in_lambda_in_class": "class C:\n    y = 1\n    f = lambda: [y for _ in z]\n",
    "more_async_genexp_module": "g = (x async for x in y)\n",
    "more_await_genexp_in_sync": "def f():\n    return (await x for x in y)\n",
    "more_walrus_in_lambda_comp": "f = lambda z: [(y := x) for x in z]\n",
    "more_conditional_class_annotations": (
        "class C:\n    try:\n        a: int\n    except E:\n        pass\n"
        "    with m:\n        b: str\n    c: float\n"),
    "more_class_global_method": (
        "class C:\n    global g\n    def m(self):\n        return g\n    h = [g for _ in r]\n"),
    "more_nonlocal_in_method": (
        "def f():\n    x = 1\n    class C:\n        def m(self):\n            nonlocal x\n"
        "            x = 2\n    return C\n"),
    "more_del_in_comp": "def f():\n    x = 1\n    [x for x in range(3)]\n    del x\n",
    "more_comp_nested_cells": (
        "def f():\n    return [[lambda: (x, y) for y in range(2)] for x in range(2)]\n"),
    "more_class_comp_classdict_annot": "class C:\n    def f(self, a: [x for x in y]): pass\n",
    "more_typealias_class_ref": "class C:\n    x = int\n    type A = x\n",
    "more_typealias_generic_class": "class C:\n    type A[T] = (T, C)\n",
    "more_conditional_annotations_func_in_if": "if x:\n    def f(a: int): pass\n",
    "more_super_nested_func": (
        "class C:\n    def m(self):\n        def inner():\n            return super()\n"
        "        return inner\n"),
    "more_comprehension_iter_class_scope": "class C:\n    y = [1]\n    z = [x for x in y]\n",
    "more_star_import_module_func": "from m import *\ndef f():\n    return g\n",
    "more_annotated_attribute_func": "def f(self):\n    self.x: int = 1\n    a[0]: int\n",
    "more_global_in_nested_class_comp": (
        "def f():\n    global x\n    class C:\n        y = [x for _ in r]\n"),
    "more_default_referencing": "def f(a=b, *, c=d): pass\nlambda e=g: e\n",
    "err_yield_in_setcomp": "def f():\n    {(yield x) for x in y}\n",
    "err_yield_in_dictcomp": "def f():\n    {x: (yield) for x in y}\n",
    "err_await_in_lambda": "async def f():\n    return lambda: await x\n",
    "err_walrus_typeparam_comp": "def f[T: [(y := 1) for x in z]](): pass\n",
    "err_walrus_in_class_typeparams": "class C[T]:\n    [(y := x) for x in z]\n",
    "err_nonlocal_class": "class C:\n    nonlocal x\n",
    "err_dup_vararg": "def f(a, *a): pass\n",
    "err_dup_kwarg": "def f(a, **a): pass\n",
    "err_global_param_lambda_like": "def f(*args):\n    global args\n",
    "err_debug_import": "import __debug__\n",
    "err_debug_for": "for __debug__ in x: pass\n",
    "err_debug_match": "match x:\n    case C(__debug__=1): pass\n",
    "err_debug_walrus_comp": "[(__debug__ := 1) for x in y]\n",
    "eval_lambda": "lambda x: [x + y for y in z]",
    "eval_genexp": "(a for a in b)",
    "eval_walrus": "(y := [x for x in z])",
    "single_stmt": "x = [y for y in z]\n",
    "single_def": "def f(a):\n    return lambda: a\n",
    "single_await_err": "await x\n",
    # errors
    "err_param_global": "def f(x):\n    global x\n",
    "err_param_nonlocal": "def f(x):\n    nonlocal x\n",
    "err_global_after_use": "def f():\n    print(x)\n    global x\n",
    "err_global_after_assign": "def f():\n    x = 1\n    global x\n",
    "err_nonlocal_after_assign": "def g():\n    x = 0\n    def f():\n        x = 1\n        nonlocal x\n",
    "err_global_annot": "def f():\n    x: int\n    global x\n",
    "err_annot_global": "def f():\n    global x\n    x: int = 1\n",
    "err_annot_nonlocal": "def g():\n    x = 1\n    def f():\n        nonlocal x\n        x: int\n",
    "err_nonlocal_module": "nonlocal x\n",
    "err_nonlocal_nobinding": "def f():\n    nonlocal x\n",
    "err_nonlocal_global": "def g():\n    x = 1\n    def f():\n        global x\n        nonlocal x\n",
    "err_dup_arg": "def f(a, b, a):\n    pass\n",
    "err_dup_arg_lambda": "lambda a, a: 1\n",
    "err_dup_kwonly": "def f(a, *, a): pass\n",
    "err_import_star": "def f():\n    from m import *\n",
    "err_walrus_class": "class C:\n    [(y := x) for x in z]\n",
    "err_walrus_iter_var": "[(x := 1) for x in z]\n",
    "err_walrus_iter_expr": "[x for x in (y := z)]\n",
    "err_walrus_inner_loop": "[(y := 1) for x in z for y in w]\n",
    "err_await_outside": "await x\n",
    "err_await_outside_async": "def f():\n    await x\n",
    "err_async_with_outside": "def f():\n    async with x:\n        pass\n",
    "err_async_for_outside": "def f():\n    async for x in y:\n        pass\n",
    "err_async_comp_outside": "def f():\n    return [x async for x in y]\n",
    "err_yield_in_listcomp": "def f():\n    [(yield x) for x in y]\n",
    "err_yield_in_genexp": "def f():\n    ((yield x) for x in y)\n",
    "err_yield_annotation": "def f(x: (yield)): pass\n",
    "err_walrus_annotation": "x: (y := 1)\n",
    "err_await_annotation": "async def f():\n    def g(x: await y): pass\n",
    "err_yield_typealias": "def f():\n    type A = (yield)\n",
    "err_walrus_typevar_bound": "def f[T: (x := 1)](): pass\n",
    "err_yield_typevar_default": "def f():\n    def g[T = (yield)](): pass\n",
    "err_dup_type_param": "def f[T, T](): pass\n",
    "err_nonlocal_type_param": "def f[T]():\n    nonlocal T\n",
    "err_classdict_type_param": "class C[__classdict__]: pass\n",
    "err_assign_debug": "__debug__ = 1\n",
    "err_del_debug": "del __debug__\n",
    "err_debug_param": "def f(__debug__): pass\n",
    "err_debug_kwarg": "f(__debug__=1)\n",
    "err_debug_attr": "x.__debug__ = 1\n",
    "err_future_late": "x = 1\nfrom __future__ import annotations\n",
    "err_walrus_comp_typealias": "type A = [(y := 1) for x in z]\n",
}


# ---------------------------------------------------------------------------
# The oracle side (runs under CPython 3.14 in node)

ORACLE_SCRIPT = r'''
import ast, json, sys, _symtable
CONST_FIELDS = {("Constant", "value"), ("MatchSingleton", "value"), ("Interpolation", "str")}
def enc_const(v):
    if v is Ellipsis:
        return {"_const": "Ellipsis"}
    if type(v) is float:
        return {"_float": v.hex()}
    if type(v) is complex:
        return {"_complex": [v.real.hex(), v.imag.hex()]}
    return {"_const": repr(v)}
def enc(n):
    if isinstance(n, ast.AST):
        t = type(n).__name__
        d = {"_type": t}
        for f in n._fields:
            v = getattr(n, f, None)
            d[f] = enc_const(v) if (t, f) in CONST_FIELDS else enc(v)
        for a in n._attributes:
            d[a] = getattr(n, a, None)
        return d
    if isinstance(n, list):
        return [enc(x) for x in n]
    return n
def dump(t):
    # Symbols sorted: the order of free names follows string hashes in C.
    return {"name": t.name, "type": t.type, "lineno": t.lineno, "nested": t.nested,
            "symbols": sorted(t.symbols.items()), "varnames": list(t.varnames),
            "children": [dump(c) for c in t.children]}
snippets = json.loads(sys.stdin.read())
for name, src in snippets.items():
    r = {"source": src}
    mode = name.split("_")[0] if name.split("_")[0] in ("eval", "single") else "exec"
    try:
        r["ast"] = enc(ast.parse(src, mode=mode))
    except SyntaxError as e:
        r["parse_error"] = str(e)
        print(json.dumps([name, r]))
        continue
    try:
        r["table"] = dump(_symtable.symtable(src, "<st>", mode))
    except SyntaxError as e:
        r["error"] = [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
    print(json.dumps([name, r]))
'''


def regen() -> None:
    sys.path.insert(0, ORACLE_DIR)
    from regen import ensure_node_modules, run_script  # tools/oracle/regen.py

    ensure_node_modules()
    # The oracle cannot see this machine's files: the snippets travel inside
    # the script, the result comes back on stdout.
    code = ORACLE_SCRIPT.replace("sys.stdin.read()", repr(json.dumps(SNIPPETS)))
    script = os.path.join(HERE, "_symtable_oracle_tmp.py")
    lines = run_script(code, script).splitlines()
    # One record a line.
    data = dict(json.loads(line) for line in lines if line.strip())
    # One snippet a line, so that a change shows as a readable diff.
    with open(ORACLE_JSON, "w") as f:
        f.write("{\n")
        f.write(",\n".join(f"{json.dumps(k)}: {json.dumps(data[k], sort_keys=True)}"
                            for k in sorted(data)))
        f.write("\n}\n")


# ---------------------------------------------------------------------------
# The pyvm side


def dec_const(d: dict[str, Any]) -> object:
    if "_float" in d:
        return float.fromhex(d["_float"])
    if "_complex" in d:
        re, im = d["_complex"]
        return complex(float.fromhex(re), float.fromhex(im))
    r = d["_const"]
    if r == "Ellipsis":
        return Ellipsis
    return host_ast.literal_eval(r)


def build(n: Any) -> Any:
    """Rebuild a JSON-encoded 3.14 AST as pyvm nodes."""
    if isinstance(n, list):
        return [build(x) for x in n]
    if isinstance(n, dict):
        if "_const" in n or "_float" in n or "_complex" in n:
            return dec_const(n)
        cls = getattr(pyast, n["_type"])
        args = [build(n[f]) for f in cls._fields]
        args += [n[a] for a in cls._attributes]
        return cls(*args)
    return n


def future_of(m: Any) -> S._PyFutureFeatures:
    from pyvm.compile.future import _PyFuture_FromAST
    return _PyFuture_FromAST(m, "<st>")


class CapturedSyntaxError(Exception):
    pass


def _objects_ready() -> bool:
    """Whether the object modules that build a real pyvm SyntaxError exist yet
    (they are written in parallel with the compiler)."""
    try:
        import pyvm.objects.exceptions  # noqa: F401
        import pyvm.objects.longobject  # noqa: F401
        import pyvm.objects.tupleobject  # noqa: F401
        import pyvm.objects.unicodeobject  # noqa: F401
    except ImportError:
        return False
    return True


def capture_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the object layer exists, capture the error before it is built
    (works in interpreted mode only)."""
    if _objects_ready():
        return

    def fake(msg: str, filename: str, lineno: int, col_offset: int,
             end_lineno: int, end_col_offset: int) -> None:
        raise CapturedSyntaxError([msg, lineno, col_offset + 1, end_lineno,
                                   end_col_offset + 1])
    monkeypatch.setattr(S, "_raise_syntax_error", fake)


def decode_pyerr(e: Any) -> list[Any]:
    """The SyntaxError carried by a PyErr, as host values:
    [msg, lineno, offset, end_lineno, end_offset]."""
    exc = e.normalize()
    args = exc.args.ob_item
    assert len(args) == 1, "symtable errors carry only the message, as in C"

    def num(o: Any) -> Any:
        return None if o is None else o.ob_ival

    return [exc.msg.value, num(exc.lineno), num(exc.offset), num(exc.end_lineno),
            num(exc.end_offset)]


def dump(ste: S.PySTEntryObject) -> dict[str, Any]:
    return {"name": ste.ste_name, "type": ste.ste_type, "lineno": ste.ste_loc.lineno,
            "nested": int(ste.ste_nested),
            "symbols": [[k, v] for k, v in ste.ste_symbols.items()],
            "varnames": list(ste.ste_varnames),
            "children": [dump(c) for c in ste.ste_children]}


def normalize(t: dict[str, Any]) -> dict[str, Any]:
    """Symbols compared as a mapping (free names may be added in a different
    order: C follows its set's hash order)."""
    return {"name": t["name"], "type": t["type"], "lineno": t["lineno"],
            "nested": t["nested"], "symbols": dict((k, v) for k, v in t["symbols"]),
            "varnames": t["varnames"],
            "children": [normalize(c) for c in t["children"]]}


def load_oracle() -> dict[str, Any]:
    if not os.path.exists(ORACLE_JSON):
        pytest.skip("no oracle data: run python tests/test_symtable.py --regen")
    with open(ORACLE_JSON) as f:
        data: dict[str, Any] = json.load(f)
    return data


ORACLE: Optional[dict[str, Any]] = None


def oracle() -> dict[str, Any]:
    global ORACLE
    if ORACLE is None:
        ORACLE = load_oracle()
    return ORACLE


def run_pyvm(name: str) -> tuple[Optional[dict[str, Any]], Optional[list[Any]]]:
    rec = oracle()[name]
    m = build(rec["ast"])
    from pyvm.objects.object import PyErr
    try:
        st = S._PySymtable_Build(m, "<st>", future_of(m))
    except CapturedSyntaxError as e:
        return None, list(e.args[0])
    except PyErr as e:
        return None, decode_pyerr(e)
    assert st.st_top is not None
    return dump(st.st_top), None


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_against_oracle(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    capture_errors(monkeypatch)
    rec = oracle().get(name)
    if rec is None:
        pytest.skip("snippet not in oracle data; regenerate")
    if "parse_error" in rec:
        pytest.skip("3.14 parser rejects it: " + rec["parse_error"])
    table, err = run_pyvm(name)
    if "error" in rec:
        assert err == rec["error"], (table, err)
    else:
        assert err is None, err
        assert table is not None
        assert normalize(table) == normalize(rec["table"])


def test_mangle() -> None:
    assert S._Py_Mangle("Foo", "__x") == "_Foo__x"
    assert S._Py_Mangle("_Foo", "__x") == "_Foo__x"
    assert S._Py_Mangle("__", "__x") == "__x"
    assert S._Py_Mangle("Foo", "__x__") == "__x__"
    assert S._Py_Mangle("Foo", "__a.b") == "__a.b"
    assert S._Py_Mangle("Foo", "_x") == "_x"
    assert S._Py_Mangle(None, "__x") == "__x"


def test_lookup_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    capture_errors(monkeypatch)
    rec = oracle()["type_params_defaults"]
    m = build(rec["ast"])
    st = S._PySymtable_Build(m, "<st>", future_of(m))
    f = m.body[0]
    assert S._PySymtable_Lookup(st, m) is st.st_top
    assert S._PySymtable_Lookup(st, f).ste_type == S.FunctionBlock
    assert S._PySymtable_Lookup(st, f.type_params).ste_type == S.TypeParametersBlock
    assert S._PySymtable_Lookup(st, f.args).ste_type == S.AnnotationBlock
    t = f.type_params[0]
    assert S._PySymtable_Lookup(st, id(t) + 1).ste_type == S.TypeVariableBlock
    assert S._PySymtable_LookupOptional(st, t) is None
    rec = oracle()["annotations_class"]
    m = build(rec["ast"])
    st = S._PySymtable_Build(m, "<st>", future_of(m))
    cls = S._PySymtable_Lookup(st, m.body[0])
    ann = S._PySymtable_Lookup(st, cls.ste_id + 1)
    assert ann is cls.ste_annotation_block


def test_deep_nesting_is_pyvm_recursion_error() -> None:
    """A host RecursionError never escapes: it becomes pyvm's RecursionError."""
    if not _objects_ready():
        pytest.skip("object layer not written yet")
    from pyvm.objects.exceptions import PyExc_RecursionError
    from pyvm.objects.object import PyErr
    e: Any = pyast.Constant(1, None, 1, 0, 1, 1)
    # Deeper than both the host's limit (interpreted) and the C stack model's
    # (compiled: about 41,000 levels of 200 bytes in 8 MiB, pyvm/pystate.py).
    for _ in range(max(sys.getrecursionlimit(), 45000) + 50):
        e = pyast.UnaryOp(pyast.USub_, e, 1, 0, 1, 1)
    m = pyast.Expression(e)
    with pytest.raises(PyErr) as info:
        S._PySymtable_Build(m, "<st>", S._PyFutureFeatures())
    assert info.value.matches(PyExc_RecursionError)


if __name__ == "__main__":
    if "--regen" in sys.argv:
        regen()
        print("wrote", ORACLE_JSON)
