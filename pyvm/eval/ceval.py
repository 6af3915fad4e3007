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
bounded by the C stack model (``tstate.c_stack_used``, see pyvm/pystate.py):
each entry into the loop from C takes ``_EVAL_FRAME_COST`` of it.

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

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional, TypeAlias

from pyvm.compile.opcode import opname
from pyvm.compile.opcode import RESUME_AFTER_YIELD_FROM, RESUME_OPARG_LOCATION_MASK
from pyvm.eval.errors import PyErr_GivenExceptionMatches, _PyErr_SetContext
from pyvm.eval.frame import (
    FRAME_CLEARED, FRAME_OWNED_BY_INTERPRETER, FRAME_OWNED_BY_THREAD,
    _PyFrame_ClearExceptCode, _PyInterpreterFrame,
)
from pyvm.pystate import (
    EVAL_BREAKER_INTERVAL, PyThreadState, _EVAL_FRAME_COST, _PyErr_GetTopmostException, _interp,
    _tstate,
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
    PyDict_Type, PyDict_Update, PyDictObject, _PyDict_LoadGlobal, _PyDict_MergeEx,
)
from pyvm.objects.exceptions import (
    PyExc_AssertionError, PyExc_AttributeError, PyExc_KeyError, PyExc_NameError,
    PyExc_NotImplementedError, PyExc_RecursionError, PyExc_RuntimeError,
    PyExc_StopIteration, PyExc_SystemError, PyExc_TypeError, PyExc_UnboundLocalError,
    PyExc_ValueError, PyBaseExceptionObject, PyExceptionClass_Check,
    PyExceptionInstance_Check, PyException_SetCause, PyException_SetContext,
    PyExc_ModuleNotFoundError, PyExc_ImportError, PyExc_KeyboardInterrupt,
)
from pyvm.objects.genobject import (
    PyAsyncGen_Type, PyCoro_Type, PyGenObject, _gen_frame_clear_except_code,
    _PyCoro_GetAwaitableIter, _PyErr_ClearExcState, _PyGen_yf,
)
from pyvm.objects.funcobject import (
    MAKE_FUNCTION_ANNOTATE, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_CLOSURE,
    MAKE_FUNCTION_DEFAULTS, MAKE_FUNCTION_KWDEFAULTS, PyFunction_New, PyFunction_Type,
    PyFunctionObject, _PyDict_LoadBuiltinsFromGlobals,
)
from pyvm.objects.listobject import (
    PyList_AsTuple, PyList_Type, PyListObject, _PyList_AppendTakeRef, _PyList_Extend,
)
from pyvm.objects.longobject import PyLong_FromLong, PyLongObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_XDECREF, PyErr, PyErr_SetString, PyObject, _PyErr_Clear,
    _PyObject_ReprStr, _PyObject_StrStr,
    PyObject_ASCII, PyObject_GetAttr, PyObject_IsTrue, PyObject_Repr, PyObject_RichCompare,
    PyObject_SetAttr, PyObject_Str, PyType_IsSubtype, PyTypeObject, _Py_EnterRecursiveCallTstate,
    _Py_LeaveRecursiveCallTstate, _PyErr_Raise, _PyObject_GetMethod, PyErr_SetNone,
)
from pyvm.objects.object import (
    PyBaseObject_Type, PyObject_GetOptionalAttr, Py_TPFLAGS_METHOD_DESCRIPTOR,
    _Py_TPFLAGS_MATCH_SELF, _PyType_Lookup,
)
from pyvm.objects.abstract import PyObject_IsInstance
from pyvm.objects.codeobject import _PyCodeConstructor, _PyCode_New
from pyvm.objects.setobject import PySet_Add, PySet_Contains, PySet_New
from pyvm.objects.sliceobject import PySlice_New
from pyvm.objects.tupleobject import PyTuple_Type
from pyvm.objects.unicodeobject import PyUnicode_Type
from pyvm.objects.tupleobject import (
    PyTupleObject, _PyTuple_FromArraySteal,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject,
)

from pyvm.eval.traceback import _Py_CalculateSuggestions, PyTraceBack_Here
from pyvm.modules.bltinmodule import _PyBuiltin_Init
from pyvm.modules.sysmodule import _PySys_Create
from pyvm.eval.import_ import create_builtin

# The imports of the instruction bodies (bytecodes.py), for the dispatch below.
# BEGIN GENERATED IMPORTS (tools/cases_generator from pyvm/eval/bytecodes.py: do not edit)
from pyvm.compile.opcode import RESUME_AFTER_YIELD_FROM, RESUME_OPARG_LOCATION_MASK
from pyvm.eval.errors import PyErr_GivenExceptionMatches
from pyvm.eval.ceval_excgroup import (
    _PyEval_CheckExceptStarTypeValid, _PyEval_ExceptionGroupMatch,
)
from pyvm.eval.frame import (
    FRAME_CREATED, FRAME_EXECUTING, FRAME_OWNED_BY_GENERATOR, FRAME_SUSPENDED,
    _PyFrame_StackPush,
)
from pyvm.eval.intrinsics import _PyIntrinsics_BinaryFunctions, _PyIntrinsics_UnaryFunctions
from pyvm.objects.abstract import (
    PyObject_DelItem, PyObject_Format, PyObject_GetItem, PyObject_GetIter,
    PyObject_Size, PyObject_SetItem, PySequence_Check, PySequence_Contains,
    PySequence_Tuple, PyNumber_Invert, PyNumber_Negative,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.call import PyObject_Call, PyObject_CallMethodOneArg, PyObject_Vectorcall
from pyvm.objects.cellobject import PyCell_New, PyCellObject
from pyvm.objects.classobject import PyMethod_Type, PyMethodObject
from pyvm.objects.codeobject import CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_OPTIMIZED
from pyvm.objects.dictobject import (
    PyDict_DelItem, PyDict_GetItemWithError, PyDict_New, PyDict_SetItem, PyDict_Update,
    PyDict_Type, PyDictObject, _PyDict_MergeEx,
)
from pyvm.objects.exceptions import (
    PyExc_KeyError, PyExc_NameError, PyExc_StopAsyncIteration, PyExc_StopIteration,
    PyExc_SystemError, PyStopIterationObject,
    PyExc_TypeError, PyExc_UnboundLocalError, PyExc_AttributeError,
    PyBaseExceptionObject, PyExceptionInstance_Check,
)
from pyvm.objects.genobject import (
    PyCoro_Type, PyGen_Type, PyGenObject, _Py_MakeCoro, _PyGen_FetchStopIterationValue,
)
from pyvm.objects.interpolationobject import _PyInterpolation_Build
from pyvm.objects.templateobject import _PyTemplate_Build
from pyvm.objects.funcobject import PyFunction_New, PyFunction_Type, PyFunctionObject
from pyvm.objects.listobject import (
    PyListObject, _PyList_AppendTakeRef, _PyList_Extend, _PyList_FromArraySteal,
)
from pyvm.objects.longobject import PyLong_FromLong, PyLongObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_XDECREF, PyErr, PyErr_SetString, PyObject,
    PyObject_GetAttr, PyObject_IsTrue, PyObject_Repr, PyObject_RichCompare,
    PyObject_SetAttr, Py_TPFLAGS_MAPPING, Py_TPFLAGS_SEQUENCE, _PyErr_Raise, _PyErr_Clear, _PyObject_ReprStr,
    _PyObject_GetMethod, PyTypeObject,
)
from pyvm.objects.setobject import PySet_New, PySetObject, _PySet_AddTakeRef, _PySet_Update
from pyvm.objects.sliceobject import PySlice_New
from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArraySteal
from pyvm.objects.typeobject import PySuper_Type, _PySuper_Lookup
from pyvm.objects.unicodeobject import PyUnicode_InternFromString, PyUnicode_Type
from pyvm.compile.opcode import (  # the opcodes the dispatch compares
    BINARY_OP, BINARY_SLICE, BUILD_INTERPOLATION, BUILD_LIST, BUILD_MAP, BUILD_SET,
    BUILD_SLICE, BUILD_STRING, BUILD_TEMPLATE, BUILD_TUPLE, CACHE, CALL,
    CALL_FUNCTION_EX, CALL_INTRINSIC_1, CALL_INTRINSIC_2, CALL_KW, CHECK_EG_MATCH,
    CHECK_EXC_MATCH, CLEANUP_THROW, COMPARE_OP, CONTAINS_OP, CONVERT_VALUE, COPY,
    COPY_FREE_VARS, DELETE_ATTR, DELETE_DEREF, DELETE_FAST, DELETE_GLOBAL, DELETE_NAME,
    DELETE_SUBSCR, DICT_MERGE, DICT_UPDATE, END_ASYNC_FOR, END_FOR, END_SEND,
    EXIT_INIT_CHECK, EXTENDED_ARG, FORMAT_SIMPLE, FORMAT_WITH_SPEC, FOR_ITER, GET_AITER,
    GET_ANEXT, GET_AWAITABLE, GET_ITER, GET_LEN, GET_YIELD_FROM_ITER, IMPORT_FROM,
    IMPORT_NAME, INTERPRETER_EXIT, IS_OP, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT,
    JUMP_FORWARD, LIST_APPEND, LIST_EXTEND, LOAD_ATTR, LOAD_BUILD_CLASS,
    LOAD_COMMON_CONSTANT, LOAD_CONST, LOAD_DEREF, LOAD_FAST, LOAD_FAST_AND_CLEAR,
    LOAD_FAST_BORROW, LOAD_FAST_BORROW_LOAD_FAST_BORROW, LOAD_FAST_CHECK,
    LOAD_FAST_LOAD_FAST, LOAD_FROM_DICT_OR_DEREF, LOAD_FROM_DICT_OR_GLOBALS,
    LOAD_GLOBAL, LOAD_LOCALS, LOAD_NAME, LOAD_SMALL_INT, LOAD_SPECIAL, LOAD_SUPER_ATTR,
    MAKE_CELL, MAKE_FUNCTION, MAP_ADD, MATCH_CLASS, MATCH_KEYS, MATCH_MAPPING,
    MATCH_SEQUENCE, NOP, NOT_TAKEN, POP_EXCEPT, POP_ITER, POP_JUMP_IF_FALSE,
    POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE, POP_TOP, PUSH_EXC_INFO,
    PUSH_NULL, RAISE_VARARGS, RERAISE, RESERVED, RESUME, RETURN_GENERATOR, RETURN_VALUE,
    SEND, SETUP_ANNOTATIONS, SET_ADD, SET_FUNCTION_ATTRIBUTE, SET_UPDATE, STORE_ATTR,
    STORE_DEREF, STORE_FAST, STORE_FAST_LOAD_FAST, STORE_FAST_STORE_FAST, STORE_GLOBAL,
    STORE_NAME, STORE_SLICE, STORE_SUBSCR, SWAP, TO_BOOL, UNARY_INVERT, UNARY_NEGATIVE,
    UNARY_NOT, UNPACK_EX, UNPACK_SEQUENCE, WITH_EXCEPT_START, YIELD_VALUE,
)
# END GENERATED IMPORTS

# pyvm: mirrors NAME_ERROR_MSG and the messages beside it (Include/internal/pycore_ceval.h)
NAME_ERROR_MSG: Final = "name '{}' is not defined"
UNBOUNDLOCAL_ERROR_MSG: Final = \
    "cannot access local variable '{}' where it is not associated with a value"
UNBOUNDFREE_ERROR_MSG: Final = (
    "cannot access free variable '{}' where it is not associated with a value"
    " in enclosing scope")
CANNOT_CATCH_MSG: Final = \
    "catching classes that do not inherit from BaseException is not allowed"

# CPython: Include/internal/pycore_opcode_utils.h:CONSTANT_ASSERTIONERROR
CONSTANT_ASSERTIONERROR: Final = 0
CONSTANT_NOTIMPLEMENTEDERROR: Final = 1
CONSTANT_BUILTIN_TUPLE: Final = 2
CONSTANT_BUILTIN_ALL: Final = 3
CONSTANT_BUILTIN_ANY: Final = 4

# CPython: Include/ceval.h:FVC_STR (CONVERT_VALUE's oparg)
FVC_STR: Final = 1
FVC_REPR: Final = 2
FVC_ASCII: Final = 3

# CPython: Include/opcode.h:NB_ADD (BINARY_OP's oparg)
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


