"""A short seeded round of the program fuzzer (tools/fuzz/program_fuzz.py):
generated programs compiled by pyvm and by CPython 3.14 must give the same code
objects, and, run by the ``pyvm`` command and by the oracle, the same output,
exit status and stderr (SyntaxWarnings included). Long rounds are run by hand
(``python3 tools/fuzz/program_fuzz.py --count 10000``); what they find becomes a
test of its own. Skipped, with the reason, when the oracle cannot run."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "fuzz"))
try:
    import program_fuzz  # tools/fuzz/program_fuzz.py
finally:
    sys.path.remove(str(ROOT / "tools" / "fuzz"))


def test_generator_is_seeded_and_writes_valid_programs() -> None:
    import pyvm.compile.compile  # noqa: F401  (pyvm's import order)
    from pyvm.modules._warningsmodule import _PyWarnings_IgnoreAll
    _PyWarnings_IgnoreAll()
    a = program_fuzz.make_programs(5, 20)
    assert a == program_fuzz.make_programs(5, 20)
    assert a != program_fuzz.make_programs(6, 20)
    for src in a:  # 3.14 syntax (nested quotes in f-strings): pyvm's parser
        assert not program_fuzz.pyvm_dump(src).startswith("error:"), src


def test_short_round_finds_no_mismatch(capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("node") is None:
        pytest.skip("node not found: the CPython 3.14 oracle cannot run")
    status = program_fuzz.main(["--seed", "20261207", "--count", "60", "--chunk", "60"])
    out = capsys.readouterr().out
    assert "60 programs" in out
    assert status == 0, out
