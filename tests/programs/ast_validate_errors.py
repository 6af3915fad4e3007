# The validator (_PyAST_Validate, Python/ast.c) on trees handed to compile().
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


def S(e):
    return _ast.Expr(e, **P)


def M(*stmts):
    return _ast.Module(list(stmts), [])


def E(e):
    return M(S(e))


PASS = _ast.Pass(**P)
ARGS = _ast.arguments()

check("Name None", E(N("None")))
check("Name True store", M(_ast.Assign([N("True", _ast.Store())], C(1), **P)))
check("store into call", M(_ast.Assign([_ast.Call(N("f"), [], [], **P)], C(1), **P)))
check("load ctx in target", M(_ast.Assign([N("x")], C(1), **P)))
check("store ctx in load", E(N("x", _ast.Store())))
check("del ctx", M(_ast.Delete([N("x", _ast.Store())], **P)))
check("empty targets", M(_ast.Assign([], C(1), **P)))
check("empty delete", M(_ast.Delete([], **P)))
check("None in body", M(None))
check("None in exprs", E(_ast.List([None], _ast.Load(), **P)))
check("Dict None key ok", E(_ast.Dict([None], [N("d")], **P)))
check("Dict lengths", E(_ast.Dict([C(1)], [], **P)))
check("BoolOp one", E(_ast.BoolOp(_ast.And(), [C(1)], **P)))
check("Compare none", E(_ast.Compare(C(1), [], [], **P)))
check("Compare lengths", E(_ast.Compare(C(1), [_ast.Eq(), _ast.Lt()], [C(2)], **P)))
check("comprehension none", E(_ast.ListComp(N("x"), [], **P)))
check("invalid constant list", E(C([1, 2])))
check("invalid constant in tuple", E(C((1, [2]))))
check("invalid constant set", E(C({1})))
check("invalid constant int subclass", E(C(type("I", (int,), {})(3))))
check("invalid constant frozenset", E(C(frozenset([1, 2]))))
check("empty FunctionDef body", M(_ast.FunctionDef("f", ARGS, [], **P)))
check("empty ClassDef body", M(_ast.ClassDef("C", body=[], **P)))
check("empty For body", M(_ast.For(N("i", _ast.Store()), N("x"), [], **P)))
check("empty While body", M(_ast.While(C(1), [], **P)))
check("empty If body", M(_ast.If(C(1), [], **P)))
check("empty With items", M(_ast.With([], [PASS], **P)))
check("With body", M(_ast.With([_ast.withitem(N("a"))], [], **P)))
check("Try bare", M(_ast.Try([PASS], [], [], [], **P)))
check("Try orelse", M(_ast.Try([PASS], [], [PASS], [PASS], **P)))
check("Try empty body", M(_ast.Try([], [], [], [PASS], **P)))
check("handler body", M(_ast.Try([PASS], [_ast.ExceptHandler(None, None, [], **P)], [], [], **P)))
check("TryStar bare", M(_ast.TryStar([PASS], [], [], [], **P)))
check("Raise cause only", M(_ast.Raise(None, N("e"), **P)))
check("Import empty", M(_ast.Import([], **P)))
check("ImportFrom level", M(_ast.ImportFrom("m", [_ast.alias("x", **P)], -1, **P)))
check("ImportFrom empty", M(_ast.ImportFrom("m", [], 0, **P)))
check("Global empty", M(_ast.Global([], **P)))
check("Nonlocal empty", M(_ast.Nonlocal([], **P)))
check("AnnAssign simple", M(_ast.AnnAssign(_ast.Attribute(N("a"), "b", _ast.Store(), **P), N("int"), None, 1, **P)))
check("NamedExpr target", E(_ast.NamedExpr(_ast.Attribute(N("a"), "b", _ast.Store(), **P), C(1), **P)))
check("defaults", M(_ast.FunctionDef("f", _ast.arguments(defaults=[C(1)]), [PASS], **P)))
check("kw_defaults", M(_ast.FunctionDef("f", _ast.arguments(kwonlyargs=[_ast.arg("a", **P)]), [PASS], **P)))
check("kw_defaults None ok", M(_ast.FunctionDef("f", _ast.arguments(kwonlyargs=[_ast.arg("a", **P)], kw_defaults=[None]), [PASS], **P)))
check("line range", M(_ast.Pass(lineno=3, col_offset=0, end_lineno=2, end_col_offset=0)))
check("col range", M(_ast.Pass(lineno=1, col_offset=5, end_lineno=1, end_col_offset=2)))
check("negative", M(_ast.Pass(lineno=-1, col_offset=0, end_lineno=3, end_col_offset=0)))
check("Starred store", M(_ast.Assign([_ast.Tuple([_ast.Starred(N("a"), _ast.Store(), **P)], _ast.Store(), **P)], C(1), **P)))
check("Lambda", E(_ast.Lambda(_ast.arguments(defaults=[C(1)]), C(1), **P)))
check("Expression", _ast.Expression(N("x", _ast.Del())), "eval")
check("Yield ok", M(_ast.FunctionDef("f", ARGS, [S(_ast.Yield(None, **P))], **P)))
check("Slice", E(_ast.Subscript(N("a"), _ast.Slice(N("x", _ast.Store()), **P), _ast.Load(), **P)))
check("FormattedValue", E(_ast.JoinedStr([_ast.FormattedValue(N("True", _ast.Load()), -1, None, **P)], **P)))


def case(pattern, body=None):
    return _ast.match_case(pattern, None, body if body is not None else [PASS])


def match(*cases):
    return M(_ast.Match(N("x"), list(cases), **P))


check("Match no cases", match())
check("case body", match(case(_ast.MatchAs(**P), [])))
check("MatchValue list", match(case(_ast.MatchValue(C((1,)), **P))))
check("MatchValue name", match(case(_ast.MatchValue(N("y"), **P))))
check("MatchValue neg ok", match(case(_ast.MatchValue(_ast.UnaryOp(_ast.USub(), C(1), **P), **P))))
check("MatchValue complex ok", match(case(_ast.MatchValue(_ast.BinOp(C(1), _ast.Add(), C(2j), **P), **P))))
check("MatchValue bad complex", match(case(_ast.MatchValue(_ast.BinOp(C(1), _ast.Add(), C(2), **P), **P))))
check("MatchSingleton", match(case(_ast.MatchSingleton(1, **P))))
check("MatchStar", match(case(_ast.MatchStar("r", **P))))
check("capture _", match(case(_ast.MatchAs(None, "_", **P))))
check("MatchAs no name", match(case(_ast.MatchAs(_ast.MatchAs(**P), None, **P))))
check("MatchOr one", match(case(_ast.MatchOr([_ast.MatchAs(**P)], **P))))
check("MatchMapping", match(case(_ast.MatchMapping([C(1)], [], **P))))
check("MatchMapping rest", match(case(_ast.MatchMapping([], [], "None", **P))))
check("MatchClass lengths", match(case(_ast.MatchClass(N("C"), [], ["a"], [], **P))))
check("MatchClass cls", match(case(_ast.MatchClass(_ast.Call(N("C"), [], [], **P), [], [], [], **P))))
check("MatchClass ok", match(case(_ast.MatchClass(_ast.Attribute(N("m"), "C", _ast.Load(), **P), [], [], [], **P))))
check("MatchSequence star ok", match(case(_ast.MatchSequence([_ast.MatchStar(None, **P)], **P))))