BinaryFunc: TypeAlias = "Callable[[PyObject, PyObject], PyObject]"

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
    """CPython: Include/internal/pycore_code.h:parse_varint

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
        _PyErr_Clear(e)
        s = PyObject_Str(x)
        r = _name_str(s)
        Py_DECREF(s)
        return r
    qs = _PyObject_StrStr(qual)
    Py_DECREF(qual)
    try:
        mod = PyObject_GetAttr(x, PyUnicode_InternFromString("__module__"))
    except PyErr as e:
        if not e.matches(PyExc_AttributeError):
            raise
        _PyErr_Clear(e)
        return f"{qs}()"
    if isinstance(mod, PyUnicodeObject) and mod.value != "builtins":
        r = f"{mod.value}.{qs}()"
    else:
        r = f"{qs}()"
    Py_DECREF(mod)
    return r


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
            r1 = _PyObject_ReprStr(exc)
            r2 = _PyObject_ReprStr(value.ob_type)
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
                r1 = _PyObject_ReprStr(cause)
                r2 = _PyObject_ReprStr(fc.ob_type)
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
    if isinstance(v, PyTupleObject) and v.ob_type is PyTuple_Type and argcntafter == -1 \
            and len(v.ob_item) == argcnt:
        # pyvm: the UNPACK_SEQUENCE_TUPLE / _LIST specializations' shape, inlined;
        # like them only for the exact types (a subclass may override __iter__).
        items = v.ob_item
        for i in range(argcnt):
            o = items[i]
            Py_INCREF(o)
            out[top - 1 - i] = o
        return
    if isinstance(v, PyListObject) and v.ob_type is PyList_Type and argcntafter == -1 \
            and len(v.ob_item) == argcnt:
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
            if (isinstance(v, PyListObject) and v.ob_type is PyList_Type) \
                    or (isinstance(v, PyTupleObject) and v.ob_type is PyTuple_Type):
                ll = len(v.ob_item)
                if ll > argcnt:
                    PyErr_SetString(
                        PyExc_ValueError,
                        f"too many values to unpack (expected {argcnt}, got {ll})")
            elif isinstance(v, PyDictObject) and v.ob_type is PyDict_Type:
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


def _PyMethod_Expand(method: PyObject) -> tuple[PyObject, PyObject]:
    """pyvm: ``_MAYBE_EXPAND_METHOD``'s work (Python/bytecodes.c), shared by
    CALL and CALL_KW: a bound method on the stack becomes its function and
    its ``self`` (new references; the method's reference is released)."""
    assert isinstance(method, PyMethodObject)
    self_ = method.im_self
    func = method.im_func
    Py_INCREF(self_)
    Py_INCREF(func)
    Py_DECREF(method)
    return func, self_


def _PyFunction_FrameLocals(func: PyFunctionObject) -> Optional[PyObject]:
    """pyvm: the ``locals`` a call gives a new frame (Python/bytecodes.c
    ``_DO_CALL``): none for optimized code, else the globals (a new
    reference)."""
    if func.func_code.co_flags & CO_OPTIMIZED:
        return None
    g = func.func_globals
    Py_INCREF(g)
    return g


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


def clear_thread_frame(tstate: PyThreadState, frame: _PyInterpreterFrame) -> None:
    """CPython: Python/ceval.c:clear_thread_frame

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


def clear_gen_frame(tstate: PyThreadState, frame: _PyInterpreterFrame) -> None:
    """CPython: Python/ceval.c:clear_gen_frame

    A generator's frame that returned or raised: the generator is finished,
    its exception state is unlinked and the frame's contents released (the
    generator keeps the code reference).
    """
    gen = frame.f_generator
    assert isinstance(gen, PyGenObject)
    gen.gi_frame_state = FRAME_CLEARED
    prev_item = gen.gi_exc_state.previous_item
    assert prev_item is not None
    tstate.exc_info = prev_item
    gen.gi_exc_state.previous_item = None
    frame.previous = None
    _gen_frame_clear_except_code(frame)
    _PyErr_ClearExcState(gen.gi_exc_state)


def _PyEval_FrameClearAndPop(tstate: PyThreadState, frame: _PyInterpreterFrame) -> None:
    """CPython: Python/ceval.c:_PyEval_FrameClearAndPop"""
    if frame.owner == FRAME_OWNED_BY_THREAD:
        clear_thread_frame(tstate, frame)
    else:
        clear_gen_frame(tstate, frame)


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
                      throwflag: int, throw_exc: Optional[PyObject] = None) -> PyObject:
    """CPython: Include/internal/pycore_ceval.h:_PyEval_EvalFrame

    The host-level recursion check of ``_PyEval_EvalFrameDefault``'s
    ``_Py_EnterRecursiveCallTstate``: on failure the frame is cleared unrun.
    """
    try:
        _Py_EnterRecursiveCallTstate(tstate, "", _EVAL_FRAME_COST)
    except PyErr:
        if throw_exc is not None:
            Py_DECREF(throw_exc)
        _PyEval_FrameClearAndPop(tstate, frame)
        raise
    try:
        return _PyEval_EvalFrameDefault(tstate, frame, throwflag, throw_exc)
    finally:
        _Py_LeaveRecursiveCallTstate(tstate, _EVAL_FRAME_COST)


def PyEval_EvalCode(co: PyObject, globals_: PyObject, locals_: Optional[PyObject]) -> PyObject:
    """CPython: Python/ceval.c:PyEval_EvalCode

    Runs a module-level code object with the given namespaces (borrowed) and
    returns the result (a new reference).
    """
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
    b = _interp.builtins
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
        r = _PyObject_ReprStr(name)
        PyErr_SetString(PyExc_SystemError, f"no locals found when loading {r}")
    # PyMapping_GetOptionalItem: exact dicts directly, anything else (a dict
    # subclass from __prepare__) through __getitem__.
    if loc.ob_type is PyDict_Type:
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
            _PyErr_Clear(e)
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


def _load_common_constant(frame: _PyInterpreterFrame, oparg: int) -> PyObject:
    """CPython: Python/bytecodes.c:LOAD_COMMON_CONSTANT

    C keeps these in ``interp->common_consts``; pyvm reads the builtins
    from the builtins module. Returns a new reference.
    """
    if oparg == CONSTANT_ASSERTIONERROR:
        return PyExc_AssertionError
    if oparg == CONSTANT_NOTIMPLEMENTEDERROR:
        return PyExc_NotImplementedError
    b = _interp.builtins
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
    system is ported, only the modules pyvm implements natively can be
    imported: they are found in ``sys.modules``, else made from the built-in
    module table (``create_builtin``, pyvm/eval/import_.py).
    Returns a new reference.
    """
    nm = _name_str(name)
    sysmod = _PySys_Create()
    _PyBuiltin_Init()
    mods = PyDict_GetItemWithError(sysmod.md_dict, PyUnicode_InternFromString("modules"))
    top = nm.partition(".")[0]
    if mods is not None:
        m: Optional[PyObject] = PyDict_GetItemWithError(mods, PyUnicode_InternFromString(nm))
        if nm == "builtins" and m is None:
            bm = _interp.builtins_module
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
        if m is None:
            # Built-in module names have no dot: the module is its own top.
            m = create_builtin(nm)
            if m is not None:
                return m
    err = PyErr(PyExc_ModuleNotFoundError, None, f"No module named '{top}'", None)
    exc = err.normalize()
    PyObject_SetAttr(exc, PyUnicode_InternFromString("name"), PyUnicode_FromString(top))
    raise err


def _PyEval_ImportFrom(v: PyObject, name: PyObject) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_ImportFrom

    Returns a new reference.
    """
    try:
        return PyObject_GetAttr(v, name)
    except PyErr as e:
        if not e.matches(PyExc_AttributeError):
            raise
        _PyErr_Clear(e)
    try:
        mod_name = PyObject_GetAttr(v, PyUnicode_InternFromString("__name__"))
    except PyErr as e2:
        _PyErr_Clear(e2)
        mn = "'<unknown module name>'"
    else:
        try:
            mn = _PyObject_ReprStr(mod_name)
        finally:
            Py_DECREF(mod_name)
    r = _PyObject_ReprStr(name)
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
        _PyErr_Clear(e)
        return PyErr(PyExc_TypeError, None,
                     f"{_PyObject_FunctionStr(func)} argument after ** must be a mapping, "
                     f"not {kwargs.ob_type.tp_name[:200]}", None)
    if e.matches(PyExc_KeyError):
        exc = e.normalize()
        if isinstance(exc, PyBaseExceptionObject):
            args = exc.args
            if isinstance(args, PyTupleObject) and len(args.ob_item) == 1:
                key = PyObject_Str(args.ob_item[0])
                try:
                    msg = (f"{_PyObject_FunctionStr(func)} got multiple values for "
                           f"keyword argument '{_name_str(key)}'")
                finally:
                    Py_DECREF(key)
                _PyErr_Clear(e)
                return PyErr(PyExc_TypeError, None, msg, None)
    return e


# ---------------------------------------------------------------------------
# Coroutines and async iteration


def _PyEval_FormatAwaitableError(tp: PyTypeObject, oparg: int) -> None:
    """CPython: Python/ceval.c:_PyEval_FormatAwaitableError"""
    if tp.am_await is None:
        if oparg == 1:
            PyErr_SetString(PyExc_TypeError,
                            f"'async with' received an object from __aenter__ that does "
                            f"not implement __await__: {tp.tp_name[:100]}")
        elif oparg == 2:
            PyErr_SetString(PyExc_TypeError,
                            f"'async with' received an object from __aexit__ that does "
                            f"not implement __await__: {tp.tp_name[:100]}")


def _PyEval_GetAwaitable(iterable: PyObject, oparg: int) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_GetAwaitable

    The iterator ``await`` drives (a new reference); a coroutine that is
    already being awaited is refused.
    """
    try:
        it = _PyCoro_GetAwaitableIter(iterable)
    except PyErr:
        _PyEval_FormatAwaitableError(iterable.ob_type, oparg)
        raise
    if it.ob_type is PyCoro_Type:
        assert isinstance(it, PyGenObject)
        yf = _PyGen_yf(it)
        if yf is not None:
            Py_DECREF(yf)
            Py_DECREF(it)
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already")
    return it


def _PyEval_GetANext(aiter: PyObject) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_GetANext

    The awaitable of ``async for``'s next step (a new reference).
    """
    tp = aiter.ob_type
    getter = tp.am_anext
    if tp is PyAsyncGen_Type:
        assert getter is not None
        return getter(aiter)
    if getter is None:
        PyErr_SetString(PyExc_TypeError,
                        f"'async for' requires an iterator with __anext__ method, "
                        f"got {tp.tp_name[:100]}")
    assert getter is not None
    next_iter = getter(aiter)
    try:
        return _PyCoro_GetAwaitableIter(next_iter)
    except PyErr as e:
        raise _PyErr_FormatFromCause(
            e, PyExc_TypeError,
            f"'async for' received an invalid object from __anext__: "
            f"{next_iter.ob_type.tp_name[:100]}")
    finally:
        Py_DECREF(next_iter)


def _PyErr_FormatFromCause(cause: PyErr, exc: PyTypeObject, msg: str) -> PyErr:
    """CPython: Python/errors.c:_PyErr_FormatFromCause

    A new error whose ``__cause__`` and ``__context__`` are the pending one.
    """
    cause_v = cause.normalize()
    cause.exc_value = None
    err = PyErr(exc, None, msg, None)
    value = err.normalize()
    Py_INCREF(cause_v)
    PyException_SetCause(value, cause_v)
    PyException_SetContext(value, cause_v)
    return err


# ---------------------------------------------------------------------------
# PEP 634: structural pattern matching


def _PyEval_MatchKeys(tstate: PyThreadState, map_: PyObject, keys: PyObject) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_MatchKeys

    A tuple of the values for ``keys`` (a tuple), or None when a key is
    missing; looked up with ``map.get(key, dummy)`` so that ``__missing__``
    is never called. Returns a new reference.
    """
    assert isinstance(keys, PyTupleObject)
    nkeys = len(keys.ob_item)
    if not nkeys:
        return _PyTuple_FromArraySteal([])
    get, is_meth = _PyObject_GetMethod(map_, PyUnicode_InternFromString("get"))
    seen = PySet_New(None)
    dummy = PyObject_CallNoArgs(PyBaseObject_Type)
    values: list[PyObject] = []
    try:
        for key in keys.ob_item:
            if PySet_Contains(seen, key):
                r = _PyObject_ReprStr(key)
                PyErr_SetString(PyExc_ValueError,
                                f"mapping pattern checks duplicate key ({r})")
            PySet_Add(seen, key)
            if is_meth:
                value = PyObject_Vectorcall(get, [map_, key, dummy], 0, 3, None)
            else:
                value = PyObject_Vectorcall(get, [key, dummy], 0, 2, None)
            if value is dummy:
                Py_DECREF(value)
                for v in values:
                    Py_DECREF(v)
                values = []
                Py_INCREF(Py_None)
                return Py_None
            values.append(value)
    except PyErr:
        for v in values:
            Py_DECREF(v)
        raise
    finally:
        Py_DECREF(get)
        Py_DECREF(seen)
        Py_DECREF(dummy)
    return _PyTuple_FromArraySteal(values)


def match_class_attr(tstate: PyThreadState, subject: PyObject, type_: PyTypeObject,
                     name: PyObject, seen: PyObject) -> Optional[PyObject]:
    """CPython: Python/ceval.c:match_class_attr

    The attribute (a new reference), or None when the subject lacks it.
    """
    if PySet_Contains(seen, name):
        r = _PyObject_ReprStr(name)
        PyErr_SetString(PyExc_TypeError,
                        f"{type_.tp_name}() got multiple sub-patterns for attribute {r}")
    PySet_Add(seen, name)
    return PyObject_GetOptionalAttr(subject, name)


def _PyEval_MatchClass(tstate: PyThreadState, subject: PyObject, type_: PyObject,
                       nargs: int, kwargs: PyObject) -> Optional[PyObject]:
    """CPython: Python/ceval.c:_PyEval_MatchClass

    On a match, a tuple of the extracted attributes (new reference); None on
    no match; errors are raised.
    """
    if not isinstance(type_, PyTypeObject):
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a class")
    assert isinstance(type_, PyTypeObject) and isinstance(kwargs, PyTupleObject)
    if not PyObject_IsInstance(subject, type_):
        return None
    seen = PySet_New(None)
    attrs: list[PyObject] = []
    match_args: Optional[PyObject] = None
    try:
        if nargs:
            match_self = False
            match_args = PyObject_GetOptionalAttr(
                type_, PyUnicode_InternFromString("__match_args__"))
            if match_args is not None:
                if not isinstance(match_args, PyTupleObject) \
                        or match_args.ob_type is not PyTuple_Type:
                    PyErr_SetString(PyExc_TypeError,
                                    f"{type_.tp_name}.__match_args__ must be a tuple "
                                    f"(got {match_args.ob_type.tp_name})")
                assert isinstance(match_args, PyTupleObject)
                allowed = len(match_args.ob_item)
            else:
                # _Py_TPFLAGS_MATCH_SELF is only acknowledged if the type does
                # not define __match_args__.
                match_self = (type_.tp_flags & _Py_TPFLAGS_MATCH_SELF) != 0
                allowed = 1 if match_self else 0
            if allowed < nargs:
                plural = "" if allowed == 1 else "s"
                PyErr_SetString(PyExc_TypeError,
                                f"{type_.tp_name}() accepts {allowed} positional "
                                f"sub-pattern{plural} ({nargs} given)")
            if match_self:
                Py_INCREF(subject)
                attrs.append(subject)
            else:
                assert isinstance(match_args, PyTupleObject)
                for i in range(nargs):
                    name = match_args.ob_item[i]
                    if name.ob_type is not PyUnicode_Type:
                        PyErr_SetString(PyExc_TypeError,
                                        f"__match_args__ elements must be strings "
                                        f"(got {name.ob_type.tp_name})")
                    attr = match_class_attr(tstate, subject, type_, name, seen)
                    if attr is None:
                        for o in attrs:
                            Py_DECREF(o)
                        attrs = []
                        return None
                    attrs.append(attr)
        for name in kwargs.ob_item:
            attr = match_class_attr(tstate, subject, type_, name, seen)
            if attr is None:
                for o in attrs:
                    Py_DECREF(o)
                attrs = []
                return None
            attrs.append(attr)
    except PyErr:
        for o in attrs:
            Py_DECREF(o)
        raise
    finally:
        Py_XDECREF(match_args)
        Py_DECREF(seen)
    return _PyTuple_FromArraySteal(attrs)


