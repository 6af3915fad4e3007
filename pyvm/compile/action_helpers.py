"""Ports Parser/action_helpers.c and the helper structs of Parser/pegen.h: what the
actions of pyvm's grammar call to build the AST.

The grammar is ``python.gram`` beside this module (Grammar/python.gram re-told).

The helpers of strings, f-strings and t-strings (``_PyPegen_concatenate_strings``
and the rest) build ``Constant`` nodes holding host ``str``/``bytes`` values, as
``_PyPegen_number_token`` does, through pyvm/compile/string_parser.py.

C's ``asdl_seq`` is a Python list here: ``NULL`` for an empty sequence becomes
``[]`` (pyvm's AST classes hold lists, never None). Helpers that C gives a
``Parser *p`` take ``p`` too, so the grammar's actions read as C's. Errors are
raised (``PyErr``), so C's ``CHECK()`` wrappers have no counterpart.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional, TypeVar, Union
    T = TypeVar("T")

from pyvm.compile import ast
from pyvm.compile.pegen import Parser, PyPARSE_BARRY_AS_BDFL, Token
from pyvm.compile.tokenizer import E_EOF, FSTRING, TSTRING
from pyvm.compile.string_parser import _PyPegen_decode_string, _PyPegen_parse_string
from pyvm.objects.exceptions import PyExc_SystemError
from pyvm.objects.object import PyErr, PyErr_SetString



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


class NameDefaultPair:
    """CPython: Parser/pegen.h:NameDefaultPair"""

    arg: ast.arg
    value: Optional[ast.expr]

    def __init__(self, arg: ast.arg, value: Optional[ast.expr]) -> None:
        self.arg = arg
        self.value = value


class SlashWithDefault:
    """CPython: Parser/pegen.h:SlashWithDefault"""

    plain_names: list[ast.arg]
    names_with_defaults: list[NameDefaultPair]

    def __init__(self, plain_names: list[ast.arg],
                 names_with_defaults: list[NameDefaultPair]) -> None:
        self.plain_names = plain_names
        self.names_with_defaults = names_with_defaults


class StarEtc:
    """CPython: Parser/pegen.h:StarEtc"""

    vararg: Optional[ast.arg]
    kwonlyargs: Optional[list[NameDefaultPair]]
    kwarg: Optional[ast.arg]

    def __init__(self, vararg: Optional[ast.arg], kwonlyargs: Optional[list[NameDefaultPair]],
                 kwarg: Optional[ast.arg]) -> None:
        self.vararg = vararg
        self.kwonlyargs = kwonlyargs
        self.kwarg = kwarg


def _name_id(e: ast.expr) -> str:
    """CPython: Parser/action_helpers.c:_PyPegen_join_names_with_dot

    pyvm: C's ``e->v.Name.id``."""
    assert isinstance(e, ast.Name)
    return e.id


