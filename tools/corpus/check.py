#!/usr/bin/env python3
"""The corpus check: pyvm's compiler against CPython 3.14 on a whole standard library.

    python3 tools/corpus/check.py                                # CPython 3.14's whole Lib
    python3 tools/corpus/check.py --sample tools/corpus/sample.txt   # the CI sample
    python3 tools/corpus/check.py --root CPYTHON/Lib CPYTHON/Lib/test    # another tree
    python3 tools/corpus/check.py --jobs 2 --report corpus.md    # (or corpus.json)
    python3 tools/corpus/check.py FILE.py DIR ...                # just these

pyvm: this is tooling, run by the host python3 (stdlib only); it is not part of
the pyvm package. See tools/corpus/README.md.

Every ``.py`` file of the corpus (by default CPython 3.14's standard library:
the ``python_stdlib.zip`` of the pyodide package the oracle pins, unpacked once
into ``build/corpus/lib314``; ``site-packages`` left out) is compiled twice:

* by the oracle, CPython 3.14 (pyodide, installed by tools/oracle): files go in
  batches to ``node tools/corpus/run.mjs`` processes (pyodide's start costs
  about 2 s, a file then costs milliseconds), which compile
  ``compile(source, path, "exec")`` with the host's path string and hand back
  ``marshal.dumps(code)``;
* by pyvm, in worker processes: ``Py_CompileString(source, path, "exec")``,
  marshalled by ``PyMarshal_WriteObjectToString(code, 5)``.

Both sides' bytes are turned into text by ``pyvm/compile/codedump.py``'s
``dump_marshalled`` (the yardstick of the differential tests) and compared.
A file is *identical* when the dumps are equal; a *mismatch* otherwise, reported
with the first differing code object's qualname and field; a *pyvm failure*
when pyvm raises (or times out, or crashes) on a file CPython 3.14 accepts;
*rejected by CPython* when CPython 3.14 does not compile it (counted apart).

The workers also time pyvm's ``Py_CompileString`` and the host CPython's own
``compile()`` on the same sources, and the summary prints both throughputs in
lines per second, with the ``__file__`` of the pyvm compiler module that ran
(a ``.so`` for the mypyc build, a ``.py`` for the interpreted sources). pyvm is
imported as the host finds it (the installed package when there is one: this
script's directory, not the checkout, is on ``sys.path``), else from this
checkout; ``--checkout`` forces the checkout's sources.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any, Optional

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ORACLE_DIR = REPO / "tools" / "oracle"
DEFAULT_TIMEOUT = 600.0
# Files a node process compiles in one go: enough to amortise pyodide's start,
# few enough that --jobs N processes share the work evenly.
ORACLE_BATCH_LINES = 150_000

STATUSES = ("identical", "mismatch", "pyvm-failure", "rejected", "oracle-error")


# ---------------------------------------------------------------------------
# The corpus


STDLIB_ZIP = ORACLE_DIR / "node_modules" / "pyodide" / "python_stdlib.zip"
STDLIB_DIR = REPO / "build" / "corpus" / "lib314"


def default_root() -> Path:
    """CPython 3.14's ``Lib`` as pyodide ships it, unpacked from the oracle's
    ``python_stdlib.zip`` (again when the zip changes). The oracle must be
    installed (:func:`ensure_oracle`)."""
    stamp = STDLIB_DIR / ".zip-stamp"
    st = STDLIB_ZIP.stat()
    want = f"{st.st_size} {st.st_mtime_ns}\n"
    if not stamp.exists() or stamp.read_text() != want:
        import zipfile
        shutil.rmtree(STDLIB_DIR, ignore_errors=True)
        with zipfile.ZipFile(STDLIB_ZIP) as z:
            z.extractall(STDLIB_DIR)
        stamp.write_text(want)
    return STDLIB_DIR


def host_lib() -> Path:
    """The host Python's own standard library directory (where os.py lives)."""
    return Path(os.__file__).resolve().parent


