"""Ports Parser/peg_api.c, and the entries of Parser/pegen.c that read a string
(``_PyPegen_run_parser_from_string``) or a file
(``_PyPegen_run_parser_from_file_pointer``): source text in, a pyvm AST
(:mod:`pyvm.compile.ast`) out.

A file's bytes go to the file tokenizer (``_PyTokenizer_FromFile``), which
decodes and checks them line by line as the parser reads them, as
``python FILE`` does; ``compile()``/``exec()`` of bytes go to the string
tokenizer, which decodes them whole first.

The text goes to pyvm's tokenizer (pyvm/compile/tokenizer.py: ``bytes`` are
decoded per PEP 263, a BOM or coding cookie honoured; a ``str`` is taken as
already decoded, C's ``PyCF_IGNORE_COOKIE``), the tokenizer to the parser
generated from pyvm/compile/python.gram (pyvm/compile/parser.py) through
:class:`pyvm.compile.pegen.TokStateSource`, and the parser's two passes
(``_PyPegen_run_parser``) give the tree or raise the SyntaxError,
IndentationError or TabError that CPython 3.14 raises. A script file
(``_PyParser_ASTFromFile``, what ``python FILE`` parses) goes through the file
tokenizer instead, whose errors for undecodable bytes and at the end of the
file are those of CPython's file mode.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional, Union

from pyvm.compile import ast
from pyvm.compile.parser import PythonParser
from pyvm.compile.pegen import (
    Py_eval_input, Py_file_input, Py_func_type_input, Py_single_input,
    PyPARSE_ALLOW_INCOMPLETE_INPUT, PyPARSE_BARRY_AS_BDFL, PyPARSE_DONT_IMPLY_DEDENT,
    PyPARSE_IGNORE_COOKIE, PyPARSE_TYPE_COMMENTS, TokStateSource,
)
from pyvm.compile.future import (  # the flags of Include/cpython/compile.h the parser reads
    CO_FUTURE_BARRY_AS_BDFL, PyCF_ALLOW_INCOMPLETE_INPUT, PyCF_ALLOW_TOP_LEVEL_AWAIT,
    PyCF_DONT_IMPLY_DEDENT, PyCF_IGNORE_COOKIE, PyCF_ONLY_AST, PyCF_TYPE_COMMENTS,
)
from pyvm.compile.tokenizer import (
    _PyTokenizer_FromFile, _PyTokenizer_FromString, _PyTokenizer_FromUTF8,
)

PY_MINOR_VERSION: Final = 14

_START_RULES: Final = {"exec": Py_file_input, "eval": Py_eval_input,
                       "single": Py_single_input, "func_type": Py_func_type_input}


def compute_parser_flags(cf_flags: int) -> int:
    """CPython: Parser/pegen.c:compute_parser_flags"""
    parser_flags = 0
    if cf_flags & PyCF_DONT_IMPLY_DEDENT:
        parser_flags |= PyPARSE_DONT_IMPLY_DEDENT
    if cf_flags & PyCF_IGNORE_COOKIE:
        parser_flags |= PyPARSE_IGNORE_COOKIE
    if cf_flags & CO_FUTURE_BARRY_AS_BDFL:
        parser_flags |= PyPARSE_BARRY_AS_BDFL
    if cf_flags & PyCF_TYPE_COMMENTS:
        parser_flags |= PyPARSE_TYPE_COMMENTS
    if cf_flags & PyCF_ALLOW_INCOMPLETE_INPUT:
        parser_flags |= PyPARSE_ALLOW_INCOMPLETE_INPUT
    return parser_flags


def _PyPegen_run_parser_from_string(source: Union[str, bytes], start_rule: int, filename: str,
                                    cf_flags: int, feature_version: int) -> ast.mod:
    """CPython: Parser/pegen.c:_PyPegen_run_parser_from_string
    CPython: Parser/pegen.c:_PyPegen_Parser_New

    pyvm: a ``str`` source is C's UTF-8 buffer with ``PyCF_IGNORE_COOKIE``."""
    exec_input = start_rule == Py_file_input
    if isinstance(source, str):
        cf_flags |= PyCF_IGNORE_COOKIE
        tok = _PyTokenizer_FromUTF8(source, exec_input, False, filename)
    else:
        tok = _PyTokenizer_FromString(source, exec_input, False, filename)
    parser_flags = compute_parser_flags(cf_flags)
    tok.type_comments = (parser_flags & PyPARSE_TYPE_COMMENTS) != 0
    tok.emit_warnings = True
    p = PythonParser(TokStateSource(tok), start_rule=start_rule, flags=parser_flags,
                     feature_version=feature_version)
    result = p._PyPegen_run_parser()
    assert isinstance(result, ast.mod)
    return result


def _PyParser_ASTFromString(source: Union[str, bytes], filename: str, mode: str = "exec",
                            flags: int = 0, feature_version: int = -1) -> ast.mod:
    """CPython: Parser/peg_api.c:_PyParser_ASTFromString

    ``mode`` is ``"exec"`` (Module), ``"eval"`` (Expression), ``"single"``
    (Interactive) or ``"func_type"`` (FunctionType): C's start rule.
    ``flags`` is ``PyCompilerFlags.cf_flags``; ``feature_version`` the minor
    version of ``ast.parse(feature_version=...)``, honoured with
    ``PyCF_ONLY_AST`` only, as in C. Raises pyvm's SyntaxError (a ``PyErr``).
    """
    if feature_version < 0 or not flags & PyCF_ONLY_AST:
        feature_version = PY_MINOR_VERSION
    return _PyPegen_run_parser_from_string(source, _START_RULES[mode], filename, flags,
                                           feature_version)


def _PyPegen_run_parser_from_file_pointer(data: bytes, start_rule: int, filename: str,
                                          enc: Optional[str], cf_flags: int) -> ast.mod:
    """CPython: Parser/pegen.c:_PyPegen_run_parser_from_file_pointer

    pyvm: ``data`` is the whole file (C's ``FILE *``); no prompts (pyvm has
    no interactive mode)."""
    tok = _PyTokenizer_FromFile(data, enc, filename)
    parser_flags = compute_parser_flags(cf_flags)
    tok.type_comments = (parser_flags & PyPARSE_TYPE_COMMENTS) != 0
    tok.emit_warnings = True
    p = PythonParser(TokStateSource(tok), start_rule=start_rule, flags=parser_flags,
                     feature_version=PY_MINOR_VERSION)
    result = p._PyPegen_run_parser()
    assert isinstance(result, ast.mod)
    return result


def _PyParser_ASTFromFile(data: bytes, filename: str, enc: Optional[str] = None,
                          mode: str = "exec", flags: int = 0) -> ast.mod:
    """CPython: Parser/peg_api.c:_PyParser_ASTFromFile

    The tree of a file's source (``data``: its bytes), read as
    ``python FILE`` reads it (BOM, PEP 263 cookie, "Non-UTF-8 code" errors
    line by line). Raises pyvm's SyntaxError (a ``PyErr``).
    """
    return _PyPegen_run_parser_from_file_pointer(data, _START_RULES[mode], filename, enc, flags)
