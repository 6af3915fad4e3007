"""Ports Objects/enumobject.c: ``enumerate`` and ``reversed``.

``enumerate(iterable, start=0)`` pairs a running index with the items of an
iterator; C counts in a ``Py_ssize_t`` and switches to an int object past
``PY_SSIZE_T_MAX`` (``enum_next_long``); host ints make the two one path.

``reversed(seq)`` calls ``seq.__reversed__()`` when the type defines it (``None``
there means "not reversible"), else walks a sequence (``__len__`` and
``__getitem__``) from the end.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import (
    _PyErr_Clear,
    Py_DECREF,
    Py_INCREF,
    Py_None,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_DICT_SUBCLASS,
    Py_TPFLAGS_HAVE_GC,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_SelfIter,
    _PyType_Lookup,
    PyTypeObject,
    visitproc,
)
from pyvm.objects.abstract import (
    Py_GenericAlias,
    PyObject_GetIter,
)
from pyvm.objects.call import (
    PyObject_CallNoArgs,
)
from pyvm.objects.descrobject import (
    _PyType_AddMethods,
)
from pyvm.objects.dictobject import (
    PyDict_Next,
    PyDict_Size,
)
from pyvm.objects.exceptions import (
    PyExc_IndexError,
    PyExc_StopIteration,
    PyExc_TypeError,
)
from pyvm.objects.iterobject import (
    _PySequence_GetItem,
)
from pyvm.objects.longobject import (
    PyLong_FromLong,
)
from pyvm.objects.methodobject import (
    METH_CLASS,
    METH_NOARGS,
    METH_O,
    PyMethodDef,
)
from pyvm.objects.tupleobject import (
    PyTupleObject,
    _PyTuple_FromArraySteal,
    _as_index,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_InternFromString,
    _PyUnicode_AsString,
    _kwnames_list,
)

PyEnum_Type: Final = PyTypeObject(
    "enumerate", flags=Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc="Return an enumerate object.\n\n"
        "  iterable\n"
        "    an object supporting iteration\n\n"
        "The enumerate object yields pairs containing a count (from start, which\n"
        "defaults to zero) and a value yielded by the iterable argument.\n\n"
        "enumerate is useful for obtaining an indexed list:\n"
        "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...")
PyReversed_Type: Final = PyTypeObject(
    "reversed", flags=Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    doc="Return a reverse iterator over the values of the given sequence.")


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


class enumobject(PyObject):
    """pyvm: C's ``enumobject`` struct of Objects/enumobject.c.

    ``en_index`` is the next index (a host int, so C's ``en_longindex`` is not
    needed)."""

    en_index: int
    en_sit: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, sit: PyObject, start: int) -> None:
        super().__init__(tp)
        self.en_index = start
        self.en_sit = sit


def enum_new_impl(tp: PyTypeObject, iterable: PyObject, start: Optional[PyObject]) -> PyObject:
    """CPython: Objects/enumobject.c:enum_new_impl"""
    s = 0
    if start is not None:
        s = _as_index(start)
    it = PyObject_GetIter(iterable)
    return enumobject(tp, it, s)


def enum_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/enumobject.c.h:enum_new"""
    assert isinstance(args, PyTupleObject)
    items = list(args.ob_item)
    names: list[str] = []
    if kwds is not None:
        pos = 0
        while True:
            nx = PyDict_Next(kwds, pos)
            if nx is None:
                break
            pos, k, v = nx
            names.append(_PyUnicode_AsString(k))
            items.append(v)
    return _enum_parse(tp, items, names)


def _enum_parse(tp: PyTypeObject, items: list[PyObject], names: list[str]) -> PyObject:
    """pyvm: the argument rules of ``enumerate_vectorcall`` / the clinic parser."""
    nargs = len(items) - len(names)
    iterable: Optional[PyObject] = items[0] if nargs >= 1 else None
    start: Optional[PyObject] = items[1] if nargs >= 2 else None
    if nargs > 2 or len(items) > 2:
        _type_error(f"enumerate() takes at most 2 arguments ({len(items)} given)")
    for j in range(len(names)):
        name = names[j]
        v = items[nargs + j]
        if name == "iterable" and iterable is None:
            iterable = v
        elif name == "start" and start is None:
            start = v
        elif name in ("iterable", "start"):
            _type_error(f"argument for enumerate() given by name ('{name}') and position "
                        f"({1 if name == 'iterable' else 2})")
        else:
            _type_error(f"'{name}' is an invalid keyword argument for enumerate()")
    if iterable is None:
        _type_error("enumerate() missing required argument 'iterable'")
    return enum_new_impl(tp, iterable, start)


def enumerate_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                         kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/enumobject.c:enumerate_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    names = _kwnames_list(kwnames)
    return _enum_parse(tp, args[start:start + nargs + len(names)], names)


def enum_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/enumobject.c:enum_next"""
    assert isinstance(op, enumobject)
    it = op.en_sit
    if it is None:
        return None
    nxt = it.ob_type.tp_iternext
    assert nxt is not None
    item = nxt(it)
    if item is None:
        return None
    idx = PyLong_FromLong(op.en_index)
    op.en_index += 1
    return _PyTuple_FromArraySteal([idx, item])


def enum_dealloc(op: PyObject) -> None:
    """CPython: Objects/enumobject.c:enum_dealloc"""
    assert isinstance(op, enumobject)
    it = op.en_sit
    op.en_sit = None
    if it is not None:
        Py_DECREF(it)


def enum_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/enumobject.c:enum_traverse"""
    assert isinstance(op, enumobject)
    if op.en_sit is not None:
        visit(op.en_sit)


