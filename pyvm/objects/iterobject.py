"""Ports Objects/iterobject.c: the sequence iterator, the callable iterator and anext_awaitable.

``iter(obj)`` on an object that has ``__getitem__`` but no ``__iter__`` gives a
sequence iterator (type ``iterator``) that calls ``obj[0]``, ``obj[1]`` … until
IndexError or StopIteration. ``iter(callable, sentinel)`` gives a
``callable_iterator`` that calls ``callable()`` until the result equals
``sentinel``. ``anext(aiterator, default)`` gives an ``anext_awaitable``:
it drives the awaitable ``aiterator.__anext__()`` returns and turns its
StopAsyncIteration into ``StopIteration(default)``, the "return value" of the
awaitable.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NotImplemented,
    Py_TPFLAGS_HAVE_GC,
    PyErr,
    _PyErr_Clear,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_RichCompareBool,
    PyObject_SelfIter,
    PyTypeObject,
    visitproc,
)
from pyvm.objects.call import (
    PyObject_CallNoArgs, PyObject_CallMethod,
)
from pyvm.objects.abstract import PyIter_Check
from pyvm.objects.tupleobject import PyTupleObject
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    PyExc_IndexError,
    PyExc_StopAsyncIteration,
    PyExc_StopIteration,
    PyExc_TypeError,
)
from pyvm.objects.longobject import (
    PyLong_FromLong,
)
from pyvm.objects.methodobject import (
    METH_NOARGS,
    METH_O,
    METH_VARARGS,
    PyMethodDef,
)

PySeqIter_Type: Final = PyTypeObject("iterator", flags=Py_TPFLAGS_HAVE_GC)
PyCallIter_Type: Final = PyTypeObject("callable_iterator", flags=Py_TPFLAGS_HAVE_GC)
_PyAnextAwaitable_Type: Final = PyTypeObject("anext_awaitable", flags=Py_TPFLAGS_HAVE_GC)


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
            _PyErr_Clear(e)
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
            _PyErr_Clear(e)
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


# ---------------------------------------------------------------------------
# anext_awaitable: what anext(aiterator, default) returns


class anextawaitableobject(PyObject):
    """pyvm: C's ``anextawaitableobject`` struct of Objects/iterobject.c.

    Both fields are strong references, set for the object's whole life."""

    wrapped: PyObject
    default_value: PyObject

    def __init__(self, wrapped: PyObject, default_value: PyObject) -> None:
        super().__init__(_PyAnextAwaitable_Type)
        self.wrapped = wrapped
        self.default_value = default_value


def _anext_cast(op: PyObject) -> anextawaitableobject:
    """pyvm: C's ``anextawaitableobject_CAST``."""
    assert isinstance(op, anextawaitableobject)
    return op


def anextawaitable_dealloc(op: PyObject) -> None:
    """CPython: Objects/iterobject.c:anextawaitable_dealloc"""
    obj = _anext_cast(op)
    Py_DECREF(obj.wrapped)
    Py_DECREF(obj.default_value)


def anextawaitable_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/iterobject.c:anextawaitable_traverse"""
    obj = _anext_cast(op)
    visit(obj.wrapped)
    visit(obj.default_value)


def anextawaitable_getiter(obj: anextawaitableobject) -> PyObject:
    """CPython: Objects/iterobject.c:anextawaitable_getiter

    The iterator that drives the wrapped awaitable (a new reference): the
    awaitable itself for a generator or an iterator, ``__await__()`` of a
    coroutine (the only kind without ``tp_iternext``).
    """
    from pyvm.objects.genobject import (  # cycle: genobject -> traceback -> bltinmodule -> iterobject
        PyCoro_CheckExact, _PyCoro_GetAwaitableIter,
    )
    awaitable = _PyCoro_GetAwaitableIter(obj.wrapped)
    if awaitable.ob_type.tp_iternext is None:
        assert PyCoro_CheckExact(awaitable)
        getter = awaitable.ob_type.am_await
        assert getter is not None
        try:
            new_awaitable = getter(awaitable)
        finally:
            Py_DECREF(awaitable)
        awaitable = new_awaitable
        if not PyIter_Check(awaitable):
            Py_DECREF(awaitable)
            PyErr_SetString(PyExc_TypeError, "__await__ returned a non-iterable")
    return awaitable


def _anext_stop(obj: anextawaitableobject) -> None:
    """pyvm: C's ``PyErr_Clear(); _PyGen_SetStopIterationValue(default)``
    (raises the StopIteration in place of the StopAsyncIteration)."""
    from pyvm.objects.genobject import _PyGen_SetStopIterationValue  # cycle: genobject -> traceback -> bltinmodule -> iterobject
    _PyGen_SetStopIterationValue(obj.default_value)


def anextawaitable_iternext(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/iterobject.c:anextawaitable_iternext

    ``await anext(a, d)`` calls ``a.__anext__().__await__().__next__()``
    (or ``__next__()`` directly on an async generator's awaitable); the
    exhausted iterator's StopAsyncIteration becomes ``StopIteration(d)``.
    """
    obj = _anext_cast(op)
    awaitable = anextawaitable_getiter(obj)
    nxt = awaitable.ob_type.tp_iternext
    assert nxt is not None
    try:
        result = nxt(awaitable)
    except PyErr as e:
        if e.matches(PyExc_StopAsyncIteration):
            _anext_stop(obj)
        raise
    finally:
        Py_DECREF(awaitable)
    return result


