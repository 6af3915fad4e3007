"""Ports Objects/tupleobject.c: the tuple type, its iterator and its freelist.

A tuple is a fixed-size array of owned references. In pyvm the array is a host
list, ``ob_item``; its length is the tuple's ``ob_size``. A tuple never changes
once built, except by the code that creates it: :func:`PyTuple_New` hands back a
tuple whose items are placeholders (the empty tuple's ``None``-free convention of
C, where the slots are ``NULL``, becomes "the caller fills every slot with
:func:`PyTuple_SET_ITEM` before anybody else sees it").

The empty tuple is an immortal singleton (``tuple_get_empty``), as in 3.14.
Dead tuples of small sizes go back to a freelist per size
(``Include/internal/pycore_freelist_state.h``: ``PyTuple_MAXSAVESIZE`` sizes,
``Py_tuple_MAXFREELIST`` each) and :func:`tuple_alloc` reuses them, which keeps
the allocation pattern of CPython's hot paths (argument tuples, ``BUILD_TUPLE``).

The hash is the xxHash-based ``tuple_hash`` of 3.14 computed in 64-bit unsigned
arithmetic, so ``hash((1, 2))`` is the value a 64-bit CPython prints.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import _Py_TPFLAGS_MATCH_SELF
from pyvm.objects.object import (
    _Py_EnterRecursiveCall,
    _Py_LeaveRecursiveCall,
    _Py_NewReference,
    _Py_SetImmortal,
    _object_type_holder,
    Py_DECREF,
    Py_EQ,
    Py_GE,
    Py_GT,
    Py_INCREF,
    Py_LE,
    Py_LT,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_ReprEnter,
    Py_ReprLeave,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_IMMUTABLETYPE,
    Py_TPFLAGS_LONG_SUBCLASS,
    Py_TPFLAGS_SEQUENCE,
    Py_TPFLAGS_TUPLE_SUBCLASS,
    PyErr,
    PyErr_SetNone,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_Hash,
    PyObject_Repr,
    PyObject_RichCompare,
    PyObject_RichCompareBool,
    PyTypeObject,
    visitproc,
)
from pyvm.objects.abstract import (
    Py_GenericAlias,
    PyObject_GetIter,
)
from pyvm.objects.boolobject import (
    Py_False,
    Py_True,
)
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    _PyIter_CallNext,
    PyExc_IndexError,
    PyExc_MemoryError,
    PyExc_SystemError,
)
from pyvm.objects.longobject import (
    PyLongObject,
    PyLong_Type,
    PyLong_FromLong,
    _type_error as _type_error,
    _value_error as _value_error,
)
from pyvm.objects.methodobject import (
    METH_CLASS,
    METH_FASTCALL,
    METH_NOARGS,
    METH_O,
    PyMethodDef,
)
from pyvm.objects.sliceobject import (
    PySliceObject,
    PySlice_AdjustIndices,
    PySlice_Type,
)
from pyvm.objects.unicodeobject import (
    _check_repeat,
    _index_error as _index_error,
    PyUnicode_FromString,
    _PyArg_CheckPositional,
    _PyUnicode_AsString,
)

# ---------------------------------------------------------------------------
# Small helpers (the error raisers ``_type_error`` / ``_value_error`` /
# ``_index_error`` are longobject's and unicodeobject's, re-exported).


def _new_int(v: int) -> PyObject:
    """CPython: Objects/longobject.c:PyLong_FromSsize_t"""
    return PyLong_FromLong(v)


def _is_int(o: PyObject) -> bool:
    """CPython: Include/longobject.h:PyLong_Check"""
    return (o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) != 0


def _int_value(o: PyObject) -> int:
    """pyvm: the host value of a pyvm int (``o`` must pass :func:`_is_int`)."""
    assert isinstance(o, PyLongObject)
    return o.ob_ival


def _PyIndex_Check(o: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyIndex_Check

    pyvm: an int subclass counts even before its type is readied (a static
    type such as bool gets int's ``nb_index`` only from ``PyType_Ready``)."""
    return o.ob_type.nb_index is not None or _is_int(o)


