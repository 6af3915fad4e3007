"""Ports Modules/main.c and the command-line half of Python/initconfig.c and
Python/getopt.c: the ``pyvm`` command.

``pyvm FILE [ARGS]``, ``pyvm -c CODE [ARGS]`` and ``pyvm -`` run a program as
``python`` does: ``sys.argv`` is set the same way, an uncaught exception prints a
CPython 3.14 traceback and exits 1, ``SystemExit`` sets the status. Options are
parsed by a port of ``_PyOS_GetOpt`` with CPython's messages, so a bad flag prints
what ``python`` prints and exits 2.

pyvm adds two subcommands that CPython spells as modules:

* ``pyvm dis FILE`` prints what ``python -m dis FILE`` prints, for the code pyvm's
  compiler produced;
* ``pyvm codedump FILE`` prints a canonical dump of every code object (all ``co_*``
  fields, recursively), read back from pyvm's own marshal output: the form the test
  suite compares with CPython's.

``--interpreted`` and ``--break-at`` are handled earlier, by the uncompiled launcher.
"""

from __future__ import annotations

import os
import sys
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional, TextIO

from pyvm import __version__
from pyvm.compile.compile import _PyCompile_SetOptimizationLevel, Py_CompileString
from pyvm.objects.object import _PyRefDebug_Enable, PyErr
from pyvm.eval.pythonrun import print_compile_error
from pyvm.compile.dis import dis_code_text
from pyvm.objects.codeobject import PyCodeObject
from pyvm.compile.codedump import dump_marshalled
from pyvm.compile.marshal import PyMarshal_WriteObjectToString
from pyvm.eval import pythonrun
from pyvm.objects.object import _debug
from pyvm.modules.sysmodule import (
    SYS_FLAGS_BYTES_WARNING, SYS_FLAGS_OPTIMIZE, _PySys_AddWarnOptionWithError,
    _PySys_SetFlagInt, _PySys_SetIntMaxStrDigits,
)
from pyvm.objects.longobject import _PY_LONG_MAX_STR_DIGITS_THRESHOLD
from pyvm.modules._warningsmodule import _PyWarnings_ProcessOptions

PROGRAM: Final = "pyvm"
PYTHON_VERSION: Final = "3.14.7"

# CPython: Python/getopt.c:SHORT_OPTS — "bBc:dEhiIJm:OPqRsStuvVW:xX:?"
SHORT_OPTS: Final = "bBc:dEhiIm:OPqRsStuvVW:xX:?"
LONG_OPTS: Final = {"check-hash-based-pycs": True, "help-all": False,
                    "help-env": False, "help-xoptions": False}

USAGE_LINE: Final = f"usage: {PROGRAM} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"

USAGE_HELP: Final = f"""\
{PROGRAM} runs Python programs as CPython 3.14 does, with an interpreter written in
typed Python and compiled by mypyc.

Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (not supported yet: pyvm has no import
         system so far)
-V     : print the version number and exit (also --version)
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg (pyvm: the category must be a builtin one)
-X opt : set implementation-specific option (-X refdebug: count references and
         poison freed objects; -X showrefcount: with it, print
         [N refs, M blocks] to stderr at exit)
--interpreted : run pyvm's own Python sources instead of the compiled build
         (also PYVM_INTERPRETED=1); must come before the program
--break-at NAME[,NAME...] : run the program under pdb, stopped at each of these
         instructions (or micro-ops) of the eval loop, in interpreted mode
         (also PYVM_BREAK_AT=NAME); must come before the program
-b     : issue warnings about converting bytes/bytearray to str and comparing
         bytes/bytearray with str or bytes with int. (-bb: issue errors)
         (pyvm: only the warnings filter is set so far)
Accepted for compatibility, without effect so far: -B -d -E -i -I -P -q -R -s
-S -u -v -x

Subcommands:
dis FILE      : print what `python -m dis FILE` prints, for pyvm's compiled code
codedump FILE : print every code object of FILE, all co_* fields, recursively

Arguments:
file   : program read from script file
-      : program read from stdin
arg ...: arguments passed to program in sys.argv[1:]
"""


def _fprintf(stream: Optional[TextIO], text: str) -> None:
    """pyvm: C's ``fprintf`` to the process's stdout or stderr: nothing happens
    when the descriptor was closed (the host's stream is None) or fails."""
    if stream is None:
        return
    try:
        stream.write(text)
    except OSError:
        pass


class UsageError(Exception):
    """pyvm: a command-line error already reported on stderr (exit status 2)."""


