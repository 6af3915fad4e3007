"""Ports Objects/listobject.c: the list type, its iterators and ``list.sort``.

A list is a resizable array of owned references. C keeps ``ob_item`` (a
``PyObject **``) with ``allocated`` slots of which ``ob_size`` are in use, and
``list_resize`` over-allocates to make appends amortised O(1). pyvm keeps the
items in a host list, whose own over-allocation plays that part, so
``list_resize`` disappears and ``ob_size`` is ``len(ob_item)``.

Ownership is C's: storing an item stores a new reference, overwriting or removing
one releases the old reference *after* the list is consistent again (a
``__del__`` run by the release may look at the list), and ``list_dealloc``
releases every item.

``list.sort`` is a port of C's timsort with the 3.14 powersort merge policy
(``count_run``, ``binarysort``, ``gallop_left``/``gallop_right``,
``merge_lo``/``merge_hi``, ``merge_at``, ``found_new_run``): the same
comparisons in the same order, so user ``__lt__`` methods and inconsistent
orders (NaN) behave as in CPython. It sorts a permutation of indices rather
than moving the items themselves (see ``MergeState``). As in C, the pre-sort
scan picks comparisons that cannot run user code when the keys are all exact
ints, strs or floats, and compares their host values; the list is emptied
while it is being sorted, and ``list modified during sort`` is raised if user
code put something into it meanwhile.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import _Py_TPFLAGS_MATCH_SELF
from pyvm.objects.object import (
    _PyErr_Clear,
    _Py_NewReference,
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_LT,
    Py_None,
    Py_ReprEnter,
    Py_ReprLeave,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_LIST_SUBCLASS,
    Py_TPFLAGS_SEQUENCE,
    PyErr,
    PyErr_SetNone,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_HashNotImplemented,
    PyObject_IsTrue,
    PyObject_Repr,
    PyObject_RichCompareBool,
    PyTypeObject,
    visitproc,
)
from pyvm.objects.tupleobject import (
    PyTupleObject,
    PyTuple_Type,
    PyTuple_Check,
    _as_index,
    _clinic_ssize_t,
    _subscript_index,
    _bool,
    _clamp_index_arg,
    _drain,
    _index_error,
    _is_slice,
    _new_int,
    _not_implemented,
    _PyIndex_Check,
    _PyTuple_FromArray,
    _richcompare_items,
    _self_iter,
    _slice_indices,
    _type_error,
    _value_error,
)
from pyvm.objects.abstract import (
    Py_GenericAlias,
    PyObject_GetIter,
)
from pyvm.objects.call import (
    PyObject_CallOneArg,
)
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    _PyIter_CallNext,
    PyExc_MemoryError,
    PyExc_SystemError,
    PyExc_TypeError,
)
from pyvm.objects.methodobject import (
    METH_CLASS,
    METH_FASTCALL,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    PyMethodDef,
)
from pyvm.objects.floatobject import PyFloat_Type, PyFloatObject
from pyvm.objects.longobject import PyLong_Type, PyLongObject
from pyvm.objects.unicodeobject import (
    _check_repeat,
    PyUnicode_Type,
    PyUnicodeObject,
    PyUnicode_FromString,
    _PyArg_CheckPositional,
    _PyArg_UnpackKeywords,
    _PyUnicode_AsString,
)


class PyListObject(PyObject):
    """CPython: Include/cpython/listobject.h:PyListObject"""

    ob_item: list[PyObject]

    def __init__(self, tp: PyTypeObject, items: list[PyObject]) -> None:
        super().__init__(tp)
        self.ob_item = items

    def _debug_detail(self) -> str:
        """pyvm: the size, for ``PyObject.__repr__``."""
        return f"len={len(self.ob_item)}"


PyList_Type: Final = PyTypeObject(
    "list",
    flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_SEQUENCE
    | Py_TPFLAGS_HAVE_GC | _Py_TPFLAGS_MATCH_SELF,
    doc="Built-in mutable sequence.\n\n"
        "If no argument is given, the constructor creates a new empty list.\n"
        "The argument must be an iterable if specified.")
PyListIter_Type: Final = PyTypeObject("list_iterator", flags=Py_TPFLAGS_HAVE_GC)
PyListRevIter_Type: Final = PyTypeObject("list_reverseiterator", flags=Py_TPFLAGS_HAVE_GC)

# CPython: Include/internal/pycore_freelist_state.h:Py_lists_MAXFREELIST
Py_lists_MAXFREELIST: Final = 80


class _ListState:
    """pyvm: the list freelist (``_Py_freelists.lists``)."""

    freelist: list[PyListObject]

    def __init__(self) -> None:
        self.freelist = []


_state: Final = _ListState()


def PyList_Check(op: PyObject) -> bool:
    """CPython: Include/listobject.h:PyList_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_LIST_SUBCLASS) != 0


def PyList_CheckExact(op: PyObject) -> bool:
    """CPython: Include/listobject.h:PyList_CheckExact"""
    return op.ob_type is PyList_Type


def _list_alloc(items: list[PyObject]) -> PyListObject:
    """pyvm: a list object around ``items`` (taken over), from the freelist."""
    fl = _state.freelist
    if fl:
        op = fl.pop()
        _Py_NewReference(op)
        op.ob_type = PyList_Type
        op.ob_item = items
        return op
    return PyListObject(PyList_Type, items)


def PyList_New(size: int) -> PyObject:
    """CPython: Objects/listobject.c:PyList_New

    A new list of ``size`` items. With ``size > 0`` the slots hold the immortal
    ``None`` as a stand-in for C's ``NULL`` and the caller must fill each with
    :func:`PyList_SET_ITEM` before the list escapes."""
    if size < 0:
        PyErr_SetString(PyExc_SystemError, "Objects/listobject.c: bad argument to internal function")
    if size == 0:
        return _list_alloc([])
    return _list_alloc([Py_None] * size)


def _PyList_FromArraySteal(items: list[PyObject]) -> PyObject:
    """CPython: Objects/listobject.c:_PyList_FromStackRefStealOnSuccess

    A new list taking over the references in ``items`` (the host list becomes
    ``ob_item``)."""
    return _list_alloc(items)


def _PyList_FromArray(items: list[PyObject]) -> PyObject:
    """pyvm: a new list with new references to ``items`` (``BUILD_LIST`` copies)."""
    for it in items:
        Py_INCREF(it)
    return _list_alloc(list(items))


