"""Ports Objects/genobject.c: generators, coroutines and asynchronous generators.

A generator (``generator``), a coroutine (``coroutine``) and an asynchronous
generator (``async_generator``) share one layout, ``PyGenObject``: a name, a
qualified name, the handled-exception slot of the frame (``gi_exc_state``),
the state of the frame (``gi_frame_state``, one of the ``FRAME_*`` states of
pyvm/eval/frame.py) and the frame itself (``gi_iframe``). C embeds the
interpreter frame in the generator object and ``RETURN_GENERATOR`` copies the
function's frame into it; pyvm moves the frame object itself into the
generator (no copy) and leaves it a borrowed pointer back
(``frame.f_generator``, C's ``_PyGen_GetGeneratorFromFrame``).

The life of a generator, with who does what:

* ``_Py_MakeCoro`` (called by ``RETURN_GENERATOR``) makes the object, with
  no frame yet and the state ``FRAME_CLEARED``. The loop then attaches the
  frame, marks it ``FRAME_OWNED_BY_GENERATOR`` and sets ``FRAME_CREATED``.
* ``gen_send_ex2`` resumes it: it pushes the sent value on the frame's
  stack, links the generator's exception state into the thread's chain
  (``tstate.exc_info``), sets ``FRAME_EXECUTING`` and runs the frame through
  the hook the eval loop installs (``_interp.eval_frame``, C's
  ``interp->eval_frame``). With an exception to
  throw in, the loop raises it at the suspended instruction.
* On ``YIELD_VALUE`` the loop sets ``FRAME_SUSPENDED`` (``+1`` inside
  ``yield from``/``await``) and unlinks the exception state; when the frame
  returns or lets an exception escape, the loop's ``clear_gen_frame`` clears
  it (``FRAME_CLEARED``). So, back in ``gen_send_ex2``, a suspended state
  means "yielded" and anything else "returned".
* ``close()`` throws ``GeneratorExit`` in; ``_PyGen_Finalize`` (the
  ``tp_finalize`` run by dealloc) closes a suspended generator; dealloc
  clears the frame and drops the code reference the generator owns.

Errors follow pyvm's rules (CONTRIBUTING.md): C's "``NULL`` with an exception
set" is a raised ``PyErr``; C's "``NULL`` without an exception" (an exhausted
generator seen from ``tp_iternext``) is ``None``. Where C's code runs with an
exception *pending* in the thread state (``gen_send_ex(gen, Py_None, 1, …)``
after ``PyErr_Restore``), pyvm passes the ``PyErr`` carrier itself.

``am_send`` (``PyGen_am_send``) returns ``(PySendResult, result)``.

The ``RuntimeWarning`` for a coroutine that was never awaited, the one for an
un-awaited ``asend()``/``athrow()`` and the ``DeprecationWarning`` of the
three-argument ``throw()``/``athrow()`` go through
pyvm/modules/_warningsmodule.py. The freelists of the async-generator helper
objects are not kept; weak
references to generators wait for the weakref module.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.compile.opcode import (
    INSTRUMENTED_RESUME,
    RESUME,
    RESUME_CHECK,
    RESUME_OPARG_DEPTH1_MASK,
)
from pyvm.eval.errors import PyErr_GivenExceptionMatches, _PyErr_SetContext
from pyvm.eval.frame import (
    FRAME_CLEARED, FRAME_COMPLETED, FRAME_CREATED, FRAME_EXECUTING,
    FRAME_OWNED_BY_FRAME_OBJECT, FRAME_STATE_FINISHED, FRAME_STATE_SUSPENDED,
    FRAME_SUSPENDED_YIELD_FROM, _PyFrame_ClearExceptCode, _PyFrame_GetFirstComplete,
    _PyFrame_IsIncomplete, _PyFrame_StackPush, _PyInterpreterFrame,
)
from pyvm.pystate import (
    PyThreadState, _PyErr_GetTopmostException, _PyErr_StackItem, _PyThreadState_GET, _interp,
    _tstate,
)
from pyvm.eval.traceback import PyTraceBack_Type, format_exception
from pyvm.objects.abstract import Py_GenericAlias, PyIter_Check
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.call import PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall
from pyvm.objects.codeobject import (
    CO_ASYNC_GENERATOR,
    CO_COROUTINE,
    CO_GENERATOR,
    CO_ITERABLE_COROUTINE,
    PyCodeObject,
)
from pyvm.objects.descrobject import (
    PyGetSetDef,
    PyMemberDef,
    Py_READONLY,
    _PyType_AddGetSets,
    _PyType_AddMembers,
    _PyType_AddMethods,
)
from pyvm.objects.exceptions import (
    PyExc_DeprecationWarning,
    PyExc_GeneratorExit,
    PyExc_RuntimeError,
    PyExc_StopAsyncIteration,
    PyExc_StopIteration,
    PyExc_TypeError,
    PyExc_ValueError,
    PyExceptionClass_Check,
    PyExceptionInstance_Check,
    PyException_GetContext,
    PyException_SetContext,
    PyException_SetTraceback,
    PyStopIterationObject,
    _PyErr_CreateException,
)
from pyvm.objects.frameobject import _PyFrame_GetFrameObject
from pyvm.objects.funcobject import PyFunctionObject
from pyvm.objects.longobject import PyBool_FromLong, PyLong_FromLong
from pyvm.objects.methodobject import (
    METH_CLASS, METH_FASTCALL, METH_NOARGS, METH_O, METH_VARARGS, PyMethodDef)
from pyvm.objects.typeobject import PyObject_CallFinalizerFromDealloc
from pyvm.objects.object import PyErr_FormatUnraisable, _PyErr_Clear
from pyvm.objects.object import (
    PYGEN_ERROR,
    PYGEN_NEXT,
    PYGEN_RETURN,
    Py_DECREF,
    Py_INCREF,
    Py_NewRef,
    Py_None,
    Py_TPFLAGS_HAVE_GC,
    Py_XDECREF,
    PyErr,
    PyErr_Format,
    PyErr_SetNone,
    PyErr_SetString,
    PyObject,
    PyObject_GenericGetAttr,
    PyObject_GetOptionalAttr,
    PyObject_SelfIter,
    PyType_IsSubtype,
    PyTypeObject,
    PyUnicode_Check,
    _PyErr_Raise,
    _debug,
    _unicode_value,
    visitproc,
)
from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArray
from pyvm.modules._warningsmodule import (
    PyErr_WarnEx, _PyErr_WarnUnawaitedAgenMethod, _PyErr_WarnUnawaitedCoroutine,
)
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicode_InternFromString, _PyArg_CheckPositional
from pyvm.objects.codeobject_lines import PyCode_Addr2Line

# ---------------------------------------------------------------------------
# The types

PyGen_Type: Final = PyTypeObject("generator", flags=Py_TPFLAGS_HAVE_GC)
PyCoro_Type: Final = PyTypeObject("coroutine", flags=Py_TPFLAGS_HAVE_GC)
_PyCoroWrapper_Type: Final = PyTypeObject(
    "coroutine_wrapper", flags=Py_TPFLAGS_HAVE_GC,
    doc="A wrapper object implementing __await__ for coroutines.")
PyAsyncGen_Type: Final = PyTypeObject("async_generator", flags=Py_TPFLAGS_HAVE_GC)
_PyAsyncGenASend_Type: Final = PyTypeObject("async_generator_asend", flags=Py_TPFLAGS_HAVE_GC)
_PyAsyncGenWrappedValue_Type: Final = PyTypeObject("async_generator_wrapped_value",
                                                   flags=Py_TPFLAGS_HAVE_GC)
_PyAsyncGenAThrow_Type: Final = PyTypeObject("async_generator_athrow", flags=Py_TPFLAGS_HAVE_GC)

NON_INIT_CORO_MSG: Final = "can't send non-None value to a just-started coroutine"
ASYNC_GEN_IGNORED_EXIT_MSG: Final = "async generator ignored GeneratorExit"

# pyvm: C's ``AwaitableState`` enum of Objects/genobject.c (the asend/athrow awaitables)
AWAITABLE_STATE_INIT: Final = 0    # new awaitable, has not yet been iterated
AWAITABLE_STATE_ITER: Final = 1    # being iterated
AWAITABLE_STATE_CLOSED: Final = 2  # closed


class PyGenObject(PyObject):
    """CPython: Include/internal/pycore_interpframe_structs.h:_PyGenObject_HEAD

    ``gi_iframe`` is None until ``RETURN_GENERATOR`` moves the function's
    frame in; the generator owns the frame's code reference from then on
    (``gi_iframe.f_executable``), also after the frame is cleared.
    Coroutines and async generators are the subclasses below (C gives the
    same fields ``cr_`` / ``ag_`` prefixes).
    """

    gi_iframe: Optional[_PyInterpreterFrame]
    gi_frame_state: int
    gi_exc_state: _PyErr_StackItem
    gi_name: Optional[PyObject]
    gi_qualname: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, name: PyObject, qualname: PyObject) -> None:
        super().__init__(tp)
        self.gi_iframe = None
        self.gi_frame_state = FRAME_CLEARED
        self.gi_exc_state = _PyErr_StackItem()
        self.gi_name = name
        self.gi_qualname = qualname


class PyCoroObject(PyGenObject):
    """CPython: Include/internal/pycore_interpframe_structs.h:_PyCoroObject

    ``cr_origin_or_finalizer`` holds ``cr_origin`` (a tuple, or None when
    origin tracking is off)."""

    cr_origin_or_finalizer: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, name: PyObject, qualname: PyObject) -> None:
        super().__init__(tp, name, qualname)
        self.cr_origin_or_finalizer = None


class PyAsyncGenObject(PyGenObject):
    """CPython: Include/internal/pycore_interpframe_structs.h:_PyAsyncGenObject

    ``ag_origin_or_finalizer`` is the finalizer of ``sys.set_asyncgen_hooks``
    taken when the first ``asend``/``athrow``/``aclose``/``__anext__`` is
    made."""

    ag_origin_or_finalizer: Optional[PyObject]
    ag_hooks_inited: bool
    ag_closed: bool
    ag_running_async: bool

    def __init__(self, tp: PyTypeObject, name: PyObject, qualname: PyObject) -> None:
        super().__init__(tp, name, qualname)
        self.ag_origin_or_finalizer = None
        self.ag_hooks_inited = False
        self.ag_closed = False
        self.ag_running_async = False


class PyCoroWrapper(PyObject):
    """pyvm: C's ``PyCoroWrapper`` struct of Objects/genobject.c."""

    cw_coroutine: Optional[PyObject]

    def __init__(self, coro: PyObject) -> None:
        super().__init__(_PyCoroWrapper_Type)
        self.cw_coroutine = coro


