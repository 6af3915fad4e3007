"""Ports Objects/unionobject.c: ``typing.Union``, the value of ``int | str``
(PEP 604) and of ``Union[int, str]``.

A union keeps its members in order in ``args``, each once, and also as a
frozenset of the hashable ones (``hashable_args``, which equality and the hash
use, so ``int | str == str | int``) plus a tuple of the unhashable ones
(``unhashable_args``, compared by containment). The members are gathered by a
*union builder*: ``None`` becomes ``NoneType``, a nested union contributes its
members (``(int | str) | float`` is flat), duplicates are dropped, and a single
member is returned by itself (``int | int`` is ``int``).

``X | Y`` (:func:`_Py_union_type_or`, the ``nb_or`` of ``type``,
``GenericAlias``, ``TypeAliasType``) accepts only classes, None, generic
aliases, unions and type aliases and returns ``NotImplemented`` for anything
else. ``Union[...]``, ``union | x`` and the TypeVar family's ``|`` check every
other member with ``typing._type_check`` (Lib/typing.py), which pyvm cannot
import yet: such a member raises ``ModuleNotFoundError`` (typevarobject.py's
``call_typing_func_object``).

``isinstance(x, int | str)`` and ``issubclass`` test the members as a tuple
would (Objects/abstract.c).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.abstract import PySequence_Contains
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.descrobject import (
    Py_READONLY,
    PyGetSetDef,
    PyMemberDef,
    _PyType_AddGetSets,
    _PyType_AddMembers,
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import PyExc_TypeError
from pyvm.objects.genericaliasobject import (
    _Py_make_parameters,
    _Py_subs_parameters,
    _PyGenericAlias_Check,
)
from pyvm.objects.methodobject import METH_CLASS, METH_O, PyMethodDef
from pyvm.objects.object import (
    MANAGED_WEAKREF_OFFSET,
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_HAVE_GC,
    Py_XDECREF,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_ClearWeakRefs,
    PyObject_GenericGetAttr,
    PyObject_GetAttr,
    PyObject_Hash,
    PyObject_RichCompareBool,
    PyTypeObject,
    _PyNone_Type,
    _PyErr_Clear,
    _PyObject_ReprStr,
)
from pyvm.objects.setobject import PyFrozenSet_New, PySet_Add, PySet_Contains, PySet_New
from pyvm.objects.tupleobject import (
    PyTuple_Check,
    PyTuple_CheckExact,
    PyTupleObject,
    _PyTuple_FromArray,
)
from pyvm.objects.typeobject import PyType_Check
from pyvm.objects.typevarobject import (
    _Py_typing_type_repr,
    _PyTypeAlias_Type,
    call_typing_func_object,
)
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicodeObject

_PyUnion_Type: Final = PyTypeObject(
    "typing.Union", None, Py_TPFLAGS_HAVE_GC, "Represent a union type\n\nE.g. for int | str")


class unionobject(PyObject):
    """pyvm: C's ``unionobject`` struct of Objects/unionobject.c.

    ``args`` (tuple) and ``hashable_args`` (frozenset) are owned;
    ``unhashable_args`` (tuple) is None when every member is hashable;
    ``parameters`` is None until computed.
    """

    args: Optional[PyObject]
    hashable_args: Optional[PyObject]
    unhashable_args: Optional[PyObject]
    parameters: Optional[PyObject]

    def __init__(self, args: PyObject, hashable_args: PyObject,
                 unhashable_args: Optional[PyObject]) -> None:
        super().__init__(_PyUnion_Type)
        self.args = args
        self.hashable_args = hashable_args
        self.unhashable_args = unhashable_args
        self.parameters = None


def _PyUnion_Check(op: PyObject) -> bool:
    """CPython: Include/internal/pycore_unionobject.h:_PyUnion_Check"""
    return op.ob_type is _PyUnion_Type


def _u(op: PyObject) -> unionobject:
    """pyvm: C's ``(unionobject *)op`` cast."""
    assert isinstance(op, unionobject)
    return op


