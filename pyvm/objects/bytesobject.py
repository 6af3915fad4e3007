"""Ports Objects/bytesobject.c (the basic part): the bytes type.

A bytes object wraps a host ``bytes`` (``ob_sval``) and caches its hash
(``ob_shash``), as C does. The empty bytes object and the 256 one-byte objects
are shared singletons, as ``bytes_get_empty`` and ``CHARACTERS`` are in C.

Implemented so far: construction (``bytes()``, ``bytes(int)``,
``bytes(iterable of ints)``, ``bytes(str, encoding)``, ``bytes(buffer)``),
repr, hash, comparison, length, indexing and slicing, ``in``, concatenation
(with any bytes-like operand), repetition, iteration and the buffer protocol
(``bytes_buffer_getbuffer``: a read-only view of ``ob_sval``). The methods
are the table bytes shares with bytearray (pyvm/objects/bytes_methods.py).
Codecs are the host's.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import _Py_TPFLAGS_MATCH_SELF
from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_GE,
    Py_GT,
    _Py_SetImmortal,
    Py_INCREF,
    Py_LE,
    Py_LT,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_BYTES_SUBCLASS,
    Py_TPFLAGS_IMMUTABLETYPE,
    Py_TPFLAGS_LONG_SUBCLASS,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_SelfIter,
    PyBUF_FULL_RO,
    Py_buffer,
    PyTypeObject,
    _debug_clip_bytes,
)
from pyvm.objects.abstract import (
    PyBuffer_FillInfo,
    PyIndex_Check,
    PyObject_CheckBuffer,
    PyObject_GetIter,
    _PyBuffer_Bytes,
)
from pyvm.objects.bytes_methods import (
    _Py_bytes_contains,
    _shared_methods,
)
from pyvm.objects.call import _PyStack_UnpackDict
from pyvm.objects.boolobject import (
    PyBool_FromLong,
    Py_False,
    Py_True,
)
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    _PyIter_CallNext,
    PyExc_IndexError,
    PyExc_OverflowError,
)
from pyvm.objects.longobject import (
    PyLong_FromLong,
    _type_error,
    _value_error,
)
from pyvm.objects.methodobject import (
    METH_FASTCALL,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    PyMethodDef,
)
from pyvm.objects.unicodeobject import (
    PyUnicodeObject, PyUnicode_FromString, _PyArg_CheckPositional, _PyArg_UnpackKeywords,
    _arg_index, _arg_slice_index, _codec_error, _str_kwarg, _check_repeat,
)
from pyvm.objects.tupleobject import (
    _PyIndex_Check, _subscript_index, _is_slice, _slice_indices, _as_index, PyTupleObject,
)


class PyBytesObject(PyObject):
    """CPython: Include/cpython/bytesobject.h:PyBytesObject"""

    ob_sval: bytes
    ob_shash: int

    def __init__(self, tp: PyTypeObject, value: bytes) -> None:
        super().__init__(tp)
        self.ob_sval = value
        self.ob_shash = -1

    def _debug_detail(self) -> str:
        """pyvm: the bytes (their start), for ``PyObject.__repr__``."""
        return _debug_clip_bytes(self.ob_sval)


PyBytes_Type: Final = PyTypeObject(
    "bytes",
    flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_IMMUTABLETYPE
    | _Py_TPFLAGS_MATCH_SELF,
    doc="bytes(iterable_of_ints) -> bytes\n"
        "bytes(string, encoding[, errors]) -> bytes\n"
        "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
        "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
        "bytes() -> empty bytes object\n\n"
        "Construct an immutable array of bytes from:\n"
        "  - an iterable yielding integers in range(256)\n"
        "  - a text string encoded using the specified encoding\n"
        "  - any object implementing the buffer API.\n"
        "  - an integer")
# A variable-size object in C (its bytes): nonempty __slots__ are refused.
PyBytes_Type.tp_itemsize = 1
PyBytesIter_Type: Final = PyTypeObject("bytes_iterator")


class _BytesState:
    """pyvm: the empty bytes and the one-byte singletons (C's
    ``bytes_get_empty`` and ``CHARACTERS``)."""

    empty: PyBytesObject
    chars: list[PyBytesObject]

    def __init__(self) -> None:
        self.empty = PyBytesObject(PyBytes_Type, b"")
        _Py_SetImmortal(self.empty)
        self.chars = []
        for i in range(256):
            o = PyBytesObject(PyBytes_Type, bytes((i,)))
            _Py_SetImmortal(o)
            self.chars.append(o)


_state: Final = _BytesState()


def PyBytes_Check(op: PyObject) -> bool:
    """CPython: Include/bytesobject.h:PyBytes_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_BYTES_SUBCLASS) != 0


