"""Ports Python/sysmodule.c (the part the first slice needs) and, for the
standard streams, the ``PyStdPrinter`` of Objects/fileobject.c.

``sys`` is created once, by :func:`_PySys_Create`, and filled by
:func:`_PySys_UpdateConfig` with ``argv``. Until pyvm's ``_io`` exists,
``sys.stdout`` and ``sys.stderr`` are ``PyStdPrinter_Object`` instances: the
minimal stream C itself uses before ``io`` is initialised (``write`` and
``flush``, plus ``fileno``/``isatty``), here writing to the host's text
streams. pyvm never hands the host stream to the program; the printer is a
pyvm object.
"""

from __future__ import annotations

import errno as _host_errno
import os as _host_os
import sys as _host_sys
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional, TextIO

from pyvm.pystate import (
    PyErr_GetHandledException, Py_GetRecursionLimit, Py_SetRecursionLimit, _interp, _tstate,
)
from pyvm.eval.frame import _PyFrame_GetFirstComplete
from pyvm.objects.dictobject import PyDict_New, PyDict_SetItem, PyDict_GetItemWithError
from pyvm.objects.exceptions import (
    PyExc_OSError, PyExc_RecursionError, PyExc_SystemExit, PyExc_TypeError, PyExc_ValueError,
)
from pyvm.objects.listobject import PyList_Append, PyListObject, _PyList_FromArraySteal
from pyvm.objects.methodobject import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, PyCFunction_NewEx, PyMethodDef,
)
from pyvm.objects.moduleobject import (
    PyModule_AddObjectRef, PyModule_New, PyModuleObject,
)
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, PyErr, PyErr_SetString, PyObject, PyTypeObject,
    _PyErr_Raise, PyObject_GetAttr, PyErr_SetFromErrno,
)
from pyvm.objects.tupleobject import _PyTuple_FromArraySteal
from pyvm.objects.structseq import (
    PyStructSequence_Desc, PyStructSequence_Field, PyStructSequence_New,
    PyStructSequence_SetItem, _PyStructSequence_InitBuiltinWithFlags,
)
from pyvm.objects.typeobject import Py_TPFLAGS_DISALLOW_INSTANTIATION
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject,
    PyUnicode_InternInPlace, PyUnicode_FromString as _s,
)
from pyvm.objects.longobject import (
    PyLong_AsInt, PyLong_FromLong, PyLongObject, _PY_LONG_MAX_STR_DIGITS_THRESHOLD,
    _PyLong_GetMaxStrDigits, _PyLong_SetMaxStrDigits,
)
from pyvm.objects.unicodeobject import _PyArg_UnpackKeywords
from pyvm.objects.boolobject import PyBool_FromLong
from pyvm.objects.call import PyObject_Vectorcall
from pyvm.objects.frameobject import _PyFrame_GetFrameObject
from pyvm.objects.descrobject import _PyType_AddMethods
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.object import _Py_GetRefTotal, _debug

PyStdPrinter_Type: Final = PyTypeObject("stderrprinter")


class _SysTypes:
    """pyvm: the static types ``sys`` makes (C's ``FlagsType``)."""

    flags_type: Optional[PyTypeObject]

    def __init__(self) -> None:
        self.flags_type = None


_sys_types: Final = _SysTypes()


class PyStdPrinter_Object(PyObject):
    """CPython: Objects/fileobject.c:PyFile_NewStdPrinter

    ``fd`` is 0, 1 or 2; the host stream is looked up at each call so that a
    host-level redirection (the test harness) is honoured. pyvm: fd 0 is the
    reading end ``sys.stdin`` (``read``/``readline``), which C's printer is not.
    """

    fd: int

    def __init__(self, fd: int) -> None:
        super().__init__(PyStdPrinter_Type)
        self.fd = fd


def _host_stream(fd: int) -> Optional[TextIO]:
    """pyvm: the host text stream behind a printer; None when the host has
    none (its descriptor was not open when the process started)."""
    if fd == 0:
        return _host_sys.stdin
    return _host_sys.stdout if fd == 1 else _host_sys.stderr


