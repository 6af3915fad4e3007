"""Ports Python/ast.c: ``_PyAST_Validate``, the integrity check of a tree handed to
``compile()`` as ``_ast`` objects (the parser's own trees are never checked).

The tree is the compiler's (pyvm/compile/ast.py) as ``PyAST_obj2mod``
(pyvm/compile/python_ast.py) built it, so it can hold what the parser never
makes: ``None`` in a list (C's NULL item), an empty body, a ``Store`` where a
``Load`` belongs, an identifier ``"None"``, a constant of any type (kept as the
``PyObject`` itself when it has no host counterpart). Each check raises as C's
returns 0 with an exception set; C's ``VALIDATE_POSITIONS`` macro is
:func:`VALIDATE_POSITIONS`. Lists that may hold ``None`` are read through a
``cast`` to ``list[Optional[...]]``. The recursion guard is the ``_ast`` walkers'
(python_ast.py), as deep as C's stack-bound one.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, Union, cast

from pyvm.compile import ast
from pyvm.compile.python_ast import obj2ast_constant
from pyvm.objects.abstract import PyIter_Next, PyObject_GetIter
from pyvm.objects.exceptions import PyExc_SystemError, PyExc_TypeError, PyExc_ValueError
from pyvm.objects.object import (
    Py_DECREF, PyErr_Format, PyErr_SetString, PyObject, _Py_EnterRecursiveCall,
    _Py_LeaveRecursiveCall,
)
from pyvm.objects.typeobject import _PyType_Name

if TYPE_CHECKING:
    Located = Union[ast.stmt, ast.expr, ast.excepthandler, ast.arg, ast.pattern,
                    ast.type_param]


from pyvm.objects.object import _cast
globals()["cast"] = _cast  # see pyvm/objects/object.py:_cast


def VALIDATE_POSITIONS(node: Located) -> None:
    """CPython: Python/ast.c:VALIDATE_POSITIONS"""
    lineno = node.lineno
    col = node.col_offset
    end_lineno = node.end_lineno if node.end_lineno is not None else lineno
    end_col = node.end_col_offset if node.end_col_offset is not None else col
    if lineno > end_lineno:
        PyErr_Format(PyExc_ValueError,
                     f"AST node line range ({lineno}, {end_lineno}) is not valid")
    if (lineno < 0 and end_lineno != lineno) or (col < 0 and col != end_col):
        PyErr_Format(PyExc_ValueError,
                     f"AST node column range ({col}, {end_col}) for line range "
                     f"({lineno}, {end_lineno}) is not valid")
    if lineno == end_lineno and col > end_col:
        PyErr_Format(PyExc_ValueError,
                     f"line {lineno}, column {col}-{end_col} is not a valid range")


def validate_name(name: str) -> None:
    """CPython: Python/ast.c:validate_name"""
    if name in ("None", "True", "False"):
        PyErr_Format(PyExc_ValueError, f"identifier field can't represent '{name}' constant")


def validate_comprehension(gens: list[ast.comprehension]) -> None:
    """CPython: Python/ast.c:validate_comprehension"""
    if not gens:
        PyErr_SetString(PyExc_ValueError, "comprehension with no generators")
    for comp in gens:
        validate_expr(comp.target, ast.Store_)
        validate_expr(comp.iter, ast.Load_)
        validate_exprs(cast("list[Optional[ast.expr]]", comp.ifs), ast.Load_, False)


def validate_keywords(keywords: list[ast.keyword]) -> None:
    """CPython: Python/ast.c:validate_keywords"""
    for k in keywords:
        validate_expr(k.value, ast.Load_)


def validate_args(args: list[ast.arg]) -> None:
    """CPython: Python/ast.c:validate_args"""
    for a in args:
        VALIDATE_POSITIONS(a)
        if a.annotation is not None:
            validate_expr(a.annotation, ast.Load_)


def expr_context_name(ctx: ast.expr_context) -> str:
    """CPython: Python/ast.c:expr_context_name"""
    return type(ctx).__name__


def validate_arguments(args: ast.arguments) -> None:
    """CPython: Python/ast.c:validate_arguments"""
    validate_args(args.posonlyargs)
    validate_args(args.args)
    if args.vararg is not None and args.vararg.annotation is not None:
        validate_expr(args.vararg.annotation, ast.Load_)
    validate_args(args.kwonlyargs)
    if args.kwarg is not None and args.kwarg.annotation is not None:
        validate_expr(args.kwarg.annotation, ast.Load_)
    if len(args.defaults) > len(args.posonlyargs) + len(args.args):
        PyErr_SetString(PyExc_ValueError, "more positional defaults than args on arguments")
    if len(args.kw_defaults) != len(args.kwonlyargs):
        PyErr_SetString(PyExc_ValueError,
                        "length of kwonlyargs is not the same as kw_defaults on arguments")
    validate_exprs(cast("list[Optional[ast.expr]]", args.defaults), ast.Load_, False)
    validate_exprs(args.kw_defaults, ast.Load_, True)


def validate_constant(value: object) -> None:
    """CPython: Python/ast.c:validate_constant

    pyvm: the host constants ``obj2ast_constant`` made are valid by
    construction, tuples and frozensets item by item; a ``PyObject`` left in
    the tree is not (a frozenset of them is looked into as C does).
    """
    if value is None or value is Ellipsis:
        return
    if type(value) in (int, float, complex, bool, str, bytes):
        return
    if isinstance(value, (tuple, frozenset)):
        _Py_EnterRecursiveCall(" during compilation")
        try:
            for item in value:
                validate_constant(item)
        finally:
            _Py_LeaveRecursiveCall()
        return
    assert isinstance(value, PyObject)
    if value.ob_type.tp_name == "frozenset":
        it = PyObject_GetIter(value)
        try:
            while True:
                item = PyIter_Next(it)
                if item is None:
                    break
                try:
                    validate_constant(obj2ast_constant(item))
                finally:
                    Py_DECREF(item)
        finally:
            Py_DECREF(it)
        return
    PyErr_Format(PyExc_TypeError,
                 f"got an invalid type in Constant: {_PyType_Name(value.ob_type)}")


def validate_expr(exp: Optional[ast.expr], ctx: ast.expr_context) -> None:
    """CPython: Python/ast.c:validate_expr

    The context first (only names, attributes, subscripts, starred, lists and
    tuples may be stored or deleted), then the node's own rules.
    """
    if exp is None:
        # pyvm: a required field C's obj2ast already refused; keep mypy honest.
        PyErr_SetString(PyExc_SystemError, "unexpected expression")
    VALIDATE_POSITIONS(exp)
    _Py_EnterRecursiveCall(" during compilation")
    try:
        _validate_expr(exp, ctx)
    finally:
        _Py_LeaveRecursiveCall()


def _validate_expr(exp: ast.expr, ctx: ast.expr_context) -> None:
    """pyvm: the body of ``validate_expr`` between ENTER/LEAVE_RECURSIVE."""
    actual: Optional[ast.expr_context] = None
    if isinstance(exp, (ast.Attribute, ast.Subscript, ast.Starred, ast.List, ast.Tuple)):
        actual = exp.ctx
    elif isinstance(exp, ast.Name):
        validate_name(exp.id)
        actual = exp.ctx
    elif not isinstance(ctx, ast.Load):
        PyErr_Format(PyExc_ValueError,
                     f"expression which can't be assigned to in {expr_context_name(ctx)} context")
    if actual is not None and type(actual) is not type(ctx):
        PyErr_Format(PyExc_ValueError,
                     f"expression must have {expr_context_name(ctx)} context but has "
                     f"{expr_context_name(actual)} instead")
    L = ast.Load_
    if isinstance(exp, ast.BoolOp):
        if len(exp.values) < 2:
            PyErr_SetString(PyExc_ValueError, "BoolOp with less than 2 values")
        validate_exprs(cast("list[Optional[ast.expr]]", exp.values), L, False)
    elif isinstance(exp, ast.BinOp):
        validate_expr(exp.left, L)
        validate_expr(exp.right, L)
    elif isinstance(exp, ast.UnaryOp):
        validate_expr(exp.operand, L)
    elif isinstance(exp, ast.Lambda):
        validate_arguments(exp.args)
        validate_expr(exp.body, L)
    elif isinstance(exp, ast.IfExp):
        validate_expr(exp.test, L)
        validate_expr(exp.body, L)
        validate_expr(exp.orelse, L)
    elif isinstance(exp, ast.Dict):
        if len(exp.keys) != len(exp.values):
            PyErr_SetString(PyExc_ValueError,
                            "Dict doesn't have the same number of keys as values")
        # null_ok for the keys: ``{**d}`` has a None key.
        validate_exprs(exp.keys, L, True)
        validate_exprs(cast("list[Optional[ast.expr]]", exp.values), L, False)
    elif isinstance(exp, ast.Set):
        validate_exprs(cast("list[Optional[ast.expr]]", exp.elts), L, False)
    elif isinstance(exp, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        validate_comprehension(exp.generators)
        validate_expr(exp.elt, L)
    elif isinstance(exp, ast.DictComp):
        validate_comprehension(exp.generators)
        validate_expr(exp.key, L)
        validate_expr(exp.value, L)
    elif isinstance(exp, ast.Yield):
        if exp.value is not None:
            validate_expr(exp.value, L)
    elif isinstance(exp, (ast.YieldFrom, ast.Await)):
        validate_expr(exp.value, L)
    elif isinstance(exp, ast.Compare):
        if not exp.comparators:
            PyErr_SetString(PyExc_ValueError, "Compare with no comparators")
        if len(exp.comparators) != len(exp.ops):
            PyErr_SetString(PyExc_ValueError,
                            "Compare has a different number of comparators and operands")
        validate_exprs(cast("list[Optional[ast.expr]]", exp.comparators), L, False)
        validate_expr(exp.left, L)
    elif isinstance(exp, ast.Call):
        validate_expr(exp.func, L)
        validate_exprs(cast("list[Optional[ast.expr]]", exp.args), L, False)
        validate_keywords(exp.keywords)
    elif isinstance(exp, ast.Constant):
        validate_constant(exp.value)
    elif isinstance(exp, (ast.JoinedStr, ast.TemplateStr)):
        validate_exprs(cast("list[Optional[ast.expr]]", exp.values), L, False)
    elif isinstance(exp, (ast.FormattedValue, ast.Interpolation)):
        validate_expr(exp.value, L)
        if exp.format_spec is not None:
            validate_expr(exp.format_spec, L)
    elif isinstance(exp, ast.Attribute):
        validate_expr(exp.value, L)
    elif isinstance(exp, ast.Subscript):
        validate_expr(exp.slice, L)
        validate_expr(exp.value, L)
    elif isinstance(exp, ast.Starred):
        validate_expr(exp.value, ctx)
    elif isinstance(exp, ast.Slice):
        for part in (exp.lower, exp.upper, exp.step):
            if part is not None:
                validate_expr(part, L)
    elif isinstance(exp, (ast.List, ast.Tuple)):
        validate_exprs(cast("list[Optional[ast.expr]]", exp.elts), ctx, False)
    elif isinstance(exp, ast.NamedExpr):
        if not isinstance(exp.target, ast.Name):
            PyErr_SetString(PyExc_TypeError, "NamedExpr target must be a Name")
        validate_expr(exp.value, L)
    elif isinstance(exp, ast.Name):
        pass
    else:
        PyErr_SetString(PyExc_SystemError, "unexpected expression")


def ensure_literal_number(exp: ast.Constant, allow_real: bool, allow_imaginary: bool) -> bool:
    """CPython: Python/ast.c:ensure_literal_number"""
    t = type(exp.value)
    return (allow_real and (t is float or t is int)) or (allow_imaginary and t is complex)


def ensure_literal_negative(exp: ast.UnaryOp, allow_real: bool, allow_imaginary: bool) -> bool:
    """CPython: Python/ast.c:ensure_literal_negative"""
    if not isinstance(exp.op, ast.USub):
        return False
    operand = exp.operand
    if not isinstance(operand, ast.Constant):
        return False
    return ensure_literal_number(operand, allow_real, allow_imaginary)


def ensure_literal_complex(exp: ast.BinOp) -> bool:
    """CPython: Python/ast.c:ensure_literal_complex"""
    if not isinstance(exp.op, (ast.Add, ast.Sub)):
        return False
    left = exp.left
    if isinstance(left, ast.Constant):
        if not ensure_literal_number(left, True, False):
            return False
    elif isinstance(left, ast.UnaryOp):
        if not ensure_literal_negative(left, True, False):
            return False
    else:
        return False
    right = exp.right
    return isinstance(right, ast.Constant) and ensure_literal_number(right, False, True)


def validate_pattern_match_value(exp: ast.expr) -> None:
    """CPython: Python/ast.c:validate_pattern_match_value"""
    validate_expr(exp, ast.Load_)
    if isinstance(exp, ast.Constant):
        validate_expr(exp, ast.Load_)
        if type(exp.value) in (int, float, bytes, complex, str):
            return
        PyErr_SetString(PyExc_ValueError, "unexpected constant inside of a literal pattern")
    if isinstance(exp, (ast.Attribute, ast.JoinedStr, ast.TemplateStr)):
        return
    if isinstance(exp, ast.UnaryOp) and ensure_literal_negative(exp, True, True):
        return
    if isinstance(exp, ast.BinOp) and ensure_literal_complex(exp):
        return
    PyErr_SetString(PyExc_ValueError, "patterns may only match literals and attribute lookups")


def validate_capture(name: str) -> None:
    """CPython: Python/ast.c:validate_capture"""
    if name == "_":
        PyErr_Format(PyExc_ValueError, "can't capture name '_' in patterns")
    validate_name(name)


def validate_pattern(p: ast.pattern, star_ok: bool) -> None:
    """CPython: Python/ast.c:validate_pattern"""
    VALIDATE_POSITIONS(p)
    _Py_EnterRecursiveCall(" during compilation")
    try:
        _validate_pattern(p, star_ok)
    finally:
        _Py_LeaveRecursiveCall()


def _validate_pattern(p: ast.pattern, star_ok: bool) -> None:
    """pyvm: the body of ``validate_pattern`` between ENTER/LEAVE_RECURSIVE."""
    if isinstance(p, ast.MatchValue):
        validate_pattern_match_value(p.value)
    elif isinstance(p, ast.MatchSingleton):
        if not (p.value is None or isinstance(p.value, bool)):
            PyErr_SetString(PyExc_ValueError,
                            "MatchSingleton can only contain True, False and None")
    elif isinstance(p, ast.MatchSequence):
        validate_patterns(p.patterns, True)
    elif isinstance(p, ast.MatchMapping):
        if len(p.keys) != len(p.patterns):
            PyErr_SetString(PyExc_ValueError,
                            "MatchMapping doesn't have the same number of keys as patterns")
        if p.rest is not None:
            validate_capture(p.rest)
        for key in p.keys:
            if isinstance(key, ast.Constant) and (key.value is None or isinstance(key.value, bool)):
                continue
            validate_pattern_match_value(key)
        validate_patterns(p.patterns, False)
    elif isinstance(p, ast.MatchClass):
        if len(p.kwd_attrs) != len(p.kwd_patterns):
            PyErr_SetString(PyExc_ValueError,
                            "MatchClass doesn't have the same number of keyword attributes "
                            "as patterns")
        validate_expr(p.cls, ast.Load_)
        cls = p.cls
        while not isinstance(cls, ast.Name):
            if isinstance(cls, ast.Attribute):
                cls = cls.value
            else:
                PyErr_SetString(PyExc_ValueError,
                                "MatchClass cls field can only contain Name or Attribute nodes.")
        for ident in p.kwd_attrs:
            validate_name(ident)
        validate_patterns(p.patterns, False)
        validate_patterns(p.kwd_patterns, False)
    elif isinstance(p, ast.MatchStar):
        if not star_ok:
            PyErr_SetString(PyExc_ValueError, "can't use MatchStar here")
        if p.name is not None:
            validate_capture(p.name)
    elif isinstance(p, ast.MatchAs):
        if p.name is not None:
            validate_capture(p.name)
        if p.pattern is not None:
            if p.name is None:
                PyErr_SetString(PyExc_ValueError,
                                "MatchAs must specify a target name if a pattern is given")
            validate_pattern(p.pattern, False)
    elif isinstance(p, ast.MatchOr):
        if len(p.patterns) < 2:
            PyErr_SetString(PyExc_ValueError, "MatchOr requires at least 2 patterns")
        validate_patterns(p.patterns, False)
    else:
        PyErr_SetString(PyExc_SystemError, "unexpected pattern")


def _validate_nonempty_seq(seq: list[object], what: str, owner: str) -> None:
    """CPython: Python/ast.c:_validate_nonempty_seq"""
    if not seq:
        PyErr_Format(PyExc_ValueError, f"empty {what} on {owner}")


def validate_assignlist(targets: list[ast.expr], ctx: ast.expr_context) -> None:
    """CPython: Python/ast.c:validate_assignlist"""
    _validate_nonempty_seq(cast("list[object]", targets), "targets",
                           "Delete" if isinstance(ctx, ast.Del) else "Assign")
    validate_exprs(cast("list[Optional[ast.expr]]", targets), ctx, False)


def validate_body(body: list[ast.stmt], owner: str) -> None:
    """CPython: Python/ast.c:validate_body"""
    _validate_nonempty_seq(cast("list[object]", body), "body", owner)
    validate_stmts(body)


def _validate_handlers(handlers: list[ast.excepthandler], positions: bool) -> None:
    """pyvm: the ``except`` clauses of Try (whose positions C checks) and
    TryStar (whose positions it does not)."""
    for h in handlers:
        if positions:
            VALIDATE_POSITIONS(h)
        assert isinstance(h, ast.ExceptHandler)
        if h.type is not None:
            validate_expr(h.type, ast.Load_)
        validate_body(h.body, "ExceptHandler")


def validate_stmt(s: ast.stmt) -> None:
    """CPython: Python/ast.c:validate_stmt"""
    VALIDATE_POSITIONS(s)
    _Py_EnterRecursiveCall(" during compilation")
    try:
        _validate_stmt(s)
    finally:
        _Py_LeaveRecursiveCall()


def _validate_stmt(s: ast.stmt) -> None:
    """pyvm: the body of ``validate_stmt`` between ENTER/LEAVE_RECURSIVE."""
    L = ast.Load_
    if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
        validate_body(s.body, type(s).__name__)
        validate_type_params(s.type_params)
        validate_arguments(s.args)
        validate_exprs(cast("list[Optional[ast.expr]]", s.decorator_list), L, False)
        if s.returns is not None:
            validate_expr(s.returns, L)
    elif isinstance(s, ast.ClassDef):
        validate_body(s.body, "ClassDef")
        validate_type_params(s.type_params)
        validate_exprs(cast("list[Optional[ast.expr]]", s.bases), L, False)
        validate_keywords(s.keywords)
        validate_exprs(cast("list[Optional[ast.expr]]", s.decorator_list), L, False)
    elif isinstance(s, ast.Return):
        if s.value is not None:
            validate_expr(s.value, L)
    elif isinstance(s, ast.Delete):
        validate_assignlist(s.targets, ast.Del_)
    elif isinstance(s, ast.Assign):
        validate_assignlist(s.targets, ast.Store_)
        validate_expr(s.value, L)
    elif isinstance(s, ast.AugAssign):
        validate_expr(s.target, ast.Store_)
        validate_expr(s.value, L)
    elif isinstance(s, ast.AnnAssign):
        if not isinstance(s.target, ast.Name) and s.simple:
            PyErr_SetString(PyExc_TypeError, "AnnAssign with simple non-Name target")
        validate_expr(s.target, ast.Store_)
        if s.value is not None:
            validate_expr(s.value, L)
        validate_expr(s.annotation, L)
    elif isinstance(s, ast.TypeAlias):
        if not isinstance(s.name, ast.Name):
            PyErr_SetString(PyExc_TypeError, "TypeAlias with non-Name name")
        validate_expr(s.name, ast.Store_)
        validate_type_params(s.type_params)
        validate_expr(s.value, L)
    elif isinstance(s, (ast.For, ast.AsyncFor)):
        validate_expr(s.target, ast.Store_)
        validate_expr(s.iter, L)
        validate_body(s.body, type(s).__name__)
        validate_stmts(s.orelse)
    elif isinstance(s, (ast.While, ast.If)):
        validate_expr(s.test, L)
        validate_body(s.body, type(s).__name__)
        validate_stmts(s.orelse)
    elif isinstance(s, (ast.With, ast.AsyncWith)):
        owner = type(s).__name__
        _validate_nonempty_seq(cast("list[object]", s.items), "items", owner)
        for item in s.items:
            validate_expr(item.context_expr, L)
            if item.optional_vars is not None:
                validate_expr(item.optional_vars, ast.Store_)
        validate_body(s.body, owner)
    elif isinstance(s, ast.Match):
        validate_expr(s.subject, L)
        _validate_nonempty_seq(cast("list[object]", s.cases), "cases", "Match")
        for m in s.cases:
            validate_pattern(m.pattern, False)
            if m.guard is not None:
                validate_expr(m.guard, L)
            validate_body(m.body, "match_case")
    elif isinstance(s, ast.Raise):
        if s.exc is not None:
            validate_expr(s.exc, L)
            if s.cause is not None:
                validate_expr(s.cause, L)
        elif s.cause is not None:
            PyErr_SetString(PyExc_ValueError, "Raise with cause but no exception")
    elif isinstance(s, (ast.Try, ast.TryStar)):
        owner = type(s).__name__
        validate_body(s.body, owner)
        if not s.handlers and not s.finalbody:
            PyErr_SetString(PyExc_ValueError,
                            f"{owner} has neither except handlers nor finalbody")
        if not s.handlers and s.orelse:
            PyErr_SetString(PyExc_ValueError, f"{owner} has orelse but no except handlers")
        _validate_handlers(s.handlers, isinstance(s, ast.Try))
        if s.finalbody:
            validate_stmts(s.finalbody)
        if s.orelse:
            validate_stmts(s.orelse)
    elif isinstance(s, ast.Assert):
        validate_expr(s.test, L)
        if s.msg is not None:
            validate_expr(s.msg, L)
    elif isinstance(s, ast.Import):
        _validate_nonempty_seq(cast("list[object]", s.names), "names", "Import")
    elif isinstance(s, ast.ImportFrom):
        if s.level is not None and s.level < 0:
            PyErr_SetString(PyExc_ValueError, "Negative ImportFrom level")
        _validate_nonempty_seq(cast("list[object]", s.names), "names", "ImportFrom")
    elif isinstance(s, (ast.Global, ast.Nonlocal)):
        _validate_nonempty_seq(cast("list[object]", s.names), "names", type(s).__name__)
    elif isinstance(s, ast.Expr):
        validate_expr(s.value, L)
    elif isinstance(s, (ast.Pass, ast.Break, ast.Continue)):
        pass
    else:
        PyErr_SetString(PyExc_SystemError, "unexpected statement")


def validate_stmts(seq: list[ast.stmt]) -> None:
    """CPython: Python/ast.c:validate_stmts"""
    for s in cast("list[Optional[ast.stmt]]", seq):
        if s is None:
            PyErr_SetString(PyExc_ValueError, "None disallowed in statement list")
        validate_stmt(s)


def validate_exprs(exprs: list[Optional[ast.expr]], ctx: ast.expr_context,
                   null_ok: bool) -> None:
    """CPython: Python/ast.c:validate_exprs"""
    for e in exprs:
        if e is not None:
            validate_expr(e, ctx)
        elif not null_ok:
            PyErr_SetString(PyExc_ValueError, "None disallowed in expression list")


def validate_patterns(patterns: list[ast.pattern], star_ok: bool) -> None:
    """CPython: Python/ast.c:validate_patterns"""
    for p in cast("list[Optional[ast.pattern]]", patterns):
        if p is None:
            # pyvm: C dereferences the NULL item; say so instead.
            PyErr_SetString(PyExc_SystemError, "unexpected pattern")
        validate_pattern(p, star_ok)


def validate_typeparam(tp: ast.type_param) -> None:
    """CPython: Python/ast.c:validate_typeparam"""
    VALIDATE_POSITIONS(tp)
    if isinstance(tp, ast.TypeVar):
        validate_name(tp.name)
        if tp.bound is not None:
            validate_expr(tp.bound, ast.Load_)
        if tp.default_value is not None:
            validate_expr(tp.default_value, ast.Load_)
    elif isinstance(tp, (ast.ParamSpec, ast.TypeVarTuple)):
        validate_name(tp.name)
        if tp.default_value is not None:
            validate_expr(tp.default_value, ast.Load_)


def validate_type_params(tps: list[ast.type_param]) -> None:
    """CPython: Python/ast.c:validate_type_params"""
    for tp in cast("list[Optional[ast.type_param]]", tps):
        if tp is not None:
            validate_typeparam(tp)


def _PyAST_Validate(mod: ast.mod) -> None:
    """CPython: Python/ast.c:_PyAST_Validate"""
    if isinstance(mod, (ast.Module, ast.Interactive)):
        validate_stmts(mod.body)
    elif isinstance(mod, ast.Expression):
        validate_expr(mod.body, ast.Load_)
    elif isinstance(mod, ast.FunctionType):
        validate_exprs(cast("list[Optional[ast.expr]]", mod.argtypes), ast.Load_, False)
        validate_expr(mod.returns, ast.Load_)
    else:
        PyErr_SetString(PyExc_SystemError, "impossible module node")
