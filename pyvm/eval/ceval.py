"""Ports Python/ceval.c, Python/bytecodes.c (the instruction bodies, in the
shape Python/generated_cases.c.h expands them to) and Python/ceval_macros.h:
the bytecode interpreter.

The loop. :func:`_PyEval_EvalFrameDefault` runs one dispatch loop over the
16-bit code units of ``co_code_adaptive``: ``opcode = unit & 0xFF``,
``oparg = unit >> 8`` (``EXTENDED_ARG`` prefixes widen ``oparg``). Each
instruction body ends by moving ``next_instr`` past the instruction *and its
inline CACHE units* (the counts are C's ``INLINE_CACHE_ENTRIES_*``, written as
literals exactly as generated_cases.c.h writes ``next_instr += 6``). Jumps are
relative to the instruction after the caches, as ``JUMPBY`` is.

Frames. A call to a Python function from ``CALL`` pushes a new
``_PyInterpreterFrame`` and continues in the same loop (the C loop does
``goto start_frame``); ``RETURN_VALUE`` pops it and pushes the result on the
caller's stack. Host recursion only happens when C-level code (a builtin like
``map``, a slot) calls a Python function: that enters the loop anew through
:func:`_PyEval_Vector`. The Python depth is counted in
``tstate.py_recursion_remaining`` exactly as ``_Py_EnterRecursivePy`` counts
it, so deep recursion raises pyvm's ``RecursionError``; the host depth is
bounded by ``c_recursion_remaining``.

The stack. ``frame.localsplus`` is one host list: locals, cells, free
variables, then the value stack; the local ``sp`` is C's ``stack_pointer``
(an index). Slots below ``sp`` own their references; slots at or above ``sp``
are dead (they may still hold a stale host reference, which is never
counted). Every instruction leaves its inputs on the stack until the work
that can fail is done, then releases them and writes its outputs, so that an
error raised in the middle finds the stack in the state C's ``ERROR_IF``
labels assume: the error path releases everything down to the handler's
level. ``LOAD_FAST_BORROW`` pushes a new reference (pyvm has no tagged
borrowed stack references; the INCREF keeps ownership uniform).

Errors. A failing operation raises :class:`PyErr`; the loop catches it,
adds a traceback entry for the frame (``PyTraceBack_Here``), looks the
instruction up in ``co_exceptiontable`` (:func:`get_exception_handler`) and
either jumps to the handler with the exception pushed, or pops the frame and
re-raises the exception in the caller frame (``exit_unwind``). When the entry
frame has no handler, the exception leaves the loop as a ``PyErr``.
"""

from __future__ import annotations

from typing import Callable, Final, Optional

from pyvm.compile.opcode import (
    BINARY_OP, BINARY_SLICE, BUILD_LIST, BUILD_MAP, BUILD_SLICE, BUILD_STRING,
    BUILD_TUPLE, CALL, CALL_FUNCTION_EX, CALL_INTRINSIC_1, CALL_KW, CHECK_EXC_MATCH,
    COMPARE_OP, CONTAINS_OP, CONVERT_VALUE, COPY, COPY_FREE_VARS, DELETE_ATTR,
    DELETE_DEREF, DELETE_FAST, DELETE_GLOBAL, DELETE_NAME, DELETE_SUBSCR, DICT_MERGE,
    DICT_UPDATE, END_FOR, EXTENDED_ARG, FOR_ITER, FORMAT_SIMPLE, FORMAT_WITH_SPEC,
    GET_ITER, IMPORT_FROM, IMPORT_NAME, IS_OP, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, JUMP_FORWARD,
    LIST_APPEND, LIST_EXTEND, LOAD_ATTR, LOAD_COMMON_CONSTANT, LOAD_CONST, LOAD_DEREF,
    LOAD_FAST, LOAD_FAST_AND_CLEAR, LOAD_FAST_BORROW, LOAD_FAST_BORROW_LOAD_FAST_BORROW,
    LOAD_FAST_CHECK, LOAD_FAST_LOAD_FAST, LOAD_GLOBAL, LOAD_NAME, LOAD_SMALL_INT,
    MAKE_CELL, MAKE_FUNCTION, MAP_ADD, NOP, NOT_TAKEN, POP_EXCEPT, POP_ITER,
    POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE,
    POP_TOP, PUSH_EXC_INFO, PUSH_NULL, RAISE_VARARGS, RERAISE, RESUME, RETURN_VALUE,
    SET_FUNCTION_ATTRIBUTE, STORE_ATTR, STORE_DEREF, STORE_FAST, STORE_FAST_LOAD_FAST,
    STORE_FAST_STORE_FAST, STORE_GLOBAL, STORE_NAME, STORE_SLICE, STORE_SUBSCR, SWAP,
    TO_BOOL, UNARY_INVERT, UNARY_NEGATIVE, UNARY_NOT, UNPACK_EX, UNPACK_SEQUENCE,
    opname,
)
from pyvm.compile.opcode import (
    LOAD_BUILD_CLASS, LOAD_FROM_DICT_OR_DEREF, LOAD_FROM_DICT_OR_GLOBALS, LOAD_LOCALS,
    LOAD_SUPER_ATTR,
)
from pyvm.compile.opcode import BUILD_SET, SET_ADD, SET_UPDATE
from pyvm.compile.opcode import CALL_INTRINSIC_2  # helper: intrinsics
from pyvm.eval.intrinsics import (  # helper: intrinsics
    _PyIntrinsics_BinaryFunctions, _PyIntrinsics_UnaryFunctions,
)
from pyvm.eval.frame import (
    PyThreadState, _PyErr_GetTopmostException,
    _PyFrame_ClearExceptCode, _PyInterpreterFrame, _tstate,
)
from pyvm.objects.abstract import (
    PyIter_Next, PyNumber_Add, PyNumber_And, PyNumber_FloorDivide, PyNumber_InPlaceAdd,
    PyNumber_InPlaceAnd, PyNumber_InPlaceFloorDivide, PyNumber_InPlaceLshift,
    PyNumber_InPlaceMatrixMultiply, PyNumber_InPlaceMultiply, PyNumber_InPlaceOr,
    PyNumber_InPlacePower, PyNumber_InPlaceRemainder, PyNumber_InPlaceRshift,
    PyNumber_InPlaceSubtract, PyNumber_InPlaceTrueDivide, PyNumber_InPlaceXor,
    PyNumber_Invert, PyNumber_Lshift, PyNumber_MatrixMultiply, PyNumber_Multiply,
    PyNumber_Negative, PyNumber_Or, PyNumber_Positive, PyNumber_Power,
    PyNumber_Remainder, PyNumber_Rshift, PyNumber_Subtract, PyNumber_TrueDivide,
    PyNumber_Xor, PyObject_DelItem, PyObject_Format, PyObject_GetItem, PyObject_GetIter,
    PyObject_SetItem, PySequence_Check, PySequence_Contains, PySequence_List,
    PySequence_Tuple,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.call import PyObject_Call, PyObject_CallNoArgs, PyObject_Vectorcall
from pyvm.objects.cellobject import PyCell_New, PyCellObject
from pyvm.objects.classobject import PyMethod_Type, PyMethodObject
from pyvm.objects.codeobject import CO_VARARGS, CO_VARKEYWORDS, PyCodeObject
from pyvm.objects.dictobject import (
    PyDict_DelItem, PyDict_GetItemWithError, PyDict_New, PyDict_Next, PyDict_SetItem,
    PyDict_Update, PyDictObject, _PyDict_LoadGlobal, _PyDict_MergeEx,
)
from pyvm.objects.exceptions import (
    PyExc_AssertionError, PyExc_AttributeError, PyExc_KeyError,
    PyExc_NameError, PyExc_NotImplementedError, PyExc_RecursionError,
    PyExc_RuntimeError, PyExc_StopIteration, PyExc_SystemError, PyExc_TypeError,
    PyExc_UnboundLocalError, PyExc_ValueError, PyBaseExceptionObject,
    PyExceptionClass_Check, PyExceptionInstance_Check,
)
from pyvm.objects.funcobject import (
    MAKE_FUNCTION_ANNOTATE, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_CLOSURE,
    MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS, PyFunction_New, PyFunction_Type,
    PyFunctionObject, _func_hooks,
)
from pyvm.objects.listobject import (
    PyList_AsTuple, PyListObject, _PyList_AppendTakeRef, _PyList_Extend,
)
from pyvm.objects.longobject import PyLong_FromLong, PyLongObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_XDECREF, PyErr, PyErr_SetString, PyObject,
    PyObject_ASCII, PyObject_GetAttr, PyObject_IsTrue, PyObject_Repr,
    PyObject_RichCompare, PyObject_SetAttr, PyObject_Str, PyType_IsSubtype,
    PyTypeObject, _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall, _PyErr_Raise,
    _PyObject_GetMethod,
)
from pyvm.objects.sliceobject import PySlice_New
from pyvm.objects.tupleobject import (
    PyTupleObject, _PyTuple_FromArraySteal,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject,
)

# pyvm: mirrors NAME_ERROR_MSG and the messages beside it (Include/internal/pycore_ceval.h)
NAME_ERROR_MSG: Final = "name '{}' is not defined"
UNBOUNDLOCAL_ERROR_MSG: Final = \
    "cannot access local variable '{}' where it is not associated with a value"
UNBOUNDFREE_ERROR_MSG: Final = (
    "cannot access free variable '{}' where it is not associated with a value"
    " in enclosing scope")
CANNOT_CATCH_MSG: Final = \
    "catching classes that do not inherit from BaseException is not allowed"

# pyvm: mirrors ``INTRINSIC_PRINT`` of Include/internal/pycore_intrinsics.h (a header, outside the index) (the unary ones)
INTRINSIC_1_INVALID: Final = 0
INTRINSIC_PRINT: Final = 1
INTRINSIC_IMPORT_STAR: Final = 2
INTRINSIC_STOPITERATION_ERROR: Final = 3
INTRINSIC_ASYNC_GEN_WRAP: Final = 4
INTRINSIC_UNARY_POSITIVE: Final = 5
INTRINSIC_LIST_TO_TUPLE: Final = 6

# pyvm: mirrors ``CONSTANT_ASSERTIONERROR`` of Include/internal/pycore_opcode_utils.h (a header, outside the index)
CONSTANT_ASSERTIONERROR: Final = 0
CONSTANT_NOTIMPLEMENTEDERROR: Final = 1
CONSTANT_BUILTIN_TUPLE: Final = 2
CONSTANT_BUILTIN_ALL: Final = 3
CONSTANT_BUILTIN_ANY: Final = 4

# pyvm: mirrors ``FVC_STR`` of Include/ceval.h (a header, outside the index) (CONVERT_VALUE's oparg)
FVC_STR: Final = 1
FVC_REPR: Final = 2
FVC_ASCII: Final = 3

# pyvm: mirrors ``NB_ADD`` of Include/opcode.h (a header, outside the index) (BINARY_OP's oparg)
NB_ADD: Final = 0
NB_AND: Final = 1
NB_FLOOR_DIVIDE: Final = 2
NB_LSHIFT: Final = 3
NB_MATRIX_MULTIPLY: Final = 4
NB_MULTIPLY: Final = 5
NB_REMAINDER: Final = 6
NB_OR: Final = 7
NB_POWER: Final = 8
NB_RSHIFT: Final = 9
NB_SUBTRACT: Final = 10
NB_TRUE_DIVIDE: Final = 11
NB_XOR: Final = 12
NB_INPLACE_ADD: Final = 13
NB_INPLACE_POWER: Final = 21
NB_SUBSCR: Final = 26
NB_OPARG_LAST: Final = 26


