"""Ports Objects/memoryobject.c: memoryview and the managed buffer behind it.

As in C, a memoryview does not ask the exporter for a buffer itself: a
*managed buffer* (``_PyManagedBufferObject``) does, once, and every view made
from it (``memoryview(obj)``, slices, casts, ``toreadonly``, ``memoryview(mv)``)
registers with that managed buffer (``mbuf_add_view``). The exporter's buffer
is released when the last registered view is released (``_memory_release``)
or freed, so a bytearray stays unresizable while any view of it lives.

pyvm's ``Py_buffer`` (object.py) stands for C's: ``data`` is the exporter's
host storage (a ``bytearray`` for bytearray, so that writes through a view
change the bytearray, a ``bytes`` for bytes), ``offset`` the byte index where
the view starts (C's ``buf`` pointer), ``shape``/``strides`` lists. Views have
no suboffsets (pyvm's exporters are flat).

Items are packed and unpacked with the host ``struct`` module in native mode,
which is what C's ``pack_single``/``unpack_single`` do with C casts; the
native sizes are the host's (``'l'`` is 8 bytes on a 64-bit host).
"""

from __future__ import annotations

import struct
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import (
    _PyErr_Clear,
    PyBUF_FULL_RO,
    PyBUF_WRITABLE,
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_buffer,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_Hash,
    PyObject_IsTrue,
    PyObject_RichCompareBool,
    PyObject_SelfIter,
    PyTypeObject,
)
from pyvm.objects.abstract import (
    Py_GenericAlias,
    PyBuffer_IsContiguous,
    PyBuffer_Release,
    PyBuffer_ToContiguous,
    PyObject_CheckBuffer,
    PyObject_GetBuffer,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.bytes_methods import _Py_strhex_with_sep, _hex_args
from pyvm.objects.bytesobject import PyBytes_FromStringAndSize, PyBytesObject
from pyvm.objects.call import _PyStack_UnpackDict
from pyvm.objects.descrobject import PyGetSetDef, _PyType_AddGetSets, _PyType_AddMethods
from pyvm.objects.exceptions import (
    PyExc_BufferError, PyExc_IndexError, PyExc_NotImplementedError, PyExc_OverflowError,
    PyExc_TypeError, PyExc_ValueError, PyExc_UnicodeEncodeError,
)
from pyvm.objects.floatobject import PyFloat_FromDouble, PyFloat_AsDouble
from pyvm.objects.longobject import PyLong_FromLong, PyLong_Check
from pyvm.objects.methodobject import (
    METH_CLASS,
    METH_FASTCALL,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    METH_VARARGS,
    PyMethodDef,
)
from pyvm.objects.tupleobject import (
    PyTupleObject,
    _PyIndex_Check,
    _PyTuple_FromArraySteal,
    _as_index,
    _is_slice,
    _slice_indices,
    _subscript_index,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicodeObject, _PyArg_UnpackKeywords, _arg_slice_index,
    _PyArg_CheckPositional,
)
from pyvm.objects.listobject import PyListObject, _PyList_FromArraySteal
from pyvm.objects.sliceobject import Py_Ellipsis

# CPython: Include/cpython/memoryobject.h:_Py_MEMORYVIEW_RELEASED (view flags)
_Py_MEMORYVIEW_RELEASED: Final = 0x001
_Py_MEMORYVIEW_C: Final = 0x002
_Py_MEMORYVIEW_FORTRAN: Final = 0x004
_Py_MEMORYVIEW_SCALAR: Final = 0x008
# CPython: Include/cpython/memoryobject.h:_Py_MANAGED_BUFFER_RELEASED
_Py_MANAGED_BUFFER_RELEASED: Final = 0x001
# CPython: Include/pybuffer.h:PyBUF_MAX_NDIM
PyBUF_MAX_NDIM: Final = 64


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def _value_error(msg: str) -> NoReturn:
    """pyvm: raise ValueError."""
    PyErr_SetString(PyExc_ValueError, msg)


class _PyManagedBufferObject(PyObject):
    """CPython: Include/cpython/memoryobject.h:_PyManagedBufferObject

    ``master`` is the exporter's buffer; ``exports`` counts the memoryviews
    registered with it."""

    flags: int
    exports: int
    master: Optional[Py_buffer]

    def __init__(self) -> None:
        super().__init__(_PyManagedBuffer_Type)
        self.flags = 0
        self.exports = 0
        self.master = None


class PyMemoryViewObject(PyObject):
    """CPython: Include/cpython/memoryobject.h:PyMemoryViewObject

    ``view`` is this view's own copy of the buffer description (shape,
    strides, offset…); ``exports`` counts buffers taken from the memoryview
    itself (``memory_getbuf``)."""

    mbuf: Optional[_PyManagedBufferObject]
    hash: int
    flags: int
    exports: int
    view: Py_buffer

    def __init__(self, mbuf: _PyManagedBufferObject, view: Py_buffer) -> None:
        super().__init__(PyMemoryView_Type)
        self.mbuf = mbuf
        self.hash = -1
        self.flags = 0
        self.exports = 0
        self.view = view


_PyManagedBuffer_Type: Final = PyTypeObject("managedbuffer")
PyMemoryView_Type: Final = PyTypeObject(
    "memoryview",
    doc="Create a new memoryview object which references the given object.")
_PyMemoryIter_Type: Final = PyTypeObject("memory_iterator")


def PyMemoryView_Check(op: PyObject) -> bool:
    """CPython: Include/memoryobject.h:PyMemoryView_Check"""
    return isinstance(op, PyMemoryViewObject)


# ---------------------------------------------------------------------------
# Managed buffers


def _PyManagedBuffer_FromObject(base: PyObject, flags: int) -> _PyManagedBufferObject:
    """CPython: Objects/memoryobject.c:_PyManagedBuffer_FromObject"""
    mbuf = _PyManagedBufferObject()
    try:
        mbuf.master = PyObject_GetBuffer(base, flags)
    except PyErr:
        Py_DECREF(mbuf)
        raise
    return mbuf


def mbuf_release(self: _PyManagedBufferObject) -> None:
    """CPython: Objects/memoryobject.c:mbuf_release"""
    if self.flags & _Py_MANAGED_BUFFER_RELEASED:
        return
    self.flags |= _Py_MANAGED_BUFFER_RELEASED
    if self.master is not None:
        PyBuffer_Release(self.master)


def mbuf_dealloc(op: PyObject) -> None:
    """CPython: Objects/memoryobject.c:mbuf_dealloc"""
    assert isinstance(op, _PyManagedBufferObject)
    assert op.exports == 0
    mbuf_release(op)


def init_flags(mv: PyMemoryViewObject) -> None:
    """CPython: Objects/memoryobject.c:init_flags"""
    view = mv.view
    flags = 0
    if view.ndim == 0:
        flags |= _Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN
    elif view.ndim == 1:
        if view.shape[0] == 1 or view.strides[0] == view.itemsize:
            flags |= _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN
    else:
        if PyBuffer_IsContiguous(view, "C"):
            flags |= _Py_MEMORYVIEW_C
        if _is_f_contiguous(view):
            flags |= _Py_MEMORYVIEW_FORTRAN
    mv.flags = flags


def _is_f_contiguous(view: Py_buffer) -> bool:
    """CPython: Objects/abstract.c:_IsFortranContiguous"""
    if view.len == 0:
        return True
    sd = view.itemsize
    for i in range(view.ndim):
        dim = view.shape[i]
        if dim > 1 and view.strides[i] != sd:
            return False
        sd *= dim
    return True


def mbuf_add_view(mbuf: _PyManagedBufferObject, src: Optional[Py_buffer]) -> PyObject:
    """CPython: Objects/memoryobject.c:mbuf_add_view

    A new memoryview registered with ``mbuf``, describing ``src`` (the
    master buffer when None)."""
    if mbuf.flags & _Py_MANAGED_BUFFER_RELEASED:
        _value_error("operation forbidden on released memoryview object")
    master = mbuf.master
    assert master is not None
    base = master if src is None else src
    view = base.copy()
    # init_shared_values: ``obj`` is borrowed; the master buffer owns it.
    view.obj = master.obj
    mv = PyMemoryViewObject(mbuf, view)
    init_flags(mv)
    Py_INCREF(mbuf)
    mbuf.exports += 1
    return mv


def PyMemoryView_FromObject(v: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:PyMemoryView_FromObject

    With ``PyMemoryView_FromObjectAndFlags``: a view of a memoryview shares
    its managed buffer; any other exporter gets a new one."""
    if isinstance(v, PyMemoryViewObject):
        CHECK_RELEASED(v)
        mb = v.mbuf
        assert mb is not None
        return mbuf_add_view(mb, v.view)
    if PyObject_CheckBuffer(v):
        mbuf = _PyManagedBuffer_FromObject(v, PyBUF_FULL_RO)
        try:
            return mbuf_add_view(mbuf, None)
        finally:
            Py_DECREF(mbuf)
    _type_error(f"memoryview: a bytes-like object is required, not '{v.ob_type.tp_name}'")


def memoryview_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/memoryobject.c.h:memoryview"""
    assert isinstance(args, PyTupleObject)
    vec, kwnames = _PyStack_UnpackDict(args.ob_item, 0, len(args.ob_item), kwds)
    if not vec:
        _type_error("memoryview() missing required argument 'object' (pos 1)")
    try:
        a = _PyArg_UnpackKeywords("memoryview", vec, kwnames, ["object"], 1, 1)
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)
    o = a[0]
    assert o is not None
    return PyMemoryView_FromObject(o)


# ---------------------------------------------------------------------------
# Release


def _base_inaccessible(mv: PyMemoryViewObject) -> bool:
    """CPython: Objects/memoryobject.c:BASE_INACCESSIBLE"""
    mb = mv.mbuf
    return (mv.flags & _Py_MEMORYVIEW_RELEASED) != 0 or mb is None or \
        (mb.flags & _Py_MANAGED_BUFFER_RELEASED) != 0


def CHECK_RELEASED(mv: PyMemoryViewObject) -> None:
    """CPython: Objects/memoryobject.c:CHECK_RELEASED"""
    if _base_inaccessible(mv):
        _value_error("operation forbidden on released memoryview object")


def _memory_release(self: PyMemoryViewObject) -> None:
    """CPython: Objects/memoryobject.c:_memory_release

    Unregisters from the managed buffer, which releases the exporter's
    buffer when this was its last view."""
    assert self.exports == 0
    if self.flags & _Py_MEMORYVIEW_RELEASED:
        return
    self.flags |= _Py_MEMORYVIEW_RELEASED
    mb = self.mbuf
    assert mb is not None and mb.exports > 0
    mb.exports -= 1
    if mb.exports == 0:
        mbuf_release(mb)


def memoryview_release_impl(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_release_impl"""
    self = _mv(op)
    exports = self.exports
    if exports == 0:
        _memory_release(self)
        return Py_None
    PyErr_SetString(PyExc_BufferError,
                    f"memoryview has {exports} exported buffer{'' if exports == 1 else 's'}")


def memory_dealloc(op: PyObject) -> None:
    """CPython: Objects/memoryobject.c:memory_dealloc"""
    self = _mv(op)
    _memory_release(self)
    self.view.obj = None
    mb = self.mbuf
    self.mbuf = None
    if mb is not None:
        Py_DECREF(mb)


def memory_enter(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_enter"""
    self = _mv(op)
    CHECK_RELEASED(self)
    Py_INCREF(self)
    return self


def memory_exit(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_exit"""
    return memoryview_release_impl(op)


def _mv(op: PyObject) -> PyMemoryViewObject:
    """pyvm: C's ``(PyMemoryViewObject *)`` cast."""
    assert isinstance(op, PyMemoryViewObject)
    return op


# ---------------------------------------------------------------------------
# The buffer the memoryview itself exports


def memory_getbuf(op: PyObject, flags: int) -> Py_buffer:
    """CPython: Objects/memoryobject.c:memory_getbuf

    pyvm: every request that does not ask for strides (bytes(), bytearray(),
    comparisons of bytes) needs a C-contiguous view, as in C."""
    self = _mv(op)
    CHECK_RELEASED(self)
    base = self.view
    if flags & PyBUF_WRITABLE and base.readonly:
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable")
    if flags & 0x0010 == 0 and not self.flags & _Py_MEMORYVIEW_C:
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous")
    view = base.copy()
    Py_INCREF(self)
    view.obj = self
    self.exports += 1
    return view


def memory_releasebuf(op: PyObject, view: Py_buffer) -> None:
    """CPython: Objects/memoryobject.c:memory_releasebuf"""
    _mv(op).exports -= 1


# ---------------------------------------------------------------------------
# Formats, packing and unpacking


def get_native_fmtchar(fmt: str) -> tuple[str, int]:
    """CPython: Objects/memoryobject.c:get_native_fmtchar

    ``(char, itemsize)`` of a native single-character format (an optional
    ``@`` first); itemsize -1 when ``fmt`` is not one."""
    f = fmt[1:] if fmt.startswith("@") else fmt
    if len(f) != 1 or f not in "cbBhHiIlLqQnNfde?P":
        return "", -1
    return f, struct.calcsize(f)


def _IS_BYTE_FORMAT(c: str) -> bool:
    """CPython: Objects/memoryobject.c:IS_BYTE_FORMAT"""
    return c == "b" or c == "B" or c == "c"


def adjust_fmt(view: Py_buffer) -> str:
    """CPython: Objects/memoryobject.c:adjust_fmt"""
    fmt = view.format[1:] if view.format.startswith("@") else view.format
    if len(fmt) != 1:
        PyErr_SetString(PyExc_NotImplementedError,
                        f"memoryview: unsupported format {view.format}")
    return fmt


def unpack_single(self: PyMemoryViewObject, data: bytes | bytearray, off: int, fmt: str) -> PyObject:
    """CPython: Objects/memoryobject.c:unpack_single"""
    if _base_inaccessible(self):
        _value_error("operation forbidden on released memoryview object")
    if fmt == "B":
        return PyLong_FromLong(data[off])
    if fmt == "c":
        return PyBytes_FromStringAndSize(bytes(data[off:off + 1]))
    if fmt not in "bhilqnHILQNfde?P":
        PyErr_SetString(PyExc_NotImplementedError, f"memoryview: format {fmt} not supported")
    v = struct.unpack_from(fmt, data, off)[0]
    if isinstance(v, bool):
        return Py_True if v else Py_False
    if isinstance(v, float):
        return PyFloat_FromDouble(v)
    assert isinstance(v, int)
    return PyLong_FromLong(v)


def _fix_error_int(e: PyErr, fmt: str) -> NoReturn:
    """CPython: Objects/memoryobject.c:fix_error_int"""
    if e.matches(PyExc_TypeError):
        _PyErr_Clear(e)
        _type_error(f"memoryview: invalid type for format '{fmt}'")
    if e.matches(PyExc_OverflowError) or e.matches(PyExc_ValueError):
        _PyErr_Clear(e)
        _value_error(f"memoryview: invalid value for format '{fmt}'")
    raise e


# Native integer ranges (CPython: Include/limits.h via the host's struct sizes)
def _int_range(fmt: str) -> tuple[int, int]:
    """pyvm: the C range of a native integer format."""
    bits = 8 * struct.calcsize(fmt)
    if fmt in "bhilqn":
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def pack_single(self: PyMemoryViewObject, data: bytearray, off: int, item: PyObject, fmt: str) -> None:
    """CPython: Objects/memoryobject.c:pack_single"""
    if fmt in "bhilqnBHILQNP":
        try:
            v = _as_index(item)
        except PyErr as e:
            _fix_error_int(e, fmt)
        CHECK_RELEASED(self)
        lo, hi = _int_range("N" if fmt == "P" else fmt)
        if v < lo or v > hi:
            _value_error(f"memoryview: invalid value for format '{fmt}'")
        struct.pack_into(fmt, data, off, v)
    elif fmt in "fde":
        try:
            d = PyFloat_AsDouble(item)
        except PyErr as e:
            _fix_error_int(e, fmt)
        CHECK_RELEASED(self)
        try:
            struct.pack_into(fmt, data, off, d)
        except OverflowError:
            if fmt == "e":
                PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format")
            # C's (float) cast of a too large double is an infinity.
            struct.pack_into(fmt, data, off, float("inf") if d > 0 else float("-inf"))
    elif fmt == "?":
        b = PyObject_IsTrue(item)
        CHECK_RELEASED(self)
        data[off] = 1 if b else 0
    elif fmt == "c":
        if not isinstance(item, PyBytesObject):
            _type_error(f"memoryview: invalid type for format '{fmt}'")
        if len(item.ob_sval) != 1:
            _value_error(f"memoryview: invalid value for format '{fmt}'")
        data[off] = item.ob_sval[0]
    else:
        PyErr_SetString(PyExc_NotImplementedError, f"memoryview: format {fmt} not supported")


# ---------------------------------------------------------------------------
# Casting


def init_strides_from_shape(view: Py_buffer) -> None:
    """CPython: Objects/memoryobject.c:init_strides_from_shape"""
    strides = [0] * view.ndim
    if view.ndim > 0:
        strides[view.ndim - 1] = view.itemsize
        for i in range(view.ndim - 2, -1, -1):
            strides[i] = strides[i + 1] * view.shape[i + 1]
    view.strides = strides


def cast_to_1D(mv: PyMemoryViewObject, fmt: str) -> None:
    """CPython: Objects/memoryobject.c:cast_to_1D"""
    view = mv.view
    destchar, itemsize = get_native_fmtchar(fmt)
    if itemsize < 0:
        _value_error("memoryview: destination format must be a native single "
                     "character format prefixed with an optional '@'")
    srcchar, srcsize = get_native_fmtchar(view.format)
    if (srcsize < 0 or not _IS_BYTE_FORMAT(srcchar)) and not _IS_BYTE_FORMAT(destchar):
        _type_error("memoryview: cannot cast between two non-byte formats")
    if view.len % itemsize:
        _type_error("memoryview: length is not a multiple of itemsize")
    view.format = fmt
    view.itemsize = itemsize
    view.ndim = 1
    view.shape = [view.len // itemsize]
    view.strides = [itemsize]
    init_flags(mv)


def copy_shape(seq: list[PyObject], itemsize: int) -> tuple[list[int], int]:
    """CPython: Objects/memoryobject.c:copy_shape"""
    length = itemsize
    shape: list[int] = []
    for tmp in seq:
        if not PyLong_Check(tmp):
            _type_error("memoryview.cast(): elements of shape must be integers")
        x = _as_index(tmp)
        if x <= 0:
            _value_error("memoryview.cast(): elements of shape must be integers > 0")
        if x > ((1 << 63) - 1) // length:
            _value_error("memoryview.cast(): product(shape) > SSIZE_MAX")
        length *= x
        shape.append(x)
    return shape, length


def cast_to_ND(mv: PyMemoryViewObject, shape: list[PyObject], ndim: int) -> None:
    """CPython: Objects/memoryobject.c:cast_to_ND"""
    view = mv.view
    view.ndim = ndim
    if ndim == 0:
        view.shape = []
        view.strides = []
        length = view.itemsize
    else:
        view.shape, length = copy_shape(shape, view.itemsize)
        init_strides_from_shape(view)
    if view.len != length:
        _type_error("memoryview: product(shape) * itemsize != buffer size")
    init_flags(mv)


def memoryview_cast(op: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_cast_impl"""
    self = _mv(op)
    a = _PyArg_UnpackKeywords("cast", args, kwnames, ["format", "shape"], 1, 2)
    f = a[0]
    assert f is not None
    if not isinstance(f, PyUnicodeObject):
        _type_error(f"cast() argument 'format' must be str, not {f.ob_type.tp_name}")
    shape = a[1]
    CHECK_RELEASED(self)
    if not self.flags & _Py_MEMORYVIEW_C:
        _type_error("memoryview: casts are restricted to C-contiguous views")
    if (shape is not None or self.view.ndim != 1) and 0 in self.view.shape:
        _type_error("memoryview: cannot cast view with zeros in shape or strides")
    ndim = 1
    items: list[PyObject] = []
    if shape is not None:
        if isinstance(shape, PyListObject) or isinstance(shape, PyTupleObject):
            items = list(shape.ob_item)
        else:
            _type_error("shape must be a list or a tuple")
        ndim = len(items)
        if ndim > PyBUF_MAX_NDIM:
            _value_error("memoryview: number of dimensions must not exceed 64")
        if self.view.ndim != 1 and ndim != 1:
            _type_error("memoryview: cast must be 1D -> ND or ND -> 1D")
    mb = self.mbuf
    assert mb is not None
    mv = mbuf_add_view(mb, self.view)
    assert isinstance(mv, PyMemoryViewObject)
    try:
        try:
            fmt = f.value.encode("ascii").decode("ascii")
        except UnicodeError:
            PyErr_SetString(PyExc_UnicodeEncodeError, "'ascii' codec can't encode format")
        cast_to_1D(mv, fmt)
        if shape is not None:
            cast_to_ND(mv, items, ndim)
    except PyErr:
        Py_DECREF(mv)
        raise
    return mv


def memoryview_toreadonly_impl(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_toreadonly_impl"""
    self = _mv(op)
    CHECK_RELEASED(self)
    mb = self.mbuf
    assert mb is not None
    mv = mbuf_add_view(mb, self.view)
    assert isinstance(mv, PyMemoryViewObject)
    mv.view.readonly = True
    return mv


# ---------------------------------------------------------------------------
# Indexing and slicing


def ptr_from_index(view: Py_buffer, index: int) -> int:
    """CPython: Objects/memoryobject.c:ptr_from_index

    With ``lookup_dimension``: the byte offset of item ``index``."""
    nitems = view.shape[0]
    if index < 0:
        index += nitems
    if index < 0 or index >= nitems:
        PyErr_SetString(PyExc_IndexError, "index out of bounds on dimension 1")
    return view.offset + view.strides[0] * index


def ptr_from_tuple(view: Py_buffer, tup: PyTupleObject) -> int:
    """CPython: Objects/memoryobject.c:ptr_from_tuple"""
    nindices = len(tup.ob_item)
    if nindices > view.ndim:
        _type_error(f"cannot index {view.ndim}-dimension view with {nindices}-element tuple")
    off = view.offset
    for dim in range(nindices):
        index = _subscript_index(tup.ob_item[dim])
        nitems = view.shape[dim]
        if index < 0:
            index += nitems
        if index < 0 or index >= nitems:
            PyErr_SetString(PyExc_IndexError, f"index out of bounds on dimension {dim + 1}")
        off += view.strides[dim] * index
    return off


def memory_item(op: PyObject, index: int) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_item"""
    self = _mv(op)
    CHECK_RELEASED(self)
    view = self.view
    fmt = adjust_fmt(view)
    if view.ndim == 0:
        _type_error("invalid indexing of 0-dim memory")
    if view.ndim == 1:
        return unpack_single(self, view.data, ptr_from_index(view, index), fmt)
    PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented")


def init_slice(base: Py_buffer, key: PyObject, dim: int) -> None:
    """CPython: Objects/memoryobject.c:init_slice"""
    start, stop, step, slicelength = _slice_indices(key, base.shape[dim])
    base.offset += base.strides[dim] * start
    base.shape[dim] = slicelength
    base.strides[dim] = base.strides[dim] * step


def init_len(view: Py_buffer) -> None:
    """CPython: Objects/memoryobject.c:init_len"""
    n = 1
    for s in view.shape:
        n *= s
    view.len = n * view.itemsize


def is_multislice(key: PyObject) -> bool:
    """CPython: Objects/memoryobject.c:is_multislice"""
    if not isinstance(key, PyTupleObject) or not key.ob_item:
        return False
    for x in key.ob_item:
        if not _is_slice(x):
            return False
    return True


def is_multiindex(key: PyObject) -> bool:
    """CPython: Objects/memoryobject.c:is_multiindex"""
    if not isinstance(key, PyTupleObject):
        return False
    for x in key.ob_item:
        if not _PyIndex_Check(x):
            return False
    return True


def memory_subscript(op: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_subscript"""
    self = _mv(op)
    CHECK_RELEASED(self)
    view = self.view
    if view.ndim == 0:
        if isinstance(key, PyTupleObject) and not key.ob_item:
            return unpack_single(self, view.data, view.offset, adjust_fmt(view))
        if key is Py_Ellipsis:
            Py_INCREF(self)
            return self
        _type_error("invalid indexing of 0-dim memory")
    if _PyIndex_Check(key):
        return memory_item(self, _subscript_index(key))
    if _is_slice(key):
        mb = self.mbuf
        assert mb is not None
        sliced = mbuf_add_view(mb, view)
        assert isinstance(sliced, PyMemoryViewObject)
        try:
            init_slice(sliced.view, key, 0)
        except PyErr:
            Py_DECREF(sliced)
            raise
        init_len(sliced.view)
        init_flags(sliced)
        return sliced
    if is_multiindex(key):
        assert isinstance(key, PyTupleObject)
        fmt = adjust_fmt(view)
        if len(key.ob_item) < view.ndim:
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented")
        return unpack_single(self, view.data, ptr_from_tuple(view, key), fmt)
    if is_multislice(key):
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional slicing is not implemented")
    _type_error("memoryview: invalid slice key")


def _writable(self: PyMemoryViewObject) -> bytearray:
    """pyvm: the host storage of a writable view (only bytearray exports one)."""
    data = self.view.data
    assert isinstance(data, bytearray)
    return data


def equiv_shape(dest: Py_buffer, src: Py_buffer) -> bool:
    """CPython: Objects/memoryobject.c:equiv_shape"""
    if dest.ndim != src.ndim:
        return False
    for i in range(dest.ndim):
        if dest.shape[i] != src.shape[i]:
            return False
        if dest.shape[i] == 0:
            break
    return True


def equiv_format(dest: Py_buffer, src: Py_buffer) -> bool:
    """CPython: Objects/memoryobject.c:equiv_format"""
    d = dest.format[1:] if dest.format.startswith("@") else dest.format
    s = src.format[1:] if src.format.startswith("@") else src.format
    return d == s and dest.itemsize == src.itemsize


def copy_single(self: PyMemoryViewObject, dest: Py_buffer, src: Py_buffer) -> None:
    """CPython: Objects/memoryobject.c:copy_single

    pyvm: the source is read out first (C's ``mem`` bounce buffer), so
    overlapping views copy correctly."""
    CHECK_RELEASED(self)
    if not equiv_format(dest, src) or not equiv_shape(dest, src):
        _value_error("memoryview assignment: lvalue and rvalue have different structures")
    isz = dest.itemsize
    items = [bytes(src.data[src.offset + k * src.strides[0]:src.offset + k * src.strides[0] + isz])
             for k in range(src.shape[0])]
    data = _writable(self)
    for k in range(dest.shape[0]):
        o = dest.offset + k * dest.strides[0]
        data[o:o + isz] = items[k]


def memory_ass_sub(op: PyObject, key: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/memoryobject.c:memory_ass_sub"""
    self = _mv(op)
    CHECK_RELEASED(self)
    view = self.view
    fmt = adjust_fmt(view)
    if view.readonly:
        _type_error("cannot modify read-only memory")
    if value is None:
        _type_error("cannot delete memory")
    if view.ndim == 0:
        if key is Py_Ellipsis or (isinstance(key, PyTupleObject) and not key.ob_item):
            pack_single(self, _writable(self), view.offset, value, fmt)
            return
        _type_error("invalid indexing of 0-dim memory")
    if _PyIndex_Check(key):
        if view.ndim > 1:
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented")
        off = ptr_from_index(view, _subscript_index(key))
        pack_single(self, _writable(self), off, value, fmt)
        return
    if _is_slice(key) and view.ndim == 1:
        src = PyObject_GetBuffer(value, PyBUF_FULL_RO)
        try:
            dest = view.copy()
            init_slice(dest, key, 0)
            dest.len = dest.shape[0] * dest.itemsize
            copy_single(self, dest, src)
        finally:
            PyBuffer_Release(src)
        return
    if is_multiindex(key):
        assert isinstance(key, PyTupleObject)
        if len(key.ob_item) < view.ndim:
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented")
        pack_single(self, _writable(self), ptr_from_tuple(view, key), value, fmt)
        return
    if _is_slice(key) or is_multislice(key):
        PyErr_SetString(PyExc_NotImplementedError,
                        "memoryview slice assignments are currently restricted to ndim = 1")
    _type_error("memoryview: invalid slice key")


def memory_length(op: PyObject) -> int:
    """CPython: Objects/memoryobject.c:memory_length"""
    self = _mv(op)
    CHECK_RELEASED(self)
    if self.view.ndim == 0:
        _type_error("0-dim memory has no length")
    return self.view.shape[0]


# ---------------------------------------------------------------------------
# Conversions


def _unpack_all(self: PyMemoryViewObject, view: Py_buffer, fmt: str) -> list[PyObject]:
    """pyvm: the items of a 1-D view, new references (``tolist_base``)."""
    out: list[PyObject] = []
    for k in range(view.shape[0]):
        out.append(unpack_single(self, view.data, view.offset + k * view.strides[0], fmt))
    return out


def tolist_rec(self: PyMemoryViewObject, off: int, dim: int, fmt: str) -> PyObject:
    """CPython: Objects/memoryobject.c:tolist_rec

    With ``tolist_base`` for the last dimension."""
    view = self.view
    items: list[PyObject] = []
    try:
        for k in range(view.shape[dim]):
            o = off + k * view.strides[dim]
            if dim == view.ndim - 1:
                items.append(unpack_single(self, view.data, o, fmt))
            else:
                items.append(tolist_rec(self, o, dim + 1, fmt))
    except PyErr:
        for it in items:
            Py_DECREF(it)
        raise
    return _PyList_FromArraySteal(items)


def memoryview_tolist_impl(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_tolist_impl"""
    self = _mv(op)
    CHECK_RELEASED(self)
    view = self.view
    fmt = adjust_fmt(view)
    if view.ndim == 0:
        return unpack_single(self, view.data, view.offset, fmt)
    return tolist_rec(self, view.offset, 0, fmt)


def memoryview_tobytes(op: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_tobytes_impl

    pyvm: 'F' and 'A' orders give the C order bytes (pyvm's views are C
    ordered or one-dimensional)."""
    self = _mv(op)
    a = _PyArg_UnpackKeywords("tobytes", args, kwnames, ["order"], 0, 1)
    o = a[0]
    if o is not None and o is not Py_None:
        if not isinstance(o, PyUnicodeObject):
            _type_error(f"tobytes() argument 'order' must be str or None, not {o.ob_type.tp_name}")
        if o.value not in ("C", "F", "A"):
            _value_error("order must be 'C', 'F' or 'A'")
    CHECK_RELEASED(self)
    return PyBytes_FromStringAndSize(PyBuffer_ToContiguous(self.view))


def memoryview_hex(op: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_hex_impl"""
    self = _mv(op)
    sep, per = _hex_args(args, kwnames)
    CHECK_RELEASED(self)
    return _Py_strhex_with_sep(PyBuffer_ToContiguous(self.view), sep, per)


def memory_repr(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_repr"""
    self = _mv(op)
    if self.flags & _Py_MEMORYVIEW_RELEASED:
        return PyUnicode_FromString(f"<released memory at {id(self):#x}>")
    return PyUnicode_FromString(f"<memory at {id(self):#x}>")


# ---------------------------------------------------------------------------
# Lookup


def memoryview_count_impl(op: PyObject, value: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_count_impl"""
    self = _mv(op)
    it = memory_iter(self)
    count = 0
    try:
        while True:
            item = memoryiter_next(it)
            if item is None:
                break
            try:
                if item is value or PyObject_RichCompareBool(item, value, Py_EQ):
                    count += 1
            finally:
                Py_DECREF(item)
    finally:
        Py_DECREF(it)
    return PyLong_FromLong(count)


def memoryview_index(op: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/memoryobject.c:memoryview_index_impl"""
    self = _mv(op)
    _PyArg_CheckPositional("index", len(args), 1, 3)
    value = args[0]
    start = _arg_slice_index(args[1] if len(args) > 1 else None, 0)
    stop = _arg_slice_index(args[2] if len(args) > 2 else None, (1 << 63) - 1)
    CHECK_RELEASED(self)
    view = self.view
    if view.ndim == 0:
        _type_error("invalid lookup on 0-dim memory")
    if view.ndim != 1:
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional lookup is not implemented")
    n = view.shape[0]
    if start < 0:
        start = max(start + n, 0)
    if stop < 0:
        stop = max(stop + n, 0)
    stop = min(stop, n)
    start = min(start, stop)
    for index in range(start, stop):
        item = memory_item(self, index)
        try:
            found = item is value or PyObject_RichCompareBool(item, value, Py_EQ)
        finally:
            Py_DECREF(item)
        if found:
            return PyLong_FromLong(index)
    _value_error("memoryview.index(x): x not found")


# ---------------------------------------------------------------------------
# Comparison and hashing


def _view_values(self: PyMemoryViewObject, view: Py_buffer) -> list[object]:
    """pyvm: the host values of every item of a view in C order (what C's
    ``unpack_cmp`` / ``struct_unpack_cmp`` compare)."""
    fmt = view.format[1:] if view.format.startswith("@") else view.format
    isz = view.itemsize
    out: list[object] = []

    def rec(dim: int, off: int) -> None:
        if dim == view.ndim:
            if fmt == "?":
                out.append(view.data[off] != 0)
            else:
                out.append(struct.unpack_from(fmt, view.data, off)[0])
            return
        for k in range(view.shape[dim]):
            rec(dim + 1, off + k * view.strides[dim])

    if isz > 0:
        rec(0, view.offset)
    return out


def memory_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_richcompare

    Only ``==`` and ``!=``; equal when the shapes are and every item compares
    equal as a value (so NaNs differ, and 'b' and 'B' views compare by value)."""
    if op != Py_EQ and op != Py_NE:
        return Py_NotImplemented
    self = _mv(v)
    if _base_inaccessible(self):
        equal = v is w
        return Py_True if equal == (op == Py_EQ) else Py_False
    vv = self.view
    wbuf: Optional[Py_buffer] = None
    if isinstance(w, PyMemoryViewObject):
        if _base_inaccessible(w):
            equal = v is w
            return Py_True if equal == (op == Py_EQ) else Py_False
        ww = w.view
    else:
        try:
            wbuf = PyObject_GetBuffer(w, PyBUF_FULL_RO)
        except PyErr as e:
            _PyErr_Clear(e)
            return Py_NotImplemented
        ww = wbuf
    try:
        if not equiv_shape(vv, ww):
            equal = False
        else:
            try:
                equal = _view_values(self, vv) == _view_values(self, ww)
            except struct.error:
                equal = False
    finally:
        if wbuf is not None:
            PyBuffer_Release(wbuf)
    return Py_True if equal == (op == Py_EQ) else Py_False


def memory_hash(op: PyObject) -> int:
    """CPython: Objects/memoryobject.c:memory_hash

    The hash of the bytes, as ``hash(mv.tobytes())``; only read-only views
    of byte formats, and only when the exporter is hashable."""
    self = _mv(op)
    if self.hash == -1:
        view = self.view
        CHECK_RELEASED(self)
        if not view.readonly:
            _value_error("cannot hash writable memoryview object")
        c, size = get_native_fmtchar(view.format)
        if size < 0 or not _IS_BYTE_FORMAT(c):
            _value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        if view.obj is not None:
            self.exports += 1
            try:
                PyObject_Hash(view.obj)
            finally:
                self.exports -= 1
        h = hash(PyBuffer_ToContiguous(view))
        if h == -1:
            h = -2
        self.hash = h
    return self.hash


# ---------------------------------------------------------------------------
# Getters


def memory_obj_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_obj_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    obj = self.view.obj
    if obj is None:
        return Py_None
    Py_INCREF(obj)
    return obj


def memory_nbytes_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_nbytes_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return PyLong_FromLong(self.view.len)


def memory_format_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_format_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return PyUnicode_FromString(self.view.format)


def memory_itemsize_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_itemsize_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return PyLong_FromLong(self.view.itemsize)


def _int_tuple(vals: list[int]) -> PyObject:
    """CPython: Objects/memoryobject.c:_IntTupleFromSsizet"""
    return _PyTuple_FromArraySteal([PyLong_FromLong(x) for x in vals])


def memory_shape_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_shape_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return _int_tuple(self.view.shape)


def memory_strides_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_strides_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return _int_tuple(self.view.strides)


def memory_suboffsets_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_suboffsets_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return _int_tuple([])


def memory_readonly_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_readonly_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return Py_True if self.view.readonly else Py_False


def memory_ndim_get(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_ndim_get"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return PyLong_FromLong(self.view.ndim)


def memory_c_contiguous(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_c_contiguous"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return Py_True if self.flags & _Py_MEMORYVIEW_C else Py_False


def memory_f_contiguous(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_f_contiguous"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return Py_True if self.flags & _Py_MEMORYVIEW_FORTRAN else Py_False


def memory_contiguous(op: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_contiguous"""
    self = _mv(op)
    CHECK_RELEASED(self)
    return Py_True if self.flags & (_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN) else Py_False


# ---------------------------------------------------------------------------
# Iterator


class memoryiterobject(PyObject):
    """pyvm: C's ``memoryiterobject`` struct of Objects/memoryobject.c."""

    it_index: int
    it_seq: Optional[PyMemoryViewObject]
    it_length: int
    it_fmt: str

    def __init__(self, seq: PyMemoryViewObject, length: int, fmt: str) -> None:
        super().__init__(_PyMemoryIter_Type)
        self.it_index = 0
        self.it_seq = seq
        self.it_length = length
        self.it_fmt = fmt


def memory_iter(seq: PyObject) -> PyObject:
    """CPython: Objects/memoryobject.c:memory_iter"""
    obj = _mv(seq)
    CHECK_RELEASED(obj)
    view = obj.view
    if view.ndim == 0:
        _type_error("invalid indexing of 0-dim memory")
    if view.ndim != 1:
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented")
    fmt = adjust_fmt(view)
    Py_INCREF(obj)
    return memoryiterobject(obj, view.shape[0], fmt)


def memoryiter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/memoryobject.c:memoryiter_next"""
    assert isinstance(op, memoryiterobject)
    seq = op.it_seq
    if seq is None:
        return None
    if op.it_index < op.it_length:
        CHECK_RELEASED(seq)
        view = seq.view
        off = view.offset + view.strides[0] * op.it_index
        op.it_index += 1
        return unpack_single(seq, view.data, off, op.it_fmt)
    op.it_seq = None
    Py_DECREF(seq)
    return None


def memoryiter_dealloc(op: PyObject) -> None:
    """CPython: Objects/memoryobject.c:memoryiter_dealloc"""
    assert isinstance(op, memoryiterobject)
    seq = op.it_seq
    op.it_seq = None
    if seq is not None:
        Py_DECREF(seq)


def _init_types() -> None:
    """pyvm: the static initializers of ``PyMemoryView_Type``, the managed
    buffer type and the iterator (C's ``memory_as_buffer``,
    ``memory_methods``, ``memory_getsetlist``)."""
    mb = _PyManagedBuffer_Type
    mb.tp_dealloc = mbuf_dealloc
    mb.tp_getattro = PyObject_GenericGetAttr
    tp = PyMemoryView_Type
    tp.tp_dealloc = memory_dealloc
    tp.tp_repr = memory_repr
    tp.tp_hash = memory_hash
    tp.tp_richcompare = memory_richcompare
    tp.tp_iter = memory_iter
    tp.tp_new = memoryview_new
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.sq_length = memory_length
    tp.sq_item = memory_item
    tp.mp_length = memory_length
    tp.mp_subscript = memory_subscript
    tp.mp_ass_subscript = memory_ass_sub
    tp.bf_getbuffer = memory_getbuf
    tp.bf_releasebuffer = memory_releasebuf
    fk = METH_FASTCALL | METH_KEYWORDS
    _PyType_AddMethods(tp, [
        PyMethodDef("release", memoryview_release_impl, METH_NOARGS),
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "memoryviews are generic over the type of their underlying data"),
        PyMethodDef("tobytes", memoryview_tobytes, fk),
        PyMethodDef("hex", memoryview_hex, fk),
        PyMethodDef("tolist", memoryview_tolist_impl, METH_NOARGS),
        PyMethodDef("cast", memoryview_cast, fk),
        PyMethodDef("toreadonly", memoryview_toreadonly_impl, METH_NOARGS),
        PyMethodDef("count", memoryview_count_impl, METH_O),
        PyMethodDef("index", memoryview_index, METH_FASTCALL),
        PyMethodDef("__enter__", memory_enter, METH_NOARGS),
        PyMethodDef("__exit__", memory_exit, METH_VARARGS),
    ])
    _PyType_AddGetSets(tp, [
        PyGetSetDef("obj", memory_obj_get, None, None),
        PyGetSetDef("nbytes", memory_nbytes_get, None, None),
        PyGetSetDef("readonly", memory_readonly_get, None, None),
        PyGetSetDef("itemsize", memory_itemsize_get, None, None),
        PyGetSetDef("format", memory_format_get, None, None),
        PyGetSetDef("ndim", memory_ndim_get, None, None),
        PyGetSetDef("shape", memory_shape_get, None, None),
        PyGetSetDef("strides", memory_strides_get, None, None),
        PyGetSetDef("suboffsets", memory_suboffsets_get, None, None),
        PyGetSetDef("c_contiguous", memory_c_contiguous, None, None),
        PyGetSetDef("f_contiguous", memory_f_contiguous, None, None),
        PyGetSetDef("contiguous", memory_contiguous, None, None),
    ])
    it = _PyMemoryIter_Type
    it.tp_dealloc = memoryiter_dealloc
    it.tp_iter = PyObject_SelfIter
    it.tp_iternext = memoryiter_next
    it.tp_getattro = PyObject_GenericGetAttr


_init_types()
