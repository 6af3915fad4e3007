"""Ports Objects/exceptions.c: the builtin exception types, their instance layouts
and the constructor behind ``PyErr.normalize``.

Each builtin exception type is a static ``PyTypeObject`` named ``PyExc_<Name>``
with the real 3.14 hierarchy. Instances use one of a few layouts, as in C:
:class:`PyBaseExceptionObject` (``args``, ``notes``, ``traceback``, ``context``,
``cause``, ``suppress_context`` and an instance ``__dict__``) and the subclasses
that add fields (``SyntaxError``, ``ImportError``, ``OSError``, ``SystemExit``,
``StopIteration``, ``NameError``, ``AttributeError``, ``UnicodeError``). The
layout follows the type: each layout has its own ``tp_new``, which subclasses
inherit, so ``FileNotFoundError()`` is a :class:`PyOSErrorObject`.

Importing this module installs :func:`_PyErr_CreateException` as
``object._err_hooks.make_exception``, so that an unnormalized ``PyErr`` (a type
and a message) becomes an instance on demand, as C's
``_PyErr_CreateException`` does: a message becomes ``args == (msg,)``, a single
object ``(obj,)``, a tuple its items, nothing ``()``.

Exception groups (PEP 654). ``BaseExceptionGroup`` is a static type with its own
layout (:class:`PyBaseExceptionGroupObject`: ``msg``, the ``excs`` tuple and the
saved repr of a custom sequence). ``ExceptionGroup`` derives from both
``BaseExceptionGroup`` and ``Exception``; C makes it a heap type at start-up
(``create_exception_group_class``); here it is a static type whose ``tp_bases``
tuple is set, and the type readied, by :func:`create_exception_group_class` the
first time a group is made or the builtins module is built (tuples cannot be
made while this module is still being imported). The interpreter's helpers for
``except*`` are here too: :func:`_PyExc_PrepReraiseStar` (the
``PREP_RERAISE_STAR`` intrinsic) and :func:`_PyExc_CreateExceptionGroup`.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

from pyvm.objects.descrobject import PyGetSetDef, PyMemberDef, _PyType_AddGetSets, _PyType_AddMembers
from pyvm.objects.methodobject import METH_CLASS, METH_O, PyMethodDef
from pyvm.objects.object import (
    _PyErr_Clear, Py_DECREF, Py_INCREF, Py_None, Py_TPFLAGS_BASE_EXC_SUBCLASS,
    Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HAVE_GC, Py_XDECREF, PyErr, PyErr_Format, PyObject,
    PyObjectWithDict, PyTypeObject, _err_hooks, _PyObject_ClearDict, _PyObject_ReprStr,
    _PyObject_StrStr, _unicode_value, PyType_IsSubtype, PyObject_Str, PyObject_Repr,
    PyUnicode_Check, PyObject_IsTrue, PyObject_GetOptionalAttr, PyObject_SetAttr,
    PyCallable_Check, _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall,
)
from pyvm.objects.call import PyObject_CallObject, PyObject_CallMethod, PyObject_CallOneArg

_EXC_FLAGS: Final = Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS


def _tuple_items(t: PyObject) -> list[PyObject]:
    """pyvm: the item list of a tuple (C's ``PyTuple_GET_ITEM`` loop)."""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle: tuple imports us lazily
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def _empty_tuple() -> PyObject:
    """pyvm: a new reference to the empty tuple."""
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    return _PyTuple_FromArray([])


def _new_str(s: str) -> PyObject:
    """pyvm: a new str object from host text."""
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(s)


def _set_field(old: Optional[PyObject], new: Optional[PyObject]) -> Optional[PyObject]:
    """pyvm: ``Py_XSETREF(field, Py_XNewRef(new))`` returning the new value."""
    if new is not None:
        Py_INCREF(new)
    Py_XDECREF(old)
    return new


# ---------------------------------------------------------------------------
# Layouts


class PyBaseExceptionObject(PyObjectWithDict):
    """CPython: Include/cpython/pyerrors.h:PyBaseExceptionObject"""

    args: PyObject
    notes: Optional[PyObject]
    traceback: Optional[PyObject]
    context: Optional[PyObject]
    cause: Optional[PyObject]
    suppress_context: bool

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp)
        self.args = args
        self.notes = None
        self.traceback = None
        self.context = None
        self.cause = None
        self.suppress_context = False

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:BaseException_clear"""
        self.notes = _set_field(self.notes, None)
        self.traceback = _set_field(self.traceback, None)
        self.context = _set_field(self.context, None)
        self.cause = _set_field(self.cause, None)
        _PyObject_ClearDict(self)


class PySyntaxErrorObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PySyntaxErrorObject"""

    msg: Optional[PyObject]
    filename: Optional[PyObject]
    lineno: Optional[PyObject]
    offset: Optional[PyObject]
    end_lineno: Optional[PyObject]
    end_offset: Optional[PyObject]
    text: Optional[PyObject]
    print_file_and_line: Optional[PyObject]
    metadata: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.msg = None
        self.filename = None
        self.lineno = None
        self.offset = None
        self.end_lineno = None
        self.end_offset = None
        self.text = None
        self.print_file_and_line = None
        self.metadata = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:SyntaxError_clear"""
        self.msg = _set_field(self.msg, None)
        self.filename = _set_field(self.filename, None)
        self.lineno = _set_field(self.lineno, None)
        self.offset = _set_field(self.offset, None)
        self.end_lineno = _set_field(self.end_lineno, None)
        self.end_offset = _set_field(self.end_offset, None)
        self.text = _set_field(self.text, None)
        self.print_file_and_line = _set_field(self.print_file_and_line, None)
        self.metadata = _set_field(self.metadata, None)
        super().exc_clear()


class PyImportErrorObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PyImportErrorObject"""

    msg: Optional[PyObject]
    name: Optional[PyObject]
    path: Optional[PyObject]
    name_from: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.msg = None
        self.name = None
        self.path = None
        self.name_from = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:ImportError_clear"""
        self.msg = _set_field(self.msg, None)
        self.name = _set_field(self.name, None)
        self.path = _set_field(self.path, None)
        self.name_from = _set_field(self.name_from, None)
        super().exc_clear()


class PyUnicodeErrorObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PyUnicodeErrorObject"""

    encoding: Optional[PyObject]
    object: Optional[PyObject]
    start: int
    end: int
    reason: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.encoding = None
        self.object = None
        self.start = 0
        self.end = 0
        self.reason = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:UnicodeError_clear"""
        self.encoding = _set_field(self.encoding, None)
        self.object = _set_field(self.object, None)
        self.reason = _set_field(self.reason, None)
        super().exc_clear()


class PySystemExitObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PySystemExitObject"""

    code: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.code = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:SystemExit_clear"""
        self.code = _set_field(self.code, None)
        super().exc_clear()


class PyOSErrorObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PyOSErrorObject"""

    myerrno: Optional[PyObject]
    strerror: Optional[PyObject]
    filename: Optional[PyObject]
    filename2: Optional[PyObject]
    written: int

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.myerrno = None
        self.strerror = None
        self.filename = None
        self.filename2 = None
        self.written = -1

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:OSError_clear"""
        self.myerrno = _set_field(self.myerrno, None)
        self.strerror = _set_field(self.strerror, None)
        self.filename = _set_field(self.filename, None)
        self.filename2 = _set_field(self.filename2, None)
        super().exc_clear()


class PyStopIterationObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PyStopIterationObject"""

    value: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.value = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:StopIteration_clear"""
        self.value = _set_field(self.value, None)
        super().exc_clear()


class PyNameErrorObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PyNameErrorObject"""

    name: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.name = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:NameError_clear"""
        self.name = _set_field(self.name, None)
        super().exc_clear()


class PyAttributeErrorObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PyAttributeErrorObject"""

    obj: Optional[PyObject]
    name: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.obj = None
        self.name = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:AttributeError_clear"""
        self.obj = _set_field(self.obj, None)
        self.name = _set_field(self.name, None)
        super().exc_clear()


class PyBaseExceptionGroupObject(PyBaseExceptionObject):
    """CPython: Include/cpython/pyerrors.h:PyBaseExceptionGroupObject

    ``msg`` is a str, ``excs`` the tuple of nested exceptions, ``excs_str`` the
    repr of the sequence given to the constructor when it was neither a list nor
    a tuple (the repr shows it, since the sequence may have changed since).
    """

    msg: Optional[PyObject]
    excs: Optional[PyObject]
    excs_str: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, args: PyObject) -> None:
        super().__init__(tp, args)
        self.msg = None
        self.excs = None
        self.excs_str = None

    def exc_clear(self) -> None:
        """CPython: Objects/exceptions.c:BaseExceptionGroup_clear"""
        self.msg = _set_field(self.msg, None)
        self.excs = _set_field(self.excs, None)
        self.excs_str = _set_field(self.excs_str, None)
        super().exc_clear()


# ---------------------------------------------------------------------------
# The types


def _exc(name: str, base: Optional[PyTypeObject], doc: str) -> PyTypeObject:
    """pyvm: C's ``SimpleExtendsException`` / ``ComplexExtendsException`` macros."""
    return PyTypeObject(name, base, _EXC_FLAGS, doc)


PyExc_BaseException: Final = _exc("BaseException", None, "Common base class for all exceptions")
PyExc_Exception: Final = _exc("Exception", PyExc_BaseException,
                              "Common base class for all non-exit exceptions.")
PyExc_GeneratorExit: Final = _exc("GeneratorExit", PyExc_BaseException,
                                  "Request that a generator exit.")
PyExc_KeyboardInterrupt: Final = _exc("KeyboardInterrupt", PyExc_BaseException, "Program interrupted by user.")
PyExc_SystemExit: Final = _exc("SystemExit", PyExc_BaseException, "Request to exit from the interpreter.")
PyExc_ArithmeticError: Final = _exc("ArithmeticError", PyExc_Exception, "Base class for arithmetic errors.")
PyExc_FloatingPointError: Final = _exc("FloatingPointError", PyExc_ArithmeticError,
                                       "Floating-point operation failed.")
PyExc_OverflowError: Final = _exc("OverflowError", PyExc_ArithmeticError, "Result too large to be represented.")
PyExc_ZeroDivisionError: Final = _exc("ZeroDivisionError", PyExc_ArithmeticError,
                                      "Second argument to a division or modulo operation was zero.")
