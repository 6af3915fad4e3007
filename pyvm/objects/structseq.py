"""Ports Objects/structseq.c: struct sequences, the named tuples of C
(``sys.flags``).

A struct sequence type is a static subtype of ``tuple`` made from a
description (:class:`PyStructSequence_Desc`): one read-only attribute per
named field, a ``repr`` that shows ``name=value`` pairs, and the counts
``n_sequence_fields``, ``n_fields`` and ``n_unnamed_fields`` in the type's
dict. An instance is a :class:`PyTupleObject` whose ``ob_type`` is the struct
sequence type, so every tuple operation applies and tuple's deallocation
releases the fields.

pyvm: C keeps the fields past ``n_in_sequence`` ("hidden" fields, reachable
only by name) after the tuple's items; pyvm has no hidden fields yet: every
description's ``n_in_sequence`` is its number of fields.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

from pyvm.objects.descrobject import PyMemberDef, Py_READONLY, _PyType_AddMembers
from pyvm.objects.dictobject import PyDict_SetItem
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_TPFLAGS_HAVE_GC, PyObject, PyObject_Repr,
    PyTypeObject, _Py_SetImmortal,
)
from pyvm.objects.tupleobject import PyTuple_Type, PyTupleObject
from pyvm.objects.typeobject import PyType_Ready
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject,
)


# pyvm: the field names of each struct sequence type (C reads them from the
# type's ``tp_members``, which pyvm's types do not keep).
_structseq_names: Final[dict[PyTypeObject, list[str]]] = {}


class PyStructSequence_Field:
    """CPython: Include/structseq.h:PyStructSequence_Field"""

    name: str
    doc: Optional[str]

    def __init__(self, name: str, doc: Optional[str] = None) -> None:
        self.name = name
        self.doc = doc


class PyStructSequence_Desc:
    """CPython: Include/structseq.h:PyStructSequence_Desc"""

    name: str
    doc: Optional[str]
    fields: list[PyStructSequence_Field]
    n_in_sequence: int

    def __init__(self, name: str, doc: Optional[str],
                 fields: list[PyStructSequence_Field], n_in_sequence: int) -> None:
        self.name = name
        self.doc = doc
        self.fields = fields
        self.n_in_sequence = n_in_sequence


def PyStructSequence_New(tp: PyTypeObject) -> PyTupleObject:
    """CPython: Objects/structseq.c:PyStructSequence_New

    A new instance whose fields are all None, to be filled by
    :func:`PyStructSequence_SetItem`.
    """
    n = len(_structseq_names[tp])
    items: list[PyObject] = [Py_None] * n
    for _ in range(n):
        Py_INCREF(Py_None)
    return PyTupleObject(tp, items)


def PyStructSequence_SetItem(op: PyObject, index: int, value: PyObject) -> None:
    """CPython: Objects/structseq.c:PyStructSequence_SetItem

    Steals ``value``. pyvm: the old value is released (C's callers fill a new
    instance, whose slots are NULL; ``_PySys_SetFlagObj`` replaces one).
    """
    assert isinstance(op, PyTupleObject)
    old = op.ob_item[index]
    op.ob_item[index] = value
    Py_DECREF(old)


def PyStructSequence_GetItem(op: PyObject, index: int) -> PyObject:
    """CPython: Objects/structseq.c:PyStructSequence_GetItem

    A borrowed reference.
    """
    assert isinstance(op, PyTupleObject)
    return op.ob_item[index]


def structseq_repr(op: PyObject) -> PyObject:
    """CPython: Objects/structseq.c:structseq_repr"""
    assert isinstance(op, PyTupleObject)
    tp = op.ob_type
    names = _structseq_names[tp]
    parts: list[str] = []
    for i in range(len(op.ob_item)):
        r = PyObject_Repr(op.ob_item[i])
        try:
            assert isinstance(r, PyUnicodeObject)
            parts.append(f"{names[i]}={r.value}")
        finally:
            Py_DECREF(r)
    return PyUnicode_FromString(f"{tp.tp_name}({', '.join(parts)})")


def _structseq_member_get(index: int) -> Callable[[PyObject], PyObject]:
    """pyvm: the getter of field ``index`` (C's ``_Py_T_OBJECT`` member at the
    item's offset)."""

    def get(op: PyObject) -> PyObject:
        """pyvm: reads the field (a new reference)."""
        assert isinstance(op, PyTupleObject)
        v = op.ob_item[index]
        Py_INCREF(v)
        return v

    return get


def initialize_members(desc: PyStructSequence_Desc) -> list[PyMemberDef]:
    """CPython: Objects/structseq.c:initialize_members"""
    return [PyMemberDef(f.name, _structseq_member_get(i), None, Py_READONLY, f.doc)
            for i, f in enumerate(desc.fields)]


def initialize_structseq_dict(desc: PyStructSequence_Desc, tp: PyTypeObject) -> None:
    """CPython: Objects/structseq.c:initialize_structseq_dict"""
    d = tp.tp_dict
    assert d is not None
    for name, n in (("n_sequence_fields", desc.n_in_sequence),
                    ("n_fields", len(desc.fields)), ("n_unnamed_fields", 0)):
        v = PyLong_FromLong(n)
        PyDict_SetItem(d, PyUnicode_InternFromString(name), v)
        Py_DECREF(v)


def _PyStructSequence_InitBuiltinWithFlags(desc: PyStructSequence_Desc,
                                           tp_flags: int) -> PyTypeObject:
    """CPython: Objects/structseq.c:_PyStructSequence_InitBuiltinWithFlags

    CPython: Objects/structseq.c:initialize_static_fields
    Returns the new static type, readied. pyvm: the instances are made by
    :func:`PyStructSequence_New` only (no ``tp_new``: the types pyvm has so far
    disallow instantiation).
    """
    assert desc.n_in_sequence == len(desc.fields)
    tp = PyTypeObject(desc.name, PyTuple_Type, Py_TPFLAGS_HAVE_GC | tp_flags, desc.doc)
    tp.tp_repr = structseq_repr
    members = initialize_members(desc)
    _structseq_names[tp] = [m.name for m in members]
    _PyType_AddMembers(tp, members)
    _Py_SetImmortal(tp)
    PyType_Ready(tp)
    initialize_structseq_dict(desc, tp)
    return tp