# ---------------------------------------------------------------------------
# with / async with: LOAD_SPECIAL

# pyvm: the ``.error`` / ``.error_suggestion`` texts of ``_Py_SpecialMethods`` (Python/ceval.c)
_SPECIAL_NAMES: Final = ("__enter__", "__exit__", "__aenter__", "__aexit__")
_SPECIAL_ERRORS: Final = (
    "'{}' object does not support the context manager protocol (missed __enter__ method)",
    "'{}' object does not support the context manager protocol (missed __exit__ method)",
    "'{}' object does not support the asynchronous context manager protocol "
    "(missed __aenter__ method)",
    "'{}' object does not support the asynchronous context manager protocol "
    "(missed __aexit__ method)",
)
_SPECIAL_SUGGESTIONS: Final = (
    " but it supports the asynchronous context manager protocol. "
    "Did you mean to use 'async with'?",
    " but it supports the asynchronous context manager protocol. "
    "Did you mean to use 'async with'?",
    " but it supports the context manager protocol. Did you mean to use 'with'?",
    " but it supports the context manager protocol. Did you mean to use 'with'?",
)


def _PyEval_SpecialMethodCanSuggest(self: PyObject, oparg: int) -> bool:
    """CPython: Python/ceval.c:_PyEval_SpecialMethodCanSuggest"""
    tp = self.ob_type
    if oparg <= 1:
        names = ("__aenter__", "__aexit__")
    else:
        names = ("__enter__", "__exit__")
    return all(_PyType_Lookup(tp, PyUnicode_InternFromString(n)) is not None for n in names)


def _load_special(localsplus: list[Optional[PyObject]], base: int, oparg: int) -> None:
    """CPython: Objects/typeobject.c:_PyObject_LookupSpecialMethod

    ``localsplus[base:base + 2]`` is ``[NULL, self]``; afterwards it is
    ``[method, self]`` for a method descriptor (no bound method made) or
    ``[bound, NULL]``. A missing method raises the 3.14 TypeError.
    """
    self = localsplus[base + 1]
    assert self is not None
    method = _PyType_Lookup(self.ob_type, PyUnicode_InternFromString(_SPECIAL_NAMES[oparg]))
    if method is None:
        msg = _SPECIAL_ERRORS[oparg].format(self.ob_type.tp_name)
        if _PyEval_SpecialMethodCanSuggest(self, oparg):
            msg += _SPECIAL_SUGGESTIONS[oparg]
        PyErr_SetString(PyExc_TypeError, msg)
    assert method is not None
    if method.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR:
        Py_INCREF(method)
        localsplus[base] = method
        return
    f = method.ob_type.tp_descr_get
    if f is not None:
        localsplus[base] = f(method, self, self.ob_type)
    else:
        Py_INCREF(method)
        localsplus[base] = method
    localsplus[base + 1] = None
    Py_DECREF(self)


def _unknown_opcode(opcode: int, index: int) -> None:
    """pyvm: the ``default:`` case of C's dispatch switch (``unknown opcode``)."""
    name = opname[opcode] if opcode < len(opname) else str(opcode)
    PyErr_SetString(PyExc_SystemError,
                    f"pyvm: unknown opcode {name} ({opcode}) at offset {2 * index}")


def _make_trampoline_code() -> PyCodeObject:
    """pyvm: the code of the entry frame (C's ``_Py_INTERPRETER_TRAMPOLINE_INSTRUCTIONS``)

    NOP, INTERPRETER_EXIT (reached on return), NOP, INTERPRETER_EXIT
    (reached on yield), RESUME. C's entry frame has no code object; pyvm's
    frames always have one, so this small one stands in.
    """
    empty = _PyTuple_FromArraySteal([])
    units = [NOP, 0, INTERPRETER_EXIT, 0, NOP, 0, INTERPRETER_EXIT, 0, RESUME, 3 | 0]
    name = PyUnicode_InternFromString("<interpreter trampoline>")
    con = _PyCodeConstructor(name, name, name, 0, bytes(units), 0, b"", empty, empty, empty,
                             b"", 0, 0, 0, 1, b"")
    return _PyCode_New(con)


# ---------------------------------------------------------------------------
# The loop



def _Py_HandlePending(tstate: PyThreadState) -> None:
    """CPython: Python/ceval_gil.c:_Py_HandlePending

    Turns a pending SIGINT into the program's ``KeyboardInterrupt``, raised at
    the instruction that noticed it, as ``_PyErr_CheckSignals`` does.

    pyvm: compiled (mypyc) code never lets the host interpreter run its signal
    handlers, so a Ctrl-C would go unnoticed in a loop. Every
    ``EVAL_BREAKER_INTERVAL`` calls and backward jumps the loop comes here and
    calls the interpreter's ``eval_breaker_check``, which the uncompiled
    launcher installs.
    """
    tstate.eval_breaker = EVAL_BREAKER_INTERVAL
    check = tstate.interp.eval_breaker_check
    if check is None:
        return
    try:
        check()
    except KeyboardInterrupt:
        PyErr_SetNone(PyExc_KeyboardInterrupt)


