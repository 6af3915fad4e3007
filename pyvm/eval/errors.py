"""Ports Python/errors.c: the parts that need the exception types and the
thread state (exception matching and implicit chaining).

pyvm: most of errors.c lives in pyvm/objects/object.py (raising is a host
exception there); these two functions need the exception and tuple types and
the handled-exception stack, which sit above object.py, so they have this
small module of their own, below the eval loop and the generator objects that
use them.
"""

from __future__ import annotations

from pyvm.pystate import PyThreadState, _PyErr_GetTopmostException
from pyvm.objects.exceptions import (
    PyException_GetContext, PyException_SetContext, PyExceptionClass_Check,
    PyExceptionInstance_Check,
)
from pyvm.objects.object import Py_DECREF, Py_INCREF, Py_None, PyObject, PyType_IsSubtype, PyTypeObject
from pyvm.objects.tupleobject import PyTupleObject


def PyErr_GivenExceptionMatches(err: PyObject, exc: PyObject) -> bool:
    """CPython: Python/errors.c:PyErr_GivenExceptionMatches

    ``err`` is an exception instance or class, ``exc`` a class or a tuple of
    them.
    """
    if isinstance(exc, PyTupleObject):
        for e in exc.ob_item:
            if PyErr_GivenExceptionMatches(err, e):
                return True
        return False
    if PyExceptionInstance_Check(err):
        t: PyObject = err.ob_type
    else:
        t = err
    if isinstance(t, PyTypeObject) and isinstance(exc, PyTypeObject) \
            and PyExceptionClass_Check(t) and PyExceptionClass_Check(exc):
        return PyType_IsSubtype(t, exc)
    return t is exc


def _PyErr_SetContext(tstate: PyThreadState, value: PyObject) -> None:
    """CPython: Python/errors.c:_PyErr_SetObject

    The implicit chaining half of ``_PyErr_SetObject``: a newly raised
    exception gets the exception being handled as its ``__context__``,
    cutting any cycle that would form through the context chain (Floyd's
    algorithm, as C does).
    """
    exc_value = _PyErr_GetTopmostException(tstate).exc_value
    if exc_value is None or exc_value is Py_None or exc_value is value:
        return
    o = exc_value
    slow_o = o
    slow_update_toggle = False
    while True:
        context = PyException_GetContext(o)
        if context is None:
            break
        Py_DECREF(context)
        if context is value:
            PyException_SetContext(o, None)
            break
        o = context
        if o is slow_o:
            break
        if slow_update_toggle:
            s = PyException_GetContext(slow_o)
            assert s is not None
            Py_DECREF(s)
            slow_o = s
        slow_update_toggle = not slow_update_toggle
    Py_INCREF(exc_value)
    PyException_SetContext(value, exc_value)
