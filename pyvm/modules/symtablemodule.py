"""Ports Modules/symtablemodule.c, the ``_symtable`` module, and the
``symtable entry`` type of Python/symtable.c.

``_symtable.symtable(source, filename, mode)`` builds the compiler's symbol
table for ``source`` (pyvm/compile/symtable.py, the same code the compiler
runs) and returns its top block as a ``symtable entry`` object; the standard
library's ``symtable`` module is written on top of it. An entry shows C's
members: ``id``, ``name``, ``symbols`` (name -> flags, the scope in the bits
above ``SCOPE_OFF``), ``varnames``, ``children``, ``nested``, ``type`` and
``lineno``. The module also exports the flag and scope constants.

pyvm: the compiler's entries (``PySTEntryObject`` in pyvm/compile/symtable.py)
are host objects that no program sees, so this module copies a finished
table into pyvm objects, one ``symtable entry`` per block. C hands out the
compiler's own entries; what a program can observe is the same, as the
members are read-only and the compiler is done with them. ``id`` is the
compiler's key for the block (C's is the AST node's address, also just an
identity).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.compile.symtable import (
    CELL, DEF_ANNOT, DEF_BOUND, DEF_COMP_CELL, DEF_COMP_ITER, DEF_FREE_CLASS, DEF_GLOBAL,
    DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, DEF_TYPE_PARAM, FREE, GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT, LOCAL, SCOPE_MASK, SCOPE_OFFSET, USE, AnnotationBlock, ClassBlock,
    FunctionBlock, ModuleBlock, PySTEntryObject, Py_eval_input, Py_file_input,
    Py_single_input, TypeAliasBlock, TypeParametersBlock, TypeVariableBlock,
    _Py_SymtableStringObjectFlags,
)
from pyvm.compile.future import PyCF_SOURCE_IS_UTF8
from pyvm.objects.descrobject import PyMemberDef, _PyType_AddMembers
from pyvm.objects.dictobject import PyDict_New, PyDict_SetItem
from pyvm.objects.exceptions import PyExc_TypeError, PyExc_ValueError
from pyvm.objects.listobject import PyList_Append, PyList_New
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.methodobject import METH_FASTCALL, PyCFunction_NewEx, PyMethodDef
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import (
    Py_DECREF, Py_NewRef, PyErr_SetString, PyObject, PyObject_Repr, PyTypeObject,
    _PyObject_StrStr,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject, _PyArg_CheckPositional,
)
from pyvm.modules.bltinmodule import PyUnicode_FSDecoder, _Py_SourceAsString

PySTEntry_Type: Final = PyTypeObject("symtable entry")


class _STEntryObject(PyObject):
    """CPython: Include/internal/pycore_symtable.h:_symtable_entry

    pyvm: the members a program can read, as pyvm objects (strong
    references); see the module docstring."""

    ste_id: PyObject
    ste_name: PyObject
    ste_symbols: PyObject
    ste_varnames: PyObject
    ste_children: PyObject
    ste_nested: int
    ste_type: int
    ste_lineno: int

    def __init__(self, ste: PySTEntryObject) -> None:
        super().__init__(PySTEntry_Type)
        self.ste_id = PyLong_FromLong(ste.ste_id)
        self.ste_name = PyUnicode_InternFromString(ste.ste_name)
        self.ste_symbols = PyDict_New()
        for name, flags in ste.ste_symbols.items():
            key = PyUnicode_InternFromString(name)
            value = PyLong_FromLong(flags)
            PyDict_SetItem(self.ste_symbols, key, value)
            Py_DECREF(key)
            Py_DECREF(value)
        self.ste_varnames = PyList_New(0)
        for name in ste.ste_varnames:
            v = PyUnicode_InternFromString(name)
            PyList_Append(self.ste_varnames, v)
            Py_DECREF(v)
        self.ste_children = PyList_New(0)
        for child in ste.ste_children:
            c = _STEntryObject(child)
            PyList_Append(self.ste_children, c)
            Py_DECREF(c)
        self.ste_nested = int(ste.ste_nested)
        self.ste_type = ste.ste_type
        self.ste_lineno = ste.ste_loc.lineno


def ste_repr(op: PyObject) -> PyObject:
    """CPython: Python/symtable.c:ste_repr"""
    assert isinstance(op, _STEntryObject)
    name = _PyObject_StrStr(op.ste_name)
    r = PyObject_Repr(op.ste_id)
    assert isinstance(r, PyUnicodeObject)
    text = f"<symtable entry {name}({r.value}), line {op.ste_lineno}>"
    Py_DECREF(r)
    return PyUnicode_FromString(text)


def ste_dealloc(op: PyObject) -> None:
    """CPython: Python/symtable.c:ste_dealloc"""
    assert isinstance(op, _STEntryObject)
    for field in (op.ste_id, op.ste_name, op.ste_symbols, op.ste_varnames, op.ste_children):
        Py_DECREF(field)


def _ste_member(name: str) -> PyMemberDef:
    """pyvm: one read-only member of ``ste_memberlist`` (C's ``OFF(ste_...)``
    with ``Py_READONLY``)."""
    def get(op: PyObject, closure: object = None) -> PyObject:
        assert isinstance(op, _STEntryObject)
        if name == "id":
            return Py_NewRef(op.ste_id)
        if name == "name":
            return Py_NewRef(op.ste_name)
        if name == "symbols":
            return Py_NewRef(op.ste_symbols)
        if name == "varnames":
            return Py_NewRef(op.ste_varnames)
        if name == "children":
            return Py_NewRef(op.ste_children)
        if name == "nested":
            return PyLong_FromLong(op.ste_nested)
        if name == "type":
            return PyLong_FromLong(op.ste_type)
        return PyLong_FromLong(op.ste_lineno)
    return PyMemberDef(name, get)


def _init_ste_type() -> None:
    """pyvm: fill in ``PySTEntry_Type``'s slots and members (C's static
    initializer, with ``ste_memberlist``)."""
    PySTEntry_Type.tp_repr = ste_repr
    PySTEntry_Type.tp_dealloc = ste_dealloc
    _PyType_AddMembers(PySTEntry_Type, [
        _ste_member(n) for n in
        ("id", "name", "symbols", "varnames", "children", "nested", "type", "lineno")])


def _symtable_symtable_impl(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Modules/symtablemodule.c:_symtable_symtable_impl

    ``symtable(source, filename, startstr, /)``: the top block's entry."""
    _PyArg_CheckPositional("symtable", len(args), 3, 3)
    cf_flags = PyCF_SOURCE_IS_UTF8
    src, cf_flags = _Py_SourceAsString(args[0], "symtable", "string or bytes", cf_flags)
    filename = PyUnicode_FSDecoder(args[1])
    startobj = args[2]
    if not isinstance(startobj, PyUnicodeObject):
        PyErr_SetString(PyExc_TypeError,
                        f"symtable() argument 3 must be str, not {startobj.ob_type.tp_name}")
        raise AssertionError  # pyvm: PyErr_SetString never returns
    startstr = startobj.value
    if startstr == "exec":
        start = Py_file_input
    elif startstr == "eval":
        start = Py_eval_input
    elif startstr == "single":
        start = Py_single_input
    else:
        PyErr_SetString(PyExc_ValueError,
                        "symtable() arg 3 must be 'exec' or 'eval' or 'single'")
        raise AssertionError  # pyvm: PyErr_SetString never returns
    st = _Py_SymtableStringObjectFlags(src, filename, start, cf_flags)
    assert st.st_top is not None
    return _STEntryObject(st.st_top)


