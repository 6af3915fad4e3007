"""Ports Objects/typeobject.c (the part the first slice needs): ``type`` and
``object``, ``PyType_Ready``, slot inheritance, attribute lookup on types and the
call of a type.

``PyType_Type`` and ``PyBaseObject_Type`` themselves are created at the bottom of
``object.py`` so that every static type built at import time, in any module, gets
``type`` as its ``ob_type``; this module gives them their slots, methods and
getsets.

Readiness. A static type is a ``PyTypeObject`` built at import time with its slots
assigned; its methods, getsets and members are registered with
``_PyType_AddMethods`` and friends (descrobject.py). ``PyType_Ready`` then does
what C's ``type_ready`` does: sets ``tp_base`` (default ``object``), readies the
base, builds ``tp_bases``, ``tp_dict`` and ``tp_mro``, decides ``tp_new``, fills
the dict with descriptors and inherits the slots the type left empty. pyvm readies
a static type lazily, the first time a generic entry point finds it unready (C
does the same in ``PyObject_GenericGetAttr`` and ``PyObject_Hash``, and readies
every static type at start-up in ``_PyTypes_InitTypes``); doing it lazily keeps
module import order free of cycles, since readiness needs the str, tuple and dict
modules. Whoever wants a type's inherited slots before any lookup calls
``PyType_Ready`` on it.

Call protocol (see call.py): ``tp_vectorcall`` on a type means *the vectorcall
of its instances* when the type has ``Py_TPFLAGS_HAVE_VECTORCALL`` (functions,
builtin functions, method descriptors, ``type`` itself), and *the vectorcall of
the type object itself* (C's per-type ``tp_vectorcall``, e.g. ``tuple(x)``)
otherwise. :func:`type_vectorcall` is the instance vectorcall of ``type``: it
calls a class through the class's own constructor vectorcall, or through
:func:`type_call`.

Heap types (class statements). :func:`type_new` builds a
:class:`PyHeapTypeObject` from ``(name, bases, namespace)``: ``best_base`` picks the
base whose layout the instances use, ``mro_implementation`` computes the C3 MRO,
``PyType_Ready`` inherits the slots, and :func:`fixup_slot_dispatchers` points
every slot whose dunder the class (or a Python base) defines at the ``slot_*``
dispatcher that calls it (``slot_tp_repr``, ``slot_nb_add`` …, through
``vectorcall_method`` / ``vectorcall_maybe``, C's path into ``call.py``). A slot
whose name resolves to a builtin's slot wrapper keeps the inherited C function.

Instance layout. C lays a heap type's ``__slots__`` out after its base's struct
and finds each through a member descriptor's offset; pyvm keeps the slot values
of an instance in a host list, and a slot's member descriptor
(``Py_T_OBJECT_EX``, descrobject.py) holds its index in that list. A heap type's
``tp_basicsize`` is the length of the list (its base's slots, then its own, in
the sorted mangled order of ``ht_slots``), so ``solid_base``, ``best_base``
("multiple bases have instance lay-out conflict") and
``compatible_for_assignment`` compare layouts as C does. The host class follows
the static base that allocates the instance: with ``object`` there,
:class:`PyHeapTypeInstance` (header, instance dict, slot list) when the type has
a ``__dict__`` (``tp_dictoffset`` nonzero) and :class:`PyHeapTypeSlotsInstance`
(header and slot list, no dict) when ``__slots__`` left it out; subclasses of
builtin types with their own layout get the base's allocation, their slot values
in the ``_managed_slots`` table and, when the host class has no dict field, their
dict in object.py's managed-dict table (pyvm's meaning of
``Py_TPFLAGS_MANAGED_DICT``). Two layouts that ``__class__`` assignment accepts
are always the same host class, so the assignment only changes ``ob_type``.

Finalizers (PEP 442): a ``__del__`` fills ``tp_finalize`` with
:func:`slot_tp_finalize`; :func:`subtype_dealloc` runs it once through
``PyObject_CallFinalizerFromDealloc`` and stops when it resurrected the object.
pyvm has no cycle collector, so a ``__del__`` on unreachable cycles never runs.

Weak references: ``type_new_slots`` decides ``add_weak`` as C does (no
``__slots__``, or ``'__weakref__'`` among them, on a base without weak reference
support); such a type gets ``tp_weaklistoffset = MANAGED_WEAKREF_OFFSET`` and the
``__weakref__`` getset (:func:`subtype_getweakref`, the head of the list kept in
object.py's ``_weakref_lists``), and :func:`subtype_dealloc` clears the weak
references after the finalizer, before the slots and the dict.

``super`` and the ``LOAD_SUPER_ATTR`` lookup live here too. Not yet: a
metaclass's ``mro()`` override, ``__mro_entries__``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional, cast


from pyvm.objects.object import _cast
globals()["cast"] = _cast  # see pyvm/objects/object.py:_cast

from pyvm.compile.symtable import _Py_Mangle
from pyvm.objects.descrobject import (
    PyGetSetDef,
    PyWrapperFlag_KEYWORDS,
    wrapperbase,
    PyMemberDef,
    _PyType_AddGetSets,
    _PyType_AddMembers,
    _PyType_AddMethods,
    _PyType_FillDictFromDefs,
)
from pyvm.objects.methodobject import (
    METH_CLASS, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS, PyCFunction_NewEx,
    PyMethodDef, PyCFunctionObject, METH_FASTCALL,
)
from pyvm.objects.object import (
    Py_DECREF, Py_EQ, Py_INCREF, Py_NE, Py_None, Py_NotImplemented,
    Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BYTES_SUBCLASS,
    Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL,
    Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_IMMUTABLETYPE, Py_TPFLAGS_LIST_SUBCLASS,
    Py_TPFLAGS_LONG_SUBCLASS, Py_TPFLAGS_READY, Py_TPFLAGS_READYING,
    Py_TPFLAGS_TUPLE_SUBCLASS, Py_TPFLAGS_TYPE_SUBCLASS, Py_TPFLAGS_UNICODE_SUBCLASS,
    PyBaseObject_Type, PyErr, PyErr_Format, PyObject, PyObject_GenericGetAttr,
    PyObject_GenericSetAttr, PyObject_HashNotImplemented, PyObject_IsTrue,
    PyObjectWithDict, Py_TPFLAGS_MANAGED_DICT, Py_TPFLAGS_MANAGED_WEAKREF,
    MANAGED_WEAKREF_OFFSET, Py_NewRef, PyObject_ClearWeakRefs, _weakref_lists,
    _PyObject_ClearManagedDict, _PyObject_ManagedDictCreate, _managed_dicts, getattrofunc,
    getiterfunc, newfunc, reprfunc, PyType_IsSubtype, PyType_Modified, PyType_Type,
    PyTypeObject, _object_type_holder, _Py_HashPointer, _PyNone_Type,
    _PyNotImplemented_Type, _PyObject_RaiseNoAttribute, _PyType_Lookup, _unicode_value,
    Py_GE, Py_GT, Py_LE, Py_LT, binaryfunc, callfunc, descrgetfunc, descrsetfunc,
    destructor, hashfunc, initproc, inquiry, iternextfunc, lenfunc, objobjargproc,
    objobjproc, richcmpfunc, setattrofunc, ssizeargfunc, ssizeobjargproc, ternaryfunc,
    unaryfunc, PyUnicode_Check, PyErr_SetNone, _attr_name_check, _PyObject_ReprStr,
    _PyObject_GenericSetAttrWithDict, PyObject_Str, _PyObject_GetDictPtr, _debug,
    _PyObject_ClearDict, PyObject_Repr, _PyErr_FormatNote, Py_TPFLAGS_METHOD_DESCRIPTOR,
    PyErr_SetObject, PyObject_Hash, _PyObject_GenericGetAttrWithDict, PyObject_GetAttr,
    PyErr_FormatUnraisable, _PyErr_Clear, PyObject_GetOptionalAttr,
    Py_TPFLAGS_MAPPING, Py_TPFLAGS_SEQUENCE,
)
from pyvm.pystate import _tstate
from pyvm.objects.call import (
    _PyObject_MakeTpCall, PyObject_CallNoArgs, _PyObject_CallFunctionArgs,
    PyObject_VectorcallDict, PyObject_Vectorcall, PyObject_Call, _PyObject_Call_Prepend,
    PyObject_CallOneArg,
)
from pyvm.objects.cellobject import PyCellObject

__all__ = [
    "PyType_Type", "PyBaseObject_Type", "PyType_Ready", "_PyType_Lookup", "_PyType_Name",
    "_PyType_AddMethods", "_PyType_AddGetSets", "_PyType_AddMembers",
    "PyGetSetDef", "PyMemberDef", "PyMethodDef",
]

# CPython: Include/object.h:Py_TPFLAGS_DISALLOW_INSTANTIATION
Py_TPFLAGS_DISALLOW_INSTANTIATION: Final = 1 << 7

# The fast-subclass bits a type inherits from its base (inherit_special).
_COLLECTION_FLAGS: Final = Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING
_SUBCLASS_FLAGS: Final = (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS
                          | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS
                          | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS
                          | Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS)


class PyHeapTypeObject(PyTypeObject):
    """CPython: Include/cpython/object.h:_heaptypeobject

    pyvm: the type of a class statement. ``ht_name`` / ``ht_qualname`` are owned
    str objects. Created by :func:`type_new`.
    """

    ht_name: PyObject
    ht_qualname: PyObject
    ht_slots: Optional[PyObject]

    def __init__(self, name: str, ht_name: PyObject, ht_qualname: PyObject,
                 base: Optional[PyTypeObject] = None, flags: int = 0) -> None:
        super().__init__(name, base, flags | Py_TPFLAGS_HEAPTYPE)
        self.ht_name = ht_name
        self.ht_qualname = ht_qualname
        # The mangled, sorted names of the slots this type added (a tuple), or
        # None when the class statement had no __slots__.
        self.ht_slots = None


def PyType_Check(op: PyObject) -> bool:
    """CPython: Include/object.h:PyType_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) != 0


def _PyType_Name(tp: PyTypeObject) -> str:
    """CPython: Objects/typeobject.c:_PyType_Name

    The part of ``tp_name`` after the last dot.
    """
    if isinstance(tp, PyHeapTypeObject):
        return _unicode_value(tp.ht_name)
    name = tp.tp_name
    i = name.rfind(".")
    return name if i < 0 else name[i + 1:]


def _type_qualname_str(tp: PyTypeObject) -> str:
    """CPython: Objects/typeobject.c:type_qualname"""
    if isinstance(tp, PyHeapTypeObject):
        return _unicode_value(tp.ht_qualname)
    return _PyType_Name(tp)


def _type_module_str(tp: PyTypeObject) -> Optional[str]:
    """CPython: Objects/typeobject.c:type_module

    Static types take their module from ``tp_name`` (``builtins`` when it has no
    dot); heap types from ``__module__`` in their dict.
    """
    if tp.tp_flags & Py_TPFLAGS_HEAPTYPE:
        d = tp.tp_dict
        if d is None:
            return None
        from pyvm.objects.dictobject import PyDict_GetItemWithError  # cycle
        from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
        m = PyDict_GetItemWithError(d, PyUnicode_InternFromString("__module__"))
        if m is None:
            return None
        return _unicode_value(m) if PyUnicode_Check(m) else None
    name = tp.tp_name
    i = name.rfind(".")
    return "builtins" if i < 0 else name[:i]


def _PyType_GetFullyQualifiedName(tp: PyTypeObject) -> str:
    """CPython: Objects/typeobject.c:_PyType_GetFullyQualifiedName

    C's ``%T``: ``module.qualname`` for heap types outside ``builtins`` and
    ``__main__``, the qualified name alone there, ``tp_name`` for static types.
    """
    if not (tp.tp_flags & Py_TPFLAGS_HEAPTYPE):
        return tp.tp_name
    q = _type_qualname_str(tp)
    m = _type_module_str(tp)
    if m is not None and m != "builtins" and m != "__main__":
        return f"{m}.{q}"
    return q


def _new_str(s: str) -> PyObject:
    """pyvm: a new str object from host text."""
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle: str imports us
    return PyUnicode_FromString(s)


def _tuple_items(t: PyObject) -> list[PyObject]:
    """pyvm: the item list of a tuple (C's ``PyTuple_GET_ITEM`` loop)."""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle: exceptions imports us
    PyErr_Format(PyExc_TypeError, msg)


# ---------------------------------------------------------------------------
# PyType_Ready


