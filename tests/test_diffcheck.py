"""The differential harness's comparison (tests/diffcheck.py) catches what it
must: a changed traceback line, a path printed without the checkout's root, a
missing stderr line; and the pending list marks programs strict xfail.

These run without pyvm: they feed the comparison hand-made "pyvm" results
against a real expected file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import diffcheck
from diffcheck import (EXPECTED, REPO_MARK, ROOT, dump_field, expand_repo, field_reports,
                       problems, read_pending, run_fields)

NAME = "uncaught_zero_division"


def expected_of(name: str) -> dict[str, object]:
    return expand_repo(json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8")))


def faithful_run(expected: dict[str, object]) -> dict[str, object]:
    """The run fields pyvm would give if it printed exactly what CPython did."""
    stdout, stderr, status = expected["stdout"], expected["stderr"], expected["status"]
    assert isinstance(stdout, str) and isinstance(stderr, str) and isinstance(status, int)
    return run_fields(stdout, stderr, status)


def test_expected_file_has_whole_stderr() -> None:
    exp = expected_of(NAME)
    stderr = exp["stderr"]
    assert isinstance(stderr, str)
    lines = stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    real = os.path.realpath(ROOT)
    assert lines[1] == f'  File "{real}/tests/programs/{NAME}.py", line 9, in <module>'
    assert lines[-1] == exp["exception"] == "ZeroDivisionError: division by zero"


def test_identical_stderr_passes() -> None:
    exp = expected_of(NAME)
    assert problems(exp, faithful_run(exp)) == []


def test_changed_traceback_line_fails_with_diff() -> None:
    exp = expected_of(NAME)
    stderr = exp["stderr"]
    assert isinstance(stderr, str)
    # Only a caret line changes: the last line (the "exception" field) still agrees.
    changed = stderr.replace("~~~~~~~~~~~~^~~~~~~~~~~~~", "~~~~~~~~~~~~^^~~~~~~~~~~~")
    assert changed != stderr
    actual = run_fields(str(exp["stdout"]), changed, 1)
    reports = field_reports(exp, actual)
    assert [f for f, _ in reports] == ["stderr"]
    text = reports[0][1]
    assert text.startswith("--- stderr differs ---\n--- expected stderr\n+++ pyvm stderr\n")
    assert "\n-           ~~~~~~~~~~~~^~~~~~~~~~~~~" in text
    assert "\n+           ~~~~~~~~~~~~^^~~~~~~~~~~~" in text


def test_missing_stderr_line_fails() -> None:
    exp = expected_of("arith_mixed_bool")  # a DeprecationWarning, status 0
    assert exp["stderr"] and exp["status"] == 0
    actual = run_fields(str(exp["stdout"]), "", 0)
    assert [f for f, _ in field_reports(exp, actual)] == ["stderr"]


def test_relative_path_is_not_accepted() -> None:
    """CPython names the script by its absolute path; a pyvm printing the
    relative one must not pass (the root is substituted, not stripped)."""
    raw = json.loads((EXPECTED / f"{NAME}.json").read_text(encoding="utf-8"))
    assert f'"{REPO_MARK}/tests/programs/{NAME}.py"' in raw["stderr"]
    exp = expand_repo(raw)
    relative = raw["stderr"].replace(REPO_MARK + "/", "")
    assert [f for f, _ in field_reports(exp, run_fields(raw["stdout"], relative, 1))] == ["stderr"]


def test_dump_field() -> None:
    report = '  File "x.py", line 1\n    (\n    ^\nSyntaxError: \'(\' was never closed\n'
    assert dump_field("dis", 1, "", report) is None
    assert dump_field("dis", 0, "x at 0x1f\n", "") == "x at 0x\u2026\n"
    crashed = dump_field("code", 70, "", "pyvm: internal error: KeyError: 3\n")
    assert crashed is not None and "[pyvm codedump exited 70]" in crashed


def test_read_pending(tmp_path: Path) -> None:
    f = tmp_path / "pending.txt"
    f.write_text("# header comment\n# more header\n\n"
                 "alpha  # inline reason\n"
                 "# reason above\n# on two lines\nbeta\n\n"
                 "gamma\n", encoding="utf-8")
    assert read_pending(f) == {
        "alpha": "inline reason",
        "beta": "reason above on two lines",
        "gamma": "listed in tests/programs_pending.txt",
    }
    assert read_pending(tmp_path / "absent.txt") == {}


def test_pending_programs_are_strict_xfail(monkeypatch: pytest.MonkeyPatch) -> None:
    import test_differential
    names = diffcheck.program_names()
    monkeypatch.setattr(test_differential, "PENDING", {names[0]: "why"})
    params = test_differential.program_params()
    assert len(params) == len(names)
    first = params[0]
    assert isinstance(first, type(pytest.param("x")))
    (mark,) = first.marks
    assert mark.name == "xfail" and mark.kwargs["strict"] is True
    assert "why" in mark.kwargs["reason"]
    assert params[1] == names[1]
