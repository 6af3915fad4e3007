"""Unit tests of the interpreter (pyvm/eval): the exception table reader, the
suggestion distance, and small programs run through ``run_string``.

Expected results come from CPython 3.14 (tests/unit_oracle.py): each ``O(...)``
/ ``P(...)`` snippet below is run by the oracle and its outcome is stored in
``tests/eval_unit_oracle.json``; regenerate it with
``python3 tests/test_eval_unit.py --regen``. The exception table encoding
(``parse_varint``) has no Python-level counterpart and is checked against the
format described in InternalDocs/exception_handling.md.
"""

from __future__ import annotations

import sys

import pytest

from unit_oracle import UnitOracle

ORACLE = UnitOracle(__file__)
if __name__ == "__main__":
    ORACLE.main()  # --regen runs the oracle only: pyvm is not imported
    sys.exit(0)

from pyvm.eval.ceval import get_exception_handler, parse_varint  # noqa: E402
from pyvm.eval.pythonrun import run_string  # noqa: E402
from pyvm.eval.traceback import _Py_CalculateSuggestions, levenshtein_distance  # noqa: E402

O, P = ORACLE.O, ORACLE.P


def run(src: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = run_string(src, [])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_parse_varint() -> None:
    assert parse_varint(bytes([5]), 0) == (5, 1)
    # 6 bits per byte, bit 6 = continuation.
    assert parse_varint(bytes([64 | 1, 2]), 0) == ((1 << 6) | 2, 2)


def test_levenshtein() -> None:
    # traceback._levenshtein_distance is the Python twin of suggestions.c's.
    assert repr(levenshtein_distance(b"values", b"valuez", 100)) == \
        O("import traceback\ntraceback._levenshtein_distance('values', 'valuez', 100)")
    assert repr(levenshtein_distance(b"abc", b"ABC", 100)) == \
        O("import traceback\ntraceback._levenshtein_distance('abc', 'ABC', 100)")
    assert repr(_Py_CalculateSuggestions(["values", "print"], "valuez")) == \
        O("import _suggestions\n_suggestions._generate_suggestions(['values', 'print'], 'valuez')")
    assert repr(_Py_CalculateSuggestions(["zzzzzz"], "a")) == \
        O("import _suggestions\n_suggestions._generate_suggestions(['zzzzzz'], 'a')")


def test_exception_table_lookup(capsys: pytest.CaptureFixture[str]) -> None:
    from pyvm.compile.compile import Py_CompileString
    co = Py_CompileString("try:\n    x = 1\nexcept E:\n    pass\n", "<t>", "exec")
    # Some instruction inside the try body has a handler; RESUME (0) has none.
    assert get_exception_handler(co, 0)[0] == -1
    assert any(get_exception_handler(co, i)[0] >= 0 for i in range(len(co.co_code_adaptive)))


def test_calls_and_closures(capsys: pytest.CaptureFixture[str]) -> None:
    src = (
        "def make(n):\n"
        "    def add(x, y=1, *a, k=2, **kw):\n"
        "        return n + x + y + k + len(a) + len(kw)\n"
        "    return add\n"
        "f = make(100)\n"
        "print(f(1), f(1, 2, 3, 4, k=0, z=9), f(*[1], **{'y': 5}))\n"
    )
    assert run(src, capsys) == P(src)


def test_binding_errors(capsys: pytest.CaptureFixture[str]) -> None:
    src = (
        "def f(a, b, *, c): pass\n"
        "for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, 2, c=3, d=4),\n"
        "             lambda: f(1, a=2, c=3)):\n"
        "    try:\n"
        "        call()\n"
        "    except TypeError as e:\n"
        "        print(e)\n"
    )
    assert run(src, capsys) == P(src)


def test_uncaught_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    src = "def f(a):\n    return a[2] + 1\nf([1])\n"
    assert run(src, capsys) == P(src)


def test_name_error_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    src = "values = 1\nprint(valuez)\n"
    assert run(src, capsys) == P(src)


def test_recursion_error(capsys: pytest.CaptureFixture[str]) -> None:
    src = (
        "def r(n):\n    return r(n + 1)\n"
        "try:\n    r(0)\nexcept RecursionError as e:\n    print(e)\n"
    )
    assert run(src, capsys) == P(src)


def test_system_exit(capsys: pytest.CaptureFixture[str]) -> None:
    src = "import sys\nsys.exit(3)\n"
    assert run(src, capsys) == P(src)
    src2 = "import sys\nsys.exit('bye')\n"
    assert run(src2, capsys) == P(src2)
    src3 = "raise SystemExit\n"
    assert run(src3, capsys) == P(src3)


def test_exception_chaining(capsys: pytest.CaptureFixture[str]) -> None:
    src = "try:\n    raise KeyError('k')\nexcept KeyError:\n    undefined\n"
    assert run(src, capsys) == P(src)

