"""Ports Python/pystate.c, Include/cpython/pystate.h, Include/internal/pycore_pystate.h
and Include/internal/pycore_interp_structs.h: the thread state and the interpreter
state.

C keeps what one thread of execution needs in a ``PyThreadState`` (the frame
chain's top ``current_frame``, the stack of handled exceptions ``exc_info``, the
recursion counters, the eval breaker) and what the whole interpreter shares in a
``PyInterpreterState`` (the ``builtins`` dict, the ``sys`` module, the frame
evaluation function ``eval_frame``). Every thread state points at its
interpreter (``tstate->interp``).

pyvm runs one thread in one interpreter, so there is exactly one of each:
:data:`_tstate` and :data:`_interp`, reached as C reaches them through
``_PyThreadState_GET()`` and ``_PyInterpreterState_GET()``.

Layering. This module sits at the very bottom of pyvm: it imports no pyvm module
at run time (the types it names are imported for the type checker only, as C's
``pystate.h`` only forward-declares ``struct _PyInterpreterFrame``), so that
every layer, ``pyvm/objects/object.py`` included, can import it at module top.
Where the lower layers must call *up* into the eval loop, C calls through a
function pointer stored in the interpreter state (``interp->eval_frame``); pyvm
does the same: the eval loop installs :attr:`PyInterpreterState.eval_frame` and
:attr:`PyInterpreterState.eval_vector` when ``pyvm.eval.ceval`` is imported,
and the object layer calls through them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

if TYPE_CHECKING:
    from pyvm.eval.frame import _PyInterpreterFrame
    from pyvm.objects.funcobject import PyFunctionObject
    from pyvm.objects.moduleobject import PyModuleObject
    from pyvm.objects.object import PyObject

    # CPython: Include/cpython/pystate.h:_PyFrameEvalFunction
    # ``eval_frame(tstate, frame, throwflag, exc)``: runs ``frame`` until it
    # returns or yields and gives back that value (a new reference), or raises
    # ``PyErr``. With ``throwflag`` 1, ``exc`` (owned) is raised inside the
    # frame at its current instruction (C's ``resume_with_error``).
    _PyFrameEvalFunction = Callable[
        ["PyThreadState", _PyInterpreterFrame, int, Optional[PyObject]], PyObject]

    # pyvm: the eval loop's entry for a function call, ``_PyEval_Vector``:
    # (func, locals, args, start, argcount, kwnames) -> result.
    # ``args[start:start + argcount]`` are the positional arguments, followed by
    # one value per name in ``kwnames`` (a tuple of str, or None). The arguments
    # are borrowed, as in C's _PyFunction_Vectorcall.
    EvalVectorFunc = Callable[
        [PyFunctionObject, Optional[PyObject], list[PyObject], int, int, Optional[PyObject]],
        PyObject]


# pyvm: the eval breaker's countdown: every so many calls and backward jumps
# the loop runs ``_Py_HandlePending`` (C sets bits in ``tstate->eval_breaker``
# from a signal handler instead; compiled code never runs the host's handlers).
EVAL_BREAKER_INTERVAL: Final = 4096

# The C stack model. 3.14 bounds C-level recursion (slots, repr, comparisons,
# calls from built-ins back into Python, deallocation, the compiler) by the
# machine stack: every guard compares the stack pointer with a soft limit two
# margins above the stack's end (``tstate_set_stack``) and raises
# "Stack overflow (used N kB)". pyvm cannot read a stack pointer, so it keeps one:
# ``tstate.c_stack_used`` is what a C build of the same nesting would have used,
# in bytes, charged by each guard as it is entered and given back as it is left.
# The host really runs pyvm in a thread with a far larger stack
# (pyvm/launcher.py), so the model always trips before the host's stack or
# recursion limit is reached, in the compiled and in the interpreted build.

# CPython: Python/ceval.c:Py_C_STACK_SIZE -- pyvm: the stack of the model: 8 MiB,
# the main-thread stack a native Linux CPython finds (``hardware_stack_limits``
# reads it from pthread_getattr_np; C's 4000000 is only the fallback guess).
Py_C_STACK_SIZE: Final = 8 * 1024 * 1024

# CPython: Include/internal/pycore_pythonrun.h:_PyOS_STACK_MARGIN_BYTES
# (a 64-bit build: 2048 pointers).
_PyOS_STACK_MARGIN_BYTES: Final = 2048 * 8

# CPython: Include/internal/pycore_pythonrun.h:_PyOS_STACK_MARGIN_SHIFT -- the unit
# of _Py_RecursionLimit_GetMargin (16 KiB on a 64-bit build).
_PyOS_STACK_MARGIN_SHIFT: Final = 11 + 3

# pyvm: the soft and hard limits of ``tstate_set_stack`` as amounts of stack used.
_C_STACK_SOFT_LIMIT: Final = Py_C_STACK_SIZE - 2 * _PyOS_STACK_MARGIN_BYTES
_C_STACK_HARD_LIMIT: Final = Py_C_STACK_SIZE - _PyOS_STACK_MARGIN_BYTES

# pyvm: what one level of C recursion costs in the model, in bytes: a guarded
# C function and the ones it calls before it recurses (``PyObject_Repr`` ->
# ``list_repr`` -> ``PyObject_Repr``; ``tuplehash`` -> ``PyObject_Hash``), about
# what a native 64-bit build spends. About 41,000 such levels fit: a 25,000-deep
# tuple hashes, a 100,000-deep list's repr raises RecursionError, as natively.
_C_LEVEL_COST: Final = 200

# pyvm: what an entry into the eval loop from C costs (``_PyEval_EvalFrameDefault``'s
# frame and the vectorcall machinery around it): a Python function that recurses
# through a built-in (``__repr__`` calling ``repr()``, ``map``, ``sorted(key=)``)
# gets about 5,000 levels, whatever ``sys.setrecursionlimit`` allows.
_EVAL_FRAME_COST: Final = 1400

# pyvm: what one nested deallocation costs (``_Py_Dealloc`` -> ``tp_dealloc`` ->
# ``Py_DECREF`` of a member): the trashcan takes over when the margin left is
# small, i.e. after some 40,000 nested deallocations in a fresh stack.
_DEALLOC_COST: Final = 200


class PyInterpreterState:
    """CPython: Include/internal/pycore_interp_structs.h:_is

    The fields pyvm needs. The hooks are C's function pointers in the
    interpreter: the eval loop (``pyvm.eval.ceval``) installs ``eval_frame``
    and ``eval_vector`` at import, below which the object layer calls them.

    * ``builtins``: the builtins module's dict (C: ``interp->builtins``), used
      when a globals dict has no ``__builtins__``; set by ``_PyBuiltin_Init``.
    * ``builtins_module``: the builtins module itself, made once by
      ``_PyBuiltin_Init`` (C finds it in ``interp->modules``).
    * ``sys_module``: the ``sys`` module, made once by ``_PySys_Create``
      (C keeps its dict as ``interp->sysdict``).
    * ``sys_stdout`` / ``sys_stderr``: the printers ``sys.__stdout__`` and
      ``sys.__stderr__`` (None, the object, when the descriptor was closed at
      start-up), used when the program deleted ``sys.stdout``.
    * ``eval_frame``: C's ``interp->eval_frame`` (PEP 523), the loop that
      runs a generator's frame (``_PyEval_EvalFrame``).
    * ``eval_vector``: ``Python/ceval.c:_PyEval_Vector``, the loop's entry for
      a function call (``_PyFunction_Vectorcall``).
    * ``eval_breaker_check``: what ``_Py_HandlePending`` calls; the uncompiled
      launcher installs it: entering it runs the host's pending signal
      handlers, and it raises the host ``KeyboardInterrupt`` if SIGINT arrived.
    """

    builtins: Optional[PyObject]
    builtins_module: Optional[PyModuleObject]
    sys_module: Optional[PyModuleObject]
    sys_stdout: Optional[PyObject]
    sys_stderr: Optional[PyObject]
    eval_frame: Optional[_PyFrameEvalFunction]
    eval_vector: Optional[EvalVectorFunc]
    eval_breaker_check: Optional[Callable[[], None]]

    def __init__(self) -> None:
        self.builtins = None
        self.builtins_module = None
        self.sys_module = None
        self.sys_stdout = None
        self.sys_stderr = None
        self.eval_frame = None
        self.eval_vector = None
        self.eval_breaker_check = None


class _PyErr_StackItem:
    """CPython: Include/cpython/pystate.h:_PyErr_StackItem

    ``exc_value`` is the exception being handled (``sys.exception()``), a strong
    reference or ``None``.
    """

    exc_value: Optional[PyObject]
    previous_item: Optional[_PyErr_StackItem]

    def __init__(self) -> None:
        self.exc_value = None
        self.previous_item = None


class PyThreadState:
    """CPython: Include/cpython/pystate.h:_ts

    pyvm: one thread, so one instance (:data:`_tstate`). ``eval_breaker`` is
    the countdown to the next ``_Py_HandlePending`` (see
    ``EVAL_BREAKER_INTERVAL``).
    """

    interp: PyInterpreterState
    current_frame: Optional[_PyInterpreterFrame]
    exc_state: _PyErr_StackItem
    exc_info: _PyErr_StackItem
    py_recursion_remaining: int
    py_recursion_limit: int
    c_stack_used: int
    recursion_headroom: int
    eval_breaker: int
    coroutine_origin_tracking_depth: int
    async_gen_firstiter: Optional[PyObject]
    async_gen_finalizer: Optional[PyObject]
    delete_later: list[PyObject]

    def __init__(self, interp: PyInterpreterState) -> None:
        self.interp = interp
        self.current_frame = None
        self.exc_state = _PyErr_StackItem()
        self.exc_info = self.exc_state
        self.py_recursion_limit = 1000
        self.py_recursion_remaining = 1000
        # pyvm: the C stack model's stack pointer (see ``Py_C_STACK_SIZE``).
        self.c_stack_used = 0
        self.recursion_headroom = 0
        self.eval_breaker = EVAL_BREAKER_INTERVAL
        self.coroutine_origin_tracking_depth = 0
        self.async_gen_firstiter = None
        self.async_gen_finalizer = None
        # The trashcan: objects whose count reached zero too deep in a chain of
        # deallocations, freed later by _PyTrash_thread_destroy_chain (C links
        # them through ``_gc_next``; a host list is the same LIFO stack).
        self.delete_later = []


_interp: Final = PyInterpreterState()
_tstate: Final = PyThreadState(_interp)


def _PyThreadState_GET() -> PyThreadState:
    """CPython: Include/internal/pycore_pystate.h:_PyThreadState_GET"""
    return _tstate


def _PyInterpreterState_GET() -> PyInterpreterState:
    """CPython: Include/internal/pycore_pystate.h:_PyInterpreterState_GET"""
    return _interp


def PyThreadState_Get() -> PyThreadState:
    """CPython: Python/pystate.c:PyThreadState_Get"""
    return _tstate


def PyInterpreterState_Get() -> PyInterpreterState:
    """CPython: Python/pystate.c:PyInterpreterState_Get"""
    return _interp


def Py_GetRecursionLimit() -> int:
    """CPython: Python/ceval.c:Py_GetRecursionLimit"""
    return _tstate.py_recursion_limit


def Py_SetRecursionLimit(new_limit: int) -> None:
    """CPython: Python/ceval.c:Py_SetRecursionLimit

    The remaining depth moves by the same amount as the limit, as C does, so
    a limit lowered below the current depth trips at the next call.
    """
    ts = _tstate
    depth = ts.py_recursion_limit - ts.py_recursion_remaining
    ts.py_recursion_limit = new_limit
    ts.py_recursion_remaining = new_limit - depth


def _Py_RecursionLimit_GetMargin(tstate: PyThreadState) -> int:
    """CPython: Include/internal/pycore_pystate.h:_Py_RecursionLimit_GetMargin

    How far the stack in use is from the soft limit, in units of
    ``1 << _PyOS_STACK_MARGIN_SHIFT`` (negative past it). pyvm: the stack is the
    model's (``tstate.c_stack_used``, see ``Py_C_STACK_SIZE``).
    """
    return (_C_STACK_SOFT_LIMIT - tstate.c_stack_used) >> _PyOS_STACK_MARGIN_SHIFT


def _Py_ReachedRecursionLimitWithMargin(tstate: PyThreadState, margin_count: int) -> bool:
    """CPython: Python/ceval.c:_Py_ReachedRecursionLimitWithMargin

    Is the stack in use within ``margin_count`` margins of the soft limit? The
    parser asks with a margin of 1 before every rule.
    """
    return tstate.c_stack_used >= _C_STACK_SOFT_LIMIT - margin_count * _PyOS_STACK_MARGIN_BYTES


def _Py_ReachedRecursionLimit(tstate: PyThreadState) -> bool:
    """CPython: Include/internal/pycore_ceval.h:_Py_ReachedRecursionLimit"""
    return tstate.c_stack_used >= _C_STACK_SOFT_LIMIT


def _PyErr_GetTopmostException(tstate: PyThreadState) -> _PyErr_StackItem:
    """CPython: Python/errors.c:_PyErr_GetTopmostException"""
    exc_info: Optional[_PyErr_StackItem] = tstate.exc_info
    while exc_info is not None:
        if exc_info.exc_value is not None:
            return exc_info
        exc_info = exc_info.previous_item
    return tstate.exc_info


def PyErr_GetHandledException() -> Optional[PyObject]:
    """CPython: Python/errors.c:PyErr_GetHandledException

    Returns a borrowed reference (C returns a new one).
    """
    return _PyErr_GetTopmostException(_tstate).exc_value
