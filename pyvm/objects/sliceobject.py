"""Ports Objects/sliceobject.c: ``slice`` objects and ``Ellipsis``.

A slice holds three owned references (``start``, ``stop``, ``step``; ``None``
where omitted). :func:`PySlice_Unpack` turns them into host integers clipped to
``Py_ssize_t`` and :func:`PySlice_AdjustIndices` clips them to a sequence length,
returning the slice length, as the sequence types' subscript functions use them.
Dead slices go back to a one-entry freelist (``_Py_freelists.slices``), as in
3.14. ``...`` is the immortal ``Py_Ellipsis`` of type ``ellipsis``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_GE,
    Py_INCREF,
    Py_LE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_IMMUTABLETYPE,
    PyErr_Format,
    PyObject,
    PyObject_Hash,
    PyObject_RichCompare,
    PyTypeObject,
    _debug,
    _Py_MakeImmortal,
    _PyObject_ReprStr,
)
from pyvm.objects.methodobject import METH_O, PyMethodDef

# pyvm: the static ``PyEllipsis_Type`` of Objects/sliceobject.c
PyEllipsis_Type: Final = PyTypeObject("ellipsis", None, Py_TPFLAGS_IMMUTABLETYPE)
# CPython: Include/sliceobject.h:Py_Ellipsis
Py_Ellipsis: Final = _Py_MakeImmortal(PyEllipsis_Type)

PY_SSIZE_T_MAX: Final = (1 << 63) - 1
PY_SSIZE_T_MIN: Final = -(1 << 63)


class PySliceObject(PyObject):
    """CPython: Include/sliceobject.h:PySliceObject"""

    start: PyObject
    stop: PyObject
    step: PyObject

    def __init__(self, start: PyObject, stop: PyObject, step: PyObject) -> None:
        super().__init__(PySlice_Type)
        self.start = start
        self.stop = stop
        self.step = step


# pyvm: the static ``PySlice_Type`` of Objects/sliceobject.c
PySlice_Type: Final = PyTypeObject(
    "slice", None, Py_TPFLAGS_IMMUTABLETYPE,
    "slice(stop)\nslice(start, stop[, step])\n\n"
    "Create a slice object.\n\n"
    "This is used for extended slicing (e.g. a[0:10:2]).")


class _SliceFreeList:
    """pyvm: ``_Py_freelists.slices`` (one entry in 3.14)."""

    item: Optional[PySliceObject]

    def __init__(self) -> None:
        self.item = None


_freelist: Final = _SliceFreeList()


def PySlice_Check(op: PyObject) -> bool:
    """CPython: Include/sliceobject.h:PySlice_Check"""
    return op.ob_type is PySlice_Type


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_Format(PyExc_TypeError, msg)


def _value_error(msg: str) -> None:
    """pyvm: raise ValueError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_ValueError  # cycle
    PyErr_Format(PyExc_ValueError, msg)


def _PyBuildSlice_Consume2(start: PyObject, stop: PyObject, step: PyObject) -> PyObject:
    """CPython: Objects/sliceobject.c:_PyBuildSlice_Consume2

    Steals ``start`` and ``stop``; takes a new reference to ``step``.
    """
    Py_INCREF(step)
    obj = _freelist.item
    if obj is not None:
        _freelist.item = None
        obj.ob_refcnt = 1
        obj.start = start
        obj.stop = stop
        obj.step = step
        return obj
    return PySliceObject(start, stop, step)


def PySlice_New(start: Optional[PyObject], stop: Optional[PyObject],
                step: Optional[PyObject]) -> PyObject:
    """CPython: Objects/sliceobject.c:PySlice_New

    None (C's NULL) means "omitted" and stores Python's None.
    """
    s0 = start if start is not None else Py_None
    s1 = stop if stop is not None else Py_None
    s2 = step if step is not None else Py_None
    Py_INCREF(s0)
    Py_INCREF(s1)
    return _PyBuildSlice_Consume2(s0, s1, s2)


def slice_dealloc(op: PyObject) -> None:
    """CPython: Objects/sliceobject.c:slice_dealloc"""
    assert isinstance(op, PySliceObject)
    Py_DECREF(op.step)
    Py_DECREF(op.start)
    Py_DECREF(op.stop)
    if _freelist.item is None and not _debug.enabled:
        _freelist.item = op


def _slice_index(v: PyObject) -> int:
    """CPython: Python/ceval.c:_PyEval_SliceIndex"""
    from pyvm.objects.abstract import PyNumber_AsSsize_t, _PyIndex_Check  # cycle
    if not _PyIndex_Check(v):
        _type_error("slice indices must be integers or None or have an __index__ method")
    return PyNumber_AsSsize_t(v, None)


