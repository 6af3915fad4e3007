"""Ports Include/object.h, Include/refcount.h and the core of Objects/object.c and
Python/errors.c: the ``PyObject`` header, the type object with its slots, reference
counting and the way an error travels.

Every value a user program sees is a :class:`PyObject`. Its header is the C one:
``ob_refcnt`` and ``ob_type``. Concrete objects are native (mypyc) subclasses that add
their payload, as ``PyLongObject`` adds ``ob_ival``.

The type object flattens C's ``tp_as_number`` / ``tp_as_sequence`` /
``tp_as_mapping`` sub-tables onto one class, as ``PyHeapTypeObject`` lays them out
inline. Each slot is an ``Optional[Callable]``: ``None`` is C's ``NULL``, so "slot
present" is one attribute test, and a slot call in the compiled build is a single
vectorcall into a compiled function.

Errors. A C function that returns ``NULL`` with an exception set becomes a Python
function that raises :class:`PyErr`, a host exception that carries the pyvm
exception. Like the C API before 3.12 it may be *unnormalized*: the type and a host
message are enough to raise it, and :func:`PyErr.normalize` builds the exception
instance only when somebody looks at it (``except`` in the eval loop, a traceback).
That keeps error paths that are caught internally (``StopIteration`` from an
iterator, ``AttributeError`` in ``getattr(o, n, d)``) cheap.

Reference counts are real (DESIGN.md §3): :func:`Py_INCREF` / :func:`Py_DECREF`
follow the ownership rules of the C code, and a count reaching zero runs the type's
``tp_dealloc``. Immortal objects (PEP 683) keep ``_Py_IMMORTAL_REFCNT`` and are never
counted. With ``PYVM_DEBUG_REFS=1`` (or ``-X refdebug``) pyvm behaves as a debug
build of CPython (``Py_REF_DEBUG``): ``_debug.ref_total`` counts live references to
mortal objects (``sys.gettotalrefcount()``), ``_debug.blocks`` counts mortal objects
allocated and not yet deallocated (C reports pymalloc's allocated blocks), and
``-X showrefcount`` prints both at exit as ``[N refs, M blocks]``. Deallocation
poisons the object: its type becomes a "freed" type whose slots all fail, so a use
after free, a second deallocation or a count going negative is a pyvm fatal error
(:class:`PyFatalError`) that names the object's original type.
"""

from __future__ import annotations

import os
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, NoReturn, Optional, TypeAlias
    from pyvm.pystate import PyThreadState
from pyvm.pystate import (
    _C_LEVEL_COST, _C_STACK_HARD_LIMIT, _C_STACK_SOFT_LIMIT, _DEALLOC_COST,
    _Py_RecursionLimit_GetMargin, _tstate,
)

# CPython: Include/refcount.h:_Py_IMMORTAL_INITIAL_REFCNT
# pyvm: the value only has to be large and fixed; C uses 3 << 30 on 64-bit builds.
_Py_IMMORTAL_REFCNT: Final = 3 << 30


class _DebugState:
    """pyvm: the switches of the reference-count debug mode, read once at start-up,
    and its counters (C's ``_PyRuntime.ref_total`` and the allocated-block count
    of ``Objects/obmalloc.c``). Immortal objects are in neither counter."""

    enabled: bool
    showrefcount: bool
    ref_total: int
    blocks: int

    def __init__(self) -> None:
        self.enabled = os.environ.get("PYVM_DEBUG_REFS", "") not in ("", "0")
        self.showrefcount = False
        self.ref_total = 0
        self.blocks = 0


_debug: Final = _DebugState()


def _PyRefDebug_Enable(on: bool) -> None:
    """pyvm: turn the debug mode on from the command line (``-X refdebug``)."""
    _debug.enabled = on


def _Py_GetRefTotal() -> int:
    """CPython: Objects/object.c:_Py_GetGlobalRefTotal

    The live reference total of the debug mode (``sys.gettotalrefcount()``)."""
    return _debug.ref_total


def _Py_GetGlobalAllocatedBlocks() -> int:
    """CPython: Objects/obmalloc.c:_Py_GetGlobalAllocatedBlocks

    pyvm: the mortal objects allocated and not yet deallocated, counted in the
    debug mode only (C counts pymalloc's blocks)."""
    return _debug.blocks


def _PyDebug_PrintTotalRefs() -> str:
    """CPython: Objects/object.c:_PyDebug_PrintTotalRefs

    pyvm: returns the line (``[N refs, M blocks]``); the caller writes it to the
    host's stderr, as C's ``fprintf(stderr, ...)`` does."""
    return f"[{_debug.ref_total} refs, {_debug.blocks} blocks]\n"


class PyFatalError(Exception):
    """pyvm: what ``Py_FatalError`` aborts the process with in C. A host exception
    (no pyvm code catches it): it ends the run as an internal error of pyvm."""


def Py_FatalError(msg: str) -> NoReturn:
    """CPython: Python/pylifecycle.c:Py_FatalError"""
    raise PyFatalError(f"Fatal Python error: {msg}")


class PyObject:
    """CPython: Include/object.h:_object (PyObject)

    The object header. ``ob_type`` is set by the constructor of the concrete object;
    only the bootstrap of ``type`` itself leaves it to be patched.
    """

    ob_refcnt: int
    ob_type: PyTypeObject

    def __init__(self, tp: PyTypeObject) -> None:
        self.ob_refcnt = 1
        self.ob_type = tp
        if _debug.enabled:
            _debug.ref_total += 1
            _debug.blocks += 1

    def __repr__(self) -> str:
        """pyvm: what a host debugger (pdb, a traceback of pyvm itself) shows for
        this object: ``<pyvm int 42 refcnt=3>``, ``<pyvm list len=3 refcnt=1>``,
        ``<pyvm type 'int'>``, ``<pyvm freed object>``. It is not the program's
        ``repr()`` (that is ``PyObject_Repr``): it reads host fields only, so it
        never runs pyvm code, never changes a reference count and never raises.
        """
        try:
            return _debug_repr(self)
        except Exception:
            # A half-built object (the bootstrap of ``type``) lacks a field.
            return f"<pyvm object at {id(self):#x}>"

    def _debug_detail(self) -> str:
        """pyvm: the payload ``__repr__`` shows after the type name (``42``,
        ``'abc'``, ``len=3``); ``""`` says nothing more than "object". Concrete
        objects override it with cheap reads of their own host fields."""
        return ""

    def _debug_text(self) -> Optional[str]:
        """pyvm: the host text of a ``str`` object (None for other objects), for
        the ``__repr__`` of objects that hold their name as a pyvm ``str``."""
        return None


def _debug_name(name: Optional[PyObject]) -> str:
    """pyvm: the text of a name held as a pyvm ``str``, for ``__repr__``."""
    text = name._debug_text() if name is not None else None
    return text if text is not None else "?"


_DEBUG_CLIP: Final = 40


def _debug_clip_str(v: str) -> str:
    """pyvm: ``repr()`` of a str payload, its first characters only, for ``__repr__``."""
    return repr(v[:_DEBUG_CLIP]) + ("..." if len(v) > _DEBUG_CLIP else "")


def _debug_clip_bytes(v: bytes) -> str:
    """pyvm: ``repr()`` of a bytes payload, its first bytes only, for ``__repr__``."""
    return repr(v[:_DEBUG_CLIP]) + ("..." if len(v) > _DEBUG_CLIP else "")


def _debug_repr(op: PyObject) -> str:
    """pyvm: the body of ``PyObject.__repr__`` (see there)."""
    tp = op.ob_type
    if tp in _freed_type_holder.freed:
        return "<pyvm freed object>"
    cnt = op.ob_refcnt
    if cnt >= _Py_IMMORTAL_REFCNT:
        refs = "immortal"
    elif cnt <= 0:
        refs = f"{cnt} (freed)"
    else:
        refs = str(cnt)
    if isinstance(op, PyTypeObject):
        # Static types are immortal; only a heap type's count says something.
        tail = "" if cnt >= _Py_IMMORTAL_REFCNT else f" refcnt={refs}"
        return f"<pyvm type {op.tp_name!r}{tail}>"
    detail = op._debug_detail() or "object"
    return f"<pyvm {tp.tp_name} {detail} refcnt={refs}>"


class PyVarObject(PyObject):
    """CPython: Include/object.h:PyVarObject

    pyvm: variable-size objects keep their items in a host list, so ``ob_size`` is
    only stored where C's code reads it separately from the items (``int`` does not
    need it).
    """


# Slot signatures (Include/object.h typedefs). Arguments that C passes as
# ``PyObject *const *args, size_t nargs`` are a host list and its bounds.
unaryfunc: TypeAlias = "Callable[[PyObject], PyObject]"
binaryfunc: TypeAlias = "Callable[[PyObject, PyObject], PyObject]"
ternaryfunc: TypeAlias = "Callable[[PyObject, PyObject, PyObject], PyObject]"
inquiry: TypeAlias = "Callable[[PyObject], bool]"
lenfunc: TypeAlias = "Callable[[PyObject], int]"
ssizeargfunc: TypeAlias = "Callable[[PyObject, int], PyObject]"
ssizeobjargproc: TypeAlias = "Callable[[PyObject, int, Optional[PyObject]], None]"
objobjproc: TypeAlias = "Callable[[PyObject, PyObject], bool]"
objobjargproc: TypeAlias = "Callable[[PyObject, PyObject, Optional[PyObject]], None]"
reprfunc: TypeAlias = "Callable[[PyObject], PyObject]"
hashfunc: TypeAlias = "Callable[[PyObject], int]"
richcmpfunc: TypeAlias = "Callable[[PyObject, PyObject, int], PyObject]"
getiterfunc: TypeAlias = "Callable[[PyObject], PyObject]"
# tp_iternext: the next item, or None when exhausted without an error.
iternextfunc: TypeAlias = "Callable[[PyObject], Optional[PyObject]]"
getattrofunc: TypeAlias = "Callable[[PyObject, PyObject], PyObject]"
# tp_setattro: value None means delete.
setattrofunc: TypeAlias = "Callable[[PyObject, PyObject, Optional[PyObject]], None]"
descrgetfunc: TypeAlias = "Callable[[PyObject, Optional[PyObject], Optional[PyObject]], PyObject]"
descrsetfunc: TypeAlias = "Callable[[PyObject, PyObject, Optional[PyObject]], None]"
destructor: TypeAlias = "Callable[[PyObject], None]"
# tp_call(callable, args tuple, kwargs dict or None)
callfunc: TypeAlias = "Callable[[PyObject, PyObject, Optional[PyObject]], PyObject]"
# vectorcall(callable, args, start, nargs, kwnames): the positional arguments are
# args[start:start + nargs], followed by one value per name of the kwnames tuple.
vectorcallfunc: TypeAlias = (
    "Callable[[PyObject, list[PyObject], int, int, Optional[PyObject]], PyObject]")
