"""Ports Python/frame.c, Include/internal/pycore_frame.h,
Include/internal/pycore_interpframe.h and Include/internal/pycore_interpframe_structs.h:
the interpreter frame.

A ``_PyInterpreterFrame`` is the activation record of one Python function call
(InternalDocs/frames.md). Its ``localsplus`` array holds, in this order, the
fast locals, the cells, the free variables (together ``co_nlocalsplus`` slots)
and then the evaluation stack (``co_stacksize`` slots); ``None`` in a slot is
C's ``NULL`` (an unbound local, an empty stack slot, or the ``NULL`` that
``PUSH_NULL`` / ``LOAD_GLOBAL`` push below a callable). ``stackpointer`` is the
index of the first free stack slot, ``instr_ptr`` the index (in 16-bit code
units of ``co_code_adaptive``) of the instruction that is executing or about to
begin, ``return_offset`` how far past ``instr_ptr`` the caller resumes when a
callee returns.

C allocates frames in per-thread chunks and links them with ``previous``; the
eval loop pushes and pops frames without recursing on the C stack. pyvm keeps
the ``previous`` chain and allocates each frame as a host object; the frame's
``localsplus`` list is the chunk.

Ownership: the frame owns strong references to every non-``None`` slot of
``localsplus`` below ``stackpointer`` (the locals and the stack), to
``f_executable`` (the code), ``f_funcobj`` and ``f_locals``; ``f_globals`` and
``f_builtins`` are borrowed from the function (as in C).

The frame chain hangs from the thread state (``pyvm.pystate.PyThreadState``):
its ``current_frame`` is the innermost frame.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.codeobject import PyCodeObject
from pyvm.objects.object import Py_DECREF, PyObject

# CPython: Include/internal/pycore_interpframe_structs.h:FRAME_OWNED_BY_THREAD (enum _frameowner)
FRAME_OWNED_BY_THREAD: Final = 0
FRAME_OWNED_BY_GENERATOR: Final = 1
FRAME_OWNED_BY_FRAME_OBJECT: Final = 2
FRAME_OWNED_BY_INTERPRETER: Final = 3
FRAME_OWNED_BY_CSTACK: Final = 4

# CPython: Include/internal/pycore_frame.h:PyFrameState
# The state of a generator's frame (``gi_frame_state``). The two suspended
# states are adjacent so that YIELD_VALUE can store ``FRAME_SUSPENDED + oparg``.
FRAME_CREATED: Final = -3
FRAME_SUSPENDED: Final = -2
FRAME_SUSPENDED_YIELD_FROM: Final = -1
FRAME_EXECUTING: Final = 0
FRAME_COMPLETED: Final = 1
FRAME_CLEARED: Final = 4


def FRAME_STATE_SUSPENDED(s: int) -> bool:
    """CPython: Include/internal/pycore_frame.h:FRAME_STATE_SUSPENDED"""
    return s == FRAME_SUSPENDED or s == FRAME_SUSPENDED_YIELD_FROM


def FRAME_STATE_FINISHED(s: int) -> bool:
    """CPython: Include/internal/pycore_frame.h:FRAME_STATE_FINISHED"""
    return s >= FRAME_COMPLETED


class _PyInterpreterFrame:
    """CPython: Include/internal/pycore_interpframe_structs.h:_PyInterpreterFrame

    ``frame_obj`` is the lazily created ``PyFrameObject`` (see
    ``pyvm.objects.frameobject``); it is typed ``PyObject`` to keep this module
    below the object layer's frame type.
    """

    f_executable: PyCodeObject
    previous: Optional[_PyInterpreterFrame]
    f_funcobj: Optional[PyObject]
    f_globals: PyObject
    f_builtins: PyObject
    f_locals: Optional[PyObject]
    frame_obj: Optional[PyObject]
    instr_ptr: int
    stackpointer: int
    return_offset: int
    owner: int
    localsplus: list[Optional[PyObject]]
    # pyvm: set once the frame has been popped and its slots released, so that
    # a frame object outliving it reads no stale references.
    cleared: bool
    # pyvm: C finds the generator that embeds a frame by pointer arithmetic
    # (``_PyGen_GetGeneratorFromFrame``); pyvm's frame moves into the
    # generator, so it keeps a borrowed pointer back, set while the frame is
    # owned by the generator (RETURN_GENERATOR sets it).
    f_generator: Optional[PyObject]

    def __init__(self, code: PyCodeObject, func: Optional[PyObject], globals_: PyObject,
                 builtins: PyObject, locals_: Optional[PyObject],
                 previous: Optional[_PyInterpreterFrame]) -> None:
        self.f_executable = code
        self.previous = previous
        self.f_funcobj = func
        self.f_globals = globals_
        self.f_builtins = builtins
        self.f_locals = locals_
        self.frame_obj = None
        self.instr_ptr = 0
        self.stackpointer = code.co_nlocalsplus
        self.return_offset = 0
        self.owner = FRAME_OWNED_BY_THREAD
        self.localsplus = [None] * code.co_framesize
        self.cleared = False
        self.f_generator = None


def _PyFrame_Initialize(code: PyCodeObject, func: Optional[PyObject], globals_: PyObject,
                        builtins: PyObject, locals_: Optional[PyObject],
                        previous: Optional[_PyInterpreterFrame]) -> _PyInterpreterFrame:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_Initialize

    Steals the references to ``code``, ``func`` and ``locals_`` (C's callers
    hand them over); ``globals_`` and ``builtins`` are borrowed.
    """
    return _PyInterpreterFrame(code, func, globals_, builtins, locals_, previous)


