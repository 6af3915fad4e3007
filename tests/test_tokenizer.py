"""Differential tests of pyvm/compile/tokenizer.py (the port of
Parser/lexer/lexer.c and its helpers) against CPython 3.14's C tokenizer.

The 3.14 side runs in the oracle (``node tools/oracle/py314.mjs``): every
source of ``SOURCES`` goes through ``_tokenize.TokenizerIter(readline,
extra_tokens=False)`` -- the raw C token stream with its exact types, what
the parser sees -- and the oracle records each token as ``[type, string,
lineno, col, end_lineno, end_col]`` (character columns), the error that
stopped it (type, msg, lineno, offset, end_lineno, end_offset, text) and
the SyntaxWarnings it issued; it does the same with ``extra_tokens=True``
(the ``tokenize`` module's stream: COMMENT and NL tokens, operators as OP).
``BYTES_SOURCES`` test the decoding of source
bytes (BOM, coding cookies, invalid UTF-8): the oracle records what
``compile()`` says of the bytes when it refuses them, else the tokens of the
decoded text. ``STDLIB_FILES`` are files of the oracle's own Lib (the
``python_stdlib.zip`` of the pinned pyodide package, read from the zip on
this side): their tokens in full, and for ``STDLIB_HASHED`` the count and a
sha256 of the token list. ``token.tok_name`` is recorded to check the token
numbers, and for ``DEBUG_FIELDS`` the debug text ``ast.parse`` makes of
``{x=}`` (the tokenizer's metadata), and for ``TYPE_COMMENT_SOURCES`` the
type comments of ``ast.parse(type_comments=True)``. The result is ``tests/tokenizer_oracle.json``; regenerate it with
``python tests/test_tokenizer.py --regen``. Expectations are never typed by
hand.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import zipfile
from typing import Any, Optional

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from pyvm.compile import tokenizer as T  # noqa: E402
from pyvm.objects.object import PyErr, PyObject  # noqa: E402

ORACLE_JSON = os.path.join(HERE, "tokenizer_oracle.json")
ORACLE_DIR = os.path.join(ROOT, "tools", "oracle")
STDLIB_ZIP = os.path.join(ORACLE_DIR, "node_modules", "pyodide", "python_stdlib.zip")

OPERATORS = ("( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= "
             "%= &= |= ^= <<= >>= **= // //= @ @= -> ... := ! <>")

SOURCES: dict[str, str] = {
    # operators, names, keywords
    "operators": "a " + OPERATORS + "\n",
    "operators_tight": "a<<=b>>=c**=d//=e->f...g:=h!=i<>j@=k\n",
    "dots": "a.b..c...d....e.....f\n",
    "names": "abc _x x1 __dunder__ async await match case type _ True None\n",
    "async_def": "async def f():\n    await x\n    async for a in b: pass\n    async with c: pass\n",
    "unicode_ids": "\u00e9t\u00e9 = \u03c0 + \u0394x\nna\u00efve = \u4e2d\u6587\n\u212b = 1\n",
    "unicode_cols": "s = '\u00e9\u00e9\u00e9' + x  # \u4e2d\u6587\ny = \U0001f600 if 0 else '\U0001f600'\n",
    "unicode_cols2": "y = '\U0001f600' + z  # \U0001f600\nw = '\u00e9\\n\u00e9' + f'\u00e9{\u00e9}\u00e9' + 1\n",
    "soft_keywords": "match x:\n    case [a, *b] if a: pass\n    case _: pass\ntype X = int\n",
    # numbers
    "numbers": ("0 00 000 0_0 1 123 1_000_000 0x1F 0X_ff 0o17 0O_7 0b101 0B_1 1.5 .5 5. 1e10 1E-5 "
                "1.5e+3 1_0.2_5e1_0 0.0 00.5 0e0 1j 1.5J 0j 00j 1e5j .5j 5.j 0_1.0 09.5 09e1 09j\n"),
    "number_then_keyword": "x = 1if y else 2\nz = 0x1for\nw = 1.0and 3\nq = 1jor 2\nr = 0o7in s\n",
    "number_attr": "1 .real\n1.0.real\n1..real\n0x1.real\n",
    "err_leading_zero": "x = 0123\n",
    "err_leading_zeros2": "x = 000_12 + 1\n",
    "err_decimal_letter": "x = 1abc\n",
    "err_decimal_underscore_end": "x = 1_\n",
    "err_decimal_double_underscore": "x = 1__0\n",
    "err_hex": "x = 0x\n",
    "err_hex_g": "x = 0x1g\n",
    "err_hex_underscore": "x = 0x_\n",
    "err_octal_digit": "x = 0o8\n",
    "err_octal_digit2": "x = 0o17_9\n",
    "err_octal": "x = 0o\n",
    "err_binary_digit": "x = 0b2\n",
    "err_binary_digit2": "x = 0b10_3\n",
    "err_binary": "x = 0b\n",
    "err_exponent": "x = 1e+\n",
    "err_exponent_letter": "x = 1ex\n",
    "err_exponent_underscore": "x = 1e_1\n",
    "err_imaginary": "x = 1jx\n",
    "err_fraction": "x = 1.5_\n",
    "err_zero_underscore": "x = 0_\n",
    "err_zero_letter": "x = 0z\n",
    "err_zero_b_letter": "x = 0b1z\n",
    "err_float_e_letter": "x = 1.5else 2\n",
    # strings
    "strings": ("a = 'x' \"y\" '''z''' \"\"\"w\"\"\" '' \"\" '''''' \"\"\"\"\"\"\n"
                "b = r'\\d' R\"x\" b'b' B'b' br'x' Rb'x' bR\"y\" rB'z' u'u' U\"u\"\n"),
    "string_escapes": "a = 'it\\'s' \"q\\\"q\" '\\\\' 'a\\\nb'\nb = '\\N{BULLET}'\n",
    "string_multiline": "x = '''line1\nline2\n  line3'''\ny = \"\"\"a\n\"\"\" + 'b'\n",
    "string_multiline_unicode": "x = '''\u00e9\n\u4e2d\u00e9'''; y = 1\n",
    "string_continuation": "x = 'abc\\\ndef'\n",
    "err_unterminated": "x = 'abc\n",
    "err_unterminated_dq": "x = \"abc\ny = 1\n",
    "err_unterminated_escaped_quote": "x = 'abc\\'\n",
    "err_unterminated_triple": "x = '''abc\ndef\n",
    "err_unterminated_triple_eof": "x = 1\ny = \"\"\"abc",
    "err_unterminated_eof": "x = 'abc",
    "err_prefix_ub": "x = ub'x'\n",
    "err_prefix_ur": "x = ur'x'\n",
    "err_prefix_bf": "x = bf'x'\n",
    "err_prefix_ft": "x = ft'x'\n",
    "err_prefix_ut": "x = Ut'x'\n",
    "err_prefix_tb": "x = tb'x'\n",
    "prefix_not_string": "bf + ur + fr + rb + tr\n",
    # f-strings and t-strings
    "fstring_simple": "f'a{b}c' F\"{x}\" f'' f'{{}}' f'{{x}}y}}' fr'\\d{x}' rf'{x}\\n' Rf'' fR''\n",
    "fstring_nested_quotes": "f'{\"a\"}' f\"{'b'}\" f'{f'{x}'}' f'{f\"{f'{y}'}\"}'\n",
    "fstring_format_spec": "f'{x:>10}' f'{x:{w}.{p}f}' f'{x!r:^{w}}' f'{x:%H:%M}' f'{x:}' f'{x!s}'\n",
    "fstring_debug": "f'{x=}' f'{x = }' f'{x=!r:>10}' f'{x=:{y}}' f'{a+b=}' f'{x==y}' f'{x!=y}'\n",
    "fstring_debug_comment": "f'''{x # c\n=}'''\n",
    "fstring_triple": "f'''a\n{b}\nc{d:\n}'''\nf\"\"\"{\nx\n}\"\"\"\n",
    "fstring_dict": "f'{ {a: b} }' f'{ {a} }' f'{[x for x in y]}' f'{(lambda: 1)()}'\n",
    "fstring_escapes": "f'\\n{x}\\t' f'\\{x}' f'\\N{BULLET} {x}' rf'\\{x}' f'\\\\{x}'\n",
    "fstring_walrus": "f'{(x:=1)}' f'{x:=10}'\n",
    "fstring_unicode": "f'\u00e9{\u00e9t\u00e9!r}\u4e2d{x:\u00e9>5}'\n",
    "fstring_multiline_expr": "f'{x\n+ y}'\nf'''{\n  x +\n  y\n}'''\n",
    "fstring_lambda_colon": "f'{lambda x: 1}'\n",
    "tstrings": "t'a{b}c' T\"{x!r:>{w}}\" t'' tr'\\d{x}' rt'{x}' Rt'' tR'' t'{x=}' t'{x # c\n}'\n",
    "tstring_nested": "t'{t\"{x}\"}' f'{t\"{y:{z}}\"}'\n",
    "err_fstring_single_brace": "f'a}b'\n",
    "err_fstring_expecting_brace": "f'{x'\n",
    "err_fstring_unterminated": "f'abc\n",
    "err_fstring_unterminated_triple": "f'''abc\n{x}\n",
    "err_fstring_unmatched": "f'{)}'\n",
    "err_fstring_unmatched_bracket": "f'{x]}'\n",
    "err_fstring_nested_too_deeply": "f'{x:{y:{z:{w}}}}'\n",
    "err_fstring_newline_spec": "f'{x:abc\n}'\n",
    "err_tstring_single_brace": "t'}'\n",
    "err_tstring_unterminated": "t'abc",
    "err_tstring_unterminated_triple": "t'''abc",
    "err_fstring_nested_quote_unterminated": "f'{'a}'\n",
    # indentation
    "indent": "if x:\n    y\n    if z:\n        w\n    v\nu\n",
    "dedent_eof": "def f():\n    if x:\n        return 1",
    "dedent_eof_nl": "class C:\n    def f(self):\n        pass\n",
    "blank_lines": "\n\nx = 1\n\n   \n\t\n  # comment\n\ny = 2\n\n",
    "comments": "# top\nx = 1  # trailing\n    # indented comment\nif x:  # c\n    # c2\n    y\n# end",
    "tabs": "if x:\n\ty\n\tif z:\n\t\tw\n",
    "tabs_spaces_consistent": "if x:\n\ty\n\t z\n",
    "formfeed": "if x:\n\x0c    y\n\x0cz\n",
    "err_tab_inconsistent": "if x:\n\ty\n        z\n",
    "err_tab_inconsistent_indent": "if x:\n        y\n\tz\n",
    "err_tab_inconsistent_dedent": "if x:\n    if y:\n\tz\n    w\n",
    "err_dedent": "if x:\n        y\n    z\n",
    "err_too_deep": "".join("    " * i + "if x:\n" for i in range(101)) + "    " * 101 + "pass\n",
    "no_trailing_newline": "x = 1",
    "only_comment": "# just a comment",
    "empty": "",
    "only_newlines": "\n\n\n",
    "only_spaces": "   ",
    "indented_first_line": "  x = 1\n",
    # brackets, continuation
    "brackets": "x = (1,\n     2)\ny = [\n  3\n]\nz = {\n}\n",
    "brackets_indent_ignored": "f(a,\n        b,\n  c)\n",
    "continuation": "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
    "continuation_indent": "if x:\n    \\\n        y\n",
    "continuation_in_expr_start": "x = \\\n\\\n1\n",
    "err_continuation_char": "x = 1 \\ 2\n",
    "err_continuation_eof": "x = 1 + \\",
    "err_continuation_eof_nl": "x = 1 + \\\n",
    "err_unmatched_close": "x = 1)\n",
    "err_mismatch": "x = (1]\n",
    "err_mismatch_lines": "x = (1,\n2]\n",
    "err_unclosed_eof": "x = (1,\n2\n",
    "err_unclosed_brace_eof": "x = {\n",
    "err_too_many_parens": "x = " + "(" * 201 + "\n",
    # characters
    "err_invalid_char": "x = 1 $ 2\n",
    "invalid_ascii_ops": "a ? b ` c $\n",
    "err_nonprintable": "x = 1\x01\n",
    "err_del_char": "x = \x7f\n",
    "err_unicode_invalid": "x = a\u20acb\n",
    "err_unicode_invalid_start": "\u20ac = 1\n",
    "err_unicode_nonprintable": "x\u200b = 1\n",
    "err_null_byte": "x = 1\ny = \x00\n",
    "unicode_nfkc": "\ufb01 = 1\n\u2160 = 2\n",
    "crlf_free_semicolons": "a = 1; b = 2;\nc = 3\n",
    "decorators_annotations": "@dec\ndef f(a: int = 1, *b, **c) -> None: ...\nx: list[int] = []\n",
    "lambda_walrus": "lambda x, /, y=1, *, z: (w := x)\n",
    # more numbers
    "numbers_more": "1_000.000_1e-1_0j 0_0_0 0x_1_f 1e1_0 0.e5 1.j 0.0j 0e-0 1E+09\n",
    "number_keywords_warn": "a = [1if x else 2, 1in y, 1is z, 1or 2, 1and 3, 1not in w, 0x1for, 0o7and 1]\n",
    "err_number_dunder": "x = 1.__class__\n",
    "err_hex_else": "x = 0x1else 2\n",
    "err_octal_eof": "x=0o",
    "err_zero_then_underscore_letter": "x = 0_a\n",
    "number_eof": "x = 1.5e3",
    # more strings, f-strings, t-strings
    "string_prefix_cases": "x = Br'a' rb'''b''' RB\"\"\"c\"\"\" f'd' F'e' t'f' T'g' Fr'h' rF'i' Tr't' rT'u'\n",
    "fstring_edge": ("f'{x:{{}}>10}' f'{x!r=}' f'{x}' f'{y}' f'a' 'b' f'c' f'{\"\"\"a\"\"\"}' "
                     "f'{x:{\"a\"}}' f'{x:\\n}'\n"),
    "fstring_triple_nested_same": "f'''{f'''{x}'''}'''\n",
    "fstring_empty_expr": "f'{}'\n",
    "fstring_space_expr": "f'{ }'\n",
    "fstring_bang_only": "f'{x!}'\n",
    "fstring_format_spec_nested_debug": "f'{x=:{y=}}' t'{x=!s:{y}}'\n",
    "fstring_double_close_in_spec": "f'{x:}}'\n",
    "fstring_format_spec_brace_escape": "f'{x:{{}'\n",
    "fstring_backslash_brace_raw": "rf'\\{x}\\}}' fr'{{\\}}'\n",
    "fstring_named_escape_brace": "f'\\N{LATIN SMALL LETTER A}{x}' f'\\N{x}'\n",
    "fstring_deeply_nested": "f'{" * 40 + "x" + "}'" * 40 + "\n",
    "err_fstring_too_many_nested": "f'{" * 150 + "x" + "}'" * 150 + "\n",
    "fstring_comment_in_tstring": "t'''{x # hi\n!r}'''\n",
    "fstring_quote_in_debug_expr": "f'{\"#\"=}' f'''{\"a\" # c\n=}'''\n",
    "fstring_multiline_format_spec": "f'''{x:\n>10}'''\n",
    "fstring_newline_in_expr": "f'{\nx\n}'\n",
    "err_fstring_eof_in_expr": "f'{x",
    "err_fstring_unterminated_in_spec": "f'{x:abc",
    # CRLF line ends (kept by the readline tokenizer)
    "crlf": "x = 1\r\nif x:\r\n    y = 'a'  # c\r\n\r\nz = (1,\r\n  2)\r\n",
    "crlf_continuation": "x = 1 + \\\r\n    2\r\n",
    # comments and type comments (TYPE_COMMENT is off: plain comments)
    "type_comments": "x = []  # type: list[int]\ndef f():  # type: () -> None\n    pass  # type: ignore\n",
    "indent_backslash_first": "if x:\n  \\\n  y\n",
    "dedent_to_zero_multi": "if a:\n  if b:\n    if c:\n      d\ne\n",
    "dedent_comment_lines": "if a:\n    b\n  # odd comment\nc\n",
    "err_dedent_eof": "if a:\n    b\n  c",
    "err_tab_after_spaces": "if a:\n    b\n    \tc\n",
    "tabs_8_spaces_mixed_ok": "if a:\n        b\nif c:\n\td\n",
}

# f-strings and t-strings with one debug replacement field (``{x=}``): the
# text of its expression, the metadata the tokenizer attaches to the field's
# first ``!``, ``:`` or ``}`` token, is the constant the parser puts before it.
DEBUG_FIELDS: list[str] = [
    "f'{x=}'", "f'{x = }'", "f'{x=!r}'", "f'{x=:>10}'", "f'{x = !r:^{w}}'", "f'{a + b=}'",
    "f'''{x # comment\n=}'''", "f'{\"#\"=}'", "f'''{'a' # c'\n=}'''", "f'{\u00e9t\u00e9 =}'",
    "f'{x=:{y}}'", "f'{ {a: b}=}'", "f'{x==y=}'", "f'{(x:=1)=}'", "f'{f\"{x=}\"=}'",
    "t'{x=}'", "t'{x = !s:>{w}}'", "t'''{x # c\n=}'''", "t'{x=:{y=}}'",
]

# Sources with type comments: tokenized with ``tok.type_comments`` on (as the
# parser does for ``ast.parse(type_comments=True)``), their TYPE_COMMENT and
# TYPE_IGNORE tokens are compared with the ``type_comment`` fields and the
# ``type_ignores`` of 3.14's AST.
TYPE_COMMENT_SOURCES: list[str] = [
    "x = []  # type: list[int]\n",
    "def f(a,  # type: int\n      b,  # type: str\n      ):\n    # type: (...) -> None\n    pass\n",
    "def f(a, b):  # type: (int, str) -> None\n    pass\n",
    "for x in y:  # type: int\n    pass\nwith a as b:  # type: int\n    pass\n",
    "x = 1  # type: ignore\ny = 2  # type: ignore[misc]\nimport z  # type: ignore  # noqa\n",
    "# type: ignore\nx = 1\n",
    "if x:\n    # type: ignore\n    pass\n",
    "x = 1  #type:int\ny = 2  #  type:  str\nz = 3  # type:\tbytes\n",
    "x = 1  # type: ignored\ny = 2  # type: ignore\u00e9\nz = 3  # type: ignore_\n",
    "x = 1  # types: int\ny = 2  # type int\n",
]

# Source bytes: decoded as compile() decodes them.
BYTES_SOURCES: dict[str, bytes] = {
    "bom": b"\xef\xbb\xbfx = 'caf\xc3\xa9'\n",
    "cookie_latin1": b"# -*- coding: latin-1 -*-\nx = 'caf\xe9'\n",
    "cookie_line2": b"#!/usr/bin/env python\n# coding=iso-8859-15\nx = '\xa4'\n",
    "cookie_utf8": b"# coding: utf-8\nx = 'caf\xc3\xa9'\n",
    "cookie_utf8_variant": b"# vim: set fileencoding=UTF_8 :\nx = 1\n",
    "cookie_not_first": b"x = 1\n# coding: latin-1\ny = 'caf\xc3\xa9'\n",
    "cookie_after_code_line2": b"x = 1\n# coding: latin-1\n",
    "cookie_cp1252": b"# coding: cp1252\nx = '\x80'\n",
    "err_bom_cookie_mismatch": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    "bom_cookie_utf8": b"\xef\xbb\xbf# coding: utf-8\nx = 1\n",
    "err_unknown_encoding": b"# coding: foo-bar\nx = 1\n",
    "err_non_utf8": b"x = 1\ny = 'caf\xe9'\n",
    "err_non_utf8_first": b"\xff = 1\n",
    "err_non_utf8_surrogate": b"x = '\xed\xa0\x80'\n",
    "err_ascii_cookie": b"# coding: ascii\nx = '\xc3\xa9'\n",
}

# Files of the oracle's Lib (its python_stdlib.zip), tokens compared in full.
STDLIB_FILES: list[str] = ["textwrap.py", "colorsys.py", "string/templatelib.py", "fnmatch.py"]
# Large files, compared by token count and a sha256 of the token list.
STDLIB_HASHED: list[str] = ["dataclasses.py", "typing.py", "inspect.py", "argparse.py"]


# ---------------------------------------------------------------------------
# The oracle side (runs under CPython 3.14 in node)

ORACLE_SCRIPT = r'''
import _tokenize, ast, hashlib, io, json, token, tokenize, warnings, zipfile
def err(e):
    return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
def toks(src, extra=False):
    out = []
    error = None
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            for t in _tokenize.TokenizerIter(io.StringIO(src).readline, extra_tokens=extra):
                out.append([t[0], t[1], t[2][0], t[2][1], t[3][0], t[3][1]])
        except SyntaxError as e:
            error = err(e)
    return {"tokens": out, "error": error,
            "warnings": [[str(x.message), x.lineno] for x in w]}
data = json.loads(DATA)
type_comments = {}
for src in data["type_comments"]:
    tree = ast.parse(src, type_comments=True)
    comments = sorted(n.type_comment for n in ast.walk(tree)
                      if getattr(n, "type_comment", None) is not None)
    type_comments[src] = {"comments": comments,
                          "ignores": [[t.lineno, t.tag] for t in tree.type_ignores]}
import ast
debug = {}
for src in data["debug"]:
    try:
        debug[src] = ast.parse(src, mode="eval").body.values[0].value
    except (SyntaxError, AttributeError, IndexError) as e:
        debug[src] = "<" + type(e).__name__ + ">"
result = {"tok_name": {str(k): v for k, v in token.tok_name.items()},
          "sources": {}, "bytes": {}, "stdlib": {}, "stdlib_hashed": {}, "debug": debug,
          "type_comments": type_comments}
for name, src in data["sources"].items():
    result["sources"][name] = toks(src)
    result["sources"][name]["extra"] = toks(src, True)
for name, hexsrc in data["bytes"].items():
    b = bytes.fromhex(hexsrc)
    rec = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(b, "<string>", "exec")
    except SyntaxError as e:
        rec["compile_error"] = err(e)
    if "compile_error" not in rec or rec["compile_error"][2] not in (0, None):
        try:
            enc, _ = tokenize.detect_encoding(io.BytesIO(b).readline)
            rec.update(toks(b.decode(enc)))
        except (SyntaxError, LookupError, UnicodeDecodeError):
            pass
    result["bytes"][name] = rec
z = zipfile.ZipFile("/lib/python314.zip")
for name in data["stdlib"] + data["stdlib_hashed"]:
    raw = z.read(name)
    rec = toks(raw.decode("utf-8"))
    rec["sha256_source"] = hashlib.sha256(raw).hexdigest()
    extra = toks(raw.decode("utf-8"), True)
    rec["extra_error"] = extra["error"]
    rec["extra_count"] = len(extra["tokens"])
    rec["extra_sha256_tokens"] = hashlib.sha256(json.dumps(extra["tokens"]).encode()).hexdigest()
    if name in data["stdlib_hashed"]:
        rec["count"] = len(rec["tokens"])
        rec["sha256_tokens"] = hashlib.sha256(json.dumps(rec.pop("tokens")).encode()).hexdigest()
        result["stdlib_hashed"][name] = rec
    else:
        result["stdlib"][name] = rec
print(json.dumps(result))
'''


def regen() -> None:
    sys.path.insert(0, ORACLE_DIR)
    from regen import ensure_node_modules, run_script  # tools/oracle/regen.py

    ensure_node_modules()
    # The oracle cannot see this machine's files: the data travel inside the
    # script, the result comes back on stdout.
    data = {"sources": SOURCES, "debug": DEBUG_FIELDS, "type_comments": TYPE_COMMENT_SOURCES, "bytes": {k: v.hex() for k, v in BYTES_SOURCES.items()},
            "stdlib": STDLIB_FILES, "stdlib_hashed": STDLIB_HASHED}
    code = ORACLE_SCRIPT.replace("DATA", repr(json.dumps(data)), 1)
    script = os.path.join(HERE, "_tokenizer_oracle_tmp.py")
    result = json.loads(run_script(code, script))
    # One record a line, so that a change shows as a readable diff.
    with open(ORACLE_JSON, "w") as f:
        f.write("{\n")
        f.write(f'"tok_name": {json.dumps(result["tok_name"], sort_keys=True)},\n')
        sections = ("sources", "bytes", "stdlib", "stdlib_hashed", "debug", "type_comments")
        for i, section in enumerate(sections):
            recs = result[section]
            f.write(f"{json.dumps(section)}: {{\n")
            f.write(",\n".join(f"{json.dumps(k)}: {json.dumps(recs[k], sort_keys=True)}"
                                for k in sorted(recs)))
            f.write("\n}" + (",\n" if i < len(sections) - 1 else "\n"))
        f.write("}\n")
    print(f"wrote {os.path.relpath(ORACLE_JSON, ROOT)}")


# ---------------------------------------------------------------------------
# The pyvm side

ORACLE: Optional[dict[str, Any]] = None


def oracle() -> dict[str, Any]:
    global ORACLE
    if ORACLE is None:
        if not os.path.exists(ORACLE_JSON):
            pytest.skip("no oracle data: run python tests/test_tokenizer.py --regen")
        with open(ORACLE_JSON) as f:
            ORACLE = json.load(f)
    return ORACLE


def _py(o: Optional[PyObject]) -> Any:
    """A pyvm int/str/None attribute value as a host value."""
    if o is None or type(o).__name__ == "PyNoneObject" or getattr(o, "ob_type", None) is None:
        return None
    if hasattr(o, "value") and isinstance(o.value, str):
        return o.value
    if hasattr(o, "ob_ival"):
        return o.ob_ival
    return None


def _error_record(e: PyErr) -> list[Any]:
    exc: Any = e.normalize()
    return [exc.ob_type.tp_name, _py(exc.msg), _py(exc.lineno), _py(exc.offset),
            _py(exc.end_lineno), _py(exc.end_offset), _py(exc.text)]


def tokenize_pyvm(tok: T.tok_state, extra: bool = False) -> dict[str, Any]:
    """What the oracle records, from pyvm's tokenizer."""
    it = T.TokenizerIter(tok, extra)
    out: list[list[Any]] = []
    error = None
    try:
        while True:
            t = it.next_token()
            if t is None:
                break
            out.append([t[0], t[1], t[2][0], t[2][1], t[3][0], t[3][1]])
    except PyErr as e:
        error = _error_record(e)
    return {"tokens": out, "error": error, "warnings": [list(w) for w in tok.warnings]}