# tp_new(type, args tuple, kwargs dict or None); tp_init likewise, returning nothing.
newfunc: TypeAlias = "Callable[[PyTypeObject, PyObject, Optional[PyObject]], PyObject]"
initproc: TypeAlias = "Callable[[PyObject, PyObject, Optional[PyObject]], None]"
visitproc: TypeAlias = "Callable[[PyObject], None]"
traverseproc: TypeAlias = "Callable[[PyObject, visitproc], None]"
# am_send(iter, arg) -> (PySendResult, result): PYGEN_RETURN / PYGEN_NEXT with
# a new reference; PYGEN_ERROR with None when the iterator is exhausted
# without an exception (an exception is raised as PyErr instead).
sendfunc: TypeAlias = "Callable[[PyObject, PyObject], tuple[int, Optional[PyObject]]]"

# CPython: Include/object.h:PYGEN_RETURN (PySendResult)
PYGEN_RETURN: Final = 0
PYGEN_ERROR: Final = -1
PYGEN_NEXT: Final = 1


class Py_buffer:
    """CPython: Include/pybuffer.h:Py_buffer

    pyvm's buffer protocol. C's ``buf`` pointer is the pair ``data`` +
    ``offset``: ``data`` is the exporter's own host storage (the host ``bytes``
    of a bytes object, the very host ``bytearray`` of a bytearray, so that
    writes through a view reach the exporter), ``offset`` the byte index of
    the first item. ``shape`` and ``strides`` are lists of ``ndim`` ints
    (empty for a 0-dim view); strides are in bytes and may be negative, as in
    C. ``format`` is a struct-module format string ("B" for bytes). No
    suboffsets: pyvm's exporters have none.

    An exporter's ``bf_getbuffer(obj, flags)`` returns a filled Py_buffer
    whose ``obj`` is a new reference to the exporter; ``PyBuffer_Release``
    calls ``bf_releasebuffer`` and drops that reference. While an exporter
    has views out it must not replace or resize its storage (bytearray's
    ``ob_exports`` and ``_canresize``)."""

    data: bytes | bytearray
    offset: int
    obj: Optional[PyObject]
    len: int
    itemsize: int
    readonly: bool
    ndim: int
    format: str
    shape: list[int]
    strides: list[int]

    def __init__(self, data: bytes | bytearray, offset: int, obj: Optional[PyObject],
                 length: int, readonly: bool) -> None:
        # The PyBuffer_FillInfo shape: one dimension of unsigned bytes.
        self.data = data
        self.offset = offset
        self.obj = obj
        self.len = length
        self.itemsize = 1
        self.readonly = readonly
        self.ndim = 1
        self.format = "B"
        self.shape = [length]
        self.strides = [1]

    def copy(self) -> Py_buffer:
        """pyvm: C's struct copy ``*dst = *src`` (``obj`` not counted)."""
        b = Py_buffer(self.data, self.offset, self.obj, self.len, self.readonly)
        b.itemsize = self.itemsize
        b.ndim = self.ndim
        b.format = self.format
        b.shape = list(self.shape)
        b.strides = list(self.strides)
        return b


# CPython: Include/pybuffer.h:getbufferproc (returns the view; raises PyErr)
getbufferproc: TypeAlias = "Callable[[PyObject, int], Py_buffer]"
# CPython: Include/pybuffer.h:releasebufferproc
releasebufferproc: TypeAlias = "Callable[[PyObject, Py_buffer], None]"

# CPython: Include/pybuffer.h:PyBUF_SIMPLE (the request flags)
PyBUF_SIMPLE: Final = 0
PyBUF_WRITABLE: Final = 0x0001
PyBUF_FORMAT: Final = 0x0004
PyBUF_ND: Final = 0x0008
PyBUF_STRIDES: Final = 0x0010 | PyBUF_ND
PyBUF_C_CONTIGUOUS: Final = 0x0020 | PyBUF_STRIDES
PyBUF_INDIRECT: Final = 0x0100 | PyBUF_STRIDES
PyBUF_FULL_RO: Final = PyBUF_INDIRECT | PyBUF_FORMAT
PyBUF_RECORDS_RO: Final = PyBUF_STRIDES | PyBUF_FORMAT

# CPython: Include/object.h:Py_TPFLAGS_DEFAULT (and the flags beside it)
Py_TPFLAGS_MANAGED_WEAKREF: Final = 1 << 3
Py_TPFLAGS_MANAGED_DICT: Final = 1 << 4
Py_TPFLAGS_SEQUENCE: Final = 1 << 5
Py_TPFLAGS_MAPPING: Final = 1 << 6
Py_TPFLAGS_IMMUTABLETYPE: Final = 1 << 8
Py_TPFLAGS_HEAPTYPE: Final = 1 << 9
Py_TPFLAGS_BASETYPE: Final = 1 << 10
Py_TPFLAGS_HAVE_VECTORCALL: Final = 1 << 11
Py_TPFLAGS_READY: Final = 1 << 12
Py_TPFLAGS_READYING: Final = 1 << 13
Py_TPFLAGS_HAVE_GC: Final = 1 << 14
Py_TPFLAGS_METHOD_DESCRIPTOR: Final = 1 << 17
Py_TPFLAGS_VALID_VERSION_TAG: Final = 1 << 19
Py_TPFLAGS_IS_ABSTRACT: Final = 1 << 20
# CPython: Include/object.h:_Py_TPFLAGS_MATCH_SELF
_Py_TPFLAGS_MATCH_SELF: Final = 1 << 22
Py_TPFLAGS_LONG_SUBCLASS: Final = 1 << 24
Py_TPFLAGS_LIST_SUBCLASS: Final = 1 << 25
Py_TPFLAGS_TUPLE_SUBCLASS: Final = 1 << 26
Py_TPFLAGS_BYTES_SUBCLASS: Final = 1 << 27
Py_TPFLAGS_UNICODE_SUBCLASS: Final = 1 << 28
Py_TPFLAGS_DICT_SUBCLASS: Final = 1 << 29
Py_TPFLAGS_BASE_EXC_SUBCLASS: Final = 1 << 30
Py_TPFLAGS_TYPE_SUBCLASS: Final = 1 << 31
Py_TPFLAGS_DEFAULT: Final = 0

# CPython: Include/object.h:Py_LT (rich comparison opcodes)
Py_LT: Final = 0
Py_LE: Final = 1
Py_EQ: Final = 2
Py_NE: Final = 3
Py_GT: Final = 4
Py_GE: Final = 5


class PyTypeObject(PyObject):
    """CPython: Include/cpython/object.h:_typeobject

    The slots of ``tp_as_number``, ``tp_as_sequence`` and ``tp_as_mapping`` are
    fields of the type itself. ``tp_dict`` is a ``PyDictObject`` once the type is
    ready (typed ``PyObject`` here to keep this module below ``dictobject``).

    The layout fields count in pyvm's units, not bytes: ``tp_basicsize`` is the
    number of ``__slots__`` slots an instance carries (0 for the static types),
    ``tp_itemsize`` is nonzero for the variable-size builtins (``int``, ``tuple``,
    ``bytes``, ``type``), ``tp_dictoffset`` / ``tp_weaklistoffset`` are nonzero
    when instances have a ``__dict__`` / weak reference list (-1 and
    ``MANAGED_WEAKREF_OFFSET`` for heap types, C's managed offsets; the weak
    reference lists themselves live in ``_WeakrefLists``). typeobject.py compares them as C does (``solid_base``,
    ``compatible_for_assignment``).
    """

    tp_name: str
    tp_basicsize: int
    tp_itemsize: int
    tp_dictoffset: int
    tp_weaklistoffset: int
    tp_flags: int
    tp_doc: Optional[str]
    tp_base: Optional[PyTypeObject]
    tp_bases: Optional[PyObject]
    tp_mro: Optional[PyObject]
    tp_dict: Optional[PyObject]
    tp_subclasses: Optional[PyObject]
    tp_version_tag: int

    tp_dealloc: Optional[destructor]
    tp_repr: Optional[reprfunc]
    tp_str: Optional[reprfunc]
    tp_hash: Optional[hashfunc]
    tp_call: Optional[callfunc]
    tp_vectorcall: Optional[vectorcallfunc]
    tp_getattro: Optional[getattrofunc]
    tp_setattro: Optional[setattrofunc]
    tp_richcompare: Optional[richcmpfunc]
    tp_iter: Optional[getiterfunc]
    tp_iternext: Optional[iternextfunc]
    tp_descr_get: Optional[descrgetfunc]
    tp_descr_set: Optional[descrsetfunc]
    tp_init: Optional[initproc]
    tp_new: Optional[newfunc]
    tp_traverse: Optional[traverseproc]
    tp_clear: Optional[inquiry]
    tp_finalize: Optional[destructor]

    nb_add: Optional[binaryfunc]
    nb_subtract: Optional[binaryfunc]
    nb_multiply: Optional[binaryfunc]
    nb_remainder: Optional[binaryfunc]
    nb_divmod: Optional[binaryfunc]
    nb_power: Optional[ternaryfunc]
    nb_negative: Optional[unaryfunc]
    nb_positive: Optional[unaryfunc]
    nb_absolute: Optional[unaryfunc]
    nb_bool: Optional[inquiry]
    nb_invert: Optional[unaryfunc]
    nb_lshift: Optional[binaryfunc]
    nb_rshift: Optional[binaryfunc]
    nb_and: Optional[binaryfunc]
    nb_xor: Optional[binaryfunc]
    nb_or: Optional[binaryfunc]
    nb_int: Optional[unaryfunc]
    nb_float: Optional[unaryfunc]
    nb_inplace_add: Optional[binaryfunc]
    nb_inplace_subtract: Optional[binaryfunc]
    nb_inplace_multiply: Optional[binaryfunc]
    nb_inplace_remainder: Optional[binaryfunc]
    nb_inplace_power: Optional[ternaryfunc]
    nb_inplace_lshift: Optional[binaryfunc]
    nb_inplace_rshift: Optional[binaryfunc]
    nb_inplace_and: Optional[binaryfunc]
    nb_inplace_xor: Optional[binaryfunc]
    nb_inplace_or: Optional[binaryfunc]
    nb_floor_divide: Optional[binaryfunc]
    nb_true_divide: Optional[binaryfunc]
    nb_inplace_floor_divide: Optional[binaryfunc]
    nb_inplace_true_divide: Optional[binaryfunc]
    nb_index: Optional[unaryfunc]
    nb_matrix_multiply: Optional[binaryfunc]
    nb_inplace_matrix_multiply: Optional[binaryfunc]

    sq_length: Optional[lenfunc]
    sq_concat: Optional[binaryfunc]
    sq_repeat: Optional[ssizeargfunc]
    sq_item: Optional[ssizeargfunc]
    sq_ass_item: Optional[ssizeobjargproc]
    sq_contains: Optional[objobjproc]
    sq_inplace_concat: Optional[binaryfunc]
    sq_inplace_repeat: Optional[ssizeargfunc]

    mp_length: Optional[lenfunc]
    mp_subscript: Optional[binaryfunc]
    mp_ass_subscript: Optional[objobjargproc]

    am_await: Optional[unaryfunc]
    am_aiter: Optional[unaryfunc]
    am_anext: Optional[unaryfunc]
    am_send: Optional[sendfunc]
    # pyvm: C's tp_as_buffer (PyBufferProcs), flattened like the others.
    bf_getbuffer: Optional[getbufferproc]
    bf_releasebuffer: Optional[releasebufferproc]

    # pyvm: C finds methods and members through tp_methods / tp_members /
    # tp_getset arrays that PyType_Ready turns into descriptors in tp_dict; the
    # concrete type modules register those descriptors directly.

    def __init__(self, name: str, base: Optional[PyTypeObject] = None,
                 flags: int = 0, doc: Optional[str] = None) -> None:
        # The metatype is patched in by typeobject's bootstrap when it is None.
        tp = _type_type_holder.type_type
        if tp is None:
            self.ob_refcnt = _Py_IMMORTAL_REFCNT
        else:
            super().__init__(tp)
            _Py_SetImmortal(self)
        self.tp_name = name
        self.tp_basicsize = 0
        self.tp_itemsize = 0
        self.tp_dictoffset = 0
        self.tp_weaklistoffset = 0
        self.tp_flags = flags
        self.tp_doc = doc
        self.tp_base = base
        self.tp_bases = None
        self.tp_mro = None
        self.tp_dict = None
        self.tp_subclasses = None
        self.tp_version_tag = 0
        self.tp_dealloc = None
        self.tp_repr = None
        self.tp_str = None
        self.tp_hash = None
        self.tp_call = None
        self.tp_vectorcall = None
        self.tp_getattro = None
        self.tp_setattro = None
        self.tp_richcompare = None
        self.tp_iter = None
        self.tp_iternext = None
        self.tp_descr_get = None
        self.tp_descr_set = None
        self.tp_init = None
        self.tp_new = None
        self.tp_traverse = None
        self.tp_clear = None
        self.tp_finalize = None
        self.nb_add = None
        self.nb_subtract = None
        self.nb_multiply = None
        self.nb_remainder = None
        self.nb_divmod = None
        self.nb_power = None
        self.nb_negative = None
        self.nb_positive = None
        self.nb_absolute = None
        self.nb_bool = None
        self.nb_invert = None
        self.nb_lshift = None
        self.nb_rshift = None
        self.nb_and = None
        self.nb_xor = None
        self.nb_or = None
        self.nb_int = None
        self.nb_float = None
        self.nb_inplace_add = None
        self.nb_inplace_subtract = None
        self.nb_inplace_multiply = None
        self.nb_inplace_remainder = None
        self.nb_inplace_power = None
        self.nb_inplace_lshift = None
        self.nb_inplace_rshift = None
        self.nb_inplace_and = None
        self.nb_inplace_xor = None
        self.nb_inplace_or = None
        self.nb_floor_divide = None
        self.nb_true_divide = None
        self.nb_inplace_floor_divide = None
        self.nb_inplace_true_divide = None
        self.nb_index = None
        self.nb_matrix_multiply = None
        self.nb_inplace_matrix_multiply = None
        self.sq_length = None
        self.sq_concat = None
        self.sq_repeat = None
        self.sq_item = None
        self.sq_ass_item = None
        self.sq_contains = None
        self.sq_inplace_concat = None
        self.sq_inplace_repeat = None
        self.mp_length = None
        self.mp_subscript = None
        self.mp_ass_subscript = None
        self.am_await = None
        self.am_aiter = None
        self.am_anext = None
        self.am_send = None
        self.bf_getbuffer = None
        self.bf_releasebuffer = None