def _as_index(o: PyObject) -> int:
    """CPython: Objects/abstract.c:PyNumber_AsSsize_t

    pyvm: the host ``int`` of ``o.__index__()`` (no clipping to ``Py_ssize_t``:
    callers clamp as the C code would after an OverflowError)."""
    if _is_int(o):
        return _int_value(o)
    f = o.ob_type.nb_index
    if f is None:
        _type_error(f"'{o.ob_type.tp_name}' object cannot be interpreted as an integer")
    r = f(o)
    if not _is_int(r):
        name = r.ob_type.tp_name
        Py_DECREF(r)
        _type_error(f"__index__ returned non-int (type {name})")
    if r.ob_type is not PyLong_Type:
        # Issue #17576: an int subclass is deprecated (_PyNumber_Index's warning).
        from pyvm.objects.abstract import _warn_int_subclass  # cycle
        _warn_int_subclass(r, f"__index__ returned non-int (type {r.ob_type.tp_name:.200})")
    v = _int_value(r)
    Py_DECREF(r)
    return v


# CPython: Include/pyport.h:PY_SSIZE_T_MAX (a 64-bit build)
_PY_SSIZE_T_MAX: Final = (1 << 63) - 1
_PY_SSIZE_T_MIN: Final = -(1 << 63)


def _subscript_index(o: PyObject) -> int:
    """CPython: Objects/abstract.c:PyNumber_AsSsize_t

    ``PyNumber_AsSsize_t(item, PyExc_IndexError)``, as the sequences'
    ``mp_subscript`` call it: an index outside ``Py_ssize_t`` is an IndexError
    (``cannot fit 'int' into an index-sized integer``)."""
    v = _as_index(o)
    if v < _PY_SSIZE_T_MIN or v > _PY_SSIZE_T_MAX:
        _index_error(f"cannot fit '{o.ob_type.tp_name}' into an index-sized integer")
    return v


def _clinic_ssize_t(o: PyObject) -> int:
    """CPython: Objects/longobject.c:PyLong_AsSsize_t

    Argument Clinic's ``Py_ssize_t`` converter: ``__index__``, then an
    OverflowError outside the ``Py_ssize_t`` range."""
    v = _as_index(o)
    if v < _PY_SSIZE_T_MIN or v > _PY_SSIZE_T_MAX:
        from pyvm.objects.exceptions import PyExc_OverflowError  # cycle: exceptions -> tupleobject
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C ssize_t")
    return v


def _slice_indices(item: PyObject, length: int) -> tuple[int, int, int, int]:
    """CPython: Objects/sliceobject.c:PySlice_Unpack

    With ``PySlice_AdjustIndices``: ``(start, stop, step, slicelength)`` of the
    slice ``item`` applied to a sequence of ``length`` items. Raises the
    ``slice step cannot be zero`` ValueError as C does.

    pyvm: the bounds are host ints, not clipped to ``Py_ssize_t`` (range slices
    them as ``_PySlice_GetLongIndices`` does); an omitted bound gets a default
    that ``PySlice_AdjustIndices`` maps where C's ``PY_SSIZE_T_MAX``/``MIN`` go.
    """
    assert isinstance(item, PySliceObject)
    s = item.step
    if s is Py_None:
        step = 1
    else:
        step = _slice_index(s)
        if step == 0:
            _value_error("slice step cannot be zero")
    s = item.start
    if s is Py_None:
        start = length if step < 0 else 0
    else:
        start = _slice_index(s)
    s = item.stop
    if s is Py_None:
        stop = -length - 1 if step < 0 else length
    else:
        stop = _slice_index(s)
    # After adjustment ``stop`` may be -1 ("before the first item"); callers
    # that slice host sequences must not let the host read it as "last".
    start, stop, n = PySlice_AdjustIndices(length, start, stop, step)
    return start, stop, step, n


def _slice_index(o: PyObject) -> int:
    """CPython: Python/ceval.c:_PyEval_SliceIndex

    pyvm: slice bounds must be ints or have ``__index__``."""
    if _is_int(o) or _PyIndex_Check(o):
        return _as_index(o)
    _type_error("slice indices must be integers or None or have an __index__ method")


