"""Ports Objects/rangeobject.c: the range type and its iterators.

A range holds ``start``, ``stop``, ``step`` and ``length`` as int objects, as C
does (``range(3).start`` is an int object); pyvm keeps their host values beside
them (``istart`` …) so that indexing, ``in`` and iteration do host arithmetic.
C has two iterator types: ``range_iterator`` over C longs and
``longrange_iterator`` over int objects for huge ranges; pyvm's iterator works
on host ints for both and carries the type that C would pick.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_LONG_SUBCLASS,
    Py_TPFLAGS_SEQUENCE,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_Hash,
    PyObject_RichCompareBool,
    PyObject_SelfIter,
    PyTypeObject,
)
from pyvm.objects.boolobject import (
    PyBool_Type,
    Py_False,
    Py_True,
)
from pyvm.objects.descrobject import (
    PyMemberDef,
    _PyType_AddMembers,
    _PyType_AddMethods,
)
from pyvm.objects.dictobject import (
    PyDict_Size,
)
from pyvm.objects.exceptions import (
    PyExc_IndexError,
    PyExc_OverflowError,
    PyExc_TypeError,
    PyExc_ValueError,
)
from pyvm.objects.longobject import (
    PyLongObject,
    PyLong_FromLong,
    PyLong_Type,
)
from pyvm.objects.methodobject import (
    METH_NOARGS,
    METH_O,
    PyMethodDef,
)
from pyvm.objects.tupleobject import (
    PyTupleObject,
    _PyIndex_Check,
    _PyTuple_FromArray,
    _as_index,
    _is_slice,
    _slice_indices,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
)

# CPython: Include/pyport.h:PY_SSIZE_T_MAX (a 64-bit build)
PY_SSIZE_T_MAX: Final = (1 << 63) - 1
# CPython: Include/pyport.h:LONG_MAX
_LONG_MAX: Final = (1 << 63) - 1
_LONG_MIN: Final = -(1 << 63)


class rangeobject(PyObject):
    """pyvm: C's ``rangeobject`` struct of Objects/rangeobject.c."""

    start: PyObject
    stop: PyObject
    step: PyObject
    length: PyObject
    istart: int
    istop: int
    istep: int
    ilen: int

    def __init__(self, start: int, stop: int, step: int, length: int) -> None:
        super().__init__(PyRange_Type)
        self.istart = start
        self.istop = stop
        self.istep = step
        self.ilen = length
        self.start = PyLong_FromLong(start)
        self.stop = PyLong_FromLong(stop)
        self.step = PyLong_FromLong(step)
        self.length = PyLong_FromLong(length)


PyRange_Type: Final = PyTypeObject(
    "range", flags=Py_TPFLAGS_SEQUENCE,
    doc="range(stop) -> range object\n"
        "range(start, stop[, step]) -> range object\n\n"
        "Return an object that produces a sequence of integers from start (inclusive)\n"
        "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
        "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
        "These are exactly the valid indices for a list of 4 elements.\n"
        "When step is given, it specifies the increment (or decrement).")