PyExc_AssertionError: Final = _exc("AssertionError", PyExc_Exception, "Assertion failed.")
PyExc_AttributeError: Final = _exc("AttributeError", PyExc_Exception, "Attribute not found.")
PyExc_BufferError: Final = _exc("BufferError", PyExc_Exception, "Buffer error.")
PyExc_EOFError: Final = _exc("EOFError", PyExc_Exception, "Read beyond end of file.")
PyExc_ImportError: Final = _exc("ImportError", PyExc_Exception,
                                "Import can't find module, or can't find name in module.")
PyExc_ModuleNotFoundError: Final = _exc("ModuleNotFoundError", PyExc_ImportError, "Module not found.")
PyExc_LookupError: Final = _exc("LookupError", PyExc_Exception, "Base class for lookup errors.")
PyExc_IndexError: Final = _exc("IndexError", PyExc_LookupError, "Sequence index out of range.")
PyExc_KeyError: Final = _exc("KeyError", PyExc_LookupError, "Mapping key not found.")
PyExc_MemoryError: Final = _exc("MemoryError", PyExc_Exception, "Out of memory.")
PyExc_NameError: Final = _exc("NameError", PyExc_Exception, "Name not found globally.")
PyExc_UnboundLocalError: Final = _exc("UnboundLocalError", PyExc_NameError,
                                      "Local name referenced but not bound to a value.")
PyExc_OSError: Final = _exc("OSError", PyExc_Exception, "Base class for I/O related errors.")
PyExc_BlockingIOError: Final = _exc("BlockingIOError", PyExc_OSError, "I/O operation would block.")
PyExc_ChildProcessError: Final = _exc("ChildProcessError", PyExc_OSError, "Child process error.")
PyExc_ConnectionError: Final = _exc("ConnectionError", PyExc_OSError, "Connection error.")
PyExc_BrokenPipeError: Final = _exc("BrokenPipeError", PyExc_ConnectionError, "Broken pipe.")
PyExc_ConnectionAbortedError: Final = _exc("ConnectionAbortedError", PyExc_ConnectionError,
                                           "Connection aborted.")
PyExc_ConnectionRefusedError: Final = _exc("ConnectionRefusedError", PyExc_ConnectionError,
                                           "Connection refused.")
PyExc_ConnectionResetError: Final = _exc("ConnectionResetError", PyExc_ConnectionError, "Connection reset.")
PyExc_FileExistsError: Final = _exc("FileExistsError", PyExc_OSError, "File already exists.")
PyExc_FileNotFoundError: Final = _exc("FileNotFoundError", PyExc_OSError, "File not found.")
PyExc_InterruptedError: Final = _exc("InterruptedError", PyExc_OSError, "Interrupted by signal.")
PyExc_IsADirectoryError: Final = _exc("IsADirectoryError", PyExc_OSError,
                                      "Operation doesn't work on directories.")
PyExc_NotADirectoryError: Final = _exc("NotADirectoryError", PyExc_OSError, "Operation only works on directories.")
PyExc_PermissionError: Final = _exc("PermissionError", PyExc_OSError, "Not enough permissions.")
PyExc_ProcessLookupError: Final = _exc("ProcessLookupError", PyExc_OSError, "Process not found.")
PyExc_TimeoutError: Final = _exc("TimeoutError", PyExc_OSError, "Timeout expired.")
PyExc_ReferenceError: Final = _exc("ReferenceError", PyExc_Exception, "Weak ref proxy used after referent went away.")
PyExc_RuntimeError: Final = _exc("RuntimeError", PyExc_Exception, "Unspecified run-time error.")
PyExc_NotImplementedError: Final = _exc("NotImplementedError", PyExc_RuntimeError,
                                        "Method or function hasn't been implemented yet.")
PyExc_PythonFinalizationError: Final = _exc("PythonFinalizationError", PyExc_RuntimeError,
                                            "Operation blocked during Python finalization.")
PyExc_RecursionError: Final = _exc("RecursionError", PyExc_RuntimeError, "Recursion limit exceeded.")
PyExc_StopAsyncIteration: Final = _exc("StopAsyncIteration", PyExc_Exception,
                                       "Signal the end from iterator.__anext__().")
PyExc_StopIteration: Final = _exc("StopIteration", PyExc_Exception, "Signal the end from iterator.__next__().")
PyExc_SyntaxError: Final = _exc("SyntaxError", PyExc_Exception, "Invalid syntax.")
PyExc_IndentationError: Final = _exc("IndentationError", PyExc_SyntaxError, "Improper indentation.")
PyExc_TabError: Final = _exc("TabError", PyExc_IndentationError, "Improper mixture of spaces and tabs.")
PyExc_IncompleteInputError: Final = _exc("_IncompleteInputError", PyExc_SyntaxError, "incomplete input.")
PyExc_SystemError: Final = _exc("SystemError", PyExc_Exception,
                                "Internal error in the Python interpreter.\n\n"
                                "Please report this to the Python maintainer, along with the traceback,\n"
                                "the Python version, and the hardware/OS platform and version.")
PyExc_TypeError: Final = _exc("TypeError", PyExc_Exception, "Inappropriate argument type.")
PyExc_ValueError: Final = _exc("ValueError", PyExc_Exception, "Inappropriate argument value (of correct type).")
PyExc_UnicodeError: Final = _exc("UnicodeError", PyExc_ValueError, "Unicode related error.")
PyExc_UnicodeDecodeError: Final = _exc("UnicodeDecodeError", PyExc_UnicodeError, "Unicode decoding error.")
PyExc_UnicodeEncodeError: Final = _exc("UnicodeEncodeError", PyExc_UnicodeError, "Unicode encoding error.")
PyExc_UnicodeTranslateError: Final = _exc("UnicodeTranslateError", PyExc_UnicodeError,
                                          "Unicode translation error.")
PyExc_Warning: Final = _exc("Warning", PyExc_Exception, "Base class for warning categories.")
PyExc_BytesWarning: Final = _exc("BytesWarning", PyExc_Warning,
                                 "Base class for warnings about bytes and buffer related problems, mostly\n"
                                 "related to conversion from str or comparing to str.")
PyExc_DeprecationWarning: Final = _exc("DeprecationWarning", PyExc_Warning,
                                       "Base class for warnings about deprecated features.")
PyExc_EncodingWarning: Final = _exc("EncodingWarning", PyExc_Warning,
                                    "Base class for warnings about encodings.")
PyExc_FutureWarning: Final = _exc("FutureWarning", PyExc_Warning,
                                  "Base class for warnings about constructs that will change semantically\n"
                                  "in the future.")
PyExc_ImportWarning: Final = _exc("ImportWarning", PyExc_Warning,
                                  "Base class for warnings about probable mistakes in module imports")
PyExc_PendingDeprecationWarning: Final = _exc("PendingDeprecationWarning", PyExc_Warning,
                                              "Base class for warnings about features which will be deprecated\n"
                                              "in the future.")
PyExc_ResourceWarning: Final = _exc("ResourceWarning", PyExc_Warning,
                                    "Base class for warnings about resource usage.")
PyExc_RuntimeWarning: Final = _exc("RuntimeWarning", PyExc_Warning,
                                   "Base class for warnings about dubious runtime behavior.")
PyExc_SyntaxWarning: Final = _exc("SyntaxWarning", PyExc_Warning,
                                  "Base class for warnings about dubious syntax.")
PyExc_UnicodeWarning: Final = _exc("UnicodeWarning", PyExc_Warning,
                                   "Base class for warnings about Unicode related problems, mostly\n"
                                   "related to conversion problems.")
PyExc_UserWarning: Final = _exc("UserWarning", PyExc_Warning,
                                "Base class for warnings generated by user code.")
PyExc_BaseExceptionGroup: Final = _exc("BaseExceptionGroup", PyExc_BaseException,
                                      "A combination of multiple unrelated exceptions.")
# C: a heap type made by PyErr_NewException("builtins.ExceptionGroup",
# (BaseExceptionGroup, Exception)), without a docstring.
PyExc_ExceptionGroup: Final = PyTypeObject("ExceptionGroup", PyExc_BaseExceptionGroup, _EXC_FLAGS)

# CPython: Objects/exceptions.c:_PyExc_InitTypes (the static_exceptions table)
_static_exceptions: Final = [
    PyExc_BaseException, PyExc_BaseExceptionGroup, PyExc_Exception, PyExc_GeneratorExit,
    PyExc_KeyboardInterrupt,
    PyExc_SystemExit, PyExc_ArithmeticError, PyExc_FloatingPointError, PyExc_OverflowError,
    PyExc_ZeroDivisionError, PyExc_AssertionError, PyExc_AttributeError, PyExc_BufferError,
    PyExc_EOFError, PyExc_ImportError, PyExc_ModuleNotFoundError, PyExc_LookupError,
    PyExc_IndexError, PyExc_KeyError, PyExc_MemoryError, PyExc_NameError,
    PyExc_UnboundLocalError, PyExc_OSError, PyExc_BlockingIOError, PyExc_ChildProcessError,
    PyExc_ConnectionError, PyExc_BrokenPipeError, PyExc_ConnectionAbortedError,
    PyExc_ConnectionRefusedError, PyExc_ConnectionResetError, PyExc_FileExistsError,
    PyExc_FileNotFoundError, PyExc_InterruptedError, PyExc_IsADirectoryError,
    PyExc_NotADirectoryError, PyExc_PermissionError, PyExc_ProcessLookupError,
    PyExc_TimeoutError, PyExc_ReferenceError, PyExc_RuntimeError, PyExc_NotImplementedError,
    PyExc_PythonFinalizationError, PyExc_RecursionError, PyExc_StopAsyncIteration,
    PyExc_StopIteration, PyExc_SyntaxError, PyExc_IndentationError, PyExc_TabError,
    PyExc_IncompleteInputError, PyExc_SystemError, PyExc_TypeError, PyExc_ValueError,
    PyExc_UnicodeError, PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError,
    PyExc_UnicodeTranslateError, PyExc_Warning, PyExc_BytesWarning, PyExc_DeprecationWarning,
    PyExc_EncodingWarning, PyExc_FutureWarning, PyExc_ImportWarning,
    PyExc_PendingDeprecationWarning, PyExc_ResourceWarning, PyExc_RuntimeWarning,
    PyExc_SyntaxWarning, PyExc_UnicodeWarning, PyExc_UserWarning,
]


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    PyErr_Format(PyExc_TypeError, msg)