def _is_slice(o: PyObject) -> bool:
    """CPython: Include/sliceobject.h:PySlice_Check"""
    return o.ob_type is PySlice_Type


# ---------------------------------------------------------------------------
# The tuple object


class PyTupleObject(PyObject):
    """CPython: Include/cpython/tupleobject.h:PyTupleObject

    ``ob_item`` holds one owned reference per item. ``ob_hash`` caches the hash
    (3.14 caches it too; ``-1`` means not computed yet).
    """

    ob_item: list[PyObject]
    ob_hash: int

    def __init__(self, tp: PyTypeObject, items: list[PyObject]) -> None:
        super().__init__(tp)
        self.ob_item = items
        self.ob_hash = -1

    def _debug_detail(self) -> str:
        """pyvm: the size, for ``PyObject.__repr__`` (items are not shown: they
        could be anything, this object included)."""
        return f"len={len(self.ob_item)}"


PyTuple_Type: Final = PyTypeObject(
    "tuple",
    flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_SEQUENCE
    | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_HAVE_GC | _Py_TPFLAGS_MATCH_SELF,
    doc="Built-in immutable sequence.\n\n"
        "If no argument is given, the constructor returns an empty tuple.\n"
        "If iterable is specified the tuple is initialized from iterable's items.\n\n"
        "If the argument is a tuple, the return value is the same object.")
# A variable-size object in C (its items): nonempty __slots__ are refused.
PyTuple_Type.tp_itemsize = 1

PyTupleIter_Type: Final = PyTypeObject("tuple_iterator", flags=Py_TPFLAGS_HAVE_GC)

# CPython: Include/internal/pycore_freelist_state.h:PyTuple_MAXSAVESIZE
PyTuple_MAXSAVESIZE: Final = 20
# CPython: Include/internal/pycore_freelist_state.h:Py_tuple_MAXFREELIST
Py_tuple_MAXFREELIST: Final = 2000


class _TupleState:
    """pyvm: the tuple freelists (``_Py_freelists.tuples``) and the empty tuple."""

    freelists: list[list[PyTupleObject]]
    empty: PyTupleObject

    def __init__(self) -> None:
        self.freelists = [[] for _ in range(PyTuple_MAXSAVESIZE)]
        self.empty = PyTupleObject(PyTuple_Type, [])
        _Py_SetImmortal(self.empty)


_state: Final = _TupleState()


def PyTuple_Check(op: PyObject) -> bool:
    """CPython: Include/tupleobject.h:PyTuple_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS) != 0


def PyTuple_CheckExact(op: PyObject) -> bool:
    """CPython: Include/tupleobject.h:PyTuple_CheckExact"""
    return op.ob_type is PyTuple_Type


def tuple_get_empty() -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_get_empty

    The immortal empty tuple (returned as a new reference, which for an immortal
    object costs nothing)."""
    return _state.empty


def tuple_alloc(items: list[PyObject]) -> PyTupleObject:
    """CPython: Objects/tupleobject.c:tuple_alloc

    A tuple object around ``items`` (taken over, not copied), from the freelist
    of its size when one is there."""
    n = len(items)
    if n < PyTuple_MAXSAVESIZE:
        fl = _state.freelists[n]
        if fl:
            op = fl.pop()
            _Py_NewReference(op)
            op.ob_type = PyTuple_Type
            op.ob_item = items
            op.ob_hash = -1
            return op
    return PyTupleObject(PyTuple_Type, items)


def PyTuple_New(size: int) -> PyObject:
    """CPython: Objects/tupleobject.c:PyTuple_New

    A new tuple of ``size`` slots. The slots hold the (immortal) empty tuple as a
    stand-in for C's ``NULL``; the caller must fill each with
    :func:`PyTuple_SET_ITEM`, giving it a reference, before the tuple escapes.
    """
    if size == 0:
        return _state.empty
    if size < 0:
        PyErr_SetString(PyExc_SystemError, "Objects/tupleobject.c: bad argument to internal function")
    e: PyObject = _state.empty
    return tuple_alloc([e] * size)


