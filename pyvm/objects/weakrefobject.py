"""Ports Objects/weakrefobject.c, Include/cpython/weakrefobject.h and
Include/internal/pycore_weakref.h: weak references (``weakref.ref``) and weak
proxies (``weakref.proxy``).

A weak reference (:class:`PyWeakReference`) points at its referent through
``wr_object`` without owning a reference to it. Every weakly referenced object
has a doubly linked list of the weak references to it (``wr_prev`` /
``wr_next``). When the referent dies, its dealloc calls
``PyObject_ClearWeakRefs``, which empties the list (``wr_object`` becomes
``None``: the reference is dead) and then calls the callbacks, in list order,
each with its weak reference; an exception in a callback is reported as
unraisable and ignored.

The list is ordered as in C: the basic reference (an exact ``ref`` without a
callback) comes first, then the basic proxy; ``ref(o)`` or ``proxy(o)`` without
a callback returns that shared object again instead of a new one. Every other
reference (with a callback, or of a ``ref`` subclass) is inserted right after
the basic ones, so those callbacks run newest first.

Where the list lives. C finds the head of the list in a field of the referent
at ``tp_weaklistoffset`` (non-zero only for the types that support weak
references: functions, types, sets, instances of classes, ...). pyvm keeps the
heads in a side table keyed by the referent's identity
(``object._WeakrefLists``), and ``tp_weaklistoffset`` only says whether a type
supports weak references. Why a table rather than a field: (1) the instances
of a class deriving from a builtin (``class L(list)``) are the builtin's host
object, which has no room for an extra field, as pyvm's managed dicts already
found; (2) a field on the ``PyObject`` header would grow every int and str for
the few objects that are ever weakly referenced; (3) the dealloc fast path of
``PyObject_ClearWeakRefs`` stays one test of an empty host dict. The entry of
an object is removed when its list empties, and while it exists its weak
references hold the object itself as a host reference, so an identity can
never be reused under a live entry.

Types are immortal in pyvm (they are never deallocated), so weak references to
classes never die.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.abstract import (
    Py_GenericAlias,
    PyIter_Check,
    PyNumber_Absolute,
    PyNumber_Add,
    PyNumber_And,
    PyNumber_Divmod,
    PyNumber_Float,
    PyNumber_FloorDivide,
    PyNumber_Index,
    PyNumber_InPlaceAdd,
    PyNumber_InPlaceAnd,
    PyNumber_InPlaceFloorDivide,
    PyNumber_InPlaceLshift,
    PyNumber_InPlaceMatrixMultiply,
    PyNumber_InPlaceMultiply,
    PyNumber_InPlaceOr,
    PyNumber_InPlacePower,
    PyNumber_InPlaceRemainder,
    PyNumber_InPlaceRshift,
    PyNumber_InPlaceSubtract,
    PyNumber_InPlaceTrueDivide,
    PyNumber_InPlaceXor,
    PyNumber_Invert,
    PyNumber_Long,
    PyNumber_Lshift,
    PyNumber_MatrixMultiply,
    PyNumber_Multiply,
    PyNumber_Negative,
    PyNumber_Or,
    PyNumber_Positive,
    PyNumber_Power,
    PyNumber_Remainder,
    PyNumber_Rshift,
    PyNumber_Subtract,
    PyNumber_TrueDivide,
    PyNumber_Xor,
    PyObject_DelItem,
    PyObject_GetItem,
    PyObject_GetIter,
    PyObject_Length,
    PyObject_SetItem,
    PySequence_Contains,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.call import (
    PyObject_Call,
    PyObject_CallMethodNoArgs,
    PyObject_CallOneArg,
)
from pyvm.objects.descrobject import (
    PyMemberDef,
    _PyType_AddMembers,
    _PyType_AddMethods,
)
from pyvm.objects.dictobject import PyDict_Size
from pyvm.objects.exceptions import (
    PyExc_ReferenceError,
    PyExc_SystemError,
    PyExc_TypeError,
)
from pyvm.objects.methodobject import METH_CLASS, METH_NOARGS, METH_O, PyMethodDef
from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NE,
    Py_NewRef,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_HAVE_VECTORCALL,
    Py_XDECREF,
    PyCallable_Check,
    PyErr,
    PyErr_FormatUnraisable,
    PyErr_SetString,
    PyObject,
    PyObject_GetAttr,
    PyObject_Hash,
    PyObject_IsTrue,
    PyObject_RichCompare,
    PyObject_SetAttr,
    PyObject_Str,
    PyType_IsSubtype,
    PyTypeObject,
    _PyErr_Clear,
    _PyObject_ReprStr,
    _PyType_SUPPORTS_WEAKREFS,
    _weakref_lists,
    binaryfunc,
    unaryfunc,
    visitproc,
)
from pyvm.objects.tupleobject import PyTupleObject
from pyvm.objects.typeobject import _PyObject_LookupSpecial
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicodeObject,
    _PyArg_CheckPositional,
)


class PyWeakReference(PyObject):
    """CPython: Include/cpython/weakrefobject.h:_PyWeakReference

    ``wr_object`` is the referent, not owned (C's "stealth reference"), or
    ``Py_None`` once the reference is dead. ``wr_callback`` is owned, or None.
    ``hash`` caches the referent's hash (-1: not computed yet). ``wr_prev`` /
    ``wr_next`` link the referent's list. The same layout serves ``ref``,
    its subclasses and both proxy types.
    """

    wr_object: PyObject
    wr_callback: Optional[PyObject]
    hash: int
    wr_prev: Optional[PyWeakReference]
    wr_next: Optional[PyWeakReference]

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.wr_object = Py_None
        self.wr_callback = None
        self.hash = -1
        self.wr_prev = None
        self.wr_next = None


# pyvm: the static ``_PyWeakref_RefType`` of Objects/weakrefobject.c
_PyWeakref_RefType: Final = PyTypeObject(
    "weakref.ReferenceType", None,
    Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_BASETYPE)
# pyvm: the static ``_PyWeakref_ProxyType`` of Objects/weakrefobject.c
_PyWeakref_ProxyType: Final = PyTypeObject("weakref.ProxyType", None, Py_TPFLAGS_HAVE_GC)
# pyvm: the static ``_PyWeakref_CallableProxyType`` of Objects/weakrefobject.c
_PyWeakref_CallableProxyType: Final = PyTypeObject(
    "weakref.CallableProxyType", None, Py_TPFLAGS_HAVE_GC)


def PyWeakref_CheckRef(op: PyObject) -> bool:
    """CPython: Include/weakrefobject.h:PyWeakref_CheckRef"""
    return op.ob_type is _PyWeakref_RefType or PyType_IsSubtype(op.ob_type, _PyWeakref_RefType)


def PyWeakref_CheckRefExact(op: PyObject) -> bool:
    """CPython: Include/weakrefobject.h:PyWeakref_CheckRefExact"""
    return op.ob_type is _PyWeakref_RefType


def PyWeakref_CheckProxy(op: PyObject) -> bool:
    """CPython: Include/weakrefobject.h:PyWeakref_CheckProxy"""
    tp = op.ob_type
    return tp is _PyWeakref_ProxyType or tp is _PyWeakref_CallableProxyType


def PyWeakref_Check(op: PyObject) -> bool:
    """CPython: Include/weakrefobject.h:PyWeakref_Check"""
    return PyWeakref_CheckRef(op) or PyWeakref_CheckProxy(op)


# ---------------------------------------------------------------------------
# The list head (C's GET_WEAKREFS_LISTPTR)


def _get_head(obj: PyObject) -> Optional[PyWeakReference]:
    """CPython: Objects/weakrefobject.c:GET_WEAKREFS_LISTPTR

    pyvm: reads the head of ``obj``'s list from the side table (borrowed).
    """
    h = _weakref_lists.heads.get(id(obj))
    if h is None:
        return None
    assert isinstance(h, PyWeakReference)
    return h


def _set_head(obj: PyObject, head: Optional[PyWeakReference]) -> None:
    """pyvm: stores the head of ``obj``'s list (``*list = head``); an empty list
    has no entry."""
    if head is None:
        _weakref_lists.heads.pop(id(obj), None)
    else:
        _weakref_lists.heads[id(obj)] = head


def _is_dead(obj: PyObject) -> bool:
    """CPython: Include/internal/pycore_weakref.h:_is_dead

    The referent's count has reached zero: it is being deallocated and its
    weak references are about to be cleared.
    """
    return obj.ob_refcnt <= 0


def _PyWeakref_GET_REF(ref: PyObject) -> Optional[PyObject]:
    """CPython: Include/internal/pycore_weakref.h:_PyWeakref_GET_REF

    A new reference to the referent, or None when the reference is dead.
    """
    assert isinstance(ref, PyWeakReference)
    obj = ref.wr_object
    if obj is Py_None or _is_dead(obj):
        return None
    Py_INCREF(obj)
    return obj


def _PyWeakref_IS_DEAD(ref: PyObject) -> bool:
    """CPython: Include/internal/pycore_weakref.h:_PyWeakref_IS_DEAD"""
    assert isinstance(ref, PyWeakReference)
    obj = ref.wr_object
    return obj is Py_None or _is_dead(obj)


def _PyWeakref_GetWeakrefCount(obj: PyObject) -> int:
    """CPython: Objects/weakrefobject.c:_PyWeakref_GetWeakrefCount"""
    if not _PyType_SUPPORTS_WEAKREFS(obj.ob_type):
        return 0
    count = 0
    head = _get_head(obj)
    while head is not None:
        count += 1
        head = head.wr_next
    return count


def init_weakref(self: PyWeakReference, ob: PyObject, callback: Optional[PyObject]) -> None:
    """CPython: Objects/weakrefobject.c:init_weakref

    Takes a new reference to ``callback``.
    """
    self.hash = -1
    self.wr_object = ob
    self.wr_prev = None
    self.wr_next = None
    if callback is not None:
        Py_INCREF(callback)
    self.wr_callback = callback


def clear_weakref_lock_held(self: PyWeakReference, take_callback: bool) -> Optional[PyObject]:
    """CPython: Objects/weakrefobject.c:clear_weakref_lock_held

    Unlinks ``self`` from its referent's list and makes it dead. With
    ``take_callback`` (C's non-NULL ``callback`` pointer) the callback is
    stolen out of the reference and returned (an owned reference, or None).
    """
    obj = self.wr_object
    if obj is not Py_None:
        if _get_head(obj) is self:
            # If self is the last one, the list becomes empty.
            _set_head(obj, self.wr_next)
        self.wr_object = Py_None
        if self.wr_prev is not None:
            self.wr_prev.wr_next = self.wr_next
        if self.wr_next is not None:
            self.wr_next.wr_prev = self.wr_prev
        self.wr_prev = None
        self.wr_next = None
    if take_callback:
        cb = self.wr_callback
        self.wr_callback = None
        return cb
    return None


def clear_weakref(op: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:clear_weakref

    Clears the reference and releases its callback.
    """
    assert isinstance(op, PyWeakReference)
    cb = clear_weakref_lock_held(op, True)
    Py_XDECREF(cb)


def _PyWeakref_ClearRef(self: PyWeakReference) -> None:
    """CPython: Objects/weakrefobject.c:_PyWeakref_ClearRef

    Clears just the reference, leaving the callback in place (uncalled).
    """
    clear_weakref_lock_held(self, False)


def weakref_dealloc(op: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:weakref_dealloc"""
    clear_weakref(op)


def gc_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/weakrefobject.c:gc_traverse"""
    assert isinstance(op, PyWeakReference)
    cb = op.wr_callback
    if cb is not None:
        visit(cb)


def gc_clear(op: PyObject) -> bool:
    """CPython: Objects/weakrefobject.c:gc_clear"""
    assert isinstance(op, PyWeakReference)
    cb = clear_weakref_lock_held(op, True)
    Py_XDECREF(cb)
    return False


def weakref_vectorcall(self: PyObject, args: list[PyObject], start: int, nargs: int,
                       kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/weakrefobject.c:weakref_vectorcall

    ``r()``: the referent (new reference), or None when it is gone.
    """
    if kwnames is not None and isinstance(kwnames, PyTupleObject) and kwnames.ob_item:
        PyErr_SetString(PyExc_TypeError, "weakref() takes no keyword arguments")
    _PyArg_CheckPositional("weakref", nargs, 0, 0)
    obj = _PyWeakref_GET_REF(self)
    if obj is None:
        return Py_None
    return obj


def _weakref_call(self: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyVectorcall_Call

    The ``tp_call`` of ``ref``. pyvm: C reaches :func:`weakref_vectorcall`
    through the vectorcall pointer stored in each reference; pyvm's vectorcall
    lives on the type, which a subclass defining ``__call__`` gives up, while
    its ``super().__call__()`` must still get here.
    """
    assert isinstance(args, PyTupleObject)
    if kwargs is not None and PyDict_Size(kwargs) > 0:
        PyErr_SetString(PyExc_TypeError, "weakref() takes no keyword arguments")
    return weakref_vectorcall(self, args.ob_item, 0, len(args.ob_item), None)


def weakref_hash_lock_held(self: PyWeakReference) -> int:
    """CPython: Objects/weakrefobject.c:weakref_hash_lock_held

    The referent's hash, computed once and cached (so a reference keeps its
    hash after the referent dies).
    """
    if self.hash != -1:
        return self.hash
    obj = _PyWeakref_GET_REF(self)
    if obj is None:
        PyErr_SetString(PyExc_TypeError, "weak object has gone away")
    assert obj is not None
    try:
        self.hash = PyObject_Hash(obj)
    finally:
        Py_DECREF(obj)
    return self.hash


def weakref_hash(op: PyObject) -> int:
    """CPython: Objects/weakrefobject.c:weakref_hash"""
    assert isinstance(op, PyWeakReference)
    return weakref_hash_lock_held(op)


def weakref_repr(self: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:weakref_repr

    ``<weakref at 0x..; to 'C' at 0x..>`` with `` (name)`` when the referent
    has a ``__name__`` on its type (functions, classes); ``dead`` once gone.
    pyvm: addresses are host ``id()`` values, as elsewhere.
    """
    obj = _PyWeakref_GET_REF(self)
    if obj is None:
        return PyUnicode_FromString(f"<weakref at {id(self):#x}; dead>")
    try:
        name = _PyObject_LookupSpecial(obj, PyUnicode_InternFromString("__name__"))
        try:
            if name is None or not isinstance(name, PyUnicodeObject):
                return PyUnicode_FromString(
                    f"<weakref at {id(self):#x}; to '{obj.ob_type.tp_name}' at {id(obj):#x}>")
            return PyUnicode_FromString(
                f"<weakref at {id(self):#x}; to '{obj.ob_type.tp_name}' at {id(obj):#x}"
                f" ({name.value})>")
        finally:
            Py_XDECREF(name)
    finally:
        Py_DECREF(obj)


def weakref_richcompare(self: PyObject, other: PyObject, op: int) -> PyObject:
    """CPython: Objects/weakrefobject.c:weakref_richcompare

    Only ``==`` and ``!=``: two live references compare as their referents;
    if either is dead, they are equal only when they are the same object.
    """
    if (op != Py_EQ and op != Py_NE) or not PyWeakref_Check(self) or not PyWeakref_Check(other):
        return Py_NotImplemented
    obj = _PyWeakref_GET_REF(self)
    other_obj = _PyWeakref_GET_REF(other)
    if obj is None or other_obj is None:
        if obj is not None:
            Py_DECREF(obj)
        if other_obj is not None:
            Py_DECREF(other_obj)
        res = self is other
        if op == Py_NE:
            res = not res
        return Py_True if res else Py_False
    try:
        return PyObject_RichCompare(obj, other_obj, op)
    finally:
        Py_DECREF(obj)
        Py_DECREF(other_obj)


def get_basic_refs(head: Optional[PyWeakReference]
                   ) -> tuple[Optional[PyWeakReference], Optional[PyWeakReference]]:
    """CPython: Objects/weakrefobject.c:get_basic_refs

    The callback-less exact ``ref`` and proxy at the head of a list, if any
    (C's ``*refp`` / ``*proxyp``).
    """
    ref: Optional[PyWeakReference] = None
    proxy: Optional[PyWeakReference] = None
    if head is not None and head.wr_callback is None:
        # The basic refs must not be subclasses of the main types.
        if PyWeakref_CheckRefExact(head):
            ref = head
            head = head.wr_next
        if head is not None and head.wr_callback is None and PyWeakref_CheckProxy(head):
            proxy = head
    return ref, proxy


def insert_after(newref: PyWeakReference, prev: PyWeakReference) -> None:
    """CPython: Objects/weakrefobject.c:insert_after"""
    newref.wr_prev = prev
    newref.wr_next = prev.wr_next
    if prev.wr_next is not None:
        prev.wr_next.wr_prev = newref
    prev.wr_next = newref


def insert_head(newref: PyWeakReference, obj: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:insert_head

    pyvm: ``obj`` stands for C's list pointer (the head lives in the side table).
    """
    nxt = _get_head(obj)
    newref.wr_prev = None
    newref.wr_next = nxt
    if nxt is not None:
        nxt.wr_prev = newref
    _set_head(obj, newref)


def try_reuse_basic_ref(lst: Optional[PyWeakReference], tp: PyTypeObject,
                        callback: Optional[PyObject]) -> Optional[PyWeakReference]:
    """CPython: Objects/weakrefobject.c:try_reuse_basic_ref

    The existing basic ref or proxy to hand out again (a new reference), or
    None.
    """
    if callback is not None:
        return None
    ref, proxy = get_basic_refs(lst)
    cand: Optional[PyWeakReference] = None
    if tp is _PyWeakref_RefType:
        cand = ref
    if tp is _PyWeakref_ProxyType or tp is _PyWeakref_CallableProxyType:
        cand = proxy
    # _Py_TryIncref: a reference being deallocated cannot be reused.
    if cand is not None and cand.ob_refcnt > 0:
        Py_INCREF(cand)
        return cand
    return None


def is_basic_ref(ref: PyWeakReference) -> bool:
    """CPython: Objects/weakrefobject.c:is_basic_ref"""
    return ref.wr_callback is None and PyWeakref_CheckRefExact(ref)


def is_basic_proxy(proxy: PyWeakReference) -> bool:
    """CPython: Objects/weakrefobject.c:is_basic_proxy"""
    return proxy.wr_callback is None and PyWeakref_CheckProxy(proxy)


def is_basic_ref_or_proxy(wr: PyWeakReference) -> bool:
    """CPython: Objects/weakrefobject.c:is_basic_ref_or_proxy"""
    return is_basic_ref(wr) or is_basic_proxy(wr)


def insert_weakref(newref: PyWeakReference, obj: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:insert_weakref

    The basic ref goes first, the basic proxy after it, anything else after
    both.
    """
    ref, proxy = get_basic_refs(_get_head(obj))
    prev: Optional[PyWeakReference]
    if is_basic_ref(newref):
        prev = None
    elif is_basic_proxy(newref):
        prev = ref
    else:
        prev = ref if proxy is None else proxy
    if prev is None:
        insert_head(newref, obj)
    else:
        insert_after(newref, prev)


def allocate_weakref(tp: PyTypeObject, obj: PyObject,
                     callback: Optional[PyObject]) -> PyWeakReference:
    """CPython: Objects/weakrefobject.c:allocate_weakref"""
    newref = PyWeakReference(tp)
    init_weakref(newref, obj, callback)
    return newref


def get_or_create_weakref(tp: PyTypeObject, obj: PyObject,
                          callback: Optional[PyObject]) -> PyWeakReference:
    """CPython: Objects/weakrefobject.c:get_or_create_weakref

    A new reference: the shared basic ref/proxy when one fits, else a new
    weak reference of type ``tp`` linked into ``obj``'s list.
    """
    if not _PyType_SUPPORTS_WEAKREFS(obj.ob_type):
        PyErr_SetString(PyExc_TypeError,
                        f"cannot create weak reference to '{obj.ob_type.tp_name}' object")
    if callback is Py_None:
        callback = None
    if tp is _PyWeakref_RefType or tp is _PyWeakref_ProxyType \
            or tp is _PyWeakref_CallableProxyType:
        basic_ref = try_reuse_basic_ref(_get_head(obj), tp, callback)
        if basic_ref is not None:
            return basic_ref
    newref = allocate_weakref(tp, obj, callback)
    insert_weakref(newref, obj)
    return newref


def parse_weakref_init_args(funcname: str, args: PyObject) -> tuple[PyObject, Optional[PyObject]]:
    """CPython: Objects/weakrefobject.c:parse_weakref_init_args

    ``PyArg_UnpackTuple(args, funcname, 1, 2, ...)``: the object and the
    callback (None when not given).
    """
    assert isinstance(args, PyTupleObject)
    items = args.ob_item
    _PyArg_CheckPositional(funcname, len(items), 1, 2)
    return items[0], (items[1] if len(items) > 1 else None)


def weakref___new__(tp: PyTypeObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/weakrefobject.c:weakref___new__"""
    ob, callback = parse_weakref_init_args("__new__", args)
    return get_or_create_weakref(tp, ob, callback)


def weakref___init__(self: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> None:
    """CPython: Objects/weakrefobject.c:weakref___init__"""
    if kwargs is not None and PyDict_Size(kwargs) > 0:
        PyErr_SetString(PyExc_TypeError, "ref() takes no keyword arguments")
    parse_weakref_init_args("__init__", args)


def _weakref_get_callback(op: PyObject) -> PyObject:
    """pyvm: the ``__callback__`` entry of C's ``weakref_members`` table
    (Objects/weakrefobject.c): the callback, or None.
    """
    assert isinstance(op, PyWeakReference)
    cb = op.wr_callback
    return Py_NewRef(Py_None if cb is None else cb)


# ---------------------------------------------------------------------------
# Proxies


def proxy_check_ref(obj: Optional[PyObject]) -> PyObject:
    """CPython: Objects/weakrefobject.c:proxy_check_ref

    pyvm: returns the referent (the caller's reference), or raises
    ``ReferenceError`` for a dead proxy.
    """
    if obj is None:
        PyErr_SetString(PyExc_ReferenceError, "weakly-referenced object no longer exists")
    assert obj is not None
    return obj


def _unwrap(o: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:UNWRAP

    A new reference to ``o``, or to its referent if ``o`` is a proxy
    (``ReferenceError`` for a dead one).
    """
    if PyWeakref_CheckProxy(o):
        return proxy_check_ref(_PyWeakref_GET_REF(o))
    Py_INCREF(o)
    return o


def proxy_getattr(proxy: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY

    (``proxy_getattr``: ``PyObject_GetAttr`` on the referent.)
    """
    x = _unwrap(proxy)
    try:
        y = _unwrap(name)
    except PyErr:
        Py_DECREF(x)
        raise
    try:
        return PyObject_GetAttr(x, y)
    finally:
        Py_DECREF(x)
        Py_DECREF(y)


def proxy_str(proxy: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY

    (``proxy_str``: ``PyObject_Str`` on the referent.)
    """
    x = _unwrap(proxy)
    try:
        return PyObject_Str(x)
    finally:
        Py_DECREF(x)


def proxy_call(proxy: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_TERNARY

    (``proxy_call``: ``PyObject_Call`` on the referent.)
    """
    x = _unwrap(proxy)
    try:
        return PyObject_Call(x, args, kwargs)
    finally:
        Py_DECREF(x)


def proxy_repr(proxy: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:proxy_repr

    ``<weakproxy at 0x..; to 'C' at 0x..>``, or ``dead``.
    """
    obj = _PyWeakref_GET_REF(proxy)
    if obj is not None:
        r = f"<weakproxy at {id(proxy):#x}; to '{obj.ob_type.tp_name}' at {id(obj):#x}>"
        Py_DECREF(obj)
        return PyUnicode_FromString(r)
    return PyUnicode_FromString(f"<weakproxy at {id(proxy):#x}; dead>")


def proxy_setattr(proxy: PyObject, name: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/weakrefobject.c:proxy_setattr"""
    obj = proxy_check_ref(_PyWeakref_GET_REF(proxy))
    try:
        PyObject_SetAttr(obj, name, value)
    finally:
        Py_DECREF(obj)


def proxy_richcompare(proxy: PyObject, v: PyObject, op: int) -> PyObject:
    """CPython: Objects/weakrefobject.c:proxy_richcompare"""
    x = _unwrap(proxy)
    try:
        y = _unwrap(v)
    except PyErr:
        Py_DECREF(x)
        raise
    try:
        return PyObject_RichCompare(x, y, op)
    finally:
        Py_DECREF(x)
        Py_DECREF(y)


def _wrap_binary(x0: PyObject, y0: PyObject, generic: binaryfunc) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY

    The body the macro expands to: unwrap both operands, apply ``generic``.
    """
    x = _unwrap(x0)
    try:
        y = _unwrap(y0)
    except PyErr:
        Py_DECREF(x)
        raise
    try:
        return generic(x, y)
    finally:
        Py_DECREF(x)
        Py_DECREF(y)


def _wrap_unary(x0: PyObject, generic: unaryfunc) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY

    The body the macro expands to: unwrap the operand, apply ``generic``.
    """
    x = _unwrap(x0)
    try:
        return generic(x)
    finally:
        Py_DECREF(x)


def _wrap_ternary(x0: PyObject, v0: PyObject, w0: PyObject, inplace: bool) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_TERNARY

    (``proxy_pow`` / ``proxy_ipow``.)
    """
    x = _unwrap(x0)
    args: list[PyObject] = [x]
    try:
        args.append(_unwrap(v0))
        args.append(_unwrap(w0))
        if inplace:
            return PyNumber_InPlacePower(args[0], args[1], args[2])
        return PyNumber_Power(args[0], args[1], args[2])
    finally:
        for a in args:
            Py_DECREF(a)




def proxy_add(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_add)"""
    return _wrap_binary(x, y, PyNumber_Add)


def proxy_sub(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_sub)"""
    return _wrap_binary(x, y, PyNumber_Subtract)


def proxy_mul(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_mul)"""
    return _wrap_binary(x, y, PyNumber_Multiply)


def proxy_floor_div(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_floor_div)"""
    return _wrap_binary(x, y, PyNumber_FloorDivide)


def proxy_true_div(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_true_div)"""
    return _wrap_binary(x, y, PyNumber_TrueDivide)


def proxy_mod(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_mod)"""
    return _wrap_binary(x, y, PyNumber_Remainder)


def proxy_divmod(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_divmod)"""
    return _wrap_binary(x, y, PyNumber_Divmod)


def proxy_lshift(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_lshift)"""
    return _wrap_binary(x, y, PyNumber_Lshift)


def proxy_rshift(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_rshift)"""
    return _wrap_binary(x, y, PyNumber_Rshift)


def proxy_and(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_and)"""
    return _wrap_binary(x, y, PyNumber_And)


def proxy_xor(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_xor)"""
    return _wrap_binary(x, y, PyNumber_Xor)


def proxy_or(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_or)"""
    return _wrap_binary(x, y, PyNumber_Or)


def proxy_iadd(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_iadd)"""
    return _wrap_binary(x, y, PyNumber_InPlaceAdd)


def proxy_isub(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_isub)"""
    return _wrap_binary(x, y, PyNumber_InPlaceSubtract)


def proxy_imul(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_imul)"""
    return _wrap_binary(x, y, PyNumber_InPlaceMultiply)


def proxy_ifloor_div(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_ifloor_div)"""
    return _wrap_binary(x, y, PyNumber_InPlaceFloorDivide)


def proxy_itrue_div(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_itrue_div)"""
    return _wrap_binary(x, y, PyNumber_InPlaceTrueDivide)


def proxy_imod(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_imod)"""
    return _wrap_binary(x, y, PyNumber_InPlaceRemainder)


def proxy_ilshift(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_ilshift)"""
    return _wrap_binary(x, y, PyNumber_InPlaceLshift)


def proxy_irshift(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_irshift)"""
    return _wrap_binary(x, y, PyNumber_InPlaceRshift)


def proxy_iand(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_iand)"""
    return _wrap_binary(x, y, PyNumber_InPlaceAnd)


def proxy_ixor(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_ixor)"""
    return _wrap_binary(x, y, PyNumber_InPlaceXor)


def proxy_ior(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_ior)"""
    return _wrap_binary(x, y, PyNumber_InPlaceOr)


def proxy_getitem(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_getitem)"""
    return _wrap_binary(x, y, PyObject_GetItem)


def proxy_matmul(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_matmul)"""
    return _wrap_binary(x, y, PyNumber_MatrixMultiply)


def proxy_imatmul(x: PyObject, y: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY (proxy_imatmul)"""
    return _wrap_binary(x, y, PyNumber_InPlaceMatrixMultiply)


def proxy_neg(x: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY (proxy_neg)"""
    return _wrap_unary(x, PyNumber_Negative)


def proxy_pos(x: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY (proxy_pos)"""
    return _wrap_unary(x, PyNumber_Positive)


def proxy_abs(x: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY (proxy_abs)"""
    return _wrap_unary(x, PyNumber_Absolute)


def proxy_invert(x: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY (proxy_invert)"""
    return _wrap_unary(x, PyNumber_Invert)


def proxy_int(x: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY (proxy_int)"""
    return _wrap_unary(x, PyNumber_Long)


def proxy_float(x: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY (proxy_float)"""
    return _wrap_unary(x, PyNumber_Float)


def proxy_index(x: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY (proxy_index)"""
    return _wrap_unary(x, PyNumber_Index)


def proxy_pow(x: PyObject, v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_TERNARY (proxy_pow)"""
    return _wrap_ternary(x, v, w, False)


def proxy_ipow(x: PyObject, v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_TERNARY (proxy_ipow)"""
    return _wrap_ternary(x, v, w, True)


def proxy_bool(proxy: PyObject) -> bool:
    """CPython: Objects/weakrefobject.c:WRAP_UNARY

    (``proxy_bool``: the truth of the referent.)
    """
    o = proxy_check_ref(_PyWeakref_GET_REF(proxy))
    try:
        return PyObject_IsTrue(o)
    finally:
        Py_DECREF(o)


def proxy_dealloc(op: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:proxy_dealloc"""
    clear_weakref(op)


def proxy_contains(proxy: PyObject, value: PyObject) -> bool:
    """CPython: Objects/weakrefobject.c:proxy_contains"""
    obj = proxy_check_ref(_PyWeakref_GET_REF(proxy))
    try:
        return PySequence_Contains(obj, value)
    finally:
        Py_DECREF(obj)


def proxy_length(proxy: PyObject) -> int:
    """CPython: Objects/weakrefobject.c:proxy_length"""
    obj = proxy_check_ref(_PyWeakref_GET_REF(proxy))
    try:
        return PyObject_Length(obj)
    finally:
        Py_DECREF(obj)


def proxy_setitem(proxy: PyObject, key: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/weakrefobject.c:WRAP_BINARY

    (``proxy_setitem``: store or, for a None value, delete on the referent.)
    """
    obj = proxy_check_ref(_PyWeakref_GET_REF(proxy))
    try:
        if value is None:
            PyObject_DelItem(obj, key)
        else:
            PyObject_SetItem(obj, key, value)
    finally:
        Py_DECREF(obj)


def proxy_iter(proxy: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:proxy_iter"""
    obj = proxy_check_ref(_PyWeakref_GET_REF(proxy))
    try:
        return PyObject_GetIter(obj)
    finally:
        Py_DECREF(obj)


def proxy_iternext(proxy: PyObject) -> Optional[PyObject]:
    """CPython: Objects/weakrefobject.c:proxy_iternext"""
    obj = proxy_check_ref(_PyWeakref_GET_REF(proxy))
    try:
        if not PyIter_Check(obj):
            PyErr_SetString(PyExc_TypeError,
                            f"Weakref proxy referenced a non-iterator "
                            f"'{obj.ob_type.tp_name[:200]}' object")
        f = obj.ob_type.tp_iternext
        assert f is not None
        return f(obj)
    finally:
        Py_DECREF(obj)


def proxy_bytes(proxy: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_METHOD

    (``proxy_bytes``: ``obj.__bytes__()``.)
    """
    x = _unwrap(proxy)
    try:
        return PyObject_CallMethodNoArgs(x, PyUnicode_InternFromString("__bytes__"))
    finally:
        Py_DECREF(x)


def proxy_reversed(proxy: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:WRAP_METHOD

    (``proxy_reversed``: ``obj.__reversed__()``.)
    """
    x = _unwrap(proxy)
    try:
        return PyObject_CallMethodNoArgs(x, PyUnicode_InternFromString("__reversed__"))
    finally:
        Py_DECREF(x)


# ---------------------------------------------------------------------------
# The C API


def PyWeakref_NewRef(ob: PyObject, callback: Optional[PyObject]) -> PyObject:
    """CPython: Objects/weakrefobject.c:PyWeakref_NewRef"""
    return get_or_create_weakref(_PyWeakref_RefType, ob, callback)


def PyWeakref_NewProxy(ob: PyObject, callback: Optional[PyObject]) -> PyObject:
    """CPython: Objects/weakrefobject.c:PyWeakref_NewProxy

    A callable referent gets a ``CallableProxyType`` proxy.
    """
    tp = _PyWeakref_ProxyType
    if PyCallable_Check(ob):
        tp = _PyWeakref_CallableProxyType
    return get_or_create_weakref(tp, ob, callback)


def _bad_internal_call() -> None:
    """pyvm: ``PyErr_BadInternalCall``."""
    PyErr_SetString(PyExc_SystemError, "Objects/weakrefobject.c: bad argument to internal function")


def PyWeakref_IsDead(ref: PyObject) -> bool:
    """CPython: Objects/weakrefobject.c:PyWeakref_IsDead"""
    if not PyWeakref_Check(ref):
        PyErr_SetString(PyExc_TypeError, f"expected a weakref, got {ref.ob_type.tp_name}")
    return _PyWeakref_IS_DEAD(ref)


def PyWeakref_GetRef(ref: PyObject) -> Optional[PyObject]:
    """CPython: Objects/weakrefobject.c:PyWeakref_GetRef

    pyvm: returns the referent (new reference) or None when dead, where C
    returns 1/0 and stores through a pointer.
    """
    if not PyWeakref_Check(ref):
        PyErr_SetString(PyExc_TypeError, "expected a weakref")
    return _PyWeakref_GET_REF(ref)


def PyWeakref_GetObject(ref: PyObject) -> PyObject:
    """CPython: Objects/weakrefobject.c:PyWeakref_GetObject

    Borrowed: the referent or ``None``.
    """
    if not PyWeakref_Check(ref):
        _bad_internal_call()
    obj = _PyWeakref_GET_REF(ref)
    if obj is None:
        return Py_None
    Py_DECREF(obj)
    return obj


def handle_callback(ref: PyWeakReference, callback: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:handle_callback

    Calls ``callback(ref)``; an exception is reported as unraisable.
    """
    try:
        cbresult = PyObject_CallOneArg(callback, ref)
    except PyErr as e:
        try:
            text = _PyObject_ReprStr(callback)
        except PyErr as e2:
            _PyErr_Clear(e2)
            text = "<object repr() failed>"
        PyErr_FormatUnraisable(e, f"Exception ignored while calling weakref callback {text}")
        return
    Py_DECREF(cbresult)


def _PyObject_ClearWeakRefs(obj: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:PyObject_ClearWeakRefs

    The body behind ``object.PyObject_ClearWeakRefs`` (which has already seen
    that ``obj`` has a list). The callback-less basic ref and proxy at the
    head are cleared first; then every other reference is cleared and kept
    with its callback, and the callbacks run in list order once all of
    ``obj``'s references are dead.
    """
    if not _PyType_SUPPORTS_WEAKREFS(obj.ob_type) or obj.ob_refcnt != 0:
        _bad_internal_call()
    head = _get_head(obj)
    while head is not None and is_basic_ref_or_proxy(head):
        cb = clear_weakref_lock_held(head, True)
        assert cb is None
        head = _get_head(obj)
    if _get_head(obj) is None:
        return
    # pyvm: C saves the raised exception around the callbacks; a pyvm error
    # travels as a host exception, so there is none pending here.
    pending: list[tuple[PyWeakReference, Optional[PyObject]]] = []
    while True:
        cur = _get_head(obj)
        if cur is None:
            break
        callback = clear_weakref_lock_held(cur, True)
        # _Py_TryIncref: a reference that is itself being deallocated is skipped.
        if cur.ob_refcnt > 0:
            Py_INCREF(cur)
            pending.append((cur, callback))
        else:
            Py_XDECREF(callback)
    try:
        for ref, callback in pending:
            if callback is not None:
                handle_callback(ref, callback)
    finally:
        for ref, callback in pending:
            Py_DECREF(ref)
            Py_XDECREF(callback)


def PyUnstable_Object_ClearWeakRefsNoCallbacks(obj: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:PyUnstable_Object_ClearWeakRefsNoCallbacks"""
    if _PyType_SUPPORTS_WEAKREFS(obj.ob_type):
        _PyWeakref_ClearWeakRefsNoCallbacks(obj)


def _PyWeakref_ClearWeakRefsNoCallbacks(obj: PyObject) -> None:
    """CPython: Objects/weakrefobject.c:_PyWeakref_ClearWeakRefsNoCallbacks

    Clears every weak reference to ``obj``, leaving the callbacks uncalled.
    """
    head = _get_head(obj)
    while head is not None:
        _PyWeakref_ClearRef(head)
        head = _get_head(obj)


def _PyWeakref_IsDead(weakref: PyObject) -> bool:
    """CPython: Objects/weakrefobject.c:_PyWeakref_IsDead"""
    return _PyWeakref_IS_DEAD(weakref)


def _weakref_init_types() -> None:
    """pyvm: the static initializers of the three types (C's
    ``_PyWeakref_RefType`` / ``_PyWeakref_ProxyType`` /
    ``_PyWeakref_CallableProxyType``)."""
    rt = _PyWeakref_RefType
    rt.tp_dealloc = weakref_dealloc
    rt.tp_vectorcall = weakref_vectorcall
    rt.tp_call = _weakref_call
    rt.tp_repr = weakref_repr
    rt.tp_hash = weakref_hash
    rt.tp_traverse = gc_traverse
    rt.tp_clear = gc_clear
    rt.tp_richcompare = weakref_richcompare
    rt.tp_init = weakref___init__
    rt.tp_new = weakref___new__
    _PyType_AddMembers(rt, [PyMemberDef("__callback__", _weakref_get_callback)])
    _PyType_AddMethods(rt, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "Weakrefs are generic over the type of the referenced object."),
    ])
    for pt in (_PyWeakref_ProxyType, _PyWeakref_CallableProxyType):
        pt.tp_dealloc = proxy_dealloc
        pt.tp_repr = proxy_repr
        pt.nb_add = proxy_add
        pt.nb_subtract = proxy_sub
        pt.nb_multiply = proxy_mul
        pt.nb_remainder = proxy_mod
        pt.nb_divmod = proxy_divmod
        pt.nb_power = proxy_pow
        pt.nb_negative = proxy_neg
        pt.nb_positive = proxy_pos
        pt.nb_absolute = proxy_abs
        pt.nb_bool = proxy_bool
        pt.nb_invert = proxy_invert
        pt.nb_lshift = proxy_lshift
        pt.nb_rshift = proxy_rshift
        pt.nb_and = proxy_and
        pt.nb_xor = proxy_xor
        pt.nb_or = proxy_or
        pt.nb_int = proxy_int
        pt.nb_float = proxy_float
        pt.nb_inplace_add = proxy_iadd
        pt.nb_inplace_subtract = proxy_isub
        pt.nb_inplace_multiply = proxy_imul
        pt.nb_inplace_remainder = proxy_imod
        pt.nb_inplace_power = proxy_ipow
        pt.nb_inplace_lshift = proxy_ilshift
        pt.nb_inplace_rshift = proxy_irshift
        pt.nb_inplace_and = proxy_iand
        pt.nb_inplace_xor = proxy_ixor
        pt.nb_inplace_or = proxy_ior
        pt.nb_floor_divide = proxy_floor_div
        pt.nb_true_divide = proxy_true_div
        pt.nb_inplace_floor_divide = proxy_ifloor_div
        pt.nb_inplace_true_divide = proxy_itrue_div
        pt.nb_index = proxy_index
        pt.nb_matrix_multiply = proxy_matmul
        pt.nb_inplace_matrix_multiply = proxy_imatmul
        pt.sq_length = proxy_length
        pt.sq_contains = proxy_contains
        pt.mp_length = proxy_length
        pt.mp_subscript = proxy_getitem
        pt.mp_ass_subscript = proxy_setitem
        pt.tp_str = proxy_str
        pt.tp_getattro = proxy_getattr
        pt.tp_setattro = proxy_setattr
        pt.tp_traverse = gc_traverse
        pt.tp_clear = gc_clear
        pt.tp_richcompare = proxy_richcompare
        pt.tp_iter = proxy_iter
        pt.tp_iternext = proxy_iternext
    _PyWeakref_CallableProxyType.tp_call = proxy_call
    _PyType_AddMethods(_PyWeakref_ProxyType, [
        PyMethodDef("__bytes__", proxy_bytes, METH_NOARGS),
        PyMethodDef("__reversed__", proxy_reversed, METH_NOARGS),
    ])
    _weakref_lists.clear = _PyObject_ClearWeakRefs


_weakref_init_types()
