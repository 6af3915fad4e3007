"""Unit tests of the interpreter (pyvm/eval): the exception table reader, the
suggestion distance, and small programs run through ``run_string`` whose
output is CPython 3.14's (checked against the oracle when written)."""

from __future__ import annotations

import pytest

from pyvm.eval.ceval import get_exception_handler, parse_varint
from pyvm.eval.pythonrun import run_string
from pyvm.eval.traceback import _Py_CalculateSuggestions, levenshtein_distance


def run(src: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = run_string(src, [])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_parse_varint() -> None:
    assert parse_varint(bytes([5]), 0) == (5, 1)
    # 6 bits per byte, bit 6 = continuation.
    assert parse_varint(bytes([64 | 1, 2]), 0) == ((1 << 6) | 2, 2)


def test_levenshtein() -> None:
    assert levenshtein_distance(b"values", b"valuez", 100) == 2
    assert levenshtein_distance(b"abc", b"ABC", 100) == 3
    assert _Py_CalculateSuggestions(["values", "print"], "valuez") == "values"
    assert _Py_CalculateSuggestions(["zzzzzz"], "a") is None


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
    assert run(src, capsys) == (0, "104 106 108\n", "")


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
    status, out, _ = run(src, capsys)
    assert status == 0
    assert out.splitlines() == [
        "f() missing 1 required positional argument: 'b'",
        "f() takes 2 positional arguments but 3 were given",
        "f() got an unexpected keyword argument 'd'",
        "f() got multiple values for argument 'a'",
    ]


def test_uncaught_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    src = "def f(a):\n    return a[2] + 1\nf([1])\n"
    status, out, err = run(src, capsys)
    assert status == 1
    assert err == (
        "Traceback (most recent call last):\n"
        '  File "<string>", line 3, in <module>\n'
        "    f([1])\n"
        "    ~^^^^^\n"
        '  File "<string>", line 2, in f\n'
        "    return a[2] + 1\n"
        "           ~^^^\n"
        "IndexError: list index out of range\n")


def test_name_error_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run("values = 1\nprint(valuez)\n", capsys)
    assert status == 1
    assert err.splitlines()[-1] == \
        "NameError: name 'valuez' is not defined. Did you mean: 'values'?"


def test_recursion_error(capsys: pytest.CaptureFixture[str]) -> None:
    src = (
        "def r(n):\n    return r(n + 1)\n"
        "try:\n    r(0)\nexcept RecursionError as e:\n    print(e)\n"
    )
    assert run(src, capsys) == (0, "maximum recursion depth exceeded\n", "")


def test_system_exit(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("import sys\nsys.exit(3)\n", capsys)[0] == 3
    assert run("import sys\nsys.exit('bye')\n", capsys) == (1, "", "bye\n")
    assert run("raise SystemExit\n", capsys)[0] == 0


def test_exception_chaining(capsys: pytest.CaptureFixture[str]) -> None:
    src = "try:\n    raise KeyError('k')\nexcept KeyError:\n    undefined\n"
    status, _, err = run(src, capsys)
    assert status == 1
    assert "During handling of the above exception, another exception occurred:" in err
    assert err.splitlines()[-1] == "NameError: name 'undefined' is not defined"
