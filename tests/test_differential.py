"""Differential tests: pyvm against CPython 3.14.

For every tests/programs/NAME.py, tests/expected/NAME.json holds what CPython
3.14 (the pyodide oracle, tools/oracle/regen.py) produced: the program's
stdout, its whole stderr (tracebacks included), exit status and last stderr
line, ``python -m dis`` output and the canonical dump of the marshalled code
object (pyvm/compile/codedump.py). This harness runs pyvm three times per
program from the repository root, as the oracle did (cwd = root, the program
named ``tests/programs/NAME.py``; the absolute path CPython gives it in
tracebacks is stored as ``<REPO>/tests/programs/NAME.py`` and compared with
this checkout's root in place of ``<REPO>``):

    pyvm tests/programs/NAME.py           -> stdout, stderr, status, exception
    pyvm dis tests/programs/NAME.py       -> dis
    pyvm codedump tests/programs/NAME.py  -> code

and compares all six fields whole, showing a unified diff on mismatch
(tests/diffcheck.py).

Each program runs in every mode of MODES: "compiled" (the mypyc build; skipped
with a reason when the installed pyvm is not compiled) and "interpreted"
(``PYVM_INTERPRETED=1``, the same source run as plain Python). With
``PYVM_FROM_CHECKOUT=1`` pyvm runs from this checkout (``python -m pyvm``,
interpreted mode only; tests/pyvm_runner.py).

The programs named in tests/programs_pending.txt are known not to pass yet:
they are marked ``xfail(strict=True)`` in both modes, so one that starts
passing fails until its line is removed.
"""

from __future__ import annotations

import json

import pytest

from diffcheck import (EXPECTED, dump_field, expand_repo, problems, program_names,
                       read_pending, run_fields)
from pyvm_runner import (CHECKED_MODULES, MODES, is_extension, module_files,
                         require_compiled, run_pyvm)

PENDING = read_pending()


def program_params() -> list[object]:
    """Every program, the pending ones marked strict xfail."""
    return [pytest.param(name, marks=pytest.mark.xfail(
                strict=True, reason=f"pending (tests/programs_pending.txt): {PENDING[name]}"))
            if name in PENDING else name
            for name in program_names()]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", program_params())
def test_program(name: str, mode: str) -> None:
    expected = expand_repo(json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8")))
    path = f"tests/programs/{name}.py"
    proc = run_pyvm(mode, [path])
    actual = run_fields(proc.stdout, proc.stderr, proc.returncode)
    for field, sub in (("dis", "dis"), ("code", "codedump")):
        p = run_pyvm(mode, [sub, path])
        actual[field] = dump_field(field, p.returncode, p.stdout, p.stderr)
    found = problems(expected, actual)
    if found:
        pytest.fail(f"{name} [{mode}]\n" + "\n".join(found), pytrace=False)


def test_expected_files_match_programs() -> None:
    """Every program has its oracle output and no expected file is stale."""
    programs = set(program_names())
    expected = {p.stem for p in EXPECTED.glob("*.json")}
    assert programs == expected, (
        f"missing expected: {sorted(programs - expected)}; stale: {sorted(expected - programs)} "
        "(run python3 tools/oracle/regen.py)")


def test_pending_names_are_programs() -> None:
    """Every name in tests/programs_pending.txt is a differential program."""
    unknown = sorted(set(PENDING) - set(program_names()))
    assert not unknown, f"tests/programs_pending.txt names no such program: {unknown}"


def test_compiled_modules_loaded() -> None:
    """With PYVM_REQUIRE_COMPILED=1 (CI): the default mode loads the mypyc
    extension modules and PYVM_INTERPRETED=1 loads the .py sources."""
    if not require_compiled():
        pytest.skip("set PYVM_REQUIRE_COMPILED=1 to require the compiled build")
    compiled = module_files("compiled")
    for name in CHECKED_MODULES:
        assert is_extension(compiled.get(name, "")), f"{name}: {compiled.get(name)}"
    interpreted = module_files("interpreted")
    for name in CHECKED_MODULES:
        assert interpreted.get(name, "").endswith(".py"), f"{name}: {interpreted.get(name)}"
