"""Ports Objects/unicodeobject.c: the str type, interning, and printf-style
``str % args`` formatting.

A str wraps a host ``str`` (``value``). CPython's compact representations
(ASCII / latin-1 / UCS-2 / UCS-4 ``kind``, the UTF-8 cache) exist to save memory
in C; the host string already does that, so pyvm keeps only what is observable
or used by other modules: the cached hash (``hash``, -1 until computed, read by
the dict's str fast path) and the interning state.

Singletons, as 3.14 has them: the empty string and the 256 one-character latin-1
strings are immortal and shared (``unicode_get_empty``, ``_Py_LATIN1_CHR``).
Interned strings (identifiers, attribute names, ``sys.intern``) live in one
table and are immortal (PEP 683: 3.14 makes every interned str immortal).

Bridges to the host (documented at each use):

* the character database: case mapping, ``isalpha``/``isprintable`` … and
  ``repr``'s notion of printable characters come from the host ``str`` (Unicode
  14 on a 3.11 host, 16 in CPython 3.14: only characters assigned in between
  behave differently);
* the hash is the host's ``hash(str)``: SipHash-1-3 as in CPython, keyed by the
  host's own seed, which ``PYTHONHASHSEED`` fixes as it fixes CPython's.
* codecs: ``encode``/``decode`` use the host codecs, with the errors mapped to
  pyvm exceptions.

Imports: str is the lowest of the container modules. It imports the modules
below it (object, int, bool, float, exceptions, the descriptors) at the top, and
tuple, list, dict, bytes and unicode_format, which import str, inside the
functions that need them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import _Py_TPFLAGS_MATCH_SELF, PyErr_SetNone
from pyvm.objects.object import (
    _PyErr_Clear,
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
    Py_TPFLAGS_IMMUTABLETYPE,
    Py_TPFLAGS_LONG_SUBCLASS,
    Py_TPFLAGS_TUPLE_SUBCLASS,
    Py_TPFLAGS_UNICODE_SUBCLASS,
    PyErr,
    _PyErr_Raise,
    PyErr_SetString,
    PyObject,
    PyObject_ASCII,
    PyObject_GenericGetAttr,
    PyObject_IsTrue,
    PyObject_Repr,
    PyObject_SelfIter,
    PyObject_Str,
    PyTypeObject,
    _debug_clip_str,
)
from pyvm.objects.abstract import (
    PyIndex_Check,
    PyObject_CheckBuffer,
    _PyBuffer_Bytes,
    PyObject_GetItem,
)
from pyvm.objects.call import _PyStack_UnpackDict
from pyvm.objects.boolobject import (
    Py_False,
    Py_True,
)
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    PyExc_IndexError,
    PyExc_LookupError,
    PyExc_ValueError,
    PyUnicodeDecodeError_Create,
)
from pyvm.objects.floatobject import (
    PyFloatObject,
)
from pyvm.objects.longobject import (
    PyLongObject,
    PyLong_FromLong,
    _overflow_error as _overflow_error,
    _type_error as _type_error,
    _value_error as _value_error,
)
from pyvm.objects.methodobject import (
    METH_FASTCALL,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    METH_STATIC,
    PyMethodDef,
)


class PyUnicodeObject(PyObject):
    """CPython: Include/cpython/unicodeobject.h:PyUnicodeObject

    ``value`` is the text; ``hash`` the cached hash (-1: not computed yet);
    ``interned`` C's ``state.interned`` (0 not interned, 2 interned immortal).
    """

    value: str
    hash: int
    interned: int

    def __init__(self, tp: PyTypeObject, value: str) -> None:
        super().__init__(tp)
        self.value = value
        self.hash = -1
        self.interned = 0

    def _debug_detail(self) -> str:
        """pyvm: the text (its start), for ``PyObject.__repr__``."""
        return _debug_clip_str(self.value)

    def _debug_text(self) -> Optional[str]:
        """pyvm: the text, for the ``__repr__`` of objects named by a ``str``."""
        return self.value


PyUnicode_Type: Final = PyTypeObject(
    "str",
    flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_IMMUTABLETYPE
    | _Py_TPFLAGS_MATCH_SELF,
    doc="str(object='') -> str\n"
        "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
        "Create a new string object from the given object. If encoding or\n"
        "errors is specified, then the object must expose a data buffer\n"
        "that will be decoded using the given encoding and error handler.\n"
        "Otherwise, returns the result of object.__str__() (if defined)\n"
        "or repr(object).\n"
        "encoding defaults to 'utf-8'.\n"
        "errors defaults to 'strict'.")
PyUnicodeIter_Type: Final = PyTypeObject("str_iterator")
_PyUnicodeASCIIIter_Type: Final = PyTypeObject("str_ascii_iterator")

# CPython: Include/cpython/unicodeobject.h:SSTATE_NOT_INTERNED
SSTATE_NOT_INTERNED: Final = 0
SSTATE_INTERNED_IMMORTAL: Final = 2


class _UnicodeState:
    """pyvm: the str singletons and the interned table (C keeps them in
    ``_Py_STR``/``_Py_LATIN1_CHR`` and ``interp->cached_objects.interned_strings``)."""

    empty: PyUnicodeObject
    latin1: list[PyUnicodeObject]
    interned: dict[str, PyUnicodeObject]

    def __init__(self) -> None:
        self.empty = PyUnicodeObject(PyUnicode_Type, "")
        _Py_SetImmortal(self.empty)
        self.latin1 = []
        for i in range(256):
            o = PyUnicodeObject(PyUnicode_Type, chr(i))
            _Py_SetImmortal(o)
            self.latin1.append(o)
        self.interned = {}


_state: Final = _UnicodeState()


# ---------------------------------------------------------------------------
# Error helpers.


def _index_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm IndexError."""
    PyErr_SetString(PyExc_IndexError, msg)


# pyvm: the largest result (items or characters) pyvm asks the host to
# allocate; beyond it, a pyvm MemoryError is raised instead of letting the host
# one escape (C would get NULL from the allocator).
_MAX_ALLOC: Final = 1 << 36
_SSIZE_MAX: Final = (1 << 63) - 1


def _check_repeat(size: int, n: int, overflow_msg: Optional[str]) -> None:
    """pyvm: the size checks of the ``*_repeat`` functions: C raises
    OverflowError(``overflow_msg``) (or MemoryError when it is None) past
    ``PY_SSIZE_T_MAX``, and MemoryError when the allocation fails."""
    total = size * n
    if total > _SSIZE_MAX and overflow_msg is not None:
        _overflow_error(overflow_msg)
    if total > _MAX_ALLOC:
        from pyvm.objects.exceptions import PyExc_MemoryError  # cycle: exceptions -> unicodeobject
        PyErr_SetNone(PyExc_MemoryError)


def _new_int(v: int) -> PyObject:
    """pyvm: a new int object."""
    return PyLong_FromLong(v)


def _bool(r: bool) -> PyObject:
    """pyvm: ``Py_RETURN_TRUE`` / ``Py_RETURN_FALSE``."""
    return Py_True if r else Py_False


def _none() -> PyObject:
    """pyvm: ``Py_RETURN_NONE``."""
    return Py_None


# ---------------------------------------------------------------------------
# Construction


def PyUnicode_Check(op: PyObject) -> bool:
    """CPython: Include/unicodeobject.h:PyUnicode_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_UNICODE_SUBCLASS) != 0


def PyUnicode_CheckExact(op: PyObject) -> bool:
    """CPython: Include/unicodeobject.h:PyUnicode_CheckExact"""
    return op.ob_type is PyUnicode_Type


def unicode_get_empty() -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_get_empty"""
    return _state.empty


def PyUnicode_FromString(s: str) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_FromString

    A new reference to a str holding ``s``; the empty string and one latin-1
    character come from the immortal singletons."""
    n = len(s)
    if n == 0:
        return _state.empty
    if n == 1:
        c = ord(s)
        if c < 256:
            return _state.latin1[c]
    return PyUnicodeObject(PyUnicode_Type, s)


def unicode_char(ch: int) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_char"""
    if ch < 256:
        return _state.latin1[ch]
    return PyUnicodeObject(PyUnicode_Type, chr(ch))