_CONSTANTS: Final = (
    ("USE", USE), ("DEF_GLOBAL", DEF_GLOBAL), ("DEF_NONLOCAL", DEF_NONLOCAL),
    ("DEF_LOCAL", DEF_LOCAL), ("DEF_PARAM", DEF_PARAM), ("DEF_TYPE_PARAM", DEF_TYPE_PARAM),
    ("DEF_FREE_CLASS", DEF_FREE_CLASS), ("DEF_IMPORT", DEF_IMPORT), ("DEF_BOUND", DEF_BOUND),
    ("DEF_ANNOT", DEF_ANNOT), ("DEF_COMP_ITER", DEF_COMP_ITER),
    ("DEF_COMP_CELL", DEF_COMP_CELL),
    ("TYPE_FUNCTION", FunctionBlock), ("TYPE_CLASS", ClassBlock), ("TYPE_MODULE", ModuleBlock),
    ("TYPE_ANNOTATION", AnnotationBlock), ("TYPE_TYPE_ALIAS", TypeAliasBlock),
    ("TYPE_TYPE_PARAMETERS", TypeParametersBlock), ("TYPE_TYPE_VARIABLE", TypeVariableBlock),
    ("LOCAL", LOCAL), ("GLOBAL_EXPLICIT", GLOBAL_EXPLICIT), ("GLOBAL_IMPLICIT", GLOBAL_IMPLICIT),
    ("FREE", FREE), ("CELL", CELL), ("SCOPE_OFF", SCOPE_OFFSET), ("SCOPE_MASK", SCOPE_MASK),
)


def symtable_init_constants(m: PyModuleObject) -> None:
    """CPython: Modules/symtablemodule.c:symtable_init_constants"""
    for name, value in _CONSTANTS:
        v = PyLong_FromLong(value)
        PyModule_AddObjectRef(m, name, v)
        Py_DECREF(v)


class _SymtableModuleState:
    """pyvm: the ``_symtable`` module once made (C's module cache)."""

    module: Optional[PyModuleObject]

    def __init__(self) -> None:
        self.module = None


_state: Final = _SymtableModuleState()


def PyInit__symtable() -> PyModuleObject:
    """CPython: Modules/symtablemodule.c:PyInit__symtable

    Creates the module once and returns it (borrowed, as the other
    built-in modules' init functions do)."""
    m = _state.module
    if m is not None:
        return m
    _init_ste_type()
    m = PyModule_New("_symtable")
    m.md_builtin = True
    modname = PyUnicode_InternFromString("_symtable")
    ml = PyMethodDef("symtable", _symtable_symtable_impl, METH_FASTCALL,
                     "Return symbol and scope dictionaries used internally by compiler.")
    f = PyCFunction_NewEx(ml, m, modname)
    PyModule_AddObjectRef(m, "symtable", f)
    Py_DECREF(f)
    Py_DECREF(modname)
    symtable_init_constants(m)
    _state.module = m
    return m
