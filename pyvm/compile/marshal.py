"""Ports Python/marshal.c: the serialization of code objects and their constants
(format version 5, CPython 3.14), the bytes of a ``.pyc`` file after its header.

Writing (``w_object``) walks an object and emits one type code per value,
followed by its payload in little-endian: ``TYPE_INT`` for ints that fit in 32
bits and ``TYPE_LONG`` with base-2**15 digits otherwise, floats as 8 IEEE bytes
(``TYPE_BINARY_FLOAT``; as text before version 2), str in the most compact of five spellings (short or
long ASCII, each interned or not, else UTF-8), tuples with a one-byte length
when they can (``TYPE_SMALL_TUPLE``), and a code object as its fields in a fixed
order. Since version 3 an object that may be met again is written once with
``FLAG_REF`` or'ed into its type code and later as ``TYPE_REF`` + its index.
CPython decides "may be met again" by reference count: an object referenced
only once (``_PyObject_IsUniquelyReferenced``) cannot appear twice, so it is
written without the flag. pyvm keeps real reference counts, so it decides the
same way.

Reading (``r_object``) is the inverse; every malformed input raises the pyvm
``ValueError``/``EOFError``/``TypeError`` that C raises, never a host exception.

Where C's code object holds a ``bytes`` object (``co_code``, ``co_linetable``,
``co_exceptiontable``, ``co_localspluskinds``), pyvm's holds host ``bytes``:
the writer spells them as ``TYPE_STRING`` payloads directly and the reader
unwraps the bytes objects it reads.

The canonical text of marshalled code for tests is pyvm/compile/codedump.py;
the ``marshal`` module a program imports is pyvm/modules/marshalmodule.py.
"""

from __future__ import annotations

import codecs
import struct
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.bytesobject import PyBytes_FromStringAndSize, PyBytes_Type, PyBytesObject
from pyvm.objects.codeobject import (
    CO_VARARGS,
    CO_VARKEYWORDS,
    PyCode_Type,
    PyCodeObject,
    _PyCode_New,
    _PyCodeConstructor,
    get_localsplus_counts,
)
from pyvm.objects.dictobject import PyDict_New, PyDict_Next, PyDict_SetItem, PyDict_Type
from pyvm.objects.exceptions import (
    PyExc_EOFError,
    PyExc_MemoryError,
    PyExc_StopIteration,
    PyExc_SystemError,
    PyExc_TypeError,
    PyExc_ValueError,
    PyUnicodeDecodeError_Create,
)
from pyvm.objects.floatobject import PyFloat_FromDouble, PyFloat_Type, PyFloatObject
from pyvm.objects.listobject import PyList_Type, PyListObject, _PyList_FromArraySteal
from pyvm.objects.longobject import PyLong_FromLong, PyLong_Type, PyLongObject
from pyvm.objects.abstract import (
    PyBuffer_Release, PyNumber_AsSsize_t, PyObject_CheckBuffer, PyObject_GetBuffer,
)
from pyvm.objects.bytearrayobject import PyByteArray_FromStringAndSize, PyByteArrayObject
from pyvm.objects.call import PyObject_CallMethod
from pyvm.objects.memoryobject import PyMemoryView_FromObject, memoryview_release_impl
from pyvm.objects.object import (
    PyBUF_SIMPLE,
    PyErr,
    _PyErr_Clear,
    _PyErr_Raise,
    PyErr_SetNone,
    PyErr_SetString,
    PyObject,
    Py_DECREF,
    Py_INCREF,
    Py_None,
)
from pyvm.objects.complexobject import PyComplex_FromDoubles, PyComplex_Type, PyComplexObject
from pyvm.objects.setobject import (
    PyFrozenSet_New,
    PyFrozenSet_Type,
    PySet_Add,
    PySet_New,
    PySet_Type,
    _PySet_Items,
)
from pyvm.objects.sliceobject import PySlice_New, PySlice_Type, PySliceObject, Py_Ellipsis
from pyvm.objects.tupleobject import (PyTuple_Type, PyTupleObject, _PyTuple_FromArraySteal,
                                      tuple_alloc)
from pyvm.objects.unicodeobject import (
    PyUnicode_CHECK_INTERNED,
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicode_Type,
    PyUnicodeObject,
)

# pyvm: C's Py_MARSHAL_VERSION (Include/marshal.h), the format this module writes.
Py_MARSHAL_VERSION: Final = 5

# CPython: Python/marshal.c:TYPE_NULL (and the type codes beside it)
TYPE_NULL: Final = 0x30  # '0'
TYPE_NONE: Final = 0x4E  # 'N'
TYPE_FALSE: Final = 0x46  # 'F'
TYPE_TRUE: Final = 0x54  # 'T'
TYPE_STOPITER: Final = 0x53  # 'S'
TYPE_ELLIPSIS: Final = 0x2E  # '.'
TYPE_BINARY_FLOAT: Final = 0x67  # 'g'
TYPE_BINARY_COMPLEX: Final = 0x79  # 'y'
TYPE_LONG: Final = 0x6C  # 'l'
TYPE_STRING: Final = 0x73  # 's'
TYPE_TUPLE: Final = 0x28  # '('
TYPE_LIST: Final = 0x5B  # '['
TYPE_DICT: Final = 0x7B  # '{'
TYPE_CODE: Final = 0x63  # 'c'
TYPE_UNICODE: Final = 0x75  # 'u'
TYPE_UNKNOWN: Final = 0x3F  # '?'
TYPE_SET: Final = 0x3C  # '<'
TYPE_FROZENSET: Final = 0x3E  # '>'
TYPE_SLICE: Final = 0x3A  # ':'
TYPE_INTERNED: Final = 0x74  # 't'
TYPE_ASCII: Final = 0x61  # 'a'
TYPE_ASCII_INTERNED: Final = 0x41  # 'A'
TYPE_SHORT_ASCII: Final = 0x7A  # 'z'
TYPE_SHORT_ASCII_INTERNED: Final = 0x5A  # 'Z'
TYPE_INT: Final = 0x69  # 'i'
TYPE_SMALL_TUPLE: Final = 0x29  # ')'
TYPE_COMPLEX: Final = 0x78  # 'x'
TYPE_FLOAT: Final = 0x66  # 'f'
TYPE_INT64: Final = 0x49  # 'I'
TYPE_REF: Final = 0x72  # 'r'
FLAG_REF: Final = 0x80