def corpus_files(root: Path) -> list[Path]:
    """Every .py file under root, site-packages (third-party code) excluded."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in ("site-packages", "dist-packages", "__pycache__"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                out.append(Path(dirpath) / name)
    return out


def sample_files(sample: Path, root: Path) -> list[Path]:
    """The paths of a sample list: one a line, relative to root; # comments."""
    out: list[Path] = []
    for line in sample.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(root / line)
    return out


def expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p).resolve()
        if path.is_dir():
            out.extend(corpus_files(path))
        else:
            out.append(path)
    return out


def count_lines(source: bytes) -> int:
    n = source.count(b"\n")
    if source and not source.endswith(b"\n"):
        n += 1
    return n


# ---------------------------------------------------------------------------
# The oracle: CPython 3.14 under pyodide


def oracle_available() -> Optional[str]:
    """None when node and tools/oracle's pyodide can run, else why not."""
    if shutil.which("node") is None:
        return "node not found (install Node.js >= 18)"
    if not (ORACLE_DIR / "node_modules" / "pyodide" / "package.json").exists():
        if shutil.which("npm") is None:
            return "tools/oracle/node_modules is missing and npm is not installed"
    return None


def ensure_oracle() -> None:
    sys.path.insert(0, str(ORACLE_DIR))
    try:
        from regen import ensure_node_modules  # type: ignore[import-not-found]  # tools/oracle/regen.py, on sys.path just above
    finally:
        sys.path.remove(str(ORACLE_DIR))
    ensure_node_modules()


