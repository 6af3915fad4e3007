"""The standard streams at the process level (issue #10): a reader that goes away,
a stream that cannot be flushed at exit, and descriptors closed at start-up.

CPython's command line is not in the oracle (pyodide has no ``python`` binary), so
these check the rules of CPython 3.14's Python/pylifecycle.c (``create_stdio``,
``flush_std_files``, ``Py_FinalizeEx`` failing -> status 120), as test_cli.py
does for Modules/main.c. Like test_cli.py they run the installed ``pyvm``, or this
checkout with ``PYVM_FROM_CHECKOUT=1``.
"""

from __future__ import annotations

import os
import subprocess
from typing import Optional

import pytest

from pyvm_runner import MODES, ROOT, TIMEOUT, mode_env, pyvm_argv, require_mode


def _env(mode: str) -> dict[str, str]:
    """The run's environment, with the host's buffering (``PYTHONUNBUFFERED`` is
    CPython's too, but the exit-time flush needs buffered output to fail)."""
    env = mode_env(mode)
    env.pop("PYTHONUNBUFFERED", None)
    return env


def _run(mode: str, args: list[str], close_fd: Optional[int] = None,
         stdout: object = subprocess.PIPE, stdin: object = subprocess.DEVNULL
         ) -> subprocess.CompletedProcess[str]:
    """``pyvm ARGS`` with descriptor ``close_fd`` closed, as ``<&-`` / ``>&-`` do."""
    require_mode(mode)

    def close() -> None:
        if close_fd is not None:
            os.close(close_fd)

    return subprocess.run(pyvm_argv(args), stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, env=_env(mode), cwd=ROOT,
                          timeout=TIMEOUT, preexec_fn=close)


def _first_line_then_close(mode: str, code: str) -> tuple[int, str, str]:
    """Run ``pyvm -c CODE`` into a pipe whose reader leaves after one line (``| head -1``)."""
    require_mode(mode)
    p = subprocess.Popen(pyvm_argv(["-c", code]), stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env=_env(mode), cwd=ROOT)
    try:
        assert p.stdout is not None and p.stderr is not None
        first = p.stdout.readline()
        p.stdout.close()
        err = p.stderr.read()
        rc = p.wait(timeout=TIMEOUT)
    finally:
        p.kill()
    return rc, first, err


@pytest.mark.parametrize("mode", MODES)
def test_broken_pipe_is_the_programs_exception(mode: str) -> None:
    rc, first, err = _first_line_then_close(mode, "for i in range(10**6): print(i)")
    assert first == "0\n"
    assert rc == 1
    lines = err.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "BrokenPipeError: [Errno 32] Broken pipe"
    assert "internal error" not in err and "Exception ignored" not in err


@pytest.mark.parametrize("mode", MODES)
def test_broken_pipe_can_be_caught_as_oserror(mode: str) -> None:
    code = ("import sys\ntry:\n    for i in range(10**6): print(i)\n"
            "except OSError as e:\n    sys.stderr.write(type(e).__name__ + ' ' + str(e.errno))\n")
    rc, first, err = _first_line_then_close(mode, code)
    assert (rc, first, err) == (0, "0\n", "BrokenPipeError 32")


@pytest.mark.parametrize("mode", MODES)
def test_output_after_a_broken_pipe_fails_at_exit(mode: str) -> None:
    # What is printed after the pipe broke stays buffered; flushing it at exit
    # fails: reported once (not again by the host running pyvm), status 120.
    code = ("try:\n    for i in range(10**6): print(i)\n"
            "except BrokenPipeError:\n    print('more')\n")
    rc, first, err = _first_line_then_close(mode, code)
    assert (rc, first) == (120, "0\n")
    assert err == ("Exception ignored while flushing sys.stdout:\n"
                   "BrokenPipeError: [Errno 32] Broken pipe\n")


@pytest.mark.parametrize("mode", MODES)
def test_failing_flush_at_exit_gives_status_120(mode: str) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    for code in ("print('x')", "import sys\nprint('x')\nsys.exit(3)"):
        with open("/dev/full", "w") as full:
            p = _run(mode, ["-c", code], stdout=full)
        assert p.returncode == 120
        assert p.stderr == ("Exception ignored while flushing sys.stdout:\n"
                            "OSError: [Errno 28] No space left on device\n")


@pytest.mark.parametrize("mode", MODES)
def test_closed_stdin_is_none(mode: str) -> None:
    p = _run(mode, ["-c", "import sys; print(sys.stdin, sys.__stdin__)"], close_fd=0)
    assert (p.returncode, p.stdout, p.stderr) == (0, "None None\n", "")
    # No program on a closed stdin is an empty program.
    p = _run(mode, [], close_fd=0)
    assert (p.returncode, p.stdout, p.stderr) == (0, "", "")


@pytest.mark.parametrize("mode", MODES)
def test_closed_stdout_is_none(mode: str) -> None:
    p = _run(mode, ["-c", "import sys; print('lost'); sys.stderr.write(repr(sys.stdout))"],
             close_fd=1, stdout=None)
    assert (p.returncode, p.stderr) == (0, "None")


@pytest.mark.parametrize("mode", MODES)
def test_stdin_reads(mode: str) -> None:
    code = ("import sys\nprint(sys.stdin, sys.stdin.fileno())\n"
            "print(repr(sys.stdin.readline()), repr(sys.stdin.read()))\n")
    require_mode(mode)
    p = subprocess.run(pyvm_argv(["-c", code]), input="hello\nworld\n", capture_output=True,
                       text=True, env=_env(mode), cwd=ROOT, timeout=TIMEOUT)
    assert p.returncode == 0, p.stderr
    assert p.stdout == ("<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'> 0\n"
                        "'hello\\n' 'world\\n'\n")
