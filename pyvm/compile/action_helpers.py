"""Ports Parser/action_helpers.c and the helper structs of Parser/pegen.h: what the
actions of pyvm's grammar call to build the AST.

The grammar is ``python.gram`` beside this module (Grammar/python.gram re-told).

So far the helpers of the grammar's core (statements, expressions, targets,
calls); the others (arguments of ``def``, strings and f-strings, patterns,
error helpers) come with the rules that use them.

C's ``asdl_seq`` is a Python list here: ``NULL`` for an empty sequence becomes
``[]`` (pyvm's AST classes hold lists, never None). Helpers that C gives a
``Parser *p`` take ``p`` too, so the grammar's actions read as C's. Errors are
raised (``PyErr``), so C's ``CHECK()`` wrappers have no counterpart.
"""

from __future__ import annotations

from typing import Final, Optional, TypeVar, Union

from pyvm.compile import ast
from pyvm.compile.pegen import Parser, PyPARSE_BARRY_AS_BDFL, Token

T = TypeVar("T")


class CmpopExprPair:
    """CPython: Parser/pegen.h:CmpopExprPair"""

    cmpop: ast.cmpop
    expr: ast.expr

    def __init__(self, cmpop: ast.cmpop, expr: ast.expr) -> None:
        self.cmpop = cmpop
        self.expr = expr


class KeyValuePair:
    """CPython: Parser/pegen.h:KeyValuePair

    ``key`` is None for ``**value`` in a dict display."""

    key: Optional[ast.expr]
    value: ast.expr

    def __init__(self, key: Optional[ast.expr], value: ast.expr) -> None:
        self.key = key
        self.value = value


class KeywordOrStarred:
    """CPython: Parser/pegen.h:KeywordOrStarred"""

    element: Union[ast.keyword, ast.expr]
    is_keyword: bool

    def __init__(self, element: Union[ast.keyword, ast.expr], is_keyword: bool) -> None:
        self.element = element
        self.is_keyword = is_keyword


class AugOperator:
    """CPython: Parser/pegen.h:AugOperator"""

    kind: ast.operator

    def __init__(self, kind: ast.operator) -> None:
        self.kind = kind


# CPython: Include/internal/pycore_parser.h:_parser_runtime_state_INIT -- the runtime's
# dummy_name, a Name "" the default actions return where no action reads it.
_dummy_name: Final = ast.Name("", ast.Load_, 1, 0, 1, 0)


def _PyPegen_dummy_name(p: Parser) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_dummy_name"""
    return _dummy_name


def _PyPegen_singleton_seq(p: Parser, a: T) -> list[T]:
    """CPython: Parser/action_helpers.c:_PyPegen_singleton_seq"""
    return [a]


def _PyPegen_seq_insert_in_front(p: Parser, a: T, seq: Optional[list[T]]) -> list[T]:
    """CPython: Parser/action_helpers.c:_PyPegen_seq_insert_in_front"""
    if not seq:
        return [a]
    return [a] + seq


def _PyPegen_seq_flatten(p: Parser, seqs: list[list[T]]) -> list[T]:
    """CPython: Parser/action_helpers.c:_PyPegen_seq_flatten"""
    out: list[T] = []
    for s in seqs:
        out.extend(s)
    return out


def _PyPegen_join_sequences(p: Parser, a: list[T], b: list[T]) -> list[T]:
    """CPython: Parser/action_helpers.c:_PyPegen_join_sequences"""
    return a + b


def _PyPegen_map_names_to_ids(p: Parser, seq: list[ast.expr]) -> list[str]:
    """CPython: Parser/action_helpers.c:_PyPegen_map_names_to_ids"""
    out: list[str] = []
    for e in seq:
        assert isinstance(e, ast.Name)
        out.append(e.id)
    return out


def _PyPegen_make_module(p: Parser, a: Optional[list[ast.stmt]]) -> ast.mod:
    """CPython: Parser/action_helpers.c:_PyPegen_make_module

    The ``# type: ignore`` comments the parser recorded become TypeIgnores."""
    type_ignores: list[ast.type_ignore] = [
        ast.TypeIgnore(lineno, tag) for lineno, tag in p.type_ignore_comments]
    return ast.Module(a if a is not None else [], type_ignores)