def _Py_IsValidFD(fd: int) -> bool:
    """CPython: Python/fileutils.c:_Py_IsValidFD

    pyvm: the host interpreter made the same check on the same descriptors
    when it created its own standard streams, and set the stream to None
    where it failed; pyvm reads the answer from there.
    """
    return _host_stream(fd) is not None


def _PyErr_FromHostOSError(e: OSError) -> NoReturn:
    """pyvm: a host stream's failure (``BrokenPipeError`` when the reader of a
    pipe is gone, ``ENOSPC`` …) raised as the program's ``OSError`` subclass,
    as C's ``_io`` raises it with ``PyErr_SetFromErrno``."""
    PyErr_SetFromErrno(PyExc_OSError, e.errno if e.errno is not None else 0)


def _PyStdPrinter_WriteHost(fd: int, s: str) -> None:
    """pyvm: the body of the printer's ``write``: the host stream takes the
    text (stderr is flushed at once, as C's stderr is unbuffered in effect);
    a host ``OSError`` becomes the program's."""
    stream = _host_stream(fd)
    if stream is None:
        PyErr_SetFromErrno(PyExc_OSError, _host_errno.EBADF)
    try:
        try:
            stream.write(s)
        except UnicodeEncodeError:
            stream.write(s.encode("utf-8", "backslashreplace").decode("utf-8"))
        if fd == 2:
            stream.flush()
    except OSError as e:
        _PyErr_FromHostOSError(e)


def PyFile_NewStdPrinter(fd: int) -> PyObject:
    """CPython: Objects/fileobject.c:PyFile_NewStdPrinter"""
    return PyStdPrinter_Object(fd)


