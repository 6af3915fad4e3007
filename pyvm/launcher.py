"""pyvm: the uncompiled launcher behind the ``pyvm`` command.

It has no CPython counterpart: CPython's ``python`` binary is ``Programs/python.c``
calling ``Py_BytesMain`` (``Modules/main.c``), which ``pyvm/cli.py`` ports. This file
only chooses which pyvm runs:

* the compiled build (default): the mypyc extension modules installed with pyvm;
* the interpreted mode (``--interpreted`` anywhere before the program name, or
  ``PYVM_INTERPRETED=1``): the same package's ``.py`` sources, run by the host
  interpreter, so a debugger can step through the eval loop. A meta-path finder
  placed first on ``sys.meta_path`` makes every ``pyvm.*`` import load its source
  file even where a compiled extension sits beside it.

Host errors never reach the user as a host traceback: an internal error of pyvm is
reported in one line (set ``PYVM_TRACEBACK=1`` to see the host traceback), and
Ctrl-C that escapes the interpreter ends the process as CPython's does.

The interpreter runs in a host thread with a large stack (``_HOST_STACK_SIZES``,
virtual memory: only the pages touched cost) and under a high host recursion
limit, so that pyvm's own C stack model (pyvm/pystate.py ``Py_C_STACK_SIZE``)
always raises the program's RecursionError before the host's stack or recursion
limit is reached, in both builds. The main thread only waits for it: it is the
one that receives signals, and its SIGINT handler notes Ctrl-C for the eval
breaker, which the interpreter thread polls.
"""

from __future__ import annotations

import _thread
import os
import signal
import sys
from importlib.machinery import (
    EXTENSION_SUFFIXES, SOURCE_SUFFIXES, FileFinder, ModuleSpec, SourceFileLoader,
)
TYPE_CHECKING = False
if TYPE_CHECKING:  # the host's typing is not imported at start-up
    from typing import Optional, Sequence

INTERPRETED_ENV = "PYVM_INTERPRETED"
BREAK_AT_ENV = "PYVM_BREAK_AT"

# pyvm: the host thread stacks tried for the interpreter, largest first (a host
# that cannot map one tries the next). The model stack is 8 MiB; one model byte
# costs the host a few real bytes in the compiled build (native recursion) and
# far less in the interpreted one (the host's Python frames live on the heap).
_HOST_STACK_SIZES = (1024 << 20, 512 << 20, 256 << 20)

# pyvm: the host recursion limit while pyvm runs: above the host frames the
# deepest nesting the C stack model allows can take in the interpreted build
# (compiled, native calls do not count against it).
_HOST_RECURSION_LIMIT = 1_000_000


class SourceOnlyFinder:
    """pyvm: finds ``pyvm.*`` modules as source files, never as compiled extensions."""

    def find_spec(self, fullname: str, path: Optional[Sequence[str]],
                  target: object = None) -> Optional[ModuleSpec]:
        """pyvm: the meta-path finder protocol (importlib.abc.MetaPathFinder)."""
        if not fullname.startswith("pyvm.") or path is None:
            return None
        for entry in path:
            spec = FileFinder(entry, (SourceFileLoader, SOURCE_SUFFIXES)).find_spec(fullname)
            if spec is not None:
                return spec
        return None


