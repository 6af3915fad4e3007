"""Differential tests: pyvm against CPython 3.14.

For every tests/programs/NAME.py, tests/expected/NAME.json holds what CPython
3.14 (the pyodide oracle, tools/oracle/regen.py) produced: the program's
stdout, exit status and last stderr line, ``python -m dis`` output and the
canonical dump of the marshalled code object (pyvm/compile/codedump.py). This
harness runs the installed ``pyvm`` console script three times per program
(cwd = repository root, so the path the program sees is the oracle's
``tests/programs/NAME.py``):

    pyvm tests/programs/NAME.py           -> stdout, status, exception
    pyvm dis tests/programs/NAME.py       -> dis
    pyvm codedump tests/programs/NAME.py  -> code

and compares all five fields, showing a unified diff on mismatch.

Each program runs in every mode of MODES: "compiled" (the mypyc build; skipped
with a reason when the installed pyvm is not compiled) and "interpreted"
(``PYVM_INTERPRETED=1``, the same source run as plain Python).
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Optional

import pytest

from pyvm_runner import (CHECKED_MODULES, MODES, ROOT, is_extension, module_files,
                         require_compiled, run_pyvm)

PROGRAMS = ROOT / "tests" / "programs"
EXPECTED = ROOT / "tests" / "expected"
FIELDS = ("stdout", "exception", "status", "dis", "code")

_ADDR = re.compile(r"at 0x[0-9a-f]+")


def normalise_addresses(text: str) -> str:
    """The oracle's normalisation of code-object addresses in dis output."""
    return _ADDR.sub("at 0x\u2026", text)


def program_names() -> list[str]:
    return sorted(p.stem for p in PROGRAMS.glob("*.py"))


def pending_programs() -> set[str]:
    """tests/programs_pending.txt: programs known not to pass yet."""
    text = (ROOT / "tests" / "programs_pending.txt").read_text(encoding="utf-8")
    return {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


def program_params() -> list[object]:
    pending = pending_programs()
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="programs_pending.txt"))
            if n in pending else n for n in program_names()]


def last_nonempty_line(text: str) -> Optional[str]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else None


def field_diff(field: str, expected: object, actual: object) -> str:
    if isinstance(expected, str) and isinstance(actual, str):
        lines = list(difflib.unified_diff(
            expected.splitlines(), actual.splitlines(),
            f"expected {field}", f"pyvm {field}", lineterm="", n=2))
        if len(lines) > 120:
            lines = lines[:120] + [f"... {len(lines) - 120} more diff lines"]
        if not lines:  # differs only in trailing newline / line endings
            lines = [f"expected {expected!r}", f"pyvm     {actual!r}"]
        return "\n".join(lines)
    return f"expected {expected!r}\npyvm     {actual!r}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", program_params())
def test_program(name: str, mode: str) -> None:
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    path = f"tests/programs/{name}.py"
    proc = run_pyvm(mode, [path])
    actual: dict[str, object] = {
        "stdout": proc.stdout,
        "status": proc.returncode,
        "exception": last_nonempty_line(proc.stderr) if proc.returncode != 0 else None,
    }
    for field, sub in (("dis", "dis"), ("code", "codedump")):
        p = run_pyvm(mode, [sub, path])
        out = p.stdout
        if p.returncode != 0:
            out += f"\n[pyvm {sub} exited {p.returncode}]\n" + p.stderr[-2000:]
        actual[field] = normalise_addresses(out) if field == "dis" else out
    problems = [f"--- {field} differs ---\n" + field_diff(field, expected[field], actual[field])
                for field in FIELDS if expected[field] != actual[field]]
    if problems:
        tail = proc.stderr[-1500:]
        if tail and actual["status"] != expected["status"]:
            problems.append("--- pyvm stderr (tail) ---\n" + tail)
        pytest.fail(f"{name} [{mode}]\n" + "\n".join(problems), pytrace=False)


def test_pending_programs_exist() -> None:
    assert pending_programs() <= set(program_names())


def test_expected_files_match_programs() -> None:
    """Every program has its oracle output and no expected file is stale."""
    programs = set(program_names())
    expected = {p.stem for p in EXPECTED.glob("*.json")}
    assert programs == expected, (
        f"missing expected: {sorted(programs - expected)}; stale: {sorted(expected - programs)} "
        "(run python3 tools/oracle/regen.py)")


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
