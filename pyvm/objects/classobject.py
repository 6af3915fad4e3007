"""Ports Objects/classobject.c (bound methods), with the ``classmethod`` and
``staticmethod`` types of Objects/funcobject.c and ``property`` of
Objects/descrobject.c.

A bound method pairs a function with the instance it was looked up on:
``func_descr_get`` makes one when ``obj.meth`` is evaluated as a value (the
``LOAD_ATTR`` method form avoids it). Calling it prepends ``im_self`` to the
arguments (``method_vectorcall``). Attribute reads that the method does not
answer itself are forwarded to the function (``method_getattro``).

``classmethod`` binds its callable to the class, ``staticmethod`` to nothing;
``property`` calls its getter, setter or deleter. All three keep an instance
dict (C's ``cm_dict`` / ``sm_dict``), so they derive from
:class:`PyObjectWithDict`.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_HAVE_VECTORCALL, PyErr, PyErr_Format, PyObject, PyObject_GenericGetAttr,
    PyObjectWithDict, PyTypeObject, _PyType_Lookup, _unicode_value, MANAGED_WEAKREF_OFFSET,
    PyObject_ClearWeakRefs, PyObject_GetOptionalAttr, _PyObject_ReprStr, PyUnicode_Check,
    Py_EQ, Py_NE, Py_NotImplemented, PyObject_RichCompareBool, PyObject_Hash,
    _Py_HashPointer, PyObject_GetAttr, PyObject_GetAttrString, PyObject_GenericSetAttr,
    _PyObject_ClearDict,
)
from pyvm.objects.exceptions import PyExc_TypeError, PyExc_RuntimeError, PyExc_AttributeError
from pyvm.objects.tupleobject import PyTupleObject
from pyvm.objects.call import (
    PyObject_Vectorcall, PyObject_Call, PyObject_CallOneArg, _PyObject_CallFunctionArgs,
    PyVectorcall_Call,
)
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicode_InternFromString
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.typeobject import PyType_Ready, _type_qualname_str
from pyvm.objects.dictobject import PyDict_Size, PyDict_Next
from pyvm.objects.descrobject import (
    PyGetSetDef, PyMemberDef, _PyType_AddGetSets, _PyType_AddMembers, _PyType_AddMethods,
)
from pyvm.objects.abstract import Py_GenericAlias
from pyvm.objects.methodobject import METH_CLASS, METH_O, PyMethodDef

PyMethod_Type: Final = PyTypeObject("method", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL)
PyClassMethod_Type: Final = PyTypeObject("classmethod", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)
PyStaticMethod_Type: Final = PyTypeObject("staticmethod", None,
                                          Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)
PyProperty_Type: Final = PyTypeObject("property", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    PyErr_Format(PyExc_TypeError, msg)


def _tuple_items(t: PyObject) -> list[PyObject]:
    """pyvm: the item list of a tuple."""
    assert isinstance(t, PyTupleObject)
    return t.ob_item


class PyMethodObject(PyObject):
    """pyvm: mirrors ``PyMethodObject`` of Include/cpython/classobject.h

    ``im_func`` and ``im_self`` are strong references.
    """

    im_func: PyObject
    im_self: PyObject

    def __init__(self, func: PyObject, self_: PyObject) -> None:
        super().__init__(PyMethod_Type)
        self.im_func = func
        self.im_self = self_


def PyMethod_New(func: PyObject, self_: PyObject) -> PyObject:
    """CPython: Objects/classobject.c:PyMethod_New"""
    Py_INCREF(func)
    Py_INCREF(self_)
    return PyMethodObject(func, self_)


def PyMethod_Function(m: PyObject) -> PyObject:
    """CPython: Objects/classobject.c:PyMethod_Function (borrowed)"""
    assert isinstance(m, PyMethodObject)
    return m.im_func


def PyMethod_Self(m: PyObject) -> PyObject:
    """CPython: Objects/classobject.c:PyMethod_Self (borrowed)"""
    assert isinstance(m, PyMethodObject)
    return m.im_self


def method_vectorcall(method: PyObject, args: list[PyObject], start: int, nargs: int,
                      kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/classobject.c:method_vectorcall

    Calls ``im_func`` with ``im_self`` prepended.
    """
    assert isinstance(method, PyMethodObject)
    nkw = 0 if kwnames is None else len(_tuple_items(kwnames))
    stack = [method.im_self]
    stack.extend(args[start:start + nargs + nkw])
    return PyObject_Vectorcall(method.im_func, stack, 0, nargs + 1, kwnames)


