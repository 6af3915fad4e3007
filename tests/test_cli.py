"""The ``pyvm`` command (pyvm/cli.py, a port of Modules/main.c): options, errors
and exit statuses, in the compiled build and in interpreted mode.

CPython's own command line is not in the oracle (pyodide has no ``python``
binary), so these check the rules CPython's main.c and getopt.c follow, with
pyvm's program name in place of ``python``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyvm_runner import (MODES, ROOT, from_checkout, mode_env, pyvm_argv, pyvm_command,
                         require_mode, run_pyvm)



@pytest.mark.parametrize("mode", MODES)
def test_command_runs_and_exits_zero(mode: str) -> None:
    p = run_pyvm(mode, ["-c", "print(6 * 7)"])
    assert (p.returncode, p.stdout, p.stderr) == (0, "42\n", "")


@pytest.mark.parametrize("mode", MODES)
def test_uncaught_exception_exits_one_with_traceback(mode: str, tmp_path: Path) -> None:
    prog = tmp_path / "boom.py"
    prog.write_text("def f(x):\n    return 1 // x\n\nf(0)\n")
    p = run_pyvm(mode, [str(prog)])
    assert p.returncode == 1
    lines = p.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[1] == f'  File "{prog}", line 4, in <module>'
    # The message itself is checked against the oracle by the differential programs.
    assert lines[-1].startswith("ZeroDivisionError: ")


@pytest.mark.parametrize("mode", MODES)
def test_unknown_option(mode: str) -> None:
    p = run_pyvm(mode, ["-Z"])
    assert p.returncode == 2
    assert p.stderr.splitlines() == [
        "Unknown option: -Z",
        "usage: pyvm [option] ... [-c cmd | -m mod | file | -] [arg] ...",
        "Try `pyvm -h' for more information.",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_option_missing_its_argument(mode: str) -> None:
    p = run_pyvm(mode, ["-c"])
    assert p.returncode == 2
    assert p.stderr.splitlines()[0] == "Argument expected for the -c option"


@pytest.mark.parametrize("mode", MODES)
def test_missing_file(mode: str, tmp_path: Path) -> None:
    missing = tmp_path / "nope.py"
    p = run_pyvm(mode, [str(missing)])
    assert p.returncode == 2
    assert p.stderr == (f"pyvm: can't open file {str(missing)!r}: "
                        "[Errno 2] No such file or directory\n")


@pytest.mark.parametrize("mode", MODES)
def test_version_and_help(mode: str) -> None:
    v = run_pyvm(mode, ["--version"])
    assert v.returncode == 0 and v.stdout.startswith("Python 3.14.")
    h = run_pyvm(mode, ["-h"])
    assert h.returncode == 0
    assert h.stdout.startswith("usage: pyvm [option] ... [-c cmd | -m mod | file | -] [arg] ...")


@pytest.mark.parametrize("mode", MODES)
def test_syntax_error_is_reported_like_cpython(mode: str) -> None:
    p = run_pyvm(mode, ["-c", "x = (1,\n"])
    assert p.returncode == 1
    assert p.stderr.splitlines()[-1].startswith("SyntaxError: ")
    assert "Traceback" not in p.stderr


@pytest.mark.parametrize("mode", MODES)
def test_program_from_stdin(mode: str) -> None:
    p = run_pyvm(mode, [], stdin="print('from stdin')\n")
    assert (p.returncode, p.stdout) == (0, "from stdin\n")


@pytest.mark.parametrize("mode", MODES)
def test_dis_of_missing_file(mode: str) -> None:
    p = run_pyvm(mode, ["dis", "no/such/file.py"])
    assert p.returncode == 2
    assert "can't open file" in p.stderr


def test_interpreted_flag_selects_source_modules() -> None:
    if from_checkout():
        pytest.skip("checks the installed package (PYVM_FROM_CHECKOUT=1 runs the checkout)")
    code = "import pyvm.eval.ceval as m; print(m.__file__)"
    env = dict(os.environ, PYVM_INTERPRETED="1")
    p = subprocess.run([sys.executable, "-c",
                        "from pyvm.launcher import use_interpreted_mode; "
                        f"use_interpreted_mode(); {code}"],
                       capture_output=True, text=True, env=env, cwd="/")
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().endswith("ceval.py")
    assert pyvm_command()


def _interrupt(mode: str, program: str) -> tuple[int, str, str]:
    """Start ``pyvm -c program``, wait for its first line, send SIGINT."""
    import signal

    require_mode(mode)
    p = subprocess.Popen(pyvm_argv(["-c", program]), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=mode_env(mode), cwd=ROOT,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert p.stdout is not None
        first = p.stdout.readline()
        assert first == "ready\n", first
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
    finally:
        p.kill()
    return p.returncode, first + out, err


@pytest.mark.parametrize("mode", MODES)
def test_ctrl_c_ends_a_loop_like_cpython(mode: str) -> None:
    import signal

    rc, out, err = _interrupt(mode, "print('ready', flush=True)\nwhile True:\n    pass\n")
    assert rc == -signal.SIGINT
    assert err.splitlines()[0] == "Traceback (most recent call last):"
    assert err.splitlines()[-1] == "KeyboardInterrupt"


@pytest.mark.parametrize("mode", MODES)
def test_ctrl_c_can_be_caught(mode: str) -> None:
    rc, out, err = _interrupt(
        mode, "print('ready', flush=True)\ntry:\n    while True:\n        pass\n"
              "except KeyboardInterrupt:\n    print('caught')\n")
    assert (rc, out, err) == (0, "ready\ncaught\n", "")


@pytest.mark.parametrize("mode", MODES)
def test_optimize_flags(mode: str, tmp_path: Path) -> None:
    # -O drops asserts and makes __debug__ False; -OO also drops docstrings.
    prog = tmp_path / "opt.py"
    prog.write_text('"""doc"""\ndef f():\n    "fdoc"\n    assert False\n    return __debug__\n'
                    "print(__doc__, f.__doc__)\ntry:\n    print(f())\n"
                    "except AssertionError:\n    print('assert')\n")
    outs = [run_pyvm(mode, [*flags, str(prog)]).stdout for flags in ([], ["-O"], ["-OO"])]
    assert outs == ["doc fdoc\nassert\n", "doc fdoc\nFalse\n", "None None\nFalse\n"]
