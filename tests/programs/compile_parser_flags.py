# compile(): the parser's flags -- _feature_version (under PyCF_ONLY_AST),
# PyCF_ALLOW_TOP_LEVEL_AWAIT, PyCF_TYPE_COMMENTS, mode "func_type", optimize and
# dont_inherit with an inherited __future__ flag.
import _ast

for src, fv in [("x = (y := 1)", 7), ("match x:\n case 1: pass\n", 9),
                ("def f[T](): pass", 11), ("type X = int", 11),
                ("try:\n pass\nexcept A, B:\n pass\n", 13),
                ("f(**x, *y)", 4), ("async def f(): await x", 6),
                ("with (a as b, c as d): pass", 8), ("x = f'{1!r:>{2}}'", 5),
                ("def f(a, /): pass", 7), ("print(f'{x=}')", 7)]:
    try:
        compile(src, "<fv>", "exec", _ast.PyCF_ONLY_AST, _feature_version=fv)
        print("ok", fv, repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
# _feature_version without PyCF_ONLY_AST is ignored.
print(type(compile("x = (y := 1)", "<fv>", "exec", _feature_version=7)).__name__)

try:
    compile("await x", "<a>", "exec")
except SyntaxError as e:
    print(e)
c = compile("await x", "<a>", "exec", _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(c.co_flags & 0x80))
c = compile("[x async for x in y]", "<a>", "eval", _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(c.co_flags & 0x80))

src = ("def f(a, # type: int\n"
       "      ):\n"
       "  # type: (...) -> None\n"
       "  pass\n"
       "x = 1 # type: ignore[no-any]\n"
       "for i in y: # type: int\n"
       "  pass\n")
t = compile(src, "<t>", "exec", _ast.PyCF_ONLY_AST | _ast.PyCF_TYPE_COMMENTS)
print(t.type_ignores[0].lineno, repr(t.type_ignores[0].tag), t.body[0].type_comment,
      t.body[0].args.args[0].type_comment, t.body[2].type_comment)
t = compile(src, "<t>", "exec", _ast.PyCF_ONLY_AST)
print(t.type_ignores, t.body[0].type_comment)
ft = compile("(int, *str, **dict) -> None", "<ft>", "func_type", _ast.PyCF_ONLY_AST)
print(type(ft).__name__, [type(a).__name__ for a in ft.argtypes], ft.returns.value)
try:
    compile("(int) -> None", "<ft>", "func_type")
except ValueError as e:
    print(e)

for opt in (-1, 0, 1, 2):
    ns = {}
    exec(compile("def f():\n  '''doc'''\n  assert 0, 'boom'\n  return __debug__\n",
                 "<o>", "exec", optimize=opt), ns)
    try:
        r = ns["f"]()
    except AssertionError as e:
        r = "AssertionError " + str(e)
    print(opt, ns["f"].__doc__, r)

# A code object compiled with the __future__ annotations flag (0x1000000) passes
# it on to the compile() calls it makes, unless dont_inherit.
outer = compile("""
ns = {}
exec(compile("def g(x: undefined_name) -> int: pass", "<i>", "exec"), ns)
print(ns["g"].__annotations__)
try:
    exec(compile("def g(x: undefined_name) -> int: pass\\ng.__annotations__",
                 "<i>", "exec", dont_inherit=True), ns)
    print("no error")
except NameError as e:
    print("NameError", e)
""", "<outer>", "exec", 0x1000000)
exec(outer)
for bad in (0x10000000, -5):
    try:
        compile("1", "<b>", "exec", bad)
    except ValueError as e:
        print(e)
try:
    compile("1", "<b>", "exec", optimize=3)
except ValueError as e:
    print(e)
