"""Ports Objects/cellobject.c and Include/cpython/cellobject.h: cell objects.

A cell is the box through which a variable is shared between a function and the
functions nested in it (a "cell variable" of the outer code object is a "free
variable" of the inner one). ``MAKE_CELL`` wraps a local's value in a new cell,
``LOAD_DEREF`` / ``STORE_DEREF`` read and write ``ob_ref`` through it, and
``MAKE_FUNCTION`` + ``SET_FUNCTION_ATTRIBUTE`` hand the cells to the inner
function as its ``__closure__`` tuple. ``ob_ref`` is ``None`` (C's ``NULL``)
while the variable is unbound.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_TPFLAGS_HAVE_GC, Py_XDECREF, PyObject, PyTypeObject,
)

PyCell_Type: Final = PyTypeObject("cell", flags=Py_TPFLAGS_HAVE_GC)


class PyCellObject(PyObject):
    """CPython: Include/cpython/cellobject.h:PyCellObject

    ``ob_ref`` is a strong reference or ``None`` (empty cell).
    """

    ob_ref: Optional[PyObject]

    def __init__(self, ref: Optional[PyObject]) -> None:
        super().__init__(PyCell_Type)
        self.ob_ref = ref


def PyCell_New(obj: Optional[PyObject]) -> PyCellObject:
    """CPython: Objects/cellobject.c:PyCell_New

    Takes a new reference to ``obj``.
    """
    if obj is not None:
        Py_INCREF(obj)
    return PyCellObject(obj)


def PyCell_Check(op: PyObject) -> bool:
    """CPython: Include/cpython/cellobject.h:PyCell_Check"""
    return op.ob_type is PyCell_Type


def PyCell_GetRef(cell: PyCellObject) -> Optional[PyObject]:
    """CPython: Include/internal/pycore_cell.h:PyCell_GetRef

    Returns a new reference, or ``None`` for an empty cell.
    """
    v = cell.ob_ref
    if v is not None:
        Py_INCREF(v)
    return v


def PyCell_Get(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/cellobject.c:PyCell_Get"""
    assert isinstance(op, PyCellObject)
    return PyCell_GetRef(op)


def PyCell_SwapTakeRef(cell: PyCellObject, value: Optional[PyObject]) -> Optional[PyObject]:
    """CPython: Include/internal/pycore_cell.h:PyCell_SwapTakeRef

    Stores ``value`` (stealing it) and returns the old content (an owned
    reference, or ``None``).
    """
    old = cell.ob_ref
    cell.ob_ref = value
    return old


def PyCell_SetTakeRef(cell: PyCellObject, value: Optional[PyObject]) -> None:
    """CPython: Include/internal/pycore_cell.h:PyCell_SetTakeRef"""
    old = cell.ob_ref
    cell.ob_ref = value
    Py_XDECREF(old)


def PyCell_Set(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/cellobject.c:PyCell_Set

    Takes a new reference to ``value``.
    """
    assert isinstance(op, PyCellObject)
    if value is not None:
        Py_INCREF(value)
    PyCell_SetTakeRef(op, value)


def cell_dealloc(op: PyObject) -> None:
    """CPython: Objects/cellobject.c:cell_dealloc"""
    assert isinstance(op, PyCellObject)
    v = op.ob_ref
    op.ob_ref = None
    if v is not None:
        Py_DECREF(v)


def cell_repr(op: PyObject) -> PyObject:
    """CPython: Objects/cellobject.c:cell_repr

    pyvm: the addresses are the host ``id()`` of the objects, as C prints
    their pointers with ``%p``.
    """
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle: unicodeobject -> typeobject -> cellobject

    assert isinstance(op, PyCellObject)
    ref = op.ob_ref
    if ref is None:
        return PyUnicode_FromString(f"<cell at {id(op):#x}: empty>")
    return PyUnicode_FromString(
        f"<cell at {id(op):#x}: {ref.ob_type.tp_name[:80]} object at {id(ref):#x}>")


def _cell_init_type() -> None:
    """pyvm: fill the slots of ``PyCell_Type`` (C's static initializer)."""
    PyCell_Type.tp_dealloc = cell_dealloc
    PyCell_Type.tp_repr = cell_repr


_cell_init_type()
