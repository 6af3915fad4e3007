# Constructing nodes by hand: positional, keyword, defaults and the warnings.
import _ast
import sys


def show(label, node):
    d = {k: v for k, v in vars(node).items()}
    print(label, type(node).__name__, sorted(d), [repr(d[k]) for k in sorted(d)])


def warns(label, fn):
    import _warnings
    # Warnings go to stderr; show them inline.
    try:
        r = fn()
    except Exception as e:
        print(label, "raised", type(e).__name__, e)
        return None
    return r


n = _ast.Name("x", _ast.Load())
show("pos", n)
n = _ast.Name(id="y")
show("kw", n)
print(n.ctx, type(n.ctx))
b = _ast.BinOp(_ast.Constant(1), _ast.Add(), _ast.Constant(2), lineno=3, col_offset=4)
show("binop", b)
print(b.left.value, b.right.value, b.lineno, b.col_offset)
print(b.end_lineno, b.end_col_offset)
c = _ast.Call(_ast.Name("f"))
show("call", c)
print(c.args, c.keywords)
f = _ast.FunctionDef("f", _ast.arguments(), [_ast.Pass()])
show("fdef", f)
print(f.returns, f.type_comment, f.decorator_list, f.type_params)
a = _ast.arguments()
show("arguments", a)
k = _ast.keyword(value=_ast.Constant(1))
show("keyword", k)
print(k.arg)
try:
    _ast.BinOp(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    _ast.Name("x", id="y")
except TypeError as e:
    print("TypeError:", e)
try:
    _ast.Pass(1)
except TypeError as e:
    print("TypeError:", e)
try:
    _ast.Expr(1, 2)
except TypeError as e:
    print("TypeError:", e)
e = _ast.Constant()
show("constant-missing", e)
print(hasattr(e, "value"), e.kind)
n = _ast.Name(id="x", bogus=1)
print(n.bogus)
n = _ast.Name()
print(hasattr(n, "id"), n.ctx)
m = _ast.MatchAs()
show("matchas", m)
print(m.pattern, m.name)
x = _ast.AST()
print(x._fields, vars(x))
x.anything = 5
print(x.anything, vars(x))
x2 = _ast.AST(1) if False else None
try:
    _ast.AST(1)
except TypeError as e:
    print("TypeError:", e)
n = _ast.Name("z")
n.id = "w"
del n.ctx
print(vars(n))
print(n.ctx if hasattr(n, "ctx") else "no ctx")