def _PyPegen_register_stmts(p: Parser, stmts: list[ast.stmt]) -> list[ast.stmt]:
    """CPython: Parser/action_helpers.c:_PyPegen_register_stmts

    In the second pass, remembers where the last statement parsed is (the
    SyntaxError's metadata, for the traceback's suggestions)."""
    if not p.call_invalid_rules or not stmts:
        return stmts
    last = stmts[-1]
    if p.last_stmt_location[0] > last.lineno:
        return stmts
    end_lineno = last.end_lineno
    end_col_offset = last.end_col_offset
    p.last_stmt_location = (last.lineno, last.col_offset,
                            end_lineno if end_lineno is not None else 0,
                            end_col_offset if end_col_offset is not None else 0)
    return stmts


def _set_seq_context(p: Parser, seq: list[ast.expr], ctx: ast.expr_context) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_set_seq_context"""
    return [_PyPegen_set_expr_context(p, e, ctx) for e in seq]


def _PyPegen_set_expr_context(p: Parser, expr: ast.expr, ctx: ast.expr_context) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_set_expr_context
    CPython: Parser/action_helpers.c:_set_name_context
    CPython: Parser/action_helpers.c:_set_tuple_context
    CPython: Parser/action_helpers.c:_set_list_context
    CPython: Parser/action_helpers.c:_set_subscript_context
    CPython: Parser/action_helpers.c:_set_attribute_context
    CPython: Parser/action_helpers.c:_set_starred_context

    A copy of the target with the context ``ctx`` (Store, Del), recursively
    for tuples, lists and starred targets; other expressions as they are."""
    if isinstance(expr, ast.Name):
        return ast.Name(expr.id, ctx, expr.lineno, expr.col_offset, expr.end_lineno,
                        expr.end_col_offset)
    if isinstance(expr, ast.Tuple):
        return ast.Tuple(_set_seq_context(p, expr.elts, ctx), ctx, expr.lineno,
                         expr.col_offset, expr.end_lineno, expr.end_col_offset)
    if isinstance(expr, ast.List):
        return ast.List(_set_seq_context(p, expr.elts, ctx), ctx, expr.lineno,
                        expr.col_offset, expr.end_lineno, expr.end_col_offset)
    if isinstance(expr, ast.Subscript):
        return ast.Subscript(expr.value, expr.slice, ctx, expr.lineno, expr.col_offset,
                             expr.end_lineno, expr.end_col_offset)
    if isinstance(expr, ast.Attribute):
        return ast.Attribute(expr.value, expr.attr, ctx, expr.lineno, expr.col_offset,
                             expr.end_lineno, expr.end_col_offset)
    if isinstance(expr, ast.Starred):
        return ast.Starred(_PyPegen_set_expr_context(p, expr.value, ctx), ctx, expr.lineno,
                           expr.col_offset, expr.end_lineno, expr.end_col_offset)
    return expr


def _PyPegen_cmpop_expr_pair(p: Parser, cmpop: ast.cmpop, expr: ast.expr) -> CmpopExprPair:
    """CPython: Parser/action_helpers.c:_PyPegen_cmpop_expr_pair"""
    return CmpopExprPair(cmpop, expr)


def _PyPegen_get_cmpops(p: Parser, seq: list[CmpopExprPair]) -> list[ast.cmpop]:
    """CPython: Parser/action_helpers.c:_PyPegen_get_cmpops"""
    return [pair.cmpop for pair in seq]


