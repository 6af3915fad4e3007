"""Ports Python/ast_preprocess.c: the pass over the AST between the parser and the
symbol table.

In 3.14 almost all constant folding has moved to the control-flow graph
(Python/flowgraph.c folds ``1 + 2``, tuples of constants, ``not`` …). What is left
at the AST level is small and listed here in full:

* ``__debug__`` (a ``Name`` in load context) becomes ``Constant(not optimize)``;
* with ``optimize >= 2`` docstrings are removed (a body that was only a
  docstring gets a ``pass`` in its place);
* ``"literal %s %r" % (a, b)`` with a tuple of plain arguments becomes an
  f-string (``JoinedStr``) when every format unit is a simple ``%s``/``%r``/``%a``
  with at most two digits of width and precision;
* in ``match`` patterns, ``-1``, ``1 + 2j`` and ``-1 - 2j`` become constants;
* PEP 765: ``return``/``break``/``continue`` that would leave a ``finally``
  block emit ``SyntaxWarning: 'return' in a 'finally' block``.

The C pass mutates nodes in place, even changing a node's kind (``make_const``
turns a ``Name`` into a ``Constant`` and ``COPY_NODE`` overwrites a ``BinOp`` with
a ``JoinedStr``). pyvm's node classes are fixed per kind, so ``astfold_expr``
returns the node that should stand in the parent's field, and every caller stores
it back (``node.left = astfold_expr(node.left, state)``). Lists are updated in
place, so an ``asdl_seq`` shared with the caller sees the change as in C.

Constants are host values in the pyvm AST (see ast.py), so the folds of match
patterns use host arithmetic on int/float/complex, which is identical to 3.14's
for those types; an operation that fails leaves the node as it was, as C clears
the error in ``make_const``.
"""

from __future__ import annotations

import sys
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

from pyvm.compile import ast
from pyvm.compile.future import CO_FUTURE_ANNOTATIONS
from pyvm.compile.symtable import PyErr_ProgramTextObject
from pyvm.objects.object import (
    PyErr_SetString, _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall,
)
from pyvm.pystate import _tstate
from pyvm.objects.exceptions import PyExc_RecursionError

# The values of Include/internal/pycore_format.h:F_LJUST (and the flags beside it)
F_LJUST: Final = 1 << 0
F_SIGN: Final = 1 << 1
F_BLANK: Final = 1 << 2
F_ALT: Final = 1 << 3
F_ZERO: Final = 1 << 4

MAXDIGITS: Final = 3


class ControlFlowInFinallyContext:
    """CPython: Python/ast_preprocess.c:push_cf_context

    pyvm: the ``ControlFlowInFinallyContext`` struct (PEP 765).
    """

    in_finally: bool
    in_funcdef: bool
    in_loop: bool

    def __init__(self, in_finally: bool, in_funcdef: bool, in_loop: bool) -> None:
        self.in_finally = in_finally
        self.in_funcdef = in_funcdef
        self.in_loop = in_loop


class _PyASTPreprocessState:
    """CPython: Python/ast_preprocess.c:_PyAST_Preprocess

    pyvm: the ``_PyASTPreprocessState`` struct; ``cf_finally`` is a host list
    used as the stack C keeps in a growable C array.
    """

    filename: str
    optimize: int
    ff_features: int
    syntax_check_only: bool
    enable_warnings: bool
    cf_finally: list[ControlFlowInFinallyContext]

    def __init__(self, filename: str, optimize: int, ff_features: int,
                 syntax_check_only: bool, enable_warnings: bool) -> None:
        self.filename = filename
        self.optimize = optimize
        self.ff_features = ff_features
        self.syntax_check_only = syntax_check_only
        self.enable_warnings = enable_warnings
        self.cf_finally = []


def get_cf_finally_top(state: _PyASTPreprocessState) -> ControlFlowInFinallyContext:
    """CPython: Python/ast_preprocess.c:get_cf_finally_top"""
    return state.cf_finally[-1]


def push_cf_context(state: _PyASTPreprocessState, finally_: bool, funcdef: bool,
                    loop: bool) -> None:
    """CPython: Python/ast_preprocess.c:push_cf_context"""
    state.cf_finally.append(ControlFlowInFinallyContext(finally_, funcdef, loop))


