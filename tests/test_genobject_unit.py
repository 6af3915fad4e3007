"""Unit tests of pyvm/objects/genobject.py against a stub eval loop.

The real loop (RETURN_GENERATOR, YIELD_VALUE, SEND …) is the lead's; here a
stub stands in for it through ``_interp.eval_frame``: each generator's
"body" is a host generator (a *script*) that receives what is sent or thrown
in and answers ``("yield", value)``, ``("yield_from", delegate, value)`` or
returns. The stub does what the loop's contract says the loop does on the
way in and out (pop the sent value, suspend with FRAME_SUSPENDED + oparg,
restore ``exc_info``, ``clear_gen_frame``), so gen_send_ex2, close, throw
and the async-generator awaitables run as they will with the real loop.
The frames are real: compiled code, RESUME instructions and all.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from typing import Optional

import pytest

from pyvm.eval.pythonrun import _init_runtime
from pyvm.compile.compile import Py_CompileString
from pyvm.compile.opcode import RESUME, RETURN_GENERATOR, YIELD_VALUE
from pyvm.eval.frame import (
    FRAME_CLEARED, FRAME_CREATED, FRAME_OWNED_BY_GENERATOR, FRAME_SUSPENDED,
    _PyFrame_StackPop, _PyFrame_StackPush, _PyInterpreterFrame,
)
from pyvm.pystate import PyThreadState, _interp, _tstate
from pyvm.objects import genobject as G
from pyvm.objects.codeobject import PyCodeObject
from pyvm.objects.dictobject import PyDict_New
from pyvm.objects.exceptions import (
    PyExc_GeneratorExit, PyExc_KeyError, PyExc_RuntimeError, PyExc_StopAsyncIteration,
    PyExc_StopIteration, PyExc_TypeError, PyExc_ValueError, PyStopIterationObject,
)
from pyvm.objects.funcobject import PyFunction_New, PyFunctionObject
from pyvm.objects.longobject import PyLong_FromLong, PyLongObject
from pyvm.objects.object import (
    PYGEN_NEXT, PYGEN_RETURN, Py_DECREF, Py_INCREF, Py_None, PyErr, PyErr_SetString, PyObject,
    _debug, _Py_GetRefTotal, _PyRefDebug_Enable, _unicode_value,
)

_PyRefDebug_Enable(True)
_init_runtime([])

Action = tuple[object, ...]
Script = Generator[Action, object, Optional[PyObject]]


class _Stub:
    scripts: dict[int, Script] = {}


def _resume_after_yield(code: PyCodeObject) -> int:
    units = code.co_code_adaptive
    for i, w in enumerate(units):
        if w & 255 == YIELD_VALUE:
            j = i + 1
            assert units[j] & 255 == RESUME
            return j
    raise AssertionError("no yield")


def clear_gen_frame(tstate: PyThreadState, frame: _PyInterpreterFrame) -> None:
    """The loop's clear_gen_frame (Python/ceval.c), as the contract says."""
    gen = frame.f_generator
    assert isinstance(gen, G.PyGenObject)
    gen.gi_frame_state = FRAME_CLEARED
    prev = gen.gi_exc_state.previous_item
    assert prev is not None
    tstate.exc_info = prev
    gen.gi_exc_state.previous_item = None
    frame.previous = None
    G._gen_frame_clear_except_code(frame)
    G._PyErr_ClearExcState(gen.gi_exc_state)


