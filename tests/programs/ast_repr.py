# The 3.14 repr of AST nodes (ast_repr: depth 3, first and last list items).
import _ast

t = compile("x = [1, 2, 3, 4]\nif a:\n    b(c, d, e)\nelse:\n    pass\n", "<r>", "exec",
            _ast.PyCF_ONLY_AST)
print(repr(t))
for s in t.body:
    print(repr(s))
print(repr(t.body[0].value))
print(repr(t.body[0].value.elts))
print(_ast.Name("x"))
print(_ast.Load())
print(_ast.AST())
print(_ast.Constant(value=(1, 2, 3)))
print(_ast.Constant(value=[1, 2, 3, 4, 5]))
print(_ast.List(elts=[_ast.Constant(1)]))
print(_ast.List(elts=[_ast.Constant(1), _ast.Constant(2)]))
print(_ast.Tuple(elts=(_ast.Constant(1), _ast.Constant(2), _ast.Constant(3))))
print(_ast.Tuple(elts=()))
deep = _ast.UnaryOp(_ast.USub(), _ast.UnaryOp(_ast.USub(), _ast.UnaryOp(_ast.USub(), _ast.UnaryOp(_ast.USub(), _ast.Constant(1)))))
print(deep)
n = _ast.Name()
print(repr(n) if hasattr(n, "id") else "no id")
try:
    print(repr(n))
except AttributeError as e:
    print("AttributeError:", e)
loop = _ast.Expr()
loop.value = loop
print(loop)
class Sub(_ast.Name):
    pass
print(Sub("s"))
print(str(_ast.Constant("hi")))
e = compile("f'{x!r:>10}' + b'b' + 1j", "<e>", "eval", _ast.PyCF_ONLY_AST)
print(e)
print(e.body)