def pop_cf_context(state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:pop_cf_context"""
    assert state.cf_finally
    state.cf_finally.pop()


class _SyntaxWarningHook:
    """pyvm: where the ``warnings`` machinery installs its
    ``PyErr_WarnExplicitObject(PyExc_SyntaxWarning, msg, filename, lineno)``.

    The hook returns normally when the warning was shown or ignored and raises
    (a ``PyErr``) when the filter turned it into an error; it is called with
    ``(msg, filename, lineno, col_offset, end_lineno, end_col_offset)`` so that
    it can raise the SyntaxError C raises in that case. Until it is installed,
    warnings are written to the host's stderr in the default ``showwarning``
    format.
    """

    emit: Optional[Callable[[str, str, int, int, int, int], None]]

    def __init__(self) -> None:
        self.emit = None


syntax_warning_hook: Final = _SyntaxWarningHook()


def _PyErr_EmitSyntaxWarning(msg: str, filename: str, lineno: int, col_offset: int,
                             end_lineno: int, end_col_offset: int) -> None:
    """CPython: Python/errors.c:_PyErr_EmitSyntaxWarning"""
    emit = syntax_warning_hook.emit
    if emit is not None:
        emit(msg, filename, lineno, col_offset, end_lineno, end_col_offset)
        return

    text = PyErr_ProgramTextObject(filename, lineno)
    out = f"{filename}:{lineno}: SyntaxWarning: {msg}\n"
    if text is not None:
        out += f"  {text.strip()}\n"
    sys.stderr.write(out)


def control_flow_in_finally_warning(kw: str, n: ast.stmt, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:control_flow_in_finally_warning"""
    end_lineno = n.end_lineno if n.end_lineno is not None else n.lineno
    end_col = n.end_col_offset if n.end_col_offset is not None else n.col_offset
    _PyErr_EmitSyntaxWarning(f"'{kw}' in a 'finally' block", state.filename, n.lineno,
                             n.col_offset + 1, end_lineno, end_col + 1)


def before_return(state: _PyASTPreprocessState, node_: ast.stmt) -> None:
    """CPython: Python/ast_preprocess.c:before_return"""
    if state.enable_warnings and state.cf_finally:
        ctx = get_cf_finally_top(state)
        if ctx.in_finally and not ctx.in_funcdef:
            control_flow_in_finally_warning("return", node_, state)


def before_loop_exit(state: _PyASTPreprocessState, node_: ast.stmt, kw: str) -> None:
    """CPython: Python/ast_preprocess.c:before_loop_exit"""
    if state.enable_warnings and state.cf_finally:
        ctx = get_cf_finally_top(state)
        if ctx.in_finally and not ctx.in_loop:
            control_flow_in_finally_warning(kw, node_, state)


def make_const(node: ast.expr, val: object) -> ast.expr:
    """CPython: Python/ast_preprocess.c:make_const

    Returns the ``Constant`` that replaces ``node`` (same location, no
    ``kind``).
    """
    return ast.Constant(val, None, node.lineno, node.col_offset, node.end_lineno,
                        node.end_col_offset)


def has_starred(elts: list[ast.expr]) -> bool:
    """CPython: Python/ast_preprocess.c:has_starred"""
    for e in elts:
        if isinstance(e, ast.Starred):
            return True
    return False


def parse_literal(fmt: str, pos: int) -> tuple[Optional[ast.expr], int]:
    """CPython: Python/ast_preprocess.c:parse_literal

    The literal text from ``pos`` to the next single ``%`` (``%%`` becomes
    ``%``) as a location-less ``Constant``, or ``None`` if it is empty; and the
    new position.
    """
    size = len(fmt)
    start = pos
    has_percents = False
    while pos < size:
        if fmt[pos] != "%":
            pos += 1
        elif pos + 1 < size and fmt[pos + 1] == "%":
            has_percents = True
            pos += 2
        else:
            break
    if pos == start:
        return None, pos
    s = fmt[start:pos]
    if has_percents:
        s = s.replace("%%", "%")
    return ast.Constant(s, None, -1, -1, -1, -1), pos


class _FormatArg:
    """pyvm: the out-parameters of ``simple_format_arg_parse``."""

    spec: str
    flags: int
    width: int
    prec: int
    pos: int

    def __init__(self, pos: int) -> None:
        self.spec = ""
        self.flags = 0
        self.width = -1
        self.prec = -1
        self.pos = pos


def simple_format_arg_parse(fmt: str, r: _FormatArg) -> bool:
    """CPython: Python/ast_preprocess.c:simple_format_arg_parse

    Parses the flags, width (under MAXDIGITS digits), precision and conversion
    character after a ``%``; False for anything it does not support.
    """
    pos = r.pos
    n = len(fmt)
    r.flags = 0
    while True:
        if pos >= n:
            return False
        ch = fmt[pos]
        pos += 1
        if ch == "-":
            r.flags |= F_LJUST
        elif ch == "+":
            r.flags |= F_SIGN
        elif ch == " ":
            r.flags |= F_BLANK
        elif ch == "#":
            r.flags |= F_ALT
        elif ch == "0":
            r.flags |= F_ZERO
        else:
            break
    if "0" <= ch <= "9":
        r.width = 0
        digits = 0
        while "0" <= ch <= "9":
            r.width = r.width * 10 + (ord(ch) - ord("0"))
            if pos >= n:
                return False
            ch = fmt[pos]
            pos += 1
            digits += 1
            if digits >= MAXDIGITS:
                return False
    if ch == ".":
        if pos >= n:
            return False
        ch = fmt[pos]
        pos += 1
        r.prec = 0
        if "0" <= ch <= "9":
            digits = 0
            while "0" <= ch <= "9":
                r.prec = r.prec * 10 + (ord(ch) - ord("0"))
                if pos >= n:
                    return False
                ch = fmt[pos]
                pos += 1
                digits += 1
                if digits >= MAXDIGITS:
                    return False
    r.spec = ch
    r.pos = pos
    return True


def parse_format(fmt: str, r: _FormatArg, arg: ast.expr) -> Optional[ast.expr]:
    """CPython: Python/ast_preprocess.c:parse_format

    One ``%s``/``%r``/``%a`` unit as a ``FormattedValue`` of ``arg`` (with a
    format spec for width and precision); ``None`` if unsupported.
    """
    if not simple_format_arg_parse(fmt, r):
        return None
    spec = r.spec
    if spec == "s" or spec == "r" or spec == "a":
        buf = ""
        if not (r.flags & F_LJUST) and r.width > 0:
            buf += ">"
        if r.width >= 0:
            buf += str(r.width)
        if r.prec >= 0:
            buf += "." + str(r.prec)
        format_spec: Optional[ast.expr] = None
        if buf:
            format_spec = ast.Constant(buf, None, -1, -1, -1, -1)
        return ast.FormattedValue(arg, ord(spec), format_spec, arg.lineno, arg.col_offset,
                                  arg.end_lineno, arg.end_col_offset)
    return None


def optimize_format(node: ast.BinOp, fmt: str, elts: list[ast.expr]) -> ast.expr:
    """CPython: Python/ast_preprocess.c:optimize_format

    ``fmt % (elts...)`` as an f-string, or ``node`` unchanged when the format
    does not match the items one to one or uses an unsupported unit.
    """
    pos = 0
    cnt = 0
    seq: list[ast.expr] = []
    while True:
        lit, pos = parse_literal(fmt, pos)
        if lit is not None:
            seq.append(lit)
        if pos >= len(fmt):
            break
        if cnt >= len(elts):
            # More format units than items.
            return node
        assert fmt[pos] == "%"
        pos += 1
        r = _FormatArg(pos)
        e = parse_format(fmt, r, elts[cnt])
        pos = r.pos
        cnt += 1
        if e is None:
            return node
        seq.append(e)
    if cnt < len(elts):
        # More items than format units.
        return node
    return ast.JoinedStr(seq, node.lineno, node.col_offset, node.end_lineno,
                         node.end_col_offset)


def fold_binop(node: ast.BinOp, state: _PyASTPreprocessState) -> ast.expr:
    """CPython: Python/ast_preprocess.c:fold_binop"""
    if state.syntax_check_only:
        return node
    lhs = node.left
    rhs = node.right
    if not isinstance(lhs, ast.Constant):
        return node
    lv = lhs.value
    if (isinstance(node.op, ast.Mod) and isinstance(rhs, ast.Tuple) and isinstance(lv, str)
            and not has_starred(rhs.elts)):
        return optimize_format(node, lv, rhs.elts)
    return node


def _fold_expr_seq(seq: list[ast.expr], state: _PyASTPreprocessState) -> None:
    """pyvm: CALL_SEQ(astfold_expr, ...) storing each result back."""
    for i in range(len(seq)):
        seq[i] = astfold_expr(seq[i], state)


def _fold_opt_expr_seq(seq: list[Optional[ast.expr]], state: _PyASTPreprocessState) -> None:
    """pyvm: CALL_SEQ over a sequence with NULL holes (``Dict.keys``, ``kw_defaults``)."""
    for i in range(len(seq)):
        e = seq[i]
        if e is not None:
            seq[i] = astfold_expr(e, state)


def _fold_opt(e: Optional[ast.expr], state: _PyASTPreprocessState) -> Optional[ast.expr]:
    """pyvm: CALL_OPT(astfold_expr, ...)."""
    return None if e is None else astfold_expr(e, state)


def _fold_stmt_seq(seq: list[ast.stmt], state: _PyASTPreprocessState) -> None:
    """pyvm: CALL_SEQ(astfold_stmt, ...)."""
    for s in seq:
        astfold_stmt(s, state)


def stmt_seq_remove_item(stmts: list[ast.stmt], idx: int) -> bool:
    """CPython: Python/ast_preprocess.c:stmt_seq_remove_item"""
    if idx >= len(stmts):
        return False
    del stmts[idx]
    return True


def remove_docstring(stmts: list[ast.stmt], idx: int) -> None:
    """CPython: Python/ast_preprocess.c:remove_docstring

    A body that is only the docstring gets a ``pass`` (one line, four
    columns) in its place, so that it is not empty.
    """
    assert ast._PyAST_GetDocString(stmts) is not None
    if len(stmts) == 1:
        docstring = stmts[0]
        stmts[0] = ast.Pass(docstring.lineno, docstring.col_offset, docstring.lineno,
                            docstring.col_offset + 4)
        return
    stmt_seq_remove_item(stmts, idx)


def astfold_body(stmts: list[ast.stmt], state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_body"""
    docstring = ast._PyAST_GetDocString(stmts) is not None
    if docstring and state.optimize >= 2:
        remove_docstring(stmts, 0)
        docstring = False
    _fold_stmt_seq(stmts, state)
    if not docstring and ast._PyAST_GetDocString(stmts) is not None:
        # A string that became the first statement only by folding is not a
        # docstring: wrap it so that the compiler does not take it for one.
        st = stmts[0]
        assert isinstance(st, ast.Expr)
        st.value = ast.JoinedStr([st.value], st.lineno, st.col_offset, st.end_lineno,
                                 st.end_col_offset)


def astfold_mod(node_: ast.mod, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_mod"""
    if isinstance(node_, ast.Module):
        astfold_body(node_.body, state)
    elif isinstance(node_, ast.Interactive):
        _fold_stmt_seq(node_.body, state)
    elif isinstance(node_, ast.Expression):
        node_.body = astfold_expr(node_.body, state)
    # FunctionType does not take part.


def astfold_expr(node_: ast.expr, state: _PyASTPreprocessState) -> ast.expr:
    """CPython: Python/ast_preprocess.c:astfold_expr

    The ``ENTER_RECURSIVE`` guard (``Py_EnterRecursiveCall(" during
    compilation")``, a level of the C stack model) around the visit.
    """
    _Py_EnterRecursiveCall(" during compilation")
    try:
        return _astfold_expr_body(node_, state)
    finally:
        _Py_LeaveRecursiveCall()


def _astfold_expr_body(node_: ast.expr, state: _PyASTPreprocessState) -> ast.expr:
    """pyvm: the body of ``astfold_expr``, inside its recursion guard.

    Returns the node to store in the parent (``node_`` itself unless it was
    replaced).
    """
    if isinstance(node_, ast.Name):
        if state.syntax_check_only:
            return node_
        if isinstance(node_.ctx, ast.Load) and node_.id == "__debug__":
            return make_const(node_, not state.optimize)
        return node_
    if isinstance(node_, ast.Constant):
        return node_
    if isinstance(node_, ast.BinOp):
        node_.left = astfold_expr(node_.left, state)
        node_.right = astfold_expr(node_.right, state)
        return fold_binop(node_, state)
    if isinstance(node_, ast.Attribute):
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.Call):
        node_.func = astfold_expr(node_.func, state)
        _fold_expr_seq(node_.args, state)
        for kw in node_.keywords:
            astfold_keyword(kw, state)
    elif isinstance(node_, ast.BoolOp):
        _fold_expr_seq(node_.values, state)
    elif isinstance(node_, ast.UnaryOp):
        node_.operand = astfold_expr(node_.operand, state)
    elif isinstance(node_, ast.Lambda):
        astfold_arguments(node_.args, state)
        node_.body = astfold_expr(node_.body, state)
    elif isinstance(node_, ast.IfExp):
        node_.test = astfold_expr(node_.test, state)
        node_.body = astfold_expr(node_.body, state)
        node_.orelse = astfold_expr(node_.orelse, state)
    elif isinstance(node_, ast.Dict):
        _fold_opt_expr_seq(node_.keys, state)
        _fold_expr_seq(node_.values, state)
    elif isinstance(node_, ast.Set):
        _fold_expr_seq(node_.elts, state)
    elif isinstance(node_, ast.ListComp):
        node_.elt = astfold_expr(node_.elt, state)
        for g in node_.generators:
            astfold_comprehension(g, state)
    elif isinstance(node_, ast.SetComp):
        node_.elt = astfold_expr(node_.elt, state)
        for g in node_.generators:
            astfold_comprehension(g, state)
    elif isinstance(node_, ast.DictComp):
        node_.key = astfold_expr(node_.key, state)
        node_.value = astfold_expr(node_.value, state)
        for g in node_.generators:
            astfold_comprehension(g, state)
    elif isinstance(node_, ast.GeneratorExp):
        node_.elt = astfold_expr(node_.elt, state)
        for g in node_.generators:
            astfold_comprehension(g, state)
    elif isinstance(node_, ast.Await):
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.Yield):
        node_.value = _fold_opt(node_.value, state)
    elif isinstance(node_, ast.YieldFrom):
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.Compare):
        node_.left = astfold_expr(node_.left, state)
        _fold_expr_seq(node_.comparators, state)
    elif isinstance(node_, ast.FormattedValue):
        node_.value = astfold_expr(node_.value, state)
        node_.format_spec = _fold_opt(node_.format_spec, state)
    elif isinstance(node_, ast.Interpolation):
        node_.value = astfold_expr(node_.value, state)
        node_.format_spec = _fold_opt(node_.format_spec, state)
    elif isinstance(node_, ast.JoinedStr):
        _fold_expr_seq(node_.values, state)
    elif isinstance(node_, ast.TemplateStr):
        _fold_expr_seq(node_.values, state)
    elif isinstance(node_, ast.Subscript):
        node_.value = astfold_expr(node_.value, state)
        node_.slice = astfold_expr(node_.slice, state)
    elif isinstance(node_, ast.Starred):
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.Slice):
        node_.lower = _fold_opt(node_.lower, state)
        node_.upper = _fold_opt(node_.upper, state)
        node_.step = _fold_opt(node_.step, state)
    elif isinstance(node_, ast.List):
        _fold_expr_seq(node_.elts, state)
    elif isinstance(node_, ast.Tuple):
        _fold_expr_seq(node_.elts, state)
    elif isinstance(node_, ast.NamedExpr):
        node_.value = astfold_expr(node_.value, state)
    return node_


