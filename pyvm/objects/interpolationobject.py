"""Ports Objects/interpolationobject.c: ``string.templatelib.Interpolation``,
one ``{expression!conversion:format_spec}`` part of a t-string (PEP 750).

An Interpolation holds the evaluated ``value``, the source text of the
``expression``, the ``conversion`` (``'s'``, ``'r'``, ``'a'`` or None) and the
``format_spec``; nothing is converted or formatted: that is left to whoever
processes the Template. ``BUILD_INTERPOLATION`` makes one with
:func:`_PyInterpolation_Build`; a program can also call the type.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.compile.opcode import FVC_ASCII, FVC_REPR, FVC_STR
from pyvm.objects.descrobject import Py_READONLY, PyMemberDef, _PyType_AddMembers, _PyType_AddMethods
from pyvm.objects.dictobject import PyDict_SetItem
from pyvm.objects.exceptions import PyExc_SystemError, PyExc_TypeError, PyExc_ValueError
from pyvm.objects.abstract import Py_GenericAlias
from pyvm.objects.methodobject import METH_CLASS, METH_NOARGS, METH_O, PyMethodDef
from pyvm.objects.object import (
    Py_DECREF,
    Py_INCREF,
    Py_None,
    Py_TPFLAGS_HAVE_GC,
    Py_XDECREF,
    PyErr_SetString,
    PyObject,
    PyTypeObject,
    _PyObject_ReprStr,
)
from pyvm.objects.tupleobject import _PyTuple_FromArray, _PyTuple_FromArraySteal
from pyvm.objects.typeobject import PyType_Ready, _PyType_Name
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicodeObject,
    _PyArg_UnpackKeywords,
)
from pyvm.objects.typevarobject import _unpack_new_args

_PyInterpolation_Type: Final = PyTypeObject(
    "string.templatelib.Interpolation", None, Py_TPFLAGS_HAVE_GC, "Interpolation object")


class interpolationobject(PyObject):
    """pyvm: C's ``interpolationobject`` struct of Objects/interpolationobject.c.

    The four fields are owned references (None only once cleared).
    """

    value: Optional[PyObject]
    expression: Optional[PyObject]
    conversion: Optional[PyObject]
    format_spec: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, value: PyObject, expression: PyObject,
                 conversion: PyObject, format_spec: PyObject) -> None:
        super().__init__(tp)
        self.value = value
        self.expression = expression
        self.conversion = conversion
        self.format_spec = format_spec


def _PyInterpolation_CheckExact(op: PyObject) -> bool:
    """CPython: Include/internal/pycore_interpolation.h:_PyInterpolation_CheckExact"""
    return op.ob_type is _PyInterpolation_Type


def _interp(op: PyObject) -> interpolationobject:
    """CPython: Objects/interpolationobject.c:interpolationobject_CAST"""
    assert isinstance(op, interpolationobject)
    return op


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def _conversion_converter(arg: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:_conversion_converter

    Checks the ``conversion`` argument: None or one of ``'s'``, ``'r'``, ``'a'``
    (borrowed).
    """
    if arg is Py_None:
        return arg
    if not isinstance(arg, PyUnicodeObject):
        _type_error(f"Interpolation() argument 'conversion' must be str, not "
                    f"{arg.ob_type.tp_name}")
    if arg.value not in ("a", "r", "s"):
        PyErr_SetString(PyExc_ValueError,
                        "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'")
    return arg


