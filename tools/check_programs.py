"""Developer check: run the differential programs with pyvm straight from this
checkout (``python -m pyvm``, the interpreted sources, no install needed) and
compare them with the oracle's expected results, as tests/test_differential.py
does for the installed build: every field whole (stdout, stderr, exception,
status, dis, code), with a unified diff of each differing run field.

    python3 tools/check_programs.py                 # all programs, all fields
    python3 tools/check_programs.py fstrings sieve  # some programs
    python3 tools/check_programs.py --fields stdout,stderr,exception,status
    python3 tools/check_programs.py --diff          # diffs of dis and code too
    python3 tools/check_programs.py --quiet         # no diffs, one line a program

The programs of tests/programs_pending.txt are reported apart: "pending" when
they still differ (not a failure), "PENDING BUT PASSES" when they match (a
failure, as the strict xfail of tests/test_differential.py: remove the line).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from diffcheck import (FIELDS, RUN_FIELDS, dump_field,  # noqa: E402 (after the path)
                       expand_repo, field_reports, program_names, read_pending, run_fields)


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONHASHSEED="0", PYVM_DEBUG_REFS="1", PYTHONIOENCODING="utf-8")
    env.pop("PYVM_INTERPRETED", None)
    return subprocess.run([sys.executable, "-m", "pyvm", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=300)


def check(name: str, fields: tuple[str, ...]) -> tuple[dict[str, object], dict[str, object]]:
    """(expected, actual) for program ``name``, actual holding ``fields``."""
    expected = expand_repo(json.loads(
        (ROOT / "tests" / "expected" / f"{name}.json").read_text(encoding="utf-8")))
    path = f"tests/programs/{name}.py"
    actual: dict[str, object] = {}
    if set(RUN_FIELDS) & set(fields):
        p = run([path])
        actual.update(run_fields(p.stdout, p.stderr, p.returncode))
    for field, sub in (("dis", "dis"), ("code", "codedump")):
        if field in fields:
            p = run([sub, path])
            actual[field] = dump_field(field, p.returncode, p.stdout, p.stderr)
    return expected, {f: v for f, v in actual.items() if f in fields}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*")
    ap.add_argument("--fields", default=",".join(FIELDS))
    ap.add_argument("--diff", action="store_true", help="show the diffs of dis and code too")
    ap.add_argument("--quiet", action="store_true", help="show no diff")
    args = ap.parse_args()
    fields = tuple(args.fields.split(","))
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        ap.error(f"unknown field(s) {unknown}; the fields are {', '.join(FIELDS)}")
    shown = () if args.quiet else FIELDS if args.diff else RUN_FIELDS
    pending = read_pending()
    names = args.names or program_names()
    passed: list[str] = []
    failed: list[str] = []
    still_pending: list[str] = []
    pending_passes: list[str] = []
    for name in names:
        expected, actual = check(name, fields)
        found = field_reports(expected, actual, fields, limit=60)
        differs = [f for f, _ in found]
        if name in pending:
            if found:
                still_pending.append(name)
                verdict = "pending: " + ", ".join(differs)
            else:
                pending_passes.append(name)
                verdict = "PENDING BUT PASSES: remove it from tests/programs_pending.txt"
        elif found:
            failed.append(name)
            verdict = "DIFFERS: " + ", ".join(differs)
        else:
            passed.append(name)
            verdict = "ok"
        print(f"{name:28} {verdict}", flush=True)
        if found and name not in pending:
            for field, report in found:
                if field in shown:
                    print("    " + report.replace("\n", "\n    "), flush=True)
    if still_pending:
        print(f"pending (tests/programs_pending.txt), still failing: {' '.join(still_pending)}")
    if pending_passes:
        print(f"pending but passing (remove from tests/programs_pending.txt): "
              f"{' '.join(pending_passes)}")
    print(f"{len(passed)} passed, {len(failed) + len(pending_passes)} failed"
          f" ({len(still_pending)} pending, failing as expected)")
    return 1 if failed or pending_passes else 0


if __name__ == "__main__":
    sys.exit(main())