PyRangeIter_Type: Final = PyTypeObject("range_iterator")
PyLongRangeIter_Type: Final = PyTypeObject("longrange_iterator")


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def _value_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm ValueError."""
    PyErr_SetString(PyExc_ValueError, msg)


def _new_int(v: int) -> PyObject:
    """pyvm: a new int object."""
    return PyLong_FromLong(v)


def get_len_of_range(lo: int, hi: int, step: int) -> int:
    """CPython: Objects/rangeobject.c:get_len_of_range

    (Also ``compute_range_length_long``: host ints do not overflow.)"""
    if step > 0 and lo < hi:
        return (hi - lo - 1) // step + 1
    if step < 0 and lo > hi:
        return (lo - hi - 1) // (-step) + 1
    return 0


def validate_step(step: Optional[PyObject]) -> int:
    """CPython: Objects/rangeobject.c:validate_step"""
    if step is None:
        return 1
    v = _as_index(step)
    if v == 0:
        _value_error("range() arg 3 must not be zero")
    return v


def make_range_object(start: int, stop: int, step: int) -> rangeobject:
    """CPython: Objects/rangeobject.c:make_range_object"""
    return rangeobject(start, stop, step, get_len_of_range(start, stop, step))


def range_from_array(args: list[PyObject]) -> PyObject:
    """CPython: Objects/rangeobject.c:range_from_array"""
    n = len(args)
    if n == 1:
        stop = _as_index(args[0])
        return make_range_object(0, stop, 1)
    if n == 2:
        start = _as_index(args[0])
        stop = _as_index(args[1])
        return make_range_object(start, stop, 1)
    if n == 3:
        start = _as_index(args[0])
        stop = _as_index(args[1])
        step = validate_step(args[2])
        return make_range_object(start, stop, step)
    if n == 0:
        _type_error("range expected at least 1 argument, got 0")
    _type_error(f"range expected at most 3 arguments, got {n}")


def range_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/rangeobject.c:range_new"""
    assert isinstance(args, PyTupleObject)
    if kwds is not None and PyDict_Size(kwds) != 0:
        _type_error("range() takes no keyword arguments")
    return range_from_array(args.ob_item)


def range_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                     kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/rangeobject.c:range_vectorcall"""
    if kwnames is not None and isinstance(kwnames, PyTupleObject) and kwnames.ob_item:
        _type_error("range() takes no keyword arguments")
    return range_from_array(args[start:start + nargs])


def range_dealloc(op: PyObject) -> None:
    """CPython: Objects/rangeobject.c:range_dealloc"""
    assert isinstance(op, rangeobject)
    Py_DECREF(op.start)
    Py_DECREF(op.stop)
    Py_DECREF(op.step)
    Py_DECREF(op.length)


def range_length(op: PyObject) -> int:
    """CPython: Objects/rangeobject.c:range_length"""
    assert isinstance(op, rangeobject)
    if op.ilen > PY_SSIZE_T_MAX:
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C ssize_t")
    return op.ilen


def range_bool(op: PyObject) -> bool:
    """CPython: Objects/rangeobject.c:range_bool"""
    assert isinstance(op, rangeobject)
    return op.ilen != 0


def compute_item(r: rangeobject, i: int) -> int:
    """CPython: Objects/rangeobject.c:compute_item"""
    return r.istart + i * r.istep


def compute_range_item(r: rangeobject, i: int) -> PyObject:
    """CPython: Objects/rangeobject.c:compute_range_item

    With the bounds check of ``range_item``."""
    if i < 0:
        i += r.ilen
    if i < 0 or i >= r.ilen:
        PyErr_SetString(PyExc_IndexError, "range object index out of range")
    return _new_int(compute_item(r, i))


def range_item(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/rangeobject.c:range_item"""
    assert isinstance(op, rangeobject)
    if i < 0 or i >= op.ilen:
        PyErr_SetString(PyExc_IndexError, "range object index out of range")
    return _new_int(compute_item(op, i))


