#!/usr/bin/env python3
"""Regenerates tests/expected/*.json from the oracle, CPython 3.14 (pyodide).

    python3 tools/oracle/regen.py            # rewrite tests/expected/
    python3 tools/oracle/regen.py --check    # regenerate into a temp dir, exit 1 on any difference
    python3 tools/oracle/regen.py NAME...    # only these programs (no stale-file cleanup)

pyvm: this is tooling, run by the host python3 (stdlib only); it is not part of
the pyvm package. It runs ``npm ci`` in tools/oracle when node_modules is
missing, then one ``node run.mjs`` process for all programs (loading pyodide
takes a few seconds; each program then costs milliseconds).

Each tests/expected/NAME.json has the keys
  stdout     everything the program printed
  exception  the last non-empty line CPython writes to stderr when the exit status
             is non-zero (the traceback's last line), else null
  status     the exit status (0, 1 for an uncaught exception, SystemExit's code)
  dis        what ``python -m dis tests/programs/NAME.py`` prints, ``at 0x…`` normalised
  code       pyvm/compile/codedump.py's canonical dump of marshal.dumps(compile(...))
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORACLE_DIR = Path(__file__).resolve().parent
REPO = ORACLE_DIR.parent.parent
PROGRAMS = REPO / "tests" / "programs"
EXPECTED = REPO / "tests" / "expected"
KEYS = ("stdout", "exception", "status", "dis", "code")


def ensure_node_modules() -> None:
    if (ORACLE_DIR / "node_modules" / "pyodide" / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("regen: npm not found (install Node.js >= 18)")
    print("regen: npm ci in tools/oracle", file=sys.stderr)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ORACLE_DIR, check=True)


def program_names(selected: list[str]) -> list[str]:
    names = sorted(p.stem for p in PROGRAMS.glob("*.py"))
    if selected:
        missing = [n for n in selected if n not in names]
        if missing:
            sys.exit(f"regen: no such program(s): {', '.join(missing)}")
        return sorted(selected)
    return names


def run_oracle(names: list[str]) -> dict[str, dict[str, object]]:
    node = shutil.which("node")
    if node is None:
        sys.exit("regen: node not found (install Node.js >= 18)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "oracle.json"
        env = dict(os.environ, PYTHONHASHSEED="0")
        proc = subprocess.run([node, str(ORACLE_DIR / "run.mjs"), str(REPO), str(out), *names],
                              cwd=ORACLE_DIR, env=env, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0 or not out.exists():
            sys.stderr.write(proc.stderr)
            sys.exit(f"regen: the oracle failed (exit {proc.returncode})")
        data: dict[str, dict[str, object]] = json.loads(out.read_text(encoding="utf-8"))
    return data


def render(result: dict[str, object]) -> str:
    return json.dumps({k: result[k] for k in KEYS}, indent=2, ensure_ascii=False) + "\n"


def write_all(results: dict[str, dict[str, object]], dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name, result in results.items():
        (dest / f"{name}.json").write_text(render(result), encoding="utf-8")


def check(results: dict[str, dict[str, object]]) -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_dir = Path(tmp)
        write_all(results, fresh_dir)
        fresh = {p.name for p in fresh_dir.glob("*.json")}
        committed = {p.name for p in EXPECTED.glob("*.json")}
        for name in sorted(committed - fresh):
            problems.append(f"stale expected file (no program): tests/expected/{name}")
        for name in sorted(fresh - committed):
            problems.append(f"missing expected file: tests/expected/{name}")
        for name in sorted(fresh & committed):
            new = (fresh_dir / name).read_text(encoding="utf-8")
            old = (EXPECTED / name).read_text(encoding="utf-8")
            if new != old:
                diff = list(difflib.unified_diff(
                    old.splitlines(), new.splitlines(),
                    f"tests/expected/{name} (committed)", f"{name} (oracle)", lineterm="", n=1))
                shown = diff[:40]
                more = f"\n  ... {len(diff) - 40} more diff lines" if len(diff) > 40 else ""
                problems.append(f"differs: tests/expected/{name}\n" + "\n".join(shown) + more)
    if problems:
        print(f"regen --check: {len(problems)} problem(s)")
        for p in problems:
            print(p)
        return 1
    print(f"regen --check: {len(results)} expected files match the oracle")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir and exit 1 if tests/expected differs")
    ap.add_argument("names", nargs="*", help="only these programs (stems of tests/programs/*.py)")
    args = ap.parse_args()
    names = program_names(args.names)
    if not names:
        sys.exit("regen: no programs in tests/programs")
    ensure_node_modules()
    t0 = time.monotonic()
    results = run_oracle(names)
    elapsed = time.monotonic() - t0
    if args.check:
        if args.names:
            sys.exit("regen: --check always checks every program")
        return check(results)
    write_all(results, EXPECTED)
    if not args.names:
        keep = {f"{n}.json" for n in names}
        for p in EXPECTED.glob("*.json"):
            if p.name not in keep:
                p.unlink()
                print(f"regen: removed stale {p.relative_to(REPO)}")
    print(f"regen: {len(results)} programs in {elapsed:.1f} s -> tests/expected/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