def use_interpreted_mode() -> None:
    """pyvm: make every later ``pyvm.*`` import load the ``.py`` source."""
    if not any(isinstance(f, SourceOnlyFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, SourceOnlyFinder())
    os.environ[INTERPRETED_ENV] = "1"


def _take_interpreted_flag(argv: list[str]) -> tuple[bool, list[str]]:
    """pyvm: finds ``--interpreted`` among pyvm's own options (before the program name)
    and returns whether interpreted mode is wanted, with the flag removed."""
    for i, arg in enumerate(argv):
        if arg == "--interpreted":
            return True, argv[:i] + argv[i + 1:]
        if not arg.startswith("-") or arg in ("-c", "-m", "-"):
            break
    return os.environ.get(INTERPRETED_ENV, "") not in ("", "0"), argv


def _take_break_at(argv: list[str]) -> tuple[str, list[str]]:
    """pyvm: finds ``--break-at NAMES`` (or ``--break-at=NAMES``) among pyvm's own
    options and returns the names (``PYVM_BREAK_AT`` if absent), with the option
    removed."""
    for i, arg in enumerate(argv):
        if arg == "--break-at":
            if i + 1 == len(argv):
                sys.stderr.write("pyvm: --break-at needs an instruction name\n")
                sys.exit(2)
            return argv[i + 1], argv[:i] + argv[i + 2:]
        if arg.startswith("--break-at="):
            return arg[len("--break-at="):], argv[:i] + argv[i + 1:]
        if not arg.startswith("-") or arg in ("-c", "-m", "-"):
            break
    return os.environ.get(BREAK_AT_ENV, ""), argv


def _compiled_build_present() -> bool:
    """pyvm: is a compiled eval loop installed beside the sources?"""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval")
    return any(os.path.exists(os.path.join(here, "ceval" + suffix))
               for suffix in EXTENSION_SUFFIXES)


class _Sigint:
    """pyvm: a SIGINT noticed by the host's signal handler, not yet delivered."""

    pending = False


def _on_sigint(signum: int, frame: object) -> None:
    """pyvm: the host-level SIGINT handler: only note the signal, so that a Ctrl-C
    never interrupts pyvm's own code halfway through an object update."""
    _Sigint.pending = True


def _check_signals() -> None:
    """pyvm: the eval breaker's hook (``pyvm.pystate._interp.eval_breaker_check``).

    This module is not compiled, so calling this function enters the host's eval
    loop, which runs pending signal handlers first; a noted SIGINT then becomes a
    ``KeyboardInterrupt`` that the eval loop turns into the program's own.
    """
    if _Sigint.pending:
        _Sigint.pending = False
        raise KeyboardInterrupt


def _install_eval_breaker() -> None:
    """pyvm: deliver Ctrl-C to the running program through the eval loop."""
    from pyvm import pystate

    signal.signal(signal.SIGINT, _on_sigint)
    pystate._interp.eval_breaker_check = _check_signals


def _unhandled_interrupt() -> bool:
    """pyvm: did the program end with an unhandled KeyboardInterrupt?"""
    pythonrun = sys.modules.get("pyvm.eval.pythonrun")
    return pythonrun is not None and bool(pythonrun._runtime.unhandled_keyboard_interrupt)


def _exit_sigint() -> None:
    """pyvm: end the process by SIGINT, as ``Modules/main.c:exit_sigint`` does
    after an unhandled KeyboardInterrupt, so a calling shell sees the signal."""
    _quiet_host_streams()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


class _Outcome:
    """pyvm: what the interpreter thread hands back to the main thread."""

    status = 70
    interrupted = False
    error: BaseException | None = None


def _run(argv: list[str], break_at: str, outcome: _Outcome) -> None:
    """pyvm: run ``pyvm.cli`` (in the interpreter thread) and record the status."""
    try:
        from pyvm.cli import main as cli_main

        if break_at:
            from pyvm.eval.debug import run_with_breakpoints

            status = run_with_breakpoints(break_at, lambda: cli_main(argv))
        else:
            status = cli_main(argv)
        outcome.interrupted = _unhandled_interrupt()
    except KeyboardInterrupt:
        # The eval loop turns Ctrl-C into the program's KeyboardInterrupt; this is
        # the fallback for an interrupt outside it (start-up, compilation).
        _write_stderr("\nKeyboardInterrupt\n")
        status = 130
    except RecursionError:
        _write_stderr("pyvm: internal error: host recursion limit exceeded\n")
        status = 70
    except Exception as e:  # noqa: BLE001 — last-resort guard, see the docstring
        if os.environ.get("PYVM_TRACEBACK"):
            outcome.error = e
            return
        _write_stderr(f"pyvm: internal error: {type(e).__name__}: {e}\n"
                      "(set PYVM_TRACEBACK=1 to see the host traceback)\n")
        status = 70
    outcome.status = status


def _run_in_big_thread(argv: list[str], outcome: _Outcome) -> None:
    """pyvm: run :func:`_run` in a host thread with a large stack and wait for it
    in the main thread, where the SIGINT handler runs (a lock's acquire lets the
    handler run while it waits)."""
    done = _thread.allocate_lock()
    done.acquire()

    def body() -> None:
        try:
            _run(argv, "", outcome)
        finally:
            done.release()

    old_size = _thread.stack_size()
    started = False
    for size in _HOST_STACK_SIZES:
        try:
            _thread.stack_size(size)
            _thread.start_new_thread(body, ())
            started = True
            break
        except (RuntimeError, ValueError, MemoryError):
            continue
    _thread.stack_size(old_size)
    if not started:
        _run(argv, "", outcome)     # no thread: the main thread's stack
        return
    while True:
        try:
            done.acquire()
            return
        except KeyboardInterrupt:
            # A SIGINT handler other than pyvm's raised in the main thread; the
            # interpreter thread goes on (it sees Ctrl-C through the eval breaker).
            continue


def main() -> None:
    """pyvm: the ``pyvm`` console script: choose the build, then run ``pyvm.cli``."""
    break_at, argv = _take_break_at(sys.argv[1:])
    interpreted, argv = _take_interpreted_flag(argv)
    if break_at and not interpreted and _compiled_build_present():
        sys.stderr.write("pyvm: --break-at runs the interpreted mode (pdb cannot "
                         "stop in the compiled build)\n")
    if interpreted or break_at:
        use_interpreted_mode()
    if sys.getrecursionlimit() < _HOST_RECURSION_LIMIT:
        sys.setrecursionlimit(_HOST_RECURSION_LIMIT)
    outcome = _Outcome()
    if not argv or argv[0] not in ("dis", "codedump"):
        _install_eval_breaker()
    if break_at:
        # pdb stops in the thread it traces: the debugger runs in the main thread.
        _run(argv, break_at, outcome)
    else:
        _run_in_big_thread(argv, outcome)
    if outcome.error is not None:
        raise outcome.error
    if outcome.interrupted:
        _exit_sigint()
    _quiet_host_streams()
    sys.exit(outcome.status)


def _write_stderr(text: str) -> None:
    """pyvm: a message of the launcher, if the host has a stderr that takes it."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except OSError:
        pass


def _quiet_host_streams() -> None:
    """pyvm: flush the host's stdout and stderr one last time; one that fails
    (a closed pipe, a full disk) is pointed at the null device, so that the host
    interpreter's own exit does not report it again (pyvm already reported it,
    as ``flush_std_files`` does, and chose the exit status)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, stream.fileno())
                os.close(devnull)
            except (OSError, ValueError):
                pass
