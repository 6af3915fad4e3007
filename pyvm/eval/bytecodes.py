"""Ports Python/bytecodes.c: every instruction of the interpreter, written once.

This file is not imported when pyvm runs. It is read by the cases generator
(``tools/cases_generator``), which writes the tier-1 dispatch into
``pyvm/eval/ceval.py`` and the opcode metadata into
``pyvm/eval/opcode_metadata.py``, exactly as CPython's Tools/cases_generator
turns Python/bytecodes.c into generated_cases.c.h and
pycore_opcode_metadata.h. The definitions are typed Python so that
``mypy --strict`` checks every body here; the generated code is checked again
where it lands.

The DSL, in C's words:

* ``@inst("(inputs -- outputs)")`` defines an instruction; ``@op(...)`` a
  micro-op, a piece that ``macro(NAME, "_A + cache/1 + _B")`` strings into an
  instruction. Tier 2 (the trace optimizer) will run the same micro-ops.
* The stack effect is C's, verbatim. A scalar input is read from the stack
  into the parameter of that name (narrowed to its annotated type); an array
  input or output ``name[size]`` binds ``name`` to the index of its first slot
  in ``localsplus`` (Python has no pointers); ``name/N`` is N inline cache
  units; ``unused`` is a slot the body does not touch. The body assigns its
  scalar outputs; the generator writes them back and moves the stack
  pointer after the body.
* Ownership is C's: inputs are owned by the stack until the body is done
  with them, so an exception raised while they are still there releases
  them on the error path. A body that has consumed its inputs (stolen or
  released them) before it can still fail says ``INPUTS_DEAD()`` first.
* ``family(NAME, SIZE, [members])`` names an adaptive instruction and its
  specialized forms (their bodies come with the specializer), ``pseudo`` a
  compiler-only instruction.
* Machine state the bodies use, as in C: ``oparg``, ``frame``, ``tstate``,
  ``this_instr`` / ``next_instr`` (code-unit indexes), ``localsplus`` (the
  frame's locals and stack), ``code``, ``names``, ``consts``, ``units``. The
  macros ``JUMPBY``, ``DISPATCH_INLINED``, ``RELOAD_FRAME``,
  ``EXCEPTION_UNWIND``, ``DISPATCH``, ``SAVE_STACK``, ``INPUTS_DEAD``, ``DEAD`` and
  ``DECREF_INPUTS``
  are expanded by the generator (Python/ceval_macros.h). A body that switches
  frames says ``global frame`` for the type checker (the machine state is
  module-level here); the generator drops the statement.

Each definition's docstring says which C definition it ports; comments in a
body are the teaching text and are copied into the generated code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, TypeVar

from pyvm.compile.opcode import RESUME_AFTER_YIELD_FROM, RESUME_OPARG_LOCATION_MASK
from pyvm.eval.ceval import (
    CANNOT_CATCH_MSG, NAME_ERROR_MSG, UNBOUNDLOCAL_ERROR_MSG, _PyEval_BinaryOps,
    _PyEval_CheckExceptTypeValid, _PyEval_FormatExcCheckArg, _PyEval_FormatExcUnbound,
    _PyEval_FrameClearAndPop, _PyEval_GetANext, _PyEval_GetAwaitable, _PyEval_ImportFrom, _PyEval_ImportName, _PyEval_MatchClass,
    _PyEval_MatchKeys, _PyEval_UnpackIterableStackRef, _PyEvalFramePushAndInit,
    _PyObject_FunctionStr, _Py_HandlePending, _build_map, _build_string,
    _convert_value, _format_kwargs_error,
    _kwargs_to_vector, _load_common_constant, _load_global, _load_name,
    _load_special, _name_str, _set_function_attribute, _unknown_opcode, do_raise,
    _PyFunction_FrameLocals, _PyMethod_Expand,
)
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

if TYPE_CHECKING:
    from pyvm.eval.frame import _PyInterpreterFrame
    from pyvm.pystate import PyThreadState
    from pyvm.objects.codeobject import PyCodeObject

    # The machine state (locals of _PyEval_EvalFrameDefault in ceval.py).
    oparg: int
    opcode: int
    this_instr: int
    next_instr: int
    frame: _PyInterpreterFrame
    entry_frame: _PyInterpreterFrame
    tstate: PyThreadState
    localsplus: list[Optional[PyObject]]
    code: PyCodeObject
    names: list[PyObject]
    consts: list[PyObject]
    units: list[int]

F = TypeVar("F", bound=Callable[..., object])


# ---------------------------------------------------------------------------
# The DSL (read by tools/cases_generator; nothing here runs)


def inst(effect: str) -> Callable[[F], F]:
    """pyvm: declares an instruction with its stack effect (C's ``inst``)."""
    return lambda f: f


def op(effect: str) -> Callable[[F], F]:
    """pyvm: declares a micro-op with its stack effect (C's ``op``)."""
    return lambda f: f


def macro(name: str, parts: str) -> None:
    """pyvm: an instruction made of micro-ops and cache entries (C's ``macro``)."""


def family(name: str, size: str, members: list[str]) -> None:
    """pyvm: an adaptive instruction and its specializations (C's ``family``)."""


def pseudo(name: str, effect: str, targets: list[str]) -> None:
    """pyvm: a compiler-only instruction and what it becomes (C's ``pseudo``)."""


def JUMPBY(n: int) -> None:
    """CPython: Python/ceval_macros.h:JUMPBY"""


def INPUTS_DEAD() -> None:
    """pyvm: the inputs are consumed; the stack no longer owns them (C's
    ``INPUTS_DEAD``, which moves the generator's stack pointer)."""


def DECREF_INPUTS() -> None:
    """pyvm: release every input (C's ``DECREF_INPUTS``)."""


def DEAD(item: Optional[PyObject]) -> None:
    """pyvm: the topmost input is consumed (C's ``DEAD``)."""


def DISPATCH() -> None:
    """CPython: Python/ceval_macros.h:DISPATCH

    Go to the next instruction now, skipping the rest of this one.
    """


def SAVE_STACK() -> None:
    """pyvm: mirrors ``SAVE_STACK`` of the cases generator: stores the stack
    pointer in the frame before the frame is left."""


def DISPATCH_INLINED(new_frame: _PyInterpreterFrame) -> None:
    """CPython: Python/ceval_macros.h:DISPATCH_INLINED"""


def RELOAD_FRAME() -> None:
    """pyvm: continue in ``frame`` (just switched): C's ``LOAD_IP`` +
    ``RELOAD_STACK`` + ``DISPATCH`` after a return or a yield."""


def EXCEPTION_UNWIND(exc: PyObject) -> None:
    """pyvm: ``goto exception_unwind`` with ``exc``: re-raise without a new
    traceback entry (RERAISE and the bare ``raise``)."""


# ---------------------------------------------------------------------------
# Instructions, in the order of Python/bytecodes.c


@inst("(--)")
def NOP() -> None:
    """CPython: Python/bytecodes.c:NOP"""


family("RESUME", "0", ["RESUME_CHECK"])

macro("NOT_TAKEN", "NOP")


@op("(--)")
def _CHECK_PERIODIC() -> None:
    """CPython: Python/bytecodes.c:_CHECK_PERIODIC

    The eval breaker: every so many calls and backward jumps, run what is
    pending (a Ctrl-C becomes KeyboardInterrupt here).
    """
    tstate.eval_breaker -= 1
    if tstate.eval_breaker <= 0:
        _Py_HandlePending(tstate)


@op("(--)")
def _CHECK_PERIODIC_IF_NOT_YIELD_FROM() -> None:
    """CPython: Python/bytecodes.c:_CHECK_PERIODIC_IF_NOT_YIELD_FROM"""
    if (oparg & RESUME_OPARG_LOCATION_MASK) < RESUME_AFTER_YIELD_FROM:
        tstate.eval_breaker -= 1
        if tstate.eval_breaker <= 0:
            _Py_HandlePending(tstate)


@op("(--)")
def _QUICKEN_RESUME() -> None:
    """CPython: Python/bytecodes.c:_QUICKEN_RESUME"""
    # Rewrites RESUME to RESUME_CHECK once the specializer is enabled.


@op("(--)")
def _MAYBE_INSTRUMENT() -> None:
    """CPython: Python/bytecodes.c:_MAYBE_INSTRUMENT"""
    # sys.monitoring re-instruments the code here (not ported yet).


@op("(--)")
def _LOAD_BYTECODE() -> None:
    """CPython: Python/bytecodes.c:_LOAD_BYTECODE"""
    # Free-threaded builds switch to the thread's copy of the bytecode here.


macro("RESUME", "_LOAD_BYTECODE + _MAYBE_INSTRUMENT + _QUICKEN_RESUME"
      " + _CHECK_PERIODIC_IF_NOT_YIELD_FROM")


@inst("(-- value)")
def LOAD_FAST_CHECK() -> None:
    """CPython: Python/bytecodes.c:LOAD_FAST_CHECK"""
    value = localsplus[oparg]
    if value is None:
        raise _PyEval_FormatExcCheckArg(PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                        code.co_localsplusnames_items[oparg])
    Py_INCREF(value)


@inst("(-- value)")
def LOAD_FAST() -> None:
    """CPython: Python/bytecodes.c:LOAD_FAST"""
    value = localsplus[oparg]
    assert value is not None
    Py_INCREF(value)


# C's LOAD_FAST_BORROW pushes a borrowed (tagged) reference; pyvm's stack has
# no tagged references, so it is LOAD_FAST under its own opcode.
macro("LOAD_FAST_BORROW", "LOAD_FAST")


@inst("(-- value)")
def LOAD_FAST_AND_CLEAR() -> None:
    """CPython: Python/bytecodes.c:LOAD_FAST_AND_CLEAR"""
    value = localsplus[oparg]
    localsplus[oparg] = None


@inst("( -- value1, value2)")
def LOAD_FAST_LOAD_FAST() -> None:
    """CPython: Python/bytecodes.c:LOAD_FAST_LOAD_FAST"""
    value1 = localsplus[oparg >> 4]
    value2 = localsplus[oparg & 15]
    assert value1 is not None and value2 is not None
    Py_INCREF(value1)
    Py_INCREF(value2)


macro("LOAD_FAST_BORROW_LOAD_FAST_BORROW", "LOAD_FAST_LOAD_FAST")


family("LOAD_CONST", "0", ["LOAD_CONST_MORTAL", "LOAD_CONST_IMMORTAL"])


@inst("(-- value)")
def LOAD_CONST() -> None:
    """CPython: Python/bytecodes.c:LOAD_CONST"""
    value = consts[oparg]
    Py_INCREF(value)


@inst("(-- value)")
def LOAD_SMALL_INT() -> None:
    """CPython: Python/bytecodes.c:LOAD_SMALL_INT"""
    value = PyLong_FromLong(oparg)


@inst("(value --)")
def STORE_FAST(value: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:STORE_FAST"""
    old = localsplus[oparg]
    localsplus[oparg] = value
    INPUTS_DEAD()
    if old is not None:
        Py_DECREF(old)


@inst("(value1 -- value2)")
def STORE_FAST_LOAD_FAST(value1: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:STORE_FAST_LOAD_FAST"""
    old = localsplus[oparg >> 4]
    localsplus[oparg >> 4] = value1
    value2 = localsplus[oparg & 15]
    assert value2 is not None
    Py_INCREF(value2)
    INPUTS_DEAD()
    if old is not None:
        Py_DECREF(old)


@inst("(value2, value1 --)")
def STORE_FAST_STORE_FAST(value2: Optional[PyObject], value1: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:STORE_FAST_STORE_FAST"""
    old = localsplus[oparg >> 4]
    localsplus[oparg >> 4] = value1
    old2 = localsplus[oparg & 15]
    localsplus[oparg & 15] = value2
    INPUTS_DEAD()
    if old is not None:
        Py_DECREF(old)
    if old2 is not None:
        Py_DECREF(old2)


@inst("(value --)")
def POP_TOP(value: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:POP_TOP"""
    INPUTS_DEAD()
    if value is not None:
        Py_DECREF(value)


macro("POP_ITER", "POP_TOP")


@inst("(-- res)")
def PUSH_NULL() -> None:
    """CPython: Python/bytecodes.c:PUSH_NULL"""
    res = None


@inst("(value -- )")
def END_FOR(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:END_FOR

    Only reached when FOR_ITER's iterator is exhausted... in fact never:
    FOR_ITER jumps past it. It stays a real instruction for the tracer.
    """
    INPUTS_DEAD()
    Py_DECREF(value)


@inst("(value -- res)")
def UNARY_NEGATIVE(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:UNARY_NEGATIVE"""
    res = PyNumber_Negative(value)
    Py_DECREF(value)


@inst("(value -- res)")
def UNARY_NOT(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:UNARY_NOT"""
    res = Py_True if value is Py_False else Py_False


family("TO_BOOL", "INLINE_CACHE_ENTRIES_TO_BOOL",
       ["TO_BOOL_ALWAYS_TRUE", "TO_BOOL_BOOL", "TO_BOOL_INT", "TO_BOOL_LIST",
        "TO_BOOL_NONE", "TO_BOOL_STR"])


@op("(counter/1, value -- value)")
def _SPECIALIZE_TO_BOOL(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_TO_BOOL"""
    # The adaptive counter lives here; the specializer rewrites the
    # instruction when it reaches zero (not ported yet).


@op("(value -- res)")
def _TO_BOOL(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:_TO_BOOL"""
    if value is Py_True or value is Py_False:
        res = value
    else:
        is_true = PyObject_IsTrue(value)
        Py_DECREF(value)
        res = Py_True if is_true else Py_False


macro("TO_BOOL", "_SPECIALIZE_TO_BOOL + unused/2 + _TO_BOOL")


@inst("(value -- res)")
def UNARY_INVERT(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:UNARY_INVERT"""
    res = PyNumber_Invert(value)
    Py_DECREF(value)


family("BINARY_OP", "INLINE_CACHE_ENTRIES_BINARY_OP",
       ["BINARY_OP_MULTIPLY_INT", "BINARY_OP_ADD_INT", "BINARY_OP_SUBTRACT_INT",
        "BINARY_OP_MULTIPLY_FLOAT", "BINARY_OP_ADD_FLOAT", "BINARY_OP_SUBTRACT_FLOAT",
        "BINARY_OP_ADD_UNICODE", "BINARY_OP_SUBSCR_LIST_INT", "BINARY_OP_SUBSCR_LIST_SLICE",
        "BINARY_OP_SUBSCR_TUPLE_INT", "BINARY_OP_SUBSCR_STR_INT", "BINARY_OP_SUBSCR_DICT",
        "BINARY_OP_SUBSCR_GETITEM", "BINARY_OP_EXTEND", "BINARY_OP_INPLACE_ADD_UNICODE"])


@op("(container, start, stop -- container, start, stop)")
def _SPECIALIZE_BINARY_SLICE(container: PyObject, start: PyObject, stop: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_BINARY_SLICE"""
    # Placeholder until BINARY_SLICE specialization exists (as in C).


@op("(container, start, stop -- res)")
def _BINARY_SLICE(container: PyObject, start: PyObject, stop: PyObject) -> None:
    """CPython: Python/bytecodes.c:_BINARY_SLICE"""
    slc = PySlice_New(start, stop, None)
    try:
        res = PyObject_GetItem(container, slc)
    finally:
        Py_DECREF(slc)
    DECREF_INPUTS()


macro("BINARY_SLICE", "_SPECIALIZE_BINARY_SLICE + _BINARY_SLICE")


@op("(v, container, start, stop -- v, container, start, stop)")
def _SPECIALIZE_STORE_SLICE(v: PyObject, container: PyObject, start: PyObject,
                            stop: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_STORE_SLICE"""
    # Placeholder until STORE_SLICE specialization exists (as in C).


@op("(v, container, start, stop -- )")
def _STORE_SLICE(v: PyObject, container: PyObject, start: PyObject, stop: PyObject) -> None:
    """CPython: Python/bytecodes.c:_STORE_SLICE"""
    slc = PySlice_New(start, stop, None)
    try:
        PyObject_SetItem(container, slc, v)
    finally:
        Py_DECREF(slc)
    DECREF_INPUTS()


macro("STORE_SLICE", "_SPECIALIZE_STORE_SLICE + _STORE_SLICE")


@inst("(list_, unused[oparg-1], v -- list_, unused[oparg-1])")
def LIST_APPEND(list_: PyListObject, v: PyObject) -> None:
    """CPython: Python/bytecodes.c:LIST_APPEND"""
    _PyList_AppendTakeRef(list_, v)


@inst("(set_, unused[oparg-1], v -- set_, unused[oparg-1])")
def SET_ADD(set_: PySetObject, v: PyObject) -> None:
    """CPython: Python/bytecodes.c:SET_ADD

    ``_PySet_AddTakeRef`` steals ``v`` even when it fails.
    """
    DEAD(v)
    _PySet_AddTakeRef(set_, v)


family("STORE_SUBSCR", "INLINE_CACHE_ENTRIES_STORE_SUBSCR",
       ["STORE_SUBSCR_DICT", "STORE_SUBSCR_LIST_INT"])


@op("(counter/1, container, sub -- container, sub)")
def _SPECIALIZE_STORE_SUBSCR(container: PyObject, sub: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_STORE_SUBSCR"""
    # The adaptive counter (specializer not ported yet).


@op("(v, container, sub -- )")
def _STORE_SUBSCR(v: PyObject, container: PyObject, sub: PyObject) -> None:
    """CPython: Python/bytecodes.c:_STORE_SUBSCR"""
    PyObject_SetItem(container, sub, v)
    DECREF_INPUTS()


macro("STORE_SUBSCR", "_SPECIALIZE_STORE_SUBSCR + _STORE_SUBSCR")


@inst("(container, sub --)")
def DELETE_SUBSCR(container: PyObject, sub: PyObject) -> None:
    """CPython: Python/bytecodes.c:DELETE_SUBSCR"""
    PyObject_DelItem(container, sub)
    DECREF_INPUTS()


@inst("(value -- res)")
def CALL_INTRINSIC_1(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:CALL_INTRINSIC_1

    The oparg indexes Python/intrinsics.c's table of unary helpers
    (``print`` at the REPL, ``import *``, PEP 479, PEP 695 type params ...).
    """
    res = _PyIntrinsics_UnaryFunctions[oparg](tstate, frame, value)
    Py_DECREF(value)


@inst("(value2_st, value1_st -- res)")
def CALL_INTRINSIC_2(value2_st: PyObject, value1_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:CALL_INTRINSIC_2"""
    res = _PyIntrinsics_BinaryFunctions[oparg](tstate, frame, value2_st, value1_st)
    DECREF_INPUTS()


@inst("(args[oparg] -- )")
def RAISE_VARARGS(args: int) -> None:
    """CPython: Python/bytecodes.c:RAISE_VARARGS

    ``do_raise`` steals the exception and the cause. A bare ``raise``
    re-raises the exception being handled with no new traceback entry.
    """
    cause: Optional[PyObject] = None
    exc: Optional[PyObject] = None
    if oparg == 2:
        cause = localsplus[args + 1]
        exc = localsplus[args]
    elif oparg == 1:
        exc = localsplus[args]
    INPUTS_DEAD()
    SAVE_STACK()
    raised = do_raise(tstate, exc, cause)
    if oparg == 0:
        EXCEPTION_UNWIND(raised)
    _PyErr_Raise(raised)


@inst("(retval --)")
def INTERPRETER_EXIT(retval: PyObject) -> PyObject:
    """CPython: Python/bytecodes.c:INTERPRETER_EXIT

    Runs in the entry frame (owned by the interpreter, see
    ``_PyEval_EvalFrameDefault``) when the frame it called returns or
    yields: the value leaves the eval loop.
    """
    tstate.current_frame = frame.previous
    return retval


@inst("(retval -- res)")
def RETURN_VALUE(retval: PyObject) -> None:
    """CPython: Python/bytecodes.c:RETURN_VALUE

    Pops the frame and pushes the value on the caller's stack; the caller
    resumes after its call (``return_offset``).
    """
    global frame
    INPUTS_DEAD()
    SAVE_STACK()
    tstate.py_recursion_remaining += 1     # _Py_LeaveRecursiveCallPy
    dying = frame
    caller = dying.previous
    assert caller is not None
    frame = caller
    tstate.current_frame = caller
    _PyEval_FrameClearAndPop(tstate, dying)
    _PyFrame_StackPush(frame, retval)
    RELOAD_FRAME()


@inst("(exc_value -- )")
def POP_EXCEPT(exc_value: PyObject) -> None:
    """CPython: Python/bytecodes.c:POP_EXCEPT"""
    exc_info = tstate.exc_info
    old_exc = exc_info.exc_value
    exc_info.exc_value = None if exc_value is Py_None else exc_value
    INPUTS_DEAD()
    if old_exc is not None:
        Py_DECREF(old_exc)


@inst("(values[oparg], exc_st -- values[oparg])")
def RERAISE(values: int, exc_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:RERAISE

    With an oparg, the value below the exception is the ``lasti`` to
    restore, so the traceback points at the original instruction.
    """
    if oparg:
        lasti = localsplus[values]
        assert isinstance(lasti, PyLongObject)
        frame.instr_ptr = lasti.ob_ival
    DEAD(exc_st)    # the values below it stay on the stack
    EXCEPTION_UNWIND(exc_st)


@inst("( -- value)")
def LOAD_COMMON_CONSTANT() -> None:
    """CPython: Python/bytecodes.c:LOAD_COMMON_CONSTANT"""
    value = _load_common_constant(frame, oparg)


@inst("( -- bc)")
def LOAD_BUILD_CLASS() -> None:
    """CPython: Python/bytecodes.c:LOAD_BUILD_CLASS"""
    bc_o = PyDict_GetItemWithError(frame.f_builtins,
                                   PyUnicode_InternFromString("__build_class__"))
    if bc_o is None:
        PyErr_SetString(PyExc_NameError, "__build_class__ not found")
    assert bc_o is not None
    Py_INCREF(bc_o)
    bc = bc_o


@inst("(v -- )")
def STORE_NAME(v: PyObject) -> None:
    """CPython: Python/bytecodes.c:STORE_NAME"""
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
    DECREF_INPUTS()


@inst("(--)")
def DELETE_NAME() -> None:
    """CPython: Python/bytecodes.c:DELETE_NAME"""
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


family("UNPACK_SEQUENCE", "INLINE_CACHE_ENTRIES_UNPACK_SEQUENCE",
       ["UNPACK_SEQUENCE_TWO_TUPLE", "UNPACK_SEQUENCE_TUPLE", "UNPACK_SEQUENCE_LIST"])


@op("(counter/1, seq -- seq)")
def _SPECIALIZE_UNPACK_SEQUENCE(seq: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_UNPACK_SEQUENCE"""
    # The adaptive counter (specializer not ported yet).


@op("(seq -- unused[oparg], unpacked_top[0])")
def _UNPACK_SEQUENCE(unpacked_top: int, seq: PyObject) -> None:
    """CPython: Python/bytecodes.c:_UNPACK_SEQUENCE

    The values are stored below ``unpacked_top`` (C's ``top``), the first
    one highest.
    """
    _PyEval_UnpackIterableStackRef(seq, oparg, -1, localsplus, unpacked_top)
    Py_DECREF(seq)


macro("UNPACK_SEQUENCE", "_SPECIALIZE_UNPACK_SEQUENCE + _UNPACK_SEQUENCE")


@inst("(seq -- unused[oparg & 0xFF], unused, unused[oparg >> 8], unpacked_top[0])")
def UNPACK_EX(unpacked_top: int, seq: PyObject) -> None:
    """CPython: Python/bytecodes.c:UNPACK_EX"""
    _PyEval_UnpackIterableStackRef(seq, oparg & 0xFF, oparg >> 8, localsplus, unpacked_top)
    Py_DECREF(seq)


family("STORE_ATTR", "INLINE_CACHE_ENTRIES_STORE_ATTR",
       ["STORE_ATTR_INSTANCE_VALUE", "STORE_ATTR_SLOT", "STORE_ATTR_WITH_HINT"])


@op("(counter/1, owner -- owner)")
def _SPECIALIZE_STORE_ATTR(owner: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_STORE_ATTR"""
    # The adaptive counter (specializer not ported yet).


@op("(v, owner --)")
def _STORE_ATTR(v: PyObject, owner: PyObject) -> None:
    """CPython: Python/bytecodes.c:_STORE_ATTR"""
    PyObject_SetAttr(owner, names[oparg], v)
    DECREF_INPUTS()


macro("STORE_ATTR", "_SPECIALIZE_STORE_ATTR + unused/3 + _STORE_ATTR")


@inst("(owner --)")
def DELETE_ATTR(owner: PyObject) -> None:
    """CPython: Python/bytecodes.c:DELETE_ATTR"""
    PyObject_SetAttr(owner, names[oparg], None)
    DECREF_INPUTS()


@inst("(v --)")
def STORE_GLOBAL(v: PyObject) -> None:
    """CPython: Python/bytecodes.c:STORE_GLOBAL"""
    PyDict_SetItem(frame.f_globals, names[oparg], v)
    DECREF_INPUTS()


@inst("(--)")
def DELETE_GLOBAL() -> None:
    """CPython: Python/bytecodes.c:DELETE_GLOBAL"""
    name = names[oparg]
    if PyDict_GetItemWithError(frame.f_globals, name) is None:
        raise _PyEval_FormatExcCheckArg(PyExc_NameError, NAME_ERROR_MSG, name)
    PyDict_DelItem(frame.f_globals, name)


@inst("( -- locals_)")
def LOAD_LOCALS() -> None:
    """CPython: Python/bytecodes.c:LOAD_LOCALS"""
    loc = frame.f_locals
    if loc is None:
        PyErr_SetString(PyExc_SystemError, "no locals_ found")
    assert loc is not None
    Py_INCREF(loc)
    locals_ = loc


@inst("(mod_or_class_dict -- v)")
def LOAD_FROM_DICT_OR_GLOBALS(mod_or_class_dict: PyObject) -> None:
    """CPython: Python/bytecodes.c:LOAD_FROM_DICT_OR_GLOBALS"""
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


@inst("(-- v)")
def LOAD_NAME() -> None:
    """CPython: Python/bytecodes.c:LOAD_NAME"""
    v = _load_name(frame, names[oparg])


family("LOAD_GLOBAL", "INLINE_CACHE_ENTRIES_LOAD_GLOBAL",
       ["LOAD_GLOBAL_MODULE", "LOAD_GLOBAL_BUILTIN"])


@op("(counter/1 -- )")
def _SPECIALIZE_LOAD_GLOBAL() -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_LOAD_GLOBAL"""
    # The adaptive counter (specializer not ported yet).


@op("( -- res)")
def _LOAD_GLOBAL() -> None:
    """CPython: Python/bytecodes.c:_LOAD_GLOBAL

    pyvm: C declares ``res[1]`` to pass a pointer to it; a scalar here.
    """
    res = _load_global(frame, names[oparg >> 1])


@op("( -- null[oparg & 1])")
def _PUSH_NULL_CONDITIONAL(null: int) -> None:
    """CPython: Python/bytecodes.c:_PUSH_NULL_CONDITIONAL"""
    if oparg & 1:
        localsplus[null] = None


macro("LOAD_GLOBAL", "_SPECIALIZE_LOAD_GLOBAL + counter/1 + globals_version/1"
      " + builtins_version/1 + _LOAD_GLOBAL + _PUSH_NULL_CONDITIONAL")


@inst("(--)")
def DELETE_FAST() -> None:
    """CPython: Python/bytecodes.c:DELETE_FAST"""
    v = localsplus[oparg]
    if v is None:
        raise _PyEval_FormatExcCheckArg(PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                        code.co_localsplusnames_items[oparg])
    localsplus[oparg] = None
    Py_DECREF(v)


@inst("(--)")
def MAKE_CELL() -> None:
    """CPython: Python/bytecodes.c:MAKE_CELL"""
    initial = localsplus[oparg]
    localsplus[oparg] = PyCell_New(initial)
    if initial is not None:
        Py_DECREF(initial)


@inst("(--)")
def DELETE_DEREF() -> None:
    """CPython: Python/bytecodes.c:DELETE_DEREF"""
    cell = localsplus[oparg]
    assert isinstance(cell, PyCellObject)
    old_value = cell.ob_ref
    if old_value is None:
        raise _PyEval_FormatExcUnbound(code, oparg)
    cell.ob_ref = None
    Py_DECREF(old_value)


@inst("(class_dict_st -- value)")
def LOAD_FROM_DICT_OR_DEREF(class_dict_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:LOAD_FROM_DICT_OR_DEREF"""
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


@inst("( -- value)")
def LOAD_DEREF() -> None:
    """CPython: Python/bytecodes.c:LOAD_DEREF"""
    cell = localsplus[oparg]
    assert isinstance(cell, PyCellObject)
    value = cell.ob_ref
    if value is None:
        raise _PyEval_FormatExcUnbound(code, oparg)
    Py_INCREF(value)


@inst("(v --)")
def STORE_DEREF(v: PyObject) -> None:
    """CPython: Python/bytecodes.c:STORE_DEREF"""
    cell = localsplus[oparg]
    assert isinstance(cell, PyCellObject)
    old_value = cell.ob_ref
    cell.ob_ref = v
    INPUTS_DEAD()
    if old_value is not None:
        Py_DECREF(old_value)


@inst("(--)")
def COPY_FREE_VARS() -> None:
    """CPython: Python/bytecodes.c:COPY_FREE_VARS"""
    fobj = frame.f_funcobj
    assert isinstance(fobj, PyFunctionObject)
    closure = fobj.func_closure
    assert isinstance(closure, PyTupleObject)
    offset = code.co_nlocalsplus - oparg
    for i in range(oparg):
        o = closure.ob_item[i]
        Py_INCREF(o)
        localsplus[offset + i] = o


@inst("(pieces[oparg] -- str_)")
def BUILD_STRING(pieces: int) -> None:
    """CPython: Python/bytecodes.c:BUILD_STRING"""
    s = _build_string(localsplus, pieces, oparg)
    DECREF_INPUTS()
    str_ = s


@inst("(value, str_, format_[oparg & 1] -- interpolation)")
def BUILD_INTERPOLATION(format_: int, value: PyObject, str_: PyObject) -> None:
    """CPython: Python/bytecodes.c:BUILD_INTERPOLATION

    A t-string's ``{value!conversion:format}`` (PEP 750). ``str_`` and
    ``format_`` are C's ``str`` and ``format``.
    """
    if oparg & 1:
        fmt = localsplus[format_]
        assert fmt is not None
    else:
        fmt = PyUnicode_InternFromString("")
    interpolation = _PyInterpolation_Build(value, str_, oparg >> 2, fmt)
    DECREF_INPUTS()


@inst("(strings, interpolations -- template)")
def BUILD_TEMPLATE(strings: PyObject, interpolations: PyObject) -> None:
    """CPython: Python/bytecodes.c:BUILD_TEMPLATE"""
    template = _PyTemplate_Build(strings, interpolations)
    DECREF_INPUTS()


@inst("(values[oparg] -- tup)")
def BUILD_TUPLE(values: int) -> None:
    """CPython: Python/bytecodes.c:BUILD_TUPLE

    The tuple steals the references from the stack.
    """
    items: list[PyObject] = localsplus[values:values + oparg]  # type: ignore[assignment]  # stack slots are non-NULL
    tup = _PyTuple_FromArraySteal(items)


@inst("(values[oparg] -- list_)")
def BUILD_LIST(values: int) -> None:
    """CPython: Python/bytecodes.c:BUILD_LIST

    The list_ steals the references from the stack.
    """
    litems: list[PyObject] = localsplus[values:values + oparg]  # type: ignore[assignment]  # stack slots are non-NULL
    list_ = _PyList_FromArraySteal(litems)


@inst("(list_st, unused[oparg-1], iterable_st -- list_st, unused[oparg-1])")
def LIST_EXTEND(list_st: PyListObject, iterable_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:LIST_EXTEND"""
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


@inst("(set_, unused[oparg-1], iterable -- set_, unused[oparg-1])")
def SET_UPDATE(set_: PyObject, iterable: PyObject) -> None:
    """CPython: Python/bytecodes.c:SET_UPDATE"""
    _PySet_Update(set_, iterable)
    Py_DECREF(iterable)


@inst("(values[oparg] -- set_)")
def BUILD_SET(values: int) -> None:
    """CPython: Python/bytecodes.c:BUILD_SET

    Every item is stolen by the set_, or released once an add has failed.
    """
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
    INPUTS_DEAD()
    if serr is not None:
        Py_DECREF(st)
        raise serr
    set_ = st


@inst("(values[oparg*2] -- map_)")
def BUILD_MAP(values: int) -> None:
    """CPython: Python/bytecodes.c:BUILD_MAP"""
    d = _build_map(localsplus, values, oparg)
    DECREF_INPUTS()
    map_ = d


@inst("(--)")
def SETUP_ANNOTATIONS() -> None:
    """CPython: Python/bytecodes.c:SETUP_ANNOTATIONS"""
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


@inst("(dict_, unused[oparg - 1], update -- dict_, unused[oparg - 1])")
def DICT_UPDATE(dict_: PyObject, update: PyObject) -> None:
    """CPython: Python/bytecodes.c:DICT_UPDATE"""
    try:
        PyDict_Update(dict_, update)
    except PyErr as e:
        if e.matches(PyExc_AttributeError):
            _PyErr_Clear(e)
            PyErr_SetString(PyExc_TypeError,
                            f"'{update.ob_type.tp_name[:200]}' object is not a mapping")
        raise
    Py_DECREF(update)


@inst("(callable_, unused, unused, dict_, unused[oparg - 1], update -- callable_, unused, unused, dict_, unused[oparg - 1])")
def DICT_MERGE(callable_: PyObject, dict_: PyObject, update: PyObject) -> None:
    """CPython: Python/bytecodes.c:DICT_MERGE"""
    try:
        _PyDict_MergeEx(dict_, update, 2)
    except PyErr as e:
        raise _format_kwargs_error(callable_, update, e)
    Py_DECREF(update)


@inst("(dict_st, unused[oparg - 1], key, value -- dict_st, unused[oparg - 1])")
def MAP_ADD(dict_st: PyObject, key: PyObject, value: PyObject) -> None:
    """CPython: Python/bytecodes.c:MAP_ADD"""
    PyDict_SetItem(dict_st, key, value)
    Py_DECREF(key)
    Py_DECREF(value)


family("LOAD_SUPER_ATTR", "INLINE_CACHE_ENTRIES_LOAD_SUPER_ATTR",
       ["LOAD_SUPER_ATTR_ATTR", "LOAD_SUPER_ATTR_METHOD"])


@op("(counter/1, global_super_st, class_st, unused -- global_super_st, class_st, unused)")
def _SPECIALIZE_LOAD_SUPER_ATTR(global_super_st: PyObject, class_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_LOAD_SUPER_ATTR"""
    # The adaptive counter (specializer not ported yet).


@op("(global_super_st, class_st, self_st -- attr, null[oparg & 1])")
def _LOAD_SUPER_ATTR(null: int, global_super_st: PyObject, class_st: PyObject, self_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:_LOAD_SUPER_ATTR

    pyvm: C's _LOAD_SUPER_ATTR pushes only the attribute and
    _PUSH_NULL_CONDITIONAL the NULL; the method form here already takes
    LOAD_SUPER_ATTR_METHOD's shortcut (no bound method is made), so it
    pushes ``self`` in that slot, as the specialized form does.
    """
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


macro("LOAD_SUPER_ATTR", "_SPECIALIZE_LOAD_SUPER_ATTR + _LOAD_SUPER_ATTR")


family("LOAD_ATTR", "INLINE_CACHE_ENTRIES_LOAD_ATTR",
       ["LOAD_ATTR_INSTANCE_VALUE", "LOAD_ATTR_MODULE", "LOAD_ATTR_WITH_HINT",
        "LOAD_ATTR_SLOT", "LOAD_ATTR_CLASS", "LOAD_ATTR_CLASS_WITH_METACLASS_CHECK",
        "LOAD_ATTR_PROPERTY", "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN",
        "LOAD_ATTR_METHOD_WITH_VALUES", "LOAD_ATTR_METHOD_NO_DICT",
        "LOAD_ATTR_METHOD_LAZY_DICT", "LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES",
        "LOAD_ATTR_NONDESCRIPTOR_NO_DICT"])


@op("(counter/1, owner -- owner)")
def _SPECIALIZE_LOAD_ATTR(owner: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_LOAD_ATTR"""
    # The adaptive counter (specializer not ported yet).


@op("(owner -- attr, method_self[oparg&1])")
def _LOAD_ATTR(method_self: int, owner: PyObject) -> None:
    """CPython: Python/bytecodes.c:_LOAD_ATTR

    The method form (``oparg & 1``) pushes an unbound method with ``owner``
    as its self, so no bound method object is made for ``o.m()``. (C calls
    the slot ``self_or_null``; that name is a scalar in the CALL micro-ops.)
    """
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


macro("LOAD_ATTR", "_SPECIALIZE_LOAD_ATTR + unused/8 + _LOAD_ATTR")


family("COMPARE_OP", "INLINE_CACHE_ENTRIES_COMPARE_OP",
       ["COMPARE_OP_FLOAT", "COMPARE_OP_INT", "COMPARE_OP_STR"])


@op("(counter/1, left, right -- left, right)")
def _SPECIALIZE_COMPARE_OP(left: PyObject, right: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_COMPARE_OP"""
    # The adaptive counter (specializer not ported yet).


@op("(left, right -- res)")
def _COMPARE_OP(left: PyObject, right: PyObject) -> None:
    """CPython: Python/bytecodes.c:_COMPARE_OP

    Bit 4 of the oparg asks for a bool result (the comparison feeds a
    branch).
    """
    cmp = PyObject_RichCompare(left, right, oparg >> 5)
    if oparg & 16:
        try:
            cmp_true = PyObject_IsTrue(cmp)
        finally:
            Py_DECREF(cmp)
        cmp = Py_True if cmp_true else Py_False
    DECREF_INPUTS()
    res = cmp


macro("COMPARE_OP", "_SPECIALIZE_COMPARE_OP + _COMPARE_OP")


@inst("(left, right -- b)")
def IS_OP(left: PyObject, right: PyObject) -> None:
    """CPython: Python/bytecodes.c:IS_OP"""
    is_ = (left is right) != (oparg != 0)
    DECREF_INPUTS()
    b = Py_True if is_ else Py_False


family("CONTAINS_OP", "INLINE_CACHE_ENTRIES_CONTAINS_OP",
       ["CONTAINS_OP_SET", "CONTAINS_OP_DICT"])


@op("(left, right -- b)")
def _CONTAINS_OP(left: PyObject, right: PyObject) -> None:
    """CPython: Python/bytecodes.c:_CONTAINS_OP"""
    contained = PySequence_Contains(right, left) != (oparg != 0)
    DECREF_INPUTS()
    b = Py_True if contained else Py_False


@op("(counter/1, left, right -- left, right)")
def _SPECIALIZE_CONTAINS_OP(left: PyObject, right: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_CONTAINS_OP"""
    # The adaptive counter (specializer not ported yet).


macro("CONTAINS_OP", "_SPECIALIZE_CONTAINS_OP + _CONTAINS_OP")


@inst("(exc_value_st, match_type_st -- rest, match)")
def CHECK_EG_MATCH(exc_value_st: PyObject, match_type_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:CHECK_EG_MATCH

    ``except* T``: splits the exception (group) into the part that matches
    and the rest; the match becomes the exception being handled.
    """
    _PyEval_CheckExceptStarTypeValid(match_type_st)
    match_o, rest_o = _PyEval_ExceptionGroupMatch(frame, exc_value_st, match_type_st)
    DECREF_INPUTS()
    if match_o is not Py_None:
        exc_info = tstate.exc_info
        old_handled = exc_info.exc_value
        Py_INCREF(match_o)
        exc_info.exc_value = match_o
        Py_XDECREF(old_handled)
    rest = rest_o
    match = match_o


@inst("(left, right -- left, b)")
def CHECK_EXC_MATCH(left: PyObject, right: PyObject) -> None:
    """CPython: Python/bytecodes.c:CHECK_EXC_MATCH"""
    _PyEval_CheckExceptTypeValid(right)
    matches = PyErr_GivenExceptionMatches(left, right)
    Py_DECREF(right)
    b = Py_True if matches else Py_False


@inst("(level, fromlist -- res)")
def IMPORT_NAME(level: PyObject, fromlist: PyObject) -> None:
    """CPython: Python/bytecodes.c:IMPORT_NAME"""
    res = _PyEval_ImportName(frame, names[oparg], fromlist, level)
    DECREF_INPUTS()


@inst("(from_ -- from_, res)")
def IMPORT_FROM(from_: PyObject) -> None:
    """CPython: Python/bytecodes.c:IMPORT_FROM"""
    res = _PyEval_ImportFrom(from_, names[oparg])


@inst("(--)")
def JUMP_FORWARD() -> None:
    """CPython: Python/bytecodes.c:JUMP_FORWARD"""
    JUMPBY(oparg)


family("JUMP_BACKWARD", "1", ["JUMP_BACKWARD_NO_JIT", "JUMP_BACKWARD_JIT"])


@op("(--)")
def _SPECIALIZE_JUMP_BACKWARD() -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_JUMP_BACKWARD"""
    # Chooses JUMP_BACKWARD_JIT / _NO_JIT once tier 2 exists.


@inst("(--)")
def JUMP_BACKWARD_NO_INTERRUPT() -> None:
    """CPython: Python/bytecodes.c:JUMP_BACKWARD_NO_INTERRUPT

    The ``yield from`` / ``await`` loop jumps back with this one: an
    interrupt is handled in the innermost generator instead.
    """
    JUMPBY(-oparg)


macro("JUMP_BACKWARD", "unused/1 + _SPECIALIZE_JUMP_BACKWARD + _CHECK_PERIODIC"
      " + JUMP_BACKWARD_NO_INTERRUPT")


@op("(cond -- )")
def _POP_JUMP_IF_FALSE(cond: PyObject) -> None:
    """CPython: Python/bytecodes.c:_POP_JUMP_IF_FALSE

    ``cond`` is a bool (immortal), so popping it needs no DECREF.
    """
    if cond is Py_False:
        JUMPBY(oparg)


@op("(cond -- )")
def _POP_JUMP_IF_TRUE(cond: PyObject) -> None:
    """CPython: Python/bytecodes.c:_POP_JUMP_IF_TRUE"""
    if cond is Py_True:
        JUMPBY(oparg)


@op("(value -- b)")
def _IS_NONE(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:_IS_NONE"""
    if value is Py_None:
        b = Py_True
    else:
        b = Py_False
        Py_DECREF(value)


macro("POP_JUMP_IF_TRUE", "unused/1 + _POP_JUMP_IF_TRUE")
macro("POP_JUMP_IF_FALSE", "unused/1 + _POP_JUMP_IF_FALSE")
macro("POP_JUMP_IF_NONE", "unused/1 + _IS_NONE + _POP_JUMP_IF_TRUE")
macro("POP_JUMP_IF_NOT_NONE", "unused/1 + _IS_NONE + _POP_JUMP_IF_FALSE")


@inst("(obj -- obj, len_)")
def GET_LEN(obj: PyObject) -> None:
    """CPython: Python/bytecodes.c:GET_LEN"""
    len_ = PyLong_FromLong(PyObject_Size(obj))


@inst("(subject, type_, names_ -- attrs)")
def MATCH_CLASS(subject: PyObject, type_: PyObject, names_: PyObject) -> None:
    """CPython: Python/bytecodes.c:MATCH_CLASS

    A tuple of the matched attributes on success, None on failure.
    """
    attrs_o = _PyEval_MatchClass(tstate, subject, type_, oparg, names_)
    DECREF_INPUTS()
    if attrs_o is not None:
        attrs = attrs_o
    else:
        attrs = Py_None


@inst("(subject -- subject, res)")
def MATCH_MAPPING(subject: PyObject) -> None:
    """CPython: Python/bytecodes.c:MATCH_MAPPING"""
    res = Py_True if subject.ob_type.tp_flags & Py_TPFLAGS_MAPPING else Py_False


@inst("(subject -- subject, res)")
def MATCH_SEQUENCE(subject: PyObject) -> None:
    """CPython: Python/bytecodes.c:MATCH_SEQUENCE"""
    res = Py_True if subject.ob_type.tp_flags & Py_TPFLAGS_SEQUENCE else Py_False


@inst("(subject, keys -- subject, keys, values_or_none)")
def MATCH_KEYS(subject: PyObject, keys: PyObject) -> None:
    """CPython: Python/bytecodes.c:MATCH_KEYS"""
    values_or_none = _PyEval_MatchKeys(tstate, subject, keys)


@inst("(iterable -- iter_)")
def GET_ITER(iterable: PyObject) -> None:
    """CPython: Python/bytecodes.c:GET_ITER"""
    iter_ = PyObject_GetIter(iterable)
    Py_DECREF(iterable)


family("FOR_ITER", "INLINE_CACHE_ENTRIES_FOR_ITER",
       ["FOR_ITER_LIST", "FOR_ITER_TUPLE", "FOR_ITER_RANGE", "FOR_ITER_GEN"])


@op("(counter/1, iter_ -- iter_)")
def _SPECIALIZE_FOR_ITER(iter_: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_FOR_ITER"""
    # The adaptive counter (specializer not ported yet).


@op("(iter_ -- iter_, next_)")
def _FOR_ITER(iter_: PyObject) -> None:
    """CPython: Python/bytecodes.c:_FOR_ITER

    On exhaustion, jump over the loop body and its END_FOR; the iterator
    stays for the POP_ITER there.
    """
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
        JUMPBY(oparg + 1)
        DISPATCH()
    next_ = nxt


macro("FOR_ITER", "_SPECIALIZE_FOR_ITER + _FOR_ITER")


@op("(self -- method_and_self[2])")
def _INSERT_NULL(method_and_self: int, self: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:_INSERT_NULL"""
    localsplus[method_and_self + 1] = self
    localsplus[method_and_self] = None


@op("(method_and_self[2] -- method_and_self[2])")
def _LOAD_SPECIAL(method_and_self: int) -> None:
    """CPython: Python/bytecodes.c:_LOAD_SPECIAL

    Replaces ``[NULL, owner]`` by ``[method, owner]`` (or ``[bound, NULL]``)
    with the 3.14 messages when ``owner`` lacks the method.
    """
    _load_special(localsplus, method_and_self, oparg)


macro("LOAD_SPECIAL", "_INSERT_NULL + _LOAD_SPECIAL")


@inst("(exit_func, exit_self, lasti, unused, val -- exit_func, exit_self, lasti, unused, val, res)")
def WITH_EXCEPT_START(exit_func: PyObject, exit_self: Optional[PyObject], lasti: PyObject,
                      val: PyObject) -> None:
    """CPython: Python/bytecodes.c:WITH_EXCEPT_START

    Calls ``__exit__(type(val), val, val.__traceback__)``.
    """
    assert isinstance(val, PyBaseExceptionObject)
    tb = val.traceback
    exc_args: list[PyObject] = [val.ob_type, val, Py_None if tb is None else tb]
    if exit_self is not None:
        exc_args.insert(0, exit_self)
    res = PyObject_Vectorcall(exit_func, exc_args, 0, len(exc_args), None)


@inst("(exc -- prev_exc, new_exc)")
def PUSH_EXC_INFO(exc: PyObject) -> None:
    """CPython: Python/bytecodes.c:PUSH_EXC_INFO"""
    exc_info = tstate.exc_info
    prev = exc_info.exc_value
    prev_exc = Py_None if prev is None else prev
    Py_INCREF(exc)
    exc_info.exc_value = exc
    new_exc = exc


@inst("(obj -- iter_)")
def GET_AITER(obj: PyObject) -> None:
    """CPython: Python/bytecodes.c:GET_AITER"""
    getter = obj.ob_type.am_aiter
    if getter is None:
        PyErr_SetString(PyExc_TypeError,
                        f"'async for' requires an object with __aiter__ method, "
                        f"got {obj.ob_type.tp_name[:100]}")
    assert getter is not None
    iter_o = getter(obj)
    Py_DECREF(obj)
    INPUTS_DEAD()
    if iter_o.ob_type.am_anext is None:
        tname = iter_o.ob_type.tp_name[:100]
        Py_DECREF(iter_o)
        PyErr_SetString(PyExc_TypeError,
                        f"'async for' received an object from __aiter__ that does not "
                        f"implement __anext__: {tname}")
    iter_ = iter_o


@inst("(aiter_ -- aiter_, awaitable)")
def GET_ANEXT(aiter_: PyObject) -> None:
    """CPython: Python/bytecodes.c:GET_ANEXT"""
    awaitable = _PyEval_GetANext(aiter_)


@inst("(iterable -- iter_)")
def GET_AWAITABLE(iterable: PyObject) -> None:
    """CPython: Python/bytecodes.c:GET_AWAITABLE"""
    iter_ = _PyEval_GetAwaitable(iterable, oparg)
    Py_DECREF(iterable)


family("SEND", "INLINE_CACHE_ENTRIES_SEND", ["SEND_GEN"])


@op("(counter/1, receiver, unused -- receiver, unused)")
def _SPECIALIZE_SEND(receiver: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_SEND"""
    # The adaptive counter (specializer not ported yet).


@op("(receiver, v -- receiver, retval)")
def _SEND(receiver: PyObject, v: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SEND

    Sends ``v`` into the sub-iterator of ``yield from`` / ``await``. A
    suspended generator or coroutine is resumed in this same loop: its frame
    is pushed like a called function's (``DISPATCH_INLINED``), and its
    YIELD_VALUE comes back here; when it returns, the caller continues at the
    jump target (END_SEND) with the return value.
    """
    if (receiver.ob_type is PyGen_Type or receiver.ob_type is PyCoro_Type):
        sub_gen = receiver
        assert isinstance(sub_gen, PyGenObject)
        if sub_gen.gi_frame_state < FRAME_EXECUTING:
            sub_frame = sub_gen.gi_iframe
            assert sub_frame is not None
            DEAD(v)
            _PyFrame_StackPush(sub_frame, v)
            sub_gen.gi_frame_state = FRAME_EXECUTING
            sub_gen.gi_exc_state.previous_item = tstate.exc_info
            tstate.exc_info = sub_gen.gi_exc_state
            frame.return_offset = next_instr - this_instr + oparg
            sub_frame.previous = frame
            DISPATCH_INLINED(sub_frame)
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
        JUMPBY(oparg)
    Py_DECREF(v)
    retval = retval_o


macro("SEND", "_SPECIALIZE_SEND + _SEND")


@inst("(retval -- value)")
def YIELD_VALUE(retval: PyObject) -> None:
    """CPython: Python/bytecodes.c:YIELD_VALUE

    Suspends the generator's frame and hands ``retval`` to the frame that
    resumed it (the entry frame of ``gen.send()``, or a SEND in this loop),
    which continues after its SEND. Never raises.
    """
    global frame
    frame.instr_ptr = this_instr + 1
    yielding = frame.f_generator
    assert isinstance(yielding, PyGenObject)
    yielding.gi_frame_state = FRAME_SUSPENDED + oparg
    INPUTS_DEAD()
    SAVE_STACK()
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
    RELOAD_FRAME()


@inst("(receiver, value -- val)")
def END_SEND(receiver: PyObject, value: PyObject) -> None:
    """CPython: Python/bytecodes.c:END_SEND"""
    val = value
    Py_DECREF(receiver)


@op("(awaitable_st, exc_st -- )")
def _END_ASYNC_FOR(awaitable_st: PyObject, exc_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:_END_ASYNC_FOR

    The end of ``async for``: StopAsyncIteration ends the loop, anything
    else is re-raised.
    """
    # A pretend jump, as in C: monitoring reads the oparg as the source offset.
    JUMPBY(0 * oparg)
    if PyErr_GivenExceptionMatches(exc_st, PyExc_StopAsyncIteration):
        DECREF_INPUTS()
    else:
        Py_INCREF(exc_st)
        EXCEPTION_UNWIND(exc_st)


macro("END_ASYNC_FOR", "_END_ASYNC_FOR")


@inst("(sub_iter, last_sent_val, exc_value_st -- none, value)")
def CLEANUP_THROW(sub_iter: PyObject, last_sent_val: PyObject, exc_value_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:CLEANUP_THROW

    After ``throw()`` into a ``yield from``: a StopIteration from the
    sub-iterator is its return value; anything else propagates.
    """
    if PyErr_GivenExceptionMatches(exc_value_st, PyExc_StopIteration):
        assert isinstance(exc_value_st, PyStopIterationObject)
        stop_value = exc_value_st.value
        assert stop_value is not None
        Py_INCREF(stop_value)
        value = stop_value
        DECREF_INPUTS()
        none = Py_None
    else:
        Py_INCREF(exc_value_st)
        EXCEPTION_UNWIND(exc_value_st)


@inst("(-- res)")
def RETURN_GENERATOR() -> None:
    """CPython: Python/bytecodes.c:RETURN_GENERATOR

    The first instruction of a generator function: the frame moves into a
    new generator (C copies it into the generator's memory; pyvm hands over
    the frame object itself), the frame is popped without being cleared, and
    the caller gets the generator.
    """
    global frame
    gen_func = frame.f_funcobj
    assert isinstance(gen_func, PyFunctionObject)
    new_gen = _Py_MakeCoro(gen_func)
    assert isinstance(new_gen, PyGenObject)
    SAVE_STACK()
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
    RELOAD_FRAME()


@inst("(iterable -- iter_)")
def GET_YIELD_FROM_ITER(iterable: PyObject) -> None:
    """CPython: Python/bytecodes.c:GET_YIELD_FROM_ITER

    Generators and coroutines are their own iterators for ``yield from``;
    a coroutine only inside a coroutine (or ``types.coroutine``) body.
    """
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


family("CALL", "INLINE_CACHE_ENTRIES_CALL",
       ["CALL_BOUND_METHOD_EXACT_ARGS", "CALL_PY_EXACT_ARGS", "CALL_TYPE_1", "CALL_STR_1",
        "CALL_TUPLE_1", "CALL_BUILTIN_CLASS", "CALL_BUILTIN_O", "CALL_BUILTIN_FAST",
        "CALL_BUILTIN_FAST_WITH_KEYWORDS", "CALL_LEN", "CALL_ISINSTANCE",
        "CALL_LIST_APPEND", "CALL_METHOD_DESCRIPTOR_O",
        "CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS", "CALL_METHOD_DESCRIPTOR_NOARGS",
        "CALL_METHOD_DESCRIPTOR_FAST", "CALL_ALLOC_AND_ENTER_INIT", "CALL_PY_GENERAL",
        "CALL_BOUND_METHOD_GENERAL", "CALL_NON_PY_GENERAL"])


@op("(counter/1, callable_, self_or_null, unused[oparg] -- callable_, self_or_null, unused[oparg])")
def _SPECIALIZE_CALL(callable_: PyObject, self_or_null: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_CALL"""
    # The adaptive counter (specializer not ported yet).


@op("(callable_, self_or_null, unused[oparg] -- callable_, self_or_null, unused[oparg])")
def _MAYBE_EXPAND_METHOD(callable_: PyObject, self_or_null: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:_MAYBE_EXPAND_METHOD

    A bound method called with a NULL below it becomes its function, with
    ``self`` in the NULL's slot.
    """
    if self_or_null is None and callable_.ob_type is PyMethod_Type:
        callable_, self_or_null = _PyMethod_Expand(callable_)


@op("(callable_, self_or_null, args[oparg] -- res)")
def _DO_CALL(args: int, callable_: PyObject, self_or_null: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:_DO_CALL

    A Python function gets a new frame in this same loop
    (``DISPATCH_INLINED``); anything else is called through vectorcall.
    """
    total_args = oparg
    arguments = args
    if self_or_null is not None:
        arguments -= 1
        total_args += 1
    if callable_.ob_type is PyFunction_Type:
        assert isinstance(callable_, PyFunctionObject)
        flocals = _PyFunction_FrameLocals(callable_)
        INPUTS_DEAD()
        frame.return_offset = next_instr - this_instr
        new_frame = _PyEvalFramePushAndInit(tstate, callable_, flocals, localsplus,
                                            arguments, total_args, None, frame)
        DISPATCH_INLINED(new_frame)
    SAVE_STACK()
    res = PyObject_Vectorcall(callable_, localsplus, arguments, total_args, None)  # type: ignore[arg-type]  # the argument slots are non-NULL
    DECREF_INPUTS()


macro("CALL", "_SPECIALIZE_CALL + unused/2 + _MAYBE_EXPAND_METHOD + _DO_CALL"
      " + _CHECK_PERIODIC")


@inst("(should_be_none -- )")
def EXIT_INIT_CHECK(should_be_none: PyObject) -> None:
    """CPython: Python/bytecodes.c:EXIT_INIT_CHECK"""
    if should_be_none is not Py_None:
        PyErr_SetString(PyExc_TypeError,
                        f"__init__() should return None, not "
                        f"'{should_be_none.ob_type.tp_name[:200]}'")
    INPUTS_DEAD()


family("CALL_KW", "INLINE_CACHE_ENTRIES_CALL_KW",
       ["CALL_KW_BOUND_METHOD", "CALL_KW_PY", "CALL_KW_NON_PY"])


@op("(counter/1, callable_, self_or_null, unused[oparg], unused -- callable_, self_or_null, unused[oparg], unused)")
def _SPECIALIZE_CALL_KW(callable_: PyObject, self_or_null: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_CALL_KW"""
    # The adaptive counter (specializer not ported yet).


@op("(callable_, self_or_null, unused[oparg], unused -- callable_, self_or_null, unused[oparg], unused)")
def _MAYBE_EXPAND_METHOD_KW(callable_: PyObject, self_or_null: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:_MAYBE_EXPAND_METHOD_KW"""
    if self_or_null is None and callable_.ob_type is PyMethod_Type:
        callable_, self_or_null = _PyMethod_Expand(callable_)


@op("(callable_, self_or_null, args[oparg], kwnames -- res)")
def _DO_CALL_KW(args: int, callable_: PyObject, self_or_null: Optional[PyObject],
                kwnames: PyTupleObject) -> None:
    """CPython: Python/bytecodes.c:_DO_CALL_KW"""
    total_args = oparg
    arguments = args
    if self_or_null is not None:
        arguments -= 1
        total_args += 1
    positional_args = total_args - len(kwnames.ob_item)
    if callable_.ob_type is PyFunction_Type:
        assert isinstance(callable_, PyFunctionObject)
        flocals = _PyFunction_FrameLocals(callable_)
        INPUTS_DEAD()
        frame.return_offset = next_instr - this_instr
        try:
            new_frame = _PyEvalFramePushAndInit(tstate, callable_, flocals, localsplus,
                                                arguments, positional_args, kwnames, frame)
        finally:
            Py_DECREF(kwnames)
        DISPATCH_INLINED(new_frame)
    SAVE_STACK()
    res = PyObject_Vectorcall(callable_, localsplus, arguments, positional_args, kwnames)  # type: ignore[arg-type]  # the argument slots are non-NULL
    DECREF_INPUTS()


macro("CALL_KW", "_SPECIALIZE_CALL_KW + unused/2 + _MAYBE_EXPAND_METHOD_KW + _DO_CALL_KW")


@op("(func, unused, callargs, kwargs -- func, unused, callargs, kwargs)")
def _MAKE_CALLARGS_A_TUPLE(func: PyObject, callargs: PyObject) -> None:
    """CPython: Python/bytecodes.c:_MAKE_CALLARGS_A_TUPLE"""
    if not isinstance(callargs, PyTupleObject):
        if callargs.ob_type.tp_iter is None and not PySequence_Check(callargs):
            PyErr_SetString(PyExc_TypeError,
                            f"{_PyObject_FunctionStr(func)} argument after * must "
                            f"be an iterable, not {callargs.ob_type.tp_name[:200]}")
        t = PySequence_Tuple(callargs)
        Py_DECREF(callargs)
        callargs = t


@op("(func_st, maybe_self, callargs_st, kwargs_st -- result)")
def _DO_CALL_FUNCTION_EX(func_st: PyObject, maybe_self: Optional[PyObject],
                         callargs_st: PyTupleObject,
                         kwargs_st: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:_DO_CALL_FUNCTION_EX

    pyvm: C calls the slot below the arguments ``null``; ``maybe_self`` here,
    since ``null`` names an array elsewhere and every body shares one scope.
    """
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
        DECREF_INPUTS()
        INPUTS_DEAD()
        frame.return_offset = next_instr - this_instr
        try:
            new_frame = _PyEvalFramePushAndInit(tstate, func_st, flocals, vec, 0, npos,
                                                kwn2, frame)
        finally:
            Py_XDECREF(kwn2)
        DISPATCH_INLINED(new_frame)
    SAVE_STACK()
    result = PyObject_Call(func_st, callargs_st, kwargs_st)
    DECREF_INPUTS()


macro("CALL_FUNCTION_EX", "_MAKE_CALLARGS_A_TUPLE + _DO_CALL_FUNCTION_EX + _CHECK_PERIODIC")


@inst("(codeobj_st -- func)")
def MAKE_FUNCTION(codeobj_st: PyObject) -> None:
    """CPython: Python/bytecodes.c:MAKE_FUNCTION"""
    func = PyFunction_New(codeobj_st, frame.f_globals)
    Py_DECREF(codeobj_st)


@inst("(attr_st, func_in -- func_out)")
def SET_FUNCTION_ATTRIBUTE(attr_st: PyObject, func_in: PyFunctionObject) -> None:
    """CPython: Python/bytecodes.c:SET_FUNCTION_ATTRIBUTE

    The function steals the attribute.
    """
    INPUTS_DEAD()
    _set_function_attribute(func_in, oparg, attr_st)
    func_out = func_in


@inst("(args[oparg] -- slice_)")
def BUILD_SLICE(args: int) -> None:
    """CPython: Python/bytecodes.c:BUILD_SLICE"""
    start = localsplus[args]
    stop = localsplus[args + 1]
    step = localsplus[args + 2] if oparg == 3 else None
    assert start is not None and stop is not None
    slc = PySlice_New(start, stop, step)
    DECREF_INPUTS()
    slice_ = slc


@inst("(value -- result)")
def CONVERT_VALUE(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:CONVERT_VALUE"""
    result = _convert_value(value, oparg)
    Py_DECREF(value)


@inst("(value -- res)")
def FORMAT_SIMPLE(value: PyObject) -> None:
    """CPython: Python/bytecodes.c:FORMAT_SIMPLE"""
    # A str needs no formatting.
    if value.ob_type is not PyUnicode_Type:
        res = PyObject_Format(value, None)
        Py_DECREF(value)
    else:
        res = value


@inst("(value, fmt_spec -- res)")
def FORMAT_WITH_SPEC(value: PyObject, fmt_spec: PyObject) -> None:
    """CPython: Python/bytecodes.c:FORMAT_WITH_SPEC"""
    res = PyObject_Format(value, fmt_spec)
    DECREF_INPUTS()


@inst("(bottom, unused[oparg-1] -- bottom, unused[oparg-1], top)")
def COPY(bottom: PyObject) -> None:
    """CPython: Python/bytecodes.c:COPY"""
    Py_INCREF(bottom)
    top = bottom


@op("(counter/1, lhs, rhs -- lhs, rhs)")
def _SPECIALIZE_BINARY_OP(lhs: PyObject, rhs: PyObject) -> None:
    """CPython: Python/bytecodes.c:_SPECIALIZE_BINARY_OP"""
    # The adaptive counter (specializer not ported yet).


@op("(lhs, rhs -- res)")
def _BINARY_OP(lhs: PyObject, rhs: PyObject) -> None:
    """CPython: Python/bytecodes.c:_BINARY_OP

    The oparg indexes ``_PyEval_BinaryOps`` (``NB_ADD`` ... ``NB_SUBSCR``).
    """
    res = _PyEval_BinaryOps[oparg](lhs, rhs)
    DECREF_INPUTS()


macro("BINARY_OP", "_SPECIALIZE_BINARY_OP + unused/4 + _BINARY_OP")


@inst("(bottom, unused[oparg-2], top -- bottom, unused[oparg-2], top)")
def SWAP(bottom: Optional[PyObject], top: Optional[PyObject]) -> None:
    """CPython: Python/bytecodes.c:SWAP"""
    bottom, top = top, bottom


@inst("( -- )")
def EXTENDED_ARG() -> None:
    """CPython: Python/bytecodes.c:EXTENDED_ARG

    Widens the next instruction's oparg by 8 bits and dispatches it. The
    generator places this body in front of the dispatch, in a loop, since
    several prefixes may come in a row.
    """
    this_instr += 1
    word = units[this_instr]
    opcode = word & 255
    oparg = (oparg << 8) | (word >> 8)


@inst("(--)")
def CACHE() -> None:
    """CPython: Python/bytecodes.c:CACHE"""
    _unknown_opcode(opcode, this_instr)


@inst("(--)")
def RESERVED() -> None:
    """CPython: Python/bytecodes.c:RESERVED"""
    _unknown_opcode(opcode, this_instr)