def _PyFrame_GetCode(frame: _PyInterpreterFrame) -> PyCodeObject:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_GetCode"""
    return frame.f_executable


def _PyFrame_Stackbase(frame: _PyInterpreterFrame) -> int:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_Stackbase

    pyvm: an index into ``localsplus`` rather than a pointer.
    """
    return frame.f_executable.co_nlocalsplus


def _PyFrame_StackPush(frame: _PyInterpreterFrame, value: Optional[PyObject]) -> None:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_StackPush

    Steals ``value``.
    """
    frame.localsplus[frame.stackpointer] = value
    frame.stackpointer += 1


def _PyFrame_StackPop(frame: _PyInterpreterFrame) -> Optional[PyObject]:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_StackPop

    Returns the owned reference that was on top of the stack.
    """
    frame.stackpointer -= 1
    sp = frame.stackpointer
    v = frame.localsplus[sp]
    frame.localsplus[sp] = None
    return v


def _PyFrame_GetStackPointer(frame: _PyInterpreterFrame) -> int:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_GetStackPointer"""
    return frame.stackpointer


def _PyFrame_SetStackPointer(frame: _PyInterpreterFrame, sp: int) -> None:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_SetStackPointer"""
    frame.stackpointer = sp


def _PyInterpreterFrame_LASTI(frame: _PyInterpreterFrame) -> int:
    """CPython: Include/internal/pycore_interpframe.h:_PyInterpreterFrame_LASTI

    The index, in code units, of the instruction executing in ``frame``.
    """
    return frame.instr_ptr


def _PyFrame_GetLocalsArray(frame: _PyInterpreterFrame) -> list[Optional[PyObject]]:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_GetLocalsArray"""
    return frame.localsplus


def _PyFrame_IsIncomplete(frame: _PyInterpreterFrame) -> bool:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_IsIncomplete

    pyvm: a frame is incomplete until its RESUME has run; pyvm frames always
    start at instruction 0 and every code object begins with RESUME (or
    COPY_FREE_VARS / MAKE_CELL before it), so only the owner test remains:
    the interpreter's entry frames (``<interpreter trampoline>``) and C-stack
    frames are never seen by Python code.
    """
    return frame.owner >= FRAME_OWNED_BY_INTERPRETER


def _PyFrame_GetFirstComplete(frame: Optional[_PyInterpreterFrame]) -> Optional[_PyInterpreterFrame]:
    """CPython: Include/internal/pycore_interpframe.h:_PyFrame_GetFirstComplete"""
    while frame is not None and _PyFrame_IsIncomplete(frame):
        frame = frame.previous
    return frame


def _PyFrame_ClearLocals(frame: _PyInterpreterFrame) -> None:
    """CPython: Python/frame.c:_PyFrame_ClearLocals

    Releases every local and stack slot the frame owns.
    """
    ls = frame.localsplus
    sp = frame.stackpointer
    frame.stackpointer = 0
    for i in range(sp):
        v = ls[i]
        if v is not None:
            ls[i] = None
            Py_DECREF(v)
    loc = frame.f_locals
    if loc is not None:
        frame.f_locals = None
        Py_DECREF(loc)


def _PyFrame_ClearExceptCode(frame: _PyInterpreterFrame) -> None:
    """CPython: Python/frame.c:_PyFrame_ClearExceptCode

    If a frame object still refers to this frame and somebody else holds the
    frame object (a traceback does), the frame object takes ownership of the
    frame's data (``take_ownership`` in C copies it; pyvm only marks it), so
    the locals stay alive for ``tb_frame.f_locals``. Otherwise the slots are
    released now.
    """
    fo = frame.frame_obj
    if fo is not None:
        frame.frame_obj = None
        if fo.ob_refcnt > 1:
            frame.owner = FRAME_OWNED_BY_FRAME_OBJECT
            frame.previous = None
            # The frame object now owns the frame's references; its dealloc
            # releases them (pyvm.objects.frameobject.frame_dealloc).
            Py_DECREF(fo)
            return
        Py_DECREF(fo)
    _PyFrame_ClearLocals(frame)
    f = frame.f_funcobj
    if f is not None:
        frame.f_funcobj = None
        Py_DECREF(f)
    frame.cleared = True


def _PyFrame_ClearAll(frame: _PyInterpreterFrame) -> None:
    """pyvm: release what a frame owned by its frame object still holds,
    including the code reference (C's ``frame_dealloc`` path through
    ``_PyFrame_ClearExceptCode`` and ``PyStackRef_CLEAR(f_executable)``)."""
    _PyFrame_ClearLocals(frame)
    f = frame.f_funcobj
    if f is not None:
        frame.f_funcobj = None
        Py_DECREF(f)
    frame.cleared = True
