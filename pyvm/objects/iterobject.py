"""Ports Objects/iterobject.c: the sequence iterator and the callable iterator.

``iter(obj)`` on an object that has ``__getitem__`` but no ``__iter__`` gives a
sequence iterator (type ``iterator``) that calls ``obj[0]``, ``obj[1]`` … until
IndexError or StopIteration. ``iter(callable, sentinel)`` gives a
``callable_iterator`` that calls ``callable()`` until the result equals
``sentinel``.
"""

from __future__ import annotations

from typing import Final, Optional

from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NotImplemented,
    Py_TPFLAGS_HAVE_GC,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_RichCompareBool,
    PyObject_SelfIter,
    PyTypeObject,
    visitproc,
)
from pyvm.objects.call import (
    PyObject_CallNoArgs,
)
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    PyExc_IndexError,
    PyExc_StopIteration,
    PyExc_TypeError,
)
from pyvm.objects.longobject import (
    PyLong_FromLong,
)
from pyvm.objects.methodobject import (
    METH_NOARGS,
    PyMethodDef,
)

PySeqIter_Type: Final = PyTypeObject("iterator", flags=Py_TPFLAGS_HAVE_GC)
PyCallIter_Type: Final = PyTypeObject("callable_iterator", flags=Py_TPFLAGS_HAVE_GC)


class seqiterobject(PyObject):
    """pyvm: C's ``seqiterobject`` struct of Objects/iterobject.c.

    ``it_seq`` is None once exhausted."""

    it_index: int
    it_seq: Optional[PyObject]

    def __init__(self, seq: PyObject) -> None:
        super().__init__(PySeqIter_Type)
        self.it_index = 0
        self.it_seq = seq


class calliterobject(PyObject):
    """pyvm: C's ``calliterobject`` struct of Objects/iterobject.c."""

    it_callable: Optional[PyObject]
    it_sentinel: Optional[PyObject]

    def __init__(self, callable: PyObject, sentinel: PyObject) -> None:
        super().__init__(PyCallIter_Type)
        self.it_callable = callable
        self.it_sentinel = sentinel


def _PySequence_GetItem(seq: PyObject, i: int) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_GetItem

    pyvm: the ``sq_item`` slot, else ``mp_subscript`` with an int key (a
    class with ``__getitem__`` gets both from its slot wrappers)."""
    f = seq.ob_type.sq_item
    if f is not None:
        return f(seq, i)
    g = seq.ob_type.mp_subscript
    if g is not None:
        key = PyLong_FromLong(i)
        try:
            return g(seq, key)
        finally:
            Py_DECREF(key)
    PyErr_SetString(PyExc_TypeError, f"'{seq.ob_type.tp_name}' object does not support indexing")


def PySeqIter_New(seq: PyObject) -> PyObject:
    """CPython: Objects/iterobject.c:PySeqIter_New"""
    Py_INCREF(seq)
    return seqiterobject(seq)


def iter_iternext(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/iterobject.c:iter_iternext"""
    assert isinstance(op, seqiterobject)
    seq = op.it_seq
    if seq is None:
        return None
    try:
        result = _PySequence_GetItem(seq, op.it_index)
    except PyErr as e:
        if e.matches(PyExc_IndexError) or e.matches(PyExc_StopIteration):
            op.it_seq = None
            Py_DECREF(seq)
            return None
        raise
    op.it_index += 1
    return result


def iter_dealloc(op: PyObject) -> None:
    """CPython: Objects/iterobject.c:iter_dealloc"""
    assert isinstance(op, seqiterobject)
    seq = op.it_seq
    op.it_seq = None
    if seq is not None:
        Py_DECREF(seq)


def iter_len(op: PyObject) -> PyObject:
    """CPython: Objects/iterobject.c:iter_len (``__length_hint__``)"""
    assert isinstance(op, seqiterobject)
    seq = op.it_seq
    if seq is None:
        return PyLong_FromLong(0)
    f = seq.ob_type.sq_length
    if f is None:
        return Py_NotImplemented
    n = f(seq) - op.it_index
    return PyLong_FromLong(n if n > 0 else 0)


def iter_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/iterobject.c:iter_traverse"""
    assert isinstance(op, seqiterobject)
    if op.it_seq is not None:
        visit(op.it_seq)


def calliter_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/iterobject.c:calliter_traverse"""
    assert isinstance(op, calliterobject)
    if op.it_callable is not None:
        visit(op.it_callable)
    if op.it_sentinel is not None:
        visit(op.it_sentinel)


def PyCallIter_New(callable: PyObject, sentinel: PyObject) -> PyObject:
    """CPython: Objects/iterobject.c:PyCallIter_New"""
    Py_INCREF(callable)
    Py_INCREF(sentinel)
    return calliterobject(callable, sentinel)


def calliter_iternext(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/iterobject.c:calliter_iternext"""
    assert isinstance(op, calliterobject)
    func = op.it_callable
    sentinel = op.it_sentinel
    if func is None or sentinel is None:
        return None
    try:
        result = PyObject_CallNoArgs(func)
    except PyErr as e:
        if e.matches(PyExc_StopIteration):
            _calliter_clear(op)
            return None
        raise
    try:
        ok = PyObject_RichCompareBool(result, sentinel, Py_EQ)
    except PyErr:
        Py_DECREF(result)
        raise
    if ok:
        Py_DECREF(result)
        _calliter_clear(op)
        return None
    return result


def _calliter_clear(op: calliterobject) -> None:
    """pyvm: C's ``Py_CLEAR(it->it_callable); Py_CLEAR(it->it_sentinel)``."""
    f = op.it_callable
    s = op.it_sentinel
    op.it_callable = None
    op.it_sentinel = None
    if f is not None:
        Py_DECREF(f)
    if s is not None:
        Py_DECREF(s)


def calliter_dealloc(op: PyObject) -> None:
    """CPython: Objects/iterobject.c:calliter_dealloc"""
    assert isinstance(op, calliterobject)
    _calliter_clear(op)


def _init_types() -> None:
    """pyvm: the static initializers of the two iterator types."""
    PySeqIter_Type.tp_dealloc = iter_dealloc
    PySeqIter_Type.tp_iter = PyObject_SelfIter
    PySeqIter_Type.tp_iternext = iter_iternext
    PySeqIter_Type.tp_traverse = iter_traverse
    PySeqIter_Type.tp_getattro = PyObject_GenericGetAttr
    _PyType_AddMethods(PySeqIter_Type, [PyMethodDef("__length_hint__", iter_len, METH_NOARGS)])
    PyCallIter_Type.tp_dealloc = calliter_dealloc
    PyCallIter_Type.tp_iter = PyObject_SelfIter
    PyCallIter_Type.tp_iternext = calliter_iternext
    PyCallIter_Type.tp_traverse = calliter_traverse
    PyCallIter_Type.tp_getattro = PyObject_GenericGetAttr


_init_types()