class Options:
    """CPython: Include/cpython/initconfig.h:PyConfig (the command-line part)."""

    command: Optional[str]
    module: Optional[str]
    filename: Optional[str]
    argv: list[str]
    xoptions: list[str]
    warnoptions: list[str]
    bytes_warning: int
    optimize: int
    help: bool
    version: bool

    def __init__(self) -> None:
        self.command = None
        self.module = None
        self.filename = None
        self.argv = []
        self.xoptions = []
        self.warnoptions = []
        self.bytes_warning = 0
        self.optimize = 0
        self.help = False
        self.version = False


def _usage_error(message: str) -> UsageError:
    """CPython: Python/initconfig.c:config_usage"""
    _fprintf(sys.stderr, message)
    _fprintf(sys.stderr, USAGE_LINE)
    _fprintf(sys.stderr, f"Try `{PROGRAM} -h' for more information.\n")
    return UsageError()


def config_parse_cmdline(args: list[str]) -> Options:
    """CPython: Python/initconfig.c:config_parse_cmdline

    With the option scanner of ``Python/getopt.c:_PyOS_GetOpt`` inlined: options
    may be grouped (``-Bc code``), an option's argument may be attached
    (``-ccode``), and the first non-option ends the list.
    """
    opts = Options()
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--help":
            opts.help = True
            i += 1
            continue
        if arg == "--version":
            opts.version = True
            i += 1
            continue
        if not arg.startswith("-") or arg == "-":
            break
        if arg == "--":
            i += 1
            break
        i += 1
        if arg.startswith("--"):
            name = arg[2:]
            if name not in LONG_OPTS:
                raise _usage_error(f"Unknown option: {arg}\n")
            if LONG_OPTS[name]:
                if i >= len(args):
                    raise _usage_error(f"Argument expected for the {arg} options\n")
                i += 1
            elif name.startswith("help"):
                opts.help = True
            continue
        j = 1
        while j < len(arg):
            ch = arg[j]
            j += 1
            pos = SHORT_OPTS.find(ch)
            if pos < 0 or ch == ":":
                raise _usage_error(f"Unknown option: -{ch}\n")
            if pos + 1 < len(SHORT_OPTS) and SHORT_OPTS[pos + 1] == ":":
                if j < len(arg):
                    value = arg[j:]
                elif i < len(args):
                    value = args[i]
                    i += 1
                else:
                    raise _usage_error(f"Argument expected for the -{ch} option\n")
                if ch == "c":
                    opts.command = value + "\n"
                    opts.argv = ["-c"] + args[i:]
                    return opts
                if ch == "m":
                    opts.module = value
                    opts.argv = [value] + args[i:]
                    return opts
                if ch == "X":
                    opts.xoptions.append(value)
                elif ch == "W":
                    opts.warnoptions.append(value)
                break
            if ch in "h?":
                opts.help = True
            elif ch == "V":
                opts.version = True
            elif ch == "O":
                opts.optimize += 1
            elif ch == "b":
                opts.bytes_warning += 1
    rest = args[i:]
    if rest and rest[0] != "-":
        opts.filename = rest[0]
        opts.argv = rest
    elif rest:
        opts.argv = rest
    else:
        opts.argv = [""]
    return opts


def _apply_options(opts: Options) -> None:
    """pyvm: act on the options pyvm knows: ``-O``/``-OO`` (with
    ``PYTHONOPTIMIZE``, read into ``PyConfig.optimization_level``) and the ``-X`` options (C stores them in
    ``PyConfig.xoptions`` for the runtime to read)."""
    env = os.environ.get("PYTHONOPTIMIZE", "")
    level = int(env) if env.isdigit() else (1 if env else 0)
    _PyCompile_SetOptimizationLevel(max(level, opts.optimize))
    for x in opts.xoptions:
        if x == "refdebug":
            _PyRefDebug_Enable(True)
        elif x == "showrefcount":
            # Python/initconfig.c: config->show_ref_count; only a debug build
            # (pyvm's debug mode) prints anything.

            _debug.showrefcount = True
    # sys is created from here on, with the debug mode (-X refdebug) decided.
    config_init_int_max_str_digits(opts)
    _PySys_SetFlagInt(SYS_FLAGS_OPTIMIZE, max(level, opts.optimize))
    _PySys_SetFlagInt(SYS_FLAGS_BYTES_WARNING, opts.bytes_warning)
    config_init_warnoptions(opts)