def anextawaitable_proxy(obj: anextawaitableobject, meth: str,
                         arg: Optional[PyObject]) -> PyObject:
    """CPython: Objects/iterobject.c:anextawaitable_proxy

    Calls ``meth`` on the driving iterator. C passes ``arg`` through
    ``PyObject_CallMethod(awaitable, meth, "O", arg)``, which spreads a
    tuple over the arguments (the METH_VARARGS tuple of ``throw``, and a
    tuple sent by ``send`` too).
    """
    awaitable = anextawaitable_getiter(obj)
    args: list[PyObject] = []
    if arg is not None:
        if isinstance(arg, PyTupleObject):
            args = list(arg.ob_item)
        else:
            args = [arg]
    try:
        return PyObject_CallMethod(awaitable, meth, args)
    except PyErr as e:
        if e.matches(PyExc_StopAsyncIteration):
            # anext_awaitable exists only for anext() with a default: the
            # StopAsyncIteration becomes StopIteration(default), as if the
            # __anext__() coroutine had returned the default.
            _anext_stop(obj)
        raise
    finally:
        Py_DECREF(awaitable)


def anextawaitable_send(op: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/iterobject.c:anextawaitable_send"""
    return anextawaitable_proxy(_anext_cast(op), "send", arg)


def anextawaitable_throw(op: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/iterobject.c:anextawaitable_throw"""
    return anextawaitable_proxy(_anext_cast(op), "throw", args)


def anextawaitable_close(op: PyObject) -> PyObject:
    """CPython: Objects/iterobject.c:anextawaitable_close"""
    return anextawaitable_proxy(_anext_cast(op), "close", None)


def PyAnextAwaitable_New(awaitable: PyObject, default_value: PyObject) -> PyObject:
    """CPython: Objects/iterobject.c:PyAnextAwaitable_New

    Returns a new reference; both arguments are borrowed."""
    Py_INCREF(awaitable)
    Py_INCREF(default_value)
    return anextawaitableobject(awaitable, default_value)


_send_doc: Final = ("send(arg) -> send 'arg' into the wrapped iterator,\n"
                    "return next yielded value or raise StopIteration.")
_throw_doc: Final = ("throw(value)\nthrow(typ[,val[,tb]])\n\n"
                     "raise exception in the wrapped iterator, return next yielded value\n"
                     "or raise StopIteration.\n"
                     "the (type, val, tb) signature is deprecated, \n"
                     "and may be removed in a future version of Python.")
_close_doc: Final = "close() -> raise GeneratorExit inside generator."


def _init_types() -> None:
    """pyvm: the static initializers of the three types."""
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
    a = _PyAnextAwaitable_Type
    a.tp_dealloc = anextawaitable_dealloc
    a.tp_traverse = anextawaitable_traverse
    a.tp_getattro = PyObject_GenericGetAttr
    a.am_await = PyObject_SelfIter
    a.tp_iter = PyObject_SelfIter
    a.tp_iternext = anextawaitable_iternext
    _PyType_AddMethods(a, [
        PyMethodDef("send", anextawaitable_send, METH_O, _send_doc),
        PyMethodDef("throw", anextawaitable_throw, METH_VARARGS, _throw_doc),
        PyMethodDef("close", anextawaitable_close, METH_NOARGS, _close_doc),
    ])


_init_types()
