"""Ports Objects/frameobject.c: frame objects (``PyFrameObject``).

A frame object is the Python-visible face of an interpreter frame
(``_PyInterpreterFrame``, pyvm/eval/frame.py). It is created lazily, the
first time somebody needs it: a traceback entry (``PyTraceBack_Here``), or
``sys._getframe()``. While the interpreter frame runs, the frame object
points at it (``f_frame``); when the frame is popped and the frame object is
still referenced (a traceback holds it), the frame object takes over the
frame's data (C's ``take_ownership`` copies it into the frame object; pyvm
keeps the same host object and marks it ``FRAME_OWNED_BY_FRAME_OBJECT``), so
``tb.tb_frame.f_locals`` still works after the function returned.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.eval.frame import (
    FRAME_OWNED_BY_FRAME_OBJECT, _PyFrame_ClearAll, _PyFrame_GetFirstComplete, _PyInterpreterFrame,
)
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_TPFLAGS_HAVE_GC, Py_XDECREF, Py_None, PyObject, PyTypeObject,
)
from pyvm.objects.codeobject_lines import PyCode_Addr2Line
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicodeObject
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.cellobject import PyCellObject
from pyvm.objects.codeobject import CO_FAST_CELL, CO_FAST_FREE
from pyvm.objects.dictobject import PyDict_New, PyDict_SetItem
from pyvm.objects.descrobject import PyGetSetDef, _PyType_AddGetSets

PyFrame_Type: Final = PyTypeObject("frame", flags=Py_TPFLAGS_HAVE_GC)


class PyFrameObject(PyObject):
    """CPython: Include/internal/pycore_frame.h:_frame

    ``f_frame`` is the interpreter frame; ``f_back`` is only set once the
    frame object owns a popped frame (C links the caller then).
    """

    f_frame: _PyInterpreterFrame
    f_back: Optional[PyFrameObject]
    f_trace: Optional[PyObject]
    f_lineno: int

    def __init__(self, frame: _PyInterpreterFrame) -> None:
        super().__init__(PyFrame_Type)
        self.f_frame = frame
        self.f_back = None
        self.f_trace = None
        self.f_lineno = 0


def _PyFrame_New_NoTrack(frame: _PyInterpreterFrame) -> PyFrameObject:
    """CPython: Objects/frameobject.c:_PyFrame_New_NoTrack"""
    return PyFrameObject(frame)


def _PyFrame_MakeAndSetFrameObject(frame: _PyInterpreterFrame) -> PyFrameObject:
    """CPython: Python/frame.c:_PyFrame_MakeAndSetFrameObject

    The interpreter frame keeps a strong reference to its frame object.
    """
    f = _PyFrame_New_NoTrack(frame)
    frame.frame_obj = f
    return f


def _PyFrame_GetFrameObject(frame: _PyInterpreterFrame) -> PyFrameObject:
    """pyvm: mirrors ``_PyFrame_GetFrameObject`` (Include/internal/pycore_interpframe.h); the slow path is
    CPython: Python/frame.c:_PyFrame_MakeAndSetFrameObject

    Returns a borrowed reference (the interpreter frame owns it).
    """
    f = frame.frame_obj
    if f is not None:
        assert isinstance(f, PyFrameObject)
        return f
    return _PyFrame_MakeAndSetFrameObject(frame)


def PyFrame_GetLineNumber(f: PyFrameObject) -> int:
    """CPython: Objects/frameobject.c:PyFrame_GetLineNumber"""
    if f.f_lineno != 0:
        return f.f_lineno
    fr = f.f_frame
    return PyCode_Addr2Line(fr.f_executable, fr.instr_ptr * 2)


def frame_dealloc(op: PyObject) -> None:
    """CPython: Objects/frameobject.c:frame_dealloc

    If the frame object owns its frame's data, releases it (locals, stack,
    function, code).
    """
    assert isinstance(op, PyFrameObject)
    fr = op.f_frame
    if fr.owner == FRAME_OWNED_BY_FRAME_OBJECT and not fr.cleared:
        _PyFrame_ClearAll(fr)
        Py_DECREF(fr.f_executable)
    back = op.f_back
    op.f_back = None
    Py_XDECREF(back)
    tr = op.f_trace
    op.f_trace = None
    Py_XDECREF(tr)


def frame_repr(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_repr"""
    assert isinstance(op, PyFrameObject)
    co = op.f_frame.f_executable
    fn = co.co_filename
    name = co.co_name
    assert isinstance(fn, PyUnicodeObject) and isinstance(name, PyUnicodeObject)
    fn_r = "'" + fn.value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return PyUnicode_FromString(
        f"<frame at {id(op):#x}, file {fn_r}, line {PyFrame_GetLineNumber(op)}, "
        f"code {name.value}>")