def method_dealloc(op: PyObject) -> None:
    """CPython: Objects/classobject.c:method_dealloc"""
    assert isinstance(op, PyMethodObject)
    PyObject_ClearWeakRefs(op)
    Py_DECREF(op.im_func)
    Py_DECREF(op.im_self)


def method_repr(op: PyObject) -> PyObject:
    """CPython: Objects/classobject.c:method_repr"""
    assert isinstance(op, PyMethodObject)
    func = op.im_func
    name = PyObject_GetOptionalAttr(func, PyUnicode_InternFromString("__qualname__"))
    if name is None:
        name = PyObject_GetOptionalAttr(func, PyUnicode_InternFromString("__name__"))
    fname = "?"
    if name is not None:
        if PyUnicode_Check(name):
            fname = _unicode_value(name)
        Py_DECREF(name)
    return PyUnicode_FromString(f"<bound method {fname} of {_PyObject_ReprStr(op.im_self)}>")


def method_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/classobject.c:method_richcompare"""
    if not isinstance(a, PyMethodObject) or not isinstance(b, PyMethodObject) or \
            (op != Py_EQ and op != Py_NE):
        return Py_NotImplemented
    eq = PyObject_RichCompareBool(a.im_func, b.im_func, Py_EQ) and a.im_self is b.im_self
    if op == Py_NE:
        eq = not eq
    return Py_True if eq else Py_False


def method_hash(op: PyObject) -> int:
    """CPython: Objects/classobject.c:method_hash"""
    assert isinstance(op, PyMethodObject)
    y = PyObject_Hash(op.im_func)
    x = _Py_HashPointer(op.im_self)
    h = (x ^ y) & ((1 << 64) - 1)
    if h >= 1 << 63:
        h -= 1 << 64
    return -2 if h == -1 else h


def method_getattro(obj: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/classobject.c:method_getattro

    The method type's own attributes, else the function's.
    """
    assert isinstance(obj, PyMethodObject)
    tp = obj.ob_type
    if tp.tp_dict is None:
        PyType_Ready(tp)
    descr = _PyType_Lookup(tp, name)
    if descr is not None:
        f = descr.ob_type.tp_descr_get
        if f is not None:
            return f(descr, obj, obj.ob_type)
        Py_INCREF(descr)
        return descr
    return PyObject_GetAttr(obj.im_func, name)