class reversedobject(PyObject):
    """pyvm: C's ``reversedobject`` struct of Objects/enumobject.c.

    ``index`` is the next index to fetch; ``seq`` None once exhausted."""

    index: int
    seq: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, seq: PyObject, index: int) -> None:
        super().__init__(tp)
        self.index = index
        self.seq = seq


def _PySequence_Check(s: PyObject) -> bool:
    """CPython: Objects/abstract.c:PySequence_Check"""
    if s.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS:
        return False
    return s.ob_type.sq_item is not None


def reversed_new_impl(tp: PyTypeObject, seq: PyObject) -> PyObject:
    """CPython: Objects/enumobject.c:reversed_new_impl"""
    meth = _PyType_Lookup(seq.ob_type, PyUnicode_InternFromString("__reversed__"))
    if meth is Py_None:
        _type_error(f"'{seq.ob_type.tp_name}' object is not reversible")
    if meth is not None:
        get = meth.ob_type.tp_descr_get
        if get is None:
            Py_INCREF(meth)
            bound = meth
        else:
            bound = get(meth, seq, seq.ob_type)
        try:
            return PyObject_CallNoArgs(bound)
        finally:
            Py_DECREF(bound)
    if not _PySequence_Check(seq):
        _type_error(f"'{seq.ob_type.tp_name}' object is not reversible")
    ln = seq.ob_type.sq_length
    if ln is None:
        _type_error(f"object of type '{seq.ob_type.tp_name}' has no len()")
    n = ln(seq)
    Py_INCREF(seq)
    return reversedobject(tp, seq, n - 1)


def reversed_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/enumobject.c.h:reversed_new"""
    assert isinstance(args, PyTupleObject)
    if tp is PyReversed_Type and kwds is not None:
        if PyDict_Size(kwds) != 0:
            _type_error("reversed() takes no keyword arguments")
    n = len(args.ob_item)
    if n != 1:
        _type_error(f"reversed expected 1 argument, got {n}")
    return reversed_new_impl(tp, args.ob_item[0])


def reversed_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                        kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/enumobject.c:reversed_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    if _kwnames_list(kwnames):
        _type_error("reversed() takes no keyword arguments")
    if nargs != 1:
        _type_error(f"reversed expected 1 argument, got {nargs}")
    return reversed_new_impl(tp, args[start])


def reversed_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/enumobject.c:reversed_next"""
    assert isinstance(op, reversedobject)
    seq = op.seq
    if seq is None:
        return None
    i = op.index
    if i >= 0:
        try:
            item = _PySequence_GetItem(seq, i)
            op.index = i - 1
            return item
        except PyErr as e:
            if not (e.matches(PyExc_IndexError) or e.matches(PyExc_StopIteration)):
                raise
            _PyErr_Clear(e)
    op.index = -1
    op.seq = None
    Py_DECREF(seq)
    return None


def reversed_dealloc(op: PyObject) -> None:
    """CPython: Objects/enumobject.c:reversed_dealloc"""
    assert isinstance(op, reversedobject)
    seq = op.seq
    op.seq = None
    if seq is not None:
        Py_DECREF(seq)


def reversed_len(op: PyObject) -> PyObject:
    """CPython: Objects/enumobject.c:reversed_len"""
    assert isinstance(op, reversedobject)
    seq = op.seq
    if seq is None:
        return PyLong_FromLong(0)
    ln = seq.ob_type.sq_length
    assert ln is not None
    n = ln(seq)
    return PyLong_FromLong(0 if n < op.index + 1 else op.index + 1)


def reversed_traverse(op: PyObject, visit: visitproc) -> None:
    """CPython: Objects/enumobject.c:reversed_traverse"""
    assert isinstance(op, reversedobject)
    if op.seq is not None:
        visit(op.seq)


def _init_types() -> None:
    """pyvm: the static initializers of ``enumerate`` and ``reversed``."""
    e = PyEnum_Type
    e.tp_dealloc = enum_dealloc
    e.tp_iter = PyObject_SelfIter
    e.tp_iternext = enum_next
    e.tp_traverse = enum_traverse
    e.tp_new = enum_new
    e.tp_vectorcall = enumerate_vectorcall
    e.tp_getattro = PyObject_GenericGetAttr
    _PyType_AddMethods(e, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "'enumerate' objects are generic over the type of their values"),
    ])
    r = PyReversed_Type
    r.tp_dealloc = reversed_dealloc
    r.tp_iter = PyObject_SelfIter
    r.tp_iternext = reversed_next
    r.tp_traverse = reversed_traverse
    r.tp_new = reversed_new
    r.tp_vectorcall = reversed_vectorcall
    r.tp_getattro = PyObject_GenericGetAttr
    _PyType_AddMethods(r, [PyMethodDef("__length_hint__", reversed_len, METH_NOARGS)])


_init_types()
