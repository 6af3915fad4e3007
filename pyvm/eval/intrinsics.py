"""Ports Python/intrinsics.c and Include/internal/pycore_intrinsics.h: the
functions behind ``CALL_INTRINSIC_1`` and ``CALL_INTRINSIC_2``.

Some operations the compiler needs are too rare or too big to deserve an
opcode of their own; it emits ``CALL_INTRINSIC_1 n`` (one operand) or
``CALL_INTRINSIC_2 n`` (two) and the eval loop calls entry ``n`` of
:data:`_PyIntrinsics_UnaryFunctions` or :data:`_PyIntrinsics_BinaryFunctions`
with the operands from the top of the stack. The tables are indexed by the
``INTRINSIC_*`` oparg constants of pycore_intrinsics.h (re-exported here from
``pyvm.compile.opcode``, where the compiler reads them).

Ownership (as in C): every entry takes borrowed references to its operands —
the loop releases them after the call — and returns a new reference; an error
is a raised ``PyErr``.

Signature. C's entries take ``(tstate, value)`` and reach the running frame
through ``tstate->current_frame``. pyvm passes the frame explicitly: an
entry is ``(tstate, frame, value)`` or ``(tstate, frame, value1, value2)``
(``import_star`` needs the frame's locals, ``stopiteration_error`` its code
flags), so the loop never depends on ``current_frame`` being up to date.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, NoReturn, TypeAlias

from pyvm.compile.opcode import (
    INTRINSIC_1_INVALID,
    INTRINSIC_2_INVALID,
    INTRINSIC_ASYNC_GEN_WRAP,
    INTRINSIC_IMPORT_STAR,
    INTRINSIC_LIST_TO_TUPLE,
    INTRINSIC_PARAMSPEC,
    INTRINSIC_PREP_RERAISE_STAR,
    INTRINSIC_PRINT,
    INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
    INTRINSIC_SET_TYPEPARAM_DEFAULT,
    INTRINSIC_STOPITERATION_ERROR,
    INTRINSIC_SUBSCRIPT_GENERIC,
    INTRINSIC_TYPEALIAS,
    INTRINSIC_TYPEVAR,
    INTRINSIC_TYPEVAR_WITH_BOUND,
    INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
    INTRINSIC_TYPEVARTUPLE,
    INTRINSIC_UNARY_POSITIVE,
    MAX_INTRINSIC_1,
    MAX_INTRINSIC_2,
)
from pyvm.eval.frame import _PyFrame_GetCode, _PyInterpreterFrame
from pyvm.pystate import PyThreadState
from pyvm.modules.sysmodule import _PySys_GetAttr
from pyvm.objects.abstract import (
    PyMapping_Keys,
    PyNumber_Positive,
    PyObject_SetItem,
    PySequence_GetItem,
)
from pyvm.objects.call import PyObject_CallOneArg
from pyvm.objects.codeobject import CO_ASYNC_GENERATOR, CO_COROUTINE
from pyvm.objects.dictobject import PyDict_SetItem, PyDictObject
from pyvm.objects.exceptions import (
    PyExc_ImportError, PyExc_IndexError, PyExc_RuntimeError, PyExc_StopAsyncIteration,
    PyExc_StopIteration, PyExc_SystemError, PyExc_TypeError, PyException_SetCause,
    PyException_SetContext, PyExceptionInstance_Check, _PyExc_PrepReraiseStar,
)
from pyvm.objects.funcobject import _Py_set_function_type_params
from pyvm.objects.listobject import PyListObject
from pyvm.objects.object import (
    Py_DECREF,
    Py_INCREF,
    Py_None,
    PyErr,
    _PyErr_Clear,
    PyErr_SetString,
    PyObject,
    PyObject_GetAttr,
    PyObject_GetOptionalAttr,
    PyType_IsSubtype,
)
from pyvm.objects.tupleobject import _PyTuple_FromArray
from pyvm.objects.typevarobject import (
    _Py_make_paramspec,
    _Py_make_typealias,
    _Py_make_typevar,
    _Py_make_typevartuple,
    _Py_set_typeparam_default,
    _Py_subscript_generic,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicodeObject,
)
from pyvm.objects.genobject import _PyAsyncGenValueWrapperNew

__all__ = [
    "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR", "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS",
    "MAX_INTRINSIC_1", "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND", "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT", "MAX_INTRINSIC_2",
    "intrinsic_func1", "intrinsic_func2", "_PyIntrinsics_UnaryFunctions",
    "_PyIntrinsics_BinaryFunctions", "_PyCompile_GetUnaryIntrinsicName",
    "_PyCompile_GetBinaryIntrinsicName",
]

# pyvm: mirrors ``intrinsic_func1`` / ``intrinsic_func2`` of
# Include/internal/pycore_intrinsics.h, plus the frame argument.
intrinsic_func1: TypeAlias = "Callable[[PyThreadState, _PyInterpreterFrame, PyObject], PyObject]"
intrinsic_func2: TypeAlias = (
    "Callable[[PyThreadState, _PyInterpreterFrame, PyObject, PyObject], PyObject]")


# ---------------------------------------------------------------------------
# Unary functions


def no_intrinsic1(tstate: PyThreadState, frame: _PyInterpreterFrame,
                  unused: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:no_intrinsic1"""
    PyErr_SetString(PyExc_SystemError, "invalid intrinsic function")


