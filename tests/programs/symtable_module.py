# The _symtable module (Modules/symtablemodule.c): the compiler's symbol table
# for a source, its blocks as "symtable entry" objects, and the constants.
import _symtable as S

SCOPES = {S.LOCAL: "LOCAL", S.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
          S.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT", S.FREE: "FREE", S.CELL: "CELL", 0: "-"}
TYPES = {getattr(S, n): n for n in dir(S) if n.startswith("TYPE_")}
DEFS = [n for n in dir(S) if n.startswith("DEF_") or n == "USE"]


def flags(v):
    scope = SCOPES[(v >> S.SCOPE_OFF) & S.SCOPE_MASK]
    names = [n for n in DEFS if n != "DEF_BOUND" and v & getattr(S, n)]
    return scope + ":" + "|".join(names)


def show(e, depth=0):
    pad = "  " * depth
    print(f"{pad}{e.name} {TYPES[e.type]} line {e.lineno} nested={e.nested} "
          f"varnames={e.varnames}")
    for name in sorted(e.symbols):
        print(f"{pad}  {name}: {flags(e.symbols[name])}")
    assert repr(e) == f"<symtable entry {e.name}({e.id}), line {e.lineno}>", repr(e)
    for c in e.children:
        show(c, depth + 1)


print(sorted((n, getattr(S, n)) for n in dir(S) if n.isupper()))
print(type(S.symtable).__name__, S.symtable.__doc__)

show(S.symtable("""
import os, sys as system
from x import y
g = 1
def outer(a, /, b=2, *args, c, **kw):
    global g
    x = [i * a for i in args]
    def inner():
        nonlocal x
        x = b
        return a
    lambda q: q + c
    return inner
class C(Base, metaclass=M):
    attr: int = 3
    def m(self):
        return __class__, self.attr
    @staticmethod
    def s(): yield from range(3)
async def co():
    async with a as b:
        await b
    return {k: v async for k, v in b}
""", "<mod>", "exec"))

show(S.symtable("""
type Alias[T: int] = list[T]
def gen[T, *Ts, **P](x: T) -> T:
    return x
class G[K, V=int](dict[K, V]):
    def get(self, k: K) -> V: ...
x: int = 1
def annotated(a: "A") -> None:
    y: list[int] = []
""", "<pep695>", "exec"))

show(S.symtable("lambda x: (y := x) + [z for z in x]", "<eval>", "eval"))
show(S.symtable(b"x = 1\n", "<bytes>", "single"))
e = S.symtable("def f(): pass", "<f>", "exec")
print(type(e).__name__, e.children[0].name, isinstance(e.id, int))
try:
    e.name = "x"
except AttributeError as err:
    print("AttributeError", err)

for args in [("x", "<f>", "exec2"), (1, "<f>", "exec"), ("x", "<f>"),
             ("def f(:", "<f>", "exec"), ("nonlocal x", "<f>", "exec"),
             ("def f():\n  global x\n  x: int", "<f>", "exec")]:
    try:
        S.symtable(*args)
    except (ValueError, TypeError, SyntaxError) as err:
        print(type(err).__name__, err)
try:
    S.symtable(source="x", filename="f", startstr="exec")
except TypeError as err:
    print("TypeError", err)
