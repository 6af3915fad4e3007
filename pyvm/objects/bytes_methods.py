"""Ports Objects/bytes_methods.c, with the stringlib methods bytes and bytearray
share (Objects/stringlib/transmogrify.h, Objects/stringlib/split.h) and
Python/pystrhex.c.

In C, ``bytes`` and ``bytearray`` call the same ``_Py_bytes_*`` functions on a
``(char *, length)`` pair. Here the shared methods take ``self`` and read its
storage through the buffer protocol (``_self_data``: the host ``bytes`` of a
bytes object, the host ``bytearray`` of a bytearray), so one ``PyMethodDef``
table serves both types (:func:`_shared_methods`). A method that makes a new
sequence builds it with :func:`_result` in the type of ``self``'s family: bytes
for bytes (and its subclasses), bytearray for bytearray, as C's two method
tables do.

pyvm: the byte-level algorithms (searching, splitting, case mapping) are the
host's ``bytes`` methods, which implement the same stringlib code.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn, Optional

from pyvm.objects.abstract import (
    PyBuffer_Release,
    PyObject_CheckBuffer,
    PyObject_GetBuffer,
    _PyBuffer_Bytes,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.exceptions import PyExc_TypeError, PyExc_ValueError, PyExc_OverflowError
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.methodobject import (
    METH_CLASS,
    METH_FASTCALL,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    METH_STATIC,
    PyMethodDef,
)
from pyvm.objects.object import (
    PyBUF_SIMPLE, Py_None, Py_TPFLAGS_BYTES_SUBCLASS, Py_TPFLAGS_LONG_SUBCLASS,
    PyErr_SetString, PyObject, PyObject_IsTrue, PyTypeObject, Py_DECREF,
)
from pyvm.objects.unicodeobject import (
    PyUnicodeObject,
    PyUnicode_FromString,
    _PyArg_CheckPositional,
    _PyArg_UnpackKeywords,
    _arg_index,
    _arg_slice_index,
    _codec_error,
    _str_kwarg,
)
from pyvm.objects.tupleobject import (
    _as_index, _PyTuple_FromArraySteal, _PyIndex_Check, PyTupleObject,
)
from pyvm.objects.listobject import _PyList_FromArraySteal, _release, _sequence_fast
from pyvm.objects.call import PyObject_CallOneArg


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def _value_error(msg: str) -> NoReturn:
    """pyvm: raise ValueError."""
    PyErr_SetString(PyExc_ValueError, msg)


def _clinic_int(o: PyObject) -> int:
    """CPython: Objects/longobject.c:PyLong_AsInt (Argument Clinic's ``int``)"""
    if o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS == 0 and o.ob_type.nb_index is None:
        _type_error(f"'{o.ob_type.tp_name}' object cannot be interpreted as an integer")
    v = _as_index(o)
    if v < -(1 << 31) or v >= (1 << 31):
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int")
    return v


def _self_data(self: PyObject) -> bytes | bytearray:
    """pyvm: the storage of a bytes or bytearray ``self`` (C's
    ``PyBytes_AS_STRING`` / ``PyByteArray_AS_STRING``), read through its
    buffer. The host object is returned itself, not copied: callers convert
    their arguments first, so no user code runs while it is in use."""
    view = PyObject_GetBuffer(self, PyBUF_SIMPLE)
    data = view.data
    PyBuffer_Release(view)
    return data


def _is_bytes(self: PyObject) -> bool:
    """CPython: Include/bytesobject.h:PyBytes_Check"""
    return (self.ob_type.tp_flags & Py_TPFLAGS_BYTES_SUBCLASS) != 0


def _result(self: PyObject, data: bytes | bytearray) -> PyObject:
    """pyvm: a new bytes (``self`` is bytes) or bytearray (``self`` is a
    bytearray) holding ``data``: which of C's two method tables ran."""
    if _is_bytes(self):
        from pyvm.objects.bytesobject import PyBytes_FromStringAndSize  # cycle
        return PyBytes_FromStringAndSize(bytes(data))
    from pyvm.objects.bytearrayobject import PyByteArray_FromStringAndSize  # cycle
    return PyByteArray_FromStringAndSize(bytes(data))


def _result_list(self: PyObject, parts: list[bytes]) -> PyObject:
    """pyvm: a new list of new bytes/bytearray objects."""
    return _PyList_FromArraySteal([_result(self, p) for p in parts])


def _result_tuple(self: PyObject, parts: tuple[bytes, bytes, bytes]) -> PyObject:
    """pyvm: a new 3-tuple of new bytes/bytearray objects (``partition``)."""
    return _PyTuple_FromArraySteal([_result(self, p) for p in parts])


def _buffer_arg(o: PyObject) -> bytes:
    """pyvm: Argument Clinic's ``Py_buffer`` converter (``a bytes-like object
    is required, not 'str'``)."""
    return _PyBuffer_Bytes(o)


# ---------------------------------------------------------------------------
# Searching


def _getbytevalue_ssize(o: PyObject) -> int:
    """pyvm: ``PyNumber_AsSsize_t(o, NULL)`` then the ``range(0, 256)`` check."""
    v = _as_index(o)
    if v < 0 or v > 255:
        _value_error("byte must be in range(0, 256)")
    return v


def parse_args_finds_byte(function_name: str, sub: PyObject) -> bytes:
    """CPython: Objects/bytes_methods.c:parse_args_finds_byte

    The needle of ``find``/``count``/``index``: a bytes-like object or an int
    in ``range(256)``."""
    if PyObject_CheckBuffer(sub):
        return _PyBuffer_Bytes(sub)
    if not _PyIndex_Check(sub):
        _type_error(f"argument should be integer or bytes-like object, "
                    f"not '{sub.ob_type.tp_name}'")
    return bytes((_getbytevalue_ssize(sub),))


def _find_args(fname: str, args: list[PyObject]) -> tuple[bytes, int, int]:
    """CPython: Objects/clinic/bytesobject.c.h:bytes_find

    The ``(sub[, start[, end]])`` parser the find family shares."""
    _PyArg_CheckPositional(fname, len(args), 1, 3)
    start = _arg_slice_index(args[1] if len(args) > 1 else None, 0)
    end = _arg_slice_index(args[2] if len(args) > 2 else None, 1 << 62)
    sub = parse_args_finds_byte(fname, args[0])
    return sub, start, end


def _Py_bytes_find(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_find"""
    sub, start, end = _find_args("find", args)
    return PyLong_FromLong(_self_data(self).find(sub, start, end))


def _Py_bytes_rfind(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_rfind"""
    sub, start, end = _find_args("rfind", args)
    return PyLong_FromLong(_self_data(self).rfind(sub, start, end))


def _Py_bytes_index(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_index"""
    sub, start, end = _find_args("index", args)
    r = _self_data(self).find(sub, start, end)
    if r < 0:
        _value_error("subsection not found")
    return PyLong_FromLong(r)


def _Py_bytes_rindex(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_rindex"""
    sub, start, end = _find_args("rindex", args)
    r = _self_data(self).rfind(sub, start, end)
    if r < 0:
        _value_error("subsection not found")
    return PyLong_FromLong(r)


def _Py_bytes_count(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_count"""
    sub, start, end = _find_args("count", args)
    return PyLong_FromLong(_self_data(self).count(sub, start, end))


def _Py_bytes_contains(data: bytes | bytearray, arg: PyObject) -> bool:
    """CPython: Objects/bytes_methods.c:_Py_bytes_contains

    An int (``__index__``) is a byte value; anything else must be bytes-like."""
    if _PyIndex_Check(arg):
        return _getbytevalue_ssize(arg) in data
    return _PyBuffer_Bytes(arg) in data


def _Py_bytes_tailmatch(self: PyObject, fname: str, args: list[PyObject], at_end: bool) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_tailmatch"""
    _PyArg_CheckPositional(fname, len(args), 1, 3)
    start = _arg_slice_index(args[1] if len(args) > 1 else None, 0)
    end = _arg_slice_index(args[2] if len(args) > 2 else None, 1 << 62)
    subs: list[bytes] = []
    a = args[0]
    if isinstance(a, PyTupleObject):
        for it in a.ob_item:
            subs.append(_PyBuffer_Bytes(it))
    elif PyObject_CheckBuffer(a):
        subs.append(_PyBuffer_Bytes(a))
    else:
        _type_error(f"{fname} first arg must be bytes or a tuple of bytes, "
                    f"not {a.ob_type.tp_name}")
    data = _self_data(self)
    for s in subs:
        if data.endswith(s, start, end) if at_end else data.startswith(s, start, end):
            return Py_True
    return Py_False


def _Py_bytes_startswith(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_startswith"""
    return _Py_bytes_tailmatch(self, "startswith", args, False)


def _Py_bytes_endswith(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_endswith"""
    return _Py_bytes_tailmatch(self, "endswith", args, True)


# ---------------------------------------------------------------------------
# Character classes and case mapping


def _bool(r: bool) -> PyObject:
    """pyvm: ``Py_RETURN_TRUE`` / ``Py_RETURN_FALSE``."""
    return Py_True if r else Py_False


def _Py_bytes_isspace(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_isspace"""
    return _bool(_self_data(self).isspace())


def _Py_bytes_isalpha(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_isalpha"""
    return _bool(_self_data(self).isalpha())


def _Py_bytes_isalnum(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_isalnum"""
    return _bool(_self_data(self).isalnum())


def _Py_bytes_isascii(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_isascii"""
    return _bool(_self_data(self).isascii())


def _Py_bytes_isdigit(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_isdigit"""
    return _bool(_self_data(self).isdigit())


def _Py_bytes_islower(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_islower"""
    return _bool(_self_data(self).islower())


def _Py_bytes_isupper(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_isupper"""
    return _bool(_self_data(self).isupper())


def _Py_bytes_istitle(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_istitle"""
    return _bool(_self_data(self).istitle())


def _Py_bytes_lower(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_lower"""
    return _result(self, _self_data(self).lower())


def _Py_bytes_upper(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_upper"""
    return _result(self, _self_data(self).upper())


def _Py_bytes_title(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_title"""
    return _result(self, _self_data(self).title())


def _Py_bytes_capitalize(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_capitalize"""
    return _result(self, _self_data(self).capitalize())


def _Py_bytes_swapcase(self: PyObject) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_swapcase"""
    return _result(self, _self_data(self).swapcase())


# ---------------------------------------------------------------------------
# stringlib/transmogrify.h: padding, tabs


def _fillchar(fname: str, o: Optional[PyObject]) -> bytes:
    """pyvm: Argument Clinic's ``char`` converter (``fillchar``)."""
    if o is None:
        return b" "
    from pyvm.objects.bytesobject import PyBytesObject  # cycle
    from pyvm.objects.bytearrayobject import PyByteArrayObject  # cycle
    if isinstance(o, PyBytesObject):
        if len(o.ob_sval) == 1:
            return o.ob_sval
        _type_error(f"{fname}(): argument 2 must be a byte string of length 1, "
                    f"not a bytes object of length {len(o.ob_sval)}")
    if isinstance(o, PyByteArrayObject):
        if len(o.ob_bytes) == 1:
            return bytes(o.ob_bytes)
        _type_error(f"{fname}(): argument 2 must be a byte string of length 1, "
                    f"not a bytearray object of length {len(o.ob_bytes)}")
    _type_error(f"{fname}() argument 2 must be a byte string of length 1, "
                f"not {o.ob_type.tp_name}")


def _pad_args(fname: str, args: list[PyObject]) -> tuple[int, bytes]:
    """pyvm: the ``(width, fillchar=b' ', /)`` parser of center/ljust/rjust."""
    _PyArg_CheckPositional(fname, len(args), 1, 2)
    width = _arg_index(args[0])
    return width, _fillchar(fname, args[1] if len(args) > 1 else None)


def stringlib_center(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/stringlib/transmogrify.h:stringlib_center_impl"""
    width, fill = _pad_args("center", args)
    return _result(self, _self_data(self).center(width, fill))


def stringlib_ljust(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/stringlib/transmogrify.h:stringlib_ljust_impl"""
    width, fill = _pad_args("ljust", args)
    return _result(self, _self_data(self).ljust(width, fill))


def stringlib_rjust(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/stringlib/transmogrify.h:stringlib_rjust_impl"""
    width, fill = _pad_args("rjust", args)
    return _result(self, _self_data(self).rjust(width, fill))


def stringlib_zfill(self: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/stringlib/transmogrify.h:stringlib_zfill_impl"""
    return _result(self, _self_data(self).zfill(_arg_index(arg)))


def stringlib_expandtabs(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/stringlib/transmogrify.h:stringlib_expandtabs_impl"""
    a = _PyArg_UnpackKeywords("expandtabs", args, kwnames, ["tabsize"], 0, 1)
    t = a[0]
    tabsize = 8 if t is None else _clinic_int(t)
    return _result(self, _self_data(self).expandtabs(tabsize))


# ---------------------------------------------------------------------------
# Splitting, stripping, joining, replacing


def _opt_buffer(o: Optional[PyObject]) -> Optional[bytes]:
    """pyvm: an optional bytes-like argument (None or absent: whitespace)."""
    if o is None or o is Py_None:
        return None
    return _PyBuffer_Bytes(o)


def _split_args(fname: str, args: list[PyObject], kwnames: Optional[PyObject]) -> tuple[Optional[bytes], int]:
    """CPython: Objects/clinic/bytesobject.c.h:bytes_split

    ``(sep=None, maxsplit=-1)``."""
    a = _PyArg_UnpackKeywords(fname, args, kwnames, ["sep", "maxsplit"], 0, 2)
    sep = _opt_buffer(a[0])
    if sep is not None and not sep:
        _value_error("empty separator")
    m = a[1]
    return sep, -1 if m is None else _arg_index(m)


def _Py_bytes_split(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/stringlib/split.h:STRINGLIB(split)"""
    sep, maxsplit = _split_args("split", args, kwnames)
    return _result_list(self, bytes(_self_data(self)).split(sep, maxsplit))


def _Py_bytes_rsplit(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/stringlib/split.h:STRINGLIB(rsplit)"""
    sep, maxsplit = _split_args("rsplit", args, kwnames)
    return _result_list(self, bytes(_self_data(self)).rsplit(sep, maxsplit))


def _Py_bytes_splitlines(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/stringlib/split.h:STRINGLIB(splitlines)"""
    a = _PyArg_UnpackKeywords("splitlines", args, kwnames, ["keepends"], 0, 1)
    k = a[0]
    keep = False if k is None else PyObject_IsTrue(k)
    return _result_list(self, bytes(_self_data(self)).splitlines(keep))


def _Py_bytes_partition(self: PyObject, sep: PyObject) -> PyObject:
    """CPython: Objects/stringlib/partition.h:STRINGLIB(partition)"""
    s = _buffer_arg(sep)
    if not s:
        _value_error("empty separator")
    return _result_tuple(self, bytes(_self_data(self)).partition(s))


def _Py_bytes_rpartition(self: PyObject, sep: PyObject) -> PyObject:
    """CPython: Objects/stringlib/partition.h:STRINGLIB(rpartition)"""
    s = _buffer_arg(sep)
    if not s:
        _value_error("empty separator")
    return _result_tuple(self, bytes(_self_data(self)).rpartition(s))


def _strip_arg(fname: str, args: list[PyObject]) -> Optional[bytes]:
    """pyvm: the optional ``bytes=None`` argument of strip/lstrip/rstrip."""
    _PyArg_CheckPositional(fname, len(args), 0, 1)
    return _opt_buffer(args[0] if args else None)


def do_strip(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytesobject.c:do_strip"""
    return _result(self, _self_data(self).strip(_strip_arg("strip", args)))


def _Py_bytes_lstrip(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytesobject.c:do_argstrip (LEFTSTRIP)"""
    return _result(self, _self_data(self).lstrip(_strip_arg("lstrip", args)))


def _Py_bytes_rstrip(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytesobject.c:do_argstrip (RIGHTSTRIP)"""
    return _result(self, _self_data(self).rstrip(_strip_arg("rstrip", args)))


def stringlib_bytes_join(self: PyObject, iterable: PyObject) -> PyObject:
    """CPython: Objects/stringlib/join.h:STRINGLIB(bytes_join)

    Every item must be bytes-like (``sequence item 1: expected a bytes-like
    object, str found``)."""
    items = _sequence_fast(iterable, "can only join an iterable")
    try:
        parts: list[bytes] = []
        for i in range(len(items)):
            it = items[i]
            if not PyObject_CheckBuffer(it):
                _type_error(f"sequence item {i}: expected a bytes-like object, "
                            f"{it.ob_type.tp_name} found")
            parts.append(_PyBuffer_Bytes(it))
    finally:
        _release(items)
    return _result(self, bytes(_self_data(self)).join(parts))


def _Py_bytes_replace(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_replace_impl

    ``(old, new, /, count=-1)``."""
    a = _PyArg_UnpackKeywords("replace", args, kwnames, ["", "", "count"], 2, 3, 2)
    o = a[0]
    n = a[1]
    assert o is not None and n is not None
    old = _buffer_arg(o)
    new = _buffer_arg(n)
    c = a[2]
    count = -1 if c is None else _arg_index(c)
    return _result(self, bytes(_self_data(self)).replace(old, new, count))


def _Py_bytes_removeprefix(self: PyObject, prefix: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_removeprefix_impl"""
    p = _buffer_arg(prefix)
    data = bytes(_self_data(self))
    return _result(self, data[len(p):] if p and data.startswith(p) else data)


def _Py_bytes_removesuffix(self: PyObject, suffix: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_removesuffix_impl"""
    p = _buffer_arg(suffix)
    data = bytes(_self_data(self))
    return _result(self, data[:len(data) - len(p)] if p and data.endswith(p) else data)


def _Py_bytes_translate(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_translate_impl

    ``(table, /, delete=b'')``; the table is None or 256 bytes."""
    a = _PyArg_UnpackKeywords("translate", args, kwnames, ["", "delete"], 1, 2, 1)
    t = a[0]
    assert t is not None
    table: Optional[bytes] = None
    if t is not Py_None:
        table = _buffer_arg(t)
        if len(table) != 256:
            _value_error("translation table must be 256 characters long")
    d = a[1]
    delete = b"" if d is None else _buffer_arg(d)
    return _result(self, bytes(_self_data(self)).translate(table, delete))


def _Py_bytes_maketrans(args: list[PyObject]) -> PyObject:
    """CPython: Objects/bytes_methods.c:_Py_bytes_maketrans"""
    from pyvm.objects.bytesobject import PyBytes_FromStringAndSize  # cycle
    _PyArg_CheckPositional("maketrans", len(args), 2, 2)
    frm = _buffer_arg(args[0])
    to = _buffer_arg(args[1])
    if len(frm) != len(to):
        _value_error("maketrans arguments must have same length")
    return PyBytes_FromStringAndSize(bytes.maketrans(frm, to))


def _maketrans_static(self: Optional[PyObject], args: list[PyObject]) -> PyObject:
    """CPython: Objects/clinic/bytesobject.c.h:bytes_maketrans

    pyvm: the ``METH_STATIC`` entry (``self`` is unused)."""
    return _Py_bytes_maketrans(args)


# ---------------------------------------------------------------------------
# Codecs and hex


def _Py_bytes_decode(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_decode_impl"""
    a = _PyArg_UnpackKeywords("decode", args, kwnames, ["encoding", "errors"], 0, 2)
    e = _str_kwarg(a[0], "encoding", "decode")
    r = _str_kwarg(a[1], "errors", "decode")
    try:
        s = bytes(_self_data(self)).decode("utf-8" if e is None else e,
                                          "strict" if r is None else r)
    except (UnicodeError, LookupError) as exc:
        _codec_error(exc)
    return PyUnicode_FromString(s)


def _Py_strhex_with_sep(data: bytes, sep: Optional[PyObject], bytes_per_sep: int) -> PyObject:
    """CPython: Python/pystrhex.c:_Py_strhex_with_sep"""
    if sep is None or sep is Py_None:
        return PyUnicode_FromString(data.hex())
    s: bytes | str
    if isinstance(sep, PyUnicodeObject):
        s = sep.value
    elif PyObject_CheckBuffer(sep) and _is_bytes(sep):
        s = _PyBuffer_Bytes(sep)
    else:
        _type_error("sep must be str or bytes.")
    if len(s) != 1:
        _value_error("sep must be length 1.")
    if isinstance(s, str) and not s.isascii():
        _value_error("sep must be ASCII.")
    return PyUnicode_FromString(data.hex(s, bytes_per_sep))


def _hex_args(args: list[PyObject], kwnames: Optional[PyObject]) -> tuple[Optional[PyObject], int]:
    """CPython: Objects/clinic/bytesobject.c.h:bytes_hex

    ``(sep=<unrepresentable>, bytes_per_sep=1)``."""
    a = _PyArg_UnpackKeywords("hex", args, kwnames, ["sep", "bytes_per_sep"], 0, 2)
    b = a[1]
    return a[0], 1 if b is None else _clinic_int(b)


def _Py_bytes_hex(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_hex_impl"""
    sep, per = _hex_args(args, kwnames)
    return _Py_strhex_with_sep(bytes(_self_data(self)), sep, per)


def _hexdigit(c: int) -> int:
    """CPython: Objects/longobject.c:_PyLong_DigitValue (hex digits; 37 otherwise)"""
    if 48 <= c <= 57:
        return c - 48
    if 97 <= c <= 102:
        return c - 87
    if 65 <= c <= 70:
        return c - 55
    return 37


def _PyBytes_FromHex(string: PyObject) -> bytes:
    """CPython: Objects/bytesobject.c:_PyBytes_FromHex

    ASCII whitespace is skipped between pairs of hex digits."""
    if isinstance(string, PyUnicodeObject):
        s = string.value
        for i in range(len(s)):
            if ord(s[i]) >= 128:
                _value_error(f"non-hexadecimal number found in fromhex() arg at position {i}")
        src = s.encode("ascii")
    elif PyObject_CheckBuffer(string):
        src = _PyBuffer_Bytes(string)
    else:
        _type_error(f"fromhex() argument must be str or bytes-like, not {string.ob_type.tp_name}")
    out = bytearray()
    i = 0
    n = len(src)
    while i < n:
        if src[i] in b" \t\n\r\x0b\x0c":
            while i < n and src[i] in b" \t\n\r\x0b\x0c":
                i += 1
            if i >= n:
                break
        top = _hexdigit(src[i])
        if top >= 16:
            _value_error(f"non-hexadecimal number found in fromhex() arg at position {i}")
        i += 1
        bot = _hexdigit(src[i]) if i < n else 37
        if bot >= 16:
            if i >= n:
                _value_error("fromhex() arg must contain an even number of hexadecimal digits")
            _value_error(f"non-hexadecimal number found in fromhex() arg at position {i}")
        i += 1
        out.append((top << 4) + bot)
    return bytes(out)


def _fromhex(tp: PyObject, string: PyObject) -> PyObject:
    """CPython: Objects/bytesobject.c:bytes_fromhex_impl

    Also bytearray's (``bytearray_fromhex_impl``): the type is called on the
    result unless it is exactly bytes or bytearray."""
    from pyvm.objects.bytesobject import PyBytes_FromStringAndSize, PyBytes_Type  # cycle
    from pyvm.objects.bytearrayobject import PyByteArray_FromStringAndSize, PyByteArray_Type  # cycle
    data = _PyBytes_FromHex(string)
    assert isinstance(tp, PyTypeObject)
    if _type_is_bytes(tp):
        r = PyBytes_FromStringAndSize(data)
        exact = tp is PyBytes_Type
    else:
        r = PyByteArray_FromStringAndSize(data)
        exact = tp is PyByteArray_Type
    if exact:
        return r
    try:
        return PyObject_CallOneArg(tp, r)
    finally:
        Py_DECREF(r)


def _type_is_bytes(tp: PyTypeObject) -> bool:
    """pyvm: ``tp`` is bytes or a subclass of it."""
    return (tp.tp_flags & Py_TPFLAGS_BYTES_SUBCLASS) != 0


# ---------------------------------------------------------------------------
# The shared method table


def _shared_methods() -> list[PyMethodDef]:
    """pyvm: the entries C's ``bytes_methods`` and ``bytearray_methods``
    tables have in common (both point at the same ``_Py_bytes_*`` code)."""
    fk = METH_FASTCALL | METH_KEYWORDS
    return [
        PyMethodDef("capitalize", _Py_bytes_capitalize, METH_NOARGS),
        PyMethodDef("center", stringlib_center, METH_FASTCALL),
        PyMethodDef("count", _Py_bytes_count, METH_FASTCALL),
        PyMethodDef("decode", _Py_bytes_decode, fk),
        PyMethodDef("endswith", _Py_bytes_endswith, METH_FASTCALL),
        PyMethodDef("expandtabs", stringlib_expandtabs, fk),
        PyMethodDef("find", _Py_bytes_find, METH_FASTCALL),
        PyMethodDef("fromhex", _fromhex, METH_O | METH_CLASS),
        PyMethodDef("hex", _Py_bytes_hex, fk),
        PyMethodDef("index", _Py_bytes_index, METH_FASTCALL),
        PyMethodDef("isalnum", _Py_bytes_isalnum, METH_NOARGS),
        PyMethodDef("isalpha", _Py_bytes_isalpha, METH_NOARGS),
        PyMethodDef("isascii", _Py_bytes_isascii, METH_NOARGS),
        PyMethodDef("isdigit", _Py_bytes_isdigit, METH_NOARGS),
        PyMethodDef("islower", _Py_bytes_islower, METH_NOARGS),
        PyMethodDef("isspace", _Py_bytes_isspace, METH_NOARGS),
        PyMethodDef("istitle", _Py_bytes_istitle, METH_NOARGS),
        PyMethodDef("isupper", _Py_bytes_isupper, METH_NOARGS),
        PyMethodDef("join", stringlib_bytes_join, METH_O),
        PyMethodDef("ljust", stringlib_ljust, METH_FASTCALL),
        PyMethodDef("lower", _Py_bytes_lower, METH_NOARGS),
        PyMethodDef("lstrip", _Py_bytes_lstrip, METH_FASTCALL),
        PyMethodDef("maketrans", _maketrans_static, METH_FASTCALL | METH_STATIC),
        PyMethodDef("partition", _Py_bytes_partition, METH_O),
        PyMethodDef("replace", _Py_bytes_replace, fk),
        PyMethodDef("removeprefix", _Py_bytes_removeprefix, METH_O),
        PyMethodDef("removesuffix", _Py_bytes_removesuffix, METH_O),
        PyMethodDef("rfind", _Py_bytes_rfind, METH_FASTCALL),
        PyMethodDef("rindex", _Py_bytes_rindex, METH_FASTCALL),
        PyMethodDef("rjust", stringlib_rjust, METH_FASTCALL),
        PyMethodDef("rpartition", _Py_bytes_rpartition, METH_O),
        PyMethodDef("rsplit", _Py_bytes_rsplit, fk),
        PyMethodDef("rstrip", _Py_bytes_rstrip, METH_FASTCALL),
        PyMethodDef("split", _Py_bytes_split, fk),
        PyMethodDef("splitlines", _Py_bytes_splitlines, fk),
        PyMethodDef("startswith", _Py_bytes_startswith, METH_FASTCALL),
        PyMethodDef("strip", do_strip, METH_FASTCALL),
        PyMethodDef("swapcase", _Py_bytes_swapcase, METH_NOARGS),
        PyMethodDef("title", _Py_bytes_title, METH_NOARGS),
        PyMethodDef("translate", _Py_bytes_translate, fk),
        PyMethodDef("upper", _Py_bytes_upper, METH_NOARGS),
        PyMethodDef("zfill", stringlib_zfill, METH_O),
    ]
