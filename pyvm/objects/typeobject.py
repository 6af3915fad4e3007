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

Heap types (class statements) are not in this slice: ``type_new`` says so. When
they come, :class:`PyHeapTypeObject` carries ``ht_name`` / ``ht_qualname`` and the
``slot_*`` functions and ``fixup_slot_dispatchers`` belong here.
"""

from __future__ import annotations

from typing import Callable, Final, Optional, cast

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
    METH_CLASS,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    METH_VARARGS,
    PyCFunction_NewEx,
    PyMethodDef,
)
from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_BASE_EXC_SUBCLASS,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_BYTES_SUBCLASS,
    Py_TPFLAGS_DICT_SUBCLASS,
    Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_HAVE_VECTORCALL,
    Py_TPFLAGS_HEAPTYPE,
    Py_TPFLAGS_IMMUTABLETYPE,
    Py_TPFLAGS_LIST_SUBCLASS,
    Py_TPFLAGS_LONG_SUBCLASS,
    Py_TPFLAGS_READY,
    Py_TPFLAGS_READYING,
    Py_TPFLAGS_TUPLE_SUBCLASS,
    Py_TPFLAGS_TYPE_SUBCLASS,
    Py_TPFLAGS_UNICODE_SUBCLASS,
    PyBaseObject_Type,
    PyErr,
    PyErr_Format,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_GenericSetAttr,
    PyObject_HashNotImplemented,
    PyObject_IsTrue,
    PyType_IsSubtype,
    PyType_Modified,
    PyType_Type,
    PyTypeObject,
    _object_type_holder,
    _Py_HashPointer,
    _PyNone_Type,
    _PyNotImplemented_Type,
    _PyObject_RaiseNoAttribute,
    _PyType_Lookup,
    _unicode_value,
    Py_GE,
    Py_GT,
    Py_LE,
    Py_LT,
    binaryfunc,
    callfunc,
    descrgetfunc,
    descrsetfunc,
    destructor,
    hashfunc,
    initproc,
    inquiry,
    iternextfunc,
    lenfunc,
    objobjargproc,
    objobjproc,
    richcmpfunc,
    setattrofunc,
    ssizeargfunc,
    ssizeobjargproc,
    ternaryfunc,
    unaryfunc,
)

__all__ = [
    "PyType_Type", "PyBaseObject_Type", "PyType_Ready", "_PyType_Lookup", "_PyType_Name",
    "_PyType_AddMethods", "_PyType_AddGetSets", "_PyType_AddMembers",
    "PyGetSetDef", "PyMemberDef", "PyMethodDef",
]

# CPython: Include/object.h:Py_TPFLAGS_DISALLOW_INSTANTIATION
Py_TPFLAGS_DISALLOW_INSTANTIATION: Final = 1 << 7

# The fast-subclass bits a type inherits from its base (inherit_special).
_SUBCLASS_FLAGS: Final = (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS
                          | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS
                          | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS
                          | Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS)


class PyHeapTypeObject(PyTypeObject):
    """CPython: Include/cpython/object.h:_heaptypeobject

    pyvm: the type of a class statement. ``ht_name`` / ``ht_qualname`` are owned
    str objects. Created by ``type_new`` (not in the first slice).
    """

    ht_name: PyObject
    ht_qualname: PyObject

    def __init__(self, name: str, ht_name: PyObject, ht_qualname: PyObject,
                 base: Optional[PyTypeObject] = None, flags: int = 0) -> None:
        super().__init__(name, base, flags | Py_TPFLAGS_HEAPTYPE)
        self.ht_name = ht_name
        self.ht_qualname = ht_qualname


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
        from pyvm.objects.object import PyUnicode_Check
        return _unicode_value(m) if PyUnicode_Check(m) else None
    name = tp.tp_name
    i = name.rfind(".")
    return "builtins" if i < 0 else name[:i]


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
    # type_ready_inherit
    for b in _tuple_items(tp.tp_mro)[1:]:
        assert isinstance(b, PyTypeObject)
        inherit_slots(tp, b)
    type_ready_set_hash(tp)


def mro_internal(tp: PyTypeObject) -> PyObject:
    """CPython: Objects/typeobject.c:mro_internal

    pyvm: static types have one base, so the MRO is the type followed by its
    base's MRO (``mro_implementation``'s single-base shortcut). The C3 merge comes
    with class statements.
    """
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    items: list[PyObject] = [tp]
    base = tp.tp_base
    if base is not None:
        bm = base.tp_mro
        assert bm is not None
        items.extend(_tuple_items(bm))
    return _PyTuple_FromArray(items)


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
    # pyvm: the base types carry their fast-subclass bit, so inheriting the bits
    # is the same as C's is_subtype_with_mro tests.
    tp.tp_flags |= base.tp_flags & _SUBCLASS_FLAGS


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
    ``tp_getattro``/``tp_setattro`` likewise go together. The instance vectorcall
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
    if tp.tp_dealloc is None: tp.tp_dealloc = base.tp_dealloc  # noqa: E701
    if tp.tp_getattro is None and tp.tp_setattro is None:
        tp.tp_getattro = base.tp_getattro
        tp.tp_setattro = base.tp_setattro
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
    from pyvm.objects.descrobject import PyDescr_NewWrapper
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
    return PyLong_FromLong(cast(lenfunc, wrapped)(self_))


def wrap_inquirypred(self_: PyObject, args: list[PyObject], wrapped: object,
                     kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_inquirypred"""
    check_num_args(args, 0)
    from pyvm.objects.boolobject import PyBool_FromLong  # cycle
    return PyBool_FromLong(1 if cast(inquiry, wrapped)(self_) else 0)


