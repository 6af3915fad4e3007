# compile() flags with PyCF_ONLY_AST: type comments and ignores, top-level await, _feature_version, mode errors.
import _ast
t = compile("x = u'a'  # type: int\ndef f(a, # type: int\n  ):\n  # type: (...) -> None\n  pass\nimport x  # type: ignore[abc]\n", "<m>", "exec", _ast.PyCF_ONLY_AST | _ast.PyCF_TYPE_COMMENTS)
print(t)
print(t.body[0].value.kind, t.body[0].type_comment, t.body[1].type_comment, t.body[1].args.args[0].type_comment)
print(t.type_ignores[0].lineno, t.type_ignores[0].tag)
print(compile(t, "<m>", "exec").co_names)
a = compile("await x", "<a>", "exec", _ast.PyCF_ONLY_AST | _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(a.body[0].value)
print(compile("x", "<f>", "eval", _ast.PyCF_ONLY_AST, _feature_version=8))
try:
    compile("x", "<f>", "bogus", _ast.PyCF_ONLY_AST)
except ValueError as e:
    print(e)
try:
    compile("x", "<f>", "func_type")
except ValueError as e:
    print(e)
try:
    compile("(", "<f>", "exec", _ast.PyCF_ONLY_AST)
except SyntaxError as e:
    print("SyntaxError", e)