def batches(files: list[Path], sizes: dict[Path, int], jobs: int) -> list[list[Path]]:
    """Split files into batches of about ORACLE_BATCH_LINES lines, at least
    ``jobs`` of them, dealt round-robin by size so each is a similar mix."""
    total = sum(sizes[f] for f in files)
    n = max(jobs, min(len(files), -(-total // ORACLE_BATCH_LINES)))
    n = max(1, min(n, len(files)))
    out: list[list[Path]] = [[] for _ in range(n)]
    for i, f in enumerate(sorted(files, key=lambda f: -sizes[f])):
        out[i % n].append(f)
    return out


def run_oracle(files: list[Path], sizes: dict[Path, int], jobs: int,
               verbose: bool) -> dict[str, dict[str, Any]]:
    """Compile files with CPython 3.14: up to ``jobs`` node processes at a time."""
    node = shutil.which("node")
    assert node is not None
    mounts = sorted({str(f.parent) for f in files})
    # Mount only the topmost directories (NODEFS mounts whole trees).
    tops: list[str] = []
    for m in mounts:
        if not any(m == t or m.startswith(t.rstrip("/") + "/") for t in tops):
            tops.append(m)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="pyvm-corpus-") as tmp:
        todo = list(enumerate(batches(files, sizes, jobs)))
        running: list[tuple[int, subprocess.Popen[bytes], Path, IO[bytes]]] = []
        env = dict(os.environ, PYTHONHASHSEED="0")
        while todo or running:
            while todo and len(running) < jobs:
                i, batch = todo.pop(0)
                lst = Path(tmp) / f"list{i}.txt"
                lst.write_text("".join(f"{f}\n" for f in batch), encoding="utf-8")
                out = Path(tmp) / f"out{i}.jsonl"
                err: IO[bytes] = open(Path(tmp) / f"err{i}.txt", "w+b")
                proc = subprocess.Popen([node, str(HERE / "run.mjs"), str(REPO), str(lst),
                                         str(out), *tops],
                                        cwd=HERE, env=env, stdout=err, stderr=err)
                running.append((i, proc, out, err))
            time.sleep(0.05)
            for entry in list(running):
                i, proc, out, err = entry
                if proc.poll() is None:
                    continue
                running.remove(entry)
                if proc.returncode != 0:
                    err.seek(0)
                    tail = err.read().decode("utf-8", "replace")[-2000:]
                    sys.stderr.write(f"check: oracle batch {i} exited {proc.returncode}:\n{tail}\n")
                err.close()
                if out.exists():
                    for line in out.read_text(encoding="utf-8").splitlines():
                        rec = json.loads(line)
                        results[rec["path"]] = rec
                if verbose:
                    print(f"check: oracle: {len(results)}/{len(files)} files", file=sys.stderr)
    return results


# ---------------------------------------------------------------------------
# Comparing two dumps


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_code_header(line: str) -> bool:
    """``code`` or ``N: code``: a code object starts (its fields 4 deeper)."""
    s = line.strip()
    if s == "code":
        return True
    head, sep, rest = s.partition(": ")
    return bool(sep) and head.isdigit() and rest == "code"


def locate(dump: str, lineno: int) -> tuple[str, str]:
    """(qualname, field) of the code object and field that line ``lineno`` of a
    codedump text belongs to."""
    lines = dump.splitlines()
    # Stack of (field indent, header line index, current field).
    stack: list[list[Any]] = []
    for k in range(min(lineno, len(lines) - 1) + 1):
        line = lines[k]
        ind = _indent(line)
        while stack and ind < stack[-1][0]:
            stack.pop()
        if stack and ind == stack[-1][0]:
            s = line.strip()
            name = s.split(":", 1)[0].replace(" decoded", "")
            stack[-1][2] = name
        if _is_code_header(line) and k < lineno:
            stack.append([ind + 4 if k else 4, k, "?"])
    if not stack:
        return "<module>", "?"
    find, start, field = stack[-1]
    qualname = "?"
    for line in lines[start + 1:]:
        ind = _indent(line)
        if ind < find:
            break
        if ind == find and line.strip().startswith("qualname: "):
            qualname = line.strip()[len("qualname: "):]
            break
    if qualname.startswith("'") and qualname.endswith("'"):
        qualname = qualname[1:-1]
    return qualname, field


def first_difference(expected: str, actual: str) -> dict[str, Any]:
    a = expected.splitlines()
    b = actual.splitlines()
    k = 0
    while k < len(a) and k < len(b) and a[k] == b[k]:
        k += 1
    source, line = (expected, k) if k < len(a) else (actual, k)
    qualname, field = locate(source, line)
    return {"qualname": qualname, "field": field, "dump_line": k + 1,
            "expected": a[k].strip() if k < len(a) else "<end of dump>",
            "actual": b[k].strip() if k < len(b) else "<end of dump>"}


# ---------------------------------------------------------------------------
# The pyvm side: worker processes


class _Timeout(Exception):
    pass


def _describe_pyvm_error(e: BaseException) -> str:
    """One line for an exception raised by pyvm's compiler."""
    try:
        from pyvm.objects.object import PyErr
    except ImportError:  # pragma: no cover
        PyErr = None  # type: ignore[assignment,misc]
    if PyErr is not None and isinstance(e, PyErr):
        name = e.exc_type.tp_name
        msg = e.msg
        if msg is None and e.arg is not None:
            value = getattr(e.arg, "value", None)
            if isinstance(value, str):
                msg = value
            else:
                items = getattr(e.arg, "ob_item", None)
                if items and isinstance(getattr(items[0], "value", None), str):
                    msg = items[0].value
        text = f"{name}: {msg}" if msg is not None else name
    else:
        text = f"{type(e).__name__}: {e}"
    first = text.splitlines()[0] if text.strip() else type(e).__name__
    return first[:300]


def import_pyvm(checkout: bool) -> str:
    """Import pyvm's compiler; returns the compiler module's __file__."""
    if checkout:
        sys.path.insert(0, str(REPO))
    else:
        try:
            import pyvm  # noqa: F401  (the installed package, if any)
        except ImportError:
            sys.path.insert(0, str(REPO))
    import pyvm.compile.compile as comp
    return str(comp.__file__)


def worker_main(checkout: bool, timeout: float) -> int:
    """``check.py --worker``: one JSON task a line on stdin, one result a line on
    the original stdout (the compiler's own output, if any, goes to stderr)."""
    import signal
    import warnings

    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(10000)
    compiler_file = import_pyvm(checkout)
    from pyvm.compile.codedump import dump_marshalled
    from pyvm.compile.compile import Py_CompileString
    from pyvm.compile.marshal import PyMarshal_WriteObjectToString

    def on_alarm(signum: int, frame: object) -> None:
        raise _Timeout()

    signal.signal(signal.SIGALRM, on_alarm)
    out.write(json.dumps({"ready": compiler_file}) + "\n")
    out.flush()
    for line in sys.stdin:
        task = json.loads(line)
        path = task["path"]
        res: dict[str, Any] = {"path": path}
        with open(path, "rb") as f:
            source = f.read()
        res["lines"] = count_lines(source)
        stage = ""
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            t0 = time.perf_counter()
            code = Py_CompileString(source, path, "exec")
            res["pyvm_time"] = time.perf_counter() - t0
            stage = "marshal: "
            data = PyMarshal_WriteObjectToString(code, 5)
            signal.setitimer(signal.ITIMER_REAL, 0)
        except _Timeout:
            res["pyvm_error"] = f"{stage}timeout: no result after {timeout:g} s"
        except BaseException as e:  # PyErr, NotImplementedError, RecursionError...
            signal.setitimer(signal.ITIMER_REAL, 0)
            res["pyvm_error"] = stage + _describe_pyvm_error(e)
        if not task["oracle_ok"]:
            res["status"] = "rejected"
            res["pyvm_accepts"] = "pyvm_error" not in res
            res.pop("pyvm_time", None)
        elif "pyvm_error" in res:
            res["status"] = "pyvm-failure"
        else:
            t0 = time.perf_counter()
            try:
                compile(source, path, "exec")
                res["host_time"] = time.perf_counter() - t0
            except Exception as e:  # the host 3.11 rejects syntax newer than it
                res["host_error"] = f"{type(e).__name__}: {e}"
            expected = dump_marshalled(base64.b64decode(task["marshal"]))
            try:
                actual = dump_marshalled(data)
            except Exception as e:
                actual = f"(pyvm's marshal output does not load: {type(e).__name__}: {e})\n"
            if expected == actual:
                res["status"] = "identical"
            else:
                res["status"] = "mismatch"
                res.update(first_difference(expected, actual))
        out.write(json.dumps(res) + "\n")
        out.flush()
    return 0


class Worker:
    def __init__(self, checkout: bool, timeout: float, logdir: str, n: int) -> None:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker",
               "--timeout", str(timeout)]
        if checkout:
            cmd.append("--checkout")
        self.log = open(Path(logdir) / f"worker{n}.log", "w+b")
        env = dict(os.environ, PYTHONHASHSEED="0")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, env=env, cwd=str(HERE))
        assert self.proc.stdout is not None
        self.stdout = self.proc.stdout
        self.buf = b""
        self.task: Optional[dict[str, Any]] = None
        self.sent = 0.0
        self.compiler_file = ""

    def send(self, task: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.task = task
        self.sent = time.monotonic()
        self.proc.stdin.write((json.dumps(task) + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def log_tail(self) -> str:
        self.log.seek(0)
        text = self.log.read().decode("utf-8", "replace").strip()
        return text.splitlines()[-1][:300] if text else ""

    def close(self) -> None:
        if self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        self.proc.wait()
        self.log.close()


def run_pyvm(files: list[Path], sizes: dict[Path, int], oracle: dict[str, dict[str, Any]],
             jobs: int, checkout: bool, timeout: float, verbose: bool
             ) -> tuple[list[dict[str, Any]], str]:
    """Compile, compare and time every file in ``jobs`` worker processes; a worker
    that dies is replaced and its file reported as a crash."""
    pending = sorted(files, key=lambda f: -sizes[f])  # big files first: even finish
    results: list[dict[str, Any]] = []
    compiler_file = ""
    sel = selectors.DefaultSelector()
    with tempfile.TemporaryDirectory(prefix="pyvm-corpus-w-") as logdir:
        nworkers = 0

        def start() -> Worker:
            nonlocal nworkers
            nworkers += 1
            w = Worker(checkout, timeout, logdir, nworkers)
            sel.register(w.stdout, selectors.EVENT_READ, w)
            return w

        def feed(w: Worker) -> None:
            while pending:
                f = pending.pop(0)
                rec = oracle.get(str(f))
                if rec is None or rec.get("unreadable"):
                    why = rec["error"] if rec else "no result from the oracle"
                    results.append({"path": str(f), "lines": sizes[f],
                                    "status": "oracle-error", "error": why})
                    continue
                task = {"path": str(f), "oracle_ok": rec["ok"],
                        "marshal": rec.get("marshal")}
                w.send(task)
                return
            w.task = None

        workers = [start() for _ in range(max(1, min(jobs, len(files))))]
        ready: set[int] = set()
        last_report = time.monotonic()
        while True:
            busy = [w for w in workers if w.task is not None or id(w) not in ready]
            if not busy:
                break
            for key, _ in sel.select(timeout=1.0):
                w = key.data
                chunk = os.read(w.stdout.fileno(), 1 << 20)
                if not chunk:  # the worker died
                    sel.unregister(w.stdout)
                    rc = w.proc.wait()
                    tail = w.log_tail()
                    if w.task is not None:
                        results.append({"path": w.task["path"], "lines": sizes[Path(w.task["path"])],
                                        "status": ("pyvm-failure" if w.task["oracle_ok"]
                                                   else "rejected"),
                                        "pyvm_error": f"worker crashed (exit {rc}): {tail}",
                                        "pyvm_accepts": False})
                    elif id(w) not in ready:
                        sys.stderr.write(f"check: a pyvm worker failed to start (exit {rc}): "
                                         f"{tail}\n")
                        return results, compiler_file
                    w.close()
                    workers.remove(w)
                    nw = start()
                    workers.append(nw)
                    continue
                w.buf += chunk
                while b"\n" in w.buf:
                    line, w.buf = w.buf.split(b"\n", 1)
                    msg = json.loads(line)
                    if "ready" in msg:
                        ready.add(id(w))
                        compiler_file = msg["ready"]
                    else:
                        results.append(msg)
                    feed(w)
            for w in workers:
                # The worker's own alarm did not fire (a native loop that never
                # checks for signals): kill it; its file is reported as a crash.
                if w.task is not None and time.monotonic() - w.sent > timeout + 60:
                    w.proc.kill()
            if verbose and time.monotonic() - last_report > 10:
                last_report = time.monotonic()
                print(f"check: pyvm: {len(results)}/{len(files)} files", file=sys.stderr)
        for w in workers:
            sel.unregister(w.stdout)
            w.close()
    return results, compiler_file


# ---------------------------------------------------------------------------
# The summary


def reason_key(error: str) -> str:
    """Group failure messages: the first line, numbers and quoted names elided."""
    import re
    s = error.split("\n", 1)[0]
    s = re.sub(r"'[^']*'", "'…'", s)
    s = re.sub(r"\d+", "N", s)
    return s[:160]


def summarise(results: list[dict[str, Any]], root: Optional[Path], compiler_file: str,
              elapsed: float) -> dict[str, Any]:
    counts = {s: 0 for s in STATUSES}
    for r in results:
        counts[r["status"]] += 1
    compared = counts["identical"] + counts["mismatch"] + counts["pyvm-failure"]

    def rel(p: str) -> str:
        if root is not None:
            try:
                return str(Path(p).relative_to(root))
            except ValueError:
                pass
        return p

    timed = [r for r in results if "pyvm_time" in r and "host_time" in r]
    lines = sum(r["lines"] for r in timed)
    pyvm_t = sum(r["pyvm_time"] for r in timed)
    host_t = sum(r["host_time"] for r in timed)
    reasons: dict[str, int] = {}
    for r in results:
        if r["status"] == "pyvm-failure":
            k = "pyvm fails: " + reason_key(r.get("pyvm_error", "?"))
        elif r["status"] == "mismatch":
            k = f"mismatch in {r.get('field', '?')}"
        else:
            continue
        reasons[k] = reasons.get(k, 0) + 1
    failing = []
    for r in sorted(results, key=lambda r: r["path"]):
        if r["status"] == "pyvm-failure":
            failing.append({"path": rel(r["path"]), "status": r["status"],
                            "reason": r.get("pyvm_error", "?")})
        elif r["status"] == "mismatch":
            failing.append({"path": rel(r["path"]), "status": r["status"],
                            "reason": (f"{r['qualname']}: {r['field']} (dump line "
                                       f"{r['dump_line']}: expected {r['expected'][:80]!r}, "
                                       f"pyvm {r['actual'][:80]!r})"),
                            "qualname": r["qualname"], "field": r["field"]})
        elif r["status"] == "oracle-error":
            failing.append({"path": rel(r["path"]), "status": r["status"],
                            "reason": r.get("error", "?")})
    rejected = [{"path": rel(r["path"]), "pyvm_accepts": r.get("pyvm_accepts", False)}
                for r in sorted(results, key=lambda r: r["path"]) if r["status"] == "rejected"]
    return {
        "root": str(root) if root else None,
        "files": len(results),
        "compared": compared,
        "identical": counts["identical"],
        "mismatches": counts["mismatch"],
        "pyvm_failures": counts["pyvm-failure"],
        "rejected_by_cpython": counts["rejected"],
        "oracle_errors": counts["oracle-error"],
        "pyvm_compiler": compiler_file,
        "pyvm_build": "compiled (mypyc)" if compiler_file.endswith((".so", ".pyd"))
                      else "interpreted (.py sources)",
        "throughput": {"files": len(timed), "lines": lines,
                       "pyvm_seconds": round(pyvm_t, 3), "host_seconds": round(host_t, 3),
                       "pyvm_lines_per_second": round(lines / pyvm_t) if pyvm_t else None,
                       "host_lines_per_second": round(lines / host_t) if host_t else None,
                       "host": sys.version.split()[0]},
        "elapsed_seconds": round(elapsed, 1),
        "top_reasons": sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])),
        "failing": failing,
        "rejected": rejected,
    }


