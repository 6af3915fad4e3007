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
  stderr     everything the program wrote to stderr, tracebacks included, as
             ``python tests/programs/NAME.py`` run from the repository root
             writes it (compared whole); the absolute path CPython gives the
             script reads ``<REPO>/tests/programs/NAME.py`` (the harness puts
             the checkout's root in place of ``<REPO>``)
  exception  the last non-empty line CPython writes to stderr when the exit status
             is non-zero (the traceback's last line), else null
  status     the exit status (0, 1 for an uncaught exception, SystemExit's code)
  dis        what ``python -m dis tests/programs/NAME.py`` prints, ``at 0x…`` normalised
  code       pyvm/compile/codedump.py's canonical dump of marshal.dumps(compile(...))

The second set, tests/compile_programs/NAME.py -> tests/compile_expected/NAME.json,
is only compiled (never run): {"dis", "code"} as above, or {"error"} -- the last
line of the report (``SyntaxError: message``) when compile() fails. Alongside,
tests/compile_expected/_marshal_cpython.json maps the path of every file of both
sets that compiles to the hex of CPython's ``marshal.dumps(compile(...))``
(read by tests/test_marshal_oracle.py). These run in a second node process
(``run.mjs --job``); ``--check`` covers both sets and the marshal file.
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
KEYS = ("stdout", "stderr", "exception", "status", "dis", "code")
COMPILE_PROGRAMS = REPO / "tests" / "compile_programs"
COMPILE_EXPECTED = REPO / "tests" / "compile_expected"
MARSHAL_FILE = "_marshal_cpython.json"


def ensure_node_modules() -> None:
    if (ORACLE_DIR / "node_modules" / "pyodide" / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("regen: npm not found (install Node.js >= 18)")
    print("regen: npm ci in tools/oracle", file=sys.stderr)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ORACLE_DIR, check=True)


def run_script(code: str, script: str) -> str:
    """Runs the Python source ``code`` under the oracle (``node py314.mjs``),
    written to the file ``script`` for the run, and returns its stdout. The
    oracle cannot see this machine's files: data travel inside ``code``. The
    stdout goes to a file, as node's process.exit() may cut a pipe short."""
    out_path = script + ".out"
    try:
        with open(script, "w") as f:
            f.write(code)
        with open(out_path, "w") as out:
            subprocess.run(["node", str(ORACLE_DIR / "py314.mjs"), script], stdout=out,
                           check=True)
        with open(out_path) as f:
            return f.read()
    finally:
        for path in (script, out_path):
            if os.path.exists(path):
                os.remove(path)


def program_names(selected: list[str]) -> list[str]:
    names = sorted(p.stem for p in PROGRAMS.glob("*.py"))
    if selected:
        compile_names = set(compile_program_names([]))
        missing = [n for n in selected if n not in names and n not in compile_names]
        if missing:
            sys.exit(f"regen: no such program(s): {', '.join(missing)}")
        return sorted(n for n in selected if n in names)
    return names


def compile_program_names(selected: list[str]) -> list[str]:
    names = sorted(p.stem for p in COMPILE_PROGRAMS.glob("*.py"))
    if selected:
        return sorted(n for n in selected if n in names)
    return names


def marshal_paths() -> list[str]:
    """Every file of both sets, as the repository-relative path the oracle uses."""
    return ([f"tests/programs/{p.name}" for p in sorted(PROGRAMS.glob("*.py"))]
            + [f"tests/compile_programs/{p.name}" for p in sorted(COMPILE_PROGRAMS.glob("*.py"))])


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


def run_job(job: dict[str, object], timeout: float | None = None) -> dict[str, object]:
    """Runs ``node run.mjs --job`` (oracle_driver.run_job) and returns its JSON
    result; also used by tests/test_marshal_oracle.py and
    tools/fuzz/marshal_fuzz.py. Exits on failure, or after ``timeout`` seconds."""
    node = shutil.which("node")
    if node is None:
        sys.exit("regen: node not found (install Node.js >= 18)")
    with tempfile.TemporaryDirectory() as tmp:
        job_file = Path(tmp) / "job.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        out = Path(tmp) / "oracle.json"
        env = dict(os.environ, PYTHONHASHSEED="0")
        try:
            proc = subprocess.run([node, str(ORACLE_DIR / "run.mjs"), "--job", str(job_file),
                                   str(REPO), str(out)],
                                  cwd=ORACLE_DIR, env=env, stderr=subprocess.PIPE, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            sys.exit(f"regen: the oracle did not finish within {timeout} s")
        if proc.returncode != 0 or not out.exists():
            sys.stderr.write(proc.stderr)
            sys.exit(f"regen: the oracle failed (exit {proc.returncode})")
        data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def render(result: dict[str, object]) -> str:
    keys = KEYS if "stdout" in result else ("error",) if "error" in result else ("dis", "code")
    return json.dumps({k: result[k] for k in keys}, indent=2, ensure_ascii=False) + "\n"


def render_marshal(data: dict[str, str]) -> str:
    return json.dumps(data, indent=0, sort_keys=True) + "\n"


def write_all(results: dict[str, dict[str, object]], dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name, result in results.items():
        (dest / f"{name}.json").write_text(render(result), encoding="utf-8")


def check(results: dict[str, dict[str, object]], expected: Path = EXPECTED,
          marshal: dict[str, str] | None = None) -> list[str]:
    """The problems of ``expected`` against fresh oracle results (the marshal
    data file too when ``marshal`` is given)."""
    problems: list[str] = []
    rel = expected.relative_to(REPO).as_posix()
    with tempfile.TemporaryDirectory() as tmp:
        fresh_dir = Path(tmp)
        write_all(results, fresh_dir)
        if marshal is not None:
            (fresh_dir / MARSHAL_FILE).write_text(render_marshal(marshal), encoding="utf-8")
        fresh = {p.name for p in fresh_dir.glob("*.json")}
        committed = {p.name for p in expected.glob("*.json")}
        for name in sorted(committed - fresh):
            problems.append(f"stale expected file (no program): {rel}/{name}")
        for name in sorted(fresh - committed):
            problems.append(f"missing expected file: {rel}/{name}")
        for name in sorted(fresh & committed):
            new = (fresh_dir / name).read_text(encoding="utf-8")
            old = (expected / name).read_text(encoding="utf-8")
            if new != old:
                diff = list(difflib.unified_diff(
                    old.splitlines(), new.splitlines(),
                    f"{rel}/{name} (committed)", f"{name} (oracle)", lineterm="", n=1))
                shown = [ln[:300] for ln in diff[:40]]
                more = f"\n  ... {len(diff) - 40} more diff lines" if len(diff) > 40 else ""
                problems.append(f"differs: {rel}/{name}\n" + "\n".join(shown) + more)
    return problems


def report(problems: list[str], count: int) -> int:
    if problems:
        print(f"regen --check: {len(problems)} problem(s)")
        for p in problems:
            print(p)
        return 1
    print(f"regen --check: {count} expected files match the oracle")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir and exit 1 if tests/expected differs")
    ap.add_argument("names", nargs="*", help="only these programs (stems of tests/programs/*.py or "
                    "tests/compile_programs/*.py)")
    args = ap.parse_args()
    if args.check and args.names:
        sys.exit("regen: --check always checks every program")
    names = program_names(args.names)
    compile_names = compile_program_names(args.names)
    if not names and not args.names:
        sys.exit("regen: no programs in tests/programs")
    ensure_node_modules()
    t0 = time.monotonic()
    results = run_oracle(names) if names else {}
    job: dict[str, object] = {"compile": compile_names}
    if not args.names:
        job["marshal"] = marshal_paths()
    second = run_job(job) if compile_names or not args.names else {}
    compile_results: dict[str, dict[str, object]] = second.get("compile", {})  # type: ignore[assignment]
    marshal: dict[str, str] | None = second.get("marshal")  # type: ignore[assignment]
    elapsed = time.monotonic() - t0
    if args.check:
        problems = check(results) + check(compile_results, COMPILE_EXPECTED, marshal)
        return report(problems, len(results) + len(compile_results) + 1)
    if results:
        write_all(results, EXPECTED)
    if compile_results:
        write_all(compile_results, COMPILE_EXPECTED)
    if marshal is not None:
        (COMPILE_EXPECTED / MARSHAL_FILE).write_text(render_marshal(marshal), encoding="utf-8")
    if not args.names:
        for dest, keep_names in ((EXPECTED, names), (COMPILE_EXPECTED, compile_names)):
            keep = {f"{n}.json" for n in keep_names} | {MARSHAL_FILE}
            for p in dest.glob("*.json"):
                if p.name not in keep:
                    p.unlink()
                    print(f"regen: removed stale {p.relative_to(REPO)}")
    print(f"regen: {len(results)} programs, {len(compile_results)} compile programs"
          f"{' and the marshal data' if marshal is not None else ''} in {elapsed:.1f} s"
          " -> tests/expected/, tests/compile_expected/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
