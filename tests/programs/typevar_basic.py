# The objects of Objects/typevarobject.c, created by calling them (the PEP 695
# syntax itself is tested from CPython's code objects: tests/test_intrinsics_oracle.py).
import _typing
from _typing import ParamSpec, TypeAliasType, TypeVar, TypeVarTuple

T = TypeVar("T")
K = TypeVar("K", covariant=True)
C = TypeVar("C", contravariant=True)
I = TypeVar("I", infer_variance=True)
print(T, K, C, I, repr(T))
print(T.__name__, T.__module__, T.__bound__, T.__constraints__, T.__default__)
print(K.__covariant__, K.__contravariant__, C.__contravariant__, I.__infer_variance__)
print(T.has_default(), T.evaluate_bound, T.evaluate_constraints, T.evaluate_default)

S = TypeVar("S", int, str)
print(S.__constraints__, S.evaluate_constraints)
ev = S.evaluate_constraints
print(ev(1), ev(4))

D = TypeVar("D", default=int)
print(D.__default__, D.has_default(), D.evaluate_default, D.evaluate_default(4))
print(TypeVar("N", default=None).__default__, TypeVar("N", default=None).has_default())

P = ParamSpec("P")
print(P, P.__name__, P.__bound__, P.args, P.kwargs, P.args.__origin__ is P)
print(P.args == P.args, P.args == P.kwargs, P.args != ParamSpec("Q").args)
print(ParamSpec("P2", default=...).__default__, P.has_default(), P.__default__)
print(ParamSpec("V", covariant=True), ParamSpec("W", contravariant=True))

Ts = TypeVarTuple("Ts")
print(Ts, Ts.__name__, Ts.__default__, Ts.has_default(), Ts.__module__)
print(TypeVarTuple("Us", default=int).__default__)

A = TypeAliasType("A", int)
print(A, A.__name__, A.__value__, A.__type_params__, A.__parameters__, A.__module__)
print(A.evaluate_value, A.evaluate_value(1), A.evaluate_value(4))
B = TypeAliasType("B", list, type_params=(T, D))
print(B.__type_params__)

print(_typing.NoDefault, type(_typing.NoDefault).__name__, _typing._idfunc(5))
print(T.__reduce__(), P.__reduce__(), Ts.__reduce__(), A.__reduce__(),
      _typing.NoDefault.__reduce__())

for bad in (lambda: TypeVar(1), lambda: TypeVar(), lambda: TypeVar("X", foo=1),
            lambda: TypeVar("X", int), lambda: TypeVar("X", covariant=True, contravariant=True),
            lambda: TypeVar("X", covariant=True, infer_variance=True),
            lambda: TypeAliasType("A", int, type_params=[T]),
            lambda: TypeAliasType("A", int, type_params=(D, T)),
            lambda: TypeAliasType("A", int, type_params=(1,)),
            lambda: A[int], lambda: Ts.__typing_subst__(int),
            lambda: T.__mro_entries__(()), lambda: type(_typing.NoDefault)(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