def _PyPegen_join_names_with_dot(p: Parser, first_name: ast.expr,
                                 second_name: ast.expr) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_join_names_with_dot"""
    return ast.Name(f"{_name_id(first_name)}.{_name_id(second_name)}", ast.Load_,
                    first_name.lineno, first_name.col_offset, second_name.end_lineno,
                    second_name.end_col_offset)


def _PyPegen_seq_count_dots(seq: list[Token]) -> int:
    """CPython: Parser/action_helpers.c:_PyPegen_seq_count_dots

    ``...`` is one ELLIPSIS token: three dots."""
    n = 0
    for t in seq:
        n += 3 if t.string == "..." else 1
    return n


def _PyPegen_alias_for_star(p: Parser, lineno: int, col_offset: int, end_lineno: int,
                            end_col_offset: int) -> ast.alias:
    """CPython: Parser/action_helpers.c:_PyPegen_alias_for_star"""
    return ast.alias("*", None, lineno, col_offset, end_lineno, end_col_offset)


def _PyPegen_checked_future_import(p: Parser, module: str, names: list[ast.alias], level: int,
                                   lineno: int, col_offset: int, end_lineno: int,
                                   end_col_offset: int) -> ast.stmt:
    """CPython: Parser/action_helpers.c:_PyPegen_checked_future_import

    ``from __future__ import barry_as_FLUFL`` switches the parser to ``<>``."""
    if level == 0 and module == "__future__":
        for alias in names:
            if alias.name == "barry_as_FLUFL":
                p.flags |= PyPARSE_BARRY_AS_BDFL
    return ast.ImportFrom(module, names, level, lineno, col_offset, end_lineno,
                          end_col_offset)


def NEW_TYPE_COMMENT(p: Parser, tc: Optional[Token]) -> Optional[str]:
    """CPython: Parser/pegen.h:NEW_TYPE_COMMENT
    CPython: Parser/action_helpers.c:_PyPegen_new_type_comment"""
    return None if tc is None else tc.string


def _PyPegen_add_type_comment_to_arg(p: Parser, a: ast.arg, tc: Optional[Token]) -> ast.arg:
    """CPython: Parser/action_helpers.c:_PyPegen_add_type_comment_to_arg"""
    if tc is None:
        return a
    return ast.arg(a.arg, a.annotation, tc.string, a.lineno, a.col_offset, a.end_lineno,
                   a.end_col_offset)


def _PyPegen_name_default_pair(p: Parser, arg: ast.arg, value: Optional[ast.expr],
                               tc: Optional[Token]) -> NameDefaultPair:
    """CPython: Parser/action_helpers.c:_PyPegen_name_default_pair"""
    return NameDefaultPair(_PyPegen_add_type_comment_to_arg(p, arg, tc), value)


def _PyPegen_slash_with_default(p: Parser, plain_names: list[ast.arg],
                                names_with_defaults: list[NameDefaultPair]) -> SlashWithDefault:
    """CPython: Parser/action_helpers.c:_PyPegen_slash_with_default"""
    return SlashWithDefault(plain_names, names_with_defaults)


def _PyPegen_star_etc(p: Parser, vararg: Optional[ast.arg],
                      kwonlyargs: Optional[list[NameDefaultPair]],
                      kwarg: Optional[ast.arg]) -> StarEtc:
    """CPython: Parser/action_helpers.c:_PyPegen_star_etc"""
    return StarEtc(vararg, kwonlyargs, kwarg)


def _get_names(p: Parser, names_with_defaults: list[NameDefaultPair]) -> list[ast.arg]:
    """CPython: Parser/action_helpers.c:_get_names"""
    return [pair.arg for pair in names_with_defaults]


def _get_defaults(p: Parser, names_with_defaults: list[NameDefaultPair]) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_get_defaults

    (Only pairs with a value reach here: positional defaults and the
    keyword-only ones, whose missing defaults C stores as NULL.)"""
    out: list[ast.expr] = []
    for pair in names_with_defaults:
        v = pair.value
        assert v is not None
        out.append(v)
    return out


def _get_kwdefaults(p: Parser, names_with_defaults: list[NameDefaultPair]) -> list[Optional[ast.expr]]:
    """CPython: Parser/action_helpers.c:_get_defaults

    pyvm: the keyword-only defaults, None where there is none."""
    return [pair.value for pair in names_with_defaults]


def _PyPegen_make_arguments(p: Parser, slash_without_default: Optional[list[ast.arg]],
                            slash_with_default: Optional[SlashWithDefault],
                            plain_names: Optional[list[ast.arg]],
                            names_with_default: Optional[list[NameDefaultPair]],
                            star_etc: Optional[StarEtc]) -> ast.arguments:
    """CPython: Parser/action_helpers.c:_PyPegen_make_arguments
    CPython: Parser/action_helpers.c:_make_posonlyargs
    CPython: Parser/action_helpers.c:_make_posargs
    CPython: Parser/action_helpers.c:_make_posdefaults
    CPython: Parser/action_helpers.c:_make_kwargs"""
    if slash_without_default is not None:
        posonlyargs = slash_without_default
    elif slash_with_default is not None:
        posonlyargs = slash_with_default.plain_names + _get_names(
            p, slash_with_default.names_with_defaults)
    else:
        posonlyargs = []
    if names_with_default is not None:
        if plain_names is not None:
            posargs = plain_names + _get_names(p, names_with_default)
        else:
            posargs = _get_names(p, names_with_default)
    else:
        posargs = plain_names if plain_names is not None else []
    if slash_with_default is not None and names_with_default is not None:
        posdefaults = (_get_defaults(p, slash_with_default.names_with_defaults)
                       + _get_defaults(p, names_with_default))
    elif names_with_default is not None:
        posdefaults = _get_defaults(p, names_with_default)
    elif slash_with_default is not None:
        posdefaults = _get_defaults(p, slash_with_default.names_with_defaults)
    else:
        posdefaults = []
    vararg = star_etc.vararg if star_etc is not None else None
    kwonly = star_etc.kwonlyargs if star_etc is not None else None
    kwonlyargs = _get_names(p, kwonly) if kwonly is not None else []
    kwdefaults = _get_kwdefaults(p, kwonly) if kwonly is not None else []
    kwarg = star_etc.kwarg if star_etc is not None else None
    return ast.arguments(posonlyargs, posargs, vararg, kwonlyargs, kwdefaults, kwarg,
                         posdefaults)


def _PyPegen_empty_arguments(p: Parser) -> ast.arguments:
    """CPython: Parser/action_helpers.c:_PyPegen_empty_arguments"""
    return ast.arguments([], [], None, [], [], None, [])