def _PyEval_EvalFrameDefault(tstate: PyThreadState, frame: _PyInterpreterFrame,
                             throwflag: int, throw_exc: Optional[PyObject] = None) -> PyObject:
    """CPython: Python/ceval.c:_PyEval_EvalFrameDefault

    Runs ``frame`` (already initialised, its references owned by it) and
    every frame it calls, until it returns or yields (the value, a new
    reference) or an exception leaves it (raised as ``PyErr``). With
    ``throwflag``, ``throw_exc`` (owned) is raised in ``frame`` at its current
    instruction first (``generator.throw()``).

    As in C, an *entry frame* owned by the interpreter sits below ``frame``:
    returning or yielding to it runs its INTERPRETER_EXIT, which leaves the
    loop; an exception unwinding into it leaves the loop too.
    """
    entry_frame = _PyInterpreterFrame(_trampoline_code, None, frame.f_globals,
                                      frame.f_builtins, None, tstate.current_frame)
    entry_frame.owner = FRAME_OWNED_BY_INTERPRETER
    entry_frame.instr_ptr = 1
    frame.previous = entry_frame
    tstate.current_frame = frame
    # pending: an exception to deliver to `frame`; pending_tb says whether the
    # frame gets a traceback entry for it (C's `goto error` vs
    # `goto exception_unwind`); unwind_index is where the handler is looked up.
    pending: Optional[PyObject] = None
    pending_tb = False
    unwind_index = 0
    if throwflag:
        assert throw_exc is not None
        try:
            _Py_EnterRecursivePy(tstate)
        except PyErr:
            Py_DECREF(throw_exc)
            tstate.current_frame = entry_frame.previous
            raise
        pending = throw_exc
        pending_tb = True
        unwind_index = frame.instr_ptr - 1
    else:
        try:
            # start_frame: the first frame is counted like every pushed frame.
            _start_frame(tstate, frame)
        except PyErr:
            tstate.current_frame = entry_frame.previous
            raise
    while True:
        if pending is None:
            code = frame.f_executable
            units = code.co_code_adaptive
            consts = code.co_consts_items
            names = code.co_names_items
            localsplus = frame.localsplus
            sp = frame.stackpointer
            next_instr = frame.instr_ptr + frame.return_offset
            frame.return_offset = 0
            this_instr = next_instr
            try:
                while True:
                    # BEGIN GENERATED CASES (tools/cases_generator from pyvm/eval/bytecodes.py: do not edit)
                    aiter_: Optional[PyObject]
                    attr: Optional[PyObject]
                    attr_st: Optional[PyObject]
                    attrs: Optional[PyObject]
                    awaitable: Optional[PyObject]
                    awaitable_st: Optional[PyObject]
                    b: Optional[PyObject]
                    bc: Optional[PyObject]
                    bottom: Optional[PyObject]
                    callable_: Optional[PyObject]
                    callargs: Optional[PyObject]
                    callargs_st: Optional[PyObject]
                    class_dict_st: Optional[PyObject]
                    class_st: Optional[PyObject]
                    codeobj_st: Optional[PyObject]
                    cond: Optional[PyObject]
                    container: Optional[PyObject]
                    dict_: Optional[PyObject]
                    dict_st: Optional[PyObject]
                    exc: Optional[PyObject]
                    exc_st: Optional[PyObject]
                    exc_value: Optional[PyObject]
                    exc_value_st: Optional[PyObject]
                    exit_func: Optional[PyObject]
                    exit_self: Optional[PyObject]
                    fmt_spec: Optional[PyObject]
                    from_: Optional[PyObject]
                    fromlist: Optional[PyObject]
                    func: Optional[PyObject]
                    func_in: Optional[PyObject]
                    func_out: Optional[PyObject]
                    func_st: Optional[PyObject]
                    global_super_st: Optional[PyObject]
                    interpolation: Optional[PyObject]
                    interpolations: Optional[PyObject]
                    iter_: Optional[PyObject]
                    iterable: Optional[PyObject]
                    iterable_st: Optional[PyObject]
                    key: Optional[PyObject]
                    keys: Optional[PyObject]
                    kwargs: Optional[PyObject]
                    kwargs_st: Optional[PyObject]
                    kwnames: Optional[PyObject]
                    last_sent_val: Optional[PyObject]
                    lasti: Optional[PyObject]
                    left: Optional[PyObject]
                    len_: Optional[PyObject]
                    level: Optional[PyObject]
                    lhs: Optional[PyObject]
                    list_: Optional[PyObject]
                    list_st: Optional[PyObject]
                    locals_: Optional[PyObject]
                    map_: Optional[PyObject]
                    match: Optional[PyObject]
                    match_type_st: Optional[PyObject]
                    maybe_self: Optional[PyObject]
                    mod_or_class_dict: Optional[PyObject]
                    names_: Optional[PyObject]
                    new_exc: Optional[PyObject]
                    next_: Optional[PyObject]
                    none: Optional[PyObject]
                    obj: Optional[PyObject]
                    owner: Optional[PyObject]
                    prev_exc: Optional[PyObject]
                    receiver: Optional[PyObject]
                    res: Optional[PyObject]
                    rest: Optional[PyObject]
                    result: Optional[PyObject]
                    retval: Optional[PyObject]
                    rhs: Optional[PyObject]
                    right: Optional[PyObject]
                    self: Optional[PyObject]
                    self_or_null: Optional[PyObject]
                    self_st: Optional[PyObject]
                    seq: Optional[PyObject]
                    set_: Optional[PyObject]
                    should_be_none: Optional[PyObject]
                    slice_: Optional[PyObject]
                    start: Optional[PyObject]
                    stop: Optional[PyObject]
                    str_: Optional[PyObject]
                    strings: Optional[PyObject]
                    sub: Optional[PyObject]
                    sub_iter: Optional[PyObject]
                    subject: Optional[PyObject]
                    template: Optional[PyObject]
                    top: Optional[PyObject]
                    tup: Optional[PyObject]
                    type_: Optional[PyObject]
                    update: Optional[PyObject]
                    v: Optional[PyObject]
                    val: Optional[PyObject]
                    value: Optional[PyObject]
                    value1: Optional[PyObject]
                    value1_st: Optional[PyObject]
                    value2: Optional[PyObject]
                    value2_st: Optional[PyObject]
                    values_or_none: Optional[PyObject]
                    args: int
                    format_: int
                    method_and_self: int
                    method_self: int
                    null: int
                    pieces: int
                    unpacked_top: int
                    values: int
                    word = units[next_instr]
                    opcode = word & 255
                    oparg = word >> 8
                    this_instr = next_instr
                    while opcode == EXTENDED_ARG:
                        # EXTENDED_ARG (inst, bytecodes.py line 1929)
                        this_instr += 1
                        word = units[this_instr]
                        opcode = word & 255
                        oparg = (oparg << 8) | (word >> 8)
                    if opcode == LOAD_FAST_BORROW:
                        # LOAD_FAST_BORROW (macro, bytecodes.py line 280)
                        next_instr = this_instr + 1
                        # LOAD_FAST
                        value = localsplus[oparg]
                        assert value is not None
                        Py_INCREF(value)
                        localsplus[sp] = value
                        sp += 1
                    elif opcode == LOAD_FAST_BORROW_LOAD_FAST_BORROW:
                        # LOAD_FAST_BORROW_LOAD_FAST_BORROW (macro, bytecodes.py line 300)
                        next_instr = this_instr + 1
                        # LOAD_FAST_LOAD_FAST
                        value1 = localsplus[oparg >> 4]
                        value2 = localsplus[oparg & 15]
                        assert value1 is not None and value2 is not None
                        Py_INCREF(value1)
                        Py_INCREF(value2)
                        localsplus[sp] = value1
                        localsplus[sp + 1] = value2
                        sp += 2
                    elif opcode == STORE_FAST:
                        # STORE_FAST (inst, bytecodes.py line 320)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 1
                        value = localsplus[sp - 1]
                        old = localsplus[oparg]
                        localsplus[oparg] = value
                        sp -= 1
                        if old is not None:
                            Py_DECREF(old)
                    elif opcode == LOAD_CONST:
                        # LOAD_CONST (inst, bytecodes.py line 307)
                        next_instr = this_instr + 1
                        value = consts[oparg]
                        Py_INCREF(value)
                        localsplus[sp] = value
                        sp += 1
                    elif opcode == LOAD_SMALL_INT:
                        # LOAD_SMALL_INT (inst, bytecodes.py line 314)
                        next_instr = this_instr + 1
                        value = PyLong_FromLong(oparg)
                        localsplus[sp] = value
                        sp += 1
                    elif opcode == POP_TOP:
                        # POP_TOP (inst, bytecodes.py line 357)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 1
                        value = localsplus[sp - 1]
                        sp -= 1
                        if value is not None:
                            Py_DECREF(value)
                    elif opcode == BINARY_OP:
                        # BINARY_OP (macro, bytecodes.py line 1919)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 6
                        # _BINARY_OP
                        rhs = localsplus[sp - 1]
                        assert rhs is not None
                        lhs = localsplus[sp - 2]
                        assert lhs is not None
                        res = _PyEval_BinaryOps[oparg](lhs, rhs)
                        Py_DECREF(lhs)
                        Py_DECREF(rhs)
                        localsplus[sp - 2] = res
                        sp -= 1
                    elif opcode == LOAD_ATTR:
                        # LOAD_ATTR (macro, bytecodes.py line 1155)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 10
                        # _LOAD_ATTR
                        owner = localsplus[sp - 1]
                        assert owner is not None
                        method_self = sp
                        name = names[oparg >> 1]
                        if oparg & 1:
                            attr, is_meth = _PyObject_GetMethod(owner, name)
                            if is_meth:
                                localsplus[method_self] = owner
                            else:
                                localsplus[method_self] = None
                                Py_DECREF(owner)
                        else:
                            attr = PyObject_GetAttr(owner, name)
                            Py_DECREF(owner)
                        localsplus[sp - 1] = attr
                        sp += (oparg&1)
                    elif opcode == LOAD_GLOBAL:
                        # LOAD_GLOBAL (macro, bytecodes.py line 806)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 5
                        # _LOAD_GLOBAL
                        res = _load_global(frame, names[oparg >> 1])
                        localsplus[sp] = res
                        sp += 1
                        # _PUSH_NULL_CONDITIONAL
                        null = sp
                        if oparg & 1:
                            localsplus[null] = None
                        sp += (oparg & 1)
                    elif opcode == CALL:
                        # CALL (macro, bytecodes.py line 1724)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 4
                        # _MAYBE_EXPAND_METHOD
                        self_or_null = localsplus[sp - (oparg + 1)]
                        callable_ = localsplus[sp - (oparg + 2)]
                        assert callable_ is not None
                        if self_or_null is None and callable_.ob_type is PyMethod_Type:
                            callable_, self_or_null = _PyMethod_Expand(callable_)
                        localsplus[sp - (oparg + 2)] = callable_
                        localsplus[sp - (oparg + 1)] = self_or_null
                        # _DO_CALL
                        args = sp - oparg
                        self_or_null = localsplus[sp - (oparg + 1)]
                        callable_ = localsplus[sp - (oparg + 2)]
                        assert callable_ is not None
                        total_args = oparg
                        arguments = args
                        if self_or_null is not None:
                            arguments -= 1
                            total_args += 1
                        if callable_.ob_type is PyFunction_Type:
                            assert isinstance(callable_, PyFunctionObject)
                            flocals = _PyFunction_FrameLocals(callable_)
                            sp -= (oparg + 2)
                            frame.return_offset = next_instr - this_instr
                            new_frame = _PyEvalFramePushAndInit(tstate, callable_, flocals, localsplus,
                                                                arguments, total_args, None, frame)
                            frame.stackpointer = sp
                            _start_frame(tstate, new_frame)
                            frame = new_frame
                            break
                        frame.stackpointer = sp
                        res = PyObject_Vectorcall(callable_, localsplus, arguments, total_args, None)  # type: ignore[arg-type]  # the argument slots are non-NULL
                        Py_DECREF(callable_)
                        Py_XDECREF(self_or_null)
                        for _i in range(args, args + oparg):
                            Py_XDECREF(localsplus[_i])
                        localsplus[sp - (oparg + 2)] = res
                        sp -= (oparg + 1)
                        # _CHECK_PERIODIC
                        tstate.eval_breaker -= 1
                        if tstate.eval_breaker <= 0:
                            _Py_HandlePending(tstate)
                    elif opcode == POP_JUMP_IF_FALSE:
                        # POP_JUMP_IF_FALSE (macro, bytecodes.py line 1317)
                        next_instr = this_instr + 2
                        # _POP_JUMP_IF_FALSE
                        cond = localsplus[sp - 1]
                        assert cond is not None
                        if cond is Py_False:
                            next_instr += oparg
                        sp -= 1
                    elif opcode == TO_BOOL:
                        # TO_BOOL (macro, bytecodes.py line 420)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 4
                        # _TO_BOOL
                        value = localsplus[sp - 1]
                        assert value is not None
                        if value is Py_True or value is Py_False:
                            res = value
                        else:
                            is_true = PyObject_IsTrue(value)
                            Py_DECREF(value)
                            res = Py_True if is_true else Py_False
                        localsplus[sp - 1] = res
                    elif opcode == COMPARE_OP:
                        # COMPARE_OP (macro, bytecodes.py line 1186)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 2
                        # _COMPARE_OP
                        right = localsplus[sp - 1]
                        assert right is not None
                        left = localsplus[sp - 2]
                        assert left is not None
                        cmp = PyObject_RichCompare(left, right, oparg >> 5)
                        if oparg & 16:
                            try:
                                cmp_true = PyObject_IsTrue(cmp)
                            finally:
                                Py_DECREF(cmp)
                            cmp = Py_True if cmp_true else Py_False
                        Py_DECREF(left)
                        Py_DECREF(right)
                        res = cmp
                        localsplus[sp - 2] = res
                        sp -= 1
                    elif opcode == RETURN_VALUE:
                        # RETURN_VALUE (inst, bytecodes.py line 575)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 1
                        retval = localsplus[sp - 1]
                        assert retval is not None
                        sp -= 1
                        frame.stackpointer = sp
                        tstate.py_recursion_remaining += 1     # _Py_LeaveRecursiveCallPy
                        dying = frame
                        caller = dying.previous
                        assert caller is not None
                        frame = caller
                        tstate.current_frame = caller
                        _PyEval_FrameClearAndPop(tstate, dying)
                        _PyFrame_StackPush(frame, retval)
                        break
                    elif opcode == RESUME:
                        # RESUME (macro, bytecodes.py line 256)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 1
                        # _CHECK_PERIODIC_IF_NOT_YIELD_FROM
                        if (oparg & RESUME_OPARG_LOCATION_MASK) < RESUME_AFTER_YIELD_FROM:
                            tstate.eval_breaker -= 1
                            if tstate.eval_breaker <= 0:
                                _Py_HandlePending(tstate)
                    elif opcode == POP_JUMP_IF_TRUE:
                        # POP_JUMP_IF_TRUE (macro, bytecodes.py line 1316)
                        next_instr = this_instr + 2
                        # _POP_JUMP_IF_TRUE
                        cond = localsplus[sp - 1]
                        assert cond is not None
                        if cond is Py_True:
                            next_instr += oparg
                        sp -= 1
                    elif opcode == FOR_ITER:
                        # FOR_ITER (macro, bytecodes.py line 1404)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 2
                        # _FOR_ITER
                        iter_ = localsplus[sp - 1]
                        assert iter_ is not None
                        iternext = iter_.ob_type.tp_iternext
                        if iternext is None:
                            PyErr_SetString(PyExc_TypeError,
                                            f"'{iter_.ob_type.tp_name[:100]}' object is not an iterator")
                        assert iternext is not None
                        try:
                            nxt = iternext(iter_)
                        except PyErr as e:
                            if not e.matches(PyExc_StopIteration):
                                raise
                            ev = e.exc_value
                            if ev is not None:
                                Py_DECREF(ev)
                            nxt = None
                        if nxt is None:
                            next_instr += oparg + 1
                            continue
                        next_ = nxt
                        localsplus[sp] = next_
                        sp += 1
                    elif opcode == JUMP_BACKWARD:
                        # JUMP_BACKWARD (macro, bytecodes.py line 1285)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 2
                        # _CHECK_PERIODIC
                        tstate.eval_breaker -= 1
                        if tstate.eval_breaker <= 0:
                            _Py_HandlePending(tstate)
                        # JUMP_BACKWARD_NO_INTERRUPT
                        next_instr += -oparg
                    elif opcode == STORE_ATTR:
                        # STORE_ATTR (macro, bytecodes.py line 720)
                        frame.instr_ptr = this_instr
                        next_instr = this_instr + 5
                        # _STORE_ATTR
                        owner = localsplus[sp - 1]
                        assert owner is not None
                        v = localsplus[sp - 2]
                        assert v is not None
                        PyObject_SetAttr(owner, names[oparg], v)
                        Py_DECREF(v)
                        Py_DECREF(owner)
                        sp -= 2
                    elif opcode == PUSH_NULL:
                        # PUSH_NULL (inst, bytecodes.py line 368)
                        next_instr = this_instr + 1
                        res = None
                        localsplus[sp] = res
                        sp += 1
                    elif opcode == NOT_TAKEN:
                        # NOT_TAKEN (macro, bytecodes.py line 214)
                        next_instr = this_instr + 1
                    elif opcode == LOAD_FAST:
                        # LOAD_FAST (inst, bytecodes.py line 271)
                        next_instr = this_instr + 1
                        value = localsplus[oparg]
                        assert value is not None
                        Py_INCREF(value)
                        localsplus[sp] = value
                        sp += 1
                    else:
                        if opcode < 58:
                            if opcode < 25:
                                if opcode < 13:
                                    if opcode < 7:
                                        if opcode < 4:
                                            if opcode == CACHE:
                                                # CACHE (inst, bytecodes.py line 1943)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                _unknown_opcode(opcode, this_instr)
                                            elif opcode == BINARY_SLICE:
                                                # BINARY_SLICE (macro, bytecodes.py line 455)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                # _BINARY_SLICE
                                                stop = localsplus[sp - 1]
                                                assert stop is not None
                                                start = localsplus[sp - 2]
                                                assert start is not None
                                                container = localsplus[sp - 3]
                                                assert container is not None
                                                slc = PySlice_New(start, stop, None)
                                                try:
                                                    res = PyObject_GetItem(container, slc)
                                                finally:
                                                    Py_DECREF(slc)
                                                Py_DECREF(container)
                                                Py_DECREF(start)
                                                Py_DECREF(stop)
                                                localsplus[sp - 3] = res
                                                sp -= 2
                                            elif opcode == BUILD_TEMPLATE:
                                                # BUILD_TEMPLATE (inst, bytecodes.py line 933)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                interpolations = localsplus[sp - 1]
                                                assert interpolations is not None
                                                strings = localsplus[sp - 2]
                                                assert strings is not None
                                                template = _PyTemplate_Build(strings, interpolations)
                                                Py_DECREF(strings)
                                                Py_DECREF(interpolations)
                                                localsplus[sp - 2] = template
                                                sp -= 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == CALL_FUNCTION_EX:
                                                # CALL_FUNCTION_EX (macro, bytecodes.py line 1838)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                # _MAKE_CALLARGS_A_TUPLE
                                                callargs = localsplus[sp - 2]
                                                assert callargs is not None
                                                func = localsplus[sp - 4]
                                                assert func is not None
                                                if not isinstance(callargs, PyTupleObject):
                                                    if callargs.ob_type.tp_iter is None and not PySequence_Check(callargs):
                                                        PyErr_SetString(PyExc_TypeError,
                                                                        f"{_PyObject_FunctionStr(func)} argument after * must "
                                                                        f"be an iterable, not {callargs.ob_type.tp_name[:200]}")
                                                    t = PySequence_Tuple(callargs)
                                                    Py_DECREF(callargs)
                                                    callargs = t
                                                localsplus[sp - 2] = callargs
                                                # _DO_CALL_FUNCTION_EX
                                                kwargs_st = localsplus[sp - 1]
                                                callargs_st = localsplus[sp - 2]
                                                assert isinstance(callargs_st, PyTupleObject)
                                                maybe_self = localsplus[sp - 3]
                                                func_st = localsplus[sp - 4]
                                                assert func_st is not None
                                                if func_st.ob_type is PyFunction_Type:
                                                    assert isinstance(func_st, PyFunctionObject)
                                                    vec: list[Optional[PyObject]] = []
                                                    for o in callargs_st.ob_item:
                                                        Py_INCREF(o)
                                                        vec.append(o)
                                                    kwn2: Optional[PyObject] = None
                                                    if kwargs_st is not None:
                                                        try:
                                                            kwn2 = _kwargs_to_vector(kwargs_st, vec)
                                                        except PyErr:
                                                            for o2 in vec:
                                                                Py_XDECREF(o2)
                                                            raise
                                                    npos = len(callargs_st.ob_item)
                                                    flocals = _PyFunction_FrameLocals(func_st)
                                                    # The callee takes the function; the rest is released.
                                                    Py_INCREF(func_st)
                                                    Py_DECREF(func_st)
                                                    Py_XDECREF(maybe_self)
                                                    Py_DECREF(callargs_st)
                                                    Py_XDECREF(kwargs_st)
                                                    sp -= 4
                                                    frame.return_offset = next_instr - this_instr
                                                    try:
                                                        new_frame = _PyEvalFramePushAndInit(tstate, func_st, flocals, vec, 0, npos,
                                                                                            kwn2, frame)
                                                    finally:
                                                        Py_XDECREF(kwn2)
                                                    frame.stackpointer = sp
                                                    _start_frame(tstate, new_frame)
                                                    frame = new_frame
                                                    break
                                                frame.stackpointer = sp
                                                result = PyObject_Call(func_st, callargs_st, kwargs_st)
                                                Py_DECREF(func_st)
                                                Py_XDECREF(maybe_self)
                                                Py_DECREF(callargs_st)
                                                Py_XDECREF(kwargs_st)
                                                localsplus[sp - 4] = result
                                                sp -= 3
                                                # _CHECK_PERIODIC
                                                tstate.eval_breaker -= 1
                                                if tstate.eval_breaker <= 0:
                                                    _Py_HandlePending(tstate)
                                            elif opcode == CHECK_EG_MATCH:
                                                # CHECK_EG_MATCH (inst, bytecodes.py line 1219)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                match_type_st = localsplus[sp - 1]
                                                assert match_type_st is not None
                                                exc_value_st = localsplus[sp - 2]
                                                assert exc_value_st is not None
                                                _PyEval_CheckExceptStarTypeValid(match_type_st)
                                                match_o, rest_o = _PyEval_ExceptionGroupMatch(frame, exc_value_st, match_type_st)
                                                Py_DECREF(exc_value_st)
                                                Py_DECREF(match_type_st)
                                                if match_o is not Py_None:
                                                    exc_info = tstate.exc_info
                                                    old_handled = exc_info.exc_value
                                                    Py_INCREF(match_o)
                                                    exc_info.exc_value = match_o
                                                    Py_XDECREF(old_handled)
                                                rest = rest_o
                                                match = match_o
                                                localsplus[sp - 2] = rest
                                                localsplus[sp - 1] = match
                                            elif opcode == CHECK_EXC_MATCH:
                                                # CHECK_EXC_MATCH (inst, bytecodes.py line 1239)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                right = localsplus[sp - 1]
                                                assert right is not None
                                                left = localsplus[sp - 2]
                                                assert left is not None
                                                _PyEval_CheckExceptTypeValid(right)
                                                matches = PyErr_GivenExceptionMatches(left, right)
                                                Py_DECREF(right)
                                                b = Py_True if matches else Py_False
                                                localsplus[sp - 1] = b
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 10:
                                            if opcode == CLEANUP_THROW:
                                                # CLEANUP_THROW (inst, bytecodes.py line 1602)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                exc_value_st = localsplus[sp - 1]
                                                assert exc_value_st is not None
                                                last_sent_val = localsplus[sp - 2]
                                                assert last_sent_val is not None
                                                sub_iter = localsplus[sp - 3]
                                                assert sub_iter is not None
                                                if PyErr_GivenExceptionMatches(exc_value_st, PyExc_StopIteration):
                                                    assert isinstance(exc_value_st, PyStopIterationObject)
                                                    stop_value = exc_value_st.value
                                                    assert stop_value is not None
                                                    Py_INCREF(stop_value)
                                                    value = stop_value
                                                    Py_DECREF(sub_iter)
                                                    Py_DECREF(last_sent_val)
                                                    Py_DECREF(exc_value_st)
                                                    none = Py_None
                                                else:
                                                    Py_INCREF(exc_value_st)
                                                    frame.stackpointer = sp
                                                    pending = exc_value_st
                                                    pending_tb = False
                                                    unwind_index = this_instr
                                                    break
                                                localsplus[sp - 3] = none
                                                localsplus[sp - 2] = value
                                                sp -= 1
                                            elif opcode == DELETE_SUBSCR:
                                                # DELETE_SUBSCR (inst, bytecodes.py line 516)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                sub = localsplus[sp - 1]
                                                assert sub is not None
                                                container = localsplus[sp - 2]
                                                assert container is not None
                                                PyObject_DelItem(container, sub)
                                                Py_DECREF(container)
                                                Py_DECREF(sub)
                                                sp -= 2
                                            elif opcode == END_FOR:
                                                # END_FOR (inst, bytecodes.py line 374)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                sp -= 1
                                                Py_DECREF(value)
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == END_SEND:
                                                # END_SEND (inst, bytecodes.py line 1576)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                receiver = localsplus[sp - 2]
                                                assert receiver is not None
                                                val = value
                                                Py_DECREF(receiver)
                                                localsplus[sp - 2] = val
                                                sp -= 1
                                            elif opcode == EXIT_INIT_CHECK:
                                                # EXIT_INIT_CHECK (inst, bytecodes.py line 1729)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                should_be_none = localsplus[sp - 1]
                                                assert should_be_none is not None
                                                if should_be_none is not Py_None:
                                                    PyErr_SetString(PyExc_TypeError,
                                                                    f"__init__() should return None, not "
                                                                    f"'{should_be_none.ob_type.tp_name[:200]}'")
                                                sp -= 1
                                            elif opcode == FORMAT_SIMPLE:
                                                # FORMAT_SIMPLE (inst, bytecodes.py line 1879)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                # A str needs no formatting.
                                                if value.ob_type is not PyUnicode_Type:
                                                    res = PyObject_Format(value, None)
                                                    Py_DECREF(value)
                                                else:
                                                    res = value
                                                localsplus[sp - 1] = res
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                else:
                                    if opcode < 19:
                                        if opcode < 16:
                                            if opcode == FORMAT_WITH_SPEC:
                                                # FORMAT_WITH_SPEC (inst, bytecodes.py line 1890)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                fmt_spec = localsplus[sp - 1]
                                                assert fmt_spec is not None
                                                value = localsplus[sp - 2]
                                                assert value is not None
                                                res = PyObject_Format(value, fmt_spec)
                                                Py_DECREF(value)
                                                Py_DECREF(fmt_spec)
                                                localsplus[sp - 2] = res
                                                sp -= 1
                                            elif opcode == GET_AITER:
                                                # GET_AITER (inst, bytecodes.py line 1454)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                obj = localsplus[sp - 1]
                                                assert obj is not None
                                                getter = obj.ob_type.am_aiter
                                                if getter is None:
                                                    PyErr_SetString(PyExc_TypeError,
                                                                    f"'async for' requires an object with __aiter__ method, "
                                                                    f"got {obj.ob_type.tp_name[:100]}")
                                                assert getter is not None
                                                iter_o = getter(obj)
                                                Py_DECREF(obj)
                                                sp -= 1
                                                if iter_o.ob_type.am_anext is None:
                                                    tname = iter_o.ob_type.tp_name[:100]
                                                    Py_DECREF(iter_o)
                                                    PyErr_SetString(PyExc_TypeError,
                                                                    f"'async for' received an object from __aiter__ that does not "
                                                                    f"implement __anext__: {tname}")
                                                iter_ = iter_o
                                                localsplus[sp] = iter_
                                                sp += 1
                                            elif opcode == GET_ANEXT:
                                                # GET_ANEXT (inst, bytecodes.py line 1475)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                aiter_ = localsplus[sp - 1]
                                                assert aiter_ is not None
                                                awaitable = _PyEval_GetANext(aiter_)
                                                localsplus[sp] = awaitable
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == GET_ITER:
                                                # GET_ITER (inst, bytecodes.py line 1361)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                iterable = localsplus[sp - 1]
                                                assert iterable is not None
                                                iter_ = PyObject_GetIter(iterable)
                                                Py_DECREF(iterable)
                                                localsplus[sp - 1] = iter_
                                            elif opcode == RESERVED:
                                                # RESERVED (inst, bytecodes.py line 1949)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                _unknown_opcode(opcode, this_instr)
                                            elif opcode == GET_LEN:
                                                # GET_LEN (inst, bytecodes.py line 1323)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                obj = localsplus[sp - 1]
                                                assert obj is not None
                                                len_ = PyLong_FromLong(PyObject_Size(obj))
                                                localsplus[sp] = len_
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 22:
                                            if opcode == GET_YIELD_FROM_ITER:
                                                # GET_YIELD_FROM_ITER (inst, bytecodes.py line 1653)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                iterable = localsplus[sp - 1]
                                                assert iterable is not None
                                                if iterable.ob_type is PyCoro_Type:
                                                    if not (code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)):
                                                        PyErr_SetString(PyExc_TypeError,
                                                                        "cannot 'yield from' a coroutine object in a non-coroutine "
                                                                        "generator")
                                                    iter_ = iterable
                                                elif iterable.ob_type is PyGen_Type:
                                                    iter_ = iterable
                                                else:
                                                    iter_ = PyObject_GetIter(iterable)
                                                    Py_DECREF(iterable)
                                                localsplus[sp - 1] = iter_
                                            elif opcode == INTERPRETER_EXIT:
                                                # INTERPRETER_EXIT (inst, bytecodes.py line 563)
                                                next_instr = this_instr + 1
                                                retval = localsplus[sp - 1]
                                                assert retval is not None
                                                tstate.current_frame = frame.previous
                                                return retval
                                            elif opcode == LOAD_BUILD_CLASS:
                                                # LOAD_BUILD_CLASS (inst, bytecodes.py line 628)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                bc_o = PyDict_GetItemWithError(frame.f_builtins,
                                                                               PyUnicode_InternFromString("__build_class__"))
                                                if bc_o is None:
                                                    PyErr_SetString(PyExc_NameError, "__build_class__ not found")
                                                assert bc_o is not None
                                                Py_INCREF(bc_o)
                                                bc = bc_o
                                                localsplus[sp] = bc
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == LOAD_LOCALS:
                                                # LOAD_LOCALS (inst, bytecodes.py line 747)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                loc = frame.f_locals
                                                if loc is None:
                                                    PyErr_SetString(PyExc_SystemError, "no locals_ found")
                                                assert loc is not None
                                                Py_INCREF(loc)
                                                locals_ = loc
                                                localsplus[sp] = locals_
                                                sp += 1
                                            elif opcode == MAKE_FUNCTION:
                                                # MAKE_FUNCTION (inst, bytecodes.py line 1842)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                codeobj_st = localsplus[sp - 1]
                                                assert codeobj_st is not None
                                                func = PyFunction_New(codeobj_st, frame.f_globals)
                                                Py_DECREF(codeobj_st)
                                                localsplus[sp - 1] = func
                                            elif opcode == MATCH_KEYS:
                                                # MATCH_KEYS (inst, bytecodes.py line 1355)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                keys = localsplus[sp - 1]
                                                assert keys is not None
                                                subject = localsplus[sp - 2]
                                                assert subject is not None
                                                values_or_none = _PyEval_MatchKeys(tstate, subject, keys)
                                                localsplus[sp] = values_or_none
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                            else:
                                if opcode < 42:
                                    if opcode < 34:
                                        if opcode < 29:
                                            if opcode == MATCH_MAPPING:
                                                # MATCH_MAPPING (inst, bytecodes.py line 1343)
                                                next_instr = this_instr + 1
                                                subject = localsplus[sp - 1]
                                                assert subject is not None
                                                res = Py_True if subject.ob_type.tp_flags & Py_TPFLAGS_MAPPING else Py_False
                                                localsplus[sp] = res
                                                sp += 1
                                            elif opcode == MATCH_SEQUENCE:
                                                # MATCH_SEQUENCE (inst, bytecodes.py line 1349)
                                                next_instr = this_instr + 1
                                                subject = localsplus[sp - 1]
                                                assert subject is not None
                                                res = Py_True if subject.ob_type.tp_flags & Py_TPFLAGS_SEQUENCE else Py_False
                                                localsplus[sp] = res
                                                sp += 1
                                            elif opcode == NOP:
                                                # NOP (inst, bytecodes.py line 208)
                                                next_instr = this_instr + 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == POP_EXCEPT:
                                                # POP_EXCEPT (inst, bytecodes.py line 596)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                exc_value = localsplus[sp - 1]
                                                assert exc_value is not None
                                                exc_info = tstate.exc_info
                                                old_exc = exc_info.exc_value
                                                exc_info.exc_value = None if exc_value is Py_None else exc_value
                                                sp -= 1
                                                if old_exc is not None:
                                                    Py_DECREF(old_exc)
                                            elif opcode == POP_ITER:
                                                # POP_ITER (macro, bytecodes.py line 364)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                # POP_TOP
                                                value = localsplus[sp - 1]
                                                sp -= 1
                                                if value is not None:
                                                    Py_DECREF(value)
                                            elif opcode == PUSH_EXC_INFO:
                                                # PUSH_EXC_INFO (inst, bytecodes.py line 1443)
                                                next_instr = this_instr + 1
                                                exc = localsplus[sp - 1]
                                                assert exc is not None
                                                exc_info = tstate.exc_info
                                                prev = exc_info.exc_value
                                                prev_exc = Py_None if prev is None else prev
                                                Py_INCREF(exc)
                                                exc_info.exc_value = exc
                                                new_exc = exc
                                                localsplus[sp - 1] = prev_exc
                                                localsplus[sp] = new_exc
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 38:
                                            if opcode == RETURN_GENERATOR:
                                                # RETURN_GENERATOR (inst, bytecodes.py line 1622)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                gen_func = frame.f_funcobj
                                                assert isinstance(gen_func, PyFunctionObject)
                                                new_gen = _Py_MakeCoro(gen_func)
                                                assert isinstance(new_gen, PyGenObject)
                                                frame.stackpointer = sp
                                                frame.instr_ptr = this_instr + 1
                                                new_gen.gi_iframe = frame
                                                frame.f_generator = new_gen
                                                new_gen.gi_frame_state = FRAME_CREATED
                                                frame.owner = FRAME_OWNED_BY_GENERATOR
                                                tstate.py_recursion_remaining += 1     # _Py_LeaveRecursiveCallPy
                                                gen_frame = frame
                                                caller = gen_frame.previous
                                                assert caller is not None
                                                gen_frame.previous = None
                                                frame = caller
                                                tstate.current_frame = caller
                                                _PyFrame_StackPush(frame, new_gen)
                                                break
                                            elif opcode == SETUP_ANNOTATIONS:
                                                # SETUP_ANNOTATIONS (inst, bytecodes.py line 1018)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                ann_ns = frame.f_locals
                                                if ann_ns is None:
                                                    PyErr_SetString(PyExc_SystemError, "no locals found when setting up annotations")
                                                assert ann_ns is not None
                                                ann_name = PyUnicode_InternFromString("__annotations__")
                                                try:
                                                    ann_dict: Optional[PyObject] = PyObject_GetItem(ann_ns, ann_name)
                                                except PyErr as e:
                                                    if not e.matches(PyExc_KeyError):
                                                        raise
                                                    _PyErr_Clear(e)
                                                    ann_dict = None
                                                if ann_dict is None:
                                                    ann_dict = PyDict_New()
                                                    try:
                                                        PyObject_SetItem(ann_ns, ann_name, ann_dict)
                                                    finally:
                                                        Py_DECREF(ann_dict)
                                                else:
                                                    Py_DECREF(ann_dict)
                                            elif opcode == STORE_SLICE:
                                                # STORE_SLICE (macro, bytecodes.py line 476)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                # _STORE_SLICE
                                                stop = localsplus[sp - 1]
                                                assert stop is not None
                                                start = localsplus[sp - 2]
                                                assert start is not None
                                                container = localsplus[sp - 3]
                                                assert container is not None
                                                v = localsplus[sp - 4]
                                                assert v is not None
                                                slc = PySlice_New(start, stop, None)
                                                try:
                                                    PyObject_SetItem(container, slc, v)
                                                finally:
                                                    Py_DECREF(slc)
                                                Py_DECREF(v)
                                                Py_DECREF(container)
                                                Py_DECREF(start)
                                                Py_DECREF(stop)
                                                sp -= 4
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == STORE_SUBSCR:
                                                # STORE_SUBSCR (macro, bytecodes.py line 512)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 2
                                                # _STORE_SUBSCR
                                                sub = localsplus[sp - 1]
                                                assert sub is not None
                                                container = localsplus[sp - 2]
                                                assert container is not None
                                                v = localsplus[sp - 3]
                                                assert v is not None
                                                PyObject_SetItem(container, sub, v)
                                                Py_DECREF(v)
                                                Py_DECREF(container)
                                                Py_DECREF(sub)
                                                sp -= 3
                                            elif opcode == UNARY_INVERT:
                                                # UNARY_INVERT (inst, bytecodes.py line 424)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                res = PyNumber_Invert(value)
                                                Py_DECREF(value)
                                                localsplus[sp - 1] = res
                                            elif opcode == UNARY_NEGATIVE:
                                                # UNARY_NEGATIVE (inst, bytecodes.py line 385)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                res = PyNumber_Negative(value)
                                                Py_DECREF(value)
                                                localsplus[sp - 1] = res
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                else:
                                    if opcode < 49:
                                        if opcode < 46:
                                            if opcode == UNARY_NOT:
                                                # UNARY_NOT (inst, bytecodes.py line 392)
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                res = Py_True if value is Py_False else Py_False
                                                localsplus[sp - 1] = res
                                            elif opcode == WITH_EXCEPT_START:
                                                # WITH_EXCEPT_START (inst, bytecodes.py line 1428)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                val = localsplus[sp - 1]
                                                assert val is not None
                                                exit_self = localsplus[sp - 4]
                                                exit_func = localsplus[sp - 5]
                                                assert exit_func is not None
                                                assert isinstance(val, PyBaseExceptionObject)
                                                tb = val.traceback
                                                exc_args: list[PyObject] = [val.ob_type, val, Py_None if tb is None else tb]
                                                if exit_self is not None:
                                                    exc_args.insert(0, exit_self)
                                                res = PyObject_Vectorcall(exit_func, exc_args, 0, len(exc_args), None)
                                                localsplus[sp] = res
                                                sp += 1
                                            elif opcode == BUILD_INTERPOLATION:
                                                # BUILD_INTERPOLATION (inst, bytecodes.py line 917)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                format_ = sp - ((oparg & 1))
                                                str_ = localsplus[sp - ((oparg & 1) + 1)]
                                                assert str_ is not None
                                                value = localsplus[sp - ((oparg & 1) + 2)]
                                                assert value is not None
                                                if oparg & 1:
                                                    fmt = localsplus[format_]
                                                    assert fmt is not None
                                                else:
                                                    fmt = PyUnicode_InternFromString("")
                                                interpolation = _PyInterpolation_Build(value, str_, oparg >> 2, fmt)
                                                Py_DECREF(value)
                                                Py_DECREF(str_)
                                                for _i in range(format_, format_ + ((oparg & 1))):
                                                    Py_XDECREF(localsplus[_i])
                                                localsplus[sp - ((oparg & 1) + 2)] = interpolation
                                                sp -= ((oparg & 1) + 1)
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == BUILD_LIST:
                                                # BUILD_LIST (inst, bytecodes.py line 950)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                values = sp - oparg
                                                litems: list[PyObject] = localsplus[values:values + oparg]  # type: ignore[assignment]  # stack slots are non-NULL
                                                list_ = _PyList_FromArraySteal(litems)
                                                localsplus[sp - oparg] = list_
                                                sp -= (oparg + -1)
                                            elif opcode == BUILD_MAP:
                                                # BUILD_MAP (inst, bytecodes.py line 1010)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                values = sp - ((oparg*2))
                                                d = _build_map(localsplus, values, oparg)
                                                for _i in range(values, values + ((oparg*2))):
                                                    Py_XDECREF(localsplus[_i])
                                                map_ = d
                                                localsplus[sp - ((oparg*2))] = map_
                                                sp -= ((oparg*2) + -1)
                                            elif opcode == BUILD_SET:
                                                # BUILD_SET (inst, bytecodes.py line 983)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                values = sp - oparg
                                                st = PySet_New(None)
                                                assert isinstance(st, PySetObject)
                                                serr: Optional[PyErr] = None
                                                for i in range(values, values + oparg):
                                                    elem = localsplus[i]
                                                    localsplus[i] = None
                                                    assert elem is not None
                                                    if serr is None:
                                                        try:
                                                            _PySet_AddTakeRef(st, elem)
                                                        except PyErr as e:
                                                            serr = e
                                                    else:
                                                        Py_DECREF(elem)
                                                sp -= oparg
                                                if serr is not None:
                                                    Py_DECREF(st)
                                                    raise serr
                                                set_ = st
                                                localsplus[sp] = set_
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 53:
                                            if opcode == BUILD_SLICE:
                                                # BUILD_SLICE (inst, bytecodes.py line 1860)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                args = sp - oparg
                                                start = localsplus[args]
                                                stop = localsplus[args + 1]
                                                step = localsplus[args + 2] if oparg == 3 else None
                                                assert start is not None and stop is not None
                                                slc = PySlice_New(start, stop, step)
                                                for _i in range(args, args + oparg):
                                                    Py_XDECREF(localsplus[_i])
                                                slice_ = slc
                                                localsplus[sp - oparg] = slice_
                                                sp -= (oparg + -1)
                                            elif opcode == BUILD_STRING:
                                                # BUILD_STRING (inst, bytecodes.py line 909)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                pieces = sp - oparg
                                                s = _build_string(localsplus, pieces, oparg)
                                                for _i in range(pieces, pieces + oparg):
                                                    Py_XDECREF(localsplus[_i])
                                                str_ = s
                                                localsplus[sp - oparg] = str_
                                                sp -= (oparg + -1)
                                            elif opcode == BUILD_TUPLE:
                                                # BUILD_TUPLE (inst, bytecodes.py line 940)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                values = sp - oparg
                                                items: list[PyObject] = localsplus[values:values + oparg]  # type: ignore[assignment]  # stack slots are non-NULL
                                                tup = _PyTuple_FromArraySteal(items)
                                                localsplus[sp - oparg] = tup
                                                sp -= (oparg + -1)
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode < 55:
                                                if opcode == CALL_INTRINSIC_1:
                                                    # CALL_INTRINSIC_1 (inst, bytecodes.py line 523)
                                                    frame.instr_ptr = this_instr
                                                    next_instr = this_instr + 1
                                                    value = localsplus[sp - 1]
                                                    assert value is not None
                                                    res = _PyIntrinsics_UnaryFunctions[oparg](tstate, frame, value)
                                                    Py_DECREF(value)
                                                    localsplus[sp - 1] = res
                                                elif opcode == CALL_INTRINSIC_2:
                                                    # CALL_INTRINSIC_2 (inst, bytecodes.py line 534)
                                                    frame.instr_ptr = this_instr
                                                    next_instr = this_instr + 1
                                                    value1_st = localsplus[sp - 1]
                                                    assert value1_st is not None
                                                    value2_st = localsplus[sp - 2]
                                                    assert value2_st is not None
                                                    res = _PyIntrinsics_BinaryFunctions[oparg](tstate, frame, value2_st, value1_st)
                                                    Py_DECREF(value2_st)
                                                    Py_DECREF(value1_st)
                                                    localsplus[sp - 2] = res
                                                    sp -= 1
                                                else:
                                                    _unknown_opcode(opcode, this_instr)
                                            else:
                                                if opcode == CALL_KW:
                                                    # CALL_KW (macro, bytecodes.py line 1781)
                                                    frame.instr_ptr = this_instr
                                                    next_instr = this_instr + 4
                                                    # _MAYBE_EXPAND_METHOD_KW
                                                    self_or_null = localsplus[sp - (oparg + 2)]
                                                    callable_ = localsplus[sp - (oparg + 3)]
                                                    assert callable_ is not None
                                                    if self_or_null is None and callable_.ob_type is PyMethod_Type:
                                                        callable_, self_or_null = _PyMethod_Expand(callable_)
                                                    localsplus[sp - (oparg + 3)] = callable_
                                                    localsplus[sp - (oparg + 2)] = self_or_null
                                                    # _DO_CALL_KW
                                                    kwnames = localsplus[sp - 1]
                                                    assert isinstance(kwnames, PyTupleObject)
                                                    args = sp - (oparg + 1)
                                                    self_or_null = localsplus[sp - (oparg + 2)]
                                                    callable_ = localsplus[sp - (oparg + 3)]
                                                    assert callable_ is not None
                                                    total_args = oparg
                                                    arguments = args
                                                    if self_or_null is not None:
                                                        arguments -= 1
                                                        total_args += 1
                                                    positional_args = total_args - len(kwnames.ob_item)
                                                    if callable_.ob_type is PyFunction_Type:
                                                        assert isinstance(callable_, PyFunctionObject)
                                                        flocals = _PyFunction_FrameLocals(callable_)
                                                        sp -= (oparg + 3)
                                                        frame.return_offset = next_instr - this_instr
                                                        try:
                                                            new_frame = _PyEvalFramePushAndInit(tstate, callable_, flocals, localsplus,
                                                                                                arguments, positional_args, kwnames, frame)
                                                        finally:
                                                            Py_DECREF(kwnames)
                                                        frame.stackpointer = sp
                                                        _start_frame(tstate, new_frame)
                                                        frame = new_frame
                                                        break
                                                    frame.stackpointer = sp
                                                    res = PyObject_Vectorcall(callable_, localsplus, arguments, positional_args, kwnames)  # type: ignore[arg-type]  # the argument slots are non-NULL
                                                    Py_DECREF(callable_)
                                                    Py_XDECREF(self_or_null)
                                                    for _i in range(args, args + oparg):
                                                        Py_XDECREF(localsplus[_i])
                                                    Py_DECREF(kwnames)
                                                    localsplus[sp - (oparg + 3)] = res
                                                    sp -= (oparg + 2)
                                                elif opcode == CONTAINS_OP:
                                                    # CONTAINS_OP (macro, bytecodes.py line 1215)
                                                    frame.instr_ptr = this_instr
                                                    next_instr = this_instr + 2
                                                    # _CONTAINS_OP
                                                    right = localsplus[sp - 1]
                                                    assert right is not None
                                                    left = localsplus[sp - 2]
                                                    assert left is not None
                                                    contained = PySequence_Contains(right, left) != (oparg != 0)
                                                    Py_DECREF(left)
                                                    Py_DECREF(right)
                                                    b = Py_True if contained else Py_False
                                                    localsplus[sp - 2] = b
                                                    sp -= 1
                                                else:
                                                    _unknown_opcode(opcode, this_instr)
                        else:
                            if opcode < 90:
                                if opcode < 72:
                                    if opcode < 64:
                                        if opcode < 61:
                                            if opcode == CONVERT_VALUE:
                                                # CONVERT_VALUE (inst, bytecodes.py line 1872)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                result = _convert_value(value, oparg)
                                                Py_DECREF(value)
                                                localsplus[sp - 1] = result
                                            elif opcode == COPY:
                                                # COPY (inst, bytecodes.py line 1897)
                                                next_instr = this_instr + 1
                                                bottom = localsplus[sp - ((oparg-1) + 1)]
                                                assert bottom is not None
                                                Py_INCREF(bottom)
                                                top = bottom
                                                localsplus[sp] = top
                                                sp += 1
                                            elif opcode == COPY_FREE_VARS:
                                                # COPY_FREE_VARS (inst, bytecodes.py line 895)
                                                next_instr = this_instr + 1
                                                fobj = frame.f_funcobj
                                                assert isinstance(fobj, PyFunctionObject)
                                                closure = fobj.func_closure
                                                assert isinstance(closure, PyTupleObject)
                                                offset = code.co_nlocalsplus - oparg
                                                for i in range(oparg):
                                                    o = closure.ob_item[i]
                                                    Py_INCREF(o)
                                                    localsplus[offset + i] = o
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == DELETE_ATTR:
                                                # DELETE_ATTR (inst, bytecodes.py line 724)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                owner = localsplus[sp - 1]
                                                assert owner is not None
                                                PyObject_SetAttr(owner, names[oparg], None)
                                                Py_DECREF(owner)
                                                sp -= 1
                                            elif opcode == DELETE_DEREF:
                                                # DELETE_DEREF (inst, bytecodes.py line 831)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                cell = localsplus[oparg]
                                                assert isinstance(cell, PyCellObject)
                                                old_value = cell.ob_ref
                                                if old_value is None:
                                                    raise _PyEval_FormatExcUnbound(code, oparg)
                                                cell.ob_ref = None
                                                Py_DECREF(old_value)
                                            elif opcode == DELETE_FAST:
                                                # DELETE_FAST (inst, bytecodes.py line 811)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                v = localsplus[oparg]
                                                if v is None:
                                                    raise _PyEval_FormatExcCheckArg(PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                                                                    code.co_localsplusnames_items[oparg])
                                                localsplus[oparg] = None
                                                Py_DECREF(v)
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 67:
                                            if opcode == DELETE_GLOBAL:
                                                # DELETE_GLOBAL (inst, bytecodes.py line 738)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                name = names[oparg]
                                                if PyDict_GetItemWithError(frame.f_globals, name) is None:
                                                    raise _PyEval_FormatExcCheckArg(PyExc_NameError, NAME_ERROR_MSG, name)
                                                PyDict_DelItem(frame.f_globals, name)
                                            elif opcode == DELETE_NAME:
                                                # DELETE_NAME (inst, bytecodes.py line 657)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                name = names[oparg]
                                                ns = frame.f_locals
                                                if ns is None:
                                                    r = _PyObject_ReprStr(name)
                                                    PyErr_SetString(PyExc_SystemError, f"no locals when deleting {r}")
                                                assert ns is not None
                                                try:
                                                    PyObject_DelItem(ns, name)
                                                except PyErr as e:
                                                    _PyErr_Clear(e)
                                                    raise _PyEval_FormatExcCheckArg(PyExc_NameError, NAME_ERROR_MSG, name)
                                            elif opcode == DICT_MERGE:
                                                # DICT_MERGE (inst, bytecodes.py line 1057)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                update = localsplus[sp - 1]
                                                assert update is not None
                                                dict_ = localsplus[sp - ((oparg - 1) + 2)]
                                                assert dict_ is not None
                                                callable_ = localsplus[sp - ((oparg - 1) + 5)]
                                                assert callable_ is not None
                                                try:
                                                    _PyDict_MergeEx(dict_, update, 2)
                                                except PyErr as e:
                                                    raise _format_kwargs_error(callable_, update, e)
                                                Py_DECREF(update)
                                                sp -= 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == DICT_UPDATE:
                                                # DICT_UPDATE (inst, bytecodes.py line 1043)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                update = localsplus[sp - 1]
                                                assert update is not None
                                                dict_ = localsplus[sp - ((oparg - 1) + 2)]
                                                assert dict_ is not None
                                                try:
                                                    PyDict_Update(dict_, update)
                                                except PyErr as e:
                                                    if e.matches(PyExc_AttributeError):
                                                        _PyErr_Clear(e)
                                                        PyErr_SetString(PyExc_TypeError,
                                                                        f"'{update.ob_type.tp_name[:200]}' object is not a mapping")
                                                    raise
                                                Py_DECREF(update)
                                                sp -= 1
                                            elif opcode == END_ASYNC_FOR:
                                                # END_ASYNC_FOR (macro, bytecodes.py line 1598)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                # _END_ASYNC_FOR
                                                exc_st = localsplus[sp - 1]
                                                assert exc_st is not None
                                                awaitable_st = localsplus[sp - 2]
                                                assert awaitable_st is not None
                                                # A pretend jump, as in C: monitoring reads the oparg as the source offset.
                                                next_instr += 0 * oparg
                                                if PyErr_GivenExceptionMatches(exc_st, PyExc_StopAsyncIteration):
                                                    Py_DECREF(awaitable_st)
                                                    Py_DECREF(exc_st)
                                                else:
                                                    Py_INCREF(exc_st)
                                                    frame.stackpointer = sp
                                                    pending = exc_st
                                                    pending_tb = False
                                                    unwind_index = this_instr
                                                    break
                                                sp -= 2
                                            elif opcode == GET_AWAITABLE:
                                                # GET_AWAITABLE (inst, bytecodes.py line 1481)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                iterable = localsplus[sp - 1]
                                                assert iterable is not None
                                                iter_ = _PyEval_GetAwaitable(iterable, oparg)
                                                Py_DECREF(iterable)
                                                localsplus[sp - 1] = iter_
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                else:
                                    if opcode < 79:
                                        if opcode < 76:
                                            if opcode == IMPORT_FROM:
                                                # IMPORT_FROM (inst, bytecodes.py line 1255)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                from_ = localsplus[sp - 1]
                                                assert from_ is not None
                                                res = _PyEval_ImportFrom(from_, names[oparg])
                                                localsplus[sp] = res
                                                sp += 1
                                            elif opcode == IMPORT_NAME:
                                                # IMPORT_NAME (inst, bytecodes.py line 1248)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                fromlist = localsplus[sp - 1]
                                                assert fromlist is not None
                                                level = localsplus[sp - 2]
                                                assert level is not None
                                                res = _PyEval_ImportName(frame, names[oparg], fromlist, level)
                                                Py_DECREF(level)
                                                Py_DECREF(fromlist)
                                                localsplus[sp - 2] = res
                                                sp -= 1
                                            elif opcode == IS_OP:
                                                # IS_OP (inst, bytecodes.py line 1190)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                right = localsplus[sp - 1]
                                                assert right is not None
                                                left = localsplus[sp - 2]
                                                assert left is not None
                                                is_ = (left is right) != (oparg != 0)
                                                Py_DECREF(left)
                                                Py_DECREF(right)
                                                b = Py_True if is_ else Py_False
                                                localsplus[sp - 2] = b
                                                sp -= 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == JUMP_BACKWARD_NO_INTERRUPT:
                                                # JUMP_BACKWARD_NO_INTERRUPT (inst, bytecodes.py line 1276)
                                                next_instr = this_instr + 1
                                                next_instr += -oparg
                                            elif opcode == JUMP_FORWARD:
                                                # JUMP_FORWARD (inst, bytecodes.py line 1261)
                                                next_instr = this_instr + 1
                                                next_instr += oparg
                                            elif opcode == LIST_APPEND:
                                                # LIST_APPEND (inst, bytecodes.py line 480)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                v = localsplus[sp - 1]
                                                assert v is not None
                                                list_ = localsplus[sp - ((oparg-1) + 2)]
                                                assert isinstance(list_, PyListObject)
                                                _PyList_AppendTakeRef(list_, v)
                                                sp -= 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 85:
                                            if opcode == LIST_EXTEND:
                                                # LIST_EXTEND (inst, bytecodes.py line 960)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                iterable_st = localsplus[sp - 1]
                                                assert iterable_st is not None
                                                list_st = localsplus[sp - ((oparg-1) + 2)]
                                                assert isinstance(list_st, PyListObject)
                                                try:
                                                    _PyList_Extend(list_st, iterable_st)
                                                except PyErr as e:
                                                    if e.matches(PyExc_TypeError) and iterable_st.ob_type.tp_iter is None \
                                                            and not PySequence_Check(iterable_st):
                                                        _PyErr_Clear(e)
                                                        PyErr_SetString(PyExc_TypeError,
                                                                        f"Value after * must be an iterable, not "
                                                                        f"{iterable_st.ob_type.tp_name[:200]}")
                                                    raise
                                                Py_DECREF(iterable_st)
                                                sp -= 1
                                            elif opcode == LOAD_COMMON_CONSTANT:
                                                # LOAD_COMMON_CONSTANT (inst, bytecodes.py line 622)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = _load_common_constant(frame, oparg)
                                                localsplus[sp] = value
                                                sp += 1
                                            elif opcode == LOAD_DEREF:
                                                # LOAD_DEREF (inst, bytecodes.py line 872)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                cell = localsplus[oparg]
                                                assert isinstance(cell, PyCellObject)
                                                value = cell.ob_ref
                                                if value is None:
                                                    raise _PyEval_FormatExcUnbound(code, oparg)
                                                Py_INCREF(value)
                                                localsplus[sp] = value
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == LOAD_FAST_AND_CLEAR:
                                                # LOAD_FAST_AND_CLEAR (inst, bytecodes.py line 284)
                                                next_instr = this_instr + 1
                                                value = localsplus[oparg]
                                                localsplus[oparg] = None
                                                localsplus[sp] = value
                                                sp += 1
                                            elif opcode == LOAD_FAST_CHECK:
                                                # LOAD_FAST_CHECK (inst, bytecodes.py line 261)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[oparg]
                                                if value is None:
                                                    raise _PyEval_FormatExcCheckArg(PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                                                                    code.co_localsplusnames_items[oparg])
                                                Py_INCREF(value)
                                                localsplus[sp] = value
                                                sp += 1
                                            elif opcode == LOAD_FAST_LOAD_FAST:
                                                # LOAD_FAST_LOAD_FAST (inst, bytecodes.py line 291)
                                                next_instr = this_instr + 1
                                                value1 = localsplus[oparg >> 4]
                                                value2 = localsplus[oparg & 15]
                                                assert value1 is not None and value2 is not None
                                                Py_INCREF(value1)
                                                Py_INCREF(value2)
                                                localsplus[sp] = value1
                                                localsplus[sp + 1] = value2
                                                sp += 2
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                            else:
                                if opcode < 106:
                                    if opcode < 98:
                                        if opcode < 95:
                                            if opcode == LOAD_FROM_DICT_OR_DEREF:
                                                # LOAD_FROM_DICT_OR_DEREF (inst, bytecodes.py line 843)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                class_dict_st = localsplus[sp - 1]
                                                assert class_dict_st is not None
                                                dname = code.co_localsplusnames_items[oparg]
                                                # PyMapping_GetOptionalItem: exact dicts directly, anything else
                                                # (a dict subclass from __prepare__) through __getitem__.
                                                if class_dict_st.ob_type is PyDict_Type:
                                                    dv = PyDict_GetItemWithError(class_dict_st, dname)
                                                    if dv is not None:
                                                        Py_INCREF(dv)
                                                else:
                                                    try:
                                                        dv = PyObject_GetItem(class_dict_st, dname)
                                                    except PyErr as e:
                                                        if not e.matches(PyExc_KeyError):
                                                            raise
                                                        _PyErr_Clear(e)
                                                        dv = None
                                                if dv is None:
                                                    cell = localsplus[oparg]
                                                    assert isinstance(cell, PyCellObject)
                                                    dv = cell.ob_ref
                                                    if dv is None:
                                                        raise _PyEval_FormatExcUnbound(code, oparg)
                                                    Py_INCREF(dv)
                                                Py_DECREF(class_dict_st)
                                                value = dv
                                                localsplus[sp - 1] = value
                                            elif opcode == LOAD_FROM_DICT_OR_GLOBALS:
                                                # LOAD_FROM_DICT_OR_GLOBALS (inst, bytecodes.py line 758)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                mod_or_class_dict = localsplus[sp - 1]
                                                assert mod_or_class_dict is not None
                                                gname = names[oparg]
                                                try:
                                                    gv: Optional[PyObject] = PyObject_GetItem(mod_or_class_dict, gname)
                                                except PyErr as e:
                                                    if not e.matches(PyExc_KeyError):
                                                        raise
                                                    _PyErr_Clear(e)
                                                    gv = None
                                                if gv is None:
                                                    gv = _load_global(frame, gname)
                                                Py_DECREF(mod_or_class_dict)
                                                v = gv
                                                localsplus[sp - 1] = v
                                            elif opcode == LOAD_NAME:
                                                # LOAD_NAME (inst, bytecodes.py line 775)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                v = _load_name(frame, names[oparg])
                                                localsplus[sp] = v
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == LOAD_SPECIAL:
                                                # LOAD_SPECIAL (macro, bytecodes.py line 1424)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                # _INSERT_NULL
                                                self = localsplus[sp - 1]
                                                method_and_self = sp - 1
                                                localsplus[method_and_self + 1] = self
                                                localsplus[method_and_self] = None
                                                sp += 1
                                                # _LOAD_SPECIAL
                                                method_and_self = sp - 2
                                                method_and_self = sp - 2
                                                _load_special(localsplus, method_and_self, oparg)
                                            elif opcode == LOAD_SUPER_ATTR:
                                                # LOAD_SUPER_ATTR (macro, bytecodes.py line 1116)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 2
                                                # _LOAD_SUPER_ATTR
                                                self_st = localsplus[sp - 1]
                                                assert self_st is not None
                                                class_st = localsplus[sp - 2]
                                                assert class_st is not None
                                                global_super_st = localsplus[sp - 3]
                                                assert global_super_st is not None
                                                null = sp - 2
                                                sname = names[oparg >> 2]
                                                if global_super_st is PySuper_Type and isinstance(class_st, PyTypeObject):
                                                    sattr, smeth = _PySuper_Lookup(class_st, self_st, sname, (oparg & 1) != 0)
                                                else:
                                                    sup = PyObject_Vectorcall(global_super_st, [class_st, self_st], 0, oparg & 2, None)
                                                    try:
                                                        sattr = PyObject_GetAttr(sup, sname)
                                                    finally:
                                                        Py_DECREF(sup)
                                                    smeth = False
                                                Py_DECREF(global_super_st)
                                                Py_DECREF(class_st)
                                                attr = sattr
                                                if oparg & 1:
                                                    if smeth:
                                                        localsplus[null] = self_st
                                                    else:
                                                        localsplus[null] = None
                                                        Py_DECREF(self_st)
                                                else:
                                                    Py_DECREF(self_st)
                                                localsplus[sp - 3] = attr
                                                sp += (oparg & 1) + -2
                                            elif opcode == MAKE_CELL:
                                                # MAKE_CELL (inst, bytecodes.py line 822)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                initial = localsplus[oparg]
                                                localsplus[oparg] = PyCell_New(initial)
                                                if initial is not None:
                                                    Py_DECREF(initial)
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 102:
                                            if opcode == MAP_ADD:
                                                # MAP_ADD (inst, bytecodes.py line 1067)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                key = localsplus[sp - 2]
                                                assert key is not None
                                                dict_st = localsplus[sp - ((oparg - 1) + 3)]
                                                assert dict_st is not None
                                                PyDict_SetItem(dict_st, key, value)
                                                Py_DECREF(key)
                                                Py_DECREF(value)
                                                sp -= 2
                                            elif opcode == MATCH_CLASS:
                                                # MATCH_CLASS (inst, bytecodes.py line 1329)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                names_ = localsplus[sp - 1]
                                                assert names_ is not None
                                                type_ = localsplus[sp - 2]
                                                assert type_ is not None
                                                subject = localsplus[sp - 3]
                                                assert subject is not None
                                                attrs_o = _PyEval_MatchClass(tstate, subject, type_, oparg, names_)
                                                Py_DECREF(subject)
                                                Py_DECREF(type_)
                                                Py_DECREF(names_)
                                                if attrs_o is not None:
                                                    attrs = attrs_o
                                                else:
                                                    attrs = Py_None
                                                localsplus[sp - 3] = attrs
                                                sp -= 2
                                            elif opcode == POP_JUMP_IF_NONE:
                                                # POP_JUMP_IF_NONE (macro, bytecodes.py line 1318)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 2
                                                # _IS_NONE
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                if value is Py_None:
                                                    b = Py_True
                                                else:
                                                    b = Py_False
                                                    Py_DECREF(value)
                                                localsplus[sp - 1] = b
                                                # _POP_JUMP_IF_TRUE
                                                cond = localsplus[sp - 1]
                                                assert cond is not None
                                                if cond is Py_True:
                                                    next_instr += oparg
                                                sp -= 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == POP_JUMP_IF_NOT_NONE:
                                                # POP_JUMP_IF_NOT_NONE (macro, bytecodes.py line 1319)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 2
                                                # _IS_NONE
                                                value = localsplus[sp - 1]
                                                assert value is not None
                                                if value is Py_None:
                                                    b = Py_True
                                                else:
                                                    b = Py_False
                                                    Py_DECREF(value)
                                                localsplus[sp - 1] = b
                                                # _POP_JUMP_IF_FALSE
                                                cond = localsplus[sp - 1]
                                                assert cond is not None
                                                if cond is Py_False:
                                                    next_instr += oparg
                                                sp -= 1
                                            elif opcode == RAISE_VARARGS:
                                                # RAISE_VARARGS (inst, bytecodes.py line 541)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                args = sp - oparg
                                                cause: Optional[PyObject] = None
                                                exc = None
                                                if oparg == 2:
                                                    cause = localsplus[args + 1]
                                                    exc = localsplus[args]
                                                elif oparg == 1:
                                                    exc = localsplus[args]
                                                sp -= oparg
                                                frame.stackpointer = sp
                                                raised = do_raise(tstate, exc, cause)
                                                if oparg == 0:
                                                    frame.stackpointer = sp
                                                    pending = raised
                                                    pending_tb = False
                                                    unwind_index = this_instr
                                                    break
                                                _PyErr_Raise(raised)
                                            elif opcode == RERAISE:
                                                # RERAISE (inst, bytecodes.py line 607)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                exc_st = localsplus[sp - 1]
                                                assert exc_st is not None
                                                values = sp - (oparg + 1)
                                                values = sp - (oparg + 1)
                                                if oparg:
                                                    lasti = localsplus[values]
                                                    assert isinstance(lasti, PyLongObject)
                                                    frame.instr_ptr = lasti.ob_ival
                                                sp -= 1
                                                frame.stackpointer = sp
                                                pending = exc_st
                                                pending_tb = False
                                                unwind_index = this_instr
                                                break
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                else:
                                    if opcode < 114:
                                        if opcode < 109:
                                            if opcode == SEND:
                                                # SEND (macro, bytecodes.py line 1540)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 2
                                                # _SEND
                                                v = localsplus[sp - 1]
                                                assert v is not None
                                                receiver = localsplus[sp - 2]
                                                assert receiver is not None
                                                if (receiver.ob_type is PyGen_Type or receiver.ob_type is PyCoro_Type):
                                                    sub_gen = receiver
                                                    assert isinstance(sub_gen, PyGenObject)
                                                    if sub_gen.gi_frame_state < FRAME_EXECUTING:
                                                        sub_frame = sub_gen.gi_iframe
                                                        assert sub_frame is not None
                                                        sp -= 1
                                                        _PyFrame_StackPush(sub_frame, v)
                                                        sub_gen.gi_frame_state = FRAME_EXECUTING
                                                        sub_gen.gi_exc_state.previous_item = tstate.exc_info
                                                        tstate.exc_info = sub_gen.gi_exc_state
                                                        frame.return_offset = next_instr - this_instr + oparg
                                                        sub_frame.previous = frame
                                                        frame.stackpointer = sp
                                                        _start_frame(tstate, sub_frame)
                                                        frame = sub_frame
                                                        break
                                                try:
                                                    if v is Py_None and receiver.ob_type.tp_iternext is not None:
                                                        iternext = receiver.ob_type.tp_iternext
                                                        assert iternext is not None
                                                        retval_o = iternext(receiver)
                                                    else:
                                                        retval_o = PyObject_CallMethodOneArg(receiver, PyUnicode_InternFromString("send"), v)
                                                    stop_err: Optional[PyErr] = None
                                                except PyErr as e:
                                                    if not e.matches(PyExc_StopIteration):
                                                        raise
                                                    retval_o = None
                                                    stop_err = e
                                                if retval_o is None:
                                                    retval_o = _PyGen_FetchStopIterationValue(stop_err)
                                                    next_instr += oparg
                                                Py_DECREF(v)
                                                retval = retval_o
                                                localsplus[sp - 1] = retval
                                            elif opcode == SET_ADD:
                                                # SET_ADD (inst, bytecodes.py line 486)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                v = localsplus[sp - 1]
                                                assert v is not None
                                                set_ = localsplus[sp - ((oparg-1) + 2)]
                                                assert isinstance(set_, PySetObject)
                                                sp -= 1
                                                _PySet_AddTakeRef(set_, v)
                                                localsplus[sp - ((oparg-1) + 1)] = set_
                                            elif opcode == SET_FUNCTION_ATTRIBUTE:
                                                # SET_FUNCTION_ATTRIBUTE (inst, bytecodes.py line 1849)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                func_in = localsplus[sp - 1]
                                                assert isinstance(func_in, PyFunctionObject)
                                                attr_st = localsplus[sp - 2]
                                                assert attr_st is not None
                                                sp -= 2
                                                _set_function_attribute(func_in, oparg, attr_st)
                                                func_out = func_in
                                                localsplus[sp] = func_out
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode == SET_UPDATE:
                                                # SET_UPDATE (inst, bytecodes.py line 976)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                iterable = localsplus[sp - 1]
                                                assert iterable is not None
                                                set_ = localsplus[sp - ((oparg-1) + 2)]
                                                assert set_ is not None
                                                _PySet_Update(set_, iterable)
                                                Py_DECREF(iterable)
                                                sp -= 1
                                            elif opcode == STORE_DEREF:
                                                # STORE_DEREF (inst, bytecodes.py line 883)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                v = localsplus[sp - 1]
                                                assert v is not None
                                                cell = localsplus[oparg]
                                                assert isinstance(cell, PyCellObject)
                                                old_value = cell.ob_ref
                                                cell.ob_ref = v
                                                sp -= 1
                                                if old_value is not None:
                                                    Py_DECREF(old_value)
                                            elif opcode == STORE_FAST_LOAD_FAST:
                                                # STORE_FAST_LOAD_FAST (inst, bytecodes.py line 330)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value1 = localsplus[sp - 1]
                                                old = localsplus[oparg >> 4]
                                                localsplus[oparg >> 4] = value1
                                                value2 = localsplus[oparg & 15]
                                                assert value2 is not None
                                                Py_INCREF(value2)
                                                sp -= 1
                                                if old is not None:
                                                    Py_DECREF(old)
                                                localsplus[sp] = value2
                                                sp += 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                    else:
                                        if opcode < 117:
                                            if opcode == STORE_FAST_STORE_FAST:
                                                # STORE_FAST_STORE_FAST (inst, bytecodes.py line 343)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                value1 = localsplus[sp - 1]
                                                value2 = localsplus[sp - 2]
                                                old = localsplus[oparg >> 4]
                                                localsplus[oparg >> 4] = value1
                                                old2 = localsplus[oparg & 15]
                                                localsplus[oparg & 15] = value2
                                                sp -= 2
                                                if old is not None:
                                                    Py_DECREF(old)
                                                if old2 is not None:
                                                    Py_DECREF(old2)
                                            elif opcode == STORE_GLOBAL:
                                                # STORE_GLOBAL (inst, bytecodes.py line 731)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                v = localsplus[sp - 1]
                                                assert v is not None
                                                PyDict_SetItem(frame.f_globals, names[oparg], v)
                                                Py_DECREF(v)
                                                sp -= 1
                                            elif opcode == STORE_NAME:
                                                # STORE_NAME (inst, bytecodes.py line 640)
                                                frame.instr_ptr = this_instr
                                                next_instr = this_instr + 1
                                                v = localsplus[sp - 1]
                                                assert v is not None
                                                name = names[oparg]
                                                ns = frame.f_locals
                                                if ns is None:
                                                    r = _PyObject_ReprStr(name)
                                                    PyErr_SetString(PyExc_SystemError, f"no locals found when storing {r}")
                                                assert ns is not None
                                                # PyDict_CheckExact: a dict subclass from __prepare__ gets its __setitem__.
                                                if ns.ob_type is PyDict_Type:
                                                    PyDict_SetItem(ns, name, v)
                                                else:
                                                    PyObject_SetItem(ns, name, v)
                                                Py_DECREF(v)
                                                sp -= 1
                                            else:
                                                _unknown_opcode(opcode, this_instr)
                                        else:
                                            if opcode < 119:
                                                if opcode == SWAP:
                                                    # SWAP (inst, bytecodes.py line 1923)
                                                    next_instr = this_instr + 1
                                                    top = localsplus[sp - 1]
                                                    bottom = localsplus[sp - ((oparg-2) + 2)]
                                                    bottom, top = top, bottom
                                                    localsplus[sp - ((oparg-2) + 2)] = bottom
                                                    localsplus[sp - 1] = top
                                                elif opcode == UNPACK_EX:
                                                    # UNPACK_EX (inst, bytecodes.py line 697)
                                                    frame.instr_ptr = this_instr
                                                    next_instr = this_instr + 1
                                                    seq = localsplus[sp - 1]
                                                    assert seq is not None
                                                    unpacked_top = sp - 1 + ((oparg & 0xFF) + (oparg >> 8) + 1)
                                                    _PyEval_UnpackIterableStackRef(seq, oparg & 0xFF, oparg >> 8, localsplus, unpacked_top)
                                                    Py_DECREF(seq)
                                                    sp += (oparg & 0xFF) + (oparg >> 8)
                                                else:
                                                    _unknown_opcode(opcode, this_instr)
                                            else:
                                                if opcode == UNPACK_SEQUENCE:
                                                    # UNPACK_SEQUENCE (macro, bytecodes.py line 693)
                                                    frame.instr_ptr = this_instr
                                                    next_instr = this_instr + 2
                                                    # _UNPACK_SEQUENCE
                                                    seq = localsplus[sp - 1]
                                                    assert seq is not None
                                                    unpacked_top = sp - 1 + oparg
                                                    _PyEval_UnpackIterableStackRef(seq, oparg, -1, localsplus, unpacked_top)
                                                    Py_DECREF(seq)
                                                    sp += oparg + -1
                                                elif opcode == YIELD_VALUE:
                                                    # YIELD_VALUE (inst, bytecodes.py line 1544)
                                                    frame.instr_ptr = this_instr
                                                    next_instr = this_instr + 1
                                                    retval = localsplus[sp - 1]
                                                    assert retval is not None
                                                    frame.instr_ptr = this_instr + 1
                                                    yielding = frame.f_generator
                                                    assert isinstance(yielding, PyGenObject)
                                                    yielding.gi_frame_state = FRAME_SUSPENDED + oparg
                                                    sp -= 1
                                                    frame.stackpointer = sp
                                                    resumer_exc_info = yielding.gi_exc_state.previous_item
                                                    assert resumer_exc_info is not None     # linked in while the generator ran
                                                    tstate.exc_info = resumer_exc_info
                                                    yielding.gi_exc_state.previous_item = None
                                                    tstate.py_recursion_remaining += 1     # _Py_LeaveRecursiveCallPy
                                                    gen_frame = frame
                                                    resumer = frame.previous
                                                    assert resumer is not None
                                                    frame = resumer
                                                    tstate.current_frame = resumer
                                                    gen_frame.previous = None
                                                    # LOAD_IP(1 + INLINE_CACHE_ENTRIES_SEND): past the resumer's SEND.
                                                    frame.return_offset = 2
                                                    _PyFrame_StackPush(frame, retval)
                                                    break
                                                else:
                                                    _unknown_opcode(opcode, this_instr)
                    # END GENERATED CASES
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
            if pending is None:
                # A frame was pushed or popped: reload the registers.
                continue

        # -------- error / exception_unwind / exit_unwind --------
        exc_obj = pending
        pending = None
        if pending_tb:
            PyTraceBack_Here(frame, exc_obj)
        ucode = frame.f_executable
        handler, handler_level, lasti_flag = get_exception_handler(ucode, unwind_index) \
            if unwind_index >= 0 else (-1, 0, 0)
        base_sp = ucode.co_nlocalsplus
        ls = frame.localsplus
        usp = frame.stackpointer
        if handler >= 0:
            new_top = base_sp + handler_level
            while usp > new_top:
                usp -= 1
                dead = ls[usp]
                ls[usp] = None
                if dead is not None:
                    Py_DECREF(dead)
            if lasti_flag:
                ls[usp] = PyLong_FromLong(frame.instr_ptr)
                usp += 1
            ls[usp] = exc_obj
            usp += 1
            frame.stackpointer = usp
            frame.instr_ptr = handler
            frame.return_offset = 0
            continue
        # No handler: pop the stack, then exit_unwind.
        while usp > base_sp:
            usp -= 1
            dead = ls[usp]
            ls[usp] = None
            if dead is not None:
                Py_DECREF(dead)
        frame.stackpointer = usp
        tstate.py_recursion_remaining += 1
        dying = frame
        caller_frame = dying.previous
        assert caller_frame is not None
        frame = caller_frame
        tstate.current_frame = frame
        _PyEval_FrameClearAndPop(tstate, dying)
        frame.return_offset = 0
        if frame.owner == FRAME_OWNED_BY_INTERPRETER:
            tstate.current_frame = frame.previous
            _PyErr_Raise(exc_obj)
        # The caller gets the exception at its call (`goto error`); C looks
        # the handler up at `frame->instr_ptr - 1` (INSTR_OFFSET()-1).
        pending = exc_obj
        pending_tb = True
        unwind_index = frame.instr_ptr - 1


_trampoline_code: Final = _make_trampoline_code()


def _ceval_install() -> None:
    """pyvm: install the eval loop's entry points for the object layer."""
    _interp.eval_vector = _PyEval_Vector
    _interp.eval_frame = _PyEval_EvalFrame


_ceval_install()
