"""Ports Modules/_typingmodule.c: the ``_typing`` module, the primitives that
Lib/typing.py re-exports (``TypeVar``, ``ParamSpec``, ``TypeVarTuple``,
``ParamSpecArgs``, ``ParamSpecKwargs``, ``TypeAliasType``, ``Generic``,
``NoDefault``, ``Union``) and the ``_idfunc`` accelerator of ``typing.NewType``.

C's ``_typing`` is a built-in extension module imported on demand: it is in
pyvm's built-in module table (pyvm/eval/import_.py), and :func:`PyInit__typing`
runs on the first ``import _typing``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.methodobject import METH_O, PyCFunction_NewEx, PyMethodDef
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import Py_DECREF, Py_INCREF, PyObject
from pyvm.objects.typevarobject import (
    PyGeneric_Type,
    _Py_NoDefaultStruct,
    _PyParamSpec_Type,
    _PyParamSpecArgs_Type,
    _PyParamSpecKwargs_Type,
    _PyTypeAlias_Type,
    _PyTypeVar_Type,
    _PyTypeVarTuple_Type,
)
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicode_InternFromString
from pyvm.objects.unionobject import _PyUnion_Type

typing_doc: Final = "Primitives and accelerators for the typing module.\n"


def _typing__idfunc(module: PyObject, x: PyObject) -> PyObject:
    """CPython: Modules/_typingmodule.c:_typing__idfunc"""
    Py_INCREF(x)
    return x


def _typing_exec(m: PyModuleObject) -> None:
    """CPython: Modules/_typingmodule.c:_typing_exec"""
    for name, tp in (("TypeVar", _PyTypeVar_Type), ("TypeVarTuple", _PyTypeVarTuple_Type),
                     ("ParamSpec", _PyParamSpec_Type),
                     ("ParamSpecArgs", _PyParamSpecArgs_Type),
                     ("ParamSpecKwargs", _PyParamSpecKwargs_Type),
                     ("Generic", PyGeneric_Type)):
        PyModule_AddObjectRef(m, name, tp)
    PyModule_AddObjectRef(m, "TypeAliasType", _PyTypeAlias_Type)
    PyModule_AddObjectRef(m, "Union", _PyUnion_Type)
    PyModule_AddObjectRef(m, "NoDefault", _Py_NoDefaultStruct)


class _TypingState:
    """pyvm: the one ``_typing`` module of the interpreter."""

    module: Optional[PyModuleObject]

    def __init__(self) -> None:
        self.module = None


_typing_state: Final = _TypingState()


def PyInit__typing() -> PyModuleObject:
    """CPython: Modules/_typingmodule.c:PyInit__typing

    Creates the module once and returns it (borrowed: the caller stores it in
    ``sys.modules``; this state keeps a reference too).
    """
    m = _typing_state.module
    if m is not None:
        return m
    m = PyModule_New("_typing")
    m.md_builtin = True
    doc = PyUnicode_FromString(typing_doc)
    PyModule_AddObjectRef(m, "__doc__", doc)
    Py_DECREF(doc)
    modname = PyUnicode_InternFromString("_typing")
    ml = PyMethodDef("_idfunc", _typing__idfunc, METH_O)
    f = PyCFunction_NewEx(ml, m, modname)
    PyModule_AddObjectRef(m, "_idfunc", f)
    Py_DECREF(f)
    _typing_exec(m)
    _typing_state.module = m
    return m