def _str_to_int(text: str) -> Optional[int]:
    """CPython: Python/preconfig.c:_Py_str_to_int

    The value of a decimal int option, or None when it is not one.
    """
    t = text.strip()
    digits = t[1:] if t[:1] in ("+", "-") else t
    if not digits or not digits.isdigit() or not digits.isascii():
        return None
    v = int(t)
    return v if -(1 << 31) <= v < (1 << 31) else None


def config_init_int_max_str_digits(opts: Options) -> None:
    """CPython: Python/initconfig.c:config_init_int_max_str_digits

    ``PYTHONINTMAXSTRDIGITS`` then ``-X int_max_str_digits=N`` set the limit of
    int <-> str conversions (``sys.set_int_max_str_digits``); an invalid value
    is a fatal start-up error. pyvm: like ``PYTHONOPTIMIZE``, the variable is
    read even under ``-E``.
    """
    threshold = _PY_LONG_MAX_STR_DIGITS_THRESHOLD
    maxdigits = -1
    env = os.environ.get("PYTHONINTMAXSTRDIGITS", "")
    if env:
        v = _str_to_int(env)
        if v is None or not (v == 0 or v >= threshold):
            raise _fatal_init_error("config_init_int_max_str_digits",
                                    "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= "
                                    f"{threshold} or 0 for unlimited.")
        maxdigits = v
    xopt: Optional[str] = None
    for x in opts.xoptions:
        if x == "int_max_str_digits" or x.startswith("int_max_str_digits="):
            xopt = x  # the last one wins, as in C's config_get_xoption
    if xopt is not None:
        sep = xopt.find("=")
        v = _str_to_int(xopt[sep + 1:]) if sep >= 0 else None
        if v is None or not (v == 0 or v >= threshold):
            raise _fatal_init_error("config_init_int_max_str_digits",
                                    "-X int_max_str_digits: invalid limit; must be >= "
                                    f"{threshold} or 0 for unlimited.")
        maxdigits = v
    if maxdigits < 0:
        return
    _PySys_SetIntMaxStrDigits(maxdigits)


class InitError(Exception):
    """pyvm: a start-up error already reported on stderr (C's ``PyStatus`` error,
    exit status 1)."""


def _fatal_init_error(func: str, message: str) -> InitError:
    """CPython: Python/pylifecycle.c:Py_ExitStatusException

    Prints ``Fatal Python error: FUNC: MESSAGE`` as ``fatal_error`` does for a
    start-up error (the runtime is pre-initialized then).
    """
    _fprintf(sys.stderr, f"Fatal Python error: {func}: {message}\n"
                     "Python runtime state: preinitialized\n\n")
    return InitError()


def config_init_warnoptions(opts: Options) -> None:
    """CPython: Python/initconfig.c:config_init_warnoptions

    ``sys.warnoptions``: the ``PYTHONWARNINGS`` options (comma-separated), then
    the ``-W`` ones, then the filter of ``-b``/``-bb``
    (``default::BytesWarning``/``error::BytesWarning``; pyvm issues no
    BytesWarning yet), each once; later ones take precedence. CPython's
    ``warnings`` module, which the interpreter imports at start-up when there
    are any, turns them into filters (``_processoptions``); pyvm does that
    here. pyvm: like ``PYTHONOPTIMIZE``, ``PYTHONWARNINGS`` is read even under
    ``-E``.
    """
    options: list[str] = []
    env = os.environ.get("PYTHONWARNINGS", "")
    candidates = [w for w in env.split(",") if w] + opts.warnoptions
    if opts.bytes_warning:
        candidates.append("error::BytesWarning" if opts.bytes_warning > 1
                          else "default::BytesWarning")
    for opt in candidates:
        if opt not in options:
            options.append(opt)
    if not options:
        return
    for opt in options:
        _PySys_AddWarnOptionWithError(opt)
    _PyWarnings_ProcessOptions(options)


def _read_source(path: str) -> Optional[bytes]:
    """CPython: Modules/main.c:pymain_run_file_obj (the opening of the file)

    Returns ``None`` after printing CPython's message when the file cannot be read.
    """
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        abspath = os.path.abspath(path)
        _fprintf(sys.stderr, f"{PROGRAM}: can't open file {abspath!r}: "
                         f"[Errno {e.errno}] {e.strerror}\n")
        return None


def _compile_or_report(source: bytes, filename: str) -> Optional[object]:
    """pyvm: compile for the ``dis`` and ``codedump`` subcommands; a SyntaxError is
    printed as CPython prints it, and ``None`` returned."""
    try:
        return Py_CompileString(source, filename, "exec")
    except PyErr as err:
        print_compile_error(err)
        return None