def _PyNumber_PowerNoMod(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:_PyNumber_PowerNoMod"""
    return PyNumber_Power(a, b, Py_None)


def _PyNumber_InPlacePowerNoMod(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:_PyNumber_InPlacePowerNoMod"""
    return PyNumber_InPlacePower(a, b, Py_None)


BinaryFunc = Callable[[PyObject, PyObject], PyObject]

# pyvm: the table ``_PyEval_BinaryOps`` of Python/ceval.c
_PyEval_BinaryOps: Final[list[BinaryFunc]] = [
    PyNumber_Add,                   # NB_ADD
    PyNumber_And,                   # NB_AND
    PyNumber_FloorDivide,           # NB_FLOOR_DIVIDE
    PyNumber_Lshift,                # NB_LSHIFT
    PyNumber_MatrixMultiply,        # NB_MATRIX_MULTIPLY
    PyNumber_Multiply,              # NB_MULTIPLY
    PyNumber_Remainder,             # NB_REMAINDER
    PyNumber_Or,                    # NB_OR
    _PyNumber_PowerNoMod,           # NB_POWER
    PyNumber_Rshift,                # NB_RSHIFT
    PyNumber_Subtract,              # NB_SUBTRACT
    PyNumber_TrueDivide,            # NB_TRUE_DIVIDE
    PyNumber_Xor,                   # NB_XOR
    PyNumber_InPlaceAdd,            # NB_INPLACE_ADD
    PyNumber_InPlaceAnd,            # NB_INPLACE_AND
    PyNumber_InPlaceFloorDivide,    # NB_INPLACE_FLOOR_DIVIDE
    PyNumber_InPlaceLshift,         # NB_INPLACE_LSHIFT
    PyNumber_InPlaceMatrixMultiply,  # NB_INPLACE_MATRIX_MULTIPLY
    PyNumber_InPlaceMultiply,       # NB_INPLACE_MULTIPLY
    PyNumber_InPlaceRemainder,      # NB_INPLACE_REMAINDER
    PyNumber_InPlaceOr,             # NB_INPLACE_OR
    _PyNumber_InPlacePowerNoMod,    # NB_INPLACE_POWER
    PyNumber_InPlaceRshift,         # NB_INPLACE_RSHIFT
    PyNumber_InPlaceSubtract,       # NB_INPLACE_SUBTRACT
    PyNumber_InPlaceTrueDivide,     # NB_INPLACE_TRUE_DIVIDE
    PyNumber_InPlaceXor,            # NB_INPLACE_XOR
    PyObject_GetItem,               # NB_SUBSCR
]


# ---------------------------------------------------------------------------
# The exception table (InternalDocs/exception_handling.md)


def parse_varint(table: bytes, p: int) -> tuple[int, int]:
    """pyvm: mirrors ``parse_varint`` of Include/internal/pycore_code.h (a header, outside the index)

    Returns ``(value, index after it)``: 6 bits per byte, bit 6 set on every
    byte but the last.
    """
    b = table[p]
    val = b & 63
    while b & 64:
        p += 1
        b = table[p]
        val = (val << 6) | (b & 63)
    return val, p + 1


def get_exception_handler(code: PyCodeObject, index: int) -> tuple[int, int, int]:
    """CPython: Python/ceval.c:get_exception_handler

    Looks up the instruction at code unit ``index`` in ``co_exceptiontable``.
    Returns ``(handler, level, lasti)``, with ``handler == -1`` when no entry
    covers it. Each entry is four varints: start, length, target and
    ``depth << 1 | lasti``; the first byte of an entry has bit 7 set. C
    bisects tables longer than 40 bytes; the linear scan finds the same
    entry, since entries are sorted and do not overlap.
    """
    table = code.co_exceptiontable
    end = len(table)
    scan = 0
    while scan < end:
        start_offset, scan = parse_varint(table, scan)
        if start_offset > index:
            break
        size, scan = parse_varint(table, scan)
        if start_offset + size > index:
            handler, scan = parse_varint(table, scan)
            depth_and_lasti, scan = parse_varint(table, scan)
            return handler, depth_and_lasti >> 1, depth_and_lasti & 1
        # skip_to_next_entry
        while scan < end and (table[scan] & 128) == 0:
            scan += 1
    return -1, 0, 0


# ---------------------------------------------------------------------------
# Error helpers


def _name_str(name: PyObject) -> str:
    """pyvm: the host text of a str object (C's ``PyUnicode_AsUTF8``)."""
    assert isinstance(name, PyUnicodeObject)
    return name.value


def _PyEval_FormatExcCheckArg(exc: PyTypeObject, format_str: str, obj: PyObject) -> PyErr:
    """CPython: Python/ceval.c:_PyEval_FormatExcCheckArg

    Builds the error; for NameError it records ``name`` on the exception so
    the traceback printer can offer "Did you mean" suggestions. Returns the
    carrier for the caller to raise.
    """
    err = PyErr(exc, None, format_str.format(_name_str(obj)), None)
    if exc is PyExc_NameError:
        value = err.normalize()
        PyObject_SetAttr(value, PyUnicode_InternFromString("name"), obj)
    return err


def _PyEval_FormatExcUnbound(co: PyCodeObject, oparg: int) -> PyErr:
    """CPython: Python/ceval.c:_PyEval_FormatExcUnbound"""
    name = co.co_localsplusnames_items[oparg]
    if oparg < co.co_nlocalsplus - co.co_nfreevars:
        return _PyEval_FormatExcCheckArg(PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name)
    return _PyEval_FormatExcCheckArg(PyExc_NameError, UNBOUNDFREE_ERROR_MSG, name)


def _PyObject_FunctionStr(x: PyObject) -> str:
    """CPython: Objects/object.c:_PyObject_FunctionStr

    ``module.qualname()`` for callables with a ``__qualname__`` (the module
    is omitted for builtins), else the ``str()`` of the object.
    """
    if isinstance(x, PyFunctionObject):
        qn = _name_str(x.func_qualname)
        m = x.func_module
        if m is not None and isinstance(m, PyUnicodeObject) and m.value != "builtins":
            return f"{m.value}.{qn}()"
        return f"{qn}()"
    try:
        qual = PyObject_GetAttr(x, PyUnicode_InternFromString("__qualname__"))
    except PyErr as e:
        if not e.matches(PyExc_AttributeError):
            raise
        s = PyObject_Str(x)
        r = _name_str(s)
        Py_DECREF(s)
        return r
    qs = _name_str(PyObject_Str(qual))
    Py_DECREF(qual)
    try:
        mod = PyObject_GetAttr(x, PyUnicode_InternFromString("__module__"))
    except PyErr as e:
        if not e.matches(PyExc_AttributeError):
            raise
        return f"{qs}()"
    if isinstance(mod, PyUnicodeObject) and mod.value != "builtins":
        r = f"{mod.value}.{qs}()"
    else:
        r = f"{qs}()"
    Py_DECREF(mod)
    return r


def PyException_GetContext(exc: PyObject) -> Optional[PyObject]:
    """CPython: Objects/exceptions.c:PyException_GetContext

    Returns a new reference.
    """
    assert isinstance(exc, PyBaseExceptionObject)
    c = exc.context
    if c is not None:
        Py_INCREF(c)
    return c


def PyException_SetContext(exc: PyObject, context: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:PyException_SetContext

    Steals ``context``.
    """
    assert isinstance(exc, PyBaseExceptionObject)
    old = exc.context
    exc.context = context
    Py_XDECREF(old)


def PyException_SetCause(exc: PyObject, cause: Optional[PyObject]) -> None:
    """CPython: Objects/exceptions.c:PyException_SetCause

    Steals ``cause``; sets ``__suppress_context__``.
    """
    assert isinstance(exc, PyBaseExceptionObject)
    exc.suppress_context = True
    old = exc.cause
    exc.cause = cause
    Py_XDECREF(old)


def _PyErr_SetContext(tstate: PyThreadState, value: PyObject) -> None:
    """CPython: Python/errors.c:_PyErr_SetObject

    The implicit chaining half of ``_PyErr_SetObject``: a newly raised
    exception gets the exception being handled as its ``__context__``,
    cutting any cycle that would form through the context chain (Floyd's
    algorithm, as C does).
    """
    exc_value = _PyErr_GetTopmostException(tstate).exc_value
    if exc_value is None or exc_value is Py_None or exc_value is value:
        return
    o = exc_value
    slow_o = o
    slow_update_toggle = False
    while True:
        context = PyException_GetContext(o)
        if context is None:
            break
        Py_DECREF(context)
        if context is value:
            PyException_SetContext(o, None)
            break
        o = context
        if o is slow_o:
            break
        if slow_update_toggle:
            s = PyException_GetContext(slow_o)
            assert s is not None
            Py_DECREF(s)
            slow_o = s
        slow_update_toggle = not slow_update_toggle
    Py_INCREF(exc_value)
    PyException_SetContext(value, exc_value)


def PyErr_GivenExceptionMatches(err: PyObject, exc: PyObject) -> bool:
    """CPython: Python/errors.c:PyErr_GivenExceptionMatches

    ``err`` is an exception instance or class, ``exc`` a class or a tuple of
    them.
    """
    if isinstance(exc, PyTupleObject):
        for e in exc.ob_item:
            if PyErr_GivenExceptionMatches(err, e):
                return True
        return False
    if PyExceptionInstance_Check(err):
        t: PyObject = err.ob_type
    else:
        t = err
    if isinstance(t, PyTypeObject) and isinstance(exc, PyTypeObject) \
            and PyExceptionClass_Check(t) and PyExceptionClass_Check(exc):
        return PyType_IsSubtype(t, exc)
    return t is exc


def _PyEval_CheckExceptTypeValid(right: PyObject) -> None:
    """CPython: Python/ceval.c:_PyEval_CheckExceptTypeValid"""
    if isinstance(right, PyTupleObject):
        for e in right.ob_item:
            if not PyExceptionClass_Check(e):
                PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG)
    elif not PyExceptionClass_Check(right):
        PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG)


def do_raise(tstate: PyThreadState, exc: Optional[PyObject],
             cause: Optional[PyObject]) -> PyObject:
    """CPython: Python/ceval.c:do_raise

    Steals ``exc`` and ``cause``. Returns the exception instance to raise (an
    owned reference) with its cause and context set; for a bare ``raise``
    returns the exception being handled (the caller re-raises it without a
    new traceback entry). Errors in the ``raise`` statement itself are raised
    as ``PyErr``.
    """
    if exc is None:
        v = _PyErr_GetTopmostException(tstate).exc_value
        if v is None or v is Py_None:
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise")
        Py_INCREF(v)
        return v
    if PyExceptionClass_Check(exc):
        try:
            value = PyObject_CallNoArgs(exc)
        except PyErr:
            Py_DECREF(exc)
            Py_XDECREF(cause)
            raise
        if not PyExceptionInstance_Check(value):
            r1 = _name_str(PyObject_Repr(exc))
            r2 = _name_str(PyObject_Repr(value.ob_type))
            Py_DECREF(exc)
            Py_DECREF(value)
            Py_XDECREF(cause)
            PyErr_SetString(PyExc_TypeError,
                            f"calling {r1} should have returned an instance of "
                            f"BaseException, not {r2}")
        Py_DECREF(exc)
    elif PyExceptionInstance_Check(exc):
        value = exc
    else:
        Py_DECREF(exc)
        Py_XDECREF(cause)
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException")
    if cause is not None:
        fixed_cause: Optional[PyObject]
        if PyExceptionClass_Check(cause):
            try:
                fc = PyObject_CallNoArgs(cause)
            except PyErr:
                Py_DECREF(value)
                Py_DECREF(cause)
                raise
            if not PyExceptionInstance_Check(fc):
                r1 = _name_str(PyObject_Repr(cause))
                r2 = _name_str(PyObject_Repr(fc.ob_type))
                Py_DECREF(fc)
                Py_DECREF(value)
                Py_DECREF(cause)
                PyErr_SetString(PyExc_TypeError,
                                f"calling {r1} should have returned an instance of "
                                f"BaseException, not {r2}")
            Py_DECREF(cause)
            fixed_cause = fc
        elif PyExceptionInstance_Check(cause):
            fixed_cause = cause
        elif cause is Py_None:
            Py_DECREF(cause)
            fixed_cause = None
        else:
            Py_DECREF(value)
            Py_DECREF(cause)
            PyErr_SetString(PyExc_TypeError,
                            "exception causes must derive from BaseException")
        PyException_SetCause(value, fixed_cause)
    _PyErr_SetContext(tstate, value)
    return value


def _PyEval_UnpackIterableStackRef(v: PyObject, argcnt: int, argcntafter: int,
                                   out: list[Optional[PyObject]], top: int) -> None:
    """CPython: Python/ceval.c:_PyEval_UnpackIterableStackRef

    Stores the unpacked values (owned references) into ``out`` below index
    ``top``, the first value highest (``*--sp = w``), as C does. ``v`` is
    borrowed. On error nothing is stored.
    """
    if isinstance(v, PyTupleObject) and argcntafter == -1 and len(v.ob_item) == argcnt:
        # pyvm: the UNPACK_SEQUENCE_TUPLE specialization's shape, inlined.
        items = v.ob_item
        for i in range(argcnt):
            o = items[i]
            Py_INCREF(o)
            out[top - 1 - i] = o
        return
    if isinstance(v, PyListObject) and argcntafter == -1 and len(v.ob_item) == argcnt:
        litems = v.ob_item
        for i in range(argcnt):
            o = litems[i]
            Py_INCREF(o)
            out[top - 1 - i] = o
        return
    try:
        it = PyObject_GetIter(v)
    except PyErr as e:
        if e.matches(PyExc_TypeError) and v.ob_type.tp_iter is None \
                and not PySequence_Check(v):
            PyErr_SetString(PyExc_TypeError,
                            f"cannot unpack non-iterable {v.ob_type.tp_name[:200]} object")
        raise
    got: list[PyObject] = []
    try:
        for i in range(argcnt):
            w = PyIter_Next(it)
            if w is None:
                if argcntafter == -1:
                    PyErr_SetString(
                        PyExc_ValueError,
                        f"not enough values to unpack (expected {argcnt}, got {i})")
                PyErr_SetString(
                    PyExc_ValueError,
                    f"not enough values to unpack (expected at least "
                    f"{argcnt + argcntafter}, got {i})")
            got.append(w)
        if argcntafter == -1:
            w = PyIter_Next(it)
            if w is None:
                for i in range(argcnt):
                    out[top - 1 - i] = got[i]
                got = []
                return
            Py_DECREF(w)
            if isinstance(v, (PyListObject, PyTupleObject)):
                ll = len(v.ob_item)
                if ll > argcnt:
                    PyErr_SetString(
                        PyExc_ValueError,
                        f"too many values to unpack (expected {argcnt}, got {ll})")
            elif isinstance(v, PyDictObject):
                ll = v.ma_used
                if ll > argcnt:
                    PyErr_SetString(
                        PyExc_ValueError,
                        f"too many values to unpack (expected {argcnt}, got {ll})")
            PyErr_SetString(PyExc_ValueError,
                            f"too many values to unpack (expected {argcnt})")
        lst = PySequence_List(it)
        assert isinstance(lst, PyListObject)
        ll = len(lst.ob_item)
        if ll < argcntafter:
            Py_DECREF(lst)
            PyErr_SetString(
                PyExc_ValueError,
                f"not enough values to unpack (expected at least "
                f"{argcnt + argcntafter}, got {argcnt + ll})")
        after = lst.ob_item[ll - argcntafter:]
        del lst.ob_item[ll - argcntafter:]
        n = 0
        for g in got:
            out[top - 1 - n] = g
            n += 1
        got = []
        out[top - 1 - n] = lst
        n += 1
        for a in after:
            out[top - 1 - n] = a
            n += 1
    finally:
        for g in got:
            Py_DECREF(g)
        Py_DECREF(it)


# ---------------------------------------------------------------------------
# Frames


def _PyEvalFramePushAndInit(tstate: PyThreadState, func: PyFunctionObject,
                            locals_: Optional[PyObject], args: list[Optional[PyObject]],
                            start: int, argcount: int, kwnames: Optional[PyObject],
                            previous: Optional[_PyInterpreterFrame]) -> _PyInterpreterFrame:
    """CPython: Python/ceval.c:_PyEvalFramePushAndInit

    Consumes the references to ``func``, ``locals_`` and every argument
    (``args[start:start + argcount + len(kwnames)]``), even on error: a
    failed binding clears the new frame, which releases them.
    """
    code = func.func_code
    Py_INCREF(code)
    frame = _PyInterpreterFrame(code, func, func.func_globals, func.func_builtins,
                                locals_, previous)
    try:
        initialize_locals(func, frame.localsplus, args, start, argcount, kwnames)
    except PyErr:
        frame.stackpointer = code.co_nlocalsplus
        _PyFrame_ClearExceptCode(frame)
        Py_DECREF(code)
        raise
    return frame


def _format_missing(kind: str, names: list[str], qualname: str) -> PyErr:
    """CPython: Python/ceval.c:format_missing"""
    n = len(names)
    if n == 1:
        name_str = names[0]
    elif n == 2:
        name_str = f"{names[0]} and {names[1]}"
    else:
        name_str = ", ".join(names[:-2]) + f", {names[-2]}, and {names[-1]}"
    return PyErr(PyExc_TypeError, None,
                 f"{qualname}() missing {n} required {kind} argument"
                 f"{'' if n == 1 else 's'}: {name_str}", None)


def missing_arguments(co: PyCodeObject, missing: int, defcount: int,
                      localsplus: list[Optional[PyObject]], qualname: str) -> PyErr:
    """CPython: Python/ceval.c:missing_arguments"""
    positional = defcount != -1
    if positional:
        start = 0
        end = co.co_argcount - defcount
    else:
        start = co.co_argcount
        end = start + co.co_kwonlyargcount
    names: list[str] = []
    for i in range(start, end):
        if localsplus[i] is None:
            r = PyObject_Repr(co.co_localsplusnames_items[i])
            names.append(_name_str(r))
            Py_DECREF(r)
    return _format_missing("positional" if positional else "keyword-only", names, qualname)


def too_many_positional(co: PyCodeObject, given: int, defaults: Optional[PyObject],
                        localsplus: list[Optional[PyObject]], qualname: str) -> PyErr:
    """CPython: Python/ceval.c:too_many_positional"""
    kwonly_given = 0
    co_argcount = co.co_argcount
    for i in range(co_argcount, co_argcount + co.co_kwonlyargcount):
        if localsplus[i] is not None:
            kwonly_given += 1
    defcount = 0
    if defaults is not None:
        assert isinstance(defaults, PyTupleObject)
        defcount = len(defaults.ob_item)
    if defcount:
        atleast = co_argcount - defcount
        plural = True
        sig = f"from {atleast} to {co_argcount}"
    else:
        plural = co_argcount != 1
        sig = f"{co_argcount}"
    if kwonly_given:
        kwonly_sig = (f" positional argument{'s' if given != 1 else ''}"
                      f" (and {kwonly_given} keyword-only argument"
                      f"{'s' if kwonly_given != 1 else ''})")
    else:
        kwonly_sig = ""
    was = "was" if given == 1 and not kwonly_given else "were"
    return PyErr(PyExc_TypeError, None,
                 f"{qualname}() takes {sig} positional argument{'s' if plural else ''}"
                 f" but {given}{kwonly_sig} {was} given", None)


def positional_only_passed_as_keyword(co: PyCodeObject, kwnames: list[PyObject],
                                      qualname: str) -> Optional[PyErr]:
    """CPython: Python/ceval.c:positional_only_passed_as_keyword"""
    conflicts: list[str] = []
    for k in range(co.co_posonlyargcount):
        posonly_name = co.co_localsplusnames_items[k]
        for kwname in kwnames:
            if kwname is posonly_name or _name_str(kwname) == _name_str(posonly_name):
                conflicts.append(_name_str(kwname))
    if conflicts:
        return PyErr(PyExc_TypeError, None,
                     f"{qualname}() got some positional-only arguments passed as "
                     f"keyword arguments: '{', '.join(conflicts)}'", None)
    return None


def initialize_locals(func: PyFunctionObject, localsplus: list[Optional[PyObject]],
                      args: list[Optional[PyObject]], start: int, argcount: int,
                      kwnames: Optional[PyObject]) -> None:
    """CPython: Python/ceval.c:initialize_locals

    Binds the arguments to the parameters, stealing every argument
    reference: each is either stored in ``localsplus`` (which the frame
    owns) or released here. The messages are C's, word for word.
    """
    from pyvm.eval.traceback import _Py_CalculateSuggestions

    co = func.func_code
    total_args = co.co_argcount + co.co_kwonlyargcount
    kwcount = 0
    kwitems: list[PyObject] = []
    if kwnames is not None:
        assert isinstance(kwnames, PyTupleObject)
        kwitems = kwnames.ob_item
        kwcount = len(kwitems)
    kwdict: Optional[PyObject] = None
    if co.co_flags & CO_VARKEYWORDS:
        kwdict = PyDict_New()
        i = total_args
        if co.co_flags & CO_VARARGS:
            i += 1
        localsplus[i] = kwdict
    n = argcount if argcount <= co.co_argcount else co.co_argcount
    for j in range(n):
        localsplus[j] = args[start + j]
    if co.co_flags & CO_VARARGS:
        rest: list[PyObject] = []
        for j in range(n, argcount):
            a = args[start + j]
            assert a is not None
            rest.append(a)
        localsplus[total_args] = _PyTuple_FromArraySteal(rest)
    else:
        for j in range(n, argcount):
            Py_XDECREF(args[start + j])
    qualname = _name_str(func.func_qualname)
    varnames = co.co_localsplusnames_items
    i = 0
    try:
        while i < kwcount:
            keyword = kwitems[i]
            value = args[start + argcount + i]
            assert value is not None
            if not isinstance(keyword, PyUnicodeObject):
                raise PyErr(PyExc_TypeError, None, f"{qualname}() keywords must be strings", None)
            found = -1
            for j in range(co.co_posonlyargcount, total_args):
                if varnames[j] is keyword:
                    found = j
                    break
            if found < 0:
                kw = keyword.value
                for j in range(co.co_posonlyargcount, total_args):
                    if _name_str(varnames[j]) == kw:
                        found = j
                        break
            if found < 0:
                if kwdict is None:
                    if co.co_posonlyargcount:
                        perr = positional_only_passed_as_keyword(co, kwitems, qualname)
                        if perr is not None:
                            raise perr
                    suggestion: Optional[str] = None
                    if total_args > co.co_posonlyargcount:
                        suggestion = _Py_CalculateSuggestions(
                            [_name_str(varnames[k])
                             for k in range(co.co_posonlyargcount, total_args)],
                            keyword.value)
                    if suggestion is not None:
                        raise PyErr(PyExc_TypeError, None,
                                    f"{qualname}() got an unexpected keyword argument "
                                    f"'{keyword.value}'. Did you mean '{suggestion}'?", None)
                    raise PyErr(PyExc_TypeError, None,
                                f"{qualname}() got an unexpected keyword argument "
                                f"'{keyword.value}'", None)
                PyDict_SetItem(kwdict, keyword, value)
                Py_DECREF(value)
                i += 1
                continue
            if localsplus[found] is not None:
                raise PyErr(PyExc_TypeError, None,
                            f"{qualname}() got multiple values for argument "
                            f"'{keyword.value}'", None)
            localsplus[found] = value
            i += 1
    except PyErr:
        # kw_fail: release the keyword values not yet stored.
        while i < kwcount:
            Py_XDECREF(args[start + argcount + i])
            i += 1
        raise
    if argcount > co.co_argcount and not (co.co_flags & CO_VARARGS):
        raise too_many_positional(co, argcount, func.func_defaults, localsplus, qualname)
    if argcount < co.co_argcount:
        defs: list[PyObject] = []
        fd = func.func_defaults
        if fd is not None:
            assert isinstance(fd, PyTupleObject)
            defs = fd.ob_item
        defcount = len(defs)
        m = co.co_argcount - defcount
        missing = 0
        for i in range(argcount, m):
            if localsplus[i] is None:
                missing += 1
        if missing:
            raise missing_arguments(co, missing, defcount, localsplus, qualname)
        i = n - m if n > m else 0
        while i < defcount:
            if localsplus[m + i] is None:
                d = defs[i]
                Py_INCREF(d)
                localsplus[m + i] = d
            i += 1
    if co.co_kwonlyargcount > 0:
        missing = 0
        kwdefs = func.func_kwdefaults
        for i in range(co.co_argcount, total_args):
            if localsplus[i] is not None:
                continue
            if kwdefs is not None:
                dv = PyDict_GetItemWithError(kwdefs, varnames[i])
                if dv is not None:
                    Py_INCREF(dv)
                    localsplus[i] = dv
                    continue
            missing += 1
        if missing:
            raise missing_arguments(co, missing, -1, localsplus, qualname)


def _PyEval_FrameClearAndPop(tstate: PyThreadState, frame: _PyInterpreterFrame) -> None:
    """CPython: Python/ceval.c:_PyEval_FrameClearAndPop

    Releases the frame's references (unless its frame object takes them
    over) and the code reference.
    """
    owned_by_fo = False
    if frame.frame_obj is not None:
        fo = frame.frame_obj
        owned_by_fo = fo.ob_refcnt > 1
    _PyFrame_ClearExceptCode(frame)
    if not owned_by_fo:
        Py_DECREF(frame.f_executable)


def _Py_EnterRecursivePy(tstate: PyThreadState) -> None:
    """pyvm: mirrors ``_Py_EnterRecursivePy`` of Python/ceval_macros.h (a header)

    pyvm: the counter is only decremented when the check passes, so a
    failed entry needs no ``_Py_LeaveRecursiveCallPy``.
    """
    if tstate.py_recursion_remaining <= 0:
        _Py_CheckRecursiveCallPy(tstate)
    tstate.py_recursion_remaining -= 1


def _Py_CheckRecursiveCallPy(tstate: PyThreadState) -> None:
    """CPython: Python/ceval.c:_Py_CheckRecursiveCallPy"""
    if tstate.recursion_headroom:
        if tstate.py_recursion_remaining < -50:
            raise SystemError("pyvm: cannot recover from Python stack overflow")
        return
    tstate.recursion_headroom += 1
    try:
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded")
    finally:
        tstate.recursion_headroom -= 1


def _start_frame(tstate: PyThreadState, frame: _PyInterpreterFrame) -> None:
    """pyvm: the ``start_frame`` label of Python/bytecodes.c

    The recursion check at the start of every frame; on failure the frame is
    popped before it ran (``exit_unwind``) and the error belongs to the
    caller.
    """
    try:
        _Py_EnterRecursivePy(tstate)
    except PyErr:
        _PyEval_FrameClearAndPop(tstate, frame)
        raise
    tstate.current_frame = frame


def _PyEval_Vector(func: PyFunctionObject, locals_: Optional[PyObject],
                   args: list[PyObject], start: int, argcount: int,
                   kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_Vector

    The arguments are borrowed (C takes new references before handing them
    to ``_PyEvalFramePushAndInit``, which steals them).
    """
    tstate = _tstate
    Py_INCREF(func)
    if locals_ is not None:
        Py_INCREF(locals_)
    total = argcount
    if kwnames is not None:
        assert isinstance(kwnames, PyTupleObject)
        total += len(kwnames.ob_item)
    owned: list[Optional[PyObject]] = []
    for i in range(start, start + total):
        a = args[i]
        Py_INCREF(a)
        owned.append(a)
    frame = _PyEvalFramePushAndInit(tstate, func, locals_, owned, 0, argcount, kwnames,
                                    tstate.current_frame)
    return _PyEval_EvalFrame(tstate, frame, 0)


def _PyEval_EvalFrame(tstate: PyThreadState, frame: _PyInterpreterFrame,
                      throwflag: int) -> PyObject:
    """pyvm: mirrors ``_PyEval_EvalFrame`` of Include/internal/pycore_ceval.h (a header, outside the index)"""
    _Py_EnterRecursiveCall("")
    try:
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag)
    finally:
        _Py_LeaveRecursiveCall()


