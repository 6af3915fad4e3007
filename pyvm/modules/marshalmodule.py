"""Ports the module part of Python/marshal.c: the ``marshal`` module.

``dumps``/``loads`` wrap the writer and reader of pyvm/compile/marshal.py (the
same ones that write and read pyvm's code objects); ``dump`` writes the bytes
with the file's ``write``; ``load`` reads one object from the file with its
``readinto``, as many bytes as the object takes, so that the file is left just
past it (C's ``RFILE.readable``). ``version`` is the format version,
``Py_MARSHAL_VERSION`` (5).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.compile.marshal import RFILE, _PyMarshal_WriteObjectToString, read_object
from pyvm.objects.abstract import PyBuffer_Release, PyObject_GetBuffer
from pyvm.objects.bytesobject import PyBytes_FromStringAndSize, PyBytesObject
from pyvm.objects.call import PyObject_CallMethod, PyObject_CallMethodOneArg
from pyvm.objects.exceptions import PyExc_TypeError
from pyvm.objects.longobject import PyLong_AsInt, PyLong_FromLong
from pyvm.objects.methodobject import (
    METH_FASTCALL, METH_KEYWORDS, PyCFunction_NewEx, PyMethodDef,
)
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import (
    PyBUF_SIMPLE, Py_DECREF, PyErr_SetString, PyObject, PyObject_IsTrue,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, _PyArg_UnpackKeywords,
)

# CPython: Include/marshal.h:Py_MARSHAL_VERSION
Py_MARSHAL_VERSION: Final = 5


def _version_and_allow_code(a: list[Optional[PyObject]], version_at: int
                            ) -> tuple[int, bool]:
    """pyvm: Argument Clinic's ``int`` converter for ``version`` (when the
    function has one) and ``bool`` converter for ``allow_code``."""
    v = a[version_at] if version_at >= 0 else None
    version = Py_MARSHAL_VERSION if v is None else PyLong_AsInt(v)
    ac = a[-1]
    return version, True if ac is None else PyObject_IsTrue(ac)


def marshal_dump_impl(module: PyObject, args: list[PyObject],
                      kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/marshal.c:marshal_dump_impl

    ``dump(value, file, version=version, /, *, allow_code=True)``."""
    a = _PyArg_UnpackKeywords("dump", args, kwnames, ["", "", "", "allow_code"], 2, 3, 3)
    value, file = a[0], a[1]
    assert value is not None and file is not None
    version, allow_code = _version_and_allow_code(a, 2)
    s = PyBytes_FromStringAndSize(_PyMarshal_WriteObjectToString(value, version, allow_code))
    try:
        return PyObject_CallMethodOneArg(file, PyUnicode_InternFromString("write"), s)
    finally:
        Py_DECREF(s)