def stub_eval(tstate: PyThreadState, frame: _PyInterpreterFrame, throwflag: int,
              exc: Optional[PyObject]) -> PyObject:
    gen = frame.f_generator
    assert isinstance(gen, G.PyGenObject)
    sent = _PyFrame_StackPop(frame)
    assert sent is not None
    script = _Stub.scripts[id(frame)]
    base = frame.f_executable.co_nlocalsplus
    try:
        if throwflag:
            assert exc is not None
            Py_DECREF(sent)
            action = script.throw(PyErr(exc.ob_type, exc))
        else:
            try:
                # The first resume sends None (POP_TOP drops it in real code).
                started = inspect.getgeneratorstate(script) != inspect.GEN_CREATED
                action = script.send(sent if started else None)
            finally:
                Py_DECREF(sent)
    except StopIteration as si:
        # The frame returned: drop what a yield from left, clear the frame.
        while frame.stackpointer > base:
            v = _PyFrame_StackPop(frame)
            if v is not None:
                Py_DECREF(v)
        ret = si.value if si.value is not None else Py_None
        clear_gen_frame(tstate, frame)
        return ret
    except PyErr:
        while frame.stackpointer > base:
            v = _PyFrame_StackPop(frame)
            if v is not None:
                Py_DECREF(v)
        clear_gen_frame(tstate, frame)
        raise
    oparg = 0
    while frame.stackpointer > base:
        v = _PyFrame_StackPop(frame)
        if v is not None:
            Py_DECREF(v)
    if action[0] == "yield_from":
        delegate = action[1]
        assert isinstance(delegate, PyObject)
        Py_INCREF(delegate)
        _PyFrame_StackPush(frame, delegate)
        value = action[2]
        oparg = 1
    else:
        value = action[1]
    assert isinstance(value, PyObject)
    # YIELD_VALUE
    frame.instr_ptr = _resume_after_yield(frame.f_executable)
    gen.gi_frame_state = FRAME_SUSPENDED + oparg
    prev = gen.gi_exc_state.previous_item
    assert prev is not None
    tstate.exc_info = prev
    gen.gi_exc_state.previous_item = None
    frame.previous = None
    return value


_interp.eval_frame = stub_eval


def make(src: str, script: Script) -> G.PyGenObject:
    """Compile ``src`` (one generator/coroutine def), call it as
    RETURN_GENERATOR would, and attach ``script`` as its body."""
    fcode = _compiled(src)
    globals_ = PyDict_New()
    func = PyFunction_New(fcode, globals_)
    assert isinstance(func, PyFunctionObject)
    Py_INCREF(fcode)
    frame = _PyInterpreterFrame(fcode, func, globals_, globals_, None, None)
    gen = G._Py_MakeCoro(func)
    assert isinstance(gen, G.PyGenObject)
    # RETURN_GENERATOR
    gen.gi_iframe = frame
    frame.f_generator = gen
    frame.owner = FRAME_OWNED_BY_GENERATOR
    frame.previous = None
    gen.gi_frame_state = FRAME_CREATED
    ip = next(i for i, w in enumerate(fcode.co_code_adaptive) if w & 255 == RETURN_GENERATOR)
    frame.instr_ptr = ip + 1
    _Stub.scripts[id(frame)] = script
    Py_DECREF(globals_)
    return gen


_code_cache: dict[str, PyCodeObject] = {}


def _compiled(src: str) -> PyCodeObject:
    """The function's code object (compiled once: compiling interns names)."""
    fcode = _code_cache.get(src)
    if fcode is None:
        co = Py_CompileString(src, "<t>", "exec")
        fcode = next(c for c in co.co_consts_items if isinstance(c, PyCodeObject))
        _code_cache[src] = fcode
    return fcode


def balanced(scenario: "Callable[[], None]") -> None:
    """Runs ``scenario`` twice (the first run warms caches: interned names,
    readied types) and checks that the second leaves the reference total
    where it found it."""
    scenario()
    before = _Py_GetRefTotal()
    scenario()
    assert _Py_GetRefTotal() == before


def ival(o: Optional[PyObject]) -> int:
    assert isinstance(o, PyLongObject)
    return o.ob_ival


def counter(n: int) -> Script:
    sent = yield ("yield", PyLong_FromLong(0))
    for i in range(1, n):
        sent = yield ("yield", PyLong_FromLong(i))
    del sent
    return PyLong_FromLong(1000 + n)


GEN_SRC = "def g():\n    yield 1\n"
GEN_TRY_SRC = "def g():\n    try:\n        yield 1\n    finally:\n        pass\n"


def stopiter_value(e: PyErr) -> int:
    assert e.matches(PyExc_StopIteration)
    exc = e.normalize()
    assert isinstance(exc, PyStopIterationObject)
    return ival(exc.value)