def PyEval_EvalCode(co: PyObject, globals_: PyObject, locals_: Optional[PyObject]) -> PyObject:
    """CPython: Python/ceval.c:PyEval_EvalCode

    Runs a module-level code object with the given namespaces (borrowed) and
    returns the result (a new reference).
    """
    from pyvm.objects.funcobject import _PyDict_LoadBuiltinsFromGlobals

    assert isinstance(co, PyCodeObject)
    tstate = _tstate
    builtins = _PyDict_LoadBuiltinsFromGlobals(globals_)
    # pyvm: C builds a throw-away function object (PyFunction_New) to carry
    # globals/builtins; the frame only needs them, so they are passed directly
    # and the frame has no f_funcobj.
    Py_INCREF(co)
    loc = globals_ if locals_ is None else locals_
    Py_INCREF(loc)
    frame = _PyInterpreterFrame(co, None, globals_, builtins, loc, tstate.current_frame)
    try:
        return _PyEval_EvalFrame(tstate, frame, 0)
    finally:
        Py_DECREF(builtins)


def _PyEval_GetBuiltins(tstate: PyThreadState) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_GetBuiltins

    A borrowed reference to the builtins of the running frame.
    """
    frame = tstate.current_frame
    if frame is not None:
        return frame.f_builtins
    b = _func_hooks.builtins
    assert b is not None
    return b


# ---------------------------------------------------------------------------
# Out-of-line instruction bodies (the less frequent ones)


def _load_name(frame: _PyInterpreterFrame, name: PyObject) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_LoadName

    Returns a new reference.
    """
    loc = frame.f_locals
    if loc is None:
        r = _name_str(PyObject_Repr(name))
        PyErr_SetString(PyExc_SystemError, f"no locals found when loading {r}")
    if isinstance(loc, PyDictObject):
        v = PyDict_GetItemWithError(loc, name)
        if v is not None:
            Py_INCREF(v)
            return v
    else:
        try:
            return PyObject_GetItem(loc, name)
        except PyErr as e:
            if not e.matches(PyExc_KeyError):
                raise
    v = PyDict_GetItemWithError(frame.f_globals, name)
    if v is None:
        v = PyDict_GetItemWithError(frame.f_builtins, name)
        if v is None:
            raise _PyEval_FormatExcCheckArg(PyExc_NameError, NAME_ERROR_MSG, name)
    Py_INCREF(v)
    return v