def tokenize_str(src: str, extra: bool = False) -> dict[str, Any]:
    return tokenize_pyvm(T._PyTokenizer_FromReadline(src, "<string>"), extra)


def _show(rec: dict[str, Any]) -> str:
    lines = [f"{T._PyParser_TokenNames[t[0]]:<15} {t[1]!r:<20} {t[2:4]} {t[4:6]}"
             for t in rec.get("tokens", [])]
    lines.append(f"error: {rec.get('error')}")
    lines.append(f"warnings: {rec.get('warnings')}")
    return "\n".join(lines)


def _compare(got: dict[str, Any], want: dict[str, Any]) -> None:
    keys = ("tokens", "error", "warnings")
    g = {k: got.get(k) for k in keys}
    w = {k: want.get(k) for k in keys}
    if g != w:
        assert _show(g) == _show(w)
        assert g == w


def test_token_numbers() -> None:
    """The token types and names are 3.14's (token.tok_name)."""
    names = oracle()["tok_name"]
    for num, name in names.items():
        assert getattr(T, name) == int(num), name
    for i, name in enumerate(T._PyParser_TokenNames):
        assert names[str(i)] == name.strip("<>")


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_source(name: str) -> None:
    want = oracle()["sources"].get(name)
    if want is None:
        pytest.skip("source not in oracle data; regenerate")
    _compare(tokenize_str(SOURCES[name]), want)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_source_extra_tokens(name: str) -> None:
    """With ``extra_tokens=True`` (what the ``tokenize`` module uses): COMMENT
    and NL tokens, operators as OP, the iterator's adjustments."""
    want = oracle()["sources"].get(name)
    if want is None:
        pytest.skip("source not in oracle data; regenerate")
    _compare(tokenize_str(SOURCES[name], True), want["extra"])