def PyExceptionInstance_Check(op: PyObject) -> bool:
    """CPython: Include/pyerrors.h:PyExceptionInstance_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS) != 0


def PyExceptionClass_Check(op: PyObject) -> bool:
    """CPython: Include/pyerrors.h:PyExceptionClass_Check"""
    return isinstance(op, PyTypeObject) and (op.tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS) != 0


def _no_keywords(tp: PyTypeObject, kwds: Optional[PyObject]) -> None:
    """CPython: Python/getargs.c:_PyArg_NoKeywords"""
    if kwds is None:
        return
    from pyvm.objects.dictobject import PyDict_Size  # cycle
    if PyDict_Size(kwds) > 0:
        _type_error(f"{tp.tp_name}() takes no keyword arguments")


def _args_of(args: Optional[PyObject]) -> PyObject:
    """pyvm: the argument tuple a new exception keeps (C's ``Py_NewRef(args)``)."""
    if args is None:
        return _empty_tuple()
    Py_INCREF(args)
    return args


# --- tp_new of each layout --------------------------------------------------


def BaseException_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException_new"""
    return PyBaseExceptionObject(tp, _args_of(args))


def SyntaxError_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``BaseException_new`` with the SyntaxError layout (C allocates by ``tp_basicsize``)."""
    return PySyntaxErrorObject(tp, _args_of(args))


def ImportError_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``BaseException_new`` with the ImportError layout."""
    return PyImportErrorObject(tp, _args_of(args))


def UnicodeError_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``BaseException_new`` with the UnicodeError layout."""
    return PyUnicodeErrorObject(tp, _args_of(args))


def SystemExit_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``BaseException_new`` with the SystemExit layout."""
    return PySystemExitObject(tp, _args_of(args))


def OSError_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/exceptions.c:OSError_new

    ``OSError(errno, strerror)`` becomes the subclass its errno maps to
    (``_PyExc_InitState``'s errnomap, with the host's errno numbers); the fields are
    set by ``OSError_init``, which ``type_call`` runs on the subclass instance too.
    """
    if tp is PyExc_OSError:
        items = _tuple_items(args)
        if len(items) >= 2:
            from pyvm.objects.longobject import PyLongObject  # cycle
            e = items[0]
            if isinstance(e, PyLongObject) and e.ob_type.tp_name == "int":
                sub = _errnomap().get(e.ob_ival)
                if sub is not None:
                    tp = sub
    return PyOSErrorObject(tp, _args_of(args))


class _ErrnoMap:
    """pyvm: ``interp->exc_state.errnomap``, built on first use."""

    table: dict[int, PyTypeObject]

    def __init__(self) -> None:
        self.table = {}


_errnomap_state: Final = _ErrnoMap()


def _errnomap() -> dict[int, PyTypeObject]:
    """CPython: Objects/exceptions.c:_PyBuiltins_AddExceptions (the ADD_ERRNO table)"""
    m = _errnomap_state.table
    if m:
        return m
    import errno as E

    def add(tp: PyTypeObject, name: str) -> None:
        """pyvm: C's ADD_ERRNO macro, for errno names the host knows."""
        if hasattr(E, name):
            m[int(getattr(E, name))] = tp

    for n in ("EAGAIN", "EALREADY", "EINPROGRESS", "EWOULDBLOCK"):
        add(PyExc_BlockingIOError, n)
    for n in ("EPIPE", "ESHUTDOWN"):
        add(PyExc_BrokenPipeError, n)
    add(PyExc_ChildProcessError, "ECHILD")
    add(PyExc_ConnectionAbortedError, "ECONNABORTED")
    add(PyExc_ConnectionRefusedError, "ECONNREFUSED")
    add(PyExc_ConnectionResetError, "ECONNRESET")
    add(PyExc_FileExistsError, "EEXIST")
    add(PyExc_FileNotFoundError, "ENOENT")
    add(PyExc_IsADirectoryError, "EISDIR")
    add(PyExc_NotADirectoryError, "ENOTDIR")
    add(PyExc_InterruptedError, "EINTR")
    for n in ("EACCES", "EPERM", "ENOTCAPABLE"):
        add(PyExc_PermissionError, n)
    add(PyExc_ProcessLookupError, "ESRCH")
    add(PyExc_TimeoutError, "ETIMEDOUT")
    return m


def StopIteration_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``BaseException_new`` with the StopIteration layout."""
    return PyStopIterationObject(tp, _args_of(args))


def NameError_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``BaseException_new`` with the NameError layout."""
    return PyNameErrorObject(tp, _args_of(args))


def AttributeError_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """pyvm: ``BaseException_new`` with the AttributeError layout."""
    return PyAttributeErrorObject(tp, _args_of(args))


# --- tp_init -------------------------------------------------------------------


def BaseException_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:BaseException_init"""
    assert isinstance(op, PyBaseExceptionObject)
    _no_keywords(op.ob_type, kwds)
    Py_INCREF(args)
    old = op.args
    op.args = args
    Py_DECREF(old)


def _base_init_nokw(op: PyBaseExceptionObject, args: PyObject) -> None:
    """pyvm: ``BaseException_init`` without its keyword check."""
    Py_INCREF(args)
    old = op.args
    op.args = args
    Py_DECREF(old)


def _parse_kwonly(tpname: str, kwds: Optional[PyObject], names: list[str]) -> list[Optional[PyObject]]:
    """CPython: Python/getargs.c:PyArg_ParseTupleAndKeywords

    pyvm: the ``"|$O..."`` keyword-only case the exception inits use. Returns
    borrowed values in the order of ``names``.
    """
    out: list[Optional[PyObject]] = [None] * len(names)
    if kwds is None:
        return out
    from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_Keys, PyDict_Size  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    found = 0
    for i, n in enumerate(names):
        v = PyDict_GetItemWithError(kwds, PyUnicode_InternFromString(n))
        if v is not None:
            out[i] = v
            found += 1
    if found != PyDict_Size(kwds):
        keys = PyDict_Keys(kwds)
        from pyvm.objects.listobject import PyListObject  # cycle
        assert isinstance(keys, PyListObject)
        for k in keys.ob_item:
            ks = _unicode_value(k)
            if ks not in names:
                Py_DECREF(keys)
                _type_error(f"{tpname}() got an unexpected keyword argument '{ks}'")
        Py_DECREF(keys)
    return out


def SyntaxError_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:SyntaxError_init"""
    assert isinstance(op, PySyntaxErrorObject)
    BaseException_init(op, args, kwds)
    items = _tuple_items(args)
    if len(items) >= 1:
        op.msg = _set_field(op.msg, items[0])
    if len(items) == 2:
        from pyvm.objects.abstract import PySequence_Tuple  # cycle
        info = PySequence_Tuple(items[1])
        try:
            it = _tuple_items(info)
            if len(it) < 4 or len(it) > 7:
                if len(it) < 4:
                    _type_error(f"function takes at least 4 arguments ({len(it)} given)")
                _type_error(f"function takes at most 7 arguments ({len(it)} given)")
            op.filename = _set_field(op.filename, it[0])
            op.lineno = _set_field(op.lineno, it[1])
            op.offset = _set_field(op.offset, it[2])
            op.text = _set_field(op.text, it[3])
            op.end_lineno = _set_field(op.end_lineno, it[4] if len(it) > 4 else None)
            op.end_offset = _set_field(op.end_offset, it[5] if len(it) > 5 else None)
            op.metadata = _set_field(op.metadata, it[6] if len(it) > 6 else None)
        finally:
            Py_DECREF(info)
        if op.end_lineno is not None and op.end_offset is None:
            _type_error("end_offset must be provided when end_lineno is provided")


def ImportError_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:ImportError_init"""
    assert isinstance(op, PyImportErrorObject)
    vals = _parse_kwonly(op.ob_type.tp_name, kwds, ["name", "path", "name_from"])
    _base_init_nokw(op, args)
    op.name = _set_field(op.name, vals[0])
    op.path = _set_field(op.path, vals[1])
    op.name_from = _set_field(op.name_from, vals[2])
    items = _tuple_items(args)
    op.msg = _set_field(op.msg, items[0] if len(items) == 1 else None)


def SystemExit_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:SystemExit_init"""
    assert isinstance(op, PySystemExitObject)
    BaseException_init(op, args, kwds)
    items = _tuple_items(args)
    if len(items) == 0:
        return
    op.code = _set_field(op.code, items[0] if len(items) == 1 else args)


def OSError_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:OSError_init

    CPython: Objects/exceptions.c:oserror_parse_args
    CPython: Objects/exceptions.c:oserror_init
    """
    assert isinstance(op, PyOSErrorObject)
    _no_keywords(op.ob_type, kwds)
    items = _tuple_items(args)
    n = len(items)
    if 2 <= n <= 5:
        op.myerrno = _set_field(op.myerrno, items[0])
        op.strerror = _set_field(op.strerror, items[1])
        if n >= 3:
            fn = items[2]
            if op.ob_type is PyExc_BlockingIOError:
                from pyvm.objects.abstract import PyNumber_AsSsize_t  # cycle
                op.written = PyNumber_AsSsize_t(fn, PyExc_ValueError)
            else:
                op.filename = _set_field(op.filename, fn)
                if n >= 5:
                    op.filename2 = _set_field(op.filename2, items[4])
                # C: args is truncated to (errno, strerror) when a filename is given.
                from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
                t = _PyTuple_FromArray(items[:2])
                old = op.args
                op.args = t
                Py_DECREF(old)
                return
    _base_init_nokw(op, args)


def StopIteration_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:StopIteration_init"""
    assert isinstance(op, PyStopIterationObject)
    BaseException_init(op, args, kwds)
    items = _tuple_items(args)
    op.value = _set_field(op.value, items[0] if len(items) > 0 else Py_None)


def NameError_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:NameError_init"""
    assert isinstance(op, PyNameErrorObject)
    _base_init_nokw(op, args)
    vals = _parse_kwonly("NameError", kwds, ["name"])
    op.name = _set_field(op.name, vals[0])


def AttributeError_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:AttributeError_init"""
    assert isinstance(op, PyAttributeErrorObject)
    _base_init_nokw(op, args)
    vals = _parse_kwonly("AttributeError", kwds, ["name", "obj"])
    op.name = _set_field(op.name, vals[0])
    op.obj = _set_field(op.obj, vals[1])


def UnicodeError_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:UnicodeEncodeError_init

    CPython: Objects/exceptions.c:UnicodeDecodeError_init
    CPython: Objects/exceptions.c:UnicodeTranslateError_init
    pyvm: one init for the three (the argument kinds are checked loosely).
    """
    assert isinstance(op, PyUnicodeErrorObject)
    BaseException_init(op, args, kwds)
    tp = op.ob_type
    items = _tuple_items(args)
    from pyvm.objects.abstract import PyNumber_AsSsize_t  # cycle
    if tp is PyExc_UnicodeTranslateError:
        if len(items) != 4:
            _type_error(f"function takes exactly 4 arguments ({len(items)} given)")
        op.object = _set_field(op.object, items[0])
        op.start = PyNumber_AsSsize_t(items[1], None)
        op.end = PyNumber_AsSsize_t(items[2], None)
        op.reason = _set_field(op.reason, items[3])
    elif tp is PyExc_UnicodeEncodeError or tp is PyExc_UnicodeDecodeError or \
            _is_sub(tp, PyExc_UnicodeEncodeError) or _is_sub(tp, PyExc_UnicodeDecodeError):
        if len(items) != 5:
            _type_error(f"function takes exactly 5 arguments ({len(items)} given)")
        op.encoding = _set_field(op.encoding, items[0])
        op.object = _set_field(op.object, items[1])
        op.start = PyNumber_AsSsize_t(items[2], None)
        op.end = PyNumber_AsSsize_t(items[3], None)
        op.reason = _set_field(op.reason, items[4])


def _is_sub(a: PyTypeObject, b: PyTypeObject) -> bool:
    """pyvm: ``PyType_IsSubtype``."""
    return PyType_IsSubtype(a, b)


# --- str / repr ------------------------------------------------------------------


def BaseException_str(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException_str"""
    assert isinstance(op, PyBaseExceptionObject)
    items = _tuple_items(op.args)
    if len(items) == 0:
        return _new_str("")
    if len(items) == 1:
        return PyObject_Str(items[0])
    return PyObject_Str(op.args)


def BaseException_repr(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException_repr"""
    assert isinstance(op, PyBaseExceptionObject)
    from pyvm.objects.typeobject import _PyType_Name  # cycle
    name = _PyType_Name(op.ob_type)
    items = _tuple_items(op.args)
    if len(items) == 1:
        return _new_str(f"{name}({_PyObject_ReprStr(items[0])})")
    return _new_str(f"{name}{_PyObject_ReprStr(op.args)}")


def KeyError_str(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:KeyError_str"""
    assert isinstance(op, PyBaseExceptionObject)
    items = _tuple_items(op.args)
    if len(items) == 1:
        return PyObject_Repr(items[0])
    return BaseException_str(op)


def _basename(s: str) -> str:
    """CPython: Objects/exceptions.c:my_basename"""
    i = s.rfind("/")
    return s[i + 1:] if i >= 0 else s


def SyntaxError_str(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:SyntaxError_str"""
    assert isinstance(op, PySyntaxErrorObject)
    from pyvm.objects.longobject import PyLong_Type, PyLongObject  # cycle
    fn = op.filename
    filename: Optional[str] = None
    if fn is not None and PyUnicode_Check(fn):
        filename = _basename(_unicode_value(fn))
    ln = op.lineno
    lineno: Optional[int] = None
    if ln is not None and ln.ob_type is PyLong_Type:
        assert isinstance(ln, PyLongObject)
        lineno = ln.ob_ival
    m = op.msg
    msg = _PyObject_StrStr(m if m is not None else Py_None)
    if filename is None and lineno is None:
        return _new_str(msg)
    if filename is not None and lineno is not None:
        return _new_str(f"{msg} ({filename}, line {lineno})")
    if filename is not None:
        return _new_str(f"{msg} ({filename})")
    return _new_str(f"{msg} (line {lineno})")


def ImportError_str(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:ImportError_str"""
    assert isinstance(op, PyImportErrorObject)
    m = op.msg
    from pyvm.objects.unicodeobject import PyUnicode_Type  # cycle
    if m is not None and m.ob_type is PyUnicode_Type:
        Py_INCREF(m)
        return m
    return BaseException_str(op)


def OSError_str(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:OSError_str"""
    assert isinstance(op, PyOSErrorObject)

    def or_none(x: Optional[PyObject]) -> PyObject:
        """pyvm: a helper of this module."""
        return x if x is not None else Py_None

    if op.filename is not None:
        if op.filename2 is not None:
            return _new_str(f"[Errno {_PyObject_StrStr(or_none(op.myerrno))}] "
                            f"{_PyObject_StrStr(or_none(op.strerror))}: "
                            f"{_PyObject_ReprStr(op.filename)} -> {_PyObject_ReprStr(op.filename2)}")
        return _new_str(f"[Errno {_PyObject_StrStr(or_none(op.myerrno))}] "
                        f"{_PyObject_StrStr(or_none(op.strerror))}: {_PyObject_ReprStr(op.filename)}")
    if op.myerrno is not None and op.strerror is not None:
        return _new_str(f"[Errno {_PyObject_StrStr(op.myerrno)}] {_PyObject_StrStr(op.strerror)}")
    return BaseException_str(op)


def PyUnicodeDecodeError_Create(encoding: str, obj: bytes, start: int, end: int,
                                reason: str) -> PyObject:
    """CPython: Objects/exceptions.c:PyUnicodeDecodeError_Create

    A new ``UnicodeDecodeError(encoding, obj, start, end, reason)``, made by
    calling the type as C's ``PyObject_CallFunction(..., "sy#nns", ...)`` does."""
    from pyvm.objects.bytesobject import PyBytes_FromStringAndSize  # cycle
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    args = _PyTuple_FromArraySteal([
        _new_str(encoding), PyBytes_FromStringAndSize(obj),
        PyLong_FromLong(start), PyLong_FromLong(end), _new_str(reason)])
    try:
        return PyObject_CallObject(PyExc_UnicodeDecodeError, args)
    finally:
        Py_DECREF(args)


def UnicodeError_str(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:UnicodeEncodeError_str

    CPython: Objects/exceptions.c:UnicodeDecodeError_str
    CPython: Objects/exceptions.c:UnicodeTranslateError_str
    """
    assert isinstance(op, PyUnicodeErrorObject)
    if op.object is None:
        return _new_str("")
    reason = _PyObject_StrStr(op.reason if op.reason is not None else Py_None)
    enc = _PyObject_StrStr(op.encoding if op.encoding is not None else Py_None)
    start, end = op.start, op.end
    tp = op.ob_type
    obj = op.object
    if _is_sub(tp, PyExc_UnicodeDecodeError):
        from pyvm.objects.bytesobject import PyBytesObject  # cycle
        if isinstance(obj, PyBytesObject) and 0 <= start < len(obj.ob_sval) and end == start + 1:
            return _new_str(f"'{enc}' codec can't decode byte 0x{obj.ob_sval[start]:02x} "
                            f"in position {start}: {reason}")
        return _new_str(f"'{enc}' codec can't decode bytes in position {start}-{end - 1}: {reason}")
    s = _unicode_value(obj) if obj.ob_type.tp_flags & (1 << 28) else ""
    if 0 <= start < len(s) and end == start + 1:
        c = ord(s[start])
        if c <= 0xff:
            ch = f"\\x{c:02x}"
        elif c <= 0xffff:
            ch = f"\\u{c:04x}"
        else:
            ch = f"\\U{c:08x}"
        if _is_sub(tp, PyExc_UnicodeEncodeError):
            return _new_str(f"'{enc}' codec can't encode character '{ch}' in position {start}: {reason}")
        return _new_str(f"can't translate character '{ch}' in position {start}: {reason}")
    if _is_sub(tp, PyExc_UnicodeEncodeError):
        return _new_str(f"'{enc}' codec can't encode characters in position {start}-{end - 1}: {reason}")
    return _new_str(f"can't translate characters in position {start}-{end - 1}: {reason}")


# --- dealloc, getsets, methods ---------------------------------------------------


def BaseException_dealloc(op: PyObject) -> None:
    """CPython: Objects/exceptions.c:BaseException_dealloc"""
    assert isinstance(op, PyBaseExceptionObject)
    op.exc_clear()
    Py_DECREF(op.args)


def BaseException_get_args(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException_args_get_impl"""
    assert isinstance(op, PyBaseExceptionObject)
    Py_INCREF(op.args)
    return op.args


def BaseException_set_args(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:BaseException_args_set_impl"""
    assert isinstance(op, PyBaseExceptionObject)
    if value is None:
        _type_error("args may not be deleted")
    assert value is not None
    from pyvm.objects.abstract import PySequence_Tuple  # cycle
    t = PySequence_Tuple(value)
    old = op.args
    op.args = t
    Py_DECREF(old)


def BaseException_get_tb(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException___traceback___get_impl"""
    assert isinstance(op, PyBaseExceptionObject)
    tb = op.traceback
    if tb is None:
        return Py_None
    Py_INCREF(tb)
    return tb


def PyException_SetTraceback(op: PyObject, tb: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:PyException_SetTraceback

    ``tb`` is a traceback object or None (for Python's None too).
    """
    assert isinstance(op, PyBaseExceptionObject)
    if tb is Py_None:
        tb = None
    op.traceback = _set_field(op.traceback, tb)


def PyException_GetTraceback(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/exceptions.c:PyException_GetTraceback

    A new reference to ``__traceback__``, or None.
    """
    assert isinstance(op, PyBaseExceptionObject)
    return _set_field(None, op.traceback)


def PyException_GetContext(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/exceptions.c:PyException_GetContext

    A new reference to ``__context__``, or None.
    """
    assert isinstance(op, PyBaseExceptionObject)
    return _set_field(None, op.context)


def PyException_SetContext(op: PyObject, context: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:PyException_SetContext

    Steals ``context`` (None clears it).
    """
    assert isinstance(op, PyBaseExceptionObject)
    old = op.context
    op.context = context
    Py_XDECREF(old)


def PyException_GetCause(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/exceptions.c:PyException_GetCause

    A new reference to ``__cause__``, or None.
    """
    assert isinstance(op, PyBaseExceptionObject)
    return _set_field(None, op.cause)


def PyException_SetCause(op: PyObject, cause: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:PyException_SetCause

    Steals ``cause`` and sets ``__suppress_context__``.
    """
    assert isinstance(op, PyBaseExceptionObject)
    op.suppress_context = True
    old = op.cause
    op.cause = cause
    Py_XDECREF(old)


def PyException_GetArgs(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:PyException_GetArgs"""
    assert isinstance(op, PyBaseExceptionObject)
    Py_INCREF(op.args)
    return op.args


def PyException_SetArgs(op: PyObject, args: PyObject) -> None:
    """CPython: Objects/exceptions.c:PyException_SetArgs"""
    assert isinstance(op, PyBaseExceptionObject)
    Py_INCREF(args)
    old = op.args
    op.args = args
    Py_DECREF(old)


def BaseException_set_tb(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:BaseException___traceback___set_impl"""
    if value is None:
        _type_error("__traceback__ may not be deleted")
    assert value is not None
    if value is not Py_None and value.ob_type.tp_name != "traceback":
        _type_error("__traceback__ must be a traceback or None")
    PyException_SetTraceback(op, value)


def BaseException_get_context(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException___context___get_impl"""
    assert isinstance(op, PyBaseExceptionObject)
    c = op.context
    if c is None:
        return Py_None
    Py_INCREF(c)
    return c


def BaseException_set_context(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:BaseException___context___set_impl"""
    assert isinstance(op, PyBaseExceptionObject)
    if value is None:
        _type_error("__context__ may not be deleted")
    assert value is not None
    if value is Py_None:
        op.context = _set_field(op.context, None)
    elif PyExceptionInstance_Check(value):
        op.context = _set_field(op.context, value)
    else:
        _type_error("exception context must be None or derive from BaseException")


def BaseException_get_cause(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException___cause___get_impl"""
    assert isinstance(op, PyBaseExceptionObject)
    c = op.cause
    if c is None:
        return Py_None
    Py_INCREF(c)
    return c


def BaseException_set_cause(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:BaseException___cause___set_impl

    CPython: Objects/exceptions.c:PyException_SetCause
    """
    assert isinstance(op, PyBaseExceptionObject)
    if value is None:
        _type_error("__cause__ may not be deleted")
    assert value is not None
    if value is Py_None:
        op.cause = _set_field(op.cause, None)
    elif PyExceptionInstance_Check(value):
        op.cause = _set_field(op.cause, value)
    else:
        _type_error("exception cause must be None or derive from BaseException")
    op.suppress_context = True


def _get_suppress_context(op: PyObject) -> PyObject:
    """pyvm: the ``__suppress_context__`` member (a C bool field)."""
    assert isinstance(op, PyBaseExceptionObject)
    from pyvm.objects.boolobject import PyBool_FromLong  # cycle
    return PyBool_FromLong(1 if op.suppress_context else 0)


def _set_suppress_context(op: PyObject, value: Optional[PyObject]) -> None:
    """pyvm: the ``__suppress_context__`` member setter."""
    assert isinstance(op, PyBaseExceptionObject)
    if value is None:
        _type_error("can't delete numeric/char attribute")
    assert value is not None
    from pyvm.objects.boolobject import PyBool_Type  # cycle
    if value.ob_type is not PyBool_Type:
        _type_error("attribute value type must be bool")
    op.suppress_context = PyObject_IsTrue(value)


def _get_dict(op: PyObject) -> PyObject:
    """CPython: Objects/object.c:PyObject_GenericSetDict"""
    assert isinstance(op, PyBaseExceptionObject)
    d = op.ob_dict
    if d is None:
        from pyvm.objects.dictobject import PyDict_New  # cycle
        d = PyDict_New()
        op.ob_dict = d
    Py_INCREF(d)
    return d


def _set_dict(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/object.c:PyObject_GenericSetDict"""
    assert isinstance(op, PyBaseExceptionObject)
    if value is None:
        _type_error("cannot delete __dict__")
    assert value is not None
    from pyvm.objects.dictobject import PyDictObject  # cycle
    if not isinstance(value, PyDictObject):
        _type_error(f"__dict__ must be set to a dictionary, not a '{value.ob_type.tp_name}'")
    Py_INCREF(value)
    old = op.ob_dict
    op.ob_dict = value
    Py_XDECREF(old)


def BaseException_with_traceback(op: PyObject, tb: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException_with_traceback_impl"""
    BaseException_set_tb(op, tb)
    Py_INCREF(op)
    return op


def BaseException_add_note(op: PyObject, note: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseException_add_note_impl"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    from pyvm.objects.listobject import PyList_Append, PyList_New, PyListObject  # cycle
    if not PyUnicode_Check(note):
        # The Argument Clinic wrapper (Objects/clinic/exceptions.c.h) checks the type.
        _type_error(f"add_note() argument must be str, not {_arg_type_name(note)}")
    key = PyUnicode_InternFromString("__notes__")
    notes = PyObject_GetOptionalAttr(op, key)
    if notes is None:
        notes = PyList_New(0)
        try:
            PyObject_SetAttr(op, key, notes)
        except PyErr:
            Py_DECREF(notes)
            raise
    elif not isinstance(notes, PyListObject):
        Py_DECREF(notes)
        _type_error("Cannot add note: __notes__ is not a list")
    try:
        PyList_Append(notes, note)
    finally:
        Py_DECREF(notes)
    return Py_None


def _arg_type_name(o: PyObject) -> str:
    """CPython: Python/getargs.c:_PyArg_BadArgument

    The type name an argument error shows (``None`` for None).
    """
    if o is Py_None:
        return "None"
    return o.ob_type.tp_name


def _opt_get(v: Optional[PyObject]) -> PyObject:
    """pyvm: read a ``Py_T_OBJECT`` member: NULL reads as None."""
    if v is None:
        return Py_None
    Py_INCREF(v)
    return v


def _opt_set(v: Optional[PyObject]) -> Optional[PyObject]:
    """pyvm: what a ``Py_T_OBJECT`` member stores (deleting stores NULL)."""
    if v is not None:
        Py_INCREF(v)
    return v


# Member accessors (C's PyMemberDef tables with offsets).

def _se_msg_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``msg`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.msg)


def _se_msg_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``msg`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.msg)
    op.msg = n


def _se_filename_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``filename`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.filename)


def _se_filename_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``filename`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.filename)
    op.filename = n


def _se_lineno_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``lineno`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.lineno)


def _se_lineno_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``lineno`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.lineno)
    op.lineno = n


def _se_offset_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``offset`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.offset)


def _se_offset_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``offset`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.offset)
    op.offset = n


def _se_text_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``text`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.text)


def _se_text_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``text`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.text)
    op.text = n


def _se_end_lineno_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``end_lineno`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.end_lineno)


def _se_end_lineno_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``end_lineno`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.end_lineno)
    op.end_lineno = n


def _se_end_offset_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``end_offset`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.end_offset)


def _se_end_offset_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``end_offset`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.end_offset)
    op.end_offset = n


def _se_pfl_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``pfl`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.print_file_and_line)


def _se_pfl_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``pfl`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.print_file_and_line)
    op.print_file_and_line = n


def _se_metadata_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``metadata`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    return _opt_get(op.metadata)


def _se_metadata_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``metadata`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySyntaxErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.metadata)
    op.metadata = n


def _ie_msg_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``msg`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    return _opt_get(op.msg)


def _ie_msg_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``msg`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.msg)
    op.msg = n


def _ie_name_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``name`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    return _opt_get(op.name)


def _ie_name_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``name`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.name)
    op.name = n


def _ie_path_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``path`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    return _opt_get(op.path)


def _ie_path_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``path`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.path)
    op.path = n


def _ie_name_from_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``name_from`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    return _opt_get(op.name_from)


def _ie_name_from_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``name_from`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyImportErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.name_from)
    op.name_from = n


def _sx_code_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``code`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySystemExitObject)
    return _opt_get(op.code)


def _sx_code_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``code`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PySystemExitObject)
    n = _opt_set(v)
    Py_XDECREF(op.code)
    op.code = n


def _si_value_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``value`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyStopIterationObject)
    return _opt_get(op.value)


def _si_value_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``value`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyStopIterationObject)
    n = _opt_set(v)
    Py_XDECREF(op.value)
    op.value = n