def _items(t: Optional[PyObject]) -> list[PyObject]:
    """pyvm: the items of a tuple field."""
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def unionobject_dealloc(self_: PyObject) -> None:
    """CPython: Objects/unionobject.c:unionobject_dealloc"""
    alias = _u(self_)
    PyObject_ClearWeakRefs(alias)
    fields = (alias.args, alias.hashable_args, alias.unhashable_args, alias.parameters)
    alias.args = alias.hashable_args = alias.unhashable_args = alias.parameters = None
    for f in fields:
        Py_XDECREF(f)


def union_hash(self_: PyObject) -> int:
    """CPython: Objects/unionobject.c:union_hash

    A union with unhashable members is unhashable (else two equal unions could
    hash differently).
    """
    alias = _u(self_)
    if alias.unhashable_args is not None:
        # Attempt to get an error from one of the values.
        items = _items(alias.unhashable_args)
        for arg in items:
            PyObject_Hash(arg)
        # The unhashable values somehow became hashable again. Still raise.
        _type_error(f"union contains {len(items)} unhashable elements")
    h = alias.hashable_args
    assert h is not None
    return PyObject_Hash(h)


def unions_equal(a: unionobject, b: unionobject) -> bool:
    """CPython: Objects/unionobject.c:unions_equal"""
    ha, hb = a.hashable_args, b.hashable_args
    assert ha is not None and hb is not None
    if not PyObject_RichCompareBool(ha, hb, Py_EQ):
        return False
    ua, ub = a.unhashable_args, b.unhashable_args
    if ua is not None and ub is not None:
        ia, ib = _items(ua), _items(ub)
        if len(ia) != len(ib):
            return False
        for arg_a in ia:
            if not PySequence_Contains(ub, arg_a):
                return False
        for arg_b in ib:
            if not PySequence_Contains(ua, arg_b):
                return False
    elif ua is not None or ub is not None:
        return False
    return True


