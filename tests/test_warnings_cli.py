"""``-W`` options and ``PYTHONWARNINGS`` (pyvm/cli.py, pyvm/modules/_warningsmodule.py).

The differential programs run without options, so the command line's warning
control is checked here, by running ``python -m pyvm`` from this checkout
(``PYTHONPATH`` = the root, interpreted mode; no installed pyvm is needed).

The oracle has no command line, but CPython turns ``sys.warnoptions`` into
filters with ``warnings._processoptions`` when the interpreter imports
``warnings`` at start-up; each snippet below does exactly that on its first
line (after putting back the five default filters, since the oracle runs every
snippet in one process) and then runs the program's code. pyvm runs the same
code, with the options on its command line: stdout, stderr and status must
match. ``sys.warnoptions`` itself, which the oracle cannot show, is compared
with the host's ``python3`` (3.11 and 3.14 build it the same way,
Python/initconfig.c:config_init_warnoptions).

``python3 tests/test_warnings_cli.py --regen`` rewrites
tests/warnings_cli_oracle.json.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys

import pytest

from unit_oracle import ROOT, UnitOracle

ORACLE = UnitOracle(__file__)
if __name__ == "__main__":
    ORACLE.main()  # --regen runs the oracle only: pyvm is not imported

PREFACE = re.compile(r"^import warnings as _w; _w\.filters\[:\] = _w\.filters\[-5:\]; "
                     r"_w\._processoptions\((\[.*?\])\); ")


def run_pyvm(args: list[str], env_warnings: str | None = None) -> tuple[int, str, str]:
    """``python -m pyvm ARGS`` from the checkout: (status, stdout, stderr)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT
    env.pop("PYTHONWARNINGS", None)
    if env_warnings is not None:
        env["PYTHONWARNINGS"] = env_warnings
    p = subprocess.run([sys.executable, "-m", "pyvm"] + args, cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def split(snippet: str) -> tuple[list[str], str]:
    """The options a snippet's first line hands to ``_processoptions``, and the
    program that follows (same lines, so the line numbers agree)."""
    m = PREFACE.match(snippet)
    assert m, snippet
    opts = ast.literal_eval(m.group(1))
    assert isinstance(opts, list)
    return [str(o) for o in opts], snippet[m.end():]


def check_W(snippet: str, expected: tuple[int, str, str]) -> None:
    """pyvm: the snippet's code run with its options as ``-W`` options."""
    opts, code = split(snippet)
    args: list[str] = []
    for o in opts:
        args += ["-W", o]
    assert run_pyvm(args + ["-c", code]) == expected


def check_env(snippet: str, expected: tuple[int, str, str]) -> None:
    """pyvm: the snippet's code run with its options in ``PYTHONWARNINGS``."""
    opts, code = split(snippet)
    assert run_pyvm(["-c", code], ",".join(opts)) == expected


def test_W_error_makes_a_warning_an_exception() -> None:
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; _w._processoptions(['error']); "
        "import _warnings\n"
        "try:\n"
        "    _warnings.warn('boom', RuntimeWarning)\n"
        "except RuntimeWarning as e:\n"
        "    print('caught', e)\n"
        "_warnings.warn('uncaught')\n"
    )
    check_W(src, ORACLE.P(src))


def test_W_ignore_and_error_by_category() -> None:
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; "
        "_w._processoptions(['ignore::UserWarning', 'error::RuntimeWarning']); "
        "import _warnings\n"
        "_warnings.warn('ignored')\n"
        "_warnings.warn('shown', FutureWarning)\n"
        "try:\n"
        "    _warnings.warn('raised', RuntimeWarning)\n"
        "except RuntimeWarning as e:\n"
        "    print('caught', e)\n"
        "print(_warnings.filters[:3])\n"
    )
    check_W(src, ORACLE.P(src))