def _load_global(frame: _PyInterpreterFrame, name: PyObject) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_LoadGlobalStackRef

    Returns a new reference. With two exact dicts, one hash computation
    serves both lookups (``_PyDict_LoadGlobal``).
    """
    g = frame.f_globals
    b = frame.f_builtins
    if isinstance(g, PyDictObject) and isinstance(b, PyDictObject):
        r = _PyDict_LoadGlobal(g, b, name)
        if r is None:
            raise _PyEval_FormatExcCheckArg(PyExc_NameError, NAME_ERROR_MSG, name)
        return r
    v = PyDict_GetItemWithError(g, name)
    if v is None:
        v = PyDict_GetItemWithError(b, name)
        if v is None:
            raise _PyEval_FormatExcCheckArg(PyExc_NameError, NAME_ERROR_MSG, name)
    Py_INCREF(v)
    return v


def _build_map(ls: list[Optional[PyObject]], base: int, n: int) -> PyObject:
    """CPython: Objects/dictobject.c:_PyDict_FromItems

    Builds a dict from ``n`` key/value pairs laid out on the stack (borrowed).
    """
    d = PyDict_New()
    try:
        for i in range(n):
            k = ls[base + 2 * i]
            v = ls[base + 2 * i + 1]
            assert k is not None and v is not None
            PyDict_SetItem(d, k, v)
    except PyErr:
        Py_DECREF(d)
        raise
    return d


def _build_string(ls: list[Optional[PyObject]], base: int, n: int) -> PyObject:
    """CPython: Objects/unicodeobject.c:_PyUnicode_JoinArray"""
    parts: list[str] = []
    for i in range(base, base + n):
        p = ls[i]
        assert isinstance(p, PyUnicodeObject)
        parts.append(p.value)
    return PyUnicode_FromString("".join(parts))


def _convert_value(value: PyObject, oparg: int) -> PyObject:
    """CPython: Python/bytecodes.c:CONVERT_VALUE"""
    if oparg == FVC_STR:
        return PyObject_Str(value)
    if oparg == FVC_REPR:
        return PyObject_Repr(value)
    return PyObject_ASCII(value)


def _call_intrinsic_1(tstate: PyThreadState, oparg: int, value: PyObject) -> PyObject:
    """CPython: Python/intrinsics.c:list_to_tuple

    CPython: Python/intrinsics.c:unary_pos

    Returns a new reference; ``value`` is borrowed.
    """
    if oparg == INTRINSIC_LIST_TO_TUPLE:
        return PyList_AsTuple(value)
    if oparg == INTRINSIC_UNARY_POSITIVE:
        return PyNumber_Positive(value)
    PyErr_SetString(PyExc_SystemError, f"pyvm: intrinsic {oparg} is not supported yet")


def _load_common_constant(frame: _PyInterpreterFrame, oparg: int) -> PyObject:
    """CPython: Python/bytecodes.c:LOAD_COMMON_CONSTANT

    C keeps these in ``interp->common_consts``; pyvm reads the builtins
    from the builtins module. Returns a new reference.
    """
    if oparg == CONSTANT_ASSERTIONERROR:
        return PyExc_AssertionError
    if oparg == CONSTANT_NOTIMPLEMENTEDERROR:
        return PyExc_NotImplementedError
    b = _func_hooks.builtins
    assert b is not None
    name = "tuple" if oparg == CONSTANT_BUILTIN_TUPLE else (
        "all" if oparg == CONSTANT_BUILTIN_ALL else "any")
    v = PyDict_GetItemWithError(b, PyUnicode_InternFromString(name))
    assert v is not None
    Py_INCREF(v)
    return v


def _set_function_attribute(func: PyFunctionObject, oparg: int, attr: PyObject) -> None:
    """CPython: Python/bytecodes.c:SET_FUNCTION_ATTRIBUTE

    Steals ``attr``.
    """
    if oparg == MAKE_FUNCTION_CLOSURE:
        func.func_closure = attr
    elif oparg == MAKE_FUNCTION_DEFAULTS:
        func.func_defaults = attr
    elif oparg == MAKE_FUNCTION_KWDEFAULTS:
        func.func_kwdefaults = attr
    elif oparg == MAKE_FUNCTION_ANNOTATIONS:
        func.func_annotations = attr
    elif oparg == MAKE_FUNCTION_ANNOTATE:
        func.func_annotate = attr
        if isinstance(attr, PyFunctionObject):
            # gh-137814: fix the qualname of __annotate__ functions.
            fixed = PyUnicode_FromString(f"{_name_str(func.func_qualname)}.__annotate__")
            old = attr.func_qualname
            attr.func_qualname = fixed
            Py_DECREF(old)
    else:
        Py_DECREF(attr)
        PyErr_SetString(PyExc_SystemError, f"bad SET_FUNCTION_ATTRIBUTE oparg {oparg}")


def _PyEval_ImportName(frame: _PyInterpreterFrame, name: PyObject, fromlist: PyObject,
                       level: PyObject) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_ImportName

    pyvm: C calls ``builtins.__import__`` (importlib). Until pyvm's import
    system is ported, only the modules pyvm implements natively (``sys``,
    ``builtins``) can be imported: they are found in ``sys.modules``.
    Returns a new reference.
    """
    from pyvm.modules.bltinmodule import _PyBuiltin_Init
    from pyvm.modules.sysmodule import _PySys_Create
    from pyvm.objects.exceptions import PyExc_ModuleNotFoundError

    nm = _name_str(name)
    sysmod = _PySys_Create()
    _PyBuiltin_Init()
    mods = PyDict_GetItemWithError(sysmod.md_dict, PyUnicode_InternFromString("modules"))
    top = nm.partition(".")[0]
    if mods is not None:
        m = PyDict_GetItemWithError(mods, PyUnicode_InternFromString(nm))
        if nm == "builtins" and m is None:
            from pyvm.modules.bltinmodule import _bstate
            bm = _bstate.module
            assert bm is not None
            PyDict_SetItem(mods, PyUnicode_InternFromString("builtins"), bm)
            m = bm
        if m is not None:
            if fromlist is Py_None or (isinstance(fromlist, PyTupleObject)
                                       and not fromlist.ob_item):
                t = PyDict_GetItemWithError(mods, PyUnicode_InternFromString(top))
                if t is not None:
                    m = t
            Py_INCREF(m)
            return m
    err = PyErr(PyExc_ModuleNotFoundError, None, f"No module named '{top}'", None)
    exc = err.normalize()
    PyObject_SetAttr(exc, PyUnicode_InternFromString("name"), PyUnicode_FromString(top))
    raise err


