"""Ports Objects/templateobject.c: ``string.templatelib.Template``, the value
of a t-string (PEP 750), and its iterator.

A Template keeps two tuples: ``strings`` (the literal parts, always one more
than the interpolations, empty strings included) and ``interpolations``
(Interpolation objects, see interpolationobject.py). ``BUILD_TEMPLATE``
makes one from the two tuples the compiler built (:func:`_PyTemplate_Build`);
calling the type takes the parts in order and merges adjacent strings.
Iterating yields the parts in order, skipping empty strings; ``+`` joins two
templates (the last string of the left one and the first of the right one are
concatenated). ``__reduce__`` needs ``string.templatelib`` (a Python module
pyvm cannot import yet) and is missing.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.abstract import Py_GenericAlias, PyIter_Next, PyObject_GetIter, PySequence_Concat
from pyvm.objects.descrobject import (
    Py_READONLY,
    PyGetSetDef,
    PyMemberDef,
    _PyType_AddGetSets,
    _PyType_AddMembers,
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import PyExc_TypeError
from pyvm.objects.methodobject import METH_CLASS, METH_O, PyMethodDef
from pyvm.objects.interpolationobject import (
    _PyInterpolation_CheckExact,
    _PyInterpolation_GetValueRef,
)
from pyvm.objects.object import (
    Py_DECREF,
    Py_INCREF,
    Py_TPFLAGS_HAVE_GC,
    Py_XDECREF,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_SelfIter,
    PyTypeObject,
    _PyObject_ReprStr,
)
from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArraySteal
from pyvm.objects.typeobject import _PyType_Name
from pyvm.objects.unicodeobject import (
    PyUnicode_Concat,
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicodeObject,
)

_PyTemplateIter_Type: Final = PyTypeObject(
    "string.templatelib.TemplateIter", None, Py_TPFLAGS_HAVE_GC, "Template iterator object")
_PyTemplate_Type: Final = PyTypeObject(
    "string.templatelib.Template", None, Py_TPFLAGS_HAVE_GC, "Template object")


class templateiterobject(PyObject):
    """pyvm: C's ``templateiterobject`` struct of Objects/templateobject.c."""

    stringsiter: Optional[PyObject]
    interpolationsiter: Optional[PyObject]
    from_strings: bool

    def __init__(self, stringsiter: PyObject, interpolationsiter: PyObject) -> None:
        super().__init__(_PyTemplateIter_Type)
        self.stringsiter = stringsiter
        self.interpolationsiter = interpolationsiter
        self.from_strings = True


class templateobject(PyObject):
    """pyvm: C's ``templateobject`` struct of Objects/templateobject.c.

    ``strings`` and ``interpolations`` are owned tuples (None once cleared).
    """

    strings: Optional[PyObject]
    interpolations: Optional[PyObject]

    def __init__(self, strings: PyObject, interpolations: PyObject) -> None:
        super().__init__(_PyTemplate_Type)
        self.strings = strings
        self.interpolations = interpolations


def _PyTemplate_CheckExact(op: PyObject) -> bool:
    """CPython: Include/internal/pycore_template.h:_PyTemplate_CheckExact"""
    return op.ob_type is _PyTemplate_Type


def _it(op: PyObject) -> templateiterobject:
    """CPython: Objects/templateobject.c:templateiterobject_CAST"""
    assert isinstance(op, templateiterobject)
    return op


def _tmpl(op: PyObject) -> templateobject:
    """CPython: Objects/templateobject.c:templateobject_CAST"""
    assert isinstance(op, templateobject)
    return op


def _tuple_items(t: Optional[PyObject]) -> list[PyObject]:
    """pyvm: the items of a tuple field."""
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def templateiter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/templateobject.c:templateiter_next

    Alternates strings and interpolations, skipping empty strings.
    """
    self_ = _it(op)
    si = self_.stringsiter
    ii = self_.interpolationsiter
    assert si is not None and ii is not None
    if self_.from_strings:
        item = PyIter_Next(si)
        self_.from_strings = False
        if item is None:
            return None
        if isinstance(item, PyUnicodeObject) and not item.value:
            Py_DECREF(item)
            item = PyIter_Next(ii)
            self_.from_strings = True
    else:
        item = PyIter_Next(ii)
        self_.from_strings = True
    return item


def templateiter_clear(op: PyObject) -> bool:
    """CPython: Objects/templateobject.c:templateiter_clear"""
    self_ = _it(op)
    Py_XDECREF(self_.stringsiter)
    Py_XDECREF(self_.interpolationsiter)
    self_.stringsiter = self_.interpolationsiter = None
    return False


def templateiter_dealloc(op: PyObject) -> None:
    """CPython: Objects/templateobject.c:templateiter_dealloc"""
    templateiter_clear(op)


def template_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/templateobject.c:template_new

    ``Template(*args)``: str and Interpolation parts in order; adjacent strings
    are joined and an empty string separates adjacent interpolations.
    """
    if kwds is not None:
        PyErr_SetString(PyExc_TypeError, "Template.__new__ only accepts *args arguments")
    items = _tuple_items(args)
    for item in items:
        if not isinstance(item, PyUnicodeObject) and not _PyInterpolation_CheckExact(item):
            PyErr_SetString(PyExc_TypeError,
                            "Template.__new__ *args need to be of type 'str' or "
                            f"'Interpolation', got {item.ob_type.tp_name}")
    strings: list[PyObject] = []
    interpolations: list[PyObject] = []
    last_was_str = False
    try:
        for item in items:
            if isinstance(item, PyUnicodeObject):
                if last_was_str:
                    laststring = strings[-1]
                    strings[-1] = PyUnicode_Concat(laststring, item)
                    Py_DECREF(laststring)
                else:
                    Py_INCREF(item)
                    strings.append(item)
                last_was_str = True
            else:
                if not last_was_str:
                    strings.append(PyUnicode_InternFromString(""))
                Py_INCREF(item)
                interpolations.append(item)
                last_was_str = False
        if not last_was_str:
            strings.append(PyUnicode_InternFromString(""))
    except PyErr:
        for o in strings + interpolations:
            Py_DECREF(o)
        raise
    st = _PyTuple_FromArraySteal(strings)
    it = _PyTuple_FromArraySteal(interpolations)
    try:
        return _PyTemplate_Build(st, it)
    finally:
        Py_DECREF(st)
        Py_DECREF(it)


