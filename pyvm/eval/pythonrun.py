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
    _PyErr_Clear,
)
from pyvm.modules.bltinmodule import _PyBuiltin_Init, PyFile_WriteString
from pyvm.modules.sysmodule import (
    _PySys_Create, _PySys_UpdateConfig, _PySys_GetAttr, _PySys_GetStderr,
    PyStdPrinter_Object,
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
from pyvm.compile.compile import Py_CompileString, _PyAST_Compile
from pyvm.compile.peg_api import _PyParser_ASTFromFile
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
    # pyvm: nested host-level entries into the eval loop (builtins calling
    # Python functions) use the host stack; give the host room for the depth
    # pyvm itself allows.
    if _host_sys.getrecursionlimit() < 20000:
        _host_sys.setrecursionlimit(20000)
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
    """pyvm: ``PySys_WriteStderr``: write to ``sys.stderr`` (the program's)."""
    try:
        PyFile_WriteString(text, _PySys_GetStderr())
    except PyErr as err:
        _PyErr_Clear(err)
        _host_sys.stderr.write(text)


def _flush_stdout() -> None:
    """CPython: Python/pylifecycle.c:flush_std_files"""
    for name in ("stdout", "stderr"):
        f = _PySys_GetAttr(name)
        if f is None or f is Py_None:
            continue
        if isinstance(f, PyStdPrinter_Object):
            (_host_sys.stdout if f.fd == 1 else _host_sys.stderr).flush()
            continue
        try:
            fl = PyObject_GetAttr(f, PyUnicode_InternFromString("flush"))
            r = PyObject_Vectorcall(fl, [], 0, 0, None)
            Py_DECREF(r)
            Py_DECREF(fl)
        except PyErr as err:
            _PyErr_Clear(err)
            pass
    _host_sys.stdout.flush()


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


def _PyRun_File(data: bytes, filename: str) -> Optional[PyObject]:
    """CPython: Python/pythonrun.c:_PyRun_File

    The code of a script file whose content is ``data``, parsed as ``python
    FILE`` parses it (the file tokenizer: ``_PyParser_ASTFromFile``), or None
    after printing the SyntaxError. pyvm: C's ``run_mod`` compiles and runs;
    here the caller runs the code.
    """
    try:
        mod = _PyParser_ASTFromFile(data, filename, "exec")
        return _PyAST_Compile(mod, filename)
    except PyErr as e:
        _PyErr_Display(e.normalize())
        _PyErr_Clear(e)
        return None


def run_file(path: str, argv: list[str]) -> int:
    """CPython: Python/pythonrun.c:_PyRun_SimpleFile

    Runs the script at ``path`` as ``__main__``; returns the exit status.
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
    co = _PyRun_File(data, filename)
    if co is None:
        _flush_stdout()
        return 1
    d = _make_main(builtins, filename)
    st = run_mod(co, d)
    Py_DECREF(co)
    return st


def run_string(code: str, argv: list[str], filename: str = "<string>") -> int:
    """CPython: Python/pythonrun.c:PyRun_SimpleStringFlags

    Runs ``code`` as ``__main__`` with the given filename: ``<string>`` for
    ``pyvm -c``, ``<stdin>`` for a program piped in.
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


def Py_FinalizeEx() -> None:
    """CPython: Python/pylifecycle.c:Py_FinalizeEx

    pyvm: only the steps ``-X showrefcount`` needs, and only then (so a normal
    run's output is what it was): flush the streams, finalize ``__main__`` and
    print ``[N refs, M blocks]`` to stderr (``_PyDebug_PrintTotalRefs``),
    in the debug mode only, as only a debug build of CPython prints it.
    """
    if not (_debug.enabled and _debug.showrefcount):
        return
    _flush_stdout()
    _PyRun_FinalizeMain()
    _flush_stdout()
    _host_sys.stderr.write(_PyDebug_PrintTotalRefs())
    _host_sys.stderr.flush()