def stdprinter_write(op: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/fileobject.c:stdprinter_write"""
    assert isinstance(op, PyStdPrinter_Object)
    if op.fd == 0:
        # pyvm: the message of _io's UnsupportedOperation (an OSError).
        PyErr_SetString(PyExc_OSError, "not writable")
    if not isinstance(arg, PyUnicodeObject):
        PyErr_SetString(PyExc_TypeError,
                        f"write() argument must be str, not {arg.ob_type.tp_name}")
    _PyStdPrinter_WriteHost(op.fd, arg.value)
    return PyLong_FromLong(len(arg.value))


def stdprinter_flush(op: PyObject) -> PyObject:
    """CPython: Objects/fileobject.c:stdprinter_noop

    pyvm: flushes the host stream (C's printer writes unbuffered).
    """
    assert isinstance(op, PyStdPrinter_Object)
    stream = _host_stream(op.fd)
    if stream is not None and op.fd != 0:
        try:
            stream.flush()
        except OSError as e:
            _PyErr_FromHostOSError(e)
    Py_INCREF(Py_None)
    return Py_None


def _stdin_host(op: PyObject) -> TextIO:
    """pyvm: the host stream a read goes to (``sys.stdin``'s only)."""
    assert isinstance(op, PyStdPrinter_Object)
    stream = _host_stream(op.fd)
    if op.fd != 0 or stream is None:
        # pyvm: the message of _io's UnsupportedOperation (an OSError).
        PyErr_SetString(PyExc_OSError, "not readable")
    return stream


def stdprinter_read(op: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Modules/_io/textio.c:_io_TextIOWrapper_read_impl

    pyvm: ``sys.stdin.read([size])`` through the host stream.
    """
    stream = _stdin_host(op)
    if len(args) > 1:
        PyErr_SetString(PyExc_TypeError, f"read expected at most 1 argument, got {len(args)}")
    n = -1
    if args and args[0] is not Py_None:
        n = PyLong_AsInt(args[0])
    try:
        return PyUnicode_FromString(stream.read(n))
    except OSError as e:
        _PyErr_FromHostOSError(e)


def stdprinter_readline(op: PyObject) -> PyObject:
    """CPython: Modules/_io/textio.c:_io_TextIOWrapper_readline_impl

    pyvm: ``sys.stdin.readline()`` through the host stream.
    """
    stream = _stdin_host(op)
    try:
        return PyUnicode_FromString(stream.readline())
    except OSError as e:
        _PyErr_FromHostOSError(e)


def stdprinter_fileno(op: PyObject) -> PyObject:
    """CPython: Objects/fileobject.c:stdprinter_fileno"""
    assert isinstance(op, PyStdPrinter_Object)
    return PyLong_FromLong(op.fd)


def stdprinter_isatty(op: PyObject) -> PyObject:
    """CPython: Objects/fileobject.c:stdprinter_isatty"""
    assert isinstance(op, PyStdPrinter_Object)
    stream = _host_stream(op.fd)
    return PyBool_FromLong(1 if stream is not None and stream.isatty() else 0)


def stdprinter_repr(op: PyObject) -> PyObject:
    """CPython: Objects/fileobject.c:stdprinter_repr

    pyvm: shows the stream as CPython shows its TextIOWrapper, since that is
    what ``sys.stdout`` is in a running CPython.
    """
    assert isinstance(op, PyStdPrinter_Object)
    name = ("<stdin>", "<stdout>", "<stderr>")[op.fd]
    mode = "r" if op.fd == 0 else "w"
    return PyUnicode_FromString(
        f"<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>")


# CPython: Python/sysmodule.c:list_stdlib_module_names
# (the names of Python/stdlib_module_names.h for CPython 3.14)
_Py_stdlib_module_names: Final = frozenset([
    '__future__', '_abc', '_aix_support', '_android_support', '_apple_support', '_ast',
    '_ast_unparse', '_asyncio', '_bisect', '_blake2', '_bz2', '_codecs', '_codecs_cn',
    '_codecs_hk', '_codecs_iso2022', '_codecs_jp', '_codecs_kr', '_codecs_tw',
    '_collections', '_collections_abc', '_colorize', '_compat_pickle', '_contextvars',
    '_csv', '_ctypes', '_curses', '_curses_panel', '_datetime', '_dbm', '_decimal',
    '_elementtree', '_frozen_importlib', '_frozen_importlib_external', '_functools',
    '_gdbm', '_hashlib', '_heapq', '_hmac', '_imp', '_interpchannels', '_interpqueues',
    '_interpreters', '_io', '_ios_support', '_json', '_locale', '_lsprof', '_lzma',
    '_markupbase', '_md5', '_multibytecodec', '_multiprocessing', '_opcode',
    '_opcode_metadata', '_operator', '_osx_support', '_overlapped', '_pickle',
    '_posixshmem', '_posixsubprocess', '_py_abc', '_py_warnings', '_pydatetime',
    '_pydecimal', '_pyio', '_pylong', '_pyrepl', '_queue', '_random', '_remote_debugging',
    '_scproxy', '_sha1', '_sha2', '_sha3', '_signal', '_sitebuiltins', '_socket',
    '_sqlite3', '_sre', '_ssl', '_stat', '_statistics', '_string', '_strptime', '_struct',
    '_suggestions', '_symtable', '_sysconfig', '_thread', '_threading_local', '_tkinter',
    '_tokenize', '_tracemalloc', '_types', '_typing', '_uuid', '_warnings', '_weakref',
    '_weakrefset', '_winapi', '_wmi', '_zoneinfo', '_zstd', 'abc', 'annotationlib',
    'antigravity', 'argparse', 'array', 'ast', 'asyncio', 'atexit', 'base64', 'bdb',
    'binascii', 'bisect', 'builtins', 'bz2', 'cProfile', 'calendar', 'cmath', 'cmd',
    'code', 'codecs', 'codeop', 'collections', 'colorsys', 'compileall', 'compression',
    'concurrent', 'configparser', 'contextlib', 'contextvars', 'copy', 'copyreg', 'csv',
    'ctypes', 'curses', 'dataclasses', 'datetime', 'dbm', 'decimal', 'difflib', 'dis',
    'doctest', 'email', 'encodings', 'ensurepip', 'enum', 'errno', 'faulthandler', 'fcntl',
    'filecmp', 'fileinput', 'fnmatch', 'fractions', 'ftplib', 'functools', 'gc',
    'genericpath', 'getopt', 'getpass', 'gettext', 'glob', 'graphlib', 'grp', 'gzip',
    'hashlib', 'heapq', 'hmac', 'html', 'http', 'idlelib', 'imaplib', 'importlib',
    'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword', 'linecache', 'locale',
    'logging', 'lzma', 'mailbox', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder',
    'msvcrt', 'multiprocessing', 'netrc', 'nt', 'ntpath', 'nturl2path', 'numbers',
    'opcode', 'operator', 'optparse', 'os', 'pathlib', 'pdb', 'pickle', 'pickletools',
    'pkgutil', 'platform', 'plistlib', 'poplib', 'posix', 'posixpath', 'pprint', 'profile',
    'pstats', 'pty', 'pwd', 'py_compile', 'pyclbr', 'pydoc', 'pydoc_data', 'pyexpat',
    'queue', 'quopri', 'random', 're', 'readline', 'reprlib', 'resource', 'rlcompleter',
    'runpy', 'sched', 'secrets', 'select', 'selectors', 'shelve', 'shlex', 'shutil',
    'signal', 'site', 'smtplib', 'socket', 'socketserver', 'sqlite3', 'sre_compile',
    'sre_constants', 'sre_parse', 'ssl', 'stat', 'statistics', 'string', 'stringprep',
    'struct', 'subprocess', 'symtable', 'sys', 'sysconfig', 'syslog', 'tabnanny',
    'tarfile', 'tempfile', 'termios', 'textwrap', 'this', 'threading', 'time', 'timeit',
    'tkinter', 'token', 'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty',
    'turtle', 'turtledemo', 'types', 'typing', 'unicodedata', 'unittest', 'urllib', 'uuid',
    'venv', 'warnings', 'wave', 'weakref', 'webbrowser', 'winreg', 'winsound', 'wsgiref',
    'xml', 'xmlrpc', 'zipapp', 'zipfile', 'zipimport', 'zlib', 'zoneinfo',
])


def _PySys_GetAttr(name: str) -> Optional[PyObject]:
    """CPython: Python/sysmodule.c:_PySys_GetOptionalAttr

    A borrowed reference to ``sys.<name>``, or None.
    """
    m = _interp.sys_module
    if m is None:
        return None
    return PyDict_GetItemWithError(m.md_dict, PyUnicode_InternFromString(name))


def sys_exit(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/sysmodule.c:sys_exit_impl

    Raises ``SystemExit(status)``.
    """
    if len(args) > 1:
        PyErr_SetString(PyExc_TypeError, f"exit expected at most 1 argument, got {len(args)}")
    if not args:
        raise PyErr(PyExc_SystemExit, None, None, None)
    exc = PyObject_Vectorcall(PyExc_SystemExit, [args[0]], 0, 1, None)
    _PyErr_Raise(exc)


def sys_getrecursionlimit(module: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_getrecursionlimit_impl"""
    return PyLong_FromLong(Py_GetRecursionLimit())


def sys_setrecursionlimit(module: PyObject, arg: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_setrecursionlimit_impl"""
    if not isinstance(arg, PyLongObject):
        PyErr_SetString(PyExc_TypeError, "'{}' object cannot be interpreted as an integer"
                        .format(arg.ob_type.tp_name))
    assert isinstance(arg, PyLongObject)
    new_limit = arg.ob_ival
    if new_limit < 1:
        PyErr_SetString(PyExc_ValueError, "recursion limit must be greater or equal than 1")
    ts = _tstate
    depth = ts.py_recursion_limit - ts.py_recursion_remaining
    if depth >= new_limit:
        PyErr_SetString(PyExc_RecursionError,
                        f"cannot set the recursion limit to {new_limit} at the recursion "
                        f"depth {depth}: the limit is too low")
    Py_SetRecursionLimit(new_limit)
    Py_INCREF(Py_None)
    return Py_None


def sys_exception(module: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_exception_impl"""
    e = PyErr_GetHandledException()
    r = Py_None if e is None else e
    Py_INCREF(r)
    return r


def sys_exc_info(module: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_exc_info_impl"""
    e = PyErr_GetHandledException()
    if e is None or e is Py_None:
        items: list[PyObject] = [Py_None, Py_None, Py_None]
        for it in items:
            Py_INCREF(it)
        return _PyTuple_FromArraySteal(items)
    Py_INCREF(e.ob_type)
    Py_INCREF(e)
    tb = PyObject_GetAttr(e, PyUnicode_InternFromString("__traceback__"))
    return _PyTuple_FromArraySteal([e.ob_type, e, tb])


# CPython: Python/sysmodule.c:flags_fields (the fields of the sequence; pyvm
# has no hidden struct sequence fields, so ``gil``, ``thread_inherit_context``
# and ``context_aware_warnings`` are missing)
flags_fields: Final = [
    PyStructSequence_Field("debug", "-d"),
    PyStructSequence_Field("inspect", "-i"),
    PyStructSequence_Field("interactive", "-i"),
    PyStructSequence_Field("optimize", "-O or -OO"),
    PyStructSequence_Field("dont_write_bytecode", "-B"),
    PyStructSequence_Field("no_user_site", "-s"),
    PyStructSequence_Field("no_site", "-S"),
    PyStructSequence_Field("ignore_environment", "-E"),
    PyStructSequence_Field("verbose", "-v"),
    PyStructSequence_Field("bytes_warning", "-b"),
    PyStructSequence_Field("quiet", "-q"),
    PyStructSequence_Field("hash_randomization", "-R"),
    PyStructSequence_Field("isolated", "-I"),
    PyStructSequence_Field("dev_mode", "-X dev"),
    PyStructSequence_Field("utf8_mode", "-X utf8"),
    PyStructSequence_Field("warn_default_encoding", "-X warn_default_encoding"),
    PyStructSequence_Field("safe_path", "-P"),
    PyStructSequence_Field("int_max_str_digits", "-X int_max_str_digits"),
]

# CPython: Python/sysmodule.c:SYS_FLAGS_INT_MAX_STR_DIGITS
SYS_FLAGS_INT_MAX_STR_DIGITS: Final = 17
# pyvm: the positions of the other flags the command line sets
SYS_FLAGS_OPTIMIZE: Final = 3
SYS_FLAGS_BYTES_WARNING: Final = 9

# CPython: Python/sysmodule.c:flags_desc
flags_desc: Final = PyStructSequence_Desc(
    "sys.flags", "sys.flags\n\nFlags provided through command line arguments or environment vars.",
    flags_fields, 18)


def _env_flag(name: str) -> int:
    """pyvm: a boolean environment option (C's ``config_get_env``: set and not empty)."""
    return 1 if _host_os.environ.get(name, "") else 0


def make_flags() -> PyObject:
    """CPython: Python/sysmodule.c:make_flags

    CPython: Python/sysmodule.c:set_flags_from_config
    pyvm: the options pyvm has: ``optimize`` and ``bytes_warning`` are set by the
    command line afterwards (:func:`_PySys_SetFlagInt`), the rest come from
    the environment or are CPython's defaults.
    """
    tp = _sys_types.flags_type
    if tp is None:
        tp = _PyStructSequence_InitBuiltinWithFlags(flags_desc,
                                                    Py_TPFLAGS_DISALLOW_INSTANTIATION)
        _sys_types.flags_type = tp
    flags = PyStructSequence_New(tp)
    seed = _host_os.environ.get("PYTHONHASHSEED", "")
    values: list[PyObject] = [PyLong_FromLong(0) for _ in range(len(flags_fields))]
    values[4] = PyLong_FromLong(_env_flag("PYTHONDONTWRITEBYTECODE"))
    values[11] = PyLong_FromLong(0 if seed.isdigit() and int(seed) == 0 else 1)
    values[13] = PyBool_FromLong(0)
    values[14] = PyLong_FromLong(1 if _host_os.environ.get("PYTHONUTF8", "") == "1" else 0)
    values[16] = PyBool_FromLong(0)
    values[SYS_FLAGS_INT_MAX_STR_DIGITS] = PyLong_FromLong(_PyLong_GetMaxStrDigits())
    for i, v in enumerate(values):
        PyStructSequence_SetItem(flags, i, v)
    return flags


def _PySys_SetFlagObj(pos: int, value: PyObject) -> None:
    """CPython: Python/sysmodule.c:_PySys_SetFlagObj

    Replaces field ``pos`` of ``sys.flags`` (``value`` is borrowed). pyvm: the
    command line sets flags through it, so ``sys`` is created first if need be.
    """
    _PySys_Create()
    flags = _PySys_GetAttr("flags")
    if flags is None:
        return
    Py_INCREF(value)
    PyStructSequence_SetItem(flags, pos, value)


def _PySys_SetFlagInt(pos: int, value: int) -> None:
    """CPython: Python/sysmodule.c:_PySys_SetFlagInt"""
    v = PyLong_FromLong(value)
    try:
        _PySys_SetFlagObj(pos, v)
    finally:
        Py_DECREF(v)


def sys_get_int_max_str_digits(module: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_get_int_max_str_digits_impl"""
    return PyLong_FromLong(_PyLong_GetMaxStrDigits())


def _PySys_SetIntMaxStrDigits(maxdigits: int) -> None:
    """CPython: Python/sysmodule.c:_PySys_SetIntMaxStrDigits

    Sets the interpreter's limit (``long_state.max_str_digits``, read by the
    int <-> str conversions) and ``sys.flags.int_max_str_digits``.
    """
    if maxdigits != 0 and maxdigits < _PY_LONG_MAX_STR_DIGITS_THRESHOLD:
        PyErr_SetString(PyExc_ValueError, "maxdigits must be >= "
                        f"{_PY_LONG_MAX_STR_DIGITS_THRESHOLD} or 0 for unlimited")
    _PyLong_SetMaxStrDigits(maxdigits)
    _PySys_SetFlagInt(SYS_FLAGS_INT_MAX_STR_DIGITS, maxdigits)


def sys_set_int_max_str_digits(module: PyObject, args: list[PyObject],
                               kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/clinic/sysmodule.c.h:sys_set_int_max_str_digits

    CPython: Python/sysmodule.c:sys_set_int_max_str_digits_impl
    """
    a = _PyArg_UnpackKeywords("set_int_max_str_digits", args, kwnames, ["maxdigits"], 1, 1)
    arg = a[0]
    assert arg is not None
    _PySys_SetIntMaxStrDigits(PyLong_AsInt(arg))
    Py_INCREF(Py_None)
    return Py_None


def sys_getrefcount(module: PyObject, arg: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_getrefcount_impl"""
    return PyLong_FromLong(arg.ob_refcnt)


def sys_gettotalrefcount(module: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_gettotalrefcount_impl

    Only in the debug mode, as only a debug build (``Py_REF_DEBUG``) has it.
    """
    return PyLong_FromLong(_Py_GetRefTotal())


def sys_intern(module: PyObject, arg: PyObject) -> PyObject:
    """CPython: Python/sysmodule.c:sys_intern_impl"""
    if not isinstance(arg, PyUnicodeObject) or arg.ob_type.tp_name != "str":
        PyErr_SetString(PyExc_TypeError,
                        f"intern() argument must be str, not {arg.ob_type.tp_name}")
    # pyvm: InternInPlace neither steals nor returns a counted reference (every
    # interned str is immortal); C's Py_NewRef + InternInPlace(&s) balance out.
    return PyUnicode_InternInPlace(arg)


def sys_getframe(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/sysmodule.c:sys__getframe_impl"""
    depth = 0
    if args:
        a = args[0]
        if isinstance(a, PyLongObject):
            depth = a.ob_ival
    f = _tstate.current_frame
    if f is not None:
        while depth > 0:
            # The entry frames of nested interpreter runs are skipped.
            f = _PyFrame_GetFirstComplete(f.previous)
            if f is None:
                break
            depth -= 1
    if f is None:
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough")
    fo = _PyFrame_GetFrameObject(f)
    Py_INCREF(fo)
    return fo


def _str_list(items: list[str]) -> PyObject:
    """pyvm: a new list of str objects."""
    return _PyList_FromArraySteal([PyUnicode_FromString(s) for s in items])


def create_stdio(fd: int) -> PyObject:
    """CPython: Python/pylifecycle.c:create_stdio

    The stream of descriptor ``fd`` (a new reference): None when the
    descriptor is not valid (closed when the program started), as C does for
    "GUI apps" and ``python <&-``.
    """
    if not _Py_IsValidFD(fd):
        Py_INCREF(Py_None)
        return Py_None
    return PyFile_NewStdPrinter(fd)


def init_sys_streams(m: PyModuleObject) -> None:
    """CPython: Python/pylifecycle.c:init_sys_streams

    ``sys.stdin``, ``sys.stdout``, ``sys.stderr`` and their ``__std*__``
    twins.
    """
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        std = create_stdio(fd)
        if fd == 1:
            _interp.sys_stdout = std
        elif fd == 2:
            _interp.sys_stderr = std
        PyModule_AddObjectRef(m, f"__{name}__", std)
        PyModule_AddObjectRef(m, name, std)
        Py_DECREF(std)


def _PySys_Create() -> PyModuleObject:
    """CPython: Python/sysmodule.c:_PySys_Create

    CPython: Python/sysmodule.c:_PySys_InitCore
    """
    m = _interp.sys_module
    if m is not None:
        return m
    m = PyModule_New("sys")
    m.md_builtin = True
    _interp.sys_module = m
    methods = [
        PyMethodDef("exit", sys_exit, METH_FASTCALL),
        PyMethodDef("getrecursionlimit", sys_getrecursionlimit, METH_NOARGS),
        PyMethodDef("setrecursionlimit", sys_setrecursionlimit, METH_O),
        PyMethodDef("exception", sys_exception, METH_NOARGS),
        PyMethodDef("exc_info", sys_exc_info, METH_NOARGS),
        PyMethodDef("getrefcount", sys_getrefcount, METH_O),
        PyMethodDef("get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS),
        PyMethodDef("set_int_max_str_digits", sys_set_int_max_str_digits,
                    METH_FASTCALL | METH_KEYWORDS),
        PyMethodDef("intern", sys_intern, METH_O),
        PyMethodDef("_getframe", sys_getframe, METH_FASTCALL),
    ]
    if _debug.enabled:
        methods.append(PyMethodDef("gettotalrefcount", sys_gettotalrefcount, METH_NOARGS))
    modname = PyUnicode_InternFromString("sys")
    for ml in methods:
        f = PyCFunction_NewEx(ml, m, modname)
        PyModule_AddObjectRef(m, ml.ml_name, f)
        Py_DECREF(f)
    init_sys_streams(m)
    ints: list[tuple[str, int]] = [("maxsize", (1 << 63) - 1), ("hexversion", 0x030E07F0),
                                   ("api_version", 1013), ("maxunicode", 0x10FFFF)]
    for name, iv in ints:
        o = PyLong_FromLong(iv)
        PyModule_AddObjectRef(m, name, o)
        Py_DECREF(o)
    strs: list[tuple[str, str]] = [
        ("version", "3.14.7 (pyvm)"), ("platform", "linux"), ("byteorder", "little"),
        ("executable", ""), ("prefix", ""), ("exec_prefix", ""),
    ]
    for name, sv in strs:
        o = PyUnicode_FromString(sv)
        PyModule_AddObjectRef(m, name, o)
        Py_DECREF(o)
    names_items: list[PyObject] = [_s(n) for n in sorted(_Py_stdlib_module_names)]
    # pyvm: C exposes a frozenset; a tuple until pyvm has sets.
    names_t = _PyTuple_FromArraySteal(names_items)
    PyModule_AddObjectRef(m, "stdlib_module_names", names_t)
    Py_DECREF(names_t)
    vi_items: list[PyObject] = [PyLong_FromLong(3), PyLong_FromLong(14), PyLong_FromLong(7),
                                PyUnicode_FromString("final"), PyLong_FromLong(0)]
    vi = _PyTuple_FromArraySteal(vi_items)
    PyModule_AddObjectRef(m, "version_info", vi)
    Py_DECREF(vi)
    for name in ("argv", "path", "orig_argv", "warnoptions"):
        lst = _str_list([])
        PyModule_AddObjectRef(m, name, lst)
        Py_DECREF(lst)
    flags = make_flags()
    PyModule_AddObjectRef(m, "flags", flags)
    Py_DECREF(flags)
    mods = PyDict_New()
    PyModule_AddObjectRef(m, "modules", mods)
    Py_DECREF(mods)
    PyDict_SetItem(mods, modname, m)
    return m


def _PySys_UpdateConfig(argv: list[str]) -> None:
    """CPython: Python/sysmodule.c:_PySys_UpdateConfig

    Sets ``sys.argv`` (``['']`` when empty, as C does).
    """
    m = _PySys_Create()
    lst = _str_list(argv if argv else [""])
    PyModule_AddObjectRef(m, "argv", lst)
    Py_DECREF(lst)


def _PySys_AddWarnOptionWithError(option: str) -> None:
    """CPython: Python/sysmodule.c:_PySys_AddWarnOptionWithError

    Appends ``option`` to ``sys.warnoptions`` (C's ``get_warnoptions`` makes
    the list when it is missing or not a list).
    """
    m = _PySys_Create()
    key = PyUnicode_InternFromString("warnoptions")
    lst = PyDict_GetItemWithError(m.md_dict, key)
    if lst is None or not isinstance(lst, PyListObject):
        lst = _str_list([])
        PyModule_AddObjectRef(m, "warnoptions", lst)
        Py_DECREF(lst)
    o = PyUnicode_FromString(option)
    PyList_Append(lst, o)
    Py_DECREF(o)


def _PySys_GetStdout() -> PyObject:
    """pyvm: ``sys.stdout`` (borrowed), the printer when the program replaced
    it with nothing usable."""
    o = _PySys_GetAttr("stdout")
    if o is None:
        s = _interp.sys_stdout
        assert s is not None
        return s
    return o


def _PySys_GetStderr() -> PyObject:
    """pyvm: ``sys.stderr`` (borrowed)."""
    o = _PySys_GetAttr("stderr")
    if o is None:
        s = _interp.sys_stderr
        assert s is not None
        return s
    return o


def _sys_init_type() -> None:
    """pyvm: fill the slots and methods of ``PyStdPrinter_Type``."""
    PyStdPrinter_Type.tp_repr = stdprinter_repr
    _PyType_AddMethods(PyStdPrinter_Type, [
        PyMethodDef("write", stdprinter_write, METH_O),
        PyMethodDef("flush", stdprinter_flush, METH_NOARGS),
        PyMethodDef("fileno", stdprinter_fileno, METH_NOARGS),
        PyMethodDef("isatty", stdprinter_isatty, METH_NOARGS),
        PyMethodDef("read", stdprinter_read, METH_FASTCALL),
        PyMethodDef("readline", stdprinter_readline, METH_NOARGS),
    ])


_sys_init_type()
