"""Ports Objects/bytearrayobject.c: the bytearray type.

A bytearray stores its data in a host ``bytearray`` (``ob_bytes``), as a
bytes object stores a host ``bytes``; the host object manages the allocation
C does by hand (``ob_alloc``, ``ob_start``, the over-allocation of
``bytearray_resize_lock_held``).

The buffer protocol (``bytearray_getbuffer``) hands out that very host object
as ``Py_buffer.data`` and counts the views in ``ob_exports``. Two rules keep
views and the bytearray in step:

* ``ob_bytes`` is never replaced: every change is made in place on the host
  object, so a memoryview sees it (and writes through a view reach the
  bytearray);
* while ``ob_exports > 0`` the size may not change: every resizing operation
  asks ``_canresize`` first, which raises ``BufferError: Existing exports of
  data: object cannot be re-sized`` as C does. Same-size writes (item and
  slice assignment of equal length) are allowed.

The methods bytearray shares with bytes (find, split, strip, upper, hex, …)
come from pyvm/objects/bytes_methods.py, as C's come from bytes_methods.c;
they return bytearrays here. bytes has no ``%`` operator in pyvm yet, so
neither has bytearray.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import (
    _PyType_CheckReady, _PyErr_Clear,
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
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_SEQUENCE,
    PyBUF_FULL_RO,
    Py_buffer,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_HashNotImplemented,
    PyObject_SelfIter,
    PyTypeObject,
    PyUnicode_Check,
)
from pyvm.objects.abstract import (
    PyBuffer_FillInfo,
    PyObject_CheckBuffer,
    PyObject_GetIter,
    _PyBuffer_Bytes,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.bytes_methods import _Py_bytes_contains, _shared_methods
from pyvm.objects.call import _PyStack_UnpackDict, PyObject_CallOneArg
from pyvm.objects.descrobject import _PyType_AddMethods
from pyvm.objects.exceptions import (
    PyExc_BufferError,
    PyExc_IndexError,
    PyExc_OverflowError,
    PyExc_TypeError,
    PyExc_ValueError,
)
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.methodobject import (
    METH_FASTCALL,
    METH_NOARGS,
    METH_O,
    PyMethodDef,
)
from pyvm.objects.tupleobject import (
    PyTupleObject,
    _as_index,
    _is_slice,
    _PyIndex_Check,
    _slice_indices,
    _subscript_index,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
    PyUnicodeObject,
    _PyArg_CheckPositional,
    _PyArg_UnpackKeywords,
    _arg_index,
    _check_repeat,
    _codec_error,
    _str_kwarg,
)
from pyvm.objects.complexobject import PyComplex_Type


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def _value_error(msg: str) -> NoReturn:
    """pyvm: raise ValueError."""
    PyErr_SetString(PyExc_ValueError, msg)


class PyByteArrayObject(PyObject):
    """CPython: Include/cpython/bytearrayobject.h:PyByteArrayObject

    ``ob_bytes`` is the host storage (never replaced, see the module
    docstring); ``ob_exports`` counts the buffer views handed out."""

    ob_bytes: bytearray
    ob_exports: int

    def __init__(self, tp: PyTypeObject, data: bytes) -> None:
        super().__init__(tp)
        self.ob_bytes = bytearray(data)
        self.ob_exports = 0


PyByteArray_Type: Final = PyTypeObject(
    "bytearray",
    flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE,
    doc="bytearray(iterable_of_ints) -> bytearray\n"
        "bytearray(string, encoding[, errors]) -> bytearray\n"
        "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
        "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
        "bytearray() -> empty bytes array\n\n"
        "Construct a mutable bytearray object from:\n"
        "  - an iterable yielding integers in range(256)\n"
        "  - a text string encoded using the specified encoding\n"
        "  - a bytes or a buffer object\n"
        "  - any object implementing the buffer API.\n"
        "  - an integer")
PyByteArrayIter_Type: Final = PyTypeObject("bytearray_iterator")


def PyByteArray_Check(op: PyObject) -> bool:
    """CPython: Include/bytearrayobject.h:PyByteArray_Check"""
    return isinstance(op, PyByteArrayObject)


def PyByteArray_FromStringAndSize(data: bytes) -> PyObject:
    """CPython: Objects/bytearrayobject.c:PyByteArray_FromStringAndSize

    A new bytearray holding a copy of ``data``."""
    return PyByteArrayObject(PyByteArray_Type, data)


def PyByteArray_FromObject(input: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:PyByteArray_FromObject

    ``bytearray(input)``."""
    return PyObject_CallOneArg(PyByteArray_Type, input)