def frame_getcode(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_code_get_impl"""
    assert isinstance(op, PyFrameObject)
    co = op.f_frame.f_executable
    Py_INCREF(co)
    return co


def frame_getlineno(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_lineno_get_impl"""
    assert isinstance(op, PyFrameObject)
    return PyLong_FromLong(PyFrame_GetLineNumber(op))


def frame_getlasti(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_lasti_get_impl"""
    assert isinstance(op, PyFrameObject)
    return PyLong_FromLong(op.f_frame.instr_ptr * 2)


def frame_getglobals(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_globals_get_impl"""
    assert isinstance(op, PyFrameObject)
    g = op.f_frame.f_globals
    Py_INCREF(g)
    return g


def frame_getbuiltins(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_builtins_get_impl"""
    assert isinstance(op, PyFrameObject)
    b = op.f_frame.f_builtins
    Py_INCREF(b)
    return b


def frame_getback(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_back_get_impl"""
    assert isinstance(op, PyFrameObject)
    if op.f_back is not None:
        Py_INCREF(op.f_back)
        return op.f_back
    # CPython: Objects/frameobject.c:PyFrame_GetBack (skips incomplete frames)
    prev = _PyFrame_GetFirstComplete(op.f_frame.previous)
    if prev is None or op.f_frame.owner == FRAME_OWNED_BY_FRAME_OBJECT:
        Py_INCREF(Py_None)
        return Py_None
    f = _PyFrame_GetFrameObject(prev)
    Py_INCREF(f)
    return f


def frame_getlocals(op: PyObject) -> PyObject:
    """CPython: Objects/frameobject.c:frame_locals_get_impl

    pyvm: for function frames C returns a write-through proxy
    (``FrameLocalsProxy``); pyvm returns a snapshot dict of the bound
    locals until the proxy type is ported.
    """
    assert isinstance(op, PyFrameObject)
    fr = op.f_frame
    loc = fr.f_locals
    if loc is not None:
        Py_INCREF(loc)
        return loc
    d = PyDict_New()
    if fr.cleared:
        return d
    co = fr.f_executable
    for i in range(co.co_nlocalsplus):
        v = fr.localsplus[i]
        if v is None:
            continue
        if co.co_localspluskinds[i] & (CO_FAST_CELL | CO_FAST_FREE) \
                and isinstance(v, PyCellObject):
            inner = v.ob_ref
            if inner is None:
                continue
            v = inner
        PyDict_SetItem(d, co.co_localsplusnames_items[i], v)
    return d


def _frame_init_type() -> None:
    """pyvm: fill the slots and attributes of ``PyFrame_Type``."""
    PyFrame_Type.tp_dealloc = frame_dealloc
    PyFrame_Type.tp_repr = frame_repr
    _PyType_AddGetSets(PyFrame_Type, [
        PyGetSetDef("f_code", frame_getcode, None),
        PyGetSetDef("f_lineno", frame_getlineno, None),
        PyGetSetDef("f_lasti", frame_getlasti, None),
        PyGetSetDef("f_globals", frame_getglobals, None),
        PyGetSetDef("f_builtins", frame_getbuiltins, None),
        PyGetSetDef("f_back", frame_getback, None),
        PyGetSetDef("f_locals", frame_getlocals, None),
    ])


_frame_init_type()