def PyType_Ready(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:PyType_Ready

    CPython: Objects/typeobject.c:type_ready
    """
    if tp.tp_flags & (Py_TPFLAGS_READY | Py_TPFLAGS_READYING):
        return
    # Historically, all static types were immutable (bpo-43908).
    if not (tp.tp_flags & Py_TPFLAGS_HEAPTYPE):
        tp.tp_flags |= Py_TPFLAGS_IMMUTABLETYPE
    tp.tp_flags |= Py_TPFLAGS_READYING
    try:
        _type_ready(tp)
    except BaseException:
        tp.tp_flags &= ~Py_TPFLAGS_READYING
        raise
    tp.tp_flags = (tp.tp_flags & ~Py_TPFLAGS_READYING) | Py_TPFLAGS_READY
    # A new type may reuse the address of a dead one: invalidate the method cache.
    PyType_Modified(tp)


def _type_ready(tp: PyTypeObject) -> None:
    """pyvm: the body of ``type_ready``, run with ``Py_TPFLAGS_READYING`` set."""
    from pyvm.objects.dictobject import PyDict_New  # cycle
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    # type_ready_set_base
    base = tp.tp_base
    if base is None and tp is not PyBaseObject_Type:
        base = PyBaseObject_Type
        tp.tp_base = base
    if base is not None and not (base.tp_flags & Py_TPFLAGS_READY):
        PyType_Ready(base)
    # type_ready_set_bases
    if tp.tp_bases is None:
        tp.tp_bases = _PyTuple_FromArray([base] if base is not None else [])
    # type_ready_set_dict
    if tp.tp_dict is None:
        tp.tp_dict = PyDict_New()
    # type_ready_mro
    if tp.tp_mro is None:
        tp.tp_mro = mro_internal(tp)
    if base is not None:
        inherit_special(tp, base)
    type_ready_set_new(tp)
    # type_ready_fill_dict
    add_operators(tp)
    _PyType_FillDictFromDefs(tp)
    type_dict_set_doc(tp)
    if tp.tp_dictoffset == 0 and not (tp.tp_flags & Py_TPFLAGS_HEAPTYPE) \
            and _dict_get(tp.tp_dict, "__dict__") is not None:
        # pyvm: a static type whose instances carry a dict (modules, functions,
        # exceptions, types) says so by its ``__dict__`` descriptor; C sets
        # ``tp_dictoffset`` in the static initializer.
        tp.tp_dictoffset = 1
    # type_ready_inherit
    for b in _tuple_items(tp.tp_mro)[1:]:
        assert isinstance(b, PyTypeObject)
        inherit_slots(tp, b)
        inherit_patma_flags(tp, b)
    type_ready_set_hash(tp)


def mro_internal(tp: PyTypeObject) -> PyObject:
    """CPython: Objects/typeobject.c:mro_internal

    The type's MRO as a tuple: :func:`mro_implementation` (C3). pyvm: a
    metaclass's own ``mro()`` override is not consulted yet.
    """
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    return _PyTuple_FromArray(mro_implementation(tp))


def inherit_special(tp: PyTypeObject, base: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:inherit_special"""
    if not (tp.tp_flags & Py_TPFLAGS_HAVE_GC) and (base.tp_flags & Py_TPFLAGS_HAVE_GC) \
            and tp.tp_traverse is None and tp.tp_clear is None:
        tp.tp_flags |= Py_TPFLAGS_HAVE_GC
        tp.tp_traverse = base.tp_traverse
        tp.tp_clear = base.tp_clear
    if tp.tp_basicsize == 0:
        tp.tp_basicsize = base.tp_basicsize
    if tp.tp_itemsize == 0:
        tp.tp_itemsize = base.tp_itemsize
    if tp.tp_weaklistoffset == 0:
        tp.tp_weaklistoffset = base.tp_weaklistoffset
    if tp.tp_dictoffset == 0:
        tp.tp_dictoffset = base.tp_dictoffset
    # pyvm: the base types carry their fast-subclass bit, so inheriting the bits
    # is the same as C's is_subtype_with_mro tests.
    tp.tp_flags |= base.tp_flags & _SUBCLASS_FLAGS


def inherit_patma_flags(tp: PyTypeObject, base: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:inherit_patma_flags

    The first base in the MRO that is a sequence or a mapping decides which one
    the subclass is for ``match`` (MATCH_SEQUENCE / MATCH_MAPPING).
    """
    if (tp.tp_flags & _COLLECTION_FLAGS) == 0:
        tp.tp_flags |= base.tp_flags & _COLLECTION_FLAGS


def type_ready_set_new(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:type_ready_set_new"""
    base = tp.tp_base
    if tp.tp_new is None and base is PyBaseObject_Type and not (tp.tp_flags & Py_TPFLAGS_HEAPTYPE):
        tp.tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION
    if not (tp.tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION):
        if tp.tp_new is not None:
            add_tp_new_wrapper(tp)
        elif base is not None:
            tp.tp_new = base.tp_new
    else:
        tp.tp_new = None


def inherit_slots(tp: PyTypeObject, base: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:inherit_slots

    Copies every slot ``tp`` leaves empty from ``base``. ``tp_hash`` and
    ``tp_richcompare`` are inherited together, and only when the type defines
    neither (nor ``__eq__``/``__hash__`` in its dict: overrides_hash).
    ``tp_getattro`` and ``tp_setattro`` are inherited each on its own (C pairs
    each with its ``char *`` twin, which pyvm does not have). The instance vectorcall
    goes with ``tp_call``; a constructor vectorcall is never inherited.
    """
    if tp.nb_add is None: tp.nb_add = base.nb_add  # noqa: E701
    if tp.nb_subtract is None: tp.nb_subtract = base.nb_subtract  # noqa: E701
    if tp.nb_multiply is None: tp.nb_multiply = base.nb_multiply  # noqa: E701
    if tp.nb_remainder is None: tp.nb_remainder = base.nb_remainder  # noqa: E701
    if tp.nb_divmod is None: tp.nb_divmod = base.nb_divmod  # noqa: E701
    if tp.nb_power is None: tp.nb_power = base.nb_power  # noqa: E701
    if tp.nb_negative is None: tp.nb_negative = base.nb_negative  # noqa: E701
    if tp.nb_positive is None: tp.nb_positive = base.nb_positive  # noqa: E701
    if tp.nb_absolute is None: tp.nb_absolute = base.nb_absolute  # noqa: E701
    if tp.nb_bool is None: tp.nb_bool = base.nb_bool  # noqa: E701
    if tp.nb_invert is None: tp.nb_invert = base.nb_invert  # noqa: E701
    if tp.nb_lshift is None: tp.nb_lshift = base.nb_lshift  # noqa: E701
    if tp.nb_rshift is None: tp.nb_rshift = base.nb_rshift  # noqa: E701
    if tp.nb_and is None: tp.nb_and = base.nb_and  # noqa: E701
    if tp.nb_xor is None: tp.nb_xor = base.nb_xor  # noqa: E701
    if tp.nb_or is None: tp.nb_or = base.nb_or  # noqa: E701
    if tp.nb_int is None: tp.nb_int = base.nb_int  # noqa: E701
    if tp.nb_float is None: tp.nb_float = base.nb_float  # noqa: E701
    if tp.nb_inplace_add is None: tp.nb_inplace_add = base.nb_inplace_add  # noqa: E701
    if tp.nb_inplace_subtract is None: tp.nb_inplace_subtract = base.nb_inplace_subtract  # noqa: E701
    if tp.nb_inplace_multiply is None: tp.nb_inplace_multiply = base.nb_inplace_multiply  # noqa: E701
    if tp.nb_inplace_remainder is None: tp.nb_inplace_remainder = base.nb_inplace_remainder  # noqa: E701
    if tp.nb_inplace_power is None: tp.nb_inplace_power = base.nb_inplace_power  # noqa: E701
    if tp.nb_inplace_lshift is None: tp.nb_inplace_lshift = base.nb_inplace_lshift  # noqa: E701
    if tp.nb_inplace_rshift is None: tp.nb_inplace_rshift = base.nb_inplace_rshift  # noqa: E701
    if tp.nb_inplace_and is None: tp.nb_inplace_and = base.nb_inplace_and  # noqa: E701
    if tp.nb_inplace_xor is None: tp.nb_inplace_xor = base.nb_inplace_xor  # noqa: E701
    if tp.nb_inplace_or is None: tp.nb_inplace_or = base.nb_inplace_or  # noqa: E701
    if tp.nb_floor_divide is None: tp.nb_floor_divide = base.nb_floor_divide  # noqa: E701
    if tp.nb_true_divide is None: tp.nb_true_divide = base.nb_true_divide  # noqa: E701
    if tp.nb_inplace_floor_divide is None: tp.nb_inplace_floor_divide = base.nb_inplace_floor_divide  # noqa: E701,E501
    if tp.nb_inplace_true_divide is None: tp.nb_inplace_true_divide = base.nb_inplace_true_divide  # noqa: E701,E501
    if tp.nb_index is None: tp.nb_index = base.nb_index  # noqa: E701
    if tp.nb_matrix_multiply is None: tp.nb_matrix_multiply = base.nb_matrix_multiply  # noqa: E701
    if tp.nb_inplace_matrix_multiply is None: tp.nb_inplace_matrix_multiply = base.nb_inplace_matrix_multiply  # noqa: E701,E501
    if tp.sq_length is None: tp.sq_length = base.sq_length  # noqa: E701
    if tp.sq_concat is None: tp.sq_concat = base.sq_concat  # noqa: E701
    if tp.sq_repeat is None: tp.sq_repeat = base.sq_repeat  # noqa: E701
    if tp.sq_item is None: tp.sq_item = base.sq_item  # noqa: E701
    if tp.sq_ass_item is None: tp.sq_ass_item = base.sq_ass_item  # noqa: E701
    if tp.sq_contains is None: tp.sq_contains = base.sq_contains  # noqa: E701
    if tp.sq_inplace_concat is None: tp.sq_inplace_concat = base.sq_inplace_concat  # noqa: E701
    if tp.sq_inplace_repeat is None: tp.sq_inplace_repeat = base.sq_inplace_repeat  # noqa: E701
    if tp.mp_length is None: tp.mp_length = base.mp_length  # noqa: E701
    if tp.mp_subscript is None: tp.mp_subscript = base.mp_subscript  # noqa: E701
    if tp.mp_ass_subscript is None: tp.mp_ass_subscript = base.mp_ass_subscript  # noqa: E701
    # COPYASYNC: am_send is not inherited, as in C.
    if tp.am_await is None: tp.am_await = base.am_await  # noqa: E701
    if tp.am_aiter is None: tp.am_aiter = base.am_aiter  # noqa: E701
    if tp.am_anext is None: tp.am_anext = base.am_anext  # noqa: E701
    if tp.bf_getbuffer is None:
        # C's inherit_slots copies tp_as_buffer's two slots together.
        tp.bf_getbuffer = base.bf_getbuffer
        tp.bf_releasebuffer = base.bf_releasebuffer
    if tp.tp_dealloc is None: tp.tp_dealloc = base.tp_dealloc  # noqa: E701
    if tp.tp_getattro is None: tp.tp_getattro = base.tp_getattro  # noqa: E701
    if tp.tp_setattro is None: tp.tp_setattro = base.tp_setattro  # noqa: E701
    if tp.tp_repr is None: tp.tp_repr = base.tp_repr  # noqa: E701
    if tp.tp_call is None:
        tp.tp_call = base.tp_call
        if base.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL and not (tp.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL):
            tp.tp_vectorcall = base.tp_vectorcall
            tp.tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL
    if tp.tp_str is None: tp.tp_str = base.tp_str  # noqa: E701
    if tp.tp_richcompare is None and tp.tp_hash is None and not overrides_hash(tp):
        tp.tp_richcompare = base.tp_richcompare
        tp.tp_hash = base.tp_hash
    if tp.tp_iter is None: tp.tp_iter = base.tp_iter  # noqa: E701
    if tp.tp_iternext is None: tp.tp_iternext = base.tp_iternext  # noqa: E701
    if tp.tp_descr_get is None: tp.tp_descr_get = base.tp_descr_get  # noqa: E701
    if tp.tp_descr_set is None: tp.tp_descr_set = base.tp_descr_set  # noqa: E701
    if tp.tp_init is None: tp.tp_init = base.tp_init  # noqa: E701
    if tp.tp_finalize is None: tp.tp_finalize = base.tp_finalize  # noqa: E701
    if (tp.tp_flags & Py_TPFLAGS_HAVE_GC) == (base.tp_flags & Py_TPFLAGS_HAVE_GC):
        if tp.tp_traverse is None and tp.tp_clear is None:
            tp.tp_traverse = base.tp_traverse
            tp.tp_clear = base.tp_clear


def overrides_hash(tp: PyTypeObject) -> bool:
    """CPython: Objects/typeobject.c:overrides_hash"""
    d = tp.tp_dict
    if d is None:
        return False
    from pyvm.objects.dictobject import PyDict_GetItemWithError  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return (PyDict_GetItemWithError(d, PyUnicode_InternFromString("__eq__")) is not None
            or PyDict_GetItemWithError(d, PyUnicode_InternFromString("__hash__")) is not None)


def type_ready_set_hash(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:type_ready_set_hash"""
    if tp.tp_hash is not None:
        return
    d = tp.tp_dict
    assert d is not None
    from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_SetItem  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    key = PyUnicode_InternFromString("__hash__")
    if PyDict_GetItemWithError(d, key) is None:
        PyDict_SetItem(d, key, Py_None)
        tp.tp_hash = PyObject_HashNotImplemented


def add_operators(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:add_operators

    A slot wrapper in ``tp_dict`` for every slot the type defines itself (this runs
    before inheritance), unless the dict already has the name; ``__hash__ = None``
    for ``PyObject_HashNotImplemented``.
    """
    d = tp.tp_dict
    assert d is not None
    from pyvm.objects.descrobject import PyDescr_NewWrapper  # cycle: descrobject -> typeobject
    from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_SetItem  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    for base in _slotdefs():
        ptr = base.getslot(tp)
        if ptr is None:
            continue
        key = PyUnicode_InternFromString(base.name)
        if PyDict_GetItemWithError(d, key) is not None:
            continue
        if ptr is PyObject_HashNotImplemented:
            PyDict_SetItem(d, key, Py_None)
            continue
        descr = PyDescr_NewWrapper(tp, base, ptr)
        PyDict_SetItem(d, key, descr)
        Py_DECREF(descr)


def type_dict_set_doc(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:type_dict_set_doc"""
    d = tp.tp_dict
    assert d is not None
    from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_SetItem  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    key = PyUnicode_InternFromString("__doc__")
    if PyDict_GetItemWithError(d, key) is not None:
        return
    doc = tp.tp_doc
    if doc is None:
        PyDict_SetItem(d, key, Py_None)
    else:
        v = _new_str(_PyType_DocWithoutSignature(doc))
        PyDict_SetItem(d, key, v)
        Py_DECREF(v)


def _PyType_DocWithoutSignature(doc: str) -> str:
    """CPython: Objects/typeobject.c:_PyType_DocWithoutSignature

    Drops a leading ``name(...)\\n--\\n\\n`` signature block.
    """
    i = doc.find(")\n--\n\n")
    if i >= 0 and "(" in doc[:i]:
        return doc[i + 6:]
    return doc


def _PyTypes_InitTypes(types: list[PyTypeObject]) -> None:
    """CPython: Objects/object.c:_PyTypes_InitTypes

    pyvm: readies the given static types (the interpreter's start-up calls it with
    every builtin type, after all the object modules are imported).
    """
    for tp in types:
        PyType_Ready(tp)


# ---------------------------------------------------------------------------
# Slot wrappers (the wrap_* functions and the slotdefs table)


def check_num_args(args: list[PyObject], n: int) -> None:
    """CPython: Objects/typeobject.c:check_num_args"""
    if len(args) != n:
        _type_error(f"expected {n} argument{'' if n == 1 else 's'}, got {len(args)}")


def wrap_lenfunc(self_: PyObject, args: list[PyObject], wrapped: object, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_lenfunc"""
    check_num_args(args, 0)
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    return PyLong_FromLong(cast("lenfunc", wrapped)(self_))


def wrap_inquirypred(self_: PyObject, args: list[PyObject], wrapped: object,
                     kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_inquirypred"""
    check_num_args(args, 0)
    from pyvm.objects.boolobject import PyBool_FromLong  # cycle
    return PyBool_FromLong(1 if cast("inquiry", wrapped)(self_) else 0)


def wrap_binaryfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_binaryfunc"""
    check_num_args(args, 1)
    return cast("binaryfunc", wrapped)(self_, args[0])


def wrap_binaryfunc_l(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_binaryfunc_l"""
    check_num_args(args, 1)
    return cast("binaryfunc", wrapped)(self_, args[0])


def wrap_binaryfunc_r(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_binaryfunc_r"""
    check_num_args(args, 1)
    return cast("binaryfunc", wrapped)(args[0], self_)


def check_pow_args(args: list[PyObject]) -> int:
    """CPython: Objects/typeobject.c:check_pow_args"""
    n = len(args)
    if n == 1 or n == 2:
        return n
    _type_error(f"expected 1 or 2 arguments, got {n}")
    return -1


def wrap_ternaryfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                     kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_ternaryfunc"""
    n = check_pow_args(args)
    return cast("ternaryfunc", wrapped)(self_, args[0], args[1] if n == 2 else Py_None)


def wrap_ternaryfunc_r(self_: PyObject, args: list[PyObject], wrapped: object,
                       kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_ternaryfunc_r"""
    n = check_pow_args(args)
    return cast("ternaryfunc", wrapped)(args[0], self_, args[1] if n == 2 else Py_None)


def wrap_unaryfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                   kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_unaryfunc"""
    check_num_args(args, 0)
    return cast("unaryfunc", wrapped)(self_)


def wrap_indexargfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_indexargfunc"""
    check_num_args(args, 1)
    from pyvm.objects.abstract import PyNumber_AsSsize_t  # cycle
    from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
    return cast("ssizeargfunc", wrapped)(self_, PyNumber_AsSsize_t(args[0], PyExc_OverflowError))


def getindex(self_: PyObject, arg: PyObject) -> int:
    """CPython: Objects/typeobject.c:getindex"""
    from pyvm.objects.abstract import PyNumber_AsSsize_t  # cycle
    from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
    i = PyNumber_AsSsize_t(arg, PyExc_OverflowError)
    if i < 0:
        ln = self_.ob_type.sq_length
        if ln is not None:
            i += ln(self_)
    return i


def wrap_sq_item(self_: PyObject, args: list[PyObject], wrapped: object,
                 kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_sq_item"""
    check_num_args(args, 1)
    return cast("ssizeargfunc", wrapped)(self_, getindex(self_, args[0]))


def wrap_sq_setitem(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_sq_setitem"""
    check_num_args(args, 2)
    cast("ssizeobjargproc", wrapped)(self_, getindex(self_, args[0]), args[1])
    return Py_None


def wrap_sq_delitem(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_sq_delitem"""
    check_num_args(args, 1)
    cast("ssizeobjargproc", wrapped)(self_, getindex(self_, args[0]), None)
    return Py_None


def wrap_objobjproc(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_objobjproc"""
    check_num_args(args, 1)
    from pyvm.objects.boolobject import PyBool_FromLong  # cycle
    return PyBool_FromLong(1 if cast("objobjproc", wrapped)(self_, args[0]) else 0)


def wrap_objobjargproc(self_: PyObject, args: list[PyObject], wrapped: object,
                       kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_objobjargproc"""
    check_num_args(args, 2)
    cast("objobjargproc", wrapped)(self_, args[0], args[1])
    return Py_None


def wrap_delitem(self_: PyObject, args: list[PyObject], wrapped: object,
                 kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_delitem"""
    check_num_args(args, 1)
    cast("objobjargproc", wrapped)(self_, args[0], None)
    return Py_None


def hackcheck(self_: PyObject, func: object, what: str) -> None:
    """CPython: Objects/typeobject.c:hackcheck

    Refuses ``object.__setattr__(int_instance, ...)``-style calls that would
    bypass a static base's own ``tp_setattro`` (the "Carlo Verre hack").
    """
    tp = self_.ob_type
    base: Optional[PyTypeObject] = tp
    while base is not None and base.tp_flags & Py_TPFLAGS_HEAPTYPE:
        base = base.tp_base
    if base is not None and base.tp_setattro is not func:
        _type_error(f"can't apply this {what} to {base.tp_name} object")


def wrap_setattr(self_: PyObject, args: list[PyObject], wrapped: object,
                 kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_setattr"""
    check_num_args(args, 2)
    hackcheck(self_, wrapped, "__setattr__")
    cast("setattrofunc", wrapped)(self_, args[0], args[1])
    return Py_None


def wrap_delattr(self_: PyObject, args: list[PyObject], wrapped: object,
                 kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_delattr"""
    check_num_args(args, 1)
    hackcheck(self_, wrapped, "__delattr__")
    cast("setattrofunc", wrapped)(self_, args[0], None)
    return Py_None


def wrap_hashfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                  kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_hashfunc"""
    check_num_args(args, 0)
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    return PyLong_FromLong(cast("hashfunc", wrapped)(self_))


def wrap_call(self_: PyObject, args: list[PyObject], wrapped: object,
              kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_call"""
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    t = _PyTuple_FromArray(args)
    try:
        return cast("callfunc", wrapped)(self_, t, kwds)
    finally:
        Py_DECREF(t)


def wrap_del(self_: PyObject, args: list[PyObject], wrapped: object,
             kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_del"""
    check_num_args(args, 0)
    cast("destructor", wrapped)(self_)
    return Py_None


def wrap_richcmpfunc(self_: PyObject, args: list[PyObject], wrapped: object, op: int) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_richcmpfunc"""
    check_num_args(args, 1)
    return cast("richcmpfunc", wrapped)(self_, args[0], op)


def richcmp_lt(self_: PyObject, args: list[PyObject], wrapped: object, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:RICHCMP_WRAPPER (``__lt__``)"""
    return wrap_richcmpfunc(self_, args, wrapped, Py_LT)


def richcmp_le(self_: PyObject, args: list[PyObject], wrapped: object, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:RICHCMP_WRAPPER (``__le__``)"""
    return wrap_richcmpfunc(self_, args, wrapped, Py_LE)


def richcmp_eq(self_: PyObject, args: list[PyObject], wrapped: object, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:RICHCMP_WRAPPER (``__eq__``)"""
    return wrap_richcmpfunc(self_, args, wrapped, Py_EQ)


def richcmp_ne(self_: PyObject, args: list[PyObject], wrapped: object, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:RICHCMP_WRAPPER (``__ne__``)"""
    return wrap_richcmpfunc(self_, args, wrapped, Py_NE)


def richcmp_gt(self_: PyObject, args: list[PyObject], wrapped: object, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:RICHCMP_WRAPPER (``__gt__``)"""
    return wrap_richcmpfunc(self_, args, wrapped, Py_GT)


def richcmp_ge(self_: PyObject, args: list[PyObject], wrapped: object, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:RICHCMP_WRAPPER (``__ge__``)"""
    return wrap_richcmpfunc(self_, args, wrapped, Py_GE)


def wrap_next(self_: PyObject, args: list[PyObject], wrapped: object,
              kwds: Optional[PyObject]) -> PyObject:
    """pyvm: C's ``wrap_next`` of Objects/typeobject.c (``__next__``)."""
    check_num_args(args, 0)
    res = cast("iternextfunc", wrapped)(self_)
    if res is None:
        from pyvm.objects.exceptions import PyExc_StopIteration  # cycle
        PyErr_SetNone(PyExc_StopIteration)
    assert res is not None
    return res


def wrap_descr_get(self_: PyObject, args: list[PyObject], wrapped: object,
                   kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_descr_get"""
    if len(args) < 1 or len(args) > 2:
        _type_error(f"__get__ expected {'at least 1' if len(args) < 1 else 'at most 2'} "
                    f"argument{'s' if len(args) > 2 else ''}, got {len(args)}")
    obj: Optional[PyObject] = args[0]
    tp: Optional[PyObject] = args[1] if len(args) == 2 else None
    if obj is Py_None:
        obj = None
    if tp is Py_None:
        tp = None
    if obj is None and tp is None:
        _type_error("__get__(None, None) is invalid")
    return cast("descrgetfunc", wrapped)(self_, obj, tp)


def wrap_descr_set(self_: PyObject, args: list[PyObject], wrapped: object,
                   kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_descr_set"""
    if len(args) != 2:
        _type_error(f"__set__ expected 2 arguments, got {len(args)}")
    cast("descrsetfunc", wrapped)(self_, args[0], args[1])
    return Py_None


def wrap_descr_delete(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_descr_delete"""
    check_num_args(args, 1)
    cast("descrsetfunc", wrapped)(self_, args[0], None)
    return Py_None


def wrap_init(self_: PyObject, args: list[PyObject], wrapped: object,
              kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_init"""
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    t = _PyTuple_FromArray(args)
    try:
        cast("initproc", wrapped)(self_, t, kwds)
    finally:
        Py_DECREF(t)
    return Py_None


class _SlotDefs:
    """pyvm: the ``slotdefs`` table, built on first use (it needs descrobject)."""

    table: list[wrapperbase]

    def __init__(self) -> None:
        self.table = []


_slotdefs_state: Final = _SlotDefs()


def _slotdefs() -> list[wrapperbase]:
    """pyvm: the static ``slotdefs`` table of Objects/typeobject.c.

    In C's order: type slots, then number, mapping and sequence slots; when two
    slots give the same name (``__add__`` from ``nb_add`` and ``sq_concat``) the
    first one a type defines wins.
    """
    t = _slotdefs_state.table
    if t:
        return t
    W = wrapperbase
    K = PyWrapperFlag_KEYWORDS
    t.extend([
        W("__getattribute__", lambda tp: tp.tp_getattro, wrap_binaryfunc,
          "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
        W("__setattr__", lambda tp: tp.tp_setattro, wrap_setattr,
          "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
        W("__delattr__", lambda tp: tp.tp_setattro, wrap_delattr,
          "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
        W("__repr__", lambda tp: tp.tp_repr, wrap_unaryfunc, "__repr__($self, /)\n--\n\nReturn repr(self)."),
        W("__hash__", lambda tp: tp.tp_hash, wrap_hashfunc, "__hash__($self, /)\n--\n\nReturn hash(self)."),
        W("__call__", lambda tp: tp.tp_call, wrap_call,
          "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function.", K),
        W("__str__", lambda tp: tp.tp_str, wrap_unaryfunc, "__str__($self, /)\n--\n\nReturn str(self)."),
        W("__lt__", lambda tp: tp.tp_richcompare, richcmp_lt, "__lt__($self, value, /)\n--\n\nReturn self<value."),
        W("__le__", lambda tp: tp.tp_richcompare, richcmp_le, "__le__($self, value, /)\n--\n\nReturn self<=value."),
        W("__eq__", lambda tp: tp.tp_richcompare, richcmp_eq, "__eq__($self, value, /)\n--\n\nReturn self==value."),
        W("__ne__", lambda tp: tp.tp_richcompare, richcmp_ne, "__ne__($self, value, /)\n--\n\nReturn self!=value."),
        W("__gt__", lambda tp: tp.tp_richcompare, richcmp_gt, "__gt__($self, value, /)\n--\n\nReturn self>value."),
        W("__ge__", lambda tp: tp.tp_richcompare, richcmp_ge, "__ge__($self, value, /)\n--\n\nReturn self>=value."),
        W("__iter__", lambda tp: tp.tp_iter, wrap_unaryfunc, "__iter__($self, /)\n--\n\nImplement iter(self)."),
        W("__next__", lambda tp: tp.tp_iternext, wrap_next, "__next__($self, /)\n--\n\nImplement next(self)."),
        W("__get__", lambda tp: tp.tp_descr_get, wrap_descr_get,
          "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
        W("__set__", lambda tp: tp.tp_descr_set, wrap_descr_set,
          "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
        W("__delete__", lambda tp: tp.tp_descr_set, wrap_descr_delete,
          "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
        W("__init__", lambda tp: tp.tp_init, wrap_init,
          "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature.",
          K),
        W("__del__", lambda tp: tp.tp_finalize, wrap_del, "__del__($self, /)\n--\n\nCalled when the instance is about to be destroyed."),
        W("__await__", lambda tp: tp.am_await, wrap_unaryfunc,
          "__await__($self, /)\n--\n\nReturn an iterator to be used in await expression."),
        W("__aiter__", lambda tp: tp.am_aiter, wrap_unaryfunc,
          "__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
        W("__anext__", lambda tp: tp.am_anext, wrap_unaryfunc,
          "__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),
    ])
    for name, rname, get, op in _BINSLOTS:
        t.append(W(name, get, wrap_binaryfunc_l, f"{name}($self, value, /)\n--\n\nReturn self{op}value."))
        t.append(W(rname, get, wrap_binaryfunc_r, f"{rname}($self, value, /)\n--\n\nReturn value{op}self."))
        if name == "__mod__":
            t.append(W("__divmod__", lambda tp: tp.nb_divmod, wrap_binaryfunc_l,
                       "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value)."))
            t.append(W("__rdivmod__", lambda tp: tp.nb_divmod, wrap_binaryfunc_r,
                       "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self)."))
            t.append(W("__pow__", lambda tp: tp.nb_power, wrap_ternaryfunc,
                       "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."))
            t.append(W("__rpow__", lambda tp: tp.nb_power, wrap_ternaryfunc_r,
                       "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."))
            t.append(W("__neg__", lambda tp: tp.nb_negative, wrap_unaryfunc, "__neg__($self, /)\n--\n\n-self"))
            t.append(W("__pos__", lambda tp: tp.nb_positive, wrap_unaryfunc, "__pos__($self, /)\n--\n\n+self"))
            t.append(W("__abs__", lambda tp: tp.nb_absolute, wrap_unaryfunc, "__abs__($self, /)\n--\n\nabs(self)"))
            t.append(W("__bool__", lambda tp: tp.nb_bool, wrap_inquirypred,
                       "__bool__($self, /)\n--\n\nTrue if self else False"))
            t.append(W("__invert__", lambda tp: tp.nb_invert, wrap_unaryfunc, "__invert__($self, /)\n--\n\n~self"))
    t.extend([
        W("__int__", lambda tp: tp.nb_int, wrap_unaryfunc, "__int__($self, /)\n--\n\nint(self)"),
        W("__float__", lambda tp: tp.nb_float, wrap_unaryfunc, "__float__($self, /)\n--\n\nfloat(self)"),
    ])
    for name, get, op in _IBINSLOTS:
        t.append(W(name, get, wrap_binaryfunc, f"{name}($self, value, /)\n--\n\nReturn self{op}value."))
    t.extend([
        W("__ipow__", lambda tp: tp.nb_inplace_power, wrap_ternaryfunc,
          "__ipow__($self, value, /)\n--\n\nReturn self**=value."),
        W("__index__", lambda tp: tp.nb_index, wrap_unaryfunc,
          "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index "
          "into a list."),
        W("__len__", lambda tp: tp.mp_length, wrap_lenfunc, "__len__($self, /)\n--\n\nReturn len(self)."),
        W("__getitem__", lambda tp: tp.mp_subscript, wrap_binaryfunc,
          "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
        W("__setitem__", lambda tp: tp.mp_ass_subscript, wrap_objobjargproc,
          "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
        W("__delitem__", lambda tp: tp.mp_ass_subscript, wrap_delitem,
          "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
        W("__len__", lambda tp: tp.sq_length, wrap_lenfunc, "__len__($self, /)\n--\n\nReturn len(self)."),
        W("__add__", lambda tp: tp.sq_concat, wrap_binaryfunc, "__add__($self, value, /)\n--\n\nReturn self+value."),
        W("__mul__", lambda tp: tp.sq_repeat, wrap_indexargfunc,
          "__mul__($self, value, /)\n--\n\nReturn self*value."),
        W("__rmul__", lambda tp: tp.sq_repeat, wrap_indexargfunc,
          "__rmul__($self, value, /)\n--\n\nReturn value*self."),
        W("__getitem__", lambda tp: tp.sq_item, wrap_sq_item, "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
        W("__setitem__", lambda tp: tp.sq_ass_item, wrap_sq_setitem,
          "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
        W("__delitem__", lambda tp: tp.sq_ass_item, wrap_sq_delitem,
          "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
        W("__contains__", lambda tp: tp.sq_contains, wrap_objobjproc,
          "__contains__($self, key, /)\n--\n\nReturn bool(key in self)."),
        W("__iadd__", lambda tp: tp.sq_inplace_concat, wrap_binaryfunc,
          "__iadd__($self, value, /)\n--\n\nImplement self+=value."),
        W("__imul__", lambda tp: tp.sq_inplace_repeat, wrap_indexargfunc,
          "__imul__($self, value, /)\n--\n\nImplement self*=value."),
    ])
    return t


_BINSLOTS: Final[list[tuple[str, str, Callable[[PyTypeObject], object], str]]] = [
    ("__add__", "__radd__", lambda tp: tp.nb_add, "+"),
    ("__sub__", "__rsub__", lambda tp: tp.nb_subtract, "-"),
    ("__mul__", "__rmul__", lambda tp: tp.nb_multiply, "*"),
    ("__mod__", "__rmod__", lambda tp: tp.nb_remainder, "%"),
    ("__lshift__", "__rlshift__", lambda tp: tp.nb_lshift, "<<"),
    ("__rshift__", "__rrshift__", lambda tp: tp.nb_rshift, ">>"),
    ("__and__", "__rand__", lambda tp: tp.nb_and, "&"),
    ("__xor__", "__rxor__", lambda tp: tp.nb_xor, "^"),
    ("__or__", "__ror__", lambda tp: tp.nb_or, "|"),
    ("__floordiv__", "__rfloordiv__", lambda tp: tp.nb_floor_divide, "//"),
    ("__truediv__", "__rtruediv__", lambda tp: tp.nb_true_divide, "/"),
    ("__matmul__", "__rmatmul__", lambda tp: tp.nb_matrix_multiply, "@"),
]

_IBINSLOTS: Final[list[tuple[str, Callable[[PyTypeObject], object], str]]] = [
    ("__iadd__", lambda tp: tp.nb_inplace_add, "+="),
    ("__isub__", lambda tp: tp.nb_inplace_subtract, "-="),
    ("__imul__", lambda tp: tp.nb_inplace_multiply, "*="),
    ("__imod__", lambda tp: tp.nb_inplace_remainder, "%="),
    ("__ilshift__", lambda tp: tp.nb_inplace_lshift, "<<="),
    ("__irshift__", lambda tp: tp.nb_inplace_rshift, ">>="),
    ("__iand__", lambda tp: tp.nb_inplace_and, "&="),
    ("__ixor__", lambda tp: tp.nb_inplace_xor, "^="),
    ("__ior__", lambda tp: tp.nb_inplace_or, "|="),
    ("__ifloordiv__", lambda tp: tp.nb_inplace_floor_divide, "//="),
    ("__itruediv__", lambda tp: tp.nb_inplace_true_divide, "/="),
    ("__imatmul__", lambda tp: tp.nb_inplace_matrix_multiply, "@="),
]



# ---------------------------------------------------------------------------
# __new__ wrapper


def tp_new_wrapper(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:tp_new_wrapper

    ``T.__new__(S, *args)``: checks that ``S`` is a subtype of ``T`` whose most
    derived static base's ``tp_new`` is ``T``'s.
    """
    assert isinstance(self_, PyTypeObject)
    tp = self_
    items = _tuple_items(args)
    if len(items) < 1:
        _type_error(f"{tp.tp_name}.__new__(): not enough arguments")
    arg0 = items[0]
    if not isinstance(arg0, PyTypeObject):
        _type_error(f"{tp.tp_name}.__new__(X): X is not a type object ({arg0.ob_type.tp_name})")
    assert isinstance(arg0, PyTypeObject)
    subtype = arg0
    if not PyType_IsSubtype(subtype, tp):
        _type_error(f"{tp.tp_name}.__new__({subtype.tp_name}): {subtype.tp_name} is not a "
                    f"subtype of {tp.tp_name}")
    staticbase: Optional[PyTypeObject] = subtype
    while staticbase is not None and staticbase.tp_new is not None and \
            staticbase.tp_flags & Py_TPFLAGS_HEAPTYPE:
        staticbase = staticbase.tp_base
    if staticbase is not None and staticbase.tp_new is not tp.tp_new:
        _type_error(f"{tp.tp_name}.__new__({subtype.tp_name}) is not safe, use "
                    f"{staticbase.tp_name}.__new__()")
    f = tp.tp_new
    assert f is not None
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    rest = _PyTuple_FromArray(items[1:])
    try:
        return f(subtype, rest, kwds)
    finally:
        Py_DECREF(rest)


_tp_new_methoddef: Final = PyMethodDef(
    "__new__", tp_new_wrapper, METH_VARARGS | METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature.")


def add_tp_new_wrapper(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:add_tp_new_wrapper"""
    d = tp.tp_dict
    assert d is not None
    from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_SetItem  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    key = PyUnicode_InternFromString("__new__")
    if PyDict_GetItemWithError(d, key) is not None:
        return
    func = PyCFunction_NewEx(_tp_new_methoddef, tp, None)
    PyDict_SetItem(d, key, func)
    Py_DECREF(func)


# ---------------------------------------------------------------------------
# type's slots


def type_repr(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_repr"""
    assert isinstance(op, PyTypeObject)
    mod = _type_module_str(op)
    if mod is not None and mod != "builtins":
        return _new_str(f"<class '{mod}.{_type_qualname_str(op)}'>")
    return _new_str(f"<class '{op.tp_name}'>")


def type_call(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:type_call"""
    assert isinstance(op, PyTypeObject)
    tp = op
    if tp is PyType_Type:
        items = _tuple_items(args)
        nkw = 0
        if kwds is not None:
            from pyvm.objects.dictobject import PyDict_Size  # cycle
            nkw = PyDict_Size(kwds)
        if len(items) == 1 and nkw == 0:
            r = items[0].ob_type
            Py_INCREF(r)
            return r
        if len(items) != 3:
            _type_error("type() takes 1 or 3 arguments")
    if tp.tp_dict is None:
        PyType_Ready(tp)
    new = tp.tp_new
    if new is None:
        _type_error(f"cannot create '{tp.tp_name}' instances")
    assert new is not None
    obj = new(tp, args, kwds)
    if not (obj.ob_type is tp or PyType_IsSubtype(obj.ob_type, tp)):
        return obj
    if obj.ob_type.tp_dict is None:
        # pyvm: tp_new may return an instance of an unready static subtype
        # (OSError(errno, ...) makes a BrokenPipeError), which inherits tp_init
        # only once readied.
        PyType_Ready(obj.ob_type)
    init = obj.ob_type.tp_init
    if init is not None:
        try:
            init(obj, args, kwds)
        except BaseException:
            Py_DECREF(obj)
            raise
    return obj


def type_vectorcall(callable: PyObject, args: list[PyObject], start: int, nargs: int,
                    kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:type_vectorcall

    pyvm: the vectorcall of every class (``type``'s instances). ``type(x)`` is
    answered at once; a class with its own constructor vectorcall (no
    ``Py_TPFLAGS_HAVE_VECTORCALL`` of its own, see the module docstring) is called
    through it; anything else goes through :func:`type_call`.
    """
    assert isinstance(callable, PyTypeObject)
    tp = callable
    if tp is PyType_Type and nargs == 1 and (kwnames is None or len(_tuple_items(kwnames)) == 0):
        r = args[start].ob_type
        Py_INCREF(r)
        return r
    if not (tp.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL):
        f = tp.tp_vectorcall
        if f is not None:
            return f(tp, args, start, nargs, kwnames)
    return _PyObject_MakeTpCall(tp, args, start, nargs, kwnames)


def type_init(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:type_init"""
    n = len(_tuple_items(args))
    if n != 1 and n != 3:
        _type_error("type.__init__() takes 1 or 3 arguments")


def type_getattro(op: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:_Py_type_getattro_impl

    CPython: Objects/typeobject.c:_Py_type_getattro
    Data descriptors of the metatype win, then the type's own MRO (descriptors
    called with a NULL instance), then the metatype's other attributes.
    """
    assert isinstance(op, PyTypeObject)
    tp = op
    if not PyUnicode_Check(name):
        _attr_name_check(name)
    if tp.tp_dict is None:
        PyType_Ready(tp)
    metatype = tp.ob_type
    meta_get: Optional[descrgetfunc] = None
    meta_attribute = _PyType_Lookup(metatype, name)
    if meta_attribute is not None:
        meta_get = meta_attribute.ob_type.tp_descr_get
        if meta_get is not None and meta_attribute.ob_type.tp_descr_set is not None:
            return meta_get(meta_attribute, tp, metatype)
    attribute = _PyType_Lookup(tp, name)
    if attribute is not None:
        local_get = attribute.ob_type.tp_descr_get
        if local_get is not None:
            Py_INCREF(attribute)
            try:
                return local_get(attribute, None, tp)
            finally:
                Py_DECREF(attribute)
        Py_INCREF(attribute)
        return attribute
    if meta_get is not None:
        assert meta_attribute is not None
        return meta_get(meta_attribute, tp, metatype)
    if meta_attribute is not None:
        Py_INCREF(meta_attribute)
        return meta_attribute
    from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
    PyErr_Format(PyExc_AttributeError,
                 f"type object '{tp.tp_name}' has no attribute '{_unicode_value(name)}'")


def type_setattro(op: PyObject, name: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:type_setattro"""
    assert isinstance(op, PyTypeObject)
    tp = op
    if tp.tp_flags & Py_TPFLAGS_IMMUTABLETYPE:
        _type_error(f"cannot set {_PyObject_ReprStr(name)} attribute of immutable type '{tp.tp_name}'")
    # pyvm: heap types only (class statements); the slot update of update_slot()
    # comes with them.
    _PyObject_GenericSetAttrWithDict(tp, name, value, tp.tp_dict)
    PyType_Modified(tp)
    n = _unicode_value(name)
    if n.startswith("__") and n.endswith("__"):
        update_slot(tp, n)


def type_get_name(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_name"""
    assert isinstance(op, PyTypeObject)
    if isinstance(op, PyHeapTypeObject):
        Py_INCREF(op.ht_name)
        return op.ht_name
    return _new_str(_PyType_Name(op))


def type_get_qualname(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_qualname"""
    assert isinstance(op, PyTypeObject)
    if isinstance(op, PyHeapTypeObject):
        Py_INCREF(op.ht_qualname)
        return op.ht_qualname
    return _new_str(_PyType_Name(op))


def type_get_module(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_module"""
    assert isinstance(op, PyTypeObject)
    m = _type_module_str(op)
    if m is None:
        from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
        PyErr_Format(PyExc_AttributeError, "__module__")
    return _new_str(m)


def type_get_bases(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_get_bases"""
    assert isinstance(op, PyTypeObject)
    if op.tp_dict is None:
        PyType_Ready(op)
    b = op.tp_bases
    assert b is not None
    Py_INCREF(b)
    return b


def type_dict(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_dict"""
    assert isinstance(op, PyTypeObject)
    if op.tp_dict is None:
        PyType_Ready(op)
    d = op.tp_dict
    assert d is not None
    from pyvm.objects.descrobject import PyDictProxy_New  # cycle: descrobject -> typeobject
    return PyDictProxy_New(d)


def type_get_mro(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_get_mro"""
    assert isinstance(op, PyTypeObject)
    if op.tp_dict is None:
        PyType_Ready(op)
    m = op.tp_mro
    if m is None:
        return Py_None
    Py_INCREF(m)
    return m


def type_get_base(op: PyObject) -> PyObject:
    """pyvm: the ``__base__`` member of types (``tp_base``)."""
    assert isinstance(op, PyTypeObject)
    if op.tp_dict is None:
        PyType_Ready(op)
    b = op.tp_base
    return b if b is not None else Py_None


def type_get_doc(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_get_doc"""
    assert isinstance(op, PyTypeObject)
    if not (op.tp_flags & Py_TPFLAGS_HEAPTYPE):
        doc = op.tp_doc
        if doc is None:
            return Py_None
        return _new_str(_PyType_DocWithoutSignature(doc))
    from pyvm.objects.dictobject import PyDict_GetItemWithError  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    d = op.tp_dict
    assert d is not None
    r = PyDict_GetItemWithError(d, PyUnicode_InternFromString("__doc__"))
    if r is None:
        return Py_None
    f = r.ob_type.tp_descr_get
    if f is not None:
        return f(r, None, op)
    Py_INCREF(r)
    return r


def type_mro(self_: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type_mro_impl"""
    assert isinstance(self_, PyTypeObject)
    from pyvm.objects.listobject import PyList_Append, PyList_New  # cycle
    if self_.tp_dict is None:
        PyType_Ready(self_)
    lst = PyList_New(0)
    m = self_.tp_mro
    assert m is not None
    for t in _tuple_items(m):
        PyList_Append(lst, t)
    return lst


def type___instancecheck__(self_: PyObject, inst: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type___instancecheck___impl"""
    from pyvm.objects.abstract import _PyObject_RealIsInstance  # cycle
    from pyvm.objects.boolobject import PyBool_FromLong  # cycle
    return PyBool_FromLong(1 if _PyObject_RealIsInstance(inst, self_) else 0)


def type___subclasscheck__(self_: PyObject, sub: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type___subclasscheck___impl"""
    from pyvm.objects.abstract import _PyObject_RealIsSubclass  # cycle
    from pyvm.objects.boolobject import PyBool_FromLong  # cycle
    return PyBool_FromLong(1 if _PyObject_RealIsSubclass(sub, self_) else 0)


# ---------------------------------------------------------------------------
# object's slots


def excess_args(args: PyObject, kwds: Optional[PyObject]) -> bool:
    """CPython: Objects/typeobject.c:excess_args"""
    if len(_tuple_items(args)) > 0:
        return True
    if kwds is None:
        return False
    from pyvm.objects.dictobject import PyDict_Size  # cycle
    return PyDict_Size(kwds) > 0


def object_init(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:object_init"""
    tp = self_.ob_type
    if excess_args(args, kwds):
        if tp.tp_init is not object_init:
            _type_error("object.__init__() takes exactly one argument (the instance to initialize)")
        if tp.tp_new is object_new:
            _type_error(f"{tp.tp_name}.__init__() takes exactly one argument "
                        "(the instance to initialize)")


def object_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:object_new

    pyvm: instances of heap types are :class:`PyHeapTypeInstance` (header,
    instance dict and slot values) or, for a type without ``__dict__``,
    :class:`PyHeapTypeSlotsInstance`; a plain ``object()`` is a bare header.
    """
    if excess_args(args, kwds):
        if tp.tp_new is not object_new:
            _type_error("object.__new__() takes exactly one argument (the type to instantiate)")
        if tp.tp_init is object_init:
            _type_error(f"{tp.tp_name}() takes no arguments")
    if tp.tp_flags & Py_TPFLAGS_HEAPTYPE:
        if tp.tp_dictoffset != 0:
            return PyHeapTypeInstance(tp, tp.tp_basicsize)
        return PyHeapTypeSlotsInstance(tp, tp.tp_basicsize)
    return PyObject(tp)


def object_dealloc(op: PyObject) -> None:
    """CPython: Objects/typeobject.c:object_dealloc"""


def object_repr(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:object_repr"""
    tp = op.ob_type
    mod = _type_module_str(tp)
    if mod is not None and mod != "builtins":
        return _new_str(f"<{mod}.{_type_qualname_str(tp)} object at {id(op):#x}>")
    return _new_str(f"<{tp.tp_name} object at {id(op):#x}>")


def object_str(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:object_str"""
    f = op.ob_type.tp_repr
    if f is None:
        f = object_repr
    return f(op)


def object_hash(op: PyObject) -> int:
    """CPython: Python/pyhash.c:Py_HashPointer (object's tp_hash)"""
    return _Py_HashPointer(op)


def object_richcompare(self_: PyObject, other: PyObject, op: int) -> PyObject:
    """CPython: Objects/typeobject.c:object_richcompare"""
    from pyvm.objects.boolobject import Py_False, Py_True  # cycle
    if op == Py_EQ:
        return Py_True if self_ is other else Py_NotImplemented
    if op == Py_NE:
        f = self_.ob_type.tp_richcompare
        if f is None:
            return Py_NotImplemented
        res = f(self_, other, Py_EQ)
        if res is not Py_NotImplemented:
            ok = PyObject_IsTrue(res)
            Py_DECREF(res)
            return Py_False if ok else Py_True
        return res
    return Py_NotImplemented


def object_get_class(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:object_get_class"""
    return op.ob_type


def compatible_with_tp_base(child: PyTypeObject) -> bool:
    """CPython: Objects/typeobject.c:compatible_with_tp_base"""
    parent = child.tp_base
    return (parent is not None
            and child.tp_basicsize == parent.tp_basicsize
            and child.tp_itemsize == parent.tp_itemsize
            and child.tp_dictoffset == parent.tp_dictoffset
            and child.tp_weaklistoffset == parent.tp_weaklistoffset
            and (child.tp_flags & Py_TPFLAGS_HAVE_GC) == (parent.tp_flags & Py_TPFLAGS_HAVE_GC)
            and (child.tp_dealloc is subtype_dealloc or child.tp_dealloc is parent.tp_dealloc))


def same_slots_added(a: PyTypeObject, b: PyTypeObject) -> bool:
    """CPython: Objects/typeobject.c:same_slots_added

    pyvm: the dict and the weakref list never take room in the slot list (C's
    managed offsets), so only the ``__slots__`` names count.
    """
    base = a.tp_base
    assert base is not None and base is b.tp_base
    size = base.tp_basicsize
    if not (a.tp_flags & Py_TPFLAGS_HEAPTYPE) or not (b.tp_flags & Py_TPFLAGS_HEAPTYPE):
        return False
    assert isinstance(a, PyHeapTypeObject) and isinstance(b, PyHeapTypeObject)
    slots_a = a.ht_slots
    slots_b = b.ht_slots
    if slots_a is not None and slots_b is not None:
        ia = _tuple_items(slots_a)
        ib = _tuple_items(slots_b)
        if [_unicode_value(x) for x in ia] != [_unicode_value(x) for x in ib]:
            return False
        size += len(ia)
    return size == a.tp_basicsize and size == b.tp_basicsize


def _inline_values(tp: PyTypeObject) -> bool:
    """pyvm: C's ``Py_TPFLAGS_INLINE_VALUES``: a managed dict and no items."""
    return tp.tp_dictoffset == -1 and tp.tp_itemsize == 0


def _preheader(tp: PyTypeObject) -> int:
    """pyvm: C's ``Py_TPFLAGS_PREHEADER`` bits (managed dict, managed weakref)."""
    return (1 if tp.tp_dictoffset == -1 else 0) | (2 if tp.tp_weaklistoffset == MANAGED_WEAKREF_OFFSET else 0)


def compatible_for_assignment(oldto: PyTypeObject, newto: PyTypeObject, attr: str) -> None:
    """CPython: Objects/typeobject.c:compatible_for_assignment

    Raises TypeError unless instances of ``oldto`` can become instances of
    ``newto``: the highest base each is layout-compatible with must be the same
    type, or two siblings that added the same slots. pyvm: C's ``tp_free``
    check always passes (every object is freed alike).
    """
    newbase = newto
    oldbase = oldto
    while compatible_with_tp_base(newbase):
        nb = newbase.tp_base
        assert nb is not None
        newbase = nb
    while compatible_with_tp_base(oldbase):
        ob = oldbase.tp_base
        assert ob is not None
        oldbase = ob
    if (newbase is not oldbase
            and (newbase.tp_base is not oldbase.tp_base or not same_slots_added(newbase, oldbase))) \
            or _inline_values(oldto) != _inline_values(newto) \
            or _preheader(oldto) != _preheader(newto):
        _type_error(f"{attr} assignment: '{newto.tp_name}' object layout differs from "
                    f"'{oldto.tp_name}'")


def object_set_class(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:object_set_class

    CPython: Objects/typeobject.c:object_set_class_world_stopped
    Only between heap types (or ModuleType subclasses) of compatible layouts.
    pyvm: two compatible layouts are the same host class, so the object's host
    class never has to change; heap types are immortal here, so the new type
    takes no reference.
    """
    if value is None:
        _type_error("can't delete __class__ attribute")
    assert value is not None
    if not isinstance(value, PyTypeObject):
        _type_error(f"__class__ must be set to a class, not '{value.ob_type.tp_name}' object")
    assert isinstance(value, PyTypeObject)
    newto = value
    oldto = op.ob_type
    from pyvm.objects.moduleobject import PyModule_Type  # cycle
    if not (PyType_IsSubtype(newto, PyModule_Type) and PyType_IsSubtype(oldto, PyModule_Type)) \
            and (newto.tp_flags & Py_TPFLAGS_IMMUTABLETYPE or oldto.tp_flags & Py_TPFLAGS_IMMUTABLETYPE):
        _type_error("__class__ assignment only supported for mutable types or ModuleType subclasses")
    if newto.tp_dict is None:
        PyType_Ready(newto)
    compatible_for_assignment(oldto, newto, "__class__")
    op.ob_type = newto


def object___format__(self_: PyObject, format_spec: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:object___format___impl"""
    if not PyUnicode_Check(format_spec):
        _type_error(f"__format__() argument must be str, not {format_spec.ob_type.tp_name}")
    if len(_unicode_value(format_spec)) > 0:
        _type_error(f"unsupported format string passed to {self_.ob_type.tp_name}.__format__")
    return PyObject_Str(self_)


def object___init_subclass__(cls: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:object_init_subclass"""
    return Py_None


def object___subclasshook__(cls: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:object_subclasshook"""
    return Py_NotImplemented


def object___dir__(self_: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:object___dir___impl

    pyvm: the instance dict's keys plus the attributes of the type's MRO, as a list.
    """
    from pyvm.objects.dictobject import PyDict_New, PyDict_SetItem, PyDict_Keys  # cycle
    d = PyDict_New()
    try:
        own = _PyObject_GetDictPtr(self_)
        if own is not None:
            keys = PyDict_Keys(own)
            from pyvm.objects.listobject import PyListObject  # cycle
            assert isinstance(keys, PyListObject)
            for k in keys.ob_item:
                PyDict_SetItem(d, k, Py_None)
            Py_DECREF(keys)
        tp = self_.ob_type
        if tp.tp_dict is None:
            PyType_Ready(tp)
        m = tp.tp_mro
        assert m is not None
        for b in _tuple_items(m):
            assert isinstance(b, PyTypeObject)
            bd = b.tp_dict
            assert bd is not None
            keys = PyDict_Keys(bd)
            from pyvm.objects.listobject import PyListObject  # cycle
            assert isinstance(keys, PyListObject)
            for k in keys.ob_item:
                PyDict_SetItem(d, k, Py_None)
            Py_DECREF(keys)
        return PyDict_Keys(d)
    finally:
        Py_DECREF(d)


def type___dir__(self_: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:type___dir___impl

    CPython: Objects/typeobject.c:merge_class_dict
    The names of the class and all its bases, as a list (``dir()`` sorts it).
    """
    assert isinstance(self_, PyTypeObject)
    from pyvm.objects.dictobject import PyDict_Keys, PyDict_New, PyDict_SetItem  # cycle
    from pyvm.objects.listobject import PyListObject  # cycle
    if self_.tp_dict is None:
        PyType_Ready(self_)
    d = PyDict_New()
    try:
        m = self_.tp_mro
        assert m is not None
        for b in _tuple_items(m):
            assert isinstance(b, PyTypeObject)
            bd = b.tp_dict
            assert bd is not None
            keys = PyDict_Keys(bd)
            assert isinstance(keys, PyListObject)
            for k in keys.ob_item:
                PyDict_SetItem(d, k, Py_None)
            Py_DECREF(keys)
        return PyDict_Keys(d)
    finally:
        Py_DECREF(d)


def PyObject_Dir(obj: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_Dir

    CPython: Objects/object.c:_dir_object
    ``dir(obj)``: the sorted list ``obj.__dir__()`` gives.
    """
    dirfunc = _PyObject_LookupSpecialString(obj, "__dir__")
    if dirfunc is None:
        _type_error("object does not provide __dir__")
    assert dirfunc is not None
    from pyvm.objects.abstract import PySequence_List  # cycle
    from pyvm.objects.listobject import PyList_Sort  # cycle
    try:
        result = PyObject_CallNoArgs(dirfunc)
    finally:
        Py_DECREF(dirfunc)
    try:
        lst = PySequence_List(result)
    finally:
        Py_DECREF(result)
    try:
        PyList_Sort(lst)
    except BaseException:
        Py_DECREF(lst)
        raise
    return lst


def _PyObject_LookupSpecial(obj: PyObject, name: PyObject) -> Optional[PyObject]:
    """CPython: Objects/typeobject.c:_PyObject_LookupSpecial

    Looks ``name`` up on the type only and binds it; returns a new reference or
    None.
    """
    res = _PyType_Lookup(obj.ob_type, name)
    if res is None:
        return None
    f = res.ob_type.tp_descr_get
    if f is None:
        Py_INCREF(res)
        return res
    Py_INCREF(res)
    try:
        return f(res, obj, obj.ob_type)
    finally:
        Py_DECREF(res)


def _PyObject_LookupSpecialString(obj: PyObject, name: str) -> Optional[PyObject]:
    """pyvm: :func:`_PyObject_LookupSpecial` with a host name (C's ``&_Py_ID(name)``)."""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return _PyObject_LookupSpecial(obj, PyUnicode_InternFromString(name))


def PyType_GenericAlloc(tp: PyTypeObject, nitems: int) -> PyObject:
    """CPython: Objects/typeobject.c:PyType_GenericAlloc"""
    return PyObject(tp)


def PyType_GenericNew(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:PyType_GenericNew"""
    return PyType_GenericAlloc(tp, 0)


def _noop_setter(op: PyObject, value: Optional[PyObject]) -> None:
    """pyvm: the setter of type getsets that static types refuse."""
    _type_error("can't set attributes of built-in/extension type")


# ---------------------------------------------------------------------------
# Heap types: type_new and its helpers


def _intern(s: str) -> PyObject:
    """pyvm: C's ``&_Py_ID(name)``: the interned str."""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return PyUnicode_InternFromString(s)


def _attr_error(msg: str) -> None:
    """pyvm: raise AttributeError."""
    from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
    PyErr_Format(PyExc_AttributeError, msg)


def _PyType_CalculateMetaclass(metatype: PyTypeObject, bases: list[PyObject]) -> PyTypeObject:
    """CPython: Objects/typeobject.c:_PyType_CalculateMetaclass"""
    winner = metatype
    for tmp in bases:
        tmptype = tmp.ob_type
        if PyType_IsSubtype(winner, tmptype):
            continue
        if PyType_IsSubtype(tmptype, winner):
            winner = tmptype
            continue
        _type_error("metaclass conflict: the metaclass of a derived class must be a "
                    "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def shape_differs(t1: PyTypeObject, t2: PyTypeObject) -> bool:
    """CPython: Objects/typeobject.c:shape_differs

    pyvm: a heap type's shape is its slot count and item size, as in C; static
    types have no sizes here, so one differs from its base when it allocates
    its instances with a ``tp_new`` of its own.
    """
    if t1.tp_flags & Py_TPFLAGS_HEAPTYPE:
        return t1.tp_basicsize != t2.tp_basicsize or t1.tp_itemsize != t2.tp_itemsize
    base = t1.tp_base
    return base is not None and t1.tp_new is not base.tp_new


def solid_base(tp: PyTypeObject) -> PyTypeObject:
    """CPython: Objects/typeobject.c:solid_base

    The nearest ancestor (or ``tp`` itself) whose instance layout differs from
    its base's.
    """
    base = tp.tp_base
    if base is None:
        return tp
    sb = solid_base(base)
    return tp if shape_differs(tp, sb if tp.tp_flags & Py_TPFLAGS_HEAPTYPE else base) else sb


def best_base(bases: list[PyObject]) -> PyTypeObject:
    """CPython: Objects/typeobject.c:best_base"""
    base: Optional[PyTypeObject] = None
    winner: Optional[PyTypeObject] = None
    for b in bases:
        if not isinstance(b, PyTypeObject):
            _type_error("bases must be types")
        assert isinstance(b, PyTypeObject)
        if b.tp_dict is None:
            PyType_Ready(b)
        if not (b.tp_flags & Py_TPFLAGS_BASETYPE):
            _type_error(f"type '{b.tp_name}' is not an acceptable base type")
        candidate = solid_base(b)
        if winner is None:
            winner = candidate
            base = b
        elif PyType_IsSubtype(winner, candidate):
            pass
        elif PyType_IsSubtype(candidate, winner):
            winner = candidate
            base = b
        else:
            _type_error("multiple bases have instance lay-out conflict")
    assert base is not None
    return base


def _class_name(cls: PyObject) -> str:
    """pyvm: C's ``class_name`` (``cls.__name__``, or its repr)."""
    if isinstance(cls, PyTypeObject):
        return _PyType_Name(cls)
    return _PyObject_ReprStr(cls)


def check_duplicates(bases: list[PyObject]) -> None:
    """CPython: Objects/typeobject.c:check_duplicates"""
    for i in range(len(bases)):
        for j in range(i + 1, len(bases)):
            if bases[i] is bases[j]:
                _type_error(f"duplicate base class {_class_name(bases[i])}")


def tail_contains(lst: list[PyObject], whence: int, o: PyObject) -> bool:
    """CPython: Objects/typeobject.c:tail_contains"""
    for j in range(whence + 1, len(lst)):
        if lst[j] is o:
            return True
    return False


def pmerge(acc: list[PyObject], to_merge: list[list[PyObject]]) -> None:
    """CPython: Objects/typeobject.c:pmerge

    The C3 merge: repeatedly take the first head that is in no other list's tail.
    """
    remain = [0] * len(to_merge)
    while True:
        empty_cnt = 0
        progressed = False
        for i in range(len(to_merge)):
            cur = to_merge[i]
            if remain[i] >= len(cur):
                empty_cnt += 1
                continue
            candidate = cur[remain[i]]
            blocked = False
            for j in range(len(to_merge)):
                if tail_contains(to_merge[j], remain[j], candidate):
                    blocked = True
                    break
            if blocked:
                continue
            acc.append(candidate)
            for j in range(len(to_merge)):
                lj = to_merge[j]
                if remain[j] < len(lj) and lj[remain[j]] is candidate:
                    remain[j] += 1
            progressed = True
            break
        if empty_cnt == len(to_merge):
            return
        if not progressed:
            # set_mro_error
            names: list[str] = []
            seen: list[PyObject] = []
            for i in range(len(to_merge)):
                if remain[i] < len(to_merge[i]):
                    c = to_merge[i][remain[i]]
                    if not any(c is s for s in seen):
                        seen.append(c)
                        names.append(_class_name(c))
            _type_error("Cannot create a consistent method resolution order (MRO) for bases "
                        + ", ".join(names))


def mro_implementation(tp: PyTypeObject) -> list[PyObject]:
    """CPython: Objects/typeobject.c:mro_implementation

    CPython: Objects/typeobject.c:mro_implementation_unlocked
    The C3 linearization of ``tp`` and its bases (one base: the shortcut).
    """
    if tp.tp_bases is not None:
        bases = list(_tuple_items(tp.tp_bases))
    else:
        bases = [tp.tp_base] if tp.tp_base is not None else []
    for b in bases:
        assert isinstance(b, PyTypeObject)
        if b.tp_mro is None:
            _type_error(f"Cannot extend an incomplete type '{b.tp_name}'")
    if len(bases) == 0:
        return [tp]
    if len(bases) == 1:
        b0 = bases[0]
        assert isinstance(b0, PyTypeObject)
        bm = b0.tp_mro
        assert bm is not None
        return [tp] + list(_tuple_items(bm))
    check_duplicates(bases)
    to_merge: list[list[PyObject]] = []
    for b in bases:
        assert isinstance(b, PyTypeObject)
        bm = b.tp_mro
        assert bm is not None
        to_merge.append(list(_tuple_items(bm)))
    to_merge.append(bases)
    result: list[PyObject] = [tp]
    pmerge(result, to_merge)
    return result


class PyHeapTypeInstance(PyObjectWithDict):
    """pyvm: an instance of a class statement whose static solid base is
    ``object`` and whose type has a ``__dict__``: the header, the instance dict
    (C's managed dict) and the values of the ``__slots__`` slots of the type and
    its bases (``ob_slots[i]`` is C's ``*(PyObject **)((char *)self + offset)``;
    None is C's NULL, an unset slot)."""

    ob_slots: list[Optional[PyObject]]

    def __init__(self, tp: PyTypeObject, nslots: int) -> None:
        super().__init__(tp)
        self.ob_slots = [None] * nslots


class PyHeapTypeSlotsInstance(PyObject):
    """pyvm: an instance of a class statement whose ``__slots__`` leave it
    without a ``__dict__`` (static solid base ``object``): the header and the slot
    values only, so the generic attribute code finds no dict to store into."""

    ob_slots: list[Optional[PyObject]]

    def __init__(self, tp: PyTypeObject, nslots: int) -> None:
        super().__init__(tp)
        self.ob_slots = [None] * nslots


class _ManagedSlots:
    """pyvm: the slot values of instances allocated by a builtin's constructor
    (a ``dict`` subclass with ``__slots__``, say), whose host class has no room
    for them; keyed by identity, released by :func:`subtype_dealloc`, as
    object.py's managed dicts are."""

    values: dict[int, list[Optional[PyObject]]]

    def __init__(self) -> None:
        self.values = {}


_managed_slots: Final = _ManagedSlots()


def _PyObject_SlotValues(obj: PyObject) -> list[Optional[PyObject]]:
    """pyvm: the ``__slots__`` values of ``obj`` (the memory after C's base
    struct), indexed by the member's ``offset``; created on first use for the
    instances of builtin subclasses."""
    if isinstance(obj, PyHeapTypeInstance):
        return obj.ob_slots
    if isinstance(obj, PyHeapTypeSlotsInstance):
        return obj.ob_slots
    v = _managed_slots.values.get(id(obj))
    if v is None:
        v = [None] * obj.ob_type.tp_basicsize
        _managed_slots.values[id(obj)] = v
    return v


class _Finalized:
    """pyvm: the identities of the live objects whose finalizer has run (C's
    ``_PyGC_FINALIZED`` bit in the GC header); :func:`subtype_dealloc` forgets
    an object when it is really freed."""

    ids: set[int]

    def __init__(self) -> None:
        self.ids = set()


_finalized: Final = _Finalized()


def PyObject_CallFinalizer(self_: PyObject) -> None:
    """CPython: Objects/object.c:PyObject_CallFinalizer

    Runs ``tp_finalize`` at most once in the object's life.
    """
    tp = self_.ob_type
    f = tp.tp_finalize
    if f is None:
        return
    if id(self_) in _finalized.ids:
        return
    f(self_)
    _finalized.ids.add(id(self_))


def PyObject_CallFinalizerFromDealloc(self_: PyObject) -> bool:
    """CPython: Objects/object.c:PyObject_CallFinalizerFromDealloc

    Temporarily resurrects the dying object (count 0 → 1) for its finalizer.
    Returns True when the finalizer resurrected it for good (the dealloc must
    stop), False on the normal path.
    """
    assert self_.ob_refcnt == 0
    # _PyObject_ResurrectStart
    self_.ob_refcnt = 1
    if _debug.enabled:
        _debug.ref_total += 1
    PyObject_CallFinalizer(self_)
    assert self_.ob_refcnt > 0
    # _PyObject_ResurrectEnd
    self_.ob_refcnt -= 1
    if _debug.enabled:
        _debug.ref_total -= 1
    if self_.ob_refcnt != 0:
        return True
    # The object is freed now: its "finalized" bit goes with it.
    _finalized.ids.discard(id(self_))
    return False


def clear_slots(tp: PyTypeObject, self_: PyObject) -> None:
    """CPython: Objects/typeobject.c:clear_slots

    Releases the values of the slots ``tp`` itself added (its members).
    """
    if not isinstance(tp, PyHeapTypeObject) or tp.ht_slots is None:
        return
    n = len(_tuple_items(tp.ht_slots))
    if n == 0:
        return
    values = _PyObject_SlotValues(self_)
    first = tp.tp_basicsize - n
    for i in range(first, tp.tp_basicsize):
        v = values[i]
        if v is not None:
            values[i] = None
            Py_DECREF(v)


def subtype_dealloc(op: PyObject) -> None:
    """CPython: Objects/typeobject.c:subtype_dealloc

    Runs the finalizer (``__del__``) first, once, and stops if it resurrected
    the object; then clears the weak references (when this type added them),
    the slots of every heap type up to the nearest static base, the instance
    dict, and runs that base's dealloc.
    """
    tp = op.ob_type
    # The nearest base with a different tp_dealloc.
    base: Optional[PyTypeObject] = tp
    while base is not None and base.tp_dealloc is subtype_dealloc:
        base = base.tp_base
    assert base is not None
    has_finalizer = tp.tp_finalize is not None
    if tp.tp_finalize is not None:
        if PyObject_CallFinalizerFromDealloc(op):
            return  # resurrected
    # The weak references this type added go before the slots and the dict
    # (a base that supports them clears them in its own dealloc).
    if tp.tp_weaklistoffset != 0 and base.tp_weaklistoffset == 0:
        PyObject_ClearWeakRefs(op)
    if has_finalizer and tp.tp_weaklistoffset != 0 and base.tp_weaklistoffset == 0 \
            and id(op) in _weakref_lists.heads:
        # Weak references made by the finalizer go without their callbacks.
        # (pyvm: the table test first spares the import when there are none.)
        from pyvm.objects.weakrefobject import _PyWeakref_ClearWeakRefsNoCallbacks  # cycle
        _PyWeakref_ClearWeakRefsNoCallbacks(op)
    # Clear slots up to the nearest base with a different tp_dealloc.
    base = tp
    while base is not None and base.tp_dealloc is subtype_dealloc:
        clear_slots(base, op)
        base = base.tp_base
    ms = _managed_slots.values.pop(id(op), None)
    if ms is not None:
        for v in ms:
            if v is not None:
                Py_DECREF(v)
    if isinstance(op, PyObjectWithDict):
        _PyObject_ClearDict(op)
    elif op.ob_type.tp_flags & Py_TPFLAGS_MANAGED_DICT:
        _PyObject_ClearManagedDict(op)
    # The type again: __del__ may have assigned __class__.
    base = op.ob_type
    while base is not None and base.tp_dealloc is subtype_dealloc:
        base = base.tp_base
    if base is not None:
        f = base.tp_dealloc
        if f is not None:
            f(op)


def subtype_getweakref(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:subtype_getweakref

    ``__weakref__``: the first weak reference to ``op``, or None.
    """
    if op.ob_type.tp_weaklistoffset == 0:
        _attr_error("This object has no __weakref__")
    head = _weakref_lists.heads.get(id(op))
    return Py_NewRef(Py_None if head is None else head)


def subtype_dict(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:subtype_dict"""
    if not isinstance(op, PyObjectWithDict) and op.ob_type.tp_flags & Py_TPFLAGS_MANAGED_DICT:
        md = _PyObject_ManagedDictCreate(op)
        Py_INCREF(md)
        return md
    if not isinstance(op, PyObjectWithDict):
        _attr_error("This object has no __dict__")
    assert isinstance(op, PyObjectWithDict)
    d = op.ob_dict
    if d is None:
        from pyvm.objects.dictobject import PyDict_New  # cycle
        d = PyDict_New()
        op.ob_dict = d
    Py_INCREF(d)
    return d


def subtype_setdict(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:subtype_setdict"""
    if not isinstance(op, PyObjectWithDict) and op.ob_type.tp_flags & Py_TPFLAGS_MANAGED_DICT:
        _PyObject_ClearManagedDict(op)
        if value is not None:
            Py_INCREF(value)
            _managed_dicts.dicts[id(op)] = value
        return
    if not isinstance(op, PyObjectWithDict):
        _attr_error("This object has no __dict__")
    assert isinstance(op, PyObjectWithDict)
    from pyvm.objects.dictobject import PyDict_Check as PyDict_CheckLike  # cycle
    if value is not None and not PyDict_CheckLike(value):
        _type_error(f"__dict__ must be set to a dictionary, not a '{value.ob_type.tp_name}'")
    if value is not None:
        Py_INCREF(value)
    old = op.ob_dict
    op.ob_dict = value
    if old is not None:
        Py_DECREF(old)


def _static_base(tp: PyTypeObject) -> PyTypeObject:
    """pyvm: the nearest static type in ``tp``'s base chain: the type whose
    ``tp_new`` allocates the instances (so whose host class holds them)."""
    t: Optional[PyTypeObject] = tp
    while t is not None and t.tp_flags & Py_TPFLAGS_HEAPTYPE:
        t = t.tp_base
    assert t is not None
    return t


def _needs_managed_dict(base: PyTypeObject, add_dict: bool) -> bool:
    """pyvm: whether instances of a class deriving from ``base`` keep their dict
    in object.py's managed-dict table: they inherit one from ``base``, or the
    class adds a ``__dict__`` to instances allocated by a builtin whose host class
    has no dict field (``list``, ``int`` …)."""
    if base.tp_flags & Py_TPFLAGS_MANAGED_DICT:
        return True
    if not add_dict:
        return False
    sb = solid_base(_static_base(base))
    return not (sb is PyBaseObject_Type or sb.tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS)


def _dict_get(d: PyObject, name: str) -> Optional[PyObject]:
    """pyvm: ``PyDict_GetItemWithError(d, &_Py_ID(name))`` (borrowed)."""
    from pyvm.objects.dictobject import PyDict_GetItemWithError  # cycle
    return PyDict_GetItemWithError(d, _intern(name))


class type_new_ctx:
    """pyvm: mirrors the ``type_new_ctx`` struct of Objects/typeobject.c: what
    ``type_new`` learns about the new class before allocating it."""

    name: PyObject
    base: PyTypeObject
    nbases: int
    slots: Optional[list[PyObject]]
    add_dict: int
    add_weak: int
    may_add_dict: bool
    may_add_weak: bool

    def __init__(self, name: PyObject, base: PyTypeObject, nbases: int) -> None:
        self.name = name
        self.base = base
        self.nbases = nbases
        self.slots = None
        self.add_dict = 0
        self.add_weak = 0
        self.may_add_dict = False
        self.may_add_weak = False


def valid_identifier(s: PyObject) -> None:
    """CPython: Objects/typeobject.c:valid_identifier"""
    if not PyUnicode_Check(s):
        _type_error(f"__slots__ items must be strings, not '{s.ob_type.tp_name}'")
    if not _unicode_value(s).isidentifier():
        _type_error("__slots__ must be identifiers")


def type_new_get_slots(ctx: type_new_ctx, d: PyObject) -> None:
    """CPython: Objects/typeobject.c:type_new_get_slots

    ``__slots__`` of the namespace as a list (a str is one name).
    """
    slots = _dict_get(d, "__slots__")
    if slots is None:
        ctx.slots = None
        return
    if PyUnicode_Check(slots):
        Py_INCREF(slots)
        ctx.slots = [slots]
        return
    from pyvm.objects.abstract import PySequence_Tuple  # cycle
    t = PySequence_Tuple(slots)
    # pyvm: ctx.slots owns its names (C keeps the tuple).
    ctx.slots = list(_tuple_items(t))
    for o in ctx.slots:
        Py_INCREF(o)
    Py_DECREF(t)


def type_new_visit_slots(ctx: type_new_ctx) -> None:
    """CPython: Objects/typeobject.c:type_new_visit_slots

    Checks the names and counts ``__dict__`` / ``__weakref__``.
    """
    assert ctx.slots is not None
    for name in ctx.slots:
        valid_identifier(name)
        n = _unicode_value(name)
        if n == "__dict__":
            if not ctx.may_add_dict or ctx.add_dict != 0:
                _type_error("__dict__ slot disallowed: we already got one")
            ctx.add_dict += 1
        if n == "__weakref__":
            if not ctx.may_add_weak or ctx.add_weak != 0:
                _type_error("__weakref__ slot disallowed: we already got one")
            ctx.add_weak += 1


def type_new_copy_slots(ctx: type_new_ctx, d: PyObject) -> list[PyObject]:
    """CPython: Objects/typeobject.c:type_new_copy_slots

    The slot names without ``__dict__`` / ``__weakref__``, mangled and sorted
    (sorted names let ``__class__`` assignment compare two types' slots). New
    references. A name that is also a class variable is a ValueError.
    """
    from pyvm.objects.dictobject import PyDict_Contains  # cycle
    assert ctx.slots is not None
    private = _unicode_value(ctx.name)
    new_slots: list[PyObject] = []
    try:
        for slot in ctx.slots:
            n = _unicode_value(slot)
            if (ctx.add_dict and n == "__dict__") or (ctx.add_weak and n == "__weakref__"):
                continue
            mangled = _Py_Mangle(private, n)
            if mangled == n:
                Py_INCREF(slot)
                m = slot
            else:
                m = _new_str(mangled)
            new_slots.append(m)
            if PyDict_Contains(d, m):
                # CPython inserts these names into the namespace itself and
                # deletes them below, so they are no class variables.
                if mangled not in ("__qualname__", "__classcell__", "__classdictcell__"):
                    r = PyObject_Repr(m)
                    msg = _unicode_value(r)
                    Py_DECREF(r)
                    from pyvm.objects.exceptions import PyExc_ValueError  # cycle
                    PyErr_Format(PyExc_ValueError, f"{msg} in __slots__ conflicts with class variable")
    except BaseException:
        for o in new_slots:
            Py_DECREF(o)
        raise
    new_slots.sort(key=_unicode_value)
    return new_slots


def type_new_slots_bases(ctx: type_new_ctx, bases: list[PyObject]) -> None:
    """CPython: Objects/typeobject.c:type_new_slots_bases

    Secondary bases may provide the dict or the weakref list.
    """
    if ctx.nbases > 1 and ((ctx.may_add_dict and ctx.add_dict == 0)
                           or (ctx.may_add_weak and ctx.add_weak == 0)):
        for b in bases:
            if b is ctx.base:
                continue  # the primary base
            assert isinstance(b, PyTypeObject)
            if ctx.may_add_dict and ctx.add_dict == 0 and b.tp_dictoffset != 0:
                ctx.add_dict += 1
            if ctx.may_add_weak and ctx.add_weak == 0 and b.tp_weaklistoffset != 0:
                ctx.add_weak += 1
            if ctx.may_add_dict and ctx.add_dict == 0:
                continue
            if ctx.may_add_weak and ctx.add_weak == 0:
                continue
            break


def type_new_slots_impl(ctx: type_new_ctx, d: PyObject, bases: list[PyObject]) -> None:
    """CPython: Objects/typeobject.c:type_new_slots_impl"""
    assert ctx.slots is not None
    if len(ctx.slots) > 0 and ctx.base.tp_itemsize != 0:
        _type_error(f"nonempty __slots__ not supported for subtype of '{ctx.base.tp_name}'")
    type_new_visit_slots(ctx)
    new_slots = type_new_copy_slots(ctx, d)
    old = ctx.slots
    ctx.slots = new_slots
    for o in old:
        Py_DECREF(o)
    type_new_slots_bases(ctx, bases)


def type_new_slots(ctx: type_new_ctx, d: PyObject, bases: list[PyObject]) -> None:
    """CPython: Objects/typeobject.c:type_new_slots

    Decides whether the instances get a ``__dict__`` and a ``__weakref__`` and
    which slots they carry.
    """
    ctx.add_dict = 0
    ctx.add_weak = 0
    ctx.may_add_dict = ctx.base.tp_dictoffset == 0
    ctx.may_add_weak = ctx.base.tp_weaklistoffset == 0 and ctx.base.tp_itemsize == 0
    if ctx.slots is None:
        if ctx.may_add_dict:
            ctx.add_dict += 1
        if ctx.may_add_weak:
            ctx.add_weak += 1
    else:
        type_new_slots_impl(ctx, d, bases)


def type_new_descriptors(ctx: type_new_ctx, tp: PyHeapTypeObject) -> None:
    """CPython: Objects/typeobject.c:type_new_descriptors

    CPython: Objects/typeobject.c:type_new_set_slots
    A member descriptor per slot (its ``offset`` is the index in the instance's
    slot list, after the base's slots), the ``__dict__`` / ``__weakref__``
    getsets the type adds, and the layout fields.
    """
    from pyvm.objects.descrobject import PyDescr_NewGetSet, PyDescr_NewMember, Py_T_OBJECT_EX  # cycle: descrobject -> typeobject
    from pyvm.objects.dictobject import PyDict_SetDefault  # cycle
    d = tp.tp_dict
    assert d is not None
    slotoffset = ctx.base.tp_basicsize
    if tp.ht_slots is not None:
        for name in _tuple_items(tp.ht_slots):
            m = PyDescr_NewMember(tp, PyMemberDef(_unicode_value(name), None, None, 0, None,
                                                  Py_T_OBJECT_EX, slotoffset))
            PyDict_SetDefault(d, name, m)
            Py_DECREF(m)
            slotoffset += 1
    if ctx.add_weak:
        tp.tp_flags |= Py_TPFLAGS_MANAGED_WEAKREF
        tp.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    if ctx.add_dict:
        tp.tp_dictoffset = -1
    tp.tp_basicsize = slotoffset
    tp.tp_itemsize = ctx.base.tp_itemsize
    # type_new_set_slots: subtype_getsets_full / _dict_only / _weakref_only
    if ctx.add_dict:
        gs = PyDescr_NewGetSet(tp, PyGetSetDef("__dict__", subtype_dict, subtype_setdict,
                                               "dictionary for instance variables"))
        PyDict_SetDefault(d, _intern("__dict__"), gs)
        Py_DECREF(gs)
    if ctx.add_weak:
        gs = PyDescr_NewGetSet(tp, PyGetSetDef("__weakref__", subtype_getweakref, None,
                                               "list of weak references to the object"))
        PyDict_SetDefault(d, _intern("__weakref__"), gs)
        Py_DECREF(gs)


def type_new(metatype: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:type_new

    CPython: Objects/typeobject.c:type_new_impl
    CPython: Objects/typeobject.c:type_new_init
    CPython: Objects/typeobject.c:type_new_set_attrs
    ``type(name, bases, dict, **kwds)``: a new heap type. The namespace is copied;
    ``__slots__`` decides the instance layout; ``__qualname__``, ``__classcell__``
    and ``__classdictcell__`` are taken out of it; the type is readied (MRO,
    inherited slots), its slots are pointed at the ``slot_*`` dispatchers for
    the dunders it defines, ``__set_name__`` and the base's
    ``__init_subclass__`` run.
    """
    from pyvm.objects.dictobject import PyDict_Copy, PyDict_DelItem, PyDict_SetItem  # cycle
    from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArray, _PyTuple_FromArraySteal  # cycle
    items = _tuple_items(args)
    if len(items) != 3:
        _type_error(f"type.__new__() takes exactly 3 arguments ({len(items)} given)")
    name, bases_o, orig_dict = items[0], items[1], items[2]
    if not PyUnicode_Check(name):
        _type_error(f"type.__new__() argument 1 must be str, not {name.ob_type.tp_name}")
    if not isinstance(bases_o, PyTupleObject):
        _type_error(f"type.__new__() argument 2 must be tuple, not {bases_o.ob_type.tp_name}")
    from pyvm.objects.dictobject import PyDict_Check as PyDict_CheckLike  # cycle
    if not PyDict_CheckLike(orig_dict):
        _type_error(f"type.__new__() argument 3 must be dict, not {orig_dict.ob_type.tp_name}")
    assert isinstance(bases_o, PyTupleObject)
    bases = list(bases_o.ob_item)
    # type_new_get_bases
    for b in bases:
        if PyType_Check(b):
            continue
        entries = PyObject_GetOptionalAttr(b, _intern("__mro_entries__"))
        if entries is not None:
            Py_DECREF(entries)
            _type_error("type() doesn't support MRO entry resolution; use types.new_class()")
    winner = _PyType_CalculateMetaclass(metatype, bases)
    if winner is not metatype:
        wn = winner.tp_new
        if wn is not None and wn is not type_new:
            return wn(winner, args, kwds)
        metatype = winner
    if len(bases) == 0:
        bases = [PyBaseObject_Type]
    base = best_base(bases)
    # type_new_init: the namespace copy and the slots
    d = PyDict_Copy(orig_dict)
    ctx = type_new_ctx(name, base, len(bases))
    try:
        type_new_get_slots(ctx, d)
        type_new_slots(ctx, d, bases)
    except BaseException:
        if ctx.slots is not None:
            for o in ctx.slots:
                Py_DECREF(o)
        Py_DECREF(d)
        raise
    nm = _unicode_value(name)
    # type_new_alloc
    qualname = name
    q = _dict_get(d, "__qualname__")
    if q is not None:
        if not PyUnicode_Check(q):
            Py_DECREF(d)
            if ctx.slots is not None:
                for o in ctx.slots:
                    Py_DECREF(o)
            _type_error(f"type __qualname__ must be a str, not {q.ob_type.tp_name}")
        qualname = q
    Py_INCREF(name)
    Py_INCREF(qualname)
    tp = PyHeapTypeObject(nm, name, qualname, base,
                          Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC)
    cell_holds_type = False
    try:
        tp.ob_type = metatype
        if _needs_managed_dict(base, ctx.add_dict != 0):
            tp.tp_flags |= Py_TPFLAGS_MANAGED_DICT
        if ctx.slots is not None:
            tp.ht_slots = _PyTuple_FromArraySteal(ctx.slots)
        if q is not None:
            PyDict_DelItem(d, _intern("__qualname__"))
        tp.tp_bases = _PyTuple_FromArray(bases)
        tp.tp_dict = d
        tp.tp_dealloc = subtype_dealloc
        # type_new_set_module
        if _dict_get(d, "__module__") is None:
            g = _current_globals()
            if g is not None:
                m = _dict_get(g, "__name__")
                if m is not None:
                    PyDict_SetItem(d, _intern("__module__"), m)
        # type_new_set_doc
        if _dict_get(d, "__doc__") is None:
            PyDict_SetItem(d, _intern("__doc__"), Py_None)
        # type_new_staticmethod / type_new_classmethod
        from pyvm.objects.classobject import PyClassMethod_New, PyStaticMethod_New  # cycle
        from pyvm.objects.funcobject import PyFunction_Check  # cycle: funcobject -> typeobject
        for special, wrap in (("__new__", PyStaticMethod_New), ("__init_subclass__", PyClassMethod_New),
                              ("__class_getitem__", PyClassMethod_New)):
            f = _dict_get(d, special)
            if f is not None and PyFunction_Check(f):
                w = wrap(f)
                PyDict_SetItem(d, _intern(special), w)
                Py_DECREF(w)
        # type_new_set_classcell / type_new_set_classdictcell
        cell = _dict_get(d, "__classcell__")
        if cell is not None:
            if not isinstance(cell, PyCellObject):
                _type_error(f"__classcell__ must be a nonlocal cell, not <class '{cell.ob_type.tp_name}'>")
            assert isinstance(cell, PyCellObject)
            old = cell.ob_ref
            Py_INCREF(tp)
            cell.ob_ref = tp
            cell_holds_type = True
            if old is not None:
                Py_DECREF(old)
            PyDict_DelItem(d, _intern("__classcell__"))
        dcell = _dict_get(d, "__classdictcell__")
        if dcell is not None:
            if isinstance(dcell, PyCellObject):
                old = dcell.ob_ref
                Py_INCREF(d)
                dcell.ob_ref = d
                if old is not None:
                    Py_DECREF(old)
            PyDict_DelItem(d, _intern("__classdictcell__"))
        # type_new_descriptors / type_new_set_slots (pyvm: after the cells are
        # taken out, since the members go straight into the dict).
        type_new_descriptors(ctx, tp)
        # type_new_init: ready the type, then the slot dispatchers
        PyType_Ready(tp)
        fixup_slot_dispatchers(tp)
        # add_subclass: heap bases remember their subclasses for update_slot.
        from pyvm.objects.listobject import PyList_Append, PyList_New  # cycle
        for b in bases:
            if isinstance(b, PyTypeObject) and b.tp_flags & Py_TPFLAGS_HEAPTYPE:
                if b.tp_subclasses is None:
                    b.tp_subclasses = PyList_New(0)
                PyList_Append(b.tp_subclasses, tp)
        type_new_set_names(tp)
        type_new_init_subclass(tp, kwds)
    except BaseException:
        if not cell_holds_type:
            _type_new_dealloc(tp)
        raise
    return tp


def _type_new_dealloc(tp: PyHeapTypeObject) -> None:
    """CPython: Objects/typeobject.c:type_dealloc

    pyvm: ``type_new_impl``'s error path (``Py_DECREF(type)``) for a type
    that failed after it was allocated. Heap types are immortal here, so the
    references the type holds (its dict, bases, MRO, names, slots) are
    released explicitly, as ``type_dealloc`` does, and it leaves its bases'
    subclass lists (``clear_tp_subclasses`` / ``remove_all_subclasses``).
    A type that a ``__classcell__`` already holds stays alive, as in C.
    """
    for b in _tuple_items(tp.tp_bases) if tp.tp_bases is not None else []:
        subs = b.tp_subclasses if isinstance(b, PyTypeObject) else None
        if subs is not None:
            from pyvm.objects.listobject import PyListObject  # cycle
            assert isinstance(subs, PyListObject)
            for i in range(len(subs.ob_item)):
                if subs.ob_item[i] is tp:
                    del subs.ob_item[i]
                    break
    fields = [tp.tp_dict, tp.tp_bases, tp.tp_mro, tp.ht_slots]
    tp.tp_dict = None
    tp.tp_bases = None
    tp.tp_mro = None
    tp.ht_slots = None
    for o in fields:
        if o is not None:
            Py_DECREF(o)
    Py_DECREF(tp.ht_name)
    Py_DECREF(tp.ht_qualname)


def type_new_set_names(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:type_new_set_names

    Calls ``__set_name__(type, name)`` on every attribute of a copy of the new
    type's dict that defines it (looked up on the attribute's type); a failure
    gets the note "Error calling __set_name__ on ...".
    """
    from pyvm.objects.dictobject import PyDict_Copy, PyDict_Next  # cycle
    d = tp.tp_dict
    assert d is not None
    names_to_set = PyDict_Copy(d)
    try:
        pos = 0
        while True:
            r = PyDict_Next(names_to_set, pos)
            if r is None:
                break
            pos, k, v = r
            set_name = _PyObject_LookupSpecial(v, _intern("__set_name__"))
            if set_name is None:
                continue
            try:
                res = _PyObject_CallFunctionArgs(set_name, [tp, k])
            except PyErr as e:
                _PyErr_FormatNote(e, f"Error calling __set_name__ on '{v.ob_type.tp_name}' "
                                     f"instance {_PyObject_ReprStr(k)} in '{tp.tp_name}'")
                raise
            finally:
                Py_DECREF(set_name)
            Py_DECREF(res)
    finally:
        Py_DECREF(names_to_set)


def _current_globals() -> Optional[PyObject]:
    """pyvm: the globals of the running frame (C's ``PyEval_GetGlobals``)."""
    f = _tstate.current_frame
    if f is None:
        return None
    return f.f_globals


def type_new_init_subclass(tp: PyTypeObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:type_new_init_subclass

    ``super(type, type).__init_subclass__(**kwds)``.
    """
    descr = _super_lookup_descr(tp, tp, _intern("__init_subclass__"))
    if descr is None:
        return
    f = descr.ob_type.tp_descr_get
    if f is not None:
        func = f(descr, None, tp)
    else:
        Py_INCREF(descr)
        func = descr
    try:
        res = PyObject_VectorcallDict(func, [], 0, 0, kwds)
    finally:
        Py_DECREF(func)
    Py_DECREF(res)


# ---------------------------------------------------------------------------
# The slot_* dispatchers: slots of heap types that call the dunder methods


def lookup_maybe_method(self_: PyObject, name: PyObject) -> Optional[tuple[PyObject, bool]]:
    """CPython: Objects/typeobject.c:lookup_maybe_method

    ``(method, unbound)``: an unbound function (call it with ``self`` first), or
    the bound result of the descriptor; None when the type has no such attribute.
    New reference.
    """
    res = _PyType_Lookup(self_.ob_type, name)
    if res is None:
        return None
    if res.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR:
        Py_INCREF(res)
        return res, True
    f = res.ob_type.tp_descr_get
    if f is None:
        Py_INCREF(res)
        return res, False
    Py_INCREF(res)
    try:
        return f(res, self_, self_.ob_type), False
    finally:
        Py_DECREF(res)


def lookup_method(self_: PyObject, name: PyObject) -> tuple[PyObject, bool]:
    """CPython: Objects/typeobject.c:lookup_method"""
    r = lookup_maybe_method(self_, name)
    if r is None:
        from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
        PyErr_SetObject(PyExc_AttributeError, name)
    assert r is not None
    return r


def _call_unbound(meth: PyObject, unbound: bool, self_: PyObject, args: list[PyObject]) -> PyObject:
    """pyvm: C's ``call_unbound`` of Objects/typeobject.c (inlined there)."""
    try:
        if unbound:
            stack = [self_]
            stack.extend(args)
            return PyObject_Vectorcall(meth, stack, 0, len(stack), None)
        return PyObject_Vectorcall(meth, args, 0, len(args), None)
    finally:
        Py_DECREF(meth)


def vectorcall_method(name: PyObject, self_: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:vectorcall_method

    ``type(self).name(self, *args)``; AttributeError when the type has none.
    """
    meth, unbound = lookup_method(self_, name)
    return _call_unbound(meth, unbound, self_, args)


def vectorcall_maybe(name: PyObject, self_: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:vectorcall_maybe

    As :func:`vectorcall_method`, but NotImplemented when the method is missing.
    """
    r = lookup_maybe_method(self_, name)
    if r is None:
        return Py_NotImplemented
    return _call_unbound(r[0], r[1], self_, args)


def slot_tp_repr(self_: PyObject) -> PyObject:
    """pyvm: C's ``slot_tp_repr`` of Objects/typeobject.c"""
    r = lookup_maybe_method(self_, _intern("__repr__"))
    if r is None:
        return object_repr(self_)
    return _call_unbound(r[0], r[1], self_, [])


def slot_tp_str(self_: PyObject) -> PyObject:
    """pyvm: C's ``slot_tp_str`` (the ``SLOT0`` macro) of Objects/typeobject.c"""
    return vectorcall_method(_intern("__str__"), self_, [])


def slot_tp_hash(self_: PyObject) -> int:
    """pyvm: C's ``slot_tp_hash`` of Objects/typeobject.c"""
    r = lookup_maybe_method(self_, _intern("__hash__"))
    if r is None or r[0] is Py_None:
        if r is not None:
            Py_DECREF(r[0])
        return PyObject_HashNotImplemented(self_)
    res = _call_unbound(r[0], r[1], self_, [])
    from pyvm.objects.longobject import PyLongObject  # cycle
    if not isinstance(res, PyLongObject):
        Py_DECREF(res)
        _type_error("__hash__ method should return an integer")
    assert isinstance(res, PyLongObject)
    v = res.ob_ival
    h = v if -(1 << 63) <= v < (1 << 63) else PyObject_Hash(res)
    Py_DECREF(res)
    return -2 if h == -1 else h


def slot_tp_call(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:slot_tp_call"""
    meth, unbound = lookup_method(self_, _intern("__call__"))
    try:
        if unbound:
            return _PyObject_Call_Prepend(meth, self_, args, kwds)
        return PyObject_Call(meth, args, kwds)
    finally:
        Py_DECREF(meth)


def call_attribute(self_: PyObject, attr: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:call_attribute"""
    f = attr.ob_type.tp_descr_get
    if f is not None:
        a = f(attr, self_, self_.ob_type)
    else:
        Py_INCREF(attr)
        a = attr
    try:
        return PyObject_CallOneArg(a, name)
    finally:
        Py_DECREF(a)


def _Py_slot_tp_getattro(self_: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:_Py_slot_tp_getattro"""
    return vectorcall_method(_intern("__getattribute__"), self_, [name])


def _Py_slot_tp_getattr_hook(self_: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:_Py_slot_tp_getattr_hook

    ``__getattribute__`` (the generic lookup when it is object's), then
    ``__getattr__`` on AttributeError.
    """
    from pyvm.objects.descrobject import PyWrapperDescrObject  # cycle: descrobject -> typeobject
    from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
    tp = self_.ob_type
    getattr_ = _PyType_Lookup(tp, _intern("__getattr__"))
    if getattr_ is None:
        return _Py_slot_tp_getattro(self_, name)
    Py_INCREF(getattr_)
    try:
        getattribute = _PyType_Lookup(tp, _intern("__getattribute__"))
        if getattribute is None or (isinstance(getattribute, PyWrapperDescrObject)
                                    and getattribute.d_wrapped is PyObject_GenericGetAttr):
            res = _PyObject_GenericGetAttrWithDict(self_, name, None, True)
            if res is None:
                res = call_attribute(self_, getattr_, name)
            return res
        try:
            return call_attribute(self_, getattribute, name)
        except PyErr as e:
            if not e.matches(PyExc_AttributeError):
                raise
            _PyErr_Clear(e)
        return call_attribute(self_, getattr_, name)
    finally:
        Py_DECREF(getattr_)


def slot_tp_setattro(self_: PyObject, name: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:slot_tp_setattro"""
    if value is None:
        res = vectorcall_method(_intern("__delattr__"), self_, [name])
    else:
        res = vectorcall_method(_intern("__setattr__"), self_, [name, value])
    Py_DECREF(res)


_RICHCMP_NAMES: Final = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"]


def slot_tp_richcompare(self_: PyObject, other: PyObject, op: int) -> PyObject:
    """CPython: Objects/typeobject.c:slot_tp_richcompare"""
    r = lookup_maybe_method(self_, _intern(_RICHCMP_NAMES[op]))
    if r is None:
        return Py_NotImplemented
    return _call_unbound(r[0], r[1], self_, [other])


def slot_tp_iter(self_: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:slot_tp_iter"""
    r = lookup_maybe_method(self_, _intern("__iter__"))
    if r is not None and r[0] is Py_None:
        Py_DECREF(r[0])
        _type_error(f"'{self_.ob_type.tp_name}' object is not iterable")
    if r is not None:
        return _call_unbound(r[0], r[1], self_, [])
    g = lookup_maybe_method(self_, _intern("__getitem__"))
    if g is None:
        _type_error(f"'{self_.ob_type.tp_name}' object is not iterable")
    assert g is not None
    Py_DECREF(g[0])
    from pyvm.objects.iterobject import PySeqIter_New  # cycle
    return PySeqIter_New(self_)


def slot_tp_iternext(self_: PyObject) -> Optional[PyObject]:
    """CPython: Objects/typeobject.c:slot_tp_iternext

    A StopIteration raised by ``__next__`` goes to the caller, as in C: the
    consumers of ``tp_iternext`` read it as the end (keeping its value for
    ``yield from`` and ``next()``).
    """
    return vectorcall_method(_intern("__next__"), self_, [])


def slot_tp_descr_get(self_: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:slot_tp_descr_get"""
    get = _PyType_Lookup(self_.ob_type, _intern("__get__"))
    if get is None:
        Py_INCREF(self_)
        return self_
    o = Py_None if obj is None else obj
    t = Py_None if tp is None else tp
    f = get.ob_type.tp_descr_get
    if f is not None:
        bound = f(get, self_, self_.ob_type)
        try:
            return _PyObject_CallFunctionArgs(bound, [o, t])
        finally:
            Py_DECREF(bound)
    return _PyObject_CallFunctionArgs(get, [self_, o, t])


def slot_tp_descr_set(self_: PyObject, target: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:slot_tp_descr_set"""
    if value is None:
        res = vectorcall_method(_intern("__delete__"), self_, [target])
    else:
        res = vectorcall_method(_intern("__set__"), self_, [target, value])
    Py_DECREF(res)


def slot_tp_init(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:slot_tp_init"""
    meth, unbound = lookup_method(self_, _intern("__init__"))
    try:
        if unbound:
            res = _PyObject_Call_Prepend(meth, self_, args, kwds)
        else:
            res = PyObject_Call(meth, args, kwds)
    finally:
        Py_DECREF(meth)
    if res is not Py_None:
        tn = res.ob_type.tp_name
        Py_DECREF(res)
        _type_error(f"__init__() should return None, not '{tn}'")


def slot_tp_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:slot_tp_new"""
    func = PyObject_GetAttr(tp, _intern("__new__"))
    try:
        return _PyObject_Call_Prepend(func, tp, args, kwds)
    finally:
        Py_DECREF(func)


def slot_tp_finalize(self_: PyObject) -> None:
    """CPython: Objects/typeobject.c:slot_tp_finalize

    Calls ``__del__``; an exception it raises is reported as unraisable
    ("Exception ignored while calling deallocator <function C.__del__ ...>"),
    never propagated. pyvm: the exception being raised around the call (C saves
    and restores it) is a host exception in flight, untouched by this call.
    """
    r = lookup_maybe_method(self_, _intern("__del__"))
    if r is None:
        return
    meth, unbound = r
    Py_INCREF(meth)  # kept for the message: _call_unbound releases one reference
    try:
        res = _call_unbound(meth, unbound, self_, [])
        Py_DECREF(res)
    except PyErr as e:
        try:
            what = _PyObject_ReprStr(meth)
        except PyErr as e2:
            _PyErr_Clear(e2)
            what = "<object repr() failed>"
        PyErr_FormatUnraisable(e, f"Exception ignored while calling deallocator {what}")
    finally:
        Py_DECREF(meth)


def slot_nb_bool(self_: PyObject) -> bool:
    """pyvm: C's ``slot_nb_bool`` of Objects/typeobject.c"""
    from pyvm.objects.boolobject import Py_False, Py_True  # cycle
    r = lookup_maybe_method(self_, _intern("__bool__"))
    using_len = False
    if r is None:
        r = lookup_maybe_method(self_, _intern("__len__"))
        if r is None:
            return True
        using_len = True
    value = _call_unbound(r[0], r[1], self_, [])
    if using_len:
        try:
            return slot_len_result(value) != 0
        finally:
            Py_DECREF(value)
    if value is Py_True:
        return True
    if value is Py_False:
        return False
    tn = value.ob_type.tp_name
    Py_DECREF(value)
    _type_error(f"__bool__ should return bool, returned {tn}")
    return False


def slot_len_result(res: PyObject) -> int:
    """pyvm: the result check of C's ``slot_sq_length``."""
    from pyvm.objects.abstract import PyNumber_Index  # cycle
    from pyvm.objects.longobject import PyLongObject  # cycle
    idx = PyNumber_Index(res)
    assert isinstance(idx, PyLongObject)
    n = idx.ob_ival
    Py_DECREF(idx)
    if n < 0:
        from pyvm.objects.exceptions import PyExc_ValueError  # cycle
        PyErr_Format(PyExc_ValueError, "__len__() should return >= 0")
    if n >= 1 << 63:
        from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
        PyErr_Format(PyExc_OverflowError, "cannot fit 'int' into an index-sized integer")
    return n


def slot_sq_length(self_: PyObject) -> int:
    """CPython: Objects/typeobject.c:slot_sq_length"""
    res = vectorcall_method(_intern("__len__"), self_, [])
    try:
        return slot_len_result(res)
    finally:
        Py_DECREF(res)


def slot_mp_subscript(self_: PyObject, key: PyObject) -> PyObject:
    """pyvm: C's ``slot_mp_subscript`` (the ``SLOT1`` macro) of Objects/typeobject.c"""
    return vectorcall_method(_intern("__getitem__"), self_, [key])


def slot_sq_item(self_: PyObject, i: int) -> PyObject:
    """CPython: Objects/typeobject.c:slot_sq_item"""
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    ival = PyLong_FromLong(i)
    try:
        return vectorcall_method(_intern("__getitem__"), self_, [ival])
    finally:
        Py_DECREF(ival)


def slot_mp_ass_subscript(self_: PyObject, key: PyObject, value: Optional[PyObject]) -> None:
    """pyvm: C's ``slot_mp_ass_subscript`` of Objects/typeobject.c"""
    if value is None:
        res = vectorcall_method(_intern("__delitem__"), self_, [key])
    else:
        res = vectorcall_method(_intern("__setitem__"), self_, [key, value])
    Py_DECREF(res)


def slot_sq_ass_item(self_: PyObject, i: int, value: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:slot_sq_ass_item"""
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    ival = PyLong_FromLong(i)
    try:
        slot_mp_ass_subscript(self_, ival, value)
    finally:
        Py_DECREF(ival)


def slot_sq_contains(self_: PyObject, value: PyObject) -> bool:
    """CPython: Objects/typeobject.c:slot_sq_contains"""
    r = lookup_maybe_method(self_, _intern("__contains__"))
    if r is not None and r[0] is Py_None:
        Py_DECREF(r[0])
        _type_error(f"'{self_.ob_type.tp_name}' object is not a container")
    if r is not None:
        res = _call_unbound(r[0], r[1], self_, [value])
        try:
            return PyObject_IsTrue(res)
        finally:
            Py_DECREF(res)
    from pyvm.objects.abstract import _PySequence_IterSearch, PY_ITERSEARCH_CONTAINS  # cycle
    return _PySequence_IterSearch(self_, value, PY_ITERSEARCH_CONTAINS) > 0


def _make_slot0(name: str) -> unaryfunc:
    """pyvm: C's ``SLOT0`` macro of Objects/typeobject.c (``__neg__`` and friends)."""
    key = _intern(name)

    def slot(self_: PyObject) -> PyObject:
        return vectorcall_method(key, self_, [])
    return slot


def _make_slot1(name: str) -> binaryfunc:
    """pyvm: C's ``SLOT1`` macro of Objects/typeobject.c (the in-place operators)."""
    key = _intern(name)

    def slot(self_: PyObject, other: PyObject) -> PyObject:
        return vectorcall_method(key, self_, [other])
    return slot


def method_is_overloaded(left: PyTypeObject, right: PyTypeObject, name: PyObject) -> bool:
    """pyvm: C's ``method_is_overloaded`` of Objects/typeobject.c"""
    b = _PyType_Lookup(right, name)
    if b is None:
        return False
    a = _PyType_Lookup(left, name)
    return a is not b


def _make_binslot(get: Callable[[PyTypeObject], object], opname: str, ropname: str,
                  ident: object = None) -> binaryfunc:
    """pyvm: C's ``SLOT1BINFULL`` macro of Objects/typeobject.c: ``self OP other``
    tries ``self.__op__`` and ``other.__rop__`` in the order binary_op1 wants."""
    op = _intern(opname)
    rop = _intern(ropname)

    def slot(self_: PyObject, other: PyObject) -> PyObject:
        this = holder[0]
        do_other = self_.ob_type is not other.ob_type and get(other.ob_type) is this
        if get(self_.ob_type) is this:
            if do_other and PyType_IsSubtype(other.ob_type, self_.ob_type):
                if method_is_overloaded(self_.ob_type, other.ob_type, rop):
                    r = vectorcall_maybe(rop, other, [self_])
                    if r is not Py_NotImplemented:
                        return r
                    do_other = False
            r = vectorcall_maybe(op, self_, [other])
            if r is not Py_NotImplemented or other.ob_type is self_.ob_type:
                return r
        if do_other:
            return vectorcall_maybe(rop, other, [self_])
        return Py_NotImplemented
    holder: list[object] = [slot if ident is None else ident]
    return slot


def _slot_nb_power_binary(self_: PyObject, other: PyObject) -> PyObject:
    """pyvm: the binary half of C's ``slot_nb_power`` (``SLOT1BINFULL``)."""
    return _pow_binslot.table[0](self_, other)


def slot_nb_power(self_: PyObject, other: PyObject, modulus: PyObject) -> PyObject:
    """pyvm: C's ``slot_nb_power`` of Objects/typeobject.c"""
    if modulus is Py_None:
        return _slot_nb_power_binary(self_, other)
    if self_.ob_type.nb_power is slot_nb_power:
        return vectorcall_method(_intern("__pow__"), self_, [other, modulus])
    return Py_NotImplemented


def slot_nb_inplace_power(self_: PyObject, other: PyObject, modulus: PyObject) -> PyObject:
    """pyvm: C's ``slot_nb_inplace_power`` of Objects/typeobject.c"""
    return vectorcall_method(_intern("__ipow__"), self_, [other])


class _PowSlot:
    """pyvm: holds the ``SLOT1BINFULL`` function ``slot_nb_power`` uses for two
    arguments."""

    table: list[binaryfunc]

    def __init__(self) -> None:
        self.table = []


_pow_binslot: Final = _PowSlot()


class slotdef:
    """pyvm: one slot of C's ``slotdefs`` table as ``update_one_slot`` sees it:
    the dunder names that feed the slot, the dispatcher (``function``) and how to
    read and write the slot (C uses an offset)."""

    names: list[str]
    get: Callable[[PyTypeObject], object]
    set: Callable[[PyTypeObject, object], None]
    function: object

    def __init__(self, names: list[str], get: Callable[[PyTypeObject], object],
                 set: Callable[[PyTypeObject, object], None], function: object) -> None:
        self.names = names
        self.get = get
        self.set = set
        self.function = function


class _HeapSlotDefs:
    """pyvm: the slot table of the ``slot_*`` dispatchers, built on first use."""

    table: list[slotdef]

    def __init__(self) -> None:
        self.table = []


_heap_slotdefs: Final = _HeapSlotDefs()


def _set_tp_getattro(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_getattro`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_getattro = cast("Optional[getattrofunc]", f)


def _set_tp_setattro(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_setattro`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_setattro = cast("Optional[setattrofunc]", f)


def _set_tp_repr(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_repr`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_repr = cast("Optional[reprfunc]", f)


def _set_tp_hash(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_hash`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_hash = cast("Optional[hashfunc]", f)


def _set_tp_call(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_call`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_call = cast("Optional[callfunc]", f)


def _set_tp_str(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_str`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_str = cast("Optional[reprfunc]", f)


def _set_tp_richcompare(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_richcompare`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_richcompare = cast("Optional[richcmpfunc]", f)


def _set_tp_iter(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_iter`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_iter = cast("Optional[getiterfunc]", f)


def _set_tp_iternext(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_iternext`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_iternext = cast("Optional[iternextfunc]", f)


def _set_tp_descr_get(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_descr_get`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_descr_get = cast("Optional[descrgetfunc]", f)


def _set_tp_descr_set(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_descr_set`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_descr_set = cast("Optional[descrsetfunc]", f)


def _set_tp_init(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_init`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_init = cast("Optional[initproc]", f)


def _set_tp_new(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_new`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_new = cast("Optional[newfunc]", f)


def _set_tp_finalize(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``tp_finalize`` (C's ``*ptr = func`` through the slot offset)."""
    tp.tp_finalize = cast("Optional[destructor]", f)


def _set_nb_power(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_power`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_power = cast("Optional[ternaryfunc]", f)


def _set_nb_inplace_power(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_power`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_power = cast("Optional[ternaryfunc]", f)


def _set_nb_bool(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_bool`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_bool = cast("Optional[inquiry]", f)


def _set_mp_length(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``mp_length`` (C's ``*ptr = func`` through the slot offset)."""
    tp.mp_length = cast("Optional[lenfunc]", f)


def _set_sq_length(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``sq_length`` (C's ``*ptr = func`` through the slot offset)."""
    tp.sq_length = cast("Optional[lenfunc]", f)


def _set_mp_subscript(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``mp_subscript`` (C's ``*ptr = func`` through the slot offset)."""
    tp.mp_subscript = cast("Optional[binaryfunc]", f)


def _set_sq_item(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``sq_item`` (C's ``*ptr = func`` through the slot offset)."""
    tp.sq_item = cast("Optional[ssizeargfunc]", f)


def _set_mp_ass_subscript(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``mp_ass_subscript`` (C's ``*ptr = func`` through the slot offset)."""
    tp.mp_ass_subscript = cast("Optional[objobjargproc]", f)


def _set_sq_ass_item(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``sq_ass_item`` (C's ``*ptr = func`` through the slot offset)."""
    tp.sq_ass_item = cast("Optional[ssizeobjargproc]", f)


def _set_am_await(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``am_await`` (C's ``*ptr = func`` through the slot offset)."""
    tp.am_await = cast("Optional[unaryfunc]", f)


def _set_am_aiter(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``am_aiter`` (C's ``*ptr = func`` through the slot offset)."""
    tp.am_aiter = cast("Optional[unaryfunc]", f)


def _set_am_anext(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``am_anext`` (C's ``*ptr = func`` through the slot offset)."""
    tp.am_anext = cast("Optional[unaryfunc]", f)


def slot_am_generic(self_: PyObject, name: str) -> PyObject:
    """CPython: Objects/typeobject.c:slot_am_generic"""
    r = lookup_maybe_method(self_, _intern(name))
    if r is None:
        _attr_error(f"object {self_.ob_type.tp_name[:50]} does not have {name} method")
    assert r is not None
    return _call_unbound(r[0], r[1], self_, [])


def slot_am_await(self_: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:slot_am_await"""
    return slot_am_generic(self_, "__await__")


def slot_am_aiter(self_: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:slot_am_aiter"""
    return slot_am_generic(self_, "__aiter__")


def slot_am_anext(self_: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:slot_am_anext"""
    return slot_am_generic(self_, "__anext__")


def _set_sq_contains(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``sq_contains`` (C's ``*ptr = func`` through the slot offset)."""
    tp.sq_contains = cast("Optional[objobjproc]", f)


def _set_nb_add(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_add`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_add = cast("Optional[binaryfunc]", f)


def _set_nb_subtract(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_subtract`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_subtract = cast("Optional[binaryfunc]", f)


def _set_nb_multiply(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_multiply`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_multiply = cast("Optional[binaryfunc]", f)


def _set_nb_remainder(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_remainder`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_remainder = cast("Optional[binaryfunc]", f)


def _set_nb_divmod(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_divmod`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_divmod = cast("Optional[binaryfunc]", f)


def _set_nb_lshift(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_lshift`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_lshift = cast("Optional[binaryfunc]", f)


def _set_nb_rshift(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_rshift`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_rshift = cast("Optional[binaryfunc]", f)


def _set_nb_and(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_and`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_and = cast("Optional[binaryfunc]", f)


def _set_nb_xor(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_xor`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_xor = cast("Optional[binaryfunc]", f)


def _set_nb_or(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_or`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_or = cast("Optional[binaryfunc]", f)


def _set_nb_floor_divide(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_floor_divide`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_floor_divide = cast("Optional[binaryfunc]", f)


def _set_nb_true_divide(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_true_divide`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_true_divide = cast("Optional[binaryfunc]", f)


def _set_nb_matrix_multiply(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_matrix_multiply`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_matrix_multiply = cast("Optional[binaryfunc]", f)


def _set_nb_negative(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_negative`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_negative = cast("Optional[unaryfunc]", f)


def _set_nb_positive(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_positive`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_positive = cast("Optional[unaryfunc]", f)


def _set_nb_absolute(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_absolute`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_absolute = cast("Optional[unaryfunc]", f)


def _set_nb_invert(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_invert`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_invert = cast("Optional[unaryfunc]", f)


def _set_nb_int(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_int`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_int = cast("Optional[unaryfunc]", f)


def _set_nb_float(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_float`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_float = cast("Optional[unaryfunc]", f)


def _set_nb_index(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_index`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_index = cast("Optional[unaryfunc]", f)


def _set_nb_inplace_add(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_add`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_add = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_subtract(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_subtract`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_subtract = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_multiply(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_multiply`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_multiply = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_remainder(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_remainder`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_remainder = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_lshift(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_lshift`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_lshift = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_rshift(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_rshift`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_rshift = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_and(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_and`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_and = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_xor(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_xor`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_xor = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_or(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_or`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_or = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_floor_divide(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_floor_divide`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_floor_divide = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_true_divide(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_true_divide`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_true_divide = cast("Optional[binaryfunc]", f)


def _set_nb_inplace_matrix_multiply(tp: PyTypeObject, f: object) -> None:
    """pyvm: writes ``nb_inplace_matrix_multiply`` (C's ``*ptr = func`` through the slot offset)."""
    tp.nb_inplace_matrix_multiply = cast("Optional[binaryfunc]", f)


def _heap_slot_table() -> list[slotdef]:
    """pyvm: the rows of C's ``slotdefs`` that have a ``slot_*`` dispatcher, one per
    slot, in C's order."""
    t = _heap_slotdefs.table
    if t:
        return t
    t.append(slotdef(['__getattribute__', '__getattr__'], lambda tp: tp.tp_getattro, _set_tp_getattro, _Py_slot_tp_getattr_hook))
    t.append(slotdef(['__setattr__', '__delattr__'], lambda tp: tp.tp_setattro, _set_tp_setattro, slot_tp_setattro))
    t.append(slotdef(['__repr__'], lambda tp: tp.tp_repr, _set_tp_repr, slot_tp_repr))
    t.append(slotdef(['__hash__'], lambda tp: tp.tp_hash, _set_tp_hash, slot_tp_hash))
    t.append(slotdef(['__call__'], lambda tp: tp.tp_call, _set_tp_call, slot_tp_call))
    t.append(slotdef(['__str__'], lambda tp: tp.tp_str, _set_tp_str, slot_tp_str))
    t.append(slotdef(['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'], lambda tp: tp.tp_richcompare, _set_tp_richcompare, slot_tp_richcompare))
    t.append(slotdef(['__iter__'], lambda tp: tp.tp_iter, _set_tp_iter, slot_tp_iter))
    t.append(slotdef(['__next__'], lambda tp: tp.tp_iternext, _set_tp_iternext, slot_tp_iternext))
    t.append(slotdef(['__get__'], lambda tp: tp.tp_descr_get, _set_tp_descr_get, slot_tp_descr_get))
    t.append(slotdef(['__set__', '__delete__'], lambda tp: tp.tp_descr_set, _set_tp_descr_set, slot_tp_descr_set))
    t.append(slotdef(['__init__'], lambda tp: tp.tp_init, _set_tp_init, slot_tp_init))
    t.append(slotdef(['__new__'], lambda tp: tp.tp_new, _set_tp_new, slot_tp_new))
    t.append(slotdef(['__await__'], lambda tp: tp.am_await, _set_am_await, slot_am_await))
    t.append(slotdef(['__aiter__'], lambda tp: tp.am_aiter, _set_am_aiter, slot_am_aiter))
    t.append(slotdef(['__anext__'], lambda tp: tp.am_anext, _set_am_anext, slot_am_anext))
    t.append(slotdef(['__del__'], lambda tp: tp.tp_finalize, _set_tp_finalize, slot_tp_finalize))
    t.append(slotdef(['__add__', '__radd__'], lambda tp: tp.nb_add, _set_nb_add, _make_binslot(lambda tp: tp.nb_add, '__add__', '__radd__')))
    t.append(slotdef(['__sub__', '__rsub__'], lambda tp: tp.nb_subtract, _set_nb_subtract, _make_binslot(lambda tp: tp.nb_subtract, '__sub__', '__rsub__')))
    t.append(slotdef(['__mul__', '__rmul__'], lambda tp: tp.nb_multiply, _set_nb_multiply, _make_binslot(lambda tp: tp.nb_multiply, '__mul__', '__rmul__')))
    t.append(slotdef(['__mod__', '__rmod__'], lambda tp: tp.nb_remainder, _set_nb_remainder, _make_binslot(lambda tp: tp.nb_remainder, '__mod__', '__rmod__')))
    t.append(slotdef(['__divmod__', '__rdivmod__'], lambda tp: tp.nb_divmod, _set_nb_divmod, _make_binslot(lambda tp: tp.nb_divmod, '__divmod__', '__rdivmod__')))
    t.append(slotdef(['__lshift__', '__rlshift__'], lambda tp: tp.nb_lshift, _set_nb_lshift, _make_binslot(lambda tp: tp.nb_lshift, '__lshift__', '__rlshift__')))
    t.append(slotdef(['__rshift__', '__rrshift__'], lambda tp: tp.nb_rshift, _set_nb_rshift, _make_binslot(lambda tp: tp.nb_rshift, '__rshift__', '__rrshift__')))
    t.append(slotdef(['__and__', '__rand__'], lambda tp: tp.nb_and, _set_nb_and, _make_binslot(lambda tp: tp.nb_and, '__and__', '__rand__')))
    t.append(slotdef(['__xor__', '__rxor__'], lambda tp: tp.nb_xor, _set_nb_xor, _make_binslot(lambda tp: tp.nb_xor, '__xor__', '__rxor__')))
    t.append(slotdef(['__or__', '__ror__'], lambda tp: tp.nb_or, _set_nb_or, _make_binslot(lambda tp: tp.nb_or, '__or__', '__ror__')))
    t.append(slotdef(['__floordiv__', '__rfloordiv__'], lambda tp: tp.nb_floor_divide, _set_nb_floor_divide, _make_binslot(lambda tp: tp.nb_floor_divide, '__floordiv__', '__rfloordiv__')))
    t.append(slotdef(['__truediv__', '__rtruediv__'], lambda tp: tp.nb_true_divide, _set_nb_true_divide, _make_binslot(lambda tp: tp.nb_true_divide, '__truediv__', '__rtruediv__')))
    t.append(slotdef(['__matmul__', '__rmatmul__'], lambda tp: tp.nb_matrix_multiply, _set_nb_matrix_multiply, _make_binslot(lambda tp: tp.nb_matrix_multiply, '__matmul__', '__rmatmul__')))
    _pow_binslot.table.append(_make_binslot(lambda tp: tp.nb_power, '__pow__', '__rpow__',
                                                    slot_nb_power))
    t.append(slotdef(['__neg__'], lambda tp: tp.nb_negative, _set_nb_negative, _make_slot0('__neg__')))
    t.append(slotdef(['__pos__'], lambda tp: tp.nb_positive, _set_nb_positive, _make_slot0('__pos__')))
    t.append(slotdef(['__abs__'], lambda tp: tp.nb_absolute, _set_nb_absolute, _make_slot0('__abs__')))
    t.append(slotdef(['__invert__'], lambda tp: tp.nb_invert, _set_nb_invert, _make_slot0('__invert__')))
    t.append(slotdef(['__int__'], lambda tp: tp.nb_int, _set_nb_int, _make_slot0('__int__')))
    t.append(slotdef(['__float__'], lambda tp: tp.nb_float, _set_nb_float, _make_slot0('__float__')))
    t.append(slotdef(['__index__'], lambda tp: tp.nb_index, _set_nb_index, _make_slot0('__index__')))
    t.append(slotdef(['__iadd__'], lambda tp: tp.nb_inplace_add, _set_nb_inplace_add, _make_slot1('__iadd__')))
    t.append(slotdef(['__isub__'], lambda tp: tp.nb_inplace_subtract, _set_nb_inplace_subtract, _make_slot1('__isub__')))
    t.append(slotdef(['__imul__'], lambda tp: tp.nb_inplace_multiply, _set_nb_inplace_multiply, _make_slot1('__imul__')))
    t.append(slotdef(['__imod__'], lambda tp: tp.nb_inplace_remainder, _set_nb_inplace_remainder, _make_slot1('__imod__')))
    t.append(slotdef(['__ilshift__'], lambda tp: tp.nb_inplace_lshift, _set_nb_inplace_lshift, _make_slot1('__ilshift__')))
    t.append(slotdef(['__irshift__'], lambda tp: tp.nb_inplace_rshift, _set_nb_inplace_rshift, _make_slot1('__irshift__')))
    t.append(slotdef(['__iand__'], lambda tp: tp.nb_inplace_and, _set_nb_inplace_and, _make_slot1('__iand__')))
    t.append(slotdef(['__ixor__'], lambda tp: tp.nb_inplace_xor, _set_nb_inplace_xor, _make_slot1('__ixor__')))
    t.append(slotdef(['__ior__'], lambda tp: tp.nb_inplace_or, _set_nb_inplace_or, _make_slot1('__ior__')))
    t.append(slotdef(['__ifloordiv__'], lambda tp: tp.nb_inplace_floor_divide, _set_nb_inplace_floor_divide, _make_slot1('__ifloordiv__')))
    t.append(slotdef(['__itruediv__'], lambda tp: tp.nb_inplace_true_divide, _set_nb_inplace_true_divide, _make_slot1('__itruediv__')))
    t.append(slotdef(['__imatmul__'], lambda tp: tp.nb_inplace_matrix_multiply, _set_nb_inplace_matrix_multiply, _make_slot1('__imatmul__')))
    t.append(slotdef(['__pow__', '__rpow__'], lambda tp: tp.nb_power, _set_nb_power, slot_nb_power))
    t.append(slotdef(['__ipow__'], lambda tp: tp.nb_inplace_power, _set_nb_inplace_power, slot_nb_inplace_power))
    t.append(slotdef(['__bool__'], lambda tp: tp.nb_bool, _set_nb_bool, slot_nb_bool))
    t.append(slotdef(['__len__'], lambda tp: tp.mp_length, _set_mp_length, slot_sq_length))
    t.append(slotdef(['__len__'], lambda tp: tp.sq_length, _set_sq_length, slot_sq_length))
    t.append(slotdef(['__getitem__'], lambda tp: tp.mp_subscript, _set_mp_subscript, slot_mp_subscript))
    t.append(slotdef(['__getitem__'], lambda tp: tp.sq_item, _set_sq_item, slot_sq_item))
    t.append(slotdef(['__setitem__', '__delitem__'], lambda tp: tp.mp_ass_subscript, _set_mp_ass_subscript, slot_mp_ass_subscript))
    t.append(slotdef(['__setitem__', '__delitem__'], lambda tp: tp.sq_ass_item, _set_sq_ass_item, slot_sq_ass_item))
    t.append(slotdef(['__contains__'], lambda tp: tp.sq_contains, _set_sq_contains, slot_sq_contains))
    return t


def update_one_slot(tp: PyTypeObject, p: slotdef) -> None:
    """CPython: Objects/typeobject.c:update_one_slot

    pyvm: a name found as a Python-level attribute (a function, a descriptor,
    ``None`` for ``__hash__``) selects the ``slot_*`` dispatcher; a slot wrapper
    or the builtin ``__new__`` means the inherited C slot stays (C's *specific*
    case); nothing found leaves the inherited slot as well.
    """
    from pyvm.objects.descrobject import PyWrapperDescrObject  # cycle: descrobject -> typeobject
    use_generic = False
    specific: object = None
    for name in p.names:
        descr = _PyType_Lookup(tp, _intern(name))
        if descr is None:
            continue
        if isinstance(descr, PyWrapperDescrObject):
            if descr.d_base.name == name and PyType_IsSubtype(tp, descr.d_type):
                specific = descr.d_wrapped
            continue
        if name == "__new__" and _is_tp_new_wrapper(descr):
            continue
        if descr is Py_None and name == "__hash__":
            specific = PyObject_HashNotImplemented
            continue
        use_generic = True
    if use_generic:
        p.set(tp, p.function)
        if p.function is slot_tp_call:
            tp.tp_flags &= ~Py_TPFLAGS_HAVE_VECTORCALL
            # pyvm: the inherited instance vectorcall goes too, else it would
            # read as a constructor vectorcall (see pyvm/objects/call.py).
            tp.tp_vectorcall = None
    elif specific is not None and p.get(tp) is None:
        p.set(tp, specific)


def _is_tp_new_wrapper(descr: PyObject) -> bool:
    """pyvm: ``PyCFunction_GET_FUNCTION(descr) == tp_new_wrapper``."""
    return isinstance(descr, PyCFunctionObject) and descr.m_ml is _tp_new_methoddef


def fixup_slot_dispatchers(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:fixup_slot_dispatchers"""
    for p in _heap_slot_table():
        update_one_slot(tp, p)
    PyType_Modified(tp)


def update_slot(tp: PyTypeObject, name: str) -> None:
    """CPython: Objects/typeobject.c:update_slot

    After ``cls.name = value`` on a heap type: re-decide the slots ``name`` feeds.
    CPython: Objects/typeobject.c:update_subclasses
    The type itself, then its subclasses (heap bases record them in
    ``tp_subclasses``, a list) that do not define ``name`` themselves.
    """
    for p in _heap_slot_table():
        if name in p.names:
            # Start from the inherited value, as C's update_one_slot recomputes it.
            base = tp.tp_base
            p.set(tp, p.get(base) if base is not None else None)
            update_one_slot(tp, p)
    subs = tp.tp_subclasses
    if subs is not None:
        from pyvm.objects.listobject import PyListObject  # cycle
        assert isinstance(subs, PyListObject)
        for sub in list(subs.ob_item):
            assert isinstance(sub, PyTypeObject)
            d = sub.tp_dict
            if d is not None and _dict_get(d, name) is None:
                update_slot(sub, name)


# ---------------------------------------------------------------------------
# super


class superobject(PyObject):
    """pyvm: mirrors C's ``superobject`` struct of Objects/typeobject.c."""

    type: Optional[PyTypeObject]
    obj: Optional[PyObject]
    obj_type: Optional[PyTypeObject]

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.type = None
        self.obj = None
        self.obj_type = None


PySuper_Type: Final = PyTypeObject("super", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)


def super_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``PyType_GenericNew`` for super."""
    return superobject(tp)


def supercheck(tp: PyTypeObject, obj: PyObject) -> PyTypeObject:
    """CPython: Objects/typeobject.c:supercheck

    The type to start the MRO walk from: ``obj`` itself when it is a subclass of
    ``tp``, else its type. New reference.
    """
    if isinstance(obj, PyTypeObject) and PyType_IsSubtype(obj, tp):
        Py_INCREF(obj)
        return obj
    if PyType_IsSubtype(obj.ob_type, tp):
        Py_INCREF(obj.ob_type)
        return obj.ob_type
    cls = PyObject_GetOptionalAttr(obj, _intern("__class__"))
    if cls is not None:
        if isinstance(cls, PyTypeObject) and cls is not obj.ob_type and PyType_IsSubtype(cls, tp):
            return cls
        Py_DECREF(cls)
    tn = obj.ob_type.tp_name if not isinstance(obj, PyTypeObject) else obj.tp_name
    kind = "type" if isinstance(obj, PyTypeObject) else "instance of"
    if isinstance(obj, PyTypeObject):
        _type_error(f"super(type, obj): obj ({kind} {tn}) is not an instance or subtype of type "
                    f"({tp.tp_name}).")
    _type_error(f"super(type, obj): obj ({kind} {tn}) is not an instance or subtype of type "
                f"({tp.tp_name}).")
    raise AssertionError


def super_init_without_args() -> tuple[PyTypeObject, PyObject]:
    """CPython: Objects/typeobject.c:super_init_without_args

    ``super()``: the first argument of the calling frame and its ``__class__`` cell
    (new references).
    """
    from pyvm.objects.exceptions import PyExc_RuntimeError  # cycle
    frame = _tstate.current_frame
    if frame is None:
        PyErr_Format(PyExc_RuntimeError, "super(): no current frame")
    assert frame is not None
    co = frame.f_executable
    if co.co_argcount == 0:
        PyErr_Format(PyExc_RuntimeError, "super(): no arguments")
    firstarg = frame.localsplus[0]
    if isinstance(firstarg, PyCellObject):
        # The first argument is also a cell variable (MAKE_CELL wrapped it).
        firstarg = firstarg.ob_ref
    if firstarg is None:
        PyErr_Format(PyExc_RuntimeError, "super(): arg[0] deleted")
    assert firstarg is not None
    names = co.co_localsplusnames_items
    n = co.co_nlocalsplus
    for i in range(n - co.co_nfreevars, n):
        if _unicode_value(names[i]) == "__class__":
            cell = frame.localsplus[i]
            if not isinstance(cell, PyCellObject):
                PyErr_Format(PyExc_RuntimeError, "super(): bad __class__ cell")
            assert isinstance(cell, PyCellObject)
            t = cell.ob_ref
            if t is None:
                PyErr_Format(PyExc_RuntimeError, "super(): empty __class__ cell")
            assert t is not None
            if not isinstance(t, PyTypeObject):
                _type_error(f"super(): __class__ is not a type ({t.ob_type.tp_name})")
            assert isinstance(t, PyTypeObject)
            Py_INCREF(t)
            Py_INCREF(firstarg)
            return t, firstarg
    PyErr_Format(PyExc_RuntimeError, "super(): __class__ cell not found")
    raise AssertionError


def super_init_impl(self_: PyObject, tp: Optional[PyTypeObject], obj: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:super_init_impl

    ``tp`` and ``obj`` are borrowed; the super object takes its own references
    to the type, the object and the start type, releasing the ones it held.
    """
    assert isinstance(self_, superobject)
    if tp is None:
        tp, obj = super_init_without_args()
    else:
        Py_INCREF(tp)
        if obj is not None:
            Py_INCREF(obj)
    if obj is Py_None:
        Py_DECREF(obj)
        obj = None
    obj_type: Optional[PyTypeObject] = None
    if obj is not None:
        try:
            obj_type = supercheck(tp, obj)
        except PyErr:
            Py_DECREF(tp)
            Py_DECREF(obj)
            raise
    old_type, old_obj, old_obj_type = self_.type, self_.obj, self_.obj_type
    self_.type = tp
    self_.obj = obj
    self_.obj_type = obj_type
    if old_type is not None:
        Py_DECREF(old_type)
    if old_obj is not None:
        Py_DECREF(old_obj)
    if old_obj_type is not None:
        Py_DECREF(old_obj_type)


def super_init(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:super_init"""
    if kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle
        if PyDict_Size(kwds):
            _type_error("super() takes no keyword arguments")
    items = _tuple_items(args)
    if len(items) > 2:
        _type_error(f"super() expected at most 2 arguments, got {len(items)}")
    tp: Optional[PyTypeObject] = None
    if len(items) > 0:
        t = items[0]
        if not isinstance(t, PyTypeObject):
            _type_error(f"super() argument 1 must be type, not {t.ob_type.tp_name}")
        assert isinstance(t, PyTypeObject)
        tp = t
    super_init_impl(self_, tp, items[1] if len(items) > 1 else None)


def super_vectorcall(callable: PyObject, args: list[PyObject], start: int, nargs: int,
                     kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:super_vectorcall"""
    if kwnames is not None and len(_tuple_items(kwnames)) > 0:
        _type_error("super() takes no keyword arguments")
    if nargs > 2:
        _type_error(f"super() expected at most 2 arguments, got {nargs}")
    assert isinstance(callable, PyTypeObject)
    tp: Optional[PyTypeObject] = None
    if nargs > 0:
        arg0 = args[start]
        if not isinstance(arg0, PyTypeObject):
            _type_error(f"super() argument 1 must be a type, not {arg0.ob_type.tp_name[:200]}")
        assert isinstance(arg0, PyTypeObject)
        tp = arg0
    su = superobject(callable)
    try:
        super_init_impl(su, tp, args[start + 1] if nargs > 1 else None)
    except PyErr:
        Py_DECREF(su)
        raise
    return su


def _super_lookup_descr(su_type: PyTypeObject, su_obj_type: PyTypeObject,
                        name: PyObject) -> Optional[PyObject]:
    """CPython: Objects/typeobject.c:_super_lookup_descr

    The first definition of ``name`` after ``su_type`` in ``su_obj_type``'s MRO
    (borrowed), or None.
    """
    mro = su_obj_type.tp_mro
    if mro is None:
        return None
    items = _tuple_items(mro)
    i = 0
    while i + 1 < len(items):
        if items[i] is su_type:
            break
        i += 1
    i += 1
    from pyvm.objects.dictobject import PyDict_GetItemWithError  # cycle
    while i < len(items):
        b = items[i]
        assert isinstance(b, PyTypeObject)
        d = b.tp_dict
        assert d is not None
        res = PyDict_GetItemWithError(d, name)
        if res is not None:
            return res
        i += 1
    return None


def do_super_lookup(su: Optional[superobject], su_type: PyTypeObject, su_obj: Optional[PyObject],
                    su_obj_type: Optional[PyTypeObject], name: PyObject,
                    want_method: bool) -> tuple[PyObject, bool]:
    """CPython: Objects/typeobject.c:do_super_lookup

    ``(attr, is_method)``: with ``want_method``, an unbound function is returned
    as is (to be called with ``su_obj`` first), as ``_PyObject_GetMethod`` does.
    """
    if su_obj_type is not None and _unicode_value(name) != "__class__":
        res = _super_lookup_descr(su_type, su_obj_type, name)
        if res is not None:
            if want_method and res.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR:
                Py_INCREF(res)
                return res, True
            f = res.ob_type.tp_descr_get
            if f is not None:
                Py_INCREF(res)
                try:
                    return f(res, None if su_obj is su_obj_type else su_obj, su_obj_type), False
                finally:
                    Py_DECREF(res)
            Py_INCREF(res)
            return res, False
    if su is None:
        # LOAD_SUPER_ATTR without a super object: make one for the generic path.
        assert su_obj is not None
        s2 = PyObject_Vectorcall(PySuper_Type, [su_type, su_obj], 0, 2, None)
        try:
            return PyObject_GenericGetAttr(s2, name), False
        finally:
            Py_DECREF(s2)
    return PyObject_GenericGetAttr(su, name), False


def super_getattro(self_: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:super_getattro"""
    assert isinstance(self_, superobject)
    t = self_.type
    assert t is not None
    return do_super_lookup(self_, t, self_.obj, self_.obj_type, name, False)[0]


def _PySuper_Lookup(tp: PyTypeObject, obj: PyObject, name: PyObject,
                    want_method: bool) -> tuple[PyObject, bool]:
    """CPython: Objects/typeobject.c:_PySuper_Lookup

    ``LOAD_SUPER_ATTR``'s lookup for ``super(tp, obj).name`` without building the
    super object.
    """
    obj_type = supercheck(tp, obj)
    try:
        return do_super_lookup(None, tp, obj, obj_type, name, want_method)
    finally:
        Py_DECREF(obj_type)


def super_dealloc(op: PyObject) -> None:
    """CPython: Objects/typeobject.c:super_dealloc"""
    assert isinstance(op, superobject)
    o, t, ot = op.obj, op.type, op.obj_type
    op.obj = None
    op.type = None
    op.obj_type = None
    if o is not None:
        Py_DECREF(o)
    if t is not None:
        Py_DECREF(t)
    if ot is not None:
        Py_DECREF(ot)


def super_repr(op: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:super_repr"""
    assert isinstance(op, superobject)
    tn = op.type.tp_name if op.type is not None else "NULL"
    if op.obj_type is not None:
        return _new_str(f"<super: <class '{tn}'>, <{op.obj_type.tp_name} object>>")
    return _new_str(f"<super: <class '{tn}'>, NULL>")


def super_descr_get(self_: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:super_descr_get"""
    assert isinstance(self_, superobject)
    if obj is None or obj is Py_None or self_.obj is not None:
        Py_INCREF(self_)
        return self_
    if self_.ob_type is not PySuper_Type:
        # A subclass of super: call its type.
        t = self_.type
        assert t is not None
        return PyObject_Vectorcall(self_.ob_type, [t, obj], 0, 2, None)
    t = self_.type
    assert t is not None
    obj_type = supercheck(t, obj)
    su = superobject(PySuper_Type)
    Py_INCREF(t)
    su.type = t
    Py_INCREF(obj)
    su.obj = obj
    su.obj_type = obj_type
    return su


def _super_get_thisclass(op: PyObject) -> PyObject:
    """pyvm: the ``__thisclass__`` member of C's ``super_members``."""
    assert isinstance(op, superobject)
    return op.type if op.type is not None else Py_None


def _super_get_self(op: PyObject) -> PyObject:
    """pyvm: the ``__self__`` member of C's ``super_members``."""
    assert isinstance(op, superobject)
    r = op.obj if op.obj is not None else Py_None
    Py_INCREF(r)
    return r


def _super_get_self_class(op: PyObject) -> PyObject:
    """pyvm: the ``__self_class__`` member of C's ``super_members``."""
    assert isinstance(op, superobject)
    return op.obj_type if op.obj_type is not None else Py_None


def type_prepare(cls: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:type_prepare"""
    from pyvm.objects.dictobject import PyDict_New  # cycle
    return PyDict_New()


def _init_heap_types() -> None:
    """pyvm: the static initializer of ``super`` and the heap-type parts of
    ``type`` (``__prepare__``)."""
    st = PySuper_Type
    st.tp_dealloc = super_dealloc
    st.tp_repr = super_repr
    st.tp_getattro = super_getattro
    st.tp_setattro = PyObject_GenericSetAttr
    st.tp_descr_get = super_descr_get
    st.tp_init = super_init
    st.tp_new = super_new
    st.tp_vectorcall = super_vectorcall
    _PyType_AddMembers(st, [PyMemberDef("__thisclass__", _super_get_thisclass),
                            PyMemberDef("__self__", _super_get_self),
                            PyMemberDef("__self_class__", _super_get_self_class)])
    _PyType_AddMethods(PyType_Type, [
        PyMethodDef("__prepare__", type_prepare, METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
                    "__prepare__($cls, name, bases, /, **kwds)\n--\n\nCreate the namespace for the "
                    "class statement"),
    ])


def type_or(self_: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:_Py_union_type_or

    pyvm: ``type_as_number.nb_or`` (``int | str``); unionobject.py sits above
    this module.
    """
    from pyvm.objects.unionobject import _Py_union_type_or  # cycle: it imports us
    return _Py_union_type_or(self_, other)


def _init_types() -> None:
    """pyvm: the static initializers of ``type`` and ``object`` (and the slots of
    NoneType / NotImplementedType that need this module)."""
    ot = PyBaseObject_Type
    ot.tp_dealloc = object_dealloc
    ot.tp_repr = object_repr
    ot.tp_str = object_str
    ot.tp_hash = object_hash
    ot.tp_richcompare = object_richcompare
    ot.tp_getattro = PyObject_GenericGetAttr
    ot.tp_setattro = PyObject_GenericSetAttr
    ot.tp_init = object_init
    ot.tp_new = object_new
    _PyType_AddMethods(ot, [
        PyMethodDef("__format__", object___format__, METH_O,
                    "Default object formatter.\n\nReturn str(self) if format_spec is empty. "
                    "Raise TypeError otherwise."),
        PyMethodDef("__init_subclass__", object___init_subclass__, METH_CLASS | METH_NOARGS,
                    "This method is called when a class is subclassed.\n\n"
                    "The default implementation does nothing. It may be\n"
                    "overridden to extend subclasses.\n"),
        PyMethodDef("__dir__", object___dir__, METH_NOARGS, "Default dir() implementation."),
    ])
    _PyType_AddGetSets(ot, [
        PyGetSetDef("__class__", object_get_class, object_set_class),
    ])

    tt = PyType_Type
    tt.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    # A variable-size object in C (the heap type's member table).
    tt.tp_itemsize = 1
    tt.tp_repr = type_repr
    tt.tp_call = type_call
    tt.nb_or = type_or
    tt.tp_vectorcall = type_vectorcall
    tt.tp_getattro = type_getattro
    tt.tp_setattro = type_setattro
    tt.tp_init = type_init
    tt.tp_new = type_new
    tt.tp_doc = ("type(object) -> the object's type\n"
                 "type(name, bases, dict, **kwds) -> a new type")
    _PyType_AddMethods(tt, [
        PyMethodDef("mro", type_mro, METH_NOARGS, "Return a type's method resolution order."),
        PyMethodDef("__dir__", type___dir__, METH_NOARGS, "Specialized __dir__ implementation for types."),
        PyMethodDef("__instancecheck__", type___instancecheck__, METH_O,
                    "Check if an object is an instance."),
        PyMethodDef("__subclasscheck__", type___subclasscheck__, METH_O,
                    "Check if a class is a subclass."),
    ])
    _PyType_AddGetSets(tt, [
        PyGetSetDef("__name__", type_get_name, _noop_setter),
        PyGetSetDef("__qualname__", type_get_qualname, _noop_setter),
        PyGetSetDef("__bases__", type_get_bases, _noop_setter),
        PyGetSetDef("__mro__", type_get_mro, None),
        PyGetSetDef("__dict__", type_dict, None),
        PyGetSetDef("__module__", type_get_module, _noop_setter),
        PyGetSetDef("__doc__", type_get_doc, _noop_setter),
    ])
    _PyType_AddMembers(tt, [PyMemberDef("__base__", type_get_base)])

    _object_type_holder.mro_items = _tuple_items


_init_types()
_init_heap_types()
