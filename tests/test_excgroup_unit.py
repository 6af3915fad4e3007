"""Unit tests of the except* helpers that the eval loop calls: ``_PyExc_PrepReraiseStar``
(PREP_RERAISE_STAR), ``_PyEval_ExceptionGroupMatch`` and
``_PyEval_CheckExceptStarTypeValid`` (CHECK_EG_MATCH). The expected values are
what CPython 3.14 gives for the same steps (``node tools/oracle/py314.mjs``).
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from pyvm.eval.ceval_excgroup import _PyEval_CheckExceptStarTypeValid, _PyEval_ExceptionGroupMatch
from pyvm.objects import exceptions as X
from pyvm.objects.call import PyObject_CallObject
from pyvm.objects.listobject import PyList_Append, PyList_New
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.object import Py_DECREF, Py_None, PyErr, PyObject, _PyObject_ReprStr, _PyObject_StrStr
from pyvm.objects.tupleobject import _PyTuple_FromArray
from pyvm.objects.unicodeobject import PyUnicode_FromString

X._PyExc_InitState()
NO_FRAME: Any = None  # the frame is only used to wrap a naked exception


def exc(tp: object, arg: int) -> PyObject:
    args = _PyTuple_FromArray([PyLong_FromLong(arg)])
    assert isinstance(tp, X.PyTypeObject)
    return PyObject_CallObject(tp, args)


def group(msg: str, *items: PyObject) -> PyObject:
    return X._PyExc_CreateExceptionGroup(msg, _PyTuple_FromArray(list(items)))


def lst(*items: PyObject) -> PyObject:
    out = PyList_New(0)
    for o in items:
        PyList_Append(out, o)
    return out


def raises(fn: Callable[[], object]) -> str:
    with pytest.raises(PyErr) as ei:
        fn()
    v = ei.value.normalize()
    return f"{v.ob_type.tp_name}: {_PyObject_StrStr(v)}"


def test_match_and_reraise() -> None:
    v, t, k = exc(X.PyExc_ValueError, 1), exc(X.PyExc_TypeError, 2), exc(X.PyExc_KeyError, 3)
    orig = group("eg", v, group("inner", t, k))
    assert orig.ob_type is X.PyExc_ExceptionGroup
    # A caught exception has metadata (a traceback; a context will do here) that
    # its split parts share and that newly raised exceptions lack.
    X.PyException_SetContext(orig, exc(X.PyExc_OSError, 0))
    match, rest = _PyEval_ExceptionGroupMatch(NO_FRAME, orig, X.PyExc_ValueError)
    assert _PyObject_ReprStr(match) == "ExceptionGroup('eg', [ValueError(1)])"
    assert _PyObject_ReprStr(rest) == "ExceptionGroup('eg', [ExceptionGroup('inner', [TypeError(2), KeyError(3)])])"
    # The ValueError clause re-raises its match; the TypeError clause raises a new
    # exception; nothing else runs.
    m2, rest2 = _PyEval_ExceptionGroupMatch(NO_FRAME, rest, X.PyExc_TypeError)
    assert _PyObject_ReprStr(rest2) == "ExceptionGroup('eg', [ExceptionGroup('inner', [KeyError(3)])])"
    new = exc(X.PyExc_RuntimeError, 9)
    res = X._PyExc_PrepReraiseStar(orig, lst(match, new, rest2))
    assert _PyObject_ReprStr(res) == (
        "ExceptionGroup('', [RuntimeError(9), ExceptionGroup('eg', "
        "[ValueError(1), ExceptionGroup('inner', [KeyError(3)])])])")
    # Only re-raises: the projection of orig keeps the nesting.
    res2 = X._PyExc_PrepReraiseStar(orig, lst(match, Py_None, rest2))
    assert _PyObject_ReprStr(res2) == (
        "ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [KeyError(3)])])")
    assert X._PyExc_PrepReraiseStar(orig, lst()) is Py_None
    for o in (res, res2, m2, match, rest, rest2):
        Py_DECREF(o)


def test_no_match_and_none() -> None:
    v = exc(X.PyExc_ValueError, 1)
    assert _PyEval_ExceptionGroupMatch(NO_FRAME, Py_None, X.PyExc_ValueError) == (Py_None, Py_None)
    match, rest = _PyEval_ExceptionGroupMatch(NO_FRAME, v, X.PyExc_TypeError)
    assert match is Py_None and rest is v
    # A naked exception caught and re-raised as is.
    assert X._PyExc_PrepReraiseStar(v, lst(v)) is v


def test_check_except_star_type() -> None:
    base = PyUnicode_FromString("x")
    assert raises(lambda: _PyEval_CheckExceptStarTypeValid(X.PyExc_ExceptionGroup)) == (
        "TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.")
    assert raises(lambda: _PyEval_CheckExceptStarTypeValid(
        _PyTuple_FromArray([X.PyExc_ValueError, X.PyExc_BaseExceptionGroup]))) == (
        "TypeError: catching ExceptionGroup with except* is not allowed. Use except instead.")
    assert raises(lambda: _PyEval_CheckExceptStarTypeValid(base)) == (
        "TypeError: catching classes that do not inherit from BaseException is not allowed")
    _PyEval_CheckExceptStarTypeValid(_PyTuple_FromArray([X.PyExc_ValueError, X.PyExc_OSError]))


def test_unstable_prep_reraise_star_checks() -> None:
    v = exc(X.PyExc_ValueError, 1)
    assert raises(lambda: X.PyUnstable_Exc_PrepReraiseStar(Py_None, lst())) == (
        "TypeError: orig must be an exception instance")
    assert raises(lambda: X.PyUnstable_Exc_PrepReraiseStar(v, Py_None)) == (
        "TypeError: excs must be a list of exception instances")
    assert raises(lambda: X.PyUnstable_Exc_PrepReraiseStar(v, lst(PyLong_FromLong(3)))) == (
        "TypeError: item 0 of excs is not an exception")
    assert raises(lambda: X.PyUnstable_Exc_PrepReraiseStar(v, lst(v))) == (
        "ValueError: orig must be a raised exception")
