"""A short seeded round of the bad-source fuzzer (tools/fuzz/bad_source.py,
issue #10): pyvm's compiler must accept or reject each mutated source as
CPython 3.14 does, with the same exception type, msg, lineno, offset,
end_lineno and end_offset.

The sources are ``generate(SEED, COUNT)``; the oracle's answers are kept in
tests/bad_source_oracle.json (``python3 tests/test_bad_source_fuzz.py
--regen``; CI regenerates it and fails on a difference) with the sources
themselves: the test compiles the stored sources, so it does not depend on
the seed programs (tests/programs/) staying as they were; a regeneration
after they change picks new sources. Long rounds are run by hand
(``python3 tools/fuzz/bad_source.py --seed N --count 5000``); each mismatch
they find is fixed or becomes a program of tests/invalid/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools" / "fuzz"))
import bad_source  # noqa: E402 (after the path)

ORACLE_FILE = ROOT / "tests" / "bad_source_oracle.json"
SEED = 2026
COUNT = 400


def regen() -> int:
    sources = bad_source.generate(SEED, COUNT)
    results = bad_source.oracle_results(sources)
    records = [{"source": s, "oracle": r} for s, r in zip(sources, results)]
    ORACLE_FILE.write_text(json.dumps({"seed": SEED, "count": COUNT, "records": records},
                                      indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{ORACLE_FILE.relative_to(ROOT)}: {len(records)} sources")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--regen"]:
        sys.exit(regen())
    sys.exit("usage: python3 tests/test_bad_source_fuzz.py --regen")


def load() -> list[dict[str, object]]:
    data = json.loads(ORACLE_FILE.read_text(encoding="utf-8"))
    assert data["seed"] == SEED and data["count"] == COUNT
    records: list[dict[str, object]] = data["records"]
    return records


def test_pyvm_agrees_with_the_oracle() -> None:
    records = load()
    sources = [str(r["source"]) for r in records]
    expected = [r["oracle"] for r in records]
    mismatches, counts = bad_source.compare(sources, expected)  # type: ignore[arg-type]
    report = "\n".join(f"source {s!r}\n  oracle {e}\n  pyvm   {g}" for s, e, g in mismatches[:20])
    assert not mismatches, f"{counts['mismatches']} of {counts['sources']} differ:\n{report}"