def PySlice_Unpack(op: PyObject) -> tuple[int, int, int]:
    """CPython: Objects/sliceobject.c:PySlice_Unpack

    ``(start, stop, step)`` with the defaults C uses for omitted bounds
    (``PY_SSIZE_T_MAX``/``MIN`` depending on the step's sign).
    """
    assert isinstance(op, PySliceObject)
    if op.step is Py_None:
        step = 1
    else:
        step = _slice_index(op.step)
        if step == 0:
            _value_error("slice step cannot be zero")
        if step < -PY_SSIZE_T_MAX:
            step = -PY_SSIZE_T_MAX
    if op.start is Py_None:
        start = PY_SSIZE_T_MAX if step < 0 else 0
    else:
        start = _slice_index(op.start)
    if op.stop is Py_None:
        stop = PY_SSIZE_T_MIN if step < 0 else PY_SSIZE_T_MAX
    else:
        stop = _slice_index(op.stop)
    return start, stop, step


def PySlice_AdjustIndices(length: int, start: int, stop: int, step: int) -> tuple[int, int, int]:
    """CPython: Objects/sliceobject.c:PySlice_AdjustIndices

    Returns ``(start, stop, slicelength)`` clipped to a sequence of ``length``.
    """
    if start < 0:
        start += length
        if start < 0:
            start = -1 if step < 0 else 0
    elif start >= length:
        start = length - 1 if step < 0 else length
    if stop < 0:
        stop += length
        if stop < 0:
            stop = -1 if step < 0 else 0
    elif stop >= length:
        stop = length - 1 if step < 0 else length
    if step < 0:
        if stop < start:
            return start, stop, (start - stop - 1) // (-step) + 1
    elif start < stop:
        return start, stop, (stop - start - 1) // step + 1
    return start, stop, 0


def PySlice_GetIndicesEx(op: PyObject, length: int) -> tuple[int, int, int, int]:
    """CPython: Objects/sliceobject.c:PySlice_GetIndicesEx

    ``(start, stop, step, slicelength)``.
    """
    start, stop, step = PySlice_Unpack(op)
    start, stop, n = PySlice_AdjustIndices(length, start, stop, step)
    return start, stop, step, n