def _PyEval_ImportFrom(v: PyObject, name: PyObject) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_ImportFrom

    Returns a new reference.
    """
    from pyvm.objects.exceptions import PyExc_ImportError
    try:
        return PyObject_GetAttr(v, name)
    except PyErr as e:
        if not e.matches(PyExc_AttributeError):
            raise
    try:
        mod_name = PyObject_GetAttr(v, PyUnicode_InternFromString("__name__"))
        mn = _name_str(PyObject_Repr(mod_name))
        Py_DECREF(mod_name)
    except PyErr:
        mn = "'<unknown module name>'"
    r = _name_str(PyObject_Repr(name))
    raise PyErr(PyExc_ImportError, None,
                f"cannot import name {r} from {mn} (unknown location)", None)


def _kwargs_to_vector(kwargs: PyObject, items: list[Optional[PyObject]]) -> Optional[PyObject]:
    """pyvm: append the values of an exact dict to ``items`` (new references)
    and return the tuple of its keys (or None when empty) — the layout
    ``_PyStack_UnpackDict`` builds for a vectorcall, with its check that
    the keys are strings)."""
    names: list[PyObject] = []
    pos = 0
    while True:
        r = PyDict_Next(kwargs, pos)
        if r is None:
            break
        pos, k, v = r
        if not isinstance(k, PyUnicodeObject):
            # The caller releases `items`; the names taken so far go here.
            for o in names:
                Py_DECREF(o)
            PyErr_SetString(PyExc_TypeError, "keywords must be strings")
        Py_INCREF(k)
        Py_INCREF(v)
        names.append(k)
        items.append(v)
    if not names:
        return None
    return _PyTuple_FromArraySteal(names)


def _format_kwargs_error(func: PyObject, kwargs: PyObject, e: PyErr) -> PyErr:
    """CPython: Python/ceval.c:_PyEval_FormatKwargsError"""
    if e.matches(PyExc_AttributeError):
        return PyErr(PyExc_TypeError, None,
                     f"{_PyObject_FunctionStr(func)} argument after ** must be a mapping, "
                     f"not {kwargs.ob_type.tp_name[:200]}", None)
    if e.matches(PyExc_KeyError):
        exc = e.normalize()
        if isinstance(exc, PyBaseExceptionObject):
            args = exc.args
            if isinstance(args, PyTupleObject) and len(args.ob_item) == 1:
                key = PyObject_Str(args.ob_item[0])
                return PyErr(PyExc_TypeError, None,
                             f"{_PyObject_FunctionStr(func)} got multiple values for "
                             f"keyword argument '{_name_str(key)}'", None)
    return e


# ---------------------------------------------------------------------------
# The loop



class _EvalBreaker:
    """pyvm: the eval breaker of Python/ceval_gil.c, reduced to what pyvm needs.

    Compiled (mypyc) code never lets the host interpreter run its signal
    handlers, so a Ctrl-C would go unnoticed in a loop. Every
    ``EVAL_BREAKER_INTERVAL`` backward jumps the loop calls ``check``, which the
    uncompiled launcher installs: entering it runs the host's pending signal
    handlers, and it raises the host ``KeyboardInterrupt`` if SIGINT arrived.
    """

    countdown: int
    check: Optional[Callable[[], None]]

    def __init__(self) -> None:
        self.countdown = EVAL_BREAKER_INTERVAL
        self.check = None


EVAL_BREAKER_INTERVAL: Final = 4096
_eval_breaker: Final = _EvalBreaker()


def _Py_HandlePending() -> None:
    """CPython: Python/ceval_gil.c:_Py_HandlePending

    Turns a pending SIGINT into the program's ``KeyboardInterrupt``, raised at
    the instruction that noticed it, as ``_PyErr_CheckSignals`` does.
    """
    _eval_breaker.countdown = EVAL_BREAKER_INTERVAL
    check = _eval_breaker.check
    if check is None:
        return
    try:
        check()
    except KeyboardInterrupt:
        # Imported here: the import block above is shared by many instructions.
        from pyvm.objects.exceptions import PyExc_KeyboardInterrupt
        from pyvm.objects.object import PyErr_SetNone
        PyErr_SetNone(PyExc_KeyboardInterrupt)


def _PyEval_EvalFrameDefault(tstate: PyThreadState, entry_frame: _PyInterpreterFrame,
                             throwflag: int) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_EvalFrameDefault

    Runs ``entry_frame`` (already initialised, its references owned by it)
    and every frame it calls, until ``entry_frame`` returns (the value, a new
    reference) or an exception leaves it (raised as ``PyErr``).
    """
    frame = entry_frame
    frame.previous = tstate.current_frame
    # start_frame: the entry frame is counted like every pushed frame.
    _start_frame(tstate, frame)
    # pending: an exception to deliver to `frame` (from a callee frame that
    # had no handler, or a bare re-raise); pending_tb says whether the frame
    # gets a traceback entry for it (C's `goto error` vs `goto exception_unwind`).
    pending: Optional[PyObject] = None
    pending_tb = False
    unwind_index = 0
    while True:
        code = frame.f_executable
        units = code.co_code_adaptive
        consts = code.co_consts_items
        names = code.co_names_items
        ls = frame.localsplus
        sp = frame.stackpointer
        next_instr = frame.instr_ptr + frame.return_offset
        frame.return_offset = 0
        this_instr = frame.instr_ptr
        if pending is None:
            try:
                while True:
                    word = units[next_instr]
                    opcode = word & 255
                    oparg = word >> 8
                    while opcode == EXTENDED_ARG:
                        # CPython: Python/bytecodes.c:EXTENDED_ARG
                        next_instr += 1
                        word = units[next_instr]
                        opcode = word & 255
                        oparg = (oparg << 8) | (word >> 8)
                    this_instr = next_instr

                    if opcode == LOAD_FAST_BORROW or opcode == LOAD_FAST:
                        # CPython: Python/bytecodes.c:LOAD_FAST
                        # (LOAD_FAST_BORROW: the same, with a new reference; see the module doc)
                        v = ls[oparg]
                        assert v is not None
                        Py_INCREF(v)
                        ls[sp] = v
                        sp += 1
                        next_instr += 1
                    elif opcode == LOAD_FAST_BORROW_LOAD_FAST_BORROW or \
                            opcode == LOAD_FAST_LOAD_FAST:
                        # CPython: Python/bytecodes.c:LOAD_FAST_BORROW_LOAD_FAST_BORROW
                        # CPython: Python/bytecodes.c:LOAD_FAST_LOAD_FAST
                        v = ls[oparg >> 4]
                        v2 = ls[oparg & 15]
                        assert v is not None and v2 is not None
                        Py_INCREF(v)
                        Py_INCREF(v2)
                        ls[sp] = v
                        ls[sp + 1] = v2
                        sp += 2
                        next_instr += 1
                    elif opcode == STORE_FAST:
                        # CPython: Python/bytecodes.c:STORE_FAST
                        sp -= 1
                        old = ls[oparg]
                        ls[oparg] = ls[sp]
                        if old is not None:
                            Py_DECREF(old)
                        next_instr += 1
                    elif opcode == LOAD_CONST:
                        # CPython: Python/bytecodes.c:LOAD_CONST
                        v = consts[oparg]
                        Py_INCREF(v)
                        ls[sp] = v
                        sp += 1
                        next_instr += 1
                    elif opcode == LOAD_SMALL_INT:
                        # CPython: Python/bytecodes.c:LOAD_SMALL_INT
                        ls[sp] = PyLong_FromLong(oparg)
                        sp += 1
                        next_instr += 1
                    elif opcode == POP_TOP or opcode == END_FOR or opcode == POP_ITER:
                        # CPython: Python/bytecodes.c:POP_TOP
                        # pyvm: END_FOR (Python/bytecodes.c; a tier-1-only instruction, not in the index) pops like POP_TOP
                        # CPython: Python/bytecodes.c:POP_ITER
                        sp -= 1
                        v = ls[sp]
                        if v is not None:
                            Py_DECREF(v)
                        next_instr += 1
                    elif opcode == BINARY_OP:
                        # CPython: Python/bytecodes.c:BINARY_OP
                        lhs = ls[sp - 2]
                        rhs = ls[sp - 1]
                        assert lhs is not None and rhs is not None
                        res = _PyEval_BinaryOps[oparg](lhs, rhs)
                        Py_DECREF(lhs)
                        Py_DECREF(rhs)
                        sp -= 1
                        ls[sp - 1] = res
                        next_instr += 6
                    elif opcode == LOAD_GLOBAL:
                        # CPython: Python/bytecodes.c:LOAD_GLOBAL
                        ls[sp] = _load_global(frame, names[oparg >> 1])
                        sp += 1
                        if oparg & 1:
                            ls[sp] = None
                            sp += 1
                        next_instr += 5
                    elif opcode == CALL:
                        # CPython: Python/bytecodes.c:CALL
                        base = sp - oparg - 2
                        callable_ = ls[base]
                        assert callable_ is not None
                        if ls[base + 1] is None and callable_.ob_type is PyMethod_Type:
                            # _MAYBE_EXPAND_METHOD: a bound method becomes its
                            # function with `self` in the NULL slot.
                            assert isinstance(callable_, PyMethodObject)
                            mself = callable_.im_self
                            mfunc = callable_.im_func
                            Py_INCREF(mself)
                            Py_INCREF(mfunc)
                            ls[base + 1] = mself
                            ls[base] = mfunc
                            Py_DECREF(callable_)
                            callable_ = mfunc
                        total = oparg
                        first = base + 2
                        if ls[base + 1] is not None:
                            first -= 1
                            total += 1
                        if callable_.ob_type is PyFunction_Type:
                            # _PY_FRAME_GENERAL: the callee frame takes the
                            # callable and the arguments.
                            assert isinstance(callable_, PyFunctionObject)
                            frame.instr_ptr = this_instr
                            frame.return_offset = 4
                            sp = base
                            frame.stackpointer = sp
                            new_frame = _PyEvalFramePushAndInit(
                                tstate, callable_, None, ls, first, total, None, frame)
                            _start_frame(tstate, new_frame)
                            frame = new_frame
                            break
                        frame.instr_ptr = this_instr
                        frame.stackpointer = sp
                        res = PyObject_Vectorcall(callable_, ls, first, total, None)  # type: ignore[arg-type]  # the argument slots are non-NULL
                        for i in range(base, sp):
                            o = ls[i]
                            if o is not None:
                                Py_DECREF(o)
                        sp = base + 1
                        ls[base] = res
                        next_instr += 4
                    elif opcode == STORE_NAME:
                        # CPython: Python/bytecodes.c:STORE_NAME
                        v = ls[sp - 1]
                        assert v is not None
                        ns = frame.f_locals
                        if ns is None:
                            r = _name_str(PyObject_Repr(names[oparg]))
                            PyErr_SetString(PyExc_SystemError,
                                            f"no locals found when storing {r}")
                        if isinstance(ns, PyDictObject):
                            PyDict_SetItem(ns, names[oparg], v)
                        else:
                            PyObject_SetItem(ns, names[oparg], v)
                        sp -= 1
                        Py_DECREF(v)
                        next_instr += 1
                    elif opcode == LOAD_NAME:
                        # CPython: Python/bytecodes.c:LOAD_NAME
                        ls[sp] = _load_name(frame, names[oparg])
                        sp += 1
                        next_instr += 1
                    elif opcode == RESUME or opcode == NOP or opcode == NOT_TAKEN:
                        # CPython: Python/bytecodes.c:RESUME
                        # CPython: Python/bytecodes.c:NOP
                        # CPython: Python/bytecodes.c:NOT_TAKEN
                        next_instr += 1
                    elif opcode == TO_BOOL:
                        # CPython: Python/bytecodes.c:TO_BOOL
                        v = ls[sp - 1]
                        assert v is not None
                        if v is not Py_True and v is not Py_False:
                            b = PyObject_IsTrue(v)
                            Py_DECREF(v)
                            ls[sp - 1] = Py_True if b else Py_False
                        next_instr += 4
                    elif opcode == POP_JUMP_IF_FALSE:
                        # CPython: Python/bytecodes.c:POP_JUMP_IF_FALSE
                        sp -= 1
                        next_instr += 2
                        if ls[sp] is Py_False:
                            next_instr += oparg
                    elif opcode == POP_JUMP_IF_TRUE:
                        # CPython: Python/bytecodes.c:POP_JUMP_IF_TRUE
                        sp -= 1
                        next_instr += 2
                        if ls[sp] is Py_True:
                            next_instr += oparg
                    elif opcode == COMPARE_OP:
                        # CPython: Python/bytecodes.c:COMPARE_OP
                        lhs = ls[sp - 2]
                        rhs = ls[sp - 1]
                        assert lhs is not None and rhs is not None
                        res = PyObject_RichCompare(lhs, rhs, oparg >> 5)
                        if oparg & 16:
                            try:
                                b = PyObject_IsTrue(res)
                            finally:
                                Py_DECREF(res)
                            res = Py_True if b else Py_False
                        Py_DECREF(lhs)
                        Py_DECREF(rhs)
                        sp -= 1
                        ls[sp - 1] = res
                        next_instr += 2
                    elif opcode == FOR_ITER:
                        # CPython: Python/bytecodes.c:FOR_ITER
                        it = ls[sp - 1]
                        assert it is not None
                        func = it.ob_type.tp_iternext
                        if func is None:
                            PyErr_SetString(
                                PyExc_TypeError,
                                f"'{it.ob_type.tp_name[:100]}' object is not an iterator")
                        try:
                            nxt = func(it)
                        except PyErr as e:
                            if not e.matches(PyExc_StopIteration):
                                raise
                            ev = e.exc_value
                            if ev is not None:
                                Py_DECREF(ev)
                            nxt = None
                        if nxt is None:
                            # Jump forward oparg, then skip the END_FOR.
                            next_instr += 2 + oparg + 1
                        else:
                            ls[sp] = nxt
                            sp += 1
                            next_instr += 2
                    elif opcode == JUMP_BACKWARD:
                        # CPython: Python/bytecodes.c:JUMP_BACKWARD
                        next_instr += 2 - oparg
                        # CHECK_EVAL_BREAKER, every few thousand back jumps.
                        _eval_breaker.countdown -= 1
                        if _eval_breaker.countdown <= 0:
                            _Py_HandlePending()
                    elif opcode == RETURN_VALUE:
                        # CPython: Python/bytecodes.c:RETURN_VALUE
                        sp -= 1
                        retval = ls[sp]
                        assert retval is not None
                        frame.stackpointer = sp
                        tstate.py_recursion_remaining += 1
                        dying = frame
                        if dying is entry_frame:
                            tstate.current_frame = dying.previous
                            _PyEval_FrameClearAndPop(tstate, dying)
                            return retval
                        prev = dying.previous
                        assert prev is not None
                        frame = prev
                        tstate.current_frame = frame
                        _PyEval_FrameClearAndPop(tstate, dying)
                        psp = frame.stackpointer
                        frame.localsplus[psp] = retval
                        frame.stackpointer = psp + 1
                        break
                    elif opcode == LOAD_ATTR:
                        # CPython: Python/bytecodes.c:LOAD_ATTR
                        owner = ls[sp - 1]
                        assert owner is not None
                        if oparg & 1:
                            # The method form: an unbound method descriptor is
                            # pushed with `owner` as self (no bound method made).
                            attr, is_meth = _PyObject_GetMethod(owner, names[oparg >> 1])
                            ls[sp - 1] = attr
                            if is_meth:
                                ls[sp] = owner
                            else:
                                ls[sp] = None
                                Py_DECREF(owner)
                            sp += 1
                        else:
                            attr = PyObject_GetAttr(owner, names[oparg >> 1])
                            Py_DECREF(owner)
                            ls[sp - 1] = attr
                        next_instr += 10
                    elif opcode == PUSH_NULL:
                        # CPython: Python/bytecodes.c:PUSH_NULL
                        ls[sp] = None
                        sp += 1
                        next_instr += 1
                    elif opcode == GET_ITER:
                        # CPython: Python/bytecodes.c:GET_ITER
                        v = ls[sp - 1]
                        assert v is not None
                        it = PyObject_GetIter(v)
                        Py_DECREF(v)
                        ls[sp - 1] = it
                        next_instr += 1
                    elif opcode == JUMP_FORWARD:
                        # CPython: Python/bytecodes.c:JUMP_FORWARD
                        next_instr += 1 + oparg
                    elif opcode == POP_JUMP_IF_NONE:
                        # CPython: Python/bytecodes.c:POP_JUMP_IF_NONE
                        sp -= 1
                        v = ls[sp]
                        next_instr += 2
                        if v is Py_None:
                            next_instr += oparg
                        elif v is not None:
                            Py_DECREF(v)
                    elif opcode == POP_JUMP_IF_NOT_NONE:
                        # CPython: Python/bytecodes.c:POP_JUMP_IF_NOT_NONE
                        sp -= 1
                        v = ls[sp]
                        next_instr += 2
                        if v is not Py_None:
                            next_instr += oparg
                            if v is not None:
                                Py_DECREF(v)
                    elif opcode == STORE_FAST_LOAD_FAST:
                        # CPython: Python/bytecodes.c:STORE_FAST_LOAD_FAST
                        old = ls[oparg >> 4]
                        ls[oparg >> 4] = ls[sp - 1]
                        v = ls[oparg & 15]
                        assert v is not None
                        Py_INCREF(v)
                        ls[sp - 1] = v
                        if old is not None:
                            Py_DECREF(old)
                        next_instr += 1
                    elif opcode == STORE_FAST_STORE_FAST:
                        # CPython: Python/bytecodes.c:STORE_FAST_STORE_FAST
                        old = ls[oparg >> 4]
                        ls[oparg >> 4] = ls[sp - 1]
                        if old is not None:
                            Py_DECREF(old)
                        old = ls[oparg & 15]
                        ls[oparg & 15] = ls[sp - 2]
                        sp -= 2
                        if old is not None:
                            Py_DECREF(old)
                        next_instr += 1
                    elif opcode == IS_OP:
                        # CPython: Python/bytecodes.c:IS_OP
                        lhs = ls[sp - 2]
                        rhs = ls[sp - 1]
                        assert lhs is not None and rhs is not None
                        b = (lhs is rhs) != (oparg != 0)
                        Py_DECREF(lhs)
                        Py_DECREF(rhs)
                        sp -= 1
                        ls[sp - 1] = Py_True if b else Py_False
                        next_instr += 1
                    elif opcode == CONTAINS_OP:
                        # CPython: Python/bytecodes.c:CONTAINS_OP
                        lhs = ls[sp - 2]
                        rhs = ls[sp - 1]
                        assert lhs is not None and rhs is not None
                        b = PySequence_Contains(rhs, lhs) != (oparg != 0)
                        Py_DECREF(lhs)
                        Py_DECREF(rhs)
                        sp -= 1
                        ls[sp - 1] = Py_True if b else Py_False
                        next_instr += 2
                    elif opcode == UNARY_NOT:
                        # CPython: Python/bytecodes.c:UNARY_NOT
                        ls[sp - 1] = Py_True if ls[sp - 1] is Py_False else Py_False
                        next_instr += 1
                    elif opcode == UNARY_NEGATIVE or opcode == UNARY_INVERT:
                        # CPython: Python/bytecodes.c:UNARY_NEGATIVE
                        # CPython: Python/bytecodes.c:UNARY_INVERT
                        v = ls[sp - 1]
                        assert v is not None
                        res = PyNumber_Negative(v) if opcode == UNARY_NEGATIVE \
                            else PyNumber_Invert(v)
                        Py_DECREF(v)
                        ls[sp - 1] = res
                        next_instr += 1
                    elif opcode == BUILD_TUPLE:
                        # CPython: Python/bytecodes.c:BUILD_TUPLE
                        items: list[PyObject] = ls[sp - oparg:sp]  # type: ignore[assignment]  # stack slots are non-NULL
                        sp -= oparg
                        ls[sp] = _PyTuple_FromArraySteal(items)
                        sp += 1
                        next_instr += 1
                    elif opcode == BUILD_LIST:
                        # CPython: Python/bytecodes.c:BUILD_LIST
                        from pyvm.objects.listobject import _PyList_FromArraySteal
                        litems: list[PyObject] = ls[sp - oparg:sp]  # type: ignore[assignment]  # stack slots are non-NULL
                        sp -= oparg
                        ls[sp] = _PyList_FromArraySteal(litems)
                        sp += 1
                        next_instr += 1
                    elif opcode == LIST_APPEND:
                        # CPython: Python/bytecodes.c:LIST_APPEND
                        lst = ls[sp - 1 - oparg]
                        v = ls[sp - 1]
                        assert isinstance(lst, PyListObject) and v is not None
                        _PyList_AppendTakeRef(lst, v)
                        sp -= 1
                        next_instr += 1
                    elif opcode == STORE_SUBSCR:
                        # CPython: Python/bytecodes.c:STORE_SUBSCR
                        v = ls[sp - 3]
                        container = ls[sp - 2]
                        sub = ls[sp - 1]
                        assert v is not None and container is not None and sub is not None
                        PyObject_SetItem(container, sub, v)
                        sp -= 3
                        Py_DECREF(v)
                        Py_DECREF(container)
                        Py_DECREF(sub)
                        next_instr += 2
                    elif opcode == STORE_ATTR:
                        # CPython: Python/bytecodes.c:STORE_ATTR
                        v = ls[sp - 2]
                        owner = ls[sp - 1]
                        assert v is not None and owner is not None
                        PyObject_SetAttr(owner, names[oparg], v)
                        sp -= 2
                        Py_DECREF(v)
                        Py_DECREF(owner)
                        next_instr += 5
                    elif opcode == COPY:
                        # CPython: Python/bytecodes.c:COPY
                        v = ls[sp - oparg]
                        assert v is not None
                        Py_INCREF(v)
                        ls[sp] = v
                        sp += 1
                        next_instr += 1
                    elif opcode == SWAP:
                        # CPython: Python/bytecodes.c:SWAP
                        v = ls[sp - 1]
                        ls[sp - 1] = ls[sp - oparg]
                        ls[sp - oparg] = v
                        next_instr += 1
                    elif opcode == LOAD_DEREF:
                        # CPython: Python/bytecodes.c:LOAD_DEREF
                        cell = ls[oparg]
                        assert isinstance(cell, PyCellObject)
                        v = cell.ob_ref
                        if v is None:
                            raise _PyEval_FormatExcUnbound(code, oparg)
                        Py_INCREF(v)
                        ls[sp] = v
                        sp += 1
                        next_instr += 1
                    elif opcode == STORE_DEREF:
                        # CPython: Python/bytecodes.c:STORE_DEREF
                        cell = ls[oparg]
                        assert isinstance(cell, PyCellObject)
                        sp -= 1
                        old = cell.ob_ref
                        cell.ob_ref = ls[sp]
                        if old is not None:
                            Py_DECREF(old)
                        next_instr += 1
                    elif opcode == LOAD_FAST_CHECK:
                        # CPython: Python/bytecodes.c:LOAD_FAST_CHECK
                        v = ls[oparg]
                        if v is None:
                            raise _PyEval_FormatExcCheckArg(
                                PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                code.co_localsplusnames_items[oparg])
                        Py_INCREF(v)
                        ls[sp] = v
                        sp += 1
                        next_instr += 1
                    elif opcode == LOAD_FAST_AND_CLEAR:
                        # CPython: Python/bytecodes.c:LOAD_FAST_AND_CLEAR
                        ls[sp] = ls[oparg]
                        ls[oparg] = None
                        sp += 1
                        next_instr += 1
                    else:
                        # Less frequent instructions, out of line in spirit
                        # but kept in this function since they touch `sp`.
                        frame.instr_ptr = this_instr
                        if opcode == JUMP_BACKWARD_NO_INTERRUPT:
                            # CPython: Python/bytecodes.c:JUMP_BACKWARD_NO_INTERRUPT
                            next_instr += 1 - oparg
                        elif opcode == MAKE_FUNCTION:
                            # CPython: Python/bytecodes.c:MAKE_FUNCTION
                            co = ls[sp - 1]
                            assert co is not None
                            fn = PyFunction_New(co, frame.f_globals)
                            Py_DECREF(co)
                            ls[sp - 1] = fn
                            next_instr += 1
                        elif opcode == SET_FUNCTION_ATTRIBUTE:
                            # CPython: Python/bytecodes.c:SET_FUNCTION_ATTRIBUTE
                            fattr = ls[sp - 2]
                            fn2 = ls[sp - 1]
                            assert isinstance(fn2, PyFunctionObject) and fattr is not None
                            sp -= 1
                            ls[sp - 1] = fn2
                            _set_function_attribute(fn2, oparg, fattr)
                            next_instr += 1
                        elif opcode == MAKE_CELL:
                            # CPython: Python/bytecodes.c:MAKE_CELL
                            initial = ls[oparg]
                            ls[oparg] = PyCell_New(initial)
                            if initial is not None:
                                Py_DECREF(initial)
                            next_instr += 1
                        elif opcode == COPY_FREE_VARS:
                            # CPython: Python/bytecodes.c:COPY_FREE_VARS
                            fobj = frame.f_funcobj
                            assert isinstance(fobj, PyFunctionObject)
                            closure = fobj.func_closure
                            assert isinstance(closure, PyTupleObject)
                            offset = code.co_nlocalsplus - oparg
                            for i in range(oparg):
                                o = closure.ob_item[i]
                                Py_INCREF(o)
                                ls[offset + i] = o
                            next_instr += 1
                        elif opcode == DELETE_FAST:
                            # CPython: Python/bytecodes.c:DELETE_FAST
                            v = ls[oparg]
                            if v is None:
                                raise _PyEval_FormatExcCheckArg(
                                    PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                    code.co_localsplusnames_items[oparg])
                            ls[oparg] = None
                            Py_DECREF(v)
                            next_instr += 1
                        elif opcode == DELETE_DEREF:
                            # CPython: Python/bytecodes.c:DELETE_DEREF
                            cell = ls[oparg]
                            assert isinstance(cell, PyCellObject)
                            v = cell.ob_ref
                            if v is None:
                                raise _PyEval_FormatExcUnbound(code, oparg)
                            cell.ob_ref = None
                            Py_DECREF(v)
                            next_instr += 1
                        elif opcode == STORE_GLOBAL:
                            # CPython: Python/bytecodes.c:STORE_GLOBAL
                            v = ls[sp - 1]
                            assert v is not None
                            PyDict_SetItem(frame.f_globals, names[oparg], v)
                            sp -= 1
                            Py_DECREF(v)
                            next_instr += 1
                        elif opcode == DELETE_GLOBAL:
                            # CPython: Python/bytecodes.c:DELETE_GLOBAL
                            name = names[oparg]
                            if PyDict_GetItemWithError(frame.f_globals, name) is None:
                                raise _PyEval_FormatExcCheckArg(
                                    PyExc_NameError, NAME_ERROR_MSG, name)
                            PyDict_DelItem(frame.f_globals, name)
                            next_instr += 1
                        elif opcode == DELETE_NAME:
                            # CPython: Python/bytecodes.c:DELETE_NAME
                            name = names[oparg]
                            ns = frame.f_locals
                            if ns is None:
                                r = _name_str(PyObject_Repr(name))
                                PyErr_SetString(PyExc_SystemError,
                                                f"no locals when deleting {r}")
                            try:
                                PyObject_DelItem(ns, name)
                            except PyErr:
                                raise _PyEval_FormatExcCheckArg(
                                    PyExc_NameError, NAME_ERROR_MSG, name)
                            next_instr += 1
                        elif opcode == DELETE_ATTR:
                            # CPython: Python/bytecodes.c:DELETE_ATTR
                            owner = ls[sp - 1]
                            assert owner is not None
                            PyObject_SetAttr(owner, names[oparg], None)
                            sp -= 1
                            Py_DECREF(owner)
                            next_instr += 1
                        elif opcode == BUILD_MAP:
                            # CPython: Python/bytecodes.c:BUILD_MAP
                            base = sp - 2 * oparg
                            d = _build_map(ls, base, oparg)
                            for i in range(base, sp):
                                o = ls[i]
                                if o is not None:
                                    Py_DECREF(o)
                            ls[base] = d
                            sp = base + 1
                            next_instr += 1
                        elif opcode == MAP_ADD:
                            # CPython: Python/bytecodes.c:MAP_ADD
                            dct = ls[sp - 3 - (oparg - 1)]
                            k = ls[sp - 2]
                            v = ls[sp - 1]
                            assert dct is not None and k is not None and v is not None
                            PyDict_SetItem(dct, k, v)
                            sp -= 2
                            Py_DECREF(k)
                            Py_DECREF(v)
                            next_instr += 1
                        elif opcode == LIST_EXTEND:
                            # CPython: Python/bytecodes.c:LIST_EXTEND
                            lst = ls[sp - 1 - oparg]
                            iterable = ls[sp - 1]
                            assert isinstance(lst, PyListObject) and iterable is not None
                            try:
                                _PyList_Extend(lst, iterable)
                            except PyErr as e:
                                if e.matches(PyExc_TypeError) and \
                                        iterable.ob_type.tp_iter is None and \
                                        not PySequence_Check(iterable):
                                    PyErr_SetString(
                                        PyExc_TypeError,
                                        f"Value after * must be an iterable, not "
                                        f"{iterable.ob_type.tp_name[:200]}")
                                raise
                            sp -= 1
                            Py_DECREF(iterable)
                            next_instr += 1
                        elif opcode == DICT_UPDATE:
                            # CPython: Python/bytecodes.c:DICT_UPDATE
                            dct = ls[sp - 1 - oparg]
                            upd = ls[sp - 1]
                            assert dct is not None and upd is not None
                            try:
                                PyDict_Update(dct, upd)
                            except PyErr as e:
                                if e.matches(PyExc_AttributeError):
                                    PyErr_SetString(
                                        PyExc_TypeError,
                                        f"'{upd.ob_type.tp_name[:200]}' object is not a mapping")
                                raise
                            sp -= 1
                            Py_DECREF(upd)
                            next_instr += 1
                        elif opcode == DICT_MERGE:
                            # CPython: Python/bytecodes.c:DICT_MERGE
                            dct = ls[sp - 1 - oparg]
                            upd = ls[sp - 1]
                            fnc = ls[sp - 1 - oparg - 3]
                            assert dct is not None and upd is not None and fnc is not None
                            try:
                                _PyDict_MergeEx(dct, upd, 2)
                            except PyErr as e:
                                raise _format_kwargs_error(fnc, upd, e)
                            sp -= 1
                            Py_DECREF(upd)
                            next_instr += 1
                        elif opcode == BUILD_SET:
                            # CPython: Python/bytecodes.c:BUILD_SET
                            from pyvm.objects.setobject import PySet_New, _PySet_AddTakeRef, PySetObject
                            st = PySet_New(None)
                            assert isinstance(st, PySetObject)
                            base = sp - oparg
                            serr: Optional[PyErr] = None
                            for i in range(base, sp):
                                o = ls[i]
                                ls[i] = None
                                assert o is not None
                                if serr is None:
                                    try:
                                        _PySet_AddTakeRef(st, o)
                                    except PyErr as e:
                                        serr = e
                                else:
                                    Py_DECREF(o)
                            sp = base
                            if serr is not None:
                                Py_DECREF(st)
                                raise serr
                            ls[sp] = st
                            sp += 1
                            next_instr += 1
                        elif opcode == SET_ADD:
                            # CPython: Python/bytecodes.c:SET_ADD
                            from pyvm.objects.setobject import _PySet_AddTakeRef, PySetObject
                            set_add_to = ls[sp - 1 - oparg]
                            set_add_v = ls[sp - 1]
                            assert isinstance(set_add_to, PySetObject) and set_add_v is not None
                            ls[sp - 1] = None
                            sp -= 1
                            _PySet_AddTakeRef(set_add_to, set_add_v)
                            next_instr += 1
                        elif opcode == SET_UPDATE:
                            # CPython: Python/bytecodes.c:SET_UPDATE
                            from pyvm.objects.setobject import _PySet_Update
                            set_upd = ls[sp - 1 - oparg]
                            iterable = ls[sp - 1]
                            assert set_upd is not None and iterable is not None
                            _PySet_Update(set_upd, iterable)
                            sp -= 1
                            Py_DECREF(iterable)
                            next_instr += 1
                        elif opcode == BUILD_SLICE:
                            # CPython: Python/bytecodes.c:BUILD_SLICE
                            base = sp - oparg
                            a0 = ls[base]
                            a1 = ls[base + 1]
                            a2 = ls[base + 2] if oparg == 3 else None
                            assert a0 is not None and a1 is not None
                            slc = PySlice_New(a0, a1, a2)
                            for i in range(base, sp):
                                o = ls[i]
                                if o is not None:
                                    Py_DECREF(o)
                            ls[base] = slc
                            sp = base + 1
                            next_instr += 1
                        elif opcode == BINARY_SLICE:
                            # CPython: Python/bytecodes.c:BINARY_SLICE
                            container = ls[sp - 3]
                            a0 = ls[sp - 2]
                            a1 = ls[sp - 1]
                            assert container is not None and a0 is not None and a1 is not None
                            slc = PySlice_New(a0, a1, None)
                            try:
                                res = PyObject_GetItem(container, slc)
                            finally:
                                Py_DECREF(slc)
                            Py_DECREF(container)
                            Py_DECREF(a0)
                            Py_DECREF(a1)
                            sp -= 2
                            ls[sp - 1] = res
                            next_instr += 1
                        elif opcode == STORE_SLICE:
                            # CPython: Python/bytecodes.c:STORE_SLICE
                            v = ls[sp - 4]
                            container = ls[sp - 3]
                            a0 = ls[sp - 2]
                            a1 = ls[sp - 1]
                            assert v is not None and container is not None
                            assert a0 is not None and a1 is not None
                            slc = PySlice_New(a0, a1, None)
                            try:
                                PyObject_SetItem(container, slc, v)
                            finally:
                                Py_DECREF(slc)
                            for i in range(sp - 4, sp):
                                o = ls[i]
                                if o is not None:
                                    Py_DECREF(o)
                            sp -= 4
                            next_instr += 1
                        elif opcode == DELETE_SUBSCR:
                            # CPython: Python/bytecodes.c:DELETE_SUBSCR
                            container = ls[sp - 2]
                            sub = ls[sp - 1]
                            assert container is not None and sub is not None
                            PyObject_DelItem(container, sub)
                            sp -= 2
                            Py_DECREF(container)
                            Py_DECREF(sub)
                            next_instr += 1
                        elif opcode == UNPACK_SEQUENCE:
                            # CPython: Python/bytecodes.c:UNPACK_SEQUENCE
                            seq = ls[sp - 1]
                            assert seq is not None
                            _PyEval_UnpackIterableStackRef(seq, oparg, -1, ls, sp - 1 + oparg)
                            Py_DECREF(seq)
                            sp += oparg - 1
                            next_instr += 2
                        elif opcode == UNPACK_EX:
                            # CPython: Python/bytecodes.c:UNPACK_EX
                            seq = ls[sp - 1]
                            assert seq is not None
                            n_total = (oparg & 0xFF) + 1 + (oparg >> 8)
                            _PyEval_UnpackIterableStackRef(seq, oparg & 0xFF, oparg >> 8,
                                                           ls, sp - 1 + n_total)
                            Py_DECREF(seq)
                            sp += n_total - 1
                            next_instr += 1
                        elif opcode == CALL_KW:
                            # CPython: Python/bytecodes.c:CALL_KW
                            kwn = ls[sp - 1]
                            assert isinstance(kwn, PyTupleObject)
                            base = sp - oparg - 3
                            callable_ = ls[base]
                            assert callable_ is not None
                            total = oparg
                            first = base + 2
                            if ls[base + 1] is not None:
                                first -= 1
                                total += 1
                            npos = total - len(kwn.ob_item)
                            if callable_.ob_type is PyFunction_Type:
                                assert isinstance(callable_, PyFunctionObject)
                                frame.return_offset = 4
                                sp = base
                                frame.stackpointer = sp
                                try:
                                    new_frame = _PyEvalFramePushAndInit(
                                        tstate, callable_, None, ls, first, npos, kwn, frame)
                                finally:
                                    Py_DECREF(kwn)
                                _start_frame(tstate, new_frame)
                                frame = new_frame
                                break
                            frame.stackpointer = sp
                            res = PyObject_Vectorcall(callable_, ls, first, npos, kwn)  # type: ignore[arg-type]  # the argument slots are non-NULL
                            for i in range(base, sp):
                                o = ls[i]
                                if o is not None:
                                    Py_DECREF(o)
                            sp = base + 1
                            ls[base] = res
                            next_instr += 4
                        elif opcode == CALL_FUNCTION_EX:
                            # CPython: Python/bytecodes.c:CALL_FUNCTION_EX
                            fnc = ls[sp - 4]
                            callargs = ls[sp - 2]
                            kwargs = ls[sp - 1]
                            assert fnc is not None and callargs is not None
                            if not isinstance(callargs, PyTupleObject):
                                # _MAKE_CALLARGS_A_TUPLE / _Py_Check_ArgsIterable
                                if callargs.ob_type.tp_iter is None and \
                                        not PySequence_Check(callargs):
                                    PyErr_SetString(
                                        PyExc_TypeError,
                                        f"{_PyObject_FunctionStr(fnc)} argument after * must "
                                        f"be an iterable, not {callargs.ob_type.tp_name[:200]}")
                                t = PySequence_Tuple(callargs)
                                Py_DECREF(callargs)
                                ls[sp - 2] = t
                                callargs = t
                            assert isinstance(callargs, PyTupleObject)
                            if fnc.ob_type is PyFunction_Type:
                                assert isinstance(fnc, PyFunctionObject)
                                vec: list[Optional[PyObject]] = []
                                for o in callargs.ob_item:
                                    Py_INCREF(o)
                                    vec.append(o)
                                kwn2: Optional[PyObject] = None
                                if kwargs is not None:
                                    try:
                                        kwn2 = _kwargs_to_vector(kwargs, vec)
                                    except PyErr:
                                        for o in vec:
                                            Py_XDECREF(o)
                                        raise
                                npos = len(callargs.ob_item)
                                # The callee takes the function; the rest is released.
                                Py_INCREF(fnc)
                                for i in range(sp - 4, sp):
                                    o = ls[i]
                                    if o is not None:
                                        Py_DECREF(o)
                                sp -= 4
                                frame.stackpointer = sp
                                frame.return_offset = 1
                                try:
                                    new_frame = _PyEvalFramePushAndInit(
                                        tstate, fnc, None, vec, 0, npos, kwn2, frame)
                                finally:
                                    Py_XDECREF(kwn2)
                                _start_frame(tstate, new_frame)
                                frame = new_frame
                                break
                            frame.stackpointer = sp
                            res = PyObject_Call(fnc, callargs, kwargs)
                            for i in range(sp - 4, sp):
                                o = ls[i]
                                if o is not None:
                                    Py_DECREF(o)
                            sp -= 4
                            ls[sp] = res
                            sp += 1
                            next_instr += 1
                        elif opcode == CALL_INTRINSIC_1:
                            # CPython: Python/bytecodes.c:CALL_INTRINSIC_1
                            # helper: intrinsics (the table of pyvm/eval/intrinsics.py)
                            v = ls[sp - 1]
                            assert v is not None
                            res = _PyIntrinsics_UnaryFunctions[oparg](tstate, frame, v)
                            Py_DECREF(v)
                            ls[sp - 1] = res
                            next_instr += 1
                        elif opcode == CALL_INTRINSIC_2:
                            # CPython: Python/bytecodes.c:CALL_INTRINSIC_2
                            # helper: intrinsics (value2 is below value1 on the stack)
                            v2 = ls[sp - 2]
                            v1 = ls[sp - 1]
                            assert v2 is not None and v1 is not None
                            res = _PyIntrinsics_BinaryFunctions[oparg](tstate, frame, v2, v1)
                            Py_DECREF(v1)
                            Py_DECREF(v2)
                            sp -= 1
                            ls[sp - 1] = res
                            next_instr += 1
                        elif opcode == FORMAT_SIMPLE:
                            # CPython: Python/bytecodes.c:FORMAT_SIMPLE
                            v = ls[sp - 1]
                            assert v is not None
                            if v.ob_type is not PyUnicodeObject_Type():
                                res = PyObject_Format(v, None)
                                Py_DECREF(v)
                                ls[sp - 1] = res
                            next_instr += 1
                        elif opcode == FORMAT_WITH_SPEC:
                            # CPython: Python/bytecodes.c:FORMAT_WITH_SPEC
                            v = ls[sp - 2]
                            spec = ls[sp - 1]
                            assert v is not None and spec is not None
                            res = PyObject_Format(v, spec)
                            Py_DECREF(v)
                            Py_DECREF(spec)
                            sp -= 1
                            ls[sp - 1] = res
                            next_instr += 1
                        elif opcode == CONVERT_VALUE:
                            # CPython: Python/bytecodes.c:CONVERT_VALUE
                            v = ls[sp - 1]
                            assert v is not None
                            res = _convert_value(v, oparg)
                            Py_DECREF(v)
                            ls[sp - 1] = res
                            next_instr += 1
                        elif opcode == BUILD_STRING:
                            # CPython: Python/bytecodes.c:BUILD_STRING
                            base = sp - oparg
                            s = _build_string(ls, base, oparg)
                            for i in range(base, sp):
                                o = ls[i]
                                if o is not None:
                                    Py_DECREF(o)
                            ls[base] = s
                            sp = base + 1
                            next_instr += 1
                        elif opcode == LOAD_COMMON_CONSTANT:
                            # CPython: Python/bytecodes.c:LOAD_COMMON_CONSTANT
                            ls[sp] = _load_common_constant(frame, oparg)
                            sp += 1
                            next_instr += 1
                        elif opcode == RAISE_VARARGS:
                            # CPython: Python/bytecodes.c:RAISE_VARARGS
                            cause: Optional[PyObject] = None
                            exc: Optional[PyObject] = None
                            if oparg == 2:
                                cause = ls[sp - 1]
                                exc = ls[sp - 2]
                            elif oparg == 1:
                                exc = ls[sp - 1]
                            sp -= oparg
                            frame.stackpointer = sp
                            value = do_raise(tstate, exc, cause)
                            if oparg == 0:
                                # Bare `raise`: straight to exception_unwind,
                                # no new traceback entry.
                                pending = value
                                pending_tb = False
                                unwind_index = this_instr
                                break
                            _PyErr_Raise(value)
                        elif opcode == RERAISE:
                            # CPython: Python/bytecodes.c:RERAISE
                            sp -= 1
                            exc_v = ls[sp]
                            assert exc_v is not None
                            if oparg:
                                lasti = ls[sp - oparg]
                                assert isinstance(lasti, PyLongObject)
                                frame.instr_ptr = lasti.ob_ival
                            frame.stackpointer = sp
                            pending = exc_v
                            pending_tb = False
                            unwind_index = this_instr
                            break
                        elif opcode == PUSH_EXC_INFO:
                            # CPython: Python/bytecodes.c:PUSH_EXC_INFO
                            exc_v = ls[sp - 1]
                            assert exc_v is not None
                            exc_info = tstate.exc_info
                            prev_exc = exc_info.exc_value
                            ls[sp - 1] = Py_None if prev_exc is None else prev_exc
                            Py_INCREF(exc_v)
                            exc_info.exc_value = exc_v
                            ls[sp] = exc_v
                            sp += 1
                            next_instr += 1
                        elif opcode == POP_EXCEPT:
                            # CPython: Python/bytecodes.c:POP_EXCEPT
                            sp -= 1
                            exc_v = ls[sp]
                            exc_info = tstate.exc_info
                            old = exc_info.exc_value
                            exc_info.exc_value = None if exc_v is Py_None else exc_v
                            if old is not None:
                                Py_DECREF(old)
                            next_instr += 1
                        elif opcode == IMPORT_NAME:
                            # CPython: Python/bytecodes.c:IMPORT_NAME
                            lvl = ls[sp - 2]
                            fromlist = ls[sp - 1]
                            assert lvl is not None and fromlist is not None
                            res = _PyEval_ImportName(frame, names[oparg], fromlist, lvl)
                            Py_DECREF(lvl)
                            Py_DECREF(fromlist)
                            sp -= 1
                            ls[sp - 1] = res
                            next_instr += 1
                        elif opcode == IMPORT_FROM:
                            # CPython: Python/bytecodes.c:IMPORT_FROM
                            v = ls[sp - 1]
                            assert v is not None
                            ls[sp] = _PyEval_ImportFrom(v, names[oparg])
                            sp += 1
                            next_instr += 1
                        elif opcode == LOAD_BUILD_CLASS:
                            # CPython: Python/bytecodes.c:LOAD_BUILD_CLASS
                            bc = PyDict_GetItemWithError(
                                frame.f_builtins, PyUnicode_InternFromString("__build_class__"))
                            if bc is None:
                                PyErr_SetString(PyExc_NameError, "__build_class__ not found")
                            assert bc is not None
                            Py_INCREF(bc)
                            ls[sp] = bc
                            sp += 1
                            next_instr += 1
                        elif opcode == LOAD_LOCALS:
                            # CPython: Python/bytecodes.c:LOAD_LOCALS
                            loc = frame.f_locals
                            if loc is None:
                                PyErr_SetString(PyExc_SystemError, "no locals found")
                            assert loc is not None
                            Py_INCREF(loc)
                            ls[sp] = loc
                            sp += 1
                            next_instr += 1
                        elif opcode == LOAD_FROM_DICT_OR_DEREF:
                            # CPython: Python/bytecodes.c:LOAD_FROM_DICT_OR_DEREF
                            cls_dict = ls[sp - 1]
                            assert cls_dict is not None
                            dname = code.co_localsplusnames_items[oparg]
                            if isinstance(cls_dict, PyDictObject):
                                dv = PyDict_GetItemWithError(cls_dict, dname)
                                if dv is not None:
                                    Py_INCREF(dv)
                            else:
                                try:
                                    dv = PyObject_GetItem(cls_dict, dname)
                                except PyErr as e:
                                    if not e.matches(PyExc_KeyError):
                                        raise
                                    dv = None
                            if dv is None:
                                cell = ls[oparg]
                                assert isinstance(cell, PyCellObject)
                                dv = cell.ob_ref
                                if dv is None:
                                    raise _PyEval_FormatExcUnbound(code, oparg)
                                Py_INCREF(dv)
                            Py_DECREF(cls_dict)
                            ls[sp - 1] = dv
                            next_instr += 1
                        elif opcode == LOAD_FROM_DICT_OR_GLOBALS:
                            # CPython: Python/bytecodes.c:LOAD_FROM_DICT_OR_GLOBALS
                            mapping = ls[sp - 1]
                            assert mapping is not None
                            gname = names[oparg]
                            try:
                                gv: Optional[PyObject] = PyObject_GetItem(mapping, gname)
                            except PyErr as e:
                                if not e.matches(PyExc_KeyError):
                                    raise
                                gv = None
                            if gv is None:
                                gv = _load_global(frame, gname)
                            Py_DECREF(mapping)
                            ls[sp - 1] = gv
                            next_instr += 1
                        elif opcode == LOAD_SUPER_ATTR:
                            # CPython: Python/bytecodes.c:LOAD_SUPER_ATTR
                            # (with the LOAD_SUPER_ATTR_ATTR / _METHOD shortcut
                            # when `super` is the builtin and `class` a type)
                            from pyvm.objects.typeobject import PySuper_Type, _PySuper_Lookup
                            global_super = ls[sp - 3]
                            cls_ = ls[sp - 2]
                            self_o = ls[sp - 1]
                            assert global_super is not None and cls_ is not None
                            assert self_o is not None
                            sname = names[oparg >> 2]
                            if global_super is PySuper_Type and isinstance(cls_, PyTypeObject):
                                sattr, smeth = _PySuper_Lookup(cls_, self_o, sname, (oparg & 1) != 0)
                            else:
                                sup = PyObject_Vectorcall(global_super, [cls_, self_o], 0,
                                                          oparg & 2, None)
                                try:
                                    sattr = PyObject_GetAttr(sup, sname)
                                finally:
                                    Py_DECREF(sup)
                                smeth = False
                            Py_DECREF(global_super)
                            Py_DECREF(cls_)
                            sp -= 3
                            ls[sp] = sattr
                            sp += 1
                            if oparg & 1:
                                if smeth:
                                    ls[sp] = self_o
                                else:
                                    ls[sp] = None
                                    Py_DECREF(self_o)
                                sp += 1
                            else:
                                Py_DECREF(self_o)
                            next_instr += 2
                        elif opcode == CHECK_EXC_MATCH:
                            # CPython: Python/bytecodes.c:CHECK_EXC_MATCH
                            left = ls[sp - 2]
                            right = ls[sp - 1]
                            assert left is not None and right is not None
                            _PyEval_CheckExceptTypeValid(right)
                            b = PyErr_GivenExceptionMatches(left, right)
                            Py_DECREF(right)
                            ls[sp - 1] = Py_True if b else Py_False
                            next_instr += 1
                        else:
                            PyErr_SetString(
                                PyExc_SystemError,
                                f"pyvm: unknown opcode {opname[opcode] if opcode < len(opname) else opcode}"
                                f" ({opcode}) at offset {2 * this_instr}")
            except PyErr as err:
                # C's `error:` label: the exception is "raised" here.
                frame.stackpointer = sp
                frame.instr_ptr = this_instr
                pending = err.normalize()
                # A new exception (no traceback yet) is chained to the one
                # being handled, as _PyErr_SetObject does when C raises it;
                # one coming out of a nested eval loop was chained there.
                if isinstance(pending, PyBaseExceptionObject) and pending.traceback is None:
                    _PyErr_SetContext(tstate, pending)
                pending_tb = True
                unwind_index = this_instr
            else:
                if pending is None:
                    # A frame was pushed or popped: reload the registers.
                    continue
            if pending is None:
                continue
        else:
            # An exception came out of a callee (exit_unwind → `goto error`
            # in the caller): it gets this frame's traceback entry. C looks
            # the handler up at `frame->instr_ptr - 1` here (next_instr is
            # reloaded from instr_ptr, then INSTR_OFFSET()-1).
            unwind_index = frame.instr_ptr - 1

        # -------- error / exception_unwind / exit_unwind --------
        exc_obj = pending
        assert exc_obj is not None
        pending = None
        if pending_tb:
            from pyvm.eval.traceback import PyTraceBack_Here
            PyTraceBack_Here(frame, exc_obj)
        handler, level, lasti_flag = get_exception_handler(code, unwind_index) \
            if unwind_index >= 0 else (-1, 0, 0)
        base_sp = code.co_nlocalsplus
        if handler >= 0:
            new_top = base_sp + level
            ls = frame.localsplus
            sp = frame.stackpointer
            while sp > new_top:
                sp -= 1
                o = ls[sp]
                ls[sp] = None
                if o is not None:
                    Py_DECREF(o)
            if lasti_flag:
                ls[sp] = PyLong_FromLong(frame.instr_ptr)
                sp += 1
            ls[sp] = exc_obj
            sp += 1
            frame.stackpointer = sp
            frame.instr_ptr = handler
            frame.return_offset = 0
            continue
        # No handler: pop the stack, then exit_unwind.
        ls = frame.localsplus
        sp = frame.stackpointer
        while sp > base_sp:
            sp -= 1
            o = ls[sp]
            ls[sp] = None
            if o is not None:
                Py_DECREF(o)
        frame.stackpointer = sp
        tstate.py_recursion_remaining += 1
        dying = frame
        if dying is entry_frame:
            tstate.current_frame = dying.previous
            _PyEval_FrameClearAndPop(tstate, dying)
            _PyErr_Raise(exc_obj)
        prev = dying.previous
        assert prev is not None
        frame = prev
        tstate.current_frame = frame
        _PyEval_FrameClearAndPop(tstate, dying)
        frame.return_offset = 0
        pending = exc_obj
        pending_tb = True


def PyUnicodeObject_Type() -> PyTypeObject:
    """pyvm: ``PyUnicode_Type`` (FORMAT_SIMPLE's exact-str test)."""
    from pyvm.objects.unicodeobject import PyUnicode_Type
    return PyUnicode_Type


def _ceval_install() -> None:
    """pyvm: install the eval loop's entry point for the object layer."""
    _func_hooks.eval_vector = _PyEval_Vector


_ceval_install()