def interpolation_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/interpolationobject.c:interpolation_new_impl

    ``Interpolation(value, expression="", conversion=None, format_spec="")``
    (with the clinic wrapper's argument parsing).
    """
    vals, _ = _unpack_new_args("Interpolation", args, kwds,
                               ["value", "expression", "conversion", "format_spec"],
                               1, 4, False)
    value = vals[0]
    assert value is not None
    empty = PyUnicode_InternFromString("")
    expression = vals[1] if vals[1] is not None else empty
    if not isinstance(expression, PyUnicodeObject):
        _type_error(f"Interpolation() argument 'expression' must be str, not "
                    f"{expression.ob_type.tp_name}")
    conversion = _conversion_converter(vals[2]) if vals[2] is not None else Py_None
    format_spec = vals[3] if vals[3] is not None else empty
    if not isinstance(format_spec, PyUnicodeObject):
        _type_error(f"Interpolation() argument 'format_spec' must be str, not "
                    f"{format_spec.ob_type.tp_name}")
    for o in (value, expression, conversion, format_spec):
        Py_INCREF(o)
    return interpolationobject(tp, value, expression, conversion, format_spec)


def interpolation_clear(op: PyObject) -> bool:
    """CPython: Objects/interpolationobject.c:interpolation_clear"""
    self_ = _interp(op)
    for v in (self_.value, self_.expression, self_.conversion, self_.format_spec):
        Py_XDECREF(v)
    self_.value = self_.expression = self_.conversion = self_.format_spec = None
    return False


def interpolation_dealloc(op: PyObject) -> None:
    """CPython: Objects/interpolationobject.c:interpolation_dealloc"""
    interpolation_clear(op)


def interpolation_repr(op: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:interpolation_repr

    ``Interpolation(value, 'expr', conversion, 'spec')``.
    """
    self_ = _interp(op)
    parts: list[str] = []
    for v in (self_.value, self_.expression, self_.conversion, self_.format_spec):
        assert v is not None
        parts.append(_PyObject_ReprStr(v))
    return PyUnicode_FromString(f"{_PyType_Name(op.ob_type)}({', '.join(parts)})")


def _member(v: Optional[PyObject]) -> PyObject:
    """pyvm: a ``Py_T_OBJECT_EX`` member read (a new reference)."""
    assert v is not None
    Py_INCREF(v)
    return v


def interpolation_get_value(op: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:value (the member)"""
    return _member(_interp(op).value)


def interpolation_get_expression(op: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:expression (the member)"""
    return _member(_interp(op).expression)


def interpolation_get_conversion(op: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:conversion (the member)"""
    return _member(_interp(op).conversion)


def interpolation_get_format_spec(op: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:format_spec (the member)"""
    return _member(_interp(op).format_spec)


def interpolation_reduce(op: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:interpolation_reduce

    ``(type, (value, expression, conversion, format_spec))``.
    """
    self_ = _interp(op)
    fields: list[PyObject] = []
    for v in (self_.value, self_.expression, self_.conversion, self_.format_spec):
        assert v is not None
        fields.append(v)
    inner = _PyTuple_FromArray(fields)
    Py_INCREF(op.ob_type)
    return _PyTuple_FromArraySteal([op.ob_type, inner])


def _PyInterpolation_InitTypes() -> None:
    """CPython: Objects/interpolationobject.c:_PyInterpolation_InitTypes

    pyvm: also fills the type's slots and tables (C's static initializer), then
    adds ``__match_args__`` as C does.
    """
    tp = _PyInterpolation_Type
    tp.tp_new = interpolation_new
    tp.tp_dealloc = interpolation_dealloc
    tp.tp_clear = interpolation_clear
    tp.tp_repr = interpolation_repr
    _PyType_AddMembers(tp, [
        PyMemberDef("value", interpolation_get_value, None, Py_READONLY, "Value"),
        PyMemberDef("expression", interpolation_get_expression, None, Py_READONLY, "Expression"),
        PyMemberDef("conversion", interpolation_get_conversion, None, Py_READONLY, "Conversion"),
        PyMemberDef("format_spec", interpolation_get_format_spec, None, Py_READONLY,
                    "Format specifier"),
    ])
    _PyType_AddMethods(tp, [
        PyMethodDef("__reduce__", interpolation_reduce, METH_NOARGS,
                    "__reduce__() -> (cls, state)"),
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "Interpolations are generic over the types of their values"),
    ])
    PyType_Ready(tp)
    d = tp.tp_dict
    assert d is not None
    t = _PyTuple_FromArraySteal([PyUnicode_FromString(s) for s in
                                 ("value", "expression", "conversion", "format_spec")])
    PyDict_SetItem(d, PyUnicode_InternFromString("__match_args__"), t)
    Py_DECREF(t)


def _PyInterpolation_Build(value: PyObject, str_: PyObject, conversion: int,
                           format_spec: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:_PyInterpolation_Build

    ``BUILD_INTERPOLATION``: ``conversion`` is the ``FVC_*`` code of the
    oparg (0 for none). Borrowed arguments; returns a new reference.
    """
    if conversion == 0:
        conv: PyObject = Py_None
    elif conversion == FVC_ASCII:
        conv = PyUnicode_InternFromString("a")
    elif conversion == FVC_REPR:
        conv = PyUnicode_InternFromString("r")
    elif conversion == FVC_STR:
        conv = PyUnicode_InternFromString("s")
    else:
        PyErr_SetString(PyExc_SystemError,
                        "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'")
    for o in (value, str_, conv, format_spec):
        Py_INCREF(o)
    return interpolationobject(_PyInterpolation_Type, value, str_, conv, format_spec)


def _PyInterpolation_GetValueRef(interpolation: PyObject) -> PyObject:
    """CPython: Objects/interpolationobject.c:_PyInterpolation_GetValueRef"""
    return _member(_interp(interpolation).value)


_PyInterpolation_InitTypes()