def text_summary(s: dict[str, Any]) -> str:
    t = s["throughput"]
    pct = 100.0 * s["identical"] / s["compared"] if s["compared"] else 100.0
    out = [f"corpus: {s['files']} files" + (f" under {s['root']}" if s["root"] else ""),
           f"  identical:           {s['identical']} / {s['compared']} compared ({pct:.1f}%)",
           f"  mismatches:          {s['mismatches']}",
           f"  pyvm failures:       {s['pyvm_failures']}",
           f"  rejected by CPython: {s['rejected_by_cpython']}"
           + (f" (pyvm accepts {sum(r['pyvm_accepts'] for r in s['rejected'])} of them)"
              if s["rejected"] else "")]
    if s["oracle_errors"]:
        out.append(f"  oracle errors:       {s['oracle_errors']}")
    out.append(f"pyvm build: {s['pyvm_build']}: {s['pyvm_compiler']}")
    if t["pyvm_lines_per_second"]:
        ratio = t["host_lines_per_second"] / t["pyvm_lines_per_second"]
        out.append(f"compile throughput on {t['files']} files, {t['lines']} lines: "
                   f"pyvm {t['pyvm_lines_per_second']:,} lines/s ({t['pyvm_seconds']:.1f} s), "
                   f"host CPython {t['host']} compile() {t['host_lines_per_second']:,} lines/s "
                   f"({t['host_seconds']:.1f} s): host {ratio:.1f}x faster")
    if s["top_reasons"]:
        out.append("top failure reasons:")
        for k, n in s["top_reasons"][:15]:
            out.append(f"  {n:5d}  {k}")
    out.append(f"elapsed: {s['elapsed_seconds']} s")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return text.replace("|", "\\|")


