"""Ports Python/pythonrun.c (running a file or a string as ``__main__``, handling
``SystemExit`` and printing an uncaught exception) with the start-up steps of
Modules/main.c that a run needs (``sys.argv``, the builtins module).

:func:`run_file` and :func:`run_string` are the entry points of the ``pyvm``
command: they compile the source with pyvm's compiler, make the ``__main__``
module (``__name__``, ``__builtins__``, ``__file__`` for a file), run the code
with :func:`PyEval_EvalCode`, and return the process exit status: 0, the
``SystemExit`` code (``_Py_HandleSystemExitAndKeyboardInterrupt``), or 1
after printing the exception to ``sys.stderr`` as CPython 3.14 prints it.
"""

from __future__ import annotations

import os
import sys as _host_sys
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import (
    Py_DECREF, Py_None, PyErr, PyObject, PyType_IsSubtype, PyObject_GetAttr, PyObject_Str,
    _PyErr_Clear, PyErr_FormatUnraisable, PyObject_GetOptionalAttr, PyObject_IsTrue,
)
from pyvm.modules.bltinmodule import _PyBuiltin_Init, PyFile_WriteString
from pyvm.modules.sysmodule import (
    _PySys_Create, _PySys_UpdateConfig, _PySys_GetAttr, _PySys_GetStderr,
    PyStdPrinter_Object, stdprinter_flush,
)
from pyvm.objects.dictobject import PyDict_SetItem
from pyvm.objects.moduleobject import PyModule_New
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject,
)
from pyvm.objects.call import PyObject_Vectorcall
from pyvm.objects.longobject import PyLongObject
from pyvm.objects.exceptions import PyExc_SystemExit, PyExc_KeyboardInterrupt
from pyvm.eval.traceback import format_exception, _register_source
from pyvm.eval.ceval import PyEval_EvalCode
from pyvm.compile.compile import Py_CompileString, _Py_CompileFile
from pyvm.modules.sysmodule import _PySys_GetAttr
from pyvm.objects.dictobject import PyDict_DelItem, PyDict_GetItemWithError
from pyvm.objects.moduleobject import PyModuleObject, _PyModule_ClearDict
from pyvm.objects.object import Py_INCREF, _debug, _PyDebug_PrintTotalRefs
from pyvm.objects.unicodeobject import PyUnicode_InternFromString

# CPython: Modules/main.c:exit_sigint — the status of a run ended by an unhandled
# KeyboardInterrupt (128 + SIGINT).
EXIT_SIGINT: Final = 130


class _RuntimeFlags:
    """pyvm: ``_PyRuntime.signals.unhandled_keyboard_interrupt`` of CPython, read
    by the launcher to end the process by SIGINT."""

    unhandled_keyboard_interrupt: bool

    def __init__(self) -> None:
        self.unhandled_keyboard_interrupt = False


_runtime: Final = _RuntimeFlags()


def _init_runtime(argv: list[str]) -> PyObject:
    """CPython: Python/pylifecycle.c:pyinit_main

    pyvm: creates ``sys`` and ``builtins`` once and sets ``sys.argv``.
    Returns the builtins module (borrowed).
    """
    _PySys_Create()
    b = _PyBuiltin_Init()
    _PySys_UpdateConfig(argv)
    # pyvm: C-level recursion (repr, comparisons, builtins calling Python
    # functions, nested deallocations) nests host frames, up to what the C stack
    # model allows (pyvm/pystate.py); give the interpreted build the host
    # recursion limit the launcher sets (its Python frames live on the heap: the
    # deepest cases need less than 4 MiB of host C stack).
    if _host_sys.getrecursionlimit() < 1_000_000:
        _host_sys.setrecursionlimit(1_000_000)
    return b


