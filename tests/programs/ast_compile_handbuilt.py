# compile() of trees built by hand and of trees from compile(..., PyCF_ONLY_AST).
import _ast


def loc(node, line=1, col=0):
    node.lineno = line
    node.col_offset = col
    node.end_lineno = line
    node.end_col_offset = col + 1
    return node


call = loc(_ast.Call(loc(_ast.Name("print", _ast.Load())),
                     [loc(_ast.Constant("hello from a hand-built tree"))], []))
mod = _ast.Module([loc(_ast.Expr(call))], [])
co = compile(mod, "<hand>", "exec")
print(type(co).__name__, co.co_filename, co.co_names)
exec(co)

# Positions may be left out of end_lineno / end_col_offset: they default.
m2 = _ast.Module([_ast.Assign([_ast.Name("x", _ast.Store(), lineno=1, col_offset=0)],
                              _ast.BinOp(_ast.Constant(6, lineno=1, col_offset=4), _ast.Mult(),
                                         _ast.Constant(7, lineno=1, col_offset=8),
                                         lineno=1, col_offset=4),
                              lineno=1, col_offset=0)])
ns = {}
exec(compile(m2, "<m2>", "exec"), ns)
print(ns["x"])

e = _ast.Expression(_ast.BinOp(_ast.Constant(2, lineno=1, col_offset=0), _ast.Pow(),
                               _ast.Constant(10, lineno=1, col_offset=0),
                               lineno=1, col_offset=0))
print(eval(compile(e, "<e>", "eval")))

# A tree from source, changed, compiled again.
t = compile("def f(a, b):\n    return a - b\nprint(f(10, 3))\n", "<t>", "exec", _ast.PyCF_ONLY_AST)
t.body[0].body[0].value.op = _ast.Add()
exec(compile(t, "<t2>", "exec"))
t.body[0].name = "g"
t.body[1].value.args[0].func.id = "g"
exec(compile(t, "<t3>", "exec"))

# single mode and Interactive
i = compile("1 + 1", "<i>", "single", _ast.PyCF_ONLY_AST)
print(type(i).__name__)
print(type(compile(i, "<i>", "single")).__name__)

# compile(AST, PyCF_ONLY_AST) gives a tree back (a new one)
t2 = compile(t, "<again>", "exec", _ast.PyCF_ONLY_AST)
print(type(t2).__name__, t2 is t, t2.body[0].name)

# PyCF_OPTIMIZED_AST folds constants
o = compile("x = 1 + 2 * 3\ny = __debug__\nz = -1\nw = f'{a}'", "<o>", "exec", _ast.PyCF_OPTIMIZED_AST)
for s in o.body:
    print(type(s.value).__name__, s.value.value if isinstance(s.value, _ast.Constant) else "")
u = compile("x = 1 + 2 * 3", "<u>", "exec", _ast.PyCF_ONLY_AST)
print(type(u.body[0].value).__name__)
o2 = compile(u, "<o2>", "exec", _ast.PyCF_OPTIMIZED_AST)
print(type(o2.body[0].value).__name__)
o3 = compile("x = __debug__", "<o3>", "exec", _ast.PyCF_OPTIMIZED_AST, optimize=2)
print(o3.body[0].value)

# A Constant holding a tuple and a frozenset is fine.
tup = _ast.Expression(_ast.Constant((1, "a", (2.5, None)), lineno=1, col_offset=0))
print(eval(compile(tup, "<tup>", "eval")))
fs = _ast.Expression(_ast.Constant(frozenset([3]), lineno=1, col_offset=0))
print(eval(compile(fs, "<fs>", "eval")))
bs = _ast.Expression(_ast.Constant(b"xy", lineno=1, col_offset=0))
print(eval(compile(bs, "<bs>", "eval")))
el = _ast.Expression(_ast.Constant(..., lineno=1, col_offset=0))
print(eval(compile(el, "<el>", "eval")))

# A function with arguments and a docstring built by hand.
args = _ast.arguments(args=[_ast.arg("a", lineno=1, col_offset=6)], defaults=[_ast.Constant(5, lineno=1, col_offset=8)])
fn = _ast.FunctionDef("h", args, [_ast.Return(_ast.BinOp(_ast.Name("a", lineno=2, col_offset=11), _ast.Add(), _ast.Constant(1, lineno=2, col_offset=15), lineno=2, col_offset=11), lineno=2, col_offset=4)], lineno=1, col_offset=0)
ns = {}
exec(compile(_ast.Module([fn]), "<fn>", "exec"), ns)
print(ns["h"](), ns["h"](10), ns["h"].__name__, ns["h"].__code__.co_firstlineno)