def print_expr(tstate: PyThreadState, frame: _PyInterpreterFrame, value: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:print_expr

    ``sys.displayhook(value)``: what the interactive prompt does with the value
    of an expression statement.
    """
    hook = _PySys_GetAttr("displayhook")
    if hook is None:
        # CPython: Python/sysmodule.c:_PySys_GetRequiredAttr
        PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook")
    return PyObject_CallOneArg(hook, value)


def _import_all_type_error(v: PyObject, name: PyObject, skip_leading_underscores: bool) -> NoReturn:
    """CPython: Python/intrinsics.c:import_all_from

    pyvm: the error branch of ``import_all_from`` for a name that is not a
    str, as a function of its own (the message names the module).
    """
    modname = PyObject_GetAttr(v, PyUnicode_InternFromString("__name__"))
    try:
        if not isinstance(modname, PyUnicodeObject):
            PyErr_SetString(PyExc_TypeError,
                            f"module __name__ must be a string, not "
                            f"{modname.ob_type.tp_name[:100]}")
        PyErr_SetString(
            PyExc_TypeError,
            f"{'Key' if skip_leading_underscores else 'Item'} in {modname.value}."
            f"{'__dict__' if skip_leading_underscores else '__all__'} "
            f"must be str, not {name.ob_type.tp_name[:100]}")
    finally:
        Py_DECREF(modname)


def import_all_from(tstate: PyThreadState, locals_: PyObject, v: PyObject) -> None:
    """CPython: Python/intrinsics.c:import_all_from

    ``from v import *`` into ``locals_``: the names of ``v.__all__``, or else
    the keys of ``v.__dict__`` that do not start with an underscore.
    """
    skip_leading_underscores = False
    all_ = PyObject_GetOptionalAttr(v, PyUnicode_InternFromString("__all__"))
    if all_ is None:
        dict_ = PyObject_GetOptionalAttr(v, PyUnicode_InternFromString("__dict__"))
        if dict_ is None:
            PyErr_SetString(PyExc_ImportError,
                            "from-import-* object has no __dict__ and no __all__")
        try:
            all_ = PyMapping_Keys(dict_)
        finally:
            Py_DECREF(dict_)
        skip_leading_underscores = True
    try:
        pos = 0
        while True:
            try:
                name = PySequence_GetItem(all_, pos)
            except PyErr as e:
                if e.matches(PyExc_IndexError):
                    _PyErr_Clear(e)
                    break
                raise
            pos += 1
            # pyvm: the reference is released through a variable that is never
            # narrowed: mypyc would check ``name`` as a str in the finally
            # clause, which also runs when it is not one.
            owned: PyObject = name
            try:
                if not isinstance(name, PyUnicodeObject):
                    _import_all_type_error(v, name, skip_leading_underscores)
                # pyvm: an if, not C's `continue` (mypyc cannot compile a
                # continue inside try/finally).
                if not (skip_leading_underscores and name.value.startswith("_")):
                    value = PyObject_GetAttr(v, name)
                    try:
                        if isinstance(locals_, PyDictObject) and locals_.ob_type.tp_name == "dict":
                            PyDict_SetItem(locals_, name, value)
                        else:
                            PyObject_SetItem(locals_, name, value)
                    finally:
                        Py_DECREF(value)
            finally:
                Py_DECREF(owned)
    finally:
        Py_DECREF(all_)


def import_star(tstate: PyThreadState, frame: _PyInterpreterFrame, from_: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:import_star

    ``from m import *`` (``from_`` is the module). Only module and class
    bodies can do it, and their frames always have ``f_locals``.
    """
    locals_ = frame.f_locals
    if locals_ is None:
        PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'")
    import_all_from(tstate, locals_, from_)
    return Py_None


def stopiteration_error(tstate: PyThreadState, frame: _PyInterpreterFrame,
                        exc: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:stopiteration_error

    PEP 479: a ``StopIteration`` escaping a generator (or coroutine, or async
    generator), or a ``StopAsyncIteration`` escaping an async generator,
    becomes a ``RuntimeError`` whose cause and context are the original
    exception. Anything else is returned unchanged (a new reference).
    """
    assert PyExceptionInstance_Check(exc)
    flags = _PyFrame_GetCode(frame).co_flags
    msg = ""
    if PyType_IsSubtype(exc.ob_type, PyExc_StopIteration):
        msg = "generator raised StopIteration"
        if flags & CO_ASYNC_GENERATOR:
            msg = "async generator raised StopIteration"
        elif flags & CO_COROUTINE:
            msg = "coroutine raised StopIteration"
    elif flags & CO_ASYNC_GENERATOR and PyType_IsSubtype(exc.ob_type, PyExc_StopAsyncIteration):
        # code in `gen` raised a StopAsyncIteration error: raise a RuntimeError.
        msg = "async generator raised StopAsyncIteration"
    if msg:
        message = PyUnicode_FromString(msg)
        try:
            error = PyObject_CallOneArg(PyExc_RuntimeError, message)
        finally:
            Py_DECREF(message)
        assert PyExceptionInstance_Check(error)
        Py_INCREF(exc)
        PyException_SetCause(error, exc)
        Py_INCREF(exc)
        PyException_SetContext(error, exc)
        return error
    Py_INCREF(exc)
    return exc


def async_gen_wrap(tstate: PyThreadState, frame: _PyInterpreterFrame, value: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:_PyAsyncGenValueWrapperNew

    pyvm: the table entry for ``INTRINSIC_ASYNC_GEN_WRAP`` (C puts
    ``_PyAsyncGenValueWrapperNew`` in the table directly): wraps the value an
    async generator yields so that ``anext()`` can tell it from an ``await``.
    """
    r: PyObject = _PyAsyncGenValueWrapperNew(tstate, value)
    return r


def unary_pos(tstate: PyThreadState, frame: _PyInterpreterFrame, value: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:unary_pos"""
    return PyNumber_Positive(value)


def list_to_tuple(tstate: PyThreadState, frame: _PyInterpreterFrame, v: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:list_to_tuple"""
    assert isinstance(v, PyListObject)
    return _PyTuple_FromArray(v.ob_item)


def make_typevar(tstate: PyThreadState, frame: _PyInterpreterFrame, v: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:make_typevar

    ``def f[T]()``: a TypeVar with inferred variance.
    """
    assert isinstance(v, PyUnicodeObject)
    return _Py_make_typevar(v, None, None)


def make_paramspec(tstate: PyThreadState, frame: _PyInterpreterFrame, v: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_make_paramspec (the table entry)"""
    return _Py_make_paramspec(v)


def make_typevartuple(tstate: PyThreadState, frame: _PyInterpreterFrame, v: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_make_typevartuple (the table entry)"""
    return _Py_make_typevartuple(v)


def subscript_generic(tstate: PyThreadState, frame: _PyInterpreterFrame,
                      params: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_subscript_generic (the table entry)

    ``class C[T]``: the implicit ``Generic[T]`` base.
    """
    return _Py_subscript_generic(params)


def make_typealias(tstate: PyThreadState, frame: _PyInterpreterFrame, args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_make_typealias (the table entry)

    ``type X[T] = ...``: ``args`` is ``(name, type_params, compute_value)``.
    """
    return _Py_make_typealias(args)


# CPython: Python/intrinsics.c:INTRINSIC_FUNC_ENTRY (the unary table,
# ``_PyIntrinsics_UnaryFunctions``, indexed by the INTRINSIC_* oparg)
_PyIntrinsics_UnaryFunctions: Final[list[intrinsic_func1]] = [
    no_intrinsic1,          # INTRINSIC_1_INVALID
    print_expr,             # INTRINSIC_PRINT
    import_star,            # INTRINSIC_IMPORT_STAR
    stopiteration_error,    # INTRINSIC_STOPITERATION_ERROR
    async_gen_wrap,         # INTRINSIC_ASYNC_GEN_WRAP
    unary_pos,              # INTRINSIC_UNARY_POSITIVE
    list_to_tuple,          # INTRINSIC_LIST_TO_TUPLE
    make_typevar,           # INTRINSIC_TYPEVAR
    make_paramspec,         # INTRINSIC_PARAMSPEC
    make_typevartuple,      # INTRINSIC_TYPEVARTUPLE
    subscript_generic,      # INTRINSIC_SUBSCRIPT_GENERIC
    make_typealias,         # INTRINSIC_TYPEALIAS
]

# The names C's INTRINSIC_FUNC_ENTRY records beside each function.
_UNARY_NAMES: Final = [
    "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR", "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS",
]


# ---------------------------------------------------------------------------
# Binary functions


def no_intrinsic2(tstate: PyThreadState, frame: _PyInterpreterFrame, unused1: PyObject,
                  unused2: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:no_intrinsic2"""
    PyErr_SetString(PyExc_SystemError, "invalid intrinsic function")


def prep_reraise_star(tstate: PyThreadState, frame: _PyInterpreterFrame, orig: PyObject,
                      excs: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:prep_reraise_star

    The end of a ``try``/``except*``: ``orig`` is the exception group that
    entered it, ``excs`` the list of what the handlers raised or re-raised;
    the result is what to raise next (None for nothing).
    """
    assert isinstance(excs, PyListObject)
    r: PyObject = _PyExc_PrepReraiseStar(orig, excs)
    return r


def make_typevar_with_bound(tstate: PyThreadState, frame: _PyInterpreterFrame, name: PyObject,
                            evaluate_bound: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:make_typevar_with_bound

    ``def f[T: int]()``: the bound is evaluated lazily by ``evaluate_bound``.
    """
    assert isinstance(name, PyUnicodeObject)
    return _Py_make_typevar(name, evaluate_bound, None)


def make_typevar_with_constraints(tstate: PyThreadState, frame: _PyInterpreterFrame,
                                  name: PyObject, evaluate_constraints: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:make_typevar_with_constraints

    ``def f[T: (int, str)]()``.
    """
    assert isinstance(name, PyUnicodeObject)
    return _Py_make_typevar(name, None, evaluate_constraints)


def set_function_type_params(tstate: PyThreadState, frame: _PyInterpreterFrame, func: PyObject,
                             type_params: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:_Py_set_function_type_params (the table entry)"""
    return _Py_set_function_type_params(func, type_params)


def set_typeparam_default(tstate: PyThreadState, frame: _PyInterpreterFrame,
                          typeparam: PyObject, evaluate_default: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_set_typeparam_default (the table entry)"""
    return _Py_set_typeparam_default(typeparam, evaluate_default)


# CPython: Python/intrinsics.c:INTRINSIC_FUNC_ENTRY (the binary table,
# ``_PyIntrinsics_BinaryFunctions``)
_PyIntrinsics_BinaryFunctions: Final[list[intrinsic_func2]] = [
    no_intrinsic2,                  # INTRINSIC_2_INVALID
    prep_reraise_star,              # INTRINSIC_PREP_RERAISE_STAR
    make_typevar_with_bound,        # INTRINSIC_TYPEVAR_WITH_BOUND
    make_typevar_with_constraints,  # INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
    set_function_type_params,       # INTRINSIC_SET_FUNCTION_TYPE_PARAMS
    set_typeparam_default,          # INTRINSIC_SET_TYPEPARAM_DEFAULT
]

_BINARY_NAMES: Final = [
    "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
]


def _PyCompile_GetUnaryIntrinsicName(index: int) -> PyObject:
    """CPython: Python/intrinsics.c:_PyCompile_GetUnaryIntrinsicName

    pyvm: C returns NULL without an error for a bad index; here a SystemError.
    """
    if index < 0 or index > MAX_INTRINSIC_1:
        PyErr_SetString(PyExc_SystemError, f"bad unary intrinsic index {index}")
    return PyUnicode_FromString(_UNARY_NAMES[index])


def _PyCompile_GetBinaryIntrinsicName(index: int) -> PyObject:
    """CPython: Python/intrinsics.c:_PyCompile_GetBinaryIntrinsicName"""
    if index < 0 or index > MAX_INTRINSIC_2:
        PyErr_SetString(PyExc_SystemError, f"bad binary intrinsic index {index}")
    return PyUnicode_FromString(_BINARY_NAMES[index])


assert len(_PyIntrinsics_UnaryFunctions) == MAX_INTRINSIC_1 + 1
assert len(_PyIntrinsics_BinaryFunctions) == MAX_INTRINSIC_2 + 1
assert INTRINSIC_LIST_TO_TUPLE == 6 and INTRINSIC_TYPEALIAS == 11
assert INTRINSIC_SET_TYPEPARAM_DEFAULT == 5