def union_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/unionobject.c:union_richcompare

    Order does not matter: ``int | str == str | int``.
    """
    if not _PyUnion_Check(b) or (op != Py_EQ and op != Py_NE):
        return Py_NotImplemented
    equal = unions_equal(_u(a), _u(b))
    if op == Py_EQ:
        return Py_True if equal else Py_False
    return Py_False if equal else Py_True


class unionbuilder:
    """pyvm: C's ``unionbuilder`` struct of Objects/unionobject.c.

    ``args`` holds owned references in order; ``hashable_args`` is a pyvm set;
    ``unhashable_args`` holds owned references (None until one is needed).
    """

    args: list[PyObject]
    hashable_args: PyObject
    unhashable_args: Optional[list[PyObject]]
    is_checked: bool

    def __init__(self, hashable_args: PyObject, is_checked: bool) -> None:
        self.args = []
        self.hashable_args = hashable_args
        self.unhashable_args = None
        self.is_checked = is_checked


def unionbuilder_init(is_checked: bool) -> unionbuilder:
    """CPython: Objects/unionobject.c:unionbuilder_init

    ``is_checked``: whether members other than the always-accepted kinds go
    through ``typing._type_check``.
    """
    return unionbuilder(PySet_New(None), is_checked)


def unionbuilder_finalize(ub: unionbuilder) -> None:
    """CPython: Objects/unionobject.c:unionbuilder_finalize"""
    for o in ub.args:
        Py_DECREF(o)
    ub.args = []
    Py_DECREF(ub.hashable_args)
    if ub.unhashable_args is not None:
        for o in ub.unhashable_args:
            Py_DECREF(o)
        ub.unhashable_args = None


def unionbuilder_add_single_unchecked(ub: unionbuilder, arg: PyObject) -> None:
    """CPython: Objects/unionobject.c:unionbuilder_add_single_unchecked

    Adds ``arg`` (borrowed) unless an equal member is there already.
    """
    try:
        PyObject_Hash(arg)
        hashable = True
    except PyErr as e:
        _PyErr_Clear(e)
        hashable = False
    if not hashable:
        u = ub.unhashable_args
        if u is None:
            u = ub.unhashable_args = []
        else:
            t = _PyTuple_FromArray(u)
            try:
                if PySequence_Contains(t, arg):
                    return
            finally:
                Py_DECREF(t)
        Py_INCREF(arg)
        u.append(arg)
    else:
        if PySet_Contains(ub.hashable_args, arg):
            return
        PySet_Add(ub.hashable_args, arg)
    Py_INCREF(arg)
    ub.args.append(arg)


def unionbuilder_add_single(ub: unionbuilder, arg: PyObject) -> None:
    """CPython: Objects/unionobject.c:unionbuilder_add_single

    None stands for ``NoneType``; a union contributes its members.
    """
    if arg is Py_None:
        arg = _PyNone_Type  # immortal, so no refcounting needed
    elif _PyUnion_Check(arg):
        unionbuilder_add_tuple(ub, _items(_u(arg).args))
        return
    if ub.is_checked:
        tp = type_check(arg, "Union[arg, ...]: each arg must be a type.")
        try:
            unionbuilder_add_single_unchecked(ub, tp)
        finally:
            Py_DECREF(tp)
    else:
        unionbuilder_add_single_unchecked(ub, arg)


def unionbuilder_add_tuple(ub: unionbuilder, items: list[PyObject]) -> None:
    """CPython: Objects/unionobject.c:unionbuilder_add_tuple"""
    for item in items:
        unionbuilder_add_single(ub, item)


def is_unionable(obj: PyObject) -> bool:
    """CPython: Objects/unionobject.c:is_unionable

    The kinds ``|`` accepts without asking typing.py.
    """
    return (obj is Py_None or PyType_Check(obj) or _PyGenericAlias_Check(obj)
            or _PyUnion_Check(obj) or obj.ob_type is _PyTypeAlias_Type)


def _Py_union_type_or(self_: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:_Py_union_type_or

    ``X | Y`` of classes, None, generic aliases, unions and type aliases;
    ``NotImplemented`` for anything else.
    """
    if not is_unionable(self_) or not is_unionable(other):
        return Py_NotImplemented
    # unchecked because we already checked is_unionable()
    ub = unionbuilder_init(False)
    try:
        unionbuilder_add_single(ub, self_)
        unionbuilder_add_single(ub, other)
    except PyErr:
        unionbuilder_finalize(ub)
        raise
    return make_union(ub)


def union_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_repr

    ``int | str | None``.
    """
    alias = _u(self_)
    return PyUnicode_FromString(" | ".join(_Py_typing_type_repr(p) for p in _items(alias.args)))


def union_get_args(op: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:args (the ``__args__`` member)"""
    a = _u(op).args
    assert a is not None
    Py_INCREF(a)
    return a


def union_init_parameters(alias: unionobject) -> None:
    """CPython: Objects/unionobject.c:union_init_parameters"""
    if alias.parameters is None:
        a = alias.args
        assert a is not None
        alias.parameters = _Py_make_parameters(a)