def _PyPegen_function_def_decorators(p: Parser, decorators: list[ast.expr],
                                     function_def: ast.stmt) -> ast.stmt:
    """CPython: Parser/action_helpers.c:_PyPegen_function_def_decorators

    pyvm: in the second pass ``invalid_def_raw`` can match a whole valid
    definition and give the dummy statement; C then reads a ``FunctionDef``
    out of it regardless, making a tree that pass throws away (it ends in a
    SyntaxError). Here the dummy is passed through unchanged."""
    f = function_def
    if not isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return f
    if isinstance(f, ast.AsyncFunctionDef):
        return ast.AsyncFunctionDef(f.name, f.args, f.body, decorators, f.returns,
                                    f.type_comment, f.type_params, f.lineno, f.col_offset,
                                    f.end_lineno, f.end_col_offset)
    if not isinstance(f, ast.FunctionDef):
        return f
    return ast.FunctionDef(f.name, f.args, f.body, decorators, f.returns, f.type_comment,
                           f.type_params, f.lineno, f.col_offset, f.end_lineno,
                           f.end_col_offset)


def _PyPegen_class_def_decorators(p: Parser, decorators: list[ast.expr],
                                  class_def: ast.stmt) -> ast.stmt:
    """CPython: Parser/action_helpers.c:_PyPegen_class_def_decorators"""
    c = class_def
    if not isinstance(c, ast.ClassDef):
        return c  # pyvm: a dummy of the second pass, as in the function case
    return ast.ClassDef(c.name, c.bases, c.keywords, c.body, decorators, c.type_params,
                        c.lineno, c.col_offset, c.end_lineno, c.end_col_offset)


class KeyPatternPair:
    """CPython: Parser/pegen.h:KeyPatternPair"""

    key: ast.expr
    pattern: ast.pattern

    def __init__(self, key: ast.expr, pattern: ast.pattern) -> None:
        self.key = key
        self.pattern = pattern


def _PyPegen_key_pattern_pair(p: Parser, key: ast.expr, pattern: ast.pattern) -> KeyPatternPair:
    """CPython: Parser/action_helpers.c:_PyPegen_key_pattern_pair"""
    return KeyPatternPair(key, pattern)


def _PyPegen_get_pattern_keys(p: Parser, seq: list[KeyPatternPair]) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_get_pattern_keys"""
    return [pair.key for pair in seq]


def _PyPegen_get_patterns(p: Parser, seq: list[KeyPatternPair]) -> list[ast.pattern]:
    """CPython: Parser/action_helpers.c:_PyPegen_get_patterns"""
    return [pair.pattern for pair in seq]


def _PyPegen_ensure_imaginary(p: Parser, exp: ast.expr) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_ensure_imaginary"""
    if not isinstance(exp, ast.Constant) or type(exp.value) is not complex:
        p.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(exp, "imaginary number required in complex literal")
    return exp