def PyList_SET_ITEM(op: PyObject, i: int, v: PyObject) -> None:
    """CPython: Include/cpython/listobject.h:PyList_SET_ITEM (steals ``v``)"""
    assert isinstance(op, PyListObject)
    op.ob_item[i] = v


def PyList_GET_ITEM(op: PyObject, i: int) -> PyObject:
    """CPython: Include/cpython/listobject.h:PyList_GET_ITEM (borrowed)"""
    assert isinstance(op, PyListObject)
    return op.ob_item[i]


def _bad_internal_call() -> None:
    """pyvm: ``PyErr_BadInternalCall``."""
    PyErr_SetString(PyExc_SystemError, "Objects/listobject.c: bad argument to internal function")


def PyList_Size(op: PyObject) -> int:
    """CPython: Objects/listobject.c:PyList_Size"""
    if not isinstance(op, PyListObject):
        _bad_internal_call()
        return -1
    return len(op.ob_item)


def PyList_GetItem(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/listobject.c:PyList_GetItem (borrowed reference)"""
    if not isinstance(op, PyListObject):
        _bad_internal_call()
        raise AssertionError
    if i < 0 or i >= len(op.ob_item):
        _index_error("list index out of range")
    return op.ob_item[i]


def PyList_GetItemRef(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/listobject.c:PyList_GetItemRef (new reference)"""
    r = PyList_GetItem(op, i)
    Py_INCREF(r)
    return r


def PyList_SetItem(op: PyObject, i: int, v: PyObject) -> None:
    """CPython: Objects/listobject.c:PyList_SetItem (steals ``v``)"""
    if not isinstance(op, PyListObject):
        Py_DECREF(v)
        _bad_internal_call()
        return
    if i < 0 or i >= len(op.ob_item):
        Py_DECREF(v)
        _index_error("list assignment index out of range")
    old = op.ob_item[i]
    op.ob_item[i] = v
    Py_DECREF(old)


def ins1(op: PyListObject, where: int, v: PyObject) -> None:
    """CPython: Objects/listobject.c:ins1"""
    n = len(op.ob_item)
    if where < 0:
        where += n
        if where < 0:
            where = 0
    if where > n:
        where = n
    Py_INCREF(v)
    op.ob_item.insert(where, v)


def PyList_Insert(op: PyObject, where: int, v: PyObject) -> None:
    """CPython: Objects/listobject.c:PyList_Insert"""
    if not isinstance(op, PyListObject):
        _bad_internal_call()
        return
    ins1(op, where, v)


def PyList_Append(op: PyObject, v: PyObject) -> None:
    """CPython: Objects/listobject.c:PyList_Append (does not steal ``v``)"""
    if isinstance(op, PyListObject):
        Py_INCREF(v)
        op.ob_item.append(v)
        return
    _bad_internal_call()


def _PyList_AppendTakeRef(op: PyListObject, v: PyObject) -> None:
    """CPython: Include/internal/pycore_list.h:_PyList_AppendTakeRef (steals ``v``)"""
    op.ob_item.append(v)


def PyList_AsTuple(op: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:PyList_AsTuple"""
    assert isinstance(op, PyListObject)
    return _PyTuple_FromArray(op.ob_item)


def PyList_GetSlice(op: PyObject, ilow: int, ihigh: int) -> PyObject:
    """CPython: Objects/listobject.c:PyList_GetSlice"""
    assert isinstance(op, PyListObject)
    n = len(op.ob_item)
    if ilow < 0:
        ilow = 0
    elif ilow > n:
        ilow = n
    if ihigh < ilow:
        ihigh = ilow
    elif ihigh > n:
        ihigh = n
    return _PyList_FromArray(op.ob_item[ilow:ihigh])


def _release(items: list[PyObject]) -> None:
    """pyvm: drop the references held by items that left a list (after the list
    is consistent again, as C's ``list_ass_slice`` recycles them last)."""
    for it in items:
        Py_DECREF(it)


def list_clear_impl(op: PyListObject) -> None:
    """CPython: Objects/listobject.c:list_clear_impl"""
    items = op.ob_item
    if items:
        op.ob_item = []
        # C releases from the end (``Py_XDECREF`` loop from i = n - 1).
        items.reverse()
        _release(items)


def list_clear_slot(op: PyObject) -> bool:
    """CPython: Objects/listobject.c:list_clear_slot (``tp_clear``)"""
    assert isinstance(op, PyListObject)
    list_clear_impl(op)
    return False


def PyList_Clear(op: PyObject) -> None:
    """CPython: Objects/listobject.c:PyList_Clear"""
    assert isinstance(op, PyListObject)
    list_clear_impl(op)


def list_dealloc(op: PyObject) -> None:
    """CPython: Objects/listobject.c:list_dealloc"""
    assert isinstance(op, PyListObject)
    items = op.ob_item
    op.ob_item = []
    items.reverse()
    _release(items)
    if op.ob_type is PyList_Type and len(_state.freelist) < Py_lists_MAXFREELIST:
        _state.freelist.append(op)


def list_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/listobject.c:list_traverse"""
    assert isinstance(op, PyListObject)
    for it in op.ob_item:
        visit(it)


def list_repr(op: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_repr

    ``[...]`` when the list is already being printed."""
    assert isinstance(op, PyListObject)
    if not op.ob_item:
        return PyUnicode_FromString("[]")
    if Py_ReprEnter(op):
        return PyUnicode_FromString("[...]")
    parts: list[str] = []
    try:
        # Re-read the length: a repr() may mutate the list (list_repr_impl).
        i = 0
        while i < len(op.ob_item):
            it = op.ob_item[i]
            Py_INCREF(it)
            try:
                r = PyObject_Repr(it)
            finally:
                Py_DECREF(it)
            parts.append(_PyUnicode_AsString(r))
            Py_DECREF(r)
            i += 1
    finally:
        Py_ReprLeave(op)
    return PyUnicode_FromString("[" + ", ".join(parts) + "]")


def list_length(op: PyObject) -> int:
    """CPython: Objects/listobject.c:list_length"""
    assert isinstance(op, PyListObject)
    return len(op.ob_item)


def list_contains(op: PyObject, el: PyObject) -> bool:
    """CPython: Objects/listobject.c:list_contains"""
    assert isinstance(op, PyListObject)
    i = 0
    while i < len(op.ob_item):
        it = op.ob_item[i]
        Py_INCREF(it)
        try:
            if it is el or PyObject_RichCompareBool(it, el, Py_EQ):
                return True
        finally:
            Py_DECREF(it)
        i += 1
    return False


def list_item(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/listobject.c:list_item (new reference)"""
    assert isinstance(op, PyListObject)
    if i < 0 or i >= len(op.ob_item):
        _index_error("list index out of range")
    r = op.ob_item[i]
    Py_INCREF(r)
    return r


def list_concat(a: PyObject, bb: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_concat"""
    assert isinstance(a, PyListObject)
    if not isinstance(bb, PyListObject) or not PyList_Check(bb):
        _type_error(f'can only concatenate list (not "{bb.ob_type.tp_name}") to list')
    return _PyList_FromArray(a.ob_item + bb.ob_item)


def list_repeat(a: PyObject, n: int) -> PyObject:
    """CPython: Objects/listobject.c:list_repeat"""
    assert isinstance(a, PyListObject)
    size = len(a.ob_item)
    if size == 0 or n <= 0:
        return PyList_New(0)
    _check_repeat(size, n, None)
    return _PyList_FromArray(a.ob_item * n)


def list_ass_item(op: PyObject, i: int, v: Optional[PyObject]) -> None:
    """CPython: Objects/listobject.c:list_ass_item

    ``v`` None deletes. Does not steal ``v``."""
    assert isinstance(op, PyListObject)
    if i < 0 or i >= len(op.ob_item):
        _index_error("list assignment index out of range")
    old = op.ob_item[i]
    if v is None:
        del op.ob_item[i]
    else:
        Py_INCREF(v)
        op.ob_item[i] = v
    Py_DECREF(old)


def _sequence_fast(v: PyObject, msg: str) -> list[PyObject]:
    """CPython: Objects/abstract.c:PySequence_Fast

    pyvm: the items of ``v`` as a host list of *new* references."""
    if (isinstance(v, PyListObject) and v.ob_type is PyList_Type) \
            or (isinstance(v, PyTupleObject) and v.ob_type is PyTuple_Type):
        items = list(v.ob_item)
        for it in items:
            Py_INCREF(it)
        return items
    try:
        it = PyObject_GetIter(v)
    except PyErr as e:
        if e.matches(PyExc_TypeError):
            _PyErr_Clear(e)
            _type_error(msg)
        raise
    return _drain(it)


def list_ass_slice(a: PyListObject, ilow: int, ihigh: int, v: Optional[PyObject]) -> None:
    """CPython: Objects/listobject.c:list_ass_slice

    ``a[ilow:ihigh] = v`` (``v`` None deletes). ``v`` may be ``a`` itself."""
    if v is None:
        new: list[PyObject] = []
    elif v is a:
        new = list(a.ob_item)
        for it in new:
            Py_INCREF(it)
    else:
        new = _sequence_fast(v, "can only assign an iterable")
    _list_ass_slice_items(a, ilow, ihigh, new)


def _list_ass_slice_items(a: PyListObject, ilow: int, ihigh: int, new: list[PyObject]) -> None:
    """pyvm: the body of ``list_ass_slice`` once the new items (new
    references, taken over) are known."""
    n = len(a.ob_item)
    if ilow < 0:
        ilow = 0
    elif ilow > n:
        ilow = n
    if ihigh < ilow:
        ihigh = ilow
    elif ihigh > n:
        ihigh = n
    old = a.ob_item[ilow:ihigh]
    a.ob_item[ilow:ihigh] = new
    _release(old)


def PyList_SetSlice(a: PyObject, ilow: int, ihigh: int, v: Optional[PyObject]) -> None:
    """CPython: Objects/listobject.c:PyList_SetSlice"""
    assert isinstance(a, PyListObject)
    list_ass_slice(a, ilow, ihigh, v)


def list_subscript(op: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_subscript"""
    assert isinstance(op, PyListObject)
    if _PyIndex_Check(item):
        i = _subscript_index(item)
        if i < 0:
            i += len(op.ob_item)
        return list_item(op, i)
    if _is_slice(item):
        start, stop, step, slicelen = _slice_indices(item, len(op.ob_item))
        if slicelen <= 0:
            return PyList_New(0)
        if step == 1:
            return _PyList_FromArray(op.ob_item[start:start + slicelen])
        return _PyList_FromArray(op.ob_item[start:(stop if stop >= 0 else None):step])
    _type_error(f"list indices must be integers or slices, not {item.ob_type.tp_name}")


def list_ass_subscript(op: PyObject, item: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/listobject.c:list_ass_subscript"""
    assert isinstance(op, PyListObject)
    if _PyIndex_Check(item):
        i = _subscript_index(item)
        if i < 0:
            i += len(op.ob_item)
        list_ass_item(op, i, value)
        return
    if not _is_slice(item):
        _type_error(f"list indices must be integers or slices, not {item.ob_type.tp_name}")
    start, stop, step, slicelen = _slice_indices(item, len(op.ob_item))
    if step == 1:
        if value is None:
            list_ass_slice(op, start, stop if stop > start else start, None)
            return
        # 3.14 converts the value before looking at the step, with the
        # extended-slice message.
        if value is op:
            items = list(op.ob_item)
            for it in items:
                Py_INCREF(it)
        else:
            items = _sequence_fast(value, "must assign iterable to extended slice")
        _list_ass_slice_items(op, start, stop if stop > start else start, items)
        return
    if value is None:
        if slicelen <= 0:
            return
        if step < 0:
            # Delete the same items walking forward (C normalises the same way).
            start = start + step * (slicelen - 1)
            step = -step
        removed = op.ob_item[start:start + step * (slicelen - 1) + 1:step]
        del op.ob_item[start:start + step * (slicelen - 1) + 1:step]
        _release(removed)
        return
    # Assignment to an extended slice.
    if value is op:
        seq = list(op.ob_item)
        for it in seq:
            Py_INCREF(it)
    else:
        seq = _sequence_fast(value, "must assign iterable to extended slice")
    if len(seq) != slicelen:
        _release(seq)
        _value_error(f"attempt to assign sequence of size {len(seq)} "
                     f"to extended slice of size {slicelen}")
    if slicelen == 0:
        return
    old: list[PyObject] = []
    cur = start
    for k in range(slicelen):
        old.append(op.ob_item[cur])
        op.ob_item[cur] = seq[k]
        cur += step
    _release(old)


def list_inplace_concat(op: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_inplace_concat"""
    assert isinstance(op, PyListObject)
    list_extend_impl(op, other)
    Py_INCREF(op)
    return op


def list_inplace_repeat(op: PyObject, n: int) -> PyObject:
    """CPython: Objects/listobject.c:list_inplace_repeat"""
    assert isinstance(op, PyListObject)
    if n <= 0 or not op.ob_item:
        list_clear_impl(op)
    elif n > 1:
        _check_repeat(len(op.ob_item), n, None)
        add = op.ob_item * (n - 1)
        for it in add:
            Py_INCREF(it)
        op.ob_item.extend(add)
    Py_INCREF(op)
    return op


def list_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/listobject.c:list_richcompare"""
    if not isinstance(v, PyListObject) or not isinstance(w, PyListObject) \
            or not PyList_Check(v) or not PyList_Check(w):
        return _not_implemented()
    if (op == Py_EQ or op == 3) and len(v.ob_item) != len(w.ob_item):
        return _bool(op != Py_EQ)
    return _richcompare_items(v.ob_item, w.ob_item, op)


# ---------------------------------------------------------------------------
# Methods


def list_append_impl(op: PyObject, obj: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_append_impl"""
    assert isinstance(op, PyListObject)
    Py_INCREF(obj)
    op.ob_item.append(obj)
    return Py_None


def list_extend_impl(op: PyObject, iterable: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_extend_impl

    With ``list_extend_fast`` (lists and tuples, including the list itself) and
    ``list_extend_iter_lock_held`` (anything iterable)."""
    assert isinstance(op, PyListObject)
    # _list_extend: only exact lists and tuples take PySequence_Fast's path (a
    # subclass may override __iter__).
    if iterable is op or (isinstance(iterable, PyListObject) and iterable.ob_type is PyList_Type) \
            or (isinstance(iterable, PyTupleObject) and iterable.ob_type is PyTuple_Type):
        assert isinstance(iterable, PyListObject) or isinstance(iterable, PyTupleObject)
        add = list(iterable.ob_item)
        for it in add:
            Py_INCREF(it)
        op.ob_item.extend(add)
        return Py_None
    it = PyObject_GetIter(iterable)
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    try:
        while True:
            x = _PyIter_CallNext(nxt, it)
            if x is None:
                break
            op.ob_item.append(x)
    finally:
        Py_DECREF(it)
    return Py_None


def _PyList_Extend(op: PyListObject, iterable: PyObject) -> None:
    """CPython: Objects/listobject.c:_PyList_Extend"""
    list_extend_impl(op, iterable)


def PyList_Extend(op: PyObject, iterable: PyObject) -> None:
    """CPython: Objects/listobject.c:PyList_Extend"""
    list_extend_impl(op, iterable)


def list_insert_impl(op: PyObject, index: int, obj: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_insert_impl"""
    assert isinstance(op, PyListObject)
    ins1(op, index, obj)
    return Py_None


def list_pop_impl(op: PyObject, index: int) -> PyObject:
    """CPython: Objects/listobject.c:list_pop_impl (new reference)"""
    assert isinstance(op, PyListObject)
    n = len(op.ob_item)
    if n == 0:
        _index_error("pop from empty list")
    if index < 0:
        index += n
    if index < 0 or index >= n:
        _index_error("pop index out of range")
    # The popped reference moves to the caller.
    return op.ob_item.pop(index)


def list_remove_impl(op: PyObject, value: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_remove_impl"""
    assert isinstance(op, PyListObject)
    i = 0
    while i < len(op.ob_item):
        it = op.ob_item[i]
        Py_INCREF(it)
        try:
            cmp = it is value or PyObject_RichCompareBool(it, value, Py_EQ)
        finally:
            Py_DECREF(it)
        if cmp:
            if i < len(op.ob_item):
                old = op.ob_item.pop(i)
                Py_DECREF(old)
            return Py_None
        i += 1
    _value_error("list.remove(x): x not in list")


def list_index_impl(op: PyObject, value: PyObject, start: Optional[PyObject],
                    stop: Optional[PyObject]) -> PyObject:
    """CPython: Objects/listobject.c:list_index_impl"""
    assert isinstance(op, PyListObject)
    n = len(op.ob_item)
    i = _clamp_index_arg(start, 0, n)
    j = _clamp_index_arg(stop, n, n)
    while i < j and i < len(op.ob_item):
        it = op.ob_item[i]
        Py_INCREF(it)
        try:
            cmp = it is value or PyObject_RichCompareBool(it, value, Py_EQ)
        finally:
            Py_DECREF(it)
        if cmp:
            return _new_int(i)
        i += 1
    _value_error("list.index(x): x not in list")


def list_count_impl(op: PyObject, value: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_count_impl"""
    assert isinstance(op, PyListObject)
    count = 0
    i = 0
    while i < len(op.ob_item):
        it = op.ob_item[i]
        if it is value:
            count += 1
        else:
            Py_INCREF(it)
            try:
                if PyObject_RichCompareBool(it, value, Py_EQ):
                    count += 1
            finally:
                Py_DECREF(it)
        i += 1
    return _new_int(count)


def py_list_clear_impl(op: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:py_list_clear_impl (``list.clear``)"""
    assert isinstance(op, PyListObject)
    list_clear_impl(op)
    return Py_None


def list_copy_impl(op: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_copy_impl"""
    assert isinstance(op, PyListObject)
    return _PyList_FromArray(op.ob_item)


def list_reverse_impl(op: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_reverse_impl"""
    assert isinstance(op, PyListObject)
    op.ob_item.reverse()
    return Py_None


def PyList_Reverse(op: PyObject) -> None:
    """CPython: Objects/listobject.c:PyList_Reverse"""
    list_reverse_impl(op)


# ---------------------------------------------------------------------------
# list.sort: a port of CPython 3.14's timsort with the powersort merge policy
# (Objects/listobject.c, Objects/listsort.txt).
#
# pyvm sorts a permutation: ``MergeState.a`` holds indices into the keys, and
# every C move of a key (with its value) is a move of an index here. The
# comparisons are C's, made in C's order on the same key objects, so user
# ``__lt__`` methods see the same calls and inconsistent orders (NaN) give
# CPython's result. A comparison that raises leaves ``a`` a valid permutation,
# as C leaves the list a permutation of its items.

# CPython: Objects/listobject.c:MIN_GALLOP
MIN_GALLOP: Final = 7
# CPython: Objects/listobject.c:MAX_MINRUN
MAX_MINRUN: Final = 64

# pyvm: the comparison kinds chosen by the pre-sort scan of list_sort_impl.
_CMP_OBJECT: Final = 0
_CMP_LONG: Final = 1
_CMP_LATIN: Final = 2
_CMP_FLOAT: Final = 3


class s_slice:
    """pyvm: C's ``struct s_slice`` of Objects/listobject.c (a pending run:
    start index, length, powersort power)."""

    base: int
    len: int
    power: int

    def __init__(self, base: int, length: int) -> None:
        self.base = base
        self.len = length
        self.power = 0


class MergeState:
    """pyvm: C's ``MergeState`` struct of Objects/listobject.c.

    ``a`` is the permutation being sorted; ``ks`` the key objects (borrowed);
    ``hi``/``hs``/``hf`` their host values when ``kind`` says the keys are all
    exact ints, strs or floats."""

    a: list[int]
    ks: list[PyObject]
    kind: int
    hi: list[int]
    hs: list[str]
    hf: list[float]
    min_gallop: int
    pending: list[s_slice]
    listlen: int

    def __init__(self, ks: list[PyObject]) -> None:
        self.a = list(range(len(ks)))
        self.ks = ks
        self.kind = _CMP_OBJECT
        self.hi = []
        self.hs = []
        self.hf = []
        self.min_gallop = MIN_GALLOP
        self.pending = []
        self.listlen = len(ks)

    def lt(self, x: int, y: int) -> bool:
        """CPython: Objects/listobject.c:safe_object_compare

        C's ``ISLT``: is key ``x`` < key ``y``? With the type-specialised
        comparisons that cannot run user code.
        CPython: Objects/listobject.c:unsafe_long_compare
        CPython: Objects/listobject.c:unsafe_latin_compare
        CPython: Objects/listobject.c:unsafe_float_compare
        """
        k = self.kind
        if k == _CMP_LONG:
            return self.hi[x] < self.hi[y]
        if k == _CMP_LATIN:
            return self.hs[x] < self.hs[y]
        if k == _CMP_FLOAT:
            return self.hf[x] < self.hf[y]
        return PyObject_RichCompareBool(self.ks[x], self.ks[y], Py_LT)


def _reverse_range(a: list[int], lo: int, hi: int) -> None:
    """CPython: Objects/listobject.c:reverse_slice"""
    a[lo:hi] = a[lo:hi][::-1]


def binarysort(ms: MergeState, lo: int, n: int, ok: int) -> None:
    """CPython: Objects/listobject.c:binarysort

    Binary insertion of ``a[lo+ok:lo+n]`` into the sorted ``a[lo:lo+ok]``."""
    a = ms.a
    if ok == 0:
        ok = 1
    while ok < n:
        left = 0
        right = ok
        pivot = a[lo + ok]
        while left < right:
            m = (left + right) >> 1
            if ms.lt(pivot, a[lo + m]):
                right = m
            else:
                left = m + 1
        a[lo + left + 1:lo + ok + 1] = a[lo + left:lo + ok]
        a[lo + left] = pivot
        ok += 1


def count_run(ms: MergeState, lo: int, nremaining: int) -> int:
    """CPython: Objects/listobject.c:count_run

    The length of the run at ``lo``, made ascending in place (a descending run
    is reversed, equal sub-runs keeping their order)."""
    a = ms.a
    n = 1
    while n < nremaining:
        if ms.lt(a[lo + n], a[lo + n - 1]):
            break
        n += 1
    if n == nremaining:
        return n
    if n > 1:
        if ms.lt(a[lo], a[lo + n - 1]):
            return n
        _reverse_range(a, lo, lo + n)
    n += 1
    neq = 0
    while n < nremaining:
        if ms.lt(a[lo + n], a[lo + n - 1]):
            if neq:
                neq += 1
                _reverse_range(a, lo + n - neq, lo + n)
                neq = 0
        elif ms.lt(a[lo + n - 1], a[lo + n]):
            break
        else:
            neq += 1
        n += 1
    if neq:
        neq += 1
        _reverse_range(a, lo + n - neq, lo + n)
    _reverse_range(a, lo, lo + n)
    while n < nremaining:
        if ms.lt(a[lo + n], a[lo + n - 1]):
            break
        n += 1
    return n


def gallop_left(ms: MergeState, key: int, arr: list[int], base: int, n: int, hint: int) -> int:
    """CPython: Objects/listobject.c:gallop_left

    The k in 0..n with ``arr[base+k-1] < key <= arr[base+k]``."""
    lastofs = 0
    ofs = 1
    if ms.lt(arr[base + hint], key):
        maxofs = n - hint
        while ofs < maxofs:
            if ms.lt(arr[base + hint + ofs], key):
                lastofs = ofs
                ofs = (ofs << 1) + 1
            else:
                break
        if ofs > maxofs:
            ofs = maxofs
        lastofs += hint
        ofs += hint
    else:
        maxofs = hint + 1
        while ofs < maxofs:
            if ms.lt(arr[base + hint - ofs], key):
                break
            lastofs = ofs
            ofs = (ofs << 1) + 1
        if ofs > maxofs:
            ofs = maxofs
        k = lastofs
        lastofs = hint - ofs
        ofs = hint - k
    lastofs += 1
    while lastofs < ofs:
        m = lastofs + ((ofs - lastofs) >> 1)
        if ms.lt(arr[base + m], key):
            lastofs = m + 1
        else:
            ofs = m
    return ofs


def gallop_right(ms: MergeState, key: int, arr: list[int], base: int, n: int, hint: int) -> int:
    """CPython: Objects/listobject.c:gallop_right

    The k in 0..n with ``arr[base+k-1] <= key < arr[base+k]``."""
    lastofs = 0
    ofs = 1
    if ms.lt(key, arr[base + hint]):
        maxofs = hint + 1
        while ofs < maxofs:
            if ms.lt(key, arr[base + hint - ofs]):
                lastofs = ofs
                ofs = (ofs << 1) + 1
            else:
                break
        if ofs > maxofs:
            ofs = maxofs
        k = lastofs
        lastofs = hint - ofs
        ofs = hint - k
    else:
        maxofs = n - hint
        while ofs < maxofs:
            if ms.lt(key, arr[base + hint + ofs]):
                break
            lastofs = ofs
            ofs = (ofs << 1) + 1
        if ofs > maxofs:
            ofs = maxofs
        lastofs += hint
        ofs += hint
    lastofs += 1
    while lastofs < ofs:
        m = lastofs + ((ofs - lastofs) >> 1)
        if ms.lt(key, arr[base + m]):
            ofs = m
        else:
            lastofs = m + 1
    return ofs


def merge_lo(ms: MergeState, ssa: int, na: int, ssb: int, nb: int) -> None:
    """CPython: Objects/listobject.c:merge_lo

    Merges the runs ``a[ssa:ssa+na]`` and ``a[ssb:ssb+nb]`` (adjacent,
    ``na <= nb``) left to right, with run A copied to a temporary array."""
    a = ms.a
    tmp = a[ssa:ssa + na]
    pa = 0
    dest = ssa
    a[dest] = a[ssb]
    dest += 1
    ssb += 1
    nb -= 1
    copy_b = False
    try:
        if nb == 0:
            pass
        elif na == 1:
            copy_b = True
        else:
            min_gallop = ms.min_gallop
            finished = False
            while not finished:
                acount = 0
                bcount = 0
                while True:
                    if ms.lt(a[ssb], tmp[pa]):
                        a[dest] = a[ssb]
                        dest += 1
                        ssb += 1
                        bcount += 1
                        acount = 0
                        nb -= 1
                        if nb == 0:
                            finished = True
                            break
                        if bcount >= min_gallop:
                            break
                    else:
                        a[dest] = tmp[pa]
                        dest += 1
                        pa += 1
                        acount += 1
                        bcount = 0
                        na -= 1
                        if na == 1:
                            copy_b = True
                            finished = True
                            break
                        if acount >= min_gallop:
                            break
                if finished:
                    break
                min_gallop += 1
                while True:
                    if min_gallop > 1:
                        min_gallop -= 1
                    ms.min_gallop = min_gallop
                    k = gallop_right(ms, a[ssb], tmp, pa, na, 0)
                    acount = k
                    if k:
                        a[dest:dest + k] = tmp[pa:pa + k]
                        dest += k
                        pa += k
                        na -= k
                        if na == 1:
                            copy_b = True
                            finished = True
                            break
                        if na == 0:
                            finished = True
                            break
                    a[dest] = a[ssb]
                    dest += 1
                    ssb += 1
                    nb -= 1
                    if nb == 0:
                        finished = True
                        break
                    k = gallop_left(ms, tmp[pa], a, ssb, nb, 0)
                    bcount = k
                    if k:
                        a[dest:dest + k] = a[ssb:ssb + k]
                        dest += k
                        ssb += k
                        nb -= k
                        if nb == 0:
                            finished = True
                            break
                    a[dest] = tmp[pa]
                    dest += 1
                    pa += 1
                    na -= 1
                    if na == 1:
                        copy_b = True
                        finished = True
                        break
                    if acount < MIN_GALLOP and bcount < MIN_GALLOP:
                        break
                if finished:
                    break
                min_gallop += 1
                ms.min_gallop = min_gallop
    except PyErr:
        if na:
            a[dest:dest + na] = tmp[pa:pa + na]
        raise
    if copy_b:
        a[dest:dest + nb] = a[ssb:ssb + nb]
        a[dest + nb] = tmp[pa]
    elif na:
        a[dest:dest + na] = tmp[pa:pa + na]


def merge_hi(ms: MergeState, ssa: int, na: int, ssb: int, nb: int) -> None:
    """CPython: Objects/listobject.c:merge_hi

    Merges the runs ``a[ssa:ssa+na]`` and ``a[ssb:ssb+nb]`` (adjacent,
    ``na >= nb``) right to left, with run B copied to a temporary array."""
    a = ms.a
    tmp = a[ssb:ssb + nb]
    basea = ssa
    dest = ssb + nb - 1
    pb = nb - 1
    pa = ssa + na - 1
    a[dest] = a[pa]
    dest -= 1
    pa -= 1
    na -= 1
    copy_a = False
    try:
        if na == 0:
            pass
        elif nb == 1:
            copy_a = True
        else:
            min_gallop = ms.min_gallop
            finished = False
            while not finished:
                acount = 0
                bcount = 0
                while True:
                    if ms.lt(tmp[pb], a[pa]):
                        a[dest] = a[pa]
                        dest -= 1
                        pa -= 1
                        acount += 1
                        bcount = 0
                        na -= 1
                        if na == 0:
                            finished = True
                            break
                        if acount >= min_gallop:
                            break
                    else:
                        a[dest] = tmp[pb]
                        dest -= 1
                        pb -= 1
                        bcount += 1
                        acount = 0
                        nb -= 1
                        if nb == 1:
                            copy_a = True
                            finished = True
                            break
                        if bcount >= min_gallop:
                            break
                if finished:
                    break
                min_gallop += 1
                while True:
                    if min_gallop > 1:
                        min_gallop -= 1
                    ms.min_gallop = min_gallop
                    k = gallop_right(ms, tmp[pb], a, basea, na, na - 1)
                    k = na - k
                    acount = k
                    if k:
                        dest -= k
                        pa -= k
                        a[dest + 1:dest + 1 + k] = a[pa + 1:pa + 1 + k]
                        na -= k
                        if na == 0:
                            finished = True
                            break
                    a[dest] = tmp[pb]
                    dest -= 1
                    pb -= 1
                    nb -= 1
                    if nb == 1:
                        copy_a = True
                        finished = True
                        break
                    k = gallop_left(ms, a[pa], tmp, 0, nb, nb - 1)
                    k = nb - k
                    bcount = k
                    if k:
                        dest -= k
                        pb -= k
                        a[dest + 1:dest + 1 + k] = tmp[pb + 1:pb + 1 + k]
                        nb -= k
                        if nb == 1:
                            copy_a = True
                            finished = True
                            break
                        if nb == 0:
                            finished = True
                            break
                    a[dest] = a[pa]
                    dest -= 1
                    pa -= 1
                    na -= 1
                    if na == 0:
                        finished = True
                        break
                    if acount < MIN_GALLOP and bcount < MIN_GALLOP:
                        break
                if finished:
                    break
                min_gallop += 1
                ms.min_gallop = min_gallop
    except PyErr:
        if nb:
            a[dest - (nb - 1):dest + 1] = tmp[0:nb]
        raise
    if copy_a:
        a[dest + 1 - na:dest + 1] = a[pa + 1 - na:pa + 1]
        dest -= na
        a[dest] = tmp[pb]
    elif nb:
        a[dest - (nb - 1):dest + 1] = tmp[0:nb]


def merge_at(ms: MergeState, i: int) -> None:
    """CPython: Objects/listobject.c:merge_at

    Merges the pending runs ``i`` and ``i + 1``."""
    p = ms.pending
    a = ms.a
    ssa = p[i].base
    na = p[i].len
    ssb = p[i + 1].base
    nb = p[i + 1].len
    p[i].len = na + nb
    if i == len(p) - 3:
        p[i + 1] = p[i + 2]
    p.pop()
    k = gallop_right(ms, a[ssb], a, ssa, na, 0)
    ssa += k
    na -= k
    if na == 0:
        return
    nb = gallop_left(ms, a[ssa + na - 1], a, ssb, nb, nb - 1)
    if nb <= 0:
        return
    if na <= nb:
        merge_lo(ms, ssa, na, ssb, nb)
    else:
        merge_hi(ms, ssa, na, ssb, nb)


def powerloop(s1: int, n1: int, n2: int, n: int) -> int:
    """CPython: Objects/listobject.c:powerloop

    The powersort "power" of the run boundary between two adjacent runs."""
    result = 0
    a = 2 * s1 + n1
    b = a + n1 + n2
    while True:
        result += 1
        if a >= n:
            a -= n
            b -= n
        elif b >= n:
            break
        a <<= 1
        b <<= 1
    return result


def found_new_run(ms: MergeState, n2: int) -> None:
    """CPython: Objects/listobject.c:found_new_run"""
    p = ms.pending
    if p:
        s1 = p[-1].base
        n1 = p[-1].len
        power = powerloop(s1, n1, n2, ms.listlen)
        while len(p) > 1 and p[-2].power > power:
            merge_at(ms, len(p) - 2)
        p[-1].power = power


def merge_force_collapse(ms: MergeState) -> None:
    """CPython: Objects/listobject.c:merge_force_collapse"""
    p = ms.pending
    while len(p) > 1:
        n = len(p) - 2
        if n > 0 and p[n - 1].len < p[n + 1].len:
            n -= 1
        merge_at(ms, n)


def merge_compute_minrun(n: int) -> int:
    """CPython: Objects/listobject.c:merge_compute_minrun"""
    r = 0
    while n >= MAX_MINRUN:
        r |= n & 1
        n >>= 1
    return n + r


def _sort_order(ks: list[PyObject], reverse: bool) -> list[int]:
    """CPython: Objects/listobject.c:list_sort_impl

    The sorting part of ``list_sort_impl``: the pre-sort scan that picks the
    comparison, the reversal for ``reverse=True`` (C reverses, sorts stably,
    reverses back), the run loop and the final collapse. Returns the
    permutation of indices; a comparison error propagates after the
    permutation is left consistent (``ms.a`` is then the order C leaves)."""
    ms = MergeState(ks)
    n = len(ks)
    if n < 2:
        return ms.a
    tp = ks[0].ob_type
    same = True
    for k in ks:
        if k.ob_type is not tp:
            same = False
            break
    if same and tp is PyLong_Type:
        for k in ks:
            assert isinstance(k, PyLongObject)
            ms.hi.append(k.ob_ival)
        ms.kind = _CMP_LONG
    elif same and tp is PyUnicode_Type:
        for k in ks:
            assert isinstance(k, PyUnicodeObject)
            ms.hs.append(k.value)
        ms.kind = _CMP_LATIN
    elif same and tp is PyFloat_Type:
        for k in ks:
            assert isinstance(k, PyFloatObject)
            ms.hf.append(k.ob_fval)
        ms.kind = _CMP_FLOAT
    if reverse:
        ms.a.reverse()
    try:
        minrun = merge_compute_minrun(n)
        lo = 0
        nremaining = n
        while nremaining:
            r = count_run(ms, lo, nremaining)
            if r < minrun:
                force = nremaining if nremaining <= minrun else minrun
                binarysort(ms, lo, force, r)
                r = force
            found_new_run(ms, r)
            ms.pending.append(s_slice(lo, r))
            lo += r
            nremaining -= r
        merge_force_collapse(ms)
    except PyErr as e:
        if reverse:
            ms.a.reverse()
        raise _SortError(ms.a, e)
    if reverse:
        ms.a.reverse()
    return ms.a


class _SortError(Exception):
    """pyvm: carries the permutation reached when a comparison raised, with the
    pyvm error, out of :func:`_sort_order`."""

    order: list[int]
    err: PyErr

    def __init__(self, order: list[int], err: PyErr) -> None:
        super().__init__()
        self.order = order
        self.err = err


def list_sort_impl(op: PyObject, keyfunc: Optional[PyObject], reverse: bool) -> PyObject:
    """CPython: Objects/listobject.c:list_sort_impl

    Stable sort through the host timsort (see the module docstring). With
    ``keyfunc``, every key is computed first, as C does, and the keys are
    released afterwards."""
    assert isinstance(op, PyListObject)
    saved = op.ob_item
    # C empties the list during the sort so that mutation is detectable.
    op.ob_item = []
    keys: list[PyObject] = []
    err: Optional[PyErr] = None
    result = saved
    try:
        if keyfunc is not None and keyfunc is not Py_None:
            for it in saved:
                keys.append(PyObject_CallOneArg(keyfunc, it))
            order = _sort_order(keys, reverse)
        else:
            order = _sort_order(saved, reverse)
        result = [saved[j] for j in order]
    except PyErr as e:
        err = e
    except _SortError as se:
        err = se.err
        result = [saved[j] for j in se.order]
    _release(keys)
    modified = op.ob_item
    op.ob_item = result
    if modified:
        _release(modified)
        if err is None:
            _value_error("list modified during sort")
    if err is not None:
        raise err
    return Py_None


def PyList_Sort(op: PyObject) -> None:
    """CPython: Objects/listobject.c:PyList_Sort"""
    list_sort_impl(op, None, False)


def list___init___impl(op: PyListObject, iterable: Optional[PyObject]) -> None:
    """CPython: Objects/listobject.c:list___init___impl"""
    list_clear_impl(op)
    if iterable is not None:
        list_extend_impl(op, iterable)


def list_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:PyType_GenericNew

    pyvm: ``list.__new__`` makes an empty list; ``__init__`` fills it."""
    if tp is PyList_Type:
        return _list_alloc([])
    return PyListObject(tp, [])


def list_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/clinic/listobject.c.h:list___init__"""
    assert isinstance(op, PyListObject) and isinstance(args, PyTupleObject)
    if op.ob_type is PyList_Type and kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle: dictobject -> listobject
        if PyDict_Size(kwds) != 0:
            _type_error("list() takes no keyword arguments")
    n = len(args.ob_item)
    if n > 1:
        _type_error(f"list expected at most 1 argument, got {n}")
    list___init___impl(op, args.ob_item[0] if n == 1 else None)


def list_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                    kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/listobject.c:list_vectorcall"""
    if kwnames is not None and isinstance(kwnames, PyTupleObject) and kwnames.ob_item:
        _type_error("list() takes no keyword arguments")
    if nargs > 1:
        _type_error(f"list expected at most 1 argument, got {nargs}")
    op = _list_alloc([])
    if nargs == 1:
        try:
            list_extend_impl(op, args[start])
        except PyErr:
            Py_DECREF(op)
            raise
    return op


def PySequence_List(v: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_List"""
    op = _list_alloc([])
    try:
        list_extend_impl(op, v)
    except PyErr:
        Py_DECREF(op)
        raise
    return op


# ---------------------------------------------------------------------------
# Iterators


class _PyListIterObject(PyObject):
    """CPython: Include/internal/pycore_list.h:_PyListIterObject"""

    it_index: int
    it_seq: Optional[PyListObject]

    def __init__(self, tp: PyTypeObject, seq: PyListObject, index: int) -> None:
        super().__init__(tp)
        self.it_index = index
        self.it_seq = seq


def list_iter(seq: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list_iter"""
    assert isinstance(seq, PyListObject)
    Py_INCREF(seq)
    return _PyListIterObject(PyListIter_Type, seq, 0)


def listiter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/listobject.c:listiter_next"""
    assert isinstance(op, _PyListIterObject)
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


def listiter_dealloc(op: PyObject) -> None:
    """CPython: Objects/listobject.c:listiter_dealloc"""
    assert isinstance(op, _PyListIterObject)
    seq = op.it_seq
    op.it_seq = None
    if seq is not None:
        Py_DECREF(seq)


def listiter_len(op: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:listiter_len"""
    assert isinstance(op, _PyListIterObject)
    seq = op.it_seq
    n = 0
    if seq is not None:
        if _listiter_is_reverse(op):
            n = op.it_index + 1 if op.it_index < len(seq.ob_item) else 0
        else:
            n = len(seq.ob_item) - op.it_index
    return _new_int(max(n, 0))


def listiter_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/listobject.c:listiter_traverse

    (Also ``listreviter_traverse``.)"""
    assert isinstance(op, _PyListIterObject)
    if op.it_seq is not None:
        visit(op.it_seq)


def list___reversed___impl(seq: PyObject) -> PyObject:
    """CPython: Objects/listobject.c:list___reversed___impl"""
    assert isinstance(seq, PyListObject)
    Py_INCREF(seq)
    return _PyListIterObject(PyListRevIter_Type, seq, len(seq.ob_item) - 1)


def listreviter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/listobject.c:listreviter_next"""
    assert isinstance(op, _PyListIterObject)
    seq = op.it_seq
    if seq is None:
        return None
    i = op.it_index
    if 0 <= i < len(seq.ob_item):
        op.it_index = i - 1
        r = seq.ob_item[i]
        Py_INCREF(r)
        return r
    op.it_index = -1
    op.it_seq = None
    Py_DECREF(seq)
    return None


def _listiter_is_reverse(op: _PyListIterObject) -> bool:
    """pyvm: whether a list iterator is a reverse one."""
    return op.ob_type is PyListRevIter_Type


# ---------------------------------------------------------------------------
# Method wrappers (Argument Clinic's parsers) and the type initializers


def list_insert(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/listobject.c.h:list_insert"""
    _PyArg_CheckPositional("insert", len(args), 2, 2)
    return list_insert_impl(self, _clinic_ssize_t(args[0]), args[1])


def list_pop(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/listobject.c.h:list_pop"""
    _PyArg_CheckPositional("pop", len(args), 0, 1)
    return list_pop_impl(self, _clinic_ssize_t(args[0]) if args else -1)


def list_index(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/listobject.c.h:list_index"""
    _PyArg_CheckPositional("index", len(args), 1, 3)
    return list_index_impl(self, args[0], args[1] if len(args) > 1 else None,
                           args[2] if len(args) > 2 else None)


def list_sort(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/listobject.c.h:list_sort"""
    a = _PyArg_UnpackKeywords("sort", args, kwnames, ["key", "reverse"], 0, 0)
    r = a[1]
    return list_sort_impl(self, a[0], PyObject_IsTrue(r) if r is not None else False)


def _init_types() -> None:
    """pyvm: the static initializers of ``PyList_Type`` and its iterators (C's
    ``tp_*`` fields and ``list_methods``)."""
    tp = PyList_Type
    tp.tp_dealloc = list_dealloc
    tp.tp_repr = list_repr
    tp.tp_hash = PyObject_HashNotImplemented
    tp.tp_richcompare = list_richcompare
    tp.tp_iter = list_iter
    tp.tp_new = list_new
    tp.tp_init = list_init
    tp.tp_vectorcall = list_vectorcall
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.tp_traverse = list_traverse
    tp.tp_clear = list_clear_slot
    tp.sq_length = list_length
    tp.sq_concat = list_concat
    tp.sq_repeat = list_repeat
    tp.sq_item = list_item
    tp.sq_ass_item = list_ass_item
    tp.sq_contains = list_contains
    tp.sq_inplace_concat = list_inplace_concat
    tp.sq_inplace_repeat = list_inplace_repeat
    tp.mp_length = list_length
    tp.mp_subscript = list_subscript
    tp.mp_ass_subscript = list_ass_subscript
    _PyType_AddMethods(tp, [
        PyMethodDef("__reversed__", list___reversed___impl, METH_NOARGS),
        PyMethodDef("clear", py_list_clear_impl, METH_NOARGS),
        PyMethodDef("copy", list_copy_impl, METH_NOARGS),
        PyMethodDef("append", list_append_impl, METH_O),
        PyMethodDef("insert", list_insert, METH_FASTCALL),
        PyMethodDef("extend", list_extend_impl, METH_O),
        PyMethodDef("pop", list_pop, METH_FASTCALL),
        PyMethodDef("remove", list_remove_impl, METH_O),
        PyMethodDef("index", list_index, METH_FASTCALL),
        PyMethodDef("count", list_count_impl, METH_O),
        PyMethodDef("reverse", list_reverse_impl, METH_NOARGS),
        PyMethodDef("sort", list_sort, METH_FASTCALL | METH_KEYWORDS),
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "lists are generic over the type of their contents"),
    ])
    for it, nxt in ((PyListIter_Type, listiter_next), (PyListRevIter_Type, listreviter_next)):
        it.tp_dealloc = listiter_dealloc
        it.tp_iter = _self_iter
        it.tp_iternext = nxt
        it.tp_traverse = listiter_traverse
        it.tp_getattro = PyObject_GenericGetAttr
        _PyType_AddMethods(it, [PyMethodDef("__length_hint__", listiter_len, METH_NOARGS)])


_init_types()
