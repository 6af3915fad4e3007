# The _ast module: its types, constants and class attributes.
import _ast

print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
      _ast.PyCF_OPTIMIZED_AST)
print(_ast.AST, _ast.AST.__module__, _ast.AST._fields, _ast.AST._attributes)
print(_ast.BinOp.__mro__)
print(_ast.Load.__mro__)
print(_ast.arguments.__mro__)
for name in ["Module", "FunctionDef", "BinOp", "Name", "Constant", "arguments", "arg",
             "keyword", "alias", "withitem", "match_case", "MatchAs", "TypeVar",
             "ExceptHandler", "comprehension", "Dict", "ImportFrom", "Load", "Add"]:
    cls = getattr(_ast, name)
    print(name, cls._fields, cls._attributes, cls.__match_args__)
    print("   ", cls._field_types)
print(_ast.stmt.__doc__)
print(_ast.expr_context.__doc__)
print(_ast.Pass.__doc__, "|", _ast.BinOp.__doc__, "|", _ast.Dict.__doc__)
print(_ast.FunctionDef.returns, _ast.FunctionDef.type_comment, _ast.stmt.end_lineno)
print(_ast.ImportFrom.level, _ast.arg.end_col_offset)
print(issubclass(_ast.BinOp, _ast.expr), issubclass(_ast.Load, _ast.AST))
print(isinstance(_ast.Load(), _ast.expr_context))
names = sorted(n for n in dir(_ast) if not n.startswith("__"))
print(len(names))
print(names[:20])
class MyNode(_ast.AST):
    _fields = ("a", "b")
m = MyNode(1, b=2)
print(m.a, m.b, MyNode._fields)
m2 = MyNode(1)
print(hasattr(m2, "b"))
_ast.AST.extra = 1
print(_ast.Name("x").extra)
_ast.Name.other = 2
print(_ast.Name("x").other, _ast.AST._fields)
del _ast.AST.extra
print(hasattr(_ast.Name("x"), "extra"))