def _PyPegen_get_exprs(p: Parser, seq: list[CmpopExprPair]) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_get_exprs"""
    return [pair.expr for pair in seq]


def _PyPegen_check_barry_as_flufl(p: Parser, t: Token) -> bool:
    """CPython: Parser/action_helpers.c:_PyPegen_check_barry_as_flufl

    True if the token is not the inequality operator of the mode (``!=``
    normally, ``<>`` under ``from __future__ import barry_as_FLUFL``)."""
    if p.flags & PyPARSE_BARRY_AS_BDFL and t.string != "<>":
        p.RAISE_SYNTAX_ERROR("with Barry as BDFL, use '<>' instead of '!='")
    if not p.flags & PyPARSE_BARRY_AS_BDFL:
        return t.string != "!="
    return False


def _PyPegen_augoperator(p: Parser, kind: ast.operator) -> AugOperator:
    """CPython: Parser/action_helpers.c:_PyPegen_augoperator"""
    return AugOperator(kind)


def _PyPegen_key_value_pair(p: Parser, key: Optional[ast.expr], value: ast.expr) -> KeyValuePair:
    """CPython: Parser/action_helpers.c:_PyPegen_key_value_pair"""
    return KeyValuePair(key, value)


def _PyPegen_get_keys(p: Parser, seq: Optional[list[KeyValuePair]]) -> list[Optional[ast.expr]]:
    """CPython: Parser/action_helpers.c:_PyPegen_get_keys"""
    return [pair.key for pair in seq] if seq else []


def _PyPegen_get_values(p: Parser, seq: Optional[list[KeyValuePair]]) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_get_values"""
    return [pair.value for pair in seq] if seq else []


def _PyPegen_keyword_or_starred(p: Parser, element: Union[ast.keyword, ast.expr],
                                is_keyword: bool) -> KeywordOrStarred:
    """CPython: Parser/action_helpers.c:_PyPegen_keyword_or_starred"""
    return KeywordOrStarred(element, is_keyword)


def _PyPegen_seq_extract_starred_exprs(p: Parser, kwargs: list[KeywordOrStarred]) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_seq_extract_starred_exprs"""
    out: list[ast.expr] = []
    for k in kwargs:
        e = k.element
        if not k.is_keyword and isinstance(e, ast.expr):
            out.append(e)
    return out


def _PyPegen_seq_delete_starred_exprs(p: Parser, kwargs: list[KeywordOrStarred]) -> list[ast.keyword]:
    """CPython: Parser/action_helpers.c:_PyPegen_seq_delete_starred_exprs"""
    out: list[ast.keyword] = []
    for k in kwargs:
        e = k.element
        if k.is_keyword and isinstance(e, ast.keyword):
            out.append(e)
    return out


def _PyPegen_collect_call_seqs(p: Parser, a: list[ast.expr], b: Optional[list[KeywordOrStarred]],
                               lineno: int, col_offset: int, end_lineno: int,
                               end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_collect_call_seqs

    The arguments of a call, as a Call of the dummy name the caller takes
    ``args`` and ``keywords`` from: positional ones, then the starred ones
    among the keywords (``f(a, *b, c=1, *d)`` passes ``a, *b, *d``)."""
    if b is None:
        return ast.Call(_PyPegen_dummy_name(p), a, [], lineno, col_offset, end_lineno,
                        end_col_offset)
    starreds = _PyPegen_seq_extract_starred_exprs(p, b)
    keywords = _PyPegen_seq_delete_starred_exprs(p, b)
    return ast.Call(_PyPegen_dummy_name(p), a + starreds, keywords, lineno, col_offset,
                    end_lineno, end_col_offset)


def _PyPegen_call_args(b: Optional[ast.expr]) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_collect_call_seqs

    pyvm: C's ``(b) ? ((expr_ty) b)->v.Call.args : NULL`` in the primary rule."""
    if b is None:
        return []
    assert isinstance(b, ast.Call)
    return b.args


def _PyPegen_call_keywords(b: Optional[ast.expr]) -> list[ast.keyword]:
    """CPython: Parser/action_helpers.c:_PyPegen_collect_call_seqs

    pyvm: C's ``(b) ? ((expr_ty) b)->v.Call.keywords : NULL``."""
    if b is None:
        return []
    assert isinstance(b, ast.Call)
    return b.keywords


def CHECK_VERSION(p: Parser, version: int, msg: str, node: T) -> T:
    """CPython: Parser/pegen.h:CHECK_VERSION
    CPython: Parser/pegen.h:INVALID_VERSION_CHECK

    ``node``, unless the parser targets a Python older than 3.``version``
    (``ast.parse(feature_version=...)``)."""
    if p.feature_version < version:
        p.RAISE_SYNTAX_ERROR(f"{msg} only supported in Python 3.{version} and greater")
    return node