@pytest.mark.parametrize("src", DEBUG_FIELDS)
def test_debug_field_metadata(src: str) -> None:
    """The expression text of ``{x=}`` (``set_ftstring_expr``)."""
    want = oracle()["debug"].get(src)
    if want is None:
        pytest.skip("source not in oracle data; regenerate")
    tok = T._PyTokenizer_FromUTF8(src, True, False, "<string>")
    token = T.Token()
    got = None
    while got is None:
        T._PyToken_Init(token)
        kind = T._PyTokenizer_Get(tok, token)
        assert kind != T.ERRORTOKEN
        if kind == T.ENDMARKER:
            break
        if tok.tok_mode_stack_index == 1:  # the outer string's field
            got = token.metadata
    assert got == want


@pytest.mark.parametrize("src", TYPE_COMMENT_SOURCES)
def test_type_comments(src: str) -> None:
    """TYPE_COMMENT and TYPE_IGNORE tokens (``tok.type_comments`` on)."""
    want = oracle()["type_comments"].get(src)
    if want is None:
        pytest.skip("source not in oracle data; regenerate")
    tok = T._PyTokenizer_FromUTF8(src, True, False, "<string>")
    tok.type_comments = True
    token = T.Token()
    comments: list[str] = []
    ignores: list[list[Any]] = []
    while True:
        kind = T._PyTokenizer_Get(tok, token)
        assert kind != T.ERRORTOKEN
        if kind == T.ENDMARKER:
            break
        if kind == T.TYPE_COMMENT:
            comments.append(tok.input[token.start:token.end].decode())
        elif kind == T.TYPE_IGNORE:
            # The tag as Parser/pegen.c:_PyPegen_fill_token takes it: the
            # token's column span from its start (a type ignore alone on
            # its line includes the newline it consumed).
            n = token.end_col_offset - token.col_offset
            ignores.append([tok.lineno, tok.input[token.start:token.start + n].decode()])
    assert sorted(comments) == want["comments"]
    assert ignores == want["ignores"]