class _TypeTypeHolder:
    """pyvm: where the bootstrap of ``type`` leaves ``PyType_Type`` so that every
    later ``PyTypeObject`` gets it as its ``ob_type``."""

    type_type: Optional[PyTypeObject]

    def __init__(self) -> None:
        self.type_type = None


_type_type_holder: Final = _TypeTypeHolder()


def _Py_SetImmortal(op: PyObject) -> None:
    """CPython: Objects/object.c:_Py_SetImmortal

    pyvm: in the debug mode the object's references leave the total (its later
    decrefs are no longer counted) and it stops being a block, as
    ``Objects/unicodeobject.c:immortalize_interned`` does for the total."""
    cnt = op.ob_refcnt
    if cnt >= _Py_IMMORTAL_REFCNT:
        return
    if _debug.enabled:
        _debug.ref_total -= cnt
        _debug.blocks -= 1
    op.ob_refcnt = _Py_IMMORTAL_REFCNT


def _Py_IsImmortal(op: PyObject) -> bool:
    """CPython: Include/refcount.h:_Py_IsImmortal"""
    return op.ob_refcnt >= _Py_IMMORTAL_REFCNT


def Py_INCREF(op: PyObject) -> None:
    """CPython: Include/refcount.h:Py_INCREF"""
    if op.ob_refcnt < _Py_IMMORTAL_REFCNT:
        op.ob_refcnt += 1
        if _debug.enabled:
            _debug.ref_total += 1


def Py_XINCREF(op: Optional[PyObject]) -> None:
    """CPython: Include/refcount.h:Py_XINCREF"""
    if op is not None:
        Py_INCREF(op)


def Py_NewRef(op: PyObject) -> PyObject:
    """CPython: Include/refcount.h:Py_NewRef"""
    if op.ob_refcnt < _Py_IMMORTAL_REFCNT:
        op.ob_refcnt += 1
        if _debug.enabled:
            _debug.ref_total += 1
    return op


def Py_DECREF(op: PyObject) -> None:
    """CPython: Include/refcount.h:Py_DECREF"""
    cnt = op.ob_refcnt
    if cnt >= _Py_IMMORTAL_REFCNT:
        return
    if _debug.enabled:
        _debug.ref_total -= 1
        if cnt <= 0:
            _Py_NegativeRefcount(op)
    cnt -= 1
    op.ob_refcnt = cnt
    if cnt == 0:
        _Py_Dealloc(op)


def Py_XDECREF(op: Optional[PyObject]) -> None:
    """CPython: Include/refcount.h:Py_XDECREF"""
    if op is not None:
        Py_DECREF(op)


def _debug_type_name(op: PyObject) -> str:
    """pyvm: the name of an object's type for a fatal error: ``freed list`` for a
    poisoned object (its original type, kept by the freed type)."""
    tp = op.ob_type
    orig = _freed_type_holder.freed.get(tp)
    if orig is not None:
        return f"freed {orig}"
    return tp.tp_name


def _Py_NegativeRefcount(op: PyObject) -> NoReturn:
    """CPython: Objects/object.c:_Py_NegativeRefcount

    pyvm: C aborts the process (``_PyObject_AssertFailed``); here it is a
    :class:`PyFatalError`, always a bug in pyvm, never in the user program.
    """
    Py_FatalError(f"_Py_NegativeRefcount: object has negative ref count "
                  f"(a {_debug_type_name(op)} object, a Py_DECREF too many)")


def _Py_Dealloc(op: PyObject) -> None:
    """CPython: Objects/object.c:_Py_Dealloc

    The trashcan (3.14 runs it here for every GC type; ``Py_TRASHCAN_BEGIN`` is
    now empty): freeing the head of a long chain (``[[[...]]]``, a linked list of
    instances, a deep tuple) would nest one dealloc per link. When the margin
    left is small, a container is deposited on ``tstate.delete_later`` instead,
    and a dealloc that returns with enough margin frees the deposited objects in
    a loop (:func:`_PyTrash_thread_destroy_chain`), so the nesting stays bounded
    whatever the length of the chain.
    """
    tp = op.ob_type
    gc_flag = tp.tp_flags & Py_TPFLAGS_HAVE_GC
    tstate = _tstate
    # Only a GC container goes to the trashcan: the margin matters for nothing
    # else (C computes it first; the outcome is the same).
    margin = _Py_RecursionLimit_GetMargin(tstate) if gc_flag else 0
    if _debug.enabled and tp in _freed_type_holder.freed:
        Py_FatalError(f"_Py_Dealloc: deallocating a {_debug_type_name(op)} "
                      "object a second time")
    if margin < 2 and gc_flag:
        _PyTrash_thread_deposit_object(tstate, op)
        return
    tstate.c_stack_used += _DEALLOC_COST
    _dealloc_now(op, tp)
    tstate.c_stack_used -= _DEALLOC_COST
    if tstate.delete_later and margin >= 4 and gc_flag:
        _PyTrash_thread_destroy_chain(tstate)


def _dealloc_now(op: PyObject, tp: PyTypeObject) -> None:
    """pyvm: run ``tp_dealloc`` and, in the debug mode, count the block freed and
    poison the object (unless a finalizer resurrected it). Shared by
    ``_Py_Dealloc`` and the trashcan's destroy loop."""
    dealloc = tp.tp_dealloc
    if dealloc is not None:
        dealloc(op)
    # A finalizer (``__del__``) may have resurrected the object.
    if _debug.enabled and op.ob_refcnt == 0:
        _debug.blocks -= 1
        _poison(op)


def _PyTrash_thread_deposit_object(tstate: PyThreadState, op: PyObject) -> None:
    """CPython: Objects/object.c:_PyTrash_thread_deposit_object

    Put ``op`` (a GC object whose count reached zero) on the thread's trash
    stack, to be deallocated when the nesting has unwound. pyvm has no cyclic
    GC list to untrack it from.
    """
    if op.ob_refcnt != 0:
        Py_FatalError("_PyTrash_thread_deposit_object: object with a non-zero "
                      f"refcount (a {_debug_type_name(op)} object)")
    tstate.delete_later.append(op)


def _PyTrash_thread_destroy_chain(tstate: PyThreadState) -> None:
    """CPython: Objects/object.c:_PyTrash_thread_destroy_chain

    Deallocate the deposited objects, last deposited first. A dealloc may
    deposit more (the rest of a chain); the loop takes those too. pyvm: the
    dealloc is called directly, as C does (``Py_DECREF`` already ran), and
    uses the model stack as one level of dealloc nesting.
    """
    trash = tstate.delete_later
    while trash:
        op = trash.pop()
        tstate.c_stack_used += _DEALLOC_COST
        _dealloc_now(op, op.ob_type)
        tstate.c_stack_used -= _DEALLOC_COST