def PyTuple_SET_ITEM(op: PyObject, i: int, v: PyObject) -> None:
    """CPython: Include/cpython/tupleobject.h:PyTuple_SET_ITEM

    Steals the reference to ``v``; the old slot content is not released (it is
    the placeholder of :func:`PyTuple_New`)."""
    assert isinstance(op, PyTupleObject)
    op.ob_item[i] = v


def PyTuple_SetItem(op: PyObject, i: int, v: PyObject) -> None:
    """CPython: Objects/tupleobject.c:PyTuple_SetItem

    Steals ``v``; releases what the slot held."""
    if not isinstance(op, PyTupleObject) or op.ob_refcnt != 1:
        Py_DECREF(v)
        PyErr_SetString(PyExc_SystemError, "Objects/tupleobject.c: bad argument to internal function")
    if i < 0 or i >= len(op.ob_item):
        Py_DECREF(v)
        _index_error("tuple assignment index out of range")
    old = op.ob_item[i]
    op.ob_item[i] = v
    if old is not _state.empty:
        Py_DECREF(old)


def _PyTuple_FromArray(items: list[PyObject]) -> PyObject:
    """CPython: Objects/tupleobject.c:_PyTuple_FromArray

    A new tuple holding new references to ``items`` (the list is copied)."""
    n = len(items)
    if n == 0:
        return _state.empty
    for it in items:
        Py_INCREF(it)
    return tuple_alloc(list(items))


def _PyTuple_FromArraySteal(items: list[PyObject]) -> PyObject:
    """CPython: Objects/tupleobject.c:_PyTuple_FromArraySteal

    A new tuple that takes over the references in ``items`` (the host list
    itself becomes ``ob_item``: the caller must not keep using it)."""
    if len(items) == 0:
        return _state.empty
    return tuple_alloc(items)


