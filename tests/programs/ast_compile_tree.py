# compile(..., PyCF_ONLY_AST) and a small walker over the result.
import _ast


def dump(node, indent=0):
    pad = "  " * indent
    if isinstance(node, _ast.AST):
        pos = ""
        if "lineno" in node._attributes and hasattr(node, "lineno"):
            pos = f" @{node.lineno}:{node.col_offset}-{node.end_lineno}:{node.end_col_offset}"
        print(f"{pad}{type(node).__name__}{pos}")
        for f in node._fields:
            v = getattr(node, f, "<missing>")
            if isinstance(v, list):
                print(f"{pad}  .{f} = [{len(v)}]")
                for x in v:
                    dump(x, indent + 2)
            elif isinstance(v, _ast.AST):
                print(f"{pad}  .{f} =")
                dump(v, indent + 2)
            else:
                print(f"{pad}  .{f} = {v!r}")
    else:
        print(f"{pad}{node!r}")


src = '''
import os.path as p
from . import x
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:
    """doc"""
    global g
    x = [i * 2 for i in range(10) if i]
    return f"{a!r:>{b}} and {c}"
class C(B, metaclass=M):
    @dec
    async def m(self):
        async with a as b, c:
            await b
        async for i in y:
            pass
try:
    del x[1:2], y.z
except (E, F) as e:
    raise X from e
else:
    pass
finally:
    assert a, "msg"
while not a < b <= c is not d:
    break
else:
    continue
with open(f) as g:
    x += 1; y: int = 2; z: list
lambda x, *y, **z: (x, *y)
{1: 2, **d}, {1, 2}, {k: v for k, v in d.items()}, (x for x in y)
a if b else c
-x, ~y, +z, not w
(x := 5)
yield_ = b'bytes', 1.5, 2j, ..., None, True
'''
t = compile(src, "<src>", "exec", _ast.PyCF_ONLY_AST)
dump(t)
e = compile("a + b * c", "<e>", "eval", _ast.PyCF_ONLY_AST)
dump(e)
s = compile("x = 1", "<s>", "single", _ast.PyCF_ONLY_AST)
dump(s)
ft = compile("(int, str) -> bool", "<f>", "func_type", _ast.PyCF_ONLY_AST)
dump(ft)
m = compile("match p:\n case [1, *rest] | {'k': 2, **kw} | Point(x=0) as q if q: pass\n case _: pass\n", "<m>", "exec", _ast.PyCF_ONLY_AST)
dump(m)