def _cast(typ: object, val: object) -> object:
    """pyvm: ``typing.cast`` at run time: the value itself.

    pyvm's modules import ``typing`` for mypy only (the host's typing is never
    imported at run time: start-up cost). A module that casts binds ``cast``
    to this with ``globals()["cast"] = _cast`` for interpreted mode; mypyc
    compiles the casts away. (Not an ``else:`` of ``if TYPE_CHECKING:``:
    mypyc compiles that branch as unreachable code that raises.)"""
    return val


def _Py_NewReference(op: PyObject) -> None:
    """CPython: Objects/object.c:_Py_NewReference

    A recycled object (from a freelist) becomes a new reference: count 1, and in
    the debug mode one more reference in the total and one more live block."""
    op.ob_refcnt = 1
    if _debug.enabled:
        _debug.ref_total += 1
        _debug.blocks += 1


class _FreedTypeHolder:
    """pyvm: the types a freed object is given in the debug mode, one per
    original type, mapped to the original type's name (C fills freed memory with
    0xDD bytes, and ``_PyObject_IsFreed`` recognises the pattern). Every slot of
    a freed type is a fatal error, so any use of a freed object fails loudly."""

    freed: dict[PyTypeObject, str]
    by_type: dict[PyTypeObject, PyTypeObject]

    def __init__(self) -> None:
        self.freed = {}
        self.by_type = {}


_freed_type_holder: Final = _FreedTypeHolder()


def _freed_use(*args: object) -> NoReturn:
    """pyvm: every slot of a freed type: the first argument is the freed object."""
    what = "object"
    if args and isinstance(args[0], PyObject):
        what = f"{_debug_type_name(args[0])} object"
    Py_FatalError(f"use of a {what} after it was deallocated")


def _set_freed_slots(f: PyTypeObject) -> None:
    """pyvm: point every slot of a freed type at :func:`_freed_use`."""
    f.tp_dealloc = _freed_use
    f.tp_repr = _freed_use
    f.tp_str = _freed_use
    f.tp_hash = _freed_use
    f.tp_call = _freed_use
    f.tp_vectorcall = _freed_use
    f.tp_getattro = _freed_use
    f.tp_setattro = _freed_use
    f.tp_richcompare = _freed_use
    f.tp_iter = _freed_use
    f.tp_iternext = _freed_use
    f.tp_descr_get = _freed_use
    f.tp_descr_set = _freed_use
    f.tp_init = _freed_use
    f.tp_new = _freed_use
    f.tp_traverse = _freed_use
    f.tp_clear = _freed_use
    f.tp_finalize = _freed_use
    f.nb_add = _freed_use
    f.nb_subtract = _freed_use
    f.nb_multiply = _freed_use
    f.nb_remainder = _freed_use
    f.nb_divmod = _freed_use
    f.nb_power = _freed_use
    f.nb_negative = _freed_use
    f.nb_positive = _freed_use
    f.nb_absolute = _freed_use
    f.nb_bool = _freed_use
    f.nb_invert = _freed_use
    f.nb_lshift = _freed_use
    f.nb_rshift = _freed_use
    f.nb_and = _freed_use
    f.nb_xor = _freed_use
    f.nb_or = _freed_use
    f.nb_int = _freed_use
    f.nb_float = _freed_use
    f.nb_inplace_add = _freed_use
    f.nb_inplace_subtract = _freed_use
    f.nb_inplace_multiply = _freed_use
    f.nb_inplace_remainder = _freed_use
    f.nb_inplace_power = _freed_use
    f.nb_inplace_lshift = _freed_use
    f.nb_inplace_rshift = _freed_use
    f.nb_inplace_and = _freed_use
    f.nb_inplace_xor = _freed_use
    f.nb_inplace_or = _freed_use
    f.nb_floor_divide = _freed_use
    f.nb_true_divide = _freed_use
    f.nb_inplace_floor_divide = _freed_use
    f.nb_inplace_true_divide = _freed_use
    f.nb_index = _freed_use
    f.nb_matrix_multiply = _freed_use
    f.nb_inplace_matrix_multiply = _freed_use
    f.sq_length = _freed_use
    f.sq_concat = _freed_use
    f.sq_repeat = _freed_use
    f.sq_item = _freed_use
    f.sq_ass_item = _freed_use
    f.sq_contains = _freed_use
    f.sq_inplace_concat = _freed_use
    f.sq_inplace_repeat = _freed_use
    f.mp_length = _freed_use
    f.mp_subscript = _freed_use
    f.mp_ass_subscript = _freed_use
    f.am_await = _freed_use
    f.am_aiter = _freed_use
    f.am_anext = _freed_use
    f.am_send = _freed_use


def _freed_type(tp: PyTypeObject) -> PyTypeObject:
    """pyvm: the freed type standing for ``tp`` (made once per type)."""
    f = _freed_type_holder.by_type.get(tp)
    if f is None:
        f = PyTypeObject(f"<freed {tp.tp_name} object>")
        _set_freed_slots(f)
        _freed_type_holder.by_type[tp] = f
        _freed_type_holder.freed[f] = tp.tp_name
    return f


def _poison(op: PyObject) -> None:
    """CPython: Objects/object.c:_PyObject_IsFreed

    pyvm: mark a deallocated object in the debug mode (its type becomes the
    freed type of its original type, its count a large negative number)."""
    tp = op.ob_type
    if tp not in _freed_type_holder.freed:
        op.ob_type = _freed_type(tp)
        op.ob_refcnt = -(1 << 20)


def Py_TYPE(op: PyObject) -> PyTypeObject:
    """CPython: Include/object.h:Py_TYPE"""
    return op.ob_type


def Py_IS_TYPE(op: PyObject, tp: PyTypeObject) -> bool:
    """CPython: Include/object.h:Py_IS_TYPE"""
    return op.ob_type is tp


def PyType_HasFeature(tp: PyTypeObject, feature: int) -> bool:
    """CPython: Include/object.h:PyType_HasFeature"""
    return (tp.tp_flags & feature) != 0


def PyType_IsSubtype(a: PyTypeObject, b: PyTypeObject) -> bool:
    """CPython: Objects/typeobject.c:PyType_IsSubtype

    Walks ``tp_mro`` when the type is ready, else the ``tp_base`` chain, as
    ``type_is_subtype_base_chain`` does.
    """
    if a is b:
        return True
    mro = a.tp_mro
    if mro is not None:
        # tp_mro is a PyTupleObject; its items are read through the helper that
        # typeobject installs, to keep this module free of a tuple import.
        for t in _mro_items(mro):
            if t is b:
                return True
        return False
    base: Optional[PyTypeObject] = a.tp_base
    while base is not None:
        if base is b:
            return True
        base = base.tp_base
    return b is _object_type_holder.object_type


def PyObject_TypeCheck(op: PyObject, tp: PyTypeObject) -> bool:
    """CPython: Include/object.h:PyObject_TypeCheck"""
    return op.ob_type is tp or PyType_IsSubtype(op.ob_type, tp)


class _ObjectTypeHolder:
    """pyvm: ``PyBaseObject_Type`` once typeobject has made it, for the base-chain
    walk of :func:`PyType_IsSubtype` on types that are not ready yet."""

    object_type: Optional[PyTypeObject]
    mro_items: Optional[Callable[[PyObject], list[PyObject]]]

    def __init__(self) -> None:
        self.object_type = None
        self.mro_items = None


_object_type_holder: Final = _ObjectTypeHolder()


def _mro_items(mro: PyObject) -> list[PyObject]:
    """pyvm: the items of a ``tp_mro`` tuple (installed by tupleobject)."""
    f = _object_type_holder.mro_items
    assert f is not None
    return f(mro)


# ---------------------------------------------------------------------------
# Errors (Python/errors.c)


class PyErr(Exception):
    """pyvm: the host exception that carries a pyvm exception out of a function,
    in place of C's ``return NULL`` with the thread state's exception set.

    ``exc_type`` is always set; ``exc_value`` is the exception instance once
    normalized; until then ``msg`` (a host string) or ``arg`` (one pyvm object)
    holds what C's ``PyErr_SetString`` / ``PyErr_SetObject`` were given.
    """

    exc_type: PyTypeObject
    exc_value: Optional[PyObject]
    msg: Optional[str]
    arg: Optional[PyObject]

    def __init__(self, exc_type: PyTypeObject, exc_value: Optional[PyObject] = None,
                 msg: Optional[str] = None, arg: Optional[PyObject] = None) -> None:
        super().__init__()
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.msg = msg
        self.arg = arg

    def matches(self, tp: PyTypeObject) -> bool:
        """CPython: Python/errors.c:PyErr_ExceptionMatches"""
        return self.exc_type is tp or PyType_IsSubtype(self.exc_type, tp)

    def normalize(self) -> PyObject:
        """CPython: Python/errors.c:_PyErr_NormalizeException

        Returns the exception instance (a borrowed reference owned by this
        carrier), creating it on first use through the hook that
        ``pyvm.objects.exceptions`` installs.
        """
        v = self.exc_value
        if v is None:
            make = _err_hooks.make_exception
            assert make is not None, "pyvm.objects.exceptions is not initialised"
            v = make(self.exc_type, self.msg, self.arg)
            self.exc_value = v
            self.exc_type = v.ob_type
        return v

    def __str__(self) -> str:
        """pyvm: a readable form for host-side diagnostics only."""
        return f"{self.exc_type.tp_name}: {self.msg if self.msg is not None else ''}"


class _ErrHooks:
    """pyvm: the exception module's constructor, installed at import time so that
    this module need not import the concrete object modules."""

    make_exception: Optional[
        Callable[[PyTypeObject, Optional[str], Optional[PyObject]], PyObject]]

    def __init__(self) -> None:
        self.make_exception = None


_err_hooks: Final = _ErrHooks()


def PyErr_SetString(exc_type: PyTypeObject, msg: str) -> NoReturn:
    """CPython: Python/errors.c:PyErr_SetString"""
    raise PyErr(exc_type, None, msg, None)


def PyErr_Format(exc_type: PyTypeObject, msg: str) -> NoReturn:
    """CPython: Python/errors.c:PyErr_Format

    pyvm: the caller formats with an f-string; C's ``%R``/``%S`` become explicit
    ``PyObject_Repr`` calls at the call site.
    """
    raise PyErr(exc_type, None, msg, None)


def PyErr_SetObject(exc_type: PyTypeObject, value: Optional[PyObject]) -> NoReturn:
    """CPython: Python/errors.c:PyErr_SetObject

    ``value`` is the single constructor argument (a borrowed reference; the
    carrier takes its own when the exception is created), or ``None`` for no
    arguments.
    """
    raise PyErr(exc_type, None, None, value)