def compute_slice(r: rangeobject, item: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:compute_slice"""
    start, stop, step, slicelen = _slice_indices(item, r.ilen)
    return rangeobject(r.istart + start * r.istep, r.istart + stop * r.istep,
                       step * r.istep, slicelen)


def range_subscript(op: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:range_subscript"""
    assert isinstance(op, rangeobject)
    if _PyIndex_Check(item):
        return compute_range_item(op, _as_index(item))
    if _is_slice(item):
        return compute_slice(op, item)
    _type_error(f"range indices must be integers or slices, not {item.ob_type.tp_name}")


def _exact_int(o: PyObject) -> Optional[int]:
    """pyvm: the host value of an exact int or bool (``PyLong_CheckExact ||
    PyBool_Check``), else None."""
    if isinstance(o, PyLongObject) and (o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS):
        if o.ob_type is PyLong_Type or o.ob_type is PyBool_Type:
            return o.ob_ival
    return None


def range_contains_long(r: rangeobject, v: int) -> bool:
    """CPython: Objects/rangeobject.c:range_contains_long"""
    if r.istep > 0:
        if not (r.istart <= v < r.istop):
            return False
    else:
        if not (r.istop < v <= r.istart):
            return False
    return (v - r.istart) % r.istep == 0


def _iter_search(r: rangeobject, ob: PyObject, count: bool) -> int:
    """CPython: Objects/abstract.c:_PySequence_IterSearch

    pyvm: the fallback for non-int values: compare with each item in turn.
    Returns the count, or the index of the first match (-1 if none)."""
    n = 0
    for i in range(r.ilen):
        item = _new_int(compute_item(r, i))
        try:
            eq = PyObject_RichCompareBool(item, ob, Py_EQ)
        finally:
            Py_DECREF(item)
        if eq:
            if not count:
                return i
            n += 1
    return n if count else -1


def range_contains(op: PyObject, ob: PyObject) -> bool:
    """CPython: Objects/rangeobject.c:range_contains"""
    assert isinstance(op, rangeobject)
    v = _exact_int(ob)
    if v is not None:
        return range_contains_long(op, v)
    return _iter_search(op, ob, False) >= 0


def range_count(op: PyObject, ob: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:range_count"""
    assert isinstance(op, rangeobject)
    v = _exact_int(ob)
    if v is not None:
        return _new_int(1 if range_contains_long(op, v) else 0)
    return _new_int(_iter_search(op, ob, True))


def range_index(op: PyObject, ob: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:range_index"""
    assert isinstance(op, rangeobject)
    v = _exact_int(ob)
    if v is not None:
        if range_contains_long(op, v):
            return _new_int((v - op.istart) // op.istep)
    else:
        i = _iter_search(op, ob, False)
        if i >= 0:
            return _new_int(i)
    _value_error("range.index(x): x not in range")


def range_repr(op: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:range_repr"""
    assert isinstance(op, rangeobject)
    if op.istep == 1:
        return PyUnicode_FromString(f"range({op.istart}, {op.istop})")
    return PyUnicode_FromString(f"range({op.istart}, {op.istop}, {op.istep})")


def range_equals(r0: rangeobject, r1: rangeobject) -> bool:
    """CPython: Objects/rangeobject.c:range_equals"""
    if r0 is r1:
        return True
    if r0.ilen != r1.ilen:
        return False
    if r0.ilen == 0:
        return True
    if r0.istart != r1.istart:
        return False
    if r0.ilen == 1:
        return True
    return r0.istep == r1.istep


def range_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/rangeobject.c:range_richcompare"""
    if not isinstance(v, rangeobject) or not isinstance(w, rangeobject):
        return Py_NotImplemented
    if op != Py_EQ and op != Py_NE:
        return Py_NotImplemented
    eq = range_equals(v, w)
    if op == Py_NE:
        eq = not eq
    return Py_True if eq else Py_False


def range_hash(op: PyObject) -> int:
    """CPython: Objects/rangeobject.c:range_hash

    The hash of ``(len, start, step)``, with ``None`` for the parts that do not
    matter for short ranges."""
    assert isinstance(op, rangeobject)
    if op.ilen == 0:
        items = [op.length, Py_None, Py_None]
    elif op.ilen == 1:
        items = [op.length, op.start, Py_None]
    else:
        items = [op.length, op.start, op.step]
    t = _PyTuple_FromArray(items)
    try:
        return PyObject_Hash(t)
    finally:
        Py_DECREF(t)


def _get_start(op: PyObject) -> PyObject:
    """pyvm: the ``start`` member."""
    assert isinstance(op, rangeobject)
    Py_INCREF(op.start)
    return op.start


def _get_stop(op: PyObject) -> PyObject:
    """pyvm: the ``stop`` member."""
    assert isinstance(op, rangeobject)
    Py_INCREF(op.stop)
    return op.stop


def _get_step(op: PyObject) -> PyObject:
    """pyvm: the ``step`` member."""
    assert isinstance(op, rangeobject)
    Py_INCREF(op.step)
    return op.step


# ---------------------------------------------------------------------------
# Iterators


class _PyRangeIterObject(PyObject):
    """CPython: Include/internal/pycore_range.h:_PyRangeIterObject

    ``start`` is the next value, ``len`` the values left."""

    start: int
    step: int
    len: int

    def __init__(self, tp: PyTypeObject, start: int, step: int, length: int) -> None:
        super().__init__(tp)
        self.start = start
        self.step = step
        self.len = length


def _fits_long(start: int, step: int, length: int) -> bool:
    """pyvm: whether C would iterate with ``range_iterator`` (C longs) or ``longrange_iterator``."""
    last = start + (length - 1) * step if length > 0 else start
    return _LONG_MIN <= start <= _LONG_MAX and _LONG_MIN <= last <= _LONG_MAX \
        and _LONG_MIN <= step <= _LONG_MAX and length <= _LONG_MAX


def fast_range_iter(start: int, step: int, length: int) -> PyObject:
    """CPython: Objects/rangeobject.c:fast_range_iter"""
    tp = PyRangeIter_Type if _fits_long(start, step, length) else PyLongRangeIter_Type
    return _PyRangeIterObject(tp, start, step, length)


def range_iter(op: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:range_iter"""
    assert isinstance(op, rangeobject)
    return fast_range_iter(op.istart, op.istep, op.ilen)


def range_reverse(op: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:range_reverse"""
    assert isinstance(op, rangeobject)
    n = op.ilen
    last = op.istart + (n - 1) * op.istep if n > 0 else op.istart - op.istep
    return fast_range_iter(last, -op.istep, n)


def rangeiter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/rangeobject.c:rangeiter_next

    (Also ``longrangeiter_next``.)"""
    assert isinstance(op, _PyRangeIterObject)
    if op.len > 0:
        r = op.start
        op.start = r + op.step
        op.len -= 1
        return _new_int(r)
    return None


def rangeiter_len(op: PyObject) -> PyObject:
    """CPython: Objects/rangeobject.c:rangeiter_len"""
    assert isinstance(op, _PyRangeIterObject)
    return _new_int(op.len)


def _init_types() -> None:
    """pyvm: the static initializers of the range types (C's ``tp_*`` fields,
    ``range_methods``, ``range_members``)."""
    tp = PyRange_Type
    tp.tp_dealloc = range_dealloc
    tp.tp_repr = range_repr
    tp.tp_hash = range_hash
    tp.tp_richcompare = range_richcompare
    tp.tp_iter = range_iter
    tp.tp_new = range_new
    tp.tp_vectorcall = range_vectorcall
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.nb_bool = range_bool
    tp.sq_length = range_length
    tp.sq_item = range_item
    tp.sq_contains = range_contains
    tp.mp_length = range_length
    tp.mp_subscript = range_subscript
    _PyType_AddMethods(tp, [
        PyMethodDef("__reversed__", range_reverse, METH_NOARGS),
        PyMethodDef("count", range_count, METH_O),
        PyMethodDef("index", range_index, METH_O),
    ])
    _PyType_AddMembers(tp, [
        PyMemberDef("start", _get_start),
        PyMemberDef("stop", _get_stop),
        PyMemberDef("step", _get_step),
    ])
    for it in (PyRangeIter_Type, PyLongRangeIter_Type):
        it.tp_iter = PyObject_SelfIter
        it.tp_iternext = rangeiter_next
        it.tp_getattro = PyObject_GenericGetAttr
        _PyType_AddMethods(it, [PyMethodDef("__length_hint__", rangeiter_len, METH_NOARGS)])


_init_types()
