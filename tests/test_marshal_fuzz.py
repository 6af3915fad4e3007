"""Regression tests from tools/fuzz/marshal_fuzz.py: mutated marshal data that
pyvm's reader (pyvm/compile/marshal.py) once treated differently from CPython
3.14's Python/marshal.c, and a sample of every kind of outcome.

tests/marshal_fuzz_oracle.json maps the hex of each blob to CPython's result as
the oracle gave it (``"Type: message"`` of the exception ``marshal.loads``
raises, or ``"ok"`` and the canonical dump of ``marshal.dumps`` of what it
loaded: tools/oracle/oracle_driver.py's ``marshal_fuzz_result``). Blobs join
it with ``python3 tools/fuzz/marshal_fuzz.py --record`` (the mismatches of a
fuzzing run), ``--record-index N`` or ``--record-kinds K``; the results of
every recorded blob are asked of the oracle again with
``python3 tests/test_marshal_fuzz.py --regen``. Nothing is typed by hand.

Covered, among others: a code object's fields are read whatever their type and
checked together afterwards (``_PyCode_Validate``: SystemError naming
codeobject.c, or the error of a later field first); names that are not str
(``non-string found in code slot``); invalid UTF-8 (UnicodeDecodeError with the
byte and position); a float's text cut at its first NUL; a reference to a
tuple or list still being read; a slice with a NULL part; and a re-dump of
code holding specialised opcodes or cache contents (C's ``deopt_code`` after
``_PyCode_Quicken``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools" / "fuzz"))
try:
    import marshal_fuzz  # tools/fuzz/marshal_fuzz.py
finally:
    sys.path.remove(str(ROOT / "tools" / "fuzz"))

DATA = ROOT / "tests" / "marshal_fuzz_oracle.json"


def recorded() -> dict[str, str]:
    if not DATA.exists():
        return {}
    data: dict[str, str] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("blob", sorted(recorded()), ids=lambda h: f"{len(h) // 2}b-{h[-16:]}")
def test_marshal_fuzz_regression(blob: str) -> None:
    expected = recorded()[blob]
    assert marshal_fuzz.pyvm_result(bytes.fromhex(blob), True) == expected


def test_some_data_recorded() -> None:
    assert len(recorded()) >= 20, "run python3 tools/fuzz/marshal_fuzz.py --record-kinds 3"


def regen() -> None:
    """Ask the oracle again for every recorded blob."""
    data = recorded()
    blobs = [bytes.fromhex(h) for h in sorted(data)]
    results = marshal_fuzz.oracle_results(blobs, True)
    fresh = {b.hex(): r for b, r in zip(blobs, results) if r != marshal_fuzz.ORACLE_CRASHED}
    marshal_fuzz.save_regressions(fresh)
    print(f"{len(fresh)} blobs -> {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regen"]:
        sys.exit("usage: python3 tests/test_marshal_fuzz.py --regen")
    regen()