class PyAsyncGenASend(PyObject):
    """pyvm: C's ``PyAsyncGenASend`` struct of Objects/genobject.c.

    ``ags_sendval`` is None in the ``__anext__()`` mode (``asend(None)``).
    """

    ags_gen: Optional[PyAsyncGenObject]
    ags_sendval: Optional[PyObject]
    ags_state: int

    def __init__(self, gen: PyAsyncGenObject, sendval: Optional[PyObject]) -> None:
        super().__init__(_PyAsyncGenASend_Type)
        self.ags_gen = gen
        self.ags_sendval = sendval
        self.ags_state = AWAITABLE_STATE_INIT


class PyAsyncGenAThrow(PyObject):
    """pyvm: C's ``PyAsyncGenAThrow`` struct of Objects/genobject.c.

    ``agt_args`` (the argument tuple of ``athrow``) is None in the
    ``aclose()`` mode (``athrow(GeneratorExit)``).
    """

    agt_gen: Optional[PyAsyncGenObject]
    agt_args: Optional[PyObject]
    agt_state: int

    def __init__(self, gen: PyAsyncGenObject, args: Optional[PyObject]) -> None:
        super().__init__(_PyAsyncGenAThrow_Type)
        self.agt_gen = gen
        self.agt_args = args
        self.agt_state = AWAITABLE_STATE_INIT


class _PyAsyncGenWrappedValue(PyObject):
    """pyvm: C's ``_PyAsyncGenWrappedValue`` struct of Objects/genobject.c.

    What an async generator's ``yield`` hands to its frame's caller, so that
    ``asend`` can tell a yielded value from an ``await``'s."""

    agw_val: Optional[PyObject]

    def __init__(self, val: PyObject) -> None:
        super().__init__(_PyAsyncGenWrappedValue_Type)
        self.agw_val = val


# ---------------------------------------------------------------------------
# Small helpers (type checks, errors)


def PyGen_CheckExact(op: PyObject) -> bool:
    """CPython: Include/cpython/genobject.h:PyGen_CheckExact"""
    return op.ob_type is PyGen_Type


def PyGen_Check(op: PyObject) -> bool:
    """CPython: Include/cpython/genobject.h:PyGen_Check"""
    return op.ob_type is PyGen_Type or PyType_IsSubtype(op.ob_type, PyGen_Type)


def PyCoro_CheckExact(op: PyObject) -> bool:
    """CPython: Include/cpython/genobject.h:PyCoro_CheckExact"""
    return op.ob_type is PyCoro_Type


def PyAsyncGen_CheckExact(op: PyObject) -> bool:
    """CPython: Include/cpython/genobject.h:PyAsyncGen_CheckExact"""
    return op.ob_type is PyAsyncGen_Type


def _PyAsyncGenWrappedValue_CheckExact(op: PyObject) -> bool:
    """CPython: Objects/genobject.c:_PyAsyncGenWrappedValue_CheckExact"""
    return op.ob_type is _PyAsyncGenWrappedValue_Type


def _PyGen_CAST(op: PyObject) -> PyGenObject:
    """CPython: Objects/genobject.c:_PyGen_CAST"""
    assert isinstance(op, PyGenObject)
    return op


def _PyAsyncGenObject_CAST(op: PyObject) -> PyAsyncGenObject:
    """CPython: Objects/genobject.c:_PyAsyncGenObject_CAST"""
    assert isinstance(op, PyAsyncGenObject)
    return op


def _PyErr_ClearExcState(exc_state: _PyErr_StackItem) -> None:
    """CPython: Include/internal/pycore_pyerrors.h:_PyErr_ClearExcState"""
    v = exc_state.exc_value
    if v is not None:
        exc_state.exc_value = None
        Py_DECREF(v)


def _PyErr_ChainStackItem(tstate: PyThreadState, exc: PyObject) -> None:
    """CPython: Python/errors.c:_PyErr_ChainStackItem

    ``exc`` is the exception about to be thrown into a generator whose
    exception state has just been linked in: if the generator was
    suspended while handling an exception, that one becomes the thrown
    exception's ``__context__`` (C re-raises it through ``_PyErr_SetObject``).
    """
    exc_info = tstate.exc_info
    if exc_info.exc_value is None or exc_info.exc_value is Py_None:
        return
    _PyErr_SetContext(tstate, exc)


def _gen_repr_str(op: PyObject) -> str:
    """pyvm: ``%R`` of a generator-like object for the unraisable messages."""
    r = op.ob_type.tp_repr
    if r is None:
        return f"<{op.ob_type.tp_name} object at {id(op):#x}>"
    s = r(op)
    try:
        return _unicode_value(s)
    finally:
        Py_DECREF(s)


# ---------------------------------------------------------------------------
# Generators


def _PyGen_GetCode(gen: PyGenObject) -> PyCodeObject:
    """CPython: Objects/genobject.c:_PyGen_GetCode

    A borrowed reference."""
    frame = gen.gi_iframe
    assert frame is not None
    return frame.f_executable


def PyGen_GetCode(gen: PyGenObject) -> PyCodeObject:
    """CPython: Objects/genobject.c:PyGen_GetCode"""
    res = _PyGen_GetCode(gen)
    Py_INCREF(res)
    return res