def test_the_last_option_wins() -> None:
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; "
        "_w._processoptions(['error', 'ignore', 'default::DeprecationWarning']); "
        "import _warnings\n"
        "_warnings.warn('first')\n"
        "print(_warnings.filters[:3])\n"
    )
    check_W(src, ORACLE.P(src))


def test_invalid_options_are_reported_and_skipped() -> None:
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; "
        "_w._processoptions(['foo', 'ignore::Foo', 'ignore::int', 'a:b:c:d:e:f', "
        "'ignore:::x:-1', 'ignore:::x:abc', 'nosuch::nosuchmodule.X', ' Al :: Warning', "
        "'i::builtins.DeprecationWarning', 'E']); "
        "import _warnings\n"
        "print(len(_warnings.filters), _warnings.filters[:2])\n"
    )
    check_W(src, ORACLE.P(src))


def test_module_and_lineno_fields() -> None:
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; "
        "_w._processoptions(['error:::__main__', 'ignore:::__main__:2', "
        "'always:::other', 'ignore:Quiet', 'always:a.b*c:UserWarning']); "
        "import _warnings\n"
        "_warnings.warn('line 2 is ignored')\n"
        "try:\n"
        "    _warnings.warn('raised')\n"
        "except UserWarning as e:\n"
        "    print('caught', e)\n"
        "_warnings.warn('quiet: the message matches whatever the case')\n"
        "_warnings.warn('QUIET too')\n"
        "_warnings.warn('a.b*c, shown twice')\n"
        "_warnings.warn('a.b*c, shown twice')\n"
        "try:\n"
        "    _warnings.warn('axbbc is not a.b*c')\n"
        "except UserWarning as e:\n"
        "    print('caught', e)\n"
        "print(_warnings.filters[:5])\n"
    )
    check_W(src, ORACLE.P(src))


def test_W_always_shows_every_time() -> None:
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; "
        "_w._processoptions(['always']); "
        "import _warnings\n"
        "for i in range(3):\n"
        "    _warnings.warn('again')\n"
        "for i in range(2):\n"
        "    _warnings.warn('deprecated', DeprecationWarning)\n"
    )
    check_W(src, ORACLE.P(src))


def test_PYTHONWARNINGS() -> None:
    # Valid options only: the host interpreter that runs pyvm reads
    # PYTHONWARNINGS too, and reports an invalid one on stderr itself.
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; "
        "_w._processoptions(['error::DeprecationWarning', 'ignore::UserWarning']); "
        "import _warnings\n"
        "_warnings.warn('ignored')\n"
        "try:\n"
        "    ~True\n"
        "except DeprecationWarning as e:\n"
        "    print('caught', str(e)[:20])\n"
    )
    check_env(src, ORACLE.P(src))


def test_W_error_with_a_builtin_warning() -> None:
    src = (
        "import warnings as _w; _w.filters[:] = _w.filters[-5:]; "
        "_w._processoptions(['error::DeprecationWarning']); import _warnings\n"
        "print(~True)\n"
    )
    check_W(src, ORACLE.P(src))


@pytest.mark.parametrize("args, env", [
    (["-W", "error", "-W", "ignore::DeprecationWarning", "-W", "error"], None),
    (["-W", "always"], "ignore,default::UserWarning,,ignore"),
    ([], "error::RuntimeWarning"),
    (["-b", "-W", "error"], None),
    (["-bb", "-W", "error::BytesWarning"], "default::BytesWarning"),
])
def test_sys_warnoptions_as_the_host_builds_it(args: list[str], env: str | None) -> None:
    code = "import sys; print(sys.warnoptions)"
    host_env = dict(os.environ)
    host_env.pop("PYTHONWARNINGS", None)
    if env is not None:
        host_env["PYTHONWARNINGS"] = env
    host = subprocess.run([sys.executable] + args + ["-c", code], env=host_env,
                          capture_output=True, text=True, timeout=60)
    assert run_pyvm(args + ["-c", code], env) == (host.returncode, host.stdout, host.stderr)
