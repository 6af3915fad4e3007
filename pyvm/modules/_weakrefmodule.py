"""Ports Modules/_weakref.c: the ``_weakref`` builtin module.

``_weakref`` exposes the weak reference types of
pyvm/objects/weakrefobject.py (``ref`` / ``ReferenceType``, ``ProxyType``,
``CallableProxyType``) and four functions: ``proxy``, ``getweakrefcount``,
``getweakrefs`` and ``_remove_dead_weakref`` (the helper of
``WeakValueDictionary``). It is in pyvm's built-in module table
(pyvm/eval/import_.py): :func:`PyInit__weakref` makes it on the first
``import _weakref``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.dictobject import PyDict_Check, PyDict_DelItem, PyDict_GetItemWithError
from pyvm.objects.exceptions import PyExc_TypeError
from pyvm.objects.listobject import PyList_Append, PyList_New
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.methodobject import METH_FASTCALL, METH_O, PyCFunction_NewEx, PyMethodDef
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import (
    Py_DECREF, Py_None, Py_NewRef, PyErr_SetString, PyObject, _PyType_SUPPORTS_WEAKREFS,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, _PyArg_CheckPositional,
)
from pyvm.objects.weakrefobject import (
    PyWeakref_Check,
    PyWeakref_NewProxy,
    _get_head,
    _PyWeakref_CallableProxyType,
    _PyWeakref_GetWeakrefCount,
    _PyWeakref_IS_DEAD,
    _PyWeakref_ProxyType,
    _PyWeakref_RefType,
)


def _weakref_getweakrefcount_impl(module: PyObject, obj: PyObject) -> PyObject:
    """CPython: Modules/_weakref.c:_weakref_getweakrefcount_impl

    The number of weak references to ``obj``.
    """
    return PyLong_FromLong(_PyWeakref_GetWeakrefCount(obj))


def is_dead_weakref(value: PyObject) -> bool:
    """CPython: Modules/_weakref.c:is_dead_weakref"""
    if not PyWeakref_Check(value):
        PyErr_SetString(PyExc_TypeError, "not a weakref")
    return _PyWeakref_IS_DEAD(value)


def _weakref__remove_dead_weakref_impl(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Modules/_weakref.c:_weakref__remove_dead_weakref_impl

    Removes ``dct[key]`` if it is a dead weak reference (C's
    ``_PyDict_DelItemIf``; a missing key is not an error).
    """
    _PyArg_CheckPositional("_remove_dead_weakref", len(args), 2, 2)
    dct, key = args[0], args[1]
    if not PyDict_Check(dct):
        PyErr_SetString(PyExc_TypeError,
                        f"_remove_dead_weakref() argument 1 must be dict, "
                        f"not {dct.ob_type.tp_name}")
    value = PyDict_GetItemWithError(dct, key)
    if value is not None and is_dead_weakref(value):
        PyDict_DelItem(dct, key)
    return Py_None


def _weakref_getweakrefs(module: PyObject, obj: PyObject) -> PyObject:
    """CPython: Modules/_weakref.c:_weakref_getweakrefs

    A list of the weak references to ``obj``, in list order.
    """
    result = PyList_New(0)
    if not _PyType_SUPPORTS_WEAKREFS(obj.ob_type):
        return result
    current = _get_head(obj)
    while current is not None:
        # _Py_TryIncref: a reference being deallocated is skipped.
        if current.ob_refcnt > 0:
            PyList_Append(result, current)
        current = current.wr_next
    return result


def _weakref_proxy_impl(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Modules/_weakref.c:_weakref_proxy_impl

    ``proxy(object, callback=None, /)``.
    """
    _PyArg_CheckPositional("proxy", len(args), 1, 2)
    callback: Optional[PyObject] = args[1] if len(args) > 1 else None
    return PyWeakref_NewProxy(args[0], callback)


_weakref_doc: Final = "Weak-reference support module."


class _WeakrefModuleState:
    """pyvm: the ``_weakref`` module once made (C's single-phase module cache)."""

    module: Optional[PyModuleObject]

    def __init__(self) -> None:
        self.module = None


_state: Final = _WeakrefModuleState()


def weakref_exec(m: PyModuleObject) -> None:
    """CPython: Modules/_weakref.c:weakref_exec"""
    PyModule_AddObjectRef(m, "ref", _PyWeakref_RefType)
    PyModule_AddObjectRef(m, "ReferenceType", _PyWeakref_RefType)
    PyModule_AddObjectRef(m, "ProxyType", _PyWeakref_ProxyType)
    PyModule_AddObjectRef(m, "CallableProxyType", _PyWeakref_CallableProxyType)


def PyInit__weakref() -> PyModuleObject:
    """CPython: Modules/_weakref.c:PyInit__weakref

    The module, made on first call (functions, types and ``__doc__``).
    """
    m = _state.module
    if m is not None:
        return m
    m = PyModule_New("_weakref")
    m.md_builtin = True
    doc = PyUnicode_FromString(_weakref_doc)
    PyModule_AddObjectRef(m, "__doc__", doc)
    Py_DECREF(doc)
    methods = [
        PyMethodDef("getweakrefcount", _weakref_getweakrefcount_impl, METH_O,
                    "Return the number of weak references to 'object'."),
        PyMethodDef("_remove_dead_weakref", _weakref__remove_dead_weakref_impl, METH_FASTCALL,
                    "Atomically remove key from dict if it points to a dead weakref."),
        PyMethodDef("getweakrefs", _weakref_getweakrefs, METH_O,
                    "Return a list of all weak reference objects pointing to 'object'."),
        PyMethodDef("proxy", _weakref_proxy_impl, METH_FASTCALL,
                    "Create a proxy object that weakly references 'object'.\n\n"
                    "'callback', if given, is called with a reference to the\n"
                    "proxy when 'object' is about to be finalized."),
    ]
    modname = Py_NewRef(PyUnicode_InternFromString("_weakref"))
    for ml in methods:
        f = PyCFunction_NewEx(ml, m, modname)
        PyModule_AddObjectRef(m, ml.ml_name, f)
        Py_DECREF(f)
    Py_DECREF(modname)
    weakref_exec(m)
    _state.module = m
    return m