def PyTuple_Pack(*items: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:PyTuple_Pack"""
    return _PyTuple_FromArray(list(items))


def PyTuple_Size(op: PyObject) -> int:
    """CPython: Objects/tupleobject.c:PyTuple_Size"""
    if not isinstance(op, PyTupleObject):
        PyErr_SetString(PyExc_SystemError, "Objects/tupleobject.c: bad argument to internal function")
    return len(op.ob_item)


def PyTuple_GET_ITEM(op: PyObject, i: int) -> PyObject:
    """CPython: Include/cpython/tupleobject.h:PyTuple_GET_ITEM (borrowed)"""
    assert isinstance(op, PyTupleObject)
    return op.ob_item[i]


def PyTuple_GetItem(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/tupleobject.c:PyTuple_GetItem (borrowed reference)"""
    assert isinstance(op, PyTupleObject)
    if i < 0 or i >= len(op.ob_item):
        _index_error("tuple index out of range")
    return op.ob_item[i]


def PyTuple_GetSlice(op: PyObject, low: int, high: int) -> PyObject:
    """CPython: Objects/tupleobject.c:PyTuple_GetSlice"""
    assert isinstance(op, PyTupleObject)
    return tuple_slice(op, low, high)


def _tuple_items(op: PyObject) -> list[PyObject]:
    """pyvm: the items of a tuple (borrowed), for ``PyType_IsSubtype``'s MRO walk."""
    assert isinstance(op, PyTupleObject)
    return op.ob_item


_object_type_holder.mro_items = _tuple_items


def tuple_dealloc(op: PyObject) -> None:
    """CPython: Objects/tupleobject.c:tuple_dealloc

    Releases the items and returns the object to the freelist of its size
    (``maybe_freelist_push``)."""
    assert isinstance(op, PyTupleObject)
    items = op.ob_item
    op.ob_item = []
    for it in items:
        Py_DECREF(it)
    maybe_freelist_push(op, len(items))


def maybe_freelist_push(op: PyTupleObject, n: int) -> None:
    """CPython: Objects/tupleobject.c:maybe_freelist_push"""
    if op.ob_type is not PyTuple_Type or n == 0 or n >= PyTuple_MAXSAVESIZE:
        return
    fl = _state.freelists[n]
    if len(fl) < Py_tuple_MAXFREELIST:
        fl.append(op)


def tuple_repr(op: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_repr

    ``(1,)`` for one item, ``(...)`` when the tuple is already being printed
    (``Py_ReprEnter``)."""
    assert isinstance(op, PyTupleObject)
    n = len(op.ob_item)
    if n == 0:
        return PyUnicode_FromString("()")
    if Py_ReprEnter(op):
        return PyUnicode_FromString("(...)")
    try:
        parts: list[str] = []
        for it in op.ob_item:
            r = PyObject_Repr(it)
            parts.append(_PyUnicode_AsString(r))
            Py_DECREF(r)
    finally:
        Py_ReprLeave(op)
    if n == 1:
        return PyUnicode_FromString("(" + parts[0] + ",)")
    return PyUnicode_FromString("(" + ", ".join(parts) + ")")


# CPython: Objects/sliceobject.c:_PyHASH_XXPRIME_1 (64-bit values)
_PyHASH_XXPRIME_1: Final = 11400714785074694791
_PyHASH_XXPRIME_2: Final = 14029467366897019727
_PyHASH_XXPRIME_5: Final = 2870177450012600261
_MASK64: Final = (1 << 64) - 1


def tuple_hash(op: PyObject) -> int:
    """CPython: Objects/tupleobject.c:tuple_hash

    The xxHash64 round over the item hashes, in unsigned 64-bit arithmetic, then
    reinterpreted as a signed ``Py_hash_t``.

    pyvm: C has no recursion guard here (a 25,000-deep tuple hashes within the
    C stack; a million-deep one crashes CPython); pyvm charges one level of its
    C stack model, so the deepest tuples raise RecursionError instead.
    """
    assert isinstance(op, PyTupleObject)
    if op.ob_hash != -1:
        return op.ob_hash
    acc = _PyHASH_XXPRIME_5
    _Py_EnterRecursiveCall("")
    try:
        for it in op.ob_item:
            lane = PyObject_Hash(it) & _MASK64
            acc = (acc + lane * _PyHASH_XXPRIME_2) & _MASK64
            acc = ((acc << 31) | (acc >> 33)) & _MASK64
            acc = (acc * _PyHASH_XXPRIME_1) & _MASK64
    finally:
        _Py_LeaveRecursiveCall()
    acc = (acc + (len(op.ob_item) ^ (_PyHASH_XXPRIME_5 ^ 3527539))) & _MASK64
    if acc == _MASK64:
        acc = 1546275796
    h = acc - (1 << 64) if acc >= (1 << 63) else acc
    op.ob_hash = h
    return h


def tuple_length(op: PyObject) -> int:
    """CPython: Objects/tupleobject.c:tuple_length"""
    assert isinstance(op, PyTupleObject)
    return len(op.ob_item)


def tuple_contains(op: PyObject, el: PyObject) -> bool:
    """CPython: Objects/tupleobject.c:tuple_contains"""
    assert isinstance(op, PyTupleObject)
    for it in op.ob_item:
        if PyObject_RichCompareBool(it, el, Py_EQ):
            return True
    return False


def tuple_item(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_item (new reference)"""
    assert isinstance(op, PyTupleObject)
    if i < 0 or i >= len(op.ob_item):
        _index_error("tuple index out of range")
    r = op.ob_item[i]
    Py_INCREF(r)
    return r


def tuple_slice(a: PyTupleObject, ilow: int, ihigh: int) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_slice"""
    n = len(a.ob_item)
    if ilow < 0:
        ilow = 0
    if ihigh > n:
        ihigh = n
    if ihigh < ilow:
        ihigh = ilow
    if ilow == 0 and ihigh == n and a.ob_type is PyTuple_Type:
        Py_INCREF(a)
        return a
    return _PyTuple_FromArray(a.ob_item[ilow:ihigh])


def tuple_subscript(op: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_subscript"""
    assert isinstance(op, PyTupleObject)
    if _PyIndex_Check(item):
        i = _subscript_index(item)
        n = len(op.ob_item)
        if i < 0:
            i += n
        return tuple_item(op, i)
    if _is_slice(item):
        start, stop, step, slicelen = _slice_indices(item, len(op.ob_item))
        if slicelen <= 0:
            return _state.empty
        if start == 0 and step == 1 and slicelen == len(op.ob_item) and op.ob_type is PyTuple_Type:
            Py_INCREF(op)
            return op
        if step == 1:
            return _PyTuple_FromArray(op.ob_item[start:start + slicelen])
        return _PyTuple_FromArray(op.ob_item[start:(stop if stop >= 0 else None):step])
    _type_error(f"tuple indices must be integers or slices, not {item.ob_type.tp_name}")


def tuple_concat(a: PyObject, bb: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_concat"""
    assert isinstance(a, PyTupleObject)
    if not isinstance(bb, PyTupleObject) or not PyTuple_Check(bb):
        _type_error(f'can only concatenate tuple (not "{bb.ob_type.tp_name}") to tuple')
    if len(bb.ob_item) == 0 and a.ob_type is PyTuple_Type:
        Py_INCREF(a)
        return a
    if len(a.ob_item) == 0 and bb.ob_type is PyTuple_Type:
        Py_INCREF(bb)
        return bb
    return _PyTuple_FromArray(a.ob_item + bb.ob_item)


def tuple_repeat(a: PyObject, n: int) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_repeat"""
    assert isinstance(a, PyTupleObject)
    size = len(a.ob_item)
    if size == 0 or n <= 0:
        return _state.empty
    if n == 1 and a.ob_type is PyTuple_Type:
        Py_INCREF(a)
        return a
    _check_repeat(size, n, None)
    return _PyTuple_FromArray(a.ob_item * n)


def _richcompare_items(v: list[PyObject], w: list[PyObject], op: int) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_richcompare

    The lexicographic comparison shared by tuples and lists: find the first
    index where the items differ, then compare those two items (or the lengths).
    Returns a new reference."""
    vlen = len(v)
    wlen = len(w)
    i = 0
    while i < vlen and i < wlen:
        # The list may shrink under a user __eq__; re-read the lengths as C does.
        if v[i] is not w[i] and not PyObject_RichCompareBool(v[i], w[i], Py_EQ):
            break
        i += 1
        vlen = len(v)
        wlen = len(w)
    if i >= vlen or i >= wlen:
        if op == Py_LT:
            r = vlen < wlen
        elif op == Py_LE:
            r = vlen <= wlen
        elif op == Py_EQ:
            r = vlen == wlen
        elif op == Py_NE:
            r = vlen != wlen
        elif op == Py_GT:
            r = vlen > wlen
        else:
            r = vlen >= wlen
        return _bool(r)
    if op == Py_EQ:
        return _bool(False)
    if op == Py_NE:
        return _bool(True)
    return PyObject_RichCompare(v[i], w[i], op)


def _bool(r: bool) -> PyObject:
    """pyvm: ``Py_RETURN_TRUE`` / ``Py_RETURN_FALSE``."""
    return Py_True if r else Py_False


def _not_implemented() -> PyObject:
    """pyvm: ``Py_RETURN_NOTIMPLEMENTED``."""
    return Py_NotImplemented


def tuple_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_richcompare"""
    if not isinstance(v, PyTupleObject) or not isinstance(w, PyTupleObject) \
            or not PyTuple_Check(v) or not PyTuple_Check(w):
        return _not_implemented()
    return _richcompare_items(v.ob_item, w.ob_item, op)


def tuple_count_impl(op: PyObject, value: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_count_impl"""
    assert isinstance(op, PyTupleObject)
    count = 0
    for it in op.ob_item:
        if PyObject_RichCompareBool(it, value, Py_EQ):
            count += 1
    return _new_int(count)


def _clamp_index_arg(o: Optional[PyObject], default: int, n: int) -> int:
    """CPython: Python/ceval.c:_PyEval_SliceIndexNotNone

    The optional start/stop arguments of ``index()``, made relative to ``n``."""
    if o is None:
        return default
    if o is Py_None:
        _type_error("slice indices must be integers or have an __index__ method")
    v = _slice_index(o)
    if v < 0:
        v += n
        if v < 0:
            v = 0
    return v


def tuple_index_impl(op: PyObject, value: PyObject, start: Optional[PyObject],
                     stop: Optional[PyObject]) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_index_impl"""
    assert isinstance(op, PyTupleObject)
    n = len(op.ob_item)
    i = _clamp_index_arg(start, 0, n)
    j = _clamp_index_arg(stop, n, n)
    if j > n:
        j = n
    while i < j:
        if PyObject_RichCompareBool(op.ob_item[i], value, Py_EQ):
            return _new_int(i)
        i += 1
    _value_error("tuple.index(x): x not in tuple")


def tuple_new_impl(tp: PyTypeObject, iterable: Optional[PyObject]) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_new_impl

    ``tuple()`` / ``tuple(iterable)``; a tuple argument is returned as is."""
    if tp is not PyTuple_Type:
        return tuple_subtype_new(tp, iterable)
    if iterable is None:
        return _state.empty
    if PyTuple_CheckExact(iterable):
        Py_INCREF(iterable)
        return iterable
    return PySequence_Tuple(iterable)


def tuple_subtype_new(tp: PyTypeObject, iterable: Optional[PyObject]) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_subtype_new"""
    tmp = tuple_new_impl(PyTuple_Type, iterable)
    assert isinstance(tmp, PyTupleObject)
    items = list(tmp.ob_item)
    for it in items:
        Py_INCREF(it)
    Py_DECREF(tmp)
    return PyTupleObject(tp, items)


def tuple_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/tupleobject.c.h:tuple_new

    The ``tp_new`` slot: at most one positional argument, no keywords."""
    assert isinstance(args, PyTupleObject)
    if tp is PyTuple_Type and kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle: dictobject -> tupleobject
        if PyDict_Size(kwds) != 0:
            _type_error("tuple() takes no keyword arguments")
    n = len(args.ob_item)
    if n > 1:
        _type_error(f"tuple expected at most 1 argument, got {n}")
    return tuple_new_impl(tp, args.ob_item[0] if n == 1 else None)


def tuple_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                     kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_vectorcall"""
    if kwnames is not None and isinstance(kwnames, PyTupleObject) and len(kwnames.ob_item) > 0:
        _type_error("tuple() takes no keyword arguments")
    if nargs > 1:
        _type_error(f"tuple expected at most 1 argument, got {nargs}")
    assert isinstance(tp, PyTypeObject)
    return tuple_new_impl(tp, args[start] if nargs == 1 else None)


def PySequence_Tuple(v: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_Tuple

    pyvm: kept beside the tuple type that it builds (abstract.py may re-export
    it). Exact lists are copied directly; anything else is iterated."""
    if PyTuple_CheckExact(v):
        Py_INCREF(v)
        return v
    from pyvm.objects.listobject import PyListObject, PyList_Type  # cycle: listobject -> tupleobject
    if isinstance(v, PyListObject) and v.ob_type is PyList_Type:
        return _PyTuple_FromArray(v.ob_item)
    return _PyTuple_FromArraySteal(_drain(PyObject_GetIter(v)))


def _drain(it: PyObject) -> list[PyObject]:
    """pyvm: collect the items of an iterator (new references), then release it
    (``it`` is stolen). Shared by PySequence_Tuple and listobject's
    PySequence_Fast (``_sequence_fast``)."""
    items: list[PyObject] = []
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    try:
        while True:
            x = _PyIter_CallNext(nxt, it)
            if x is None:
                break
            items.append(x)
    except PyErr:
        for x in items:
            Py_DECREF(x)
        Py_DECREF(it)
        raise
    Py_DECREF(it)
    return items


def tuple_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/tupleobject.c:tuple_traverse"""
    assert isinstance(op, PyTupleObject)
    for it in op.ob_item:
        visit(it)


# ---------------------------------------------------------------------------
# The tuple iterator


class _PyTupleIterObject(PyObject):
    """CPython: Include/internal/pycore_tuple.h:_PyTupleIterObject

    ``it_seq`` is ``None`` once exhausted (C sets it to ``NULL``)."""

    it_index: int
    it_seq: Optional[PyTupleObject]

    def __init__(self, seq: PyTupleObject) -> None:
        super().__init__(PyTupleIter_Type)
        self.it_index = 0
        self.it_seq = seq


def tuple_iter(seq: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple_iter"""
    assert isinstance(seq, PyTupleObject)
    Py_INCREF(seq)
    return _PyTupleIterObject(seq)


def tupleiter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/tupleobject.c:tupleiter_next"""
    assert isinstance(op, _PyTupleIterObject)
    seq = op.it_seq
    if seq is None:
        return None
    i = op.it_index
    if i < len(seq.ob_item):
        op.it_index = i + 1
        r = seq.ob_item[i]
        Py_INCREF(r)
        return r
    op.it_seq = None
    Py_DECREF(seq)
    return None


def tupleiter_dealloc(op: PyObject) -> None:
    """CPython: Objects/tupleobject.c:tupleiter_dealloc"""
    assert isinstance(op, _PyTupleIterObject)
    seq = op.it_seq
    op.it_seq = None
    if seq is not None:
        Py_DECREF(seq)


def tupleiter_len(op: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:tupleiter_len (``__length_hint__``)"""
    assert isinstance(op, _PyTupleIterObject)
    seq = op.it_seq
    n = 0 if seq is None else len(seq.ob_item) - op.it_index
    return _new_int(max(n, 0))


def tupleiter_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/tupleobject.c:tupleiter_traverse"""
    assert isinstance(op, _PyTupleIterObject)
    if op.it_seq is not None:
        visit(op.it_seq)


def _self_iter(op: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_SelfIter"""
    Py_INCREF(op)
    return op


# ---------------------------------------------------------------------------
# Method wrappers (Argument Clinic's parsers) and the type initializers


def tuple_index(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/tupleobject.c.h:tuple_index"""
    _PyArg_CheckPositional("index", len(args), 1, 3)
    return tuple_index_impl(self, args[0], args[1] if len(args) > 1 else None,
                            args[2] if len(args) > 2 else None)


def tuple___getnewargs___impl(self: PyObject) -> PyObject:
    """CPython: Objects/tupleobject.c:tuple___getnewargs___impl"""
    assert isinstance(self, PyTupleObject)
    inner = _PyTuple_FromArray(self.ob_item)
    return _PyTuple_FromArraySteal([inner])


tuple_class_getitem_doc: Final = (
    "Tuples are generic over the types of their contents.\n\n"
    "For example, use ``tuple[int, str]`` for a pair whose first element\n"
    "is an int and second element is a string.\n\n"
    "Tuples also support the form ``tuple[T, ...]`` to indicate\n"
    "an arbitrary length tuple of elements of type T."
)


def _init_types() -> None:
    """pyvm: the static initializers of ``PyTuple_Type`` and its iterator (C's
    ``tp_*`` fields and ``tuple_methods``)."""
    tp = PyTuple_Type
    tp.tp_dealloc = tuple_dealloc
    # C's tp_itemsize (sizeof(PyObject *)): a variable-size layout (no __weakref__ in subclasses).
    tp.tp_itemsize = 8
    tp.tp_repr = tuple_repr
    tp.tp_hash = tuple_hash
    tp.tp_richcompare = tuple_richcompare
    tp.tp_iter = tuple_iter
    tp.tp_new = tuple_new
    tp.tp_vectorcall = tuple_vectorcall
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.tp_traverse = tuple_traverse
    tp.sq_length = tuple_length
    tp.sq_concat = tuple_concat
    tp.sq_repeat = tuple_repeat
    tp.sq_item = tuple_item
    tp.sq_contains = tuple_contains
    tp.mp_length = tuple_length
    tp.mp_subscript = tuple_subscript
    _PyType_AddMethods(tp, [
        PyMethodDef("__getnewargs__", tuple___getnewargs___impl, METH_NOARGS),
        PyMethodDef("index", tuple_index, METH_FASTCALL),
        PyMethodDef("count", tuple_count_impl, METH_O),
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    tuple_class_getitem_doc),
    ])
    it = PyTupleIter_Type
    it.tp_dealloc = tupleiter_dealloc
    it.tp_iter = _self_iter
    it.tp_iternext = tupleiter_next
    it.tp_traverse = tupleiter_traverse
    it.tp_getattro = PyObject_GenericGetAttr
    _PyType_AddMethods(it, [PyMethodDef("__length_hint__", tupleiter_len, METH_NOARGS)])


_init_types()