def _self(op: PyObject) -> PyByteArrayObject:
    """pyvm: C's ``_PyByteArray_CAST``."""
    assert isinstance(op, PyByteArrayObject)
    return op


def _getbytevalue(arg: PyObject) -> int:
    """CPython: Objects/bytearrayobject.c:_getbytevalue

    An int (or ``__index__``) in ``range(256)``."""
    v = _as_index(arg)
    if v < 0 or v >= 256:
        _value_error("byte must be in range(0, 256)")
    return v


# ---------------------------------------------------------------------------
# The buffer protocol and resizing


def bytearray_getbuffer(op: PyObject, flags: int) -> Py_buffer:
    """CPython: Objects/bytearrayobject.c:bytearray_getbuffer

    A writable view of ``ob_bytes`` itself; counts the export."""
    self = _self(op)
    view = PyBuffer_FillInfo(self.ob_bytes, self, len(self.ob_bytes), False, flags)
    self.ob_exports += 1
    return view


def bytearray_releasebuffer(op: PyObject, view: Py_buffer) -> None:
    """CPython: Objects/bytearrayobject.c:bytearray_releasebuffer"""
    self = _self(op)
    self.ob_exports -= 1
    assert self.ob_exports >= 0


def _canresize(self: PyByteArrayObject) -> None:
    """CPython: Objects/bytearrayobject.c:_canresize

    Raises BufferError while views are out."""
    if self.ob_exports > 0:
        PyErr_SetString(PyExc_BufferError,
                        "Existing exports of data: object cannot be re-sized")


def PyByteArray_Resize(op: PyObject, requested_size: int) -> None:
    """CPython: Objects/bytearrayobject.c:PyByteArray_Resize

    With ``bytearray_resize_lock_held``: new bytes are zero, in place."""
    self = _self(op)
    if requested_size < 0:
        _value_error(f"Can only resize to positive sizes, got {requested_size}")
    size = len(self.ob_bytes)
    if requested_size == size:
        return
    _canresize(self)
    if requested_size < size:
        del self.ob_bytes[requested_size:]
    else:
        _check_repeat(requested_size, 1, None)
        self.ob_bytes.extend(bytes(requested_size - size))