def test_iterate_and_return_value() -> None:
    def scenario() -> None:
        g = make(GEN_SRC, counter(3))
        r = G.gen_repr(g)
        assert _unicode_value(r).startswith("<generator object g at 0x")
        Py_DECREF(r)
        got = []
        for _ in range(3):
            v = G.gen_iternext(g)
            got.append(ival(v))
            assert v is not None
            Py_DECREF(v)
        assert got == [0, 1, 2]
        with pytest.raises(PyErr) as ei:
            G.gen_iternext(g)
        assert stopiter_value(ei.value) == 1003
        G._PyErr_Clear(ei.value)
        assert g.gi_frame_state == FRAME_CLEARED
        assert G.gen_iternext(g) is None          # exhausted: NULL, no exception
        with pytest.raises(PyErr) as ei:          # send() to it: StopIteration(None)
            G.gen_send(g, Py_None)
        assert ei.value.matches(PyExc_StopIteration)
        assert G.gen_getframe(g) is Py_None
        Py_DECREF(g)

    balanced(scenario)


def test_send_values_and_just_started_error() -> None:
    def scenario() -> None:
        def body() -> Script:
            x = yield ("yield", PyLong_FromLong(1))
            Py_INCREF(x)  # type: ignore[arg-type]  # the script keeps what was sent
            return x  # type: ignore[return-value]  # a PyObject

        g = make(GEN_SRC, body())
        with pytest.raises(PyErr) as ei:
            G.gen_send(g, PyLong_FromLong(5))
        assert ei.value.matches(PyExc_TypeError)
        assert ei.value.msg == "can't send non-None value to a just-started generator"
        assert g.gi_frame_state == FRAME_CREATED
        v = G.gen_send(g, Py_None)
        assert ival(v) == 1
        assert G.gen_getsuspended(g) is G.Py_True
        assert G.gen_getrunning(g) is G.Py_False
        r, res = G.PyGen_am_send(g, PyLong_FromLong(7))
        assert r == PYGEN_RETURN and ival(res) == 7
        r, res = G.PyGen_am_send(g, Py_None)
        assert r == PYGEN_RETURN and res is Py_None
        Py_DECREF(g)

    balanced(scenario)


def test_close_fast_path_and_genexit() -> None:
    def scenario() -> None:
        log: list[str] = []

        def body() -> Script:
            try:
                yield ("yield", PyLong_FromLong(1))
            except PyErr as e:
                log.append(e.exc_type.tp_name)
                raise
            return None

        # RESUME with the depth-1 bit: close() clears without running the frame
        g = make(GEN_SRC, body())
        Py_DECREF(G.gen_send(g, Py_None))
        assert G.gen_close(g) is Py_None
        assert log == [] and g.gi_frame_state == FRAME_CLEARED
        Py_DECREF(g)
        # inside a try: GeneratorExit is thrown in
        g = make(GEN_TRY_SRC, body())
        Py_DECREF(G.gen_send(g, Py_None))
        assert G.gen_close(g) is Py_None
        assert log == ["GeneratorExit"]
        assert G.gen_close(g) is Py_None
        Py_DECREF(g)

    balanced(scenario)


def test_close_ignored_and_returning() -> None:
    def scenario() -> None:
        def stubborn() -> Script:
            try:
                yield ("yield", PyLong_FromLong(1))
            except PyErr as e:
                assert e.matches(PyExc_GeneratorExit)
                G._PyErr_Clear(e)
            yield ("yield", PyLong_FromLong(2))
            return None

        def returning() -> Script:
            try:
                yield ("yield", PyLong_FromLong(1))
            except PyErr as e:
                G._PyErr_Clear(e)
                return PyLong_FromLong(42)
            return None

        g = make(GEN_TRY_SRC, stubborn())
        Py_DECREF(G.gen_send(g, Py_None))
        with pytest.raises(PyErr) as ei:
            G.gen_close(g)
        assert ei.value.matches(PyExc_RuntimeError)
        assert ei.value.msg == "generator ignored GeneratorExit"
        # dealloc closes it again (the script then finishes)
        Py_DECREF(g)
        g = make(GEN_TRY_SRC, returning())
        Py_DECREF(G.gen_send(g, Py_None))
        assert ival(G.gen_close(g)) == 42
        Py_DECREF(g)

    balanced(scenario)


