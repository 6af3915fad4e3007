"""Ports Objects/descrobject.c and Include/descrobject.h: the descriptors that
builtin types put in their ``tp_dict``.

``PyType_Ready`` turns a type's method, member and getset tables into
descriptors: ``method_descriptor`` (``list.append``), ``classmethod_descriptor``
(``dict.fromkeys``), ``getset_descriptor`` (``int.real``) and
``member_descriptor`` (``StopIteration.value``). Looking one up on an instance
runs its ``tp_descr_get``; ``method_descriptor`` carries
``Py_TPFLAGS_METHOD_DESCRIPTOR`` so that ``LOAD_ATTR`` can skip the bound
method and call it with the instance prepended.

pyvm has no struct offsets, so a member is described by accessor functions, as a
getset is; the two differ only in their type and messages.

The tables are registered with :func:`_PyType_AddMethods`,
:func:`_PyType_AddGetSets` and :func:`_PyType_AddMembers` (C's ``tp_methods``,
``tp_getset``, ``tp_members`` fields): before the type is ready they wait in a
side table that ``PyType_Ready`` drains; afterwards they go straight into
``tp_dict``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional, TypeAlias

from pyvm.objects.methodobject import (
    METH_CLASS, METH_KEYWORDS, METH_O, METH_STATIC, PyCFunction_NewEx, PyCFunction_Type,
    PyMethodDef, meth_get__doc__, meth_get__module__, meth_get__name__,
    meth_get__qualname__, meth_get__self__, METH_FASTCALL, METH_NOARGS,
)
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL,
    Py_TPFLAGS_METHOD_DESCRIPTOR, PyErr_Format, PyObject, PyType_IsSubtype,
    PyType_Modified, PyTypeObject, _PyObject_ReprStr, PyObject_Str, PyObject_RichCompare,
)
from pyvm.objects.call import (
    _PyStack_AsDict, PyVectorcall_Call, PyObject_Call, PyObject_CallMethod,
)

getter: TypeAlias = "Callable[[PyObject], PyObject]"
# setter(obj, value): value None means delete.
setter: TypeAlias = "Callable[[PyObject, Optional[PyObject]], None]"

# CPython: Include/descrobject.h:Py_READONLY
Py_READONLY: Final = 1
# CPython: Include/descrobject.h:Py_T_OBJECT_EX
Py_T_OBJECT_EX: Final = 16


class PyGetSetDef:
    """CPython: Include/descrobject.h:PyGetSetDef"""

    name: str
    get: Optional[getter]
    set: Optional[setter]
    doc: Optional[str]

    def __init__(self, name: str, get: Optional[getter], set: Optional[setter],
                 doc: Optional[str] = None) -> None:
        self.name = name
        self.get = get
        self.set = set
        self.doc = doc


class PyMemberDef:
    """CPython: Include/descrobject.h:PyMemberDef

    pyvm: for the members of builtin types ``get``/``set`` replace C's ``type``
    and ``offset``; ``flags`` holds ``Py_READONLY``. A ``set`` of None with flags
    0 is still read-only. The ``__slots__`` members of heap types are the one
    case that keeps C's description: ``type`` is ``Py_T_OBJECT_EX`` and
    ``offset`` the index of the value in the instance's slot list (see
    typeobject.py's ``_PyObject_SlotValues``); their ``get`` is None.
    """

    name: str
    get: Optional[getter]
    set: Optional[setter]
    flags: int
    doc: Optional[str]
    type: int
    offset: int

    def __init__(self, name: str, get: Optional[getter], set: Optional[setter] = None,
                 flags: int = 0, doc: Optional[str] = None, type: int = 0,
                 offset: int = -1) -> None:
        self.name = name
        self.get = get
        self.set = set
        self.flags = flags if set is not None or type != 0 else flags | Py_READONLY
        self.doc = doc
        self.type = type
        self.offset = offset


class PyDescrObject(PyObject):
    """CPython: Include/cpython/descrobject.h:PyDescrObject

    ``d_type`` is the type the descriptor belongs to; ``d_name`` an owned str.
    """

    d_type: PyTypeObject
    d_name: PyObject
    d_name_str: str

    def __init__(self, tp: PyTypeObject, dtype: PyTypeObject, name: str) -> None:
        super().__init__(tp)
        from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
        self.d_type = dtype
        n = PyUnicode_InternFromString(name)
        Py_INCREF(n)
        self.d_name = n
        self.d_name_str = name


class PyMethodDescrObject(PyDescrObject):
    """CPython: Include/cpython/descrobject.h:PyMethodDescrObject"""

    d_method: PyMethodDef

    def __init__(self, tp: PyTypeObject, dtype: PyTypeObject, method: PyMethodDef) -> None:
        super().__init__(tp, dtype, method.ml_name)
        self.d_method = method


class PyGetSetDescrObject(PyDescrObject):
    """CPython: Include/cpython/descrobject.h:PyGetSetDescrObject"""

    d_getset: PyGetSetDef

    def __init__(self, tp: PyTypeObject, dtype: PyTypeObject, gs: PyGetSetDef) -> None:
        super().__init__(tp, dtype, gs.name)
        self.d_getset = gs


class PyMemberDescrObject(PyDescrObject):
    """CPython: Include/cpython/descrobject.h:PyMemberDescrObject"""

    d_member: PyMemberDef

    def __init__(self, tp: PyTypeObject, dtype: PyTypeObject, m: PyMemberDef) -> None:
        super().__init__(tp, dtype, m.name)
        self.d_member = m


# pyvm: the static ``PyMethodDescr_Type`` of Objects/descrobject.c
PyMethodDescr_Type: Final = PyTypeObject(
    "method_descriptor", None,
    Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR)
# pyvm: the static ``PyClassMethodDescr_Type`` of Objects/descrobject.c
PyClassMethodDescr_Type: Final = PyTypeObject("classmethod_descriptor", None, Py_TPFLAGS_HAVE_GC)
# pyvm: the static ``PyGetSetDescr_Type`` of Objects/descrobject.c
PyGetSetDescr_Type: Final = PyTypeObject("getset_descriptor", None, Py_TPFLAGS_HAVE_GC)
# pyvm: the static ``PyMemberDescr_Type`` of Objects/descrobject.c
PyMemberDescr_Type: Final = PyTypeObject("member_descriptor", None, Py_TPFLAGS_HAVE_GC)


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle: exceptions imports us
    PyErr_Format(PyExc_TypeError, msg)


def _attribute_error(msg: str) -> None:
    """pyvm: raise AttributeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_AttributeError  # cycle
    PyErr_Format(PyExc_AttributeError, msg)