def _PyPegen_ensure_real(p: Parser, exp: ast.expr) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_ensure_real"""
    if not isinstance(exp, ast.Constant) or type(exp.value) is complex:
        p.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(exp, "real number required in complex literal")
    return exp


def _PyPegen_seq_append_to_end(p: Parser, seq: Optional[list[T]], a: T) -> list[T]:
    """CPython: Parser/action_helpers.c:_PyPegen_seq_append_to_end"""
    if not seq:
        return [a]
    return seq + [a]


def _PyPegen_interactive_exit(p: Parser) -> Optional[list[ast.stmt]]:
    """CPython: Parser/pegen.c:_PyPegen_interactive_exit

    The end of interactive input: no statement, and the caller learns why
    from ``errcode``."""
    p.errcode = E_EOF
    return None


# CPython: Parser/pegen.h:TARGETS_TYPE -- which kind of target an invalid one was
# meant to be (the message says "assign to" or "delete").
STAR_TARGETS: Final = 0
DEL_TARGETS: Final = 1
FOR_TARGETS: Final = 2


def _PyPegen_get_expr_name(e: ast.expr) -> str:
    """CPython: Parser/action_helpers.c:_PyPegen_get_expr_name

    How error messages call an expression ("cannot assign to function call")."""
    if isinstance(e, ast.Attribute):
        return "attribute"
    if isinstance(e, ast.Subscript):
        return "subscript"
    if isinstance(e, ast.Starred):
        return "starred"
    if isinstance(e, ast.Name):
        return "name"
    if isinstance(e, ast.List):
        return "list"
    if isinstance(e, ast.Tuple):
        return "tuple"
    if isinstance(e, ast.Lambda):
        return "lambda"
    if isinstance(e, ast.Call):
        return "function call"
    if isinstance(e, (ast.BoolOp, ast.BinOp, ast.UnaryOp)):
        return "expression"
    if isinstance(e, ast.GeneratorExp):
        return "generator expression"
    if isinstance(e, (ast.Yield, ast.YieldFrom)):
        return "yield expression"
    if isinstance(e, ast.Await):
        return "await expression"
    if isinstance(e, ast.ListComp):
        return "list comprehension"
    if isinstance(e, ast.SetComp):
        return "set comprehension"
    if isinstance(e, ast.DictComp):
        return "dict comprehension"
    if isinstance(e, ast.Dict):
        return "dict literal"
    if isinstance(e, ast.Set):
        return "set display"
    if isinstance(e, (ast.JoinedStr, ast.FormattedValue)):
        return "f-string expression"
    if isinstance(e, (ast.TemplateStr, ast.Interpolation)):
        return "t-string expression"
    if isinstance(e, ast.Constant):
        v = e.value
        if v is None:
            return "None"
        if v is False:
            return "False"
        if v is True:
            return "True"
        if v is Ellipsis:
            return "ellipsis"
        return "literal"
    if isinstance(e, ast.Compare):
        return "comparison"
    if isinstance(e, ast.IfExp):
        return "conditional expression"
    if isinstance(e, ast.NamedExpr):
        return "named expression"
    PyErr_SetString(PyExc_SystemError,
                    f"unexpected expression in assignment {type(e).__name__} (line {e.lineno})")


def _PyPegen_get_invalid_target(e: Optional[ast.expr], targets_type: int) -> Optional[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_get_invalid_target

    The first part of ``e`` that cannot be a target of that kind, or None.
    Only lists and tuples are searched (sets and dicts are invalid as a
    whole); ``a in b`` is the ``for`` target ``a`` misparsed as a comparison."""
    if e is None:
        return None
    if isinstance(e, (ast.List, ast.Tuple)):
        for other in e.elts:
            child = _PyPegen_get_invalid_target(other, targets_type)
            if child is not None:
                return child
        return None
    if isinstance(e, ast.Starred):
        if targets_type == DEL_TARGETS:
            return e
        return _PyPegen_get_invalid_target(e.value, targets_type)
    if isinstance(e, ast.Compare):
        if targets_type == FOR_TARGETS:
            if isinstance(e.ops[0], ast.In):
                return _PyPegen_get_invalid_target(e.left, targets_type)
            return None
        return e
    if isinstance(e, (ast.Name, ast.Subscript, ast.Attribute)):
        return None
    return e


def RAISE_SYNTAX_ERROR_INVALID_TARGET(p: Parser, type: int, e: ast.expr) -> Optional[ast.expr]:
    """CPython: Parser/pegen.h:RAISE_SYNTAX_ERROR_INVALID_TARGET
    CPython: Parser/pegen.h:_RAISE_SYNTAX_ERROR_INVALID_TARGET

    Raises "cannot assign to X" / "cannot delete X" at the invalid part; if
    there is none, returns None (the rule fails, the parse goes on)."""
    invalid_target = _PyPegen_get_invalid_target(e, type)
    if invalid_target is not None:
        if type == STAR_TARGETS or type == FOR_TARGETS:
            msg = "cannot assign to %s"
        else:
            msg = "cannot delete %s"
        p.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            invalid_target, msg % _PyPegen_get_expr_name(invalid_target))
    return None


def _PyPegen_check_legacy_stmt(p: Parser, name: ast.expr) -> bool:
    """CPython: Parser/action_helpers.c:_PyPegen_check_legacy_stmt"""
    return isinstance(name, ast.Name) and name.id in ("print", "exec")


def _PyPegen_get_last_comprehension_item(comprehension: ast.comprehension) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_get_last_comprehension_item"""
    if not comprehension.ifs:
        return comprehension.iter
    return comprehension.ifs[-1]


def _PyPegen_nonparen_genexp_in_call(p: Parser, args: ast.expr,
                                     comprehensions: list[ast.comprehension]) -> Optional[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_nonparen_genexp_in_call

    ``f(L, x for x in y)``: a generator expression among other arguments must
    be parenthesized (``dict((a, b) for a, b in x)`` alone is fine)."""
    assert isinstance(args, ast.Call)
    n = len(args.args)
    if n <= 1:
        return None
    last_comprehension = comprehensions[-1]
    p.RAISE_SYNTAX_ERROR_KNOWN_RANGE(
        args.args[n - 1], _PyPegen_get_last_comprehension_item(last_comprehension),
        "Generator expression must be parenthesized")


def _PyPegen_arguments_parsing_error(p: Parser, e: ast.expr) -> Optional[ast.expr]:
    """CPython: Parser/action_helpers.c:_PyPegen_arguments_parsing_error"""
    assert isinstance(e, ast.Call)
    kwarg_unpacking = any(k.arg is None for k in e.keywords)
    if kwarg_unpacking:
        msg = "positional argument follows keyword argument unpacking"
    else:
        msg = "positional argument follows keyword argument"
    p.RAISE_SYNTAX_ERROR(msg)