def PyUnicode_FromOrdinal(ordinal: int) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_FromOrdinal"""
    if ordinal < 0 or ordinal > 0x10FFFF:
        _value_error("chr() arg not in range(0x110000)")
    return unicode_char(ordinal)


def _PyUnicode_AsString(op: PyObject) -> str:
    """CPython: Objects/unicodeobject.c:PyUnicode_AsUTF8

    pyvm: the host text of a str object (which C would give as UTF-8 bytes)."""
    assert isinstance(op, PyUnicodeObject)
    return op.value


def PyUnicode_AsUTF8(op: PyObject) -> str:
    """CPython: Objects/unicodeobject.c:PyUnicode_AsUTF8"""
    if not isinstance(op, PyUnicodeObject):
        _type_error(f"bad argument type for built-in operation")
    return op.value


def PyUnicode_GetLength(op: PyObject) -> int:
    """CPython: Objects/unicodeobject.c:PyUnicode_GetLength"""
    assert isinstance(op, PyUnicodeObject)
    return len(op.value)


def _unicode_result(tp: PyTypeObject, s: str) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_result

    pyvm: a new str of text ``s`` (the singletons for short ones)."""
    return PyUnicode_FromString(s)


def unicode_result_unchanged(op: PyUnicodeObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_result_unchanged

    An exact str is returned as is (new reference); a subclass is copied."""
    if op.ob_type is PyUnicode_Type:
        Py_INCREF(op)
        return op
    return PyUnicode_FromString(op.value)


# ---------------------------------------------------------------------------
# Interning


def _PyUnicode_InternImmortal(s: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:_PyUnicode_InternImmortal

    pyvm: returns the interned str equal to ``s`` (a new reference, immortal),
    entering ``s`` itself when it is the first; C swaps the caller's pointer."""
    assert isinstance(s, PyUnicodeObject)
    t = _state.interned.get(s.value)
    if t is not None:
        return t
    if s.ob_type is not PyUnicode_Type:
        s = PyUnicodeObject(PyUnicode_Type, s.value)
    s.interned = SSTATE_INTERNED_IMMORTAL
    _Py_SetImmortal(s)
    _state.interned[s.value] = s
    return s


def PyUnicode_InternInPlace(s: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_InternInPlace

    pyvm: returns the interned object, as :func:`_PyUnicode_InternImmortal`."""
    return _PyUnicode_InternImmortal(s)


def PyUnicode_InternFromString(s: str) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_InternFromString

    The immortal interned str ``s`` (a reference the caller may drop or keep)."""
    t = _state.interned.get(s)
    if t is not None:
        return t
    n = len(s)
    if n == 0:
        o = _state.empty
    elif n == 1 and ord(s) < 256:
        o = _state.latin1[ord(s)]
    else:
        o = PyUnicodeObject(PyUnicode_Type, s)
        _Py_SetImmortal(o)
    o.interned = SSTATE_INTERNED_IMMORTAL
    _state.interned[s] = o
    return o


def PyUnicode_CHECK_INTERNED(op: PyObject) -> int:
    """CPython: Include/cpython/unicodeobject.h:PyUnicode_CHECK_INTERNED"""
    assert isinstance(op, PyUnicodeObject)
    return op.interned


# ---------------------------------------------------------------------------
# Slots


def unicode_dealloc(op: PyObject) -> None:
    """CPython: Objects/unicodeobject.c:unicode_dealloc

    Nothing to release (interned strings are immortal and never get here)."""


def unicode_get_hash(op: PyUnicodeObject) -> int:
    """CPython: Objects/dictobject.c:unicode_get_hash

    The cached hash, computed on first use (``unicode_hash``)."""
    h = op.hash
    if h == -1:
        h = hash(op.value)
        op.hash = h
    return h


def unicode_hash(op: PyObject) -> int:
    """CPython: Objects/unicodeobject.c:unicode_hash

    pyvm: the host's SipHash-1-3 of the text (see the module docstring)."""
    assert isinstance(op, PyUnicodeObject)
    h = op.hash
    if h == -1:
        h = hash(op.value)
        op.hash = h
    return h


def unicode_repr(op: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_repr

    Single quotes unless the text has a single quote and no double quote;
    ``\\t \\n \\r \\\\`` escaped, other non-printable characters as ``\\xhh``,
    ``\\uhhhh`` or ``\\Uhhhhhhhh``. pyvm: bridged to the host repr, which follows
    the same rules (printability from the host's Unicode database)."""
    assert isinstance(op, PyUnicodeObject)
    return PyUnicode_FromString(repr(op.value))


def unicode_str(op: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_str"""
    assert isinstance(op, PyUnicodeObject)
    return unicode_result_unchanged(op)


def unicode_length(op: PyObject) -> int:
    """CPython: Objects/unicodeobject.c:unicode_length"""
    assert isinstance(op, PyUnicodeObject)
    return len(op.value)


def PyUnicode_RichCompare(left: PyObject, right: PyObject, op: int) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_RichCompare

    Code-point order (C's ``unicode_compare``), as host string comparison."""
    if not isinstance(left, PyUnicodeObject) or not isinstance(right, PyUnicodeObject):
        return Py_NotImplemented
    a = left.value
    b = right.value
    if op == Py_EQ:
        r = left is right or a == b
    elif op == Py_NE:
        r = left is not right and a != b
    elif op == Py_LT:
        r = a < b
    elif op == Py_LE:
        r = a <= b
    elif op == Py_GT:
        r = a > b
    else:
        r = a >= b
    return _bool(r)


def _PyUnicode_Equal(a: PyObject, b: PyObject) -> bool:
    """CPython: Objects/unicodeobject.c:PyUnicode_Equal"""
    assert isinstance(a, PyUnicodeObject) and isinstance(b, PyUnicodeObject)
    return a is b or a.value == b.value


def PyUnicode_Concat(left: PyObject, right: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_Concat"""
    if not isinstance(left, PyUnicodeObject):
        _type_error(f"must be str, not {left.ob_type.tp_name}")
    if not isinstance(right, PyUnicodeObject):
        _type_error(f'can only concatenate str (not "{right.ob_type.tp_name}") to str')
    if not right.value and left.ob_type is PyUnicode_Type:
        Py_INCREF(left)
        return left
    if not left.value and right.ob_type is PyUnicode_Type:
        Py_INCREF(right)
        return right
    return PyUnicode_FromString(left.value + right.value)


def _PyUnicode_JoinArray(separator: PyObject, items: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:_PyUnicode_JoinArray

    Joins str objects (borrowed); ``BUILD_STRING`` calls it with the empty
    separator. A single exact str is returned as is."""
    n = len(items)
    if n == 1 and items[0].ob_type is PyUnicode_Type:
        r = items[0]
        Py_INCREF(r)
        return r
    parts: list[str] = []
    for k in range(n):
        it = items[k]
        if not isinstance(it, PyUnicodeObject):
            _type_error(f"sequence item {k}: expected str instance, {it.ob_type.tp_name} found")
        parts.append(it.value)
    return PyUnicode_FromString(_self(separator).join(parts))


def PyUnicode_Compare(left: PyObject, right: PyObject) -> int:
    """CPython: Objects/unicodeobject.c:PyUnicode_Compare"""
    if not isinstance(left, PyUnicodeObject) or not isinstance(right, PyUnicodeObject):
        _type_error(f"Can't compare {left.ob_type.tp_name} and {right.ob_type.tp_name}")
    a = left.value
    b = right.value
    return 0 if a == b else (-1 if a < b else 1)


def PyUnicode_EqualToUTF8(op: PyObject, s: str) -> bool:
    """CPython: Objects/unicodeobject.c:PyUnicode_EqualToUTF8"""
    return isinstance(op, PyUnicodeObject) and op.value == s


def PyUnicode_Substring(op: PyObject, start: int, end: int) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_Substring"""
    assert isinstance(op, PyUnicodeObject)
    if start == 0 and end >= len(op.value):
        return unicode_result_unchanged(op)
    return PyUnicode_FromString(op.value[start:end])


def PyUnicode_Append(left: PyObject, right: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_Append

    pyvm: returns the new string and releases ``left`` (C replaces ``*p_left``);
    the in-place resize of a uniquely referenced string becomes a new object."""
    try:
        r = PyUnicode_Concat(left, right)
    finally:
        Py_DECREF(left)
    return r


def unicode_repeat(op: PyObject, n: int) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_repeat"""
    assert isinstance(op, PyUnicodeObject)
    if n < 1:
        return _state.empty
    if n == 1:
        return unicode_result_unchanged(op)
    _check_repeat(len(op.value), n, "repeated string is too long")
    return PyUnicode_FromString(op.value * n)


def PyUnicode_Contains(container: PyObject, element: PyObject) -> bool:
    """CPython: Objects/unicodeobject.c:PyUnicode_Contains"""
    if not isinstance(element, PyUnicodeObject):
        _type_error(f"'in <string>' requires string as left operand, not {element.ob_type.tp_name}")
    assert isinstance(container, PyUnicodeObject)
    return element.value in container.value


def unicode_getitem(op: PyObject, i: int) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_getitem"""
    assert isinstance(op, PyUnicodeObject)
    if i < 0 or i >= len(op.value):
        _index_error("string index out of range")
    return unicode_char(ord(op.value[i]))


def unicode_subscript(op: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_subscript"""
    from pyvm.objects.tupleobject import _PyIndex_Check, _subscript_index, _is_slice, _slice_indices  # cycle: tupleobject -> unicodeobject
    assert isinstance(op, PyUnicodeObject)
    if _PyIndex_Check(item):
        i = _subscript_index(item)
        if i < 0:
            i += len(op.value)
        return unicode_getitem(op, i)
    if _is_slice(item):
        start, stop, step, slicelen = _slice_indices(item, len(op.value))
        if slicelen <= 0:
            return _state.empty
        if start == 0 and step == 1 and slicelen == len(op.value):
            return unicode_result_unchanged(op)
        if step == 1:
            return PyUnicode_FromString(op.value[start:start + slicelen])
        return PyUnicode_FromString(op.value[start:(stop if stop >= 0 else None):step])
    _type_error(f"string indices must be integers, not '{item.ob_type.tp_name}'")


def unicode_mod(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_mod"""
    if not PyUnicode_Check(v):
        return Py_NotImplemented
    return PyUnicode_Format(v, w)


# ---------------------------------------------------------------------------
# Iteration


class unicodeiterobject(PyObject):
    """pyvm: C's ``unicodeiterobject`` struct of Objects/unicodeobject.c."""

    it_index: int
    it_seq: Optional[PyUnicodeObject]

    def __init__(self, tp: PyTypeObject, seq: PyUnicodeObject) -> None:
        super().__init__(tp)
        self.it_index = 0
        self.it_seq = seq


def unicode_iter(seq: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_iter

    An ASCII string gets the ``str_ascii_iterator`` type, as in 3.14."""
    assert isinstance(seq, PyUnicodeObject)
    Py_INCREF(seq)
    tp = _PyUnicodeASCIIIter_Type if seq.value.isascii() else PyUnicodeIter_Type
    return unicodeiterobject(tp, seq)


def unicodeiter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/unicodeobject.c:unicodeiter_next

    (Also ``unicode_ascii_iter_next``.)"""
    assert isinstance(op, unicodeiterobject)
    seq = op.it_seq
    if seq is None:
        return None
    i = op.it_index
    if i < len(seq.value):
        op.it_index = i + 1
        return unicode_char(ord(seq.value[i]))
    op.it_seq = None
    Py_DECREF(seq)
    return None


def unicodeiter_dealloc(op: PyObject) -> None:
    """CPython: Objects/unicodeobject.c:unicodeiter_dealloc"""
    assert isinstance(op, unicodeiterobject)
    seq = op.it_seq
    op.it_seq = None
    if seq is not None:
        Py_DECREF(seq)


def unicodeiter_len(op: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicodeiter_len"""
    assert isinstance(op, unicodeiterobject)
    seq = op.it_seq
    return _new_int(0 if seq is None else len(seq.value) - op.it_index)


# ---------------------------------------------------------------------------
# Argument helpers for the methods (Argument Clinic's generated parsers).


def _kwnames_list(kwnames: Optional[PyObject]) -> list[str]:
    """pyvm: the keyword names of a vectorcall as host strings."""
    if kwnames is None:
        return []
    from pyvm.objects.tupleobject import PyTupleObject  # cycle: tupleobject -> unicodeobject
    assert isinstance(kwnames, PyTupleObject)
    out: list[str] = []
    for k in kwnames.ob_item:
        assert isinstance(k, PyUnicodeObject)
        out.append(k.value)
    return out


def _PyArg_UnpackKeywords(fname: str, args: list[PyObject], kwnames: Optional[PyObject],
                          names: list[str], minpos: int, maxpos: int,
                          posonly: int = 0) -> list[Optional[PyObject]]:
    """CPython: Python/getargs.c:_PyArg_UnpackKeywords

    ``args`` holds the positional arguments followed by one value per keyword
    name. Returns one slot per parameter name (None when not given)."""
    kws = _kwnames_list(kwnames)
    nargs = len(args) - len(kws)
    maxargs = len(names)
    total = nargs + len(kws)
    if total > maxargs:
        # "keyword" when nargs == 0 avoids a misleading message (bpo-31229).
        _type_error(f"{fname}() takes at most {maxargs} {'keyword ' if nargs == 0 else ''}"
                    f"argument{'' if maxargs == 1 else 's'} ({total} given)")
    if nargs > maxpos:
        if maxpos == 0:
            _type_error(f"{fname}() takes no positional arguments")
        _type_error(f"{fname}() takes {'at most' if minpos < maxpos else 'exactly'} {maxpos} "
                    f"positional argument{'' if maxpos == 1 else 's'} ({nargs} given)")
    out: list[Optional[PyObject]] = [None] * len(names)
    for i in range(nargs):
        out[i] = args[i]
    unexpected: Optional[str] = None
    duplicate = -1
    for j in range(len(kws)):
        name = kws[j]
        found = -1
        for k in range(posonly, len(names)):
            if names[k] == name:
                found = k
                break
        if found < 0:
            # C reports a missing required argument first, then an argument
            # given twice, then an unexpected keyword.
            if unexpected is None:
                unexpected = name
            continue
        if found < nargs:
            if duplicate < 0 or found < duplicate:
                duplicate = found
            continue
        out[found] = args[nargs + j]
    for i in range(minpos):
        if out[i] is None:
            if i < posonly:
                # C: nargs < minposonly, before any keyword is looked at.
                minposonly = min(posonly, minpos)
                _type_error(f"{fname}() takes {'at least' if minposonly < maxpos else 'exactly'} "
                            f"{minposonly} positional argument"
                            f"{'' if minposonly == 1 else 's'} ({nargs} given)")
            _type_error(f"{fname}() missing required argument '{names[i]}' (pos {i + 1})")
    if duplicate >= 0:
        _type_error(f"argument for {fname}() given by name ('{names[duplicate]}') "
                    f"and position ({duplicate + 1})")
    if unexpected is not None:
        _type_error(f"{fname}() got an unexpected keyword argument '{unexpected}'")
    return out


def _PyArg_CheckPositional(name: str, nargs: int, minargs: int, maxargs: int) -> None:
    """CPython: Python/getargs.c:_PyArg_CheckPositional"""
    if nargs < minargs:
        _type_error(f"{name} expected {'at least ' if minargs != maxargs else ''}{minargs} "
                    f"argument{'' if minargs == 1 else 's'}, got {nargs}")
    if nargs > maxargs:
        _type_error(f"{name} expected {'at most ' if minargs != maxargs else ''}{maxargs} "
                    f"argument{'' if maxargs == 1 else 's'}, got {nargs}")


def _arg_str(o: PyObject, fname: str, argdesc: str) -> str:
    """pyvm: Argument Clinic's ``str`` converter: ``find() argument 1 must be
    str, not int``."""
    if isinstance(o, PyUnicodeObject):
        return o.value
    _type_error(f"{fname}() argument {argdesc} must be str, not {o.ob_type.tp_name}")


def _arg_index(o: PyObject) -> int:
    """CPython: Objects/longobject.c:PyLong_AsSsize_t (Py_ssize_t converter)"""
    from pyvm.objects.tupleobject import _clinic_ssize_t  # cycle: tupleobject -> unicodeobject
    return _clinic_ssize_t(o)


def _arg_slice_index(o: Optional[PyObject], default: int) -> int:
    """CPython: Python/ceval.c:_PyEval_SliceIndex

    None (or absent) gives ``default``."""
    if o is None:
        return default
    if o is Py_None:
        return default
    from pyvm.objects.tupleobject import _slice_index  # cycle: tupleobject -> unicodeobject
    return _slice_index(o)


def _self(op: PyObject) -> str:
    """pyvm: the host text of ``self``."""
    assert isinstance(op, PyUnicodeObject)
    return op.value


def _new(s: str) -> PyObject:
    """pyvm: a new str of host text."""
    return PyUnicode_FromString(s)


def _same_or_new(op: PyObject, s: str) -> PyObject:
    """pyvm: ``unicode_result_unchanged`` when an operation changed nothing."""
    assert isinstance(op, PyUnicodeObject)
    if s == op.value and op.ob_type is PyUnicode_Type:
        Py_INCREF(op)
        return op
    return PyUnicode_FromString(s)


# ---------------------------------------------------------------------------
# Methods


def unicode_join(sep: PyObject, iterable: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_join"""
    return PyUnicode_Join(sep, iterable)


def PyUnicode_Join(separator: PyObject, seq: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_Join

    With ``_PyUnicode_JoinArray``: every item must be a str."""
    from pyvm.objects.listobject import _sequence_fast, _release  # cycle: listobject -> unicodeobject
    items = _sequence_fast(seq, "can only join an iterable")
    try:
        parts: list[str] = []
        for i in range(len(items)):
            it = items[i]
            if not isinstance(it, PyUnicodeObject):
                _type_error(f"sequence item {i}: expected str instance, {it.ob_type.tp_name} found")
            parts.append(it.value)
        if len(items) == 1 and items[0].ob_type is PyUnicode_Type:
            r = items[0]
            Py_INCREF(r)
            return r
        return PyUnicode_FromString(_self(separator).join(parts))
    finally:
        _release(items)


def _list_of_str(parts: list[str]) -> PyObject:
    """pyvm: a new list of new strs."""
    from pyvm.objects.listobject import _PyList_FromArraySteal  # cycle: listobject -> unicodeobject
    return _PyList_FromArraySteal([PyUnicode_FromString(p) for p in parts])


def _split_args(fname: str, args: list[PyObject],
                kwnames: Optional[PyObject]) -> tuple[Optional[str], int]:
    """pyvm: the argument parser of ``split`` / ``rsplit``."""
    a = _PyArg_UnpackKeywords(fname, args, kwnames, ["sep", "maxsplit"], 0, 2)
    sep: Optional[str] = None
    s = a[0]
    if s is not None and s is not Py_None:
        if not isinstance(s, PyUnicodeObject):
            _type_error(f"must be str or None, not {s.ob_type.tp_name}")
        sep = s.value
        if not sep:
            _value_error("empty separator")
    m = a[1]
    maxsplit = -1 if m is None else _arg_index(m)
    return sep, maxsplit


def unicode_split_impl(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_split_impl"""
    sep, maxsplit = _split_args("split", args, kwnames)
    return _list_of_str(_self(self).split(sep, maxsplit))


def unicode_rsplit_impl(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_rsplit_impl"""
    sep, maxsplit = _split_args("rsplit", args, kwnames)
    return _list_of_str(_self(self).rsplit(sep, maxsplit))


def unicode_splitlines_impl(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_splitlines_impl"""
    a = _PyArg_UnpackKeywords("splitlines", args, kwnames, ["keepends"], 0, 1)
    k = a[0]
    keepends = False
    if k is not None:
        if not (k.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS):
            _type_error(f"'{k.ob_type.tp_name}' object cannot be interpreted as an integer")
        keepends = PyObject_IsTrue(k)
    return _list_of_str(_self(self).splitlines(keepends))


def _strip_chars(fname: str, args: list[PyObject]) -> Optional[str]:
    """CPython: Objects/unicodeobject.c:do_argstrip"""
    _PyArg_CheckPositional(fname, len(args), 0, 1)
    if not args or args[0] is Py_None:
        return None
    a = args[0]
    if not isinstance(a, PyUnicodeObject):
        _type_error(f"{fname} arg must be None or str")
    return a.value


def unicode_strip_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_strip_impl"""
    return _same_or_new(self, _self(self).strip(_strip_chars("strip", args)))


def unicode_lstrip_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_lstrip_impl"""
    return _same_or_new(self, _self(self).lstrip(_strip_chars("lstrip", args)))


def unicode_rstrip_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_rstrip_impl"""
    return _same_or_new(self, _self(self).rstrip(_strip_chars("rstrip", args)))


def unicode_replace_impl(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_replace_impl"""
    a = _PyArg_UnpackKeywords("replace", args, kwnames, ["old", "new", "count"], 2, 3, 2)
    old_o = a[0]
    new_o = a[1]
    assert old_o is not None and new_o is not None
    old = _arg_str(old_o, "replace", "1")
    new = _arg_str(new_o, "replace", "2")
    c = a[2]
    count = -1 if c is None else _arg_index(c)
    return _same_or_new(self, _self(self).replace(old, new, count))


def unicode_upper_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_upper_impl"""
    return _same_or_new(self, _self(self).upper())


def unicode_lower_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_lower_impl"""
    return _same_or_new(self, _self(self).lower())


def unicode_title_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_title_impl"""
    return _new(_self(self).title())


def unicode_capitalize_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_capitalize_impl"""
    return _new(_self(self).capitalize())


def unicode_swapcase_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_swapcase_impl"""
    return _new(_self(self).swapcase())


def unicode_casefold_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_casefold_impl"""
    return _new(_self(self).casefold())


def _tailmatch_arg(fname: str, args: list[PyObject]) -> tuple[PyObject, int, int]:
    """pyvm: the argument parser of ``startswith`` / ``endswith``."""
    _PyArg_CheckPositional(fname, len(args), 1, 3)
    s = args[0]
    n = 1 << 62
    start = _arg_slice_index(args[1] if len(args) > 1 else None, 0)
    end = _arg_slice_index(args[2] if len(args) > 2 else None, n)
    return s, start, end


def _tailmatch(self: PyObject, fname: str, args: list[PyObject], end_match: bool) -> PyObject:
    """CPython: Objects/unicodeobject.c:tailmatch"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle: tupleobject -> unicodeobject
    text = _self(self)
    sub, start, end = _tailmatch_arg(fname, args)
    if isinstance(sub, PyTupleObject) and (sub.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS):
        for it in sub.ob_item:
            if not isinstance(it, PyUnicodeObject):
                _type_error(f"tuple for {fname} must only contain str, not {it.ob_type.tp_name}")
            if (text.endswith(it.value, start, end) if end_match
                    else text.startswith(it.value, start, end)):
                return _bool(True)
        return _bool(False)
    if not isinstance(sub, PyUnicodeObject):
        _type_error(f"{fname} first arg must be str or a tuple of str, not {sub.ob_type.tp_name}")
    return _bool(text.endswith(sub.value, start, end) if end_match
                 else text.startswith(sub.value, start, end))


def unicode_startswith_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_startswith_impl"""
    return _tailmatch(self, "startswith", args, False)


def unicode_endswith_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_endswith_impl"""
    return _tailmatch(self, "endswith", args, True)


def _find_args(fname: str, args: list[PyObject]) -> tuple[str, int, int]:
    """CPython: Objects/unicodeobject.c:any_find_slice (argument part)"""
    _PyArg_CheckPositional(fname, len(args), 1, 3)
    sub = _arg_str(args[0], fname, "1")
    n = 1 << 62
    start = _arg_slice_index(args[1] if len(args) > 1 else None, 0)
    end = _arg_slice_index(args[2] if len(args) > 2 else None, n)
    return sub, start, end


def unicode_find_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_find_impl"""
    sub, start, end = _find_args("find", args)
    return _new_int(_self(self).find(sub, start, end))


def unicode_rfind_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_rfind_impl"""
    sub, start, end = _find_args("rfind", args)
    return _new_int(_self(self).rfind(sub, start, end))


def unicode_index_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_index_impl"""
    sub, start, end = _find_args("index", args)
    r = _self(self).find(sub, start, end)
    if r < 0:
        _value_error("substring not found")
    return _new_int(r)


def unicode_rindex_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_rindex_impl"""
    sub, start, end = _find_args("rindex", args)
    r = _self(self).rfind(sub, start, end)
    if r < 0:
        _value_error("substring not found")
    return _new_int(r)


def unicode_count_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_count_impl"""
    sub, start, end = _find_args("count", args)
    return _new_int(_self(self).count(sub, start, end))


def unicode_isdigit_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isdigit_impl"""
    return _bool(_self(self).isdigit())


def unicode_isalpha_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isalpha_impl"""
    return _bool(_self(self).isalpha())


def unicode_isalnum_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isalnum_impl"""
    return _bool(_self(self).isalnum())


def unicode_isspace_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isspace_impl"""
    return _bool(_self(self).isspace())


def unicode_isupper_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isupper_impl"""
    return _bool(_self(self).isupper())


def unicode_islower_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_islower_impl"""
    return _bool(_self(self).islower())


def unicode_istitle_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_istitle_impl"""
    return _bool(_self(self).istitle())


def unicode_isdecimal_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isdecimal_impl"""
    return _bool(_self(self).isdecimal())


def unicode_isnumeric_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isnumeric_impl"""
    return _bool(_self(self).isnumeric())


def unicode_isidentifier_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isidentifier_impl"""
    return _bool(_self(self).isidentifier())


def unicode_isascii_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isascii_impl"""
    return _bool(_self(self).isascii())


def unicode_isprintable_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_isprintable_impl"""
    return _bool(_self(self).isprintable())


def unicode_zfill_impl(self: PyObject, width: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_zfill_impl"""
    return _same_or_new(self, _self(self).zfill(_arg_index(width)))


def _pad_args(fname: str, args: list[PyObject]) -> tuple[int, str]:
    """pyvm: the argument parser of ``center`` / ``ljust`` / ``rjust``."""
    _PyArg_CheckPositional(fname, len(args), 1, 2)
    width = _arg_index(args[0])
    fill = " "
    if len(args) > 1:
        f = args[1]
        if not isinstance(f, PyUnicodeObject):
            _type_error(f"{fname}() argument 2 must be a unicode character, not {f.ob_type.tp_name}")
        if len(f.value) != 1:
            _type_error("The fill character must be exactly one character long")
        fill = f.value
    return width, fill


def unicode_center_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_center_impl"""
    width, fill = _pad_args("center", args)
    return _same_or_new(self, _self(self).center(width, fill))


def unicode_ljust_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_ljust_impl"""
    width, fill = _pad_args("ljust", args)
    return _same_or_new(self, _self(self).ljust(width, fill))


def unicode_rjust_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_rjust_impl"""
    width, fill = _pad_args("rjust", args)
    return _same_or_new(self, _self(self).rjust(width, fill))


def _partition_result(a: str, b: str, c: str) -> PyObject:
    """pyvm: the 3-tuple of ``partition``."""
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle: tupleobject -> unicodeobject
    return _PyTuple_FromArraySteal([PyUnicode_FromString(a), PyUnicode_FromString(b),
                                    PyUnicode_FromString(c)])


def unicode_partition(self: PyObject, sep: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_partition"""
    if not isinstance(sep, PyUnicodeObject):
        _type_error(f"must be str, not {sep.ob_type.tp_name}")
    if not sep.value:
        _value_error("empty separator")
    a, b, c = _self(self).partition(sep.value)
    return _partition_result(a, b, c)


def unicode_rpartition(self: PyObject, sep: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_rpartition"""
    if not isinstance(sep, PyUnicodeObject):
        _type_error(f"must be str, not {sep.ob_type.tp_name}")
    if not sep.value:
        _value_error("empty separator")
    a, b, c = _self(self).rpartition(sep.value)
    return _partition_result(a, b, c)


def unicode_removeprefix_impl(self: PyObject, prefix: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_removeprefix_impl"""
    if not isinstance(prefix, PyUnicodeObject):
        _type_error(f"removeprefix() argument must be str, not {prefix.ob_type.tp_name}")
    return _same_or_new(self, _self(self).removeprefix(prefix.value))


def unicode_removesuffix_impl(self: PyObject, suffix: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_removesuffix_impl"""
    if not isinstance(suffix, PyUnicodeObject):
        _type_error(f"removesuffix() argument must be str, not {suffix.ob_type.tp_name}")
    return _same_or_new(self, _self(self).removesuffix(suffix.value))


def unicode_expandtabs_impl(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_expandtabs_impl"""
    a = _PyArg_UnpackKeywords("expandtabs", args, kwnames, ["tabsize"], 0, 1)
    t = a[0]
    tabsize = 8 if t is None else _arg_index(t)
    return _same_or_new(self, _self(self).expandtabs(tabsize))


def _codec_error(e: Exception) -> NoReturn:
    """pyvm: map a host codec error to the pyvm exception of the same name."""
    from pyvm.objects import exceptions as ex  # cycle: exceptions -> unicodeobject
    if isinstance(e, (UnicodeEncodeError, UnicodeDecodeError)):
        # CPython: Objects/exceptions.c:PyUnicodeDecodeError_Create (and the
        # encode one): the five arguments the exception's __init__ needs.
        from pyvm.objects.bytesobject import PyBytes_FromStringAndSize  # cycle: bytesobject imports this module
        from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle: tupleobject imports this module
        if isinstance(e, UnicodeDecodeError):
            tp = ex.PyExc_UnicodeDecodeError
            obj = PyBytes_FromStringAndSize(bytes(e.object))
        else:
            tp = ex.PyExc_UnicodeEncodeError
            obj = PyUnicode_FromString(e.object)
        args = _PyTuple_FromArraySteal([
            PyUnicode_FromString(e.encoding), obj, PyLong_FromLong(e.start),
            PyLong_FromLong(e.end), PyUnicode_FromString(e.reason)])
        err = PyErr(tp, None, None, args)
        try:
            err.normalize()
        finally:
            Py_DECREF(args)
        raise err
    if isinstance(e, LookupError):
        PyErr_SetString(ex.PyExc_LookupError, str(e))
    PyErr_SetString(ex.PyExc_ValueError, str(e))


def unicode_encode_impl(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_encode_impl

    pyvm: the host codecs do the work (see the module docstring)."""
    from pyvm.objects.bytesobject import PyBytes_FromStringAndSize  # cycle: bytesobject -> unicodeobject
    a = _PyArg_UnpackKeywords("encode", args, kwnames, ["encoding", "errors"], 0, 2)
    e = _str_kwarg(a[0], "encoding", "encode")
    r = _str_kwarg(a[1], "errors", "encode")
    encoding = "utf-8" if e is None else e
    errors = "strict" if r is None else r
    try:
        data = _self(self).encode(encoding, errors)
    except (UnicodeError, LookupError) as exc:
        _codec_error(exc)
    return PyBytes_FromStringAndSize(data)


def unicode_format(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_format_arg

    ``str.format(*args, **kwargs)`` (C's ``do_string_format``)."""
    from pyvm.objects.unicode_format import do_string_format  # cycle: unicode_format -> unicodeobject
    kws = _kwnames_list(kwnames)
    nargs = len(args) - len(kws)
    return do_string_format(self, args[:nargs], kws, args[nargs:])


def unicode_format_map(self: PyObject, mapping: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_format_arg

    ``str.format_map(mapping)`` (C's ``do_string_format_map``)."""
    from pyvm.objects.unicode_format import do_string_format_map  # cycle: unicode_format -> unicodeobject
    return do_string_format_map(self, mapping)


def unicode_maketrans_impl(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_maketrans_impl

    ``str.maketrans(x[, y[, z]])`` (a static method)."""
    from pyvm.objects.dictobject import PyDict_New, PyDict_SetItem, PyDict_Next, PyDictObject  # cycle: dictobject -> unicodeobject
    _PyArg_CheckPositional("maketrans", len(args), 1, 3)
    new = PyDict_New()
    try:
        x = args[0]
        if len(args) >= 2:
            y = args[1]
            if not isinstance(x, PyUnicodeObject):
                _type_error(f"maketrans() argument 1 must be str, not {x.ob_type.tp_name}")
            if not isinstance(y, PyUnicodeObject):
                _type_error(f"maketrans() argument 2 must be str, not {y.ob_type.tp_name}")
            if len(x.value) != len(y.value):
                _value_error("the first two maketrans arguments must have equal length")
            for a, b in zip(x.value, y.value):
                k = _new_int(ord(a))
                v = _new_int(ord(b))
                PyDict_SetItem(new, k, v)
                Py_DECREF(k)
                Py_DECREF(v)
            if len(args) == 3:
                z = args[2]
                if not isinstance(z, PyUnicodeObject):
                    _type_error(f"maketrans() argument 3 must be str, not {z.ob_type.tp_name}")
                for c in z.value:
                    k = _new_int(ord(c))
                    PyDict_SetItem(new, k, Py_None)
                    Py_DECREF(k)
        else:
            if not isinstance(x, PyDictObject):
                _type_error("if you give only one argument to maketrans it must be a dict")
            pos = 0
            while True:
                nx = PyDict_Next(x, pos)
                if nx is None:
                    break
                pos, key, value = nx
                if isinstance(key, PyUnicodeObject):
                    if len(key.value) != 1:
                        _value_error("string keys in translate table must be of length 1")
                    k = _new_int(ord(key.value))
                    PyDict_SetItem(new, k, value)
                    Py_DECREF(k)
                elif key.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS:
                    PyDict_SetItem(new, key, value)
                else:
                    _type_error("keys in translate table must be strings or integers")
    except PyErr:
        Py_DECREF(new)
        raise
    return new


def unicode_translate(self: PyObject, table: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_translate

    Each character is looked up in ``table`` by its code point: a missing
    entry (LookupError) keeps it, None deletes it, an int or a str replaces it."""
    out: list[str] = []
    for c in _self(self):
        key = _new_int(ord(c))
        found: Optional[PyObject] = None
        try:
            found = PyObject_GetItem(table, key)
        except PyErr as e:
            if not e.matches(PyExc_LookupError):
                Py_DECREF(key)
                raise
            _PyErr_Clear(e)
        Py_DECREF(key)
        if found is None:
            out.append(c)
        else:
            _translate_one(found, out)
    return _same_or_new(self, "".join(out))


def _translate_one(v: PyObject, out: list[str]) -> None:
    """pyvm: one mapped character of :func:`unicode_translate` (releases ``v``)."""
    try:
        if v is Py_None:
            pass
        elif isinstance(v, PyLongObject):
            if v.ob_ival < 0 or v.ob_ival > 0x10FFFF:
                _value_error("character mapping must be in range(0x110000)")
            out.append(chr(v.ob_ival))
        elif isinstance(v, PyUnicodeObject):
            out.append(v.value)
        else:
            _type_error("character mapping must return integer, None or str")
    finally:
        Py_DECREF(v)


def unicode___format___impl(self: PyObject, spec: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode___format___impl"""
    from pyvm.objects.unicode_format import _PyUnicode_FormatAdvancedWriter  # cycle: unicode_format -> unicodeobject
    if not isinstance(spec, PyUnicodeObject):
        _type_error(f"__format__() argument must be str, not {spec.ob_type.tp_name}")
    return _PyUnicode_FormatAdvancedWriter(self, spec.value)


def unicode_getnewargs(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_getnewargs"""
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle: tupleobject -> unicodeobject
    return _PyTuple_FromArraySteal([PyUnicode_FromString(_self(self))])


def unicode_sizeof_impl(self: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_sizeof_impl

    pyvm: the size CPython 3.14 (64-bit) reports for a compact string."""
    s = _self(self)
    if s.isascii():
        size = 41 + len(s)
    else:
        m = max(ord(c) for c in s)
        size = 57 + (len(s) + 1) * (1 if m < 256 else 2 if m < 65536 else 4) - 1
    return _new_int(size)


def unicode_str_method(self: PyObject) -> PyObject:
    """pyvm: ``str.__str__`` called as a method (the ``tp_str`` slot wrapper)."""
    return unicode_str(self)


# ---------------------------------------------------------------------------
# Constructor


def unicode_new_impl(tp: PyTypeObject, x: Optional[PyObject], encoding: Optional[str],
                     errors: Optional[str]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_new_impl"""
    if x is None:
        unicode: PyObject = _state.empty
    elif encoding is None and errors is None:
        unicode = PyObject_Str(x)
    else:
        unicode = PyUnicode_FromEncodedObject(x, encoding, errors)
    if tp is not PyUnicode_Type:
        s = _PyUnicode_AsString(unicode)
        Py_DECREF(unicode)
        return PyUnicodeObject(tp, s)
    return unicode


def PyUnicode_FromEncodedObject(obj: PyObject, encoding: Optional[str],
                                errors: Optional[str]) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_FromEncodedObject"""
    if isinstance(obj, PyUnicodeObject):
        _type_error("decoding str is not supported")
    if not PyObject_CheckBuffer(obj):
        _type_error(f"decoding to str: need a bytes-like object, {obj.ob_type.tp_name} found")
    data = _PyBuffer_Bytes(obj)
    try:
        s = data.decode(encoding if encoding is not None else "utf-8",
                               errors if errors is not None else "strict")
    except (UnicodeError, LookupError) as exc:
        _codec_error(exc)
    return PyUnicode_FromString(s)


def _str_kwarg(o: Optional[PyObject], name: str, func: str) -> Optional[str]:
    """pyvm: the clinic ``str`` converter of an optional ``encoding``/``errors``
    argument, shared by ``str()``, ``str.encode``, ``bytes()`` and
    ``bytes.decode`` (``func`` names the callable in the message)."""
    if o is None:
        return None
    if not isinstance(o, PyUnicodeObject):
        _type_error(f"{func}() argument '{name}' must be str, not {o.ob_type.tp_name}")
    return o.value


def unicode_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                       kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    if kwnames is None and nargs == 1 and tp is PyUnicode_Type:
        return PyObject_Str(args[start])
    kws = _kwnames_list(kwnames)
    a = _PyArg_UnpackKeywords("str", args[start:start + nargs + len(kws)], kwnames,
                              ["object", "encoding", "errors"], 0, 3)
    return unicode_new_impl(tp, a[0], _str_kwarg(a[1], "encoding", "str"),
                            _str_kwarg(a[2], "errors", "str"))


def unicode_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/unicodeobject.c.h:unicode_new"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle: tupleobject -> unicodeobject
    assert isinstance(args, PyTupleObject)
    vec, kwnames = _PyStack_UnpackDict(args.ob_item, 0, len(args.ob_item), kwds)
    try:
        a = _PyArg_UnpackKeywords("str", vec, kwnames, ["object", "encoding", "errors"], 0, 3)
        return unicode_new_impl(tp, a[0], _str_kwarg(a[1], "encoding", "str"),
                                _str_kwarg(a[2], "errors", "str"))
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)


# ---------------------------------------------------------------------------
# printf-style formatting: str % args


class _FormatArgs:
    """CPython: Objects/unicodeobject.c:unicode_format_getnextarg

    The argument state of one ``PyUnicode_Format`` run (C's
    ``struct unicode_formatter_t``): a tuple's items with ``arglen`` its length,
    or a single argument with ``arglen == -1`` and ``argidx == -2``, as C
    encodes "one argument, not yet used"."""

    args: list[PyObject]
    arglen: int
    argidx: int
    dict: Optional[PyObject]

    def __init__(self, args: list[PyObject], arglen: int, argidx: int) -> None:
        self.args = args
        self.arglen = arglen
        self.argidx = argidx
        self.dict = None


def unicode_format_getnextarg(ctx: _FormatArgs) -> PyObject:
    """CPython: Objects/unicodeobject.c:unicode_format_getnextarg (borrowed)"""
    i = ctx.argidx
    if i < ctx.arglen:
        ctx.argidx = i + 1
        if ctx.arglen < 0:
            return ctx.args[0]
        return ctx.args[i]
    _type_error("not enough arguments for format string")


def _host_int_for(o: PyObject, c: str) -> int:
    """CPython: Objects/unicodeobject.c:mainformatlong

    The integer to print for ``%d %i %u %x %X %o %c``: an int (or bool) as is,
    a float truncated (only for ``%d %i %u``), else ``__index__``/``__int__``."""
    if isinstance(o, PyLongObject):
        return o.ob_ival
    tp = o.ob_type
    if c in "diu":
        if isinstance(o, PyFloatObject):
            f = o.ob_fval
            if f != f:
                _value_error("cannot convert float NaN to integer")
            if f in (float("inf"), float("-inf")):
                _overflow_error("cannot convert float infinity to integer")
            return int(f)
        if tp.nb_int is None and tp.nb_index is None:
            _type_error(f"%{c} format: a real number is required, not {tp.tp_name}")
        conv = tp.nb_index if tp.nb_index is not None else tp.nb_int
        assert conv is not None
        r = conv(o)
        assert isinstance(r, PyLongObject)
        v = r.ob_ival
        Py_DECREF(r)
        return v
    if tp.nb_index is None:
        _type_error(f"%{c} format: an integer is required, not {tp.tp_name}")
    from pyvm.objects.tupleobject import _as_index  # cycle: tupleobject -> unicodeobject
    return _as_index(o)


def _host_float_for(o: PyObject) -> float:
    """CPython: Objects/unicodeobject.c:formatfloat (the PyFloat_AsDouble part)"""
    if isinstance(o, PyFloatObject):
        return o.ob_fval
    if isinstance(o, PyLongObject):
        try:
            return float(o.ob_ival)
        except OverflowError:
            _overflow_error("int too large to convert to float")
    tp = o.ob_type
    f = tp.nb_float
    if f is None:
        if tp.nb_index is not None:
            from pyvm.objects.tupleobject import _as_index  # cycle: tupleobject -> unicodeobject
            return float(_as_index(o))
        _type_error(f"must be real number, not {tp.tp_name}")
    r = f(o)
    assert isinstance(r, PyFloatObject)
    v = r.ob_fval
    Py_DECREF(r)
    return v


def unicode_format_arg(fmt: str, ctx: _FormatArgs, out: list[str], owned: list[PyObject]) -> None:
    """CPython: Objects/unicodeobject.c:unicode_format_arg

    The loop of ``PyUnicode_Format`` over the format string (with
    ``unicode_format_arg_parse`` / ``_format`` / ``_output`` inlined). Values
    looked up for ``%(key)`` go to ``owned``, which the caller releases."""
    n = len(fmt)
    i = 0
    while i < n:
        c = fmt[i]
        if c != "%":
            j = fmt.find("%", i)
            if j < 0:
                j = n
            out.append(fmt[i:j])
            i = j
            continue
        i += 1
        if i >= n:
            _value_error("incomplete format")
        if fmt[i] == "(":
            d = ctx.dict
            if d is None:
                _type_error("format requires a mapping")
            depth = 1
            i += 1
            kstart = i
            while i < n and depth > 0:
                if fmt[i] == "(":
                    depth += 1
                elif fmt[i] == ")":
                    depth -= 1
                i += 1
            if depth > 0:
                _value_error("incomplete format key")
            key = PyUnicode_FromString(fmt[kstart:i - 1])
            try:
                key_obj = PyObject_GetItem(d, key)
                owned.append(key_obj)
            finally:
                Py_DECREF(key)
            ctx.args = [key_obj]
            ctx.arglen = -1
            ctx.argidx = -2
        flags = ""
        while i < n and fmt[i] in "-+ #0":
            flags += fmt[i]
            i += 1
        width = -1
        if i < n and fmt[i] == "*":
            w = unicode_format_getnextarg(ctx)
            if not (w.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS):
                _type_error("* wants int")
            width = _host_int_for(w, "d")
            if width < 0:
                flags += "-"
                width = -width
            i += 1
        else:
            ws = i
            while i < n and fmt[i].isdigit():
                i += 1
            if i > ws:
                width = int(fmt[ws:i])
        prec = -1
        if i < n and fmt[i] == ".":
            i += 1
            if i < n and fmt[i] == "*":
                p = unicode_format_getnextarg(ctx)
                if not (p.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS):
                    _type_error("* wants int")
                prec = max(_host_int_for(p, "d"), 0)
                i += 1
            else:
                ps = i
                while i < n and fmt[i].isdigit():
                    i += 1
                prec = int(fmt[ps:i]) if i > ps else 0
        if i < n and fmt[i] in "hlL":
            i += 1
        if i >= n:
            _value_error("incomplete format")
        conv = fmt[i]
        i += 1
        if conv == "%":
            out.append("%")
            continue
        arg = unicode_format_getnextarg(ctx)
        spec = "%" + flags + (str(width) if width >= 0 else "") + \
            ("." + str(prec) if prec >= 0 else "")
        if conv in "sra":
            if conv == "s":
                r = PyObject_Str(arg)
            elif conv == "r":
                r = PyObject_Repr(arg)
            else:
                r = PyObject_ASCII(arg)
            text = _PyUnicode_AsString(r)
            Py_DECREF(r)
            out.append((spec + "s") % text)
        elif conv == "c":
            if isinstance(arg, PyUnicodeObject):
                if len(arg.value) != 1:
                    _type_error("%c requires an int or a unicode character, "
                                f"not a string of length {len(arg.value)}")
                ch = arg.value
            else:
                if not PyIndex_Check(arg):
                    _type_error("%c requires an int or a unicode character, "
                                f"not {arg.ob_type.tp_name}")
                code = _host_int_for(arg, "c")
                if code < 0 or code > 0x10FFFF:
                    _overflow_error("%c arg not in range(0x110000)")
                ch = chr(code)
            out.append((spec + "s") % ch)
        elif conv in "diuoxX":
            v = _host_int_for(arg, conv)
            out.append((spec + ("d" if conv in "iu" else conv)) % v)
        elif conv in "eEfFgG":
            fv = _host_float_for(arg)
            out.append((spec + conv) % fv)
        else:
            _value_error(f"unsupported format character '{conv}' (0x{ord(conv):x}) "
                         f"at index {i - 1}")


def PyUnicode_Format(format: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/unicodeobject.c:PyUnicode_Format

    With ``unicode_format_arg``, ``unicode_format_arg_parse``,
    ``unicode_format_arg_format`` and ``unicode_format_arg_output``: flags
    ``-+ #0``, ``*`` width and precision, ``%(key)`` lookups, the conversions
    ``s r a c d i u o x X e E f F g G %``. The numbers are rendered by the host
    ``%`` operator on host values, which follows the same C ``printf`` rules."""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle: tupleobject -> unicodeobject
    fmt = _self(format)
    if isinstance(args, PyTupleObject) and (args.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS):
        ctx = _FormatArgs(args.ob_item, len(args.ob_item), 0)
    else:
        ctx = _FormatArgs([args], -1, -2)
    if args.ob_type.mp_subscript is not None and not isinstance(args, PyTupleObject) \
            and not PyUnicode_Check(args):
        ctx.dict = args
    out: list[str] = []
    owned: list[PyObject] = []
    try:
        unicode_format_arg(fmt, ctx, out, owned)
    finally:
        for o in owned:
            Py_DECREF(o)
    if ctx.argidx < ctx.arglen and ctx.dict is None:
        _type_error("not all arguments converted during string formatting")
    return PyUnicode_FromString("".join(out))


# ---------------------------------------------------------------------------
# Slots and methods tables


def _init_types() -> None:
    """pyvm: the static initializers of ``PyUnicode_Type`` and its iterators
    (C's ``tp_*`` fields and ``unicode_methods``)."""
    tp = PyUnicode_Type
    tp.tp_dealloc = unicode_dealloc
    tp.tp_repr = unicode_repr
    tp.tp_str = unicode_str
    tp.tp_hash = unicode_hash
    tp.tp_richcompare = PyUnicode_RichCompare
    tp.tp_iter = unicode_iter
    tp.tp_new = unicode_new
    tp.tp_vectorcall = unicode_vectorcall
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.nb_remainder = unicode_mod
    tp.sq_length = unicode_length
    tp.sq_concat = PyUnicode_Concat
    tp.sq_repeat = unicode_repeat
    tp.sq_item = unicode_getitem
    tp.sq_contains = PyUnicode_Contains
    tp.mp_length = unicode_length
    tp.mp_subscript = unicode_subscript
    FK = METH_FASTCALL | METH_KEYWORDS
    _PyType_AddMethods(tp, [
        PyMethodDef("encode", unicode_encode_impl, FK),
        PyMethodDef("replace", unicode_replace_impl, FK),
        PyMethodDef("split", unicode_split_impl, FK),
        PyMethodDef("rsplit", unicode_rsplit_impl, FK),
        PyMethodDef("join", unicode_join, METH_O),
        PyMethodDef("capitalize", unicode_capitalize_impl, METH_NOARGS),
        PyMethodDef("casefold", unicode_casefold_impl, METH_NOARGS),
        PyMethodDef("title", unicode_title_impl, METH_NOARGS),
        PyMethodDef("center", unicode_center_impl, METH_FASTCALL),
        PyMethodDef("count", unicode_count_impl, METH_FASTCALL),
        PyMethodDef("expandtabs", unicode_expandtabs_impl, FK),
        PyMethodDef("find", unicode_find_impl, METH_FASTCALL),
        PyMethodDef("partition", unicode_partition, METH_O),
        PyMethodDef("index", unicode_index_impl, METH_FASTCALL),
        PyMethodDef("ljust", unicode_ljust_impl, METH_FASTCALL),
        PyMethodDef("lower", unicode_lower_impl, METH_NOARGS),
        PyMethodDef("lstrip", unicode_lstrip_impl, METH_FASTCALL),
        PyMethodDef("rfind", unicode_rfind_impl, METH_FASTCALL),
        PyMethodDef("rindex", unicode_rindex_impl, METH_FASTCALL),
        PyMethodDef("rjust", unicode_rjust_impl, METH_FASTCALL),
        PyMethodDef("rstrip", unicode_rstrip_impl, METH_FASTCALL),
        PyMethodDef("rpartition", unicode_rpartition, METH_O),
        PyMethodDef("splitlines", unicode_splitlines_impl, FK),
        PyMethodDef("strip", unicode_strip_impl, METH_FASTCALL),
        PyMethodDef("swapcase", unicode_swapcase_impl, METH_NOARGS),
        PyMethodDef("upper", unicode_upper_impl, METH_NOARGS),
        PyMethodDef("startswith", unicode_startswith_impl, METH_FASTCALL),
        PyMethodDef("endswith", unicode_endswith_impl, METH_FASTCALL),
        PyMethodDef("removeprefix", unicode_removeprefix_impl, METH_O),
        PyMethodDef("removesuffix", unicode_removesuffix_impl, METH_O),
        PyMethodDef("isascii", unicode_isascii_impl, METH_NOARGS),
        PyMethodDef("islower", unicode_islower_impl, METH_NOARGS),
        PyMethodDef("isupper", unicode_isupper_impl, METH_NOARGS),
        PyMethodDef("istitle", unicode_istitle_impl, METH_NOARGS),
        PyMethodDef("isspace", unicode_isspace_impl, METH_NOARGS),
        PyMethodDef("isdecimal", unicode_isdecimal_impl, METH_NOARGS),
        PyMethodDef("isdigit", unicode_isdigit_impl, METH_NOARGS),
        PyMethodDef("isnumeric", unicode_isnumeric_impl, METH_NOARGS),
        PyMethodDef("isalpha", unicode_isalpha_impl, METH_NOARGS),
        PyMethodDef("isalnum", unicode_isalnum_impl, METH_NOARGS),
        PyMethodDef("isidentifier", unicode_isidentifier_impl, METH_NOARGS),
        PyMethodDef("isprintable", unicode_isprintable_impl, METH_NOARGS),
        PyMethodDef("zfill", unicode_zfill_impl, METH_O),
        PyMethodDef("format", unicode_format, FK),
        PyMethodDef("format_map", unicode_format_map, METH_O),
        PyMethodDef("maketrans", unicode_maketrans_impl, METH_FASTCALL | METH_STATIC),
        PyMethodDef("translate", unicode_translate, METH_O),
        PyMethodDef("__format__", unicode___format___impl, METH_O),
        PyMethodDef("__sizeof__", unicode_sizeof_impl, METH_NOARGS),
        PyMethodDef("__getnewargs__", unicode_getnewargs, METH_NOARGS),
    ])
    for it in (PyUnicodeIter_Type, _PyUnicodeASCIIIter_Type):
        it.tp_dealloc = unicodeiter_dealloc
        it.tp_iter = PyObject_SelfIter
        it.tp_iternext = unicodeiter_next
        it.tp_getattro = PyObject_GenericGetAttr
        _PyType_AddMethods(it, [PyMethodDef("__length_hint__", unicodeiter_len, METH_NOARGS)])


_init_types()


# ---------------------------------------------------------------------------
# Escape decoding for the parser (str literals). Kept in one block at the end.

# CPython: Objects/unicodeobject.c:MAX_UNICODE
MAX_UNICODE: Final = 0x10FFFF


def _PyUnicode_Name_getcode(name: bytes) -> int:
    """CPython: Modules/unicodedata.c:capi_getcode
    CPython: Modules/unicodedata.c:_getcode
    CPython: Modules/unicodedata.c:_check_alias_and_seq

    The code point of a character name for ``\\N{...}``, -1 if unknown:
    ``getcode`` with aliases resolved and named sequences refused
    (``with_named_seq`` 0). pyvm: the Unicode database is the host's
    (``unicodedata.lookup`` takes aliases and named sequences; a sequence is
    more than one character)."""
    # Loaded on first use, as C's _PyUnicode_GetNameCAPI imports the
    # unicodedata module: the database stays off the start-up path.
    import unicodedata
    try:
        r = unicodedata.lookup(name.decode("latin-1"))
    except KeyError:
        return -1
    if len(r) != 1:
        return -1
    return ord(r)


def _unicode_escape_error(s: bytes, start: int, end: int, reason: str) -> NoReturn:
    """CPython: Objects/unicodeobject.c:unicode_decode_call_errorhandler_writer

    pyvm: the "strict" handler: raises
    ``UnicodeDecodeError("unicodeescape", s, start, end, reason)``."""
    _PyErr_Raise(PyUnicodeDecodeError_Create("unicodeescape", s, start, end, reason))


def _PyUnicode_DecodeUnicodeEscapeInternal2(s: bytes) -> tuple[str, int, int]:
    """CPython: Objects/unicodeobject.c:_PyUnicode_DecodeUnicodeEscapeInternal2

    Decodes ``s`` with the ``unicode_escape`` rules, C's ``errors=NULL``
    ("strict") and ``consumed=NULL``. Returns ``(value,
    first_invalid_escape_char, first_invalid_escape_pos)``: the first unknown
    escape (or octal escape above 0o377) as its code and the index in ``s``
    where its text starts (after the backslash); ``(-1, -1)`` if there is
    none -- C's two out-parameters, a pointer becoming an index. A malformed
    escape raises UnicodeDecodeError.

    pyvm: works on host bytes and returns a host str (the parser wraps it).
    Bytes >= 0x80 are Latin-1 ordinals, as in C (the parser has already
    turned non-ASCII text into ``\\U`` escapes)."""
    first_invalid_escape_char = -1
    first_invalid_escape_pos = -1
    size = len(s)
    if size == 0:
        return "", -1, -1
    out: list[str] = []
    end = size
    i = 0
    while i < end:
        c = s[i]
        i += 1
        # Non-escape characters are interpreted as Unicode ordinals
        if c != 0x5C:
            out.append(chr(c))
            continue
        startinpos = i - 1
        # \ - Escapes
        if i >= end:
            _unicode_escape_error(s, startinpos, i, "\\ at end of string")
        c = s[i]
        i += 1
        if c == 0x0A:
            continue
        if c == 0x5C:
            out.append("\\")
        elif c == 0x27:
            out.append("'")
        elif c == 0x22:
            out.append('"')
        elif c == 0x62:
            out.append("\b")
        elif c == 0x66:
            out.append("\x0c")
        elif c == 0x74:
            out.append("\t")
        elif c == 0x6E:
            out.append("\n")
        elif c == 0x72:
            out.append("\r")
        elif c == 0x76:
            out.append("\x0b")
        elif c == 0x61:
            out.append("\x07")
        elif 0x30 <= c <= 0x37:
            # \OOO (octal) escapes
            ch = c - 0x30
            if i < end and 0x30 <= s[i] <= 0x37:
                ch = (ch << 3) + s[i] - 0x30
                i += 1
                if i < end and 0x30 <= s[i] <= 0x37:
                    ch = (ch << 3) + s[i] - 0x30
                    i += 1
            if ch > 0o377:
                if first_invalid_escape_char == -1:
                    first_invalid_escape_char = ch
                    # Back up 3 chars, since we've already incremented s.
                    first_invalid_escape_pos = i - 3
            out.append(chr(ch))
        elif c == 0x78 or c == 0x75 or c == 0x55:
            # hex escapes: \xXX, \uXXXX, \UXXXXXXXX
            if c == 0x78:
                count = 2
                message = "truncated \\xXX escape"
            elif c == 0x75:
                count = 4
                message = "truncated \\uXXXX escape"
            else:
                count = 8
                message = "truncated \\UXXXXXXXX escape"
            ch = 0
            while count:
                if i >= end:
                    _unicode_escape_error(s, startinpos, i, message)
                d = s[i]
                ch <<= 4
                if 0x30 <= d <= 0x39:
                    ch += d - 0x30
                elif 0x61 <= d <= 0x66:
                    ch += d - 0x61 + 10
                elif 0x41 <= d <= 0x46:
                    ch += d - 0x41 + 10
                else:
                    _unicode_escape_error(s, startinpos, i, message)
                i += 1
                count -= 1
            # when we get here, ch is a 32-bit unicode character
            if ch > MAX_UNICODE:
                _unicode_escape_error(s, startinpos, i, "illegal Unicode character")
            out.append(chr(ch))
        elif c == 0x4E:
            # \N{name}
            message = "malformed \\N character escape"
            if i >= end:
                _unicode_escape_error(s, startinpos, i, message)
            if s[i] == 0x7B:
                i += 1
                start = i
                # look for the closing brace
                while i < end and s[i] != 0x7D:
                    i += 1
                if i >= end:
                    _unicode_escape_error(s, startinpos, i, message)
                if i > start:
                    # found a name.  look it up in the unicode database
                    name = s[start:i]
                    i += 1
                    code = _PyUnicode_Name_getcode(name)
                    if code >= 0:
                        out.append(chr(code))
                        continue
                    message = "unknown Unicode character name"
            _unicode_escape_error(s, startinpos, i, message)
        else:
            if first_invalid_escape_char == -1:
                first_invalid_escape_char = c
                # Back up one char, since we've already incremented s.
                first_invalid_escape_pos = i - 1
            out.append("\\")
            out.append(chr(c))
    return "".join(out), first_invalid_escape_char, first_invalid_escape_pos
