"""Unit tests of class statements (pyvm/objects/typeobject.py, classobject.py):
C3 MRO, the slot dispatchers, super, bound methods.

Each program below is run by pyvm in-process (``run_string``) and compared with
what ``python -c`` prints under CPython 3.14: the ``P(...)`` snippets are run by
the oracle and stored in ``tests/classes_unit_oracle.json`` (regenerate with
``python3 tests/test_classes_unit.py --regen``; tests/unit_oracle.py).
"""

from __future__ import annotations

import sys

import pytest

from unit_oracle import UnitOracle

ORACLE = UnitOracle(__file__)
if __name__ == "__main__":
    ORACLE.main()  # --regen runs the oracle only: pyvm is not imported
    sys.exit(0)

from pyvm.eval.pythonrun import run_string  # noqa: E402

P = ORACLE.P


def run(src: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = run_string(src, [])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_c3_mro(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class O: pass\nclass A(O): pass\nclass B(O): pass\nclass C(O): pass\n"
           "class D(O): pass\nclass E(O): pass\nclass K1(A, B, C): pass\n"
           "class K2(D, B, E): pass\nclass K3(D, A): pass\nclass Z(K1, K2, K3): pass\n"
           "print(''.join([k.__name__[-1] for k in Z.__mro__[:-1]]))\n")
    assert run(src, capsys) == P(src)


def test_mro_conflict(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class X: pass\nclass Y(X): pass\ntry:\n    class Z(X, Y): pass\n"
           "except TypeError as e:\n    print(e)\n")
    assert run(src, capsys) == P(src)


def test_slot_dispatch(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class N:\n    def __init__(self, v): self.v = v\n"
           "    def __add__(self, o): return N(self.v + o)\n"
           "    def __radd__(self, o): return N(o * 10 + self.v)\n"
           "    def __repr__(self): return 'N%d' % self.v\n"
           "    def __len__(self): return self.v\n"
           "print(N(1) + 2, 3 + N(4), len(N(5)), bool(N(0)))\n")
    assert run(src, capsys) == P(src)


def test_bound_method_and_super(capsys: pytest.CaptureFixture[str]) -> None:
    src = ("class A:\n    def f(self): return 'A'\n"
           "class B(A):\n    def f(self): return 'B' + super().f()\n"
           "m = B().f\nprint(type(m).__name__, m(), m.__func__ is B.f)\n")
    assert run(src, capsys) == P(src)


def test_no_arguments_message(capsys: pytest.CaptureFixture[str]) -> None:
    src = "class P: pass\ntry:\n    P(1)\nexcept TypeError as e:\n    print(e)\n"
    assert run(src, capsys) == P(src)