def _make_main(builtins: PyObject, filename: Optional[str]) -> PyObject:
    """CPython: Python/pylifecycle.c:add_main_module

    Returns the ``__main__`` module's dict (borrowed: the module owns it, and
    ``sys.modules`` owns the module).
    """
    m = PyModule_New("__main__")
    d = m.md_dict
    PyDict_SetItem(d, PyUnicode_InternFromString("__builtins__"), builtins)
    if filename is not None:
        f = PyUnicode_FromString(filename)
        PyDict_SetItem(d, PyUnicode_InternFromString("__file__"), f)
        Py_DECREF(f)
    mods = _PySys_GetAttr("modules")
    if mods is not None:
        PyDict_SetItem(mods, PyUnicode_InternFromString("__main__"), m)
        # sys.modules keeps the module (and so its dict) alive.
        Py_DECREF(m)
    return d


def _write_stderr(text: str) -> None:
    """pyvm: ``PySys_WriteStderr``: write to ``sys.stderr`` (the program's).

    Nothing is written when ``sys.stderr`` is None (C's ``PyErr_Display``
    returns then: ``python 2>&-``); when the program's stream fails, the text
    goes to the host's stderr if it can take it.
    """
    f = _PySys_GetStderr()
    if f is Py_None:
        return
    try:
        PyFile_WriteString(text, f)
    except PyErr as err:
        _PyErr_Clear(err)
        host = _host_sys.stderr
        if host is None:
            return
        try:
            host.write(text)
            host.flush()
        except OSError:
            pass


def _PyFile_Flush(f: PyObject) -> None:
    """CPython: Objects/fileobject.c:_PyFile_Flush

    Calls ``f.flush()``; raises what it raises.
    """
    if isinstance(f, PyStdPrinter_Object):
        Py_DECREF(stdprinter_flush(f))
        return
    fl = PyObject_GetAttr(f, PyUnicode_InternFromString("flush"))
    try:
        r = PyObject_Vectorcall(fl, [], 0, 0, None)
        Py_DECREF(r)
    finally:
        Py_DECREF(fl)


def flush_io_stream(name: str) -> None:
    """CPython: Python/pythonrun.c:flush_io_stream"""
    f = _PySys_GetAttr(name)
    if f is None or f is Py_None:
        return
    try:
        _PyFile_Flush(f)
    except PyErr as err:
        _PyErr_Clear(err)


def _flush_stdout() -> None:
    """CPython: Python/pythonrun.c:flush_io

    Flushes ``sys.stderr`` and ``sys.stdout`` after a run, ignoring failures
    (a stream that cannot be flushed is reported by :func:`flush_std_files`
    at the end).
    """
    flush_io_stream("stderr")
    flush_io_stream("stdout")


def file_is_closed(fobj: PyObject) -> bool:
    """CPython: Python/pylifecycle.c:file_is_closed"""
    if isinstance(fobj, PyStdPrinter_Object):
        return False
    try:
        tmp = PyObject_GetOptionalAttr(fobj, PyUnicode_InternFromString("closed"))
    except PyErr as err:
        _PyErr_Clear(err)
        return False
    if tmp is None:
        return False
    try:
        return PyObject_IsTrue(tmp)
    except PyErr as err:
        _PyErr_Clear(err)
        return False
    finally:
        Py_DECREF(tmp)


def flush_std_files() -> int:
    """CPython: Python/pylifecycle.c:flush_std_files

    Flushes ``sys.stdout`` and ``sys.stderr`` at exit: -1 when either fails
    (the process then exits with status 120); a failure of stdout is
    reported as an unraisable exception ("Exception ignored while flushing
    sys.stdout"), one of stderr silently.
    """
    status = 0
    f = _PySys_GetAttr("stdout")
    if f is not None and f is not Py_None and not file_is_closed(f):
        try:
            _PyFile_Flush(f)
        except PyErr as err:
            status = -1
            PyErr_FormatUnraisable(err, "Exception ignored while flushing sys.stdout")
    f = _PySys_GetAttr("stderr")
    if f is not None and f is not Py_None and not file_is_closed(f):
        try:
            _PyFile_Flush(f)
        except PyErr as err:
            _PyErr_Clear(err)
            status = -1
    return status


def parse_exit_code(code: PyObject) -> Optional[int]:
    """CPython: Python/pythonrun.c:parse_exit_code

    The exit status for an int or None ``code``; None otherwise.
    """
    if isinstance(code, PyLongObject):
        v = code.ob_ival
        if not -(1 << 63) <= v < (1 << 63):
            return -1
        v &= 0xFFFFFFFF
        if v >= 1 << 31:
            v -= 1 << 32
        return v
    if code is Py_None:
        return 0
    return None