def template_clear(op: PyObject) -> bool:
    """CPython: Objects/templateobject.c:template_clear"""
    self_ = _tmpl(op)
    Py_XDECREF(self_.strings)
    Py_XDECREF(self_.interpolations)
    self_.strings = self_.interpolations = None
    return False


def template_dealloc(op: PyObject) -> None:
    """CPython: Objects/templateobject.c:template_dealloc"""
    template_clear(op)


def template_repr(op: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:template_repr"""
    self_ = _tmpl(op)
    assert self_.strings is not None and self_.interpolations is not None
    return PyUnicode_FromString(
        f"{_PyType_Name(op.ob_type)}(strings={_PyObject_ReprStr(self_.strings)}, "
        f"interpolations={_PyObject_ReprStr(self_.interpolations)})")


def template_iter(op: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:template_iter"""
    self_ = _tmpl(op)
    assert self_.strings is not None and self_.interpolations is not None
    stringsiter = PyObject_GetIter(self_.strings)
    try:
        interpolationsiter = PyObject_GetIter(self_.interpolations)
    except PyErr:
        Py_DECREF(stringsiter)
        raise
    return templateiterobject(stringsiter, interpolationsiter)


def template_strings_concat(left: PyObject, right: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:template_strings_concat

    The strings of ``left + right``: the seam's two strings become one.
    """
    li = _tuple_items(left)
    ri = _tuple_items(right)
    concat = PyUnicode_Concat(li[-1], ri[0])
    out: list[PyObject] = []
    for o in li[:-1]:
        Py_INCREF(o)
        out.append(o)
    out.append(concat)
    for o in ri[1:]:
        Py_INCREF(o)
        out.append(o)
    return _PyTuple_FromArraySteal(out)


def template_concat_templates(self_: templateobject, other: templateobject) -> PyObject:
    """CPython: Objects/templateobject.c:template_concat_templates"""
    assert self_.strings is not None and other.strings is not None
    assert self_.interpolations is not None and other.interpolations is not None
    newstrings = template_strings_concat(self_.strings, other.strings)
    try:
        newinterpolations = PySequence_Concat(self_.interpolations, other.interpolations)
        try:
            return _PyTemplate_Build(newstrings, newinterpolations)
        finally:
            Py_DECREF(newinterpolations)
    finally:
        Py_DECREF(newstrings)


def _PyTemplate_Concat(self_: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:_PyTemplate_Concat

    ``sq_concat`` of Template: only another Template can be added.
    """
    if isinstance(self_, templateobject) and isinstance(other, templateobject) \
            and _PyTemplate_CheckExact(self_) and _PyTemplate_CheckExact(other):
        return template_concat_templates(self_, other)
    PyErr_SetString(PyExc_TypeError,
                    "can only concatenate string.templatelib.Template (not "
                    f"\"{other.ob_type.tp_name}\") to string.templatelib.Template")


def template_values_get(op: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:template_values_get

    The ``value`` of every interpolation, as a tuple.
    """
    self_ = _tmpl(op)
    return _PyTuple_FromArraySteal([_PyInterpolation_GetValueRef(i)
                                    for i in _tuple_items(self_.interpolations)])


def template_get_strings(op: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:strings (the member)"""
    s = _tmpl(op).strings
    assert s is not None
    Py_INCREF(s)
    return s


def template_get_interpolations(op: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:interpolations (the member)"""
    s = _tmpl(op).interpolations
    assert s is not None
    Py_INCREF(s)
    return s


def _PyTemplate_Build(strings: PyObject, interpolations: PyObject) -> PyObject:
    """CPython: Objects/templateobject.c:_PyTemplate_Build

    ``BUILD_TEMPLATE``: a Template over the two tuples (borrowed; the
    Template takes its own references). Returns a new reference.
    """
    Py_INCREF(strings)
    Py_INCREF(interpolations)
    return templateobject(strings, interpolations)


def _template_init_types() -> None:
    """pyvm: the static initializers of ``_PyTemplate_Type`` and
    ``_PyTemplateIter_Type``."""
    it = _PyTemplateIter_Type
    it.tp_dealloc = templateiter_dealloc
    it.tp_clear = templateiter_clear
    it.tp_iter = PyObject_SelfIter
    it.tp_iternext = templateiter_next
    tp = _PyTemplate_Type
    tp.sq_concat = _PyTemplate_Concat
    tp.tp_new = template_new
    tp.tp_dealloc = template_dealloc
    tp.tp_clear = template_clear
    tp.tp_repr = template_repr
    tp.tp_iter = template_iter
    _PyType_AddMethods(tp, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "Template supports [] for generic usage"),
    ])
    _PyType_AddMembers(tp, [
        PyMemberDef("strings", template_get_strings, None, Py_READONLY, "Strings"),
        PyMemberDef("interpolations", template_get_interpolations, None, Py_READONLY,
                    "Interpolations"),
    ])
    _PyType_AddGetSets(tp, [
        PyGetSetDef("values", template_values_get, None, "Values of interpolations"),
    ])


_template_init_types()