def gen_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/genobject.c:gen_traverse

    CPython: Python/frame.c:_PyFrame_Traverse (the frame's part)
    """
    gen = _PyGen_CAST(self)
    if gen.gi_name is not None:
        visit(gen.gi_name)
    if gen.gi_qualname is not None:
        visit(gen.gi_qualname)
    frame = gen.gi_iframe
    if frame is not None:
        if gen.gi_frame_state != FRAME_CLEARED:
            if frame.frame_obj is not None:
                visit(frame.frame_obj)
            if frame.f_locals is not None:
                visit(frame.f_locals)
            if frame.f_funcobj is not None:
                visit(frame.f_funcobj)
            visit(frame.f_executable)
            ls = frame.localsplus
            for i in range(frame.stackpointer):
                v = ls[i]
                if v is not None:
                    visit(v)
        else:
            visit(frame.f_executable)
    if gen.gi_exc_state.exc_value is not None:
        visit(gen.gi_exc_state.exc_value)


def _PyGen_Finalize(self: PyObject) -> None:
    """CPython: Objects/genobject.c:_PyGen_Finalize

    The ``tp_finalize`` of the three generator types: an async generator
    with a finalizer hook is handed to it; a coroutine that never started
    gets a RuntimeWarning ("coroutine ... was never awaited"); any
    other unfinished generator is closed. Errors are reported as
    unraisable.
    """
    gen = _PyGen_CAST(self)
    if FRAME_STATE_FINISHED(gen.gi_frame_state):
        # Generator isn't paused, so no need to close
        return
    if isinstance(gen, PyAsyncGenObject) and PyAsyncGen_CheckExact(gen):
        finalizer = gen.ag_origin_or_finalizer
        if finalizer is not None and not gen.ag_closed:
            try:
                res = PyObject_CallOneArg(finalizer, self)
                Py_DECREF(res)
            except PyErr as e:
                PyErr_FormatUnraisable(
                    e, f"Exception ignored while finalizing generator {_gen_repr_str(self)}")
            return
    if _PyGen_GetCode(gen).co_flags & CO_COROUTINE and gen.gi_frame_state == FRAME_CREATED:
        # If `gen` is a coroutine, and if it was never awaited on,
        # issue a RuntimeWarning.
        qualname = gen.gi_qualname
        _PyErr_WarnUnawaitedCoroutine(self, qualname if qualname is not None else Py_None)
    else:
        try:
            res = gen_close(self)
            Py_DECREF(res)
        except PyErr as e:
            PyErr_FormatUnraisable(
                e, f"Exception ignored while closing generator {_gen_repr_str(self)}")


def _gen_frame_clear_except_code(frame: _PyInterpreterFrame) -> None:
    """CPython: Python/frame.c:take_ownership

    pyvm: ``_PyFrame_ClearExceptCode`` for a generator's frame. When a frame
    object that somebody else holds takes the frame over, C's
    ``take_ownership`` gives the frame object a code reference of its own
    (``PyStackRef_DUP``): the generator keeps its own reference for
    ``gi_code``. pyvm's thread frames instead hand theirs over, so here the
    duplicate is taken explicitly. The loop's ``clear_gen_frame`` must clear
    a generator's frame through this function too.
    """
    fo = frame.frame_obj
    taken = fo is not None and fo.ob_refcnt > 1
    _PyFrame_ClearExceptCode(frame)
    if taken:
        assert frame.owner == FRAME_OWNED_BY_FRAME_OBJECT
        Py_INCREF(frame.f_executable)


def gen_clear_frame(gen: PyGenObject) -> None:
    """CPython: Objects/genobject.c:gen_clear_frame"""
    if gen.gi_frame_state == FRAME_CLEARED:
        return
    gen.gi_frame_state = FRAME_CLEARED
    frame = gen.gi_iframe
    assert frame is not None
    frame.previous = None
    _gen_frame_clear_except_code(frame)
    _PyErr_ClearExcState(gen.gi_exc_state)


def gen_dealloc(self: PyObject) -> None:
    """CPython: Objects/genobject.c:gen_dealloc

    Closes a suspended generator first (``_PyGen_Finalize``), then releases
    the frame (a never-started generator's too), the code and the names.
    """
    gen = _PyGen_CAST(self)
    if PyObject_CallFinalizerFromDealloc(self):
        return  # resurrected.  :(
    if isinstance(gen, PyAsyncGenObject):
        f = gen.ag_origin_or_finalizer
        gen.ag_origin_or_finalizer = None
        Py_XDECREF(f)
    if isinstance(gen, PyCoroObject):
        o = gen.cr_origin_or_finalizer
        gen.cr_origin_or_finalizer = None
        Py_XDECREF(o)
    gen_clear_frame(gen)
    assert gen.gi_exc_state.exc_value is None
    frame = gen.gi_iframe
    if frame is not None:
        gen.gi_iframe = None
        frame.f_generator = None
        Py_DECREF(frame.f_executable)
    name = gen.gi_name
    gen.gi_name = None
    Py_XDECREF(name)
    qualname = gen.gi_qualname
    gen.gi_qualname = None
    Py_XDECREF(qualname)


def gen_send_ex2(gen: PyGenObject, arg: Optional[PyObject], exc: Optional[PyErr],
                 closing: bool) -> tuple[int, Optional[PyObject]]:
    """CPython: Objects/genobject.c:gen_send_ex2

    Resumes ``gen`` with ``arg`` (None is C's ``NULL``: ``next()``), or, when
    ``exc`` is given, throws that exception in (C's ``exc`` flag with the
    exception pending; ``arg`` is then ``Py_None``). Returns
    ``(PYGEN_NEXT, yielded value)``, ``(PYGEN_RETURN, returned value)`` or
    ``(PYGEN_ERROR, None)`` for an exhausted generator without an error;
    errors (and ``exc`` when it cannot be thrown in) are raised.
    """
    tstate = _PyThreadState_GET()
    if gen.gi_frame_state == FRAME_CREATED and arg is not None and arg is not Py_None:
        msg = "can't send non-None value to a just-started generator"
        if PyCoro_CheckExact(gen):
            msg = NON_INIT_CORO_MSG
        elif PyAsyncGen_CheckExact(gen):
            msg = "can't send non-None value to a just-started async generator"
        if exc is not None:
            _PyErr_Clear(exc)
        PyErr_SetString(PyExc_TypeError, msg)
    if gen.gi_frame_state == FRAME_EXECUTING:
        msg = "generator already executing"
        if PyCoro_CheckExact(gen):
            msg = "coroutine already executing"
        elif PyAsyncGen_CheckExact(gen):
            msg = "async generator already executing"
        if exc is not None:
            _PyErr_Clear(exc)
        PyErr_SetString(PyExc_ValueError, msg)
    if FRAME_STATE_FINISHED(gen.gi_frame_state):
        if PyCoro_CheckExact(gen) and not closing:
            # `gen` is an exhausted coroutine: raise an error, except when
            # called from gen_close(), which should always be a silent method.
            if exc is not None:
                _PyErr_Clear(exc)
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine")
        elif arg is not None and exc is None:
            # `gen` is an exhausted generator: only return value if called
            # from send().
            return PYGEN_RETURN, Py_NewRef(Py_None)
        if exc is not None:
            raise exc
        return PYGEN_ERROR, None

    assert gen.gi_frame_state == FRAME_CREATED or FRAME_STATE_SUSPENDED(gen.gi_frame_state)
    frame = gen.gi_iframe
    assert frame is not None

    # Push arg onto the frame's value stack
    _PyFrame_StackPush(frame, Py_NewRef(arg if arg is not None else Py_None))

    prev_exc_info = tstate.exc_info
    # pyvm: through a local, so that mypyc does not narrow
    # ``gen.gi_exc_state.previous_item`` to non-None across the eval call
    # (the loop sets it back to None) and check that with a cast.
    exc_state = gen.gi_exc_state
    exc_state.previous_item = prev_exc_info
    tstate.exc_info = exc_state

    exc_value: Optional[PyObject] = None
    if exc is not None:
        # The carrier's reference to the instance goes to the frame.
        exc_value = exc.normalize()
        exc.exc_value = None
        _PyErr_ChainStackItem(tstate, exc_value)

    gen.gi_frame_state = FRAME_EXECUTING
    frame.previous = tstate.current_frame
    eval_frame = _interp.eval_frame
    assert eval_frame is not None, "pyvm: the eval loop has not installed its generator hook"
    # An exception leaving the frame propagates (C: result NULL, PYGEN_ERROR);
    # the loop has cleared the frame (FRAME_CLEARED) and restored exc_info.
    result = eval_frame(tstate, frame, 1 if exc is not None else 0, exc_value)
    assert tstate.exc_info is prev_exc_info
    assert gen.gi_exc_state.previous_item is None
    assert gen.gi_frame_state != FRAME_EXECUTING
    assert frame.previous is None

    # If the generator just returned (as opposed to yielding), signal that
    # the generator is exhausted.
    if FRAME_STATE_SUSPENDED(gen.gi_frame_state):
        return PYGEN_NEXT, result
    assert result is Py_None or not PyAsyncGen_CheckExact(gen)
    assert gen.gi_exc_state.exc_value is None
    assert gen.gi_frame_state == FRAME_CLEARED
    if result is Py_None and not PyAsyncGen_CheckExact(gen) and arg is None:
        # Return NULL if called by gen_iternext()
        Py_DECREF(result)
        return PYGEN_ERROR, None
    return PYGEN_RETURN, result


def PyGen_am_send(self: PyObject, arg: PyObject) -> tuple[int, Optional[PyObject]]:
    """CPython: Objects/genobject.c:PyGen_am_send"""
    return gen_send_ex2(_PyGen_CAST(self), arg, None, False)


def gen_send_ex(gen: PyGenObject, arg: Optional[PyObject], exc: Optional[PyErr],
                closing: bool) -> Optional[PyObject]:
    """CPython: Objects/genobject.c:gen_send_ex

    As :func:`gen_send_ex2`, with a return turned into StopIteration (or
    StopAsyncIteration for an async generator). None is C's ``NULL``
    without an exception (only when ``arg`` is None).
    """
    r, result = gen_send_ex2(gen, arg, exc, closing)
    if r == PYGEN_RETURN:
        assert result is not None
        if PyAsyncGen_CheckExact(gen):
            assert result is Py_None
            Py_DECREF(result)
            PyErr_SetNone(PyExc_StopAsyncIteration)
        elif result is Py_None:
            Py_DECREF(result)
            PyErr_SetNone(PyExc_StopIteration)
        else:
            try:
                _PyGen_SetStopIterationValue(result)
            finally:
                Py_DECREF(result)
    return result


send_doc: Final = ("send(value) -> send 'value' into generator,\n"
                   "return next yielded value or raise StopIteration.")


def gen_send(gen: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_send"""
    res = gen_send_ex(_PyGen_CAST(gen), arg, None, False)
    assert res is not None
    return res


close_doc: Final = "close() -> raise GeneratorExit inside generator."


def gen_close_iter(yf: PyObject) -> None:
    """CPython: Objects/genobject.c:gen_close_iter

    Closes the sub-iterator a ``yield from`` / ``await`` delegates to (for
    ``close()`` and ``throw(GeneratorExit)``). Raises what its ``close``
    raises.
    """
    if PyGen_CheckExact(yf) or PyCoro_CheckExact(yf):
        retval = gen_close(yf)
    else:
        meth: Optional[PyObject] = None
        try:
            meth = PyObject_GetOptionalAttr(yf, PyUnicode_InternFromString("close"))
        except PyErr as e:
            PyErr_FormatUnraisable(
                e, f"Exception ignored while closing generator {_gen_repr_str(yf)}")
        if meth is None:
            return
        try:
            retval = PyObject_CallNoArgs(meth)
        finally:
            Py_DECREF(meth)
    Py_DECREF(retval)


def is_resume(frame: _PyInterpreterFrame) -> bool:
    """CPython: Objects/genobject.c:is_resume

    Whether the instruction ``frame`` will resume at is a RESUME (where a
    suspended generator stands, just after its YIELD_VALUE).
    """
    code = frame.f_executable.co_code_adaptive[frame.instr_ptr] & 255
    return code == RESUME or code == RESUME_CHECK or code == INSTRUMENTED_RESUME


def _PyGen_yf(gen: PyGenObject) -> Optional[PyObject]:
    """CPython: Objects/genobject.c:_PyGen_yf

    The iterator a suspended ``yield from`` / ``await`` delegates to (the
    top of the frame's stack), as a new reference; else None.
    """
    if gen.gi_frame_state == FRAME_SUSPENDED_YIELD_FROM:
        frame = gen.gi_iframe
        assert frame is not None
        v = frame.localsplus[frame.stackpointer - 1]
        assert v is not None
        Py_INCREF(v)
        return v
    return None


def _gen_close_completed(gen: PyGenObject) -> None:
    """pyvm: ``gen_close``'s "nothing to unwind" exit: the generator is marked
    completed and its frame cleared (a function of its own, so mypyc sees no
    narrowed state of ``gi_frame_state`` here)."""
    gen.gi_frame_state = FRAME_COMPLETED
    gen_clear_frame(gen)


def gen_close(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_close

    Throws GeneratorExit into a suspended generator (after closing what it
    delegates to). Returns None, or the value the generator returned while
    closing; a generator that yields instead gets RuntimeError.
    """
    gen = _PyGen_CAST(self)
    if gen.gi_frame_state == FRAME_CREATED:
        _gen_close_completed(gen)
        return Py_None
    if FRAME_STATE_FINISHED(gen.gi_frame_state):
        return Py_None
    yf = _PyGen_yf(gen)
    err: Optional[PyErr] = None
    if yf is not None:
        state = gen.gi_frame_state
        gen.gi_frame_state = FRAME_EXECUTING
        try:
            gen_close_iter(yf)
        except PyErr as e:
            err = e
        gen.gi_frame_state = state
        Py_DECREF(yf)
    frame = gen.gi_iframe
    assert frame is not None
    if is_resume(frame):
        # We can safely ignore the outermost try block as it is
        # automatically generated to handle StopIteration.
        resume_oparg: int = frame.f_executable.co_code_adaptive[frame.instr_ptr] >> 8
        # C also asks _PyEval_NoToolsForUnwind (no sys.monitoring in pyvm yet).
        if resume_oparg & RESUME_OPARG_DEPTH1_MASK:
            # RESUME after YIELD_VALUE and exception depth is 1 (never after
            # a yield from, so no error from gen_close_iter is pending)
            assert err is None
            _gen_close_completed(gen)
            return Py_None
    if err is None:
        err = PyErr(PyExc_GeneratorExit)
    try:
        retval = gen_send_ex(gen, Py_None, err, True)
    except PyErr as e:
        if e.matches(PyExc_GeneratorExit):
            _PyErr_Clear(e)  # ignore this error
            return Py_None
        # if the generator returned a value while closing, StopIteration was
        # raised in gen_send_ex() above; retrieve and return the value here
        return _PyGen_FetchStopIterationValue(e)
    assert retval is not None
    msg = "generator ignored GeneratorExit"
    if PyCoro_CheckExact(gen):
        msg = "coroutine ignored GeneratorExit"
    elif PyAsyncGen_CheckExact(gen):
        msg = ASYNC_GEN_IGNORED_EXIT_MSG
    Py_DECREF(retval)
    PyErr_SetString(PyExc_RuntimeError, msg)


throw_doc: Final = ("throw(value)\n"
                    "throw(type[,value[,tb]])\n"
                    "\n"
                    "Raise exception in generator, return next yielded value or raise\n"
                    "StopIteration.\n"
                    "the (type, val, tb) signature is deprecated, \n"
                    "and may be removed in a future version of Python.")


def PyErr_NormalizeException(typ: PyTypeObject, val: Optional[PyObject]) -> PyObject:
    """CPython: Python/errors.c:_PyErr_NormalizeException

    The instance to raise for ``throw(typ, val)`` with ``typ`` an exception
    class: ``val`` itself when it is an instance of ``typ`` (or of a
    subclass), else ``typ(val)`` (``typ(*val)`` for a tuple, ``typ()`` for
    None). A new reference.
    """
    value = val if val is not None else Py_None
    if PyExceptionInstance_Check(value) and PyType_IsSubtype(value.ob_type, typ):
        Py_INCREF(value)
        return value
    return _PyErr_CreateException(typ, None, None if value is Py_None else value)


def PyTraceBack_Check(tb: PyObject) -> bool:
    """CPython: Include/traceback.h:PyTraceBack_Check"""
    return tb.ob_type is PyTraceBack_Type


def _gen_throw(gen: PyGenObject, close_on_genexit: bool, typ: PyObject,
               val: Optional[PyObject], tb: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:_gen_throw

    Throws ``typ``/``val``/``tb`` into ``gen``; when ``gen`` is delegating
    (``yield from`` / ``await``), into the sub-iterator first: a generator or
    coroutine directly, another iterator through its ``throw`` method. What
    the sub-iterator raises is then thrown into ``gen``.
    ``close_on_genexit`` False is for async generators, which must be allowed
    to ``await`` while handling GeneratorExit.
    """
    yf = _PyGen_yf(gen)
    if yf is not None:
        frame = gen.gi_iframe
        assert frame is not None
        if PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit) and close_on_genexit:
            # Asynchronous generators *should not* be closed right away. We
            # have to allow some awaits to work it through, hence the
            # `close_on_genexit` parameter here.
            state = gen.gi_frame_state
            gen.gi_frame_state = FRAME_EXECUTING
            close_err: Optional[PyErr] = None
            try:
                gen_close_iter(yf)
            except PyErr as e:
                close_err = e
            gen.gi_frame_state = state
            Py_DECREF(yf)
            if close_err is not None:
                res = gen_send_ex(gen, Py_None, close_err, False)
                assert res is not None
                return res
            return _gen_throw_here(gen, typ, val, tb)
        tstate = _PyThreadState_GET()
        err: Optional[PyErr] = None
        ret: Optional[PyObject] = None
        if PyGen_CheckExact(yf) or PyCoro_CheckExact(yf):
            # `yf` is a generator or a coroutine.
            # Link frame into the stack to enable complete backtraces.
            prev = tstate.current_frame
            frame.previous = prev
            tstate.current_frame = frame
            # Close the generator that we are currently iterating with
            # 'yield from' or awaiting on with 'await'.
            state = gen.gi_frame_state
            gen.gi_frame_state = FRAME_EXECUTING
            try:
                ret = _gen_throw(_PyGen_CAST(yf), close_on_genexit, typ, val, tb)
            except PyErr as e:
                err = e
            gen.gi_frame_state = state
            tstate.current_frame = prev
            frame.previous = None
        else:
            # `yf` is an iterator or a coroutine-like object.
            try:
                meth = PyObject_GetOptionalAttr(yf, PyUnicode_InternFromString("throw"))
            except PyErr:
                Py_DECREF(yf)
                raise
            if meth is None:
                Py_DECREF(yf)
                return _gen_throw_here(gen, typ, val, tb)
            prev = tstate.current_frame
            frame.previous = prev
            tstate.current_frame = frame
            state = gen.gi_frame_state
            gen.gi_frame_state = FRAME_EXECUTING
            # C's PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL): the
            # argument list ends at the first NULL.
            args = [typ]
            if val is not None:
                args.append(val)
                if tb is not None:
                    args.append(tb)
            try:
                ret = PyObject_Vectorcall(meth, args, 0, len(args), None)
            except PyErr as e:
                err = e
            gen.gi_frame_state = state
            tstate.current_frame = prev
            frame.previous = None
            Py_DECREF(meth)
        Py_DECREF(yf)
        if ret is None:
            assert err is not None
            res = gen_send_ex(gen, Py_None, err, False)
            assert res is not None
            return res
        return ret
    return _gen_throw_here(gen, typ, val, tb)


def _gen_throw_here(gen: PyGenObject, typ: PyObject, val: Optional[PyObject],
                    tb: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:_gen_throw

    The ``throw_here:`` part: check and normalize the arguments, then throw
    the exception into ``gen`` itself.
    """
    # First, check the traceback argument, replacing None with NULL.
    if tb is Py_None:
        tb = None
    elif tb is not None and not PyTraceBack_Check(tb):
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object")
    if isinstance(typ, PyTypeObject) and PyExceptionClass_Check(typ):
        try:
            value = PyErr_NormalizeException(typ, val)
        except PyErr as e:
            # C's normalization, failing, normalizes the new error instead
            # (with its own traceback), and that is what gets thrown in.
            res = gen_send_ex(gen, Py_None, e, False)
            assert res is not None
            return res
    elif PyExceptionInstance_Check(typ):
        # Raising an instance.  The value should be a dummy.
        if val is not None and val is not Py_None:
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value")
        value = Py_NewRef(typ)
    else:
        # Not something you can raise.  throw() fails.
        PyErr_Format(PyExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, "
                     f"not {typ.ob_type.tp_name}")
    if tb is not None:
        # PyErr_Restore with a traceback sets it on the instance.
        PyException_SetTraceback(value, tb)
    res = gen_send_ex(gen, Py_None, PyErr(value.ob_type, value), False)
    assert res is not None
    return res


def gen_throw(op: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:gen_throw

    ``throw(value)`` or the deprecated ``throw(type[, value[, tb]])``
    (a DeprecationWarning).
    """
    gen = _PyGen_CAST(op)
    nargs = len(args)
    _PyArg_CheckPositional("throw", nargs, 1, 3)
    if nargs > 1:
        PyErr_WarnEx(PyExc_DeprecationWarning,
                     "the (type, exc, tb) signature of throw() is deprecated, "
                     "use the single-arg signature instead.", 1)
    typ = args[0]
    val: Optional[PyObject] = None
    tb: Optional[PyObject] = None
    if nargs == 3:
        val = args[1]
        tb = args[2]
    elif nargs == 2:
        val = args[1]
    return _gen_throw(gen, True, typ, val, tb)


def gen_iternext(self: PyObject) -> Optional[PyObject]:
    """CPython: Objects/genobject.c:gen_iternext

    ``next(gen)``: None when the generator returns None (exhaustion),
    StopIteration carrying any other return value.
    """
    assert PyGen_CheckExact(self) or PyCoro_CheckExact(self)
    gen = _PyGen_CAST(self)
    r, result = gen_send_ex2(gen, None, None, False)
    if r == PYGEN_RETURN:
        assert result is not None
        if result is not Py_None:
            try:
                _PyGen_SetStopIterationValue(result)
            finally:
                Py_DECREF(result)
        Py_DECREF(result)
        return None
    return result


def _PyGen_SetStopIterationValue(value: Optional[PyObject]) -> NoReturn:
    """CPython: Objects/genobject.c:_PyGen_SetStopIterationValue

    Raises ``StopIteration(value)`` (``StopIteration()`` for None). The
    instance is made here rather than by ``PyErr_SetObject``, which would
    unpack a tuple ``value`` into the arguments.
    """
    if value is None:
        exc = PyObject_CallNoArgs(PyExc_StopIteration)
    else:
        exc = PyObject_CallOneArg(PyExc_StopIteration, value)
    _PyErr_Raise(exc)


def _PyGen_FetchStopIterationValue(err: Optional[PyErr]) -> PyObject:
    """CPython: Objects/genobject.c:_PyGen_FetchStopIterationValue

    ``err`` is the pending exception (None: no exception). Returns the
    ``value`` of a StopIteration (consuming ``err``), or None for no
    exception, as a new reference; any other exception is re-raised.
    """
    value: Optional[PyObject] = None
    if err is not None:
        if not err.matches(PyExc_StopIteration):
            raise err
        exc = err.normalize()
        err.exc_value = None
        assert isinstance(exc, PyStopIterationObject)
        value = exc.value
        if value is not None:
            Py_INCREF(value)
        Py_DECREF(exc)
    if value is None:
        value = Py_None
    return value


def gen_repr(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_repr"""
    gen = _PyGen_CAST(self)
    assert gen.gi_qualname is not None
    return PyUnicode_FromString(
        f"<generator object {_unicode_value(gen.gi_qualname)} at {id(self):#x}>")


def gen_get_name(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_get_name"""
    op = _PyGen_CAST(self)
    assert op.gi_name is not None
    return Py_NewRef(op.gi_name)


def gen_set_name(self: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/genobject.c:gen_set_name"""
    op = _PyGen_CAST(self)
    # Not legal to del gen.gi_name or to set it to anything other than a
    # string object.
    if value is None or not PyUnicode_Check(value):
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object")
    old = op.gi_name
    op.gi_name = Py_NewRef(value)
    Py_XDECREF(old)


def gen_get_qualname(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_get_qualname"""
    op = _PyGen_CAST(self)
    assert op.gi_qualname is not None
    return Py_NewRef(op.gi_qualname)


def gen_set_qualname(self: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/genobject.c:gen_set_qualname"""
    op = _PyGen_CAST(self)
    # Not legal to del gen.__qualname__ or to set it to anything other than
    # a string object.
    if value is None or not PyUnicode_Check(value):
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object")
    old = op.gi_qualname
    op.gi_qualname = Py_NewRef(value)
    Py_XDECREF(old)


def gen_getyieldfrom(gen: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_getyieldfrom"""
    yf = _PyGen_yf(_PyGen_CAST(gen))
    if yf is None:
        return Py_None
    return yf


def gen_getrunning(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_getrunning"""
    gen = _PyGen_CAST(self)
    if gen.gi_frame_state == FRAME_EXECUTING:
        return Py_True
    return Py_False


def gen_getsuspended(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_getsuspended"""
    gen = _PyGen_CAST(self)
    return PyBool_FromLong(1 if FRAME_STATE_SUSPENDED(gen.gi_frame_state) else 0)


def _gen_getframe(gen: PyGenObject, name: str) -> PyObject:
    """CPython: Objects/genobject.c:_gen_getframe

    The frame object of an unfinished generator, else None. pyvm: the
    ``object.__getattr__`` audit event is not raised (no sys.audit yet).
    """
    if FRAME_STATE_FINISHED(gen.gi_frame_state):
        return Py_None
    frame = gen.gi_iframe
    assert frame is not None
    return Py_NewRef(_PyFrame_GetFrameObject(frame))


def gen_getframe(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_getframe"""
    return _gen_getframe(_PyGen_CAST(self), "gi_frame")


def _gen_getcode(gen: PyGenObject, name: str) -> PyObject:
    """CPython: Objects/genobject.c:_gen_getcode

    pyvm: the ``object.__getattr__`` audit event is not raised."""
    return Py_NewRef(_PyGen_GetCode(gen))


def gen_getcode(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_getcode"""
    return _gen_getcode(_PyGen_CAST(self), "gi_code")


def gen_sizeof(op: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:gen_sizeof

    pyvm: the sizes of C's structures on a 64-bit build: the generator up to
    its frame (72 bytes), the frame up to ``localsplus`` (80 bytes), then one
    pointer per local and stack slot.
    """
    gen = _PyGen_CAST(op)
    code = _PyGen_GetCode(gen)
    return PyLong_FromLong(72 + 80 + (code.co_nlocalsplus + code.co_stacksize) * 8)


sizeof__doc__: Final = "gen.__sizeof__() -> size of gen in memory, in bytes"


def make_gen(tp: PyTypeObject, func: PyFunctionObject) -> PyGenObject:
    """CPython: Objects/genobject.c:make_gen

    The object without a frame (``FRAME_CLEARED`` until RETURN_GENERATOR
    attaches one), named after the function.
    """
    name = func.func_name
    qualname = func.func_qualname
    Py_INCREF(name)
    Py_INCREF(qualname)
    if tp is PyCoro_Type:
        return PyCoroObject(tp, name, qualname)
    if tp is PyAsyncGen_Type:
        return PyAsyncGenObject(tp, name, qualname)
    return PyGenObject(tp, name, qualname)


def _Py_MakeCoro(func: PyFunctionObject) -> PyObject:
    """CPython: Objects/genobject.c:_Py_MakeCoro

    The generator, coroutine or async generator for a call of ``func``
    (chosen by its code flags; a generator made a coroutine by
    ``types.coroutine`` has CO_ITERABLE_COROUTINE and stays a generator).
    The caller (RETURN_GENERATOR) attaches the frame.
    """
    coro_flags = func.func_code.co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)
    assert coro_flags
    if coro_flags == CO_GENERATOR:
        return make_gen(PyGen_Type, func)
    if coro_flags == CO_ASYNC_GENERATOR:
        return make_gen(PyAsyncGen_Type, func)
    assert coro_flags == CO_COROUTINE
    coro = make_gen(PyCoro_Type, func)
    assert isinstance(coro, PyCoroObject)
    origin_depth = _tstate.coroutine_origin_tracking_depth
    if origin_depth != 0:
        tstate = _PyThreadState_GET()
        frame = tstate.current_frame
        assert frame is not None
        frame = _PyFrame_GetFirstComplete(frame.previous)
        try:
            coro.cr_origin_or_finalizer = compute_cr_origin(origin_depth, frame)
        except PyErr:
            Py_DECREF(coro)
            raise
    return coro


# ---------------------------------------------------------------------------
# Coroutines


def gen_is_coroutine(o: PyObject) -> bool:
    """CPython: Objects/genobject.c:gen_is_coroutine

    A generator whose code is flagged CO_ITERABLE_COROUTINE
    (``@types.coroutine``)."""
    if PyGen_CheckExact(o):
        code = _PyGen_GetCode(_PyGen_CAST(o))
        if code.co_flags & CO_ITERABLE_COROUTINE:
            return True
    return False


def _PyCoro_GetAwaitableIter(o: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:_PyCoro_GetAwaitableIter

    The iterator ``await o`` drives: ``o`` itself for a coroutine, else what
    ``type(o).__await__`` returns, which must be an iterator and not a
    coroutine (PEP 492). A new reference.
    """
    if PyCoro_CheckExact(o) or gen_is_coroutine(o):
        # 'o' is a coroutine.
        return Py_NewRef(o)
    ot = o.ob_type
    getter = ot.am_await
    if getter is not None:
        res = getter(o)
        if PyCoro_CheckExact(res) or gen_is_coroutine(res):
            # __await__ must return an *iterator*, not a coroutine or
            # another awaitable (see PEP 492)
            Py_DECREF(res)
            PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine")
        elif not PyIter_Check(res):
            tname = res.ob_type.tp_name[:100]
            Py_DECREF(res)
            PyErr_Format(PyExc_TypeError, f"__await__() returned non-iterator of type '{tname}'")
        return res
    PyErr_Format(PyExc_TypeError, f"'{ot.tp_name[:100]}' object can't be awaited")


def coro_repr(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:coro_repr"""
    coro = _PyGen_CAST(self)
    assert coro.gi_qualname is not None
    return PyUnicode_FromString(
        f"<coroutine object {_unicode_value(coro.gi_qualname)} at {id(self):#x}>")


def coro_await(coro: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:coro_await"""
    Py_INCREF(coro)
    return PyCoroWrapper(coro)


def coro_get_cr_await(coro: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:coro_get_cr_await"""
    yf = _PyGen_yf(_PyGen_CAST(coro))
    if yf is None:
        return Py_None
    return yf


def cr_getsuspended(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:cr_getsuspended"""
    coro = _PyGen_CAST(self)
    if FRAME_STATE_SUSPENDED(coro.gi_frame_state):
        return Py_True
    return Py_False


def cr_getrunning(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:cr_getrunning"""
    coro = _PyGen_CAST(self)
    if coro.gi_frame_state == FRAME_EXECUTING:
        return Py_True
    return Py_False


def cr_getframe(coro: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:cr_getframe"""
    return _gen_getframe(_PyGen_CAST(coro), "cr_frame")


def cr_getcode(coro: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:cr_getcode"""
    return _gen_getcode(_PyGen_CAST(coro), "cr_code")


def _cr_origin_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``cr_origin`` member (C's PyMemberDef offset)."""
    assert isinstance(op, PyCoroObject)
    o = op.cr_origin_or_finalizer
    return Py_NewRef(o if o is not None else Py_None)


coro_send_doc: Final = ("send(arg) -> send 'arg' into coroutine,\n"
                        "return next iterated value or raise StopIteration.")
coro_throw_doc: Final = ("throw(value)\n"
                         "throw(type[,value[,traceback]])\n"
                         "\n"
                         "Raise exception in coroutine, return next iterated value or raise\n"
                         "StopIteration.\n"
                         "the (type, val, tb) signature is deprecated, \n"
                         "and may be removed in a future version of Python.")
coro_close_doc: Final = "close() -> raise GeneratorExit inside coroutine."


def _PyCoroWrapper_CAST(op: PyObject) -> PyCoroWrapper:
    """CPython: Objects/genobject.c:_PyCoroWrapper_CAST"""
    assert isinstance(op, PyCoroWrapper)
    return op


def _cw_coro(self: PyObject) -> PyObject:
    """pyvm: ``cw->cw_coroutine`` (set for the wrapper's whole life)."""
    c = _PyCoroWrapper_CAST(self).cw_coroutine
    assert c is not None
    return c


def coro_wrapper_dealloc(self: PyObject) -> None:
    """CPython: Objects/genobject.c:coro_wrapper_dealloc"""
    cw = _PyCoroWrapper_CAST(self)
    c = cw.cw_coroutine
    cw.cw_coroutine = None
    Py_XDECREF(c)


def coro_wrapper_iternext(self: PyObject) -> Optional[PyObject]:
    """CPython: Objects/genobject.c:coro_wrapper_iternext"""
    return gen_iternext(_cw_coro(self))


def coro_wrapper_send(self: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:coro_wrapper_send"""
    return gen_send(_cw_coro(self), arg)


def coro_wrapper_throw(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:coro_wrapper_throw"""
    return gen_throw(_cw_coro(self), args)


def coro_wrapper_close(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:coro_wrapper_close"""
    return gen_close(_cw_coro(self))


def coro_wrapper_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/genobject.c:coro_wrapper_traverse"""
    c = _PyCoroWrapper_CAST(self).cw_coroutine
    if c is not None:
        visit(c)


def compute_cr_origin(origin_depth: int, current_frame: Optional[_PyInterpreterFrame]) -> PyObject:
    """CPython: Objects/genobject.c:compute_cr_origin

    ``cr_origin``: ``(filename, lineno, function name)`` for up to
    ``origin_depth`` frames, innermost first.
    """
    # First count how many frames we have
    frame = current_frame
    frame_count = 0
    while frame is not None and frame_count < origin_depth:
        frame = _PyFrame_GetFirstComplete(frame.previous)
        frame_count += 1
    # Now collect them
    infos: list[PyObject] = []
    frame = current_frame
    try:
        for _ in range(frame_count):
            assert frame is not None
            code = frame.f_executable
            line = PyCode_Addr2Line(code, frame.instr_ptr * 2)
            ln = PyLong_FromLong(line)
            try:
                infos.append(_PyTuple_FromArray([code.co_filename, ln, code.co_name]))
            finally:
                Py_DECREF(ln)
            frame = _PyFrame_GetFirstComplete(frame.previous)
        return _PyTuple_FromArray(infos)
    finally:
        for info in infos:
            Py_DECREF(info)


# ---------------------------------------------------------------------------
# Asynchronous generators


def async_gen_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/genobject.c:async_gen_traverse"""
    ag = _PyAsyncGenObject_CAST(self)
    if ag.ag_origin_or_finalizer is not None:
        visit(ag.ag_origin_or_finalizer)
    gen_traverse(self, visit)


def async_gen_repr(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_repr"""
    o = _PyAsyncGenObject_CAST(self)
    assert o.gi_qualname is not None
    return PyUnicode_FromString(
        f"<async_generator object {_unicode_value(o.gi_qualname)} at {id(self):#x}>")


def async_gen_init_hooks(o: PyAsyncGenObject) -> None:
    """CPython: Objects/genobject.c:async_gen_init_hooks

    On first use, takes the ``sys.set_asyncgen_hooks`` finalizer and calls
    the ``firstiter`` hook with the generator.
    """
    if o.ag_hooks_inited:
        return
    o.ag_hooks_inited = True
    finalizer = _tstate.async_gen_finalizer
    if finalizer is not None:
        o.ag_origin_or_finalizer = Py_NewRef(finalizer)
    firstiter = _tstate.async_gen_firstiter
    if firstiter is not None:
        Py_INCREF(firstiter)
        try:
            res = PyObject_CallOneArg(firstiter, o)
        finally:
            Py_DECREF(firstiter)
        Py_DECREF(res)


def async_gen_anext(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_anext"""
    ag = _PyAsyncGenObject_CAST(self)
    async_gen_init_hooks(ag)
    return async_gen_asend_new(ag, None)


def async_gen_asend(op: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_asend"""
    o = _PyAsyncGenObject_CAST(op)
    async_gen_init_hooks(o)
    return async_gen_asend_new(o, arg)


def async_gen_aclose(op: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_aclose"""
    o = _PyAsyncGenObject_CAST(op)
    async_gen_init_hooks(o)
    return async_gen_athrow_new(o, None)


def async_gen_athrow(op: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_athrow

    The three-argument form is deprecated (a DeprecationWarning).
    """
    o = _PyAsyncGenObject_CAST(op)
    if isinstance(args, PyTupleObject) and len(args.ob_item) > 1:
        PyErr_WarnEx(PyExc_DeprecationWarning,
                     "the (type, exc, tb) signature of athrow() is deprecated, "
                     "use the single-arg signature instead.", 1)
    async_gen_init_hooks(o)
    return async_gen_athrow_new(o, args)


def ag_getframe(ag: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:ag_getframe"""
    return _gen_getframe(_PyGen_CAST(ag), "ag_frame")


def ag_getcode(gen: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:ag_getcode"""
    return _gen_getcode(_PyGen_CAST(gen), "ag_code")


def ag_getsuspended(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:ag_getsuspended"""
    ag = _PyAsyncGenObject_CAST(self)
    if FRAME_STATE_SUSPENDED(ag.gi_frame_state):
        return Py_True
    return Py_False


def _ag_running_get(op: PyObject) -> PyObject:
    """pyvm: the getter of the ``ag_running`` member (``ag_running_async``,
    C's Py_T_BOOL at an offset)."""
    ag = _PyAsyncGenObject_CAST(op)
    return Py_True if ag.ag_running_async else Py_False


async_aclose_doc: Final = "aclose() -> raise GeneratorExit inside generator."
async_asend_doc: Final = "asend(v) -> send 'v' in generator."
async_athrow_doc: Final = ("athrow(value)\n"
                           "athrow(type[,value[,tb]])\n"
                           "\n"
                           "raise exception in generator.\n"
                           "the (type, val, tb) signature is deprecated, \n"
                           "and may be removed in a future version of Python.")


def async_gen_unwrap_value(gen: PyAsyncGenObject, result: Optional[PyObject],
                           err: Optional[PyErr]) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_unwrap_value

    What the async generator's frame gave back, seen by an ``asend`` /
    ``athrow`` awaitable: ``result`` (or ``err``, or neither: C's ``NULL``
    without an exception, which means StopAsyncIteration). A value the
    generator yielded (wrapped by ``_PyAsyncGenValueWrapperNew``) becomes
    ``StopIteration(value)``, which ends the awaitable; anything else (a
    value an ``await`` inside passes up) is returned as is.
    """
    if result is None:
        if err is None:
            err = PyErr(PyExc_StopAsyncIteration)
        if err.matches(PyExc_StopAsyncIteration) or err.matches(PyExc_GeneratorExit):
            gen.ag_closed = True
        gen.ag_running_async = False
        raise err
    if isinstance(result, _PyAsyncGenWrappedValue) and _PyAsyncGenWrappedValue_CheckExact(result):
        # async yield
        v = result.agw_val
        assert v is not None
        Py_INCREF(v)
        Py_DECREF(result)
        gen.ag_running_async = False
        try:
            _PyGen_SetStopIterationValue(v)
        finally:
            Py_DECREF(v)
    return result


# ---------- Async Generator ASend Awaitable ------------


def _PyAsyncGenASend_CAST(op: PyObject) -> PyAsyncGenASend:
    """CPython: Objects/genobject.c:_PyAsyncGenASend_CAST"""
    assert isinstance(op, PyAsyncGenASend)
    return op


def _ags_gen(o: PyAsyncGenASend) -> PyAsyncGenObject:
    """pyvm: ``o->ags_gen`` (set for the awaitable's whole life)."""
    g = o.ags_gen
    assert g is not None
    return g


def async_gen_asend_dealloc(self: PyObject) -> None:
    """CPython: Objects/genobject.c:async_gen_asend_dealloc"""
    ags = _PyAsyncGenASend_CAST(self)
    if PyObject_CallFinalizerFromDealloc(self):
        return
    g = ags.ags_gen
    ags.ags_gen = None
    Py_XDECREF(g)
    v = ags.ags_sendval
    ags.ags_sendval = None
    Py_XDECREF(v)


def async_gen_asend_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/genobject.c:async_gen_asend_traverse"""
    ags = _PyAsyncGenASend_CAST(self)
    if ags.ags_gen is not None:
        visit(ags.ags_gen)
    if ags.ags_sendval is not None:
        visit(ags.ags_sendval)


def async_gen_asend_send(self: PyObject, arg: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_asend_send

    ``arg`` None is C's ``NULL`` (``__next__``).
    """
    o = _PyAsyncGenASend_CAST(self)
    if o.ags_state == AWAITABLE_STATE_CLOSED:
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()")
    gen = _ags_gen(o)
    if o.ags_state == AWAITABLE_STATE_INIT:
        if gen.ag_running_async:
            o.ags_state = AWAITABLE_STATE_CLOSED
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running")
        if arg is None or arg is Py_None:
            arg = o.ags_sendval
        o.ags_state = AWAITABLE_STATE_ITER
    gen.ag_running_async = True
    err: Optional[PyErr] = None
    result: Optional[PyObject] = None
    try:
        result = gen_send_ex(gen, arg, None, False)
    except PyErr as e:
        err = e
    try:
        return async_gen_unwrap_value(gen, result, err)
    except PyErr:
        o.ags_state = AWAITABLE_STATE_CLOSED
        raise


def _async_gen_asend_send_meth(self: PyObject, arg: PyObject) -> PyObject:
    """pyvm: ``asend(...).send(arg)`` (METH_O) of
    CPython: Objects/genobject.c:async_gen_asend_send"""
    return async_gen_asend_send(self, arg)


def async_gen_asend_iternext(ags: PyObject) -> Optional[PyObject]:
    """CPython: Objects/genobject.c:async_gen_asend_iternext"""
    return async_gen_asend_send(ags, None)


def async_gen_asend_throw(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_asend_throw"""
    o = _PyAsyncGenASend_CAST(self)
    if o.ags_state == AWAITABLE_STATE_CLOSED:
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()")
    gen = _ags_gen(o)
    if o.ags_state == AWAITABLE_STATE_INIT:
        if gen.ag_running_async:
            o.ags_state = AWAITABLE_STATE_CLOSED
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running")
        o.ags_state = AWAITABLE_STATE_ITER
        gen.ag_running_async = True
    err: Optional[PyErr] = None
    result: Optional[PyObject] = None
    try:
        result = gen_throw(gen, args)
    except PyErr as e:
        err = e
    try:
        return async_gen_unwrap_value(gen, result, err)
    except PyErr:
        gen.ag_running_async = False
        o.ags_state = AWAITABLE_STATE_CLOSED
        raise


def _awaitable_close_clears(e: PyErr) -> bool:
    """pyvm: the errors the awaitables' ``close()`` swallows (StopIteration,
    StopAsyncIteration, GeneratorExit)."""
    return (e.matches(PyExc_StopIteration) or e.matches(PyExc_StopAsyncIteration)
            or e.matches(PyExc_GeneratorExit))


def async_gen_asend_close(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_asend_close"""
    o = _PyAsyncGenASend_CAST(self)
    if o.ags_state == AWAITABLE_STATE_CLOSED:
        return Py_None
    try:
        result = async_gen_asend_throw(self, [PyExc_GeneratorExit])
    except PyErr as e:
        if _awaitable_close_clears(e):
            _PyErr_Clear(e)
            return Py_None
        raise
    Py_DECREF(result)
    PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit")


def async_gen_asend_finalize(self: PyObject) -> None:
    """CPython: Objects/genobject.c:async_gen_asend_finalize

    Warns (RuntimeWarning) about an ``asend()`` that was never awaited.
    """
    ags = _PyAsyncGenASend_CAST(self)
    if ags.ags_state == AWAITABLE_STATE_INIT:
        g = _ags_gen(ags)
        q = g.gi_qualname
        _PyErr_WarnUnawaitedAgenMethod(g, q if q is not None else Py_None, "asend")


def async_gen_asend_new(gen: PyAsyncGenObject, sendval: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_asend_new"""
    Py_INCREF(gen)
    if sendval is not None:
        Py_INCREF(sendval)
    return PyAsyncGenASend(gen, sendval)


# ---------- Async Generator Value Wrapper ------------


def _PyAsyncGenWrappedValue_CAST(op: PyObject) -> _PyAsyncGenWrappedValue:
    """CPython: Objects/genobject.c:_PyAsyncGenWrappedValue_CAST"""
    assert isinstance(op, _PyAsyncGenWrappedValue)
    return op


def async_gen_wrapped_val_dealloc(self: PyObject) -> None:
    """CPython: Objects/genobject.c:async_gen_wrapped_val_dealloc"""
    agw = _PyAsyncGenWrappedValue_CAST(self)
    v = agw.agw_val
    agw.agw_val = None
    Py_XDECREF(v)


def async_gen_wrapped_val_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/genobject.c:async_gen_wrapped_val_traverse"""
    agw = _PyAsyncGenWrappedValue_CAST(self)
    if agw.agw_val is not None:
        visit(agw.agw_val)


def _PyAsyncGenValueWrapperNew(tstate: PyThreadState, val: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:_PyAsyncGenValueWrapperNew

    Wraps what an async generator yields (INTRINSIC_ASYNC_GEN_WRAP). ``val``
    is borrowed.
    """
    Py_INCREF(val)
    return _PyAsyncGenWrappedValue(val)


# ---------- Async Generator AThrow awaitable ------------


def _PyAsyncGenAThrow_CAST(op: PyObject) -> PyAsyncGenAThrow:
    """CPython: Objects/genobject.c:_PyAsyncGenAThrow_CAST"""
    assert isinstance(op, PyAsyncGenAThrow)
    return op


def _agt_gen(o: PyAsyncGenAThrow) -> PyAsyncGenObject:
    """pyvm: ``o->agt_gen`` (set for the awaitable's whole life)."""
    g = o.agt_gen
    assert g is not None
    return g


def async_gen_athrow_dealloc(self: PyObject) -> None:
    """CPython: Objects/genobject.c:async_gen_athrow_dealloc"""
    agt = _PyAsyncGenAThrow_CAST(self)
    if PyObject_CallFinalizerFromDealloc(self):
        return
    g = agt.agt_gen
    agt.agt_gen = None
    Py_XDECREF(g)
    a = agt.agt_args
    agt.agt_args = None
    Py_XDECREF(a)


def async_gen_athrow_traverse(self: PyObject, visit: visitproc) -> None:
    """CPython: Objects/genobject.c:async_gen_athrow_traverse"""
    agt = _PyAsyncGenAThrow_CAST(self)
    if agt.agt_gen is not None:
        visit(agt.agt_gen)
    if agt.agt_args is not None:
        visit(agt.agt_args)


def _athrow_running_error(o: PyAsyncGenAThrow) -> NoReturn:
    """pyvm: the "already running" error of ``async_gen_athrow_send`` /
    ``async_gen_athrow_throw``, worded for ``aclose()`` or ``athrow()``."""
    o.agt_state = AWAITABLE_STATE_CLOSED
    if o.agt_args is None:
        PyErr_SetString(PyExc_RuntimeError,
                        "aclose(): asynchronous generator is already running")
    PyErr_SetString(PyExc_RuntimeError, "athrow(): asynchronous generator is already running")


def _athrow_yield_close(o: PyAsyncGenAThrow) -> NoReturn:
    """pyvm: the ``yield_close:`` label of ``async_gen_athrow_send``: the
    generator yielded a value while being closed."""
    _agt_gen(o).ag_running_async = False
    o.agt_state = AWAITABLE_STATE_CLOSED
    PyErr_SetString(PyExc_RuntimeError, ASYNC_GEN_IGNORED_EXIT_MSG)


def _athrow_check_error(o: PyAsyncGenAThrow, err: PyErr) -> NoReturn:
    """pyvm: the ``check_error:`` label of ``async_gen_athrow_send``."""
    _agt_gen(o).ag_running_async = False
    o.agt_state = AWAITABLE_STATE_CLOSED
    if err.matches(PyExc_StopAsyncIteration) or err.matches(PyExc_GeneratorExit):
        if o.agt_args is None:
            # when aclose() is called we don't want to propagate
            # StopAsyncIteration or GeneratorExit; just raise StopIteration,
            # signalling that this 'aclose()' await is done.
            _PyErr_Clear(err)
            PyErr_SetNone(PyExc_StopIteration)
    raise err


def async_gen_athrow_send(self: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_athrow_send"""
    o = _PyAsyncGenAThrow_CAST(self)
    gen = _agt_gen(o)
    if o.agt_state == AWAITABLE_STATE_CLOSED:
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()")
    if FRAME_STATE_FINISHED(gen.gi_frame_state):
        o.agt_state = AWAITABLE_STATE_CLOSED
        PyErr_SetNone(PyExc_StopIteration)
    if o.agt_state == AWAITABLE_STATE_INIT:
        if gen.ag_running_async:
            _athrow_running_error(o)
        if gen.ag_closed:
            o.agt_state = AWAITABLE_STATE_CLOSED
            PyErr_SetNone(PyExc_StopAsyncIteration)
        if arg is not Py_None:
            PyErr_SetString(PyExc_RuntimeError, NON_INIT_CORO_MSG)
        o.agt_state = AWAITABLE_STATE_ITER
        gen.ag_running_async = True
        agt_args = o.agt_args
        if agt_args is None:
            # aclose() mode
            gen.ag_closed = True
            try:
                # Do not close generator when PyExc_GeneratorExit is passed
                retval = _gen_throw(gen, False, PyExc_GeneratorExit, None, None)
            except PyErr as e:
                _athrow_check_error(o, e)
            if _PyAsyncGenWrappedValue_CheckExact(retval):
                Py_DECREF(retval)
                _athrow_yield_close(o)
            return retval
        assert isinstance(agt_args, PyTupleObject)
        items = agt_args.ob_item
        _PyArg_CheckPositional("athrow", len(items), 1, 3)
        typ = items[0]
        val = items[1] if len(items) > 1 else None
        tb = items[2] if len(items) > 2 else None
        terr: Optional[PyErr] = None
        tres: Optional[PyObject] = None
        try:
            # Do not close generator when PyExc_GeneratorExit is passed
            tres = _gen_throw(gen, False, typ, val, tb)
        except PyErr as e:
            terr = e
        try:
            return async_gen_unwrap_value(gen, tres, terr)
        except PyErr as e:
            _athrow_check_error(o, e)

    assert o.agt_state == AWAITABLE_STATE_ITER
    err: Optional[PyErr] = None
    res: Optional[PyObject] = None
    try:
        res = gen_send_ex(gen, arg, None, False)
    except PyErr as e:
        err = e
    if o.agt_args is not None:
        return async_gen_unwrap_value(gen, res, err)
    # aclose() mode
    if res is not None:
        if _PyAsyncGenWrappedValue_CheckExact(res):
            Py_DECREF(res)
            _athrow_yield_close(o)
        return res
    assert err is not None
    _athrow_check_error(o, err)


def async_gen_athrow_throw(self: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_athrow_throw"""
    o = _PyAsyncGenAThrow_CAST(self)
    if o.agt_state == AWAITABLE_STATE_CLOSED:
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()")
    gen = _agt_gen(o)
    if o.agt_state == AWAITABLE_STATE_INIT:
        if gen.ag_running_async:
            _athrow_running_error(o)
        o.agt_state = AWAITABLE_STATE_ITER
        gen.ag_running_async = True
    err: Optional[PyErr] = None
    retval: Optional[PyObject] = None
    try:
        retval = gen_throw(gen, args)
    except PyErr as e:
        err = e
    if o.agt_args is not None:
        try:
            return async_gen_unwrap_value(gen, retval, err)
        except PyErr:
            gen.ag_running_async = False
            o.agt_state = AWAITABLE_STATE_CLOSED
            raise
    # aclose() mode
    if retval is not None and _PyAsyncGenWrappedValue_CheckExact(retval):
        gen.ag_running_async = False
        o.agt_state = AWAITABLE_STATE_CLOSED
        Py_DECREF(retval)
        PyErr_SetString(PyExc_RuntimeError, ASYNC_GEN_IGNORED_EXIT_MSG)
    if retval is None:
        gen.ag_running_async = False
        o.agt_state = AWAITABLE_STATE_CLOSED
    if err is not None:
        if err.matches(PyExc_StopAsyncIteration) or err.matches(PyExc_GeneratorExit):
            # when aclose() is called we don't want to propagate
            # StopAsyncIteration or GeneratorExit; just raise StopIteration,
            # signalling that this 'aclose()' await is done.
            _PyErr_Clear(err)
            PyErr_SetNone(PyExc_StopIteration)
        raise err
    assert retval is not None
    return retval


def async_gen_athrow_iternext(agt: PyObject) -> Optional[PyObject]:
    """CPython: Objects/genobject.c:async_gen_athrow_iternext"""
    return async_gen_athrow_send(agt, Py_None)


def async_gen_athrow_close(self: PyObject) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_athrow_close"""
    agt = _PyAsyncGenAThrow_CAST(self)
    if agt.agt_state == AWAITABLE_STATE_CLOSED:
        return Py_None
    try:
        result = async_gen_athrow_throw(self, [PyExc_GeneratorExit])
    except PyErr as e:
        if _awaitable_close_clears(e):
            _PyErr_Clear(e)
            return Py_None
        raise
    Py_DECREF(result)
    PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit")


def async_gen_athrow_finalize(op: PyObject) -> None:
    """CPython: Objects/genobject.c:async_gen_athrow_finalize

    Warns (RuntimeWarning) about an ``athrow()``/``aclose()`` that was never
    awaited.
    """
    o = _PyAsyncGenAThrow_CAST(op)
    g = o.agt_gen
    if o.agt_state == AWAITABLE_STATE_INIT and g is not None:
        method = "athrow" if o.agt_args is not None else "aclose"
        q = g.gi_qualname
        _PyErr_WarnUnawaitedAgenMethod(g, q if q is not None else Py_None, method)


def async_gen_athrow_new(gen: PyAsyncGenObject, args: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genobject.c:async_gen_athrow_new"""
    Py_INCREF(gen)
    if args is not None:
        Py_INCREF(args)
    return PyAsyncGenAThrow(gen, args)


# ---------------------------------------------------------------------------
# Type initialisation


def _init_types() -> None:
    """pyvm: the static initializers of the seven types (C's ``PyTypeObject``
    definitions with their method, getset and member tables)."""
    # generator
    g = PyGen_Type
    g.tp_dealloc = gen_dealloc
    g.tp_repr = gen_repr
    g.tp_getattro = PyObject_GenericGetAttr
    g.tp_traverse = gen_traverse
    g.tp_iter = PyObject_SelfIter
    g.tp_iternext = gen_iternext
    g.tp_finalize = _PyGen_Finalize
    g.am_send = PyGen_am_send
    _PyType_AddMethods(g, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "generators are generic over the types of their yield, send, and return values"),
        PyMethodDef("send", gen_send, METH_O, send_doc),
        PyMethodDef("throw", gen_throw, METH_FASTCALL, throw_doc),
        PyMethodDef("close", gen_close, METH_NOARGS, close_doc),
        PyMethodDef("__sizeof__", gen_sizeof, METH_NOARGS, sizeof__doc__),
    ])
    _PyType_AddGetSets(g, [
        PyGetSetDef("__name__", gen_get_name, gen_set_name, "name of the generator"),
        PyGetSetDef("__qualname__", gen_get_qualname, gen_set_qualname,
                    "qualified name of the generator"),
        PyGetSetDef("gi_yieldfrom", gen_getyieldfrom, None,
                    "object being iterated by yield from, or None"),
        PyGetSetDef("gi_running", gen_getrunning, None),
        PyGetSetDef("gi_frame", gen_getframe, None),
        PyGetSetDef("gi_suspended", gen_getsuspended, None),
        PyGetSetDef("gi_code", gen_getcode, None),
    ])

    # coroutine
    c = PyCoro_Type
    c.tp_dealloc = gen_dealloc
    c.tp_repr = coro_repr
    c.tp_getattro = PyObject_GenericGetAttr
    c.tp_traverse = gen_traverse
    c.tp_finalize = _PyGen_Finalize
    c.am_await = coro_await
    c.am_send = PyGen_am_send
    _PyType_AddMethods(c, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "coroutines are generic over the types of their yield, send, and return values"),
        PyMethodDef("send", gen_send, METH_O, coro_send_doc),
        PyMethodDef("throw", gen_throw, METH_FASTCALL, coro_throw_doc),
        PyMethodDef("close", gen_close, METH_NOARGS, coro_close_doc),
        PyMethodDef("__sizeof__", gen_sizeof, METH_NOARGS, sizeof__doc__),
    ])
    _PyType_AddMembers(c, [PyMemberDef("cr_origin", _cr_origin_get, None, Py_READONLY)])
    _PyType_AddGetSets(c, [
        PyGetSetDef("__name__", gen_get_name, gen_set_name, "name of the coroutine"),
        PyGetSetDef("__qualname__", gen_get_qualname, gen_set_qualname,
                    "qualified name of the coroutine"),
        PyGetSetDef("cr_await", coro_get_cr_await, None, "object being awaited on, or None"),
        PyGetSetDef("cr_running", cr_getrunning, None),
        PyGetSetDef("cr_frame", cr_getframe, None),
        PyGetSetDef("cr_code", cr_getcode, None),
        PyGetSetDef("cr_suspended", cr_getsuspended, None),
    ])

    # coroutine_wrapper
    w = _PyCoroWrapper_Type
    w.tp_dealloc = coro_wrapper_dealloc
    w.tp_getattro = PyObject_GenericGetAttr
    w.tp_traverse = coro_wrapper_traverse
    w.tp_iter = PyObject_SelfIter
    w.tp_iternext = coro_wrapper_iternext
    _PyType_AddMethods(w, [
        PyMethodDef("send", coro_wrapper_send, METH_O, coro_send_doc),
        PyMethodDef("throw", coro_wrapper_throw, METH_FASTCALL, coro_throw_doc),
        PyMethodDef("close", coro_wrapper_close, METH_NOARGS, coro_close_doc),
    ])

    # async_generator
    a = PyAsyncGen_Type
    a.tp_dealloc = gen_dealloc
    a.tp_repr = async_gen_repr
    a.tp_getattro = PyObject_GenericGetAttr
    a.tp_traverse = async_gen_traverse
    a.tp_finalize = _PyGen_Finalize
    a.am_aiter = PyObject_SelfIter
    a.am_anext = async_gen_anext
    a.am_send = PyGen_am_send
    _PyType_AddMethods(a, [
        PyMethodDef("__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
                    "async generators are generic over the types of their yield and send values"),
        PyMethodDef("asend", async_gen_asend, METH_O, async_asend_doc),
        PyMethodDef("athrow", async_gen_athrow, METH_VARARGS, async_athrow_doc),
        PyMethodDef("aclose", async_gen_aclose, METH_NOARGS, async_aclose_doc),
        PyMethodDef("__sizeof__", gen_sizeof, METH_NOARGS, sizeof__doc__),
    ])
    _PyType_AddGetSets(a, [
        PyGetSetDef("__name__", gen_get_name, gen_set_name, "name of the async generator"),
        PyGetSetDef("__qualname__", gen_get_qualname, gen_set_qualname,
                    "qualified name of the async generator"),
        PyGetSetDef("ag_await", coro_get_cr_await, None, "object being awaited on, or None"),
        PyGetSetDef("ag_frame", ag_getframe, None),
        PyGetSetDef("ag_code", ag_getcode, None),
        PyGetSetDef("ag_suspended", ag_getsuspended, None),
    ])
    _PyType_AddMembers(a, [PyMemberDef("ag_running", _ag_running_get, None, Py_READONLY)])

    # async_generator_asend
    s = _PyAsyncGenASend_Type
    s.tp_dealloc = async_gen_asend_dealloc
    s.tp_getattro = PyObject_GenericGetAttr
    s.tp_traverse = async_gen_asend_traverse
    s.tp_iter = PyObject_SelfIter
    s.tp_iternext = async_gen_asend_iternext
    s.tp_finalize = async_gen_asend_finalize
    s.am_await = PyObject_SelfIter
    _PyType_AddMethods(s, [
        PyMethodDef("send", _async_gen_asend_send_meth, METH_O, send_doc),
        PyMethodDef("throw", async_gen_asend_throw, METH_FASTCALL, throw_doc),
        PyMethodDef("close", async_gen_asend_close, METH_NOARGS, close_doc),
    ])

    # async_generator_wrapped_value
    v = _PyAsyncGenWrappedValue_Type
    v.tp_dealloc = async_gen_wrapped_val_dealloc
    v.tp_getattro = PyObject_GenericGetAttr
    v.tp_traverse = async_gen_wrapped_val_traverse

    # async_generator_athrow
    t = _PyAsyncGenAThrow_Type
    t.tp_dealloc = async_gen_athrow_dealloc
    t.tp_getattro = PyObject_GenericGetAttr
    t.tp_traverse = async_gen_athrow_traverse
    t.tp_iter = PyObject_SelfIter
    t.tp_iternext = async_gen_athrow_iternext
    t.tp_finalize = async_gen_athrow_finalize
    t.am_await = PyObject_SelfIter
    _PyType_AddMethods(t, [
        PyMethodDef("send", async_gen_athrow_send, METH_O, send_doc),
        PyMethodDef("throw", async_gen_athrow_throw, METH_FASTCALL, throw_doc),
        PyMethodDef("close", async_gen_athrow_close, METH_NOARGS, close_doc),
    ])


_init_types()
