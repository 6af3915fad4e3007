"""Developer check: run the differential programs with pyvm straight from this
checkout (``python -m pyvm``, the interpreted sources, no install needed) and
compare them with the oracle's expected results, as tests/test_differential.py
does for the installed build.

    python3 tools/check_programs.py                 # all programs, all fields
    python3 tools/check_programs.py fstrings sieve  # some programs
    python3 tools/check_programs.py --fields stdout,exception,status
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("stdout", "exception", "status", "dis", "code")
ADDR = re.compile(r"at 0x[0-9a-f]+")


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONHASHSEED="0", PYVM_DEBUG_REFS="1", PYTHONIOENCODING="utf-8")
    env.pop("PYVM_INTERPRETED", None)
    return subprocess.run([sys.executable, "-m", "pyvm", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def check(name: str, fields: tuple[str, ...]) -> list[str]:
    expected = json.loads((ROOT / "tests" / "expected" / f"{name}.json").read_text())
    path = f"tests/programs/{name}.py"
    actual: dict[str, object] = {}
    if {"stdout", "exception", "status"} & set(fields):
        p = run([path])
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        actual.update(stdout=p.stdout, status=p.returncode,
                      exception=(lines[-1] if lines else None) if p.returncode else None)
    if "dis" in fields:
        actual["dis"] = ADDR.sub("at 0x\u2026", run(["dis", path]).stdout)
    if "code" in fields:
        actual["code"] = run(["codedump", path]).stdout
    return [f for f in fields if actual.get(f) != expected[f]]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--fields", default=",".join(FIELDS))
    args = ap.parse_args()
    fields = tuple(args.fields.split(","))
    names = args.names or sorted(p.stem for p in (ROOT / "tests" / "programs").glob("*.py"))
    bad = 0
    for name in names:
        diff = check(name, fields)
        if diff:
            bad += 1
        print(f"{name:28} {'ok' if not diff else 'DIFFERS: ' + ', '.join(diff)}", flush=True)
    print(f"{len(names) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