def test_throw_forms_and_errors() -> None:
    def scenario() -> None:
        seen: list[str] = []

        def catcher() -> Script:
            while True:
                try:
                    yield ("yield", Py_None)
                except PyErr as e:
                    if e.matches(PyExc_GeneratorExit):
                        raise
                    v = e.normalize()
                    seen.append(v.ob_type.tp_name)
                    e.exc_value = None
                    Py_DECREF(v)

        g = make(GEN_TRY_SRC, catcher())
        Py_DECREF(G.gen_send(g, Py_None))
        Py_DECREF(G.gen_throw(g, [PyExc_ValueError]))
        inst = G._PyErr_CreateException(PyExc_KeyError, "k", None)
        Py_DECREF(G.gen_throw(g, [inst]))
        Py_DECREF(inst)
        assert seen == ["ValueError", "KeyError"]
        for args, msg in (([PyLong_FromLong(1)], "exceptions must be classes or instances deriving "
                                                  "from BaseException, not int"),
                          ([PyExc_ValueError, Py_None, PyLong_FromLong(1)],
                           "throw() third argument must be a traceback object"),
                          ([], "throw expected at least 1 argument, got 0")):
            with pytest.raises(PyErr) as ei:
                G.gen_throw(g, args)
            assert ei.value.matches(PyExc_TypeError) and ei.value.msg == msg
        inst = G._PyErr_CreateException(PyExc_KeyError, "k", None)
        with pytest.raises(PyErr) as ei:
            G.gen_throw(g, [inst, PyLong_FromLong(1)])
        assert ei.value.msg == "instance exception may not have a separate value"
        Py_DECREF(inst)
        Py_DECREF(G.gen_close(g))
        # thrown into a finished generator: it propagates unchanged
        with pytest.raises(PyErr) as ei:
            G.gen_throw(g, [PyExc_KeyError])
        assert ei.value.matches(PyExc_KeyError)
        G._PyErr_Clear(ei.value)
        Py_DECREF(g)

    balanced(scenario)


def test_yield_from_delegation() -> None:
    def scenario() -> None:
        log: list[str] = []

        def inner() -> Script:
            try:
                yield ("yield", PyLong_FromLong(10))
            except PyErr as e:
                log.append("inner " + e.exc_type.tp_name)
                raise
            return None

        sub = make(GEN_TRY_SRC, inner())

        def outer() -> Script:
            # a yield from: the delegate stays on the stack while suspended
            v = G.gen_send(sub, Py_None)
            try:
                yield ("yield_from", sub, v)
            except PyErr as e:
                log.append("outer " + e.exc_type.tp_name)
                raise
            return None

        g = make(GEN_TRY_SRC, outer())
        assert ival(G.gen_send(g, Py_None)) == 10
        yf = G.gen_getyieldfrom(g)
        assert yf is sub
        Py_DECREF(yf)
        assert G.gen_close(g) is Py_None
        assert log == ["inner GeneratorExit", "outer GeneratorExit"]
        assert sub.gi_frame_state == FRAME_CLEARED
        Py_DECREF(g)
        Py_DECREF(sub)

    balanced(scenario)


def test_already_executing() -> None:
    def scenario() -> None:
        box: list[G.PyGenObject] = []

        def selfish() -> Script:
            try:
                G.gen_send(box[0], Py_None)
            except PyErr as e:
                assert e.matches(PyExc_ValueError)
                assert e.msg == "generator already executing"
            yield ("yield", Py_None)
            return None

        g = make(GEN_SRC, selfish())
        box.append(g)
        assert G.gen_send(g, Py_None) is Py_None
        assert G.gen_close(g) is Py_None
        Py_DECREF(g)

    balanced(scenario)


def test_dealloc_of_never_started_and_suspended() -> None:
    def scenario() -> None:
        g = make(GEN_SRC, counter(3))
        Py_DECREF(g)
        g = make(GEN_TRY_SRC, counter(3))
        Py_DECREF(G.gen_send(g, Py_None))
        Py_DECREF(g)

    balanced(scenario)