def PyDescr_NewMethod(tp: PyTypeObject, method: PyMethodDef) -> PyObject:
    """CPython: Objects/descrobject.c:PyDescr_NewMethod"""
    return PyMethodDescrObject(PyMethodDescr_Type, tp, method)


def PyDescr_NewClassMethod(tp: PyTypeObject, method: PyMethodDef) -> PyObject:
    """CPython: Objects/descrobject.c:PyDescr_NewClassMethod"""
    return PyMethodDescrObject(PyClassMethodDescr_Type, tp, method)


def PyDescr_NewGetSet(tp: PyTypeObject, gs: PyGetSetDef) -> PyObject:
    """CPython: Objects/descrobject.c:PyDescr_NewGetSet"""
    return PyGetSetDescrObject(PyGetSetDescr_Type, tp, gs)


def PyDescr_NewMember(tp: PyTypeObject, m: PyMemberDef) -> PyObject:
    """CPython: Objects/descrobject.c:PyDescr_NewMember"""
    return PyMemberDescrObject(PyMemberDescr_Type, tp, m)


def descr_dealloc(op: PyObject) -> None:
    """CPython: Objects/descrobject.c:descr_dealloc"""
    assert isinstance(op, PyDescrObject)
    Py_DECREF(op.d_name)


def _qualname(d: PyDescrObject) -> str:
    """pyvm: the ``__qualname__`` text of a descriptor (``type.name``)."""
    from pyvm.objects.typeobject import _PyType_Name  # cycle: typeobject imports us
    return f"{_PyType_Name(d.d_type)}.{d.d_name_str}"


def descr_check(descr: PyDescrObject, obj: PyObject) -> None:
    """CPython: Objects/descrobject.c:descr_check"""
    if not (obj.ob_type is descr.d_type or PyType_IsSubtype(obj.ob_type, descr.d_type)):
        _type_error(f"descriptor '{descr.d_name_str}' for '{descr.d_type.tp_name}' objects "
                    f"doesn't apply to a '{obj.ob_type.tp_name}' object")


