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
counted. With ``PYVM_DEBUG_REFS=1`` (or ``-X refdebug``), deallocation poisons the
object so a use after free fails loudly, and :data:`_Py_RefTotal` counts live
references as ``sys.gettotalrefcount()`` does in a debug build of CPython.
"""

from __future__ import annotations

import os
from typing import Callable, Final, NoReturn, Optional

# CPython: Include/refcount.h:_Py_IMMORTAL_INITIAL_REFCNT
# pyvm: the value only has to be large and fixed; C uses 3 << 30 on 64-bit builds.
_Py_IMMORTAL_REFCNT: Final = 3 << 30


class _DebugState:
    """pyvm: the switches of the reference-count debug mode, read once at start-up."""

    enabled: bool
    ref_total: int

    def __init__(self) -> None:
        self.enabled = os.environ.get("PYVM_DEBUG_REFS", "") not in ("", "0")
        self.ref_total = 0


_debug: Final = _DebugState()


def _PyRefDebug_Enable(on: bool) -> None:
    """pyvm: turn the debug mode on from the command line (``-X refdebug``)."""
    _debug.enabled = on


def _Py_GetRefTotal() -> int:
    """pyvm: the live reference total of the debug mode (a debug build of CPython
    reports it as ``sys.gettotalrefcount()``)."""
    return _debug.ref_total


class PyObject:
    """CPython: Include/object.h:PyObject

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


class PyVarObject(PyObject):
    """CPython: Include/object.h:PyVarObject

    pyvm: variable-size objects keep their items in a host list, so ``ob_size`` is
    only stored where C's code reads it separately from the items (``int`` does not
    need it).
    """


# Slot signatures (Include/object.h typedefs). Arguments that C passes as
# ``PyObject *const *args, size_t nargs`` are a host list and its bounds.
unaryfunc = Callable[[PyObject], PyObject]
binaryfunc = Callable[[PyObject, PyObject], PyObject]
ternaryfunc = Callable[[PyObject, PyObject, PyObject], PyObject]
inquiry = Callable[[PyObject], bool]
lenfunc = Callable[[PyObject], int]
ssizeargfunc = Callable[[PyObject, int], PyObject]
ssizeobjargproc = Callable[[PyObject, int, Optional[PyObject]], None]
objobjproc = Callable[[PyObject, PyObject], bool]
objobjargproc = Callable[[PyObject, PyObject, Optional[PyObject]], None]
reprfunc = Callable[[PyObject], PyObject]
hashfunc = Callable[[PyObject], int]
richcmpfunc = Callable[[PyObject, PyObject, int], PyObject]
getiterfunc = Callable[[PyObject], PyObject]
# tp_iternext: the next item, or None when exhausted without an error.
iternextfunc = Callable[[PyObject], Optional[PyObject]]
getattrofunc = Callable[[PyObject, PyObject], PyObject]
# tp_setattro: value None means delete.
setattrofunc = Callable[[PyObject, PyObject, Optional[PyObject]], None]
descrgetfunc = Callable[[PyObject, Optional[PyObject], Optional[PyObject]], PyObject]
descrsetfunc = Callable[[PyObject, PyObject, Optional[PyObject]], None]
destructor = Callable[[PyObject], None]
# tp_call(callable, args tuple, kwargs dict or None)
callfunc = Callable[[PyObject, PyObject, Optional[PyObject]], PyObject]
# vectorcall(callable, args, start, nargs, kwnames): the positional arguments are
# args[start:start + nargs], followed by one value per name of the kwnames tuple.
vectorcallfunc = Callable[[PyObject, list[PyObject], int, int, Optional[PyObject]], PyObject]
# tp_new(type, args tuple, kwargs dict or None); tp_init likewise, returning nothing.
newfunc = Callable[["PyTypeObject", PyObject, Optional[PyObject]], PyObject]
initproc = Callable[[PyObject, PyObject, Optional[PyObject]], None]
visitproc = Callable[[PyObject], None]
traverseproc = Callable[[PyObject, visitproc], None]

# CPython: Include/object.h:Py_TPFLAGS_DEFAULT (and the flags beside it)
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
    """

    tp_name: str
    tp_basicsize: int
    tp_itemsize: int
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
            self.ob_refcnt = _Py_IMMORTAL_REFCNT
        self.tp_name = name
        self.tp_basicsize = 0
        self.tp_itemsize = 0
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


class _TypeTypeHolder:
    """pyvm: where the bootstrap of ``type`` leaves ``PyType_Type`` so that every
    later ``PyTypeObject`` gets it as its ``ob_type``."""

    type_type: Optional[PyTypeObject]

    def __init__(self) -> None:
        self.type_type = None


_type_type_holder: Final = _TypeTypeHolder()


def _Py_SetImmortal(op: PyObject) -> None:
    """CPython: Objects/object.c:_Py_SetImmortal"""
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


def _Py_NegativeRefcount(op: PyObject) -> NoReturn:
    """CPython: Objects/object.c:_Py_NegativeRefcount

    pyvm: in C this aborts the process; here it is a host error that the test
    suite reports, since it is always a bug in pyvm, never in the user program.
    """
    raise SystemError(
        f"pyvm: negative reference count on a {op.ob_type.tp_name} object")


def _Py_Dealloc(op: PyObject) -> None:
    """CPython: Objects/object.c:_Py_Dealloc"""
    dealloc = op.ob_type.tp_dealloc
    if _debug.enabled:
        tp = op.ob_type
        if tp is _freed_type_holder.freed:
            raise SystemError("pyvm: object deallocated twice")
        if dealloc is not None:
            dealloc(op)
        _poison(op)
        return
    if dealloc is not None:
        dealloc(op)


class _FreedTypeHolder:
    """pyvm: the type a freed object is given in the debug mode, so that any slot
    lookup on it fails loudly (C fills freed memory with 0xDD bytes)."""

    freed: Optional[PyTypeObject]

    def __init__(self) -> None:
        self.freed = None


_freed_type_holder: Final = _FreedTypeHolder()


def _poison(op: PyObject) -> None:
    """pyvm: mark a deallocated object in the debug mode."""
    freed = _freed_type_holder.freed
    if freed is None:
        freed = PyTypeObject("<freed object>")
        _freed_type_holder.freed = freed
    if op.ob_type is not freed:
        op.ob_type = freed
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


def PyErr_SetNone(exc_type: PyTypeObject) -> NoReturn:
    """CPython: Python/errors.c:PyErr_SetNone"""
    raise PyErr(exc_type, None, None, None)


def _PyErr_Raise(exc: PyObject) -> NoReturn:
    """pyvm: raise an existing exception instance (steals the reference), as the
    eval loop's RAISE_VARARGS does after ``do_raise`` has checked it."""
    raise PyErr(exc.ob_type, exc, None, None)
