"""Running the installed ``pyvm`` command in either mode, for the tests.

* ``compiled``: the mypyc build as installed (skipped, with the reason, when the
  installed pyvm is not compiled — unless ``PYVM_REQUIRE_COMPILED=1``, as in CI,
  where that is a failure);
* ``interpreted``: the same installed package with ``PYVM_INTERPRETED=1``, so the
  ``.py`` sources run on the host interpreter.

Runs use the console script next to this Python, from the repository root, so
that program paths in tracebacks and ``dis`` output are the relative paths the
oracle used. The suite runs with the reference-count debug mode on
(``PYVM_DEBUG_REFS=1``, DESIGN.md §3).

With ``PYVM_FROM_CHECKOUT=1`` nothing needs to be installed: runs are
``python -m pyvm`` with ``PYTHONPATH`` set to this checkout's root, in
interpreted mode only (the compiled mode is skipped, saying why).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODES = ("compiled", "interpreted")
TIMEOUT = 120
CHECKED_MODULES = ("pyvm.eval.ceval", "pyvm.objects.dictobject", "pyvm.compile.codegen")
FROM_CHECKOUT_ENV = "PYVM_FROM_CHECKOUT"


def from_checkout() -> bool:
    """Whether pyvm runs from this checkout's sources (``PYVM_FROM_CHECKOUT=1``)
    instead of the installed console script."""
    return os.environ.get(FROM_CHECKOUT_ENV, "") not in ("", "0")


def pyvm_command() -> str:
    """The installed ``pyvm`` console script (fails the test when there is none)."""
    here = Path(sys.executable).parent / "pyvm"
    found = str(here) if here.exists() else shutil.which("pyvm")
    if found is None:
        pytest.fail("the pyvm console script is not installed: run `pip install .` first")
    return found


def require_compiled() -> bool:
    return os.environ.get("PYVM_REQUIRE_COMPILED", "") == "1"


def mode_env(mode: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.setdefault("PYVM_DEBUG_REFS", "1")
    env["PYVM_INTERPRETED"] = "1" if mode == "interpreted" else "0"
    if from_checkout():
        old = env.get("PYTHONPATH", "")
        env["PYTHONPATH"] = str(ROOT) + (os.pathsep + old if old else "")
    return env


def pyvm_argv(args: list[str]) -> list[str]:
    """The command line running ``pyvm ARGS``: the console script, or
    ``python -m pyvm`` with ``PYVM_FROM_CHECKOUT=1``."""
    if from_checkout():
        return [sys.executable, "-m", "pyvm", *args]
    return [pyvm_command(), *args]


def module_files(mode: str) -> dict[str, str]:
    """The ``__file__`` of each checked pyvm module as ``mode`` loads it, imported
    from a temporary directory so the checkout does not shadow the installed
    package. Interpreted mode is the launcher's doing, so the probe asks the
    launcher exactly as ``pyvm`` does."""
    code = ("import importlib, json\n"
            "from pyvm.launcher import _take_interpreted_flag, use_interpreted_mode\n"
            "if _take_interpreted_flag([])[0]:\n"
            "    use_interpreted_mode()\n"
            "out = {}\n"
            f"for name in {CHECKED_MODULES!r}:\n"
            "    try:\n"
            "        out[name] = importlib.import_module(name).__file__ or ''\n"
            "    except Exception as e:\n"
            "        out[name] = 'import failed: ' + type(e).__name__ + ': ' + str(e)\n"
            "print(json.dumps(out))\n")
    with tempfile.TemporaryDirectory() as tmp:
        env = mode_env(mode)
        env.pop("PYTHONPATH", None)
        proc = subprocess.run([sys.executable, "-c", code], cwd=tmp, env=env,
                              capture_output=True, text=True, timeout=TIMEOUT)
    if proc.returncode != 0:
        return {n: "python failed: " + proc.stderr.strip()[-500:] for n in CHECKED_MODULES}
    files: dict[str, str] = json.loads(proc.stdout)
    return files


def is_extension(path: str) -> bool:
    return path.endswith((".so", ".pyd"))


@functools.lru_cache(maxsize=None)
def compiled_build_reason() -> Optional[str]:
    """None when the installed pyvm is the compiled build, else why not."""
    f = module_files("compiled").get("pyvm.eval.ceval", "")
    if is_extension(f):
        return None
    return f"the installed pyvm is not the compiled build (pyvm.eval.ceval is {f or 'missing'})"


def require_mode(mode: str) -> None:
    """Skip (or, with ``PYVM_REQUIRE_COMPILED=1``, fail) a run in a mode that
    this setup cannot provide."""
    if mode == "compiled" and from_checkout():
        reason = (f"{FROM_CHECKOUT_ENV}=1 runs the checkout's sources: interpreted mode "
                  "only (install pyvm to run the compiled build)")
        if require_compiled():
            pytest.fail(reason)
        pytest.skip(reason)
    if mode == "compiled":
        reason = compiled_build_reason()
        if reason is not None:
            if require_compiled():
                pytest.fail(reason)
            pytest.skip(reason)


def run_pyvm(mode: str, args: list[str], stdin: Optional[str] = None,
             timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run ``pyvm ARGS`` in ``mode`` from the repository root; a hang fails the test."""
    require_mode(mode)
    try:
        return subprocess.run(pyvm_argv(args), capture_output=True, text=True,
                              encoding="utf-8", errors="replace",
                              input=stdin if stdin is not None else "",
                              env=mode_env(mode), cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"pyvm {' '.join(args)} did not finish within {timeout} s ({mode})")