def test_gi_frame_outlives_generator() -> None:
    def scenario() -> None:
        g = make(GEN_TRY_SRC, counter(3))
        Py_DECREF(G.gen_send(g, Py_None))
        f = G.gen_getframe(g)
        assert f.ob_type.tp_name == "frame"
        Py_DECREF(G.gen_close(g))
        code = G.gen_getcode(g)
        Py_DECREF(g)
        # the frame object took the frame over, with its own code reference
        assert code.ob_refcnt >= 2
        Py_DECREF(f)
        Py_DECREF(code)

    balanced(scenario)


for _src in (GEN_SRC, GEN_TRY_SRC):
    _compiled(_src)
CORO_SRC = "async def c():\n    await x\n"
AGEN_SRC = "async def a():\n    try:\n        yield 1\n    finally:\n        pass\n"


def test_coroutine_basics() -> None:
    def scenario() -> None:
        c = make(CORO_SRC, counter(1))
        assert isinstance(c, G.PyCoroObject)
        r = G.coro_repr(c)
        assert _unicode_value(r).startswith("<coroutine object c at 0x")
        Py_DECREF(r)
        with pytest.raises(PyErr) as ei:
            G.gen_send(c, PyLong_FromLong(1))
        assert ei.value.msg == G.NON_INIT_CORO_MSG
        w = G.coro_await(c)
        assert w.ob_type is G._PyCoroWrapper_Type
        assert ival(G.coro_wrapper_iternext(w)) == 0
        with pytest.raises(PyErr) as ei:
            G.coro_wrapper_send(w, Py_None)
        assert stopiter_value(ei.value) == 1001
        G._PyErr_Clear(ei.value)
        with pytest.raises(PyErr) as ei:
            G.gen_send(c, Py_None)
        assert ei.value.matches(PyExc_RuntimeError)
        assert ei.value.msg == "cannot reuse already awaited coroutine"
        assert G.gen_close(c) is Py_None
        Py_DECREF(w)
        it = G._PyCoro_GetAwaitableIter(c)
        assert it is c
        Py_DECREF(it)
        with pytest.raises(PyErr) as ei:
            G._PyCoro_GetAwaitableIter(PyLong_FromLong(3))
        assert ei.value.msg == "'int' object can't be awaited"
        Py_DECREF(c)

    balanced(scenario)


def test_stopiteration_value_helpers() -> None:
    def scenario() -> None:
        t = G._PyTuple_FromArray([PyLong_FromLong(1), PyLong_FromLong(2)])
        with pytest.raises(PyErr) as ei:
            G._PyGen_SetStopIterationValue(t)
        v = G._PyGen_FetchStopIterationValue(ei.value)
        assert v is t
        Py_DECREF(v)
        Py_DECREF(t)
        assert G._PyGen_FetchStopIterationValue(None) is Py_None
        with pytest.raises(PyErr) as ei:
            G._PyGen_FetchStopIterationValue(PyErr(PyExc_KeyError))
        assert ei.value.matches(PyExc_KeyError)

    balanced(scenario)


_compiled(CORO_SRC)
_compiled(AGEN_SRC)


def agen_body(log: list[str]) -> Script:
    x = yield ("yield", G._PyAsyncGenValueWrapperNew(_tstate, PyLong_FromLong(1)))
    log.append(f"got {ival(x) if isinstance(x, PyLongObject) else 'None'}")
    # an await inside: the value goes up unwrapped
    y = yield ("yield", PyLong_FromLong(77))
    log.append(f"await got {ival(y) if isinstance(y, PyLongObject) else 'None'}")
    try:
        yield ("yield", G._PyAsyncGenValueWrapperNew(_tstate, PyLong_FromLong(2)))
    except PyErr as e:
        log.append("agen " + e.exc_type.tp_name)
        raise
    return None