def _Py_HandleSystemExitAndKeyboardInterrupt(exc: PyObject) -> Optional[int]:
    """CPython: Python/pythonrun.c:_Py_HandleSystemExitAndKeyboardInterrupt

    For a ``SystemExit``, returns the exit status (printing a non-int code
    to stderr first); None for any other exception.
    """
    if not PyType_IsSubtype(exc.ob_type, PyExc_SystemExit):
        return None
    _flush_stdout()
    to_print = exc
    try:
        code = PyObject_GetAttr(exc, PyUnicode_InternFromString("code"))
    except PyErr as err:
        _PyErr_Clear(err)
        code = None
    if code is not None:
        st = parse_exit_code(code)
        if st is not None:
            Py_DECREF(code)
            return st
        to_print = code
    try:
        s = PyObject_Str(to_print)
        assert isinstance(s, PyUnicodeObject)
        _write_stderr(s.value)
        Py_DECREF(s)
    except PyErr as err:
        _PyErr_Clear(err)
        pass
    _write_stderr("\n")
    if code is not None:
        Py_DECREF(code)
    return 1


def _PyErr_Display(exc: PyObject) -> None:
    """CPython: Python/pythonrun.c:_PyErr_Display

    Prints the exception with its traceback and chain to ``sys.stderr``
    (``traceback._print_exception_bltin`` in CPython 3.14).
    """
    try:
        text = "".join(format_exception(exc))
    except PyErr as err:
        _PyErr_Clear(err)
        text = f"{exc.ob_type.tp_name}: <exception could not be formatted>\n"
    _write_stderr(text)


def _PyErr_PrintEx(err: PyErr) -> int:
    """CPython: Python/pythonrun.c:_PyErr_PrintEx

    Handles an exception that reached the top: the exit status.
    """
    exc = err.normalize()
    st = _Py_HandleSystemExitAndKeyboardInterrupt(exc)
    if st is not None:
        return st
    _PyErr_Display(exc)
    if PyType_IsSubtype(exc.ob_type, PyExc_KeyboardInterrupt):
        # Modules/main.c:exit_sigint's fallback status; the launcher then ends
        # the process by SIGINT itself, as CPython does.
        _runtime.unhandled_keyboard_interrupt = True
        return EXIT_SIGINT
    return 1


def run_mod(code: PyObject, globals_: PyObject) -> int:
    """CPython: Python/pythonrun.c:run_mod

    CPython: Python/pythonrun.c:run_eval_code_obj
    """
    try:
        r = PyEval_EvalCode(code, globals_, globals_)
    except PyErr as e:
        st = _PyErr_PrintEx(e)
        # pyvm: C's _PyErr_PrintEx drops its reference once printed (it keeps
        # one in sys.last_exc, which pyvm does not set).
        _PyErr_Clear(e)
        _flush_stdout()
        return st
    Py_DECREF(r)
    _flush_stdout()
    return 0


def print_compile_error(err: PyErr) -> None:
    """CPython: Python/pythonrun.c:PyErr_Print

    Prints an exception raised by the compiler (a SyntaxError) to
    ``sys.stderr`` as CPython does.
    """
    _init_runtime([])
    _PyErr_Display(err.normalize())
    _PyErr_Clear(err)


def _compile(source: str, filename: str) -> Optional[PyObject]:
    """CPython: Python/pythonrun.c:Py_CompileStringObject

    Returns the code object, or None after printing a SyntaxError.
    """
    try:
        return Py_CompileString(source, filename, "exec")
    except PyErr as e:
        _PyErr_Display(e.normalize())
        _PyErr_Clear(e)
        return None