def marshal_load_impl(module: PyObject, args: list[PyObject],
                      kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/marshal.c:marshal_load_impl

    ``load(file, /, *, allow_code=True)``. A read of zero bytes first checks
    that the file's ``read`` gives bytes, as C does."""
    a = _PyArg_UnpackKeywords("load", args, kwnames, ["", "allow_code"], 1, 1, 1)
    file = a[0]
    assert file is not None
    _, allow_code = _version_and_allow_code(a, -1)
    zero = PyLong_FromLong(0)
    try:
        data = PyObject_CallMethod(file, "read", [zero])
    finally:
        Py_DECREF(zero)
    try:
        if not isinstance(data, PyBytesObject):
            PyErr_SetString(PyExc_TypeError,
                            f"file.read() returned not bytes but {data.ob_type.tp_name}")
        rf = RFILE(b"", allow_code, file)
        try:
            return read_object(rf)
        finally:
            for o in rf.refs:
                if o is not None:
                    Py_DECREF(o)
    finally:
        Py_DECREF(data)


def marshal_dumps_impl(module: PyObject, args: list[PyObject],
                       kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/marshal.c:marshal_dumps_impl

    ``dumps(value, version=version, /, *, allow_code=True)``."""
    a = _PyArg_UnpackKeywords("dumps", args, kwnames, ["", "", "allow_code"], 1, 2, 2)
    value = a[0]
    assert value is not None
    version, allow_code = _version_and_allow_code(a, 1)
    return PyBytes_FromStringAndSize(_PyMarshal_WriteObjectToString(value, version, allow_code))


def marshal_loads_impl(module: PyObject, args: list[PyObject],
                       kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/marshal.c:marshal_loads_impl

    ``loads(bytes, /, *, allow_code=True)``: any bytes-like object; extra
    bytes after the object are ignored."""
    a = _PyArg_UnpackKeywords("loads", args, kwnames, ["", "allow_code"], 1, 1, 1)
    obj = a[0]
    assert obj is not None
    _, allow_code = _version_and_allow_code(a, -1)
    view = PyObject_GetBuffer(obj, PyBUF_SIMPLE)
    try:
        data = bytes(view.data[view.offset:view.offset + view.len])
    finally:
        PyBuffer_Release(view)
    rf = RFILE(data, allow_code)
    try:
        return read_object(rf)
    finally:
        for o in rf.refs:
            if o is not None:
                Py_DECREF(o)


_module_doc: Final = (
    "This module contains functions that can read and write Python values in\n"
    "a binary format. The format is specific to Python, but independent of\n"
    "machine architecture issues.\n\n"
    "Not all Python object types are supported; in general, only objects\n"
    "whose value is independent from a particular invocation of Python can be\n"
    "written and read by this module. The following types are supported:\n"
    "None, integers, floating-point numbers, strings, bytes, bytearrays,\n"
    "tuples, lists, sets, dictionaries, and code objects, where it\n"
    "should be understood that tuples, lists and dictionaries are only\n"
    "supported as long as the values contained therein are themselves\n"
    "supported; and recursive lists and dictionaries should not be written\n"
    "(they will cause infinite loops).\n\n"
    "Variables:\n\n"
    "version -- indicates the format that the module uses. Version 0 is the\n"
    "    historical format, version 1 shares interned strings and version 2\n"
    "    uses a binary format for floating-point numbers.\n"
    "    Version 3 shares common object references (New in version 3.4).\n\n"
    "Functions:\n\n"
    "dump() -- write value to a file\n"
    "load() -- read value from a file\n"
    "dumps() -- marshal value as a bytes object\n"
    "loads() -- read value from a bytes-like object")

_METHODS: Final = (
    ("dump", marshal_dump_impl,
     "Write the value on the open file.\n\n  value\n    Must be a supported type.\n"
     "  file\n    Must be a writeable binary file.\n  version\n"
     "    Indicates the data format that dump should use.\n  allow_code\n"
     "    Allow to write code objects.\n\nIf the value has (or contains an object that "
     "has) an unsupported type, a\nValueError exception is raised - but garbage data "
     "will also be written\nto the file. The object will not be properly read back by "
     "load()."),
    ("load", marshal_load_impl,
     "Read one value from the open file and return it.\n\n  file\n"
     "    Must be readable binary file.\n  allow_code\n    Allow to load code objects.\n\n"
     "If no valid value is read (e.g. because the data has a different Python\n"
     "version's incompatible marshal format), raise EOFError, ValueError or\nTypeError.\n\n"
     "Note: If an object containing an unsupported type was marshalled with\ndump(), "
     "load() will substitute None for the unmarshallable type."),
    ("dumps", marshal_dumps_impl,
     "Return the bytes object that would be written to a file by dump(value, file).\n\n"
     "  value\n    Must be a supported type.\n  version\n"
     "    Indicates the data format that dumps should use.\n  allow_code\n"
     "    Allow to write code objects.\n\nRaise a ValueError exception if value has "
     "(or contains an object that\nhas) an unsupported type."),
    ("loads", marshal_loads_impl,
     "Convert the bytes-like object to a value.\n\n  allow_code\n"
     "    Allow to load code objects.\n\nIf no valid value is found, raise EOFError, "
     "ValueError or TypeError.\nExtra bytes in the input are ignored."),
)


class _MarshalModuleState:
    """pyvm: the ``marshal`` module once made (C's module cache)."""

    module: Optional[PyModuleObject]

    def __init__(self) -> None:
        self.module = None


_state: Final = _MarshalModuleState()


def marshal_module_exec(m: PyModuleObject) -> None:
    """CPython: Python/marshal.c:marshal_module_exec"""
    v = PyLong_FromLong(Py_MARSHAL_VERSION)
    PyModule_AddObjectRef(m, "version", v)
    Py_DECREF(v)


def PyMarshal_Init() -> PyModuleObject:
    """CPython: Python/marshal.c:PyMarshal_Init

    Creates the module once and returns it (borrowed)."""
    m = _state.module
    if m is not None:
        return m
    m = PyModule_New("marshal")
    m.md_builtin = True
    doc = PyUnicode_FromString(_module_doc)
    PyModule_AddObjectRef(m, "__doc__", doc)
    Py_DECREF(doc)
    modname = PyUnicode_InternFromString("marshal")
    for name, impl, text in _METHODS:
        f = PyCFunction_NewEx(PyMethodDef(name, impl, METH_FASTCALL | METH_KEYWORDS, text),
                              m, modname)
        PyModule_AddObjectRef(m, name, f)
        Py_DECREF(f)
    Py_DECREF(modname)
    marshal_module_exec(m)
    _state.module = m
    return m