def _PyPegen_dummy_stmt(p: Parser) -> ast.stmt:
    """CPython: Parser/action_helpers.c:_PyPegen_dummy_name

    pyvm: what invalid_def_raw's last alternative returns when a ``def`` is
    valid after all (second pass). C's default action returns the dummy Name
    as the stmt_ty; a typed pyvm needs a statement: a Pass at 1:0."""
    return ast.Pass(1, 0, 1, 0)


# -- strings, f-strings and t-strings ----------------------------------------------


class ResultTokenWithMetadata:
    """CPython: Parser/pegen.h:ResultTokenWithMetadata

    A conversion (``!r``: its Name) or a format spec (``:...``: its
    JoinedStr) with the ``metadata`` of the token before it: the source text
    of the replacement field's expression up to there (the tokenizer's, for
    ``{x=}`` and t-strings)."""

    result: ast.expr
    metadata: Optional[object]

    def __init__(self, result: ast.expr, metadata: Optional[object]) -> None:
        self.result = result
        self.metadata = metadata


def result_token_with_metadata(p: Parser, result: ast.expr,
                               metadata: Optional[object]) -> ResultTokenWithMetadata:
    """CPython: Parser/action_helpers.c:result_token_with_metadata"""
    return ResultTokenWithMetadata(result, metadata)


def _PyPegen_check_fstring_conversion(p: Parser, conv_token: Token,
                                      conv: ast.expr) -> ResultTokenWithMetadata:
    """CPython: Parser/action_helpers.c:_PyPegen_check_fstring_conversion

    ``!`` and the conversion's name must touch, and the name be s, r or a."""
    if conv_token.lineno != conv.lineno or conv_token.end_col_offset != conv.col_offset:
        p.RAISE_SYNTAX_ERROR_KNOWN_RANGE(
            conv_token, conv,
            f"{p.tok.string_prefix()}-string: conversion type must come right after the "
            "exclamation mark")
    name = _name_id(conv)
    if len(name) > 1 or not (name[0] == "s" or name[0] == "r" or name[0] == "a"):
        p.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
            conv, f"{p.tok.string_prefix()}-string: invalid conversion character {name!r}: "
                  "expected 's', 'r', or 'a'")
    return result_token_with_metadata(p, conv, conv_token.metadata)


def _is_empty_str_constant(e: ast.expr) -> bool:
    """pyvm: C's ``e->kind == Constant_kind && PyUnicode_CheckExact(value) &&
    PyUnicode_GET_LENGTH(value) == 0``."""
    return isinstance(e, ast.Constant) and isinstance(e.value, str) and len(e.value) == 0


def _PyPegen_setup_full_format_spec(p: Parser, colon: Token, spec: list[ast.expr],
                                    lineno: int, col_offset: int, end_lineno: int,
                                    end_col_offset: int) -> ResultTokenWithMetadata:
    """CPython: Parser/action_helpers.c:_PyPegen_setup_full_format_spec

    The format spec after ``:`` as a JoinedStr, with the colon's metadata."""
    # This is needed to keep compatibility with 3.11, where an empty format
    # spec is parsed as an *empty* JoinedStr node, instead of having an empty
    # constant in it.
    spec = [item for item in spec if not _is_empty_str_constant(item)]
    res: ast.expr
    if len(spec) == 0 or (len(spec) == 1 and isinstance(spec[0], ast.Constant)):
        res = ast.JoinedStr(spec, lineno, col_offset, end_lineno, end_col_offset)
    else:
        res = _PyPegen_concatenate_strings(p, spec, lineno, col_offset, end_lineno,
                                           end_col_offset)
    return result_token_with_metadata(p, res, colon.metadata)


def _PyPegen_decode_fstring_part(p: Parser, is_raw: bool, constant: ast.Constant,
                                 token: Token) -> ast.Constant:
    """CPython: Parser/action_helpers.c:_PyPegen_decode_fstring_part

    The value of an f/t-string's literal part (FSTRING_MIDDLE text), its
    escapes decoded unless the string is raw; invalid escapes warn on
    ``token`` (the string's end)."""
    value = constant.value
    assert isinstance(value, str)
    bstr = value.encode("utf-8", "surrogatepass")
    if bstr == b"{{" or bstr == b"}}":
        bstr = bstr[:1]
    is_raw = is_raw or 0x5C not in bstr
    s = ""  # pyvm: defined on every path for mypyc (the except clause raises)
    try:
        s = _PyPegen_decode_string(p, is_raw, bstr, token)
    except PyErr as e:
        p._Pypegen_raise_decode_error(e)
    return ast.Constant(s, None, constant.lineno, constant.col_offset, constant.end_lineno,
                        constant.end_col_offset)


