# The errors of converting _ast objects back (obj2ast_*: Python/Python-ast.c).
import _ast

P = dict(lineno=1, col_offset=0)


def check(label, tree, mode="exec"):
    try:
        compile(tree, "<check>", mode)
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


def C(v):
    return _ast.Constant(v, **P)


def N(id, ctx=None):
    return _ast.Name(id, ctx or _ast.Load(), **P)


def stmt(e):
    return _ast.Expr(e, **P)


check("not a mod", _ast.Name("x"))
check("not a mod (int)", 5)
check("wrong mode", _ast.Module([]), "eval")
check("wrong mode 2", _ast.Expression(C(1)), "exec")
check("expected Interactive", _ast.Module([]), "single")
check("missing lineno", _ast.Module([_ast.Pass()]))
check("missing col_offset", _ast.Module([_ast.Pass(lineno=1)]))
check("lineno not int", _ast.Module([_ast.Pass(lineno="1", col_offset=0)]))
check("lineno too big", _ast.Module([_ast.Pass(lineno=2**40, col_offset=0)]))
check("lineno bool", _ast.Module([_ast.Pass(lineno=True, col_offset=0)]))
check("body not list", _ast.Module(stmt(C(1))))
check("body tuple", _ast.Module((stmt(C(1)),)))
check("stmt expected", _ast.Module([C(1)]))
check("stmt expected int", _ast.Module([1]))
check("expr expected", _ast.Module([_ast.Expr(_ast.Pass(**P), **P)]))
check("missing value", _ast.Module([_ast.Expr(**P)]))
check("value None", _ast.Module([_ast.Expr(None, **P)]))
check("BinOp left None", _ast.Module([stmt(_ast.BinOp(None, _ast.Add(), C(1), **P))]))
check("BinOp op wrong", _ast.Module([stmt(_ast.BinOp(C(1), _ast.Sub, C(1), **P))]))
check("BinOp op None", _ast.Module([stmt(_ast.BinOp(C(1), None, C(1), **P))]))
check("BinOp op is Load", _ast.Module([stmt(_ast.BinOp(C(1), _ast.Load(), C(1), **P))]))
check("Name id int", _ast.Module([stmt(_ast.Name(1, _ast.Load(), **P))]))
check("Name id None", _ast.Module([stmt(_ast.Name(None, _ast.Load(), **P))]))
check("Name id str subclass", _ast.Module([stmt(_ast.Name(type("S", (str,), {})("x"), _ast.Load(), **P))]))
check("Name ctx None", _ast.Module([stmt(_ast.Name("x", None, **P))]))
check("Name ctx missing", _ast.Module([stmt(_ast.Name.__new__(_ast.Name))]))
n = _ast.Name("x", **P)
del n.ctx
check("ctx deleted", _ast.Module([stmt(n)]))
check("args not list", _ast.Module([stmt(_ast.Call(N("f"), N("a"), [], **P))]))
check("keyword no value", _ast.Module([stmt(_ast.Call(N("f"), [], [_ast.keyword("k")], **P))]))
check("keyword wrong", _ast.Module([stmt(_ast.Call(N("f"), [], [N("k")], **P))]))
check("arguments None", _ast.Module([_ast.FunctionDef("f", None, [_ast.Pass(**P)], **P)]))
check("arguments missing", _ast.Module([_ast.FunctionDef.__new__(_ast.FunctionDef)]))
f = _ast.FunctionDef("f", _ast.arguments(args=[_ast.arg("a")]), [_ast.Pass(**P)], **P)
check("arg no lineno", _ast.Module([f]))
f = _ast.FunctionDef("f", _ast.arguments(args=[_ast.arg(lineno=1, col_offset=0)]), [_ast.Pass(**P)], **P)
check("arg no name", _ast.Module([f]))
check("ImportFrom level str", _ast.Module([_ast.ImportFrom("m", [_ast.alias("x", **P)], "1", **P)]))
check("alias name missing", _ast.Module([_ast.Import([_ast.alias(**P)], **P)]))
check("Global names ints", _ast.Module([_ast.Global([1], **P)]))
check("Compare ops wrong", _ast.Module([stmt(_ast.Compare(C(1), [_ast.Add()], [C(2)], **P))]))
check("type_ignores wrong", _ast.Module([], [1]))
check("TypeIgnore tag", _ast.Module([], [_ast.TypeIgnore(1, 5)]))
check("Constant kind int", _ast.Module([stmt(_ast.Constant(1, 5, **P))]))
check("kind bytes", _ast.Module([stmt(_ast.Constant("s", b"u", **P))]))
check("Expression body None", _ast.Expression(None), "eval")
check("Expression body missing", _ast.Expression(), "eval")
check("Interactive body", _ast.Interactive([_ast.Pass(**P)]), "single")


class L(list):
    pass


check("list subclass body", _ast.Module(L([_ast.Pass(**P)])))


class Shrink(_ast.AST):
    pass


class Bad:
    def __init__(self, lst):
        self.lst = lst


body = [_ast.Pass(**P), _ast.Pass(**P)]


class Grow(_ast.Pass):
    _fields = ()

    @property
    def lineno(self):
        body.append(_ast.Pass(**P))
        return 1


body = [Grow(col_offset=0), _ast.Pass(**P)]
check("changed size", _ast.Module(body))
print(len(body))