def PyBytes_FromStringAndSize(data: bytes) -> PyObject:
    """CPython: Objects/bytesobject.c:PyBytes_FromStringAndSize

    A new reference to a bytes object holding ``data`` (singletons for length
    0 and 1)."""
    n = len(data)
    if n == 0:
        return _state.empty
    if n == 1:
        return _state.chars[data[0]]
    return PyBytesObject(PyBytes_Type, data)


def PyBytes_FromString(data: bytes) -> PyObject:
    """CPython: Objects/bytesobject.c:PyBytes_FromString"""
    return PyBytes_FromStringAndSize(data)


def PyBytes_AsString(op: PyObject) -> bytes:
    """CPython: Objects/bytesobject.c:PyBytes_AsString"""
    if not isinstance(op, PyBytesObject):
        _type_error(f"expected bytes, {op.ob_type.tp_name} found")
    return op.ob_sval


def PyBytes_Size(op: PyObject) -> int:
    """CPython: Objects/bytesobject.c:PyBytes_Size"""
    if not isinstance(op, PyBytesObject):
        _type_error(f"expected bytes, {op.ob_type.tp_name} found")
    return len(op.ob_sval)


def bytes_dealloc(op: PyObject) -> None:
    """pyvm: nothing to release (C's ``tp_dealloc`` is ``PyObject_Free``)."""


def PyBytes_Repr(op: PyObject, smartquotes: bool) -> PyObject:
    """CPython: Objects/bytesobject.c:PyBytes_Repr

    ``b'...'``, double quotes when the data has a single quote and no double
    quote; the host's bytes repr follows the same rules."""
    assert isinstance(op, PyBytesObject)
    return PyUnicode_FromString(repr(op.ob_sval))


