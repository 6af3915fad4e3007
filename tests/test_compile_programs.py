"""Compile-only differential tests: pyvm's compiler against CPython 3.14.

Each tests/compile_programs/NAME.py exercises one family of constructs of the
compiler (classes and their cells, decorators, lambdas, every comprehension,
generators, async code, ``with``, ``try``, ``except*``, every ``match``
pattern, walrus, starred targets and calls, scopes, f-strings, annotations,
docstrings, ``__debug__``, imports, loops, closures) or is a program that
CPython refuses to compile (``err_*.py``). tests/compile_expected/NAME.json,
written only by the oracle (tools/oracle/regen.py), holds CPython 3.14's
``python -m dis`` text and canonical code dump, or for the refused programs
``error``: the last line of the report (``SyntaxError: message``).

The programs are compiled, never run: they are compared even where pyvm's
runtime cannot run them yet. For each program and mode (tests/pyvm_runner.py):

    pyvm dis tests/compile_programs/NAME.py       -> dis   (or stderr's last line)
    pyvm codedump tests/compile_programs/NAME.py  -> code  (or stderr's last line)
"""

from __future__ import annotations

import json

import pytest

from pyvm_runner import MODES, ROOT, run_pyvm
from diffcheck import field_diff, last_nonempty_line, normalise_addresses

PROGRAMS = ROOT / "tests" / "compile_programs"
EXPECTED = ROOT / "tests" / "compile_expected"


def program_names() -> list[str]:
    return sorted(p.stem for p in PROGRAMS.glob("*.py"))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", program_names())
def test_compile_program(name: str, mode: str) -> None:
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    path = f"tests/compile_programs/{name}.py"
    problems: list[str] = []
    for field, sub in (("dis", "dis"), ("code", "codedump")):
        p = run_pyvm(mode, [sub, path])
        if "error" in expected:
            actual_error = last_nonempty_line(p.stderr)
            if p.returncode != 1 or actual_error != expected["error"] or p.stdout:
                problems.append(f"--- pyvm {sub}: expected a compile error ---\n"
                                f"expected {expected['error']!r}\n"
                                f"pyvm     {actual_error!r} (exit {p.returncode})\n"
                                + p.stdout[:500] + p.stderr[-1500:])
            continue
        out = p.stdout
        if p.returncode != 0:
            out += f"\n[pyvm {sub} exited {p.returncode}]\n" + p.stderr[-2000:]
        actual = normalise_addresses(out) if field == "dis" else out
        if actual != expected[field]:
            problems.append(f"--- {field} differs ---\n" + field_diff(field, expected[field], actual))
    if problems:
        pytest.fail(f"{name} [{mode}]\n" + "\n".join(problems), pytrace=False)


def test_expected_files_match_programs() -> None:
    """Every compile program has its oracle output and no expected file is stale;
    every ``err_*`` program is one CPython refuses, and only those."""
    programs = set(program_names())
    expected = {p.stem for p in EXPECTED.glob("*.json") if not p.name.startswith("_")}
    assert programs == expected, (
        f"missing expected: {sorted(programs - expected)}; stale: {sorted(expected - programs)} "
        "(run python3 tools/oracle/regen.py)")
    for name in sorted(programs):
        data = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
        assert ("error" in data) == name.startswith("err_"), name