def astfold_keyword(node_: ast.keyword, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_keyword"""
    node_.value = astfold_expr(node_.value, state)


def astfold_comprehension(node_: ast.comprehension, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_comprehension"""
    node_.target = astfold_expr(node_.target, state)
    node_.iter = astfold_expr(node_.iter, state)
    _fold_expr_seq(node_.ifs, state)


def astfold_arguments(node_: ast.arguments, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_arguments"""
    for a in node_.posonlyargs:
        astfold_arg(a, state)
    for a in node_.args:
        astfold_arg(a, state)
    if node_.vararg is not None:
        astfold_arg(node_.vararg, state)
    for a in node_.kwonlyargs:
        astfold_arg(a, state)
    _fold_opt_expr_seq(node_.kw_defaults, state)
    if node_.kwarg is not None:
        astfold_arg(node_.kwarg, state)
    _fold_expr_seq(node_.defaults, state)


def astfold_arg(node_: ast.arg, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_arg"""
    if not (state.ff_features & CO_FUTURE_ANNOTATIONS):
        node_.annotation = _fold_opt(node_.annotation, state)


def _astfold_funcdef(args: ast.arguments, body: list[ast.stmt], decorators: list[ast.expr],
                     type_params: list[ast.type_param], state: _PyASTPreprocessState) -> None:
    """pyvm: the shared part of the FunctionDef / AsyncFunctionDef cases."""
    for tp in type_params:
        astfold_type_param(tp, state)
    astfold_arguments(args, state)
    push_cf_context(state, False, True, False)
    astfold_body(body, state)
    pop_cf_context(state)
    _fold_expr_seq(decorators, state)


def astfold_stmt(node_: ast.stmt, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_stmt

    The ``ENTER_RECURSIVE`` guard (``Py_EnterRecursiveCall(" during
    compilation")``, a level of the C stack model) around the visit.
    """
    _Py_EnterRecursiveCall(" during compilation")
    try:
        _astfold_stmt_body(node_, state)
    finally:
        _Py_LeaveRecursiveCall()


def _astfold_stmt_body(node_: ast.stmt, state: _PyASTPreprocessState) -> None:
    """pyvm: the body of ``astfold_stmt``, inside its recursion guard."""
    if isinstance(node_, ast.Expr):
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.Assign):
        _fold_expr_seq(node_.targets, state)
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.FunctionDef):
        _astfold_funcdef(node_.args, node_.body, node_.decorator_list, node_.type_params,
                         state)
        if not (state.ff_features & CO_FUTURE_ANNOTATIONS):
            node_.returns = _fold_opt(node_.returns, state)
    elif isinstance(node_, ast.AsyncFunctionDef):
        _astfold_funcdef(node_.args, node_.body, node_.decorator_list, node_.type_params,
                         state)
        if not (state.ff_features & CO_FUTURE_ANNOTATIONS):
            node_.returns = _fold_opt(node_.returns, state)
    elif isinstance(node_, ast.ClassDef):
        for tp in node_.type_params:
            astfold_type_param(tp, state)
        _fold_expr_seq(node_.bases, state)
        for kw in node_.keywords:
            astfold_keyword(kw, state)
        astfold_body(node_.body, state)
        _fold_expr_seq(node_.decorator_list, state)
    elif isinstance(node_, ast.Return):
        before_return(state, node_)
        node_.value = _fold_opt(node_.value, state)
    elif isinstance(node_, ast.Delete):
        _fold_expr_seq(node_.targets, state)
    elif isinstance(node_, ast.AugAssign):
        node_.target = astfold_expr(node_.target, state)
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.AnnAssign):
        node_.target = astfold_expr(node_.target, state)
        if not (state.ff_features & CO_FUTURE_ANNOTATIONS):
            node_.annotation = astfold_expr(node_.annotation, state)
        node_.value = _fold_opt(node_.value, state)
    elif isinstance(node_, ast.TypeAlias):
        node_.name = astfold_expr(node_.name, state)
        for tp in node_.type_params:
            astfold_type_param(tp, state)
        node_.value = astfold_expr(node_.value, state)
    elif isinstance(node_, ast.For):
        node_.target = astfold_expr(node_.target, state)
        node_.iter = astfold_expr(node_.iter, state)
        push_cf_context(state, False, False, True)
        _fold_stmt_seq(node_.body, state)
        pop_cf_context(state)
        _fold_stmt_seq(node_.orelse, state)
    elif isinstance(node_, ast.AsyncFor):
        node_.target = astfold_expr(node_.target, state)
        node_.iter = astfold_expr(node_.iter, state)
        push_cf_context(state, False, False, True)
        _fold_stmt_seq(node_.body, state)
        pop_cf_context(state)
        _fold_stmt_seq(node_.orelse, state)
    elif isinstance(node_, ast.While):
        node_.test = astfold_expr(node_.test, state)
        push_cf_context(state, False, False, True)
        _fold_stmt_seq(node_.body, state)
        pop_cf_context(state)
        _fold_stmt_seq(node_.orelse, state)
    elif isinstance(node_, ast.If):
        node_.test = astfold_expr(node_.test, state)
        _fold_stmt_seq(node_.body, state)
        _fold_stmt_seq(node_.orelse, state)
    elif isinstance(node_, ast.With):
        for item in node_.items:
            astfold_withitem(item, state)
        _fold_stmt_seq(node_.body, state)
    elif isinstance(node_, ast.AsyncWith):
        for item in node_.items:
            astfold_withitem(item, state)
        _fold_stmt_seq(node_.body, state)
    elif isinstance(node_, ast.Raise):
        node_.exc = _fold_opt(node_.exc, state)
        node_.cause = _fold_opt(node_.cause, state)
    elif isinstance(node_, ast.Try):
        _fold_stmt_seq(node_.body, state)
        for h in node_.handlers:
            astfold_excepthandler(h, state)
        _fold_stmt_seq(node_.orelse, state)
        push_cf_context(state, True, False, False)
        _fold_stmt_seq(node_.finalbody, state)
        pop_cf_context(state)
    elif isinstance(node_, ast.TryStar):
        _fold_stmt_seq(node_.body, state)
        for h in node_.handlers:
            astfold_excepthandler(h, state)
        _fold_stmt_seq(node_.orelse, state)
        push_cf_context(state, True, False, False)
        _fold_stmt_seq(node_.finalbody, state)
        pop_cf_context(state)
    elif isinstance(node_, ast.Assert):
        node_.test = astfold_expr(node_.test, state)
        node_.msg = _fold_opt(node_.msg, state)
    elif isinstance(node_, ast.Match):
        node_.subject = astfold_expr(node_.subject, state)
        for c in node_.cases:
            astfold_match_case(c, state)
    elif isinstance(node_, ast.Break):
        before_loop_exit(state, node_, "break")
    elif isinstance(node_, ast.Continue):
        before_loop_exit(state, node_, "continue")
    # Import, ImportFrom, Global, Nonlocal and Pass hold nothing to fold.


def astfold_excepthandler(node_: ast.excepthandler, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_excepthandler"""
    if isinstance(node_, ast.ExceptHandler):
        node_.type = _fold_opt(node_.type, state)
        _fold_stmt_seq(node_.body, state)


def astfold_withitem(node_: ast.withitem, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_withitem"""
    node_.context_expr = astfold_expr(node_.context_expr, state)
    node_.optional_vars = _fold_opt(node_.optional_vars, state)


def _host_negative(v: object) -> Optional[object]:
    """pyvm: ``PyNumber_Negative`` on a host constant of a match pattern
    (``None`` in place of C's NULL when the operation fails)."""
    if isinstance(v, (int, float, complex)):
        return -v
    return None


def _host_add_sub(a: object, b: object, add: bool) -> Optional[object]:
    """pyvm: ``PyNumber_Add`` / ``PyNumber_Subtract`` on host numeric constants.

    3.14 no longer turns the real operand of a mixed real/complex operation
    into a complex (Objects/complexobject.c ``_Py_rc_diff`` and friends, C99
    Annex G): ``0 - 0j`` is ``complex(0.0, -0.0)``, where the 3.11 host gives
    ``0j``. So that case is computed here from the parts.
    """
    try:
        if isinstance(a, complex):
            if isinstance(b, complex):
                return a + b if add else a - b
            if isinstance(b, (int, float)):
                fb = float(b)
                return complex(a.real + fb if add else a.real - fb, a.imag)
            return None
        if isinstance(b, complex):
            if isinstance(a, (int, float)):
                fa = float(a)
                if add:
                    return complex(fa + b.real, b.imag)
                return complex(fa - b.real, -b.imag)
            return None
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a + b if add else a - b
    except OverflowError:
        return None
    return None


def fold_const_match_patterns(node: ast.expr, state: _PyASTPreprocessState) -> ast.expr:
    """CPython: Python/ast_preprocess.c:fold_const_match_patterns

    Folds the negative and complex literals the pattern grammar allows
    (``-1``, ``1 + 2j``, ``-1.5 - 2j``) into constants.
    """
    if state.syntax_check_only:
        return node
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            folded = _host_negative(node.operand.value)
            if folded is not None:
                return make_const(node, folded)
    elif isinstance(node, ast.BinOp):
        op = node.op
        if (isinstance(op, ast.Add) or isinstance(op, ast.Sub)) and isinstance(
                node.right, ast.Constant):
            node.left = fold_const_match_patterns(node.left, state)
            left = node.left
            if isinstance(left, ast.Constant):
                folded = _host_add_sub(left.value, node.right.value, isinstance(op, ast.Add))
                if folded is not None:
                    return make_const(node, folded)
    return node


def astfold_pattern(node_: ast.pattern, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_pattern

    The ``ENTER_RECURSIVE`` guard (``Py_EnterRecursiveCall(" during
    compilation")``, a level of the C stack model) around the visit.
    """
    _Py_EnterRecursiveCall(" during compilation")
    try:
        _astfold_pattern_body(node_, state)
    finally:
        _Py_LeaveRecursiveCall()


def _astfold_pattern_body(node_: ast.pattern, state: _PyASTPreprocessState) -> None:
    """pyvm: the body of ``astfold_pattern``, inside its recursion guard."""
    if isinstance(node_, ast.MatchValue):
        node_.value = fold_const_match_patterns(node_.value, state)
    elif isinstance(node_, ast.MatchSequence):
        for p in node_.patterns:
            astfold_pattern(p, state)
    elif isinstance(node_, ast.MatchMapping):
        keys = node_.keys
        for i in range(len(keys)):
            keys[i] = fold_const_match_patterns(keys[i], state)
        for p in node_.patterns:
            astfold_pattern(p, state)
    elif isinstance(node_, ast.MatchClass):
        node_.cls = astfold_expr(node_.cls, state)
        for p in node_.patterns:
            astfold_pattern(p, state)
        for p in node_.kwd_patterns:
            astfold_pattern(p, state)
    elif isinstance(node_, ast.MatchAs):
        if node_.pattern is not None:
            astfold_pattern(node_.pattern, state)
    elif isinstance(node_, ast.MatchOr):
        for p in node_.patterns:
            astfold_pattern(p, state)
    # MatchSingleton and MatchStar hold nothing to fold.


def astfold_match_case(node_: ast.match_case, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_match_case"""
    astfold_pattern(node_.pattern, state)
    node_.guard = _fold_opt(node_.guard, state)
    _fold_stmt_seq(node_.body, state)


def astfold_type_param(node_: ast.type_param, state: _PyASTPreprocessState) -> None:
    """CPython: Python/ast_preprocess.c:astfold_type_param"""
    if isinstance(node_, ast.TypeVar):
        node_.bound = _fold_opt(node_.bound, state)
        node_.default_value = _fold_opt(node_.default_value, state)
    elif isinstance(node_, ast.ParamSpec):
        node_.default_value = _fold_opt(node_.default_value, state)
    elif isinstance(node_, ast.TypeVarTuple):
        node_.default_value = _fold_opt(node_.default_value, state)


def _PyAST_Preprocess(mod: ast.mod, filename: str, optimize: int, ff_features: int,
                      syntax_check_only: bool = False, enable_warnings: bool = True) -> None:
    """CPython: Python/ast_preprocess.c:_PyAST_Preprocess

    Mutates ``mod`` in place. ``optimize`` is the resolved level (0, 1 or 2;
    C's caller has already replaced -1 by the interpreter's level).

    pyvm: the C stack model is reset when the pass returns, as C's stack
    pointer is, whatever levels an error skipped leaving.
    """
    state = _PyASTPreprocessState(filename, optimize, ff_features, syntax_check_only,
                                  enable_warnings)
    tstate = _tstate
    stack_used = tstate.c_stack_used
    try:
        astfold_mod(mod, state)
    except RecursionError:
        # pyvm: run in-process (no launcher) the host's recursion limit can be
        # lower than the C stack model's; report it as Py_EnterRecursiveCall.
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation")
    finally:
        tstate.c_stack_used = stack_used
