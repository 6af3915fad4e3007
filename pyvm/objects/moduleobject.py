"""Ports Objects/moduleobject.c: module objects.

A module is a named namespace: its attributes live in ``md_dict``, which is
also the globals dict of the code that runs in it. pyvm's module is an object
with an instance dict (``ob_dict``, see ``PyObjectWithDict``), so the generic
attribute machinery finds module attributes there exactly as C finds them
through ``tp_dictoffset``; ``md_dict`` names the same dict.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, PyErr, _PyErr_Clear,
    PyObject, PyObject_GenericGetAttr, PyObject_GenericSetAttr, PyObjectWithDict,
    PyTypeObject, _PyObject_ClearDict, MANAGED_WEAKREF_OFFSET, PyObject_ClearWeakRefs,
    PyErr_SetString, PyObject_Repr, _PyObject_SetAttributeErrorContext,
    PyErr_FormatUnraisable,
)
from pyvm.objects.dictobject import PyDict_SetItem, PyDict_New, PyDict_GetItemWithError
from pyvm.objects.unicodeobject import (
    PyUnicode_InternFromString, PyUnicode_FromString, PyUnicode_Check, PyUnicodeObject,
)
from pyvm.objects.exceptions import PyExc_SystemError, PyExc_AttributeError
from pyvm.objects.call import PyObject_Vectorcall
from pyvm.objects.descrobject import Py_READONLY, PyMemberDef, _PyType_AddMembers
from pyvm.objects.dictobject import PyDict_Next, PyDict_SetItem
from pyvm.objects.unicodeobject import PyUnicodeObject

PyModule_Type: Final = PyTypeObject("module", flags=Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)


class PyModuleObject(PyObjectWithDict):
    """CPython: Include/internal/pycore_moduleobject.h:PyModuleObject

    ``md_builtin`` is pyvm's mark for modules implemented natively (their
    repr says ``(built-in)``, as importlib's ``_module_repr`` does for modules
    loaded by ``BuiltinImporter``).
    """

    md_builtin: bool

    def __init__(self) -> None:
        super().__init__(PyModule_Type)
        self.md_builtin = False

    @property
    def md_dict(self) -> PyObject:
        """pyvm: the module's namespace (a borrowed reference); C keeps ``md_dict``
        as a field, pyvm keeps it as the instance dict ``ob_dict``."""
        d = self.ob_dict
        assert d is not None
        return d


def PyModule_Check(op: PyObject) -> bool:
    """CPython: Include/moduleobject.h:PyModule_Check"""
    return isinstance(op, PyModuleObject)


def module_init_dict(mod: PyModuleObject, md_dict: PyObject, name: PyObject,
                     doc: Optional[PyObject]) -> None:
    """CPython: Objects/moduleobject.c:module_init_dict"""
    PyDict_SetItem(md_dict, PyUnicode_InternFromString("__name__"), name)
    PyDict_SetItem(md_dict, PyUnicode_InternFromString("__doc__"),
                   doc if doc is not None else Py_None)
    PyDict_SetItem(md_dict, PyUnicode_InternFromString("__package__"), Py_None)
    PyDict_SetItem(md_dict, PyUnicode_InternFromString("__loader__"), Py_None)
    PyDict_SetItem(md_dict, PyUnicode_InternFromString("__spec__"), Py_None)


def PyModule_NewObject(name: PyObject) -> PyModuleObject:
    """CPython: Objects/moduleobject.c:PyModule_NewObject

    Returns a new reference.
    """
    m = PyModuleObject()
    d = PyDict_New()
    m.ob_dict = d
    module_init_dict(m, d, name, None)
    return m


def PyModule_New(name: str) -> PyModuleObject:
    """CPython: Objects/moduleobject.c:PyModule_New"""
    n = PyUnicode_FromString(name)
    m = PyModule_NewObject(n)
    Py_DECREF(n)
    return m


def PyModule_GetDict(m: PyObject) -> PyObject:
    """CPython: Objects/moduleobject.c:PyModule_GetDict

    Returns a borrowed reference.
    """
    assert isinstance(m, PyModuleObject)
    return m.md_dict


def PyModule_GetNameObject(m: PyObject) -> PyObject:
    """CPython: Objects/moduleobject.c:PyModule_GetNameObject

    Returns a new reference.
    """
    assert isinstance(m, PyModuleObject)
    name = PyDict_GetItemWithError(m.md_dict, PyUnicode_InternFromString("__name__"))
    if name is None or not PyUnicode_Check(name):
        PyErr_SetString(PyExc_SystemError, "nameless module")
    Py_INCREF(name)
    return name


def PyModule_AddObjectRef(m: PyObject, name: str, value: PyObject) -> None:
    """CPython: Python/modsupport.c:PyModule_AddObjectRef"""
    assert isinstance(m, PyModuleObject)
    PyDict_SetItem(m.md_dict, PyUnicode_InternFromString(name), value)


def _module_name_str(m: PyModuleObject) -> Optional[str]:
    """pyvm: the host text of ``__name__``, or None."""
    d = m.ob_dict
    if d is None:
        return None
    n = PyDict_GetItemWithError(d, PyUnicode_InternFromString("__name__"))
    if isinstance(n, PyUnicodeObject):
        return n.value
    return None


def module_repr(op: PyObject) -> PyObject:
    """CPython: Objects/moduleobject.c:module_repr

    C delegates to importlib's ``_module_repr``; its cases for pyvm's modules:
    ``<module 'sys' (built-in)>``, ``<module '__main__' from '/path'>``,
    ``<module 'name'>``.
    """
    assert isinstance(op, PyModuleObject)
    name = _module_name_str(op)
    shown = "?" if name is None else name
    if op.md_builtin:
        return PyUnicode_FromString(f"<module {_quote(shown)} (built-in)>")
    d = op.ob_dict
    if d is not None:
        f = PyDict_GetItemWithError(d, PyUnicode_InternFromString("__file__"))
        if isinstance(f, PyUnicodeObject):
            return PyUnicode_FromString(f"<module {_quote(shown)} from {_quote(f.value)}>")
    return PyUnicode_FromString(f"<module {_quote(shown)}>")


def _quote(s: str) -> str:
    """pyvm: ``repr()`` of a str (the ``%r`` of importlib's format)."""
    o = PyUnicode_FromString(s)
    r = PyObject_Repr(o)
    Py_DECREF(o)
    assert isinstance(r, PyUnicodeObject)
    v = r.value
    Py_DECREF(r)
    return v


def _Py_module_getattro(m: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/moduleobject.c:_Py_module_getattro

    The generic lookup, then the module's ``__getattr__``, then C's message
    ``module 'x' has no attribute 'y'`` (with ``name``/``obj`` recorded for
    suggestions).
    """
    assert isinstance(m, PyModuleObject)
    try:
        return PyObject_GenericGetAttr(m, name)
    except PyErr as e:
        if not e.matches(PyExc_AttributeError):
            raise
        _PyErr_Clear(e)
    d = m.ob_dict
    if d is not None:
        getattr_ = PyDict_GetItemWithError(d, PyUnicode_InternFromString("__getattr__"))
        if getattr_ is not None:
            return PyObject_Vectorcall(getattr_, [name], 0, 1, None)
    mod_name = _module_name_str(m)
    attr = name.value if isinstance(name, PyUnicodeObject) else "?"
    if mod_name is None:
        err = PyErr(PyExc_AttributeError, None, f"module has no attribute '{attr}'", None)
    else:
        err = PyErr(PyExc_AttributeError, None,
                    f"module '{mod_name}' has no attribute '{attr}'", None)
    raise _PyObject_SetAttributeErrorContext(m, name, err)


def module_dealloc(op: PyObject) -> None:
    """CPython: Objects/moduleobject.c:module_dealloc"""
    assert isinstance(op, PyModuleObject)
    PyObject_ClearWeakRefs(op)
    _PyObject_ClearDict(op)


def _PyModule_ClearDict(d: PyObject) -> None:
    """CPython: Objects/moduleobject.c:_PyModule_ClearDict

    The finalization of a module's globals: first the names with a single
    leading underscore, then every other name except ``__builtins__``, are set
    to None (not deleted, so the dict is not rebuilt while destructors run).
    """
    for first_pass in (True, False):
        pos = 0
        while True:
            nxt = PyDict_Next(d, pos)
            if nxt is None:
                break
            pos, key, value = nxt
            if value is Py_None or not isinstance(key, PyUnicodeObject):
                continue
            k = key.value
            if first_pass:
                zap = k[:1] == "_" and k[1:2] != "_"
            else:
                zap = k != "__builtins__"
            if zap:
                try:
                    PyDict_SetItem(d, key, Py_None)
                except PyErr as err:
                    PyErr_FormatUnraisable(
                        err, "Exception ignored while clearing module dict")


def module_get_dict(op: PyObject) -> PyObject:
    """pyvm: the ``__dict__`` member of C's ``module_members`` table (Objects/moduleobject.c)."""
    assert isinstance(op, PyModuleObject)
    d = op.md_dict
    Py_INCREF(d)
    return d


def _module_init_type() -> None:
    """pyvm: fill the slots of ``PyModule_Type`` (C's static initializer)."""
    _PyType_AddMembers(PyModule_Type, [
        PyMemberDef("__dict__", module_get_dict, None, Py_READONLY),
    ])
    PyModule_Type.tp_dealloc = module_dealloc
    PyModule_Type.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    PyModule_Type.tp_repr = module_repr
    PyModule_Type.tp_getattro = _Py_module_getattro
    PyModule_Type.tp_setattro = PyObject_GenericSetAttr


_module_init_type()