def PyErr_SetFromErrno(exc_type: PyTypeObject, errno: int) -> NoReturn:
    """CPython: Python/errors.c:PyErr_SetFromErrno

    CPython: Python/errors.c:PyErr_SetFromErrnoWithFilenameObjects
    Raises ``exc_type(errno, strerror(errno))`` (``OSError`` becomes the
    subclass the errno maps to, ``BrokenPipeError`` for ``EPIPE``). pyvm: C
    reads ``errno``; the caller passes the host's, from a host ``OSError``
    raised by the host stream pyvm wrote to.
    """
    import os  # pyvm: only on this error path
    from pyvm.objects.call import PyObject_Vectorcall  # cycle: call imports us
    from pyvm.objects.longobject import PyLong_FromLong  # cycle: longobject imports us
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    e = PyLong_FromLong(errno)
    m = PyUnicode_FromString(os.strerror(errno) if errno else "Error")
    try:
        exc = PyObject_Vectorcall(exc_type, [e, m], 0, 2, None)
    finally:
        Py_DECREF(e)
        Py_DECREF(m)
    _PyErr_Raise(exc)


def PyErr_CheckSignals() -> None:
    """CPython: Modules/signalmodule.c:PyErr_CheckSignals

    Run what a signal left pending: a Ctrl-C noticed by the launcher's handler
    becomes the program's ``KeyboardInterrupt`` here. Long-running C code
    (``SIGCHECK`` in longobject.c's multiplication and power) calls it between
    steps.
    """
    check = _tstate.interp.eval_breaker_check
    if check is None:
        return
    try:
        check()
    except KeyboardInterrupt:
        from pyvm.objects.exceptions import PyExc_KeyboardInterrupt  # cycle
        PyErr_SetNone(PyExc_KeyboardInterrupt)


def PyErr_SetNone(exc_type: PyTypeObject) -> NoReturn:
    """CPython: Python/errors.c:PyErr_SetNone"""
    raise PyErr(exc_type, None, None, None)


def _PyErr_Raise(exc: PyObject) -> NoReturn:
    """pyvm: raise an existing exception instance (steals the reference), as the
    eval loop's RAISE_VARARGS does after ``do_raise`` has checked it."""
    raise PyErr(exc.ob_type, exc, None, None)


def _PyErr_Clear(err: PyErr) -> None:
    """pyvm: drop a caught error for good (C's ``PyErr_Clear`` after a failure
    it ignores): the carrier's reference to the exception instance goes."""
    v = err.exc_value
    if v is not None:
        err.exc_value = None
        Py_DECREF(v)


def write_unraisable_exc_file(exc_type: PyTypeObject, exc_value: Optional[PyObject],
                              exc_tb: Optional[PyObject], err_msg: Optional[str],
                              obj: Optional[PyObject], file: PyObject) -> None:
    """CPython: Python/errors.c:write_unraisable_exc_file

    The default ``sys.unraisablehook``: the message (or ``Exception ignored
    in: <obj repr>``), the traceback, then ``module.Type: str(value)``.
    """
    from pyvm.eval.traceback import PyTraceBack_Print  # cycle: the eval layer sits above
    from pyvm.modules.bltinmodule import PyFile_WriteObjectRaw, PyFile_WriteString  # cycle
    from pyvm.objects.call import PyObject_CallMethodNoArgs  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    if obj is not None and obj is not Py_None:
        if err_msg is not None:
            PyFile_WriteString(err_msg, file)
            PyFile_WriteString(": ", file)
        else:
            PyFile_WriteString("Exception ignored in: ", file)
        try:
            r = PyObject_Repr(obj)
        except PyErr as e:
            _PyErr_Clear(e)
            PyFile_WriteString("<object repr() failed>", file)
        else:
            try:
                PyFile_WriteObjectRaw(r, file)
            finally:
                Py_DECREF(r)
        PyFile_WriteString("\n", file)
    elif err_msg is not None:
        PyFile_WriteString(err_msg, file)
        PyFile_WriteString(":\n", file)
    if exc_tb is not None and exc_tb is not Py_None:
        try:
            PyTraceBack_Print(exc_tb, file)
        except PyErr as e:
            _PyErr_Clear(e)
    try:
        modulename: Optional[PyObject] = PyObject_GetAttr(exc_type, PyUnicode_InternFromString("__module__"))
    except PyErr as e:
        _PyErr_Clear(e)
        modulename = None
    if modulename is None or not PyUnicode_Check(modulename):
        Py_XDECREF(modulename)
        PyFile_WriteString("<unknown>", file)
    else:
        mod = _unicode_value(modulename)
        if mod != "builtins" and mod != "__main__":
            PyFile_WriteObjectRaw(modulename, file)
            PyFile_WriteString(".", file)
        Py_DECREF(modulename)
    try:
        qualname: Optional[PyObject] = PyObject_GetAttr(exc_type, PyUnicode_InternFromString("__qualname__"))
    except PyErr as e:
        _PyErr_Clear(e)
        qualname = None
    if qualname is None or not PyUnicode_Check(qualname):
        Py_XDECREF(qualname)
        PyFile_WriteString("<unknown>", file)
    else:
        try:
            PyFile_WriteObjectRaw(qualname, file)
        finally:
            Py_DECREF(qualname)
    if exc_value is not None and exc_value is not Py_None:
        PyFile_WriteString(": ", file)
        try:
            s = PyObject_Str(exc_value)
        except PyErr as e:
            _PyErr_Clear(e)
            PyFile_WriteString("<exception str() failed>", file)
        else:
            try:
                PyFile_WriteObjectRaw(s, file)
            finally:
                Py_DECREF(s)
    PyFile_WriteString("\n", file)
    # _PyFile_Flush
    res = PyObject_CallMethodNoArgs(file, PyUnicode_InternFromString("flush"))
    Py_DECREF(res)


def format_unraisable_v(err: PyErr, err_msg: Optional[str], obj: Optional[PyObject]) -> None:
    """CPython: Python/errors.c:format_unraisable_v

    CPython: Python/errors.c:write_unraisable_exc
    Reports an exception nobody can handle (a failing weakref callback or
    ``__del__``) on ``sys.stderr``, then clears it. C fetches the exception
    from the thread state; pyvm passes the caught carrier ``err``. When the
    exception has no traceback, one is made from the current frame, as C does.
    pyvm: ``sys.unraisablehook`` is not consulted yet (pyvm's ``sys`` has no
    ``UnraisableHookArgs``): the default hook always writes.
    """
    from pyvm.eval.traceback import PyTraceBack_Here  # cycle
    from pyvm.modules.sysmodule import _PySys_GetAttr  # cycle
    from pyvm.objects.exceptions import PyException_GetTraceback  # cycle
    exc = err.normalize()
    err.exc_value = None  # the reference is ours now
    try:
        tb = PyException_GetTraceback(exc)
        if tb is None:
            frame = _tstate.current_frame
            if frame is not None:
                PyTraceBack_Here(frame, exc)
                tb = PyException_GetTraceback(exc)
        try:
            file = _PySys_GetAttr("stderr")
            if file is not None and file is not Py_None:
                Py_INCREF(file)
                try:
                    write_unraisable_exc_file(exc.ob_type, exc, tb, err_msg, obj, file)
                finally:
                    Py_DECREF(file)
        except PyErr as e:
            _PyErr_Clear(e)
        finally:
            Py_XDECREF(tb)
    finally:
        Py_DECREF(exc)


def _PyErr_FormatNote(err: PyErr, note: str) -> None:
    """CPython: Python/errors.c:_PyErr_FormatNote

    Adds ``note`` to the exception being raised (its ``add_note``).
    """
    from pyvm.objects.exceptions import BaseException_add_note  # cycle: exceptions imports us
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    exc = err.normalize()
    n = PyUnicode_FromString(note)
    try:
        r = BaseException_add_note(exc, n)
        Py_DECREF(r)
    finally:
        Py_DECREF(n)


def PyErr_FormatUnraisable(err: PyErr, msg: str) -> None:
    """CPython: Python/errors.c:PyErr_FormatUnraisable

    pyvm: the caller formats ``msg`` (C's ``%R`` becomes a repr at the call
    site) and passes the caught error.
    """
    format_unraisable_v(err, msg, None)


def PyErr_WriteUnraisable(err: PyErr, obj: Optional[PyObject]) -> None:
    """CPython: Python/errors.c:PyErr_WriteUnraisable"""
    format_unraisable_v(err, None, obj)


# ===========================================================================
# Objects/object.c: the generic object protocol (H-objA).
#
# The type of types and the root of the hierarchy are created here, at the
# bottom of the core, rather than in typeobject.py: every module that builds a
# static type at import time (codeobject's ``PyCode_Type``, say) imports this
# module first, so ``type`` is always there to become the new type's ``ob_type``.
# typeobject.py fills in their slots and re-exports them.

PyType_Type: Final = PyTypeObject("type")
PyType_Type.ob_type = PyType_Type
PyType_Type.tp_flags = (Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TYPE_SUBCLASS
                        | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_IMMUTABLETYPE)
_type_type_holder.type_type = PyType_Type
PyBaseObject_Type: Final = PyTypeObject("object", None, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_IMMUTABLETYPE,
                                        "The base class of the class hierarchy.")
_object_type_holder.object_type = PyBaseObject_Type
PyType_Type.tp_base = PyBaseObject_Type

# pyvm: the static ``_PyNone_Type`` of Objects/object.c
_PyNone_Type: Final = PyTypeObject("NoneType", None, Py_TPFLAGS_IMMUTABLETYPE)
# pyvm: the static ``_PyNotImplemented_Type`` of Objects/object.c
_PyNotImplemented_Type: Final = PyTypeObject("NotImplementedType", None, Py_TPFLAGS_IMMUTABLETYPE)


def _Py_SetImmortalNew(op: PyObject) -> None:
    """pyvm: make a just-created object immortal, as if statically allocated (its
    creation no longer counts in the debug mode's reference total)."""
    _Py_SetImmortal(op)


def _Py_MakeImmortal(tp: PyTypeObject) -> PyObject:
    """pyvm: a statically allocated singleton (``_Py_NoneStruct`` and friends)."""
    op = PyObject(tp)
    _Py_SetImmortalNew(op)
    return op


# CPython: Include/object.h:Py_None
Py_None: Final = _Py_MakeImmortal(_PyNone_Type)
# CPython: Include/object.h:Py_NotImplemented
Py_NotImplemented: Final = _Py_MakeImmortal(_PyNotImplemented_Type)

# pyvm: the static ``_Py_SwappedOp`` of Objects/object.c
_Py_SwappedOp: Final = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE]
_opstrings: Final = ["<", "<=", "==", "!=", ">", ">="]