def _ne_name_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``name`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyNameErrorObject)
    return _opt_get(op.name)


def _ne_name_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``name`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyNameErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.name)
    op.name = n


def _ae_name_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``name`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyAttributeErrorObject)
    return _opt_get(op.name)


def _ae_name_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``name`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyAttributeErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.name)
    op.name = n


def _ae_obj_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``obj`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyAttributeErrorObject)
    return _opt_get(op.obj)


def _ae_obj_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``obj`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyAttributeErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.obj)
    op.obj = n


def _os_errno_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``errno`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    return _opt_get(op.myerrno)


def _os_errno_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``errno`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.myerrno)
    op.myerrno = n


def _os_strerror_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``strerror`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    return _opt_get(op.strerror)


def _os_strerror_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``strerror`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.strerror)
    op.strerror = n


def _os_filename_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``filename`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    return _opt_get(op.filename)


def _os_filename_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``filename`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.filename)
    op.filename = n


def _os_filename2_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``filename2`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    return _opt_get(op.filename2)


def _os_filename2_set(op: PyObject, v: Optional[PyObject]) -> None:
    """pyvm: the setter of the ``filename2`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyOSErrorObject)
    n = _opt_set(v)
    Py_XDECREF(op.filename2)
    op.filename2 = n


def _ue_encoding_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``encoding`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyUnicodeErrorObject)
    return _opt_get(op.encoding)


def _ue_object_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``object`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyUnicodeErrorObject)
    return _opt_get(op.object)