def test_async_generator_asend_athrow_aclose() -> None:
    def scenario() -> None:
        log: list[str] = []
        a = make(AGEN_SRC, agen_body(log))
        assert isinstance(a, G.PyAsyncGenObject)
        r = G.async_gen_repr(a)
        assert _unicode_value(r).startswith("<async_generator object a at 0x")
        Py_DECREF(r)
        nx = G.async_gen_anext(a)
        with pytest.raises(PyErr) as ei:
            G.async_gen_asend_iternext(nx)
        assert stopiter_value(ei.value) == 1
        G._PyErr_Clear(ei.value)
        assert not a.ag_running_async
        with pytest.raises(PyErr) as ei:
            G.async_gen_asend_iternext(nx)
        assert ei.value.msg == "cannot reuse already awaited __anext__()/asend()"
        Py_DECREF(nx)
        s = G.async_gen_asend(a, PyLong_FromLong(5))
        assert ival(G.async_gen_asend_iternext(s)) == 77   # the await's value passes up
        assert a.ag_running_async
        with pytest.raises(PyErr) as ei:
            G._async_gen_asend_send_meth(s, PyLong_FromLong(8))
        assert stopiter_value(ei.value) == 2
        G._PyErr_Clear(ei.value)
        Py_DECREF(s)
        assert log == ["got 5", "await got 8"]
        cl = G.async_gen_aclose(a)
        with pytest.raises(PyErr) as ei:
            G.async_gen_athrow_iternext(cl)
        assert ei.value.matches(PyExc_StopIteration)
        G._PyErr_Clear(ei.value)
        assert log[-1] == "agen GeneratorExit"
        assert a.ag_closed and a.gi_frame_state == FRAME_CLEARED
        Py_DECREF(cl)
        nx = G.async_gen_anext(a)
        with pytest.raises(PyErr) as ei:
            G.async_gen_asend_iternext(nx)
        assert ei.value.matches(PyExc_StopAsyncIteration)
        G._PyErr_Clear(ei.value)
        Py_DECREF(nx)
        Py_DECREF(a)

    balanced(scenario)


def test_async_generator_athrow_and_ignored_exit() -> None:
    def scenario() -> None:
        log: list[str] = []

        def body() -> Script:
            try:
                yield ("yield", G._PyAsyncGenValueWrapperNew(_tstate, PyLong_FromLong(1)))
            except PyErr as e:
                log.append("caught " + e.exc_type.tp_name)
                G._PyErr_Clear(e)
            try:
                yield ("yield", G._PyAsyncGenValueWrapperNew(_tstate, PyLong_FromLong(2)))
            except PyErr as e:
                log.append("ignoring " + e.exc_type.tp_name)
                G._PyErr_Clear(e)
            yield ("yield", G._PyAsyncGenValueWrapperNew(_tstate, PyLong_FromLong(3)))
            return None

        a = make(AGEN_SRC, body())
        nx = G.async_gen_anext(a)
        with pytest.raises(PyErr) as ei:
            G.async_gen_asend_iternext(nx)
        G._PyErr_Clear(ei.value)
        Py_DECREF(nx)
        args = G._PyTuple_FromArray([PyExc_ValueError])
        t = G.async_gen_athrow(a, args, None)
        Py_DECREF(args)
        with pytest.raises(PyErr) as ei:
            G.async_gen_athrow_send(t, Py_None)
        assert stopiter_value(ei.value) == 2
        G._PyErr_Clear(ei.value)
        assert log == ["caught ValueError"]
        Py_DECREF(t)
        cl = G.async_gen_aclose(a)
        with pytest.raises(PyErr) as ei:
            G.async_gen_athrow_send(cl, PyLong_FromLong(1))
        assert ei.value.msg == G.NON_INIT_CORO_MSG
        with pytest.raises(PyErr) as ei:
            G.async_gen_athrow_send(cl, Py_None)
        assert ei.value.matches(PyExc_RuntimeError) and ei.value.msg == "async generator ignored GeneratorExit"
        Py_DECREF(cl)
        Py_DECREF(a)
        assert _debug.enabled

    balanced(scenario)


def test_finalize_reports_unraisable(capfd: pytest.CaptureFixture[str]) -> None:
    def scenario() -> None:
        def raiser() -> Script:
            try:
                yield ("yield", Py_None)
            except PyErr as e:
                G._PyErr_Clear(e)
                PyErr_SetString(PyExc_ValueError, "from finally")
            return None

        g = make(GEN_TRY_SRC, raiser())
        Py_DECREF(G.gen_send(g, Py_None))
        Py_DECREF(g)  # _PyGen_Finalize closes it; the ValueError is unraisable

    # (not balanced(): traceback.format_exception itself leaks references)
    scenario()
    err = capfd.readouterr().err
    assert "Exception ignored while closing generator <generator object g at 0x" in err
    assert "ValueError: from finally" in err
