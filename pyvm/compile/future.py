"""Ports Python/future.c: finding the ``from __future__ import …`` statements of a
module, and the ``CO_FUTURE_*`` flags of Include/cpython/code.h with the feature
names of Include/cpython/compile.h.

Future statements must come first in a module (after the docstring). Only two
features still change anything in 3.14: ``annotations`` (PEP 563, stringified
annotations) and ``barry_as_FLUFL`` (``<>``); the others are accepted and ignored,
and ``braces`` is the famous joke. The symbol table and the code generator read
the result, ``ff_features`` (flags) and ``ff_location`` (where the last future
statement is, so that later ones can be rejected as "from __future__ imports must
occur at the beginning of the file").
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

from pyvm.compile import ast
from pyvm.compile.instruction_sequence import Location

# The values of Include/cpython/code.h:CO_FUTURE_DIVISION (and the flags beside it)
CO_FUTURE_DIVISION: Final = 0x20000
CO_FUTURE_ABSOLUTE_IMPORT: Final = 0x40000
CO_FUTURE_WITH_STATEMENT: Final = 0x80000
CO_FUTURE_PRINT_FUNCTION: Final = 0x100000
CO_FUTURE_UNICODE_LITERALS: Final = 0x200000
CO_FUTURE_BARRY_AS_BDFL: Final = 0x400000
CO_FUTURE_GENERATOR_STOP: Final = 0x800000
CO_FUTURE_ANNOTATIONS: Final = 0x1000000

# The values of Include/cpython/compile.h:PyCF_MASK
PyCF_MASK: Final = (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT
                    | CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS
                    | CO_FUTURE_BARRY_AS_BDFL | CO_FUTURE_GENERATOR_STOP
                    | CO_FUTURE_ANNOTATIONS)
PyCF_MASK_OBSOLETE: Final = 0x0010  # CO_NESTED
PyCF_SOURCE_IS_UTF8: Final = 0x0100
PyCF_DONT_IMPLY_DEDENT: Final = 0x0200
PyCF_ONLY_AST: Final = 0x0400
PyCF_IGNORE_COOKIE: Final = 0x0800
PyCF_TYPE_COMMENTS: Final = 0x1000
PyCF_ALLOW_TOP_LEVEL_AWAIT: Final = 0x2000
PyCF_ALLOW_INCOMPLETE_INPUT: Final = 0x4000
PyCF_OPTIMIZED_AST: Final = 0x8000 | PyCF_ONLY_AST
PyCF_COMPILE_MASK: Final = (PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS
                            | PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT
                            | PyCF_OPTIMIZED_AST)

# The values of Include/cpython/compile.h:FUTURE_NESTED_SCOPES (and the names beside it)
FUTURE_NESTED_SCOPES: Final = "nested_scopes"
FUTURE_GENERATORS: Final = "generators"
FUTURE_DIVISION: Final = "division"
FUTURE_ABSOLUTE_IMPORT: Final = "absolute_import"
FUTURE_WITH_STATEMENT: Final = "with_statement"
FUTURE_PRINT_FUNCTION: Final = "print_function"
FUTURE_UNICODE_LITERALS: Final = "unicode_literals"
FUTURE_BARRY_AS_BDFL: Final = "barry_as_FLUFL"
FUTURE_GENERATOR_STOP: Final = "generator_stop"
FUTURE_ANNOTATIONS: Final = "annotations"

# Features that are accepted and have no effect any more.
_FUTURE_NO_EFFECT: Final = frozenset({
    FUTURE_NESTED_SCOPES, FUTURE_GENERATORS, FUTURE_DIVISION, FUTURE_ABSOLUTE_IMPORT,
    FUTURE_WITH_STATEMENT, FUTURE_PRINT_FUNCTION, FUTURE_UNICODE_LITERALS,
    FUTURE_GENERATOR_STOP,
})


class PyFutureFeatures:
    """CPython: Python/future.c:_PyFuture_FromAST

    pyvm: the ``_PyFutureFeatures`` struct of Include/internal/pycore_symtable.h.
    ``ff_location`` is that of the last future statement, ``(-1, -1, -1, -1)``
    when there is none.
    """

    ff_features: int
    ff_location: Location

    def __init__(self) -> None:
        self.ff_features = 0
        self.ff_location = Location(-1, -1, -1, -1)


# C's name for the struct.
_PyFutureFeatures = PyFutureFeatures


def future_check_features(ff: PyFutureFeatures, s: ast.ImportFrom, filename: str) -> None:
    """CPython: Python/future.c:future_check_features

    Raises pyvm's SyntaxError for ``braces`` and for an unknown feature.
    """
    from pyvm.compile.symtable import _raise_syntax_error  # cycle: symtable -> future

    for name in s.names:
        feature = name.name
        if feature in _FUTURE_NO_EFFECT:
            continue
        if feature == FUTURE_BARRY_AS_BDFL:
            ff.ff_features |= CO_FUTURE_BARRY_AS_BDFL
        elif feature == FUTURE_ANNOTATIONS:
            ff.ff_features |= CO_FUTURE_ANNOTATIONS
        else:
            if feature == "braces":
                msg = "not a chance"
            else:
                # C formats with %.100s.
                msg = f"future feature {feature[:100]} is not defined"
            end_lineno = name.end_lineno if name.end_lineno is not None else name.lineno
            end_col = name.end_col_offset if name.end_col_offset is not None else name.col_offset
            _raise_syntax_error(msg, filename, name.lineno, name.col_offset, end_lineno,
                                end_col)


def future_parse(ff: PyFutureFeatures, mod: ast.mod, filename: str) -> None:
    """CPython: Python/future.c:future_parse

    Only a docstring and other future statements may precede a future
    statement; the scan stops at the first statement that is neither (a later
    misplaced future import is rejected by the compiler, using ``ff_location``).
    """
    if isinstance(mod, ast.Module):
        body = mod.body
    elif isinstance(mod, ast.Interactive):
        body = mod.body
    else:
        return
    n = len(body)
    if n == 0:
        return
    i = 0
    if ast._PyAST_GetDocString(body) is not None:
        i += 1
    while i < n:
        s = body[i]
        if isinstance(s, ast.ImportFrom) and not s.level:
            if s.module is not None and s.module == "__future__":
                future_check_features(ff, s, filename)
                ff.ff_location = Location(
                    s.lineno,
                    s.end_lineno if s.end_lineno is not None else s.lineno,
                    s.col_offset,
                    s.end_col_offset if s.end_col_offset is not None else s.col_offset)
            else:
                return
        else:
            return
        i += 1


def _PyFuture_FromAST(mod: ast.mod, filename: str) -> PyFutureFeatures:
    """CPython: Python/future.c:_PyFuture_FromAST

    pyvm: C fills a caller's struct and returns 0 on error; here the features
    are returned and an error is a raised SyntaxError.
    """
    ff = PyFutureFeatures()
    future_parse(ff, mod, filename)
    return ff