@pytest.mark.parametrize("name", sorted(BYTES_SOURCES))
def test_bytes(name: str) -> None:
    want = oracle()["bytes"].get(name)
    if want is None:
        pytest.skip("source not in oracle data; regenerate")
    try:
        tok = T._PyTokenizer_FromString(BYTES_SOURCES[name], True, False, None)
    except PyErr as e:
        got = _error_record(e)
        assert got == want.get("compile_error")
        return
    assert "tokens" in want, want
    _compare(tokenize_pyvm(tok), want)


def _stdlib_source(name: str) -> bytes:
    if not os.path.exists(STDLIB_ZIP):
        pytest.skip("no pyodide package: run npm ci in tools/oracle")
    with zipfile.ZipFile(STDLIB_ZIP) as z:
        return z.read(name)


@pytest.mark.parametrize("name", STDLIB_FILES)
def test_stdlib_file(name: str) -> None:
    want = oracle()["stdlib"].get(name)
    if want is None:
        pytest.skip("file not in oracle data; regenerate")
    raw = _stdlib_source(name)
    assert hashlib.sha256(raw).hexdigest() == want["sha256_source"]
    _compare(tokenize_str(raw.decode("utf-8")), want)
    extra = tokenize_str(raw.decode("utf-8"), True)
    assert extra["error"] == want["extra_error"]
    assert len(extra["tokens"]) == want["extra_count"]
    assert hashlib.sha256(json.dumps(extra["tokens"]).encode()).hexdigest() == want["extra_sha256_tokens"]


@pytest.mark.parametrize("name", STDLIB_HASHED)
def test_stdlib_file_hashed(name: str) -> None:
    want = oracle()["stdlib_hashed"].get(name)
    if want is None:
        pytest.skip("file not in oracle data; regenerate")
    raw = _stdlib_source(name)
    assert hashlib.sha256(raw).hexdigest() == want["sha256_source"]
    got = tokenize_str(raw.decode("utf-8"))
    assert got["error"] == want["error"]
    assert got["warnings"] == want["warnings"]
    assert len(got["tokens"]) == want["count"]
    assert hashlib.sha256(json.dumps(got["tokens"]).encode()).hexdigest() == want["sha256_tokens"]
    extra = tokenize_str(raw.decode("utf-8"), True)
    assert extra["error"] == want["extra_error"]
    assert len(extra["tokens"]) == want["extra_count"]
    assert hashlib.sha256(json.dumps(extra["tokens"]).encode()).hexdigest() == want["extra_sha256_tokens"]


if __name__ == "__main__":
    if sys.argv[1:] != ["--regen"]:
        sys.exit("usage: python3 tests/test_tokenizer.py --regen")
    regen()