class PyObjectWithDict(PyObject):
    """pyvm: an object that carries an instance ``__dict__``.

    C finds the dict through ``tp_dictoffset`` / ``Py_TPFLAGS_MANAGED_DICT``
    (``_PyObject_ComputedDictPointer``); here the layouts that have one derive
    from this class, and the generic attribute code tests ``isinstance``. The
    dict is created on first store. Subclasses' ``tp_dealloc`` must release it
    (:func:`_PyObject_ClearDict`).
    """

    ob_dict: Optional[PyObject]

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.ob_dict = None


def _PyObject_ClearDict(op: PyObjectWithDict) -> None:
    """pyvm: release the instance dict (the ``Py_CLEAR(*dictptr)`` of a dealloc)."""
    d = op.ob_dict
    if d is not None:
        op.ob_dict = None
        Py_DECREF(d)


def _PyObject_GetDictPtr(obj: PyObject) -> Optional[PyObject]:
    """CPython: Objects/object.c:_PyObject_GetDictPtr

    pyvm: returns the dict itself (borrowed), or None when the object has none
    yet (or cannot have one).
    """
    if isinstance(obj, PyObjectWithDict):
        return obj.ob_dict
    if obj.ob_type.tp_flags & Py_TPFLAGS_MANAGED_DICT:
        return _managed_dicts.dicts.get(id(obj))
    return None


class _ManagedDicts:
    """pyvm: the instance dicts of objects whose layout has no dict field.

    A class statement deriving from a builtin type with its own layout (``list``,
    ``dict``, ``int`` …) gets instances of that builtin's host class, which has no
    ``ob_dict``. Such heap types carry ``Py_TPFLAGS_MANAGED_DICT`` and their
    instances keep their dict here, keyed by identity; ``subtype_dealloc``
    (typeobject.py) releases the entry when the instance dies, so an identity is
    never reused while its entry lives.
    """

    dicts: dict[int, PyObject]

    def __init__(self) -> None:
        self.dicts = {}


_managed_dicts: Final = _ManagedDicts()


def _PyObject_ManagedDictCreate(obj: PyObject) -> PyObject:
    """pyvm: the managed dict of ``obj`` (see :class:`_ManagedDicts`), created on
    first use; borrowed."""
    d = _managed_dicts.dicts.get(id(obj))
    if d is None:
        from pyvm.objects.dictobject import PyDict_New  # cycle
        d = PyDict_New()
        _managed_dicts.dicts[id(obj)] = d
    return d


def _PyObject_ClearManagedDict(obj: PyObject) -> None:
    """pyvm: release the managed dict of a dying object."""
    d = _managed_dicts.dicts.pop(id(obj), None)
    if d is not None:
        Py_DECREF(d)


# CPython: Include/internal/pycore_object.h:MANAGED_WEAKREF_OFFSET
# pyvm: the value every type that supports weak references carries in
# ``tp_weaklistoffset``; it is not an offset, the lists live in _WeakrefLists.
MANAGED_WEAKREF_OFFSET: Final = -32


def _PyType_SUPPORTS_WEAKREFS(tp: PyTypeObject) -> bool:
    """CPython: Include/internal/pycore_object.h:_PyType_SUPPORTS_WEAKREFS"""
    return tp.tp_weaklistoffset != 0


class _WeakrefLists:
    """pyvm: the head of each weakly referenced object's list of weak references
    (the slot C finds at ``tp_weaklistoffset``), keyed by the object's identity.

    Why a side table is explained in pyvm/objects/weakrefobject.py. An entry
    exists only while the list is not empty; the weak references in a list hold
    their referent (``wr_object``) as a host reference, so an identity cannot be
    reused while its entry lives. ``clear`` is weakrefobject's
    ``PyObject_ClearWeakRefs`` body, installed when that module is imported
    (no weak reference can exist before).
    """

    heads: dict[int, PyObject]
    clear: Optional[Callable[[PyObject], None]]

    def __init__(self) -> None:
        self.heads = {}
        self.clear = None


_weakref_lists: Final = _WeakrefLists()


def PyObject_ClearWeakRefs(op: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:PyObject_ClearWeakRefs

    Called by the dealloc of every type that supports weak references, before
    the object's contents go: clears the weak references to ``op`` and runs
    their callbacks. pyvm: this is C's fast path ("no list"), kept here so that
    a dealloc needs no import of weakrefobject; the rest is
    ``weakrefobject._PyObject_ClearWeakRefs``.
    """
    heads = _weakref_lists.heads
    if heads and id(op) in heads:
        f = _weakref_lists.clear
        assert f is not None
        f(op)


def _PyType_CheckReady(tp: PyTypeObject) -> None:
    """pyvm: the ``if (!_PyType_IsReady(tp)) PyType_Ready(tp)`` of the generic code."""
    if tp.tp_dict is None:
        from pyvm.objects.typeobject import PyType_Ready  # cycle: typeobject imports us
        PyType_Ready(tp)


def _unicode_value(op: PyObject) -> str:
    """pyvm: the host text of a str object (attribute names, messages)."""
    from pyvm.objects.unicodeobject import PyUnicodeObject  # cycle: str imports us
    assert isinstance(op, PyUnicodeObject)
    return op.value


def PyUnicode_Check(op: PyObject) -> bool:
    """CPython: Include/unicodeobject.h:PyUnicode_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_UNICODE_SUBCLASS) != 0


def _Py_HashPointer(p: object) -> int:
    """CPython: Python/pyhash.c:Py_HashPointer

    The address (``id``) rotated right by 4 bits, since the low bits of an
    aligned pointer are always zero.
    """
    y = id(p) & 0xFFFFFFFFFFFFFFFF
    y = ((y >> 4) | (y << 60)) & 0xFFFFFFFFFFFFFFFF
    if y >= 1 << 63:
        y -= 1 << 64
    if y == -1:
        y = -2
    return y