def method_descr_get(meth: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/classobject.c:method_descr_get"""
    Py_INCREF(meth)
    return meth


def method_get_func(op: PyObject) -> PyObject:
    """pyvm: the ``__func__`` member of C's ``method_memberlist``."""
    assert isinstance(op, PyMethodObject)
    Py_INCREF(op.im_func)
    return op.im_func


def method_get_self(op: PyObject) -> PyObject:
    """pyvm: the ``__self__`` member of C's ``method_memberlist``."""
    assert isinstance(op, PyMethodObject)
    Py_INCREF(op.im_self)
    return op.im_self


def method_get_doc(op: PyObject) -> PyObject:
    """CPython: Objects/classobject.c:method_get_doc"""
    assert isinstance(op, PyMethodObject)
    return PyObject_GetAttrString(op.im_func, "__doc__")


# ---------------------------------------------------------------------------
# classmethod and staticmethod (Objects/funcobject.c)


class PyCallableWrapperObject(PyObjectWithDict):
    """pyvm: mirrors C's ``classmethod`` / ``staticmethod`` structs of
    Objects/funcobject.c (``cm_callable`` / ``sm_callable`` plus the dict)."""

    callable: Optional[PyObject]

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.callable = None


def cm_new_generic(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/funcobject.c:cm_new

    pyvm: the allocation both types share (``PyType_GenericAlloc``).
    """
    return PyCallableWrapperObject(tp)


def _wrapper_init(name: str, self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """pyvm: the argument handling of ``cm_init`` / ``sm_init``."""
    assert isinstance(self_, PyCallableWrapperObject)
    if kwds is not None:
        if PyDict_Size(kwds):
            _type_error(f"{name}() takes no keyword arguments")
    items = _tuple_items(args)
    if len(items) != 1:
        _type_error(f"{name} expected 1 argument, got {len(items)}")
    c = items[0]
    Py_INCREF(c)
    old = self_.callable
    self_.callable = c
    if old is not None:
        Py_DECREF(old)
    # functools_wraps: copy __doc__ and friends into the wrapper's dict.
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        key = PyUnicode_InternFromString(attr)
        v = PyObject_GetOptionalAttr(c, key)
        if v is not None:
            PyObject_GenericSetAttr(self_, key, v)
            Py_DECREF(v)


def cm_init(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/funcobject.c:cm_init"""
    _wrapper_init("classmethod", self_, args, kwds)


def sm_init(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/funcobject.c:sm_init"""
    _wrapper_init("staticmethod", self_, args, kwds)


def cm_dealloc(op: PyObject) -> None:
    """CPython: Objects/funcobject.c:cm_dealloc"""
    assert isinstance(op, PyCallableWrapperObject)
    c = op.callable
    op.callable = None
    if c is not None:
        Py_DECREF(c)
    _PyObject_ClearDict(op)


def cm_descr_get(self_: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/funcobject.c:cm_descr_get"""
    assert isinstance(self_, PyCallableWrapperObject)
    c = self_.callable
    if c is None:
        PyErr_Format(PyExc_RuntimeError, "uninitialized classmethod object")
    assert c is not None
    if tp is None:
        assert obj is not None
        tp = obj.ob_type
    return PyMethod_New(c, tp)


def sm_descr_get(self_: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/funcobject.c:sm_descr_get"""
    assert isinstance(self_, PyCallableWrapperObject)
    c = self_.callable
    if c is None:
        PyErr_Format(PyExc_RuntimeError, "uninitialized staticmethod object")
    assert c is not None
    Py_INCREF(c)
    return c


def sm_call(callable: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/funcobject.c:sm_call"""
    assert isinstance(callable, PyCallableWrapperObject)
    c = callable.callable
    assert c is not None
    return PyObject_Call(c, args, kwargs)


def cm_get_func(op: PyObject) -> PyObject:
    """pyvm: the ``__func__`` / ``__wrapped__`` members of C's ``cm_memberlist``."""
    assert isinstance(op, PyCallableWrapperObject)
    c = op.callable
    r = Py_None if c is None else c
    Py_INCREF(r)
    return r


def cm_repr(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:cm_repr"""
    assert isinstance(op, PyCallableWrapperObject)
    c = op.callable
    return PyUnicode_FromString(f"<{op.ob_type.tp_name}({_PyObject_ReprStr(c if c is not None else Py_None)})>")


def PyClassMethod_New(callable: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:PyClassMethod_New"""
    cm = PyCallableWrapperObject(PyClassMethod_Type)
    Py_INCREF(callable)
    cm.callable = callable
    return cm


def PyStaticMethod_New(callable: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:PyStaticMethod_New"""
    sm = PyCallableWrapperObject(PyStaticMethod_Type)
    Py_INCREF(callable)
    sm.callable = callable
    return sm


# ---------------------------------------------------------------------------
# property (Objects/descrobject.c)


class propertyobject(PyObjectWithDict):
    """pyvm: mirrors C's ``propertyobject`` struct of Objects/descrobject.c."""

    prop_get: Optional[PyObject]
    prop_set: Optional[PyObject]
    prop_del: Optional[PyObject]
    prop_doc: Optional[PyObject]
    prop_name: Optional[PyObject]

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.prop_get = None
        self.prop_set = None
        self.prop_del = None
        self.prop_doc = None
        self.prop_name = None


def property_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``PyType_GenericNew`` for property (C allocates by ``tp_basicsize``)."""
    return propertyobject(tp)


def _none_to_null(v: Optional[PyObject]) -> Optional[PyObject]:
    """pyvm: C's ``if (x == Py_None) x = NULL``."""
    return None if v is None or v is Py_None else v


def property_init_impl(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/descrobject.c:property_init_impl

    ``property(fget=None, fset=None, fdel=None, doc=None)``; with no ``doc`` the
    getter's ``__doc__`` is used.
    """
    assert isinstance(self_, propertyobject)
    items = _tuple_items(args)
    vals: list[Optional[PyObject]] = [None, None, None, None]
    names = ["fget", "fset", "fdel", "doc"]
    if len(items) > 4:
        _type_error(f"property() takes at most 4 arguments ({len(items)} given)")
    for i in range(len(items)):
        vals[i] = items[i]
    if kwds is not None:
        pos = 0
        while True:
            r = PyDict_Next(kwds, pos)
            if r is None:
                break
            pos, k, v = r
            ks = _unicode_value(k)
            if ks not in names:
                _type_error(f"property() got an unexpected keyword argument '{ks}'")
            vals[names.index(ks)] = v
    fget = _none_to_null(vals[0])
    fset = _none_to_null(vals[1])
    fdel = _none_to_null(vals[2])
    doc = _none_to_null(vals[3])
    for v2 in (fget, fset, fdel, doc):
        if v2 is not None:
            Py_INCREF(v2)
    self_.prop_get = fget
    self_.prop_set = fset
    self_.prop_del = fdel
    if doc is None and fget is not None:
        d = PyObject_GetOptionalAttr(fget, PyUnicode_InternFromString("__doc__"))
        if d is not None and d is Py_None:
            Py_DECREF(d)
            d = None
        doc = d
    self_.prop_doc = doc
    if fget is not None:
        self_.prop_name = PyObject_GetOptionalAttr(fget, PyUnicode_InternFromString("__name__"))


def property_dealloc(op: PyObject) -> None:
    """CPython: Objects/descrobject.c:property_dealloc"""
    assert isinstance(op, propertyobject)
    for v in (op.prop_get, op.prop_set, op.prop_del, op.prop_doc, op.prop_name):
        if v is not None:
            Py_DECREF(v)
    op.prop_get = op.prop_set = op.prop_del = op.prop_doc = op.prop_name = None
    _PyObject_ClearDict(op)


def _property_qualname(gs: propertyobject, obj: PyObject) -> str:
    """pyvm: the ``'%U' of '%.100s' object`` part of the property messages."""
    tq = _type_qualname_str(obj.ob_type)
    if gs.prop_name is not None:
        return f"property {_PyObject_ReprStr(gs.prop_name)} of {tq!r} object"
    return f"property of {tq!r} object"


def property_descr_get(self_: PyObject, obj: Optional[PyObject], tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:property_descr_get"""
    assert isinstance(self_, propertyobject)
    if obj is None or obj is Py_None:
        Py_INCREF(self_)
        return self_
    g = self_.prop_get
    if g is None:
        PyErr_Format(PyExc_AttributeError, f"{_property_qualname(self_, obj)} has no getter")
    assert g is not None
    return PyObject_CallOneArg(g, obj)


def property_descr_set(self_: PyObject, obj: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/descrobject.c:property_descr_set"""
    assert isinstance(self_, propertyobject)
    func = self_.prop_del if value is None else self_.prop_set
    if func is None:
        what = "deleter" if value is None else "setter"
        PyErr_Format(PyExc_AttributeError, f"{_property_qualname(self_, obj)} has no {what}")
    assert func is not None
    if value is None:
        res = PyObject_CallOneArg(func, obj)
    else:
        res = _PyObject_CallFunctionArgs(func, [obj, value])
    Py_DECREF(res)


def property_copy(old: PyObject, get: Optional[PyObject], set_: Optional[PyObject],
                  del_: Optional[PyObject]) -> PyObject:
    """CPython: Objects/descrobject.c:property_copy"""
    assert isinstance(old, propertyobject)
    new = propertyobject(old.ob_type)
    for v in (get, set_, del_):
        if v is not None:
            Py_INCREF(v)
    new.prop_get = get
    new.prop_set = set_
    new.prop_del = del_
    if old.prop_doc is not None:
        Py_INCREF(old.prop_doc)
        new.prop_doc = old.prop_doc
    elif get is not None:
        d = PyObject_GetOptionalAttr(get, PyUnicode_InternFromString("__doc__"))
        if d is not None and d is Py_None:
            Py_DECREF(d)
            d = None
        new.prop_doc = d
    if old.prop_name is not None:
        Py_INCREF(old.prop_name)
        new.prop_name = old.prop_name
    elif get is not None:
        new.prop_name = PyObject_GetOptionalAttr(get, PyUnicode_InternFromString("__name__"))
    return new


def property_getter(self_: PyObject, getter: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:property_getter"""
    assert isinstance(self_, propertyobject)
    return property_copy(self_, _none_to_null(getter), self_.prop_set, self_.prop_del)


def property_setter(self_: PyObject, setter: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:property_setter"""
    assert isinstance(self_, propertyobject)
    return property_copy(self_, self_.prop_get, _none_to_null(setter), self_.prop_del)


def property_deleter(self_: PyObject, deleter: PyObject) -> PyObject:
    """CPython: Objects/descrobject.c:property_deleter"""
    assert isinstance(self_, propertyobject)
    return property_copy(self_, self_.prop_get, self_.prop_set, _none_to_null(deleter))


def _prop_member(v: Optional[PyObject]) -> PyObject:
    """pyvm: a member read of a ``Py_T_OBJECT`` field (None for NULL)."""
    r = Py_None if v is None else v
    Py_INCREF(r)
    return r


def property_get_fget(op: PyObject) -> PyObject:
    """pyvm: the ``fget`` member of C's ``property_members``."""
    assert isinstance(op, propertyobject)
    return _prop_member(op.prop_get)


def property_get_fset(op: PyObject) -> PyObject:
    """pyvm: the ``fset`` member of C's ``property_members``."""
    assert isinstance(op, propertyobject)
    return _prop_member(op.prop_set)


def property_get_fdel(op: PyObject) -> PyObject:
    """pyvm: the ``fdel`` member of C's ``property_members``."""
    assert isinstance(op, propertyobject)
    return _prop_member(op.prop_del)


def property_get_doc(op: PyObject) -> PyObject:
    """pyvm: the ``__doc__`` member of C's ``property_members``."""
    assert isinstance(op, propertyobject)
    return _prop_member(op.prop_doc)


def _class_init_types() -> None:
    """pyvm: the static initializers of ``method``, ``classmethod``,
    ``staticmethod`` and ``property``."""
    mt = PyMethod_Type
    mt.tp_dealloc = method_dealloc
    mt.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    mt.tp_repr = method_repr
    mt.tp_hash = method_hash
    mt.tp_richcompare = method_richcompare
    mt.tp_call = PyVectorcall_Call
    mt.tp_vectorcall = method_vectorcall
    mt.tp_getattro = method_getattro
    mt.tp_setattro = PyObject_GenericSetAttr
    mt.tp_descr_get = method_descr_get
    _PyType_AddMembers(mt, [PyMemberDef("__func__", method_get_func),
                            PyMemberDef("__self__", method_get_self)])
    _PyType_AddGetSets(mt, [PyGetSetDef("__doc__", method_get_doc, None)])

    for tp, init, get in ((PyClassMethod_Type, cm_init, cm_descr_get),
                          (PyStaticMethod_Type, sm_init, sm_descr_get)):
        tp.tp_dealloc = cm_dealloc
        tp.tp_repr = cm_repr
        tp.tp_getattro = PyObject_GenericGetAttr
        tp.tp_setattro = PyObject_GenericSetAttr
        tp.tp_descr_get = get
        tp.tp_init = init
        tp.tp_new = cm_new_generic
        _PyType_AddMembers(tp, [PyMemberDef("__func__", cm_get_func),
                                PyMemberDef("__wrapped__", cm_get_func)])
        _PyType_AddMethods(tp, [
            PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, None),
        ])
    PyStaticMethod_Type.tp_call = sm_call

    pt = PyProperty_Type
    pt.tp_dealloc = property_dealloc
    pt.tp_getattro = PyObject_GenericGetAttr
    pt.tp_setattro = PyObject_GenericSetAttr
    pt.tp_descr_get = property_descr_get
    pt.tp_descr_set = property_descr_set
    pt.tp_init = property_init_impl
    pt.tp_new = property_new
    _PyType_AddMembers(pt, [PyMemberDef("fget", property_get_fget),
                            PyMemberDef("fset", property_get_fset),
                            PyMemberDef("fdel", property_get_fdel),
                            PyMemberDef("__doc__", property_get_doc)])
    _PyType_AddMethods(pt, [
        PyMethodDef("getter", property_getter, METH_O, "Descriptor to obtain a copy of the property with a different getter."),
        PyMethodDef("setter", property_setter, METH_O, "Descriptor to obtain a copy of the property with a different setter."),
        PyMethodDef("deleter", property_deleter, METH_O, "Descriptor to obtain a copy of the property with a different deleter."),
    ])


_class_init_types()

__all__ = ["PyMethod_New", "PyMethod_Type", "PyMethodObject", "PyErr"]