def run_dis(args: list[str]) -> int:
    """pyvm: ``pyvm dis FILE``, the counterpart of ``python -m dis FILE``
    (Lib/dis.py's ``main``)."""
    if len(args) != 1 or args[0].startswith("-"):
        _fprintf(sys.stderr, f"usage: {PROGRAM} dis FILE\n")
        return 2
    source = _read_source(args[0])
    if source is None:
        return 2
    co = _compile_or_report(source, args[0])
    if co is None:
        return 1

    assert isinstance(co, PyCodeObject)
    _fprintf(sys.stdout, dis_code_text(co))
    return 0


def run_codedump(args: list[str]) -> int:
    """pyvm: ``pyvm codedump FILE``: every code object, through pyvm's marshal."""
    if len(args) != 1 or args[0].startswith("-"):
        _fprintf(sys.stderr, f"usage: {PROGRAM} codedump FILE\n")
        return 2
    source = _read_source(args[0])
    if source is None:
        return 2
    co = _compile_or_report(source, args[0])
    if co is None:
        return 1

    assert isinstance(co, PyCodeObject)
    _fprintf(sys.stdout, dump_marshalled(PyMarshal_WriteObjectToString(co, 5)))
    return 0


def pymain_run_module_dir(opts: Options) -> int:
    """CPython: Modules/main.c:pymain_run_python
    CPython: Modules/main.c:pymain_get_importer
    CPython: Modules/main.c:pymain_run_module

    A directory given as the script has an importer: CPython puts it first
    on ``sys.path`` and runs its ``__main__`` module through
    ``runpy._run_module_as_main``, which exits with
    ``"<executable>: can't find '__main__' module in '<dir>'"`` (status 1)
    when there is none. pyvm: without an import system, a ``__main__.py``
    in the directory runs as a script file (runpy's frames are not in its
    tracebacks).
    """
    assert opts.filename is not None
    path = opts.filename
    # The importer's path is the script path made absolute (config's
    # run_filename), as sys.path[0] shows it.
    path0 = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    main_py = os.path.join(path, "__main__.py")
    if not os.path.isfile(main_py):
        sys.stderr.write(f"{PROGRAM}: can't find '__main__' module in {path0!r}\n")
        return 1
    st = pythonrun.run_file(main_py, opts.argv)
    return _finalize(st)


def pymain_main(args: list[str]) -> int:
    """CPython: Modules/main.c:pymain_main

    Parses the command line, then runs the command, file or stdin program
    (``pymain_run_python``) and returns the exit status.
    """
    if args and args[0] == "dis":
        return run_dis(args[1:])
    if args and args[0] == "codedump":
        return run_codedump(args[1:])
    try:
        opts = config_parse_cmdline(args)
    except UsageError:
        return 2
    if opts.help:
        _fprintf(sys.stdout, USAGE_LINE)
        _fprintf(sys.stdout, USAGE_HELP)
        return 0
    if opts.version:
        _fprintf(sys.stdout, f"Python {PYTHON_VERSION} (pyvm {__version__})\n")
        return 0
    try:
        _apply_options(opts)
    except InitError:
        return 1

    if opts.command is not None:
        st = pythonrun.run_string(opts.command, opts.argv)
        return _finalize(st)
    if opts.module is not None:
        _fprintf(sys.stderr, f"{PROGRAM}: -m is not supported yet: "
                         "pyvm has no import system so far\n")
        return 2
    if opts.filename is not None and os.path.isdir(opts.filename):
        return pymain_run_module_dir(opts)
    if opts.filename is not None:
        source = _read_source(opts.filename)
        if source is None:
            return 2
        st = pythonrun.run_file(opts.filename, opts.argv)
        return _finalize(st)
    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        _fprintf(sys.stderr, f"{PROGRAM}: the interactive prompt is not supported yet; "
                         "give a file, -c or a program on standard input\n")
        return 2
    # CPython: Modules/main.c:pymain_run_stdin — a program piped in runs as the
    # file <stdin>; a closed stdin reads as an empty program.
    data = stdin.buffer.read() if stdin is not None else b""
    return _finalize(pythonrun.run_stdin(data, opts.argv))


def _finalize(status: int) -> int:
    """CPython: Modules/main.c:Py_RunMain (its end)

    The exit status of a run: 120 when the standard streams cannot be flushed
    at exit (``Py_FinalizeEx`` failing), else the program's.
    """
    if pythonrun.Py_FinalizeEx() < 0:
        return 120
    return status


def main(args: Optional[list[str]] = None) -> int:
    """pyvm: the entry point the launcher calls (``Py_BytesMain`` in C)."""
    return pymain_main(sys.argv[1:] if args is None else args)