# CPython: Python/marshal.c:MAX_MARSHAL_STACK_DEPTH
MAX_MARSHAL_STACK_DEPTH: Final = 2000
# CPython: Python/marshal.c:PyLong_MARSHAL_SHIFT
PyLong_MARSHAL_SHIFT: Final = 15
PyLong_MARSHAL_BASE: Final = 1 << 15
PyLong_MARSHAL_MASK: Final = PyLong_MARSHAL_BASE - 1
# CPython: Python/marshal.c:SIZE32_MAX
SIZE32_MAX: Final = 0x7FFFFFFF

# CPython: Python/marshal.c:WFERR_OK (the writer's error codes)
WFERR_OK: Final = 0
WFERR_UNMARSHALLABLE: Final = 1
WFERR_NESTEDTOODEEP: Final = 2
WFERR_NOMEMORY: Final = 3
WFERR_CODE_NOT_ALLOWED: Final = 4

# pyvm: the reference-table flag of an object still being written (C sets the
# top bit of the stored index, see w_ref / w_complete).
_W_INCOMPLETE: Final = 0x80000000


class WFILE:
    """pyvm: the writer state, C's ``WFILE`` struct (Python/marshal.c); it
    writes into a host ``bytearray``. ``hashtable`` maps ``id(obj)`` to the
    reference index; ``keep`` holds the objects so that their ids stay theirs
    while writing (C takes a reference for the same reason).
    """

    buf: bytearray
    error: int
    depth: int
    version: int
    allow_code: bool
    hashtable: Optional[dict[int, int]]
    keep: list[object]

    def __init__(self, version: int, allow_code: bool) -> None:
        self.buf = bytearray()
        self.error = WFERR_OK
        self.depth = 0
        self.version = version
        self.allow_code = allow_code
        self.hashtable = {} if version >= 3 else None
        self.keep = []


