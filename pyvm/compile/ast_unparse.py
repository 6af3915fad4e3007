"""Ports Python/ast_unparse.c.

The compiler's limited unparser: under ``from __future__ import annotations``
(PEP 563) every annotation is compiled to the source text of its expression,
and this module produces that text from the AST (``_PyAST_ExprAsUnicode``,
called by ``codegen_visit_annexpr``). It is not ``Lib/ast.py``'s full
unparser and its output differs from that one in places: it parenthesises by
the ``PR_*`` precedence levels below (an operand is wrapped only when the
level its context demands is higher than the operator's own), string and
number constants are their ``repr`` (``'a'``, ``b'x'``, ``1e309`` for an
infinite float), ``...`` stays ``...``, f-strings are rebuilt as ``f`` plus
the repr of their body, and ``yield`` / named expressions always carry their
own parentheses.

Design: C appends to a ``PyUnicodeWriter`` and returns -1 on error; pyvm
appends host ``str`` pieces to a list (the "writer") and joins it once at the
end, and errors are raised as pyvm ``SystemError`` (``PyErr``), as C sets
them. The ``APPEND_*`` macros of the C file become plain ``writer.append``
calls. The constants of the AST are host values (see :mod:`pyvm.compile.ast`);
their ``repr`` is the host's, which is what pyvm's own ``str``, ``int``,
``float``, ``complex`` and ``bytes`` reprs bridge to as well, so the text is
the one CPython 3.14 produces.
"""

from __future__ import annotations

import math
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.compile import ast
from pyvm.objects.exceptions import PyExc_SystemError
from pyvm.objects.object import PyErr_SetString

# Priority levels (the anonymous enum of Python/ast_unparse.c).
PR_TUPLE: Final = 0
PR_TEST: Final = 1      # 'if'-'else', 'lambda'
PR_OR: Final = 2        # 'or'
PR_AND: Final = 3       # 'and'
PR_NOT: Final = 4       # 'not'
PR_CMP: Final = 5       # '<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not'
PR_EXPR: Final = 6
PR_BOR: Final = PR_EXPR  # '|'
PR_BXOR: Final = 7      # '^'
PR_BAND: Final = 8      # '&'
PR_SHIFT: Final = 9     # '<<', '>>'
PR_ARITH: Final = 10    # '+', '-'
PR_TERM: Final = 11     # '*', '@', '/', '%', '//'
PR_FACTOR: Final = 12   # unary '+', '-', '~'
PR_POWER: Final = 13    # '**'
PR_AWAIT: Final = 14    # 'await'
PR_ATOM: Final = 15


def _system_error(msg: str) -> NoReturn:
    """pyvm: ``PyErr_SetString(PyExc_SystemError, msg); return -1``."""
    PyErr_SetString(PyExc_SystemError, msg)


def append_repr(writer: list[str], obj: object) -> None:
    """CPython: Python/ast_unparse.c:append_repr

    An infinite float (or any complex) has ``inf`` in its repr replaced by
    ``1e309``, which evaluates back to infinity.
    """
    r = repr(obj)
    if (isinstance(obj, float) and math.isinf(obj)) or isinstance(obj, complex):
        r = r.replace("inf", "1e309")
    writer.append(r)


