# A deep tree (1200 nested BinOps) through ast2obj, obj2ast, the validator and the compiler.
import _ast
t = compile("x = " + "+".join(["1"] * 1200), "<d>", "exec", _ast.PyCF_ONLY_AST)
n = 0
e = t.body[0].value
while isinstance(e, _ast.BinOp):
    e = e.left
    n += 1
print(n)
co = compile(t, "<d>", "exec")
ns = {}
exec(co, ns)
print(ns["x"])