def _get_resized_exprs(p: Parser, a: Token, raw_expressions: list[ast.expr], b: Token,
                       string_kind: int) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_get_resized_exprs

    The values of an f/t-string: literal parts decoded (empty ones dropped)
    and each ``{x=}`` field's pair (debug text, value) spliced in."""
    is_raw = "r" in a.string or "R" in a.string
    seq: list[ast.expr] = []
    for item in raw_expressions:
        # This should correspond to a JoinedStr node of two elements
        # created _PyPegen_formatted_value. This situation can only be the result of
        # a (f|t)-string debug expression where the first element is a constant with the text and the second
        # a formatted value with the expression.
        if isinstance(item, ast.JoinedStr):
            values = item.values
            if len(values) != 2:
                PyErr_SetString(
                    PyExc_SystemError,
                    f"unexpected TemplateStr node without debug data in t-string at line {item.lineno}"
                    if string_kind == TSTRING else
                    f"unexpected JoinedStr node without debug data in f-string at line {item.lineno}")
            seq.append(values[0])
            seq.append(values[1])
            continue
        if isinstance(item, ast.Constant):
            item = _PyPegen_decode_fstring_part(p, is_raw, item, b)
            # Tokenizer emits string parts even when the underlying string
            # might become an empty value (e.g. FSTRING_MIDDLE with the value \\n)
            # so we need to check for them and simplify it here.
            if _is_empty_str_constant(item):
                continue
        seq.append(item)
    return seq


def _PyPegen_template_str(p: Parser, a: Token, raw_expressions: list[ast.expr],
                          b: Token) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_template_str"""
    resized_exprs = _get_resized_exprs(p, a, raw_expressions, b, TSTRING)
    return ast.TemplateStr(resized_exprs, a.lineno, a.col_offset, b.end_lineno,
                           b.end_col_offset)


def _PyPegen_joined_str(p: Parser, a: Token, raw_expressions: list[ast.expr],
                        b: Token) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_joined_str"""
    resized_exprs = _get_resized_exprs(p, a, raw_expressions, b, FSTRING)
    return ast.JoinedStr(resized_exprs, a.lineno, a.col_offset, b.end_lineno,
                         b.end_col_offset)


def _PyPegen_decoded_constant_from_token(p: Parser, tok: Token) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_decoded_constant_from_token

    A format spec's literal part, its escapes decoded unless the f-string
    being tokenized is raw."""
    bstr = tok.string.encode("utf-8", "surrogatepass")
    # Check if we're inside a raw f-string for format spec decoding
    is_raw = p.tok.fstring_raw()
    s = _PyPegen_decode_string(p, is_raw, bstr, tok)
    return ast.Constant(s, None, tok.lineno, tok.col_offset, tok.end_lineno,
                        tok.end_col_offset)


def _PyPegen_constant_from_token(p: Parser, tok: Token) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_constant_from_token

    An f/t-string's literal part as its raw text (decoded later, by
    ``_get_resized_exprs``)."""
    return ast.Constant(tok.string, None, tok.lineno, tok.col_offset, tok.end_lineno,
                        tok.end_col_offset)


def _PyPegen_constant_from_string(p: Parser, tok: Token) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_constant_from_string

    A STRING token's Constant; ``kind`` is ``"u"`` for a ``u"..."`` literal."""
    s: object = None  # pyvm: defined on every path for mypyc (the except clause raises)
    try:
        s = _PyPegen_parse_string(p, tok)
    except PyErr as e:
        p._Pypegen_raise_decode_error(e)
    kind: Optional[str] = None
    if tok.string[:1] == "u":
        kind = p._PyPegen_new_identifier("u")
    return ast.Constant(s, kind, tok.lineno, tok.col_offset, tok.end_lineno, tok.end_col_offset)


def _get_interpolation_conversion(p: Parser, debug: Optional[Token],
                                  conversion: Optional[ResultTokenWithMetadata],
                                  format: Optional[ResultTokenWithMetadata]) -> int:
    """CPython: Parser/action_helpers.c:_get_interpolation_conversion"""
    if conversion is not None:
        return ord(_name_id(conversion.result)[0])
    elif debug is not None and format is None:
        # If no conversion is specified, use !r for debug expressions
        return ord("r")
    return -1


def _strip_interpolation_expr(exprstr: object) -> str:
    """CPython: Parser/action_helpers.c:_strip_interpolation_expr

    The expression's text without the trailing whitespace and ``=``."""
    assert isinstance(exprstr, str)
    n = len(exprstr)
    for i in range(len(exprstr) - 1, -1, -1):
        c = exprstr[i]
        if c.isspace() or c == "=":
            n -= 1
        else:
            break
    return exprstr[:n]


