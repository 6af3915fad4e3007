"""What the differential harness compares, shared by tests/test_differential.py
(the installed pyvm, or the checkout with ``PYVM_FROM_CHECKOUT=1``) and
tools/check_programs.py (the checkout): the fields of tests/expected/NAME.json,
how pyvm's run is turned into them, the unified diff shown on a mismatch, and
the pending list tests/programs_pending.txt.

pyvm: test tooling (host python3, stdlib only), not part of the pyvm package.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs"
EXPECTED = ROOT / "tests" / "expected"
PENDING_FILE = ROOT / "tests" / "programs_pending.txt"

# The fields of the program run and of the two compiler dumps.
RUN_FIELDS = ("stdout", "stderr", "exception", "status")
FIELDS = RUN_FIELDS + ("dis", "code")

# CPython runs `python tests/programs/NAME.py` under the script's absolute path
# (Python/initconfig.c:config_run_filename_abspath), so tracebacks and warnings
# name <cwd>/tests/programs/NAME.py. The oracle writes its root as REPO_MARK
# (tools/oracle/oracle_driver.py:normalise_paths); the harness, which runs pyvm
# from the repository root, puts the checkout's real path in its place.
REPO_MARK = "<REPO>"
MARKED_FIELDS = ("stderr", "exception")

_ADDR = re.compile(r"at 0x[0-9a-f]+")


def normalise_addresses(text: str) -> str:
    """The oracle's normalisation of code-object addresses in dis output."""
    return _ADDR.sub("at 0x\u2026", text)


def program_names() -> list[str]:
    return sorted(p.stem for p in PROGRAMS.glob("*.py"))


def last_nonempty_line(text: str) -> Optional[str]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else None


def run_fields(stdout: str, stderr: str, status: int) -> dict[str, object]:
    """The run fields of a finished ``pyvm tests/programs/NAME.py``, as the
    oracle records them (``exception`` only when the status is non-zero)."""
    return {
        "stdout": stdout,
        # Addresses (``<function f at 0x...>`` in an unraisable report) differ
        # from run to run; the oracle normalises them the same way.
        "stderr": normalise_addresses(stderr),
        "exception": last_nonempty_line(stderr) if status != 0 else None,
        "status": status,
    }


_COMPILE_ERRORS = ("SyntaxError", "IndentationError", "TabError")


def dump_field(field: str, status: int, stdout: str, stderr: str) -> Optional[str]:
    """What ``pyvm dis`` / ``pyvm codedump`` printed, as the oracle records the
    ``dis`` / ``code`` field: None for a program that does not compile (the
    command exits 1 with a SyntaxError report and no output), the text
    (addresses normalised for ``dis``) otherwise, with a note and the stderr
    tail appended when the command failed in any other way."""
    if status == 1 and not stdout:
        last = last_nonempty_line(stderr) or ""
        if last.startswith(_COMPILE_ERRORS):
            return None
    out = normalise_addresses(stdout) if field == "dis" else stdout
    if status != 0:
        sub = "dis" if field == "dis" else "codedump"
        out += f"\n[pyvm {sub} exited {status}]\n" + stderr[-2000:]
    return out


def expand_repo(expected: dict[str, object], root: Path = ROOT) -> dict[str, object]:
    """The expected fields with REPO_MARK replaced by ``root`` (its real path,
    as os.getcwd() gives it to pyvm) in the fields that name the program's path."""
    out = dict(expected)
    real = os.path.realpath(root)
    for f in MARKED_FIELDS:
        v = out.get(f)
        if isinstance(v, str):
            out[f] = v.replace(REPO_MARK, real)
    return out


def field_diff(field: str, expected: object, actual: object, limit: int = 120) -> str:
    """A unified diff of one field (expected first), or both reprs when the
    values are not both text or differ only in line endings."""
    if isinstance(expected, str) and isinstance(actual, str):
        lines = list(difflib.unified_diff(
            expected.splitlines(), actual.splitlines(),
            f"expected {field}", f"pyvm {field}", lineterm="", n=2))
        if len(lines) > limit:
            lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines"]
        if not lines:  # differs only in trailing newline / line endings
            lines = [f"expected {expected!r}", f"pyvm     {actual!r}"]
        return "\n".join(lines)
    return f"expected {expected!r}\npyvm     {actual!r}"


def differing_fields(expected: dict[str, object], actual: dict[str, object],
                     fields: tuple[str, ...] = FIELDS) -> list[str]:
    """The fields of ``fields`` present in ``actual`` whose value is not the
    expected one (whole-text comparison)."""
    return [f for f in fields if f in actual and actual[f] != expected.get(f)]


def field_reports(expected: dict[str, object], actual: dict[str, object],
                  fields: tuple[str, ...] = FIELDS, limit: int = 120) -> list[tuple[str, str]]:
    """(field, report) for each differing field, the report a heading and the
    unified diff."""
    return [(f, f"--- {f} differs ---\n" + field_diff(f, expected.get(f), actual[f], limit))
            for f in differing_fields(expected, actual, fields)]


def problems(expected: dict[str, object], actual: dict[str, object],
             fields: tuple[str, ...] = FIELDS, limit: int = 120) -> list[str]:
    """One report (heading and unified diff) per differing field."""
    return [report for _, report in field_reports(expected, actual, fields, limit)]


def read_pending(path: Path = PENDING_FILE) -> dict[str, str]:
    """tests/programs_pending.txt: program name -> why it is pending.

    One name a line; ``#`` starts a comment. The reason is the comment on the
    name's line, else the comment lines just above it, else a generic one."""
    pending: dict[str, str] = {}
    if not path.exists():
        return pending
    above: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        text, _, comment = raw.partition("#")
        name = text.strip()
        if not name:
            above = above + [comment.strip()] if comment.strip() else []
            continue
        reason = comment.strip() or " ".join(above) or "listed in tests/programs_pending.txt"
        pending[name] = reason
        above = []
    return pending
