"""Unit tests of class statements (pyvm/objects/typeobject.py, classobject.py):
C3 MRO, the slot dispatchers, super, bound methods. The expected output is
CPython 3.14's (checked against the oracle when written)."""

from __future__ import annotations

import pytest

from pyvm.eval.pythonrun import run_string


def run(src: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = run_string(src, [])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_c3_mro(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class O: pass\nclass A(O): pass\nclass B(O): pass\nclass C(O): pass\n"
           "class D(O): pass\nclass E(O): pass\nclass K1(A, B, C): pass\n"
           "class K2(D, B, E): pass\nclass K3(D, A): pass\nclass Z(K1, K2, K3): pass\n"
           "print(''.join([k.__name__[-1] for k in Z.__mro__[:-1]]))\n")
    status, out, _ = run(src, capsys)
    assert status == 0
    assert out == "Z123DABCEO\n"


def test_mro_conflict(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class X: pass\nclass Y(X): pass\ntry:\n    class Z(X, Y): pass\n"
           "except TypeError as e:\n    print(e)\n")
    _, out, _ = run(src, capsys)
    assert out == ("Cannot create a consistent method resolution order (MRO) for bases X, Y\n")


def test_slot_dispatch(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class N:\n    def __init__(self, v): self.v = v\n"
           "    def __add__(self, o): return N(self.v + o)\n"
           "    def __radd__(self, o): return N(o * 10 + self.v)\n"
           "    def __repr__(self): return 'N%d' % self.v\n"
           "    def __len__(self): return self.v\n"
           "print(N(1) + 2, 3 + N(4), len(N(5)), bool(N(0)))\n")
    _, out, _ = run(src, capsys)
    assert out == "N3 N34 5 False\n"


def test_bound_method_and_super(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class A:\n    def f(self): return 'A'\n"
           "class B(A):\n    def f(self): return 'B' + super().f()\n"
           "m = B().f\nprint(type(m).__name__, m(), m.__func__ is B.f)\n")
    _, out, _ = run(src, capsys)
    assert out == "method BA True\n"


def test_no_arguments_message(capsys: pytest.CaptureFixture[str]) -> None:
    src = "class P: pass\ntry:\n    P(1)\nexcept TypeError as e:\n    print(e)\n"
    _, out, _ = run(src, capsys)
    assert out == "P() takes no arguments\n"