def _ue_reason_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``reason`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyUnicodeErrorObject)
    return _opt_get(op.reason)


def _ue_start_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``start`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyUnicodeErrorObject)
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    return PyLong_FromLong(op.start)


def _ue_end_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``end`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyUnicodeErrorObject)
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    return PyLong_FromLong(op.end)


# ---------------------------------------------------------------------------
# Exception groups: BaseExceptionGroup extends BaseException, ExceptionGroup
# extends BaseExceptionGroup and Exception


def _PyBaseExceptionGroup_Check(op: PyObject) -> bool:
    """CPython: Objects/exceptions.c:PyBaseExceptionGroupObject_CAST

    pyvm: C's ``_PyBaseExceptionGroup_Check`` macro (the type check the cast
    asserts): is ``op`` an instance of ``BaseExceptionGroup``?
    """
    return _is_sub(op.ob_type, PyExc_BaseExceptionGroup)


def _eg(op: PyObject) -> PyBaseExceptionGroupObject:
    """CPython: Objects/exceptions.c:PyBaseExceptionGroupObject_CAST"""
    assert isinstance(op, PyBaseExceptionGroupObject)
    return op


def create_exception_group_class() -> PyTypeObject:
    """CPython: Objects/exceptions.c:create_exception_group_class

    ``ExceptionGroup`` gets its bases ``(BaseExceptionGroup, Exception)`` and is
    readied, once. pyvm: the type object itself is static (``PyExc_ExceptionGroup``).
    """
    tp = PyExc_ExceptionGroup
    if tp.tp_bases is None:
        from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
        from pyvm.objects.typeobject import PyType_Ready  # cycle
        PyType_Ready(PyExc_BaseExceptionGroup)
        PyType_Ready(PyExc_Exception)
        tp.tp_bases = _PyTuple_FromArray([PyExc_BaseExceptionGroup, PyExc_Exception])
        PyType_Ready(tp)
    return tp


def _PyExc_InitState() -> None:
    """CPython: Objects/exceptions.c:_PyExc_InitState

    pyvm: only the part that makes ``ExceptionGroup`` (the errno map is built on
    first use).
    """
    create_exception_group_class()


def BaseExceptionGroup_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/exceptions.c:BaseExceptionGroup_new

    ``(message, exceptions)``: a str and a non-empty sequence of exception
    instances, kept as a tuple. ``BaseExceptionGroup(...)`` of Exceptions only
    makes an ``ExceptionGroup``; ``ExceptionGroup`` (and a user subclass of
    ``Exception``) refuses BaseExceptions.
    """
    eg_type = create_exception_group_class()
    from pyvm.objects.abstract import PyObject_IsInstance, PySequence_Check, PySequence_Tuple  # cycle
    items = _tuple_items(args)
    # PyArg_ParseTuple(args, "UO:BaseExceptionGroup.__new__", ...)
    if len(items) != 2:
        _type_error(f"BaseExceptionGroup.__new__() takes exactly 2 arguments ({len(items)} given)")
    message = items[0]
    exceptions = items[1]
    if not PyUnicode_Check(message):
        _type_error(f"BaseExceptionGroup.__new__() argument 1 must be str, not "
                    f"{_arg_type_name(message)}")
    if not PySequence_Check(exceptions):
        _type_error("second argument (exceptions) must be a sequence")
    from pyvm.objects.listobject import PyList_Check  # cycle
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    exceptions_str: Optional[PyObject] = None
    # Save the sequence's repr in case it is mutated later.
    if not PyList_Check(exceptions) and not isinstance(exceptions, PyTupleObject):
        exceptions_str = PyObject_Repr(exceptions)
    try:
        excs = PySequence_Tuple(exceptions)
    except PyErr:
        Py_XDECREF(exceptions_str)
        raise
    # From here we hold a reference to the tuple.
    try:
        exc_items = _tuple_items(excs)
        if len(exc_items) == 0:
            PyErr_Format(PyExc_ValueError, "second argument (exceptions) must be a non-empty sequence")
        nested_base_exceptions = False
        for i, exc in enumerate(exc_items):
            if not PyExceptionInstance_Check(exc):
                PyErr_Format(PyExc_ValueError,
                             f"Item {i} of second argument (exceptions) is not an exception")
            if not PyObject_IsInstance(exc, PyExc_Exception):
                nested_base_exceptions = True
        cls = tp
        if cls is eg_type:
            if nested_base_exceptions:
                _type_error("Cannot nest BaseExceptions in an ExceptionGroup")
        elif cls is PyExc_BaseExceptionGroup:
            if not nested_base_exceptions:
                # All nested exceptions are Exceptions: wrap them in an ExceptionGroup.
                cls = eg_type
        elif nested_base_exceptions:
            # A user-defined subclass.
            if _is_sub(cls, PyExc_Exception):
                _type_error(f"Cannot nest BaseExceptions in '{cls.tp_name}'")
    except PyErr:
        Py_DECREF(excs)
        Py_XDECREF(exceptions_str)
        raise
    self = PyBaseExceptionGroupObject(cls, _args_of(args))
    Py_INCREF(message)
    self.msg = message
    self.excs = excs
    self.excs_str = exceptions_str
    return self


def _PyExc_CreateExceptionGroup(msg_str: str, excs: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:_PyExc_CreateExceptionGroup

    ``BaseExceptionGroup(msg_str, excs)``: a new reference. ``excs`` (a list or
    tuple of exceptions) is borrowed.
    """
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    msg = _new_str(msg_str)
    args = _PyTuple_FromArray([msg, excs])
    Py_DECREF(msg)
    try:
        return PyObject_CallObject(PyExc_BaseExceptionGroup, args)
    finally:
        Py_DECREF(args)


def BaseExceptionGroup_init(op: PyObject, args: PyObject, kwds: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:BaseExceptionGroup_init"""
    _no_keywords(op.ob_type, kwds)
    BaseException_init(op, args, kwds)


def BaseExceptionGroup_str(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseExceptionGroup_str

    ``"msg (1 sub-exception)"`` / ``"msg (N sub-exceptions)"``.
    """
    self = _eg(op)
    assert self.msg is not None and self.excs is not None
    s = PyObject_Str(self.msg)
    text = _unicode_value(s)
    Py_DECREF(s)
    n = len(_tuple_items(self.excs))
    return _new_str(f"{text} ({n} sub-exception{'s' if n > 1 else ''})")


def BaseExceptionGroup_repr(op: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseExceptionGroup_repr

    ``Name('msg', [...])``: the saved repr of a custom sequence, else
    ``self.exceptions`` shown as a list when ``args[1]`` is a list (as it was
    given), else as the tuple.
    """
    self = _eg(op)
    assert self.msg is not None and self.excs is not None
    if self.excs_str is not None:
        exceptions_str = _unicode_value(self.excs_str)
    else:
        from pyvm.objects.listobject import PyList_Check, PySequence_List  # cycle
        a = _tuple_items(self.args)
        if len(a) > 1 and PyList_Check(a[1]):
            lst = PySequence_List(self.excs)
            try:
                r = PyObject_Repr(lst)
            finally:
                Py_DECREF(lst)
        else:
            r = PyObject_Repr(self.excs)
        exceptions_str = _unicode_value(r)
        Py_DECREF(r)
    from pyvm.objects.typeobject import _PyType_Name  # cycle
    return _new_str(f"{_PyType_Name(self.ob_type)}({_PyObject_ReprStr(self.msg)}, {exceptions_str})")


def BaseExceptionGroup_derive_impl(op: PyObject, excs: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseExceptionGroup_derive_impl

    ``BaseExceptionGroup(self.message, excs)`` (subclasses override it to keep
    their type in ``split``/``subgroup``).
    """
    self = _eg(op)
    assert self.msg is not None
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    init_args = _PyTuple_FromArray([self.msg, excs])
    try:
        return PyObject_CallObject(PyExc_BaseExceptionGroup, init_args)
    finally:
        Py_DECREF(init_args)


def exceptiongroup_subset(orig: PyBaseExceptionGroupObject, excs: PyObject) -> Optional[PyObject]:
    """CPython: Objects/exceptions.c:exceptiongroup_subset

    The group ``orig.derive(excs)`` carrying ``orig``'s traceback, context,
    cause and a copy of its notes; None (C's NULL result) when ``excs`` is
    empty. ``excs`` is the matching or the rest sub-sequence of
    ``orig.exceptions``. Returns a new reference.
    """
    from pyvm.objects.abstract import PySequence_Check, PySequence_Size  # cycle
    from pyvm.objects.listobject import PySequence_List  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    num_excs = PySequence_Size(excs)
    if num_excs == 0:
        return None
    eg = PyObject_CallMethod(orig, "derive", [excs])
    try:
        if not _PyBaseExceptionGroup_Check(eg):
            _type_error("derive must return an instance of BaseExceptionGroup")
        tb = PyException_GetTraceback(orig)
        if tb is not None:
            PyException_SetTraceback(eg, tb)
            Py_DECREF(tb)
        PyException_SetContext(eg, PyException_GetContext(orig))
        PyException_SetCause(eg, PyException_GetCause(orig))
        key = PyUnicode_InternFromString("__notes__")
        notes = PyObject_GetOptionalAttr(orig, key)
        if notes is not None:
            if PySequence_Check(notes):
                # A copy, so that the parts have independent notes lists.
                try:
                    notes_copy = PySequence_List(notes)
                finally:
                    Py_DECREF(notes)
                try:
                    PyObject_SetAttr(eg, key, notes_copy)
                finally:
                    Py_DECREF(notes_copy)
            else:
                # __notes__ should be a list; split() is not the place to report
                # an earlier user error, so other kinds are ignored.
                Py_DECREF(notes)
    except PyErr:
        Py_DECREF(eg)
        raise
    return eg


# The values of C's _exceptiongroup_split_matcher_type enum. An exception type or a tuple of them.
EXCEPTION_GROUP_MATCH_BY_TYPE: Final = 0
# A callable (other than a class) returning True for matching exceptions.
EXCEPTION_GROUP_MATCH_BY_PREDICATE: Final = 1
# A set of the ids of the leaf exceptions to keep (used by the interpreter to
# build the group that except* re-raises).
EXCEPTION_GROUP_MATCH_INSTANCE_IDS: Final = 2


def get_matcher_type(value: PyObject) -> int:
    """CPython: Objects/exceptions.c:get_matcher_type"""
    from pyvm.objects.tupleobject import PyTuple_CheckExact  # cycle
    if PyCallable_Check(value) and not isinstance(value, PyTypeObject):
        return EXCEPTION_GROUP_MATCH_BY_PREDICATE
    if PyExceptionClass_Check(value):
        return EXCEPTION_GROUP_MATCH_BY_TYPE
    if PyTuple_CheckExact(value):
        if all(PyExceptionClass_Check(e) for e in _tuple_items(value)):
            return EXCEPTION_GROUP_MATCH_BY_TYPE
    _type_error("expected an exception type, a tuple of exception types, "
                "or a callable (other than a class)")
    return -1


def _exc_id(exc: PyObject) -> PyObject:
    """pyvm: C's ``PyLong_FromVoidPtr(exc)``: the object's id (builtin ``id()``)."""
    from pyvm.objects.longobject import PyLong_FromLong  # cycle
    return PyLong_FromLong(id(exc))


def exceptiongroup_split_check_match(exc: PyObject, matcher_type: int,
                                     matcher_value: PyObject) -> bool:
    """CPython: Objects/exceptions.c:exceptiongroup_split_check_match"""
    if matcher_type == EXCEPTION_GROUP_MATCH_BY_TYPE:
        from pyvm.eval.errors import PyErr_GivenExceptionMatches  # cycle: errors imports us
        return PyErr_GivenExceptionMatches(exc, matcher_value)
    if matcher_type == EXCEPTION_GROUP_MATCH_BY_PREDICATE:
        exc_matches = PyObject_CallOneArg(matcher_value, exc)
        try:
            return PyObject_IsTrue(exc_matches)
        finally:
            Py_DECREF(exc_matches)
    if matcher_type == EXCEPTION_GROUP_MATCH_INSTANCE_IDS:
        if not _PyBaseExceptionGroup_Check(exc):
            from pyvm.objects.setobject import PySet_Contains  # cycle
            exc_id = _exc_id(exc)
            try:
                return PySet_Contains(matcher_value, exc_id)
            finally:
                Py_DECREF(exc_id)
        return False
    return False


class _exceptiongroup_split_result:
    """pyvm: mirrors C's ``_exceptiongroup_split_result`` struct (a typedef, not in the index)

    ``match`` and ``rest``: new references or None (C's NULL).
    """

    match: Optional[PyObject]
    rest: Optional[PyObject]

    def __init__(self) -> None:
        self.match = None
        self.rest = None


def exceptiongroup_split_recursive(exc: PyObject, matcher_type: int, matcher_value: PyObject,
                                   construct_rest: bool) -> _exceptiongroup_split_result:
    """CPython: Objects/exceptions.c:exceptiongroup_split_recursive

    Splits ``exc`` into the part that matches and (when ``construct_rest``) the
    part that does not: a full match keeps ``exc`` itself, a leaf either side,
    a group is split member by member and each side rebuilt by
    :func:`exceptiongroup_subset`.
    """
    result = _exceptiongroup_split_result()
    if exceptiongroup_split_check_match(exc, matcher_type, matcher_value):
        # Full match.
        Py_INCREF(exc)
        result.match = exc
        return result
    if not _PyBaseExceptionGroup_Check(exc):
        # A leaf exception that does not match.
        if construct_rest:
            Py_INCREF(exc)
            result.rest = exc
        return result
    # Partial match.
    eg = _eg(exc)
    assert eg.excs is not None
    from pyvm.objects.listobject import PyList_Append, PyList_New  # cycle
    excs = _tuple_items(eg.excs)
    assert len(excs) > 0  # checked by the constructor; excs is read-only
    match_list = PyList_New(0)
    rest_list: Optional[PyObject] = PyList_New(0) if construct_rest else None
    try:
        for e in excs:
            _Py_EnterRecursiveCall(" in exceptiongroup_split_recursive")
            try:
                rec = exceptiongroup_split_recursive(e, matcher_type, matcher_value, construct_rest)
            finally:
                _Py_LeaveRecursiveCall()
            m = rec.match
            r = rec.rest
            if m is not None:
                try:
                    PyList_Append(match_list, m)
                except PyErr:
                    Py_XDECREF(r)
                    raise
                finally:
                    Py_DECREF(m)
            if r is not None:
                assert rest_list is not None
                try:
                    PyList_Append(rest_list, r)
                finally:
                    Py_DECREF(r)
        result.match = exceptiongroup_subset(eg, match_list)
        if rest_list is not None:
            try:
                result.rest = exceptiongroup_subset(eg, rest_list)
            except PyErr:
                Py_XDECREF(result.match)
                result.match = None
                raise
    finally:
        Py_DECREF(match_list)
        Py_XDECREF(rest_list)
    return result


def BaseExceptionGroup_split_impl(op: PyObject, matcher_value: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseExceptionGroup_split_impl

    ``(match, rest)``, each a group or None.
    """
    matcher_type = get_matcher_type(matcher_value)
    res = exceptiongroup_split_recursive(op, matcher_type, matcher_value, True)
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    m = res.match
    r = res.rest
    result = _PyTuple_FromArray([m if m is not None else Py_None, r if r is not None else Py_None])
    Py_XDECREF(m)
    Py_XDECREF(r)
    return result


def BaseExceptionGroup_subgroup_impl(op: PyObject, matcher_value: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:BaseExceptionGroup_subgroup_impl

    The matching part (a group or None).
    """
    matcher_type = get_matcher_type(matcher_value)
    res = exceptiongroup_split_recursive(op, matcher_type, matcher_value, False)
    assert res.rest is None
    m = res.match
    if m is None:
        return Py_None
    return m


def collect_exception_group_leaf_ids(exc: PyObject, leaf_ids: PyObject) -> None:
    """CPython: Objects/exceptions.c:collect_exception_group_leaf_ids

    Adds the ids of all the leaf exceptions of ``exc`` to the set ``leaf_ids``.
    """
    if exc is Py_None:
        return
    assert PyExceptionInstance_Check(exc)
    from pyvm.objects.setobject import PySet_Add  # cycle
    if not _PyBaseExceptionGroup_Check(exc):
        exc_id = _exc_id(exc)
        try:
            PySet_Add(leaf_ids, exc_id)
        finally:
            Py_DECREF(exc_id)
        return
    eg = _eg(exc)
    assert eg.excs is not None
    for e in _tuple_items(eg.excs):
        _Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids")
        try:
            collect_exception_group_leaf_ids(e, leaf_ids)
        finally:
            _Py_LeaveRecursiveCall()


def exception_group_projection(eg: PyObject, keep: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:exception_group_projection

    The sub-group of ``eg`` holding every leaf exception that is in one of the
    groups of the list ``keep``, with ``eg``'s nesting; None when there is none.
    Returns a new reference.
    """
    assert _PyBaseExceptionGroup_Check(eg)
    from pyvm.objects.listobject import PyListObject  # cycle
    from pyvm.objects.setobject import PySet_New  # cycle
    assert isinstance(keep, PyListObject)
    leaf_ids = PySet_New(None)
    try:
        for e in list(keep.ob_item):
            assert _PyBaseExceptionGroup_Check(e)
            collect_exception_group_leaf_ids(e, leaf_ids)
        res = exceptiongroup_split_recursive(eg, EXCEPTION_GROUP_MATCH_INSTANCE_IDS, leaf_ids, False)
    finally:
        Py_DECREF(leaf_ids)
    assert res.rest is None
    m = res.match
    if m is None:
        return Py_None
    return m


def is_same_exception_metadata(exc1: PyObject, exc2: PyObject) -> bool:
    """CPython: Objects/exceptions.c:is_same_exception_metadata

    Whether the two share notes, traceback, cause and context (a re-raise in an
    ``except*`` clause keeps them; a new raise does not).
    """
    assert isinstance(exc1, PyBaseExceptionObject) and isinstance(exc2, PyBaseExceptionObject)
    return (exc1.notes is exc2.notes and exc1.traceback is exc2.traceback
            and exc1.cause is exc2.cause and exc1.context is exc2.context)


def _PyExc_PrepReraiseStar(orig: PyObject, excs: PyObject) -> PyObject:
    """CPython: Objects/exceptions.c:_PyExc_PrepReraiseStar

    The exception to raise at the end of a ``try``-``except*`` (the
    ``PREP_RERAISE_STAR`` intrinsic). ``orig`` is the exception that was caught
    (it has a traceback), ``excs`` the list of what the ``except*`` clauses
    raised or re-raised (None for a clause that raised nothing). The re-raised
    ones keep their nesting in ``orig``; newly raised ones become siblings in a
    new group. Returns a new reference (None when nothing is to be raised);
    both arguments are borrowed.
    """
    assert PyExceptionInstance_Check(orig)
    from pyvm.objects.listobject import PyList_Append, PyList_New, PyListObject  # cycle
    assert isinstance(excs, PyListObject)
    items = list(excs.ob_item)
    numexcs = len(items)
    if numexcs == 0:
        return Py_None
    if not _PyBaseExceptionGroup_Check(orig):
        # A naked exception was caught and wrapped: only one except* clause can
        # have run, so there is at most one exception to raise.
        assert numexcs == 1 or (numexcs == 2 and items[1] is Py_None)
        e = items[0]
        Py_INCREF(e)
        return e
    raised_list = PyList_New(0)
    reraised_list = PyList_New(0)
    try:
        # Split excs into raised and re-raised by comparing metadata with orig.
        for e in items:
            if e is not Py_None:
                PyList_Append(reraised_list if is_same_exception_metadata(e, orig) else raised_list, e)
        reraised_eg = exception_group_projection(orig, reraised_list)
        if reraised_eg is not Py_None:
            assert is_same_exception_metadata(reraised_eg, orig)
        assert isinstance(raised_list, PyListObject)
        if len(raised_list.ob_item) == 0:
            return reraised_eg
        try:
            if reraised_eg is not Py_None:
                PyList_Append(raised_list, reraised_eg)
        finally:
            Py_DECREF(reraised_eg)
        if len(raised_list.ob_item) > 1:
            return _PyExc_CreateExceptionGroup("", raised_list)
        r = raised_list.ob_item[0]
        Py_INCREF(r)
        return r
    finally:
        Py_DECREF(raised_list)
        Py_DECREF(reraised_list)


def PyUnstable_Exc_PrepReraiseStar(orig: Optional[PyObject], excs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/exceptions.c:PyUnstable_Exc_PrepReraiseStar

    :func:`_PyExc_PrepReraiseStar` with its arguments checked.
    """
    if orig is None or not PyExceptionInstance_Check(orig):
        _type_error("orig must be an exception instance")
    from pyvm.objects.listobject import PyList_Check, PyListObject  # cycle
    if excs is None or not PyList_Check(excs):
        _type_error("excs must be a list of exception instances")
    assert orig is not None and isinstance(excs, PyListObject)
    for i, exc in enumerate(excs.ob_item):
        if not (PyExceptionInstance_Check(exc) or exc is Py_None):
            _type_error(f"item {i} of excs is not an exception")
    # In the interpreter orig always has a traceback: it was raised.
    tb = PyException_GetTraceback(orig)
    if tb is None:
        PyErr_Format(PyExc_ValueError, "orig must be a raised exception")
    Py_XDECREF(tb)
    return _PyExc_PrepReraiseStar(orig, excs)


def _eg_message_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the read-only ``message`` member (C's PyMemberDef offset)."""
    return _opt_get(_eg(op).msg)


def _eg_exceptions_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the read-only ``exceptions`` member (C's PyMemberDef offset)."""
    return _opt_get(_eg(op).excs)


# ---------------------------------------------------------------------------
# Raising helpers and the normalization hook


def _PyErr_CreateException(exc_type: PyTypeObject, msg: Optional[str],
                           arg: Optional[PyObject]) -> PyObject:
    """CPython: Python/errors.c:_PyErr_CreateException

    The instance for an unnormalized ``PyErr``: ``msg`` (a host string) becomes
    ``(msg,)``; ``arg`` a tuple its items, another object ``(arg,)``; neither ``()``.
    """
    from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArray  # cycle
    if msg is not None:
        s = _new_str(msg)
        args = _PyTuple_FromArray([s])
        Py_DECREF(s)
    elif arg is None:
        args = _PyTuple_FromArray([])
    elif isinstance(arg, PyTupleObject):
        Py_INCREF(arg)
        args = arg
    else:
        args = _PyTuple_FromArray([arg])
    try:
        from pyvm.objects.typeobject import type_call  # cycle
        exc = type_call(exc_type, args, None)
    finally:
        Py_DECREF(args)
    if not PyExceptionInstance_Check(exc):
        Py_DECREF(exc)
        PyErr_Format(PyExc_TypeError,
                     f"calling {exc_type.tp_name} should have returned an instance of "
                     f"BaseException, not {exc.ob_type.tp_name}")
    return exc


def _PyErr_SetKeyError(arg: PyObject) -> None:
    """CPython: Python/errors.c:_PyErr_SetKeyError

    Raises ``KeyError(arg)`` with ``arg`` as the single argument even when it is a
    tuple.
    """
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    _PyErr_RaiseWithArgs(PyExc_KeyError, _PyTuple_FromArray([arg]))


def _PyErr_RaiseWithArgs(exc_type: PyTypeObject, args: PyObject) -> None:
    """pyvm: raise ``exc_type(*args)``, stealing the ``args`` tuple (C code builds the
    tuple and hands it to ``PyErr_SetObject``, whose carrier here only borrows)."""
    try:
        exc = _PyErr_CreateException(exc_type, None, args)
    finally:
        Py_DECREF(args)
    raise PyErr(exc.ob_type, exc, None, None)


def PyErr_NoMemory() -> None:
    """CPython: Python/errors.c:PyErr_NoMemory"""
    raise PyErr(PyExc_MemoryError, None, None, None)


def PyErr_NewException(name: str, base: Optional[PyTypeObject]) -> PyTypeObject:
    """CPython: Python/errors.c:PyErr_NewException

    pyvm: a static exception type for native modules (C creates a heap type).
    The layout is the base's.
    """
    b = base if base is not None else PyExc_Exception
    tp = PyTypeObject(name, b, _EXC_FLAGS)
    return tp


def _Py_GenericAlias(origin: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:Py_GenericAlias

    pyvm: the ``__class_getitem__`` of BaseExceptionGroup; abstract.py (which forwards to
    genericaliasobject.py) imports this module, so it is imported here when called.
    """
    from pyvm.objects.abstract import Py_GenericAlias  # cycle
    return Py_GenericAlias(origin, args)


def _init_exceptions() -> None:
    """CPython: Objects/exceptions.c:_PyExc_InitTypes

    The static initializers: slots per layout, getsets and members.
    """
    for tp in _static_exceptions:
        tp.tp_dealloc = BaseException_dealloc
    be = PyExc_BaseException
    be.tp_new = BaseException_new
    be.tp_init = BaseException_init
    be.tp_str = BaseException_str
    be.tp_repr = BaseException_repr
    from pyvm.objects.typeobject import _PyType_AddMethods  # cycle: typeobject imports nothing of ours
    _PyType_AddMethods(be, [
        PyMethodDef("with_traceback", BaseException_with_traceback, METH_O,
                    "Set self.__traceback__ to tb and return self."),
        PyMethodDef("add_note", BaseException_add_note, METH_O,
                    "Add a note to the exception"),
    ])
    _PyType_AddGetSets(be, [
        PyGetSetDef("__dict__", _get_dict, _set_dict),
        PyGetSetDef("args", BaseException_get_args, BaseException_set_args),
        PyGetSetDef("__traceback__", BaseException_get_tb, BaseException_set_tb),
        PyGetSetDef("__context__", BaseException_get_context, BaseException_set_context,
                    "exception context"),
        PyGetSetDef("__cause__", BaseException_get_cause, BaseException_set_cause,
                    "exception cause"),
    ])
    _PyType_AddMembers(be, [PyMemberDef("__suppress_context__", _get_suppress_context,
                                        _set_suppress_context)])

    PyExc_KeyError.tp_str = KeyError_str

    se = PyExc_SyntaxError
    se.tp_new = SyntaxError_new
    se.tp_init = SyntaxError_init
    se.tp_str = SyntaxError_str
    _PyType_AddMembers(se, [
        PyMemberDef("msg", _se_msg_get, _se_msg_set, 0, "exception msg"),
        PyMemberDef("filename", _se_filename_get, _se_filename_set, 0, "exception filename"),
        PyMemberDef("lineno", _se_lineno_get, _se_lineno_set, 0, "exception lineno"),
        PyMemberDef("offset", _se_offset_get, _se_offset_set, 0, "exception offset"),
        PyMemberDef("text", _se_text_get, _se_text_set, 0, "exception text"),
        PyMemberDef("end_lineno", _se_end_lineno_get, _se_end_lineno_set, 0, "exception end lineno"),
        PyMemberDef("end_offset", _se_end_offset_get, _se_end_offset_set, 0, "exception end offset"),
        PyMemberDef("print_file_and_line", _se_pfl_get, _se_pfl_set, 0, "exception print_file_and_line"),
        PyMemberDef("_metadata", _se_metadata_get, _se_metadata_set, 0, "exception private metadata"),
    ])

    ie = PyExc_ImportError
    ie.tp_new = ImportError_new
    ie.tp_init = ImportError_init
    ie.tp_str = ImportError_str
    _PyType_AddMembers(ie, [
        PyMemberDef("msg", _ie_msg_get, _ie_msg_set, 0, "exception message"),
        PyMemberDef("name", _ie_name_get, _ie_name_set, 0, "module name"),
        PyMemberDef("path", _ie_path_get, _ie_path_set, 0, "module path"),
        PyMemberDef("name_from", _ie_name_from_get, _ie_name_from_set, 0, "name imported from module"),
    ])

    sx = PyExc_SystemExit
    sx.tp_new = SystemExit_new
    sx.tp_init = SystemExit_init
    _PyType_AddMembers(sx, [PyMemberDef("code", _sx_code_get, _sx_code_set, 0, "exception code")])

    os_ = PyExc_OSError
    os_.tp_new = OSError_new
    os_.tp_init = OSError_init
    os_.tp_str = OSError_str
    _PyType_AddMembers(os_, [
        PyMemberDef("errno", _os_errno_get, _os_errno_set, 0, "POSIX exception code"),
        PyMemberDef("strerror", _os_strerror_get, _os_strerror_set, 0, "exception strerror"),
        PyMemberDef("filename", _os_filename_get, _os_filename_set, 0, "exception filename"),
        PyMemberDef("filename2", _os_filename2_get, _os_filename2_set, 0, "second exception filename"),
    ])

    si = PyExc_StopIteration
    si.tp_new = StopIteration_new
    si.tp_init = StopIteration_init
    _PyType_AddMembers(si, [PyMemberDef("value", _si_value_get, _si_value_set, 0,
                                        "generator return value")])

    ne = PyExc_NameError
    ne.tp_new = NameError_new
    ne.tp_init = NameError_init
    _PyType_AddMembers(ne, [PyMemberDef("name", _ne_name_get, _ne_name_set, 0, "name")])

    ae = PyExc_AttributeError
    ae.tp_new = AttributeError_new
    ae.tp_init = AttributeError_init
    _PyType_AddMembers(ae, [
        PyMemberDef("name", _ae_name_get, _ae_name_set, 0, "attribute name"),
        PyMemberDef("obj", _ae_obj_get, _ae_obj_set, 0, "object"),
    ])

    ue = PyExc_UnicodeError
    ue.tp_new = UnicodeError_new
    ue.tp_init = UnicodeError_init
    for t in (PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError, PyExc_UnicodeTranslateError):
        t.tp_str = UnicodeError_str
    _PyType_AddMembers(ue, [
        PyMemberDef("encoding", _ue_encoding_get, None, 0, "exception encoding"),
        PyMemberDef("object", _ue_object_get, None, 0, "exception object"),
        PyMemberDef("start", _ue_start_get, None, 0, "exception start"),
        PyMemberDef("end", _ue_end_get, None, 0, "exception end"),
        PyMemberDef("reason", _ue_reason_get, None, 0, "exception reason"),
    ])

    eg = PyExc_BaseExceptionGroup
    eg.tp_new = BaseExceptionGroup_new
    eg.tp_init = BaseExceptionGroup_init
    eg.tp_str = BaseExceptionGroup_str
    eg.tp_repr = BaseExceptionGroup_repr
    PyExc_ExceptionGroup.tp_dealloc = BaseException_dealloc
    _PyType_AddMethods(eg, [
        PyMethodDef("derive", BaseExceptionGroup_derive_impl, METH_O),
        PyMethodDef("split", BaseExceptionGroup_split_impl, METH_O),
        PyMethodDef("subgroup", BaseExceptionGroup_subgroup_impl, METH_O),
        PyMethodDef("__class_getitem__", _Py_GenericAlias, METH_O | METH_CLASS,
                    "Exception groups are generic over the type of their contained exceptions"),
    ])
    _PyType_AddMembers(eg, [
        PyMemberDef("message", _eg_message_get, None, 0, "exception message"),
        PyMemberDef("exceptions", _eg_exceptions_get, None, 0, "nested exceptions"),
    ])

    _err_hooks.make_exception = _PyErr_CreateException


_init_exceptions()

# CPython: Objects/exceptions.c:PyExc_EnvironmentError (aliases of OSError)
PyExc_EnvironmentError: Final = PyExc_OSError
PyExc_IOError: Final = PyExc_OSError


def _PyIter_CallNext(f: Callable[[PyObject], Optional[PyObject]], it: PyObject) -> Optional[PyObject]:
    """pyvm: one step of a loop over ``it`` by its ``tp_iternext`` ``f``,
    reading C's "NULL with StopIteration set" (how a generator that returns
    a value ends) as the end, as C's consumers do
    (``if (PyErr_ExceptionMatches(PyExc_StopIteration)) PyErr_Clear();``)."""
    try:
        return f(it)
    except PyErr as e:
        if not e.matches(PyExc_StopIteration):
            raise
        _PyErr_Clear(e)
        return None
