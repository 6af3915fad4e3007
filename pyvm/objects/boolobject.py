"""Ports Objects/boolobject.c: the ``bool`` type.

``bool`` is a subclass of ``int``; ``True`` and ``False`` are immortal
``PyLongObject``s whose ``ob_type`` is ``PyBool_Type`` (they are created in
longobject.py, which every int comparison needs, and re-exported here). Every
arithmetic slot is int's, inherited by ``PyType_Ready``; bool only overrides
``repr`` and the bitwise ``& | ^``, which stay bools when both sides are bools.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

from pyvm.objects.longobject import (
    PyBool_FromLong,
    PyBool_Type,
    Py_False,
    Py_True,
    PyLongObject,
    long_and,
    long_invert,
    long_or,
    long_xor,
)
from pyvm.objects.object import (
    Py_NotImplemented,
    PyErr_Format,
    PyObject,
    PyObject_IsTrue,
    PyTypeObject,
)

__all__ = ["PyBool_Type", "Py_True", "Py_False", "PyBool_FromLong", "PyBool_Check"]


def PyBool_Check(op: PyObject) -> bool:
    """CPython: Include/boolobject.h:PyBool_Check"""
    return op.ob_type is PyBool_Type


def bool_repr(op: PyObject) -> PyObject:
    """CPython: Objects/boolobject.c:bool_repr"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return PyUnicode_InternFromString("True" if op is Py_True else "False")


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_Format(PyExc_TypeError, msg)


def bool_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/boolobject.c:bool_new"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    if kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle
        if PyDict_Size(kwds) > 0:
            _type_error("bool() takes no keyword arguments")
    assert isinstance(args, PyTupleObject)
    items = args.ob_item
    if len(items) > 1:
        _type_error(f"bool expected at most 1 argument, got {len(items)}")
    if len(items) == 0:
        return Py_False
    return PyBool_FromLong(1 if PyObject_IsTrue(items[0]) else 0)


def bool_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                    kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/boolobject.c:bool_vectorcall"""
    if kwnames is not None:
        from pyvm.objects.tupleobject import PyTupleObject  # cycle
        assert isinstance(kwnames, PyTupleObject)
        if len(kwnames.ob_item) > 0:
            _type_error("bool() takes no keyword arguments")
    if nargs > 1:
        _type_error(f"bool expected at most 1 argument, got {nargs}")
    if nargs == 0:
        return Py_False
    return PyBool_FromLong(1 if PyObject_IsTrue(args[start]) else 0)


def bool_and(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/boolobject.c:bool_and"""
    if a.ob_type is not PyBool_Type or b.ob_type is not PyBool_Type:
        return long_and(a, b)
    return PyBool_FromLong(1 if (a is Py_True and b is Py_True) else 0)


def bool_or(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/boolobject.c:bool_or"""
    if a.ob_type is not PyBool_Type or b.ob_type is not PyBool_Type:
        return long_or(a, b)
    return PyBool_FromLong(1 if (a is Py_True or b is Py_True) else 0)


def bool_xor(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/boolobject.c:bool_xor"""
    if a.ob_type is not PyBool_Type or b.ob_type is not PyBool_Type:
        return long_xor(a, b)
    return PyBool_FromLong(1 if (a is Py_True) != (b is Py_True) else 0)


def bool_invert(v: PyObject) -> PyObject:
    """CPython: Objects/boolobject.c:bool_invert

    ``~True`` is deprecated (3.12): a DeprecationWarning, then int's inversion.
    """
    from pyvm.objects.exceptions import PyExc_DeprecationWarning  # cycle: exceptions -> bool
    from pyvm.modules._warningsmodule import PyErr_WarnEx  # cycle: it imports this module
    PyErr_WarnEx(PyExc_DeprecationWarning,
                 "Bitwise inversion '~' on bool is deprecated and will be removed in "
                 "Python 3.16. This returns the bitwise inversion of the underlying int "
                 "object and is usually not what you expect from negating a bool. "
                 "Use the 'not' operator for boolean negation or ~int(x) if you really "
                 "want the bitwise inversion of the underlying int.", 1)
    return long_invert(v)


def _bool_value(op: PyObject) -> bool:
    """pyvm: the truth of a bool object."""
    assert isinstance(op, PyLongObject)
    return op.ob_ival != 0


def _init_type() -> None:
    """pyvm: the static initializer of ``PyBool_Type``."""
    tp = PyBool_Type
    tp.tp_repr = bool_repr
    tp.tp_new = bool_new
    tp.tp_vectorcall = bool_vectorcall
    tp.nb_and = bool_and
    tp.nb_or = bool_or
    tp.nb_xor = bool_xor
    tp.nb_invert = bool_invert
    # pyvm: bool's other slots are int's, inherited when PyType_Ready runs; the
    # generic entry points ready a type whose slot they find missing.


_init_type()
__all__ += ["Py_NotImplemented"]
