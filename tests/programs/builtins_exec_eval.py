# exec(), eval() and compile(): namespaces, results, errors, code objects.


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", f"{type(e).__name__}: {e}")
    else:
        print(label, "=", repr(r))


# eval: expressions, globals and locals
show("eval arith", lambda: eval("1 + 2 * 3"))
show("eval leading blanks", lambda: eval(" \t 7 - 2"))
show("eval bytes", lambda: eval(b"'b' * 3"))
show("eval bytearray", lambda: eval(bytearray(b"[1, 2]")))
show("eval globals", lambda: eval("x + y", {"x": 1, "y": 2}))
show("eval locals win", lambda: eval("x", {"x": 1}, {"x": 2}))


class Mapping:
    def __getitem__(self, key):
        if key == "k":
            return "from mapping"
        raise KeyError(key)


show("eval mapping locals", lambda: eval("k", {}, Mapping()))
show("eval mapping missing", lambda: eval("nope", {}, Mapping()))


def in_function():
    a = 5
    b = [1]
    return eval("a * 2 + len(b)")


show("eval caller locals", in_function)
z_global = "module level"
show("eval caller globals", lambda: eval("z_global"))

# exec: statements into namespaces
g = {}
show("exec returns", lambda: exec("v = 3\ndef twice(n):\n    return v * n\n", g))
print("names", sorted(g))
print("builtins is dict", type(g["__builtins__"]) is dict)
print("twice(4)", g["twice"](4))
loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print("locals dict", sorted(loc.items()))
exec("import_me = len('abc')")
print("exec into module", import_me)


def exec_in_function():
    ns = {}
    exec("r = [i * i for i in range(4)]", globals(), ns)
    return ns["r"]


show("exec in function", exec_in_function)
exec("class K:\n    attr = 'class body'\n", g)
print("class via exec", g["K"].attr)
g.clear()  # g and twice() form a cycle (twice.__globals__ is g): break it

# code objects: compiled once, run several times
co = compile("total = total + step", "<acc>", "exec")
ns = {"total": 0, "step": 5}
for _ in range(3):
    exec(co, ns)
print("reused code", ns["total"])
ev = compile("n * n", "<sq>", "eval")
print("eval code", [eval(ev, {"n": n}) for n in range(5)])
print("code names", co.co_filename, co.co_name, ev.co_filename)
show("compile single stmt", lambda: exec(compile("w = 8", "<s>", "single"), {}))
show("compile keywords", lambda: type(compile(source="1", filename="f", mode="eval", flags=0,
                                            dont_inherit=True, optimize=0)).__name__)
show("compile bytes filename", lambda: compile("1", b"bf.py", "eval").co_filename)

# closures
def make_cell(value):
    def inner():
        return value
    return inner.__closure__[0]


def outer():
    captured = "captured"
    def inner():
        return captured
    return inner


free_code = outer().__code__
show("eval free vars", lambda: eval(free_code))
show("exec free vars no closure", lambda: exec(free_code))
show("exec closure wrong length", lambda: exec(free_code, {}, closure=()))
show("exec closure not cells", lambda: exec(free_code, {}, closure=(1,)))
show("exec closure ok", lambda: exec(free_code, {}, closure=(make_cell("x"),)))
show("exec closure on plain code", lambda: exec(co, {}, closure=(make_cell(1),)))
show("exec closure with string", lambda: exec("1", closure=()))
show("exec closure None", lambda: exec("q = 1", {}, closure=None))

# argument errors
show("eval int", lambda: eval(1))
show("exec int", lambda: exec(1))
show("compile int", lambda: compile(1, "f", "exec"))
show("compile code", lambda: compile(co, "f", "exec"))
show("eval globals list", lambda: eval("1", []))
show("eval globals mapping", lambda: eval("1", Mapping()))
show("eval locals int", lambda: eval("1", {}, 1))
show("exec globals list", lambda: exec("1", []))
show("exec locals int", lambda: exec("1", {}, 1))
show("eval no args", lambda: eval())
show("exec too many", lambda: exec("1", {}, {}, {}))
show("compile bad mode", lambda: compile("1", "f", "run"))
show("compile mode int", lambda: compile("1", "f", 3))
show("compile func_type", lambda: compile("1", "f", "func_type"))
show("compile bad flags", lambda: compile("1", "f", "exec", 0x10000000))
show("compile bad optimize", lambda: compile("1", "f", "exec", optimize=3))
show("compile bad filename", lambda: compile("1", 3, "exec"))
show("null bytes str", lambda: compile("a\0b", "f", "exec"))
show("null bytes eval", lambda: eval(b"1\x00"))

# syntax errors carry the filename given
for src, mode in [("x x", "exec"), ("1 +", "eval"), ("def f(:\n    pass", "exec"),
                  ("return 5", "exec"), ("a = 1", "eval"), ("  x = 1", "exec"),
                  ("if 1:\nx = 2", "exec"), ("(1, 2", "exec")]:
    try:
        compile(src, "prog.py", mode)
    except SyntaxError as e:
        print(repr(src), mode, "->", f"{type(e).__name__}: {e}", "|", e.filename, e.lineno)
try:
    eval("1 +* 2")
except SyntaxError as e:
    print("eval syntax", f"{type(e).__name__}: {e}", e.filename)
try:
    exec("def g():\n  yield from\n")
except SyntaxError as e:
    print("exec syntax", f"{type(e).__name__}: {e}", e.filename)

# errors raised by the executed code propagate
show("runtime error", lambda: exec("1 / 0"))
show("name error", lambda: eval("undefined_name", {}))