def PyByteArray_Concat(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:PyByteArray_Concat

    ``bytearray + bytes-like``: a new bytearray."""
    if not PyObject_CheckBuffer(a) or not PyObject_CheckBuffer(b):
        _type_error(f"can't concat {b.ob_type.tp_name} to {a.ob_type.tp_name}")
    return PyByteArray_FromStringAndSize(_PyBuffer_Bytes(a) + _PyBuffer_Bytes(b))


# ---------------------------------------------------------------------------
# Sequence slots


def bytearray_length(op: PyObject) -> int:
    """CPython: Objects/bytearrayobject.c:bytearray_length"""
    return len(_self(op).ob_bytes)


def bytearray_iconcat(op: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_iconcat"""
    self = _self(op)
    if not PyObject_CheckBuffer(other):
        _type_error(f"can't concat {other.ob_type.tp_name} to {self.ob_type.tp_name}")
    data = _PyBuffer_Bytes(other)
    if data:
        _canresize(self)
        self.ob_bytes.extend(data)
    Py_INCREF(self)
    return self


def bytearray_repeat(op: PyObject, count: int) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_repeat"""
    self = _self(op)
    if count < 0:
        count = 0
    _check_repeat(len(self.ob_bytes), count, None)
    return PyByteArray_FromStringAndSize(bytes(self.ob_bytes) * count)


def bytearray_irepeat(op: PyObject, count: int) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_irepeat"""
    self = _self(op)
    if count < 0:
        count = 0
    elif count == 1:
        Py_INCREF(self)
        return self
    size = len(self.ob_bytes)
    _check_repeat(size, count, None)
    if size * count != size:
        _canresize(self)
        self.ob_bytes *= count
    Py_INCREF(self)
    return self


def bytearray_getitem(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_getitem"""
    self = _self(op)
    if i < 0 or i >= len(self.ob_bytes):
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range")
    return PyLong_FromLong(self.ob_bytes[i])


def bytearray_subscript(op: PyObject, index: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_subscript"""
    self = _self(op)
    if _PyIndex_Check(index):
        i = _subscript_index(index)
        if i < 0:
            i += len(self.ob_bytes)
        return bytearray_getitem(self, i)
    if _is_slice(index):
        start, stop, step, slicelength = _slice_indices(index, len(self.ob_bytes))
        if slicelength <= 0:
            return PyByteArray_FromStringAndSize(b"")
        buf = self.ob_bytes
        if step == 1:
            return PyByteArray_FromStringAndSize(bytes(buf[start:start + slicelength]))
        return PyByteArray_FromStringAndSize(
            bytes([buf[start + k * step] for k in range(slicelength)]))
    _type_error(f"bytearray indices must be integers or slices, not {index.ob_type.tp_name}")


def bytearray_setslice_linear(self: PyByteArrayObject, lo: int, hi: int, data: bytes) -> None:
    """CPython: Objects/bytearrayobject.c:bytearray_setslice_linear

    Replaces ``[lo:hi]`` by ``data`` in place; a change of size needs
    ``_canresize``."""
    if len(data) != hi - lo:
        _canresize(self)
    self.ob_bytes[lo:hi] = data


def bytearray_setslice(self: PyByteArrayObject, lo: int, hi: int, values: Optional[PyObject]) -> None:
    """CPython: Objects/bytearrayobject.c:bytearray_setslice"""
    if values is None:
        data = b""
    else:
        if not PyObject_CheckBuffer(values):
            _type_error(f"can't set bytearray slice from {values.ob_type.tp_name}")
        data = _PyBuffer_Bytes(values)
    n = len(self.ob_bytes)
    if lo < 0:
        lo = 0
    if hi < lo:
        hi = lo
    if hi > n:
        hi = n
    bytearray_setslice_linear(self, lo, hi, data)


def bytearray_setitem(op: PyObject, i: int, value: Optional[PyObject]) -> None:
    """CPython: Objects/bytearrayobject.c:bytearray_setitem"""
    self = _self(op)
    ival = -1
    if value is not None:
        ival = _getbytevalue(value)
    if i < 0:
        i += len(self.ob_bytes)
    if i < 0 or i >= len(self.ob_bytes):
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range")
    if value is None:
        bytearray_setslice(self, i, i + 1, None)
        return
    self.ob_bytes[i] = ival


def _PyNumber_Check(o: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyNumber_Check"""
    tp = o.ob_type
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)  # pyvm: inherited slots come with readiness
    return (tp.nb_index is not None or tp.nb_int is not None or tp.nb_float is not None
            or tp is PyComplex_Type)


def bytearray_ass_subscript(op: PyObject, index: PyObject, values: Optional[PyObject]) -> None:
    """CPython: Objects/bytearrayobject.c:bytearray_ass_subscript"""
    self = _self(op)
    if _PyIndex_Check(index):
        i = _subscript_index(index)
        ival = -1
        if values is not None:
            ival = _getbytevalue(values)
        if i < 0:
            i += len(self.ob_bytes)
        if i < 0 or i >= len(self.ob_bytes):
            PyErr_SetString(PyExc_IndexError, "bytearray index out of range")
        if values is not None:
            self.ob_bytes[i] = ival
            return
        start = i
        stop = i + 1
        step = 1
        slicelen = 1
    elif _is_slice(index):
        start, stop, step, slicelen = _slice_indices(index, len(self.ob_bytes))
    else:
        _type_error(f"bytearray indices must be integers or slices, not {index.ob_type.tp_name}")
    if values is None:
        data = b""
    elif values is self or not isinstance(values, PyByteArrayObject):
        if _PyNumber_Check(values) or PyUnicode_Check(values):
            _type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        # C makes a bytearray copy and calls itself again.
        copy = PyByteArray_FromObject(values)
        try:
            bytearray_ass_subscript(self, index, copy)
        finally:
            Py_DECREF(copy)
        return
    else:
        data = bytes(values.ob_bytes)
    # Make sure b[5:2] = ... inserts before 5, not before 2.
    if (step < 0 and start < stop) or (step > 0 and start > stop):
        stop = start
    if step == 1:
        bytearray_setslice_linear(self, start, stop, data)
        return
    buf = self.ob_bytes
    if not data:
        # Delete an extended slice.
        _canresize(self)
        if slicelen == 0:
            return
        if step < 0:
            start = start + step * (slicelen - 1)
            step = -step
        del buf[start:start + step * (slicelen - 1) + 1:step]
        return
    if len(data) != slicelen:
        _value_error(f"attempt to assign bytes of size {len(data)} "
                     f"to extended slice of size {slicelen}")
    for k in range(slicelen):
        buf[start + k * step] = data[k]


def bytearray_contains(op: PyObject, arg: PyObject) -> bool:
    """CPython: Objects/bytearrayobject.c:bytearray_contains"""
    return _Py_bytes_contains(_self(op).ob_bytes, arg)


# ---------------------------------------------------------------------------
# Construction


def bytearray_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:PyType_GenericNew

    pyvm: ``bytearray.__new__`` makes an empty bytearray; ``__init__`` fills
    it."""
    return PyByteArrayObject(tp, b"")


def bytearray___init___impl(op: PyObject, arg: Optional[PyObject], encoding: Optional[str],
                            errors: Optional[str]) -> None:
    """CPython: Objects/bytearrayobject.c:bytearray___init___impl"""
    self = _self(op)
    if self.ob_bytes:
        # Empty previous contents (yes, do this first of all!)
        PyByteArray_Resize(self, 0)
    if arg is None:
        if encoding is not None or errors is not None:
            _type_error("encoding without a string argument" if encoding is not None
                        else "errors without a string argument")
        return
    if isinstance(arg, PyUnicodeObject):
        if encoding is None:
            _type_error("string argument without an encoding")
        try:
            encoded = arg.value.encode(encoding, "strict" if errors is None else errors)
        except (UnicodeError, LookupError) as exc:
            _codec_error(exc)
        self.ob_bytes.extend(encoded)
        return
    if encoding is not None or errors is not None:
        _type_error("encoding without a string argument" if encoding is not None
                    else "errors without a string argument")
    if _PyIndex_Check(arg):
        count = -1
        fall_through = False
        try:
            count = _as_index(arg)
        except PyErr as e:
            if not e.matches(PyExc_TypeError):
                raise
            _PyErr_Clear(e)
            fall_through = True
        if not fall_through:
            if count > (1 << 63) - 1:
                PyErr_SetString(PyExc_OverflowError,
                                "cannot fit 'int' into an index-sized integer")
            if count < 0:
                _value_error("negative count")
            if count > 0:
                PyByteArray_Resize(self, count)
            return
    if PyObject_CheckBuffer(arg):
        self.ob_bytes.extend(_PyBuffer_Bytes(arg, PyBUF_FULL_RO))
        return
    try:
        it = PyObject_GetIter(arg)
    except PyErr as e:
        if e.matches(PyExc_TypeError):
            _PyErr_Clear(e)
            _type_error(f"cannot convert '{arg.ob_type.tp_name}' object to bytearray")
        raise
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    try:
        while True:
            item = nxt(it)
            if item is None:
                break
            try:
                value = _getbytevalue(item)
            finally:
                Py_DECREF(item)
            self.ob_bytes.append(value)
    finally:
        Py_DECREF(it)


def bytearray_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/clinic/bytearrayobject.c.h:bytearray___init__"""
    assert isinstance(args, PyTupleObject)
    vec, kwnames = _PyStack_UnpackDict(args.ob_item, 0, len(args.ob_item), kwds)
    try:
        a = _PyArg_UnpackKeywords("bytearray", vec, kwnames, ["source", "encoding", "errors"], 0, 3)
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)
    enc = _str_kwarg(a[1], "encoding", "bytearray")
    err = _str_kwarg(a[2], "errors", "bytearray")
    bytearray___init___impl(op, a[0], enc, err)


def bytearray_dealloc(op: PyObject) -> None:
    """CPython: Objects/bytearrayobject.c:bytearray_dealloc

    pyvm: the host storage goes with the object (C prints a SystemError when
    views are still out, which cannot happen: a view owns a reference)."""


# ---------------------------------------------------------------------------
# repr and comparison


def bytearray_repr(op: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_repr

    ``bytearray(b'...')`` with the type's name; single quotes unless the data
    has a single quote and no double quote."""
    self = _self(op)
    name = self.ob_type.tp_name
    dot = name.rfind(".")
    if dot >= 0:
        name = name[dot + 1:]
    data = self.ob_bytes
    quote = "'"
    # pyvm: indexed loops (mypyc cannot iterate a host bytearray directly).
    for k in range(len(data)):
        c = data[k]
        if c == 0x22:
            quote = "'"
            break
        if c == 0x27:
            quote = '"'
    out = [name, "(b", quote]
    for k in range(len(data)):
        c = data[k]
        if c == 0x27 or c == 0x5C:
            out.append("\\" + chr(c))
        elif c == 0x09:
            out.append("\\t")
        elif c == 0x0A:
            out.append("\\n")
        elif c == 0x0D:
            out.append("\\r")
        elif c < 0x20 or c >= 0x7F:
            out.append(f"\\x{c:02x}")
        else:
            out.append(chr(c))
    out.append(quote)
    out.append(")")
    return PyUnicode_FromString("".join(out))


def bytearray_str(op: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_str

    (The ``-b`` BytesWarning is not emitted.)"""
    return bytearray_repr(op)


def bytearray_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_richcompare

    Compares with anything that exports a buffer (bytes, bytearray,
    memoryview), bytewise."""
    if not PyObject_CheckBuffer(a) or not PyObject_CheckBuffer(b):
        return Py_NotImplemented
    try:
        x = _PyBuffer_Bytes(a)
        y = _PyBuffer_Bytes(b)
    except PyErr as e:
        # C clears a getbuffer failure and declines.
        _PyErr_Clear(e)
        return Py_NotImplemented
    if op == Py_EQ:
        r = x == y
    elif op == Py_NE:
        r = x != y
    elif op == Py_LT:
        r = x < y
    elif op == Py_LE:
        r = x <= y
    elif op == Py_GT:
        r = x > y
    else:
        assert op == Py_GE
        r = x >= y
    return Py_True if r else Py_False


# ---------------------------------------------------------------------------
# Methods of the mutable sequence


def bytearray_clear_impl(op: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_clear_impl"""
    PyByteArray_Resize(op, 0)
    return Py_None


def bytearray_copy_impl(op: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_copy_impl"""
    return PyByteArray_FromStringAndSize(bytes(_self(op).ob_bytes))


def bytearray_append_impl(op: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_append_impl"""
    self = _self(op)
    value = _getbytevalue(item)
    _canresize(self)
    self.ob_bytes.append(value)
    return Py_None


def bytearray_extend_impl(op: PyObject, iterable_of_ints: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_extend_impl"""
    self = _self(op)
    if PyObject_CheckBuffer(iterable_of_ints):
        n = len(self.ob_bytes)
        bytearray_setslice(self, n, n, iterable_of_ints)
        return Py_None
    try:
        it = PyObject_GetIter(iterable_of_ints)
    except PyErr as e:
        if e.matches(PyExc_TypeError):
            _PyErr_Clear(e)
            _type_error(f"can't extend bytearray with {iterable_of_ints.ob_type.tp_name}")
        raise
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    out = bytearray()
    try:
        while True:
            item = nxt(it)
            if item is None:
                break
            try:
                out.append(_getbytevalue(item))
            except PyErr as e:
                if e.matches(PyExc_TypeError) and PyUnicode_Check(iterable_of_ints):
                    _PyErr_Clear(e)
                    _type_error("expected iterable of integers; got: 'str'")
                raise
            finally:
                Py_DECREF(item)
    finally:
        Py_DECREF(it)
    n = len(self.ob_bytes)
    bytearray_setslice_linear(self, n, n, bytes(out))
    return Py_None


def bytearray_insert(op: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_insert_impl"""
    self = _self(op)
    _PyArg_CheckPositional("insert", len(args), 2, 2)
    index = _arg_index(args[0])
    item = _getbytevalue(args[1])
    n = len(self.ob_bytes)
    _canresize(self)
    if index < 0:
        index += n
        if index < 0:
            index = 0
    if index > n:
        index = n
    self.ob_bytes.insert(index, item)
    return Py_None


def bytearray_pop(op: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_pop_impl"""
    self = _self(op)
    _PyArg_CheckPositional("pop", len(args), 0, 1)
    index = _arg_index(args[0]) if args else -1
    n = len(self.ob_bytes)
    if n == 0:
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray")
    if index < 0:
        index += n
    if index < 0 or index >= n:
        PyErr_SetString(PyExc_IndexError, "pop index out of range")
    _canresize(self)
    value = self.ob_bytes.pop(index)
    return PyLong_FromLong(value)


def bytearray_remove_impl(op: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_remove_impl"""
    self = _self(op)
    value = _getbytevalue(arg)
    where = self.ob_bytes.find(value)
    if where < 0:
        _value_error("value not found in bytearray")
    _canresize(self)
    del self.ob_bytes[where]
    return Py_None


def bytearray_reverse_impl(op: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_reverse_impl"""
    _self(op).ob_bytes.reverse()
    return Py_None


def bytearray_resize_impl(op: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_resize_impl"""
    PyByteArray_Resize(op, _arg_index(arg))
    return Py_None


# ---------------------------------------------------------------------------
# Iterator


class bytesiterobject(PyObject):
    """pyvm: C's ``bytesiterobject`` struct of Objects/bytearrayobject.c."""

    it_index: int
    it_seq: Optional[PyByteArrayObject]

    def __init__(self, seq: PyByteArrayObject) -> None:
        super().__init__(PyByteArrayIter_Type)
        self.it_index = 0
        self.it_seq = seq


def bytearray_iter(seq: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearray_iter"""
    s = _self(seq)
    Py_INCREF(s)
    return bytesiterobject(s)


def bytearrayiter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/bytearrayobject.c:bytearrayiter_next

    Reads the current size each step: the bytearray may change while it is
    iterated."""
    assert isinstance(op, bytesiterobject)
    seq = op.it_seq
    if seq is None:
        return None
    i = op.it_index
    if i < len(seq.ob_bytes):
        op.it_index = i + 1
        return PyLong_FromLong(seq.ob_bytes[i])
    op.it_seq = None
    Py_DECREF(seq)
    return None


def bytearrayiter_length_hint(op: PyObject) -> PyObject:
    """CPython: Objects/bytearrayobject.c:bytearrayiter_length_hint"""
    assert isinstance(op, bytesiterobject)
    seq = op.it_seq
    n = 0
    if seq is not None:
        n = max(len(seq.ob_bytes) - op.it_index, 0)
    return PyLong_FromLong(n)


def bytearrayiter_dealloc(op: PyObject) -> None:
    """CPython: Objects/bytearrayobject.c:bytearrayiter_dealloc"""
    assert isinstance(op, bytesiterobject)
    seq = op.it_seq
    op.it_seq = None
    if seq is not None:
        Py_DECREF(seq)


def _init_types() -> None:
    """pyvm: the static initializers of ``PyByteArray_Type`` and its iterator
    (C's ``tp_*`` fields, ``bytearray_as_buffer`` and ``bytearray_methods``)."""
    tp = PyByteArray_Type
    tp.tp_dealloc = bytearray_dealloc
    tp.tp_repr = bytearray_repr
    tp.tp_str = bytearray_str
    tp.tp_hash = PyObject_HashNotImplemented
    tp.tp_richcompare = bytearray_richcompare
    tp.tp_iter = bytearray_iter
    tp.tp_new = bytearray_new
    tp.tp_init = bytearray_init
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.sq_length = bytearray_length
    tp.sq_concat = PyByteArray_Concat
    tp.sq_repeat = bytearray_repeat
    tp.sq_item = bytearray_getitem
    tp.sq_ass_item = bytearray_setitem
    tp.sq_contains = bytearray_contains
    tp.sq_inplace_concat = bytearray_iconcat
    tp.sq_inplace_repeat = bytearray_irepeat
    tp.mp_length = bytearray_length
    tp.mp_subscript = bytearray_subscript
    tp.mp_ass_subscript = bytearray_ass_subscript
    tp.bf_getbuffer = bytearray_getbuffer
    tp.bf_releasebuffer = bytearray_releasebuffer
    _PyType_AddMethods(tp, [
        PyMethodDef("append", bytearray_append_impl, METH_O),
        PyMethodDef("clear", bytearray_clear_impl, METH_NOARGS),
        PyMethodDef("copy", bytearray_copy_impl, METH_NOARGS),
        PyMethodDef("extend", bytearray_extend_impl, METH_O),
        PyMethodDef("insert", bytearray_insert, METH_FASTCALL),
        PyMethodDef("pop", bytearray_pop, METH_FASTCALL),
        PyMethodDef("remove", bytearray_remove_impl, METH_O),
        PyMethodDef("resize", bytearray_resize_impl, METH_O),
        PyMethodDef("reverse", bytearray_reverse_impl, METH_NOARGS),
    ] + _shared_methods())
    it = PyByteArrayIter_Type
    it.tp_dealloc = bytearrayiter_dealloc
    it.tp_iter = PyObject_SelfIter
    it.tp_iternext = bytearrayiter_next
    it.tp_getattro = PyObject_GenericGetAttr
    _PyType_AddMethods(it, [
        PyMethodDef("__length_hint__", bytearrayiter_length_hint, METH_NOARGS),
    ])


_init_types()