def append_ast_boolop(writer: list[str], e: ast.BoolOp, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_boolop"""
    is_and = isinstance(e.op, ast.And)
    op = " and " if is_and else " or "
    pr = PR_AND if is_and else PR_OR
    if level > pr:
        writer.append("(")
    for i, value in enumerate(e.values):
        if i > 0:
            writer.append(op)
        append_ast_expr(writer, value, pr + 1)
    if level > pr:
        writer.append(")")


def append_ast_binop(writer: list[str], e: ast.BinOp, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_binop"""
    rassoc = 0  # is right-associative?
    o = e.op
    if isinstance(o, ast.Add):
        op, pr = " + ", PR_ARITH
    elif isinstance(o, ast.Sub):
        op, pr = " - ", PR_ARITH
    elif isinstance(o, ast.Mult):
        op, pr = " * ", PR_TERM
    elif isinstance(o, ast.MatMult):
        op, pr = " @ ", PR_TERM
    elif isinstance(o, ast.Div):
        op, pr = " / ", PR_TERM
    elif isinstance(o, ast.Mod):
        op, pr = " % ", PR_TERM
    elif isinstance(o, ast.LShift):
        op, pr = " << ", PR_SHIFT
    elif isinstance(o, ast.RShift):
        op, pr = " >> ", PR_SHIFT
    elif isinstance(o, ast.BitOr):
        op, pr = " | ", PR_BOR
    elif isinstance(o, ast.BitXor):
        op, pr = " ^ ", PR_BXOR
    elif isinstance(o, ast.BitAnd):
        op, pr = " & ", PR_BAND
    elif isinstance(o, ast.FloorDiv):
        op, pr = " // ", PR_TERM
    elif isinstance(o, ast.Pow):
        op, pr = " ** ", PR_POWER
        rassoc = 1
    else:
        _system_error("unknown binary operator")
    if level > pr:
        writer.append("(")
    append_ast_expr(writer, e.left, pr + rassoc)
    writer.append(op)
    append_ast_expr(writer, e.right, pr + (1 - rassoc))
    if level > pr:
        writer.append(")")


def append_ast_unaryop(writer: list[str], e: ast.UnaryOp, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_unaryop"""
    o = e.op
    if isinstance(o, ast.Invert):
        op, pr = "~", PR_FACTOR
    elif isinstance(o, ast.Not):
        op, pr = "not ", PR_NOT
    elif isinstance(o, ast.UAdd):
        op, pr = "+", PR_FACTOR
    elif isinstance(o, ast.USub):
        op, pr = "-", PR_FACTOR
    else:
        _system_error("unknown unary operator")
    if level > pr:
        writer.append("(")
    writer.append(op)
    append_ast_expr(writer, e.operand, pr)
    if level > pr:
        writer.append(")")


def append_ast_arg(writer: list[str], arg: ast.arg) -> None:
    """CPython: Python/ast_unparse.c:append_ast_arg"""
    writer.append(arg.arg)
    if arg.annotation is not None:
        writer.append(": ")
        append_ast_expr(writer, arg.annotation, PR_TEST)


def append_ast_args(writer: list[str], args: ast.arguments) -> None:
    """CPython: Python/ast_unparse.c:append_ast_args"""
    first = True

    # positional-only and positional arguments with defaults
    posonlyarg_count = len(args.posonlyargs)
    arg_count = len(args.args)
    default_count = len(args.defaults)
    for i in range(posonlyarg_count + arg_count):
        if not first:
            writer.append(", ")
        first = False
        if i < posonlyarg_count:
            append_ast_arg(writer, args.posonlyargs[i])
        else:
            append_ast_arg(writer, args.args[i - posonlyarg_count])
        di = i - posonlyarg_count - arg_count + default_count
        if di >= 0:
            writer.append("=")
            append_ast_expr(writer, args.defaults[di], PR_TEST)
        if posonlyarg_count and i + 1 == posonlyarg_count:
            writer.append(", /")

    # vararg, or bare '*' if no varargs but keyword-only arguments present
    vararg = args.vararg
    if vararg is not None or len(args.kwonlyargs):
        if not first:
            writer.append(", ")
        first = False
        writer.append("*")
        if vararg is not None:
            append_ast_arg(writer, vararg)

    # keyword-only arguments
    arg_count = len(args.kwonlyargs)
    default_count = len(args.kw_defaults)
    for i in range(arg_count):
        if not first:
            writer.append(", ")
        first = False
        append_ast_arg(writer, args.kwonlyargs[i])
        di = i - arg_count + default_count
        if di >= 0:
            default_ = args.kw_defaults[di]
            if default_ is not None:
                writer.append("=")
                append_ast_expr(writer, default_, PR_TEST)

    # **kwargs
    kwarg = args.kwarg
    if kwarg is not None:
        if not first:
            writer.append(", ")
        first = False
        writer.append("**")
        append_ast_arg(writer, kwarg)


def append_ast_lambda(writer: list[str], e: ast.Lambda, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_lambda"""
    if level > PR_TEST:
        writer.append("(")
    n_positional = len(e.args.args) + len(e.args.posonlyargs)
    writer.append("lambda " if n_positional else "lambda")
    append_ast_args(writer, e.args)
    writer.append(": ")
    append_ast_expr(writer, e.body, PR_TEST)
    if level > PR_TEST:
        writer.append(")")


def append_ast_ifexp(writer: list[str], e: ast.IfExp, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_ifexp"""
    if level > PR_TEST:
        writer.append("(")
    append_ast_expr(writer, e.body, PR_TEST + 1)
    writer.append(" if ")
    append_ast_expr(writer, e.test, PR_TEST + 1)
    writer.append(" else ")
    append_ast_expr(writer, e.orelse, PR_TEST)
    if level > PR_TEST:
        writer.append(")")


def append_ast_dict(writer: list[str], e: ast.Dict) -> None:
    """CPython: Python/ast_unparse.c:append_ast_dict"""
    writer.append("{")
    for i in range(len(e.values)):
        if i > 0:
            writer.append(", ")
        key_node = e.keys[i]
        if key_node is not None:
            append_ast_expr(writer, key_node, PR_TEST)
            writer.append(": ")
            append_ast_expr(writer, e.values[i], PR_TEST)
        else:
            writer.append("**")
            append_ast_expr(writer, e.values[i], PR_EXPR)
    writer.append("}")


def append_ast_set(writer: list[str], e: ast.Set) -> None:
    """CPython: Python/ast_unparse.c:append_ast_set"""
    writer.append("{")
    for i, elt in enumerate(e.elts):
        if i > 0:
            writer.append(", ")
        append_ast_expr(writer, elt, PR_TEST)
    writer.append("}")


def append_ast_list(writer: list[str], e: ast.List) -> None:
    """CPython: Python/ast_unparse.c:append_ast_list"""
    writer.append("[")
    for i, elt in enumerate(e.elts):
        if i > 0:
            writer.append(", ")
        append_ast_expr(writer, elt, PR_TEST)
    writer.append("]")


def append_ast_tuple(writer: list[str], e: ast.Tuple, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_tuple"""
    elem_count = len(e.elts)
    if elem_count == 0:
        writer.append("()")
        return
    if level > PR_TUPLE:
        writer.append("(")
    for i, elt in enumerate(e.elts):
        if i > 0:
            writer.append(", ")
        append_ast_expr(writer, elt, PR_TEST)
    if elem_count == 1:
        writer.append(",")
    if level > PR_TUPLE:
        writer.append(")")


def append_ast_comprehension(writer: list[str], gen: ast.comprehension) -> None:
    """CPython: Python/ast_unparse.c:append_ast_comprehension"""
    writer.append(" async for " if gen.is_async else " for ")
    append_ast_expr(writer, gen.target, PR_TUPLE)
    writer.append(" in ")
    append_ast_expr(writer, gen.iter, PR_TEST + 1)
    for if_ in gen.ifs:
        writer.append(" if ")
        append_ast_expr(writer, if_, PR_TEST + 1)


def append_ast_comprehensions(writer: list[str], comprehensions: list[ast.comprehension]) -> None:
    """CPython: Python/ast_unparse.c:append_ast_comprehensions"""
    for gen in comprehensions:
        append_ast_comprehension(writer, gen)


def append_ast_genexp(writer: list[str], e: ast.GeneratorExp) -> None:
    """CPython: Python/ast_unparse.c:append_ast_genexp"""
    writer.append("(")
    append_ast_expr(writer, e.elt, PR_TEST)
    append_ast_comprehensions(writer, e.generators)
    writer.append(")")


def append_ast_listcomp(writer: list[str], e: ast.ListComp) -> None:
    """CPython: Python/ast_unparse.c:append_ast_listcomp"""
    writer.append("[")
    append_ast_expr(writer, e.elt, PR_TEST)
    append_ast_comprehensions(writer, e.generators)
    writer.append("]")


def append_ast_setcomp(writer: list[str], e: ast.SetComp) -> None:
    """CPython: Python/ast_unparse.c:append_ast_setcomp"""
    writer.append("{")
    append_ast_expr(writer, e.elt, PR_TEST)
    append_ast_comprehensions(writer, e.generators)
    writer.append("}")


def append_ast_dictcomp(writer: list[str], e: ast.DictComp) -> None:
    """CPython: Python/ast_unparse.c:append_ast_dictcomp"""
    writer.append("{")
    append_ast_expr(writer, e.key, PR_TEST)
    writer.append(": ")
    append_ast_expr(writer, e.value, PR_TEST)
    append_ast_comprehensions(writer, e.generators)
    writer.append("}")


def _cmpop_str(o: ast.cmpop) -> str:
    """pyvm: the ``switch`` on the comparison kind in ``append_ast_compare``."""
    if isinstance(o, ast.Eq):
        return " == "
    if isinstance(o, ast.NotEq):
        return " != "
    if isinstance(o, ast.Lt):
        return " < "
    if isinstance(o, ast.LtE):
        return " <= "
    if isinstance(o, ast.Gt):
        return " > "
    if isinstance(o, ast.GtE):
        return " >= "
    if isinstance(o, ast.Is):
        return " is "
    if isinstance(o, ast.IsNot):
        return " is not "
    if isinstance(o, ast.In):
        return " in "
    if isinstance(o, ast.NotIn):
        return " not in "
    _system_error("unexpected comparison kind")


def append_ast_compare(writer: list[str], e: ast.Compare, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_compare"""
    if level > PR_CMP:
        writer.append("(")
    comparators = e.comparators
    ops = e.ops
    assert len(comparators) > 0
    assert len(comparators) == len(ops)
    append_ast_expr(writer, e.left, PR_CMP + 1)
    for i in range(len(comparators)):
        writer.append(_cmpop_str(ops[i]))
        append_ast_expr(writer, comparators[i], PR_CMP + 1)
    if level > PR_CMP:
        writer.append(")")


def append_ast_keyword(writer: list[str], kw: ast.keyword) -> None:
    """CPython: Python/ast_unparse.c:append_ast_keyword"""
    if kw.arg is None:
        writer.append("**")
    else:
        writer.append(kw.arg)
        writer.append("=")
    append_ast_expr(writer, kw.value, PR_TEST)


def append_ast_call(writer: list[str], e: ast.Call) -> None:
    """CPython: Python/ast_unparse.c:append_ast_call"""
    append_ast_expr(writer, e.func, PR_ATOM)
    arg_count = len(e.args)
    kw_count = len(e.keywords)
    if arg_count == 1 and kw_count == 0:
        expr = e.args[0]
        if isinstance(expr, ast.GeneratorExp):
            # Special case: a single generator expression.
            append_ast_genexp(writer, expr)
            return
    writer.append("(")
    first = True
    for arg in e.args:
        if not first:
            writer.append(", ")
        first = False
        append_ast_expr(writer, arg, PR_TEST)
    for kw in e.keywords:
        if not first:
            writer.append(", ")
        first = False
        append_ast_keyword(writer, kw)
    writer.append(")")


def escape_braces(orig: str) -> str:
    """CPython: Python/ast_unparse.c:escape_braces"""
    return orig.replace("{", "{{").replace("}", "}}")


def append_fstring_unicode(writer: list[str], unicode: object) -> None:
    """CPython: Python/ast_unparse.c:append_fstring_unicode"""
    if not isinstance(unicode, str):
        # C's PyUnicode_Replace raises on a non-str constant.
        _system_error("bad argument type for built-in operation")
    writer.append(escape_braces(unicode))


def append_fstring_element(writer: list[str], e: ast.expr, is_format_spec: bool) -> None:
    """CPython: Python/ast_unparse.c:append_fstring_element"""
    if isinstance(e, ast.Constant):
        append_fstring_unicode(writer, e.value)
    elif isinstance(e, ast.JoinedStr):
        append_joinedstr(writer, e, is_format_spec)
    elif isinstance(e, ast.TemplateStr):
        append_templatestr(writer, e)
    elif isinstance(e, ast.FormattedValue):
        append_formattedvalue(writer, e)
    elif isinstance(e, ast.Interpolation):
        append_interpolation(writer, e)
    else:
        _system_error("unknown expression kind inside f-string or t-string")


def build_ftstring_body(values: list[ast.expr], is_format_spec: bool) -> str:
    """CPython: Python/ast_unparse.c:build_ftstring_body

    The body is built separately so that the whole stream of constants and
    replacement fields is wrapped in one pair of quotes (by its repr).
    """
    body_writer: list[str] = []
    for value in values:
        append_fstring_element(body_writer, value, is_format_spec)
    return "".join(body_writer)


def append_templatestr(writer: list[str], e: ast.TemplateStr) -> None:
    """CPython: Python/ast_unparse.c:append_templatestr"""
    body = build_ftstring_body(e.values, False)
    writer.append("t")
    append_repr(writer, body)


def append_joinedstr(writer: list[str], e: ast.JoinedStr, is_format_spec: bool) -> None:
    """CPython: Python/ast_unparse.c:append_joinedstr"""
    body = build_ftstring_body(e.values, is_format_spec)
    if not is_format_spec:
        writer.append("f")
        append_repr(writer, body)
    else:
        writer.append(body)


def append_interpolation_str(writer: list[str], s: str) -> None:
    """CPython: Python/ast_unparse.c:append_interpolation_str"""
    outer_brace = "{"
    if s.startswith("{"):
        # Expression starts with a brace, split it with a space from the outer one.
        outer_brace = "{ "
    writer.append(outer_brace)
    writer.append(s)


def append_interpolation_value(writer: list[str], e: ast.expr) -> None:
    """CPython: Python/ast_unparse.c:append_interpolation_value"""
    # Grammar allows PR_TUPLE, but use >PR_TEST for adding parenthesis
    # around a lambda with ':'
    temp_fv_str = expr_as_unicode(e, PR_TEST + 1)
    append_interpolation_str(writer, temp_fv_str)


def append_interpolation_conversion(writer: list[str], conversion: int) -> None:
    """CPython: Python/ast_unparse.c:append_interpolation_conversion"""
    if conversion < 0:
        return
    if conversion == ord("a"):
        writer.append("!a")
    elif conversion == ord("r"):
        writer.append("!r")
    elif conversion == ord("s"):
        writer.append("!s")
    else:
        _system_error("unknown f-value conversion kind")


def append_interpolation_format_spec(writer: list[str], e: Optional[ast.expr]) -> None:
    """CPython: Python/ast_unparse.c:append_interpolation_format_spec"""
    if e is not None:
        writer.append(":")
        append_fstring_element(writer, e, True)


def append_interpolation(writer: list[str], e: ast.Interpolation) -> None:
    """CPython: Python/ast_unparse.c:append_interpolation"""
    s = e.str
    if not isinstance(s, str):
        _system_error("bad argument type for built-in operation")
    append_interpolation_str(writer, s)
    append_interpolation_conversion(writer, e.conversion)
    append_interpolation_format_spec(writer, e.format_spec)
    writer.append("}")


def append_formattedvalue(writer: list[str], e: ast.FormattedValue) -> None:
    """CPython: Python/ast_unparse.c:append_formattedvalue"""
    append_interpolation_value(writer, e.value)
    append_interpolation_conversion(writer, e.conversion)
    append_interpolation_format_spec(writer, e.format_spec)
    writer.append("}")


def append_ast_constant(writer: list[str], constant: object) -> None:
    """CPython: Python/ast_unparse.c:append_ast_constant"""
    if type(constant) is tuple:
        writer.append("(")
        for i, item in enumerate(constant):
            if i > 0:
                writer.append(", ")
            append_ast_constant(writer, item)
        if len(constant) == 1:
            writer.append(",")
        writer.append(")")
        return
    append_repr(writer, constant)


def append_ast_attribute(writer: list[str], e: ast.Attribute) -> None:
    """CPython: Python/ast_unparse.c:append_ast_attribute"""
    v = e.value
    append_ast_expr(writer, v, PR_ATOM)
    # Special case: integers require a space for attribute access to be unambiguous.
    if isinstance(v, ast.Constant) and type(v.value) is int:
        writer.append(" .")
    else:
        writer.append(".")
    writer.append(e.attr)


def append_ast_slice(writer: list[str], e: ast.Slice) -> None:
    """CPython: Python/ast_unparse.c:append_ast_slice"""
    if e.lower is not None:
        append_ast_expr(writer, e.lower, PR_TEST)
    writer.append(":")
    if e.upper is not None:
        append_ast_expr(writer, e.upper, PR_TEST)
    if e.step is not None:
        writer.append(":")
        append_ast_expr(writer, e.step, PR_TEST)


def append_ast_subscript(writer: list[str], e: ast.Subscript) -> None:
    """CPython: Python/ast_unparse.c:append_ast_subscript"""
    append_ast_expr(writer, e.value, PR_ATOM)
    writer.append("[")
    append_ast_expr(writer, e.slice, PR_TUPLE)
    writer.append("]")


def append_ast_starred(writer: list[str], e: ast.Starred) -> None:
    """CPython: Python/ast_unparse.c:append_ast_starred"""
    writer.append("*")
    append_ast_expr(writer, e.value, PR_EXPR)


def append_ast_yield(writer: list[str], e: ast.Yield) -> None:
    """CPython: Python/ast_unparse.c:append_ast_yield"""
    if e.value is None:
        writer.append("(yield)")
        return
    writer.append("(yield ")
    append_ast_expr(writer, e.value, PR_TEST)
    writer.append(")")


def append_ast_yield_from(writer: list[str], e: ast.YieldFrom) -> None:
    """CPython: Python/ast_unparse.c:append_ast_yield_from"""
    writer.append("(yield from ")
    append_ast_expr(writer, e.value, PR_TEST)
    writer.append(")")


def append_ast_await(writer: list[str], e: ast.Await, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_await"""
    if level > PR_AWAIT:
        writer.append("(")
    writer.append("await ")
    append_ast_expr(writer, e.value, PR_ATOM)
    if level > PR_AWAIT:
        writer.append(")")


def append_named_expr(writer: list[str], e: ast.NamedExpr, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_named_expr"""
    if level > PR_TUPLE:
        writer.append("(")
    append_ast_expr(writer, e.target, PR_ATOM)
    writer.append(" := ")
    append_ast_expr(writer, e.value, PR_ATOM)
    if level > PR_TUPLE:
        writer.append(")")


def append_ast_expr(writer: list[str], e: ast.expr, level: int) -> None:
    """CPython: Python/ast_unparse.c:append_ast_expr"""
    if isinstance(e, ast.BoolOp):
        append_ast_boolop(writer, e, level)
    elif isinstance(e, ast.BinOp):
        append_ast_binop(writer, e, level)
    elif isinstance(e, ast.UnaryOp):
        append_ast_unaryop(writer, e, level)
    elif isinstance(e, ast.Lambda):
        append_ast_lambda(writer, e, level)
    elif isinstance(e, ast.IfExp):
        append_ast_ifexp(writer, e, level)
    elif isinstance(e, ast.Dict):
        append_ast_dict(writer, e)
    elif isinstance(e, ast.Set):
        append_ast_set(writer, e)
    elif isinstance(e, ast.GeneratorExp):
        append_ast_genexp(writer, e)
    elif isinstance(e, ast.ListComp):
        append_ast_listcomp(writer, e)
    elif isinstance(e, ast.SetComp):
        append_ast_setcomp(writer, e)
    elif isinstance(e, ast.DictComp):
        append_ast_dictcomp(writer, e)
    elif isinstance(e, ast.Yield):
        append_ast_yield(writer, e)
    elif isinstance(e, ast.YieldFrom):
        append_ast_yield_from(writer, e)
    elif isinstance(e, ast.Await):
        append_ast_await(writer, e, level)
    elif isinstance(e, ast.Compare):
        append_ast_compare(writer, e, level)
    elif isinstance(e, ast.Call):
        append_ast_call(writer, e)
    elif isinstance(e, ast.Constant):
        if e.value is Ellipsis:
            writer.append("...")
            return
        if e.kind is not None:
            writer.append(e.kind)
        append_ast_constant(writer, e.value)
    elif isinstance(e, ast.JoinedStr):
        append_joinedstr(writer, e, False)
    elif isinstance(e, ast.TemplateStr):
        append_templatestr(writer, e)
    elif isinstance(e, ast.FormattedValue):
        append_formattedvalue(writer, e)
    elif isinstance(e, ast.Interpolation):
        append_interpolation(writer, e)
    # The following exprs can be assignment targets.
    elif isinstance(e, ast.Attribute):
        append_ast_attribute(writer, e)
    elif isinstance(e, ast.Subscript):
        append_ast_subscript(writer, e)
    elif isinstance(e, ast.Starred):
        append_ast_starred(writer, e)
    elif isinstance(e, ast.Slice):
        append_ast_slice(writer, e)
    elif isinstance(e, ast.Name):
        writer.append(e.id)
    elif isinstance(e, ast.List):
        append_ast_list(writer, e)
    elif isinstance(e, ast.Tuple):
        append_ast_tuple(writer, e, level)
    elif isinstance(e, ast.NamedExpr):
        append_named_expr(writer, e, level)
    else:
        _system_error("unknown expression kind")


def expr_as_unicode(e: ast.expr, level: int) -> str:
    """CPython: Python/ast_unparse.c:expr_as_unicode"""
    writer: list[str] = []
    append_ast_expr(writer, e, level)
    return "".join(writer)


def _PyAST_ExprAsUnicode(e: ast.expr) -> str:
    """CPython: Python/ast_unparse.c:_PyAST_ExprAsUnicode

    The source text of an annotation, as ``from __future__ import annotations``
    stores it. Returns a host ``str`` (the compiler's constants are host values
    until the code object is built).
    """
    return expr_as_unicode(e, PR_TEST)
