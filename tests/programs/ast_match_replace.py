# __match_args__ in match statements, __replace__, and __reduce__.
import _ast

tree = compile("a = b + 1\nf(x, y=2)\n", "<m>", "exec", _ast.PyCF_ONLY_AST)


def describe(node):
    match node:
        case _ast.Assign([_ast.Name(target)], _ast.BinOp(_ast.Name(l), _ast.Add(), _ast.Constant(r))):
            return f"assign {target} = {l} + {r}"
        case _ast.Expr(_ast.Call(_ast.Name(fn), args, [_ast.keyword(k, _ast.Constant(v))])):
            return f"call {fn} with {len(args)} args and {k}={v}"
        case _ast.Name(id=name, ctx=_ast.Load()):
            return f"load {name}"
        case _:
            return "other"


for stmt in tree.body:
    print(describe(stmt))
print(describe(_ast.Name("q")))
print(describe(_ast.Pass()))

n = _ast.Name("x", _ast.Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
n2 = n.__replace__(id="y")
print(type(n2).__name__, n2.id, n2.ctx, n2.lineno, n2.end_col_offset, n2 is n)
c = _ast.Constant(5)
print(c.__replace__(value=6).value, c.__replace__().value)
try:
    n.__replace__(bogus=1)
except TypeError as e:
    print("TypeError:", e)
try:
    _ast.Name().__replace__()
except TypeError as e:
    print("TypeError:", e)
try:
    _ast.Name.__new__(_ast.Name).__replace__()
except TypeError as e:
    print("TypeError:", e)
try:
    _ast.BinOp.__new__(_ast.BinOp).__replace__(op=_ast.Add(), lineno=1)
except TypeError as e:
    print("TypeError:", e)
try:
    n.__replace__(1)
except TypeError as e:
    print("TypeError:", e)
b = tree.body[0].value
b2 = b.__replace__(op=_ast.Sub())
print(type(b2.op).__name__, b2.left is b.left, b2.lineno)

print(_ast.Name("x").__reduce__())
print(_ast.Pass().__reduce__())
print(_ast.AST().__reduce__())
r = n.__reduce__()
print(r[0], r[1], sorted(r[2].items()))
cls, args, state = _ast.BinOp(left=_ast.Constant(1), op=_ast.Add()).__reduce__()
print(cls, args, sorted(state))
m = _ast.Module([_ast.Pass()]).__reduce__()
print(m[0], m[1], m[2]["body"], m[2]["type_ignores"])
obj = cls(*args)
obj.__dict__.update(state)
print(obj.left.value, obj.op, hasattr(obj, "right"))