def _debug_end(conversion: Optional[ResultTokenWithMetadata],
               format: Optional[ResultTokenWithMetadata], closing_brace: Token,
               end_lineno: int, end_col_offset: int) -> tuple[int, int, Optional[object]]:
    """CPython: Parser/action_helpers.c:_PyPegen_formatted_value

    pyvm: the shared "find the non whitespace token after the '='" step of
    ``_PyPegen_formatted_value`` and ``_PyPegen_interpolation``: where the
    debug text ends and the text itself."""
    if conversion is not None:
        return conversion.result.lineno, conversion.result.col_offset, conversion.metadata
    if format is not None:
        return format.result.lineno, format.result.col_offset + 1, format.metadata
    return end_lineno, end_col_offset, closing_brace.metadata


def _PyPegen_interpolation(p: Parser, expression: ast.expr, debug: Optional[Token],
                           conversion: Optional[ResultTokenWithMetadata],
                           format: Optional[ResultTokenWithMetadata], closing_brace: Token,
                           lineno: int, col_offset: int, end_lineno: int,
                           end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_interpolation

    A t-string's ``{...}``: an Interpolation holding the expression's text; with
    ``=``, a JoinedStr of the debug text and the Interpolation (spliced into
    the t-string by ``_get_resized_exprs``)."""
    conversion_val = _get_interpolation_conversion(p, debug, conversion, format)

    # Find the non whitespace token after the "="
    debug_end_line, debug_end_offset, debug_metadata = _debug_end(
        conversion, format, closing_brace, end_lineno, end_col_offset)
    exprstr = debug_metadata
    assert exprstr is not None
    final_exprstr = _strip_interpolation_expr(exprstr)

    interpolation = ast.Interpolation(
        expression, final_exprstr, conversion_val,
        format.result if format is not None else None,
        lineno, col_offset, end_lineno, end_col_offset)
    if debug is None:
        return interpolation

    debug_text = ast.Constant(debug_metadata, None, lineno, col_offset + 1, debug_end_line,
                              debug_end_offset - 1)
    return ast.JoinedStr([debug_text, interpolation], lineno, col_offset, debug_end_line,
                         debug_end_offset)


def _PyPegen_formatted_value(p: Parser, expression: ast.expr, debug: Optional[Token],
                             conversion: Optional[ResultTokenWithMetadata],
                             format: Optional[ResultTokenWithMetadata], closing_brace: Token,
                             lineno: int, col_offset: int, end_lineno: int,
                             end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_formatted_value

    An f-string's ``{...}``: a FormattedValue; with ``=``, a JoinedStr of the
    debug text and the FormattedValue (spliced in by ``_get_resized_exprs``)."""
    conversion_val = _get_interpolation_conversion(p, debug, conversion, format)

    formatted_value = ast.FormattedValue(
        expression, conversion_val, format.result if format is not None else None,
        lineno, col_offset, end_lineno, end_col_offset)
    if debug is None:
        return formatted_value

    # Find the non whitespace token after the "="
    debug_end_line, debug_end_offset, debug_metadata = _debug_end(
        conversion, format, closing_brace, end_lineno, end_col_offset)
    debug_text = ast.Constant(debug_metadata, None, lineno, col_offset + 1, debug_end_line,
                              debug_end_offset - 1)
    return ast.JoinedStr([debug_text, formatted_value], lineno, col_offset, debug_end_line,
                         debug_end_offset)


def _constant_of(e: ast.expr) -> ast.Constant:
    """pyvm: C's ``e->v.Constant`` (the caller knows ``e`` is a Constant)."""
    assert isinstance(e, ast.Constant)
    return e


def _build_concatenated_bytes(p: Parser, strings: list[ast.expr], lineno: int,
                              col_offset: int, end_lineno: int,
                              end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_build_concatenated_bytes"""
    assert len(strings) > 0
    # Bytes literals never get a kind, but just for consistency
    # since they are represented as Constant nodes, we'll mirror
    # the same behavior as unicode strings for determining the
    # kind.
    kind = _constant_of(strings[0]).kind
    parts: list[bytes] = []
    for elem in strings:
        v = _constant_of(elem).value
        assert isinstance(v, bytes)
        parts.append(v)
    return ast.Constant(b"".join(parts), kind, lineno, col_offset, end_lineno, end_col_offset)


def _build_concatenated_unicode(p: Parser, strings: list[ast.expr], lineno: int,
                                col_offset: int, end_lineno: int,
                                end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_build_concatenated_unicode"""
    assert len(strings) > 1
    # When a string is getting concatenated, the kind of the string
    # is determined by the first string in the concatenation
    # sequence.
    #
    # u"abc" "def" -> u"abcdef"
    # "abc" u"abc" ->  "abcabc"
    kind = _constant_of(strings[0]).kind
    parts: list[str] = []
    for current_elem in strings:
        v = _constant_of(current_elem).value
        assert isinstance(v, str)
        parts.append(v)
    return ast.Constant("".join(parts), kind, lineno, col_offset, end_lineno, end_col_offset)


def _build_concatenated_str(p: Parser, strings: list[ast.expr], lineno: int,
                            col_offset: int, end_lineno: int,
                            end_col_offset: int) -> list[ast.expr]:
    """CPython: Parser/action_helpers.c:_build_concatenated_str

    The values of the f/t-strings and strings in ``strings``, flattened, each
    run of adjacent Constants folded into one and empty ones dropped."""
    assert len(strings) > 0
    # build flattened list
    flattened: list[ast.expr] = []
    for elem in strings:
        if isinstance(elem, ast.JoinedStr):
            flattened.extend(elem.values)
        elif isinstance(elem, ast.TemplateStr):
            flattened.extend(elem.values)
        else:
            flattened.append(elem)

    # build folded list
    values: list[ast.expr] = []
    n_flattened_elements = len(flattened)
    i = 0
    while i < n_flattened_elements:
        elem = flattened[i]
        # if the current elem and the following are constants,
        # fold them and all consequent constants
        if isinstance(elem, ast.Constant):
            if i + 1 < n_flattened_elements and isinstance(flattened[i + 1], ast.Constant):
                first_elem = elem
                # When a string is getting concatenated, the kind of the string
                # is determined by the first string in the concatenation
                # sequence.
                #
                # u"abc" "def" -> u"abcdef"
                # "abc" u"abc" ->  "abcabc"
                kind = elem.kind
                parts: list[str] = []
                last_elem = elem
                j = i
                while j < n_flattened_elements:
                    current_elem = flattened[j]
                    if isinstance(current_elem, ast.Constant):
                        v = current_elem.value
                        assert isinstance(v, str)
                        parts.append(v)
                        last_elem = current_elem
                    else:
                        break
                    j += 1
                i = j - 1
                elem = ast.Constant("".join(parts), kind, first_elem.lineno,
                                    first_elem.col_offset, last_elem.end_lineno,
                                    last_elem.end_col_offset)
            # Drop all empty contanst strings
            if _is_empty_str_constant(elem):
                i += 1
                continue
        values.append(elem)
        i += 1
    return values


def _build_concatenated_joined_str(p: Parser, strings: list[ast.expr], lineno: int,
                                   col_offset: int, end_lineno: int,
                                   end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_build_concatenated_joined_str"""
    values = _build_concatenated_str(p, strings, lineno, col_offset, end_lineno, end_col_offset)
    return ast.JoinedStr(values, lineno, col_offset, end_lineno, end_col_offset)


def _PyPegen_concatenate_tstrings(p: Parser, strings: list[ast.expr], lineno: int,
                                  col_offset: int, end_lineno: int,
                                  end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_concatenate_tstrings"""
    values = _build_concatenated_str(p, strings, lineno, col_offset, end_lineno, end_col_offset)
    return ast.TemplateStr(values, lineno, col_offset, end_lineno, end_col_offset)


def _PyPegen_concatenate_strings(p: Parser, strings: list[ast.expr], lineno: int,
                                 col_offset: int, end_lineno: int,
                                 end_col_offset: int) -> ast.expr:
    """CPython: Parser/action_helpers.c:_PyPegen_concatenate_strings

    Implicitly concatenated literals: one Constant for strings or bytes alone,
    else one JoinedStr; bytes mix with nothing else."""
    assert len(strings) > 0
    f_string_found = False
    unicode_string_found = False
    bytes_found = False
    for elem in strings:
        if isinstance(elem, ast.Constant):
            if isinstance(elem.value, bytes):
                bytes_found = True
            else:
                unicode_string_found = True
        elif isinstance(elem, ast.JoinedStr):
            f_string_found = True
        elif isinstance(elem, ast.TemplateStr):
            # python.gram handles this; we should never get here
            assert False
        else:
            f_string_found = True

    # Cannot mix unicode and bytes
    if (unicode_string_found or f_string_found) and bytes_found:
        p.RAISE_SYNTAX_ERROR("cannot mix bytes and nonbytes literals")

    # If it's only bytes or only unicode string, do a simple concat
    if not f_string_found:
        if len(strings) == 1:
            return strings[0]
        elif bytes_found:
            return _build_concatenated_bytes(p, strings, lineno, col_offset, end_lineno,
                                             end_col_offset)
        else:
            return _build_concatenated_unicode(p, strings, lineno, col_offset, end_lineno,
                                               end_col_offset)

    return _build_concatenated_joined_str(p, strings, lineno, col_offset, end_lineno,
                                          end_col_offset)