def run_file(path: str, argv: list[str]) -> int:
    """CPython: Python/pythonrun.c:_PyRun_SimpleFile

    Runs the script at ``path`` as ``__main__``; returns the exit status.
    The file's bytes go to the file tokenizer, which decodes them as
    ``python FILE`` does (BOM, PEP 263 cookie, else strict UTF-8).
    """
    builtins = _init_runtime(argv)
    # CPython 3.9+ makes the script path absolute by joining it to the
    # current directory, without normalising it (Python/fileutils.c:_Py_abspath).
    filename = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        prog = "pyvm"
        _host_sys.stderr.write(
            f"{prog}: can't open file {filename!r}: [Errno {e.errno}] {e.strerror}\n")
        return 2
    return _run_file_data(builtins, data, filename)


def _run_file_data(builtins: PyObject, data: bytes, filename: str) -> int:
    """CPython: Python/pythonrun.c:_PyRun_SimpleFile
    CPython: Python/pythonrun.c:_PyRun_File

    Compiles the bytes of a file (``data``) and runs them as ``__main__``
    with ``__file__`` set to ``filename``; returns the exit status.
    """
    try:
        co: Optional[PyObject] = _Py_CompileFile(data, filename)
    except PyErr as e:
        # C's PyErr_Print of the parser's error: the run fails.
        _PyErr_Display(e.normalize())
        _PyErr_Clear(e)
        co = None
    if co is None:
        _flush_stdout()
        return 1
    d = _make_main(builtins, filename)
    st = run_mod(co, d)
    Py_DECREF(co)
    return st


def run_stdin(data: bytes, argv: list[str]) -> int:
    """CPython: Python/pythonrun.c:_PyRun_AnyFile

    A program piped in (``pyvm -`` or no argument, stdin not a terminal)
    runs as the file ``<stdin>``: the file tokenizer reads its bytes,
    ``__file__`` is ``"<stdin>"``, and its tracebacks show no source lines
    (there is no file to read them from).
    """
    builtins = _init_runtime(argv)
    return _run_file_data(builtins, data, "<stdin>")


def run_string(code: str, argv: list[str], filename: str = "<string>") -> int:
    """CPython: Python/pythonrun.c:PyRun_SimpleStringFlags

    Runs ``code`` as ``__main__`` with the given filename (``<string>``
    for ``pyvm -c``).
    """
    builtins = _init_runtime(argv)
    _register_source(filename, code)
    co = _compile(code, filename)
    if co is None:
        _flush_stdout()
        return 1
    d = _make_main(builtins, None)
    st = run_mod(co, d)
    Py_DECREF(co)
    return st


def _PyRun_FinalizeMain() -> None:
    """CPython: Python/pylifecycle.c:finalize_modules

    pyvm: the part for ``__main__``: the module leaves ``sys.modules`` and its
    globals are cleared as ``_PyModule_ClearDict`` clears them, so the
    program's global objects are released (their ``__del__`` runs now).
    ``sys`` and ``builtins`` are kept.
    """
    mods = _PySys_GetAttr("modules")
    if mods is None:
        return
    key = PyUnicode_InternFromString("__main__")
    m = PyDict_GetItemWithError(mods, key)
    if m is None:
        return
    Py_INCREF(m)
    try:
        PyDict_DelItem(mods, key)
        if isinstance(m, PyModuleObject):
            _PyModule_ClearDict(m.md_dict)
    finally:
        Py_DECREF(m)


def Py_FinalizeEx() -> int:
    """CPython: Python/pylifecycle.c:Py_FinalizeEx

    Flushes the standard streams (:func:`flush_std_files`) and returns -1
    when that fails, 0 otherwise (``Py_RunMain`` then exits with status 120).
    pyvm: the other steps only for ``-X showrefcount``, and only then (so a
    normal run's output is what it was): finalize ``__main__``, flush again and
    print ``[N refs, M blocks]`` to stderr (``_PyDebug_PrintTotalRefs``), in
    the debug mode only, as only a debug build of CPython prints it.
    """
    status = 0
    if flush_std_files() < 0:
        status = -1
    if not (_debug.enabled and _debug.showrefcount):
        return status
    _PyRun_FinalizeMain()
    if flush_std_files() < 0:
        status = -1
    host = _host_sys.stderr
    if host is not None:
        try:
            host.write(_PyDebug_PrintTotalRefs())
            host.flush()
        except OSError:
            pass
    return status