def w_byte(c: int, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_byte"""
    p.buf.append(c & 0xFF)


def w_string(s: bytes, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_string"""
    p.buf += s


def w_short(x: int, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_short"""
    p.buf.append(x & 0xFF)
    p.buf.append((x >> 8) & 0xFF)


def w_long(x: int, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_long"""
    p.buf.append(x & 0xFF)
    p.buf.append((x >> 8) & 0xFF)
    p.buf.append((x >> 16) & 0xFF)
    p.buf.append((x >> 24) & 0xFF)


def w_pstring(s: bytes, p: WFILE) -> bool:
    """CPython: Python/marshal.c:w_pstring

    pyvm: returns False (with ``p.error`` set) where C's ``W_SIZE`` returns
    early for a size over 32 bits."""
    n = len(s)
    if n > SIZE32_MAX:
        p.error = WFERR_UNMARSHALLABLE
        return False
    w_long(n, p)
    w_string(s, p)
    return True


def w_short_pstring(s: bytes, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_short_pstring"""
    w_byte(len(s), p)
    w_string(s, p)


def w_PyLong(v: int, flag: int, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_PyLong

    The magnitude in base 2**15 digits, least significant first; the digit
    count carries the sign."""
    w_byte(TYPE_LONG | flag, p)
    if v == 0:
        w_long(0, p)
        return
    d = -v if v < 0 else v
    digits: list[int] = []
    while d:
        digits.append(d & PyLong_MARSHAL_MASK)
        d >>= PyLong_MARSHAL_SHIFT
    n = len(digits)
    if n > SIZE32_MAX:
        p.error = WFERR_UNMARSHALLABLE
        return
    w_long(-n if v < 0 else n, p)
    for dig in digits:
        w_short(dig, p)


def w_float_bin(v: float, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_float_bin (PyFloat_Pack8, little-endian)"""
    w_string(struct.pack("<d", v), p)


def w_float_str(v: float, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_float_str

    The text of ``PyOS_double_to_string(v, 'g', 17, 0)`` (formats 0 and 1)."""
    w_short_pstring(format(v, ".17g").encode("ascii"), p)


def _PyObject_IsUniquelyReferenced(v: PyObject) -> bool:
    """pyvm: C's ``_PyObject_IsUniquelyReferenced`` (Include/internal/pycore_object.h,
    an inline function the index does not list): one reference, so the object
    cannot be met twice."""
    return v.ob_refcnt == 1


def w_ref(v: PyObject, p: WFILE) -> int:
    """CPython: Python/marshal.c:w_ref

    pyvm: returns -1 when a ``TYPE_REF`` was written (C returns 1), else the flag
    to or into the type code (``FLAG_REF`` when the object was registered, 0
    when it is written plainly); an error sets ``p.error`` and returns -1.
    """
    table = p.hashtable
    if p.version < 3 or table is None:
        return 0
    # An object with one reference cannot be met again; interned strings are
    # always registered, to keep .pyc files stable.
    if _PyObject_IsUniquelyReferenced(v) and not (
            v.ob_type is PyUnicode_Type and PyUnicode_CHECK_INTERNED(v) != 0):
        return 0
    key = id(v)
    w = table.get(key)
    if w is not None:
        if w & _W_INCOMPLETE:
            # C sets "cannot marshal recursion ..." here, which the final
            # "unmarshallable object" of _PyMarshal_WriteObjectToString replaces.
            p.error = WFERR_UNMARSHALLABLE
            return -1
        w_byte(TYPE_REF, p)
        w_long(w, p)
        return -1
    n = len(table)
    if n >= 0x7FFFFFFF:
        p.error = WFERR_UNMARSHALLABLE
        return -1
    if v.ob_type is PyCode_Type or v.ob_type is PySlice_Type:
        n |= _W_INCOMPLETE
    table[key] = n
    p.keep.append(v)
    return FLAG_REF


def w_complete(v: PyObject, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_complete"""
    table = p.hashtable
    if p.version < 3 or table is None:
        return
    if _PyObject_IsUniquelyReferenced(v):
        return
    key = id(v)
    w = table.get(key)
    if w is None:
        return
    table[key] = w & ~_W_INCOMPLETE


# pyvm: the host ``bytes`` fields of a code object are C bytes objects. 3.14's
# ``_PyCode_GetCode`` hands marshal the code's cached co_code (so it has two
# references and is always registered with FLAG_REF); the other fields have one
# reference (the code object's) and are written plainly -- except the empty and
# one-byte ones, which C takes from its immortal singletons and therefore
# registers and shares. Their table key is derived from the value.
def w_host_bytes(s: bytes, always_ref: bool, p: WFILE) -> None:
    """pyvm: ``w_object`` of a bytes field that pyvm stores as host ``bytes``."""
    if p.error != WFERR_OK:
        return
    p.depth += 1
    flag = 0
    table = p.hashtable
    if table is not None and p.version >= 3:
        if always_ref:
            # A key no other object has: one fresh index per code object.
            table[-1000 - len(table)] = len(table)
            flag = FLAG_REF
        elif len(s) <= 1:
            key = -1 - (s[0] if s else 256)  # never a valid id()
            w = table.get(key)
            if w is not None:
                w_byte(TYPE_REF, p)
                w_long(w, p)
                p.depth -= 1
                return
            table[key] = len(table)
            flag = FLAG_REF
    w_byte(TYPE_STRING | flag, p)
    w_pstring(s, p)
    p.depth -= 1


def w_object(v: Optional[PyObject], p: WFILE) -> None:
    """CPython: Python/marshal.c:w_object"""
    if p.error != WFERR_OK:
        return
    p.depth += 1
    if p.depth > MAX_MARSHAL_STACK_DEPTH:
        p.error = WFERR_NESTEDTOODEEP
    elif v is None:
        w_byte(TYPE_NULL, p)
    elif v is Py_None:
        w_byte(TYPE_NONE, p)
    elif v is PyExc_StopIteration:
        w_byte(TYPE_STOPITER, p)
    elif v is Py_Ellipsis:
        w_byte(TYPE_ELLIPSIS, p)
    elif v is Py_False:
        w_byte(TYPE_FALSE, p)
    elif v is Py_True:
        w_byte(TYPE_TRUE, p)
    else:
        flag = w_ref(v, p)
        if flag >= 0:
            w_complex_object(v, flag, p)
    p.depth -= 1


def w_complex_object(v: PyObject, flag: int, p: WFILE) -> None:
    """CPython: Python/marshal.c:w_complex_object"""
    tp = v.ob_type
    if tp is PyLong_Type:
        assert isinstance(v, PyLongObject)
        x = v.ob_ival
        # TYPE_INT holds what fits in 32 signed bits (C: long, then the
        # arithmetic shift by 31 on 64-bit builds).
        if -0x80000000 <= x <= 0x7FFFFFFF:
            w_byte(TYPE_INT | flag, p)
            w_long(x, p)
        else:
            w_PyLong(x, flag, p)
    elif tp is PyFloat_Type:
        assert isinstance(v, PyFloatObject)
        if p.version > 1:
            w_byte(TYPE_BINARY_FLOAT | flag, p)
            w_float_bin(v.ob_fval, p)
        else:
            w_byte(TYPE_FLOAT | flag, p)
            w_float_str(v.ob_fval, p)
    elif tp is PyBytes_Type:
        assert isinstance(v, PyBytesObject)
        w_byte(TYPE_STRING | flag, p)
        w_pstring(v.ob_sval, p)
    elif tp is PyUnicode_Type:
        assert isinstance(v, PyUnicodeObject)
        s = v.value
        if p.version >= 4 and s.isascii():
            interned = PyUnicode_CHECK_INTERNED(v) != 0
            data = s.encode("ascii")
            if len(s) < 256:
                w_byte((TYPE_SHORT_ASCII_INTERNED if interned else TYPE_SHORT_ASCII) | flag, p)
                w_short_pstring(data, p)
            else:
                w_byte((TYPE_ASCII_INTERNED if interned else TYPE_ASCII) | flag, p)
                w_pstring(data, p)
        else:
            utf8 = s.encode("utf-8", "surrogatepass")
            if p.version >= 3 and PyUnicode_CHECK_INTERNED(v) != 0:
                w_byte(TYPE_INTERNED | flag, p)
            else:
                w_byte(TYPE_UNICODE | flag, p)
            w_pstring(utf8, p)
    elif tp is PyTuple_Type:
        assert isinstance(v, PyTupleObject)
        items = v.ob_item
        n = len(items)
        if p.version >= 4 and n < 256:
            w_byte(TYPE_SMALL_TUPLE | flag, p)
            w_byte(n, p)
        else:
            w_byte(TYPE_TUPLE | flag, p)
            if n > SIZE32_MAX:
                p.error = WFERR_UNMARSHALLABLE
                return
            w_long(n, p)
        for item in items:
            w_object(item, p)
    elif tp is PyList_Type:
        assert isinstance(v, PyListObject)
        w_byte(TYPE_LIST | flag, p)
        litems = v.ob_item
        w_long(len(litems), p)
        i = 0
        # The list may change size while its items are written (C re-reads
        # PyList_GET_SIZE too, through the loop bound it captured).
        n = len(litems)
        while i < n and i < len(litems):
            w_object(litems[i], p)
            i += 1
    elif tp is PyDict_Type:
        w_byte(TYPE_DICT | flag, p)
        pos = 0
        while True:
            nxt = PyDict_Next(v, pos)
            if nxt is None:
                break
            pos, key, value = nxt
            w_object(key, p)
            w_object(value, p)
        w_object(None, p)
    elif tp is PyCode_Type:
        if not p.allow_code:
            p.error = WFERR_CODE_NOT_ALLOWED
            return
        assert isinstance(v, PyCodeObject)
        co = v
        w_byte(TYPE_CODE | flag, p)
        w_long(co.co_argcount, p)
        w_long(co.co_posonlyargcount, p)
        w_long(co.co_kwonlyargcount, p)
        w_long(co.co_stacksize, p)
        w_long(co.co_flags, p)
        w_host_bytes(co.co_code, True, p)
        w_object(co.co_consts, p)
        w_object(co.co_names, p)
        w_object(co.co_localsplusnames, p)
        w_host_bytes(co.co_localspluskinds, False, p)
        w_object(co.co_filename, p)
        w_object(co.co_name, p)
        w_object(co.co_qualname, p)
        w_long(co.co_firstlineno, p)
        w_host_bytes(co.co_linetable, False, p)
        w_host_bytes(co.co_exceptiontable, False, p)
        w_complete(v, p)
    elif PyObject_CheckBuffer(v):
        # Other bytes-like objects (bytearray, memoryview, bytes subclasses)
        # are written as a bytes object.
        try:
            view = PyObject_GetBuffer(v, PyBUF_SIMPLE)
        except PyErr as e:
            _PyErr_Clear(e)
            w_byte(TYPE_UNKNOWN, p)
            p.depth -= 1
            p.error = WFERR_UNMARSHALLABLE
            return
        w_byte(TYPE_STRING | flag, p)
        w_pstring(bytes(view.data[view.offset:view.offset + view.len]), p)
        PyBuffer_Release(view)
    elif tp is PySlice_Type:
        if p.version < 5:
            w_byte(TYPE_UNKNOWN, p)
            p.error = WFERR_UNMARSHALLABLE
            return
        assert isinstance(v, PySliceObject)
        w_byte(TYPE_SLICE | flag, p)
        w_object(v.start, p)
        w_object(v.stop, p)
        w_object(v.step, p)
        w_complete(v, p)
    elif tp is PyComplex_Type:
        assert isinstance(v, PyComplexObject)
        if p.version > 1:
            w_byte(TYPE_BINARY_COMPLEX | flag, p)
            w_float_bin(v.real, p)
            w_float_bin(v.imag, p)
        else:
            w_byte(TYPE_COMPLEX | flag, p)
            w_float_str(v.real, p)
            w_float_str(v.imag, p)
    elif tp is PySet_Type or tp is PyFrozenSet_Type:
        w_byte((TYPE_FROZENSET if tp is PyFrozenSet_Type else TYPE_SET) | flag, p)
        elems = _PySet_Items(v)
        w_long(len(elems), p)
        # bpo-37596: for reproducible builds the items are written in the
        # order of sorted(v, key=marshal.dumps).
        pairs: list[tuple[bytes, PyObject]] = []
        for value in elems:
            Py_INCREF(value)
            try:
                dump = _PyMarshal_WriteObjectToString(value, p.version, p.allow_code)
            except PyErr as e:
                _PyErr_Clear(e)
                p.error = WFERR_UNMARSHALLABLE
                Py_DECREF(value)
                for _, o in pairs:
                    Py_DECREF(o)
                return
            pairs.append((dump, value))
        pairs.sort(key=_pair_key)
        for _, value in pairs:
            w_object(value, p)
        for _, value in pairs:
            Py_DECREF(value)
    else:
        # Everything else is unmarshallable in C as well.
        w_byte(TYPE_UNKNOWN | flag, p)
        p.error = WFERR_UNMARSHALLABLE


def _pair_key(pair: tuple[bytes, PyObject]) -> bytes:
    """pyvm: the sort key of the (dump, value) pairs of a set (C sorts the
    pair tuples; two distinct set items never have equal dumps)."""
    return pair[0]


def _PyMarshal_WriteObjectToString(x: PyObject, version: int, allow_code: bool) -> bytes:
    """CPython: Python/marshal.c:_PyMarshal_WriteObjectToString

    pyvm: returns host ``bytes`` (the caller wraps them in a bytes object when
    a program asked for them)."""
    wf = WFILE(version, allow_code)
    w_object(x, wf)
    wf.keep.clear()
    if wf.error != WFERR_OK:
        if wf.error == WFERR_NOMEMORY:
            PyErr_SetNone(PyExc_MemoryError)
        if wf.error == WFERR_NESTEDTOODEEP:
            PyErr_SetString(PyExc_ValueError, "object too deeply nested to marshal")
        if wf.error == WFERR_CODE_NOT_ALLOWED:
            PyErr_SetString(PyExc_ValueError, "marshalling code objects is disallowed")
        PyErr_SetString(PyExc_ValueError, "unmarshallable object")
    return bytes(wf.buf)


def PyMarshal_WriteObjectToString(x: PyObject, version: int) -> bytes:
    """CPython: Python/marshal.c:PyMarshal_WriteObjectToString"""
    return _PyMarshal_WriteObjectToString(x, version, True)


# ---------------------------------------------------------------------------
# Reading


class RFILE:
    """pyvm: the reader state, C's ``RFILE`` struct (Python/marshal.c); it
    reads from host ``bytes`` only (``PyMarshal_ReadObjectFromString``).
    ``refs`` holds one owned reference per registered object; ``None`` marks a
    reserved slot (C stores ``Py_None`` there) whose object is not finished.
    """

    data: bytes
    ptr: int
    end: int
    depth: int
    allow_code: bool
    refs: list[Optional[PyObject]]
    readable: Optional[PyObject]

    def __init__(self, data: bytes, allow_code: bool,
                 readable: Optional[PyObject] = None) -> None:
        self.data = data
        self.ptr = 0
        self.end = len(data)
        self.depth = 0
        self.allow_code = allow_code
        self.refs = []
        # marshal.load's file: r_string reads from it (its readinto) instead.
        self.readable = readable


def r_string(n: int, p: RFILE) -> bytes:
    """CPython: Python/marshal.c:r_string"""
    if p.readable is not None:
        return _r_string_readable(n, p.readable)
    if p.end - p.ptr < n:
        PyErr_SetString(PyExc_EOFError, "marshal data too short")
    s = p.data[p.ptr:p.ptr + n]
    p.ptr += n
    return s


def _r_string_readable(n: int, readable: PyObject) -> bytes:
    """CPython: Python/marshal.c:r_string

    The ``readable`` branch: ``n`` bytes read by the file's ``readinto`` into
    a writable memoryview, which must report exactly ``n``."""
    buf = PyByteArray_FromStringAndSize(bytes(n))
    mview = PyMemoryView_FromObject(buf)
    try:
        res = PyObject_CallMethod(readable, "readinto", [mview])
        try:
            read = PyNumber_AsSsize_t(res, PyExc_ValueError)
        finally:
            Py_DECREF(res)
    finally:
        Py_DECREF(memoryview_release_impl(mview))
        Py_DECREF(mview)
    assert isinstance(buf, PyByteArrayObject)
    data = bytes(buf.ob_bytes[:n])
    Py_DECREF(buf)
    if read != n:
        if read > n:
            PyErr_SetString(PyExc_ValueError, f"read() returned too much data: {n} bytes "
                                              f"requested, {read} returned")
        PyErr_SetString(PyExc_EOFError, "EOF read where not expected")
    return data


def r_byte(p: RFILE) -> int:
    """CPython: Python/marshal.c:r_byte"""
    if p.readable is not None:
        return _r_string_readable(1, p.readable)[0]
    if p.ptr < p.end:
        c = p.data[p.ptr]
        p.ptr += 1
        return c
    PyErr_SetString(PyExc_EOFError, "EOF read where not expected")


def r_short(p: RFILE) -> int:
    """CPython: Python/marshal.c:r_short (sign-extended)"""
    b = r_string(2, p)
    x = b[0] | (b[1] << 8)
    return x - 0x10000 if x & 0x8000 else x


def r_long(p: RFILE) -> int:
    """CPython: Python/marshal.c:r_long (sign-extended from 32 bits)"""
    b = r_string(4, p)
    x = b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)
    return x - 0x100000000 if x & 0x80000000 else x


def r_long64(p: RFILE) -> PyObject:
    """CPython: Python/marshal.c:r_long64"""
    return PyLong_FromLong(int.from_bytes(r_string(8, p), "little", signed=True))


def r_PyLong(p: RFILE) -> PyObject:
    """CPython: Python/marshal.c:r_PyLong"""
    n = r_long(p)
    if n < -SIZE32_MAX or n > SIZE32_MAX:
        PyErr_SetString(PyExc_ValueError, "bad marshal data (long size out of range)")
    size = -n if n < 0 else n
    value = 0
    for j in range(size):
        md = r_short(p)
        if md < 0 or md > PyLong_MARSHAL_BASE:
            PyErr_SetString(PyExc_ValueError, "bad marshal data (digit out of range in long)")
        if md == 0 and j == size - 1:
            PyErr_SetString(PyExc_ValueError, "bad marshal data (unnormalized long data)")
        value |= md << (j * PyLong_MARSHAL_SHIFT)
    return PyLong_FromLong(-value if n < 0 else value)


def r_float_bin(p: RFILE) -> float:
    """CPython: Python/marshal.c:r_float_bin (PyFloat_Unpack8, little-endian)"""
    x: float = struct.unpack("<d", r_string(8, p))[0]
    return x


def r_float_str(p: RFILE) -> float:
    """CPython: Python/marshal.c:r_float_str

    C copies the bytes into a NUL-terminated buffer and parses it with
    ``PyOS_string_to_double``: the text ends at the first NUL byte."""
    n = r_byte(p)
    raw = r_string(n, p)
    nul = raw.find(b"\x00")
    return PyOS_string_to_double(raw if nul < 0 else raw[:nul])


def PyOS_string_to_double(s: bytes) -> float:
    """CPython: Python/pystrtod.c:PyOS_string_to_double

    With no ``endptr`` and no overflow exception, as marshal calls it: the whole
    C string must be a decimal float (``_Py_dg_strtod``: sign, digits with an
    optional point, optional exponent; no blanks, no underscores) or an
    infinity or NaN (``_Py_parse_inf_or_nan``); an overflow gives an infinity.
    """
    text = s.decode("latin-1")
    i = 0
    n = len(text)
    if i < n and text[i] in "+-":
        i += 1
    digits = 0
    while i < n and "0" <= text[i] <= "9":
        i += 1
        digits += 1
    if i < n and text[i] == ".":
        i += 1
        while i < n and "0" <= text[i] <= "9":
            i += 1
            digits += 1
    ok = digits > 0
    if ok and i < n and text[i] in "eE":
        j = i + 1
        if j < n and text[j] in "+-":
            j += 1
        k = j
        while k < n and "0" <= text[k] <= "9":
            k += 1
        i = k if k > j else i
    if not ok:
        body = text[1:] if text[:1] in ("+", "-") else text
        ok = body.lower() in ("inf", "infinity", "nan")
        i = n if ok else 0
    if not ok or i != n:
        PyErr_SetString(PyExc_ValueError,
                        f"could not convert string to float: '{_format_cstr(s, 200)}'")
    return float(text)


def _format_cstr(s: bytes, precision: int) -> str:
    """CPython: Objects/unicodeobject.c:unicode_fromformat_write_utf8

    ``%.200s`` of PyUnicode_FromFormat: at most ``precision`` bytes, decoded as
    UTF-8 with "replace"; a sequence cut by the precision is dropped."""
    if len(s) < precision:
        return s.decode("utf-8", "replace")
    return codecs.getincrementaldecoder("utf-8")("replace").decode(s[:precision], False)


def _utf8_decode_error(raw: bytes, e: UnicodeDecodeError) -> NoReturn:
    """CPython: Objects/exceptions.c:PyUnicodeDecodeError_Create

    Raise the pyvm ``UnicodeDecodeError`` that ``PyUnicode_DecodeUTF8`` raises
    for ``raw`` (the host decoder found the same bad range and reason)."""
    _PyErr_Raise(PyUnicodeDecodeError_Create("utf-8", raw, e.start, e.end, e.reason))


def r_ref_reserve(flag: int, p: RFILE) -> int:
    """CPython: Python/marshal.c:r_ref_reserve"""
    if flag:
        idx = len(p.refs)
        if idx >= 0x7FFFFFFE:
            PyErr_SetString(PyExc_ValueError, "bad marshal data (index list too large)")
        p.refs.append(None)
        return idx
    return 0


def r_ref_insert(o: PyObject, idx: int, flag: int, p: RFILE) -> PyObject:
    """CPython: Python/marshal.c:r_ref_insert"""
    if flag:
        Py_INCREF(o)
        p.refs[idx] = o
    return o


def r_ref(o: PyObject, flag: int, p: RFILE) -> PyObject:
    """CPython: Python/marshal.c:r_ref (only called with FLAG_REF set in C; here
    it also takes ``flag`` and does nothing without it, as R_REF does)"""
    if flag:
        Py_INCREF(o)
        p.refs.append(o)
    return o


def r_size(p: RFILE, what: str) -> int:
    """pyvm: the 32-bit size read and range check that r_object repeats for
    every sized type."""
    n = r_long(p)
    if n < 0 or n > SIZE32_MAX:
        PyErr_SetString(PyExc_ValueError, f"bad marshal data ({what} size out of range)")
    return n


def r_items(v: PyObject, items: list[PyObject], n: int, p: RFILE, what: str) -> None:
    """pyvm: the item loop of TYPE_TUPLE / TYPE_LIST: ``n`` objects appended to
    ``items``, the ``ob_item`` of the container ``v`` that C creates (and
    registers) before reading them, so that a reference read inside it finds
    it. On error ``v`` is released (``Py_SETREF(v, NULL)``)."""
    try:
        for _ in range(n):
            v2 = r_object(p)
            if v2 is None:
                PyErr_SetString(PyExc_TypeError, f"NULL object in marshal data for {what}")
            items.append(v2)
    except PyErr:
        Py_DECREF(v)
        raise


def r_object(p: RFILE) -> Optional[PyObject]:
    """CPython: Python/marshal.c:r_object

    A new reference, or None for ``TYPE_NULL`` (C's NULL without an error, the
    dict terminator). Errors raise :class:`PyErr`.
    """
    try:
        code = r_byte(p)
    except PyErr as e:
        if not e.matches(PyExc_EOFError):
            raise
        _PyErr_Clear(e)
        PyErr_SetString(PyExc_EOFError, "EOF read where object expected")
    p.depth += 1
    if p.depth > MAX_MARSHAL_STACK_DEPTH:
        p.depth -= 1
        PyErr_SetString(PyExc_ValueError, "recursion limit exceeded")
    flag = code & FLAG_REF
    tp = code & ~FLAG_REF
    retval = _r_object_body(tp, flag, p)
    p.depth -= 1
    return retval


def _r_object_body(tp: int, flag: int, p: RFILE) -> Optional[PyObject]:
    """pyvm: the ``switch`` of r_object."""
    if tp == TYPE_NULL:
        return None
    if tp == TYPE_NONE:
        return Py_None
    if tp == TYPE_STOPITER:
        Py_INCREF(PyExc_StopIteration)
        return PyExc_StopIteration
    if tp == TYPE_ELLIPSIS:
        return Py_Ellipsis
    if tp == TYPE_FALSE:
        return Py_False
    if tp == TYPE_TRUE:
        return Py_True
    if tp == TYPE_INT:
        return r_ref(PyLong_FromLong(r_long(p)), flag, p)
    if tp == TYPE_INT64:
        return r_ref(r_long64(p), flag, p)
    if tp == TYPE_LONG:
        return r_ref(r_PyLong(p), flag, p)
    if tp == TYPE_FLOAT:
        return r_ref(PyFloat_FromDouble(r_float_str(p)), flag, p)
    if tp == TYPE_BINARY_FLOAT:
        return r_ref(PyFloat_FromDouble(r_float_bin(p)), flag, p)
    if tp == TYPE_STRING:
        n = r_size(p, "bytes object")
        return r_ref(PyBytes_FromStringAndSize(r_string(n, p)), flag, p)
    if tp == TYPE_ASCII or tp == TYPE_ASCII_INTERNED or tp == TYPE_SHORT_ASCII \
            or tp == TYPE_SHORT_ASCII_INTERNED:
        if tp == TYPE_ASCII or tp == TYPE_ASCII_INTERNED:
            n = r_size(p, "string")
        else:
            n = r_byte(p)
        # C decodes the bytes as Latin-1 (PyUnicode_1BYTE_KIND) without checking
        # that they are ASCII.
        s = r_string(n, p).decode("latin-1")
        interned = tp == TYPE_ASCII_INTERNED or tp == TYPE_SHORT_ASCII_INTERNED
        v = PyUnicode_InternFromString(s) if interned else PyUnicode_FromString(s)
        return r_ref(v, flag, p)
    if tp == TYPE_INTERNED or tp == TYPE_UNICODE:
        n = r_size(p, "string")
        raw = r_string(n, p)
        try:
            s = raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as e:
            _utf8_decode_error(raw, e)
        v = PyUnicode_InternFromString(s) if tp == TYPE_INTERNED else PyUnicode_FromString(s)
        return r_ref(v, flag, p)
    if tp == TYPE_SMALL_TUPLE or tp == TYPE_TUPLE:
        n = r_byte(p) if tp == TYPE_SMALL_TUPLE else r_size(p, "tuple")
        if n == 0:
            return r_ref(_PyTuple_FromArraySteal([]), flag, p)
        # pyvm: C's PyTuple_New(n) has n NULL slots; here the items are appended
        # as they are read (a host list of n slots could be huge for bad data).
        t = tuple_alloc([])
        r_ref(t, flag, p)
        r_items(t, t.ob_item, n, p, "tuple")
        t.ob_hash = -1
        return t
    if tp == TYPE_LIST:
        n = r_size(p, "list")
        lst = _PyList_FromArraySteal([])
        r_ref(lst, flag, p)
        assert isinstance(lst, PyListObject)
        r_items(lst, lst.ob_item, n, p, "list")
        return lst
    if tp == TYPE_DICT:
        d = PyDict_New()
        r_ref(d, flag, p)
        try:
            while True:
                key = r_object(p)
                if key is None:
                    break
                val = r_object(p)
                if val is None:
                    Py_DECREF(key)
                    break
                try:
                    PyDict_SetItem(d, key, val)
                finally:
                    Py_DECREF(key)
                    Py_DECREF(val)
        except PyErr:
            Py_DECREF(d)
            raise
        return d
    if tp == TYPE_CODE:
        return r_code(flag, p)
    if tp == TYPE_REF:
        n = r_long(p)
        if n < 0 or n >= len(p.refs):
            PyErr_SetString(PyExc_ValueError, "bad marshal data (invalid reference)")
        o = p.refs[n]
        if o is None:
            PyErr_SetString(PyExc_ValueError, "bad marshal data (invalid reference)")
        Py_INCREF(o)
        return o
    if tp == TYPE_SLICE:
        idx = r_ref_reserve(flag, p)
        parts: list[PyObject] = []
        try:
            for _ in range(3):
                part = r_object(p)
                if part is None:
                    # C's ``goto cleanup``: NULL without an exception; the
                    # caller reports it (or a dict ends there).
                    return None
                parts.append(part)
            sl = PySlice_New(parts[0], parts[1], parts[2])
        finally:
            for part in parts:
                Py_DECREF(part)
        return r_ref_insert(sl, idx, flag, p)
    if tp == TYPE_COMPLEX:
        re = r_float_str(p)
        im = r_float_str(p)
        return r_ref(PyComplex_FromDoubles(re, im), flag, p)
    if tp == TYPE_BINARY_COMPLEX:
        re = r_float_bin(p)
        im = r_float_bin(p)
        return r_ref(PyComplex_FromDoubles(re, im), flag, p)
    if tp == TYPE_SET or tp == TYPE_FROZENSET:
        n = r_size(p, "set")
        if tp == TYPE_SET:
            st = PySet_New(None)
            r_ref(st, flag, p)
            idx = 0
        else:
            # Frozensets are registered once filled (they must be made with a
            # reference count of 1 for PySet_Add).
            st = PyFrozenSet_New(None)
            idx = r_ref_reserve(flag, p)
        try:
            for _ in range(n):
                v2 = r_object(p)
                if v2 is None:
                    PyErr_SetString(PyExc_TypeError, "NULL object in marshal data for set")
                try:
                    PySet_Add(st, v2)
                finally:
                    Py_DECREF(v2)
        except PyErr:
            Py_DECREF(st)
            raise
        if tp != TYPE_SET:
            return r_ref_insert(st, idx, flag, p)
        return st
    PyErr_SetString(PyExc_ValueError, "bad marshal data (unknown type code)")


def _PyCode_Validate(argcount: int, posonlyargcount: int, kwonlyargcount: int,
                     stacksize: int, flags: int, code: PyObject, consts: PyObject,
                     names: PyObject, localsplusnames: PyObject, localspluskinds: PyObject,
                     filename: PyObject, name: PyObject, qualname: PyObject,
                     linetable: PyObject, exceptiontable: PyObject) -> None:
    """CPython: Objects/codeobject.c:_PyCode_Validate

    pyvm: kept beside its one caller with unmarshalled data (the compiler's
    code objects are right by construction) and run on the objects as read,
    before the bytes fields become the host ``bytes`` of pyvm's code object.
    """
    if (argcount < posonlyargcount or posonlyargcount < 0
            or kwonlyargcount < 0 or stacksize < 0 or flags < 0
            or not isinstance(code, PyBytesObject)
            or not isinstance(consts, PyTupleObject)
            or not isinstance(names, PyTupleObject)
            or not isinstance(localsplusnames, PyTupleObject)
            or not isinstance(localspluskinds, PyBytesObject)
            or len(localsplusnames.ob_item) != len(localspluskinds.ob_sval)
            or not isinstance(name, PyUnicodeObject)
            or not isinstance(qualname, PyUnicodeObject)
            or not isinstance(filename, PyUnicodeObject)
            or not isinstance(linetable, PyBytesObject)
            or not isinstance(exceptiontable, PyBytesObject)):
        # PyErr_BadInternalCall() names the C file and line of the call.
        PyErr_SetString(PyExc_SystemError,
                        "Objects/codeobject.c:465: bad argument to internal function")
    if len(code.ob_sval) % 2 != 0:
        PyErr_SetString(PyExc_ValueError, "code: co_code is malformed")
    nlocals, _, _ = get_localsplus_counts(localspluskinds.ob_sval)
    nplainlocals = (nlocals - argcount - kwonlyargcount
                    - (1 if flags & CO_VARARGS else 0)
                    - (1 if flags & CO_VARKEYWORDS else 0))
    if nplainlocals < 0:
        PyErr_SetString(PyExc_ValueError, "code: co_varnames is too small")


def _bytes_value(o: PyObject) -> bytes:
    """pyvm: the host bytes of a field _PyCode_Validate has checked."""
    assert isinstance(o, PyBytesObject)
    return o.ob_sval


def r_code(flag: int, p: RFILE) -> Optional[PyObject]:
    """CPython: Python/marshal.c:r_object (the TYPE_CODE case)

    Every field is read first (``r_object`` for the objects, whatever their
    type), then ``_PyCode_Validate`` checks them all, as C does; a field read
    as NULL without an exception is a TypeError.
    """
    if not p.allow_code:
        PyErr_SetString(PyExc_ValueError, "unmarshalling code objects is disallowed")
    idx = r_ref_reserve(flag, p)
    owned: list[PyObject] = []

    def obj() -> PyObject:
        o = r_object(p)
        if o is None:
            PyErr_SetString(PyExc_TypeError, "NULL object in marshal data for code object")
        owned.append(o)
        return o

    try:
        argcount = r_long(p)
        posonlyargcount = r_long(p)
        kwonlyargcount = r_long(p)
        stacksize = r_long(p)
        flags = r_long(p)
        code = obj()
        consts = obj()
        names = obj()
        localsplusnames = obj()
        localspluskinds = obj()
        filename = obj()
        name = obj()
        qualname = obj()
        firstlineno = r_long(p)
        linetable = obj()
        exceptiontable = obj()
        _PyCode_Validate(argcount, posonlyargcount, kwonlyargcount, stacksize, flags,
                         code, consts, names, localsplusnames, localspluskinds,
                         filename, name, qualname, linetable, exceptiontable)
        con = _PyCodeConstructor(
            filename=filename, name=name, qualname=qualname, flags=flags,
            code=_bytes_value(code), firstlineno=firstlineno,
            linetable=_bytes_value(linetable),
            consts=consts, names=names, localsplusnames=localsplusnames,
            localspluskinds=_bytes_value(localspluskinds), argcount=argcount,
            posonlyargcount=posonlyargcount, kwonlyargcount=kwonlyargcount,
            stacksize=stacksize, exceptiontable=_bytes_value(exceptiontable))
        v: PyObject = _PyCode_New(con)
    finally:
        # _PyCode_New took its own references.
        for o in owned:
            Py_DECREF(o)
    return r_ref_insert(v, idx, flag, p)


def read_object(p: RFILE) -> PyObject:
    """CPython: Python/marshal.c:read_object"""
    v = r_object(p)
    if v is None:
        PyErr_SetString(PyExc_TypeError, "NULL object in marshal data for object")
    return v


def PyMarshal_ReadObjectFromString(data: bytes) -> PyObject:
    """CPython: Python/marshal.c:PyMarshal_ReadObjectFromString

    A new reference. The reference list is released at the end, as C's
    ``Py_DECREF(rf.refs)`` does.
    """
    rf = RFILE(data, True)
    try:
        return read_object(rf)
    except RecursionError:
        # pyvm: the host stack ran out before MAX_MARSHAL_STACK_DEPTH (each
        # level costs a few host frames in the interpreted mode).
        PyErr_SetString(PyExc_ValueError, "recursion limit exceeded")
    finally:
        for o in rf.refs:
            if o is not None:
                Py_DECREF(o)
        rf.refs.clear()