def method_get(descr: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:method_get"""
    assert isinstance(descr, PyMethodDescrObject)
    if obj is None:
        Py_INCREF(descr)
        return descr
    descr_check(descr, obj)
    return PyCFunction_NewEx(descr.d_method, obj, None)


def classmethod_get(descr: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:classmethod_get"""
    assert isinstance(descr, PyMethodDescrObject)
    if tp is None:
        if obj is not None:
            tp = obj.ob_type
        else:
            _type_error(f"descriptor '{descr.d_name_str}' for type '{descr.d_type.tp_name}' "
                        "needs either an object or a type")
    assert tp is not None
    if not isinstance(tp, PyTypeObject):
        _type_error(f"descriptor '{descr.d_name_str}' for type '{descr.d_type.tp_name}' "
                    f"needs a type, not a '{tp.ob_type.tp_name}' as arg 2")
    assert isinstance(tp, PyTypeObject)
    if not PyType_IsSubtype(tp, descr.d_type):
        _type_error(f"descriptor '{descr.d_name_str}' requires a subtype of "
                    f"'{descr.d_type.tp_name}' but received '{tp.tp_name}'")
    return PyCFunction_NewEx(descr.d_method, tp, None)


def _kwcount(kwnames: Optional[PyObject]) -> int:
    """pyvm: the number of keyword names of a vectorcall."""
    if kwnames is None:
        return 0
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    assert isinstance(kwnames, PyTupleObject)
    return len(kwnames.ob_item)


def method_vectorcall(func: PyObject, args: list[PyObject], start: int, nargs: int,
                      kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:method_vectorcall_FASTCALL

    ``list.append(lst, x)``: the first argument is the instance. One entry for
    all the flavours, as :func:`pyvm.objects.methodobject.cfunction_vectorcall`.
    CPython: Objects/descrobject.c:method_vectorcall_NOARGS
    CPython: Objects/descrobject.c:method_vectorcall_O
    CPython: Objects/descrobject.c:method_vectorcall_FASTCALL_KEYWORDS
    CPython: Objects/descrobject.c:method_vectorcall_VARARGS_KEYWORDS
    CPython: Objects/descrobject.c:method_check_args
    """
    assert isinstance(func, PyMethodDescrObject)
    if nargs < 1:
        _type_error(f"unbound method {_qualname(func)}() needs an argument")
    self_ = args[start]
    descr_check(func, self_)
    ml = func.d_method
    f_kw = ml.ml_fast_kw
    if f_kw is not None:
        total = nargs - 1 + _kwcount(kwnames)
        return f_kw(self_, args[start + 1:start + 1 + total], kwnames)
    f_va = ml.ml_varargs
    if f_va is not None:
        from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
        if _kwcount(kwnames) > 0 and not (ml.ml_flags & METH_KEYWORDS):
            _type_error(f"{_qualname(func)}() takes no keyword arguments")
        argtuple = _PyTuple_FromArray(args[start + 1:start + nargs])
        kwdict: Optional[PyObject] = None
        if kwnames is not None and _kwcount(kwnames) > 0:
            kwdict = _PyStack_AsDict(args, start + nargs, kwnames)
        try:
            return f_va(self_, argtuple, kwdict)
        finally:
            Py_DECREF(argtuple)
            if kwdict is not None:
                Py_DECREF(kwdict)
    if _kwcount(kwnames) > 0:
        _type_error(f"{_qualname(func)}() takes no keyword arguments")
    f_o = ml.ml_o
    if f_o is not None:
        if nargs != 2:
            _type_error(f"{_qualname(func)}() takes exactly one argument ({nargs - 1} given)")
        return f_o(self_, args[start + 1])
    f_noargs = ml.ml_noargs
    if f_noargs is not None:
        if nargs != 1:
            _type_error(f"{_qualname(func)}() takes no arguments ({nargs - 1} given)")
        return f_noargs(self_)
    f_fast = ml.ml_fast
    assert f_fast is not None
    return f_fast(self_, args[start + 1:start + nargs])


def methoddescr_call(func: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """pyvm: tp_call of method descriptors (C uses ``PyVectorcall_Call``)."""
    return PyVectorcall_Call(func, args, kwargs)


def classmethoddescr_call(func: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:classmethoddescr_call"""
    assert isinstance(func, PyMethodDescrObject)
    from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArray  # cycle
    assert isinstance(args, PyTupleObject)
    items = args.ob_item
    if len(items) < 1:
        _type_error(f"descriptor '{func.d_name_str}' of '{func.d_type.tp_name}' "
                    "object needs an argument")
    cls = items[0]
    if not isinstance(cls, PyTypeObject):
        _type_error(f"descriptor '{func.d_name_str}' requires a type but received "
                    f"a '{cls.ob_type.tp_name}'")
    assert isinstance(cls, PyTypeObject)
    if not PyType_IsSubtype(cls, func.d_type):
        _type_error(f"descriptor '{func.d_name_str}' requires a subtype of "
                    f"'{func.d_type.tp_name}' but received '{cls.tp_name}'")
    bound = PyCFunction_NewEx(func.d_method, cls, None)
    rest = _PyTuple_FromArray(items[1:])
    try:
        return PyObject_Call(bound, rest, kwargs)
    finally:
        Py_DECREF(rest)
        Py_DECREF(bound)


def getset_get(descr: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:getset_get"""
    assert isinstance(descr, PyGetSetDescrObject)
    if obj is None:
        Py_INCREF(descr)
        return descr
    descr_check(descr, obj)
    g = descr.d_getset.get
    if g is None:
        _attribute_error(f"attribute '{descr.d_name_str}' of '{descr.d_type.tp_name}' "
                         "objects is not readable")
    assert g is not None
    return g(obj)


def getset_set(descr: PyObject, obj: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/descrobject.c:getset_set"""
    assert isinstance(descr, PyGetSetDescrObject)
    descr_check(descr, obj)
    s = descr.d_getset.set
    if s is None:
        _attribute_error(f"attribute '{descr.d_name_str}' of '{descr.d_type.tp_name}' "
                         "objects is not writable")
    assert s is not None
    s(obj, value)


def member_get(descr: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:member_get"""
    assert isinstance(descr, PyMemberDescrObject)
    if obj is None:
        Py_INCREF(descr)
        return descr
    descr_check(descr, obj)
    return PyMember_GetOne(obj, descr.d_member)


def member_set(descr: PyObject, obj: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/descrobject.c:member_set"""
    assert isinstance(descr, PyMemberDescrObject)
    descr_check(descr, obj)
    PyMember_SetOne(obj, descr.d_member, value)


def PyMember_GetOne(obj: PyObject, m: PyMemberDef) -> PyObject:
    """CPython: Python/structmember.c:PyMember_GetOne

    A new reference. A ``Py_T_OBJECT_EX`` slot that holds nothing raises
    AttributeError with the object's type and the slot's name.
    """
    if m.type == Py_T_OBJECT_EX:
        from pyvm.objects.typeobject import (  # cycle: typeobject imports us
            _PyObject_SlotValues, _PyType_GetFullyQualifiedName)
        v = _PyObject_SlotValues(obj)[m.offset]
        if v is None:
            # member_get_object: C's ``%T``, the fully qualified type name.
            _attribute_error(f"'{_PyType_GetFullyQualifiedName(obj.ob_type)}' object has no "
                             f"attribute '{m.name}'")
        assert v is not None
        Py_INCREF(v)
        return v
    g = m.get
    assert g is not None
    return g(obj)


def PyMember_SetOne(obj: PyObject, m: PyMemberDef, value: Optional[PyObject]) -> None:
    """CPython: Python/structmember.c:PyMember_SetOne

    ``value`` None deletes; deleting an empty ``Py_T_OBJECT_EX`` slot raises
    AttributeError carrying just the name, as C does.
    """
    if m.flags & Py_READONLY:
        _attribute_error("readonly attribute")
    if m.type == Py_T_OBJECT_EX:
        from pyvm.objects.typeobject import _PyObject_SlotValues  # cycle: typeobject imports us
        values = _PyObject_SlotValues(obj)
        old = values[m.offset]
        if value is None and old is None:
            _attribute_error(m.name)
        if value is not None:
            Py_INCREF(value)
        values[m.offset] = value
        if old is not None:
            Py_DECREF(old)
        return
    s = m.set
    if s is None:
        _attribute_error("readonly attribute")
    assert s is not None
    s(obj, value)


def _descr_repr(descr: PyObject, kind: str) -> PyObject:
    """CPython: Objects/descrobject.c:descr_repr"""
    assert isinstance(descr, PyDescrObject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(f"<{kind} '{descr.d_name_str}' of '{descr.d_type.tp_name}' objects>")


def method_repr(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:method_repr"""
    return _descr_repr(descr, "method")


def member_repr(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:member_repr"""
    return _descr_repr(descr, "member")


def getset_repr(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:getset_repr"""
    return _descr_repr(descr, "attribute")


def descr_get_qualname(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:descr_get_qualname"""
    assert isinstance(descr, PyDescrObject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(_qualname(descr))


def descr_get_name(descr: PyObject) -> PyObject:
    """pyvm: the ``__name__`` member of descriptors (``d_name``)."""
    assert isinstance(descr, PyDescrObject)
    Py_INCREF(descr.d_name)
    return descr.d_name


def descr_get_objclass(descr: PyObject) -> PyObject:
    """pyvm: the ``__objclass__`` member of descriptors (``d_type``)."""
    assert isinstance(descr, PyDescrObject)
    return descr.d_type


def method_get_doc(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:method_get_doc"""
    assert isinstance(descr, PyMethodDescrObject)
    d = descr.d_method.ml_doc
    if d is None:
        return Py_None
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(d)


def getset_get_doc(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:getset_get_doc"""
    assert isinstance(descr, PyGetSetDescrObject)
    d = descr.d_getset.doc
    if d is None:
        return Py_None
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(d)


def member_get_doc(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:member_get_doc"""
    assert isinstance(descr, PyMemberDescrObject)
    d = descr.d_member.doc
    if d is None:
        return Py_None
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(d)


# ---------------------------------------------------------------------------
# Slot wrappers: ``wrapper_descriptor`` (``int.__add__``) and ``method-wrapper``
# (``(1).__add__``).

# wrapperfunc(self, args, wrapped slot, kwds): args is a host list, kwds a dict or None.
wrapperfunc: TypeAlias = (
    "Callable[[PyObject, list[PyObject], object, Optional[PyObject]], PyObject]")

# CPython: Include/cpython/descrobject.h:PyWrapperFlag_KEYWORDS
PyWrapperFlag_KEYWORDS: Final = 1


class wrapperbase:
    """CPython: Include/cpython/descrobject.h:wrapperbase

    One row of ``typeobject.c``'s ``slotdefs`` table: the dunder name, the wrapper
    that calls the slot, and how to read the slot from a type (C uses an offset).
    """

    name: str
    getslot: Callable[[PyTypeObject], object]
    wrapper: wrapperfunc
    doc: str
    flags: int

    def __init__(self, name: str, getslot: Callable[[PyTypeObject], object], wrapper: wrapperfunc,
                 doc: str, flags: int = 0) -> None:
        self.name = name
        self.getslot = getslot
        self.wrapper = wrapper
        self.doc = doc
        self.flags = flags


class PyWrapperDescrObject(PyDescrObject):
    """CPython: Include/cpython/descrobject.h:PyWrapperDescrObject

    ``d_wrapped`` is the type's slot function (typed ``object``; the wrapper casts it).
    """

    d_base: wrapperbase
    d_wrapped: object

    def __init__(self, tp: PyTypeObject, dtype: PyTypeObject, base: wrapperbase, wrapped: object) -> None:
        super().__init__(tp, dtype, base.name)
        self.d_base = base
        self.d_wrapped = wrapped


class wrapperobject(PyObject):
    """pyvm: the ``wrapperobject`` struct of Objects/descrobject.c.

    A slot wrapper bound to its instance (``method-wrapper``); owns both references.
    """

    descr: PyWrapperDescrObject
    self_: PyObject

    def __init__(self, tp: PyTypeObject, descr: PyWrapperDescrObject, self_: PyObject) -> None:
        super().__init__(tp)
        self.descr = descr
        self.self_ = self_


# pyvm: the static ``PyWrapperDescr_Type`` of Objects/descrobject.c
PyWrapperDescr_Type: Final = PyTypeObject(
    "wrapper_descriptor", None,
    Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR)
# pyvm: the static ``_PyMethodWrapper_Type`` of Objects/descrobject.c
_PyMethodWrapper_Type: Final = PyTypeObject("method-wrapper", None,
                                            Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL)


def PyDescr_NewWrapper(tp: PyTypeObject, base: wrapperbase, wrapped: object) -> PyObject:
    """CPython: Objects/descrobject.c:PyDescr_NewWrapper"""
    return PyWrapperDescrObject(PyWrapperDescr_Type, tp, base, wrapped)


def PyWrapper_New(d: PyObject, self_: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:PyWrapper_New"""
    assert isinstance(d, PyWrapperDescrObject)
    descr_check(d, self_)
    Py_INCREF(d)
    Py_INCREF(self_)
    return wrapperobject(_PyMethodWrapper_Type, d, self_)


def wrapperdescr_get(descr: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:wrapperdescr_get"""
    if obj is None:
        Py_INCREF(descr)
        return descr
    return PyWrapper_New(descr, obj)


def wrapperdescr_raw_call(descr: PyWrapperDescrObject, self_: PyObject, args: list[PyObject],
                          kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:wrapperdescr_raw_call"""
    base = descr.d_base
    if not (base.flags & PyWrapperFlag_KEYWORDS) and kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle
        if PyDict_Size(kwds) != 0:
            _type_error(f"wrapper {base.name}() takes no keyword arguments")
        kwds = None
    return base.wrapper(self_, args, descr.d_wrapped, kwds)


def _wrapper_kwargs(args: list[PyObject], start: int, nargs: int,
                    kwnames: Optional[PyObject]) -> Optional[PyObject]:
    """pyvm: the kwargs dict of a vectorcall to a slot wrapper (C's wrappers take a dict)."""
    if kwnames is None or _kwcount(kwnames) == 0:
        return None
    return _PyStack_AsDict(args, start + nargs, kwnames)


def wrapperdescr_vectorcall(func: PyObject, args: list[PyObject], start: int, nargs: int,
                            kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:wrapperdescr_call

    ``int.__add__(1, 2)``: the first argument is the instance.
    """
    assert isinstance(func, PyWrapperDescrObject)
    if nargs < 1:
        _type_error(f"descriptor '{func.d_name_str}' of '{func.d_type.tp_name}' object needs an argument")
    self_ = args[start]
    if not (self_.ob_type is func.d_type or PyType_IsSubtype(self_.ob_type, func.d_type)):
        _type_error(f"descriptor '{func.d_name_str}' requires a '{func.d_type.tp_name}' object "
                    f"but received a '{self_.ob_type.tp_name}'")
    kw = _wrapper_kwargs(args, start, nargs, kwnames)
    try:
        return wrapperdescr_raw_call(func, self_, args[start + 1:start + nargs], kw)
    finally:
        if kw is not None:
            Py_DECREF(kw)


def wrapper_vectorcall(func: PyObject, args: list[PyObject], start: int, nargs: int,
                       kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:wrapper_call"""
    assert isinstance(func, wrapperobject)
    kw = _wrapper_kwargs(args, start, nargs, kwnames)
    try:
        return wrapperdescr_raw_call(func.descr, func.self_, args[start:start + nargs], kw)
    finally:
        if kw is not None:
            Py_DECREF(kw)


def wrapperdescr_repr(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:wrapperdescr_repr"""
    return _descr_repr(descr, "slot wrapper")


def wrapper_repr(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:wrapper_repr"""
    assert isinstance(op, wrapperobject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(f"<method-wrapper '{op.descr.d_base.name}' of "
                                f"{op.self_.ob_type.tp_name} object at {id(op.self_):#x}>")


def wrapper_dealloc(op: PyObject) -> None:
    """CPython: Objects/descrobject.c:wrapper_dealloc"""
    assert isinstance(op, wrapperobject)
    Py_DECREF(op.descr)
    Py_DECREF(op.self_)


def wrapper_name(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:wrapper_name"""
    assert isinstance(op, wrapperobject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(op.descr.d_base.name)


def wrapper_self(op: PyObject) -> PyObject:
    """pyvm: the ``__self__`` member of method-wrappers."""
    assert isinstance(op, wrapperobject)
    Py_INCREF(op.self_)
    return op.self_


def wrapper_qualname(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:wrapper_qualname"""
    assert isinstance(op, wrapperobject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(_qualname(op.descr))


def wrapper_doc(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:wrapper_doc"""
    assert isinstance(op, wrapperobject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(op.descr.d_base.doc)


def wrapperdescr_get_doc(descr: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:wrapperdescr_get_doc"""
    assert isinstance(descr, PyWrapperDescrObject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(descr.d_base.doc)


# ---------------------------------------------------------------------------
# mappingproxy: the read-only view ``type.__dict__`` returns.


class mappingproxyobject(PyObject):
    """pyvm: the ``mappingproxyobject`` struct of Objects/descrobject.c."""

    mapping: PyObject

    def __init__(self, mapping: PyObject) -> None:
        super().__init__(PyDictProxy_Type)
        self.mapping = mapping


# pyvm: the static ``PyDictProxy_Type`` of Objects/descrobject.c
PyDictProxy_Type: Final = PyTypeObject("mappingproxy", None, Py_TPFLAGS_HAVE_GC)


def PyDictProxy_New(mapping: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:PyDictProxy_New

    pyvm: the mapping check of ``mappingproxy_check_mapping`` is left to the caller
    (types pass their dict).
    """
    Py_INCREF(mapping)
    return mappingproxyobject(mapping)


def _pp(op: PyObject) -> PyObject:
    """pyvm: the proxied mapping (borrowed)."""
    assert isinstance(op, mappingproxyobject)
    return op.mapping


def mappingproxy_dealloc(op: PyObject) -> None:
    """CPython: Objects/descrobject.c:mappingproxy_dealloc"""
    Py_DECREF(_pp(op))


def mappingproxy_len(op: PyObject) -> int:
    """CPython: Objects/descrobject.c:mappingproxy_len"""
    from pyvm.objects.abstract import PyObject_Size  # cycle
    return PyObject_Size(_pp(op))


def mappingproxy_getitem(op: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_getitem"""
    from pyvm.objects.abstract import PyObject_GetItem  # cycle
    return PyObject_GetItem(_pp(op), key)


def mappingproxy_contains(op: PyObject, key: PyObject) -> bool:
    """CPython: Objects/descrobject.c:mappingproxy_contains"""
    from pyvm.objects.abstract import PySequence_Contains  # cycle
    return PySequence_Contains(_pp(op), key)


def mappingproxy_getiter(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_getiter"""
    from pyvm.objects.abstract import PyObject_GetIter  # cycle
    return PyObject_GetIter(_pp(op))


def mappingproxy_repr(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_repr"""
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(f"mappingproxy({_PyObject_ReprStr(_pp(op))})")


def mappingproxy_str(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_str"""
    return PyObject_Str(_pp(op))


def mappingproxy_richcompare(op: PyObject, w: PyObject, cmp: int) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_richcompare"""
    return PyObject_RichCompare(_pp(op), w, cmp)


def mappingproxy_get(op: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_get"""
    if len(args) < 1 or len(args) > 2:
        _type_error(f"get expected {'at least 1' if len(args) < 1 else 'at most 2'} "
                    f"argument{'s' if len(args) > 1 else ''}, got {len(args)}")
    return PyObject_CallMethod(_pp(op), "get", [args[0], args[1] if len(args) == 2 else Py_None])


def _proxy_call(op: PyObject, name: str) -> PyObject:
    """pyvm: ``PyObject_CallMethodNoArgs(pp->mapping, name)`` of the proxy methods."""
    return PyObject_CallMethod(_pp(op), name, [])


def mappingproxy_keys(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_keys"""
    return _proxy_call(op, "keys")


def mappingproxy_values(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_values"""
    return _proxy_call(op, "values")


def mappingproxy_items(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_items"""
    return _proxy_call(op, "items")


def mappingproxy_copy(op: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:mappingproxy_copy"""
    return _proxy_call(op, "copy")


# ---------------------------------------------------------------------------
# The registration side table (C's tp_methods / tp_members / tp_getset).


class _PendingDefs:
    """pyvm: definitions registered before their type was ready."""

    methods: dict[PyTypeObject, list[PyMethodDef]]
    getsets: dict[PyTypeObject, list[PyGetSetDef]]
    members: dict[PyTypeObject, list[PyMemberDef]]

    def __init__(self) -> None:
        self.methods = {}
        self.getsets = {}
        self.members = {}


_pending: Final = _PendingDefs()


def _dict_set_default(tp: PyTypeObject, name: str, descr: PyObject) -> None:
    """CPython: Objects/typeobject.c:type_add_method

    Adds ``descr`` (stealing it) under ``name`` unless the dict has it already
    (C's ``PyDict_SetDefaultRef``; ``METH_COEXIST`` is not needed by pyvm yet).
    """
    from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_SetItem  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    d = tp.tp_dict
    assert d is not None
    key = PyUnicode_InternFromString(name)
    if PyDict_GetItemWithError(d, key) is None:
        PyDict_SetItem(d, key, descr)
    Py_DECREF(descr)


def type_add_methods(tp: PyTypeObject, defs: list[PyMethodDef]) -> None:
    """CPython: Objects/typeobject.c:type_add_methods"""
    for ml in defs:
        if ml.ml_flags & METH_CLASS:
            descr = PyDescr_NewClassMethod(tp, ml)
        elif ml.ml_flags & METH_STATIC:
            # pyvm: C wraps the function in a staticmethod object; pyvm stores the
            # builtin function itself (same behaviour on lookup, no staticmethod type yet).
            descr = PyCFunction_NewEx(ml, None, None)
        else:
            descr = PyDescr_NewMethod(tp, ml)
        _dict_set_default(tp, ml.ml_name, descr)


def type_add_getset(tp: PyTypeObject, defs: list[PyGetSetDef]) -> None:
    """CPython: Objects/typeobject.c:type_add_getset"""
    for gs in defs:
        _dict_set_default(tp, gs.name, PyDescr_NewGetSet(tp, gs))


def type_add_members(tp: PyTypeObject, defs: list[PyMemberDef]) -> None:
    """CPython: Objects/typeobject.c:type_add_members"""
    for m in defs:
        _dict_set_default(tp, m.name, PyDescr_NewMember(tp, m))


def _PyType_AddMethods(tp: PyTypeObject, defs: list[PyMethodDef]) -> None:
    """pyvm: C's ``tp_methods = defs`` of a static type definition."""
    if tp.tp_dict is not None:
        type_add_methods(tp, defs)
        PyType_Modified(tp)
    else:
        _pending.methods.setdefault(tp, []).extend(defs)


def _PyType_AddGetSets(tp: PyTypeObject, defs: list[PyGetSetDef]) -> None:
    """pyvm: C's ``tp_getset = defs``."""
    if tp.tp_dict is not None:
        type_add_getset(tp, defs)
        PyType_Modified(tp)
    else:
        _pending.getsets.setdefault(tp, []).extend(defs)


def _PyType_AddMembers(tp: PyTypeObject, defs: list[PyMemberDef]) -> None:
    """pyvm: C's ``tp_members = defs``."""
    if tp.tp_dict is not None:
        type_add_members(tp, defs)
        PyType_Modified(tp)
    else:
        _pending.members.setdefault(tp, []).extend(defs)


def _PyType_FillDictFromDefs(tp: PyTypeObject) -> None:
    """CPython: Objects/typeobject.c:type_ready_fill_dict

    Called by PyType_Ready once ``tp_dict`` exists.
    """
    m = _pending.methods.pop(tp, None)
    if m is not None:
        type_add_methods(tp, m)
    mb = _pending.members.pop(tp, None)
    if mb is not None:
        type_add_members(tp, mb)
    g = _pending.getsets.pop(tp, None)
    if g is not None:
        type_add_getset(tp, g)


def _Py_GenericAlias(origin: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:Py_GenericAlias

    pyvm: the ``__class_getitem__`` of mappingproxy; abstract.py (which forwards to
    genericaliasobject.py) imports this module, so it is imported here when called.
    """
    from pyvm.objects.abstract import Py_GenericAlias  # cycle
    return Py_GenericAlias(origin, args)


def _init_types() -> None:
    """pyvm: the static initializers of the descriptor types."""
    for tp in (PyMethodDescr_Type, PyClassMethodDescr_Type, PyGetSetDescr_Type, PyMemberDescr_Type):
        tp.tp_dealloc = descr_dealloc
    PyMethodDescr_Type.tp_descr_get = method_get
    PyMethodDescr_Type.tp_vectorcall = method_vectorcall
    PyMethodDescr_Type.tp_call = methoddescr_call
    PyMethodDescr_Type.tp_repr = method_repr
    PyClassMethodDescr_Type.tp_descr_get = classmethod_get
    PyClassMethodDescr_Type.tp_call = classmethoddescr_call
    PyClassMethodDescr_Type.tp_repr = method_repr
    PyGetSetDescr_Type.tp_descr_get = getset_get
    PyGetSetDescr_Type.tp_descr_set = getset_set
    PyGetSetDescr_Type.tp_repr = getset_repr
    PyMemberDescr_Type.tp_descr_get = member_get
    PyMemberDescr_Type.tp_descr_set = member_set
    PyMemberDescr_Type.tp_repr = member_repr
    common = [
        PyGetSetDef("__qualname__", descr_get_qualname, None),
        PyGetSetDef("__name__", descr_get_name, None),
        PyGetSetDef("__objclass__", descr_get_objclass, None),
    ]
    _PyType_AddGetSets(PyMethodDescr_Type, common + [PyGetSetDef("__doc__", method_get_doc, None)])
    _PyType_AddGetSets(PyClassMethodDescr_Type, common + [PyGetSetDef("__doc__", method_get_doc, None)])
    _PyType_AddGetSets(PyGetSetDescr_Type, common + [PyGetSetDef("__doc__", getset_get_doc, None)])
    _PyType_AddGetSets(PyMemberDescr_Type, common + [PyGetSetDef("__doc__", member_get_doc, None)])
    PyWrapperDescr_Type.tp_dealloc = descr_dealloc
    PyWrapperDescr_Type.tp_descr_get = wrapperdescr_get
    PyWrapperDescr_Type.tp_vectorcall = wrapperdescr_vectorcall
    PyWrapperDescr_Type.tp_call = methoddescr_call
    PyWrapperDescr_Type.tp_repr = wrapperdescr_repr
    _PyType_AddGetSets(PyWrapperDescr_Type, common + [PyGetSetDef("__doc__", wrapperdescr_get_doc, None)])
    dp = PyDictProxy_Type
    dp.tp_dealloc = mappingproxy_dealloc
    dp.tp_repr = mappingproxy_repr
    dp.tp_str = mappingproxy_str
    dp.tp_richcompare = mappingproxy_richcompare
    dp.tp_iter = mappingproxy_getiter
    dp.mp_length = mappingproxy_len
    dp.mp_subscript = mappingproxy_getitem
    dp.sq_contains = mappingproxy_contains
    _PyType_AddMethods(dp, [
        PyMethodDef("__class_getitem__", _Py_GenericAlias, METH_O | METH_CLASS,
                    "mappingproxy objects are generic over two types, signifying (respectively) "
                    "the types of their keys and values"),
        PyMethodDef("get", mappingproxy_get, METH_FASTCALL,
                    "Return the value for key if key is in the mapping, else default."),
        PyMethodDef("keys", mappingproxy_keys, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"),
        PyMethodDef("values", mappingproxy_values, METH_NOARGS, "D.values() -> an object providing a view on D's values"),
        PyMethodDef("items", mappingproxy_items, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"),
        PyMethodDef("copy", mappingproxy_copy, METH_NOARGS, "D.copy() -> a shallow copy of D"),
    ])
    mw = _PyMethodWrapper_Type
    mw.tp_dealloc = wrapper_dealloc
    mw.tp_vectorcall = wrapper_vectorcall
    mw.tp_call = methoddescr_call
    mw.tp_repr = wrapper_repr
    _PyType_AddGetSets(mw, [
        PyGetSetDef("__name__", wrapper_name, None),
        PyGetSetDef("__qualname__", wrapper_qualname, None),
        PyGetSetDef("__doc__", wrapper_doc, None),
        PyGetSetDef("__self__", wrapper_self, None),
    ])
    # The getsets of builtin_function_or_method (methodobject sits below us).
    _PyType_AddGetSets(PyCFunction_Type, [
        PyGetSetDef("__doc__", meth_get__doc__, None),
        PyGetSetDef("__name__", meth_get__name__, None),
        PyGetSetDef("__qualname__", meth_get__qualname__, None),
        PyGetSetDef("__self__", meth_get__self__, None),
        PyGetSetDef("__module__", meth_get__module__, None),
    ])


_init_types()