def markdown_report(s: dict[str, Any]) -> str:
    t = s["throughput"]
    out = ["# pyvm corpus check", "",
           f"Corpus: {s['files']} files" + (f" under `{s['root']}`" if s["root"] else "") + ".", "",
           "| | files |", "|---|---:|",
           f"| identical | {s['identical']} |",
           f"| compared (both compile, or pyvm fails) | {s['compared']} |",
           f"| mismatches | {s['mismatches']} |",
           f"| pyvm failures | {s['pyvm_failures']} |",
           f"| rejected by CPython 3.14 | {s['rejected_by_cpython']} |",
           f"| oracle errors | {s['oracle_errors']} |", "",
           f"pyvm build: {s['pyvm_build']} (`{s['pyvm_compiler']}`).", ""]
    if t["pyvm_lines_per_second"]:
        out += [f"Compile throughput on {t['files']} files ({t['lines']} lines): pyvm "
                f"{t['pyvm_lines_per_second']:,} lines/s, host CPython {t['host']} `compile()` "
                f"{t['host_lines_per_second']:,} lines/s.", ""]
    if s["top_reasons"]:
        out += ["## Top failure reasons", "", "| files | reason |", "|---:|---|"]
        out += [f"| {n} | {_cell(k)} |" for k, n in s["top_reasons"]]
        out.append("")
    if s["failing"]:
        out += ["## Failing files", "", "| file | status | reason |", "|---|---|---|"]
        out += [f"| `{f['path']}` | {f['status']} | {_cell(f['reason'])} |"
                for f in s["failing"]]
        out.append("")
    if s["rejected"]:
        out += ["## Rejected by CPython 3.14", ""]
        out += [f"* `{r['path']}`" + (" (pyvm accepts it)" if r["pyvm_accepts"] else "")
                for r in s["rejected"]]
        out.append("")
    return "\n".join(out)


