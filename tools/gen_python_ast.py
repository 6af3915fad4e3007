"""pyvm: generate pyvm/compile/python_ast_tables.py (the node tables of the ``_ast``
module, pyvm/compile/python_ast.py) from CPython's Parser/Python.asdl, as
Parser/asdl_c.py generates Python/Python-ast.c.

Usage: python3 tools/gen_python_ast.py [--check] [PATH/TO/Python.asdl]

``--check`` writes nothing and exits 1 when the committed file differs from what
the generator would write (tests/test_python_ast.py runs it).

The ASDL reader is tools/gen_ast.py's (``parse_asdl``). The output has two parts
(the run-time code that uses them, the ``AST`` type and the generic
``ast_type_init`` / ``ast2obj`` / ``obj2ast`` walkers, is the hand-written
pyvm/compile/python_ast.py):

* per constructor, a reader ``_get_X`` (a pyvm/compile/ast.py node's fields and
  attributes, in ASDL order) and a builder ``_make_X`` (C's ``_PyAST_X``);
* the tables the walkers read: one :class:`_AstType` per sum, constructor and
  product type, with its fields' kinds.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_ast import DEFAULT_ASDL, Field, Type, parse_asdl, write_or_check  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "pyvm", "compile", "python_ast_tables.py")

KINDS = {"identifier": "K_IDENT", "string": "K_STRING", "int": "K_INT", "constant": "K_CONST"}
HOST = {"identifier": "str", "string": "str", "int": "int", "constant": "object"}


def field_str(f: Field) -> str:
    """The field as Parser/asdl.py's ``Field.__str__`` writes it (``expr?* keys``)."""
    extra = "?*" if f.seq_opt else ("*" if f.seq else ("?" if f.opt else ""))
    return f"{f.type}{extra} {f.name}"


def asdl_of(name: str, fields: list[Field]) -> str:
    """Parser/asdl_c.py:asdl_of for a constructor or product."""
    if fields:
        return f"{name}({', '.join(field_str(f) for f in fields)})"
    return name


def sum_doc(t: Type) -> str:
    """Parser/asdl_c.py:asdl_of for a sum."""
    if t.simple:
        return f"{t.name} = " + " | ".join(c.name for c in t.ctors)
    sep = "\n" + " " * (len(t.name) + 1) + "| "
    return f"{t.name} = " + sep.join(asdl_of(c.name, c.fields) for c in t.ctors)


def host_type(f: Field) -> str:
    base = HOST.get(f.type, "ast." + f.type)
    if f.seq:
        return f"list[Optional[{base}]]" if f.seq_opt else f"list[{base}]"
    if f.opt:
        return f"Optional[{base}]"
    return base


def field_entry(f: Field) -> str:
    kind = KINDS.get(f.type, "K_NODE")
    return f"_Field({f.name!r}, {f.type!r}, {kind}, {f.seq!r}, {f.opt!r})"


def gen(asdl: str) -> str:
    types = parse_asdl(asdl)
    out: list[str] = [HEADER]
    out.append("\n\n# --- readers and builders ----------------------------------------------------\n")
    for t in types:
        if t.simple:
            continue
        attrs = t.attrs
        for c in t.ctors:
            allf = c.fields + attrs
            reads = ", ".join(f"n.{f.name}" for f in allf)
            out.append(f"\n\ndef _get_{c.name}(n: ast.AST) -> list[object]:\n")
            out.append(f'    """CPython: Python/Python-ast.c:ast2obj_{t.name}\n\n'
                       f'    pyvm: the fields and attributes of a ``{c.name}`` node, in ASDL order."""\n')
            out.append(f"    assert isinstance(n, ast.{c.name})\n")
            out.append(f"    return [{reads}]\n")
            out.append(f"\n\ndef _make_{c.name}(v: list[object]) -> ast.AST:\n")
            out.append(f'    """CPython: Python/Python-ast.c:_PyAST_{c.name}"""\n')
            args = ", ".join(f"v[{i}]" if host_type(f) == "object" else f'cast("{host_type(f)}", v[{i}])'
                             for i, f in enumerate(allf))
            out.append(f"    return ast.{c.name}({args})\n")
    out.append("\n\n# --- the type tables -----------------------------------------------------------\n")
    out.append("\n\ndef _asdl_types() -> list[_AstType]:\n")
    out.append('    """pyvm: Parser/Python.asdl as tables, in definition order (the order\n'
               '    ``init_types`` makes the types and ``astmodule_exec`` adds them)."""\n')
    out.append("    return [\n")
    for t in types:
        attrs = "[" + ", ".join(field_entry(a) for a in t.attrs) + "]"
        if t.product:
            c = t.ctors[0]
            fields = "[" + ", ".join(field_entry(f) for f in c.fields) + "]"
            out.append(f"        _product({t.name!r}, {fields}, {attrs},\n"
                       f"                 _get_{c.name}, _make_{c.name},\n"
                       f"                 {asdl_of(t.name, c.fields)!r}),\n")
            continue
        out.append(f"        _sum({t.name!r}, {attrs}, {t.simple!r},\n"
                   f"             {sum_doc(t)!r}, [\n")
        for c in t.ctors:
            fields = "[" + ", ".join(field_entry(f) for f in c.fields) + "]"
            if t.simple:
                out.append(f"                 _ctor({c.name!r}, [], None, None, {c.name!r},\n"
                           f"                       ast.{c.name}_),\n")
            else:
                out.append(f"                 _ctor({c.name!r}, {fields},\n"
                           f"                       _get_{c.name}, _make_{c.name},\n"
                           f"                       {asdl_of(c.name, c.fields)!r}, None),\n")
        out.append("             ]),\n")
    out.append("    ]\n")
    return "".join(out)


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--check"]
    asdl = args[0] if args else DEFAULT_ASDL
    return write_or_check(OUT, gen(asdl), "--check" in sys.argv[1:],
                          "tools/gen_python_ast.py")


HEADER = '''"""Ports Parser/Python.asdl: the tables and the per-constructor readers and
builders of the ``_ast`` module (what Parser/asdl_c.py compiles into
Python/Python-ast.c for every node type).

They serve pyvm/compile/python_ast.py, the module itself.

Generated by tools/gen_python_ast.py from Parser/Python.asdl; do not edit by hand.

``_get_X`` reads a compiler node's (pyvm/compile/ast.py) fields and attributes
in ASDL order, for ``ast2obj``; ``_make_X`` builds one from values in that order
(C's ``_PyAST_X``), for ``obj2ast_type``; ``_asdl_types`` lists every sum,
constructor and product with its fields, which python_ast.py's generic walkers
read.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, cast

from pyvm.compile import ast
from pyvm.compile.python_ast import (
    K_CONST, K_IDENT, K_INT, K_NODE, K_STRING, _AstType, _ctor, _Field, _product, _sum,
)
from pyvm.objects.object import _cast
globals()["cast"] = _cast  # see pyvm/objects/object.py:_cast
'''


if __name__ == "__main__":
    sys.exit(main())
