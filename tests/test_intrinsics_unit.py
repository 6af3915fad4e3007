"""Unit tests of pyvm/eval/intrinsics.py for the paths no differential program
reaches yet: PEP 479's conversion needs generator frames (the generator
helper's work), the invalid-index entries are never emitted by a compiler.
The expected messages are CPython's (Python/intrinsics.c); each is also seen
in tests/expected/intrinsic_stopiteration.json once generators run.
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import pytest  # noqa: E402

from pyvm.compile.compile import Py_CompileString  # noqa: E402
from pyvm.eval.frame import _PyInterpreterFrame  # noqa: E402
from pyvm.pystate import _tstate  # noqa: E402
from pyvm.eval import intrinsics as I  # noqa: E402
from pyvm.objects.call import PyObject_CallOneArg  # noqa: E402
from pyvm.objects.codeobject import PyCodeObject  # noqa: E402
from pyvm.objects.dictobject import PyDict_New  # noqa: E402
from pyvm.objects.exceptions import (  # noqa: E402
    PyExc_KeyError, PyExc_RuntimeError, PyExc_StopAsyncIteration, PyExc_StopIteration,
    PyExc_SystemError, PyBaseExceptionObject,
)
from pyvm.objects.object import PyErr, PyObject, PyTypeObject, _PyObject_StrStr  # noqa: E402
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicodeObject  # noqa: E402

SRC = "def g():\n    yield 1\nasync def c():\n    pass\nasync def ag():\n    yield 1\n"


def _frame(name: str) -> _PyInterpreterFrame:
    mod = Py_CompileString(SRC, "<test>", "exec")
    assert isinstance(mod, PyCodeObject)
    for c in mod.co_consts_items:
        if isinstance(c, PyCodeObject) and isinstance(c.co_name, PyUnicodeObject) \
                and c.co_name.value == name:
            g = PyDict_New()
            return _PyInterpreterFrame(c, None, g, g, None, None)
    raise AssertionError(name)


def _exc(tp: PyTypeObject, msg: str) -> PyObject:
    return PyObject_CallOneArg(tp, PyUnicode_FromString(msg))


@pytest.mark.parametrize("code,exc_type,message", [
    ("g", PyExc_StopIteration, "generator raised StopIteration"),
    ("c", PyExc_StopIteration, "coroutine raised StopIteration"),
    ("ag", PyExc_StopIteration, "async generator raised StopIteration"),
    ("ag", PyExc_StopAsyncIteration, "async generator raised StopAsyncIteration"),
])
def test_stopiteration_error_converts(code: str, exc_type: PyTypeObject, message: str) -> None:
    exc = _exc(exc_type, "inner")
    res = I._PyIntrinsics_UnaryFunctions[I.INTRINSIC_STOPITERATION_ERROR](
        _tstate, _frame(code), exc)
    assert res.ob_type is PyExc_RuntimeError
    assert _PyObject_StrStr(res) == message
    assert isinstance(res, PyBaseExceptionObject)
    assert res.cause is exc and res.context is exc and res.suppress_context


@pytest.mark.parametrize("code,exc_type", [
    ("g", PyExc_KeyError), ("g", PyExc_StopAsyncIteration), ("c", PyExc_StopAsyncIteration),
])
def test_stopiteration_error_passes_others(code: str, exc_type: PyTypeObject) -> None:
    exc = _exc(exc_type, "x")
    before = exc.ob_refcnt
    res = I.stopiteration_error(_tstate, _frame(code), exc)
    assert res is exc and exc.ob_refcnt == before + 1


def test_invalid_intrinsics() -> None:
    for call in (lambda: I.no_intrinsic1(_tstate, _frame("g"), PyUnicode_FromString("x")),
                 lambda: I.no_intrinsic2(_tstate, _frame("g"), PyUnicode_FromString("x"),
                                         PyUnicode_FromString("y"))):
        with pytest.raises(PyErr) as info:
            call()
        assert info.value.matches(PyExc_SystemError)
        assert info.value.msg == "invalid intrinsic function"


def test_tables_and_names() -> None:
    assert len(I._PyIntrinsics_UnaryFunctions) == I.MAX_INTRINSIC_1 + 1
    assert len(I._PyIntrinsics_BinaryFunctions) == I.MAX_INTRINSIC_2 + 1
    name = I._PyCompile_GetUnaryIntrinsicName(I.INTRINSIC_IMPORT_STAR)
    assert isinstance(name, PyUnicodeObject) and name.value == "INTRINSIC_IMPORT_STAR"
    name = I._PyCompile_GetBinaryIntrinsicName(I.INTRINSIC_SET_TYPEPARAM_DEFAULT)
    assert isinstance(name, PyUnicodeObject) and name.value == "INTRINSIC_SET_TYPEPARAM_DEFAULT"