def wrap_binaryfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_binaryfunc"""
    check_num_args(args, 1)
    return cast(binaryfunc, wrapped)(self_, args[0])


def wrap_binaryfunc_l(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_binaryfunc_l"""
    check_num_args(args, 1)
    return cast(binaryfunc, wrapped)(self_, args[0])


def wrap_binaryfunc_r(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_binaryfunc_r"""
    check_num_args(args, 1)
    return cast(binaryfunc, wrapped)(args[0], self_)


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
    return cast(ternaryfunc, wrapped)(self_, args[0], args[1] if n == 2 else Py_None)


def wrap_ternaryfunc_r(self_: PyObject, args: list[PyObject], wrapped: object,
                       kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_ternaryfunc_r"""
    n = check_pow_args(args)
    return cast(ternaryfunc, wrapped)(args[0], self_, args[1] if n == 2 else Py_None)


def wrap_unaryfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                   kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_unaryfunc"""
    check_num_args(args, 0)
    return cast(unaryfunc, wrapped)(self_)


def wrap_indexargfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_indexargfunc"""
    check_num_args(args, 1)
    from pyvm.objects.abstract import PyNumber_AsSsize_t  # cycle
    from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
    return cast(ssizeargfunc, wrapped)(self_, PyNumber_AsSsize_t(args[0], PyExc_OverflowError))


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
    return cast(ssizeargfunc, wrapped)(self_, getindex(self_, args[0]))


def wrap_sq_setitem(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_sq_setitem"""
    check_num_args(args, 2)
    cast(ssizeobjargproc, wrapped)(self_, getindex(self_, args[0]), args[1])
    return Py_None


def wrap_sq_delitem(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_sq_delitem"""
    check_num_args(args, 1)
    cast(ssizeobjargproc, wrapped)(self_, getindex(self_, args[0]), None)
    return Py_None


def wrap_objobjproc(self_: PyObject, args: list[PyObject], wrapped: object,
                    kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_objobjproc"""
    check_num_args(args, 1)
    from pyvm.objects.boolobject import PyBool_FromLong  # cycle
    return PyBool_FromLong(1 if cast(objobjproc, wrapped)(self_, args[0]) else 0)


def wrap_objobjargproc(self_: PyObject, args: list[PyObject], wrapped: object,
                       kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_objobjargproc"""
    check_num_args(args, 2)
    cast(objobjargproc, wrapped)(self_, args[0], args[1])
    return Py_None


def wrap_delitem(self_: PyObject, args: list[PyObject], wrapped: object,
                 kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_delitem"""
    check_num_args(args, 1)
    cast(objobjargproc, wrapped)(self_, args[0], None)
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
    cast(setattrofunc, wrapped)(self_, args[0], args[1])
    return Py_None


def wrap_delattr(self_: PyObject, args: list[PyObject], wrapped: object,
                 kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_delattr"""
    check_num_args(args, 1)
    hackcheck(self_, wrapped, "__delattr__")
    cast(setattrofunc, wrapped)(self_, args[0], None)
    return Py_None


def wrap_hashfunc(self_: PyObject, args: list[PyObject], wrapped: object,
                  kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_hashfunc"""
    check_num_args(args, 0)
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    return PyLong_FromLong(cast(hashfunc, wrapped)(self_))


def wrap_call(self_: PyObject, args: list[PyObject], wrapped: object,
              kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_call"""
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    t = _PyTuple_FromArray(args)
    try:
        return cast(callfunc, wrapped)(self_, t, kwds)
    finally:
        Py_DECREF(t)


def wrap_del(self_: PyObject, args: list[PyObject], wrapped: object,
             kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_del"""
    check_num_args(args, 0)
    cast(destructor, wrapped)(self_)
    return Py_None


def wrap_richcmpfunc(self_: PyObject, args: list[PyObject], wrapped: object, op: int) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_richcmpfunc"""
    check_num_args(args, 1)
    return cast(richcmpfunc, wrapped)(self_, args[0], op)


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
    res = cast(iternextfunc, wrapped)(self_)
    if res is None:
        from pyvm.objects.exceptions import PyExc_StopIteration  # cycle
        from pyvm.objects.object import PyErr_SetNone
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
    return cast(descrgetfunc, wrapped)(self_, obj, tp)


def wrap_descr_set(self_: PyObject, args: list[PyObject], wrapped: object,
                   kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_descr_set"""
    if len(args) != 2:
        _type_error(f"__set__ expected 2 arguments, got {len(args)}")
    cast(descrsetfunc, wrapped)(self_, args[0], args[1])
    return Py_None


def wrap_descr_delete(self_: PyObject, args: list[PyObject], wrapped: object,
                      kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_descr_delete"""
    check_num_args(args, 1)
    cast(descrsetfunc, wrapped)(self_, args[0], None)
    return Py_None


def wrap_init(self_: PyObject, args: list[PyObject], wrapped: object,
              kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:wrap_init"""
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    t = _PyTuple_FromArray(args)
    try:
        cast(initproc, wrapped)(self_, t, kwds)
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
    from pyvm.objects.call import _PyObject_MakeTpCall  # cycle: call imports us
    return _PyObject_MakeTpCall(tp, args, start, nargs, kwnames)


def type_new(metatype: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:type_new

    pyvm: class creation (heap types, ``slot_*`` dispatchers, C3 MRO, ``__slots__``,
    ``__set_name__``, ``__init_subclass__``) is not in the first slice; it goes
    here, building a :class:`PyHeapTypeObject`.
    """
    from pyvm.objects.exceptions import PyExc_NotImplementedError  # cycle
    PyErr_Format(PyExc_NotImplementedError, "pyvm: class creation (type_new) is not implemented yet")


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
    from pyvm.objects.object import _attr_name_check, PyUnicode_Check
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
        from pyvm.objects.object import _PyObject_ReprStr
        _type_error(f"cannot set {_PyObject_ReprStr(name)} attribute of immutable type '{tp.tp_name}'")
    from pyvm.objects.object import _PyObject_GenericSetAttrWithDict
    # pyvm: heap types only (class statements); the slot update of update_slot()
    # comes with them.
    _PyObject_GenericSetAttrWithDict(tp, name, value, tp.tp_dict)
    PyType_Modified(tp)


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
    from pyvm.objects.descrobject import PyDictProxy_New
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

    pyvm: instances of heap types will get their layout (``PyObjectWithDict`` or
    the solid base's) from ``type_new``'s allocator; a plain ``object()`` is a bare
    header.
    """
    if excess_args(args, kwds):
        if tp.tp_new is not object_new:
            _type_error("object.__new__() takes exactly one argument (the type to instantiate)")
        if tp.tp_init is object_init:
            _type_error(f"{tp.tp_name}() takes no arguments")
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


def object_set_class(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/typeobject.c:object_set_class

    pyvm: assigning ``__class__`` needs heap types; the messages are C's.
    """
    if value is None:
        _type_error("can't delete __class__ attribute")
    assert value is not None
    if not isinstance(value, PyTypeObject):
        _type_error(f"__class__ must be set to a class, not '{value.ob_type.tp_name}' object")
    _type_error("__class__ assignment only supported for mutable types or ModuleType subclasses")


def object___format__(self_: PyObject, format_spec: PyObject) -> PyObject:
    """CPython: Objects/typeobject.c:object___format___impl"""
    from pyvm.objects.object import PyUnicode_Check, PyObject_Str
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
    from pyvm.objects.object import _PyObject_GetDictPtr
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
    from pyvm.objects.call import PyObject_CallNoArgs  # cycle
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
    tt.tp_repr = type_repr
    tt.tp_call = type_call
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
