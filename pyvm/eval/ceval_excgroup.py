"""Ports the except* helpers of Python/ceval.c: ``_PyEval_ExceptionGroupMatch`` and
``_PyEval_CheckExceptStarTypeValid``, which the ``CHECK_EG_MATCH`` instruction of
Python/bytecodes.c calls.

An ``except* T`` clause compiles to ``CHECK_EG_MATCH`` with the exception being
handled and ``T`` on the stack. The instruction first checks ``T``
(:func:`_PyEval_CheckExceptStarTypeValid`: exception classes only, and no
exception group class), then splits the exception
(:func:`_PyEval_ExceptionGroupMatch`) into the part the clause handles
(``match``) and the part left for the next clause (``rest``). A naked exception
that matches is wrapped in a new ``ExceptionGroup("", (exc,))`` whose traceback
is one entry for the current frame, as C builds it. At the end of the ``try``
statement the ``PREP_RERAISE_STAR`` intrinsic
(``pyvm.objects.exceptions._PyExc_PrepReraiseStar``) computes what to raise.

In C these return ``-1`` with an exception set on failure; here they raise
``PyErr``, and the out-parameters of ``_PyEval_ExceptionGroupMatch`` become the
returned pair.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

from pyvm.eval.errors import PyErr_GivenExceptionMatches
from pyvm.eval.frame import _PyInterpreterFrame, _PyInterpreterFrame_LASTI
from pyvm.eval.traceback import tb_create_raw
from pyvm.objects.exceptions import (
    PyException_SetTraceback,
    PyExc_BaseExceptionGroup,
    PyExc_TypeError,
    PyExceptionInstance_Check,
    _PyBaseExceptionGroup_Check,
    _PyExc_CreateExceptionGroup,
)
from pyvm.objects.frameobject import _PyFrame_GetFrameObject
from pyvm.objects.object import Py_DECREF, Py_INCREF, Py_None, PyErr_SetString, PyObject
from pyvm.objects.tupleobject import PyTuple_CheckExact, PyTupleObject, _PyTuple_FromArray
from pyvm.objects.call import PyObject_CallMethod
from pyvm.objects.abstract import PyObject_IsSubclass

# CPython: Python/ceval.c:CANNOT_EXCEPT_STAR_EG
CANNOT_EXCEPT_STAR_EG: Final = ("catching ExceptionGroup with except* "
                         "is not allowed. Use except instead.")


def _PyEval_ExceptionGroupMatch(frame: _PyInterpreterFrame, exc_value: PyObject,
                                match_type: PyObject) -> tuple[PyObject, PyObject]:
    """CPython: Python/ceval.c:_PyEval_ExceptionGroupMatch

    Returns ``(match, rest)``, two new references (each an exception or None):

    * ``exc_value`` None: ``(None, None)``;
    * ``exc_value`` matches ``match_type`` as a whole: ``(exc_value, None)`` for a
      group, ``(ExceptionGroup("", [exc_value]), None)`` for a naked exception
      (the new group's ``__traceback__`` is one entry for ``frame``);
    * a group that matches in part: ``exc_value.split(match_type)``;
    * otherwise ``(None, exc_value)``.

    ``exc_value`` and ``match_type`` are borrowed. On failure it raises and
    returns nothing (C returns -1 with both outputs NULL). The caller
    (``CHECK_EG_MATCH``) makes a non-None ``match`` the handled exception
    (``PyErr_SetHandledException``) and pushes ``rest`` then ``match``.
    """
    if exc_value is Py_None:
        return Py_None, Py_None
    assert PyExceptionInstance_Check(exc_value)
    if PyErr_GivenExceptionMatches(exc_value, match_type):
        # Full match of exc itself.
        if _PyBaseExceptionGroup_Check(exc_value):
            Py_INCREF(exc_value)
            match = exc_value
        else:
            # A naked exception: wrap it.
            excs = _PyTuple_FromArray([exc_value])
            try:
                wrapped = _PyExc_CreateExceptionGroup("", excs)
            finally:
                Py_DECREF(excs)
            f = _PyFrame_GetFrameObject(frame)  # borrowed
            # C's _PyTraceBack_FromFrame(NULL, f) (Python/traceback.c).
            tb = tb_create_raw(None, f, _PyInterpreterFrame_LASTI(frame) * 2, -1)
            PyException_SetTraceback(wrapped, tb)
            Py_DECREF(tb)
            match = wrapped
        return match, Py_None

    # exc_value does not match match_type: a group may match in part.
    if _PyBaseExceptionGroup_Check(exc_value):
        pair = PyObject_CallMethod(exc_value, "split", [match_type])
        if not PyTuple_CheckExact(pair):
            tname = pair.ob_type.tp_name
            Py_DECREF(pair)
            PyErr_SetString(PyExc_TypeError,
                            f"{exc_value.ob_type.tp_name}.split must return a tuple, not {tname}")
        assert isinstance(pair, PyTupleObject)
        # Tuples longer than 2 are allowed, for backwards compatibility.
        if len(pair.ob_item) < 2:
            n = len(pair.ob_item)
            Py_DECREF(pair)
            PyErr_SetString(PyExc_TypeError,
                            f"{exc_value.ob_type.tp_name}.split must return a 2-tuple, "
                            f"got tuple of size {n}")
        match = pair.ob_item[0]
        rest = pair.ob_item[1]
        Py_INCREF(match)
        Py_INCREF(rest)
        Py_DECREF(pair)
        return match, rest
    # No match.
    Py_INCREF(exc_value)
    return Py_None, exc_value


def _PyEval_CheckExceptStarTypeValid(right: PyObject) -> None:
    """CPython: Python/ceval.c:_PyEval_CheckExceptStarTypeValid

    Raises TypeError unless ``right`` (borrowed) is an exception class or a
    tuple of them (``_PyEval_CheckExceptTypeValid``), and none of them is a
    subclass of ``BaseExceptionGroup``. C's ``tstate`` argument is implicit.
    """
    from pyvm.eval.ceval import _PyEval_CheckExceptTypeValid  # cycle: the loop imports this module
    _PyEval_CheckExceptTypeValid(right)
    # Reject except* ExceptionGroup.
    is_subclass = False
    if isinstance(right, PyTupleObject):
        for exc in right.ob_item:
            is_subclass = PyObject_IsSubclass(exc, PyExc_BaseExceptionGroup)
            if is_subclass:
                break
    else:
        is_subclass = PyObject_IsSubclass(right, PyExc_BaseExceptionGroup)
    if is_subclass:
        PyErr_SetString(PyExc_TypeError, CANNOT_EXCEPT_STAR_EG)