def bytes_repr(op: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_repr"""
    return PyBytes_Repr(op, True)


def bytes_str(op: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_str

    (The ``-b`` BytesWarning is not emitted.)"""
    return bytes_repr(op)


def bytes_hash(op: PyObject) -> int:
    """CPython: Objects/bytesobject.c:bytes_hash

    pyvm: the host's hash of the same bytes (SipHash-1-3, as C's
    ``Py_HashBuffer``)."""
    assert isinstance(op, PyBytesObject)
    h = op.ob_shash
    if h == -1:
        h = hash(op.ob_sval)
        op.ob_shash = h
    return h


def bytes_length(op: PyObject) -> int:
    """CPython: Objects/bytesobject.c:bytes_length"""
    assert isinstance(op, PyBytesObject)
    return len(op.ob_sval)


def bytes_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_richcompare"""
    if not isinstance(a, PyBytesObject) or not isinstance(b, PyBytesObject):
        return Py_NotImplemented
    x = a.ob_sval
    y = b.ob_sval
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
        r = x >= y
    return Py_True if r else Py_False


def bytes_concat(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_concat

    Either operand may be any bytes-like object; the result is bytes."""
    if not PyObject_CheckBuffer(a) or not PyObject_CheckBuffer(b):
        _type_error(f"can't concat {b.ob_type.tp_name} to {a.ob_type.tp_name}")
    x = _PyBuffer_Bytes(a)
    y = _PyBuffer_Bytes(b)
    if not y and a.ob_type is PyBytes_Type:
        Py_INCREF(a)
        return a
    if not x and b.ob_type is PyBytes_Type:
        Py_INCREF(b)
        return b
    return PyBytes_FromStringAndSize(x + y)


def bytes_repeat(a: PyObject, n: int) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_repeat"""
    assert isinstance(a, PyBytesObject)
    if n <= 0:
        return _state.empty
    if n == 1 and a.ob_type is PyBytes_Type:
        Py_INCREF(a)
        return a
    _check_repeat(len(a.ob_sval), n, "repeated bytes are too long")
    return PyBytes_FromStringAndSize(a.ob_sval * n)


def bytes_item(a: PyObject, i: int) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_item"""
    assert isinstance(a, PyBytesObject)
    if i < 0 or i >= len(a.ob_sval):
        PyErr_SetString(PyExc_IndexError, "index out of range")
    return PyLong_FromLong(a.ob_sval[i])


def bytes_subscript(op: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_subscript"""
    assert isinstance(op, PyBytesObject)
    if _PyIndex_Check(item):
        i = _subscript_index(item)
        if i < 0:
            i += len(op.ob_sval)
        return bytes_item(op, i)
    if _is_slice(item):
        start, stop, step, slicelen = _slice_indices(item, len(op.ob_sval))
        if slicelen <= 0:
            return _state.empty
        if step == 1:
            if start == 0 and slicelen == len(op.ob_sval) and op.ob_type is PyBytes_Type:
                Py_INCREF(op)
                return op
            return PyBytes_FromStringAndSize(op.ob_sval[start:start + slicelen])
        return PyBytes_FromStringAndSize(op.ob_sval[start:(stop if stop >= 0 else None):step])
    _type_error(f"byte indices must be integers or slices, not {item.ob_type.tp_name}")


def bytes_contains(op: PyObject, arg: PyObject) -> bool:
    """CPython: Objects/bytesobject.c:bytes_contains"""
    assert isinstance(op, PyBytesObject)
    return _Py_bytes_contains(op.ob_sval, arg)


def bytes_buffer_getbuffer(op: PyObject, flags: int) -> Py_buffer:
    """CPython: Objects/bytesobject.c:bytes_buffer_getbuffer

    A read-only view of the host ``bytes``."""
    assert isinstance(op, PyBytesObject)
    return PyBuffer_FillInfo(op.ob_sval, op, len(op.ob_sval), True, flags)


# ---------------------------------------------------------------------------
# Constructor


def _PyBytes_FromIterator(x: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:_PyBytes_FromIterator"""
    it = PyObject_GetIter(x)
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    out = bytearray()
    try:
        while True:
            item = _PyIter_CallNext(nxt, it)
            if item is None:
                break
            try:
                v = _as_index(item)
            finally:
                Py_DECREF(item)
            if v < 0 or v > 255:
                _value_error("bytes must be in range(0, 256)")
            out.append(v)
    finally:
        Py_DECREF(it)
    return PyBytes_FromStringAndSize(bytes(out))


def bytes_new_impl(tp: PyTypeObject, x: Optional[PyObject], encoding: Optional[str],
                   errors: Optional[str]) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_new_impl"""
    if x is None:
        if encoding is not None or errors is not None:
            _type_error("encoding without a string argument" if encoding is not None
                        else "errors without a string argument")
        r: PyObject = _state.empty
    elif isinstance(x, PyUnicodeObject):
        if encoding is None:
            _type_error("string argument without an encoding")
        try:
            data = x.value.encode(encoding, errors if errors is not None else "strict")
        except (UnicodeError, LookupError) as exc:
            _codec_error(exc)
        r = PyBytes_FromStringAndSize(data)
    elif encoding is not None:
        _type_error("encoding without a string argument")
    elif errors is not None:
        _type_error("errors without a string argument")
    elif isinstance(x, PyBytesObject):
        if tp is PyBytes_Type and x.ob_type is PyBytes_Type:
            Py_INCREF(x)
            return x
        r = PyBytes_FromStringAndSize(x.ob_sval)
    elif PyIndex_Check(x):
        n = _as_index(x)
        if n > (1 << 63) - 1:
            PyErr_SetString(PyExc_OverflowError, "cannot fit 'int' into an index-sized integer")
        if n < 0:
            _value_error("negative count")
        _check_repeat(n, 1, None)
        r = PyBytes_FromStringAndSize(bytes(n))
    elif PyObject_CheckBuffer(x):
        # CPython: Objects/bytesobject.c:_PyBytes_FromBuffer
        r = PyBytes_FromStringAndSize(_PyBuffer_Bytes(x, PyBUF_FULL_RO))
    else:
        if x.ob_type.tp_iter is None and x.ob_type.sq_item is None:
            _type_error(f"cannot convert '{x.ob_type.tp_name}' object to bytes")
        r = _PyBytes_FromIterator(x)
    if tp is not PyBytes_Type:
        assert isinstance(r, PyBytesObject)
        data2 = r.ob_sval
        Py_DECREF(r)
        return PyBytesObject(tp, data2)
    return r


def bytes_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/bytesobject.c.h:bytes_new"""
    assert isinstance(args, PyTupleObject)
    vec, kwnames = _PyStack_UnpackDict(args.ob_item, 0, len(args.ob_item), kwds)
    try:
        a = _PyArg_UnpackKeywords("bytes", vec, kwnames, ["source", "encoding", "errors"], 0, 3)
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)
    enc = _str_kwarg(a[1], "encoding", "bytes")
    err = _str_kwarg(a[2], "errors", "bytes")
    return bytes_new_impl(tp, a[0], enc, err)


# ---------------------------------------------------------------------------
# Iterator


class striterobject(PyObject):
    """pyvm: C's ``striterobject`` struct of Objects/bytesobject.c."""

    it_index: int
    it_seq: Optional[PyBytesObject]

    def __init__(self, seq: PyBytesObject) -> None:
        super().__init__(PyBytesIter_Type)
        self.it_index = 0
        self.it_seq = seq


def bytes_iter(seq: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_iter"""
    assert isinstance(seq, PyBytesObject)
    Py_INCREF(seq)
    return striterobject(seq)


def striter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/bytesobject.c:striter_next"""
    assert isinstance(op, striterobject)
    seq = op.it_seq
    if seq is None:
        return None
    i = op.it_index
    if i < len(seq.ob_sval):
        op.it_index = i + 1
        return PyLong_FromLong(seq.ob_sval[i])
    op.it_seq = None
    Py_DECREF(seq)
    return None


def striter_dealloc(op: PyObject) -> None:
    """CPython: Objects/bytesobject.c:striter_dealloc"""
    assert isinstance(op, striterobject)
    seq = op.it_seq
    op.it_seq = None
    if seq is not None:
        Py_DECREF(seq)


def _init_types() -> None:
    """pyvm: the static initializers of ``PyBytes_Type`` and its iterator."""
    tp = PyBytes_Type
    tp.tp_dealloc = bytes_dealloc
    # C's tp_itemsize (sizeof(char)): a variable-size layout (no __weakref__ in subclasses).
    tp.tp_itemsize = 1
    tp.tp_repr = bytes_repr
    tp.tp_str = bytes_str
    tp.tp_hash = bytes_hash
    tp.tp_richcompare = bytes_richcompare
    tp.tp_iter = bytes_iter
    tp.tp_new = bytes_new
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.sq_length = bytes_length
    tp.sq_concat = bytes_concat
    tp.sq_repeat = bytes_repeat
    tp.sq_item = bytes_item
    tp.sq_contains = bytes_contains
    tp.mp_length = bytes_length
    tp.mp_subscript = bytes_subscript
    tp.bf_getbuffer = bytes_buffer_getbuffer
    _PyType_AddMethods(tp, _shared_methods())
    it = PyBytesIter_Type
    it.tp_dealloc = striter_dealloc
    it.tp_iter = PyObject_SelfIter
    it.tp_iternext = striter_next
    it.tp_getattro = PyObject_GenericGetAttr


_init_types()


# ---------------------------------------------------------------------------
# Escape decoding for the parser (bytes literals). Kept in one block at the end
# (its import too, so that the block merges with edits elsewhere in the file).

from pyvm.objects.exceptions import PyExc_ValueError  # noqa: E402


def _hex_digit_value(c: int) -> int:
    """CPython: Objects/longobject.c:_PyLong_DigitValue

    The value of an ASCII hexadecimal digit, 37 for any other byte (C's table
    gives every non-digit a value of at least 16)."""
    if 0x30 <= c <= 0x39:
        return c - 0x30
    if 0x61 <= c <= 0x66:
        return c - 0x61 + 10
    if 0x41 <= c <= 0x46:
        return c - 0x41 + 10
    return 37


def _PyBytes_DecodeEscape2(s: bytes) -> tuple[bytes, int, int]:
    """CPython: Objects/bytesobject.c:_PyBytes_DecodeEscape2

    Unescapes the body of a bytes literal, with C's ``errors=NULL``
    ("strict"). Returns ``(value, first_invalid_escape_char,
    first_invalid_escape_pos)``: the first unknown escape (or octal escape
    above 0o377) as its character and the index in ``s`` where its text
    starts (after the backslash), ``(-1, -1)`` if there is none -- C's two
    out-parameters, a pointer becoming an index. A trailing backslash or a bad
    ``\\x`` escape raises ValueError.

    pyvm: works on host bytes; the parser wraps the result (C returns the
    bytes object)."""
    out = bytearray()
    first_invalid_escape_char = -1
    first_invalid_escape_pos = -1
    end = len(s)
    i = 0
    while i < end:
        c = s[i]
        if c != 0x5C:  # '\\'
            out.append(c)
            i += 1
            continue
        i += 1
        if i == end:
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string")
        c = s[i]
        i += 1
        if c == 0x0A:      # '\n': a line continuation
            pass
        elif c == 0x5C:
            out.append(0x5C)
        elif c == 0x27:
            out.append(0x27)
        elif c == 0x22:
            out.append(0x22)
        elif c == 0x62:    # b
            out.append(0x08)
        elif c == 0x66:    # f
            out.append(0x0C)
        elif c == 0x74:    # t
            out.append(0x09)
        elif c == 0x6E:    # n
            out.append(0x0A)
        elif c == 0x72:    # r
            out.append(0x0D)
        elif c == 0x76:    # v
            out.append(0x0B)
        elif c == 0x61:    # a
            out.append(0x07)
        elif 0x30 <= c <= 0x37:
            v = c - 0x30
            if i < end and 0x30 <= s[i] <= 0x37:
                v = (v << 3) + s[i] - 0x30
                i += 1
                if i < end and 0x30 <= s[i] <= 0x37:
                    v = (v << 3) + s[i] - 0x30
                    i += 1
            if v > 0o377:
                if first_invalid_escape_char == -1:
                    first_invalid_escape_char = v
                    # Back up 3 chars, since we've already incremented s.
                    first_invalid_escape_pos = i - 3
            out.append(v & 0xFF)  # C stores the int in a char
        elif c == 0x78:    # x
            if i + 1 < end:
                digit1 = _hex_digit_value(s[i])
                digit2 = _hex_digit_value(s[i + 1])
                if digit1 < 16 and digit2 < 16:
                    out.append((digit1 << 4) + digit2)
                    i += 2
                    continue
            # invalid hexadecimal digits
            PyErr_SetString(PyExc_ValueError, f"invalid \\x escape at position {i - 2}")
        else:
            if first_invalid_escape_char == -1:
                first_invalid_escape_char = c
                # Back up one char, since we've already incremented s.
                first_invalid_escape_pos = i - 1
            out.append(0x5C)
            i -= 1
    return bytes(out), first_invalid_escape_char, first_invalid_escape_pos