def union_getitem(self_: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_getitem

    ``(list[T] | None)[int]``: the union of the substituted members.
    """
    alias = _u(self_)
    union_init_parameters(alias)
    a, p = alias.args, alias.parameters
    assert a is not None and p is not None
    newargs = _Py_subs_parameters(self_, a, p, item)
    try:
        return _Py_union_from_tuple(newargs)
    finally:
        Py_DECREF(newargs)


def union_parameters(self_: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_parameters"""
    alias = _u(self_)
    union_init_parameters(alias)
    p = alias.parameters
    assert p is not None
    Py_INCREF(p)
    return p


def union_name(self_: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_name"""
    return PyUnicode_FromString("Union")


def union_origin(self_: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_origin"""
    return _PyUnion_Type


def union_nb_or(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_nb_or

    ``union | x`` (or ``x | union``): members other than classes, None, aliases
    and unions go through ``typing._type_check``.
    """
    ub = unionbuilder_init(True)
    try:
        unionbuilder_add_single(ub, a)
        unionbuilder_add_single(ub, b)
    except PyErr:
        unionbuilder_finalize(ub)
        raise
    return make_union(ub)


# Looked up on the type rather than forwarded to generic lookup.
cls_attrs: Final = (
    "__module__",  # Required for compatibility with typing module
)


def union_getattro(self_: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_getattro"""
    if isinstance(name, PyUnicodeObject) and name.value in cls_attrs:
        return PyObject_GetAttr(self_.ob_type, name)
    return PyObject_GenericGetAttr(self_, name)


def _Py_union_args(self_: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:_Py_union_args

    The members tuple (borrowed).
    """
    a = _u(self_).args
    assert a is not None
    return a


def type_check(arg: PyObject, msg: str) -> PyObject:
    """CPython: Objects/unionobject.c:type_check

    ``typing._type_check(arg, msg)`` for a member that is not a class, None,
    alias or union (those pass as they are). New reference.
    """
    if arg is Py_None:
        # NoneType is immortal
        return arg.ob_type
    # Fast path to avoid calling into typing.py
    if is_unionable(arg):
        Py_INCREF(arg)
        return arg
    message_str = PyUnicode_FromString(msg)
    try:
        return call_typing_func_object("_type_check", [arg, message_str])
    finally:
        Py_DECREF(message_str)


def _Py_union_from_tuple(args: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:_Py_union_from_tuple

    ``Union[args]``: a tuple gives its items as members, anything else is one
    member. Checked. New reference.
    """
    ub = unionbuilder_init(True)
    try:
        if PyTuple_CheckExact(args):
            unionbuilder_add_tuple(ub, _items(args))
        else:
            unionbuilder_add_single(ub, args)
    except PyErr:
        unionbuilder_finalize(ub)
        raise
    return make_union(ub)


def union_class_getitem(cls: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_class_getitem"""
    return _Py_union_from_tuple(args)


def union_mro_entries(self_: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:union_mro_entries"""
    _type_error(f"Cannot subclass {_PyObject_ReprStr(self_)}")


def make_union(ub: unionbuilder) -> PyObject:
    """CPython: Objects/unionobject.c:make_union

    The union of the builder's members (the member itself if there is only
    one). Finalizes the builder.
    """
    n = len(ub.args)
    if n == 0:
        unionbuilder_finalize(ub)
        _type_error("Cannot take a Union of no types.")
    if n == 1:
        result = ub.args[0]
        Py_INCREF(result)
        unionbuilder_finalize(ub)
        return result
    try:
        args = _PyTuple_FromArray(ub.args)
        try:
            hashable_args = PyFrozenSet_New(ub.hashable_args)
        except PyErr:
            Py_DECREF(args)
            raise
        unhashable_args: Optional[PyObject] = None
        if ub.unhashable_args is not None:
            unhashable_args = _PyTuple_FromArray(ub.unhashable_args)
    finally:
        unionbuilder_finalize(ub)
    return unionobject(args, hashable_args, unhashable_args)


def _union_init_types() -> None:
    """pyvm: the static initializer of ``_PyUnion_Type``."""
    tp = _PyUnion_Type
    tp.tp_dealloc = unionobject_dealloc
    tp.tp_hash = union_hash
    tp.tp_getattro = union_getattro
    tp.tp_richcompare = union_richcompare
    tp.mp_subscript = union_getitem
    tp.nb_or = union_nb_or
    tp.tp_repr = union_repr
    tp.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    _PyType_AddMembers(tp, [
        PyMemberDef("__args__", union_get_args, None, Py_READONLY),
    ])
    _PyType_AddMethods(tp, [
        PyMethodDef("__mro_entries__", union_mro_entries, METH_O),
        PyMethodDef("__class_getitem__", union_class_getitem, METH_O | METH_CLASS,
                    "Create a union containing the given types"),
    ])
    _PyType_AddGetSets(tp, [
        PyGetSetDef("__name__", union_name, None, "Name of the type"),
        PyGetSetDef("__qualname__", union_name, None, "Qualified name of the type"),
        PyGetSetDef("__origin__", union_origin, None, "Always returns the type"),
        PyGetSetDef("__parameters__", union_parameters, None,
                    "Type variables in the types.UnionType."),
    ])


_union_init_types()