def PyObject_Repr(v: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_Repr

    Returns a new reference to a str.
    """
    tp = v.ob_type
    f = tp.tp_repr
    if f is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.tp_repr
    if f is None:
        from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
        return PyUnicode_FromString(f"<{tp.tp_name} object at {id(v):#x}>")
    _Py_EnterRecursiveCall(" while getting the repr of an object")
    try:
        res = f(v)
    finally:
        _Py_LeaveRecursiveCall()
    if not PyUnicode_Check(res):
        Py_DECREF(res)
        from pyvm.objects.exceptions import PyExc_TypeError  # cycle
        PyErr_Format(PyExc_TypeError,
                     f"__repr__ returned non-string (type {res.ob_type.tp_name})")
    return res


def PyObject_Str(v: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_Str"""
    from pyvm.objects.unicodeobject import PyUnicode_Type  # cycle
    tp = v.ob_type
    if tp is PyUnicode_Type:
        return Py_NewRef(v)
    f = tp.tp_str
    if f is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.tp_str
    if f is None:
        return PyObject_Repr(v)
    _Py_EnterRecursiveCall(" while getting the str of an object")
    try:
        res = f(v)
    finally:
        _Py_LeaveRecursiveCall()
    if not PyUnicode_Check(res):
        Py_DECREF(res)
        from pyvm.objects.exceptions import PyExc_TypeError  # cycle
        PyErr_Format(PyExc_TypeError,
                     f"__str__ returned non-string (type {res.ob_type.tp_name})")
    return res


def _PyObject_ReprStr(v: PyObject) -> str:
    """pyvm: ``repr(v)`` as host text, for messages that C formats with ``%R``."""
    r = PyObject_Repr(v)
    s = _unicode_value(r)
    Py_DECREF(r)
    return s


def _PyObject_StrStr(v: PyObject) -> str:
    """pyvm: ``str(v)`` as host text, for C's ``%S``."""
    r = PyObject_Str(v)
    s = _unicode_value(r)
    Py_DECREF(r)
    return s


class _RecursionState:
    """pyvm: the list behind ``Py_ReprEnter`` (C keeps it in the thread state's
    dict under the key ``Py_Repr``)."""

    repr_seen: dict[int, PyObject]

    def __init__(self) -> None:
        self.repr_seen = {}


_recursion: Final = _RecursionState()


def _Py_CheckRecursiveCall(tstate: PyThreadState, where: str) -> None:
    """CPython: Python/ceval.c:_Py_CheckRecursiveCall

    Called with the model stack already past the soft limit (see
    ``pyvm.pystate.Py_C_STACK_SIZE``). Handling an overflow may go on into the
    margin (``recursion_headroom``); past the hard limit it is fatal, as C's
    "Unrecoverable stack overflow". Returns normally when the call may go on.
    """
    used = tstate.c_stack_used
    if used > _C_STACK_HARD_LIMIT:
        Py_FatalError(f"Unrecoverable stack overflow (used {used // 1024} kB){where}")
    if tstate.recursion_headroom:
        return
    tstate.recursion_headroom += 1
    try:
        from pyvm.objects.exceptions import PyExc_RecursionError  # cycle
        PyErr_SetString(PyExc_RecursionError,
                        f"Stack overflow (used {used // 1024} kB){where}")
    finally:
        tstate.recursion_headroom -= 1


def _Py_EnterRecursiveCallTstate(tstate: PyThreadState, where: str, cost: int) -> None:
    """CPython: Include/internal/pycore_ceval.h:_Py_EnterRecursiveCallTstate

    pyvm: ``cost`` is what the guarded C level takes of the model stack
    (C's stack pointer moves by itself); it is taken here and given back by
    ``_Py_LeaveRecursiveCallTstate`` with the same cost. Raises RecursionError
    (nothing taken) when the soft limit is passed.
    """
    used = tstate.c_stack_used + cost
    tstate.c_stack_used = used
    if used > _C_STACK_SOFT_LIMIT:       # C: _Py_MakeRecCheck
        try:
            _Py_CheckRecursiveCall(tstate, where)
        except PyErr:
            tstate.c_stack_used -= cost
            raise


def _Py_LeaveRecursiveCallTstate(tstate: PyThreadState, cost: int) -> None:
    """CPython: Include/internal/pycore_ceval.h:_Py_LeaveRecursiveCallTstate"""
    tstate.c_stack_used -= cost


def _Py_EnterRecursiveCall(where: str) -> None:
    """CPython: Include/internal/pycore_ceval.h:_Py_EnterRecursiveCall

    One level of C recursion (``_C_LEVEL_COST`` of the model stack); every
    call is paired with ``_Py_LeaveRecursiveCall``.
    """
    _Py_EnterRecursiveCallTstate(_tstate, where, _C_LEVEL_COST)


def _Py_LeaveRecursiveCall() -> None:
    """CPython: Include/internal/pycore_ceval.h:_Py_LeaveRecursiveCall"""
    _tstate.c_stack_used -= _C_LEVEL_COST


def Py_ReprEnter(obj: PyObject) -> bool:
    """CPython: Objects/object.c:Py_ReprEnter

    True when ``obj`` is already being repr'd further up (print ``[...]``).
    pyvm: C scans a list; a dict keyed by identity keeps a 40,000-deep repr
    linear (an object is entered at most once, so the dict is the list's set).
    """
    seen = _recursion.repr_seen
    key = id(obj)
    if key in seen:
        return True
    seen[key] = obj
    return False


def Py_ReprLeave(obj: PyObject) -> None:
    """CPython: Objects/object.c:Py_ReprLeave"""
    seen = _recursion.repr_seen
    key = id(obj)
    if key in seen:
        del seen[key]


def do_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/object.c:do_richcompare"""
    vt = v.ob_type
    wt = w.ob_type
    if vt.tp_richcompare is None and vt.tp_dict is None:
        _PyType_CheckReady(vt)
    if wt.tp_richcompare is None and wt.tp_dict is None:
        _PyType_CheckReady(wt)
    checked_reverse_op = False
    if vt is not wt and PyType_IsSubtype(wt, vt):
        f = wt.tp_richcompare
        if f is not None:
            checked_reverse_op = True
            res = f(w, v, _Py_SwappedOp[op])
            if res is not Py_NotImplemented:
                return res
    f = vt.tp_richcompare
    if f is not None:
        res = f(v, w, op)
        if res is not Py_NotImplemented:
            return res
    if not checked_reverse_op:
        f = wt.tp_richcompare
        if f is not None:
            res = f(w, v, _Py_SwappedOp[op])
            if res is not Py_NotImplemented:
                return res
    from pyvm.objects.boolobject import Py_False, Py_True  # cycle
    if op == Py_EQ:
        return Py_True if v is w else Py_False
    if op == Py_NE:
        return Py_True if v is not w else Py_False
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_Format(PyExc_TypeError,
                 f"'{_opstrings[op]}' not supported between instances of "
                 f"'{vt.tp_name}' and '{wt.tp_name}'")


def PyObject_RichCompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/object.c:PyObject_RichCompare

    Returns a new reference (NotImplemented never escapes).
    """
    _Py_EnterRecursiveCall(" in comparison")
    try:
        return do_richcompare(v, w, op)
    finally:
        _Py_LeaveRecursiveCall()


def PyObject_RichCompareBool(v: PyObject, w: PyObject, op: int) -> bool:
    """CPython: Objects/object.c:PyObject_RichCompareBool

    Identity implies equality (the shortcut containers rely on).
    """
    if v is w:
        if op == Py_EQ:
            return True
        if op == Py_NE:
            return False
    res = PyObject_RichCompare(v, w, op)
    from pyvm.objects.boolobject import Py_False, Py_True  # cycle
    if res is Py_True:
        return True
    if res is Py_False:
        return False
    ok = PyObject_IsTrue(res)
    Py_DECREF(res)
    return ok


def PyObject_HashNotImplemented(v: PyObject) -> int:
    """CPython: Objects/object.c:PyObject_HashNotImplemented"""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_Format(PyExc_TypeError, f"unhashable type: '{v.ob_type.tp_name}'")


def PyObject_Hash(v: PyObject) -> int:
    """CPython: Objects/object.c:PyObject_Hash"""
    tp = v.ob_type
    f = tp.tp_hash
    if f is not None:
        return f(v)
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.tp_hash
        if f is not None:
            return f(v)
    return PyObject_HashNotImplemented(v)


def PyObject_IsTrue(v: PyObject) -> bool:
    """CPython: Objects/object.c:PyObject_IsTrue"""
    if v is Py_None:
        return False
    tp = v.ob_type
    nb = tp.nb_bool
    if nb is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        nb = tp.nb_bool
    if nb is not None:
        return nb(v)
    ln = tp.mp_length
    if ln is not None:
        return ln(v) > 0
    ln = tp.sq_length
    if ln is not None:
        return ln(v) > 0
    return True


def PyObject_Not(v: PyObject) -> bool:
    """CPython: Objects/object.c:PyObject_Not"""
    return not PyObject_IsTrue(v)


def PyCallable_Check(x: PyObject) -> bool:
    """CPython: Objects/object.c:PyCallable_Check"""
    tp = x.ob_type
    if tp.tp_call is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
    return tp.tp_call is not None or (
        (tp.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) != 0 and tp.tp_vectorcall is not None)


def _PyObject_SetAttributeErrorContext(v: PyObject, name: PyObject, e: PyErr) -> PyErr:
    """CPython: Objects/object.c:_PyObject_SetAttributeErrorContext

    Records ``name`` and ``obj`` on an AttributeError so that the traceback
    printer can offer "Did you mean" suggestions. Returns the carrier to re-raise.
    """
    from pyvm.objects.exceptions import (  # cycle
        PyAttributeErrorObject, PyExc_AttributeError)
    if not e.matches(PyExc_AttributeError):
        return e
    exc = e.normalize()
    if isinstance(exc, PyAttributeErrorObject) and exc.name is None and exc.obj is None:
        exc.name = Py_NewRef(name)
        exc.obj = Py_NewRef(v)
    return e


def _PyObject_RaiseNoAttribute(tp_name: str, v: PyObject, name: PyObject) -> NoReturn:
    """pyvm: ``PyErr_Format(AttributeError, "'%.100s' object has no attribute
    '%U'")`` followed by ``_PyObject_SetAttributeErrorContext``."""
    from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
    e = PyErr(PyExc_AttributeError, None,
              f"'{tp_name}' object has no attribute '{_unicode_value(name)}'", None)
    raise _PyObject_SetAttributeErrorContext(v, name, e)


def _attr_name_check(name: PyObject) -> None:
    """pyvm: the TypeError for an attribute name that is not a str."""
    if not PyUnicode_Check(name):
        from pyvm.objects.exceptions import PyExc_TypeError  # cycle
        PyErr_Format(PyExc_TypeError,
                     f"attribute name must be string, not '{name.ob_type.tp_name}'")


def PyObject_GetAttr(v: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_GetAttr

    Returns a new reference.
    """
    tp = v.ob_type
    if not PyUnicode_Check(name):
        _attr_name_check(name)
    f = tp.tp_getattro
    if f is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.tp_getattro
    if f is None:
        _PyObject_RaiseNoAttribute(tp.tp_name, v, name)
    try:
        return f(v, name)
    except PyErr as e:
        raise _PyObject_SetAttributeErrorContext(v, name, e)


def PyObject_GetAttrString(v: PyObject, name: str) -> PyObject:
    """CPython: Objects/object.c:PyObject_GetAttrString"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return PyObject_GetAttr(v, PyUnicode_InternFromString(name))


def PyObject_GetOptionalAttr(v: PyObject, name: PyObject) -> Optional[PyObject]:
    """CPython: Objects/object.c:PyObject_GetOptionalAttr

    Returns a new reference, or None when the attribute does not exist
    (AttributeError suppressed); other errors propagate.
    """
    tp = v.ob_type
    if not PyUnicode_Check(name):
        _attr_name_check(name)
    f = tp.tp_getattro
    if f is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.tp_getattro
    if f is PyObject_GenericGetAttr:
        return _PyObject_GenericGetAttrWithDict(v, name, None, True)
    if f is None:
        return None
    try:
        return f(v, name)
    except PyErr as e:
        from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
        if e.matches(PyExc_AttributeError):
            _PyErr_Clear(e)
            return None
        raise


def PyObject_HasAttrWithError(v: PyObject, name: PyObject) -> bool:
    """CPython: Objects/object.c:PyObject_HasAttrWithError"""
    res = PyObject_GetOptionalAttr(v, name)
    if res is None:
        return False
    Py_DECREF(res)
    return True


def PyObject_SetAttr(v: PyObject, name: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/object.c:PyObject_SetAttr

    ``value`` None deletes the attribute (C passes NULL).
    """
    tp = v.ob_type
    if not PyUnicode_Check(name):
        _attr_name_check(name)
    f = tp.tp_setattro
    if f is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.tp_setattro
    if f is not None:
        f(v, name, value)
        return
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    what = "del" if value is None else "assign to"
    if tp.tp_getattro is None:
        PyErr_Format(PyExc_TypeError,
                     f"'{tp.tp_name}' object has no attributes ({what} .{_unicode_value(name)})")
    PyErr_Format(PyExc_TypeError,
                 f"'{tp.tp_name}' object has only read-only attributes ({what} .{_unicode_value(name)})")


def PyObject_DelAttr(v: PyObject, name: PyObject) -> None:
    """CPython: Objects/object.c:PyObject_DelAttr"""
    PyObject_SetAttr(v, name, None)


def PyDescr_IsData(d: PyObject) -> bool:
    """CPython: Include/cpython/descrobject.h:PyDescr_IsData"""
    return d.ob_type.tp_descr_set is not None


class _DictApi:
    """pyvm: the dict functions the generic attribute code needs, fetched from
    dictobject on first use (dictobject imports this module, so a module-level
    import would be a cycle, and a function-level one would run on every lookup)."""

    getitem: Optional[Callable[[PyObject, PyObject], Optional[PyObject]]]

    def __init__(self) -> None:
        self.getitem = None


_dict_api: Final = _DictApi()


def _dict_getitem(d: PyObject, key: PyObject) -> Optional[PyObject]:
    """pyvm: ``PyDict_GetItemWithError`` (borrowed result) through :class:`_DictApi`."""
    f = _dict_api.getitem
    if f is None:
        from pyvm.objects.dictobject import PyDict_GetItemWithError  # cycle
        f = PyDict_GetItemWithError
        _dict_api.getitem = f
    return f(d, key)


# CPython: Include/internal/pycore_interp_structs.h:MCACHE_SIZE_EXP
MCACHE_SIZE_EXP: Final = 12
_MCACHE_MASK: Final = (1 << MCACHE_SIZE_EXP) - 1


class _TypeCache:
    """CPython: Include/internal/pycore_interp_structs.h:type_cache

    The method cache of ``_PyType_Lookup``: 4096 entries of (type, name, value).
    pyvm: C validates an entry by the type's ``tp_version_tag``; here every entry
    carries the cache *epoch*, which :func:`PyType_Modified` (any change to a type's
    dict, bases or MRO, and every newly readied type) advances, invalidating all
    entries at once. Only immortal (interned) names are cached, as C caches only
    interned names (``MCACHE_CACHEABLE_NAME``).
    """

    types: list[Optional[PyTypeObject]]
    names: list[Optional[PyObject]]
    values: list[Optional[PyObject]]
    epochs: list[int]
    epoch: int

    def __init__(self) -> None:
        n = 1 << MCACHE_SIZE_EXP
        self.types = [None] * n
        self.names = [None] * n
        self.values = [None] * n
        self.epochs = [-1] * n
        self.epoch = 0


_type_cache: Final = _TypeCache()


def PyType_Modified(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:PyType_Modified

    Invalidates the method cache (see :class:`_TypeCache`).
    """
    _type_cache.epoch += 1
    tp.tp_version_tag = 0


def find_name_in_mro(tp: PyTypeObject, name: PyObject) -> Optional[PyObject]:
    """CPython: Objects/typeobject.c:find_name_in_mro

    Walks ``tp_mro``: a borrowed reference to the first definition, or None.
    """
    mro = tp.tp_mro
    if mro is None:
        _PyType_CheckReady(tp)
        mro = tp.tp_mro
        assert mro is not None
    for base in _mro_items(mro):
        assert isinstance(base, PyTypeObject)
        d = base.tp_dict
        assert d is not None
        res = _dict_getitem(d, name)
        if res is not None:
            return res
    return None


def _PyType_Lookup(tp: PyTypeObject, name: PyObject) -> Optional[PyObject]:
    """CPython: Objects/typeobject.c:_PyType_Lookup

    The MRO lookup of ``name`` through the method cache: a borrowed reference or
    None.
    """
    cache = _type_cache
    h = ((id(tp) >> 4) ^ (id(name) >> 4)) & _MCACHE_MASK
    if cache.types[h] is tp and cache.names[h] is name and cache.epochs[h] == cache.epoch:
        return cache.values[h]
    res = find_name_in_mro(tp, name)
    if name.ob_refcnt >= _Py_IMMORTAL_REFCNT and tp.tp_mro is not None:
        cache.types[h] = tp
        cache.names[h] = name
        cache.values[h] = res
        cache.epochs[h] = cache.epoch
    return res


def _PyObject_GenericGetAttrWithDict(obj: PyObject, name: PyObject,
                                     dict: Optional[PyObject], suppress: bool) -> Optional[PyObject]:
    """CPython: Objects/object.c:_PyObject_GenericGetAttrWithDict

    Data descriptors on the type win over the instance dict, which wins over
    non-data descriptors and plain class attributes. Returns a new reference;
    None only when ``suppress`` and the attribute is missing.
    """
    tp = obj.ob_type
    if not PyUnicode_Check(name):
        _attr_name_check(name)
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)
    descr = _PyType_Lookup(tp, name)
    f: Optional[descrgetfunc] = None
    if descr is not None:
        Py_INCREF(descr)
        f = descr.ob_type.tp_descr_get
        if f is not None and descr.ob_type.tp_descr_set is not None:
            try:
                return f(descr, obj, tp)
            except PyErr as e:
                if suppress:
                    from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
                    if e.matches(PyExc_AttributeError):
                        _PyErr_Clear(e)
                        return None
                raise
            finally:
                Py_DECREF(descr)
    if dict is None:
        if isinstance(obj, PyObjectWithDict):
            dict = obj.ob_dict
        elif tp.tp_flags & Py_TPFLAGS_MANAGED_DICT:
            dict = _managed_dicts.dicts.get(id(obj))
    if dict is not None:
        res = _dict_getitem(dict, name)
        if res is not None:
            Py_INCREF(res)
            if descr is not None:
                Py_DECREF(descr)
            return res
    if f is not None:
        assert descr is not None
        try:
            return f(descr, obj, tp)
        except PyErr as e:
            if suppress:
                from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
                if e.matches(PyExc_AttributeError):
                    _PyErr_Clear(e)
                    return None
            raise
        finally:
            Py_DECREF(descr)
    if descr is not None:
        return descr
    if suppress:
        return None
    _PyObject_RaiseNoAttribute(tp.tp_name, obj, name)


def PyObject_GenericGetAttr(obj: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_GenericGetAttr"""
    res = _PyObject_GenericGetAttrWithDict(obj, name, None, False)
    assert res is not None
    return res


def _PyObject_GenericSetAttrWithDict(obj: PyObject, name: PyObject,
                                     value: Optional[PyObject], dict: Optional[PyObject]) -> None:
    """CPython: Objects/object.c:_PyObject_GenericSetAttrWithDict"""
    tp = obj.ob_type
    if not PyUnicode_Check(name):
        _attr_name_check(name)
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)
    descr = _PyType_Lookup(tp, name)
    if descr is not None:
        fset = descr.ob_type.tp_descr_set
        if fset is not None:
            Py_INCREF(descr)
            try:
                fset(descr, obj, value)
            finally:
                Py_DECREF(descr)
            return
    from pyvm.objects.dictobject import PyDict_DelItem, PyDict_New, PyDict_SetItem  # cycle
    from pyvm.objects.exceptions import PyExc_AttributeError, PyExc_KeyError  # cycle
    if dict is None and not isinstance(obj, PyObjectWithDict) \
            and tp.tp_flags & Py_TPFLAGS_MANAGED_DICT:
        if value is None:
            dict = _managed_dicts.dicts.get(id(obj))
            if dict is None:
                _PyObject_RaiseNoAttribute(tp.tp_name, obj, name)
        else:
            dict = _PyObject_ManagedDictCreate(obj)
    if dict is None:
        if not isinstance(obj, PyObjectWithDict):
            if descr is None:
                if tp.tp_setattro is PyObject_GenericSetAttr:
                    e = PyErr(PyExc_AttributeError, None,
                              f"'{tp.tp_name}' object has no attribute '{_unicode_value(name)}' "
                              "and no __dict__ for setting new attributes", None)
                    raise _PyObject_SetAttributeErrorContext(obj, name, e)
                _PyObject_RaiseNoAttribute(tp.tp_name, obj, name)
            PyErr_Format(PyExc_AttributeError,
                         f"'{tp.tp_name}' object attribute '{_unicode_value(name)}' is read-only")
        dict = obj.ob_dict
        if dict is None:
            if value is None:
                _PyObject_RaiseNoAttribute(tp.tp_name, obj, name)
            dict = PyDict_New()
            obj.ob_dict = dict
    if value is None:
        try:
            PyDict_DelItem(dict, name)
        except PyErr as e:
            if e.matches(PyExc_KeyError):
                _PyErr_Clear(e)
                _PyObject_RaiseNoAttribute(tp.tp_name, obj, name)
            raise
    else:
        PyDict_SetItem(dict, name, value)


def PyObject_GenericSetAttr(obj: PyObject, name: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/object.c:PyObject_GenericSetAttr"""
    _PyObject_GenericSetAttrWithDict(obj, name, value, None)


def _PyObject_GetMethod(obj: PyObject, name: PyObject) -> tuple[PyObject, bool]:
    """CPython: Objects/object.c:_PyObject_GetMethod

    The LOAD_ATTR method form. Returns ``(attr, True)`` when ``attr`` is an
    unbound method descriptor to be called with ``obj`` prepended, else
    ``(attr, False)`` with the ordinary attribute value. New reference either way.
    """
    tp = obj.ob_type
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)
    if tp.tp_getattro is not PyObject_GenericGetAttr or not PyUnicode_Check(name):
        return PyObject_GetAttr(obj, name), False
    descr = _PyType_Lookup(tp, name)
    f: Optional[descrgetfunc] = None
    meth_found = False
    if descr is not None:
        dt = descr.ob_type
        if dt.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR:
            meth_found = True
        else:
            f = dt.tp_descr_get
            if f is not None and dt.tp_descr_set is not None:
                Py_INCREF(descr)
                try:
                    return f(descr, obj, tp), False
                finally:
                    Py_DECREF(descr)
    if isinstance(obj, PyObjectWithDict):
        d = obj.ob_dict
        if d is not None:
            res = _dict_getitem(d, name)
            if res is not None:
                return Py_NewRef(res), False
    elif tp.tp_flags & Py_TPFLAGS_MANAGED_DICT:
        d = _managed_dicts.dicts.get(id(obj))
        if d is not None:
            res = _dict_getitem(d, name)
            if res is not None:
                return Py_NewRef(res), False
    if descr is not None:
        if meth_found:
            return Py_NewRef(descr), True
        if f is not None:
            Py_INCREF(descr)
            try:
                return f(descr, obj, tp), False
            finally:
                Py_DECREF(descr)
        return Py_NewRef(descr), False
    _PyObject_RaiseNoAttribute(tp.tp_name, obj, name)


def PyObject_SelfIter(obj: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_SelfIter"""
    return Py_NewRef(obj)


def PyObject_Init(op: PyObject, tp: PyTypeObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_Init

    pyvm: the host constructor already set the header; kept for the name.
    """
    op.ob_type = tp
    return op


def PyObject_ASCII(v: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_ASCII"""
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    s = _PyObject_ReprStr(v)
    out: list[str] = []
    for ch in s:
        c = ord(ch)
        if c < 128:
            out.append(ch)
        elif c < 0x100:
            out.append(f"\\x{c:02x}")
        elif c < 0x10000:
            out.append(f"\\u{c:04x}")
        else:
            out.append(f"\\U{c:08x}")
    return PyUnicode_FromString("".join(out))


# --- None and NotImplemented -------------------------------------------------


def none_repr(op: PyObject) -> PyObject:
    """CPython: Objects/object.c:none_repr"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return Py_NewRef(PyUnicode_InternFromString("None"))


def none_bool(op: PyObject) -> bool:
    """CPython: Objects/object.c:none_bool"""
    return False


def none_hash(op: PyObject) -> int:
    """CPython: Objects/object.c:none_hash"""
    return 0xFCA86420


def none_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/object.c:none_new"""
    _check_no_args(tp, args, kwds, "NoneType")
    return Py_None


def notimplemented_repr(op: PyObject) -> PyObject:
    """CPython: Objects/object.c:NotImplemented_repr"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return Py_NewRef(PyUnicode_InternFromString("NotImplemented"))


def notimplemented_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/object.c:notimplemented_new"""
    _check_no_args(tp, args, kwds, "NotImplementedType")
    return Py_NotImplemented


def _check_no_args(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject], name: str) -> None:
    """pyvm: the argument check of ``none_new`` / ``notimplemented_new``."""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    from pyvm.objects.dictobject import PyDict_Size  # cycle
    if (isinstance(args, PyTupleObject) and len(args.ob_item) > 0) or (
            kwds is not None and PyDict_Size(kwds) > 0):
        PyErr_Format(PyExc_TypeError, f"{name} takes no arguments")


_PyNone_Type.tp_repr = none_repr
_PyNone_Type.nb_bool = none_bool
_PyNone_Type.tp_hash = none_hash
_PyNone_Type.tp_new = none_new
def notimplemented_bool(op: PyObject) -> bool:
    """CPython: Objects/object.c:notimplemented_bool"""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_SetString(PyExc_TypeError, "NotImplemented should not be used in a boolean context")


_PyNotImplemented_Type.nb_bool = notimplemented_bool
_PyNotImplemented_Type.tp_repr = notimplemented_repr
_PyNotImplemented_Type.tp_new = notimplemented_new