def slice_repr(op: PyObject) -> PyObject:
    """CPython: Objects/sliceobject.c:slice_repr"""
    assert isinstance(op, PySliceObject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(f"slice({_PyObject_ReprStr(op.start)}, "
                                f"{_PyObject_ReprStr(op.stop)}, {_PyObject_ReprStr(op.step)})")


def slice_hash(op: PyObject) -> int:
    """CPython: Objects/sliceobject.c:slice_hash

    The xxHash-style mix of tuple_hash over the three fields, in 64-bit unsigned
    arithmetic.
    """
    assert isinstance(op, PySliceObject)
    mask = 0xFFFFFFFFFFFFFFFF
    p1 = 11400714785074694791
    p2 = 14029467366897019727
    acc = 2870177450012600261
    for com in (op.start, op.stop, op.step):
        lane = PyObject_Hash(com) & mask
        acc = (acc + lane * p2) & mask
        acc = ((acc << 31) | (acc >> 33)) & mask
        acc = (acc * p1) & mask
    if acc == mask:
        return 1546275796
    return acc - (1 << 64) if acc >= (1 << 63) else acc


def slice_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/sliceobject.c:slice_richcompare"""
    if not isinstance(v, PySliceObject) or not isinstance(w, PySliceObject):
        return Py_NotImplemented
    from pyvm.objects.boolobject import Py_False, Py_True  # cycle
    if v is w:
        return Py_True if op in (Py_EQ, Py_LE, Py_GE) else Py_False
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    t1 = _PyTuple_FromArray([v.start, v.stop, v.step])
    t2 = _PyTuple_FromArray([w.start, w.stop, w.step])
    try:
        return PyObject_RichCompare(t1, t2, op)
    finally:
        Py_DECREF(t1)
        Py_DECREF(t2)


def slice_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/sliceobject.c:slice_new"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    if kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle
        if PyDict_Size(kwds) > 0:
            _type_error("slice() takes no keyword arguments")
    assert isinstance(args, PyTupleObject)
    items = args.ob_item
    n = len(items)
    if n < 1:
        _type_error("slice expected at least 1 argument, got 0")
    if n > 3:
        _type_error(f"slice expected at most 3 arguments, got {n}")
    if n == 1:
        return PySlice_New(None, items[0], None)
    return PySlice_New(items[0], items[1], items[2] if n == 3 else None)


def slice_indices(self_: PyObject, length: PyObject) -> PyObject:
    """CPython: Objects/sliceobject.c:slice_indices

    CPython: Objects/sliceobject.c:_PySlice_GetLongIndices
    Works on unbounded ints (no ``Py_ssize_t`` clipping), as C's long version does.
    """
    assert isinstance(self_, PySliceObject)
    from pyvm.objects.abstract import PyNumber_Index, _PyIndex_Check  # cycle
    from pyvm.objects.longobject import PyLongObject, _PyLong_FromHost  # cycle
    ln = PyNumber_Index(length)
    assert isinstance(ln, PyLongObject)
    n = ln.ob_ival
    Py_DECREF(ln)
    if n < 0:
        _value_error("length should not be negative")

    def ev(v: PyObject) -> int:
        """pyvm: a helper of this module."""
        if not _PyIndex_Check(v):
            _type_error("slice indices must be integers or None or have an __index__ method")
        r = PyNumber_Index(v)
        assert isinstance(r, PyLongObject)
        x = r.ob_ival
        Py_DECREF(r)
        return x

    if self_.step is Py_None:
        step = 1
    else:
        step = ev(self_.step)
        if step == 0:
            _value_error("slice step cannot be zero")
    lower, upper = (-1, n - 1) if step < 0 else (0, n)
    if self_.start is Py_None:
        start = upper if step < 0 else lower
    else:
        start = ev(self_.start)
        if start < 0:
            start = max(start + n, lower)
        else:
            start = min(start, upper)
    if self_.stop is Py_None:
        stop = lower if step < 0 else upper
    else:
        stop = ev(self_.stop)
        if stop < 0:
            stop = max(stop + n, lower)
        else:
            stop = min(stop, upper)
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    return _PyTuple_FromArraySteal([_PyLong_FromHost(start), _PyLong_FromHost(stop),
                                    _PyLong_FromHost(step)])


def _slice_start(op: PyObject) -> PyObject:
    """pyvm: the read-only ``start`` member."""
    assert isinstance(op, PySliceObject)
    Py_INCREF(op.start)
    return op.start


def _slice_stop(op: PyObject) -> PyObject:
    """pyvm: the read-only ``stop`` member."""
    assert isinstance(op, PySliceObject)
    Py_INCREF(op.stop)
    return op.stop


def _slice_step(op: PyObject) -> PyObject:
    """pyvm: the read-only ``step`` member."""
    assert isinstance(op, PySliceObject)
    Py_INCREF(op.step)
    return op.step


def ellipsis_repr(op: PyObject) -> PyObject:
    """CPython: Objects/sliceobject.c:ellipsis_repr"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return PyUnicode_InternFromString("Ellipsis")


def ellipsis_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/sliceobject.c:ellipsis_new"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    assert isinstance(args, PyTupleObject)
    nk = 0
    if kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle
        nk = PyDict_Size(kwds)
    if len(args.ob_item) > 0 or nk > 0:
        _type_error("EllipsisType takes no arguments")
    return Py_Ellipsis


def _init_types() -> None:
    """pyvm: the static initializers of ``slice`` and ``ellipsis``."""
    from pyvm.objects.descrobject import PyMemberDef  # cycle: descrobject -> tupleobject -> sliceobject
    from pyvm.objects.typeobject import _PyType_AddMembers, _PyType_AddMethods  # cycle: typeobject -> tupleobject -> sliceobject
    tp = PySlice_Type
    tp.tp_dealloc = slice_dealloc
    tp.tp_repr = slice_repr
    tp.tp_hash = slice_hash
    tp.tp_richcompare = slice_richcompare
    tp.tp_new = slice_new
    _PyType_AddMethods(tp, [
        PyMethodDef("indices", slice_indices, METH_O,
                    "S.indices(len) -> (start, stop, stride)\n\n"
                    "Assuming a sequence of length len, calculate the start and stop\n"
                    "indices, and the stride length of the extended slice described by\n"
                    "S. Out of bounds indices are clipped in a manner consistent with the\n"
                    "handling of normal slices."),
    ])
    _PyType_AddMembers(tp, [
        PyMemberDef("start", _slice_start, None),
        PyMemberDef("stop", _slice_stop, None),
        PyMemberDef("step", _slice_step, None),
    ])
    PyEllipsis_Type.tp_repr = ellipsis_repr
    PyEllipsis_Type.tp_new = ellipsis_new


_init_types()