def run_check(files: list[Path], root: Optional[Path], jobs: int, checkout: bool,
              timeout: float, verbose: bool) -> dict[str, Any]:
    t0 = time.monotonic()
    sizes: dict[Path, int] = {}
    for f in files:
        try:
            sizes[f] = count_lines(f.read_bytes())
        except OSError:
            sizes[f] = 0
    oracle = run_oracle(files, sizes, jobs, verbose)
    if verbose:
        print(f"check: oracle done in {time.monotonic() - t0:.1f} s", file=sys.stderr)
    results, compiler_file = run_pyvm(files, sizes, oracle, jobs, checkout, timeout, verbose)
    return summarise(results, root, compiler_file, time.monotonic() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="files or directories (default: the whole Lib)")
    ap.add_argument("--root", default=None,
                    help="the standard library directory (default: CPython 3.14's from the "
                         "oracle's pyodide; 'host' for the host Python's own)")
    ap.add_argument("--sample", type=Path, help="a list of files relative to --root, one a line")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--report", type=Path, help="write the summary: .json, else Markdown")
    ap.add_argument("--checkout", action="store_true",
                    help="compile with this checkout's pyvm sources, not an installed pyvm")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help="seconds pyvm may spend on one file")
    ap.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker_main(args.checkout, args.timeout)
    why = oracle_available()
    if why is not None:
        sys.exit(f"check: the oracle cannot run: {why}")
    ensure_oracle()
    if args.root is None:
        root = default_root()
    else:
        root = (host_lib() if args.root == "host" else Path(args.root)).resolve()
    if args.paths:
        files = expand(args.paths)
    elif args.sample:
        files = sample_files(args.sample, root)
    else:
        files = corpus_files(root)
    if not files:
        sys.exit("check: no files")
    summary = run_check(files, root, max(1, args.jobs), args.checkout, args.timeout,
                        not args.quiet)
    sys.stdout.write(text_summary(summary))
    if args.report:
        if args.report.suffix == ".json":
            args.report.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        else:
            args.report.write_text(markdown_report(summary), encoding="utf-8")
    ok = (summary["identical"] == summary["compared"] and not summary["oracle_errors"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
